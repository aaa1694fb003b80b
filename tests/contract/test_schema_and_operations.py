"""schema.graphql is the exported schema; every stored page operation is valid against it."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, parse, validate

from gql.schema import schema, schema_sdl
from web.graphql import OPERATIONS_DIR, operation_document

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = sorted(OPERATIONS_DIR.glob("*.graphql"))


def test_schema_file_is_up_to_date() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == schema_sdl(), "schema.graphql drifted: run `make schema`"


def test_there_are_stored_operations() -> None:
    assert len(OPERATIONS) >= 5


@pytest.mark.parametrize("path", OPERATIONS, ids=lambda p: p.stem)
def test_stored_operation_is_valid_and_named_after_its_file(path: Path) -> None:
    document = parse(path.read_text())
    assert validate(schema._schema, document) == []
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert len(operations) == 1
    assert operations[0].name is not None and operations[0].name.value == path.stem


def test_unknown_operation_names_are_refused() -> None:
    with pytest.raises(KeyError):
        operation_document("../../pyproject")
    with pytest.raises(KeyError):
        operation_document("NoSuchOperation")
