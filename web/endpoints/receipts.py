"""The receipt file endpoints beside ``/graphql`` (files do not travel well inside GraphQL).

``POST /receipts`` (multipart, field ``file``) answers ``{"receipt": {...}, "errors": [...]}``
in the same shape as a mutation payload; ``GET /receipts/{id}`` sends the file to whoever may see
it. Both authenticate exactly like ``/graphql``. ``GET /receipts/{id}/file`` answers a short-lived
signed URL (``Receipt.url``) without any credentials. The upload is read through the one bounded
reader (``web.request_body``), up to the receipt limit plus the multipart overhead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gql.context import build_context
from gql.errors import field_path
from gql.ids import decode_id, encode_id
from resolvers.errors import ErrorCode, FieldError
from resolvers.receipts import service, urls
from resolvers.receipts.storage import LocalDirectoryStorage
from web.request_body import read_request

MULTIPART_OVERHEAD = 64 * 1024


def local_receipts(directory: Path, max_bytes: int, url_key: str = "") -> service.ReceiptSettings:
    """Receipts kept in a local directory (the default storage backend); ``url_key`` signs
    the short-lived receipt URLs."""
    return service.ReceiptSettings(
        storage=LocalDirectoryStorage(directory), max_bytes=max_bytes, url_key=url_key
    )


def _errors(errors: list[FieldError]) -> list[dict[str, Any]]:
    """``UserError``'s shape: ``field`` a path (``["file"]``)."""
    return [
        {"field": field_path(e.field), "message": e.message, "code": e.code.value} for e in errors
    ]


def _refused(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status)


async def upload(request: Request) -> Response:
    context = await build_context(request)
    if context.viewer is None:
        return _refused(401, "UNAUTHENTICATED", "Sign in or send an API token.")
    assert context.receipts is not None
    limit = context.receipts.max_bytes
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return _refused(
            415, "UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data with a `file` field."
        )
    if await read_request(request, limit + MULTIPART_OVERHEAD) is None:
        too_large = FieldError(
            "file", f"Receipts may be at most {limit // 1024} KiB.", ErrorCode.FILE_TOO_LARGE
        )
        return JSONResponse({"receipt": None, "errors": _errors([too_large])}, status_code=413)
    async with request.form(max_files=1, max_fields=5) as form:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            error = FieldError(
                "file", "Attach the receipt as the `file` field.", ErrorCode.REQUIRED
            )
            return JSONResponse({"receipt": None, "errors": _errors([error])}, status_code=400)
        data = await file.read(limit + 1)
        result = await service.upload_receipt(
            context.viewer, context.receipts, file_name=file.filename or "receipt",
            declared_type=file.content_type, data=data,
        )  # fmt: skip
    if result.value is None:
        status = 413 if result.errors[0].code is ErrorCode.FILE_TOO_LARGE else 400
        return JSONResponse({"receipt": None, "errors": _errors(result.errors)}, status_code=status)
    receipt = result.value
    body = {
        "receipt": {
            "id": encode_id("Receipt", receipt.id), "fileName": receipt.file_name,
            "contentType": receipt.content_type, "size": receipt.size,
            "isDuplicate": receipt.is_duplicate,
        },
        "errors": [],
    }  # fmt: skip
    return JSONResponse(body, status_code=201)


async def download(request: Request) -> Response:
    context = await build_context(request)
    if context.viewer is None:
        return _refused(401, "UNAUTHENTICATED", "Sign in or send an API token.")
    assert context.receipts is not None
    found = await service.download_receipt(
        context.viewer, context.receipts.storage, decode_id("Receipt", request.path_params["id"])
    )
    if found is None:
        return _refused(404, "NOT_FOUND", "No such receipt.")
    receipt, data = found
    return Response(
        data,
        media_type=receipt.content_type,
        headers={
            "Content-Disposition": _disposition("attachment", receipt.file_name),
            "Cache-Control": "private, no-store",
        },
    )


def _disposition(kind: str, file_name: str) -> str:
    ascii_name = file_name.encode("ascii", "replace").decode().replace('"', "").replace("?", "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"


async def signed_file(request: Request) -> Response:
    """``GET /receipts/{id}/file?exp=…&sig=…``: the file for whoever holds a valid signed URL
    (the ``Receipt.url`` field), no cookie or header needed. Images are shown inline; any other
    type is a download under a sandboxing policy."""
    settings = request.app.state.receipts
    receipt_id = decode_id("Receipt", request.path_params["id"])
    params = request.query_params
    if receipt_id is None or not urls.check(
        settings.url_key, receipt_id, params.get("exp", ""), params.get("sig", "")
    ):
        return _refused(403, "FORBIDDEN", "This receipt link is not valid or has expired.")
    found = await service.receipt_by_signed_url(settings.storage, receipt_id)
    if found is None:
        return _refused(404, "NOT_FOUND", "No such receipt.")
    receipt, data = found
    image = receipt.content_type.startswith("image/")
    headers = {
        "Content-Disposition": _disposition("inline" if image else "attachment", receipt.file_name),
        "Cache-Control": "private, max-age=60",
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Content-Security-Policy": "default-src 'none'; sandbox"
        if not image
        else "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    }
    return Response(data, media_type=receipt.content_type, headers=headers)


routes = [
    Route("/receipts", upload, methods=["POST"]),
    Route("/receipts/{id}", download, methods=["GET"]),
    Route("/receipts/{id}/file", signed_file, methods=["GET"]),
]
