"""Edge cases: contact persons named on expenses, base currency, demoted approvers, huge amounts."""

from __future__ import annotations

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World
from tests.gql.expenses.test_expense_create import EXPENSE_CREATE, expense_input


async def test_contact_persons_named_on_expenses_survive_edits(world: World) -> None:
    created = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(
            world, customerId=encode_id("Customer", world.globex.id),
            attendeeContactPersonIds=[encode_id("ContactPerson", world.hank.id)])}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    expense_id = created.data["expenseCreate"]["expense"]["id"]
    # the admin replaces the contact persons without Hank, then keeps a new one
    update = await execute(
        """mutation($id: ID!) { customerUpdate(input: {id: $id, contactPersons: [{lastName: "Simpson"}]})
             { customer { contactPersons { lastName isPrimary } } errors { code } } }""",
        {"id": encode_id("Customer", world.globex.id)}, viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert update.data["customerUpdate"]["customer"]["contactPersons"] == [
        {"lastName": "Simpson", "isPrimary": True}
    ]
    read = await execute(
        "query($id: ID!) { expense(id: $id) { attendees { name contactPerson { lastName } } } }",
        {"id": expense_id}, viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert read.data["expense"]["attendees"] == [
        {"name": "Hank Scorpio", "contactPerson": {"lastName": "Scorpio"}}
    ]
    hank = await models.ContactPerson.get(id=world.hank.id)
    assert (hank.is_active, hank.is_primary) == (False, False)
    # a deactivated person cannot be named on a new expense
    again = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(
            world, customerId=encode_id("Customer", world.globex.id),
            attendeeContactPersonIds=[encode_id("ContactPerson", world.hank.id)])}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert again.data["expenseCreate"]["errors"][0]["field"] == ["attendeeContactPersonIds"]
    # ids keep a person in place; an unknown id is refused and nothing changes
    simpson = await models.ContactPerson.get(last_name="Simpson")
    kept = await execute(
        """mutation($id: ID!, $p: ID!) { customerUpdate(input: {id: $id, contactPersons: [
             {id: $p, lastName: "Simpson", firstName: "Homer"}, {id: "Q29udGFjdFBlcnNvbjo5OTk=", lastName: "X"}]})
             { errors { field code } } }""",
        {"id": encode_id("Customer", world.globex.id), "p": encode_id("ContactPerson", simpson.id)},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert kept.data["customerUpdate"]["errors"] == [
        {"field": ["contactPersons", "1", "id"], "code": "NOT_FOUND"}
    ]
    await simpson.refresh_from_db()
    assert simpson.first_name == ""


async def test_the_base_currency_is_locked_once_expenses_exist(world: World) -> None:
    change = (
        'mutation { organizationUpdate(input: {baseCurrency: "EUR"}) { errors { field code } } }'
    )
    await make_expense(world.alice, world.meals)
    result = await execute(change, viewer=viewer_for(world.admin))
    assert result.data["organizationUpdate"]["errors"] == [
        {"field": ["baseCurrency"], "code": "BASE_CURRENCY_LOCKED"}
    ]
    assert (await models.Organization.get(id=world.org.id)).base_currency == "USD"


async def test_a_demoted_approver_can_no_longer_approve(world: World) -> None:
    report = await make_report(
        world.alice, status=models.ReportStatus.SUBMITTED, approver=world.approver
    )
    await make_expense(world.alice, world.meals, report=report)
    world.approver.role = models.UserRole.SUBMITTER
    await world.approver.save()
    result = await execute(
        "mutation($id: ID!) { reportApprove(input: {reportId: $id}) { errors { code } } }",
        {"id": encode_id("Report", report.id)}, viewer=viewer_for(world.approver),
    )  # fmt: skip
    assert result.data["reportApprove"]["errors"] == [{"code": "NOT_PERMITTED"}]
    await report.refresh_from_db()
    assert report.status is models.ReportStatus.SUBMITTED


async def test_amounts_too_large_after_conversion_are_refused(world: World) -> None:
    result = await execute(
        EXPENSE_CREATE,
        {
            "input": {
                "expense": expense_input(
                    world, amount="1000000000000", currency="EUR", exchangeRate="1000000"
                )
            }
        },
        viewer=viewer_for(world.alice),
    )
    assert result.data["expenseCreate"]["errors"][0]["code"] == "INVALID_AMOUNT"
    huge_filter = await execute(
        '{ expenses(filter: {minAmount: "100000000000000000000"}) { totalCount } }',
        viewer=viewer_for(world.admin),
    )
    assert huge_filter.errors[0].extensions["code"] == "BAD_FILTER"
    assert await models.Expense.all().count() == 0
