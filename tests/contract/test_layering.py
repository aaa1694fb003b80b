"""Pages and routes under web/ import neither ``orm`` nor ``resolvers``; data comes via GraphQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
# The composition root (app assembly, CLI and the database lifecycle they share) and settings
# may register the database; nothing else under web/ may reach the ORM or the resolvers.
COMPOSITION_ROOT = {"app.py", "cli.py", "database.py", "settings.py"}
FORBIDDEN = ("orm", "resolvers")
# the app also sets up the services its requests share: the mail delivery of password links
ALLOWED_FROM_ROOT = {
    "orm.config", "resolvers.identity.links", "resolvers.mail",
    "resolvers.embedding",  # the CRM origins' cache, shared by CORS, CSP and the API
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


MODULES = sorted(p for p in WEB.rglob("*.py") if p.name not in COMPOSITION_ROOT or p.parent != WEB)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(WEB)))
def test_pages_and_routes_do_not_import_orm_or_resolvers(path: Path) -> None:
    offending = {m for m in _imports(path) if _is_forbidden(m)}
    assert not offending, f"{path.name} imports {sorted(offending)}: go through GraphQL"


def test_the_app_assembly_only_registers_the_database() -> None:
    offending = {m for m in _imports(WEB / "app.py") if _is_forbidden(m)} - ALLOWED_FROM_ROOT
    assert not offending


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "page.py"
    sample.write_text("from orm import models\nimport resolvers.identity.users\n")
    assert {m for m in _imports(sample) if _is_forbidden(m)} == {"orm", "resolvers.identity.users"}
