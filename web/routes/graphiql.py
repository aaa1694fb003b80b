"""GraphiQL in development: its page, and the npm packages it runs on, served from
``node_modules`` (pinned in package.json; nothing is loaded from another host). The page's own
script is ``web/static/graphiql-boot.js``: it sends the session's CSRF token as the
``X-CSRF-Token`` header that ``web.csrf`` reads."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from web.templating import templates

# mount name → folder inside node_modules (only the built files the page loads)
PACKAGES = {
    "graphiql": "graphiql",
    "react": "react/umd",
    "react-dom": "react-dom/umd",
}


# The app's policy (web.app), plus the data: fonts GraphiQL's stylesheet embeds.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)


async def graphiql_page(request: Request) -> Response:
    response = templates.TemplateResponse(request, "graphiql.html", {})
    response.headers["content-security-policy"] = CONTENT_SECURITY_POLICY
    return response


def mounts(node_modules: Path) -> list[BaseRoute]:
    return [
        Mount(
            f"/static/npm/{name}",
            StaticFiles(directory=node_modules / folder, check_dir=False),
            name=f"npm-{name}",
        )
        for name, folder in PACKAGES.items()
    ]
