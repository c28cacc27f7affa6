"""Evaluating evidence rules against an inventory's registers.

Pure computation over model objects: no I/O, no third-party imports. One
:class:`RuleContext` per inventory caches what several rules share (the work-unit
universe, the names each register holds), so a register is scanned once per distinct
question rather than once per indicator.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple, cast

from smartserang.i18n import format_fraction
from smartserang.model import (
    CellValue,
    Condition,
    EvidenceRule,
    Inventory,
    Measure,
    Register,
    Row,
    RowReference,
    Scale,
    Text,
    UnitSource,
)
from smartserang.workbook.contract import (
    ALL_UNITS_ALIASES,
    SHEETS,
    VOCABULARIES,
    normalise_all,
    normalise_token,
)


class EvidenceRow(NamedTuple):
    """A register row that backs a level (a named tuple: a large register makes many)."""

    sheet: str
    """The sheet's title as written in the workbook."""
    row: int
    """1-based Excel row number."""
    label: str
    """The row's name (application, facility, policy title)."""


@dataclass(frozen=True)
class Finding:
    """What the registers say about one indicator."""

    register_present: bool
    """False when the workbook lacks the rule's sheet: the claim stands unverified."""
    supported: int | None
    """The level the registers support (None when the register is absent)."""
    evidence: tuple[EvidenceRow, ...]
    """The rows behind the supported level."""
    next_requires: Text | None
    """What the next level still needs from the register (None at the top of the ladder)."""
    next_level: int | None
    measure: Fraction | None = None
    """The measured value, for measure rules."""
    unavailable: str | None = None
    """For a measure that cannot be computed: the ``i18n`` key of the warning saying why."""


_LATEST: tuple[Inventory, RuleContext] | None = None
SEVERAL = -1
"""In ``RuleContext.names_in``: the name is held by several rows (no row number is < 1)."""


