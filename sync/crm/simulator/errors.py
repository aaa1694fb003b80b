"""Zoho's error envelope ``{"code", "details", "message", "status": "error"}`` as an exception."""

from __future__ import annotations

from typing import Any


class ZohoError(Exception):
    """Raised anywhere in the simulator; the app turns it into Zoho's JSON answer."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "details": self.details,
            "message": self.message,
            "status": "error",
        }


def record_error(code: str, message: str, details: dict[str, Any]) -> dict[str, Any]:
    """A per-record error inside ``data[]`` of a write answer."""
    return {"code": code, "details": details, "message": message, "status": "error"}


def invalid_data(message: str = "invalid data", **details: Any) -> ZohoError:
    return ZohoError(400, "INVALID_DATA", message, details)


def required_param(name: str, *, param: bool = False) -> ZohoError:
    """``param=True`` adds ``param`` beside ``param_name`` (common.json ``ParamDetails``)."""
    details = {"param_name": name, "param": name} if param else {"param_name": name}
    return ZohoError(
        400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", details
    )


def invalid_module() -> ZohoError:
    return ZohoError(400, "INVALID_MODULE", "The module name given seems to be invalid", {})


def invalid_url() -> ZohoError:
    return ZohoError(
        404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one", {}
    )


def invalid_id(record_id: str) -> ZohoError:
    return ZohoError(400, "INVALID_DATA", "the id given seems to be invalid", {"id": record_id})
