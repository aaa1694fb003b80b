from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import unquote

import httpx
import pytest

from sync.crm import Criterion, ZohoCrmClient, all_of, any_of
from sync.crm.criteria import escape_value, matches, render
from tests.sync.client.conftest import FakeZoho, reply


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Acme (UK), Ltd", r"Acme \(UK\)\, Ltd"),
        ("back\\slash\\", r"back\\slash\\"),
        (True, "true"),
        (Decimal("10.50"), "10.50"),
        (datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), "2026-01-02T03:04:05+00:00"),
    ],
)
def test_escape_value(value: object, expected: str) -> None:
    assert escape_value(value) == expected  # type: ignore[arg-type]


def test_render_groups_and_limits() -> None:
    criteria = all_of(
        Criterion("Last_Name", "equals", "O'Brien (Jr)"),
        any_of(
            Criterion("Stage", "in", ["Won", "Lost,Late"]), Criterion("Amount", "between", [1, 2])
        ),
    )
    assert render(criteria) == (
        r"((Last_Name:equals:O'Brien \(Jr\))and((Stage:in:Won,Lost\,Late)or(Amount:between:1,2)))"
    )
    with pytest.raises(ValueError, match="at most 10"):
        render(all_of(*(Criterion("A", "equals", i) for i in range(11))))
    with pytest.raises(ValueError, match="sequence"):
        Criterion("A", "in", "x").render()


def test_exact_post_filter() -> None:
    equals_abc = Criterion("Account_Name", "equals", "ABC")
    assert matches({"Account_Name": "abc"}, equals_abc)
    assert not matches({"Account_Name": "ABC Inc"}, equals_abc)
    assert matches({"Account_Name": {"name": "ABC", "id": "1"}}, equals_abc)
    assert matches({"Amount": 10.0}, Criterion("Amount", "equals", 10))
    assert matches({"Tags": ["x", "ABC"]}, Criterion("Tags", "equals", "abc"))
    assert not matches({"Account_Name": "ABC"}, Criterion("Account_Name", "not_equal", "abc"))
    assert matches({"A": "b"}, Criterion("A", "in", ["a", "B"]))
    assert matches({"A": "Bravo"}, Criterion("A", "starts_with", "br"))
    assert matches({"A": 5}, Criterion("A", "greater_than", 100))  # trusted
    assert matches(
        {"A": "x", "B": "y"}, any_of(Criterion("A", "equals", "q"), Criterion("B", "equals", "Y"))
    )


async def test_search_sends_escaped_criteria_and_drops_contains_matches(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        data = [
            {"id": f"{page}a", "Account_Name": "Acme, Inc (EU)"},
            {"id": f"{page}b", "Account_Name": "Acme, Inc (EU) Holdings"},
        ]
        return reply(
            200, {"data": data, "info": {"count": 2, "page": page, "more_records": page < 2}}
        )

    zoho.api = handler
    hits = [
        r.id
        async for r in client.search(
            "Accounts",
            criteria=Criterion("Account_Name", "equals", "acme, inc (eu)"),
            fields=["Account_Name"],
        )
    ]
    assert hits == ["1a", "2a"]
    raw_query = zoho.requests[0].url.query.decode()
    assert (
        "criteria=%28Account_Name%3Aequals%3Aacme%5C%2C%20inc%20%5C%28eu%5C%29%29" in raw_query
        or (
            unquote(zoho.requests[0].url.params["criteria"])
            == r"(Account_Name:equals:acme\, inc \(eu\))"
        )
    )
    assert zoho.requests[0].url.params["criteria"] == r"(Account_Name:equals:acme\, inc \(eu\))"
    assert zoho.requests[0].url.params["fields"] == "id,Account_Name"


async def test_search_by_word_email_phone_and_204(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    zoho.api = lambda request: reply(204)
    assert [r async for r in client.search("Contacts", email="a+b@x.com")] == []
    assert zoho.requests[-1].url.params["email"] == "a+b@x.com"
    assert b"a%2Bb%40x.com" in zoho.requests[-1].url.query
    assert [r async for r in client.search("Contacts", phone="+1 555")] == []
    assert [r async for r in client.search("Contacts", word="acme")] == []
    assert zoho.requests[-1].url.params["word"] == "acme"
    with pytest.raises(ValueError, match="exactly one"):
        client.search("Contacts", word="a", email="b")
    with pytest.raises(ValueError, match="exactly one"):
        client.search("Contacts")


async def test_raw_criteria_string_is_not_post_filtered(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    zoho.api = lambda request: reply(
        200, {"data": [{"id": "1", "A": "xyz"}], "info": {"more_records": False}}
    )
    assert [r.id async for r in client.search("Accounts", criteria="(A:equals:y)")] == ["1"]
    assert await client.count("Accounts", criteria="(A:equals:y)") == 0
