"""Forgot password, set password from a link, My account and the Users page's invitations:
every form refuses a post without the CSRF token and writes nothing then."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx
import pytest
from starlette.applications import Starlette

from gql.ids import encode_id
from orm import models
from resolvers.identity.passwords import verify_password
from tests.factories import PASSWORD, make_user
from tests.support.mail import Outbox
from tests.web.conftest import csrf_token, sign_in

NEW_PASSWORD = "a much better secret"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def htmx(target: str, token: str) -> dict[str, str]:
    return {"HX-Request": "true", "HX-Target": target, "X-CSRF-Token": token}


async def drain(app: Starlette) -> None:
    await app.state.accounts.postman.drain()


def path_of(link: str) -> str:
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


async def test_forgot_password_answers_alike_and_sends_only_to_known_addresses(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, outbox: Outbox
) -> None:
    page = await client.get("/login")
    assert 'href="/forgot-password"' in page.text
    form = await client.get("/forgot-password")
    assert form.status_code == 200 and "Forgot password?" in form.text
    token = await csrf_token(client)

    answers = {}
    for address in (admin.email, "nobody@acme.example"):
        response = await client.post(
            "/forgot-password", data={"email": address}, headers=htmx("forgot-form", token)
        )
        assert response.status_code == 200
        answers[address] = response.text.replace(address, "ADDRESS")
    assert answers[admin.email] == answers["nobody@acme.example"]
    assert "we have sent it an e-mail" in answers[admin.email]
    await drain(app)
    assert [m.to for m in outbox.messages] == [admin.email]

    refused = await client.post("/forgot-password", data={"email": admin.email})
    assert refused.status_code == 403
    await drain(app)
    assert len(outbox.messages) == 1

    bad = await client.post(
        "/forgot-password", data={"email": "not-an-address"}, headers=htmx("forgot-form", token)
    )
    assert 'class="field-error" data-code="INVALID_EMAIL"' in bad.text


async def test_a_link_sets_the_password_once_and_signs_in(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, outbox: Outbox
) -> None:
    ivy = await make_user(await admin.org, email="ivy@acme.example", name="Ivy", password=None)
    token = await csrf_token(client)
    await client.post("/forgot-password", data={"email": ivy.email},
                      headers=htmx("forgot-form", token))  # fmt: skip
    await drain(app)
    link = path_of(outbox.last_link_to(ivy.email))

    opened = await client.get(link)
    assert "Welcome, Ivy" in opened.text and "ivy@acme.example" in opened.text
    link_token = re.search(r'name="token" value="([^"]+)"', opened.text)
    assert link_token
    form = {"token": link_token.group(1), "password": NEW_PASSWORD}

    # no CSRF token: refused, nothing written
    refused = await client.post("/set-password", data=form | {"password_confirm": NEW_PASSWORD})
    assert refused.status_code == 403
    # the two passwords differ: the error sits next to the confirmation
    differ = await client.post(
        "/set-password",
        data=form | {"password_confirm": "something else"},
        headers=htmx("set-password-form", token),
    )
    assert differ.text.lstrip().startswith('<form id="set-password-form"')
    assert re.search(r'name="password_confirm"[^>]*>\s*<p class="field-error"', differ.text)
    weak = await client.post(
        "/set-password",
        data=form | {"password": "short", "password_confirm": "short"},
        headers=htmx("set-password-form", token),
    )
    assert 'data-code="PASSWORD_TOO_WEAK"' in weak.text
    await ivy.refresh_from_db()
    assert ivy.password_hash is None

    done = await client.post(
        "/set-password",
        data=form | {"password_confirm": NEW_PASSWORD},
        headers=htmx("set-password-form", token),
    )
    assert done.status_code == 204 and done.headers["HX-Redirect"] == "/"
    await ivy.refresh_from_db()
    assert verify_password(ivy.password_hash, NEW_PASSWORD)
    account = await client.get("/account")  # signed in as Ivy
    assert account.status_code == 200 and "ivy@acme.example" in account.text

    again = await client.get(link)
    assert "This link no longer works" in again.text
    assert (await client.get("/set-password?token=forged")).status_code == 200


async def test_my_account_name_password_and_api_tokens(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    sam = await make_user(await admin.org, email="sam@acme.example", name="Sam")
    assert (await client.get("/account")).status_code == 303  # visitors sign in first
    token = await sign_in(client, sam.email)
    page = await client.get("/account")
    assert page.status_code == 200 and "My account" in page.text

    # name
    blank = await client.post("/account/name", data={"name": " "},
                              headers=htmx("profile-form", token))  # fmt: skip
    assert blank.text.lstrip().startswith('<form id="profile-form"')
    assert 'data-code="REQUIRED"' in blank.text
    renamed = await client.post("/account/name", data={"name": "Sam Smith"},
                                headers=htmx("profile-form", token))  # fmt: skip
    assert renamed.headers["HX-Location"] == "/account"
    assert "Your name is saved." in (await client.get("/account")).text

    # password: the current one is checked; the error is next to its field
    wrong = await client.post(
        "/account/password",
        data={"current_password": "not it", "new_password": NEW_PASSWORD,
              "new_password_confirm": NEW_PASSWORD},
        headers=htmx("password-form", token),
    )  # fmt: skip
    assert re.search(
        r'name="current_password"[^>]*>\s*<p class="field-error" data-code="INVALID_CREDENTIALS"',
        wrong.text,
    )
    changed = await client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": NEW_PASSWORD,
              "new_password_confirm": NEW_PASSWORD},
        headers=htmx("password-form", token),
    )  # fmt: skip
    assert changed.status_code == 204
    await sam.refresh_from_db()
    assert verify_password(sam.password_hash, NEW_PASSWORD)

    # API tokens: the secret is in the answer to the creation only
    created = await client.post(
        "/account/tokens", data={"name": "Monthly report", "expires_on": "2999-12-31"},
        headers=htmx("api-tokens", token),
    )  # fmt: skip
    assert created.text.lstrip().startswith('<section id="api-tokens"')
    secret = re.search(r'id="new-token-secret" readonly value="(sst_[^"]+)"', created.text)
    assert secret
    assert secret.group(1) not in (await client.get("/account")).text
    stored = await models.ApiToken.get(name="Monthly report")
    assert stored.user_id == sam.id and stored.expires_at is not None
    assert stored.expires_at.year == 2999
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as api:
        answer = await api.post(
            "/graphql", json={"query": "{ viewer { email } }"},
            headers={"Authorization": f"Bearer {secret.group(1)}"},
        )  # fmt: skip
        assert answer.json()["data"]["viewer"]["email"] == "sam@acme.example"

    past = await client.post("/account/tokens", data={"name": "old", "expires_on": "2001-01-01"},
                             headers=htmx("api-tokens", token))  # fmt: skip
    assert 'data-code="INVALID"' in past.text and "Must be in the future." in past.text
    revoked = await client.post(
        f"/account/tokens/{encode_id('ApiToken', stored.id)}/revoke",
        headers=htmx("api-tokens", token),
    )
    assert "Revoked the token Monthly report." in revoked.text
    await stored.refresh_from_db()
    assert stored.revoked_at is not None
    assert await models.ApiToken.all().count() == 1


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/account/name", {"name": "Mallory"}),
        ("/account/password", {"current_password": PASSWORD, "new_password": NEW_PASSWORD,
                               "new_password_confirm": NEW_PASSWORD}),
        ("/account/tokens", {"name": "stolen"}),
    ],
)  # fmt: skip
async def test_account_forms_refuse_posts_without_the_csrf_token(
    client: httpx.AsyncClient, admin: models.User, path: str, form: dict[str, str]
) -> None:
    await sign_in(client, admin.email)
    refused = await client.post(path, data=form)
    assert refused.status_code == 403
    await admin.refresh_from_db()
    assert admin.name == "Ada Admin"
    assert verify_password(admin.password_hash, PASSWORD)
    assert await models.ApiToken.all().count() == 0


async def test_a_submitter_lands_on_my_account(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await make_user(await admin.org, email="sub@acme.example")
    await sign_in(client, "sub@acme.example")
    home = await client.get("/")
    assert home.headers["location"] == "/account"
    assert (await client.get("/account")).status_code == 200
    assert (await client.get("/admin/users/import")).status_code == 403


async def test_the_users_page_sends_invitations_and_shows_who_can_sign_in(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, outbox: Outbox
) -> None:
    org = await admin.org
    ivy = await make_user(org, email="ivy@acme.example", name="Ivy", password=None,
                          crm_user_id="4150868000000225013")  # fmt: skip
    token = await sign_in(client, admin.email)
    page = await client.get("/admin/users")
    row = re.search(r'<tr data-user="ivy@acme.example">.*?</tr>', page.text, re.S)
    assert row
    assert 'data-source="crm"' in row.group(0) and 'data-can-sign-in="no"' in row.group(0)
    assert "Send invitation" in row.group(0)
    admin_row = re.search(r'<tr data-user="admin@acme.example">.*?</tr>', page.text, re.S)
    assert admin_row and 'data-source="local"' in admin_row.group(0)
    assert "Send invitation" not in admin_row.group(0)
    # no CRM connected: a note points to the integration's settings
    assert 'href="/settings/integrations/zoho-crm"' in page.text
    assert "Zoho CRM is not connected" in page.text

    path = f"/admin/users/{encode_id('User', ivy.id)}/invitation"
    assert (await client.post(path)).status_code == 403
    assert outbox.messages == []
    sent = await client.post(path, headers=htmx("users-table", token))
    assert "Sent an invitation to ivy@acme.example." in sent.text
    assert outbox.messages[0].subject == "You are invited to Acme Sales on Spendsync"
    assert len(outbox.links_to("ivy@acme.example")) == 1

    outbox.failing = True
    failed = await client.post(path, headers=htmx("users-table", token))
    assert "The e-mail could not be sent" in failed.text


async def test_invite_without_a_password_sends_an_invitation_from_the_page(
    client: httpx.AsyncClient, admin: models.User, outbox: Outbox
) -> None:
    token = await sign_in(client, admin.email)
    response = await client.post(
        "/admin/users/invite",
        data={"email": "nora@acme.example", "name": "Nora", "role": "APPROVER"},
        headers=htmx("invite-form", token),
    )
    assert response.status_code == 204
    assert len(outbox.links_to("nora@acme.example")) == 1
    page = await client.get("/admin/users")
    assert "Invited Nora; an invitation e-mail is on its way." in page.text


async def test_crm_user_forms_refuse_posts_without_the_csrf_token(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await sign_in(client, admin.email)
    before = await models.User.all().count()
    for path, form in (
        ("/admin/users/import", {"crm_user_id": "1", "role-1": "ADMIN"}),
        ("/admin/users/crm-sync", {"enabled": "true"}),
        ("/admin/users/crm-sync/now", {}),
    ):
        assert (await client.post(path, data=form)).status_code == 403
    assert await models.User.all().count() == before


async def test_import_page_without_a_connected_crm_points_to_the_settings(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, admin.email)
    page = await client.get("/admin/users/import")
    assert page.status_code == 200
    assert "Zoho CRM is not connected" in page.text
    assert 'href="/settings/integrations/zoho-crm"' in page.text
    posted = await client.post(
        "/admin/users/import", data={"crm_user_id": "1", "role-1": "ADMIN"},
        headers=htmx("import-form", token),
    )  # fmt: skip
    assert posted.headers["HX-Location"] == "/admin/users/import"
    assert "Connect the CRM first" in (await client.get("/admin/users/import")).text


async def test_every_form_with_a_button_disables_it_while_its_request_runs(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, outbox: Outbox
) -> None:
    await make_user(await admin.org, email="ivy@acme.example", password=None)
    await sign_in(client, admin.email)
    token = await csrf_token(client)
    await client.post("/admin/users/" + encode_id("User", (await models.User.get(
        email="ivy@acme.example")).id) + "/invitation", headers=htmx("users-table", token))  # fmt: skip
    pages = ["/account", "/admin/users", "/admin/users/import",
             path_of(outbox.last_link_to("ivy@acme.example"))]  # fmt: skip
    checked = 0
    for path in pages:
        text = (await client.get(path)).text
        for form in re.findall(r"<form\b[^>]*>.*?</form>", text, re.S):
            opening = form[: form.index(">") + 1]
            if "hx-post" in opening and "<button" in form and "/logout" not in opening:
                assert "hx-disabled-elt=" in opening, f"{path}: {opening}"
                checked += 1
    assert checked >= 8
    await client.post("/logout", data={"csrf_token": token})
    forgot = (await client.get("/forgot-password")).text
    assert 'hx-disabled-elt="find button"' in forgot


async def test_a_read_only_token_from_my_account_reads_and_cannot_write(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, admin.email)
    created = await client.post(
        "/account/tokens", data={"name": "Reporting", "scope": "READ_ONLY"},
        headers=htmx("api-tokens", token),
    )  # fmt: skip
    secret = re.search(r'id="new-token-secret" readonly value="(sst_[^"]+)"', created.text)
    assert secret
    assert "<td>Read only</td>" in created.text
    stored = await models.ApiToken.get(name="Reporting")
    assert stored.scope is models.ApiTokenScope.READ_ONLY
    bearer = {"Authorization": f"Bearer {secret.group(1)}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as api:
        read = await api.post("/graphql", json={"query": "{ viewer { email } }"}, headers=bearer)
        assert read.json()["data"]["viewer"]["email"] == admin.email
        write = await api.post(
            "/graphql",
            json={
                "query": 'mutation { categoryCreate(input: {name: "Sneaky"}) { errors { code } } }'
            },
            headers=bearer,
        )
    assert write.json()["errors"][0]["extensions"]["code"] == "READ_ONLY_TOKEN"
    assert not await models.Category.filter(name="Sneaky").exists()
