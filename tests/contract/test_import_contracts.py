"""The house plan is declared in pyproject.toml (``[tool.importlinter]``) and checked by
``lint-imports`` in ``make test``. These tests check the checker: it catches an upward import
and a page reaching below GraphQL, and every module of web/ falls under one of its rules."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("web", "gql", "resolvers", "sync", "orm")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's packages and contracts in a scratch folder, to break on purpose."""
    copy = tmp_path_factory.mktemp("house-plan")
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, copy / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.html", "*.css", "*.js", "*.graphql"),
        )  # fmt: skip
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def _lint(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=folder, capture_output=True, text=True,
        timeout=120, env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_the_project_keeps_its_contracts(project_copy: Path) -> None:
    result = _lint(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("sync/probe_upward.py", "import resolvers.viewer\n", "Each floor imports only"),
        ("orm/probe_upward.py", "from sync import service\n", "Each floor imports only"),
        ("web/routes/probe_page.py", "from orm import models\n", "get their data through"),
        ("gql/probe_crm.py", "from sync.crm import client\n", "gql reaches the CRM only"),
        (
            "resolvers/expenses/probe_kind.py",
            "from resolvers.cards import matching\n",
            "The expenses core imports no kind package",
        ),
        (
            "resolvers/expenses/probe_trip.py",
            "import resolvers.mileage.expenses\n",
            "The expenses core imports no kind package",
        ),
        ("sync/crm/simulator/probe.py", "from orm import models\n", "simulator stands alone"),
        ("web/endpoints/probe.py", "from sync import realtime\n", "call resolvers, like gql"),
        ("web/endpoints/probe_orm.py", "from orm import models\n", "call resolvers, like gql"),
        ("resolvers/probe_engine.py", "from sync.engine import users\n", "CRM through SyncService"),
        ("resolvers/probe_client.py", "from sync.crm import factory\n", "CRM through SyncService"),
        ("resolvers/probe_queue.py", "from sync import jobs\n", "Only the sync's builder"),
        ("sync/engine/probe_circle.py", "from sync import service\n", "nothing below it imports"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(
    project_copy: Path, module: str, line: str, contract: str
) -> None:
    probe = project_copy / module
    probe.write_text(line)
    try:
        result = _lint(project_copy)
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and contract in " ".join(result.stdout.split())
    assert probe.stem in result.stdout


def test_a_circle_between_the_packages_of_sync_breaks_a_contract(project_copy: Path) -> None:
    """The engine reads through the CRM client; the client importing the engine back closes a
    circle between siblings, which ``sync-acyclic`` refuses."""
    probe = project_copy / "sync/crm/probe_cycle.py"
    probe.write_text("from sync.engine import windows\n")
    try:
        result = _lint(project_copy)
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert "without cycles" in " ".join(result.stdout.split())
    assert ".crm -> .engine" in result.stdout


def test_every_module_of_web_falls_under_a_rule() -> None:
    """A new module in web/ is a page-side module (through GraphQL only), an endpoint of the
    API beside /graphql (through resolvers) or part of the composition root; it cannot slip
    between the rules."""
    contracts = _contracts()
    covered = [
        *contracts["pages-through-graphql"]["source_modules"],  # type: ignore[misc]
        *contracts["endpoints-through-resolvers"]["source_modules"],  # type: ignore[misc]
        *contracts["composition-root"]["source_modules"],  # type: ignore[misc]
    ]
    modules = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "web").glob("*.py")
        if path.name != "__init__.py"
    } | {"web.routes", "web.endpoints"}
    uncovered = {m for m in modules if not any(m == c or m.startswith(c + ".") for c in covered)}
    assert not uncovered, f"add {sorted(uncovered)} to a contract in pyproject.toml"


def test_no_contract_has_an_exemption() -> None:
    """The house plan holds without ``ignore_imports``: a debt would have to be written here."""
    exempt = {cid: c["ignore_imports"] for cid, c in _contracts().items() if "ignore_imports" in c}
    assert exempt == {}


def test_the_cli_runs_the_crm_simulator_as_a_program_of_its_own() -> None:
    """``spendsync crm-sim`` hands its arguments to the simulator program (no import of it)."""
    spendsync = Path(sys.executable).with_name("spendsync")
    result = subprocess.run(
        [str(spendsync), "crm-sim", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: spendsync crm-sim")
    assert "--demo" in result.stdout and "--port" in result.stdout
