"""Embedding the CRM tab: the admin's settings (origins, embed secret), minting embed links for
server-side callers, and opening a link (the ``/crm-tab/embed`` route signs in with it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from gql.context import SESSION_ORG_KEY, SESSION_USER_KEY, Info
from gql.embedding import types
from gql.errors import PublicError
from gql.identity.types import User
from gql.ids import decode_id, encode_id
from gql.payloads import payload
from gql.permissions import IsAdmin, viewer_of
from resolvers import embedding
from resolvers.viewer import Viewer

if TYPE_CHECKING:
    from sync.credentials import CredentialCipher


def _cipher(info: Info) -> CredentialCipher:
    if info.context.sync is None:
        raise PublicError("Embedding is not available here.", "SERVICE_UNAVAILABLE")
    return info.context.sync.cipher


def _changed(info: Info) -> None:
    if info.context.origins is not None:
        info.context.origins.invalidate()


def _base_url(info: Info) -> str:
    request = info.context.request
    accounts = info.context.accounts
    if accounts is not None and accounts.public_base_url:
        return accounts.public_base_url.rstrip("/")
    return str(request.base_url).rstrip("/") if request is not None else ""


@strawberry.type
class EmbeddingQueries:
    @strawberry.field(
        permission_classes=[IsAdmin],
        description="The organisation's CRM tab embedding settings (admins).",
    )
    async def crm_embedding(self, info: Info) -> types.CrmEmbedding:
        row = await embedding.get_embedding(viewer_of(info).org_id)
        return types.CrmEmbedding.from_model(row)


@strawberry.type
class EmbeddingMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Set the CRM origins allowed to frame the CRM tab and to call the API "
        "from the browser (https only; scheme, host and optional port).",
    )
    async def crm_embedding_origins_update(
        self,
        info: Info,
        input: Annotated[
            types.CrmEmbeddingOriginsInput,
            strawberry.argument(description="The complete list of allowed origins."),
        ],
    ) -> types.CrmEmbeddingPayload:
        result = await embedding.update_origins(
            viewer_of(info), input.origins,
            allow_loopback_http=info.context.allow_loopback_origins,
        )  # fmt: skip
        if result.value is not None:
            _changed(info)
        return payload(types.CrmEmbeddingPayload, result, types.CrmEmbedding.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Generate (or rotate) the embed secret the CRM extension signs embed links "
        "with. Shown once; the previous secret stops working at once.",
    )
    async def crm_embed_secret_generate(self, info: Info) -> types.CrmEmbedSecretPayload:
        result = await embedding.generate_secret(viewer_of(info), _cipher(info))
        generated = result.value
        return payload(
            types.CrmEmbedSecretPayload, result,
            lambda made: types.CrmEmbedding.from_model(made.embedding),
            secret=generated.secret if generated else None,
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="A signed embed link opening the CRM tab at `path` as the user, for "
        "server-side callers (an admin's session or API token). It works once.",
    )
    async def crm_embed_link_create(
        self,
        info: Info,
        input: Annotated[
            types.CrmEmbedLinkCreateInput,
            strawberry.argument(description="The user, the page and how long the link lives."),
        ],
    ) -> types.CrmEmbedLinkPayload:
        viewer = viewer_of(info)
        result = await embedding.mint_link(
            viewer, _cipher(info), org_ref=encode_id("Organization", viewer.org_id),
            user_id=decode_id("User", input.user_id), path=input.path,
            expires_in=input.expires_in_seconds,
        )  # fmt: skip
        link = result.value
        if link is None:
            return payload(types.CrmEmbedLinkPayload, result, url=None, path=None, expires_at=None)
        path = f"{embedding.EMBED_PATH}?{link.query()}"
        return types.CrmEmbedLinkPayload(
            url=_base_url(info) + path, path=path, expires_at=link.expires_at, errors=[]
        )

    @strawberry.mutation(
        description="Open an embed link: checks its signature, expiry and nonce and signs in "
        "the browser session as its user (the `/crm-tab/embed` route calls this). A link "
        "works once; errors: EMBED_LINK_INVALID, EMBED_LINK_EXPIRED, EMBED_LINK_USED, "
        "EMBED_NOT_SET_UP, NOT_FOUND, USER_INACTIVE."
    )
    async def embed_session_create(
        self,
        info: Info,
        input: Annotated[
            types.EmbedSessionCreateInput,
            strawberry.argument(description="The link's query parameters."),
        ],
    ) -> types.EmbedSessionCreatePayload:
        session = info.context.session
        if session is not None:
            session.clear()  # a refused link leaves nobody signed in
        result = await embedding.open_link(
            _cipher(info), org_id=decode_id("Organization", input.org), org_ref=input.org,
            user=input.user, expires=input.exp, path=input.path, nonce=input.nonce,
            sig=input.sig,
        )  # fmt: skip
        entry = result.value
        if entry is None:
            return payload(types.EmbedSessionCreatePayload, result, user=None, path=None)
        user = entry.user
        if session is not None:
            session[SESSION_USER_KEY] = user.id
            session[SESSION_ORG_KEY] = user.org_id
        info.context.signed_in(Viewer(user_id=user.id, org_id=user.org_id, role=user.role))
        return types.EmbedSessionCreatePayload(
            user=User.from_model(user), path=entry.path, errors=[]
        )
