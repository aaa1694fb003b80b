"""Invitation and reset links, forgot password, change password and the viewer's own name."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from gql.ids import encode_id
from orm import models
from resolvers.identity import links, sessions
from resolvers.identity.passwords import verify_password
from resolvers.mail import Postman
from tests.conftest import execute
from tests.factories import PASSWORD, make_org, make_user, viewer_for
from tests.support.mail import Outbox

pytestmark = pytest.mark.usefixtures("db")

NEW_PASSWORD = "a much better secret"
SEND = """
mutation Send($input: UserPasswordLinkSendInput!) {
  userPasswordLinkSend(input: $input) { user { email hasPassword } kind errors { field code message } }
}
"""
LINK = """
query Link($token: String!) { passwordLink(token: $token) { kind email name expiresAt } }
"""
SET = """
mutation Set($input: PasswordSetInput!) {
  passwordSet(input: $input) { user { email hasPassword } errors { field code message } }
}
"""
REQUEST = """
mutation Forgot($input: PasswordResetRequestInput!) {
  passwordResetRequest(input: $input) { errors { field code message } }
}
"""
CHANGE = """
mutation Change($input: PasswordChangeInput!) {
  passwordChange(input: $input) { user { email } errors { field code message } }
}
"""
RENAME = """
mutation Rename($input: ViewerUpdateInput!) {
  viewerUpdate(input: $input) { user { name } errors { field code } }
}
"""
INVITE = """
mutation Invite($input: UserInviteInput!) {
  userInvite(input: $input) { user { email hasPassword } errors { field code message } }
}
"""


@pytest.fixture
def outbox() -> Outbox:
    return Outbox()


@pytest.fixture
def accounts(outbox: Outbox) -> links.AccountLinks:
    return links.AccountLinks(
        secret_key="k" * 48, postman=Postman(outbox), public_base_url="https://expenses.example"
    )


def token_of(url: str) -> str:
    assert url.startswith("https://expenses.example/set-password?token=")
    return parse_qs(urlsplit(url).query)["token"][0]


async def test_an_imported_user_is_sent_an_invitation_and_chooses_a_password(
    accounts: links.AccountLinks, outbox: Outbox
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    imported = await make_user(org, email="ivy@acme.example", name="Ivy", password=None,
                               crm_user_id="crm-1")  # fmt: skip

    sent = await execute(SEND, {"input": {"id": encode_id("User", imported.id)}},
                         viewer=viewer_for(admin), accounts=accounts)  # fmt: skip
    assert sent.data["userPasswordLinkSend"] == {
        "user": {"email": "ivy@acme.example", "hasPassword": False},
        "kind": "INVITATION",
        "errors": [],
    }
    assert outbox.messages[0].subject == "You are invited to Acme Sales on Spendsync"
    token = token_of(outbox.last_link_to("ivy@acme.example"))

    opened = await execute(LINK, {"token": token}, accounts=accounts)
    assert opened.data["passwordLink"]["kind"] == "INVITATION"
    assert opened.data["passwordLink"]["email"] == "ivy@acme.example"

    weak = await execute(SET, {"input": {"token": token, "password": "short"}}, accounts=accounts)
    assert weak.data["passwordSet"]["errors"][0]["code"] == "PASSWORD_TOO_WEAK"
    await imported.refresh_from_db()
    assert imported.password_hash is None  # refused: nothing written, the link still works

    done = await execute(SET, {"input": {"token": token, "password": NEW_PASSWORD}},
                         accounts=accounts)  # fmt: skip
    assert done.data["passwordSet"] == {
        "user": {"email": "ivy@acme.example", "hasPassword": True},
        "errors": [],
    }
    signed_in = await sessions.login("ivy@acme.example", NEW_PASSWORD)
    assert signed_in.value is not None

    # single use: the same link is refused afterwards and looks invalid
    again = await execute(SET, {"input": {"token": token, "password": "yet another secret"}},
                          accounts=accounts)  # fmt: skip
    assert again.data["passwordSet"]["errors"][0]["code"] == "INVALID_LINK"
    assert (await execute(LINK, {"token": token}, accounts=accounts)).data["passwordLink"] is None
    await imported.refresh_from_db()
    assert verify_password(imported.password_hash, NEW_PASSWORD)


async def test_links_expire_and_cannot_be_forged(accounts: links.AccountLinks) -> None:
    org = await make_org()
    user = await make_user(org)
    reset = accounts.token_for(user, links.LinkKind.PASSWORD_RESET)
    invitation = accounts.token_for(user, links.LinkKind.INVITATION)
    later = datetime.now(UTC) + timedelta(hours=3)
    assert await links.check_link(accounts, reset) is not None
    assert await links.check_link(accounts, reset, now=later) is None  # reset: 2 hours
    assert await links.check_link(accounts, invitation, now=later) is not None  # invitation: 7 days
    refused = await links.set_password(accounts, reset, NEW_PASSWORD, now=later)
    assert refused.errors[0].code == "INVALID_LINK"

    other_key = links.AccountLinks(secret_key="x" * 48, postman=accounts.postman)
    forged = other_key.token_for(user, links.LinkKind.PASSWORD_RESET)
    for bad in (forged, reset[:-2], "", "x" * 5000, "not.a.token"):
        result = await execute(SET, {"input": {"token": bad, "password": NEW_PASSWORD}},
                               accounts=accounts)  # fmt: skip
        assert result.data["passwordSet"]["errors"][0]["code"] == "INVALID_LINK"
    await user.refresh_from_db()
    assert verify_password(user.password_hash, PASSWORD)


async def test_links_signed_with_a_previous_secret_key_work_during_a_rotation(
    accounts: links.AccountLinks,
) -> None:
    org = await make_org()
    user = await make_user(org)
    old_token = accounts.token_for(user, links.LinkKind.PASSWORD_RESET)
    new_key = "rotated-" + "n" * 40
    rotated = links.AccountLinks(new_key, accounts.postman, previous_keys=(accounts.secret_key,))
    without_grace = links.AccountLinks(new_key, accounts.postman)
    assert await links.check_link(without_grace, old_token) is None  # the key alone: refused
    stranger = links.AccountLinks("x" * 48, accounts.postman, previous_keys=("y" * 48,))
    assert await links.check_link(stranger, old_token) is None  # neither key signed it
    later = datetime.now(UTC) + timedelta(hours=3)
    assert await links.check_link(rotated, old_token, now=later) is None  # still expires

    holder = await links.check_link(rotated, old_token)
    assert holder is not None and holder.user.id == user.id
    new_token = rotated.token_for(user, links.LinkKind.PASSWORD_RESET)
    assert await links.check_link(accounts, new_token) is None  # new links: the new key only
    done = await execute(SET, {"input": {"token": old_token, "password": NEW_PASSWORD}},
                         accounts=rotated)  # fmt: skip
    assert done.data["passwordSet"]["errors"] == []
    await user.refresh_from_db()
    assert verify_password(user.password_hash, NEW_PASSWORD)
    # used: the old link and the one made with the new key are both void now
    for used in (old_token, new_token):
        assert await links.check_link(rotated, used) is None


async def test_a_sign_in_or_deactivation_voids_outstanding_links(
    accounts: links.AccountLinks,
) -> None:
    org = await make_org()
    user = await make_user(org, email="sam@acme.example")
    token = accounts.token_for(user, links.LinkKind.PASSWORD_RESET)
    assert (await sessions.login("sam@acme.example", PASSWORD)).value is not None
    assert await links.check_link(accounts, token) is None

    await user.refresh_from_db()
    token = accounts.token_for(user, links.LinkKind.PASSWORD_RESET)
    await models.User.filter(id=user.id).update(status=models.UserStatus.INACTIVE)
    assert await links.check_link(accounts, token) is None


async def test_one_link_used_twice_at_once_sets_the_password_once(
    accounts: links.AccountLinks,
) -> None:
    org = await make_org()
    user = await make_user(org, password=None)
    token = accounts.token_for(user, links.LinkKind.INVITATION)
    results = await asyncio.gather(
        links.set_password(accounts, token, "first choice of secret"),
        links.set_password(accounts, token, "second choice of secret"),
    )
    assert sorted(bool(r.errors) for r in results) == [False, True]


async def test_forgot_password_answers_alike_and_is_throttled(
    accounts: links.AccountLinks, outbox: Outbox
) -> None:
    org = await make_org()
    await make_user(org, email="known@acme.example", name="Known")
    await make_user(org, email="gone@acme.example", status=models.UserStatus.INACTIVE)

    answers = []
    for address in ("known@acme.example", "nobody@acme.example", "gone@acme.example"):
        result = await execute(REQUEST, {"input": {"email": address}}, accounts=accounts)
        answers.append(result.data)
    assert answers[0] == answers[1] == answers[2] == {"passwordResetRequest": {"errors": []}}
    await accounts.postman.drain()
    assert [m.to for m in outbox.messages] == ["known@acme.example"]
    assert outbox.messages[0].subject == "Reset your Spendsync password"
    holder = await links.check_link(accounts, token_of(outbox.last_link_to("known@acme.example")))
    assert holder is not None and holder.kind is links.LinkKind.PASSWORD_RESET

    bad = await execute(REQUEST, {"input": {"email": "not an address"}}, accounts=accounts)
    assert bad.data["passwordResetRequest"]["errors"][0]["field"] == ["email"]

    for _ in range(4):
        await execute(REQUEST, {"input": {"email": "known@acme.example"}}, accounts=accounts)
    limited = await execute(REQUEST, {"input": {"email": "known@acme.example"}}, accounts=accounts)
    assert limited.data["passwordResetRequest"]["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    await accounts.postman.drain()
    assert len(outbox.links_to("known@acme.example")) == 5
    # link requests never count against signing in
    assert (await sessions.login("known@acme.example", PASSWORD)).value is not None


async def test_invite_without_a_password_sends_an_invitation(
    accounts: links.AccountLinks, outbox: Outbox
) -> None:
    org = await make_org()
    admin = viewer_for(await make_user(org, role=models.UserRole.ADMIN))
    invited = await execute(
        INVITE, {"input": {"email": "new@acme.example", "name": "New"}},
        viewer=admin, accounts=accounts,
    )  # fmt: skip
    assert invited.data["userInvite"]["errors"] == []
    assert len(outbox.links_to("new@acme.example")) == 1

    with_password = await execute(
        INVITE, {"input": {"email": "pw@acme.example", "name": "Pw", "password": NEW_PASSWORD}},
        viewer=admin, accounts=accounts,
    )  # fmt: skip
    assert with_password.data["userInvite"]["errors"] == []
    assert outbox.links_to("pw@acme.example") == []

    outbox.failing = True
    failed = await execute(
        INVITE, {"input": {"email": "late@acme.example", "name": "Late"}},
        viewer=admin, accounts=accounts,
    )  # fmt: skip
    payload = failed.data["userInvite"]
    assert payload["user"]["email"] == "late@acme.example"  # invited; the e-mail can be resent
    assert payload["errors"][0]["code"] == "DELIVERY_FAILED"


async def test_sending_links_is_for_admins_of_the_users_organisation(
    accounts: links.AccountLinks, outbox: Outbox
) -> None:
    org = await make_org()
    admin = viewer_for(await make_user(org, role=models.UserRole.ADMIN))
    member = await make_user(org)
    stranger = await make_user(await make_org(name="Globex"))
    inactive = await make_user(org, status=models.UserStatus.INACTIVE)

    def send(user: models.User) -> dict[str, object]:
        return {"input": {"id": encode_id("User", user.id)}}

    denied = await execute(SEND, send(member), viewer=viewer_for(member), accounts=accounts)
    assert denied.errors[0].extensions["code"] == "FORBIDDEN"
    other = await execute(SEND, send(stranger), viewer=admin, accounts=accounts)
    assert other.data["userPasswordLinkSend"]["errors"][0]["code"] == "NOT_FOUND"
    off = await execute(SEND, send(inactive), viewer=admin, accounts=accounts)
    assert off.data["userPasswordLinkSend"]["errors"][0]["code"] == "USER_INACTIVE"
    garbage = await execute(SEND, {"input": {"id": "nonsense"}}, viewer=admin, accounts=accounts)
    assert garbage.data["userPasswordLinkSend"]["errors"][0]["code"] == "NOT_FOUND"
    assert outbox.messages == []

    has_password = await execute(SEND, send(member), viewer=admin, accounts=accounts)
    assert has_password.data["userPasswordLinkSend"]["kind"] == "PASSWORD_RESET"
    outbox.failing = True
    failed = await execute(SEND, send(member), viewer=admin, accounts=accounts)
    assert failed.data["userPasswordLinkSend"]["errors"][0]["code"] == "DELIVERY_FAILED"


async def test_change_own_password(accounts: links.AccountLinks) -> None:
    org = await make_org()
    user = await make_user(org, email="sam@acme.example")
    viewer = viewer_for(user)
    outstanding = accounts.token_for(user, links.LinkKind.PASSWORD_RESET)

    wrong = await execute(
        CHANGE, {"input": {"currentPassword": "not it", "newPassword": NEW_PASSWORD}},
        viewer=viewer,
    )  # fmt: skip
    assert wrong.data["passwordChange"]["errors"][0]["field"] == ["currentPassword"]
    weak = await execute(
        CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": "sam@acme"}},
        viewer=viewer,
    )  # fmt: skip
    assert weak.data["passwordChange"]["errors"][0] == {
        "field": ["newPassword"], "code": "PASSWORD_TOO_WEAK",
        "message": "Use at least 10 characters.",
    }  # fmt: skip
    await user.refresh_from_db()
    assert verify_password(user.password_hash, PASSWORD)

    done = await execute(
        CHANGE, {"input": {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD}},
        viewer=viewer,
    )  # fmt: skip
    assert done.data["passwordChange"]["errors"] == []
    assert (await sessions.login("sam@acme.example", NEW_PASSWORD)).value is not None
    assert (await sessions.login("sam@acme.example", PASSWORD)).value is None
    assert await links.check_link(accounts, outstanding) is None

    anonymous = await execute(
        CHANGE, {"input": {"currentPassword": NEW_PASSWORD, "newPassword": "whatever else 1"}}
    )
    assert anonymous.errors[0].extensions["code"] == "UNAUTHENTICATED"


async def test_rename_yourself() -> None:
    org = await make_org()
    user = await make_user(org, name="Sam")
    blank = await execute(RENAME, {"input": {"name": "   "}}, viewer=viewer_for(user))
    assert blank.data["viewerUpdate"]["errors"] == [{"field": ["name"], "code": "REQUIRED"}]
    renamed = await execute(RENAME, {"input": {"name": " Sam  Smith "}}, viewer=viewer_for(user))
    assert renamed.data["viewerUpdate"] == {"user": {"name": "Sam Smith"}, "errors": []}
    await user.refresh_from_db()
    assert user.name == "Sam Smith"
