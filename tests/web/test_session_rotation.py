"""Rotating SECRET_KEY: cookies signed with a key in SECRET_KEY_PREVIOUS are still read, and
the answer re-signs them with the new key."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from orm import models
from resolvers.identity import links
from resolvers.mail import Postman
from tests.factories import make_user
from tests.support.mail import Outbox
from tests.web.conftest import BASE_URL, sign_in
from web.app import SESSION_COOKIE, create_app

NEW_KEY = "rotated-secret-" + "n" * 40
Opened = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def reopen(app: Starlette, outbox: Outbox) -> Opened:
    @asynccontextmanager
    async def opened(cookies: httpx.Cookies, **changes: object) -> AsyncIterator[httpx.AsyncClient]:
        settings = dataclasses.replace(app.state.settings, **changes)  # type: ignore[arg-type]
        application = create_app(settings, mailer=outbox)
        async with LifespanManager(application):
            transport = httpx.ASGITransport(app=application)
            async with httpx.AsyncClient(
                transport=transport, base_url=BASE_URL, cookies=cookies
            ) as http:
                yield http

    return opened


async def test_sessions_survive_a_secret_key_rotation(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, outbox: Outbox
) -> None:
    await sign_in(client, admin.email)
    old_key = app.state.settings.secret_key
    opened = reopen(app, outbox)

    async with opened(client.cookies, secret_key=NEW_KEY) as without_grace:
        assert (await without_grace.get("/admin/users")).status_code == 303  # signed out

    async with opened(
        client.cookies, secret_key=NEW_KEY, secret_key_previous=(old_key,)
    ) as rotating:
        page = await rotating.get("/admin/users")
        assert page.status_code == 200
        resigned = page.cookies.get(SESSION_COOKIE)
        assert resigned is not None
    fresh = httpx.Cookies({SESSION_COOKIE: resigned})
    async with opened(fresh, secret_key=NEW_KEY) as after_grace:  # old key dropped
        assert (await after_grace.get("/admin/users")).status_code == 200
    async with opened(fresh) as old_only:  # signed with the new key, not the old one
        assert (await old_only.get("/admin/users")).status_code == 303


async def test_set_password_links_survive_a_secret_key_rotation(
    app: Starlette, admin: models.User, outbox: Outbox
) -> None:
    ivy = await make_user(await admin.org, email="ivy@acme.example", name="Ivy", password=None)
    old_key = app.state.settings.secret_key
    token = links.AccountLinks(old_key, Postman(outbox)).token_for(ivy, links.LinkKind.INVITATION)
    opened = reopen(app, outbox)
    path = f"/set-password?token={token}"
    async with opened(httpx.Cookies(), secret_key=NEW_KEY) as without_grace:
        assert "This link no longer works" in (await without_grace.get(path)).text
    async with opened(
        httpx.Cookies(), secret_key=NEW_KEY, secret_key_previous=(old_key,)
    ) as rotating:
        page = await rotating.get(path)
        assert "Welcome, Ivy" in page.text