class RuleContext:
    """Shared, lazily built lookups over one inventory.

    Registers are indexed once per run, not scanned once per rule: every distinct
    condition is answered once per register as a mask of the rows passing it (equality
    and membership through a per-column index of normalised values), and a rule's row
    selection is the ``&`` of those masks. Selections, their evidence
    rows and their unit coverage are cached under the conditions that define them, so
    the many indicators sharing a question (status aktif, cakupan lengkap…) share one
    answer.
    """

    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory
        self.reference_date: dt.date | None = inventory.profile.reference_date()
        self._names: dict[tuple[str, str, tuple[Condition, ...]], dict[str, int]] = {}
        self._units: tuple[dict[str, int], int | None] | None = None
        self._selections: dict[tuple[str, tuple[Condition, ...]], list[int]] = {}
        self._answers: dict[tuple[str, Condition], int] = {}
        self._masks: dict[tuple[str, tuple[Condition, ...]], int] = {}
        self._codes: dict[tuple[str, str], tuple[bytes, dict[object, int]] | None] = {}
        self._named: dict[tuple[str, Condition], tuple[int, int]] = {}
        self._indexes: dict[tuple[str, str], dict[tuple[str, object], set[object]]] = {}
        self._evidence: dict[tuple[str, tuple[Condition, ...]], tuple[EvidenceRow, ...]] = {}
        self._coverage: dict[tuple[object, ...], bool] = {}
        self._label_cache: dict[str, list[str]] = {}
        self._evidence_rows: dict[str, list[EvidenceRow]] = {}
        self._keys: dict[tuple[str, str], tuple[list[object], set[object], bool]] = {}
        self._token_cache: dict[tuple[str, str], _Tokens] = {}
        self._texts: dict[tuple[str, str], tuple[str, list[int], list[int]]] = {}

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

    # -- selections and references

    def select(self, register: Register, where: tuple[Condition, ...]) -> tuple[Row, ...]:
        """Rows of ``register`` passing every condition of ``where``, in sheet order."""
        rows = register.rows
        return tuple([rows[i] for i in self.positions(register, where)])

    def any_row(self, register: Register, where: tuple[Condition, ...]) -> bool:
        """Whether a row of ``register`` passes every condition of ``where``."""
        return bool(self._selected(register, where))

    def _selected(self, register: Register, where: tuple[Condition, ...]) -> int:
        """The rows of ``register`` passing every condition of ``where``, as a mask (cached)."""
        key = (register.sheet, where)
        cached = self._masks.get(key)
        if cached is None:
            cached = self._masks[key] = self._passing(register, where)
        return cached

    def positions(self, register: Register, where: tuple[Condition, ...]) -> list[int]:
        """Positions of the rows of ``register`` passing every condition of ``where``, in
        sheet order (cached: indicators share their questions)."""
        key = (register.sheet, where)
        cached = self._selections.get(key)
        if cached is None:
            if not where:
                cached = list(range(len(register)))
            else:
                cached = _positions_in(self._selected(register, where), len(register))
            self._selections[key] = cached
        return cached

    def evidence(self, register: Register, where: tuple[Condition, ...]) -> tuple[EvidenceRow, ...]:
        """``select(register, where)`` as evidence rows (cached: indicators share them)."""
        key = (register.sheet, where)
        cached = self._evidence.get(key)
        if cached is None:
            positions = self.positions(register, where)
            if len(positions) * _FEW_ROWS > len(register):  # a large part: share every row's
                every = self._every_evidence(register)
                cached = tuple(map(every.__getitem__, positions))
            else:  # a few rows: each labelled alone
                title, numbers = register.title, register.numbers
                cells = register.cells(register.label_column) if register.label_column else None
                cached = tuple(
                    [
                        EvidenceRow(title, numbers[i], _label(cells, i, title, numbers))
                        for i in positions
                    ]
                )
            self._evidence[key] = cached
        return cached

    def _every_evidence(self, register: Register) -> list[EvidenceRow]:
        """Every row of ``register`` as an evidence row, by position (built once)."""
        every = self._evidence_rows.get(register.sheet)
        if every is None:
            titles = itertools.repeat(register.title)
            every = list(map(EvidenceRow, titles, register.numbers, self._labels(register)))
            self._evidence_rows[register.sheet] = every
        return every

    def _labels(self, register: Register) -> list[str]:
        """``register.label`` of every row, by position (cached)."""
        labels = self._label_cache.get(register.sheet)
        if labels is None:
            column = register.label_column
            cells = register.cells(column) if column else [None] * len(register)
            if set(map(type, cells)) <= {str} and "" not in cells:  # names, all given
                labels = cast(list[str], list(cells))
            else:
                title = register.title
                labels = [
                    str(cell) if cell not in (None, "") else f"{title} {number}"
                    for cell, number in zip(cells, register.numbers, strict=True)
                ]
            self._label_cache[register.sheet] = labels
        return labels

    def _passing(self, register: Register, conditions: Iterable[Condition]) -> int:
        """The rows (as a mask, see ``_mask``) passing every condition.

        A condition naming rows of a register (``names_row_of``) is asked only of the
        rows passing the others, when there are others: it reads every item of every
        list, where the others look each distinct value up once.
        """
        conditions = list(conditions)
        costly = [c for c in conditions if c.op == "names_row_of"]
        cheap = [c for c in conditions if c.op != "names_row_of"]
        if not costly or not cheap:
            costly, cheap = [], conditions
        passing = _every(len(register))
        for condition in cheap:
            passing &= self._positions_of(register, condition)
        for condition in costly:
            passing = self._naming_among(register, condition, passing)
        return passing

    def _positions_of(self, register: Register, condition: Condition) -> int:
        """The rows passing one condition, as a mask (cached per register)."""
        key = (register.sheet, condition)
        cached = self._answers.get(key)
        if cached is None:
            cached = self._answer(register, condition)
            self._answers[key] = cached
        return cached

    def _answer(self, register: Register, condition: Condition) -> int:
        op, column = condition.op, condition.column
        if op == "any_of":
            found = 0
            for alternative in condition.alternatives:
                found |= self._passing(register, alternative)
            return found
        assert column is not None
        if op in ("equals", "in"):
            options = condition.value if op == "in" else (condition.value,)
            assert isinstance(options, tuple)
            keys = [_index_key(option) for option in options]
            if all(k is not None for k in keys):
                index = self._index(register, column)
                chosen = set().union(*(index.get(k, ()) for k in keys))  # type: ignore[arg-type]
                return self._where(register, column, chosen)
        if op == "names_row_of":  # asked of every row: a condition on its own
            return self._naming_among(register, condition, _every(len(register)))
        if op in _BY_VALUE:
            _, distinct, keyed = self.cell_keys(register, column)
            if op == "contains":
                needles = condition.value
                assert isinstance(needles, tuple)
                if len(distinct) * _FEW_VALUES > len(register):  # names: search the text
                    return self._containing(register, column, needles)
                test: Callable[[CellValue], bool] = functools.partial(_contains, needles=needles)
                blank_passes = False
            else:
                test = self._value_test(condition)
                blank_passes = test(None)
            chosen = {
                key
                for key in distinct
                if (test(cell) if _filled(cell := _unkey(key, keyed)) else blank_passes)
            }
            return self._where(register, column, chosen)
        holds = self.condition_holds
        return _mask(holds(row, condition) for row in register.rows)

    def cell_keys(self, register: Register, column: str) -> tuple[list[object], set[object], bool]:
        """The cells of ``column`` as keys, their distinct keys, and whether the keys carry
        their class (only when the column mixes booleans, whole and decimal numbers:
        True == 1 == 1.0); cached. Registers repeat a few values down the rows (status,
        jenis, tingkat), so a condition tests each distinct value once and finds its rows
        in C."""
        cache_key = (register.sheet, column)
        cached = self._keys.get(cache_key)
        if cached is None:
            cells = register.cells(column)
            given = register.distinct(column)  # the reader's, spares two passes
            kinds = set(map(type, cells if given is None else given))
            keyed = len(kinds - {str, tuple, dt.date, type(None)}) > 1  # True == 1 == 1.0
            keys: list[object] = (
                list(zip(map(type, cells), cells, strict=True)) if keyed else list(cells)
            )
            cached = (keys, set(keys) if keyed or given is None else set(given), keyed)
            self._keys[cache_key] = cached
        return cached

    def _where(self, register: Register, column: str, chosen: set[object]) -> int:
        """The rows whose ``column`` has one of the ``chosen`` keys (see ``cell_keys``), as a
        mask made in C."""
        if not chosen:
            return 0
        coded = self._coded(register, column)
        if coded is None:
            keys, _, _ = self.cell_keys(register, column)
            return _mask(map(chosen.__contains__, keys))
        codes, code_of = coded
        flags = bytearray(256)
        for key in chosen:
            flags[code_of[key]] = 1
        return int.from_bytes(codes.translate(flags), "little")

    def _coded(self, register: Register, column: str) -> tuple[bytes, dict[object, int]] | None:
        """For a column of at most 256 distinct keys: one byte per row naming its key,
        and each key's byte (cached). A condition's rows are then one ``translate`` of
        those bytes, in C, however many rows there are."""
        cache_key = (register.sheet, column)
        if cache_key not in self._codes:
            keys, distinct, _ = self.cell_keys(register, column)
            coded = None
            if len(distinct) <= _BYTE_VALUES:
                code_of = {key: code for code, key in enumerate(distinct)}
                coded = (bytes(map(code_of.__getitem__, keys)), code_of)
            self._codes[cache_key] = coded
        return self._codes[cache_key]

    def _value_test(self, condition: Condition) -> Callable[[CellValue], bool]:
        """``condition_holds`` for the operators that look at the cell alone."""
        op, operand = condition.op, condition.value
        if op == "present":
            return lambda cell: _filled(cell) == operand
        if op == "is":
            return lambda cell: cell is operand
        if op == "within_days":
            return lambda cell: _filled(cell) and self._within_days(cell, operand)
        assert isinstance(operand, Fraction)
        assert op in ("at_least", "at_most")
        # int/float against Fraction compares exactly (a float is taken at its exact value)
        if op == "at_least":
            return lambda cell: _is_number(cell) and cell >= operand  # type: ignore[operator]
        return lambda cell: _is_number(cell) and cell <= operand  # type: ignore[operator]

    def _containing(self, register: Register, column: str, needles: tuple[str, ...]) -> int:
        """Positions of the rows whose ``column`` has an item containing one of ``needles``.

        One regular-expression pass over the column's normalised text, rows joined by
        newlines and list items by a unit separator, neither of which a normalised needle
        holds; so a match never spans two items or two rows.
        """
        if not needles:
            return 0
        text, starts, positions = self._text(register, column)
        pattern = re.compile("|".join(re.escape(n) for n in needles))
        found = (
            positions[bisect.bisect_right(starts, m.start()) - 1] for m in pattern.finditer(text)
        )
        return _mask_at(found, len(register))

    def _text(self, register: Register, column: str) -> tuple[str, list[int], list[int]]:
        """The filled cells of ``column`` as one normalised text, with where each starts."""
        key = (register.sheet, column)
        cached = self._texts.get(key)
        if cached is None:
            tokens = self._tokens(register, column)
            parts = tokens.items if tokens.counts is None else [
                _SEPARATOR.join(tokens.items[a:b]) for a, b in tokens.spans()
            ]  # fmt: skip
            starts = list(itertools.accumulate(map((1).__add__, map(len, parts)), initial=0))
            cached = ("\n".join(parts), starts[:-1], tokens.positions)
            self._texts[key] = cached
        return cached

    def _tokens(self, register: Register, column: str) -> _Tokens:
        """The filled cells of ``column``: their positions and normalised items."""
        key = (register.sheet, column)
        cached = self._token_cache.get(key)
        if cached is None:
            cells = register.cells(column)
            kinds = set(map(type, cells))
            filled: list[Any] = list(filter(None, cells))  # "", () and None are blank
            lists = kinds <= {tuple, type(None)}
            items = list(itertools.chain.from_iterable(filled)) if lists else filled
            if kinds <= {str, type(None)} or (lists and set(map(type, items)) <= {str}):
                # text, or lists of text (as the reader makes them): taken apart in C
                positions = list(itertools.compress(itertools.count(), cells))
                counts = list(map(len, filled)) if lists else None
                cached = _Tokens(positions, counts, normalise_all(items))
            else:
                positions, counts, items = [], [], []
                for i, cell in enumerate(cells):
                    if isinstance(cell, str):
                        if cell:
                            positions.append(i)
                            items.append(cell)
                            counts.append(1)
                    elif _filled(cell):
                        positions.append(i)
                        cell_items = [str(item) for item in _items(cell)]
                        items.extend(cell_items)
                        counts.append(len(cell_items))
                cached = _Tokens(positions, counts, normalise_all(items))
            self._token_cache[key] = cached
        return cached

    def _index(self, register: Register, column: str) -> dict[tuple[str, object], set[object]]:
        """Index of ``column``: the key of each value (each item of a list) -> the
        distinct cells holding it, as ``cell_keys`` keys them (cached)."""
        key = (register.sheet, column)
        index = self._indexes.get(key)
        if index is None:
            index = {}
            _, distinct, keyed = self.cell_keys(register, column)
            filled = [(key, cell) for key in distinct if _filled(cell := _unkey(key, keyed))]
            texts = [item for _, cell in filled for item in _items(cell) if isinstance(item, str)]
            normal = dict(zip(texts, normalise_all(texts), strict=True))
            for cell_key, cell in filled:
                for item in _items(cell):
                    if isinstance(item, str):
                        item_key: tuple[str, object] | None = ("s", normal[item])
                    else:
                        item_key = _cell_key(item)
                    if item_key is not None:
                        index.setdefault(item_key, set()).add(cell_key)
            self._indexes[key] = index
        return index

    def _naming_among(self, register: Register, condition: Condition, among: int) -> int:
        """The rows of the mask ``among`` whose row passes ``condition``, a ``names_row_of``."""
        if not among:
            return among
        cached = self._answers.get((register.sheet, condition))
        if cached is not None:
            return among & cached
        # Steps ask it of overlapping rows: each row is looked at once, then remembered.
        decided, passing = self._named.get((register.sheet, condition), (0, 0))
        todo = among & ~decided
        if todo:
            passing |= self._naming_at(register, condition, todo)
            self._named[(register.sheet, condition)] = (decided | todo, passing)
        return among & passing

    def _naming_at(self, register: Register, condition: Condition, among: int) -> int:
        """The rows of the mask ``among`` passing ``condition``, a ``names_row_of``."""
        reference, column = condition.value, condition.column
        assert isinstance(reference, RowReference)
        assert column is not None
        table = self.names_in(reference)
        cells, numbers = register.cells(column), register.numbers
        owners: list[int] = []
        items: list[str] = []
        for i in _positions_in(among, len(register)):
            cell = cells[i]
            if isinstance(cell, str):
                if cell:
                    owners.append(i)
                    items.append(cell)
            elif _filled(cell):
                texts = [str(item) for item in _items(cell)]
                owners.extend(itertools.repeat(i, len(texts)))
                items.extend(texts)
        same = reference.sheet == register.sheet  # a row naming itself proves nothing
        named = (
            i
            for i, name in zip(owners, normalise_all(items), strict=True)
            if (found := table.get(name)) is not None and (not same or found != numbers[i])
        )
        return _mask_at(named, len(register))

    def names_in(self, reference: RowReference) -> dict[str, int]:
        """Normalised value of ``reference.column`` -> the number of the row holding it,
        or ``SEVERAL`` (never a row number) when several rows hold it."""
        key = (reference.sheet, reference.column, reference.where)
        table = self._names.get(key)
        if table is None:
            table = {}
            register = self.inventory.register(reference.sheet)
            if register is not None:
                cells = register.cells(reference.column)
                positions = self.positions(register, reference.where)
                if len(positions) < len(register):
                    cells = list(map(cells.__getitem__, positions))
                numbers = list(map(register.numbers.__getitem__, positions))
                if set(map(type, cells)) <= {str, type(None)}:  # names, as the reader makes them
                    numbers = list(itertools.compress(numbers, cells))
                    texts = cast(list[str], list(filter(None, cells)))
                else:
                    chosen = [(n, c) for n, c in zip(numbers, cells, strict=True) if _named(c)]
                    numbers, texts = [n for n, _ in chosen], [str(c) for _, c in chosen]
                names = normalise_all(texts)
                table = dict(zip(names, numbers, strict=True))
                if len(table) < len(names):  # a name held by several rows
                    for name, count in Counter(names).items():
                        if count > 1:
                            table[name] = SEVERAL
            self._names[key] = table
        return table

    # -- conditions

    def row_passes(self, row: Row, conditions: Iterable[Condition]) -> bool:
        """True when ``row`` passes every condition."""
        return all(self.condition_holds(row, c) for c in conditions)

    def condition_holds(self, row: Row, condition: Condition) -> bool:
        """Evaluate one condition on one row."""
        op = condition.op
        if op == "any_of":
            return any(self.row_passes(row, alt) for alt in condition.alternatives)
        assert condition.column is not None
        cell = row.get(condition.column)
        if op == "present":
            return _filled(cell) == condition.value
        if not _filled(cell):
            return False
        if op == "equals":
            return any(_same(item, condition.value) for item in _items(cell))
        if op == "in":
            options = condition.value
            assert isinstance(options, tuple)
            return any(_same(item, o) for item in _items(cell) for o in options)
        if op in ("at_least", "at_most"):
            if isinstance(cell, bool) or not isinstance(cell, int | float):
                return False
            bound = condition.value
            assert isinstance(bound, Fraction)
            number = Fraction(cell)
            return number >= bound if op == "at_least" else number <= bound
        if op == "is":
            return cell is condition.value
        if op == "contains":
            needles = condition.value
            assert isinstance(needles, tuple)
            texts = [normalise_token(str(item)) for item in _items(cell)]
            return any(needle in text for needle in needles for text in texts)
        if op == "within_days":
            return self._within_days(cell, condition.value)
        if op == "names_row_of":
            reference = condition.value
            assert isinstance(reference, RowReference)
            return self._names_row(row, cell, reference)
        raise ValueError(f"unknown condition operator {op!r}")

    def _within_days(self, cell: CellValue, days: object) -> bool:
        if self.reference_date is None or not isinstance(cell, dt.date):
            return False
        assert isinstance(days, int)
        age = (self.reference_date - cell).days
        return 0 <= age <= days

    def _names_row(self, row: Row, cell: CellValue, reference: RowReference) -> bool:
        table = self.names_in(reference)
        for name in _items(cell):
            found = table.get(normalise_token(str(name)))
            # a row naming itself proves nothing
            if found is not None and (reference.sheet != row.sheet or found != row.number):
                return True
        return False

    # -- units of a step

    def covers(
        self, rule: EvidenceRule, register: Register, conditions: tuple[Condition, ...], wanted: str
    ) -> bool:
        """``units_covered`` for the rows of ``register`` passing ``conditions`` (cached)."""
        key = (register.sheet, conditions, rule.units_column, rule.extra_units, wanted)
        cached = self._coverage.get(key)
        if cached is None:
            cached = self.units_covered(
                rule, register, self.positions(register, conditions), wanted
            )
            self._coverage[key] = cached
        return cached

    def units_covered(
        self, rule: EvidenceRule, register: Register, positions: list[int], wanted: str
    ) -> bool:
        """Whether the rows of ``register`` at ``positions`` (and the rule's extra unit
        sources) serve some or all units."""
        names: list[str] = []
        if rule.units_column is not None:
            names.extend(self.names_at(register, rule.units_column, positions))
        for source in rule.extra_units:
            names.extend(self._source_names(source))
        served, everyone = self.served_units(names)
        if wanted == "some":
            return everyone or bool(served)
        _, total = self.unit_universe()
        return everyone or (total is not None and total > 0 and len(served) >= total)

    def names_at(self, register: Register, column: str, positions: list[int]) -> list[str]:
        """The items of ``column`` at ``positions`` as text, each distinct cell once."""
        keys, _, keyed = self.cell_keys(register, column)
        distinct = dict.fromkeys(map(keys.__getitem__, positions))  # in sheet order
        return [str(item) for key in distinct for item in _items(_unkey(key, keyed)) if item]

    def _source_names(self, source: UnitSource) -> list[str]:
        register = self.inventory.register(source.sheet)
        if register is None:
            return []
        return self.names_at(register, source.column, self.positions(register, source.where))

    def counted_at(
        self, register: Register, column: str, positions: list[int]
    ) -> list[tuple[CellValue, int]]:
        """The distinct cells of ``column`` at ``positions``, each with how many rows hold it."""
        keys, _, keyed = self.cell_keys(register, column)
        counted = Counter(map(keys.__getitem__, positions))
        return [(_unkey(key, keyed), count) for key, count in counted.items()]


