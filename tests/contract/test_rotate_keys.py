"""``spendsync rotate-keys``: every stored CRM secret re-encrypted with the new CREDENTIALS_KEY."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync.credentials import CredentialCipher, CredentialError
from tests.factories import make_org
from web.cli import main

OLD, NEW, STRANGER = (CredentialCipher.generate_key() for _ in range(3))


async def _seed(url: str) -> None:
    await Tortoise.init(config=tortoise_config(url))
    try:
        old, stranger = CredentialCipher(OLD), CredentialCipher(STRANGER)
        for name in ("Acme", "Globex"):
            org = await make_org(name=name)
            await models.Integration.create(
                org=org, client_secret_encrypted=old.encrypt(f"{name}-secret"),
                refresh_token_encrypted=old.encrypt(f"{name}-refresh"),
            )  # fmt: skip
            if name == "Acme":  # the CRM tab's embed secret is re-encrypted too
                await models.CrmEmbedding.create(
                    org=org, secret_encrypted=old.encrypt("sse_acme-embed")
                )
        await models.CrmEmbedding.create(org=await make_org(name="No secret"))
        lost = await make_org(name="Initech")
        await models.Integration.create(org=lost, client_secret_encrypted=stranger.encrypt("x"))
        await models.Integration.create(org=await make_org(name="Empty"))  # never connected
    finally:
        await Tortoise.close_connections()


async def _embed_secret(url: str) -> str:
    await Tortoise.init(config=tortoise_config(url))
    try:
        return (await models.CrmEmbedding.get(org__name="Acme")).secret_encrypted
    finally:
        await Tortoise.close_connections()


async def _stored(url: str) -> dict[str, tuple[str, str]]:
    await Tortoise.init(config=tortoise_config(url))
    try:
        rows = await models.Integration.all().prefetch_related("org")
        return {r.org.name: (r.client_secret_encrypted, r.refresh_token_encrypted) for r in rows}
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def seeded(tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite://{tmp_path}/rotate.sqlite3"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SPENDSYNC_VAR_DIR", f"{tmp_path}/var")
    monkeypatch.setenv("CREDENTIALS_KEY", NEW)
    assert main(["migrate"]) == 0
    asyncio.run(_seed(url))
    return url


def test_rotate_keys_re_encrypts_with_the_new_key(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rotate-keys", f"--old-key={OLD}"]) == 1  # Initech's key is not known
    captured = capsys.readouterr()
    assert "2 integration(s)" in captured.out
    assert "Embed secrets re-encrypted: 1; already current: 0." in captured.out
    assert "organisation(s)" in captured.err
    stored = asyncio.run(_stored(seeded))
    new = CredentialCipher(NEW)  # the new key alone now reads them
    for name in ("Acme", "Globex"):
        secret, refresh = stored[name]
        assert new.decrypt(secret) == f"{name}-secret"
        assert new.decrypt(refresh) == f"{name}-refresh"
        with pytest.raises(CredentialError):
            CredentialCipher(OLD).decrypt(secret)
    assert stored["Empty"] == ("", "")
    assert CredentialCipher(STRANGER).decrypt(stored["Initech"][0]) == "x"  # left as it was
    embed_secret = asyncio.run(_embed_secret(seeded))
    assert new.decrypt(embed_secret) == "sse_acme-embed"
    with pytest.raises(CredentialError):
        CredentialCipher(OLD).decrypt(embed_secret)

    # idempotent: a second run rotates nothing and changes nothing
    assert main(["rotate-keys", f"--old-key={OLD}", f"--old-key={STRANGER}"]) == 0
    out = capsys.readouterr().out
    assert "1 integration(s); already current: 3" in out
    assert "Embed secrets re-encrypted: 0; already current: 1." in out
    assert asyncio.run(_embed_secret(seeded)) == embed_secret
    again = asyncio.run(_stored(seeded))
    assert {k: v for k, v in again.items() if k != "Initech"} == {
        k: v for k, v in stored.items() if k != "Initech"
    }
    assert new.decrypt(again["Initech"][0]) == "x"


def test_previous_keys_come_from_the_environment_too(
    seeded: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CREDENTIALS_KEY_PREVIOUS", f"{STRANGER}, {OLD}")
    assert main(["rotate-keys"]) == 0
    assert "3 integration(s)" in capsys.readouterr().out
    assert main(["rotate-keys", "--old-key", "not-a-key"]) == 2
