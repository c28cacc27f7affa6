"""Model objects shared by every stage: indicator sets, inventories and evidence rules.

All frozen; tuples inside. Loaders build these, the scoring core reads them, nothing
mutates them. Weights and thresholds are ``Fraction`` so that sums add up exactly and a
score that sits on a band edge is classified exactly as the regulation says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import cast

from smartserang.problems import Problem

# --------------------------------------------------------------------------- text


@dataclass(frozen=True)
class Text:
    """A text in Bahasa Indonesia with an optional English version."""

    id: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("id" or "en"), falling back to Indonesian."""
        if lang == "en" and self.en:
            return self.en
        return self.id


# ---------------------------------------------------------------------- inventory

CellValue = str | int | float | bool | dt.date | tuple[str, ...] | None


@dataclass(frozen=True)
class Row:
    """One data row of a register sheet, with typed values by canonical column key."""

    sheet: str
    """Canonical sheet key (``aplikasi``)."""
    number: int
    """1-based row number as Excel shows it."""
    values: Mapping[str, CellValue]
    """Typed values by canonical column key; a blank cell or absent column is missing."""

    def get(self, key: str) -> CellValue:
        """The typed value of column ``key``, or None when blank or absent."""
        return self.values.get(key)


class Register:
    """A table sheet of the workbook as read.

    Held by column: each column's typed cells in row order (``cells``), with the sheet row
    number of each position (``numbers``). A register of 100k rows is then a dozen lists,
    which the rule engine reads directly; ``rows`` builds the row objects on first use,
    for the code that walks a register row by row.
    """

    __slots__ = (
        "_cells", "_distinct", "_rows", "columns", "label_column", "numbers", "sheet", "title"
    )  # fmt: skip

    sheet: str
    """Canonical sheet key."""
    title: str
    """The sheet's name as written in the workbook (used in locations)."""
    columns: Mapping[str, int]
    """Canonical column key -> 0-based column index of the header found."""
    label_column: str | None
    """Column whose value names a row in messages and evidence."""
    numbers: Sequence[int]
    """The 1-based sheet row number of each non-blank data row, in workbook order."""

    def __init__(
        self,
        sheet: str,
        title: str,
        columns: Mapping[str, int],
        rows: Iterable[Row] = (),
        label_column: str | None = None,
        *,
        numbers: Sequence[int] | None = None,
        cells: Mapping[str, Sequence[CellValue]] | None = None,
        distinct: Mapping[str, frozenset[CellValue]] | None = None,
    ) -> None:
        """Build a register from ``rows``, or from ``numbers`` and ``cells`` (by column key,
        one typed value or None per number). ``distinct``: for some columns, a set holding
        every value of the column (and perhaps more), as the reader found them."""
        self.sheet, self.title, self.columns = sheet, title, columns
        self.label_column = label_column
        self._distinct = dict(distinct or {})
        self._cells: dict[str, Sequence[CellValue]]
        if numbers is None:
            built = tuple(rows)
            keys = dict.fromkeys(columns)
            for row in built:
                keys.update(dict.fromkeys(row.values))
            self.numbers = [row.number for row in built]
            self._cells = {key: [row.values.get(key) for row in built] for key in keys}
            self._rows: tuple[Row, ...] | None = built
        else:
            assert cells is not None
            assert all(len(v) == len(numbers) for v in cells.values())
            self.numbers, self._cells, self._rows = numbers, dict(cells), None

    def __len__(self) -> int:
        return len(self.numbers)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Register):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.sheet, self.title, len(self.numbers)))

    def __repr__(self) -> str:
        return f"Register(sheet={self.sheet!r}, title={self.title!r}, rows={len(self.numbers)})"

    def _key(self) -> tuple[object, ...]:
        filled = {k: list(v) for k, v in self._cells.items() if any(c is not None for c in v)}
        columns = dict(self.columns)
        return (self.sheet, self.title, columns, self.label_column, list(self.numbers), filled)

    def cells(self, key: str) -> Sequence[CellValue]:
        """The typed cells of column ``key`` by position (None: blank, or no such column)."""
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = [None] * len(self.numbers)
        return found

    def distinct(self, key: str) -> frozenset[CellValue] | None:
        """A set holding every value of column ``key`` (and perhaps values no row holds
        any more), when the reader knows one; else None."""
        return self._distinct.get(key)

    @property
    def rows(self) -> tuple[Row, ...]:
        """Non-blank data rows in workbook order (built on first use)."""
        if self._rows is None:
            keys, sheet = list(self._cells), self.sheet
            self._rows = tuple(
                Row(
                    sheet,
                    number,
                    {k: v for k, v in zip(keys, values, strict=True) if v is not None},
                )
                for number, *values in zip(self.numbers, *self._cells.values(), strict=True)
            )
        return self._rows

    def label(self, row: Row) -> str:
        """A short human label for ``row``: its name, or the sheet and row number."""
        name = row.get(self.label_column) if self.label_column else None
        return _row_label(name, self.title, row.number)

    def labels(self, positions: Sequence[int] | None = None) -> list[str]:
        """``label`` of the rows at ``positions`` (every row when None), in that order."""
        numbers = self.numbers
        names = self.cells(self.label_column) if self.label_column else [None] * len(numbers)
        if positions is not None:
            numbers = list(map(numbers.__getitem__, positions))
            names = list(map(names.__getitem__, positions))
        if set(map(type, names)) <= {str} and "" not in names:  # names, all given
            return cast(list[str], list(names))
        title = self.title
        return [_row_label(n, title, number) for n, number in zip(names, numbers, strict=True)]