class _Tokens(NamedTuple):
    """The filled cells of a column as normalised text items."""

    positions: list[int]
    """The position of each filled cell."""
    counts: list[int] | None
    """How many items each filled cell has (None: one each)."""
    items: list[str]
    """The normalised items, cell after cell."""

    def spans(self) -> Iterator[tuple[int, int]]:
        """Where each cell's items start and end in ``items``."""
        assert self.counts is not None
        return itertools.pairwise(itertools.accumulate(self.counts, initial=0))


def _mask(flags: Iterable[bool]) -> int:
    """Rows as one integer: byte ``i`` (bit ``8 * i``) is 1 when row ``i`` is in.

    Built from one flag per row in C; intersections and unions are then ``&`` and ``|``
    on integers, however many rows pass.
    """
    return int.from_bytes(bytes(flags), "little")


def _mask_at(positions: Iterable[int], size: int) -> int:
    """The mask of the rows at ``positions`` in a register of ``size`` rows."""
    flags = bytearray(size)
    for position in positions:
        flags[position] = 1
    return int.from_bytes(flags, "little")


def _every(size: int) -> int:
    """The mask of every row of a register of ``size`` rows."""
    return int.from_bytes(b"\x01" * size, "little")


def _positions_in(mask: int, size: int) -> list[int]:
    """The positions of the rows in ``mask``, in sheet order."""
    if not mask:
        return []
    flags = mask.to_bytes(size, "little")
    if mask.bit_count() * _SPARSE > size:
        return list(itertools.compress(range(size), flags))
    found = []  # a few rows: from one to the next with a byte search
    at = flags.find(1)
    while at >= 0:
        found.append(at)
        at = flags.find(1, at + 1)
    return found


