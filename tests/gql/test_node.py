"""The ``Node`` interface: every type with an id implements it, and ``node(id:)``/``nodes(ids:)``
fetch any of them again with the visibility of the type's own query, batched, and never
anything of another organisation. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLNonNull, GraphQLObjectType, GraphQLScalarType

from gql.ids import encode_id
from gql.node import MAX_NODE_IDS
from gql.schema import schema
from orm import models
from resolvers.nodes import VISIBLE
from tests.conftest import QueryCounter, execute
from tests.factories import make_category, make_expense, make_report, make_user, viewer_for
from tests.gql.test_tenant_properties import seed

GRAPHQL = schema._schema
NODE = "query($id: ID!) { node(id: $id) { __typename id } }"
OWNER_ONLY = {"Notification"}  # even admins see only their own
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


def _types_with_ids() -> list[str]:
    """Every object type whose ``id`` is an ``ID!``: each must be a Node."""
    found = []
    for name, type_ in GRAPHQL.type_map.items():
        if name.startswith("__") or not isinstance(type_, GraphQLObjectType):
            continue
        id_field = type_.fields.get("id")
        if id_field is None or not isinstance(id_field.type, GraphQLNonNull):
            continue
        inner = id_field.type.of_type
        if isinstance(inner, GraphQLScalarType) and inner.name == "ID":
            found.append(name)
    return sorted(found)


TYPES = _types_with_ids()


def test_every_type_with_an_id_is_a_node_with_a_rule_of_visibility() -> None:
    assert len(TYPES) >= 20
    node = GRAPHQL.get_type("Node")
    for name in TYPES:
        type_ = GRAPHQL.get_type(name)
        assert isinstance(type_, GraphQLObjectType)
        assert node in type_.interfaces, f"{name} has an id but does not implement Node"
        assert name in VISIBLE, f"{name} has no visibility rule in resolvers/nodes.py"
    assert set(VISIBLE) == set(TYPES)  # no rule for a type that is not a node


async def _node(user: models.User, global_id: str) -> Any:
    result = await execute(NODE, {"id": global_id}, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    return result.data["node"] if result.data else None


@pytest.mark.parametrize("type_name", TYPES)
async def test_node_finds_each_type_in_its_own_organisation_only(db: None, type_name: str) -> None:
    tenants = await seed()
    # an admin of the organisation, or the owner for what only its owner sees
    email = "user@bravo.example" if type_name in OWNER_ONLY else "admin@bravo.example"
    viewer = await models.User.get(org_id=tenants.org_b.id, email=email)
    [pk, *_] = tenants.ids_b[type_name]
    global_id = encode_id(type_name, pk)
    assert await _node(viewer, global_id) == {"__typename": type_name, "id": global_id}
    # another organisation's admin: nothing, as if the id named nothing
    assert await _node(tenants.admin_a, global_id) is None
    # the same pk as another type's id: nothing either
    other = "Organization" if type_name != "Organization" else "User"
    assert await _node(tenants.admin_a, encode_id(other, pk)) in (
        None,
        {"__typename": other, "id": encode_id(other, pk)},  # only ever the viewer's own
    )


async def test_node_follows_the_visibility_of_each_types_own_query(db: None) -> None:
    org = (await seed()).org_b
    owner = await models.User.get(org_id=org.id, email="user@bravo.example")
    other = await make_user(org, email="other@bravo.example", name="Other Member")
    approver = await make_user(org, email="approver@bravo.example", name="Approver")
    category = await make_category(org, "Travel")
    submitted = await make_report(owner, "Submitted", status=models.ReportStatus.SUBMITTED,
                                  approver=approver)  # fmt: skip
    draft = await make_report(owner, "Draft", approver=approver)
    in_submitted = await make_expense(owner, category, report=submitted)
    in_draft = await make_expense(owner, category, report=draft)
    card = await models.Card.create(org=org, holder=owner, kind=models.CardKind.CORPORATE,
                                    name="Owner's card", last_four="4321", currency="USD")  # fmt: skip
    note = await models.Notification.create(org=org, user=owner, kind="REPORT", title="Yours")
    policy = await models.PerDiemPolicy.create(org=org, name="Policy")

    def ref(kind: str, row: Any) -> str:
        return encode_id(kind, row.pk)

    cases = [  # (viewer, id, seen)
        (owner, ref("Expense", in_draft), True),
        (other, ref("Expense", in_draft), False),  # another member's
        (approver, ref("Expense", in_submitted), True),  # submitted to the approver
        (approver, ref("Expense", in_draft), False),  # not yet submitted
        (approver, ref("Report", submitted), True),
        (approver, ref("Report", draft), False),
        (owner, ref("Card", card), True),
        (other, ref("Card", card), False),
        (owner, ref("Notification", note), True),
        (other, ref("Notification", note), False),
        (owner, ref("PerDiemPolicy", policy), False),  # admins' query
        (other, ref("User", owner), True),  # every member sees the organisation's users
        (other, ref("Category", category), True),
        (other, ref("Organization", org), True),
    ]
    for viewer, global_id, seen in cases:
        found = await _node(viewer, global_id)
        assert (found is not None) == seen, (viewer.email, global_id, found)
        if seen:
            assert found["id"] == global_id


async def test_nodes_mixes_own_foreign_and_garbage_ids_in_order(db: None) -> None:
    tenants = await seed()
    admin_b = await models.User.get(org_id=tenants.org_b.id, role=models.UserRole.ADMIN)
    own = [encode_id("Expense", tenants.ids_b["Expense"][0]),
           encode_id("Customer", tenants.ids_b["Customer"][0])]  # fmt: skip
    foreign = encode_id("Expense", tenants.pks_a[-1])  # organisation A's expense
    garbage = ["", "not an id", encode_id("Nothing", 1), encode_id("Expense", 2**31)]
    ids = [own[0], foreign, *garbage, own[1], own[0]]
    result = await execute(NODES, {"ids": ids}, viewer=viewer_for(admin_b))
    assert result.errors is None, result.errors
    assert result.data is not None
    assert [n and n["id"] for n in result.data["nodes"]] == [
        own[0], None, None, None, None, None, own[1], own[0],
    ]  # fmt: skip


async def test_nodes_refuses_too_many_ids_and_anonymous_callers(db: None) -> None:
    tenants = await seed()
    many = [encode_id("User", 1)] * (MAX_NODE_IDS + 1)
    result = await execute(NODES, {"ids": many}, viewer=viewer_for(tenants.admin_a))
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "TOO_MANY_ITEMS"}
    anonymous = await execute(NODE, {"id": encode_id("User", tenants.admin_a.pk)})
    assert anonymous.errors is not None
    assert anonymous.errors[0].extensions == {"code": "UNAUTHENTICATED"}


async def test_nodes_of_many_expenses_costs_a_bounded_number_of_statements(
    db: None, count_queries: QueryCounter
) -> None:
    org = (await seed()).org_b
    owner = await models.User.get(org_id=org.id, email="user@bravo.example")
    category = await make_category(org, "Bulk")
    rows = [await make_expense(owner, category, merchant=f"Shop {n}") for n in range(50)]
    users = await models.User.filter(org_id=org.id)
    statements = {}
    for size in (5, 50):
        ids = [encode_id("Expense", row.pk) for row in rows[:size]]
        ids += [encode_id("User", user.pk) for user in users]  # a second type in the same list
        count_queries.statements.clear()
        result = await execute(NODES, {"ids": ids}, viewer=viewer_for(owner))
        assert result.errors is None, result.errors
        assert result.data is not None
        assert all(node is not None for node in result.data["nodes"])
        statements[size] = len(count_queries)
    assert statements[5] == statements[50] <= 2  # one per type named, whatever the count
