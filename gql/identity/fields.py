from __future__ import annotations

import strawberry

from gql.context import SESSION_ORG_KEY, SESSION_USER_KEY, Info
from gql.errors import UserError
from gql.identity import inputs
from gql.identity.payloads import (
    ApiTokenCreatePayload,
    ApiTokenRevokePayload,
    SessionCreatePayload,
    SessionDeletePayload,
    UserPayload,
)
from gql.identity.types import ApiToken, User
from gql.ids import decode_id
from gql.pagination import After, Connection, First, paginate
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers.errors import MutationResult
from resolvers.identity import sessions, tokens, users
from resolvers.viewer import Viewer


def _user_payload(result: MutationResult[models.User]) -> UserPayload:
    return UserPayload(
        user=User.from_model(result.value) if result.value else None,
        errors=UserError.from_errors(result.errors),
    )


@strawberry.type
class IdentityQueries:
    @strawberry.field(description="The signed-in user, or null when nobody is signed in.")
    async def viewer(self, info: Info) -> User | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        row = await info.context.loaders.user_by_id.load(viewer.user_id)
        return User.from_model(row) if row else None

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def users(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: inputs.UserFilter | None = None,
    ) -> Connection[User]:
        criteria = None
        if filter is not None:
            criteria = users.UserFilter(
                role=filter.role, status=filter.status, search=filter.search
            )
        return await paginate(
            users.list_users(viewer_of(info), criteria), User.from_model, first=first, after=after
        )

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def user(self, info: Info, id: strawberry.ID) -> User | None:
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
        include_revoked: bool = False,
    ) -> Connection[ApiToken]:
        query = tokens.list_tokens(viewer_of(info), include_revoked=include_revoked)
        return await paginate(query, ApiToken.from_model, first=first, after=after)


@strawberry.type
class IdentityMutations:
    @strawberry.mutation(description="Sign in with a password; sets the browser session.")
    async def session_create(
        self, info: Info, input: inputs.SessionCreateInput
    ) -> SessionCreatePayload:
        org_id = None
        if input.organization_id is not None:
            org_id = decode_id("Organization", input.organization_id) or -1
        request = info.context.request
        client = request.client.host if request is not None and request.client else ""
        result = await sessions.login(input.email, input.password, org_id, client=client)
        session = info.context.session
        if result.value is not None and session is not None:
            session.clear()  # a fresh session (and CSRF token) on every sign-in
            session[SESSION_USER_KEY] = result.value.id
            session[SESSION_ORG_KEY] = result.value.org_id
        if result.value is not None:
            user = result.value
            info.context.signed_in(Viewer(user_id=user.id, org_id=user.org_id, role=user.role))
        return SessionCreatePayload(
            user=User.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(description="Sign out of the browser session.")
    async def session_delete(self, info: Info) -> SessionDeletePayload:
        session = info.context.session
        if session is not None:
            session.clear()
        return SessionDeletePayload(errors=[])

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def user_invite(self, info: Info, input: inputs.UserInviteInput) -> UserPayload:
        return _user_payload(
            await users.invite_user(
                viewer_of(info),
                email=input.email,
                name=input.name,
                role=input.role,
                password=input.password,
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def user_update(self, info: Info, input: inputs.UserUpdateInput) -> UserPayload:
        return _user_payload(
            await users.update_user(
                viewer_of(info), decode_id("User", input.id), name=input.name, role=input.role
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Deactivated users cannot sign in and their API tokens stop working.",
    )
    async def user_deactivate(self, info: Info, input: inputs.UserStatusInput) -> UserPayload:
        return _user_payload(
            await users.update_user(
                viewer_of(info), decode_id("User", input.id), status=models.UserStatus.INACTIVE
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def user_reactivate(self, info: Info, input: inputs.UserStatusInput) -> UserPayload:
        return _user_payload(
            await users.update_user(
                viewer_of(info), decode_id("User", input.id), status=models.UserStatus.ACTIVE
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def api_token_create(
        self, info: Info, input: inputs.ApiTokenCreateInput
    ) -> ApiTokenCreatePayload:
        result = await tokens.create_token(
            viewer_of(info), name=input.name, expires_at=input.expires_at, scope=input.scope
        )
        created = result.value
        return ApiTokenCreatePayload(
            token=ApiToken.from_model(created.token) if created else None,
            secret=created.secret if created else None,
            errors=UserError.from_errors(result.errors),
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def api_token_revoke(
        self, info: Info, input: inputs.ApiTokenRevokeInput
    ) -> ApiTokenRevokePayload:
        result = await tokens.revoke_token(viewer_of(info), decode_id("ApiToken", input.id))
        return ApiTokenRevokePayload(
            token=ApiToken.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )
