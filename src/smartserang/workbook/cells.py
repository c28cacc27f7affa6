"""Typing raw workbook cells: one converter per column type of the contract.

Each converter turns a cell as python-calamine returns it into the column's typed value
(``CellValue``) or raises :class:`BadValue` with the message and problem code the reader
reports at that cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import cast

from smartserang.model import CellValue
from smartserang.workbook.contract import (
    VOCABULARIES,
    Column,
    ColumnType,
    Vocabulary,
    normalise_token,
)
from smartserang.workbook.limits import breach_message

Raw = int | float | str | bool | dt.date | dt.datetime | dt.time | dt.timedelta
"""A cell as python-calamine returns it (``""`` for blank)."""
Converter = Callable[[Raw], CellValue]
"""Turns a stripped, non-blank raw cell into a typed value, or raises ``BadValue``."""

# Excel shows these for failed formulas. python-calamine turns real error cells into ""
# (indistinguishable from blank): the reader finds those in the sheet's XML (see
# ``scan``) and reports them with ``error_value``; text holding them is caught here.
_EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"}
)
_ERRORS_OR_BLANK = _EXCEL_ERRORS | {""}
_BOOLEANS = {
    **dict.fromkeys(("ya", "yes", "true", "1", "y"), True),
    **dict.fromkeys(("tidak", "no", "false", "0", "t"), False),
}
_WHOLE_TEXT = re.compile(r"[+-]?\d+", re.ASCII)
_NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class BadValue(Exception):
    """A cell whose value its column does not accept."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def error_value(shown: str) -> BadValue:
    """The problem of a cell showing the Excel error ``shown`` (``#N/A``, ``#REF!``...)."""
    if (unsaved := getattr(shown, "message", None)) is not None:  # scan.Unsaved: no value
        return BadValue(unsaved, "inventory.cell.error")
    message = f"the cell shows the error {shown}; correct its formula or clear it"
    return BadValue(message, "inventory.cell.error")


def too_long(text: str, max_length: int) -> BadValue:
    """The problem of a cell whose text passes the string-length limit."""
    message = breach_message("the text", "string_length", len(text), max_length)
    return BadValue(message, "inventory.limit")


def _typed(raw: Raw, convert: Converter, max_length: int) -> CellValue:
    """The typed value of a raw cell: None when blank; raises ``BadValue``."""
    if isinstance(raw, str):
        if len(raw) > max_length:
            raise too_long(raw, max_length)
        raw = raw.strip()
        if not raw:
            return None
        if raw in _EXCEL_ERRORS:
            raise error_value(raw)
    return convert(raw)


def cell_reader(column: Column, max_length: int = 32_767) -> Converter:
    """Types one raw cell of ``column``, blank or not (see ``_typed``); text longer than
    ``max_length`` characters is refused."""
    return functools.partial(_typed, convert=_converter(column), max_length=max_length)


def text_column(cells: list[Raw], max_length: int) -> list[CellValue] | None:
    """A TEXT column's typed cells, made by a few passes in C; or None when a cell needs
    the cell-by-cell reader (one that is not text, too long, or shows an error).

    Names, addresses and coordinates are distinct on every row, so typing them through a
    table of distinct cells saves nothing; this is ``cell_reader`` of a TEXT column for a
    whole column.
    """
    try:
        stripped: list[str] = list(map(str.strip, cells))  # type: ignore[arg-type]
    except TypeError:  # a cell that is not text
        return None
    if max(map(len, cast(list[str], cells)), default=0) > max_length:  # as _typed measures
        return None
    if _ERRORS_OR_BLANK.isdisjoint(stripped):
        return stripped  # type: ignore[return-value]
    if not _EXCEL_ERRORS.isdisjoint(stripped):
        return None
    return [text or None for text in stripped]


def _shown(raw: Raw) -> str:
    """``raw`` as a message quotes it: text in quotes, numbers as Excel shows them."""
    return f"'{raw}'" if isinstance(raw, str) else as_text(raw)


def as_text(raw: Raw) -> str:
    """Any cell as text; whole numbers lose the ``.0`` calamine gives them."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.isoformat(sep=" ")
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    return str(raw)


def _whole(raw: Raw) -> int | None:
    """``raw`` as a whole number, or None when it is not one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    if isinstance(raw, str) and _WHOLE_TEXT.fullmatch(raw):
        return int(raw)
    return None


def _split(text: str) -> tuple[str, ...]:
    """Comma-separated pieces, stripped, empty ones dropped."""
    return tuple(filter(None, map(str.strip, text.split(","))))


