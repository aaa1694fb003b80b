"""The CSV column mapping a card remembers: which header holds what, and how to read it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from resolvers.errors import ErrorCode, FieldError

DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """Columns are named by their header text (compared without case and outer spaces).

    Amounts come either from one signed ``amount_column`` (``charges_negative`` says whether a
    charge is written negative, as most bank exports do) or from a ``debit_column`` (charges)
    and a ``credit_column`` (refunds and payments), exactly one of them filled per row."""

    date_column: str
    description_column: str
    amount_column: str | None = None
    debit_column: str | None = None
    credit_column: str | None = None
    id_column: str | None = None
    date_format: str = "%Y-%m-%d"
    charges_negative: bool = False
    decimal_separator: str = "."
    delimiter: str = ","

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> CsvMapping:
        return cls(**value)

    def check(self) -> list[FieldError]:
        errors = []
        for name, column in (("dateColumn", self.date_column),
                             ("descriptionColumn", self.description_column)):  # fmt: skip
            if not column.strip():
                errors.append(FieldError(name, "Name the column.", ErrorCode.REQUIRED))
        two = self.debit_column is not None or self.credit_column is not None
        if (self.amount_column is None) == (not two) or (
            two and (not self.debit_column or not self.credit_column)
        ):
            errors.append(
                FieldError(
                    "amountColumn",
                    "Give either one signed amount column or both a debit and a credit column.",
                    ErrorCode.INVALID,
                )
            )
        try:
            datetime.strptime(datetime(2026, 1, 31).strftime(self.date_format), self.date_format)
            if "%" not in self.date_format:
                raise ValueError("no directive")
        except ValueError:
            errors.append(
                FieldError("dateFormat", "Not a usable date format, e.g. %d/%m/%Y.",
                           ErrorCode.INVALID)
            )  # fmt: skip
        if self.decimal_separator not in (".", ","):
            errors.append(FieldError("decimalSeparator", "Use '.' or ','.", ErrorCode.INVALID))
        if self.delimiter not in DELIMITERS:
            errors.append(FieldError("delimiter", "Use ',', ';', a tab or '|'.", ErrorCode.INVALID))
        if self.delimiter == self.decimal_separator:
            errors.append(
                FieldError("delimiter", "The delimiter cannot be the decimal separator.",
                           ErrorCode.INVALID)
            )  # fmt: skip
        return errors