def _row_label(name: CellValue, title: str, number: int) -> str:
    """The label of a row: its name when it has one, else the sheet's title and row number."""
    return str(name) if name not in (None, "") else f"{title} {number}"


@dataclass(frozen=True)
class Profile:
    """The Profil sheet: who is assessed, when, and the denominators rules need."""

    instansi: str | None = None
    jenis_instansi: str | None = None
    tahun: int | None = None
    tanggal_penilaian: dt.date | None = None
    jumlah_penduduk: int | None = None
    jumlah_kecamatan: int | None = None
    jumlah_perangkat_daerah: int | None = None

    def reference_date(self) -> dt.date | None:
        """The date reviews are counted back from: Tanggal Penilaian, else 31 Dec of Tahun."""
        if self.tanggal_penilaian is not None:
            return self.tanggal_penilaian
        if self.tahun is not None and dt.MINYEAR <= self.tahun <= dt.MAXYEAR:
            return dt.date(self.tahun, 12, 31)
        return None


@dataclass(frozen=True)
class NearMiss:
    """A sheet or header the reader did not take, close to one of the contract's."""

    sheet: str
    """The contract sheet it resembles (or whose column it resembles), by key."""
    column: str | None
    """The contract column it resembles, by key; None for a sheet."""
    warning: Problem
    """What the reader says without a set: the sheet or column ignored, did you mean."""
    error: Problem
    """What it says when a set reads that sheet or column: an error with the fix."""


@dataclass(frozen=True)
class Inventory:
    """Everything read from one inventory workbook."""

    source: str
    """The path as the user gave it (used in every location)."""
    sha256: str
    """SHA-256 of the workbook file's bytes."""
    profile: Profile
    registers: Mapping[str, Register]
    """Table sheets present in the workbook, by canonical key (Profil excluded)."""
    warnings: tuple[Problem, ...] = ()
    """Located warnings from reading (unknown columns, ignored sheets…), then the notes of
    what the reader understood (a header found on row 3, a totals row left out)."""
    near_misses: tuple[NearMiss, ...] = ()
    """Sheets and headers left unread that look like a contract sheet or column: each a
    warning here, an error where a set scored on the workbook reads that sheet or column
    (``session.check_against_sets``)."""

    def register(self, key: str) -> Register | None:
        """The register for sheet ``key``, or None when the workbook lacks it."""
        return self.registers.get(key)


# ----------------------------------------------------------------- indicator sets


@dataclass(frozen=True)
class Level:
    """One level of a scale."""

    value: int
    name: Text


@dataclass(frozen=True)
class Scale:
    """An ordinal scale (SPBE: proses and layanan, both 1-5)."""

    id: str
    name: Text
    levels: tuple[Level, ...]
    """Ascending by value."""

    @property
    def minimum(self) -> int:
        return self.levels[0].value

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    def level_name(self, value: int) -> Text | None:
        """The name of level ``value``, or None when outside the scale."""
        for level in self.levels:
            if level.value == value:
                return level.name
        return None


@dataclass(frozen=True)
class Band:
    """A predikat: scores at or above ``minimum`` (and below the next band up) get it."""

    label: Text
    minimum: Fraction | None
    """Inclusive lower bound on the unrounded score; None for the lowest band."""


@dataclass(frozen=True)
class Condition:
    """A test on one register row. Exactly one operator applies."""

    op: str
    """equals, in, at_least, at_most, is, present, within_days, names_row_of, contains,
    any_of."""
    column: str | None = None
    """Canonical column key (None for any_of)."""
    value: object = None
    """Operand: a canonical value, tuple of values, int, bool or ``RowReference``."""
    alternatives: tuple[tuple[Condition, ...], ...] = ()
    """For any_of: the row passes when every condition of one alternative holds."""


@dataclass(frozen=True)
class RowReference:
    """Operand of names_row_of: the cell names a row of ``sheet`` by ``column``."""

    sheet: str
    column: str
    where: tuple[Condition, ...] = ()
    """Only rows passing these count as named."""


