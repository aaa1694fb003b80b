"""Settings → CRM tab embedding: the CRM origins allowed to frame the tab and call the API, the
embed secret (generated or rotated, shown once) and a signed link to try the tab as a user."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page
from web.routes.settings_forms import (
    ADMINS,
    BLOCKS,
    FormState,
    confirm_page,
    confirmed,
    error,
    mutate,
    text_values,
)

PAGE = "settings/crm_tab.html"
URL = "/settings/integrations/crm-tab"
DEFAULT_PATH = "/crm-tab/expenses"


async def _render(request: Request, state: FormState | None = None, **extra: Any) -> Response:
    data = await run_operation(request, "SettingsCrmEmbedding")
    context = {
        "embedding": data["crmEmbedding"],
        "users": data["users"]["nodes"],
        "default_path": DEFAULT_PATH,
        **(state or FormState()).context(),
        **extra,
    }
    return await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def crm_tab_page(request: Request) -> Response:
    return await _render(request)


def _at_field(errors: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """``origins.2`` and ``origins`` are all shown next to the one origins field."""
    return [
        {**item, "field": name} if str(item.get("field") or "").startswith(name) else item
        for item in errors
    ]


async def save_origins(request: Request) -> Response:
    values = text_values(await request.form(), ("origins",))
    lines = [line.strip() for line in values["origins"].splitlines()]
    if len(values["origins"]) > 4000:
        errors = [error("origins", "Give at most 10 origins.", "TOO_MANY_ITEMS")]
    else:
        payload = await mutate(request, "CrmEmbeddingOriginsUpdate", {"origins": lines})
        errors = _at_field(payload["errors"], "origins")
    if errors:
        return await _render(request, FormState("origins", errors, values))
    flash(request, "Saved the CRM origins.")
    return redirect(request, URL)


async def generate_secret(request: Request) -> Response:
    form = await request.form()
    if form.get("rotate") == "yes" and not confirmed(form):
        return await confirm_page(
            request, heading="Rotate the embed secret",
            question="The CRM extension's links stop working until it signs with the new "
            "secret. Rotate the embed secret?",
            button="Rotate secret", cancel_url=URL,
        )  # fmt: skip
    data = await run_operation(request, "CrmEmbedSecretGenerate")
    payload = data["crmEmbedSecretGenerate"]
    if payload["errors"]:
        return await _render(request, FormState("secret", payload["errors"], {}))
    return await _render(request, new_secret=payload["secret"])


async def create_link(request: Request) -> Response:
    values = text_values(await request.form(), ("userId", "path", "expiresInSeconds"))
    seconds = values["expiresInSeconds"] or "300"
    if not seconds.isdigit() or len(seconds) > 6:
        errors = [error("expiresInSeconds", "Give a number of seconds from 1 to 600.")]
    else:
        payload = await mutate(
            request, "CrmEmbedLinkCreate",
            {"userId": values["userId"], "path": values["path"],
             "expiresInSeconds": int(seconds)},
        )  # fmt: skip
        errors = payload["errors"]
        if not errors:
            link = {"url": payload["url"], "expiresAt": payload["expiresAt"]}
            return await _render(request, FormState("link", [], values), new_link=link)
    return await _render(request, FormState("link", errors, values))


routes = [
    Route(URL, crm_tab_page, methods=["GET"]),
    Route(URL + "/origins", save_origins, methods=["POST"]),
    Route(URL + "/secret", generate_secret, methods=["POST"]),
    Route(URL + "/link", create_link, methods=["POST"]),
]
