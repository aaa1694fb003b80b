"""The keys of the secrets at rest, for the composition root and the command line: a new key,
whether a value is a key, and re-encrypting what is stored with the current key
(``spendsync rotate-keys``). The cipher itself is the sync's (``sync.api.CredentialCipher``);
the settings and the CLI reach it here only."""

from __future__ import annotations

from collections.abc import Sequence

from sync.api import CredentialCipher, Rotation, rotate_stored_secrets


def new_key() -> str:
    """A fresh key for ``CREDENTIALS_KEY``."""
    return CredentialCipher.generate_key()


def is_key(value: str) -> bool:
    """Whether ``value`` can serve as a key (a Fernet key: 32 url-safe base64 bytes)."""
    try:
        CredentialCipher(value)
    except ValueError:
        return False
    return True


async def rotate_keys(current: str, previous: Sequence[str]) -> Rotation:
    """Re-encrypt every stored CRM secret and embed secret with ``current``, reading them with
    any of the keys (the ORM is open). Idempotent; see ``Rotation`` for the counts."""
    return await rotate_stored_secrets(CredentialCipher(current, previous))
