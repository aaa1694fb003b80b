"""The page shell: landing pages by role, error pages in the layout, flash notices and the
in-app notifications (list, unread count in the header, mark read)."""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.applications import Starlette

from orm import models
from tests.factories import make_user
from tests.web.conftest import csrf_token, sign_in

HTML = {"Accept": "text/html"}


async def _notify(user: models.User, title: str, body: str = "Details.") -> models.Notification:
    return await models.Notification.create(
        org_id=user.org_id, user_id=user.id, kind="SYNC_FAILED", title=title, body=body
    )


async def test_each_role_lands_on_a_page_it_can_use(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await sign_in(client, admin.email)
    assert (await client.get("/")).headers["location"] == "/settings"
    overview = await client.get("/settings")
    assert overview.status_code == 200
    assert "<h1>Settings</h1>" in overview.text
    assert 'data-integration-state="NOT_CONNECTED"' in overview.text
    assert "Connect Zoho CRM" in overview.text
    assert "Sign out" in overview.text

    client.cookies.clear()
    await make_user(await admin.org, email="sub@acme.example", role=models.UserRole.SUBMITTER)
    await sign_in(client, "sub@acme.example")
    assert (await client.get("/")).headers["location"] == "/account"


@pytest.mark.parametrize("path", ["/settings", "/admin/users"])
@pytest.mark.parametrize("role", [models.UserRole.APPROVER, models.UserRole.SUBMITTER])
async def test_admin_pages_answer_the_403_page_with_no_data(
    client: httpx.AsyncClient, admin: models.User, path: str, role: models.UserRole
) -> None:
    await make_user(await admin.org, email="someone@acme.example", role=role)
    await sign_in(client, "someone@acme.example")
    page = await client.get(path)
    assert page.status_code == 403
    assert "Not allowed" in page.text
    assert "Sign out" in page.text  # the layout, with the way out
    assert admin.email not in page.text and "Acme Sales" in page.text  # their own org only
    assert 'href="/settings"' not in page.text  # no admin navigation


async def test_a_refused_htmx_fragment_replaces_the_page(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await make_user(await admin.org, email="sub@acme.example")
    await sign_in(client, "sub@acme.example")
    page = await client.get(
        "/admin/users", headers={"HX-Request": "true", "HX-Target": "users-table"}
    )
    assert page.status_code == 403
    assert page.headers["HX-Retarget"] == "body"
    assert "Not allowed" in page.text


async def test_not_found_and_method_not_allowed_are_pages_for_browsers(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    anonymous = await client.get("/no/such/page", headers=HTML)
    assert anonymous.status_code == 404
    assert "Page not found" in anonymous.text and 'href="/login"' in anonymous.text

    csrf = await sign_in(client, admin.email)
    page = await client.get("/no/such/page", headers=HTML)
    assert page.status_code == 404
    assert "Page not found" in page.text and "Sign out" in page.text
    wrong_method = await client.delete("/settings", headers=HTML | {"X-CSRF-Token": csrf})
    assert wrong_method.status_code == 405
    assert "Not allowed here" in wrong_method.text
    assert "GET" in wrong_method.headers["allow"]

    # API clients keep plain answers
    api = await client.get("/no/such/page", headers={"Accept": "application/json"})
    assert api.status_code == 404 and api.text == "Not Found"


async def test_an_unexpected_error_is_a_page_with_a_request_id(
    app: Starlette, admin: models.User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from web.routes import settings_pages

    async def broken(*args: object, **kwargs: object) -> dict[str, object]:
        raise RuntimeError("boom")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await sign_in(client, admin.email)
        monkeypatch.setattr(settings_pages, "run_operation", broken)
        page = await client.get("/settings", headers=HTML | {"X-Request-Id": "req-42"})
    assert page.status_code == 500
    assert "Something went wrong" in page.text
    assert "req-42" in page.text
    assert "boom" not in page.text


async def test_a_flash_notice_follows_a_write_once(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    csrf = await sign_in(client, admin.email)
    response = await client.post(
        "/admin/users/invite",
        data={"email": "nora@acme.example", "name": "Nora Newcomer", "role": "SUBMITTER",
              "csrf_token": csrf},
    )  # fmt: skip
    assert response.status_code == 303
    shown = await client.get("/admin/users")
    assert "Invited Nora Newcomer; an invitation e-mail is on its way." in shown.text
    again = await client.get("/admin/users")
    assert "Invited Nora Newcomer" not in again.text


async def test_notifications_list_count_and_mark_read(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    other = await make_user(await admin.org, email="other@acme.example")
    first = await _notify(admin, "Sync failed", "The CRM refused the refresh token.")
    await _notify(admin, "Integration deleted")
    await _notify(other, "Not yours")
    csrf = await sign_in(client, admin.email)

    page = await client.get("/notifications")
    assert 'data-unread="2"' in page.text
    assert "The CRM refused the refresh token." in page.text
    assert "Not yours" not in page.text

    one = await client.post(
        "/notifications/read",
        data={"id": _notification_id(page.text, "Sync failed"), "csrf_token": csrf},
    )
    assert one.status_code == 303
    await first.refresh_from_db()
    assert first.read_at is not None
    unread = await client.get("/notifications?show=unread")
    assert 'data-unread="1"' in unread.text
    assert "Sync failed" not in unread.text and "Integration deleted" in unread.text

    await client.post("/notifications/read", data={"csrf_token": csrf})
    shown = await client.get("/notifications")
    assert "All notifications are marked as read." in shown.text
    assert "data-unread" not in shown.text
    assert await models.Notification.filter(user_id=other.id, read_at=None).count() == 1


async def test_marking_read_needs_the_csrf_token(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await _notify(admin, "Sync failed")
    await sign_in(client, admin.email)
    refused = await client.post("/notifications/read", data={})
    assert refused.status_code == 403
    assert await models.Notification.filter(read_at=None).count() == 1


async def test_an_anonymous_visitor_is_sent_to_sign_in_with_the_way_back(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/notifications?show=unread")
    assert response.headers["location"] == "/login?next=/notifications?show=unread"
    fragment = await client.get("/settings", headers={"HX-Request": "true"})
    assert fragment.headers["HX-Redirect"] == "/login?next=/settings"
    assert await csrf_token(client)  # the login page still renders for visitors


def _notification_id(html: str, title: str) -> str:
    article = html[html.index(title) :]
    match = re.search(r'name="id" value="([^"]+)"', article)
    assert match
    return match.group(1)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        (
            "/admin/users/invite",
            {"email": "nora@acme.example", "name": "Nora\x07", "role": "SUBMITTER"},
        ),
        ("/settings/organization", {"name": "Acme\x00Sales", "baseCurrency": "EUR"}),
    ],
)
async def test_text_the_server_refuses_is_a_400_page_that_says_why(
    client: httpx.AsyncClient, admin: models.User, path: str, data: dict[str, str]
) -> None:
    """A control character in a form field (the text rule's INVALID) is the visitor's to
    correct: a 400 page naming the field, never the 500 page, and nothing written."""
    csrf = await sign_in(client, admin.email)
    before = await models.User.filter(org_id=admin.org_id).count()
    name = (await models.Organization.get(id=admin.org_id)).name
    response = await client.post(path, data={**data, "csrf_token": csrf}, headers=HTML)
    assert response.status_code == 400, response.text[:300]
    assert "That cannot be accepted" in response.text
    assert "is not accepted" in response.text  # the text rule's reason, naming the field
    assert await models.User.filter(org_id=admin.org_id).count() == before
    assert (await models.Organization.get(id=admin.org_id)).name == name
