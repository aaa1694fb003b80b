"""Refused passwords throttle further sign-ins, per address and per client."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from orm import models
from resolvers.errors import MutationResult
from resolvers.identity import sessions, throttle
from tests.conftest import execute
from tests.factories import PASSWORD, make_org, make_user
from tests.gql.test_session import SESSION_CREATE

pytestmark = pytest.mark.usefixtures("db")


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(throttle, "now", fake)
    return fake


async def _sign_in(email: str, password: str) -> dict[str, Any]:
    result = await execute(SESSION_CREATE, {"input": {"email": email, "password": password}})
    assert result.errors is None
    payload: dict[str, Any] = result.data["sessionCreate"]
    return payload


def _codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["errors"]]


async def test_five_refused_passwords_lock_the_address_for_the_window(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    for _ in range(throttle.MAX_FAILURES_PER_ADDRESS_AND_CLIENT):
        assert _codes(await _sign_in("ada@acme.example", "guess")) == ["INVALID_CREDENTIALS"]
        clock.advance(minutes=1)
    # even the right password is not checked now
    locked = await _sign_in("ADA@acme.example ", PASSWORD)
    assert locked["user"] is None and _codes(locked) == ["TOO_MANY_ATTEMPTS"]
    refused = await sessions.login("ada@acme.example", PASSWORD)
    assert refused.errors[0].message == "Too many failed sign-ins. Try again in 10 minutes."
    # refused-unchecked attempts are not failures: the lock ends when the first failure is
    # 15 minutes old
    clock.advance(minutes=10, seconds=1)
    assert (await _sign_in("ada@acme.example", PASSWORD))["user"] == {"email": "ada@acme.example"}
    # and the success cleared the address's failures
    assert not await models.SignInFailure.filter(email="ada@acme.example").exists()


async def test_a_success_starts_the_count_again(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    for _ in range(2):
        for _ in range(throttle.MAX_FAILURES_PER_ADDRESS_AND_CLIENT - 1):
            await _sign_in("ada@acme.example", "guess")
        assert _codes(await _sign_in("ada@acme.example", PASSWORD)) == []


async def test_unknown_addresses_are_throttled_alike_and_others_are_not(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    for _ in range(throttle.MAX_FAILURES_PER_ADDRESS_AND_CLIENT):
        await _sign_in("nobody@acme.example", "guess")
    assert _codes(await _sign_in("nobody@acme.example", "guess")) == ["TOO_MANY_ATTEMPTS"]
    assert _codes(await _sign_in("ada@acme.example", PASSWORD)) == []  # another address


def _login_codes(result: MutationResult[models.User]) -> list[str]:
    return [error.code.value for error in result.errors]


async def test_a_guesser_locks_itself_out_before_the_real_user(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(throttle, "MAX_FAILURES_PER_ADDRESS", 7)
    await make_user(await make_org(), email="ada@acme.example")
    for _ in range(throttle.MAX_FAILURES_PER_ADDRESS_AND_CLIENT):
        await sessions.login("ada@acme.example", "guess", client="10.0.0.66")
    guesser = await sessions.login("ada@acme.example", PASSWORD, client="10.0.0.66")
    assert _login_codes(guesser) == ["TOO_MANY_ATTEMPTS"]
    ada = await sessions.login("ada@acme.example", PASSWORD, client="192.0.2.1")
    assert ada.value is not None  # her own machine still gets in (and clears the count)
    # guesses spread over many machines lock the address everywhere at the address limit
    for n in range(7):
        assert _login_codes(
            await sessions.login("ada@acme.example", "guess", client=f"10.1.0.{n}")
        ) == ["INVALID_CREDENTIALS"]
    elsewhere = await sessions.login("ada@acme.example", PASSWORD, client="192.0.2.1")
    assert _login_codes(elsewhere) == ["TOO_MANY_ATTEMPTS"]


async def test_one_client_trying_many_addresses_is_throttled(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(throttle, "MAX_FAILURES_PER_CLIENT", 8)  # each refusal costs a hash
    await make_user(await make_org(), email="ada@acme.example")
    for n in range(throttle.MAX_FAILURES_PER_CLIENT):
        refused = await sessions.login(f"user{n}@acme.example", "guess", client="10.0.0.9")
        assert _login_codes(refused) == ["INVALID_CREDENTIALS"]
    from_there = await sessions.login("ada@acme.example", PASSWORD, client="10.0.0.9")
    assert _login_codes(from_there) == ["TOO_MANY_ATTEMPTS"]
    elsewhere = await sessions.login("ada@acme.example", PASSWORD, client="10.0.0.10")
    assert elsewhere.value is not None and elsewhere.errors == []
    # old failures are swept as new attempts are written
    clock.advance(minutes=16)
    await sessions.login("someone@acme.example", "guess", client="10.0.0.11")
    assert await models.SignInFailure.all().count() == 1


async def test_guesses_sent_at_once_are_counted_together(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    results = await asyncio.gather(*(
        sessions.login("ada@acme.example", f"guess {n}", client="10.0.0.9") for n in range(12)
    ))  # fmt: skip
    codes = sorted(code for result in results for code in _login_codes(result))
    checked = codes.count("INVALID_CREDENTIALS")
    assert checked <= throttle.MAX_FAILURES_PER_ADDRESS_AND_CLIENT
    assert codes.count("TOO_MANY_ATTEMPTS") == 12 - checked


async def test_an_overlong_client_address_is_cut_not_fatal(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    client = "2001:db8::" + "f" * 80
    for _ in range(throttle.MAX_FAILURES_PER_ADDRESS_AND_CLIENT):
        assert _login_codes(await sessions.login("ada@acme.example", "x", client=client)) == [
            "INVALID_CREDENTIALS"
        ]
    assert _login_codes(await sessions.login("ada@acme.example", PASSWORD, client=client)) == [
        "TOO_MANY_ATTEMPTS"
    ]
