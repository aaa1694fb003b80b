"""Property-based tenant isolation: over every query and mutation that takes an id (found by
introspecting the schema, so a new one is covered without editing this file), calls by an
admin of organisation A with ids of organisation B's objects, ids of the wrong type, forged
ids and garbage return nothing of B, change none of B's rows and never fail with
INTERNAL_SERVER_ERROR.

Each example calls every field once; the default run draws 2 examples, the ``long`` variant
25 (``make test-long``; docs/TESTING.md).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import os
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
    parse,
    validate,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tortoise import Tortoise
from tortoise.context import tortoise_test_context

from gql.ids import encode_id
from gql.schema import schema
from orm import models
from tests.conftest import MODELS, execute
from tests.factories import (
    PASSWORD,
    make_category,
    make_customer,
    make_expense,
    make_org,
    make_potential,
    make_report,
    make_user,
    viewer_for,
)
from tests.support.postgres import Cluster

# Examples per run: each example calls every field once. TENANT_EXAMPLES overrides both.
SHORT_EXAMPLES = int(os.environ.get("TENANT_EXAMPLES", "2"))
LONG_EXAMPLES = int(os.environ.get("TENANT_EXAMPLES", "25"))

GRAPHQL = schema._schema
T = TypeVar("T")
MARKER = "bravo"  # every text of organisation B carries it; nothing of A does

# Fields that take an id but are not called here, with the reason. Everything else the
# introspection finds is called.
NOT_CALLED: dict[str, str] = {}

# Values that reach further than random ones: a field named like this gets one of them (or,
# sometimes, a random value of its type).
HINTS: dict[str, list[Any]] = {
    "email": ["admin@alpha.example"],
    "password": [PASSWORD],
    "currency": ["USD", "EUR"],
    "baseCurrency": ["USD"],
    "name": ["Alpha thing"],
    "merchant": ["Alpha Cafe"],
    "fileName": ["statement.csv"],
    "contentBase64": ["UG9zdCBEYXRlLERlc2NyaXB0aW9uLEFtb3VudAo="],
    "timeZone": ["UTC"],
    "lastName": ["Alpha"],
}


class Unbuildable(Exception):
    """A type this generator cannot make values for (list it in NOT_CALLED with a reason)."""


# ---------------------------------------------------------------------------------------------
# The fields: every root field with an ID somewhere in its arguments.


def _id_paths(type_: GraphQLInputType, path: tuple[str, ...], seen: frozenset[str]) -> list[str]:
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType) and named.name == "ID":
        return [".".join(path)]
    if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        return [
            p
            for name, input_field in named.fields.items()
            for p in _id_paths(input_field.type, (*path, name), seen | {named.name})
        ]
    return []


def id_taking_fields() -> dict[str, GraphQLField]:
    found: dict[str, GraphQLField] = {}
    for root in (GRAPHQL.query_type, GRAPHQL.mutation_type):
        assert root is not None
        for name, root_field in root.fields.items():
            paths = [
                p
                for arg, a in root_field.args.items()
                for p in _id_paths(a.type, (arg,), frozenset())
            ]
            if paths:
                found[f"{root.name}.{name}"] = root_field
    return found


FIELDS = id_taking_fields()


# ---------------------------------------------------------------------------------------------
# Documents: the field with its arguments as variables, selecting scalars two levels deep.


def _type_ref(type_: GraphQLInputType) -> str:
    if isinstance(type_, GraphQLNonNull):
        return f"{_type_ref(type_.of_type)}!"
    if isinstance(type_, GraphQLList):
        return f"[{_type_ref(type_.of_type)}]"
    return str(get_named_type(type_).name)


def _selection(type_: GraphQLOutputType, depth: int) -> str:
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType) or depth == 0:
        return "{ __typename }"
    assert isinstance(named, GraphQLObjectType)
    parts = ["__typename"]
    for name, child in named.fields.items():
        if any(isinstance(a.type, GraphQLNonNull) for a in child.args.values()):
            continue
        inner = _selection(child.type, depth - 1)
        parts.append(f"{name} {inner}".strip())
    return "{ " + " ".join(parts) + " }"


def document_for(key: str) -> str:
    root, name = key.split(".")
    root_field = FIELDS[key]
    declared = ", ".join(f"${arg}: {_type_ref(a.type)}" for arg, a in root_field.args.items())
    passed = ", ".join(f"{arg}: ${arg}" for arg in root_field.args)
    operation = "query" if root == "Query" else "mutation"
    head = f"{operation}({declared})" if declared else operation
    call = f"{name}({passed})" if passed else name
    return f"{head} {{ {call} {_selection(root_field.type, 2)} }}"


# ---------------------------------------------------------------------------------------------
# Organisation B, and the hostile ids.


@dataclass
class Tenants:
    admin_a: models.User
    org_b: models.Organization
    ids_b: dict[str, list[int]] = field(default_factory=dict)  # model name: B's primary keys
    pks_a: list[int] = field(default_factory=list)

    def encoded_b(self) -> list[str]:
        return [encode_id(kind, pk) for kind, pks in self.ids_b.items() for pk in pks]


def _keep(tenants: Tenants, *rows: Any) -> None:
    for row in rows:
        tenants.ids_b.setdefault(type(row).__name__, []).append(row.pk)


async def seed() -> Tenants:
    org_a = await make_org(name="Alpha Org")
    admin_a = await make_user(org_a, email="admin@alpha.example", name="Alpha Admin",
                              role=models.UserRole.ADMIN)  # fmt: skip
    member_a = await make_user(org_a, email="member@alpha.example", name="Alpha Member")
    category_a = await make_category(org_a, "Alpha Meals")
    expense_a = await make_expense(member_a, category_a, merchant="Alpha Cafe")

    org_b = await make_org(name="Bravo Org")
    tenants = Tenants(admin_a=admin_a, org_b=org_b)
    tenants.pks_a = [org_a.pk, admin_a.pk, member_a.pk, category_a.pk, expense_a.pk]
    admin_b = await make_user(org_b, email="admin@bravo.example", name="Bravo Admin",
                              role=models.UserRole.ADMIN)  # fmt: skip
    user_b = await make_user(org_b, email="user@bravo.example", name="Bravo User")
    category = await make_category(org_b, "Bravo Meals")
    mileage = await make_category(org_b, "Bravo Mileage")
    customer = await make_customer(org_b, "Bravo Customer")
    contact = await models.ContactPerson.create(org=org_b, customer=customer, last_name="Bravo")
    potential = await make_potential(org_b, customer, "Bravo Deal")
    draft = await make_report(user_b, "Bravo Draft", customer=customer)
    submitted = await make_report(user_b, "Bravo Submitted", status=models.ReportStatus.SUBMITTED,
                                  approver=admin_b)  # fmt: skip
    approved = await make_report(user_b, "Bravo Approved", status=models.ReportStatus.APPROVED,
                                 approver=admin_b)  # fmt: skip
    expense = await make_expense(user_b, category, merchant="Bravo Cafe", report=draft,
                                 customer=customer, potential=potential)  # fmt: skip
    loose = await make_expense(user_b, category, merchant="Bravo Taxi")
    in_submitted = await make_expense(user_b, category, merchant="Bravo Hotel", report=submitted)
    attendee = await models.ExpenseAttendee.create(
        org=org_b, expense=expense, contact_person=contact
    )
    receipt = await models.Receipt.create(org=org_b, user=user_b, expense=expense,
                                          file_name="bravo.pdf", content_type="application/pdf",
                                          size=10, sha256="b" * 64)  # fmt: skip
    inbox = await models.Receipt.create(org=org_b, user=user_b, file_name="bravo-inbox.pdf",
                                        content_type="application/pdf", size=11,
                                        sha256="c" * 64)  # fmt: skip
    notification = await models.Notification.create(org=org_b, user=user_b, kind="REPORT",
                                                    title="Bravo notice")  # fmt: skip
    token = await models.ApiToken.create(org=org_b, user=user_b, name="Bravo token",
                                         token_digest="d" * 64, prefix="bravo")  # fmt: skip
    policy = await models.PerDiemPolicy.create(org=org_b, name="Bravo Policy")
    location = await models.PerDiemLocation.create(org=org_b, policy=policy, name="Bravo City")
    rate = await models.PerDiemRate.create(
        org=org_b, location=location, currency="USD", full_day_minor=5000,
        effective_from=date(2020, 1, 1),
    )  # fmt: skip
    assignment = await models.PerDiemAssignment.create(org=org_b, user=user_b, policy=policy)
    per_diem = await make_expense(user_b, category, merchant="Bravo per diem")
    per_diem_detail = await models.PerDiemDetail.create(
        org=org_b, expense=per_diem, policy=policy, mode=models.PerDiemMode.INDIVIDUAL_DAYS
    )
    vehicle = await models.MileageVehicle.create(org=org_b, name="Bravo Car", category=mileage)
    mileage_rate = await models.MileageRate.create(
        org=org_b, vehicle=vehicle, effective_from=date(2020, 1, 1),
        unit=models.DistanceUnit.KM, currency="USD", rate_per_unit=Decimal("0.30"),
    )  # fmt: skip
    trip = await make_expense(user_b, mileage, merchant="Bravo trip")
    mileage_detail = await models.MileageDetail.create(
        org=org_b, expense=trip, vehicle=vehicle, rate=mileage_rate, unit=models.DistanceUnit.KM,
        distance_hundredths=1000, fiscal_year_start=date(2026, 1, 1),
    )  # fmt: skip
    card = await models.Card.create(org=org_b, holder=user_b, kind=models.CardKind.CORPORATE,
                                    name="Bravo Card", last_four="1234", currency="USD")  # fmt: skip
    statement = await models.StatementImport.create(
        org=org_b, card=card, imported_by=admin_b, file_name="bravo.csv",
        format=models.StatementFormat.CSV,
    )  # fmt: skip
    transaction = await models.CardTransaction.create(
        org=org_b, card=card, statement_import=statement, posted_date=date(2026, 1, 10),
        amount_minor=1250, currency="USD", dedupe_key="bravo-1", description="Bravo charge",
    )  # fmt: skip
    matched = await models.CardTransaction.create(
        org=org_b, card=card, statement_import=statement, posted_date=date(2026, 1, 11),
        amount_minor=990, currency="USD", dedupe_key="bravo-2", description="Bravo matched",
        status=models.CardTransactionStatus.MATCHED, expense=loose,
    )  # fmt: skip
    custom = await models.CustomField.create(org=org_b, label="Bravo field", api_name="Bravo_1",
                                             data_type=models.CustomFieldType.TEXT)  # fmt: skip
    sync_run = await models.SyncRun.create(org=org_b, trigger="MANUAL")
    user_sync_run = await models.UserSyncRun.create(org=org_b, sync_run=sync_run)
    deletion = await models.IntegrationDeletion.create(
        org=org_b, mode=models.DeletionMode.CONVERT_ALL
    )
    _keep(tenants, sync_run, user_sync_run, deletion)
    _keep(tenants, org_b, admin_b, user_b, category, mileage, customer, contact, potential,
          draft, submitted, approved, expense, loose, in_submitted, attendee, receipt, inbox,
          notification, token, policy, location, rate, assignment, per_diem, per_diem_detail,
          vehicle, mileage_rate, trip, mileage_detail, card, statement, transaction, matched,
          custom)  # fmt: skip
    return tenants


TYPE_NAMES = [
    "Organization", "User", "Category", "Customer", "ContactPerson", "Potential", "Report",
    "Expense", "Receipt", "Notification", "ApiToken", "PerDiemPolicy", "PerDiemLocation",
    "PerDiemRate", "MileageVehicle", "MileageRate", "Card", "StatementImport",
    "CardTransaction", "CustomField", "SyncRun", "Integration", "UserSyncRun",
    "IntegrationDeletion",
]  # fmt: skip
GARBAGE = ["", " ", "0", "-1", "null", "User:1", "VXNlcjox", "====", "%00", "\u00e9\u00e9",
           "a" * 300, "VXNlcjo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ=="]  # fmt: skip


ID_KINDS = {  # id arguments named after something other than their type
    "approver": "User", "holder": "User", "attendeeUser": "User", "user": "User",
    "attendeeContactPerson": "ContactPerson", "contactPersons": "ContactPerson",
    "autoCreateCategory": "Category", "policy": "PerDiemPolicy", "location": "PerDiemLocation",
    "departureLocation": "PerDiemLocation", "arrivalLocation": "PerDiemLocation",
    "vehicle": "MileageVehicle", "organization": "Organization", "perDiem": "Expense",
    "mileageExpense": "Expense", "expenses": "Expense", "notifications": "Notification",
    "userPasswordLink": "User", "receiptConvert": "Receipt", "receipt": "Receipt",
}  # fmt: skip


def kind_of(field_name: str, path: tuple[str, ...]) -> str | None:
    """The type an id position expects, from its name (``customerId``: Customer) or, for
    ``id``/``ids``, from the enclosing input's name (``contactPersons``) or the field's
    (``categoryUpdate``: the longest type name it starts with)."""
    stems = {kind[:1].lower() + kind[1:]: kind for kind in TYPE_NAMES} | ID_KINDS
    if path[-1] not in ("id", "ids"):
        stem = path[-1].removesuffix("Ids").removesuffix("Id")
        return stems.get(stem)
    for name in reversed(path[:-1]):
        if name in stems:
            return stems[name]
    prefixes = [stem for stem in stems if field_name.startswith(stem)]
    return stems[max(prefixes, key=len)] if prefixes else None


def hostile_ids(tenants: Tenants, kind: str | None) -> st.SearchStrategy[str]:
    """Mostly B's ids of the expected type (those reach the organisation checks), then any of
    B's ids, ids of another type, forged ids and garbage."""
    b_pks = sorted({pk for pks in tenants.ids_b.values() for pk in pks})
    of_b = st.sampled_from(tenants.encoded_b())
    same_kind = [encode_id(kind, pk) for pk in tenants.ids_b.get(kind or "", [])]
    wrong_type = st.builds(
        encode_id, st.sampled_from(TYPE_NAMES), st.sampled_from(b_pks + tenants.pks_a)
    )
    forged = st.builds(
        encode_id,
        st.sampled_from([kind] if kind else TYPE_NAMES),
        st.one_of(st.integers(0, 10_000), st.integers(2**31, 2**63 - 1)),
    )
    garbage = st.one_of(st.sampled_from(GARBAGE), st.text(max_size=40))
    if not same_kind:
        return st.one_of(of_b, of_b, wrong_type, forged, garbage)
    targeted = st.sampled_from(same_kind)
    return st.one_of(targeted, targeted, targeted, targeted, of_b, wrong_type, forged, garbage)


