"""Located problems in user input, and the one exception that carries all of them.

Loaders never stop at the first problem: they collect every ``Problem`` they find and
raise a single ``InputError``. Warnings travel as ``Problem`` values with
``severity=WARNING`` next to the result they concern.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with where it is."""

    location: str
    """``file:Sheet!Cell``, ``file:line:col`` or just ``file``."""
    message: str
    """What is wrong, in one sentence, naming the offending value."""
    code: str
    """A stable identifier such as ``inventory.vocab`` or ``set.weight``."""
    severity: Severity = Severity.ERROR
    """Errors stop the run; warnings are reported beside the result."""

    def __str__(self) -> str:
        kind = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {kind}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready mapping of this problem."""
        return {
            "location": self.location,
            "message": self.message,
            "code": self.code,
            "severity": self.severity.value,
        }


class InputError(Exception):
    """Bad input: carries every located problem found in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def column_letter(index: int) -> str:
    """Excel column letters for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_location(source: str, sheet: str, row: int, column: int) -> str:
    """``file:Sheet!B9`` for a 1-based row and a 0-based column."""
    return f"{source}:{sheet}!{column_letter(column)}{row}"
