"""Typing raw workbook cells: one converter per column type of the contract, reading each
value as offices type it.

Each converter turns a cell as python-calamine returns it into the column's typed value
(``CellValue``) or raises :class:`BadValue` naming the catalogue entry (and problem code)
that the reader reports at that cell. Text is compared as a person reads it: every text
cell is taken in Unicode NFC, without the invisible characters web pages leave in it, and
with no-break spaces as plain spaces (``clean_text``). Numbers typed as text are read by
``numbers``, dates by ``dates``, levels by ``levels``; yes/no is read here. What cannot be read
with certainty is refused with the forms to write instead, never guessed
(docs/workbook.md, "Values as offices type them").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import cast

from smartserang.i18n import Phrase, Phrases
from smartserang.model import CellValue
from smartserang.problems import Param, Problem
from smartserang.workbook import dates, levels, numbers
from smartserang.workbook.contract import (
    VOCABULARIES,
    Column,
    ColumnType,
    Vocabulary,
)
from smartserang.workbook.limits import breach_words
from smartserang.workbook.names import normalise_token

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
_CLEANING = {
    # Invisible characters a copy from a web page or a word processor leaves behind: a
    # zero-width space, left-to-right and right-to-left marks, a word joiner, a BOM, a
    # soft hyphen. (Zero-width joiners stay: emoji and some scripts are built with them.)
    **dict.fromkeys(map(ord, "\u200b\u200e\u200f\u2060\ufeff\u00ad")),
    # No-break, figure, thin and narrow no-break spaces: a plain space to the reader.
    **dict.fromkeys(map(ord, "\u00a0\u2007\u2009\u202f"), " "),
}
_PLACEHOLDERS = frozenset({"-", "--", "---", "\u2013", "\u2014", "n/a", "na", "?", "nil", "null"})
"""What offices put in a cell for "none" or "not known" (``-`` means nil in Indonesian
statistics): refused in typed columns, which must say which of the two it is."""


class BadValue(Exception):
    """A cell whose value its column does not accept."""

    def __init__(self, message: str, code: str, key: str, params: dict[str, Param]) -> None:
        super().__init__(message)
        self.message = message
        """The problem in English."""
        self.code = code
        self.key = key
        """The catalogue entry wording the problem."""
        self.params = params

    @classmethod
    def worded(cls, key: str, code: str, **params: Param) -> BadValue:
        """The problem worded by the catalogue's entry ``key``."""
        from smartserang.i18n import message

        return cls(message(key, "en", **params), code, key, params)

    def problem(self, location: str) -> Problem:
        """The error at ``location``, in either language."""
        return Problem.error(location, self.key, self.code, **self.params)

    def phrase(self) -> Phrase:
        """The problem as a value of another message (``{header}: {problem}``)."""
        return Phrase.of(self.key, **self.params)


def error_value(shown: str) -> BadValue:
    """The problem of a cell showing the Excel error ``shown`` (``#N/A``, ``#REF!``...)."""
    if getattr(shown, "message", None) is not None:  # scan.Unsaved: no value saved
        return BadValue.worded("formula_no_value", "inventory.cell.error", formula=shown or "=...")
    return BadValue.worded("cell_error_shown", "inventory.cell.error", shown=shown)


def too_long(text: str, max_length: int) -> BadValue:
    """The problem of a cell whose text passes the string-length limit."""
    what = Phrase.of("limit_what_text")
    key, params = breach_words(what, "string_length", len(text), max_length)
    return BadValue.worded(key, "inventory.limit", **params)


