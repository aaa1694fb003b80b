"""Whether an exception means the database cannot be reached: such failures are answered 503
SERVICE_UNAVAILABLE. The rule itself lives beside the ORM (``orm.availability``), where the
sync uses it too."""

from __future__ import annotations

from orm.availability import MAY_BE_UNAVAILABLE, UNAVAILABLE_MESSAGE, database_unavailable

__all__ = ["MAY_BE_UNAVAILABLE", "UNAVAILABLE_MESSAGE", "database_unavailable"]
