"""The dashboard pages: /dashboard and /crm-tab/dashboard (add, configure, move, remove, reset,
organisation default), their htmx fragments, field errors and CSRF."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import httpx

from orm import models
from tests.factories import make_category, make_crm_tab, make_expense, make_report, make_user
from tests.web.conftest import sign_in

BOARD = {"HX-Request": "true", "HX-Target": "dashboard"}
YES = {"confirmed": "yes"}  # what htmx sends after its confirmation dialog
KPI = {"kind": "KPI", "report": "AD_HOC", "measure": "TOTAL", "title": "Total spend",
       "period": "ALL_TIME", "rows": "10"}  # fmt: skip
TABLE = {"kind": "TABLE", "report": "AD_HOC", "groupBy": "USER", "measure": "TOTAL",
         "title": "Spend by user", "period": "ALL_TIME", "rows": "10"}  # fmt: skip
BAR = {"kind": "BAR", "report": "AD_HOC", "groupBy": "CATEGORY", "measure": "TOTAL",
       "title": "Spend by category", "period": "ALL_TIME", "rows": "10"}  # fmt: skip


async def stored(user: models.User) -> list[dict[str, Any]] | None:
    row = await models.Dashboard.get_or_none(user_id=user.id)
    return None if row is None else row.components


async def post(
    client: httpx.AsyncClient, token: str, url: str, data: dict[str, str] | None = None,
    htmx: bool = True,
) -> httpx.Response:  # fmt: skip
    headers = {**BOARD, "X-CSRF-Token": token} if htmx else {}
    return await client.post(url, data={**(data or {}), "csrf_token": token}, headers=headers)


def component_ids(text: str) -> list[str]:
    return re.findall(r'data-component="([a-z0-9]+)"', text)


async def spend(admin: models.User) -> models.User:
    """Two expenses of the admin's and one of a submitter's (unreported: ad hoc counts them)."""
    org = await admin.org
    submitter = await make_user(org, email="sam@acme.example", name="Sam Submitter")
    travel = await make_category(org, "Travel")
    await make_expense(admin, travel, 12000)
    await make_expense(admin, travel, 3050)
    await make_expense(submitter, travel, 2500)
    return submitter


async def test_visitors_sign_in_first(client: httpx.AsyncClient) -> None:
    response = await client.get("/dashboard")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/dashboard"


async def test_empty_dashboard_and_the_navigation_link(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await sign_in(client, admin.email)
    page = await client.get("/dashboard")
    assert page.status_code == 200
    assert '<a href="/dashboard" aria-current="page">Dashboard</a>' in page.text
    assert 'data-source="NONE"' in page.text
    assert "Add a component" in page.text
    assert '<script src="/static/charts/echarts.common.min.js" defer></script>' in page.text
    assert "<script>" not in page.text and "style=" not in page.text
    # the charting library is served from the installed package
    library = await client.get("/static/charts/echarts.common.min.js")
    assert library.status_code == 200
    assert "echarts" in library.text[:2000]


async def test_add_move_configure_and_remove(client: httpx.AsyncClient, admin: models.User) -> None:
    await spend(admin)
    token = await sign_in(client, admin.email)
    for form in (BAR, KPI, TABLE):
        response = await post(client, token, "/dashboard/components", form)
        assert response.status_code == 200
        assert response.text.lstrip().startswith('<div id="dashboard"')  # the block only
        assert "Component added." in response.text
    saved = await stored(admin)
    assert saved is not None
    assert [c["title"] for c in saved] == ["Spend by category", "Total spend", "Spend by user"]
    page = (await client.get("/dashboard")).text
    ids = component_ids(page)
    assert ids == [c["id"] for c in saved]
    # the KPI tile: 120.00 + 30.50 + 25.00 (ad hoc: every status, the admin sees everything)
    assert re.search(r'data-kpi>175\.50</span> <span class="kpi-unit">USD</span>', page)
    # the chart's description and its text alternative
    found = re.search(r'data-chart="([^"]+)" role="img" aria-label="([^"]+)"', page)
    assert found is not None
    chart = json.loads(html.unescape(found.group(1)))
    assert chart == {"type": "bar", "labels": ["Travel"], "values": [175.5],
                     "measure": "Total spend", "unit": "USD"}  # fmt: skip
    assert "Travel: 175.50 USD" in html.unescape(found.group(2))
    # the table: who spent what, largest first
    assert re.search(r"Ada Admin</th><td class=\"num\">2</td><td class=\"num\">150.50", page)

    # move the table up: it swaps places with the KPI tile, and the focus goes back to its button
    moved = await post(client, token, f"/dashboard/components/{ids[2]}/move", {"direction": "up"})
    assert f'data-focus="move-up-{ids[2]}"' in moved.text
    assert component_ids(moved.text) == [ids[0], ids[2], ids[1]]
    # the first component cannot move further up; nothing changes
    stuck = await post(client, token, f"/dashboard/components/{ids[0]}/move", {"direction": "up"})
    assert "already there" in stuck.text
    assert [c["id"] for c in await stored(admin) or []] == [ids[0], ids[2], ids[1]]

    # configure the bar chart into a pie of the count per user
    edit = {**BAR, "kind": "PIE", "groupBy": "USER", "measure": "COUNT", "title": "Who"}
    response = await post(client, token, f"/dashboard/components/{ids[0]}", edit)
    assert "Component saved." in response.text
    first = (await stored(admin) or [])[0]
    assert (first["id"], first["kind"], first["groupBy"], first["measure"]) == (
        ids[0], "PIE", "USER", "COUNT",
    )  # fmt: skip

    removed = await post(client, token, f"/dashboard/components/{ids[1]}/remove", YES)
    assert "Removed Total spend." in removed.text
    assert [c["id"] for c in await stored(admin) or []] == [ids[0], ids[2]]


async def test_without_javascript_forms_redirect_with_a_notice(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, admin.email)
    response = await post(client, token, "/dashboard/components", KPI, htmx=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard"
    page = await client.get("/dashboard")
    assert "Component added." in page.text
    # removing asks first, on a page of its own
    component = component_ids(page.text)[0]
    url = f"/dashboard/components/{component}/remove"
    ask = await post(client, token, url, htmx=False)
    assert ask.status_code == 200
    assert "Remove Total spend from your dashboard?" in ask.text
    assert 'name="confirmed" value="yes"' in ask.text
    assert len(await stored(admin) or []) == 1
    done = await post(client, token, url, YES, htmx=False)
    assert done.status_code == 303
    assert await stored(admin) == []


async def test_errors_are_shown_next_to_their_field_and_change_nothing(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, admin.email)
    await post(client, token, "/dashboard/components", KPI)
    before = await stored(admin)
    cases = [
        ({**KPI, "title": "x" * 81}, "title", "TOO_LONG"),
        ({**BAR, "groupBy": ""}, "groupBy", "REQUIRED"),
        ({**KPI, "kind": "GAUGE"}, "kind", "INVALID"),
        ({**KPI, "rows": "0"}, "rows", "INVALID"),
        ({**KPI, "period": "CUSTOM", "dateFrom": "2026-03-01", "dateTo": "2026-01-01"},
         "filter.dateTo", "INVALID_DATE_RANGE"),
        ({**KPI, "report": "DEAL_SPEND_BY_USER"}, "potentialId", "REQUIRED"),
        ({**KPI, "statuses": "LOST"}, "filter.statuses", "INVALID"),
        ({**KPI, "title": "Total\x00"}, "title", "INVALID"),
        ({**KPI, "title": "a\u202eb"}, "title", "INVALID"),
    ]  # fmt: skip
    for form, field, code in cases:
        response = await post(client, token, "/dashboard/components", form)
        assert response.status_code == 200
        # the error sits in the field's own box, in the add form
        add_form = response.text.split('<form id="add"', 1)[1]
        box = add_form.split(f'name="{field.split(".")[-1]}"', 1)[1]
        box = re.split(r'<div class="field"|</fieldset>', box, maxsplit=1)[0]
        assert f'<p class="field-error" data-code="{code}">' in box, (field, code)
        assert await stored(admin) == before
    # the values typed are kept
    response = await post(client, token, "/dashboard/components", {**KPI, "title": "x" * 81})
    assert 'value="' + "x" * 81 + '"' in response.text


async def test_post_without_csrf_is_refused(client: httpx.AsyncClient, admin: models.User) -> None:
    await sign_in(client, admin.email)
    for url in ("/dashboard/components", "/dashboard/reset", "/dashboard/default",
                "/crm-tab/dashboard/components"):  # fmt: skip
        response = await client.post(url, data=KPI)
        assert response.status_code == 403
    assert await models.Dashboard.all().count() == 0


async def test_organisation_default_reset_and_who_sees_what(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    submitter = await spend(admin)
    token = await sign_in(client, admin.email)
    await post(client, token, "/dashboard/components", KPI)
    page = (await client.get("/dashboard")).text
    assert "Save as organisation default" in page and "Reset to default" in page
    response = await post(client, token, "/dashboard/default", YES)
    assert "Saved as the organisation&#39;s default dashboard." in response.text
    default = await models.Dashboard.get(default_of_id=admin.org_id)  # type: ignore[attr-defined]
    assert [c["title"] for c in default.components] == ["Total spend"]

    # the submitter sees the default with their own figures, and cannot set the default
    client.cookies.clear()
    token = await sign_in(client, submitter.email)
    page = (await client.get("/dashboard")).text
    assert 'data-source="ORGANIZATION"' in page
    assert "data-kpi>25.00</span>" in page
    assert "Save as organisation default" not in page
    refused = await post(client, token, "/dashboard/default", YES)
    assert "Only an admin" in refused.text
    assert (await models.Dashboard.get(id=default.id)).components == default.components
    # their first change makes their own copy; Reset to default drops it
    await post(client, token, "/dashboard/components", TABLE)
    assert [c["title"] for c in await stored(submitter) or []] == ["Total spend", "Spend by user"]
    reset = await post(client, token, "/dashboard/reset", YES)
    assert 'data-source="ORGANIZATION"' in reset.text
    assert await stored(submitter) is None
    assert await models.Dashboard.filter(id=default.id).exists()


async def test_crm_tab_dashboard(client: httpx.AsyncClient, admin: models.User) -> None:
    token = await sign_in(client, admin.email)
    off = await client.get("/crm-tab/dashboard")
    assert "Sync Modules" in off.text and 'id="dashboard"' not in off.text
    await make_crm_tab(await admin.org)
    org = await admin.org
    report = await make_report(admin, status=models.ReportStatus.APPROVED)
    await make_expense(admin, await make_category(org, "Meals"), 4200, report=report)
    page = await client.get("/crm-tab/dashboard")
    assert page.status_code == 200
    assert '<a href="/crm-tab/dashboard" aria-current="page">Dashboard</a>' in page.text
    assert 'action="/crm-tab/dashboard/components"' in page.text
    response = await post(client, token, "/crm-tab/dashboard/components", TABLE)
    assert "Component added." in response.text
    assert 'action="/crm-tab/dashboard/components/' in response.text
    # without scripts, removing asks first, inside the tab
    component = component_ids(response.text)[0]
    ask = await post(client, token, f"/crm-tab/dashboard/components/{component}/remove",
                     htmx=False)  # fmt: skip
    assert "Remove Spend by user from your dashboard?" in ask.text
    assert 'aria-label="Zoho Expense"' in ask.text
    assert '<a href="/crm-tab/dashboard">Cancel</a>' in ask.text
    # the same dashboard as the admin's page
    assert "Spend by user" in (await client.get("/dashboard")).text
    assert re.search(r"Ada Admin</th><td class=\"num\">1</td><td class=\"num\">42.00", page.text
                     + response.text)  # fmt: skip
