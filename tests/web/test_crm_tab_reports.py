"""CRM tab → Expense Reports, Approvals and record pages over httpx: each page and action for a
submitter, an approver and an admin; CSRF refusals and field errors that write nothing; a
submitter sees only their own reports; record pages show the record's totals."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from starlette.applications import Starlette

from gql.ids import encode_id
from orm import models
from tests.factories import (
    make_category,
    make_crm_tab,
    make_customer,
    make_expense,
    make_org,
    make_potential,
    make_report,
    make_user,
)
from tests.web.conftest import BASE_URL, sign_in

HTML = {"accept": "text/html"}


@dataclass
class World:
    org: models.Organization
    admin: models.User
    approver: models.User
    submitter: models.User
    other: models.User
    category: models.Category
    account: models.Customer
    deal: models.Potential


@pytest.fixture
async def world(app: Starlette) -> World:
    org = await make_org(name="Acme Sales", active_user_limit=20)
    await make_crm_tab(org)
    admin = await make_user(org, email="ada@acme.example", name="Ada Admin",
                            role=models.UserRole.ADMIN)  # fmt: skip
    approver = await make_user(org, email="abe@acme.example", name="Abe Approver",
                               role=models.UserRole.APPROVER)  # fmt: skip
    submitter = await make_user(org, email="sam@acme.example", name="Sam Submitter")
    other = await make_user(org, email="olga@acme.example", name="Olga Other")
    category = await make_category(org, "Travel")
    account = await make_customer(org, "Globex Corporation", crm_module=models.CrmModule.ACCOUNTS,
                                  crm_id="4150868000000224011")  # fmt: skip
    deal = await make_potential(org, account, "Globex renewal", crm_id="4150868000000300001",
                                stage="Negotiation")  # fmt: skip
    return World(org, admin, approver, submitter, other, category, account, deal)


Client = Callable[[models.User], Awaitable[tuple[httpx.AsyncClient, str]]]


@pytest.fixture
async def signed_in(app: Starlette) -> AsyncIterator[Client]:
    """A client signed in as the given user, and its CSRF token."""
    clients: list[httpx.AsyncClient] = []

    async def open_as(user: models.User) -> tuple[httpx.AsyncClient, str]:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)
        clients.append(http)
        token = await sign_in(http, user.email)
        return http, token

    yield open_as
    for http in clients:
        await http.aclose()


def gid(kind: str, pk: int) -> str:
    return str(encode_id(kind, pk))


def field_error(html: str, code: str) -> bool:
    return re.search(rf'class="field-error"[^>]*data-code="{code}"', html) is not None


async def _report_with_expense(world: World, user: models.User, **values: Any) -> models.Report:
    report = await make_report(user, **values)
    await make_expense(user, world.category, 4200, report=report, merchant="Lufthansa")
    return report


# --- Expense Reports ---------------------------------------------------------------------------


async def test_a_submitter_sees_only_their_own_reports_by_status(
    world: World, signed_in: Client
) -> None:
    await make_report(world.submitter, name="Sam draft")
    await _report_with_expense(world, world.submitter, name="Sam approved",
                               status=models.ReportStatus.APPROVED, approver=world.approver)  # fmt: skip
    await make_report(world.other, name="Olga secret trip")
    http, _ = await signed_in(world.submitter)

    page = await http.get("/crm-tab/reports", headers=HTML)
    assert page.status_code == 200
    assert "Sam draft" in page.text and "Sam approved" in page.text
    assert "Olga secret trip" not in page.text
    assert "42.00" in page.text  # the approved report's total

    approved = await http.get("/crm-tab/reports?status=approved", headers=HTML)
    assert "Sam approved" in approved.text and "Sam draft" not in approved.text
    assert re.search(
        r'data-status-tab="APPROVED"[^>]*>Approved <span class="count">1<', approved.text
    )


async def test_new_report_is_prefilled_from_a_crm_record(world: World, signed_in: Client) -> None:
    http, _ = await signed_in(world.submitter)
    customer_id, potential_id = gid("Customer", world.account.id), gid("Potential", world.deal.id)
    page = await http.get(
        f"/crm-tab/reports/new?customer={customer_id}&potential={potential_id}", headers=HTML
    )
    assert page.status_code == 200
    assert re.search(rf'<option value="{customer_id}" selected>Globex Corporation', page.text)
    assert re.search(rf'<option value="{potential_id}" selected>Globex renewal', page.text)

    # the potential alone brings its account
    alone = await http.get(f"/crm-tab/reports/new?potential={potential_id}", headers=HTML)
    assert re.search(rf'<option value="{customer_id}" selected>', alone.text)

    unknown = await http.get("/crm-tab/reports/new?customer=bogus", headers=HTML)
    assert unknown.status_code == 200 and " selected>Globex" not in unknown.text


async def test_choosing_a_customer_lists_its_potentials(world: World, signed_in: Client) -> None:
    other_account = await make_customer(world.org, "Initech")
    await make_potential(world.org, other_account, "Initech pilot")
    http, _ = await signed_in(world.submitter)
    page = await http.get("/crm-tab/reports/new", headers=HTML)
    assert re.search(r'<select id="report-potential" name="potentialId" disabled', page.text)
    customer_id = gid("Customer", world.account.id)
    partial = await http.get(
        f"/crm-tab/reports/new?partial=potential&customerId={customer_id}",
        headers={"hx-request": "true", "hx-target": "potential-field"},
    )
    assert partial.text.lstrip().startswith('<div id="potential-field"')
    assert "Globex renewal (Negotiation)" in partial.text and "Initech pilot" not in partial.text
    assert "disabled" not in partial.text


async def test_creating_a_report_with_customer_and_potential(
    world: World, signed_in: Client
) -> None:
    http, token = await signed_in(world.submitter)
    form = {
        "csrf_token": token, "name": "Globex kick-off", "businessPurpose": "Workshop on site",
        "startDate": "2026-01-10", "endDate": "2026-01-12",
        "customerId": gid("Customer", world.account.id),
        "potentialId": gid("Potential", world.deal.id),
    }  # fmt: skip
    response = await http.post("/crm-tab/reports", data=form)
    assert response.status_code == 303
    report = await models.Report.get(name="Globex kick-off")
    assert (report.user_id, report.customer_id, report.potential_id) == (
        world.submitter.id, world.account.id, world.deal.id,
    )  # fmt: skip
    assert response.headers["location"] == f"/crm-tab/reports/{gid('Report', report.id)}"
    page = await http.get(response.headers["location"], headers=HTML)
    assert "Created report" in page.text and "Workshop on site" in page.text


async def test_report_form_errors_sit_next_to_their_field_and_write_nothing(
    world: World, signed_in: Client
) -> None:
    http, token = await signed_in(world.submitter)
    bad_dates = {"csrf_token": token, "name": "", "startDate": "10/01/2026", "endDate": ""}
    page = await http.post("/crm-tab/reports", data=bad_dates, headers={"hx-request": "true",
                           "hx-target": "report-form"})  # fmt: skip
    assert page.status_code == 200
    assert page.text.lstrip().startswith('<form id="report-form"')  # only the form is swapped
    assert field_error(page.text, "REQUIRED") and field_error(page.text, "INVALID")
    backwards = {"csrf_token": token, "name": "Trip", "startDate": "2026-02-10",
                 "endDate": "2026-02-01"}  # fmt: skip
    page = await http.post("/crm-tab/reports", data=backwards)
    assert field_error(page.text, "INVALID_DATE_RANGE")
    assert 'value="Trip"' in page.text  # what was typed stays
    assert await models.Report.filter(org_id=world.org.id).count() == 0


async def test_posts_without_the_csrf_token_are_refused_and_write_nothing(
    world: World, signed_in: Client
) -> None:
    report = await _report_with_expense(world, world.submitter)
    submitted = await _report_with_expense(world, world.submitter, approver=world.approver,
                                           status=models.ReportStatus.SUBMITTED)  # fmt: skip
    http, _ = await signed_in(world.submitter)
    approver_http, _ = await signed_in(world.approver)
    rid, sid = gid("Report", report.id), gid("Report", submitted.id)
    refused = [
        (http, "/crm-tab/reports", {"name": "Sneaky", "startDate": "2026-01-01",
                                    "endDate": "2026-01-02"}),
        (http, f"/crm-tab/reports/{rid}/submit", {"approverId": gid("User", world.approver.id)}),
        (http, f"/crm-tab/reports/{sid}/recall", {}),
        (approver_http, f"/crm-tab/reports/{sid}/approve", {}),
        (approver_http, f"/crm-tab/reports/{sid}/reject", {"comment": "No"}),
    ]  # fmt: skip
    for client, url, data in refused:
        response = await client.post(url, data=data)
        assert response.status_code == 403, url
    assert await models.Report.filter(name="Sneaky").count() == 0
    assert (await models.Report.get(id=report.id)).status is models.ReportStatus.DRAFT
    assert (await models.Report.get(id=submitted.id)).status is models.ReportStatus.SUBMITTED


async def test_add_remove_and_submit_expenses(world: World, signed_in: Client) -> None:
    report = await make_report(world.submitter, name="March trip")
    taxi = await make_expense(world.submitter, world.category, 1800, merchant="Taxi Berlin")
    hotel = await make_expense(world.submitter, world.category, 12000, merchant="Hotel Adlon")
    await make_expense(world.other, world.category, 999, merchant="Olga lunch")
    http, token = await signed_in(world.submitter)
    url = f"/crm-tab/reports/{gid('Report', report.id)}"

    page = await http.get(url, headers=HTML)
    assert "Taxi Berlin" in page.text and "Hotel Adlon" in page.text
    assert "Olga lunch" not in page.text
    # the approver list: approvers and admins, not the submitter
    assert "Abe Approver" in page.text and "Ada Admin" in page.text
    assert f'<option value="{gid("User", world.submitter.id)}"' not in page.text

    # submitting an empty report is refused, with the reason
    empty = await http.post(f"{url}/submit",
                            data={"csrf_token": token, "approverId": gid("User", world.approver.id)})  # fmt: skip
    assert 'data-code="REPORT_EMPTY"' in empty.text
    nothing = await http.post(f"{url}/expenses", data={"csrf_token": token})
    assert field_error(nothing.text, "REQUIRED")

    added = await http.post(f"{url}/expenses", data={
        "csrf_token": token, "expenseId": [gid("Expense", taxi.id), gid("Expense", hotel.id)],
    })  # fmt: skip
    assert added.status_code == 303
    assert await models.Expense.filter(report_id=report.id).count() == 2
    page = await http.get(url, headers=HTML)
    assert "Added 2 expenses" in page.text and "138.00" in page.text

    removed = await http.post(f"{url}/expenses/{gid('Expense', taxi.id)}/remove",
                              data={"csrf_token": token})  # fmt: skip
    assert removed.status_code == 303
    assert (await models.Expense.get(id=taxi.id)).report_id is None

    no_approver = await http.post(
        f"{url}/submit", data={"csrf_token": token, "approverId": ""},
        headers={"hx-request": "true", "hx-target": "report"},
    )  # fmt: skip
    assert no_approver.text.lstrip().startswith('<div id="report"')  # only the report is swapped
    assert re.search(r'id="approver-error" data-code="REQUIRED"', no_approver.text)
    myself = await http.post(f"{url}/submit", data={
        "csrf_token": token, "approverId": gid("User", world.other.id),
    })  # fmt: skip
    assert field_error(myself.text, "INVALID_APPROVER")
    assert (await models.Report.get(id=report.id)).status is models.ReportStatus.DRAFT

    submitted = await http.post(f"{url}/submit", data={
        "csrf_token": token, "approverId": gid("User", world.approver.id),
    }, headers={"hx-request": "true", "hx-target": "report"})  # fmt: skip
    assert submitted.status_code == 204 and submitted.headers["hx-location"] == url
    stored = await models.Report.get(id=report.id)
    assert (stored.status, stored.approver_id) == (models.ReportStatus.SUBMITTED, world.approver.id)

    page = await http.get(url, headers=HTML)
    assert "Submitted the report to Abe Approver" in page.text
    assert "Recall" in page.text and 'hx-confirm="Recall this report?' in page.text
    recalled = await http.post(f"{url}/recall", data={"csrf_token": token})
    assert recalled.status_code == 303
    assert (await models.Report.get(id=report.id)).status is models.ReportStatus.DRAFT
    page = await http.get(url, headers=HTML)
    assert 'data-action="recall"' in page.text


async def test_a_submitter_cannot_open_another_report_or_approvals(
    world: World, signed_in: Client
) -> None:
    secret = await _report_with_expense(world, world.other, name="Olga secret trip",
                                        status=models.ReportStatus.SUBMITTED,
                                        approver=world.approver)  # fmt: skip
    http, token = await signed_in(world.submitter)
    url = f"/crm-tab/reports/{gid('Report', secret.id)}"
    page = await http.get(url, headers=HTML)
    assert page.status_code == 404
    assert "Olga" not in page.text and "Lufthansa" not in page.text
    for action, data in (("approve", {}), ("reject", {"comment": "no"}), ("recall", {})):
        response = await http.post(f"{url}/{action}", data={"csrf_token": token, **data},
                                   headers=HTML)  # fmt: skip
        assert response.status_code == 404, action
        assert "Olga" not in response.text
    assert (await models.Report.get(id=secret.id)).status is models.ReportStatus.SUBMITTED
    approvals = await http.get("/crm-tab/approvals", headers=HTML)
    assert approvals.status_code == 403 and "Olga" not in approvals.text
    assert 'href="/crm-tab/approvals"' not in approvals.text  # no Approvals tab either
    bogus = await http.get("/crm-tab/reports/not-an-id", headers=HTML)
    assert bogus.status_code == 404


async def test_an_approver_approves_and_rejects_with_a_comment(
    world: World, signed_in: Client
) -> None:
    first = await _report_with_expense(world, world.submitter, name="First trip",
                                       status=models.ReportStatus.SUBMITTED, approver=world.approver)  # fmt: skip
    second = await _report_with_expense(world, world.submitter, name="Second trip",
                                        status=models.ReportStatus.SUBMITTED, approver=world.approver)  # fmt: skip
    to_ada = await _report_with_expense(world, world.other, name="Sent to Ada",
                                        status=models.ReportStatus.SUBMITTED, approver=world.admin)  # fmt: skip
    http, token = await signed_in(world.approver)

    approvals = await http.get("/crm-tab/approvals", headers=HTML)
    assert approvals.status_code == 200
    assert "First trip" in approvals.text and "Second trip" in approvals.text
    assert "Sent to Ada" not in approvals.text
    assert "Approved, to reimburse" not in approvals.text  # admins only

    # a report submitted to someone else: not there, and not approvable
    ada_url = f"/crm-tab/reports/{gid('Report', to_ada.id)}"
    assert (await http.get(ada_url, headers=HTML)).status_code == 404
    sneaky = await http.post(f"{ada_url}/approve", data={"csrf_token": token}, headers=HTML)
    assert sneaky.status_code == 404 and "Sent to Ada" not in sneaky.text
    assert (await models.Report.get(id=to_ada.id)).status is models.ReportStatus.SUBMITTED

    first_url = f"/crm-tab/reports/{gid('Report', first.id)}"
    page = await http.get(first_url, headers=HTML)
    assert "Approve" in page.text and "Reject" in page.text and "Reimburse" not in page.text
    approved = await http.post(f"{first_url}/approve", data={"csrf_token": token, "comment": ""})
    assert approved.status_code == 303 and approved.headers["location"] == "/crm-tab/approvals"
    assert (await models.Report.get(id=first.id)).status is models.ReportStatus.APPROVED

    second_url = f"/crm-tab/reports/{gid('Report', second.id)}"
    blank = await http.post(f"{second_url}/reject", data={"csrf_token": token, "comment": "  "})
    assert blank.status_code == 200
    assert re.search(r'id="reject-comment-error" data-code="REQUIRED"', blank.text)
    assert (await models.Report.get(id=second.id)).status is models.ReportStatus.SUBMITTED
    rejected = await http.post(f"{second_url}/reject", data={
        "csrf_token": token, "comment": "Attach the hotel invoice.",
    })  # fmt: skip
    assert rejected.status_code == 303
    assert (await models.Report.get(id=second.id)).status is models.ReportStatus.REJECTED

    approvals = await http.get("/crm-tab/approvals", headers=HTML)
    assert "Approved the report" not in approvals.text or "First trip" not in approvals.text
    assert "Rejected the report." in approvals.text
    # the submitter sees the comment in the report's history
    sam, _ = await signed_in(world.submitter)
    page = await sam.get(second_url, headers=HTML)
    assert "Attach the hotel invoice." in page.text and 'data-report-status="REJECTED"' in page.text
    assert 'id="submit-form"' in page.text  # fix and submit again


async def test_an_admin_reimburses_approved_reports(world: World, signed_in: Client) -> None:
    report = await _report_with_expense(world, world.submitter, name="Approved trip",
                                        status=models.ReportStatus.APPROVED, approver=world.approver)  # fmt: skip
    approver_http, approver_token = await signed_in(world.approver)
    url = f"/crm-tab/reports/{gid('Report', report.id)}"
    page = await approver_http.get(url, headers=HTML)
    assert 'id="reimburse-form"' not in page.text
    refused = await approver_http.post(f"{url}/reimburse", data={
        "csrf_token": approver_token, "date": "2026-01-20",
    })  # fmt: skip
    assert refused.status_code == 403  # reimbursing is for admins: the 403 page
    assert (await models.Report.get(id=report.id)).status is models.ReportStatus.APPROVED

    http, token = await signed_in(world.admin)
    approvals = await http.get("/crm-tab/approvals", headers=HTML)
    assert "Approved, to reimburse" in approvals.text and "Approved trip" in approvals.text
    page = await http.get(url, headers=HTML)
    assert 'hx-confirm="Record the reimbursement of 42.00 USD to Sam Submitter?"' in page.text
    bad = await http.post(f"{url}/reimburse", data={"csrf_token": token, "date": "yesterday"})
    assert re.search(r'id="reimburse-date-error" data-code="INVALID"', bad.text)
    future = (date.today() + timedelta(days=3)).isoformat()
    later = await http.post(f"{url}/reimburse", data={"csrf_token": token, "date": future})
    assert re.search(r'id="reimburse-date-error" data-code="DATE_IN_FUTURE"', later.text)
    assert (await models.Report.get(id=report.id)).status is models.ReportStatus.APPROVED

    done = await http.post(f"{url}/reimburse", data={
        "csrf_token": token, "date": "2026-01-20", "reference": "SEPA-0042",
    })  # fmt: skip
    assert done.status_code == 303
    stored = await models.Report.get(id=report.id)
    assert (stored.status, stored.reimbursed_on, stored.reimbursement_reference) == (
        models.ReportStatus.REIMBURSED, date(2026, 1, 20), "SEPA-0042",
    )  # fmt: skip


# --- record pages ------------------------------------------------------------------------------


async def test_a_potential_record_page_shows_its_totals_and_prefilled_links(
    world: World, signed_in: Client
) -> None:
    paid = await _report_with_expense(world, world.submitter, name="Paid trip",
                                      potential=world.deal, customer=world.account,
                                      status=models.ReportStatus.REIMBURSED,
                                      approver=world.approver)  # fmt: skip
    await make_expense(world.submitter, world.category, 1000, potential=world.deal,
                       customer=world.account, merchant="Dinner with Globex")  # fmt: skip
    await make_expense(world.submitter, world.category, 500, potential=world.deal,
                       customer=world.account, is_reimbursable=False, merchant="Parking")  # fmt: skip
    http, _ = await signed_in(world.admin)

    page = await http.get("/crm-tab/records/Potentials/4150868000000300001", headers=HTML)
    assert page.status_code == 200
    assert "<h1>Globex renewal</h1>" in page.text and "Globex Corporation" in page.text
    totals = dict(
        re.findall(r'data-total="([a-z-]+)">(?:<span class="money">)?([\d.]+)', page.text)
    )
    assert totals == {"total": "57.00", "reimbursable": "52.00", "non-reimbursable": "5.00",
                      "to-reimburse": "10.00", "count": "3"}  # fmt: skip
    assert "Paid trip" in page.text and "Dinner with Globex" in page.text
    prefill = {"customer": gid("Customer", world.account.id),
               "potential": gid("Potential", world.deal.id)}  # fmt: skip
    query = urlencode(prefill).replace("&", "&amp;")
    assert f'href="/crm-tab/expenses/new?{query}"' in page.text
    assert f'href="/crm-tab/reports/new?{query}"' in page.text
    assert paid.id  # the report is listed by number too
    deals = await http.get("/crm-tab/records/deals/4150868000000300001", headers=HTML)
    assert deals.status_code == 200  # Zoho's API name for the module

    contact = await make_customer(world.org, "Jane Roe", type=models.CustomerType.INDIVIDUAL,
                                  crm_module=models.CrmModule.CONTACTS, crm_id="4150868000000500001")  # fmt: skip
    await make_expense(world.submitter, world.category, 2500, customer=contact, merchant="Lunch")
    person = await http.get("/crm-tab/records/Contacts/4150868000000500001", headers=HTML)
    assert person.status_code == 200 and "<h1>Jane Roe</h1>" in person.text
    assert "Contact · CRM id 4150868000000500001" in person.text and "25.00" in person.text
    account = await http.get("/crm-tab/records/Accounts/4150868000000224011", headers=HTML)
    assert account.status_code == 200 and "<h1>Globex Corporation</h1>" in account.text
    customer_only = urlencode({"customer": gid("Customer", world.account.id)})
    assert f'href="/crm-tab/reports/new?{customer_only}"' in account.text


async def test_record_pages_paginate_expenses(world: World, signed_in: Client) -> None:
    for day in range(1, 23):
        await make_expense(world.submitter, world.category, 100, customer=world.account,
                           date=date(2026, 1, day), merchant=f"Coffee {day}")  # fmt: skip
    http, _ = await signed_in(world.submitter)
    page = await http.get("/crm-tab/records/Accounts/4150868000000224011", headers=HTML)
    assert page.text.count("Coffee ") == 20
    next_link = re.search(r'href="([^"]+expenses_after=[^"]+)">Next expenses', page.text)
    assert next_link
    second = await http.get(next_link.group(1).replace("&amp;", "&"), headers=HTML)
    assert second.text.count("Coffee ") == 2 and "First expenses" in second.text


async def test_unknown_records_answer_the_not_found_page(world: World, signed_in: Client) -> None:
    http, _ = await signed_in(world.submitter)
    for url in (
        "/crm-tab/records/Potentials/999",
        "/crm-tab/records/Accounts/4150868000000300001",  # a deal's id in the wrong module
        "/crm-tab/records/Leads/4150868000000224011",
        "/crm-tab/records/Accounts/bad%20id",
    ):
        page = await http.get(url, headers=HTML)
        assert page.status_code == 404, url
        assert "Record not found" in page.text and 'class="tabs crm-tabs"' in page.text


async def test_record_and_report_pages_explain_sync_modules_off(
    world: World, signed_in: Client
) -> None:
    await models.Integration.filter(org_id=world.org.id).update(sync_modules=False)
    http, _ = await signed_in(world.submitter)
    for url in ("/crm-tab/records/Accounts/4150868000000224011", "/crm-tab/reports",
                "/crm-tab/reports/new"):  # fmt: skip
        page = await http.get(url, headers=HTML)
        assert "Sync Modules is off" in page.text, url
        assert "SYNC_MODULES_OFF" in page.text


async def test_visitors_are_sent_to_sign_in(world: World, client: httpx.AsyncClient) -> None:
    for url in ("/crm-tab/reports", "/crm-tab/approvals", "/crm-tab/records/Accounts/1"):
        response = await client.get(url, headers=HTML)
        assert response.status_code in (302, 303), url
        assert response.headers["location"].startswith("/login")
