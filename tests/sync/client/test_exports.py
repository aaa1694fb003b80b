from __future__ import annotations

import ast
from pathlib import Path

import sync.crm

CRM = Path(sync.crm.__file__).parent


def test_all_matches_the_exported_names() -> None:
    for name in sync.crm.__all__:
        assert hasattr(sync.crm, name), name
    assert sorted(sync.crm.__all__) == sorted(set(sync.crm.__all__))


def test_every_client_module_starts_with_future_annotations() -> None:
    for path in sorted(CRM.glob("*.py")):
        tree = ast.parse(path.read_text())
        first = next(n for n in tree.body if not isinstance(n, ast.Expr))
        assert isinstance(first, ast.ImportFrom) and first.module == "__future__", path.name
