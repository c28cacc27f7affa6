"""The column engine: conditions answered over whole columns, not row by row.

Registers are indexed once per run, not scanned once per rule: every distinct condition
is answered once per register as a mask of the rows passing it (:mod:`numbits`), and a
rule's row selection is the ``&`` of those masks. Registers repeat a few values down the
rows (status, jenis, tingkat), so a condition tests each distinct value of a column once
(``ColumnKeys``) and finds the rows holding the values that pass in C; ``equals`` and
``in`` look their operands up in an index of the column's normalised items; ``contains``
on a column of mostly distinct names searches the column's text in one pass.

Each answer is the one :class:`~smartserang.scoring.conditions.RowEngine` gives testing
row by row; the tests hold the two equal.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, cast

from smartserang.model import CellValue, Condition, Inventory, Register, RowReference
from smartserang.scoring import numbits
from smartserang.scoring.conditions import (
    BY_VALUE,
    SEVERAL,
    cell_test,
    filled,
    items,
    named,
    value_key,
)
from smartserang.workbook.contract import normalise_all

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
        self._masks: dict[tuple[str, tuple[Condition, ...]], int] = {}
        self._answers: dict[tuple[str, Condition], int] = {}
        self._named: dict[tuple[str, Condition], tuple[int, int]] = {}
        self._names: dict[RowReference, dict[str, int]] = {}
        self._codes: dict[tuple[str, str], tuple[bytes, dict[object, int]] | None] = {}
        self._indexes: dict[tuple[str, str], dict[tuple[str, object], set[object]]] = {}
        self._token_cache: dict[tuple[str, str], _Tokens] = {}
        self._texts: dict[tuple[str, str], tuple[str, list[int], list[int]]] = {}

    def passing(self, register: Register, where: tuple[Condition, ...]) -> int:
        key = (register.sheet, where)
        cached = self._masks.get(key)
        if cached is None:
            cached = self._masks[key] = self._passing(register, where)
        return cached

    def _passing(self, register: Register, conditions: Iterable[Condition]) -> int:
        """The rows passing every condition, as a mask.

        A condition naming rows of a register (``names_row_of``) is asked only of the
        rows passing the others, when there are others: it reads every item of every
        list, where the others look each distinct value up once.
        """
        conditions = list(conditions)
        costly = [c for c in conditions if c.op == "names_row_of"]
        cheap = [c for c in conditions if c.op != "names_row_of"]
        if not costly or not cheap:
            costly, cheap = [], conditions
        passing = numbits.every(len(register))
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
            index = self._index(register, column)
            wanted = (value_key(option) for option in options)
            chosen = set().union(*(index.get(k, ()) for k in wanted if k is not None))
            return self._where(register, column, chosen)
        if op == "names_row_of":  # asked of every row: a condition on its own
            return self._naming_among(register, condition, numbits.every(len(register)))
        if op not in BY_VALUE:
            raise ValueError(f"unknown condition operator {op!r}")
        _, distinct, keyed = self.keys(register, column)
        if op == "contains" and len(distinct) * _FEW_VALUES > len(register):
            needles = condition.value
            assert isinstance(needles, tuple)
            return self._containing(register, column, needles)  # names: search the text
        test = cell_test(condition, self.reference_date)
        return self._where(register, column, {k for k in distinct if test(unkey(k, keyed))})

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
        texts: list[str] = []
        for i in numbits.positions_in(among, len(register)):
            cell = cells[i]
            if isinstance(cell, str):
                if cell:
                    owners.append(i)
                    texts.append(cell)
            elif filled(cell):
                cell_texts = [str(item) for item in items(cell)]
                owners.extend(itertools.repeat(i, len(cell_texts)))
                texts.extend(cell_texts)
        same = reference.sheet == register.sheet  # a row naming itself proves nothing
        naming = (
            i
            for i, name in zip(owners, normalise_all(texts), strict=True)
            if (found := table.get(name)) is not None and (not same or found != numbers[i])
        )
        return numbits.mask_at(naming, len(register))

    def names_in(self, reference: RowReference) -> dict[str, int]:
        table = self._names.get(reference)
        if table is None:
            table = {}
            register = self.inventory.register(reference.sheet)
            if register is not None:
                cells = register.cells(reference.column)
                numbers = register.numbers
                if reference.where:
                    chosen = self.passing(register, reference.where)
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
            self._names[reference] = table
        return table
