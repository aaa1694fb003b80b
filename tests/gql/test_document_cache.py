"""Parse and validation are done once per document text; refusals are never cached."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import strawberry.schema.schema as strawberry_schema

from gql import document_cache
from gql.context import build_context
from gql.schema import schema
from orm import models
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for
from tests.support.documents import doubling_fragments

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The document texts Strawberry validates, in order (the cache starts empty)."""
    seen: list[str] = []
    validate = strawberry_schema.validate_document

    def counting(schema: Any, document: Any, rules: Any) -> Any:
        seen.append(document.loc.source.body if document.loc else "")
        return validate(schema, document, rules)

    monkeypatch.setattr(strawberry_schema, "validate_document", counting)
    document_cache.clear()
    yield seen
    document_cache.clear()


async def test_a_repeated_document_is_validated_once(validations: list[str]) -> None:
    org = await make_org()
    viewer = viewer_for(await make_user(org, role=models.UserRole.ADMIN))
    document = "query Me { viewer { email } }"
    for _ in range(3):
        result = await execute(document, viewer=viewer)
        assert result.errors is None
        assert result.data == {"viewer": {"email": (await models.User.get()).email}}
    assert validations == [document]
    # another text is another document
    assert (await execute("{ viewer { name } }", viewer=viewer)).errors is None
    assert len(validations) == 2


async def test_invalid_documents_are_refused_every_time(validations: list[str]) -> None:
    for _ in range(2):
        result = await execute("{ viewer { noSuchField } }")
        assert result.errors is not None
        assert result.errors[0].extensions == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert len(validations) == 2
    for _ in range(2):
        broken = await execute("{ viewer { ")
        assert broken.errors is not None
        assert broken.errors[0].extensions == {"code": "GRAPHQL_PARSE_FAILED"}


async def test_a_cached_document_is_still_refused_by_the_cost_limit() -> None:
    document_cache.clear()
    for _ in range(2):
        result = await execute(doubling_fragments(30))
        assert result.errors is not None
        assert [e.extensions["code"] for e in result.errors] == ["QUERY_TOO_COMPLEX"]


async def test_introspection_validated_for_a_member_is_still_refused_to_anonymous() -> None:
    document_cache.clear()
    org = await make_org()
    viewer = viewer_for(await make_user(org))
    document = "{ __schema { queryType { name } } }"
    member = await build_context(None, viewer=viewer)
    member.introspection = "signed-in"
    allowed = await schema.execute(document, context_value=member)
    assert allowed.errors is None
    anonymous = await build_context(None)
    anonymous.introspection = "signed-in"
    refused = await schema.execute(document, context_value=anonymous)
    assert refused.errors is not None
    assert refused.errors[0].extensions == {"code": "UNAUTHENTICATED"}
    # and the member's next request is answered from the cache
    again = await schema.execute(document, context_value=await build_context(None, viewer=viewer))
    assert again.errors is None


async def test_the_cache_is_bounded() -> None:
    document_cache.clear()
    for index in range(document_cache.MAX_DOCUMENTS + 20):
        assert (await execute(f"query Q{index} {{ __typename }}")).errors is None
    assert len(document_cache._parsed.items) == document_cache.MAX_DOCUMENTS
    assert len(document_cache._valid) <= document_cache.MAX_DOCUMENTS
