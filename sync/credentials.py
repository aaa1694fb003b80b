"""CRM secrets at rest: Fernet (AES-128-CBC + HMAC) with a key from the environment."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken


class CredentialError(ValueError):
    """The stored secret cannot be read with this key (the key changed, or the data is bad)."""


class CredentialCipher:
    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode())

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

    def __repr__(self) -> str:
        return "CredentialCipher(<key hidden>)"
