"""Refused passwords throttle further sign-ins, per address and per client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from orm import models
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
    for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
        assert _codes(await _sign_in("ada@acme.example", "guess")) == ["INVALID_CREDENTIALS"]
        clock.advance(minutes=1)
    # even the right password is not checked now
    locked = await _sign_in("ADA@acme.example ", PASSWORD)
    assert locked["user"] is None and _codes(locked) == ["TOO_MANY_ATTEMPTS"]
    result = await execute(SESSION_CREATE, {"input": {"email": "ada@acme.example",
                                                      "password": PASSWORD}})  # fmt: skip
    message = result.data["sessionCreate"]["errors"]
    assert message == [{"field": None, "code": "TOO_MANY_ATTEMPTS"}]
    refusal = await throttle.refusal("ada@acme.example", "")
    assert refusal is not None and refusal.message.endswith("Try again in 10 minutes.")
    # blocked attempts are not failures: the lock ends when the first failure is 15 minutes old
    clock.advance(minutes=10, seconds=1)
    assert (await _sign_in("ada@acme.example", PASSWORD))["user"] == {"email": "ada@acme.example"}
    # and the success cleared the address's failures
    assert not await models.SignInFailure.filter(email="ada@acme.example").exists()


async def test_a_success_starts_the_count_again(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    for _ in range(2):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL - 1):
            await _sign_in("ada@acme.example", "guess")
        assert _codes(await _sign_in("ada@acme.example", PASSWORD)) == []


async def test_unknown_addresses_are_throttled_alike_and_others_are_not(clock: Clock) -> None:
    await make_user(await make_org(), email="ada@acme.example")
    for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
        await _sign_in("nobody@acme.example", "guess")
    assert _codes(await _sign_in("nobody@acme.example", "guess")) == ["TOO_MANY_ATTEMPTS"]
    assert _codes(await _sign_in("ada@acme.example", PASSWORD)) == []  # another address


async def test_one_client_trying_many_addresses_is_throttled(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(throttle, "MAX_FAILURES_PER_CLIENT", 8)  # each refusal costs a hash
    await make_user(await make_org(), email="ada@acme.example")
    for n in range(throttle.MAX_FAILURES_PER_CLIENT):
        refused = await sessions.login(f"user{n}@acme.example", "guess", client="10.0.0.9")
        assert [e.code.value for e in refused.errors] == ["INVALID_CREDENTIALS"]
    from_there = await sessions.login("ada@acme.example", PASSWORD, client="10.0.0.9")
    assert [e.code.value for e in from_there.errors] == ["TOO_MANY_ATTEMPTS"]
    elsewhere = await sessions.login("ada@acme.example", PASSWORD, client="10.0.0.10")
    assert elsewhere.value is not None and elsewhere.errors == []
    # old failures are swept as new ones are written
    clock.advance(minutes=16)
    await sessions.login("someone@acme.example", "guess", client="10.0.0.11")
    assert await models.SignInFailure.all().count() == 1
