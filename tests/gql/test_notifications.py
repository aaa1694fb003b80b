"""In-app notifications: each signed-in user pages, counts and marks only their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for

PAGE = """
query($first: Int, $after: String, $unreadOnly: Boolean! = false) {
  notificationUnreadCount
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes { id title readAt } pageInfo { hasNextPage endCursor } totalCount
  }
}
"""
MARK = """
mutation($input: NotificationsMarkReadInput!) {
  notificationsMarkRead(input: $input) { marked unreadCount errors { field code } }
}
"""


async def _as(user: models.User, document: str, **variables: Any) -> Any:
    result = await execute(document, variables or None, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    return result.data


async def _notes(user: models.User, count: int) -> list[models.Notification]:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    notes = []
    for number in range(count):
        note = await models.Notification.create(
            org_id=user.org_id, user=user, kind="TEST", title=f"Note {number}"
        )
        # distinct times, oldest first
        await models.Notification.filter(id=note.id).update(
            created_at=start + timedelta(minutes=number)
        )
        notes.append(note)
    return notes


async def test_newest_first_paged_counted_and_marked(db: None) -> None:
    org = await make_org()
    user = await make_user(org)
    notes = await _notes(user, 3)
    first = await _as(user, PAGE, first=2)
    assert first["notificationUnreadCount"] == 3
    assert [n["title"] for n in first["notifications"]["nodes"]] == ["Note 2", "Note 1"]
    assert first["notifications"]["pageInfo"]["hasNextPage"] is True
    assert first["notifications"]["totalCount"] == 3
    rest = await _as(user, PAGE, first=2, after=first["notifications"]["pageInfo"]["endCursor"])
    assert [n["title"] for n in rest["notifications"]["nodes"]] == ["Note 0"]

    one = await _as(user, MARK, input={"id": encode_id("Notification", notes[1].id)})
    assert one["notificationsMarkRead"] == {"marked": 1, "unreadCount": 2, "errors": []}
    again = await _as(user, MARK, input={"id": encode_id("Notification", notes[1].id)})
    assert again["notificationsMarkRead"]["marked"] == 0  # already read: nothing changes
    unread = await _as(user, PAGE, unreadOnly=True)
    assert [n["title"] for n in unread["notifications"]["nodes"]] == ["Note 2", "Note 0"]
    everything = await _as(user, MARK, input={})
    assert everything["notificationsMarkRead"] == {"marked": 2, "unreadCount": 0, "errors": []}
    read = await _as(user, PAGE)
    assert all(n["readAt"] is not None for n in read["notifications"]["nodes"])


async def test_only_the_viewers_own_notifications(db: None) -> None:
    acme = await make_org("Acme")
    colleague_org = await make_org("Globex")
    alice, bob = await make_user(acme), await make_user(acme)
    outsider = await make_user(colleague_org, role=models.UserRole.ADMIN)
    [alices] = await _notes(alice, 1)
    for other in (bob, outsider):
        seen = await _as(other, PAGE)
        assert seen["notificationUnreadCount"] == 0
        assert seen["notifications"]["nodes"] == []
        refused = await _as(other, MARK, input={"id": encode_id("Notification", alices.id)})
        assert refused["notificationsMarkRead"] == {
            "marked": 0, "unreadCount": 0, "errors": [{"field": ["id"], "code": "NOT_FOUND"}],
        }  # fmt: skip
        await _as(other, MARK, input={})
    await alices.refresh_from_db()
    assert alices.read_at is None


async def test_signed_out_is_refused(db: None) -> None:
    result = await execute("{ notificationUnreadCount }")
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "UNAUTHENTICATED"}
