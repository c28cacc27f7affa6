"""Where a problem of a sheet is, and the problems found while reading, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from smartserang.problems import Problem, cell_location, column_letter
from smartserang.workbook.limits import Limits


@dataclass
class Found:
    """Everything found so far, in reading order."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, location: str, message: str, code: str) -> None:
        self.errors.append(Problem(location, message, code))

    def warn(self, location: str, key: str, code: str, **params: str) -> None:
        self.warnings.append(Problem.warning(location, key, code, **params))


@dataclass(frozen=True)
class Place:
    """One sheet of the file, for locating problems, with what the reader must know of it."""

    source: str
    title: str
    """The sheet's name as written in the workbook."""
    limits: Limits
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    """(0-based row, column) -> the error a cell shows (python-calamine reads it as blank)."""

    @property
    def sheet(self) -> str:
        return f"{self.source}:{self.title}"

    def cell(self, index: int, column: int) -> str:
        """The location of the cell at 0-based grid ``index`` and ``column``."""
        return cell_location(self.source, self.title, index + 1, column)


def ref(index: int, column: int) -> str:
    """``B9`` for 0-based grid ``index`` and ``column``."""
    return f"{column_letter(column)}{index + 1}"
