"""Types, inputs and payloads of the CRM tab's embedding settings and embed links."""

from __future__ import annotations

from datetime import datetime

import strawberry

from gql.errors import UserError
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
    secret_set_at: datetime | None
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


@strawberry.input
class CrmEmbeddingOriginsInput:
    origins: list[str] = strawberry.field(
        description="The whole list (blank entries are ignored); at most 10."
    )


@strawberry.type
class CrmEmbeddingPayload:
    embedding: CrmEmbedding | None
    errors: list[UserError]


@strawberry.type
class CrmEmbedSecretPayload:
    embedding: CrmEmbedding | None
    secret: str | None = strawberry.field(
        description="The new embed secret. Shown only in this response; the previous one "
        "stops working at once."
    )
    errors: list[UserError]


@strawberry.input
class CrmEmbedLinkCreateInput:
    user_id: strawberry.ID
    path: str = strawberry.field(description="A path under /crm-tab/, query string allowed.")
    expires_in_seconds: int = strawberry.field(default=300, description="From 1 to 600 seconds.")


@strawberry.type
class CrmEmbedLinkPayload:
    url: str | None = strawberry.field(
        description="The embed link, absolute (PUBLIC_BASE_URL or the address called)."
    )
    path: str | None = strawberry.field(description="The same link without scheme and host.")
    expires_at: datetime | None
    errors: list[UserError]


@strawberry.input
class EmbedSessionCreateInput:
    """The query parameters of an embed link, as received."""

    org: str
    user: str
    exp: str
    path: str
    nonce: str
    sig: str


@strawberry.type
class EmbedSessionCreatePayload:
    user: User | None
    path: str | None = strawberry.field(description="Where the link opens the tab.")
    errors: list[UserError]
