"""Types, inputs and payloads of the CRM tab's embedding settings and embed links."""

from __future__ import annotations

from datetime import datetime

import strawberry

from gql.errors import UserError, errors_field
from gql.identity.types import User
from gql.ids import encode_id
from orm import models
from resolvers.embedding import EMBED_PATH, LINK_MAX_SECONDS


@strawberry.type(
    description="How a CRM embeds the CRM tab: the origins allowed to frame it and call the "
    "API (CORS), and whether the embed secret its extension signs links with is set."
)
class CrmEmbedding:
    origins: list[str] = strawberry.field(
        description="Origins such as https://crm.zoho.eu: CSP frame-ancestors of the tab's "
        "pages and CORS on /graphql and the receipt routes."
    )
    has_secret: bool = strawberry.field(description="An embed secret was generated.")
    secret_set_at: datetime | None = strawberry.field(
        description=(
            "When the embed secret was last generated (ISO 8601 date-time, UTC); null if never."
        )
    )
    organization_id: strawberry.ID = strawberry.field(
        description="The `org` parameter of embed links."
    )
    embed_path: str = strawberry.field(description="Where embed links point (`/crm-tab/embed`).")
    link_max_seconds: int = strawberry.field(
        description="How far ahead an embed link may expire, in seconds."
    )

    @classmethod
    def from_model(cls, row: models.CrmEmbedding) -> CrmEmbedding:
        return cls(
            origins=list(row.origins or []), has_secret=bool(row.secret_encrypted),
            secret_set_at=row.secret_set_at,
            organization_id=encode_id("Organization", row.org_id), embed_path=EMBED_PATH,
            link_max_seconds=LINK_MAX_SECONDS,
        )  # fmt: skip


@strawberry.input(description="The origins allowed to embed the CRM tab.")
class CrmEmbeddingOriginsInput:
    origins: list[str] = strawberry.field(
        description="The whole list (blank entries are ignored); at most 10."
    )


@strawberry.type(description="Result of `crmEmbeddingOriginsUpdate`.")
class CrmEmbeddingPayload:
    embedding: CrmEmbedding | None = strawberry.field(
        description="The settings as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `crmEmbedSecretGenerate`.")
class CrmEmbedSecretPayload:
    embedding: CrmEmbedding | None = strawberry.field(
        description="The settings after the rotation; null when refused."
    )
    secret: str | None = strawberry.field(
        description="The new embed secret. Shown only in this response; the previous one "
        "stops working at once."
    )
    errors: list[UserError] = errors_field()


@strawberry.input(description="An embed link to create.")
class CrmEmbedLinkCreateInput:
    user_id: strawberry.ID = strawberry.field(description="The active user the link signs in as.")
    path: str = strawberry.field(description="A path under /crm-tab/, query string allowed.")
    expires_in_seconds: int = strawberry.field(default=300, description="From 1 to 600 seconds.")


@strawberry.type(description="Result of `crmEmbedLinkCreate`.")
class CrmEmbedLinkPayload:
    url: str | None = strawberry.field(
        description="The embed link, absolute (PUBLIC_BASE_URL or the address called)."
    )
    path: str | None = strawberry.field(description="The same link without scheme and host.")
    expires_at: datetime | None = strawberry.field(
        description="When the link stops working (ISO 8601 date-time, UTC); null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.input(description="The query parameters of an embed link, as received.")
class EmbedSessionCreateInput:
    """The query parameters of an embed link, as received."""

    org: str = strawberry.field(description="The organisation's opaque id.")
    user: str = strawberry.field(description="The user's opaque id.")
    exp: str = strawberry.field(description="Expiry, Unix seconds.")
    path: str = strawberry.field(description="The CRM tab page to open.")
    nonce: str = strawberry.field(description="Single-use random value.")
    sig: str = strawberry.field(
        description="HMAC signature of the other parameters with the embed secret."
    )


@strawberry.type(description="Result of `embedSessionCreate`.")
class EmbedSessionCreatePayload:
    user: User | None = strawberry.field(description="The signed-in user; null when refused.")
    path: str | None = strawberry.field(description="Where the link opens the tab.")
    errors: list[UserError] = errors_field()
