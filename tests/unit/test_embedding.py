"""The embed link's signing recipe (docs/EMBEDDING.md's worked example), origins and targets,
and the signed receipt URLs: pure functions, no database."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from resolvers.embedding import EmbedLink, canonical_string, clean_origin, sign, target_problem
from resolvers.receipts import urls

SECRET = "sse_3q2Xv7bN1mK8pL4sD9fG6hJ0cE5aR2uI7oY1tW4zQ8e"
ORG = "T3JnYW5pemF0aW9uOjE="
PATH = "/crm-tab/records/Potentials/4876876000000123001"
NONCE = "c2b7a1e9-4f3d-4e8a"
EXPECTED = "f09a7112145417a58c9ab5652671c6f8ad918d298da3569db8a3e0a64f86dcfc"


def test_the_worked_example_of_the_documentation() -> None:
    canonical = canonical_string(ORG, "sam@acme.example", 1796400000, PATH, NONCE)
    assert canonical == (
        "spendsync-embed-v1\nT3JnYW5pemF0aW9uOjE=\nsam@acme.example\n1796400000\n"
        "/crm-tab/records/Potentials/4876876000000123001\nc2b7a1e9-4f3d-4e8a"
    )
    assert sign(SECRET, ORG, "sam@acme.example", 1796400000, PATH, NONCE) == EXPECTED
    # the recipe, written out as a CRM developer would
    plain = hmac.new(SECRET.encode(), canonical.encode(), hashlib.sha256).hexdigest()
    assert plain == EXPECTED
    link = EmbedLink(ORG, "sam@acme.example", 1796400000, PATH, NONCE, EXPECTED)
    assert link.query() == (
        "org=T3JnYW5pemF0aW9uOjE%3D&user=sam%40acme.example&exp=1796400000"
        "&path=%2Fcrm-tab%2Frecords%2FPotentials%2F4876876000000123001"
        f"&nonce=c2b7a1e9-4f3d-4e8a&sig={EXPECTED}"
    )


@pytest.mark.parametrize(
    "changed",
    [
        (ORG + "x", "sam@acme.example", 1796400000, PATH, NONCE),
        (ORG, "ada@acme.example", 1796400000, PATH, NONCE),
        (ORG, "sam@acme.example", 1796400001, PATH, NONCE),
        (ORG, "sam@acme.example", 1796400000, "/crm-tab/expenses", NONCE),
        (ORG, "sam@acme.example", 1796400000, PATH, NONCE + "x"),
    ],
    ids=["org", "user", "exp", "path", "nonce"],
)
def test_any_changed_value_changes_the_signature(changed: tuple[str, str, int, str, str]) -> None:
    assert sign(SECRET, *changed) != EXPECTED
    assert sign(SECRET + "x", ORG, "sam@acme.example", 1796400000, PATH, NONCE) != EXPECTED


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://crm.zoho.eu", "https://crm.zoho.eu"),
        ("HTTPS://CRM.Zoho.EU:443/", "https://crm.zoho.eu"),
        ("https://crm.zoho.com:8443", "https://crm.zoho.com:8443"),
        ("https://[::1]:9000", "https://[::1]:9000"),
    ],
)
def test_good_origins_are_kept_in_canonical_form(value: str, expected: str) -> None:
    assert clean_origin(value) == (expected, "")


@pytest.mark.parametrize(
    "value",
    [
        "http://crm.zoho.eu",
        "ftp://crm.zoho.eu",
        "crm.zoho.eu",
        "https://crm.zoho.eu/crm",
        "https://crm.zoho.eu?x=1",
        "https://crm.zoho.eu#x",
        "https://user:pw@crm.zoho.eu",
        "https://crm.zoho.eu:99999",
        "https://crm.zoho.eu:0",
        "https://",
        "https://crm zoho.eu",
        "https://-crm.zoho.eu",
        "https://" + "a" * 250 + ".eu",
        "javascript:alert(1)",
        "http://localhost:8080",
        "https://crm.zoho.eu\\@evil.example",
    ],
)
def test_bad_origins_are_refused_with_a_reason(value: str) -> None:
    origin, problem = clean_origin(value)
    assert origin is None and problem


def test_loopback_http_only_when_allowed() -> None:
    assert clean_origin("http://localhost:8080")[0] is None
    assert clean_origin("http://localhost:8080", allow_loopback_http=True)[0] == (
        "http://localhost:8080"
    )
    assert clean_origin("http://127.0.0.1", allow_loopback_http=True)[0] == "http://127.0.0.1"
    assert clean_origin("http://crm.zoho.eu", allow_loopback_http=True)[0] is None


@pytest.mark.parametrize(
    "path",
    ["/crm-tab", "/crm-tab/", "/crm-tab/expenses", "/crm-tab/expenses/new?customer=Q3Vz&x=1",
     "/crm-tab/records/Potentials/4876876000000123001"],
)  # fmt: skip
def test_tab_paths_are_good_targets(path: str) -> None:
    assert target_problem(path) is None


@pytest.mark.parametrize(
    "path",
    ["", "/", "/settings", "/crm-tabx", "https://evil.example/crm-tab/", "//evil.example/crm-tab",
     "/crm-tab/../settings", "/crm-tab/%2e%2e/settings", "/crm-tab//x", "/crm-tab/./x",
     "/crm-tab/embed", "/crm-tab/embed?org=1", "/crm-tab/x#frag", "/crm-tab/\\x",
     "/crm-tab/x\nLocation: y", "crm-tab/expenses", "/crm-tab/" + "x" * 1000],
)  # fmt: skip
def test_other_targets_are_refused(path: str) -> None:
    assert target_problem(path) is not None


def test_receipt_urls_are_bound_to_receipt_and_expiry() -> None:
    now = datetime(2026, 12, 7, 12, 0, 30, tzinfo=UTC)
    path = urls.signed_path("k" * 40, 7, "UmVjZWlwdDo3", now=now)
    query = dict(part.split("=") for part in path.split("?")[1].split("&"))
    expires = int(query["exp"])
    assert expires - now.timestamp() == pytest.approx(5 * 60 + 30)
    assert urls.check("k" * 40, 7, query["exp"], query["sig"], now=now)
    assert not urls.check("k" * 40, 8, query["exp"], query["sig"], now=now)
    assert not urls.check("other" * 10, 7, query["exp"], query["sig"], now=now)
    assert not urls.check("k" * 40, 7, str(expires + 1), query["sig"], now=now)
    later = now + timedelta(minutes=6)
    assert not urls.check("k" * 40, 7, query["exp"], query["sig"], now=later)
    assert not urls.check("", 7, query["exp"], query["sig"], now=now)
    assert not urls.check("k" * 40, 7, "abc", query["sig"], now=now)