def _label(
    cells: Sequence[CellValue] | None, position: int, title: str, numbers: Sequence[int]
) -> str:
    """``Register.label`` of the row at ``position``, from its label column's ``cells``."""
    cell = None if cells is None else cells[position]
    return str(cell) if cell not in (None, "") else f"{title} {numbers[position]}"


def _named(cell: CellValue) -> bool:
    """Whether a cell names a row (``names_in``): any value but a blank."""
    return cell not in (None, "")


def _unkey(key: object, keyed: bool) -> CellValue:
    """The cell of a key of ``RuleContext.cell_keys``."""
    return key[1] if keyed else key  # type: ignore[index, return-value]


def _contains(cell: CellValue, needles: tuple[str, ...]) -> bool:
    """Whether an item of ``cell`` contains one of ``needles`` once normalised."""
    return any(n in normalise_token(str(item)) for item in _items(cell) for n in needles)


_SEPARATOR = "\x1f"
"""Joins list items in ``RuleContext._text``; ``normalise_token`` turns it (white space,
like the newline between rows) into a plain space, so no normalised text holds it."""
_BYTE_VALUES = 256
_SPARSE = 16
"""A mask holding fewer than one row in this many is read row to row, not byte by byte."""
_FEW_ROWS = 4
"""An evidence list of more than one row in this many shares the register's evidence rows."""
_FEW_VALUES = 8
"""A column with fewer distinct values than one in this many rows is tested value by value."""
_BY_VALUE = frozenset({"present", "is", "within_days", "at_least", "at_most", "contains"})
"""Operators answered from the column's cells alone (no other row or register)."""


