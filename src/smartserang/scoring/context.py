"""What evidence rules share about one inventory: selections, evidence rows, work units.

One :class:`RuleContext` per inventory answers the questions several rules ask (the
rows a rule's conditions select, those rows as evidence, the work units they serve), so
a register is looked at once per distinct question rather than once per indicator. The
conditions themselves are answered by an engine (:mod:`smartserang.scoring.columns`,
or the plain one in :mod:`smartserang.scoring.conditions`), in three values: the rows
that surely pass and the rows that may pass (a blank cell that says nothing). The
context also knows the two lists rules count against: the work units and the
kecamatan of the city.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Literal, NamedTuple

from smartserang.model import (
    CellValue,
    Condition,
    EvidenceRule,
    Inventory,
    Register,
    Row,
    UnitSource,
)
from smartserang.scoring import numbits
from smartserang.scoring.columns import ColumnEngine, ColumnKeys, unkey
from smartserang.scoring.conditions import Answer, Engine, RowEngine, items
from smartserang.workbook.contract import ALL_UNITS_ALIASES
from smartserang.workbook.names import normalise_token


class EvidenceRow(NamedTuple):
    """A register row that backs a level (a named tuple: a large register makes many)."""

    sheet: str
    """The sheet's title as written in the workbook."""
    row: int
    """1-based Excel row number."""
    label: str
    """The row's name (application, facility, policy title)."""


class Coverage(NamedTuple):
    """Whether some rows serve the units a step wants: at least, and at most."""

    surely: bool
    """The rows surely passing (and the unit sources' sure rows) serve them."""
    possibly: bool
    """The rows that may pass could serve them (a units column the register lacks could
    name any unit)."""


_LATEST: tuple[Inventory, RuleContext] | None = None
_KECAMATAN_PREFIX = re.compile(r"(?:kecamatan\s+|kec\.\s*|kec\s+)")
_FEW_ROWS = 4
"""An evidence list of more than one row in this many shares the register's evidence rows."""


