"""Error answers: pages in the layout for browsers, plain text for API clients."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from gql.availability import UNAVAILABLE_MESSAGE, database_unavailable
from gql.context import InvalidToken, request_id_of
from web.graphql import GraphQLCallError
from web.pages import load_shell, render_error, sign_in_redirect

logger = logging.getLogger("spendsync.web")
# Top-level refusals of what the visitor sent (the text rule's INVALID, a forged cursor, a bad
# filter): the visitor's to correct, never a server error.
VISITOR_INPUT_CODES = frozenset({"INVALID", "BAD_CURSOR", "BAD_FILTER"})


def wants_html(request: Request) -> bool:
    return (
        "text/html" in request.headers.get("accept", "")
        or request.headers.get("hx-request") == "true"
    )


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code in (403, 404, 405) and wants_html(request):
        response = await render_error(request, exc.status_code)
        response.headers.update(exc.headers or {})
        return response
    return PlainTextResponse(exc.detail, status_code=exc.status_code, headers=exc.headers)


async def invalid_token(request: Request, exc: Exception) -> Response:
    """A Bearer token that does not authenticate, on any route (``/graphql``, receipts,
    exports, pages): 401 with the GraphQL error shape and code ``UNAUTHENTICATED``."""
    assert isinstance(exc, InvalidToken)
    body = {"errors": [{"message": str(exc), "extensions": {"code": "UNAUTHENTICATED"}}]}
    headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
    return JSONResponse(body, status_code=401, headers=headers)


async def graphql_call_error(request: Request, exc: Exception) -> Response:
    """A page's operation was refused (sign in, forbidden) or failed (a bug, logged)."""
    assert isinstance(exc, GraphQLCallError)
    if exc.codes & {"UNAUTHENTICATED", "FORBIDDEN"}:
        shell = await load_shell(request)
        if shell["viewer"] is None:  # admin-only fields refuse visitors as FORBIDDEN
            return sign_in_redirect(request)
        return await render_error(request, 403, shell=shell)
    if exc.codes & VISITOR_INPUT_CODES:  # what was sent is refused: say so, a 400
        detail = next((m for m in exc.messages if m), "Something you sent cannot be accepted.")
        return await render_error(request, 400, detail=detail)
    if "NOT_FOUND" in exc.codes:
        return await render_error(request, 404)
    if "SERVICE_UNAVAILABLE" in exc.codes:
        return await render_error(request, 503)
    request_id = request_id_of(request)
    logger.error("page operation failed (request %s): %s", request_id, exc)
    return await render_error(request, 500, request_id=request_id)


async def server_error(request: Request, exc: Exception) -> Response:
    """Anything unexpected. Runs outside the session middleware: no viewer, no database."""
    request_id = request_id_of(request)
    logger.error("unhandled error (request %s)", request_id, exc_info=exc)
    if wants_html(request):
        return await render_error(request, 500, request_id=request_id)
    return PlainTextResponse(f"Internal Server Error (request {request_id})", status_code=500)


async def database_unavailable_error(request: Request, exc: Exception) -> Response:
    """The database cannot be reached (stopped, restarting): 503 with Retry-After, in the
    form the caller reads (GraphQL's error shape on /graphql), not a 500. Registered for the
    exception classes that may carry a lost connection; any other of them is a bug."""
    if not database_unavailable(exc):
        raise exc
    request_id = request_id_of(request)
    logger.warning("database unavailable (request %s): %r", request_id, exc)
    headers = {"Retry-After": "5"}
    if request.url.path.startswith("/graphql"):
        error = {
            "message": UNAVAILABLE_MESSAGE,
            "extensions": {"code": "SERVICE_UNAVAILABLE", "requestId": request_id},
        }
        return JSONResponse({"data": None, "errors": [error]}, status_code=503, headers=headers)
    if wants_html(request):
        shell = {"viewer": None, "unread_count": 0}  # nothing from the database
        response = await render_error(request, 503, shell=shell, request_id=request_id)
        response.headers.update(headers)
        return response
    return PlainTextResponse(f"{UNAVAILABLE_MESSAGE} (request {request_id})", 503, headers)
