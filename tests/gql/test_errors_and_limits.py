"""Masking of unexpected errors and the document limits (depth, aliases, tokens, cost)."""

from __future__ import annotations

import logging

import pytest
from graphql import get_introspection_query

from gql.limits import MAX_EXPANDED_SELECTIONS, MAX_FRAGMENT_SPREADS, MAX_SAME_RESPONSE_NAME
from gql.schema import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from orm import models
from resolvers import organizations
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for
from tests.support.deadline import deadline
from tests.support.documents import doubling_fragments

pytestmark = pytest.mark.usefixtures("db")


async def test_an_unexpected_exception_is_masked_and_logged_with_the_request_id(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    user = await make_user(await make_org())

    async def broken(viewer: object) -> None:
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(organizations, "get_organization", broken)
    with caplog.at_level(logging.ERROR, logger="spendsync.graphql"):
        result = await execute("{ organization { name } }", viewer=viewer_for(user))
    error = result.errors[0]
    assert error.message == "Internal server error."
    assert "hunter2" not in str(error.formatted)
    assert error.extensions["code"] == "INTERNAL_SERVER_ERROR"
    request_id = error.extensions["requestId"]
    assert request_id
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert "hunter2" in str(logged[0].exc_info[1])


async def test_deliberate_errors_pass_through_unmasked() -> None:
    result = await execute("{ users(first: 1000) { totalCount } }", viewer=None)
    assert result.errors[0].extensions["code"] == "UNAUTHENTICATED"
    assert "Sign in" in result.errors[0].message


def _nested(depth: int) -> str:
    inner = "id"
    for level in range(depth - 2):
        inner = f"f{level} {{ {inner} }}"
    return f"{{ viewer {{ organization {{ {inner} }} }} }}"


async def test_depth_limit() -> None:
    # The schema is shallow today, so the deep document also names unknown fields; the depth
    # rule must still be among the reasons it is refused (it runs with the validation rules).
    shallow = await execute(_nested(MAX_DEPTH - 2))
    assert not any("depth" in e.message for e in shallow.errors)
    result = await execute(_nested(MAX_DEPTH + 2))
    assert result.data is None
    assert any("exceeds maximum operation depth" in e.message for e in result.errors)


async def test_alias_and_token_limits_reject_before_any_resolver_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = await make_user(await make_org())
    calls = 0
    original = organizations.get_organization

    async def counting(viewer: object) -> models.Organization:
        nonlocal calls
        calls += 1
        return await original(viewer)  # type: ignore[arg-type]

    monkeypatch.setattr(organizations, "get_organization", counting)
    aliased = (
        "{ " + " ".join(f"o{i}: organization {{ name }}" for i in range(MAX_ALIASES + 1)) + " }"
    )
    wide = await execute(aliased, viewer=viewer_for(user))
    assert wide.data is None
    assert "aliases" in wide.errors[0].message.lower()

    long_document = "{ organization { " + "name " * MAX_TOKENS + "} }"
    long = await execute(long_document, viewer=viewer_for(user))
    assert long.data is None
    assert "token" in long.errors[0].message.lower()
    assert calls == 0

    fine = await execute(
        "{ a: organization { name } b: organization { name } }", viewer=viewer_for(user)
    )
    assert fine.errors is None
    assert calls == 2


async def test_syntax_and_validation_errors_carry_codes() -> None:
    broken = await execute("{ viewer { ")
    assert broken.errors[0].extensions["code"] == "GRAPHQL_PARSE_FAILED"
    unknown = await execute("{ nothingHere }")
    assert unknown.errors[0].extensions["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_doubling_fragments_are_refused_before_validation_walks_them() -> None:
    small = await execute(doubling_fragments(3))  # 7 fields at one path: fine
    assert small.errors is None
    assert small.data == {"__typename": "Query"}
    # 30 levels expand to a billion fields: refused at once (today's answer, not a timing claim;
    # the deadline only turns a hang into a failure)
    with deadline(20):
        result = await execute(doubling_fragments(30))
    assert result.data is None
    assert [e.extensions["code"] for e in result.errors] == ["QUERY_TOO_COMPLEX"]


async def test_expanded_size_spreads_and_repeated_fields_are_bounded() -> None:
    repeated = "{ " + "__typename " * (MAX_SAME_RESPONSE_NAME + 1) + "}"
    assert (await execute(repeated)).errors[0].extensions["code"] == "QUERY_TOO_COMPLEX"
    at_limit = "{ " + "__typename " * MAX_SAME_RESPONSE_NAME + "}"
    assert (await execute(at_limit)).errors is None
    # the same field from many occurrences of its parent: compared pairwise by validation
    parents = "{ " + "viewer { email } " * (MAX_SAME_RESPONSE_NAME + 1) + "}"
    assert (await execute(parents)).errors[0].extensions["code"] == "QUERY_TOO_COMPLEX"
    # many distinct fragments, each small, spread side by side
    count = MAX_FRAGMENT_SPREADS + 1
    spreads = (
        "{ "
        + " ".join(f"...F{n}" for n in range(count))
        + " } "
        + " ".join(f"fragment F{n} on Query {{ a{n}: __typename }}" for n in range(count))
    )
    result = await execute(spreads)
    assert [e.extensions["code"] for e in result.errors] == ["QUERY_TOO_COMPLEX"]
    assert "fragment spreads" in result.errors[0].message
    # wide: every field at its own path (aliases), but more than the limit in total
    levels = MAX_EXPANDED_SELECTIONS.bit_length()
    wide = (
        "{ __schema { types { ...L0 } } } "
        + " ".join(
            f"fragment L{n} on __Type {{ a: ofType {{ ...L{n + 1} }} b: ofType {{ ...L{n + 1} }} }}"
            for n in range(levels)
        )
        + f" fragment L{levels} on __Type {{ name }}"
    )
    result = await execute(wide)
    assert [e.extensions["code"] for e in result.errors] == ["QUERY_TOO_COMPLEX"]
    assert f"more than {MAX_EXPANDED_SELECTIONS} fields" in result.errors[0].message


async def test_ordinary_documents_with_fragments_and_introspection_pass() -> None:
    user = await make_user(await make_org(name="Acme"))
    document = """
    query { viewer { ...Who organization { ...Org } } ...Top }
    fragment Who on User { email name }
    fragment Org on Organization { name id }
    fragment Top on Query { viewer { email organization { name } } }
    """
    result = await execute(document, viewer=viewer_for(user))
    assert result.errors is None
    assert result.data["viewer"]["organization"]["name"] == "Acme"
    introspection = await execute(get_introspection_query())
    assert introspection.errors is None


@pytest.mark.parametrize("amount", ["", "table", "\u00fe\u00ec", "1e400", "12,50"])
async def test_an_invalid_decimal_string_is_a_validation_error_not_a_bug(amount: str) -> None:
    """Found by schemathesis: a DecimalString literal that is not a number answered
    INTERNAL_SERVER_ERROR (the scalar raised ValueError); as a literal and as a variable it is
    now refused as the request's mistake, on both databases."""
    user = await make_user(await make_org())
    viewer = viewer_for(user)
    literal = await execute(
        f'{{ expenses(filter: {{minAmount: "{amount}"}}) {{ totalCount }} }}', viewer=viewer
    )
    variable = await execute(
        "query($min: DecimalString) { expenses(filter: {minAmount: $min}) { totalCount } }",
        {"min": amount},
        viewer=viewer,
    )
    for result in (literal, variable):
        assert result.errors is not None
        codes = {(e.extensions or {}).get("code") for e in result.errors}
        assert codes == {"GRAPHQL_VALIDATION_FAILED"}, result.errors
        assert "DecimalString" in result.errors[0].message