def _to_list(raw: Raw) -> CellValue:
    return _split(as_text(raw)) or None


def _to_level(raw: Raw) -> CellValue:
    # Scales run within 0-5 (PermenPANRB 5/2018 started at 0); which of these levels an
    # indicator has is its set's matter, checked when the claims are scored.
    level = _whole(raw)
    if level is None or not 0 <= level <= 5:
        raise BadValue(
            f"level must be a whole number from 0 to 5, got {_shown(raw)}", "inventory.level"
        )
    return level


def _to_integer(name: str) -> Converter:
    def convert(raw: Raw) -> CellValue:
        whole = _whole(raw)
        if whole is None:
            raise BadValue(f"{name} must be a whole number, got {_shown(raw)}", "inventory.integer")
        return whole

    return convert


def _to_number(name: str) -> Converter:
    def convert(raw: Raw) -> CellValue:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return float(raw)
        # Text like "1.234,5" is not guessed at: its meaning depends on the locale.
        if isinstance(raw, str) and _NUMBER_TEXT.fullmatch(raw):
            return float(raw)
        raise BadValue(f"{name} must be a number, got {_shown(raw)}", "inventory.number")

    return convert


def _to_boolean(name: str) -> Converter:
    def convert(raw: Raw) -> CellValue:
        if isinstance(raw, bool):
            return raw
        value = _BOOLEANS.get(as_text(raw).casefold())
        if value is None:
            message = f"{name} must be ya or tidak (yes/no), got {_shown(raw)}"
            raise BadValue(message, "inventory.boolean")
        return value

    return convert


def _to_date(name: str) -> Converter:
    def convert(raw: Raw) -> CellValue:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str) and _ISO_DATE.fullmatch(raw):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass  # 2024-02-31: shaped like a date but not one
        message = f"{name} must be a date (an Excel date or YYYY-MM-DD), got {_shown(raw)}"
        raise BadValue(message, "inventory.date")

    return convert


def _to_vocab(column: Column, vocab: Vocabulary, many: bool) -> Converter:
    def term(text: str) -> CellValue | None:
        """The stored form of one term; None when a closed vocabulary lacks it."""
        found = vocab.lookup(text)
        if found is not None:
            return found.rank if vocab.ordinal else found.value
        return normalise_token(text) if vocab.open else None

    def convert(raw: Raw) -> CellValue:
        texts = _split(as_text(raw)) if many else (as_text(raw),)
        values = [term(text) for text in texts]
        # All unknown terms of a cell in one message, so the user fixes the cell once.
        unknown = [text for text, value in zip(texts, values, strict=True) if value is None]
        if unknown:
            raise BadValue(_unknown(column, vocab, *unknown), "inventory.vocab")
        if not many:
            return values[0]
        return tuple(dict.fromkeys(str(v) for v in values)) or None  # "a, A" counts once

    return convert


def _unknown(column: Column, vocab: Vocabulary, *texts: str) -> str:
    """Names the unknown values, suggests the closest terms and lists the accepted ones."""
    import difflib  # only bad cells need it

    spellings = {normalise_token(n): t.value for t in vocab.terms for n in (t.value, *t.aliases)}
    notes = []
    for text in texts:
        close = difflib.get_close_matches(normalise_token(text), spellings, n=1)
        if close:
            target = "" if len(texts) == 1 else f" for '{text}'"
            notes.append(f"did you mean '{spellings[close[0]]}'{target}?")
    notes.append("accepted: " + ", ".join(vocab.values()))
    quoted = ", ".join(f"'{t}'" for t in texts)
    return f"unknown {column.name} {quoted} ({'; '.join(notes)})"


def _converter(column: Column) -> Converter:
    """The function that types this column's cells."""
    kind = column.type
    if kind is ColumnType.TEXT:
        return as_text
    if kind is ColumnType.LIST:
        return _to_list
    if kind is ColumnType.LEVEL:
        return _to_level
    if kind in (ColumnType.VOCAB, ColumnType.VOCAB_LIST):
        assert column.vocabulary is not None, column.key  # contract: vocab columns name one
        vocab = VOCABULARIES[column.vocabulary]
        return _to_vocab(column, vocab, many=kind is ColumnType.VOCAB_LIST)
    makers = {
        ColumnType.INTEGER: _to_integer,
        ColumnType.NUMBER: _to_number,
        ColumnType.BOOLEAN: _to_boolean,
        ColumnType.DATE: _to_date,
    }
    return makers[kind](column.name)
