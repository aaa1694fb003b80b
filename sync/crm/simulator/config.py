"""Simulator settings: credentials, Zoho's limits and fault injection, all off by default."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_CLIENT_ID = "1000.SPENDSYNCDEMOCLIENT"
DEMO_CLIENT_SECRET = "spendsync-demo-client-secret"  # noqa: S105 - public demo value
DEMO_REFRESH_TOKEN = "1000.spendsync-demo-refresh-token.0000"  # noqa: S105 - public demo value

DEFAULT_SCOPES = (
    "ZohoCRM.modules.ALL",
    "ZohoCRM.settings.ALL",
    "ZohoCRM.users.READ",
    "ZohoCRM.org.READ",
    "ZohoCRM.notifications.ALL",
    "ZohoSearch.securesearch.READ",
)

SUPPORTED_VERSIONS = ("v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8")

FAULT_KINDS = frozenset({"429", "500", "502", "503", "timeout", "expire_tokens"})


@dataclass(frozen=True)
class SimulatorConfig:
    """Everything that shapes the simulator's answers apart from the data.

    Faults are deterministic: ``fault_schedule`` names exact request numbers (1-based, counted
    over ``/crm/`` requests) and a kind from ``FAULT_KINDS``; the ``*_rate`` knobs draw from a
    ``random.Random(fault_seed)`` consumed once per request, so a given seed and request order
    always fail the same requests.
    """

    client_id: str = DEMO_CLIENT_ID
    client_secret: str = DEMO_CLIENT_SECRET
    refresh_token: str = DEMO_REFRESH_TOKEN
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    #: ``api_domain`` returned by the token endpoint; None = the base URL the request came in on.
    api_domain: str | None = None
    access_token_ttl_s: int = 3600
    #: Token-endpoint throttle: at most this many grants per refresh token in 10 minutes.
    token_grants_per_10_min: int | None = None
    accept_bearer: bool = True

    latency_ms: int = 0
    fault_seed: int = 0
    rate_429: float = 0.0
    rate_5xx: float = 0.0
    rate_timeout: float = 0.0
    fault_schedule: tuple[tuple[int, str], ...] = ()
    timeout_seconds: float = 30.0
    retry_after_s: int | None = None

    #: Rolling-24 h API credits; None = unlimited.
    daily_credits: int | None = None
    #: Simultaneous in-flight API calls; None = unlimited.
    max_concurrency: int | None = None

    discrete_page_limit: int = 2000
    page_token_limit: int = 100_000
    page_token_ttl_s: int = 86_400
    search_limit: int = 2000
    search_index_delay_s: float = 0.0
    write_batch_limit: int = 100

    recycle_retention_days: int = 60
    permanent_retention_days: int = 120

    def __post_init__(self) -> None:
        for _, kind in self.fault_schedule:
            if kind not in FAULT_KINDS:
                raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        for name in ("rate_429", "rate_5xx", "rate_timeout"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