# ---------------------------------------------------------------------------------------------
# Values for arguments: ids always hostile, everything else plausible or random.

SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "String": st.one_of(
        st.sampled_from(["Alpha", "Lunch with client", "", "12.50"]), st.text(max_size=30)
    ),
    "Int": st.one_of(st.sampled_from([1, 10, 0]), st.integers(-(2**31), 2**31 - 1)),
    "Float": st.floats(-1e9, 1e9, allow_nan=False),
    "Boolean": st.booleans(),
    "Date": st.one_of(
        st.just("2026-01-15"), st.dates(date(1990, 1, 1), date(2100, 1, 1)).map(date.isoformat)
    ),
    "DateTime": st.one_of(
        st.just("2026-01-15T10:00:00+00:00"),
        st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC)).map(
            datetime.isoformat
        ),
    ),
    "Time": st.sampled_from(["09:00:00", "17:30:00", "00:00:00"]),
    "DecimalString": st.one_of(
        st.sampled_from(["12.50", "1", "0.01", "100"]), st.decimals(-1000, 1000, places=2).map(str)
    ),
}


def _carries_id(type_: GraphQLInputType) -> bool:
    return bool(_id_paths(type_, ("x",), frozenset()))


IdsFor = Callable[[tuple[str, ...]], st.SearchStrategy[str]]