def _is_number(cell: CellValue) -> bool:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def _filled(cell: CellValue) -> bool:
    return cell not in (None, "", ())


def _items(cell: CellValue) -> tuple[CellValue, ...]:
    if isinstance(cell, tuple):
        return cell
    return (cell,)


def _same(cell: CellValue, expected: object) -> bool:
    if isinstance(expected, str):
        return isinstance(cell, str) and normalise_token(cell) == normalise_token(expected)
    if isinstance(expected, Fraction):
        return not isinstance(cell, bool) and isinstance(cell, int | float) and cell == expected
    return cell == expected


def _cell_key(item: CellValue) -> tuple[str, object] | None:
    """The index key of one cell item: what ``equals``/``in`` compare (see ``_same``)."""
    if isinstance(item, str):
        return ("s", normalise_token(item))
    if isinstance(item, bool):
        return None  # booleans never equal a word or a number in a condition
    if isinstance(item, int | float):
        return ("n", item)  # hash-equal to the Fraction an operand holds
    return None


def _index_key(expected: object) -> tuple[str, object] | None:
    """The index key an ``equals``/``in`` operand looks up, or None to test row by row."""
    if isinstance(expected, str):
        return ("s", normalise_token(expected))
    if isinstance(expected, Fraction):
        return ("n", expected)
    return None


