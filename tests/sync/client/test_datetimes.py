"""CRM date-times become the same moment in UTC, so every stored copy has one offset."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sync.crm.dto import parse_datetime


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-03-01T20:00:00+05:30", datetime(2026, 3, 1, 14, 30, tzinfo=UTC)),
        ("2026-03-01T07:00:00-08:00", datetime(2026, 3, 1, 15, 0, tzinfo=UTC)),
        ("2026-03-01T15:00:00Z", datetime(2026, 3, 1, 15, 0, tzinfo=UTC)),
        ("2026-03-01T15:00:00", datetime(2026, 3, 1, 15, 0, tzinfo=UTC)),  # no offset: UTC
    ],
)
def test_crm_times_are_read_as_utc(text: str, moment: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == moment
    assert parsed is not None and parsed.utcoffset() is not None and not parsed.utcoffset()


@pytest.mark.parametrize("value", [None, "", "yesterday", 1700000000])
def test_nothing_usable_is_none(value: object) -> None:
    assert parse_datetime(value) is None