def value_for(
    type_: GraphQLInputType, path: tuple[str, ...], ids: IdsFor, depth: int = 0
) -> st.SearchStrategy[Any]:
    name = path[-1]
    if isinstance(type_, GraphQLNonNull):
        return value_for(type_.of_type, path, ids, depth)
    if isinstance(type_, GraphQLList):
        inner = value_for(type_.of_type, path, ids, depth)
        return st.lists(inner, min_size=1 if _carries_id(type_) else 0, max_size=3)
    named = get_named_type(type_)
    if isinstance(named, GraphQLEnumType):
        return st.sampled_from(sorted(named.values))
    if isinstance(named, GraphQLScalarType):
        if named.name == "ID":
            return ids(path)
        if named.name not in SCALARS:
            raise Unbuildable(f"no values for scalar {named.name}")
        base = SCALARS[named.name]
        if name in HINTS:
            return st.one_of(st.sampled_from(HINTS[name]), st.sampled_from(HINTS[name]), base)
        return base
    assert isinstance(named, GraphQLInputObjectType)
    if depth > 4:
        raise Unbuildable(f"{named.name} nests too deep")
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for field_name, input_field in named.fields.items():
        strategy = value_for(input_field.type, (*path, field_name), ids, depth + 1)
        if isinstance(input_field.type, GraphQLNonNull) or _carries_id(input_field.type):
            required[field_name] = strategy
        else:
            optional[field_name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def variables_for(key: str, ids: IdsFor) -> st.SearchStrategy[dict[str, Any]]:
    root_field = FIELDS[key]
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for arg, a in root_field.args.items():
        strategy = value_for(a.type, (arg,), ids)
        if isinstance(a.type, GraphQLNonNull) or _carries_id(a.type):
            required[arg] = strategy
        else:
            optional[arg] = strategy
    return st.fixed_dictionaries(required, optional=optional)


# ---------------------------------------------------------------------------------------------
# B's rows before and after.


async def snapshot(org_id: int) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, model in Tortoise.apps["models"].items():
        fields_map = model._meta.fields_map
        if name == "Organization":
            query = model.filter(id=org_id)
        elif "org" in fields_map or "org_id" in fields_map:
            query = model.filter(org_id=org_id)
        else:
            continue
        rows[name] = [dict(r) for r in await query.order_by(model._meta.pk_attr).values()]
    return rows


def _diff(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for table, old in before.items():
        new = after[table]
        if old != new:
            lines.append(f"{table}: {old!r}\n  -> {new!r}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The properties.


def _leaks(data: Any, variables: dict[str, Any], tenants: Tenants) -> list[str]:
    """B's texts or ids in an answer (ids the caller passed may be echoed back)."""
    text = json.dumps(data)
    passed = json.dumps(variables)
    found = [f"text {MARKER!r}"] if MARKER in text.lower() else []
    found += [i for i in tenants.encoded_b() if i in text and i not in passed]
    return found


@dataclass
class Tally:
    calls: int = 0
    refused: int = 0
    by_field: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    accepted: list[str] = field(default_factory=list)  # calls of the current example not refused


async def call_and_check(
    key: str, variables: dict[str, Any], tenants: Tenants, tally: Tally
) -> None:
    started = time.perf_counter()
    result = await execute(document_for(key), variables, viewer=viewer_for(tenants.admin_a))
    where = f"{key} with {variables!r}"
    codes = [(e.extensions or {}).get("code") for e in result.errors or []]
    assert "INTERNAL_SERVER_ERROR" not in codes, f"{where}: {result.errors}"
    leaks = _leaks(result.data, variables, tenants)
    assert not leaks, f"{where} leaked {leaks}: {result.data}"
    tally.calls += 1
    tally.by_field[key] = tally.by_field.get(key, 0) + 1
    tally.seconds[key] = tally.seconds.get(key, 0.0) + time.perf_counter() - started
    payload = (result.data or {}).get(key.split(".")[1])
    if result.errors or payload is None or (isinstance(payload, dict) and payload.get("errors")):
        tally.refused += 1
    else:
        tally.accepted.append(where)


def test_every_id_taking_field_is_called_or_listed_with_a_reason() -> None:
    assert len(FIELDS) > 50  # the introspection found them
    assert set(NOT_CALLED) <= set(FIELDS), "NOT_CALLED names a field that no longer takes ids"
    unbuildable = {}

    def ids(path: tuple[str, ...]) -> st.SearchStrategy[str]:
        return st.just(encode_id("User", 1))

    for key in FIELDS:
        if key in NOT_CALLED:
            continue
        try:
            variables_for(key, ids)
        except Unbuildable as exc:
            unbuildable[key] = str(exc)
        problems = validate(GRAPHQL, parse(document_for(key)))
        assert not problems, f"{key}: the generated document is invalid: {problems}"
    assert not unbuildable, f"neither called nor listed in NOT_CALLED with a reason: {unbuildable}"


def test_node_and_nodes_are_called_with_every_kind_of_hostile_id() -> None:
    """``node(id:)`` and ``nodes(ids:)`` take any type's id: they are called like every other
    id-taking field (their ids drawn from all of B's ids, other types' ids, forged and garbage),
    and B's rows of every type that has nodes are among the ids drawn."""
    assert {"Query.node", "Query.nodes"} <= set(FIELDS) - set(NOT_CALLED)
    assert kind_of("node", ("id",)) is None and kind_of("nodes", ("ids",)) is None


def test_no_call_with_hostile_ids_reads_or_changes_another_organisation(
    backend: str, request: pytest.FixtureRequest
) -> None:
    check_every_field(backend, request, SHORT_EXAMPLES)


@pytest.mark.long
def test_no_call_with_hostile_ids_reads_or_changes_another_organisation_long(
    backend: str, request: pytest.FixtureRequest
) -> None:
    check_every_field(backend, request, LONG_EXAMPLES)


def check_every_field(backend: str, request: pytest.FixtureRequest, examples: int) -> None:
    """Hypothesis runs its examples synchronously: the database lives on a loop of our own."""
    url = "sqlite://:memory:"
    if backend == "postgres":
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        url = cluster.url_for("test_{}")
    loop = asyncio.new_event_loop()
    shared = contextvars.copy_context()  # every step runs in it: Tortoise's context stays set

    def run(step: Coroutine[Any, Any, T]) -> T:
        return loop.run_until_complete(loop.create_task(step, context=shared))

    database = tortoise_test_context(MODELS, db_url=url)
    run(database.__aenter__())
    try:
        tenants = run(seed())
        called = [key for key in FIELDS if key not in NOT_CALLED]
        strategies = {
            key: variables_for(
                key, lambda path, name=key.split(".")[1]: hostile_ids(tenants, kind_of(name, path))
            )
            for key in called
        }
        tally = Tally()

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(st.data())
        def every_field_once(data: st.DataObject) -> None:
            before = run(snapshot(tenants.org_b.pk))
            tally.accepted.clear()
            for key in called:
                variables = data.draw(strategies[key], label=key)
                run(call_and_check(key, variables, tenants, tally))
            after = run(snapshot(tenants.org_b.pk))
            assert before == after, (
                f"organisation B changed:\n{_diff(before, after)}\n"
                f"calls of this example that were not refused: {tally.accepted}"
            )

        every_field_once()
    finally:
        run(database.__aexit__(None, None, None))
        loop.close()
    assert set(tally.by_field) == set(called)
    slowest = sorted(tally.seconds.items(), key=lambda item: -item[1])[:3]
    print(f"\n[{backend}] {tally.calls} calls over {len(called)} fields, {tally.refused} refused;"
          f" {sum(tally.seconds.values()):.1f} s in calls, slowest {slowest}")  # fmt: skip
