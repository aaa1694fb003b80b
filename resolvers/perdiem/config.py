"""Admin configuration of per diem: policies and their rules, presets, locations, rates and the
policy each user is assigned. The GraphQL layer lets only admins call these; every row is
looked up within the viewer's organisation."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.perdiem.amounts import Rules
from resolvers.perdiem.presets import PRESETS, PerDiemPreset
from resolvers.perdiem.store import rate_fields, rate_value, write_rules
from resolvers.perdiem.validation import RateData, clean_rate, clean_rules, overlaps
from resolvers.validation import clean_name
from resolvers.viewer import Viewer

NAME_TAKEN = "A policy with this name exists."


async def policy_of(viewer: Viewer, policy_id: int | None) -> models.PerDiemPolicy | None:
    if policy_id is None:
        return None
    return await models.PerDiemPolicy.get_or_none(id=policy_id, org_id=viewer.org_id)


async def save_policy(
    viewer: Viewer, policy_id: int | None, *, name: str | None, rules: Rules | None
) -> MutationResult[models.PerDiemPolicy]:
    """Create (no id) or change a policy; rules, when given, replace the whole rule set."""
    errors: list[FieldError] = []
    name = clean_name(name, creating=policy_id is None, max_length=100, errors=errors)
    if rules is not None:
        rules = clean_rules(rules, errors)
    if errors:
        return MutationResult(errors=errors)
    if policy_id is None:
        policy = models.PerDiemPolicy(org_id=viewer.org_id)
    else:
        found = await policy_of(viewer, policy_id)
        if found is None:
            return MutationResult.fail("id", "No such per diem policy.", ErrorCode.NOT_FOUND)
        policy = found
    if name is not None:
        policy.name = name
    taken = models.PerDiemPolicy.filter(org_id=viewer.org_id, name=policy.name)
    if policy.id is not None:
        taken = taken.exclude(id=policy.id)
    if await taken.exists():
        return MutationResult.fail("name", NAME_TAKEN, ErrorCode.UNIQUE)
    try:
        async with in_transaction() as connection:
            await policy.save(using_db=connection)
            if rules is not None:
                await write_rules(connection, policy, rules)
    except IntegrityError:
        return MutationResult.fail("name", NAME_TAKEN, ErrorCode.UNIQUE)
    return MutationResult(policy)


async def load_preset(
    viewer: Viewer, policy_id: int | None, preset: PerDiemPreset
) -> MutationResult[models.PerDiemPolicy]:
    """Replace the policy's rules with a preset's; its locations and rates stay."""
    policy = await policy_of(viewer, policy_id)
    if policy is None:
        return MutationResult.fail("id", "No such per diem policy.", ErrorCode.NOT_FOUND)
    async with in_transaction() as connection:
        await write_rules(connection, policy, PRESETS[preset])
    return MutationResult(policy)


async def save_location(
    viewer: Viewer, location_id: int | None, *, policy_id: int | None, name: str | None
) -> MutationResult[models.PerDiemLocation]:
    errors: list[FieldError] = []
    name = clean_name(name, creating=location_id is None, max_length=200, errors=errors)
    if errors:
        return MutationResult(errors=errors)
    if location_id is None:
        policy = await policy_of(viewer, policy_id)
        if policy is None:
            return MutationResult.fail("policyId", "No such per diem policy.", ErrorCode.NOT_FOUND)
        location = models.PerDiemLocation(org_id=viewer.org_id, policy_id=policy.id)
    else:
        found = await models.PerDiemLocation.get_or_none(id=location_id, org_id=viewer.org_id)
        if found is None:
            return MutationResult.fail("id", "No such location.", ErrorCode.NOT_FOUND)
        location = found
    if name is not None:
        location.name = name
    taken = models.PerDiemLocation.filter(policy_id=location.policy_id, name=location.name)
    if location.id is not None:
        taken = taken.exclude(id=location.id)
    if await taken.exists():
        return MutationResult.fail("name", "The policy has a location with this name.",
                                   ErrorCode.UNIQUE)  # fmt: skip
    await location.save()
    return MutationResult(location)


async def delete_location(viewer: Viewer, location_id: int | None) -> MutationResult[int]:
    """Removes the location and its rates; recorded per diems keep their breakdown."""
    query = models.PerDiemLocation.filter(id=location_id or -1, org_id=viewer.org_id)
    deleted = await query.delete()
    if not deleted:
        return MutationResult.fail("id", "No such location.", ErrorCode.NOT_FOUND)
    assert location_id is not None
    return MutationResult(location_id)


async def save_rate(
    viewer: Viewer, rate_id: int | None, *, location_id: int | None, data: RateData
) -> MutationResult[models.PerDiemRate]:
    """Create (with a location) or replace a rate; a location's rate periods may not overlap."""
    if rate_id is None:
        location = await models.PerDiemLocation.get_or_none(
            id=location_id or -1, org_id=viewer.org_id
        )
        if location is None:
            return MutationResult.fail("locationId", "No such location.", ErrorCode.NOT_FOUND)
        row = models.PerDiemRate(org_id=viewer.org_id, location_id=location.id)
    else:
        found = await models.PerDiemRate.get_or_none(id=rate_id, org_id=viewer.org_id)
        if found is None:
            return MutationResult.fail("id", "No such rate.", ErrorCode.NOT_FOUND)
        row = found
    errors: list[FieldError] = []
    value = clean_rate(data, row.location_id, errors)
    if value is None:
        return MutationResult(errors=errors)
    async with in_transaction() as connection:
        others = models.PerDiemRate.filter(location_id=row.location_id).using_db(connection)
        if row.id is not None:
            others = others.exclude(id=row.id)
        if overlaps(value, [rate_value(other) for other in await others.select_for_update()]):
            return MutationResult.fail(
                "effectiveFrom", "Another rate of this location is in force on some of these "
                "days.", ErrorCode.RATE_OVERLAP,
            )  # fmt: skip
        row.update_from_dict(rate_fields(value))
        await row.save(using_db=connection)
    return MutationResult(row)


async def delete_rate(viewer: Viewer, rate_id: int | None) -> MutationResult[int]:
    deleted = await models.PerDiemRate.filter(id=rate_id or -1, org_id=viewer.org_id).delete()
    if not deleted:
        return MutationResult.fail("id", "No such rate.", ErrorCode.NOT_FOUND)
    assert rate_id is not None
    return MutationResult(rate_id)


async def assign_policy(
    viewer: Viewer, user_id: int | None, policy_id: int | None
) -> MutationResult[models.User]:
    """Assign a policy to a user of the organisation; no policy removes the assignment."""
    user = await models.User.get_or_none(id=user_id or -1, org_id=viewer.org_id)
    if user is None:
        return MutationResult.fail("userId", "No such user.", ErrorCode.NOT_FOUND)
    if policy_id is None:
        await models.PerDiemAssignment.filter(user_id=user.id).delete()
        return MutationResult(user)
    policy = await policy_of(viewer, policy_id)
    if policy is None:
        return MutationResult.fail("policyId", "No such per diem policy.", ErrorCode.NOT_FOUND)
    async with in_transaction() as connection:
        updated = await (
            models.PerDiemAssignment.filter(user_id=user.id).using_db(connection)
            .update(policy_id=policy.id)
        )  # fmt: skip
        if not updated:
            await models.PerDiemAssignment.create(
                org_id=viewer.org_id, user_id=user.id, policy_id=policy.id, using_db=connection
            )
    return MutationResult(user)
