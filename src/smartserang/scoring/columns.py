"""The column engine: conditions answered over whole columns, not row by row.

Registers are indexed once per run, not scanned once per rule: every distinct condition
is answered once per register as a mask of the rows passing it (:mod:`numbits`), and a
rule's row selection is the ``&`` of those masks. Registers repeat a few values down the
rows (status, jenis, tingkat), so a condition tests each distinct value of a column once
(``ColumnKeys``) and finds the rows holding the values that pass in C; ``equals`` and
``in`` look their operands up in an index of the column's normalised items; ``contains``
on a column of mostly distinct names searches the column's text in one pass.

Every answer has three values (:mod:`~smartserang.scoring.conditions`): a condition's
answer is a pair of masks, the rows surely passing and the rows that may pass, and
conditions combine by ``&`` and ``|`` on both. A column the register lacks leaves every
row unknown; in a column whose blank says nothing, the blank rows (one more lookup of
the column's values) are unknown.

Each answer is the one :class:`~smartserang.scoring.conditions.RowEngine` gives testing
row by row; the tests hold the two equal.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple, cast

from smartserang.model import CellValue, Condition, Inventory, Register, RowReference
from smartserang.scoring import numbits
from smartserang.scoring.conditions import (
    BY_VALUE,
    SEVERAL,
    Answer,
    blank_is_unknown,
    cell_test,
    filled,
    items,
    named,
    value_key,
)
from smartserang.workbook.names import normalise_all

_SEPARATOR = "\x1f"
"""Joins list items in ``ColumnEngine._text``; ``normalise_token`` turns it (white space,
like the newline between rows) into a plain space, so no normalised text holds it."""
_BYTE_VALUES = 256
_FEW_VALUES = 8
"""A column with fewer distinct values than one in this many rows is tested value by value."""

Keys = tuple[list[object], set[object], bool]
"""A column's cells as keys, their distinct keys, and whether keys carry their class."""


