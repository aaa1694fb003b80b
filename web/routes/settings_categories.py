"""Settings → Categories: add, rename, deactivate and reactivate; the per diem category marked."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page
from web.routes.settings_forms import ADMINS, BLOCKS, FormState, mutate, text_values

PAGE = "settings/policies/categories.html"
URL = "/settings/categories"
PAGE_SIZE = 100


async def _render(request: Request, state: FormState | None = None) -> Response:
    variables = {"first": PAGE_SIZE, "after": request.query_params.get("after") or None}
    data = await run_operation(request, "SettingsCategories", variables)
    context = {"categories": data["categories"], **(state or FormState()).context()}
    return await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def categories_page(request: Request) -> Response:
    return await _render(request)


async def category_add(request: Request) -> Response:
    values = text_values(await request.form(), ("name",))
    payload = await mutate(request, "CategoryCreate", {"name": values["name"]})
    if payload["errors"]:
        return await _render(request, FormState("add", payload["errors"], values))
    flash(request, f"Added the category {payload['category']['name']}.")
    return redirect(request, URL)


async def category_rename(request: Request) -> Response:
    category_id = request.path_params["id"]
    values = text_values(await request.form(), ("name",))
    payload = await mutate(request, "CategoryUpdate", {"id": category_id, "name": values["name"]})
    if payload["errors"]:
        return await _render(request, FormState(f"rename-{category_id}", payload["errors"], values))
    flash(request, f"Renamed the category to {payload['category']['name']}.")
    return redirect(request, URL)


async def _set_enabled(request: Request, enabled: bool) -> Response:
    category_id = request.path_params["id"]
    payload = await mutate(request, "CategoryUpdate", {"id": category_id, "isEnabled": enabled})
    if payload["errors"]:
        return await _render(request, FormState(f"rename-{category_id}", payload["errors"]))
    name = payload["category"]["name"]
    flash(request, f"{'Reactivated' if enabled else 'Deactivated'} the category {name}.")
    return redirect(request, URL)


async def category_deactivate(request: Request) -> Response:
    return await _set_enabled(request, False)


async def category_reactivate(request: Request) -> Response:
    return await _set_enabled(request, True)


routes = [
    Route(URL, categories_page, methods=["GET"]),
    Route(URL, category_add, methods=["POST"]),
    Route(URL + "/{id}", category_rename, methods=["POST"]),
    Route(URL + "/{id}/deactivate", category_deactivate, methods=["POST"]),
    Route(URL + "/{id}/reactivate", category_reactivate, methods=["POST"]),
]