def evaluate_rule(rule: EvidenceRule, scale: Scale, context: RuleContext) -> Finding:
    """The level the registers support for one indicator, and why."""
    register = context.inventory.register(rule.sheet)
    if register is None:
        return Finding(False, None, (), None, None)
    if rule.measure is not None:
        return _evaluate_measure(rule, rule.measure, register, scale, context)
    level = scale.minimum
    backing = rule.where
    for step in rule.steps:
        conditions = rule.where + step.rows
        ok = context.any_row(register, conditions) and (
            step.units is None or context.covers(rule, register, conditions, step.units)
        )
        if not ok:
            evidence = context.evidence(register, backing)
            return Finding(True, level, evidence, step.requires, step.level)
        level, backing = step.level, conditions
    return Finding(True, level, context.evidence(register, backing), None, None)


def _evaluate_measure(
    rule: EvidenceRule, measure: Measure, register: Register, scale: Scale, context: RuleContext
) -> Finding:
    selection = context.positions(register, rule.where)
    backing = rule.where
    if measure.kind == "share":
        backing = rule.where + measure.conditions
    value, unavailable = measure_value(
        measure, register, selection, context.positions(register, backing), context
    )
    if unavailable is not None:
        return Finding(False, None, (), None, None, None, unavailable)
    level = scale.minimum
    evidence = context.evidence(register, backing)
    for threshold_level, threshold in rule.thresholds:
        if value is None or value < threshold:
            needs = _measure_needs(rule.name, threshold, value, _ordinal_names(measure))
            return Finding(True, level, evidence, needs, threshold_level, value)
        level = threshold_level
    return Finding(True, level, evidence, None, None, value)


