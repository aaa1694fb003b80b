"""Settings → Organization profile: name, time zone, base currency and fiscal year."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page
from web.routes.settings_forms import ADMINS, BLOCKS, FormState, error, mutate, text_values

PAGE = "settings/policies/organization.html"
URL = "/settings/organization"
FIELDS = ("name", "timeZone", "baseCurrency", "fiscalYearStartMonth")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC"))


async def _render(request: Request, state: FormState | None = None) -> Response:
    data = await run_operation(request, "SettingsOrganization")
    context = {
        "organization": data["organization"],
        "has_expenses": data["expenses"]["totalCount"] > 0,
        "time_zones": time_zones(),
        "months": MONTHS,
        **(state or FormState()).context(),
    }
    return await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def organization_page(request: Request) -> Response:
    return await _render(request)


async def organization_save(request: Request) -> Response:
    values = text_values(await request.form(), FIELDS)
    month = values["fiscalYearStartMonth"]
    if month and not (month.isdigit() and 1 <= int(month) <= 12):
        errors = [error("fiscalYearStartMonth", "Choose a month from the list.")]
    else:
        payload = await mutate(
            request,
            "OrganizationUpdate",
            {
                "name": values["name"],
                "timeZone": values["timeZone"],
                "baseCurrency": values["baseCurrency"].upper(),
                "fiscalYearStartMonth": int(month) if month else None,
            },
        )
        errors = payload["errors"]
    if errors:
        return await _render(request, FormState("organization", errors, values))
    flash(request, "Saved the organization profile.")
    return redirect(request, URL)


routes = [
    Route(URL, organization_page, methods=["GET"]),
    Route(URL, organization_save, methods=["POST"]),
]
