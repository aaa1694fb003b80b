"""API token scopes: a READ_ONLY token runs every query and is refused every mutation."""

from __future__ import annotations

import pytest
from graphql import GraphQLNonNull

from gql.schema import schema
from orm import models
from resolvers.identity.tokens import authenticate_token
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

CREATE = """
mutation Create($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) { token { name scope } secret errors { code } }
}
"""


def _mutation_documents() -> list[tuple[str, str]]:
    """One valid document per mutation of the schema (values for its required arguments are
    left to the variables, which a refused operation never reads)."""
    mutation_type = schema._schema.mutation_type
    assert mutation_type is not None
    documents = []
    for name, field in sorted(mutation_type.fields.items()):
        required = {a: arg for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
        declared = ", ".join(f"${a}: {arg.type}" for a, arg in required.items())
        passed = ", ".join(f"{a}: ${a}" for a in required)
        head = f"mutation M({declared})" if required else "mutation M"
        call = f"{name}({passed})" if required else name
        documents.append((name, f"{head} {{ {call} {{ __typename }} }}"))
    return documents


async def _token(user: models.User, **input: str) -> str:
    result = await execute(CREATE, {"input": {"name": "tool", **input}}, viewer=viewer_for(user))
    assert result.data is not None
    payload = result.data["apiTokenCreate"]
    assert payload["errors"] == []
    return str(payload["secret"])


async def test_tokens_are_full_unless_created_read_only() -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    full = await authenticate_token(await _token(admin))
    read_only = await authenticate_token(await _token(admin, scope="READ_ONLY"))
    assert full is not None and not full.read_only
    assert read_only is not None and read_only.read_only
    scopes = (
        await models.ApiToken.filter(org_id=org.id).order_by("id").values_list("scope", flat=True)
    )
    assert list(scopes) == [models.ApiTokenScope.FULL, models.ApiTokenScope.READ_ONLY]
    listed = await execute("{ apiTokens { nodes { scope } } }", viewer=viewer_for(admin))
    assert listed.data == {"apiTokens": {"nodes": [{"scope": "READ_ONLY"}, {"scope": "FULL"}]}}
    # a full token still changes things
    created = await execute(CREATE, {"input": {"name": "more"}}, viewer=full)
    assert created.data is not None and created.data["apiTokenCreate"]["errors"] == []


async def test_a_read_only_token_runs_queries_and_no_mutation() -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    viewer = await authenticate_token(await _token(admin, scope="READ_ONLY"))
    assert viewer is not None
    queries = await execute(
        "{ viewer { email } expenses { totalCount } spendPerDeal { totalCount }"
        " spendAnalytics(groupBy: [USER]) { summary { count } } }",
        viewer=viewer,
    )
    assert queries.errors is None
    tokens_before = await models.ApiToken.all().count()
    documents = _mutation_documents()
    assert len(documents) > 40
    for name, document in documents:
        result = await execute(document, viewer=viewer)
        assert result.data is None, name
        assert result.errors is not None and len(result.errors) == 1, name
        assert result.errors[0].extensions == {"code": "READ_ONLY_TOKEN"}, name
    refused = await execute(CREATE, {"input": {"name": "sneaky"}}, viewer=viewer)
    assert refused.errors is not None and refused.errors[0].extensions == {
        "code": "READ_ONLY_TOKEN"
    }
    assert await models.ApiToken.all().count() == tokens_before
    # a browser session of the same user is not read-only
    session = await execute(CREATE, {"input": {"name": "ok"}}, viewer=viewer_for(admin))
    assert session.data is not None and session.data["apiTokenCreate"]["errors"] == []
