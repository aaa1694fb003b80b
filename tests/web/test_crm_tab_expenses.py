"""The CRM tab's Expenses pages over HTTP: the lists with their filters, Add to Report and
Delete of a selection, New Expense (steps of choosing a customer, Save and Close / Save and New,
errors next to their field), one expense (view, edit, delete) and the Receipts Inbox."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
    make_potential,
    make_report,
    make_user,
)
from tests.web.conftest import sign_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@dataclass
class Tab:
    org: models.Organization
    admin: models.User
    alice: models.User
    bob: models.User
    meals: models.Category
    globex: models.Customer
    renewal: models.Potential
    contact: models.ContactPerson


@pytest.fixture
async def tab(app: Starlette, admin: models.User) -> Tab:
    org = await admin.org
    org.base_currency = "EUR"
    await org.save()
    await make_crm_tab(org)
    alice = await make_user(org, email="alice@acme.example", name="Alice Submitter")
    bob = await make_user(org, email="bob@acme.example", name="Bob Submitter")
    meals = await make_category(org, "Meals")
    globex = await make_customer(org, "Globex Corporation")
    renewal = await make_potential(org, globex, "Globex renewal")
    contact = await models.ContactPerson.create(
        org=org, customer=globex, first_name="Gina", last_name="Globex"
    )
    return Tab(org, admin, alice, bob, meals, globex, renewal, contact)


def gid(kind: str, pk: int) -> str:
    return encode_id(kind, pk)


def _form(token: str, **values: str | list[str]) -> dict[str, str | list[str]]:
    return {"csrf_token": token, **values}


# -- pages for each role, and the gate -----------------------------------------------------------
@pytest.mark.parametrize("who", ["admin", "alice"])
async def test_each_page_renders_for_a_submitter_and_an_admin(
    client: httpx.AsyncClient, tab: Tab, who: str
) -> None:
    user = tab.admin if who == "admin" else tab.alice
    expense = await make_expense(user, tab.meals, 1250, "EUR", merchant="Trattoria")
    await sign_in(client, user.email)
    pages = {
        "/crm-tab/expenses": "Unreported Expenses",
        "/crm-tab/expenses?view=all": "All Expenses",
        "/crm-tab/expenses/new": "New Expense",
        f"/crm-tab/expenses/{gid('Expense', expense.id)}": "Trattoria",
        f"/crm-tab/expenses/{gid('Expense', expense.id)}/edit": "Edit Expense",
        "/crm-tab/receipts": "Receipts Inbox",
    }
    for url, heading in pages.items():
        response = await client.get(url)
        assert response.status_code == 200, (url, response.text[:500])
        assert heading in response.text, url
        assert 'aria-label="Zoho Expense"' in response.text  # in the tab's layout
    new = (await client.get("/crm-tab/expenses/new")).text
    for words in ("Claim Reimbursement", "Billable", "Search in CRM", "Add to Report",
                  "Attendees", "Save and Close", "Save and New", 'class="receipt-field"'):  # fmt: skip
        assert words in new


async def test_sync_modules_off_answers_the_off_page_on_every_page_and_writes_nothing(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    await models.Integration.filter(org_id=tab.org.id).update(sync_modules=False)
    expense = await make_expense(tab.alice, tab.meals, merchant="Kept")
    token = await sign_in(client, tab.alice.email)
    for url in ("/crm-tab/expenses", "/crm-tab/expenses/new", "/crm-tab/receipts",
                f"/crm-tab/expenses/{gid('Expense', expense.id)}"):  # fmt: skip
        response = await client.get(url)
        assert response.status_code == 200
        assert "Sync Modules is off" in response.text, url
        assert "SYNC_MODULES_OFF" in response.text
    posted = await client.post(
        "/crm-tab/expenses/new",
        data=_form(token, date="2026-01-10", category=gid("Category", tab.meals.id),
                   amount="10", action="save_close"),
    )  # fmt: skip
    assert "Sync Modules is off" in posted.text
    deleted = await client.post(
        "/crm-tab/expenses/delete",
        data=_form(token, id=gid("Expense", expense.id), confirmed="yes"),
    )
    assert "Sync Modules is off" in deleted.text
    assert await models.Expense.filter(org_id=tab.org.id).count() == 1


async def test_expense_pages_leave_other_tab_addresses_alone(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    await sign_in(client, tab.alice.email)
    # /crm-tab/expenses/{id} takes expense ids only: other pages under it are not swallowed
    assert (await client.get("/crm-tab/expenses/not-an-expense")).status_code == 404
    assert (await client.get(f"/crm-tab/expenses/{gid('Expense', 999)}")).status_code == 404
    assert (await client.get(f"/crm-tab/expenses/{gid('Report', 1)}")).status_code == 404


async def test_visitors_are_sent_to_sign_in(client: httpx.AsyncClient, tab: Tab) -> None:
    response = await client.get("/crm-tab/expenses/new")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=/crm-tab/expenses/new")


# -- lists and filters --------------------------------------------------------------------------
async def test_a_submitter_sees_only_their_own_expenses(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    own = await make_expense(tab.alice, tab.meals, merchant="Alice lunch")
    other = await make_expense(tab.bob, tab.meals, merchant="Bob dinner")
    await sign_in(client, tab.alice.email)
    page = (await client.get("/crm-tab/expenses?view=all")).text
    assert "Alice lunch" in page and "Bob dinner" not in page
    assert (await client.get(f"/crm-tab/expenses/{gid('Expense', other.id)}")).status_code == 404
    assert (await client.get(f"/crm-tab/expenses/{gid('Expense', own.id)}")).status_code == 200
    # the admin sees both
    await client.post("/logout", data={"csrf_token": ""})
    client.cookies.clear()
    await sign_in(client, tab.admin.email)
    page = (await client.get("/crm-tab/expenses?view=all")).text
    assert "Alice lunch" in page and "Bob dinner" in page


async def test_filters_and_unreported_view(client: httpx.AsyncClient, tab: Tab) -> None:
    travel = await make_category(tab.org, "Travel")
    report = await make_report(tab.alice, "March trip")
    await make_expense(tab.alice, tab.meals, merchant="Unreported lunch", date=date(2026, 1, 5),
                       description="with the Globex team", customer=tab.globex)  # fmt: skip
    await make_expense(tab.alice, travel, merchant="Train", date=date(2026, 3, 5), report=report)
    await sign_in(client, tab.alice.email)

    unreported = (await client.get("/crm-tab/expenses")).text
    assert "Unreported lunch" in unreported and "Train" not in unreported
    every = (await client.get("/crm-tab/expenses?view=all")).text
    assert "Unreported lunch" in every and "Train" in every

    def shown(text: str) -> set[str]:
        return set(re.findall(r'<a href="/crm-tab/expenses/(?!new)[^"]+">([^<]+)</a>', text))

    cases = {
        "view=all&status=UNSUBMITTED": {"Train"},
        "view=all&date_from=2026-02-01": {"Train"},
        "view=all&date_to=2026-02-01": {"Unreported lunch"},
        f"view=all&category={gid('Category', travel.id)}": {"Train"},
        f"view=all&customer={gid('Customer', tab.globex.id)}": {"Unreported lunch"},
        "view=all&q=globex-team": set(),
        "view=all&q=globex+TEAM": {"Unreported lunch"},
        "view=all&q=trai": {"Train"},
    }
    for query, expected in cases.items():
        assert shown((await client.get(f"/crm-tab/expenses?{query}")).text) == expected, query
    # a malformed date is shown next to its filter, the rest still lists
    bad = await client.get("/crm-tab/expenses?view=all&date_from=2026-13-45")
    assert bad.status_code == 200
    assert re.search(r'name="date_from"[^>]*aria-invalid="true"', bad.text)
    assert "Give a date as YYYY-MM-DD." in bad.text
    assert shown(bad.text) == {"Unreported lunch", "Train"}


async def test_pagination(client: httpx.AsyncClient, tab: Tab) -> None:
    for day in range(1, 28):
        await make_expense(tab.alice, tab.meals, merchant=f"Day {day:02d}", date=date(2026, 1, day))
    await sign_in(client, tab.alice.email)
    first = (await client.get("/crm-tab/expenses")).text
    assert "27 expenses." in first and "Day 27" in first and "Day 02" not in first
    next_url = re.search(r'<a href="(/crm-tab/expenses\?[^"]*after=[^"]+)"', first)
    assert next_url
    second = (await client.get(next_url.group(1).replace("&amp;", "&"))).text
    assert "Day 02" in second and "Day 01" in second and "Day 27" not in second


# -- selection: Add to Report, Delete -----------------------------------------------------------
async def test_add_selected_to_a_new_report_then_to_an_existing_one(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    one = await make_expense(tab.alice, tab.meals, merchant="One", date=date(2026, 1, 3))
    two = await make_expense(tab.alice, tab.meals, merchant="Two", date=date(2026, 1, 9))
    three = await make_expense(tab.alice, tab.meals, merchant="Three")
    token = await sign_in(client, tab.alice.email)
    ids = [gid("Expense", one.id), gid("Expense", two.id)]

    # no name for the new report: refused next to the field, nothing written
    refused = await client.post(
        "/crm-tab/expenses/add-to-report?view=unreported",
        data=_form(token, id=ids, report="new", new_report_name=""),
    )
    assert refused.status_code == 200
    assert re.search(r'name="new_report_name"[^>]*aria-invalid="true"', refused.text)
    assert await models.Report.filter(org_id=tab.org.id).count() == 0

    done = await client.post(
        "/crm-tab/expenses/add-to-report?view=unreported",
        data=_form(token, id=ids, report="new", new_report_name="January visits"),
    )
    assert done.status_code == 303
    report = await models.Report.get(name="January visits")
    assert (report.start_date, report.end_date) == (date(2026, 1, 3), date(2026, 1, 9))
    assert {e.id for e in await models.Expense.filter(report_id=report.id)} == {one.id, two.id}
    page = (await client.get(done.headers["location"])).text
    assert "Added 2 expenses to January visits." in page

    added = await client.post(
        "/crm-tab/expenses/add-to-report",
        data=_form(token, id=gid("Expense", three.id), report=gid("Report", report.id)),
    )
    assert added.status_code == 303
    assert (await models.Expense.get(id=three.id)).report_id == report.id


async def test_delete_selected_deletes_what_may_be_deleted_and_gives_the_reason_for_the_rest(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    submitted = await make_report(tab.alice, "Sent", status=models.ReportStatus.SUBMITTED)
    free = await make_expense(tab.alice, tab.meals, merchant="Deletable")
    locked = await make_expense(tab.alice, tab.meals, merchant="Locked", report=submitted)
    token = await sign_in(client, tab.alice.email)
    ids = [gid("Expense", free.id), gid("Expense", locked.id)]

    # without scripts (no "confirmed"): a confirmation page first, nothing deleted
    ask = await client.post("/crm-tab/expenses/delete?view=all", data=_form(token, id=ids))
    assert ask.status_code == 200 and "Delete 2 selected expenses?" in ask.text
    assert await models.Expense.filter(org_id=tab.org.id).count() == 2

    answer = await client.post(
        "/crm-tab/expenses/delete?view=all",
        data=_form(token, id=ids, confirmed="yes"),
        headers={"HX-Request": "true", "HX-Target": "expense-list"},
    )
    assert answer.status_code == 200
    assert not await models.Expense.filter(id=free.id).exists()
    assert await models.Expense.filter(id=locked.id).exists()
    assert "Deleted 1 expense." in answer.text
    assert "A submitted expense cannot be deleted." in answer.text
    assert answer.text.lstrip().startswith('<form id="expense-list"')  # the list block only


async def test_csrf_is_required_for_every_write(client: httpx.AsyncClient, tab: Tab) -> None:
    expense = await make_expense(tab.alice, tab.meals, merchant="Kept")
    await sign_in(client, tab.alice.email)
    eid = gid("Expense", expense.id)
    writes = {
        "/crm-tab/expenses/delete": {"id": eid, "confirmed": "yes"},
        f"/crm-tab/expenses/{eid}/delete": {"confirmed": "yes"},
        "/crm-tab/expenses/add-to-report": {"id": eid, "report": "new", "new_report_name": "X"},
        "/crm-tab/expenses/new": {"date": "2026-01-10", "amount": "5", "action": "save_close",
                                  "category": gid("Category", tab.meals.id)},
        f"/crm-tab/expenses/{eid}": {"date": "2026-01-10", "amount": "99", "action": "save",
                                     "category": gid("Category", tab.meals.id)},
    }  # fmt: skip
    for url, data in writes.items():
        response = await client.post(url, data=data)
        assert response.status_code == 403, url
    assert await models.Expense.filter(org_id=tab.org.id).count() == 1
    assert (await models.Expense.get(id=expense.id)).amount_minor == 1250
    assert await models.Report.filter(org_id=tab.org.id).count() == 0


# -- New Expense --------------------------------------------------------------------------------
def _new_expense(token: str, tab: Tab, **values: str | list[str]) -> dict[str, str | list[str]]:
    base: dict[str, str | list[str]] = {
        "date": "2026-02-03", "category": gid("Category", tab.meals.id), "amount": "42.50",
        "currency": "EUR", "merchant": "Trattoria", "description": "Lunch with Globex",
        "reimbursable": "on", "action": "save_close",
    }  # fmt: skip
    return _form(token, **(base | values))


async def test_new_expense_with_everything_then_save_and_new(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, tab.alice.email)
    receipt = await client.post(
        "/receipts", files={"file": ("lunch.png", PNG, "image/png")},
        headers={"X-CSRF-Token": token},
    )  # fmt: skip
    assert receipt.status_code == 201
    receipt_id = receipt.json()["receipt"]["id"]
    draft = await make_report(tab.alice, "February visits")

    response = await client.post(
        "/crm-tab/expenses/new",
        data=_new_expense(
            token, tab, billable="on", customer=gid("Customer", tab.globex.id),
            potential=gid("Potential", tab.renewal.id), report=gid("Report", draft.id),
            attendee_user=gid("User", tab.bob.id),
            attendee_contact=gid("ContactPerson", tab.contact.id), receipt=receipt_id,
            action="save_new",
        ),
    )  # fmt: skip
    assert response.status_code == 303, response.text[:2000]
    assert response.headers["location"] == "/crm-tab/expenses/new"
    expense = await models.Expense.get(merchant="Trattoria").prefetch_related(
        "receipts", "attendees"
    )
    assert expense.amount_minor == 4250 and expense.is_billable and expense.is_reimbursable
    assert (expense.customer_id, expense.potential_id) == (tab.globex.id, tab.renewal.id)
    assert expense.report_id == draft.id
    assert [r.file_name for r in expense.receipts] == ["lunch.png"]
    assert len(expense.attendees) == 2
    page = (await client.get("/crm-tab/expenses/new")).text
    assert "Saved Trattoria (42.50 EUR) and added it to February visits." in page


async def test_new_expense_into_a_new_report_with_save_and_close(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, tab.alice.email)
    response = await client.post(
        "/crm-tab/expenses/new",
        data=_new_expense(token, tab, report="new", new_report_name="Globex visit"),
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/crm-tab/expenses?view=all"
    report = await models.Report.get(name="Globex visit")
    assert (await models.Expense.get(merchant="Trattoria")).report_id == report.id


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"amount": "12,50"}, "amount", "Give a number such as 12.50"),
        ({"amount": ""}, "amount", "Enter the amount."),
        ({"amount": "-3"}, "amount", ""),
        ({"date": "2026-02-31"}, "date", "Give a date as YYYY-MM-DD."),
        ({"date": "2999-01-01"}, "date", ""),
        ({"category": ""}, "category", "Choose a category."),
        ({"currency": "USD"}, "exchange_rate", ""),
        ({"currency": "EURO"}, "currency", "three-letter"),
        (
            {"report": "new", "new_report_name": ""},
            "new_report_name",
            "Give the new report a name.",
        ),
        ({"customer": "bm9wZQ=="}, "customer", "No such customer"),
        ({"receipt": "bm9wZQ=="}, "receipts", ""),
    ],
)
async def test_new_expense_errors_are_next_to_their_field_and_nothing_is_written(
    client: httpx.AsyncClient, tab: Tab, values: dict[str, str], field: str, message: str
) -> None:
    token = await sign_in(client, tab.alice.email)
    response = await client.post(
        "/crm-tab/expenses/new", data=_new_expense(token, tab, **values),
        headers={"HX-Request": "true", "HX-Target": "expense-form"},
    )  # fmt: skip
    assert response.status_code == 422, response.text[:1500]
    assert response.text.lstrip().startswith('<form id="expense-form"')
    assert f'id="{field}-error"' in response.text, field
    if message:
        error = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
        assert error and message in error.group(1)
    assert 'value="Trattoria"' in response.text  # what was typed is kept
    assert await models.Expense.filter(org_id=tab.org.id).count() == 0
    assert await models.Report.filter(org_id=tab.org.id).count() == 0


async def test_prefill_from_a_record_page_and_customer_steps_save_nothing(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, tab.alice.email)
    url = (f"/crm-tab/expenses/new?customer={gid('Customer', tab.globex.id)}"
           f"&potential={gid('Potential', tab.renewal.id)}")  # fmt: skip
    page = (await client.get(url)).text
    assert 'data-customer="' in page and "Globex Corporation" in page
    assert re.search(rf'value="{gid("Potential", tab.renewal.id)}" selected', page)
    assert "Gina Globex" in page  # the customer's contact persons as attendees

    # the type-ahead answers the results block only
    results = await client.get(
        "/crm-tab/expenses/new?customer_query=glob",
        headers={"HX-Request": "true", "HX-Target": "customer-results"},
    )
    assert results.text.lstrip().startswith('<div id="customer-results"')
    assert f'value="pick:{gid("Customer", tab.globex.id)}"' in results.text
    # without scripts: Search, then Choose, keep what was typed
    searched = await client.post(
        "/crm-tab/expenses/new",
        data=_new_expense(token, tab, customer_query="glob", action="search_customer"),
    )
    assert "Choose Globex Corporation" in searched.text
    picked = await client.post(
        "/crm-tab/expenses/new",
        data=_new_expense(token, tab, action=f"pick:{gid('Customer', tab.globex.id)}"),
    )
    assert picked.status_code == 200
    assert "Globex renewal" in picked.text and 'value="Trattoria"' in picked.text
    assert await models.Expense.filter(org_id=tab.org.id).count() == 0


async def test_search_in_crm_without_a_connected_crm_says_why(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, tab.alice.email)
    response = await client.post(
        "/crm-tab/expenses/new",
        data=_new_expense(token, tab, crm_query="Zoho", action="search_crm"),
    )
    assert response.status_code == 200
    assert re.search(r"data-crm-error>[^<]+<", response.text)
    empty = await client.post(
        "/crm-tab/expenses/new", data=_new_expense(token, tab, action="search_crm")
    )
    assert "Type the start of an account name" in empty.text


# -- one expense --------------------------------------------------------------------------------
async def test_view_edit_and_delete_one_expense(client: httpx.AsyncClient, tab: Tab) -> None:
    expense = await make_expense(tab.alice, tab.meals, 1000, "EUR", merchant="Before")
    token = await sign_in(client, tab.alice.email)
    eid = gid("Expense", expense.id)
    view = (await client.get(f"/crm-tab/expenses/{eid}")).text
    assert "10.00 EUR" in view and f'href="/crm-tab/expenses/{eid}/edit"' in view

    refused = await client.post(
        f"/crm-tab/expenses/{eid}", data=_new_expense(token, tab, amount="abc", action="save")
    )
    assert refused.status_code == 422 and 'id="amount-error"' in refused.text
    assert (await models.Expense.get(id=expense.id)).merchant == "Before"

    saved = await client.post(
        f"/crm-tab/expenses/{eid}", data=_new_expense(token, tab, merchant="After", action="save")
    )
    assert saved.status_code == 303 and saved.headers["location"] == f"/crm-tab/expenses/{eid}"
    changed = await models.Expense.get(id=expense.id)
    assert (changed.merchant, changed.amount_minor) == ("After", 4250)

    ask = await client.post(f"/crm-tab/expenses/{eid}/delete", data=_form(token))
    assert "Delete this expense?" in ask.text
    gone = await client.post(f"/crm-tab/expenses/{eid}/delete", data=_form(token, confirmed="yes"))
    assert gone.status_code == 303
    assert not await models.Expense.filter(id=expense.id).exists()


async def test_a_submitted_expense_shows_why_it_cannot_be_changed_or_deleted(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    report = await make_report(tab.alice, "Sent", status=models.ReportStatus.SUBMITTED)
    expense = await make_expense(tab.alice, tab.meals, merchant="Locked", report=report)
    token = await sign_in(client, tab.alice.email)
    eid = gid("Expense", expense.id)
    view = (await client.get(f"/crm-tab/expenses/{eid}")).text
    assert "A submitted expense cannot be changed." in view
    assert "A submitted expense cannot be deleted." in view
    assert f"/crm-tab/expenses/{eid}/delete" not in view
    refused = await client.post(f"/crm-tab/expenses/{eid}/delete",
                                data=_form(token, confirmed="yes"))  # fmt: skip
    assert refused.status_code == 303
    assert (
        "Not deleted: A submitted expense cannot be deleted."
        in (await client.get(refused.headers["location"])).text
    )
    assert await models.Expense.filter(id=expense.id).exists()


# -- Receipts Inbox -----------------------------------------------------------------------------
async def test_receipts_inbox_lists_uploads_and_converts_one(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, tab.alice.email)
    uploaded = await client.post(
        "/receipts", files={"file": ("taxi.png", PNG, "image/png")},
        headers={"X-CSRF-Token": token},
    )  # fmt: skip
    receipt_id = uploaded.json()["receipt"]["id"]
    inbox = (await client.get("/crm-tab/receipts")).text
    assert "taxi.png" in inbox and f'src="/receipts/{receipt_id}"' in inbox
    convert = f"/crm-tab/expenses/new?receipt={receipt_id}"
    assert convert in inbox
    form = (await client.get(convert)).text
    assert re.search(rf'value="{receipt_id}" checked', form)
    saved = await client.post(
        "/crm-tab/expenses/new", data=_new_expense(token, tab, receipt=receipt_id)
    )
    assert saved.status_code == 303
    assert "taxi.png" not in (await client.get("/crm-tab/receipts")).text
    assert (await models.Receipt.get(file_name="taxi.png")).expense_id is not None
    # the thumbnail's address serves the file to the signed-in user
    image = await client.get(f"/receipts/{receipt_id}")
    assert image.status_code == 200 and image.content == PNG


async def test_malformed_input_never_answers_a_server_error(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    expense = await make_expense(tab.alice, tab.meals, merchant="Kept")
    token = await sign_in(client, tab.alice.email)
    eid = gid("Expense", expense.id)
    junk = ["x", "%%%", "RXhwZW5zZTo=", gid("Report", 1), "a" * 300, "\u00e9\u00e8"]
    for value in junk:
        inbox = await client.get(f"/crm-tab/receipts?after={value}")
        assert inbox.status_code < 500, value
        for query in ("customer", "potential", "category", "after", "status", "date_to", "q"):
            response = await client.get(f"/crm-tab/expenses?view=all&{query}={value}")
            assert response.status_code < 500, (query, value)
        for query in ("customer", "potential", "receipt", "customer_query"):
            response = await client.get(f"/crm-tab/expenses/new?{query}={value}")
            assert response.status_code < 500, (query, value)
        posted = await client.post(
            "/crm-tab/expenses/new",
            data=_new_expense(token, tab, category=value, customer=value, potential=value,
                              report=value, attendee_user=value, attendee_contact=value,
                              receipt=value, currency="usd", exchange_rate="1.1"),
        )  # fmt: skip
        assert posted.status_code < 500, value
        for action in (f"pick:{value}", f"crm:ACCOUNTS:{value}", f"crm:{value}"):
            step = await client.post(
                "/crm-tab/expenses/new", data=_new_expense(token, tab, action=action)
            )
            assert step.status_code < 500, action
        for url, data in (
            ("/crm-tab/expenses/add-to-report", {"id": value, "report": value}),
            ("/crm-tab/expenses/add-to-report", {"id": eid, "report": value}),
            ("/crm-tab/expenses/delete", {"id": value, "confirmed": "yes"}),
            (f"/crm-tab/expenses/{eid}", {"amount": value, "date": value, "action": "save"}),
        ):
            answer = await client.post(url, data=_form(token, **data))
            assert answer.status_code < 500, (url, value)
    assert await models.Expense.filter(org_id=tab.org.id).count() == 1
    assert await models.Report.filter(org_id=tab.org.id).count() == 0