class RuleContext:
    """Shared, lazily built lookups over one inventory.

    Selections, their evidence rows and their unit coverage are cached under the
    conditions that define them, so the many indicators sharing a question (status
    aktif, cakupan lengkap…) share one answer.
    """

    def __init__(
        self, inventory: Inventory, engine: Literal["columns", "rows"] = "columns"
    ) -> None:
        """A context over ``inventory``; ``engine`` answers the conditions (``rows``: the
        plain engine, row by row, to check the column engine against)."""
        self.inventory = inventory
        self.reference_date = inventory.profile.reference_date()
        self.cell_keys = ColumnKeys()
        """The cells of a column as keys, each distinct value once (shared with the engine)."""
        self.engine: Engine = (
            ColumnEngine(inventory, self.cell_keys) if engine == "columns" else RowEngine(inventory)
        )
        self._units: tuple[dict[str, int], int | None] | None = None
        self._kecamatan: tuple[dict[str, str] | None, int | None] | None = None
        self._selections: dict[tuple[str, tuple[Condition, ...], bool], list[int]] = {}
        self._evidence: dict[tuple[str, tuple[Condition, ...]], tuple[EvidenceRow, ...]] = {}
        self._every_row: dict[str, list[EvidenceRow]] = {}
        self._coverage: dict[tuple[object, ...], Coverage] = {}

    @classmethod
    def of(cls, inventory: Inventory) -> RuleContext:
        """The context of ``inventory``, shared by the sets scored on it one after another.

        Nothing cached depends on the set, so a second set reuses the first one's indexes.
        Only the latest inventory's context is kept.
        """
        global _LATEST  # noqa: PLW0603 - a one-entry cache
        if _LATEST is None or _LATEST[0] is not inventory:
            _LATEST = (inventory, cls(inventory))
        return _LATEST[1]

    # -- work units

    def unit_universe(self) -> tuple[dict[str, int], int | None]:
        """Normalised unit name/abbreviation -> unit number, and how many units there are.

        From the Perangkat Daerah sheet when present, else Profil's Jumlah Perangkat
        Daerah (names then are not checked, only counted).
        """
        if self._units is None:
            register = self.inventory.register("perangkat_daerah")
            if register is not None:
                names: dict[str, int] = {}
                for number, row in enumerate(register.rows):
                    for key in ("nama", "singkatan"):
                        value = row.get(key)
                        if isinstance(value, str) and value:
                            names[normalise_token(value)] = number
                self._units = (names, len(register))
            else:
                self._units = ({}, self.inventory.profile.jumlah_perangkat_daerah)
        return self._units

    def served_units(self, names: Iterable[str]) -> tuple[set[object], bool]:
        """The distinct units ``names`` designate, and whether ``semua`` (all) was named."""
        known, _ = self.unit_universe()
        served: set[object] = set()
        everyone = False
        for token in {normalise_token(name) for name in names}:
            if token in ALL_UNITS_ALIASES:
                everyone = True
            elif known:
                if token in known:
                    served.add(known[token])
            elif token:
                served.add(token)
        return served, everyone

    # -- kecamatan

    def kecamatan_list(self) -> tuple[dict[str, str] | None, int | None]:
        """The city's kecamatan: normalised name (``kecamatan_key``) -> name as listed, and
        how many there are.

        From the Kecamatan sheet when present, else Profil's Jumlah Kecamatan (names then
        are not checked, only counted; the mapping is None).
        """
        if self._kecamatan is None:
            register = self.inventory.register("kecamatan")
            if register is not None:
                names: dict[str, str] = {}
                for cell in register.cells("nama"):
                    if isinstance(cell, str) and kecamatan_key(cell):
                        names.setdefault(kecamatan_key(cell), cell)
                self._kecamatan = (names, len(names))
            else:
                self._kecamatan = (None, self.inventory.profile.jumlah_kecamatan)
        return self._kecamatan

    # -- selections and evidence

    def answer(self, register: Register, where: tuple[Condition, ...]) -> Answer:
        """The rows of ``register`` that surely pass, and may pass, every condition."""
        return self.engine.answer(register, where)

    def blanks(self, register: Register, column: str) -> int:
        """The rows of ``register`` whose ``column`` is blank (every row when the register
        lacks the column), as a mask."""
        filled = self.engine.answer(register, (Condition("present", column, True),)).sure
        return numbits.every(len(register)) & ~filled

    def select(self, register: Register, where: tuple[Condition, ...]) -> tuple[Row, ...]:
        """Rows of ``register`` surely passing every condition of ``where``, in sheet order."""
        rows = register.rows
        return tuple([rows[i] for i in self.positions(register, where)])

    def positions(
        self, register: Register, where: tuple[Condition, ...], *, possible: bool = False
    ) -> list[int]:
        """Positions of the rows of ``register`` surely passing every condition of
        ``where`` (``possible``: that may pass), in sheet order (cached: indicators share
        their questions)."""
        key = (register.sheet, where, possible)
        cached = self._selections.get(key)
        if cached is None:
            if not where:
                cached = list(range(len(register)))
            else:
                found = self.engine.answer(register, where)
                rows = found.possible if possible else found.sure
                if possible and rows == found.sure:
                    cached = self.positions(register, where)
                else:
                    cached = numbits.positions_in(rows, len(register))
            self._selections[key] = cached
        return cached

    def evidence(self, register: Register, where: tuple[Condition, ...]) -> tuple[EvidenceRow, ...]:
        """``select(register, where)`` as evidence rows (cached: indicators share them)."""
        key = (register.sheet, where)
        cached = self._evidence.get(key)
        if cached is None:
            positions = self.positions(register, where)
            if len(positions) * _FEW_ROWS > len(register):  # a large part: share every row's
                cached = tuple(map(self._every_row_of(register).__getitem__, positions))
            else:  # a few rows: each labelled alone
                cached = tuple(_evidence_rows(register, positions))
            self._evidence[key] = cached
        return cached

    def _every_row_of(self, register: Register) -> list[EvidenceRow]:
        """Every row of ``register`` as an evidence row, by position (built once)."""
        every = self._every_row.get(register.sheet)
        if every is None:
            every = self._every_row[register.sheet] = _evidence_rows(register, None)
        return every

    # -- units of a step

    def covers(
        self, rule: EvidenceRule, register: Register, conditions: tuple[Condition, ...], wanted: str
    ) -> Coverage:
        """Whether the rows of ``register`` passing ``conditions`` (and the rule's extra
        unit sources) serve ``wanted`` ("some" or "all") units: surely, and possibly
        (cached)."""
        key = (register.sheet, conditions, rule.units_column, rule.extra_units, wanted)
        cached = self._coverage.get(key)
        if cached is None:
            surely = self.units_covered(
                rule, register, self.positions(register, conditions), wanted
            )
            possible = self.positions(register, conditions, possible=True)
            wildcard = bool(possible) and (
                rule.units_column is not None and rule.units_column not in register.columns
            )
            wildcard = wildcard or any(self._source_unrecorded(s) for s in rule.extra_units)
            possibly = surely or wildcard
            if not possibly:
                possibly = self.units_covered(rule, register, possible, wanted, possible=True)
            cached = self._coverage[key] = Coverage(surely, possibly)
        return cached

    def units_covered(
        self,
        rule: EvidenceRule,
        register: Register,
        positions: list[int],
        wanted: str,
        *,
        possible: bool = False,
    ) -> bool:
        """Whether the rows of ``register`` at ``positions`` (and the rule's extra unit
        sources: their rows surely passing, or ``possible``: that may pass) serve some or
        all units."""
        names: list[str] = []
        if rule.units_column is not None:
            names.extend(self.names_at(register, rule.units_column, positions))
        for source in rule.extra_units:
            names.extend(self._source_names(source, possible))
        served, everyone = self.served_units(names)
        if wanted == "some":
            return everyone or bool(served)
        _, total = self.unit_universe()
        return everyone or (total is not None and total > 0 and len(served) >= total)

    def _source_unrecorded(self, source: UnitSource) -> bool:
        """Whether a unit source's register may have rows but lacks its names column."""
        register = self.inventory.register(source.sheet)
        return (
            register is not None
            and source.column not in register.columns
            and bool(self.positions(register, source.where, possible=True))
        )

    def _source_names(self, source: UnitSource, possible: bool = False) -> list[str]:
        register = self.inventory.register(source.sheet)
        if register is None:
            return []
        positions = self.positions(register, source.where, possible=possible)
        return self.names_at(register, source.column, positions)

    # -- cells of a selection

    def names_at(self, register: Register, column: str, positions: list[int]) -> list[str]:
        """The items of ``column`` at ``positions`` as text, each distinct cell once."""
        keys, _, keyed = self.cell_keys(register, column)
        distinct = dict.fromkeys(map(keys.__getitem__, positions))  # in sheet order
        return [str(item) for key in distinct for item in items(unkey(key, keyed)) if item]

    def counted_at(
        self, register: Register, column: str, positions: list[int]
    ) -> list[tuple[CellValue, int]]:
        """The distinct cells of ``column`` at ``positions``, each with how many rows hold it."""
        keys, _, keyed = self.cell_keys(register, column)
        counted = Counter(map(keys.__getitem__, positions))
        return [(unkey(key, keyed), count) for key, count in counted.items()]


def _evidence_rows(register: Register, positions: list[int] | None) -> list[EvidenceRow]:
    """The rows of ``register`` at ``positions`` (every row when None) as evidence rows."""
    numbers = register.numbers
    if positions is not None:
        numbers = list(map(numbers.__getitem__, positions))
    labels = register.labels(positions)
    return list(map(EvidenceRow, itertools.repeat(register.title), numbers, labels))


def kecamatan_key(name: str) -> str:
    """A kecamatan name as compared: NFC, casefolded, without a leading "Kec." or
    "Kecamatan" and without spaces or hyphens ("Kec. Karang Tengah" = "KARANGTENGAH":
    offices write a place's name in one word or two)."""
    token = normalise_token(unicodedata.normalize("NFC", name))
    prefix = _KECAMATAN_PREFIX.match(token)
    return (token[prefix.end() :] if prefix else token).replace(" ", "")
