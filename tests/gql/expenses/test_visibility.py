"""Every query and mutation of the expense domain respects the organisation and the owner."""

from __future__ import annotations

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import (
    make_category,
    make_expense,
    make_org,
    make_report,
    make_user,
    viewer_for,
)
from tests.gql.expenses.conftest import World
from tests.gql.expenses.test_expense_create import EXPENSE_CREATE, expense_input

EVERYTHING = """
query {
  expenses(first: 100) { totalCount nodes { user { email } } }
  reports(first: 100) { totalCount }
  customers(first: 100) { totalCount }
  potentials(first: 100) { totalCount }
  categories { nodes { name } }
  receiptInbox { totalCount }
}
"""


async def test_another_organisation_sees_and_touches_nothing(world: World) -> None:
    report = await make_report(world.alice)
    expense = await make_expense(world.alice, world.meals, report=report)
    other_org = await make_org(name="Other")
    outsider = await make_user(other_org, email="admin@other.example", role=models.UserRole.ADMIN)
    await models.Integration.create(
        org=other_org, state=models.IntegrationState.CONNECTED, sync_modules=True
    )
    await make_category(other_org, "Theirs")
    viewer = viewer_for(outsider)

    result = await execute(EVERYTHING, viewer=viewer)
    data = result.data
    assert data["expenses"]["totalCount"] == 0
    assert data["reports"]["totalCount"] == 0
    assert data["customers"]["totalCount"] == 0
    assert data["potentials"]["totalCount"] == 0
    assert data["categories"]["nodes"] == [{"name": "Theirs"}]

    ids = {
        "expense": encode_id("Expense", expense.id), "report": encode_id("Report", report.id),
        "customer": encode_id("Customer", world.globex.id),
        "potential": encode_id("Potential", world.renewal.id),
        "category": encode_id("Category", world.meals.id),
    }  # fmt: skip
    reads = await execute(
        """query($e: ID!, $r: ID!, $c: ID!, $p: ID!) {
             expense(id: $e) { id } report(id: $r) { id }
             byCustomer: recordContext(record: {customerId: $c}) { customer { name } }
             byPotential: recordContext(record: {potentialId: $p}) { potential { name } }
             byCrm: recordContext(record: {crm: {module: ACCOUNTS, id: "4150868000000224011"}}) { customer { name } }
           }""",
        {"e": ids["expense"], "r": ids["report"], "c": ids["customer"], "p": ids["potential"]},
        viewer=viewer,
    )
    assert reads.data == {
        "expense": None,
        "report": None,
        "byCustomer": None,
        "byPotential": None,
        "byCrm": None,
    }
    assert [e.extensions["code"] for e in reads.errors or []] == ["NOT_FOUND"] * 3

    writes = [
        ("mutation($i: ID!) { expensesDelete(input: {ids: [$i]}) { errors { code } } }", ids["expense"]),
        ("mutation($i: ID!) { reportAddExpenses(input: {reportId: $i, expenseIds: []}) { errors { code } } }",
         ids["report"]),
        ("mutation($i: ID!) { reportArchive(input: {reportId: $i}) { errors { code } } }", ids["report"]),
        ('mutation($i: ID!) { customerUpdate(input: {id: $i, name: "X"}) { errors { code } } }',
         ids["customer"]),
        ("mutation($i: ID!) { customerDelete(input: {id: $i}) { errors { code } } }", ids["customer"]),
        ("mutation($i: ID!) { categoryUpdate(input: {id: $i, isEnabled: false}) { errors { code } } }",
         ids["category"]),
    ]  # fmt: skip
    for document, identifier in writes:
        outcome = await execute(document, {"i": identifier}, viewer=viewer)
        payload = next(iter(outcome.data.values()))
        assert payload["errors"][0]["code"] == "NOT_FOUND", document
    created = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world, customerId=ids["customer"])}},
        viewer=viewer,
    )
    codes = {e["code"] for e in created.data["expenseCreate"]["errors"]}
    assert codes == {"NOT_FOUND"}  # their category and customer do not exist for us
    assert await models.Expense.all().count() == 1
    assert (await models.Customer.get(id=world.globex.id)).name == "Globex Corporation"
    assert (await models.Category.get(id=world.meals.id)).is_enabled


async def test_submitters_see_only_their_own_and_approvers_what_is_submitted_to_them(
    world: World,
) -> None:
    draft = await make_report(world.alice, approver=world.approver)
    await make_expense(world.alice, world.meals, report=draft)
    submitted = await make_report(
        world.alice, status=models.ReportStatus.SUBMITTED, approver=world.approver
    )
    await make_expense(world.alice, world.travel, report=submitted)
    await make_expense(world.bob, world.meals)

    def emails(result: object) -> list[str]:
        return sorted(n["user"]["email"] for n in result.data["expenses"]["nodes"])  # type: ignore[attr-defined]

    assert (
        emails(await execute(EVERYTHING, viewer=viewer_for(world.alice)))
        == ["alice@acme.example"] * 2
    )
    assert emails(await execute(EVERYTHING, viewer=viewer_for(world.bob))) == ["bob@acme.example"]
    assert emails(await execute(EVERYTHING, viewer=viewer_for(world.approver))) == [
        "alice@acme.example"
    ]
    assert len(emails(await execute(EVERYTHING, viewer=viewer_for(world.admin)))) == 3
    to_me = await execute(
        "{ reports(filter: {submittedToMe: true}) { nodes { id } } }",
        viewer=viewer_for(world.approver),
    )
    assert to_me.data["reports"]["nodes"] == [{"id": encode_id("Report", submitted.id)}]
    bob_reads = await execute(
        "query($id: ID!) { report(id: $id) { id } }", {"id": encode_id("Report", submitted.id)},
        viewer=viewer_for(world.bob),
    )  # fmt: skip
    assert bob_reads.data == {"report": None}
