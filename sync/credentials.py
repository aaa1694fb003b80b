"""CRM secrets at rest: Fernet (AES-128-CBC + HMAC) with a key from the environment.

During a key rotation the cipher also holds the previous keys: it encrypts with the current key
and decrypts with any of them (MultiFernet), and ``rotate_stored_secrets`` re-encrypts what is
stored with the current key, one row per transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from tortoise.transactions import in_transaction


class CredentialError(ValueError):
    """The stored secret cannot be read with this key (the key changed, or the data is bad)."""


class CredentialCipher:
    def __init__(self, key: str, previous: Sequence[str] = ()) -> None:
        self._current = Fernet(key.encode())
        self._fernet = MultiFernet([self._current, *(Fernet(k.encode()) for k in previous)])

    @staticmethod
    def generate_key() -> str:
        return Fernet.generate_key().decode()

    def encrypt(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise CredentialError("stored CRM credentials cannot be decrypted") from exc

    def is_current(self, token: str) -> bool:
        """Whether ``token`` is encrypted with the current key."""
        try:
            self._current.decrypt(token.encode())
        except InvalidToken:
            return False
        return True

    def rotate(self, token: str) -> str:
        """``token`` encrypted with the current key (read with any key this cipher holds)."""
        try:
            return self._fernet.rotate(token.encode()).decode()
        except InvalidToken as exc:
            raise CredentialError("stored CRM credentials cannot be decrypted") from exc

    def __repr__(self) -> str:
        return "CredentialCipher(<key hidden>)"


SECRET_FIELDS = ("client_secret_encrypted", "refresh_token_encrypted")


@dataclass(frozen=True)
class Rotation:
    rotated: int  # integrations whose secrets were re-encrypted
    current: int  # already under the current key (a second run rotates nothing)
    unreadable: list[int]  # organisation ids whose secrets none of the keys can read
    # embed secrets (the CRM tab's signed links), counted the same way
    embed_rotated: int = 0
    embed_current: int = 0


async def rotate_stored_secrets(cipher: CredentialCipher) -> Rotation:
    """Re-encrypt every stored CRM secret, and every embed secret, with the cipher's current key.
    Idempotent; each row is read again, locked and written in its own short transaction, so the
    app and workers may keep running (they read both keys meanwhile)."""
    from orm import models

    rotated = current = 0
    unreadable: list[int] = []
    for integration_id in (
        await models.Integration.all().order_by("id").values_list("id", flat=True)
    ):
        async with in_transaction():
            row = (
                await models.Integration.filter(id=integration_id).select_for_update().get_or_none()
            )
            if row is None:  # deleted meanwhile
                continue
            values = {name: str(getattr(row, name)) for name in SECRET_FIELDS}
            stale = {n: v for n, v in values.items() if v and not cipher.is_current(v)}
            if not stale:
                current += 1
                continue
            try:
                changes = {name: cipher.rotate(value) for name, value in stale.items()}
            except CredentialError:
                unreadable.append(row.org_id)
                continue
            await models.Integration.filter(id=row.id).update(**changes)
            rotated += 1
    embed_rotated = embed_current = 0
    for embedding_id in (
        await models.CrmEmbedding.filter(secret_encrypted__not="")
        .order_by("id")
        .values_list("id", flat=True)
    ):
        async with in_transaction():
            embedding = (
                await models.CrmEmbedding.filter(id=embedding_id).select_for_update().get_or_none()
            )
            if embedding is None or not embedding.secret_encrypted:
                continue
            if cipher.is_current(embedding.secret_encrypted):
                embed_current += 1
                continue
            try:
                rotated_secret = cipher.rotate(embedding.secret_encrypted)
            except CredentialError:
                if embedding.org_id not in unreadable:
                    unreadable.append(embedding.org_id)
                continue
            await models.CrmEmbedding.filter(id=embedding.id).update(
                secret_encrypted=rotated_secret
            )
            embed_rotated += 1
    return Rotation(
        rotated=rotated, current=current, unreadable=unreadable,
        embed_rotated=embed_rotated, embed_current=embed_current,
    )  # fmt: skip
