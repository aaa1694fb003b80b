"""``named_category`` under truly concurrent transactions: both get the one row, neither fails."""

from __future__ import annotations

import asyncio

from tortoise.transactions import in_transaction

from orm import models
from resolvers.categories import named_category
from tests.factories import make_org


async def test_two_transactions_creating_one_named_category_share_it(db: None) -> None:
    org = await make_org()
    first_inserted = asyncio.Event()
    release_first = asyncio.Event()

    async def first() -> int:
        async with in_transaction() as conn:
            category = await named_category(org.id, "Per diem", conn)
            first_inserted.set()  # its row exists, uncommitted, until release_first
            await release_first.wait()
            return category.id

    async def second() -> int:
        await first_inserted.wait()
        async with in_transaction() as conn:
            # PostgreSQL: the insert waits on the first transaction's row, then skips it
            category = await named_category(org.id, "Per diem", conn)
            return category.id

    one = asyncio.create_task(first())
    two = asyncio.create_task(second())
    await first_inserted.wait()
    await asyncio.sleep(0.2)  # lets the second reach its insert (or its wait for the lock)
    assert not two.done()  # it cannot have its answer before the first commits
    release_first.set()
    ids = await asyncio.wait_for(asyncio.gather(one, two), timeout=20)
    assert ids[0] == ids[1]
    assert await models.Category.filter(org_id=org.id, name="Per diem").count() == 1