class ColumnKeys:
    """The cells of each column as hashable keys, made once per column (cached)."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], Keys] = {}

    def __call__(self, register: Register, column: str) -> Keys:
        """The cells of ``column`` as keys, their distinct keys, and whether the keys carry
        their class (only when the column mixes booleans, whole and decimal numbers:
        True == 1 == 1.0). Registers repeat a few values down the rows, so a question
        about the cells is asked of each distinct key once."""
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


def unkey(key: object, keyed: bool) -> CellValue:
    """The cell of a key made by ``ColumnKeys``."""
    return key[1] if keyed else key  # type: ignore[index, return-value]


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


class ColumnEngine:
    """Answers conditions over one inventory's registers, a column at a time (cached)."""

    def __init__(self, inventory: Inventory, keys: ColumnKeys | None = None) -> None:
        self.inventory = inventory
        self.reference_date: dt.date | None = inventory.profile.reference_date()
        self.keys = keys if keys is not None else ColumnKeys()
        self._masks: dict[tuple[str, tuple[Condition, ...]], Answer] = {}
        self._answers: dict[tuple[str, Condition], Answer] = {}
        self._named: dict[tuple[str, Condition], tuple[int, int, int]] = {}
        self._names: dict[RowReference, tuple[dict[str, int], dict[str, int]]] = {}
        self._blanks: dict[tuple[str, str], int] = {}
        self._codes: dict[tuple[str, str], tuple[bytes, dict[object, int]] | None] = {}
        self._indexes: dict[tuple[str, str], dict[tuple[str, object], set[object]]] = {}
        self._token_cache: dict[tuple[str, str], _Tokens] = {}
        self._texts: dict[tuple[str, str], tuple[str, list[int], list[int]]] = {}

    def answer(self, register: Register, where: tuple[Condition, ...]) -> Answer:
        key = (register.sheet, where)
        cached = self._masks.get(key)
        if cached is None:
            cached = self._masks[key] = self._passing(register, where)
        return cached

    def passing(self, register: Register, where: tuple[Condition, ...]) -> int:
        return self.answer(register, where).sure

    def _passing(self, register: Register, conditions: Iterable[Condition]) -> Answer:
        """The rows passing every condition: surely, and possibly.

        A condition naming rows of a register (``names_row_of``) is asked only of the
        rows that may pass the others, when there are others: it reads every item of
        every list, where the others look each distinct value up once.
        """
        conditions = list(conditions)
        costly = [c for c in conditions if c.op == "names_row_of"]
        cheap = [c for c in conditions if c.op != "names_row_of"]
        if not costly or not cheap:
            costly, cheap = [], conditions
        sure = possible = numbits.every(len(register))
        for condition in cheap:
            found = self._positions_of(register, condition)
            sure &= found.sure
            possible &= found.possible
        for condition in costly:
            found = self._naming_among(register, condition, possible)
            sure &= found.sure
            possible &= found.possible
        return Answer(sure, possible)

    def _positions_of(self, register: Register, condition: Condition) -> Answer:
        """The rows passing one condition (cached per register)."""
        key = (register.sheet, condition)
        cached = self._answers.get(key)
        if cached is None:
            cached = self._answer(register, condition)
            self._answers[key] = cached
        return cached

    def _answer(self, register: Register, condition: Condition) -> Answer:
        op, column = condition.op, condition.column
        if op == "any_of":
            sure = possible = 0
            for alternative in condition.alternatives:
                found = self._passing(register, alternative)
                sure |= found.sure
                possible |= found.possible
            return Answer(sure, possible)
        assert column is not None
        if column not in register.columns:  # the register does not record this field
            if op not in BY_VALUE and op != "names_row_of":
                raise ValueError(f"unknown condition operator {op!r}")
            return Answer(0, numbits.every(len(register)))
        if op == "names_row_of":  # asked of every row: a condition on its own
            return self._naming_among(register, condition, numbits.every(len(register)))
        if op in ("equals", "in"):
            options = condition.value if op == "in" else (condition.value,)
            assert isinstance(options, tuple)
            index = self._index(register, column)
            wanted = (value_key(option) for option in options)
            chosen = set().union(*(index.get(k, ()) for k in wanted if k is not None))
            sure = self._where(register, column, chosen)
        elif op not in BY_VALUE:
            raise ValueError(f"unknown condition operator {op!r}")
        else:
            _, distinct, keyed = self.keys(register, column)
            if op == "contains" and len(distinct) * _FEW_VALUES > len(register):
                needles = condition.value
                assert isinstance(needles, tuple)
                sure = self._containing(register, column, needles)  # names: search the text
            else:
                test = cell_test(condition, self.reference_date)
                sure = self._where(register, column, {k for k in distinct if test(unkey(k, keyed))})
        if op == "present" or not blank_is_unknown(register.sheet, column):
            return Answer(sure, sure)
        return Answer(sure, sure | self.blanks(register, column))

    def blanks(self, register: Register, column: str) -> int:
        """The rows whose ``column`` is blank, as a mask (cached)."""
        key = (register.sheet, column)
        cached = self._blanks.get(key)
        if cached is None:
            _, distinct, keyed = self.keys(register, column)
            empty = {k for k in distinct if not filled(unkey(k, keyed))}
            cached = self._blanks[key] = self._where(register, column, empty)
        return cached

    def _where(self, register: Register, column: str, chosen: set[object]) -> int:
        """The rows whose ``column`` has one of the ``chosen`` keys (see ``ColumnKeys``),
        as a mask made in C."""
        if not chosen:
            return 0
        coded = self._coded(register, column)
        if coded is None:
            keys, _, _ = self.keys(register, column)
            return numbits.mask(map(chosen.__contains__, keys))
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
            keys, distinct, _ = self.keys(register, column)
            coded = None
            if len(distinct) <= _BYTE_VALUES:
                code_of = {key: code for code, key in enumerate(distinct)}
                coded = (bytes(map(code_of.__getitem__, keys)), code_of)
            self._codes[cache_key] = coded
        return self._codes[cache_key]

    def _containing(self, register: Register, column: str, needles: tuple[str, ...]) -> int:
        """The rows whose ``column`` has an item containing one of ``needles``, as a mask.

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
        return numbits.mask_at(found, len(register))

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
            given: list[Any] = list(filter(None, cells))  # "", () and None are blank
            lists = kinds <= {tuple, type(None)}
            texts = list(itertools.chain.from_iterable(given)) if lists else given
            if kinds <= {str, type(None)} or (lists and set(map(type, texts)) <= {str}):
                # text, or lists of text (as the reader makes them): taken apart in C
                positions = list(itertools.compress(itertools.count(), cells))
                counts = list(map(len, given)) if lists else None
                cached = _Tokens(positions, counts, normalise_all(texts))
            else:
                positions, counts, texts = [], [], []
                for i, cell in enumerate(cells):
                    if isinstance(cell, str):
                        if cell:
                            positions.append(i)
                            texts.append(cell)
                            counts.append(1)
                    elif filled(cell):
                        positions.append(i)
                        cell_items = [str(item) for item in items(cell)]
                        texts.extend(cell_items)
                        counts.append(len(cell_items))
                cached = _Tokens(positions, counts, normalise_all(texts))
            self._token_cache[key] = cached
        return cached

    def _index(self, register: Register, column: str) -> dict[tuple[str, object], set[object]]:
        """Index of ``column``: the ``value_key`` of each value (each item of a list) ->
        the distinct cells holding it, as ``ColumnKeys`` keys them (cached)."""
        key = (register.sheet, column)
        index = self._indexes.get(key)
        if index is None:
            index = {}
            _, distinct, keyed = self.keys(register, column)
            given = [(key, cell) for key in distinct if filled(cell := unkey(key, keyed))]
            texts = [item for _, cell in given for item in items(cell) if isinstance(item, str)]
            normal = dict(zip(texts, normalise_all(texts), strict=True))
            for cell_key, cell in given:
                for item in items(cell):
                    if isinstance(item, str):
                        item_key: tuple[str, object] | None = ("s", normal[item])
                    else:
                        item_key = value_key(item)
                    if item_key is not None:
                        index.setdefault(item_key, set()).add(cell_key)
            self._indexes[key] = index
        return index

    def _naming_among(self, register: Register, condition: Condition, among: int) -> Answer:
        """The rows of the mask ``among`` passing ``condition``, a ``names_row_of``."""
        if not among:
            return Answer(0, 0)
        cached = self._answers.get((register.sheet, condition))
        if cached is not None:
            return Answer(among & cached.sure, among & cached.possible)
        # Steps ask it of overlapping rows: each row is looked at once, then remembered.
        decided, sure, possible = self._named.get((register.sheet, condition), (0, 0, 0))
        todo = among & ~decided
        if todo:
            found = self._naming_at(register, condition, todo)
            sure, possible = sure | found.sure, possible | found.possible
            self._named[(register.sheet, condition)] = (decided | todo, sure, possible)
        return Answer(among & sure, among & possible)

    def _naming_at(self, register: Register, condition: Condition, among: int) -> Answer:
        """The rows of the mask ``among`` passing ``condition``, a ``names_row_of``."""
        reference, column = condition.value, condition.column
        assert isinstance(reference, RowReference)
        assert column is not None
        size = len(register)
        if column not in register.columns:  # the register does not record this field
            return Answer(0, among)
        cells, numbers = register.cells(column), register.numbers
        unknown = blank_is_unknown(register.sheet, column)
        owners: list[int] = []
        texts: list[str] = []
        blank: list[int] = []
        for i in numbits.positions_in(among, size):
            cell = cells[i]
            if isinstance(cell, str):
                if cell:
                    owners.append(i)
                    texts.append(cell)
                else:
                    blank.append(i)
            elif filled(cell):
                cell_texts = [str(item) for item in items(cell)]
                owners.extend(itertools.repeat(i, len(cell_texts)))
                texts.extend(cell_texts)
            else:
                blank.append(i)
        blanks = numbits.mask_at(blank, size) if unknown else 0
        target = self.inventory.register(reference.sheet)
        if target is not None and reference.column not in target.columns:
            return Answer(0, numbits.mask_at(owners, size) | blanks)  # names not recorded
        sure_table, possible_table = self._tables(reference)
        same = reference.sheet == register.sheet  # a row naming itself proves nothing
        names = normalise_all(texts)
        sure = numbits.mask_at(_naming(owners, names, sure_table, same, numbers), size)
        possible = sure
        if possible_table is not sure_table:
            possible = numbits.mask_at(_naming(owners, names, possible_table, same, numbers), size)
        return Answer(sure, possible | blanks)

    def names_in(self, reference: RowReference) -> dict[str, int]:
        return self._tables(reference)[0]

    def possible_names_in(self, reference: RowReference) -> dict[str, int]:
        return self._tables(reference)[1]

    def _tables(self, reference: RowReference) -> tuple[dict[str, int], dict[str, int]]:
        """``names_in`` and ``possible_names_in`` of ``reference`` (cached)."""
        tables = self._names.get(reference)
        if tables is None:
            register = self.inventory.register(reference.sheet)
            if register is None:
                tables = ({}, {})
            elif not reference.where:
                table = _name_table(register, reference.column, None)
                tables = (table, table)
            else:
                found = self.answer(register, reference.where)
                sure = _name_table(register, reference.column, found.sure)
                possible = sure
                if found.possible != found.sure:
                    possible = _name_table(register, reference.column, found.possible)
                tables = (sure, possible)
            self._names[reference] = tables
        return tables


def _naming(
    owners: list[int], names: list[str], table: dict[str, int], same: bool, numbers: Sequence[int]
) -> Iterator[int]:
    """The owners of the names found in ``table`` (not naming their own row when ``same``)."""
    return (
        i
        for i, name in zip(owners, names, strict=True)
        if (found := table.get(name)) is not None and (not same or found != numbers[i])
    )


def _name_table(register: Register, column: str, chosen: int | None) -> dict[str, int]:
    """Normalised value of ``column`` -> the number of the row holding it, or ``SEVERAL``,
    of the rows in the mask ``chosen`` (every row when None)."""
    cells, numbers = register.cells(column), register.numbers
    if chosen is not None:
        positions = numbits.positions_in(chosen, len(register))
        cells = list(map(cells.__getitem__, positions))
        numbers = list(map(numbers.__getitem__, positions))
    if set(map(type, cells)) <= {str, type(None)}:  # names, as the reader makes them
        numbers = list(itertools.compress(numbers, cells))
        texts = cast(list[str], list(filter(None, cells)))
    else:
        pairs = [(n, c) for n, c in zip(numbers, cells, strict=True) if named(c)]
        numbers, texts = [n for n, _ in pairs], [str(c) for _, c in pairs]
    names = normalise_all(texts)
    table = dict(zip(names, numbers, strict=True))
    if len(table) < len(names):  # a name held by several rows
        for name, count in Counter(names).items():
            if count > 1:
                table[name] = SEVERAL
    return table
