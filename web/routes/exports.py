"""CSV exports beside ``/graphql``, authenticated like it (Bearer token, or the session cookie):

``GET /exports/spend.csv`` — an aggregate: ``groupBy``, ``filter``, ``orderBy`` as in
``spendAnalytics``, or ``report`` naming a ready report (docs/ANALYTICS.md);
``GET /exports/expenses.csv`` — the expenses behind it, with the same ``filter``.

The file streams as it is read from the database, a chunk at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from gql.analytics.export import CsvExport, ExportError, expenses_export, spend_export
from gql.context import Context, build_context


def _refused(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status)


async def _export(
    request: Request, make: Callable[[Context, Mapping[str, str]], CsvExport]
) -> Response:
    context = await build_context(request)
    if context.viewer is None:
        return _refused(401, "UNAUTHENTICATED", "Sign in or send an API token.")
    try:
        export = make(context, request.query_params)
    except ExportError as exc:
        return _refused(400, exc.code, str(exc))
    return StreamingResponse(
        export.chunks,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{export.file_name}"',
            "Cache-Control": "private, no-store",
        },
    )


async def spend(request: Request) -> Response:
    return await _export(request, spend_export)


async def expenses(request: Request) -> Response:
    return await _export(request, expenses_export)


routes = [
    Route("/exports/spend.csv", spend, methods=["GET"]),
    Route("/exports/expenses.csv", expenses, methods=["GET"]),
]
