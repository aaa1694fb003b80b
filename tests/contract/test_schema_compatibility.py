"""Clients keep working across releases: a change of ``schema.graphql`` that breaks the schema of
the last release (``docs/schema/released.graphql``) must be named in CHANGELOG.md's Unreleased
section, so no breaking change ships unannounced."""

from __future__ import annotations

import re
from pathlib import Path

from graphql import BreakingChange, build_schema, find_breaking_changes

ROOT = Path(__file__).resolve().parents[2]
RELEASED = ROOT / "docs" / "schema" / "released.graphql"
CHANGELOG = ROOT / "CHANGELOG.md"


def unreleased_section(changelog: str) -> str:
    """The text between ``## Unreleased`` and the next release heading."""
    match = re.search(r"^## Unreleased\s*$(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    return match.group(1) if match else ""


def subject(change: BreakingChange) -> str:
    """``Type.field`` (or ``Type``) that a breaking change is about, from graphql-core's text."""
    enum_value = re.match(r"(\w+) was removed from enum type (\w+)", change.description)
    if enum_value:
        return f"{enum_value.group(2)}.{enum_value.group(1)}"
    dotted = re.search(r"\b([A-Za-z_]\w*\.[A-Za-z_]\w*)", change.description)
    if dotted:
        return dotted.group(1)
    words = [w for w in re.findall(r"[A-Za-z_]\w*", change.description) if w[0].isupper()]
    return next((w for w in words if w not in {"Field", "Type", "Argument"}), "")


def unannounced(old_sdl: str, new_sdl: str, changelog: str) -> list[str]:
    section = unreleased_section(changelog)
    named = set(re.findall(r"`([^`]+)`", section))
    changes = find_breaking_changes(build_schema(old_sdl), build_schema(new_sdl))
    return [
        f"{change.type.name}: {change.description}"
        for change in changes
        if subject(change) not in named and subject(change).split(".")[0] not in named
    ]


def test_schema_breaks_nothing_unannounced() -> None:
    problems = unannounced(RELEASED.read_text(), (ROOT / "schema.graphql").read_text(),
                           CHANGELOG.read_text())  # fmt: skip
    assert not problems, "name these in CHANGELOG.md, ## Unreleased:\n" + "\n".join(problems)


OLD = "type Query { expense(id: ID!): Expense }\ntype Expense { id: ID! amount: String! }"
NEW = "type Query { expense(id: ID!): Expense }\ntype Expense { id: ID! }"


def test_a_removed_field_is_caught_until_the_changelog_names_it() -> None:
    silent = "# Changelog\n\n## Unreleased\n\n### Added\n- `Expense.note`\n\n## 0.1.0\n"
    [problem] = unannounced(OLD, NEW, silent)
    assert "Expense.amount" in problem
    announced = silent.replace("- `Expense.note`", "- removed `Expense.amount`")
    assert unannounced(OLD, NEW, announced) == []


def test_a_change_named_under_an_earlier_release_does_not_count() -> None:
    earlier = "# Changelog\n\n## Unreleased\n\n## 0.1.0\n- removed `Expense.amount`\n"
    assert len(unannounced(OLD, NEW, earlier)) == 1


def test_a_removed_enum_value_is_named_as_enum_dot_value() -> None:
    old = "type Query { s: Status }\nenum Status { DRAFT SUBMITTED }"
    new = "type Query { s: Status }\nenum Status { DRAFT }"
    assert len(unannounced(old, new, "## Unreleased\n- `SUBMITTED`\n")) == 1
    assert unannounced(old, new, "## Unreleased\n- removed `Status.SUBMITTED`\n") == []


def test_additions_are_not_breaking() -> None:
    added = NEW.replace("id: ID! }", "id: ID! amount: String! note: String }")
    assert unannounced(NEW, added, "## Unreleased\n") == []
