"""Settings → CRM tab embedding: origins, the embed secret and a test link, for admins only."""

from __future__ import annotations

import re

import httpx
from starlette.applications import Starlette

from gql.ids import encode_id
from orm import models
from tests.factories import make_user
from tests.web.conftest import sign_in

URL = "/settings/integrations/crm-tab"


async def test_an_admin_saves_origins_and_errors_show_next_to_the_field(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, "admin@acme.example")
    page = await client.get(URL)
    assert page.status_code == 200
    assert 'href="/settings/integrations/crm-tab" aria-current="page"' in page.text
    refused = await client.post(URL + "/origins", data={"origins": "https://crm.zoho.eu"})
    assert refused.status_code == 403
    assert await models.CrmEmbedding.filter(org_id=admin.org_id).count() == 0
    bad = await client.post(
        URL + "/origins",
        data={"origins": "https://crm.zoho.eu\nhttps://crm.zoho.eu/path\nftp://x",
              "csrf_token": token},
        headers={"HX-Request": "true", "HX-Target": "settings-page"},
    )  # fmt: skip
    assert bad.status_code == 200
    assert bad.text.count('class="field-error"') == 2
    assert "no path" in bad.text and 'aria-invalid="true"' in bad.text
    assert await models.CrmEmbedding.filter(org_id=admin.org_id).count() == 0
    saved = await client.post(
        URL + "/origins",
        data={"origins": "HTTPS://CRM.ZOHO.EU:443\n\nhttps://crm.zoho.com", "csrf_token": token},
    )
    assert saved.status_code == 303
    row = await models.CrmEmbedding.get(org_id=admin.org_id)
    assert row.origins == ["https://crm.zoho.eu", "https://crm.zoho.com"]
    assert "https://crm.zoho.com" in (await client.get(URL)).text
    # the tab's pages may now be framed by them, other pages not
    tab = await client.get("/crm-tab")
    assert (
        "frame-ancestors 'self' https://crm.zoho.eu https://crm.zoho.com"
        in (tab.headers["content-security-policy"])
    )
    assert (
        (await client.get(URL))
        .headers["content-security-policy"]
        .endswith("frame-ancestors 'self'")
    )


async def test_the_secret_is_shown_once_and_rotation_asks_first(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, "admin@acme.example")
    first = await client.post(URL + "/secret", data={"csrf_token": token})
    match = re.search(r'value="(sse_[^"]+)" data-new-secret', first.text)
    assert match is not None
    row = await models.CrmEmbedding.get(org_id=admin.org_id)
    assert match.group(1) not in row.secret_encrypted
    assert app.state.sync.cipher.decrypt(row.secret_encrypted) == match.group(1)
    again = await client.get(URL)
    assert match.group(1) not in again.text and "Rotate secret" in again.text
    ask = await client.post(URL + "/secret", data={"csrf_token": token, "rotate": "yes"})
    assert "Rotate the embed secret?" in ask.text
    assert (await models.CrmEmbedding.get(org_id=admin.org_id)).secret_encrypted == (
        row.secret_encrypted
    )
    rotated = await client.post(
        URL + "/secret", data={"csrf_token": token, "rotate": "yes", "confirmed": "yes"}
    )
    new = re.search(r'value="(sse_[^"]+)" data-new-secret', rotated.text)
    assert new is not None and new.group(1) != match.group(1)


async def test_a_test_link_is_minted_with_errors_next_to_their_fields(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, "admin@acme.example")
    sam = await make_user(await admin.org, email="sam@acme.example", name="Sam Seller")
    sam_id = encode_id("User", sam.id)
    missing = await client.post(
        URL + "/link", data={"csrf_token": token, "userId": sam_id, "path": "/crm-tab/expenses"}
    )
    assert "Generate the embed secret first." in missing.text
    await client.post(URL + "/secret", data={"csrf_token": token})
    bad = await client.post(
        URL + "/link",
        data={"csrf_token": token, "userId": sam_id, "path": "/settings",
              "expiresInSeconds": "9000"},
    )  # fmt: skip
    assert "The path must be under /crm-tab/." in bad.text
    assert "A link lasts from 1 to 600 seconds." in bad.text
    good = await client.post(
        URL + "/link", data={"csrf_token": token, "userId": sam_id, "path": "/crm-tab/expenses"}
    )
    link = re.search(r'value="([^"]+)" data-embed-link', good.text)
    assert link is not None
    assert link.group(1).startswith("http://testserver/crm-tab/embed?org=")
    opened = await client.get(link.group(1).replace("&amp;", "&"))
    assert opened.status_code == 303 and opened.headers["location"] == "/crm-tab/expenses"


async def test_non_admins_get_403_and_no_data(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    await make_user(await admin.org, email="sam@acme.example")
    token = await sign_in(client, "sam@acme.example")
    page = await client.get(URL)
    assert page.status_code == 403 and "origins" not in page.text.lower()
    posted = await client.post(URL + "/secret", data={"csrf_token": token})
    assert posted.status_code == 403
    assert await models.CrmEmbedding.filter(org_id=admin.org_id).count() == 0
