"""Expense categories per organisation: a default set, then admins add, rename and disable."""

from __future__ import annotations

from collections.abc import Callable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.validation import clean_name
from resolvers.viewer import Viewer

DEFAULT_CATEGORIES = (
    "Air Travel", "Lodging", "Meals and Entertainment", "Fuel/Mileage", "Parking",
    "Ground Transportation", "Telephone", "Office Supplies", "Client Gifts", "Other",
)  # fmt: skip


async def create_default_categories(org_id: int, connection: BaseDBAsyncClient | None) -> None:
    await models.Category.bulk_create(
        [models.Category(org_id=org_id, name=name) for name in DEFAULT_CATEGORIES],
        using_db=connection,
    )


def reserved_category_error(category: models.Category, field: str) -> FieldError | None:
    """Ordinary expenses (and what creates them: vehicles, card auto-create) may not use the
    per diem category: its expenses come from the per diem rules."""
    if category.kind is models.CategoryKind.STANDARD:
        return None
    return FieldError(
        field,
        f"{category.name} is the per diem category; per diems are recorded with perDiemRecord.",
        ErrorCode.CATEGORY_RESERVED,
    )


async def named_category(
    org_id: int, name: str, connection: BaseDBAsyncClient | None = None
) -> models.Category:
    """The organisation's ordinary category of this name (mileage), created the first time
    it is needed (``name (2)``… when the per diem category was renamed to it)."""
    standard = models.CategoryKind.STANDARD

    def called(candidate: str) -> QuerySet[models.Category]:
        return models.Category.filter(org_id=org_id, name=candidate, kind=standard)

    return await _find_or_create(called, org_id, name, standard, connection)


async def special_category(
    org_id: int,
    kind: models.CategoryKind,
    name: str,
    connection: BaseDBAsyncClient | None = None,
) -> models.Category:
    """The organisation's one category of ``kind`` (per diem), whatever an admin renamed it
    to; created as ``name`` the first time (``name (2)``… when an ordinary category already
    has the name)."""
    of_kind = models.Category.filter(org_id=org_id, kind=kind).order_by("id")
    return await _find_or_create(lambda _: of_kind, org_id, name, kind, connection)


async def _find_or_create(
    lookup: Callable[[str], QuerySet[models.Category]],
    org_id: int,
    name: str,
    kind: models.CategoryKind,
    connection: BaseDBAsyncClient | None,
) -> models.Category:
    """``lookup(candidate)``'s first row, else a new category called ``name``, ``name (2)``…
    (the first name free). Two requests creating it at once both get the one row: the insert
    ignores the unique conflict instead of failing the caller's transaction."""
    for attempt in range(1, 100):
        candidate = name if attempt == 1 else f"{name} ({attempt})"
        found = await lookup(candidate).using_db(connection).first()
        if found is None:
            await _insert_ignoring_conflict(org_id, candidate, kind, connection)
            found = await lookup(candidate).using_db(connection).first()
        if found is not None:
            return found
    raise RuntimeError(f"no free name for the {name!r} category")  # 99 look-alikes


async def _insert_ignoring_conflict(
    org_id: int, name: str, kind: models.CategoryKind, connection: BaseDBAsyncClient | None
) -> None:
    await models.Category.bulk_create(
        [models.Category(org_id=org_id, name=name, kind=kind)],
        ignore_conflicts=True,
        using_db=connection,
    )


def list_categories(viewer: Viewer, *, include_disabled: bool) -> QuerySet[models.Category]:
    query = models.Category.filter(org_id=viewer.org_id)
    if not include_disabled:
        query = query.filter(is_enabled=True)
    return query.order_by("name", "id")


async def save_category(
    viewer: Viewer, category_id: int | None, *, name: str | None, is_enabled: bool | None
) -> MutationResult[models.Category]:
    """Create (no id) or change a category."""
    errors: list[FieldError] = []
    name = clean_name(name, creating=category_id is None, max_length=100, errors=errors)
    if errors:
        return MutationResult(errors=errors)
    if category_id is None:
        category = models.Category(org_id=viewer.org_id)
    else:
        found = await models.Category.get_or_none(id=category_id, org_id=viewer.org_id)
        if found is None:
            return MutationResult.fail("id", "No such category.", ErrorCode.NOT_FOUND)
        category = found
    if name is not None:
        category.name = name
    if is_enabled is not None:
        category.is_enabled = is_enabled
    duplicate = models.Category.filter(org_id=viewer.org_id, name=category.name)
    if category.id is not None:
        duplicate = duplicate.exclude(id=category.id)
    if await duplicate.exists():
        return MutationResult.fail("name", "A category with this name exists.", ErrorCode.UNIQUE)
    try:
        await category.save()
    except IntegrityError:
        return MutationResult.fail("name", "A category with this name exists.", ErrorCode.UNIQUE)
    return MutationResult(category)