def measure_value(
    measure: Measure,
    register: Register,
    selection: list[int],
    backing: list[int],
    context: RuleContext,
) -> tuple[Fraction | None, str | None]:
    """The measure over the rows of ``register`` at ``selection`` (``backing``: those
    also passing the measure's conditions), or the reason (a warning key) it cannot be
    had. Each distinct cell is converted once, however many rows hold it."""
    profile = context.inventory.profile
    kind = measure.kind
    if kind == "count":
        return Fraction(len(selection)), None
    if kind == "share":
        return (Fraction(len(backing), len(selection)) if selection else Fraction(0)), None
    if kind in ("sum", "rate"):
        if measure.column is None:
            total = Fraction(len(selection))
        else:
            counted = context.counted_at(register, measure.column, selection)
            total = sum((_number(cell, measure.default) * n for cell, n in counted), Fraction(0))
        if kind == "sum":
            return total, None
        if not profile.jumlah_penduduk:
            return None, "warn_needs_penduduk"
        return total / profile.jumlah_penduduk * measure.per, None
    if kind in ("best", "worst"):
        assert measure.column is not None
        values = [
            Fraction(v)
            for v, _ in context.counted_at(register, measure.column, selection)
            if isinstance(v, int | float) and not isinstance(v, bool)
        ]
        if not values:
            return None, None
        return (max(values) if kind == "best" else min(values)), None
    assert kind == "coverage"
    assert measure.column is not None
    names = context.names_at(register, measure.column, selection)
    if measure.of == "units":
        served, everyone = context.served_units(names)
        _, units = context.unit_universe()
        if everyone:
            return Fraction(1), None
        if not units:
            return None, "warn_needs_units"
        return min(Fraction(1), Fraction(len(served), units)), None
    if not profile.jumlah_kecamatan:
        return None, "warn_needs_kecamatan"
    distinct = {normalise_token(n) for n in names}
    return min(Fraction(1), Fraction(len(distinct), profile.jumlah_kecamatan)), None


