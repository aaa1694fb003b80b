from __future__ import annotations

from dataclasses import dataclass

from orm.models import UserRole


@dataclass(frozen=True, slots=True)
class Viewer:
    """The authenticated identity of a request. The tenant always comes from here."""

    user_id: int
    org_id: int
    role: UserRole
    api_token_id: int | None = None
    # A READ_ONLY API token: queries only, every mutation is refused (gql.permissions).
    read_only: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN
