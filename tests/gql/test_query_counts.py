"""SQL statements per request do not grow with the length of a list (no N+1)."""

from __future__ import annotations

import pytest

from orm import models
from tests.conftest import QueryCounter, execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

USERS_WITH_ORGANIZATION = """
{ users(first: 100) { totalCount nodes { email organization { name activeUserCount } } } }
"""
TOKENS_WITH_USERS = (
    "{ apiTokens(first: 100) { nodes { name user { email organization { name } } } } }"
)


async def _statements(document: str, viewer_user: models.User, counter: QueryCounter) -> int:
    counter.statements.clear()
    result = await execute(document, viewer=viewer_for(viewer_user))
    assert result.errors is None
    return len(counter)


async def test_users_and_tokens_lists_use_a_fixed_number_of_statements(
    count_queries: QueryCounter,
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    for index in range(3):
        user = await make_user(org)
        await models.ApiToken.create(
            org=org, user=user, name=f"t{index}", token_digest=f"{index:064d}", prefix="sst_x"
        )
    small_users = await _statements(USERS_WITH_ORGANIZATION, admin, count_queries)
    small_tokens = await _statements(TOKENS_WITH_USERS, admin, count_queries)
    for index in range(3, 40):
        user = await make_user(org)
        await models.ApiToken.create(
            org=org, user=user, name=f"t{index}", token_digest=f"{index:064d}", prefix="sst_x"
        )
    assert await _statements(USERS_WITH_ORGANIZATION, admin, count_queries) == small_users
    assert await _statements(TOKENS_WITH_USERS, admin, count_queries) == small_tokens
    assert small_users <= 4  # page, count, organisations, active users
