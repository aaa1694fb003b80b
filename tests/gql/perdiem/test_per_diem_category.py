"""The per diem category is found by its kind, not its name, and nothing but per diems uses it."""

from __future__ import annotations

from datetime import date
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.gql.perdiem.conftest import World
from tests.gql.perdiem.test_calculate_and_record import RECORD, trip

CATEGORY_CREATE = """mutation($name: String!) {
  categoryCreate(input: {name: $name}) { category { id kind } errors { code } } }"""
CATEGORY_RENAME = """mutation($id: ID!, $name: String!) {
  categoryUpdate(input: {id: $id, name: $name}) { category { name kind } errors { code } } }"""
EXPENSE_CREATE = """mutation($input: ExpenseCreateInput!) {
  expenseCreate(input: $input) { expense { id category { name } } errors { field code } } }"""
EXPENSES_CREATE = """mutation($input: ExpensesCreateInput!) {
  expensesCreate(input: $input) { expenses { id } errors { field code } } }"""
EXPENSE_UPDATE = """mutation($input: ExpenseUpdateInput!) {
  expenseUpdate(input: $input) { expense { merchant } errors { field code } } }"""
VEHICLE_CREATE = """mutation($categoryId: ID!) {
  mileageVehicleCreate(input: {name: "Car", categoryId: $categoryId}) { errors { field code } } }"""
CARD_SETTINGS = """mutation($categoryId: ID!) {
  cardSettingsUpdate(input: {autoMatch: true, autoCreate: true, autoCreateCategoryId: $categoryId})
  { errors { field code } } }"""


async def _record(world: World, day: str) -> models.Category:
    result = await execute(RECORD, {"input": {"trip": trip(world), "dates": [day]}},
                           viewer=world.as_(world.alice))  # fmt: skip
    assert result.data["perDiemRecord"]["errors"] == [], result.data
    expense = await models.Expense.get(user_id=world.alice.id, date=date.fromisoformat(day))
    return await models.Category.get(id=expense.category_id)


def _expense(category: models.Category, **changes: Any) -> dict[str, Any]:
    return {"date": "2026-01-05", "categoryId": encode_id("Category", category.id),
            "amount": "12.00", "merchant": "Kiosk"} | changes  # fmt: skip


async def test_the_per_diem_category_is_found_by_its_kind_after_a_rename(world: World) -> None:
    first = await _record(world, "2026-01-01")
    assert (first.name, first.kind) == ("Per Diem", models.CategoryKind.PER_DIEM)
    renamed = await execute(
        CATEGORY_RENAME, {"id": encode_id("Category", first.id), "name": "Daily allowance"},
        viewer=world.as_(world.admin),
    )  # fmt: skip
    assert renamed.data["categoryUpdate"]["category"] == {
        "name": "Daily allowance", "kind": "PER_DIEM",
    }  # fmt: skip
    second = await _record(world, "2025-12-31")
    assert second.id == first.id  # no second "Per Diem" category
    assert await models.Category.filter(kind=models.CategoryKind.PER_DIEM).count() == 1


async def test_an_ordinary_category_called_per_diem_stays_ordinary(world: World) -> None:
    created = await execute(CATEGORY_CREATE, {"name": "Per Diem"}, viewer=world.as_(world.admin))
    assert created.data["categoryCreate"]["category"]["kind"] == "STANDARD"
    recorded = await _record(world, "2026-01-01")
    assert (recorded.name, recorded.kind) == ("Per Diem (2)", models.CategoryKind.PER_DIEM)
    ordinary = await models.Category.get(org_id=world.org.id, name="Per Diem")
    assert ordinary.kind is models.CategoryKind.STANDARD
    usable = await execute(EXPENSE_CREATE, {"input": {"expense": _expense(ordinary)}},
                           viewer=world.as_(world.alice))  # fmt: skip
    assert usable.data["expenseCreate"]["errors"] == []


async def test_nothing_but_per_diems_may_use_the_per_diem_category(world: World) -> None:
    per_diem = await _record(world, "2026-01-01")
    meals = await models.Category.create(org_id=world.org.id, name="Meals")
    alice, admin = world.as_(world.alice), world.as_(world.admin)
    before = await models.Expense.all().count()

    single = await execute(EXPENSE_CREATE, {"input": {"expense": _expense(per_diem)}},
                           viewer=alice)  # fmt: skip
    assert single.data["expenseCreate"]["errors"] == [
        {"field": ["categoryId"], "code": "CATEGORY_RESERVED"}
    ]
    bulk = await execute(
        EXPENSES_CREATE, {"input": {"expenses": [_expense(meals), _expense(per_diem)]}},
        viewer=alice,
    )  # fmt: skip
    assert bulk.data["expensesCreate"]["errors"] == [
        {"field": ["expenses", "1", "categoryId"], "code": "CATEGORY_RESERVED"}
    ]
    assert await models.Expense.all().count() == before  # all or nothing

    made = await execute(EXPENSE_CREATE, {"input": {"expense": _expense(meals)}}, viewer=alice)
    ordinary_id = made.data["expenseCreate"]["expense"]["id"]
    moved = await execute(
        EXPENSE_UPDATE, {"input": {"id": ordinary_id, "expense": _expense(per_diem)}},
        viewer=alice,
    )  # fmt: skip
    assert moved.data["expenseUpdate"]["errors"] == [
        {"field": ["categoryId"], "code": "CATEGORY_RESERVED"}
    ]
    assert (await models.Expense.get(merchant="Kiosk")).category_id == meals.id

    # an ordinary expense that was in it before the category had a kind may keep it
    legacy = await models.Expense.create(
        org_id=world.org.id, user_id=world.alice.id, category_id=per_diem.id,
        date=date(2026, 1, 4), amount_minor=900, currency="EUR", base_amount_minor=900,
    )  # fmt: skip
    edited = await execute(
        EXPENSE_UPDATE,
        {"input": {"id": encode_id("Expense", legacy.id),
                   "expense": _expense(per_diem, merchant="Bakery", amount="9.00")}},
        viewer=alice,
    )  # fmt: skip
    assert edited.data["expenseUpdate"] == {"expense": {"merchant": "Bakery"}, "errors": []}

    vehicle = await execute(VEHICLE_CREATE, {"categoryId": encode_id("Category", per_diem.id)},
                            viewer=admin)  # fmt: skip
    assert vehicle.data["mileageVehicleCreate"]["errors"] == [
        {"field": ["categoryId"], "code": "CATEGORY_RESERVED"}
    ]
    assert not await models.MileageVehicle.exists()
    cards = await execute(CARD_SETTINGS, {"categoryId": encode_id("Category", per_diem.id)},
                          viewer=admin)  # fmt: skip
    assert cards.data["cardSettingsUpdate"]["errors"] == [
        {"field": ["autoCreateCategoryId"], "code": "CATEGORY_RESERVED"}
    ]


async def test_a_per_diem_category_renamed_mileage_is_not_taken_for_mileage(world: World) -> None:
    per_diem = await _record(world, "2026-01-01")
    await models.Category.filter(id=per_diem.id).update(name="Mileage")
    created = await execute(
        'mutation { mileageVehicleCreate(input: {name: "Car"}) { errors { field code } } }',
        viewer=world.as_(world.admin),
    )
    assert created.data["mileageVehicleCreate"]["errors"] == []
    vehicle = await models.MileageVehicle.get(name="Car").prefetch_related("category")
    assert (vehicle.category.name, vehicle.category.kind) == (
        "Mileage (2)", models.CategoryKind.STANDARD,
    )  # fmt: skip
