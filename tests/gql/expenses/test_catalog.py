"""Categories, customers (with contact persons) and locally created potentials."""

from __future__ import annotations

import pytest

from gql.ids import encode_id
from orm import models
from resolvers.categories import DEFAULT_CATEGORIES
from resolvers.organizations import create_organization_with_admin
from tests.conftest import dotted, execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World

CUSTOMER_CREATE = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id name type status email contactPersons { firstName lastName isPrimary } }
    errors { field code }
  }
}
"""


async def test_new_organisations_get_the_default_categories(db: None) -> None:
    result = await create_organization_with_admin(
        org_name="Fresh", base_currency="EUR", time_zone="Europe/Paris",
        admin_email="boss@fresh.example", admin_name="Boss", admin_password="correct horse battery",
    )  # fmt: skip
    assert result.value is not None
    names = await models.Category.filter(org_id=result.value.org_id).values_list("name", flat=True)
    assert sorted(names) == sorted(DEFAULT_CATEGORIES)


async def test_admins_add_rename_and_disable_categories(world: World) -> None:
    admin = viewer_for(world.admin)
    created = await execute('mutation { categoryCreate(input: {name: "Visas"}) { category { id } errors { code } } }',
                            viewer=admin)  # fmt: skip
    category_id = created.data["categoryCreate"]["category"]["id"]
    duplicate = await execute('mutation { categoryCreate(input: {name: "Meals"}) { errors { field code } } }',
                              viewer=admin)  # fmt: skip
    assert duplicate.data["categoryCreate"]["errors"] == [{"field": ["name"], "code": "UNIQUE"}]
    renamed = await execute(
        "mutation($id: ID!) { categoryUpdate(input: {id: $id, name: \"Visa fees\", isEnabled: false}) "
        "{ category { name isEnabled } errors { code } } }",
        {"id": category_id}, viewer=admin,
    )  # fmt: skip
    assert renamed.data["categoryUpdate"]["category"] == {"name": "Visa fees", "isEnabled": False}
    listed = await execute(
        "{ categories(first: 100) { nodes { name } } }", viewer=viewer_for(world.alice)
    )
    assert "Visa fees" not in [c["name"] for c in listed.data["categories"]["nodes"]]
    everything = await execute(
        "{ categories(includeDisabled: true) { totalCount } }", viewer=viewer_for(world.admin)
    )
    assert everything.data["categories"]["totalCount"] == 3
    forbidden = await execute('mutation { categoryCreate(input: {name: "X"}) { errors { code } } }',
                              viewer=viewer_for(world.alice))  # fmt: skip
    assert forbidden.errors[0].extensions["code"] == "FORBIDDEN"


async def test_customer_create_update_and_contact_persons(world: World) -> None:
    admin = viewer_for(world.admin)
    result = await execute(CUSTOMER_CREATE, {"input": {
        "name": "Initech", "type": "BUSINESS", "email": "AP@Initech.example", "currency": "eur",
        "billingAddress": {"street": "1 Initech Way", "city": "Austin", "country": "USA"},
        "contactPersons": [{"lastName": "Lumbergh", "firstName": "Bill"}, {"lastName": "Waddams"}],
    }}, viewer=admin)  # fmt: skip
    payload = result.data["customerCreate"]
    assert payload["errors"] == []
    customer = payload["customer"]
    assert customer["email"] == "ap@initech.example"
    stored = await models.Customer.get(name="Initech")
    assert (stored.currency, stored.billing_street, stored.billing_city, stored.shipping_city) == (
        "EUR", "1 Initech Way", "Austin", None
    )  # fmt: skip
    address = await execute(
        '{ customers(filter: {search: "Initech"}) { nodes { currency billingAddress { city country } shippingAddress { city } } } }',
        viewer=admin,
    )
    assert address.data["customers"]["nodes"] == [
        {
            "currency": "EUR",
            "billingAddress": {"city": "Austin", "country": "USA"},
            "shippingAddress": None,
        }
    ]
    assert customer["contactPersons"] == [
        {"firstName": "Bill", "lastName": "Lumbergh", "isPrimary": True},
        {"firstName": "", "lastName": "Waddams", "isPrimary": False},
    ]
    bad = await execute(CUSTOMER_CREATE, {"input": {
        "name": " ", "type": "INDIVIDUAL", "email": "nope", "currency": "EURO",
        "contactPersons": [{"lastName": "A", "isPrimary": True}, {"lastName": "B", "isPrimary": True}],
    }}, viewer=admin)  # fmt: skip
    assert {(dotted(e["field"]), e["code"]) for e in bad.data["customerCreate"]["errors"]} == {
        ("name", "REQUIRED"), ("email", "INVALID_EMAIL"), ("contactPersons", "INVALID"),
        ("currency", "INVALID_CURRENCY"),
    }  # fmt: skip
    update = await execute(
        "mutation($id: ID!) { customerUpdate(input: {id: $id, status: INACTIVE, contactPersons: []}) "
        "{ customer { status contactPersons { lastName } } errors { code } } }",
        {"id": customer["id"]}, viewer=admin,
    )  # fmt: skip
    assert update.data["customerUpdate"]["customer"] == {"status": "INACTIVE", "contactPersons": []}
    assert await models.Customer.all().count() == 2


@pytest.mark.parametrize("used_by", ["expense", "report", "potential", None])
async def test_a_customer_in_use_cannot_be_deleted(world: World, used_by: str | None) -> None:
    customer = await models.Customer.create(
        org=world.org, name="Used", type=models.CustomerType.BUSINESS
    )
    if used_by == "expense":
        await make_expense(world.alice, world.meals, customer=customer)
    elif used_by == "report":
        await make_report(world.alice, customer=customer)
    elif used_by == "potential":
        await models.Potential.create(org=world.org, customer=customer, name="Deal")
    result = await execute(
        "mutation($id: ID!) { customerDelete(input: {id: $id}) { deletedId errors { code } } }",
        {"id": encode_id("Customer", customer.id)}, viewer=viewer_for(world.admin),
    )  # fmt: skip
    payload = result.data["customerDelete"]
    if used_by is None:
        assert payload == {"deletedId": encode_id("Customer", customer.id), "errors": []}
        assert not await models.Customer.filter(id=customer.id).exists()
    else:
        assert payload == {"deletedId": None, "errors": [{"code": "CUSTOMER_IN_USE"}]}
        assert await models.Customer.filter(id=customer.id).exists()


async def test_admins_create_local_potentials(world: World) -> None:
    result = await execute(
        """mutation($c: ID!) { potentialCreate(input: {name: "Expansion", customerId: $c, amount: "25000",
             currency: "usd", stage: "Negotiation", closingDate: "2026-12-31"}) {
             potential { name state amount { amount currency } customer { name } } errors { code } } }""",
        {"c": encode_id("Customer", world.globex.id)}, viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert result.data["potentialCreate"]["potential"] == {
        "name": "Expansion", "state": "OPEN", "amount": {"amount": "25000.00", "currency": "USD"},
        "customer": {"name": "Globex Corporation"},
    }  # fmt: skip
    filtered = await execute(
        "query($c: ID!) { potentials(filter: {customerId: $c}) { totalCount } }",
        {"c": encode_id("Customer", world.globex.id)}, viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert filtered.data["potentials"]["totalCount"] == 2


async def test_customers_filter_synced_keeps_linked_or_local_ones(world: World) -> None:
    org = await models.Organization.get(id=world.admin.org_id)
    await models.Customer.create(org=org, name="Linked Ltd", type=models.CustomerType.BUSINESS,
                                 crm_module=models.CrmModule.ACCOUNTS, crm_id="4150001")  # fmt: skip
    await models.Customer.create(org=org, name="Local Ltd", type=models.CustomerType.BUSINESS)
    query = "query($f: CustomerFilter) { customers(filter: $f) { nodes { name crmId } } }"
    admin = viewer_for(world.admin)
    synced = await execute(query, {"f": {"synced": True, "search": "Ltd"}}, viewer=admin)
    assert synced.data["customers"]["nodes"] == [{"name": "Linked Ltd", "crmId": "4150001"}]
    local = await execute(query, {"f": {"synced": False, "search": "Ltd"}}, viewer=admin)
    assert local.data["customers"]["nodes"] == [{"name": "Local Ltd", "crmId": None}]
