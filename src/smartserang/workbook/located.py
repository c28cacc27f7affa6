"""Where a problem of a sheet is, and the problems found while reading, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from smartserang.model import NearMiss
from smartserang.problems import Param, Problem, cell_location, column_letter
from smartserang.workbook.limits import Limits


@dataclass
class Found:
    """Everything found so far, in reading order."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    """What the reader understood of an unusual layout (``Problem.note``)."""
    near: list[NearMiss] = field(default_factory=list)
    """Sheets and headers close to the contract's, each also in ``warnings``."""

    def error(self, location: str, key: str, code: str, **params: Param) -> None:
        """An error worded by the catalogue's entry ``key``."""
        self.errors.append(Problem.error(location, key, code, **params))

    def warn(self, location: str, key: str, code: str, **params: Param) -> None:
        self.warnings.append(Problem.warning(location, key, code, **params))

    def note(self, location: str, key: str, code: str, **params: Param) -> None:
        self.notes.append(Problem.note(location, key, code, **params))

    def near_miss(self, near: NearMiss) -> None:
        """A sheet or header close to the contract's: its warning now, kept for the sets."""
        self.near.append(near)
        self.warnings.append(near.warning)

    def extend(self, other: Found) -> None:
        """Add everything ``other`` found, after what is here."""
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.notes.extend(other.notes)
        self.near.extend(other.near)


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
