"""What the expense policy settings pages share: reading a form, running one mutation, and the
state a page is rendered with after a refused write (errors and the values typed, per form)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from web.graphql import run_operation
from web.pages import ERROR_TEXTS, render_page

ADMINS = ("ADMIN",)
# Every policy page swaps one element on a refused write (the page body, so an error shows next
# to its field whichever form sent it); a successful write redirects and shows a flash notice.
PAGE_TARGET = "settings-page"
BLOCKS = {PAGE_TARGET: "page"}

Error = dict[str, Any]


@dataclass
class FormState:
    """The form that was refused: its key (one per form on the page), errors and values."""

    key: str = ""
    errors: list[Error] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def context(self) -> dict[str, Any]:
        return {
            "form_errors": {self.key: self.errors} if self.key else {},
            "form_values": {self.key: self.values} if self.key else {},
        }


def text_values(form: FormData, names: Iterable[str]) -> dict[str, str]:
    """The named fields as stripped text ("" when absent; files are ignored)."""
    values: dict[str, str] = {}
    for name in names:
        value = form.get(name)
        values[name] = value.strip() if isinstance(value, str) else ""
    return values


def optional(value: str) -> str | None:
    """An empty field means "not given"."""
    return value or None


def checked(form: FormData, name: str) -> bool:
    return form.get(name) in ("on", "true", "1")


def error(field_name: str | None, message: str, code: str = "INVALID") -> Error:
    return {"field": field_name, "message": message, "code": code}


async def mutate(request: Request, operation: str, variables: Mapping[str, Any]) -> dict[str, Any]:
    """Run a stored mutation with ``{"input": variables}``; its payload (with ``errors``).

    A top-level error (a non-admin's FORBIDDEN) propagates and becomes the 403 page.
    """
    data = await run_operation(request, operation, {"input": dict(variables)})
    payload: dict[str, Any] = next(iter(data.values()))
    return payload


def renamed(errors: Iterable[Error], prefix: str) -> list[Error]:
    """Errors named after an input nested under ``prefix`` (``rules.lunchShare``) named as the
    page's fields are (``lunchShare``)."""
    out = []
    for item in errors:
        name = item.get("field")
        if isinstance(name, str) and name.startswith(prefix):
            item = {**item, "field": name[len(prefix) :]}
        out.append(item)
    return out


_DECIMAL = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def scalar_errors(
    values: Mapping[str, str],
    *,
    decimals: Iterable[str] = (),
    dates: Iterable[str] = (),
    times: Iterable[str] = (),
) -> list[Error]:
    """Typed text the API's scalars would refuse as a whole request (DecimalString, Date,
    Time), as errors next to their fields. Empty fields are left to the API's own rules."""
    errors = []
    for name in decimals:
        value = values.get(name, "")
        if value and (len(value) > 64 or not _DECIMAL.fullmatch(value)):
            errors.append(error(name, "Give a number such as 12.50 (a point for decimals).",
                                "INVALID_AMOUNT"))  # fmt: skip
    for name in dates:
        value = values.get(name, "")
        if value:
            try:
                date.fromisoformat(value)
                valid = len(value) == 10
            except ValueError:
                valid = False
            if not valid:
                errors.append(error(name, "Give a date as YYYY-MM-DD."))
    for name in times:
        value = values.get(name, "")
        if value and not _TIME.fullmatch(value):
            errors.append(error(name, "Give a time of day as HH:MM (00:00 to 23:59)."))
    return errors


async def admin_not_found(request: Request) -> Response:
    """The 404 page for an id that names nothing; non-admins get the 403 page as for any
    admin page (not a hint whether the id exists)."""
    heading, message = ERROR_TEXTS[404]
    context = {"status": 404, "heading": heading, "message": message, "request_id": None}
    return await render_page(request, "errors/page.html", context, roles=ADMINS, status_code=404)


def confirmed(form: FormData) -> bool:
    """A destructive action runs once confirmed: htmx sends ``confirmed`` after its dialog; a
    browser without scripts gets the confirmation page first (``confirm_page``)."""
    return form.get("confirmed") == "yes"


async def confirm_page(
    request: Request, *, heading: str, question: str, button: str, cancel_url: str
) -> Response:
    context = {
        "heading": heading,
        "question": question,
        "button": button,
        "action": request.url.path,
        "cancel_url": cancel_url,
    }
    return await render_page(
        request, "settings/policies/confirm.html", context, roles=ADMINS, blocks=BLOCKS
    )


def without_field(errors: Iterable[Error]) -> list[Error]:
    """Errors about the row acted on (``id``), shown above the list rather than at a field."""
    return [{**item, "field": None} for item in errors]
