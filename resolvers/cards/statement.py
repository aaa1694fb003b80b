"""What a parsed statement is, whatever the file format, and how a bad file is reported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from resolvers.validation import without_unsafe_characters

# Larger files are refused by size before anything is parsed.
MAX_STATEMENT_BYTES = 5 * 1024 * 1024
MAX_STATEMENT_ROWS = 10_000
MAX_PROBLEMS = 20
MAX_DESCRIPTION = 500


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One transaction; ``amount_minor`` is positive for a charge, negative for a credit."""

    line: int
    external_id: str | None
    posted_date: date
    amount_minor: int
    description: str

    @property
    def dedupe_key(self) -> str:
        """The transaction id where the file has one, else card-local date, amount, text."""
        if self.external_id:
            return f"id:{self.external_id}"
        text = " ".join(self.description.split()).casefold()
        return f"row:{self.posted_date.isoformat()}|{self.amount_minor}|{text}"


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.reason}"


class StatementRejected(Exception):
    """The file cannot be imported; ``problems`` name the lines (at most ``MAX_PROBLEMS``)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems[:MAX_PROBLEMS]


def decode_utf8(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); anything else is refused at its line."""
    if not data.strip():
        raise StatementRejected([Problem(1, "the file is empty")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise StatementRejected(
            [Problem(line, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})")]
        ) from exc


def clip(text: str | None) -> str:
    """One line of the file's text, without control or bidirectional formatting characters."""
    return " ".join(without_unsafe_characters(text or "").split())[:MAX_DESCRIPTION]