@dataclass(frozen=True)
class UnitSource:
    """Where the work units a facility serves are read from."""

    sheet: str
    column: str
    """A LIST or TEXT column holding unit names (``semua`` = every unit)."""
    where: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Step:
    """One rung of an evidence ladder: what level ``level`` needs from the register."""

    level: int
    requires: Text
    """The evidence this rung needs, in words (shown as what the next level lacks)."""
    rows: tuple[Condition, ...] = ()
    """At least one selected row must pass all of these."""
    units: str | None = None
    """``some`` or ``all``: the rows passing ``rows`` (plus ``extra_units``) must serve
    at least one / every work unit."""


@dataclass(frozen=True)
class Measure:
    """A number computed over a rule's selected rows."""

    kind: str
    """count, sum, share, coverage, rate, best or worst."""
    column: str | None = None
    """The column summed, covered or ranked."""
    default: Fraction = Fraction(0)
    """Value of a blank cell in a sum."""
    conditions: tuple[Condition, ...] = ()
    """For share: the rows counted in the numerator."""
    of: str | None = None
    """For coverage: ``kecamatan`` or ``units``; for rate: ``penduduk``."""
    per: Fraction = Fraction(1)
    """For rate: per how many inhabitants."""


@dataclass(frozen=True)
class EvidenceRule:
    """A declarative evidence ladder for one indicator.

    Supported level = the highest step level whose step and every lower step pass
    (levels are cumulative); the scale minimum when none passes.
    """

    sheet: str
    """The register this rule reads; absent sheet = claim unverified."""
    where: tuple[Condition, ...]
    """Selects the rows that concern this indicator."""
    steps: tuple[Step, ...]
    """Ascending by level."""
    extra_units: tuple[UnitSource, ...] = ()
    """Further unit sources for ``units`` steps (a data centre also serves the units
    whose applications it hosts)."""
    units_column: str | None = None
    """The column of ``sheet`` naming the units each row serves."""
    template: str | None = None
    """The ladder template this rule came from, for documentation."""
    measure: Measure | None = None
    """When set, the level comes from ``thresholds`` on this measure instead of ``steps``."""
    name: Text | None = None
    """What the measure is, in words."""
    thresholds: tuple[tuple[int, Fraction], ...] = ()
    """(level, lowest measure value reaching it), ascending."""


@dataclass(frozen=True)
class Indicator:
    """A scored indicator (a leaf of the tree)."""

    id: str
    name: Text
    weight: Fraction
    scale: str
    """Scale id (inherited from the nearest group declaring one)."""
    short_name: Text | None = None
    """A short name for tables; ``name`` when absent."""
    criteria: Mapping[int, Text] = field(default_factory=dict)
    """Criteria text per level."""
    question: Text | None = None
    evidence: EvidenceRule | None = None
    tags: Mapping[str, str] = field(default_factory=dict)
    not_applicable: Text | None = None
    """Why a tailoring left this indicator out (its weight is shared within its parent)."""

    @property
    def label(self) -> Text:
        """The short name when there is one, else the name."""
        return self.short_name or self.name


@dataclass(frozen=True)
class Group:
    """A node of the tree (SPBE domain or aspect)."""

    id: str
    name: Text
    weight: Fraction
    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    def walk_indicators(self) -> Iterator[Indicator]:
        """Every indicator below this group, in document order."""
        yield from self.indicators
        for group in self.groups:
            yield from group.walk_indicators()


@dataclass(frozen=True)
class IndicatorSet:
    """A complete, validated indicator set."""

    id: str
    version: str
    title: Text
    legal_basis: Text
    source: str
    path: str
    """Where it was loaded from (display form)."""
    sha256: str
    weighting: str
    """``absolute`` (children's weights add up to the parent's), ``relative`` (each
    sibling list adds up to the total) or ``proportional`` (no sum required)."""
    total_weight: Fraction
    scales: Mapping[str, Scale]
    bands: tuple[Band, ...]
    """Descending by minimum; the last has minimum None."""
    unassessed: str
    """``minimum``: an unassessed indicator counts at its scale's minimum;
    ``exclude``: it is left out and its parent's weights are renormalised."""
    groups: tuple[Group, ...]
    aggregation: str = "mean"
    """``mean`` (weighted mean of levels) or ``points`` (points over maximum points)."""
    tag_titles: Mapping[str, Text] = field(default_factory=dict)
    """Titles of the tag keys that give breakdowns."""
    extends: str | None = None
    """The set this one tailors, as named in ``extends``."""
    bases: tuple[str, ...] = ()
    """The ids of the sets this one tailors, the one it extends first (a workbook's Target
    rows written for a base apply to its tailoring)."""

    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator in document order."""
        return tuple(i for g in self.groups for i in g.walk_indicators())

    def walk_groups(self) -> Iterator[Group]:
        """Every group, parents before children."""
        stack = list(reversed(self.groups))
        while stack:
            group = stack.pop()
            yield group
            stack.extend(reversed(group.groups))

    def band_for(self, score: Fraction) -> Band:
        """The band an unrounded score falls in."""
        for band in self.bands:
            if band.minimum is None or score >= band.minimum:
                return band
        return self.bands[-1]
