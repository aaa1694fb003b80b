"""OAuth: the refresh-token grant at ``/oauth/v2/token`` and access-token checks on API calls."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sync.crm.simulator.config import SimulatorConfig
from sync.crm.simulator.errors import ZohoError


@dataclass
class AccessToken:
    token: str
    user_id: str
    scopes: tuple[str, ...]
    expires: datetime


class TokenIssuer:
    """Grants, validates and (on a fault) revokes access tokens."""

    MAX_ACTIVE = 15  # per refresh token (v8); the 16th grant evicts the oldest

    def __init__(self, config: SimulatorConfig, user_id: str) -> None:
        self.config = config
        self.user_id = user_id
        self.tokens: dict[str, AccessToken] = {}
        self._grants: list[datetime] = []
        self._count = 0

    def grant(
        self, params: dict[str, str], now: datetime
    ) -> tuple[AccessToken | None, dict[str, str]]:
        """An access token, or Zoho's HTTP-200 error body (``invalid_client``/``invalid_code``)."""
        if params.get("grant_type") != "refresh_token":
            return None, {"error": "unsupported_grant_type"}
        if (
            params.get("client_id") != self.config.client_id
            or params.get("client_secret") != self.config.client_secret
        ):
            return None, {"error": "invalid_client"}
        if params.get("refresh_token") != self.config.refresh_token:
            return None, {"error": "invalid_code"}
        window = now - timedelta(minutes=10)
        self._grants = [t for t in self._grants if t > window]
        limit = self.config.token_grants_per_10_min
        if limit is not None and len(self._grants) >= limit:
            return None, {
                "error": "Access Denied",
                "error_description": "You have made too many requests continuously. "
                "Please try again after some time.",
                "status": "failure",
            }
        self._grants.append(now)
        self._count += 1
        digest = hashlib.sha256(f"{self.config.refresh_token}:{self._count}".encode()).hexdigest()
        token = AccessToken(
            token=f"1000.{digest[:32]}.{digest[32:64]}",
            user_id=self.user_id,
            scopes=self.config.scopes,
            expires=now + timedelta(seconds=self.config.access_token_ttl_s),
        )
        self.tokens[token.token] = token
        while len(self.tokens) > self.MAX_ACTIVE:
            del self.tokens[next(iter(self.tokens))]
        return token, {}

    def expire_all(self) -> None:
        self.tokens.clear()

    def authenticate(self, header: str | None, now: datetime) -> AccessToken:
        if not header:
            raise ZohoError(401, "AUTHENTICATION_FAILURE", "Authentication failed", {})
        scheme, _, value = header.partition(" ")
        allowed = {"zoho-oauthtoken"} | ({"bearer"} if self.config.accept_bearer else set())
        if scheme.lower() not in allowed or not value.strip():
            raise ZohoError(401, "AUTHENTICATION_FAILURE", "Authentication failed", {})
        token = self.tokens.get(value.strip())
        if token is None or now >= token.expires:
            raise ZohoError(401, "INVALID_TOKEN", "invalid oauth token", {})
        return token


def has_scope(granted: tuple[str, ...], needed: str) -> bool:
    """``needed`` like ``ZohoCRM.modules.accounts.READ``; ALL covers every operation."""
    service, _, rest = needed.partition(".")
    group, _, tail = rest.partition(".")
    action = tail.rsplit(".", 1)[-1]
    resource = tail.rsplit(".", 1)[0] if "." in tail else ""
    for scope in granted:
        s_service, _, s_rest = scope.partition(".")
        if s_service.lower() != service.lower():
            continue
        s_group, _, s_tail = s_rest.partition(".")
        if s_group.lower() != group.lower():
            continue
        s_action = s_tail.rsplit(".", 1)[-1]
        s_resource = s_tail.rsplit(".", 1)[0] if "." in s_tail else ""
        if s_resource and s_resource.lower() != resource.lower():
            continue
        if s_action.upper() == "ALL" or s_action.upper() == action.upper():
            return True
        if s_action.upper() == "WRITE" and action.upper() in ("CREATE", "UPDATE", "DELETE"):
            return True
    return False


def scope_error(needed: str) -> ZohoError:
    return ZohoError(
        401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL", {"scope": needed}
    )