def clean_text(text: str) -> str:
    """``text`` as compared and kept: NFC, without invisible characters, with no-break
    spaces as spaces (a name typed in NFD matches the same name typed in NFC)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.translate(_CLEANING))


def _clean_stripped(text: str) -> str:
    return text if text.isascii() else clean_text(text).strip()


def _typed(raw: Raw, convert: Converter, max_length: int) -> CellValue:
    """The typed value of a raw cell: None when blank; raises ``BadValue``."""
    if isinstance(raw, str):
        if len(raw) > max_length:
            raise too_long(raw, max_length)
        raw = raw.strip()
        if not raw.isascii():
            raw = clean_text(raw).strip()
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
    if not "".join(stripped).isascii():  # (one test in C for the usual all-ASCII column)
        stripped = list(map(_clean_stripped, stripped))
    if _ERRORS_OR_BLANK.isdisjoint(stripped):
        return stripped  # type: ignore[return-value]
    if not _EXCEL_ERRORS.isdisjoint(stripped):
        return None
    return [text or None for text in stripped]


def _shown(raw: Raw) -> Param:
    """``raw`` as a message quotes it: text in quotes, numbers as Excel shows them (in the
    reader's notation)."""
    if isinstance(raw, str):
        return f"'{raw}'"
    if isinstance(raw, float) and raw - raw == 0:  # finite
        return int(raw) if raw.is_integer() else Decimal(repr(raw))
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    return as_text(raw)


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


def _split(text: str) -> tuple[str, ...]:
    """Comma-separated pieces, stripped, empty ones dropped. (Not at line breaks: a long
    name is wrapped in its cell with Alt+Enter.)"""
    return tuple(filter(None, map(str.strip, text.split(","))))


def _to_list(raw: Raw) -> CellValue:
    return _split(as_text(raw)) or None


# ---------------------------------------------------------------------- numbers


def _to_integer(column: Column) -> Converter:
    form = numbers.FORMS.get(column.key, numbers.WHOLE)

    def convert(raw: Raw) -> CellValue:
        if type(raw) is float:
            if raw.is_integer():
                return int(raw)
        elif type(raw) is int:
            return raw
        elif isinstance(raw, str):
            value = _number_text(column, raw, form, "inventory.integer", whole=True)
            if value == value.to_integral_value():
                return int(value)
        raise BadValue.worded(
            "cell_integer", "inventory.integer", column=column.name, value=_shown(raw)
        )

    return convert


def _to_number(column: Column) -> Converter:
    form = numbers.FORMS.get(column.key, numbers.PLAIN)
    code = "inventory.number"

    def convert(raw: Raw) -> CellValue:
        if type(raw) is float or type(raw) is int:
            value = float(raw)
            if not form.whole or value.is_integer():
                return value
        elif isinstance(raw, str):
            number = _number_text(column, raw, form, code, whole=form.whole)
            if not form.whole or number == number.to_integral_value():
                return float(number)
        else:
            raise BadValue.worded("cell_number", code, column=column.name, value=_shown(raw))
        # A count of cameras, points or links: a decimal is a mistake, not a value.
        raise BadValue.worded("cell_integer", code, column=column.name, value=_shown(raw))

    return convert


def _number_text(
    column: Column, text: str, form: numbers.NumberForm, code: str, whole: bool
) -> Decimal:
    """The number ``text`` writes, or ``BadValue`` saying why it cannot be read."""
    found = numbers.read_number(text, form)
    if isinstance(found, Decimal):
        return found
    value = _shown(text)
    why = found.why
    if why is numbers.Why.AMBIGUOUS:
        plain = found.thousands
        dotted = f"{plain:,}".replace(",", ".")
        if whole or form.money:
            key = "cell_number_ambiguous_whole"
            return _raise(key, code, column=column.name, value=value, plain=plain, dotted=dotted)
        decimal = found.decimal
        comma = format(decimal.normalize(), "f").replace(".", ",")
        return _raise(
            "cell_number_ambiguous",
            code,
            column=column.name,
            value=value,
            plain=plain,
            decimal=decimal.normalize(),
            comma=comma,
        )
    if why is numbers.Why.PERCENT:
        return _raise("cell_number_percent", code, column=column.name, value=value)
    if why is numbers.Why.WORD and form.units:
        units = ", ".join(form.units)
        key = "cell_number_word_units"
        return _raise(key, code, column=column.name, value=value, word=found.word, units=units)
    if why is numbers.Why.WORD:
        return _raise("cell_number_word", code, column=column.name, value=value, word=found.word)
    key = "cell_integer" if whole and code == "inventory.integer" else "cell_number"
    return _raise(key, code, column=column.name, value=value)


def _raise(key: str, code: str, **params: Param) -> Decimal:
    raise BadValue.worded(key, code, **params)


# ---------------------------------------------------------------------- levels


def _level_refused(column: Column, raw: Raw, refused: levels.Refused) -> BadValue:
    """The problem of a level ``levels`` refused."""
    code, value = "inventory.level", _shown(raw)
    if refused.why is levels.Why.NAME_ALONE:
        return BadValue.worded("cell_level_name", code, column=column.name, value=value)
    if refused.why is levels.Why.UNKNOWN_LABEL:
        label = refused.label
        return BadValue.worded(
            "cell_level_text", code, column=column.name, value=value, label=label
        )
    if refused.why is levels.Why.OTHER_LEVEL:
        return BadValue.worded(
            "cell_level_label",
            code,
            column=column.name,
            value=value,
            label=refused.label,
            named="/".join(map(str, refused.named)),
            level=refused.level,
        )
    return BadValue.worded("cell_level", code, value=value)


def _to_level(column: Column) -> Converter:
    # Scales run within 0-5 (PermenPANRB 5/2018 started at 0); which of these levels an
    # indicator has is its set's matter, checked when the claims are scored.
    def convert(raw: Raw) -> CellValue:
        level: int | levels.Refused = levels.Refused(levels.Why.NOT_A_LEVEL)
        if type(raw) is float:
            level = int(raw) if raw.is_integer() else level
        elif type(raw) is int:
            level = raw
        elif isinstance(raw, str):
            level = levels.read_level(raw)
        if isinstance(level, levels.Refused):
            raise _level_refused(column, raw, level)
        if not 0 <= level <= 5:
            raise _level_refused(column, raw, levels.Refused(levels.Why.NOT_A_LEVEL))
        return level

    return convert


# ---------------------------------------------------------------------- yes/no

_BOOLEANS = {
    **dict.fromkeys(
        ("ya", "iya", "yes", "true", "benar", "1", "y", "ada", "sudah", "v", "\u2713",
         "\u2714", "\u221a", "\u2611", "\u2705"),
        True,
    ),
    **dict.fromkeys(
        ("tidak", "tdk", "no", "false", "salah", "0", "t", "n", "tidak ada", "belum", "bukan"),
        False,
    ),
}  # fmt: skip
"""Yes/no as offices write them: ✓, √ and a typed v are ticks; sudah/belum, ada/tidak ada."""
_CROSSES = frozenset({"x", "\u2717", "\u2718", "\u2612", "\u00d7", "\u2715", "\u274c"})
"""A cross means "no" beside ticks and "chosen" in a box: refused."""
_ANSWER_AND_MORE = re.compile(
    r"(?:ya|iya|yes|tidak|tdk|no|sudah|belum|ada|tidak ada|bukan)\b\s*[-,;:(/\u2013]?\s*\w.*",
    re.IGNORECASE | re.DOTALL,
)


def _to_boolean(column: Column) -> Converter:
    def convert(raw: Raw) -> CellValue:
        if isinstance(raw, bool):
            return raw
        text = " ".join(as_text(raw).casefold().split()).rstrip(".!")
        value = _BOOLEANS.get(text)
        if value is not None:
            return value
        key = "cell_boolean"
        if text in _CROSSES:
            key = "cell_boolean_cross"
        elif isinstance(raw, str) and _ANSWER_AND_MORE.fullmatch(text):
            key = "cell_boolean_more"
        raise BadValue.worded(key, "inventory.boolean", column=column.name, value=_shown(raw))

    return convert


# ---------------------------------------------------------------------- dates

_DATE_REFUSALS = {
    dates.Why.MONTH_FIRST: "cell_date_month_first",
    dates.Why.SHORT_YEAR: "cell_date_short_year",
    dates.Why.NO_DAY: "cell_date_no_day",
    dates.Why.WEEKDAY: "cell_date_weekday",
    dates.Why.NO_SUCH_DAY: "cell_date_no_such_day",
}


def _to_date(column: Column) -> Converter:
    def convert(raw: Raw) -> CellValue:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        key, suggest = "cell_date", ""
        if isinstance(raw, str):
            found = dates.read_date(raw)
            if isinstance(found, dt.date):
                return found
            key, suggest = _DATE_REFUSALS.get(found.why, key), found.suggest
        elif type(raw) is float and raw.is_integer() and 1900 <= raw <= 2100:
            key = "cell_date_no_day"  # a year alone
        params: dict[str, Param] = {"column": column.name, "value": _shown(raw)}
        if suggest:
            params["suggest"] = suggest
        raise BadValue.worded(key, "inventory.date", **params)

    return convert


# ---------------------------------------------------------------------- vocabularies


def _to_vocab(column: Column, vocab: Vocabulary, many: bool) -> Converter:
    def term(text: str) -> CellValue | None:
        """The stored form of one term; None when a closed vocabulary lacks it."""
        found = vocab.lookup(text)
        if found is not None:
            return found.rank if vocab.ordinal else found.value
        if vocab.ordinal and (parts := levels.level_parts(text)) is not None:
            # Tingkat 3, III, 3 (transaksi), transaksi (3): the rank, checked against its name.
            level, label = parts
            if any(t.rank == level for t in vocab.terms):
                refused = levels.check_label(level, label)
                if refused is not None:
                    raise _level_refused(column, text, refused)
                return level
        return normalise_token(text) if vocab.open else None

    def convert(raw: Raw) -> CellValue:
        texts = _split(as_text(raw)) if many else (as_text(raw),)
        values = [term(text) for text in texts]
        # All unknown terms of a cell in one message, so the user fixes the cell once.
        unknown = [text for text, value in zip(texts, values, strict=True) if value is None]
        if unknown:
            raise _unknown(column, vocab, *unknown)
        if not many:
            return values[0]
        return tuple(dict.fromkeys(str(v) for v in values)) or None  # "a, A" counts once

    return convert


def _unknown(column: Column, vocab: Vocabulary, *texts: str) -> BadValue:
    """Names the unknown values, suggests the closest terms and lists the accepted ones."""
    import difflib  # only bad cells need it

    spellings = {normalise_token(n): t.value for t in vocab.terms for n in (t.value, *t.aliases)}
    notes: list[Param] = []
    for text in texts:
        close = difflib.get_close_matches(normalise_token(text), spellings, n=1)
        if close:
            like = spellings[close[0]]
            one = len(texts) == 1
            notes.append(
                Phrase.of("vocab_like", like=like)
                if one
                else Phrase.of("vocab_like_for", like=like, text=text)
            )
    notes.append(Phrase.of("vocab_accepted", values=", ".join(vocab.values())))
    quoted = ", ".join(f"'{t}'" for t in texts)
    return BadValue.worded(
        "cell_vocab_unknown", "inventory.vocab",
        column=column.name, values=quoted, notes=Phrases(tuple(notes)),
    )  # fmt: skip


# ---------------------------------------------------------------------- dispatch


def _placeholder_guard(column: Column, convert: Converter) -> Converter:
    """``convert``, refusing ``-``, ``n/a`` and the like: none, or not known?"""
    key = {
        ColumnType.INTEGER: "cell_dash_number",
        ColumnType.NUMBER: "cell_dash_number",
        ColumnType.BOOLEAN: "cell_dash_boolean",
    }.get(column.type, "cell_dash")
    code = f"inventory.{column.type.value.split('_')[0]}"

    def guarded(raw: Raw) -> CellValue:
        if isinstance(raw, str) and raw.casefold() in _PLACEHOLDERS:
            raise BadValue.worded(key, code, column=column.name, value=_shown(raw))
        return convert(raw)

    return guarded


def _converter(column: Column) -> Converter:
    """The function that types this column's cells."""
    kind = column.type
    if kind is ColumnType.TEXT:
        return as_text
    if kind is ColumnType.LIST:
        return _to_list
    if kind in (ColumnType.VOCAB, ColumnType.VOCAB_LIST):
        assert column.vocabulary is not None, column.key  # contract: vocab columns name one
        vocab = VOCABULARIES[column.vocabulary]
        convert = _to_vocab(column, vocab, many=kind is ColumnType.VOCAB_LIST)
    else:
        makers = {
            ColumnType.INTEGER: _to_integer,
            ColumnType.NUMBER: _to_number,
            ColumnType.LEVEL: _to_level,
            ColumnType.BOOLEAN: _to_boolean,
            ColumnType.DATE: _to_date,
        }
        convert = makers[kind](column)
    return _placeholder_guard(column, convert)
