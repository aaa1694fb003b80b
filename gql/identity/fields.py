from __future__ import annotations

from typing import Annotated

import strawberry

from gql.context import SESSION_ORG_KEY, SESSION_USER_KEY, Info
from gql.errors import PublicError
from gql.identity import inputs
from gql.identity.payloads import (
    ApiTokenCreatePayload,
    ApiTokenRevokePayload,
    PasswordChangePayload,
    PasswordResetRequestPayload,
    PasswordSetPayload,
    SessionCreatePayload,
    SessionDeletePayload,
    UserPasswordLinkSendPayload,
    UserPayload,
)
from gql.identity.types import ApiToken, PasswordLink, User
from gql.ids import decode_id
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers.errors import MutationResult
from resolvers.identity import links, sessions, tokens, users
from resolvers.viewer import Viewer


def _user_payload(result: MutationResult[models.User]) -> UserPayload:
    return payload(UserPayload, result, User.from_model)


def _accounts(info: Info) -> links.AccountLinks:
    accounts = info.context.accounts
    if accounts is None:
        raise PublicError("Password links are not available here.", "SERVICE_UNAVAILABLE")
    return accounts


def _base_url(info: Info) -> str:
    """Where links point when PUBLIC_BASE_URL is not set: the address the caller used."""
    request = info.context.request
    return str(request.base_url).rstrip("/") if request is not None else ""


def _client(info: Info) -> str:
    request = info.context.request
    return request.client.host if request is not None and request.client else ""


def _sign_in(info: Info, user: models.User) -> None:
    session = info.context.session
    if session is not None:
        session.clear()  # a fresh session (and CSRF token) on every sign-in
        session[SESSION_USER_KEY] = user.id
        session[SESSION_ORG_KEY] = user.org_id
    # the rest of the request (the payload first) is answered as the user
    info.context.signed_in(Viewer(user_id=user.id, org_id=user.org_id, role=user.role))


@strawberry.type
class IdentityQueries:
    @strawberry.field(description="The signed-in user, or null when nobody is signed in.")
    async def viewer(self, info: Info) -> User | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        row = await info.context.loaders.user_by_id.load(viewer.user_id)
        return User.from_model(row) if row else None

    @strawberry.field(
        description="The invitation or reset link with this token, or null when it is "
        "malformed, expired or already used."
    )
    async def password_link(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The token from the link's URL.")],
    ) -> PasswordLink | None:
        holder = await links.check_link(_accounts(info), token)
        if holder is None:
            return None
        return PasswordLink(
            kind=holder.kind, email=holder.user.email, name=holder.user.name,
            expires_at=holder.expires_at,
        )  # fmt: skip

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "The organisation's users by name; every signed-in user may list "
            "them (approvers are picked from here)."
        ),
    )
    async def users(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[
            inputs.UserFilter | None,
            strawberry.argument(description="Narrow by role, status or a name/e-mail fragment."),
        ] = None,
    ) -> Connection[User]:
        criteria = None
        if filter is not None:
            criteria = users.UserFilter(
                role=filter.role, status=filter.status, search=filter.search
            )
        return await paginate(
            users.list_users(viewer_of(info), criteria), User.from_model, first=first, after=after
        )

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "One user of your organisation by id; null when unknown or of another organisation."
        ),
    )
    async def user(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The user's opaque id.")],
    ) -> User | None:
        pk = decode_id("User", id)
        row = await info.context.loaders.user_by_id.load(pk) if pk is not None else None
        return User.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Your own API tokens; an admin sees every token of the organisation.",
    )
    async def api_tokens(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        include_revoked: Annotated[
            bool, strawberry.argument(description="Also list revoked tokens (false by default).")
        ] = False,
        own: Annotated[
            bool, strawberry.argument(description="Only your own tokens (for an admin too).")
        ] = False,
    ) -> Connection[ApiToken]:
        query = tokens.list_tokens(viewer_of(info), include_revoked=include_revoked, own=own)
        return await paginate(query, ApiToken.from_model, first=first, after=after)


