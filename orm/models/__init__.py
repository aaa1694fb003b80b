"""All models; callers write ``from orm import models`` and ``models.User``."""

from __future__ import annotations

from orm.models.identity import ApiToken, User, UserRole, UserStatus
from orm.models.organizations import Organization

__all__ = ["ApiToken", "Organization", "User", "UserRole", "UserStatus"]
