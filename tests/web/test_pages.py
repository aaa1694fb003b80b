"""Login, health, security headers and the Admin → Users page (full page and htmx fragments)."""

from __future__ import annotations

import re

import httpx
import pytest

from gql.ids import encode_id
from orm import models
from tests.factories import make_user
from tests.web.conftest import csrf_token, sign_in

LOGIN_FORM = {"HX-Request": "true", "HX-Target": "login-form"}
TABLE = {"HX-Request": "true", "HX-Target": "users-table"}
INVITE_FORM = {"HX-Request": "true", "HX-Target": "invite-form"}


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.json() == {"status": "ok"}
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_anonymous_visitors_are_sent_to_login(client: httpx.AsyncClient) -> None:
    response = await client.get("/admin/users")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/admin/users"
    home = await client.get("/")
    assert home.headers["location"] == "/login"


async def test_session_cookie_is_httponly_and_samesite(client: httpx.AsyncClient) -> None:
    response = await client.get("/login")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


async def test_wrong_password_re_renders_the_form_fragment(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await csrf_token(client)
    response = await client.post(
        "/login",
        data={"email": admin.email, "password": "not it at all", "csrf_token": token},
        headers=LOGIN_FORM | {"X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form id="login-form"')
    assert 'data-code="INVALID_CREDENTIALS"' in response.text
    assert "<html" not in response.text
    # the e-mail is kept; the caret goes to the password, which is never echoed back
    assert f'value="{admin.email}"' in response.text
    assert re.search(r'<input type="password"[^>]*autofocus', response.text)
    assert not re.search(r'<input type="email"[^>]*autofocus', response.text)
    assert "not it at all" not in response.text


async def test_login_without_csrf_is_forbidden(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await csrf_token(client)
    response = await client.post("/login", data={"email": admin.email, "password": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "/\\evil.example/x", "https://evil.example", "/\tx"]
)
async def test_login_ignores_offsite_next(
    client: httpx.AsyncClient, admin: models.User, target: str
) -> None:
    token = await csrf_token(client)
    response = await client.post(
        "/login",
        data={"email": admin.email, "password": "correct horse battery",
              "csrf_token": token, "next": target},
    )  # fmt: skip
    assert response.headers["location"] == "/"


async def test_users_page_full_and_fragment(client: httpx.AsyncClient, admin: models.User) -> None:
    await make_user(await admin.org, email="sam@acme.example", name="Sam Submitter")
    await sign_in(client, admin.email)
    page = await client.get("/admin/users")
    assert page.status_code == 200
    assert "<html" in page.text and "Invite a user" in page.text
    assert 'data-user="sam@acme.example"' in page.text
    fragment = await client.get("/admin/users", params={"search": "sam"}, headers=TABLE)
    assert fragment.text.lstrip().startswith('<div id="users-table"')
    assert "<html" not in fragment.text
    assert 'data-user="sam@acme.example"' in fragment.text
    assert 'data-user="admin@acme.example"' not in fragment.text


async def test_invite_from_the_page(client: httpx.AsyncClient, admin: models.User) -> None:
    csrf = await sign_in(client, admin.email)
    form = {
        "email": "new@acme.example",
        "name": "New Person",
        "role": "APPROVER",
        "csrf_token": csrf,
    }
    response = await client.post(
        "/admin/users/invite", data=form, headers=INVITE_FORM | {"X-CSRF-Token": csrf}
    )
    assert response.status_code == 204
    assert response.headers["HX-Location"] == "/admin/users"
    user = await models.User.get(email="new@acme.example")
    assert (user.name, user.role, user.password_hash) == (
        "New Person",
        models.UserRole.APPROVER,
        None,
    )


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"email": "bad", "name": "X", "role": "SUBMITTER"}, "INVALID_EMAIL"),
        ({"email": "admin@acme.example", "name": "X", "role": "SUBMITTER"}, "UNIQUE"),
        ({"email": "x@acme.example", "name": "X", "role": "OWNER"}, "INVALID"),
        ({"email": "x@acme.example", "name": "X", "role": "SUBMITTER", "password": "weak"},
         "PASSWORD_TOO_WEAK"),
    ],
)  # fmt: skip
async def test_invite_errors_re_render_the_form(
    client: httpx.AsyncClient, admin: models.User, form: dict[str, str], code: str
) -> None:
    csrf = await sign_in(client, admin.email)
    before = await models.User.all().count()
    response = await client.post(
        "/admin/users/invite",
        data=form | {"csrf_token": csrf},
        headers=INVITE_FORM | {"X-CSRF-Token": csrf},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form id="invite-form"')
    assert f'data-code="{code}"' in response.text
    assert await models.User.all().count() == before


async def test_change_role_deactivate_and_last_admin(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    sam = await make_user(await admin.org, email="sam@acme.example", name="Sam")
    csrf = await sign_in(client, admin.email)
    headers = TABLE | {"X-CSRF-Token": csrf}
    sam_id = encode_id("User", sam.id)

    changed = await client.post(
        f"/admin/users/{sam_id}/role", data={"role": "APPROVER"}, headers=headers
    )
    assert changed.status_code == 200 and "Saved Sam." in changed.text
    deactivated = await client.post(f"/admin/users/{sam_id}/deactivate", headers=headers)
    assert "Saved Sam." in deactivated.text
    await sam.refresh_from_db()
    assert (sam.role, sam.status) == (models.UserRole.APPROVER, models.UserStatus.INACTIVE)

    admin_id = encode_id("User", admin.id)
    refused = await client.post(f"/admin/users/{admin_id}/deactivate", headers=headers)
    assert "at least one active admin" in refused.text
    await admin.refresh_from_db()
    assert admin.status is models.UserStatus.ACTIVE


async def test_admin_post_without_csrf_gets_403(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    sam = await make_user(await admin.org, email="sam@acme.example")
    await sign_in(client, admin.email)
    response = await client.post(
        f"/admin/users/{encode_id('User', sam.id)}/deactivate", headers=TABLE
    )
    assert response.status_code == 403
    await sam.refresh_from_db()
    assert sam.status is models.UserStatus.ACTIVE


async def test_non_admins_cannot_open_the_admin_page(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await make_user(await admin.org, email="sub@acme.example")
    await sign_in(client, "sub@acme.example")
    assert (await client.get("/admin/users")).status_code == 403


async def test_logout(client: httpx.AsyncClient, admin: models.User) -> None:
    csrf = await sign_in(client, admin.email)
    response = await client.post("/logout", data={"csrf_token": csrf})
    assert response.status_code == 303
    assert (await client.get("/admin/users")).status_code == 303


async def test_deactivated_users_lose_their_session(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    other_admin = await make_user(
        await admin.org, email="other@acme.example", role=models.UserRole.ADMIN
    )
    await sign_in(client, other_admin.email)
    assert (await client.get("/admin/users")).status_code == 200
    await models.User.filter(id=other_admin.id).update(status=models.UserStatus.INACTIVE)
    assert (await client.get("/admin/users")).status_code == 303


async def test_htmx_navigation_and_sign_in_get_the_full_page(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await csrf_token(client)
    signed_in = await client.post(
        "/login",
        data={"email": admin.email, "password": "correct horse battery", "csrf_token": token},
        headers=LOGIN_FORM | {"X-CSRF-Token": token},
    )
    # sign-in changes the CSRF token, so htmx must reload the whole page
    assert signed_in.headers["HX-Redirect"] == "/"
    # HX-Location navigation swaps the body: it needs the whole page, not a block
    page = await client.get("/admin/users", headers={"HX-Request": "true"})
    assert "<html" in page.text


async def test_the_login_form_is_throttled_after_refused_passwords(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await csrf_token(client)

    async def attempt(password: str) -> httpx.Response:
        return await client.post(
            "/login",
            data={"email": admin.email, "password": password, "csrf_token": token},
            headers=LOGIN_FORM | {"X-CSRF-Token": token},
        )

    for _ in range(5):
        assert 'data-code="INVALID_CREDENTIALS"' in (await attempt("not it at all")).text
    locked = await attempt("correct horse battery")
    assert 'data-code="TOO_MANY_ATTEMPTS"' in locked.text
    assert "Too many failed sign-ins" in locked.text
    assert "HX-Redirect" not in locked.headers and "hx-redirect" not in locked.headers
    # the failures were counted against this client's address too
    assert await models.SignInFailure.filter(client="127.0.0.1").count() == 5