@strawberry.type
class IdentityMutations:
    @strawberry.mutation(description="Sign in with a password; sets the browser session.")
    async def session_create(
        self,
        info: Info,
        input: Annotated[
            inputs.SessionCreateInput, strawberry.argument(description="E-mail and password.")
        ],
    ) -> SessionCreatePayload:
        org_id = None
        if input.organization_id is not None:
            org_id = decode_id("Organization", input.organization_id) or -1
        client = _client(info)
        result = await sessions.login(input.email, input.password, org_id, client=client)
        if result.value is not None:
            _sign_in(info, result.value)
        return payload(SessionCreatePayload, result, User.from_model)

    @strawberry.mutation(
        description=(
            "Sign out: clears the browser session (API tokens keep working). Never refused."
        )
    )
    async def session_delete(self, info: Info) -> SessionDeletePayload:
        session = info.context.session
        if session is not None:
            session.clear()
        return SessionDeletePayload(errors=[])

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Without an initial password, the user is e-mailed an invitation link to "
        "choose one (a failed delivery is reported as DELIVERY_FAILED; the user stays invited).",
    )
    async def user_invite(
        self,
        info: Info,
        input: Annotated[
            inputs.UserInviteInput,
            strawberry.argument(description="The new user's e-mail, name and role."),
        ],
    ) -> UserPayload:
        accounts = _accounts(info) if input.password is None else None
        viewer = viewer_of(info)
        result = await users.invite_user(
            viewer, email=input.email, name=input.name, role=input.role, password=input.password
        )
        if result.value is not None and accounts is not None:
            sent = await links.send_link(
                accounts, viewer, result.value.id, base_url=_base_url(info)
            )
            result.errors += sent.errors
        return _user_payload(result)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="E-mail a user a link to choose a password: an invitation when they have "
        "none (e.g. imported from the CRM), else a password-reset link.",
    )
    async def user_password_link_send(
        self,
        info: Info,
        input: Annotated[
            inputs.UserPasswordLinkSendInput, strawberry.argument(description="The user to e-mail.")
        ],
    ) -> UserPasswordLinkSendPayload:
        result = await links.send_link(
            _accounts(info), viewer_of(info), decode_id("User", input.id), base_url=_base_url(info)
        )
        sent = result.value
        return payload(
            UserPasswordLinkSendPayload, result, lambda pair: User.from_model(pair[0]),
            kind=sent[1] if sent else None,
        )  # fmt: skip

    @strawberry.mutation(
        description="Forgot password: e-mails a reset link (an invitation to users without a "
        "password) to the active users with this address. The answer is the same whether or "
        "not the address is known; throttled like sign-in (TOO_MANY_ATTEMPTS)."
    )
    async def password_reset_request(
        self,
        info: Info,
        input: Annotated[
            inputs.PasswordResetRequestInput,
            strawberry.argument(description="The address to send the link to."),
        ],
    ) -> PasswordResetRequestPayload:
        result = await links.request_reset(
            _accounts(info), input.email, client=_client(info), base_url=_base_url(info)
        )
        return payload(PasswordResetRequestPayload, result)

    @strawberry.mutation(
        description="Choose a password with the token of an invitation or reset link; signs "
        "in (sets the browser session). A link works once (INVALID_LINK afterwards)."
    )
    async def password_set(
        self,
        info: Info,
        input: Annotated[
            inputs.PasswordSetInput,
            strawberry.argument(description="The link's token and the new password."),
        ],
    ) -> PasswordSetPayload:
        result = await links.set_password(_accounts(info), input.token, input.password)
        if result.value is not None:
            _sign_in(info, result.value)
        return payload(PasswordSetPayload, result, User.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Change your own password; refused current passwords count as failed sign-ins.",
    )
    async def password_change(
        self,
        info: Info,
        input: Annotated[
            inputs.PasswordChangeInput, strawberry.argument(description="Current and new password.")
        ],
    ) -> PasswordChangePayload:
        result = await links.change_password(
            viewer_of(info), input.current_password, input.new_password, client=_client(info)
        )
        return payload(PasswordChangePayload, result, User.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Any signed-in user: change your own display name. Codes: REQUIRED, TOO_LONG."
        ),
    )
    async def viewer_update(
        self,
        info: Info,
        input: Annotated[
            inputs.ViewerUpdateInput, strawberry.argument(description="Your new name.")
        ],
    ) -> UserPayload:
        return _user_payload(await links.rename_self(viewer_of(info), input.name))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Rename a user or change their role. Codes: NOT_FOUND, "
            "REQUIRED, TOO_LONG, LAST_ADMIN."
        ),
    )
    async def user_update(
        self,
        info: Info,
        input: Annotated[
            inputs.UserUpdateInput,
            strawberry.argument(description="The user and the fields to change."),
        ],
    ) -> UserPayload:
        return _user_payload(
            await users.update_user(
                viewer_of(info), decode_id("User", input.id), name=input.name, role=input.role
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Deactivated users cannot sign in and their API tokens stop working.",
    )
    async def user_deactivate(
        self,
        info: Info,
        input: Annotated[
            inputs.UserStatusInput, strawberry.argument(description="The user to deactivate.")
        ],
    ) -> UserPayload:
        return _user_payload(
            await users.update_user(
                viewer_of(info), decode_id("User", input.id), status=models.UserStatus.INACTIVE
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Let a deactivated user sign in again. Codes: NOT_FOUND, "
            "USER_LIMIT_REACHED."
        ),
    )
    async def user_reactivate(
        self,
        info: Info,
        input: Annotated[
            inputs.UserStatusInput, strawberry.argument(description="The user to reactivate.")
        ],
    ) -> UserPayload:
        return _user_payload(
            await users.update_user(
                viewer_of(info), decode_id("User", input.id), status=models.UserStatus.ACTIVE
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Create a bearer token for API clients, acting as you; the secret is in"
            " the payload only. Codes: REQUIRED, TOO_LONG, INVALID."
        ),
    )
    async def api_token_create(
        self,
        info: Info,
        input: Annotated[
            inputs.ApiTokenCreateInput,
            strawberry.argument(description="Name, expiry and scope of the token."),
        ],
    ) -> ApiTokenCreatePayload:
        result = await tokens.create_token(
            viewer_of(info), name=input.name, expires_at=input.expires_at, scope=input.scope
        )
        created = result.value
        return payload(
            ApiTokenCreatePayload, result, lambda made: ApiToken.from_model(made.token),
            secret=created.secret if created else None,
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Revoke a token at once (your own; an admin may revoke any). Codes: "
            "NOT_FOUND, ALREADY_REVOKED."
        ),
    )
    async def api_token_revoke(
        self,
        info: Info,
        input: Annotated[
            inputs.ApiTokenRevokeInput, strawberry.argument(description="The token to revoke.")
        ],
    ) -> ApiTokenRevokePayload:
        result = await tokens.revoke_token(viewer_of(info), decode_id("ApiToken", input.id))
        return payload(ApiTokenRevokePayload, result, ApiToken.from_model)