def _number(cell: CellValue, default: Fraction) -> Fraction:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return Fraction(cell)
    return default


def _ordinal_names(measure: Measure) -> dict[int, str]:
    """Rank -> term for best/worst of an ordinal column (Tingkat Layanan: 3 -> transaksi)."""
    if measure.kind not in ("best", "worst") or measure.column is None:
        return {}
    for sheet in SHEETS:
        column = sheet.column(measure.column)
        if column is not None and column.vocabulary is not None:
            vocab = VOCABULARIES[column.vocabulary]
            if vocab.ordinal:
                return {t.rank: t.value for t in vocab.terms if t.rank is not None}
    return {}


def _measure_needs(
    name: Text | None, threshold: Fraction, value: Fraction | None, names: dict[int, str]
) -> Text:
    """What the next level needs, "<name>: at least T (now V)", in both languages."""
    label = name or Text("")
    now_id = _show(value, "id", names) if value is not None else "–"
    now_en = _show(value, "en", names) if value is not None else "–"
    return Text(
        f"{label.id}: minimal {_show(threshold, 'id', names)} (kini {now_id})",
        f"{label.get('en')}: at least {_show(threshold, 'en', names)} (now {now_en})",
    )


def _show(value: Fraction, lang: str, names: dict[int, str]) -> str:
    """An ordinal rank by its name; whole numbers as they are; others with two decimals."""
    if value.denominator == 1:
        return names.get(value.numerator, str(value.numerator))
    return format_fraction(value, 2, lang)
