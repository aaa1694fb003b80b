"""The CRM tab's embedding through GraphQL: origins, the embed secret, minted links, opening a
link, and Receipt.url; admins only where it says so; on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from graphql import ExecutionResult

from gql.context import build_context
from gql.ids import encode_id
from gql.schema import schema
from orm import models
from resolvers import embedding
from resolvers.receipts import urls
from resolvers.receipts.service import ReceiptSettings
from resolvers.receipts.storage import LocalDirectoryStorage
from resolvers.viewer import Viewer
from sync.credentials import CredentialCipher
from sync.service import SyncService
from tests.conftest import dotted, execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

SETTINGS = "{ crmEmbedding { origins hasSecret secretSetAt organizationId embedPath } }"
ORIGINS = """mutation($origins: [String!]!) {
  crmEmbeddingOriginsUpdate(input: {origins: $origins}) {
    embedding { origins } errors { field code message } } }"""
SECRET = "mutation { crmEmbedSecretGenerate { secret embedding { hasSecret } errors { code } } }"
LINK = """mutation($input: CrmEmbedLinkCreateInput!) {
  crmEmbedLinkCreate(input: $input) { url path expiresAt errors { field code message } } }"""
OPEN = """mutation($input: EmbedSessionCreateInput!) {
  embedSessionCreate(input: $input) { user { email } path errors { field code } } }"""


@pytest.fixture
def service() -> SyncService:
    return SyncService(CredentialCipher(CredentialCipher.generate_key()))


async def run(
    document: str, variables: dict[str, Any] | None, viewer: Viewer | None, service: SyncService
) -> ExecutionResult:
    return await execute(document, variables, viewer=viewer, sync=service)


async def _admin() -> models.User:
    return await make_user(await make_org(), email="ada@acme.example", role=models.UserRole.ADMIN)


async def test_only_admins_read_and_change_the_settings(service: SyncService) -> None:
    admin = await _admin()
    sam = await make_user(await admin.org, email="sam@acme.example")
    for document, variables in (
        (SETTINGS, None), (ORIGINS, {"origins": ["https://crm.zoho.eu"]}), (SECRET, None),
        (LINK, {"input": {"userId": encode_id("User", sam.id), "path": "/crm-tab"}}),
    ):  # fmt: skip
        result = await run(document, variables, viewer_for(sam), service)
        assert result.errors and result.errors[0].extensions == {"code": "FORBIDDEN"}
        anonymous = await run(document, variables, None, service)
        assert anonymous.errors
    assert await models.CrmEmbedding.all().count() == 0


async def test_origins_are_validated_and_saved_whole(service: SyncService) -> None:
    admin = await _admin()
    bad = await run(
        ORIGINS, {"origins": ["https://crm.zoho.eu", "http://crm.zoho.eu", "https://x/y"]},
        viewer_for(admin), service,
    )  # fmt: skip
    errors = bad.data["crmEmbeddingOriginsUpdate"]["errors"]  # type: ignore[index]
    assert [(dotted(e["field"]), e["code"]) for e in errors] == [
        ("origins.1", "INVALID"), ("origins.2", "INVALID"),
    ]  # fmt: skip
    assert await models.CrmEmbedding.all().count() == 0
    too_many = await run(
        ORIGINS, {"origins": [f"https://crm{n}.example" for n in range(11)]}, viewer_for(admin),
        service,
    )  # fmt: skip
    assert too_many.data["crmEmbeddingOriginsUpdate"]["errors"][0]["code"] == "TOO_MANY_ITEMS"  # type: ignore[index]
    good = await run(
        ORIGINS, {"origins": ["https://CRM.zoho.eu", "", "https://crm.zoho.eu:443"]},
        viewer_for(admin), service,
    )  # fmt: skip
    assert good.data["crmEmbeddingOriginsUpdate"] == {  # type: ignore[index]
        "embedding": {"origins": ["https://crm.zoho.eu"]}, "errors": [],
    }  # fmt: skip
    settings = await run(SETTINGS, None, viewer_for(admin), service)
    assert settings.data["crmEmbedding"]["origins"] == ["https://crm.zoho.eu"]  # type: ignore[index]
    assert settings.data["crmEmbedding"]["organizationId"] == encode_id(
        "Organization", admin.org_id
    )  # type: ignore[index]


async def test_the_secret_is_shown_once_stored_encrypted_and_rotated(service: SyncService) -> None:
    admin = await _admin()
    before = await run(SETTINGS, None, viewer_for(admin), service)
    assert before.data["crmEmbedding"]["hasSecret"] is False  # type: ignore[index]
    first = (await run(SECRET, None, viewer_for(admin), service)).data["crmEmbedSecretGenerate"]  # type: ignore[index]
    assert first["secret"].startswith("sse_") and first["embedding"]["hasSecret"] is True
    row = await models.CrmEmbedding.get(org_id=admin.org_id)
    assert first["secret"] not in row.secret_encrypted
    assert service.cipher.decrypt(row.secret_encrypted) == first["secret"]
    assert first["secret"] not in str((await run(SETTINGS, None, viewer_for(admin), service)).data)
    second = (await run(SECRET, None, viewer_for(admin), service)).data["crmEmbedSecretGenerate"]  # type: ignore[index]
    assert second["secret"] != first["secret"]


async def test_a_minted_link_opens_once_as_its_user(service: SyncService) -> None:
    admin = await _admin()
    sam = await make_user(await admin.org, email="sam@acme.example")
    no_secret = await run(
        LINK, {"input": {"userId": encode_id("User", sam.id), "path": "/crm-tab"}},
        viewer_for(admin), service,
    )  # fmt: skip
    assert no_secret.data["crmEmbedLinkCreate"]["errors"][0]["code"] == "EMBED_NOT_SET_UP"  # type: ignore[index]
    await run(SECRET, None, viewer_for(admin), service)
    # an admin's API token (a server-side caller) mints links too
    token_viewer = Viewer(user_id=admin.id, org_id=admin.org_id, role=admin.role, api_token_id=1)
    minted = await run(
        LINK, {"input": {"userId": encode_id("User", sam.id), "path": "/crm-tab/expenses?view=all",
                         "expiresInSeconds": 120}},
        token_viewer, service,
    )  # fmt: skip
    payload = minted.data["crmEmbedLinkCreate"]  # type: ignore[index]
    assert payload["errors"] == [] and payload["path"].startswith("/crm-tab/embed?org=")
    params = {k: v[0] for k, v in parse_qs(urlsplit(payload["path"]).query).items()}
    assert params["user"] == "sam@acme.example" and params["path"] == "/crm-tab/expenses?view=all"
    assert 100 < int(params["exp"]) - time.time() <= 120
    opened = await run(OPEN, {"input": params}, None, service)
    assert opened.data["embedSessionCreate"] == {  # type: ignore[index]
        "user": {"email": "sam@acme.example"}, "path": "/crm-tab/expenses?view=all", "errors": [],
    }  # fmt: skip
    again = await run(OPEN, {"input": params}, None, service)
    assert again.data["embedSessionCreate"]["errors"] == [  # type: ignore[index]
        {"field": None, "code": "EMBED_LINK_USED"}
    ]
    tampered = await run(OPEN, {"input": {**params, "user": "ada@acme.example"}}, None, service)
    assert tampered.data["embedSessionCreate"]["errors"][0]["code"] == "EMBED_LINK_INVALID"  # type: ignore[index]


async def test_minting_refuses_bad_input_with_field_errors(service: SyncService) -> None:
    admin = await _admin()
    await run(SECRET, None, viewer_for(admin), service)
    stranger = await make_user(await make_org(name="Globex"), email="spy@globex.example")
    gone = await make_user(
        await admin.org, email="gone@acme.example", status=models.UserStatus.INACTIVE
    )
    cases = [
        ({"userId": encode_id("User", stranger.id), "path": "/crm-tab"}, "userId", "NOT_FOUND"),
        ({"userId": "garbage", "path": "/crm-tab"}, "userId", "NOT_FOUND"),
        ({"userId": encode_id("User", gone.id), "path": "/crm-tab"}, "userId", "USER_INACTIVE"),
        ({"userId": encode_id("User", admin.id), "path": "/settings"}, "path", "INVALID"),
        ({"userId": encode_id("User", admin.id), "path": "/crm-tab", "expiresInSeconds": 0},
         "expiresInSeconds", "INVALID"),
        ({"userId": encode_id("User", admin.id), "path": "/crm-tab", "expiresInSeconds": 601},
         "expiresInSeconds", "INVALID"),
    ]  # fmt: skip
    for variables, field, code in cases:
        result = await run(LINK, {"input": variables}, viewer_for(admin), service)
        payload = result.data["crmEmbedLinkCreate"]  # type: ignore[index]
        assert payload["url"] is None
        assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [(field, code)]
    assert await models.EmbedNonce.all().count() == 0


async def test_an_expired_link_is_refused_and_spends_nothing(service: SyncService) -> None:
    admin = await _admin()
    await run(SECRET, None, viewer_for(admin), service)
    row = await models.CrmEmbedding.get(org_id=admin.org_id)
    secret = service.cipher.decrypt(row.secret_encrypted)
    org = encode_id("Organization", admin.org_id)
    past = int(time.time()) - 1
    nonce = "n" * 20
    sig = embedding.sign(secret, org, admin.email, past, "/crm-tab", nonce)
    params = {"org": org, "user": admin.email, "exp": str(past), "path": "/crm-tab",
              "nonce": nonce, "sig": sig}  # fmt: skip
    result = await run(OPEN, {"input": params}, None, service)
    assert result.data["embedSessionCreate"]["errors"][0]["code"] == "EMBED_LINK_EXPIRED"  # type: ignore[index]
    assert result.data["embedSessionCreate"]["user"] is None  # type: ignore[index]
    assert await models.EmbedNonce.all().count() == 0


async def test_receipt_url_is_signed_for_the_receipts_the_viewer_sees(
    service: SyncService, tmp_path: Path
) -> None:
    org = await make_org()
    sam = await make_user(org, email="sam@acme.example")
    other = await make_user(await make_org(name="Globex"), email="spy@globex.example")
    mine = await models.Receipt.create(
        org=org, user=sam, file_name="a.png", content_type="image/png", size=1, sha256="a" * 64
    )
    await models.Receipt.create(
        org_id=other.org_id, user=other, file_name="b.png", content_type="image/png", size=1,
        sha256="b" * 64,
    )  # fmt: skip
    receipts = ReceiptSettings(storage=LocalDirectoryStorage(tmp_path), url_key="k" * 40)
    context = await build_context(None, viewer=viewer_for(sam), receipts=receipts)
    result = await schema.execute("{ receiptInbox { nodes { id url } } }", context_value=context)
    nodes = result.data["receiptInbox"]["nodes"]  # type: ignore[index]
    assert [n["id"] for n in nodes] == [encode_id("Receipt", mine.id)]
    url = urlsplit(nodes[0]["url"])
    assert url.path == f"/receipts/{encode_id('Receipt', mine.id)}/file"
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert urls.check("k" * 40, mine.id, query["exp"], query["sig"])
    without_key = await build_context(None, viewer=viewer_for(sam))
    refused = await schema.execute("{ receiptInbox { nodes { url } } }", context_value=without_key)
    assert refused.errors and refused.errors[0].extensions == {"code": "SERVICE_UNAVAILABLE"}
