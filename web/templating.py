"""The single Jinja2Blocks instance: full pages and htmx fragments from the same template."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from jinja2_fragments.starlette import Jinja2Blocks
from starlette.requests import Request

from web.csrf import csrf_token

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def _datetime(value: str | datetime | None) -> str:
    if value is None:
        return "—"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _csrf(request: Request) -> dict[str, str]:
    if "session" not in request.scope:  # error pages rendered outside the session middleware
        return {"csrf_token": ""}
    return {"csrf_token": csrf_token(request.session)}


templates = Jinja2Blocks(directory=str(TEMPLATES_DIR), context_processors=[_csrf])
templates.env.filters["datetime"] = _datetime
templates.env.filters["count_of"] = lambda number, noun: (
    f"{number} {noun}{'' if number == 1 else 's'}"
)
templates.env.filters["title_enum"] = lambda value: str(value).replace("_", " ").capitalize()
