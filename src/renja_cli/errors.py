"""One error family for the whole tool.

Every failure a user can cause is a :class:`RenjaError`; the CLI catches it once
and turns it into an Indonesian message and a documented exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Location:
    """Where in a file a problem sits (1-based line and column)."""

    path: Path | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    """Worksheet of a workbook; with ``cell`` shown as ``file.xlsx!Sheet!C12``."""
    cell: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            where = f"{self.path if self.path is not None else '<masukan>'}!{self.sheet}"
            return f"{where}!{self.cell}" if self.cell else where
        parts = [str(self.path) if self.path is not None else "<masukan>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class RenjaError(Exception):
    """Base of every error the user can cause; carries its exit code."""

    exit_code = EXIT_INVALID

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        field: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.field = field
        self.code = code

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location is not None else ""
        field = f"{self.field}: " if self.field else ""
        return f"{prefix}{field}{self.message}"


class UsageError(RenjaError):
    """The command was asked for something that cannot exist (exit 2)."""

    exit_code = EXIT_USAGE


class DataError(RenjaError):
    """A data file is malformed or inconsistent (exit 1)."""

    exit_code = EXIT_INVALID


class DataErrors(DataError):
    """Several data problems found at once (exit 1)."""

    def __init__(self, errors: list[RenjaError]) -> None:
        self.errors = errors
        first = errors[0] if errors else None
        super().__init__(
            "\n".join(str(e) for e in errors) or "data tidak valid",
            first.location if first else None,
        )

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
