"""Words in the user's language: the catalogue's messages filled in, and numbers and dates
written as Indonesian or English readers expect (the decimal comma in Indonesian).

The words themselves live in ``smartserang.catalogue``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


class Count(int):
    """A whole number written with its thousands grouped: ``500,000`` in English,
    ``500.000`` in Indonesian."""

    __slots__ = ()


class Size(int):
    """A number of bytes written as a person reads it: ``100 MB``, ``1.5 GB`` (``1,5 GB``
    in Indonesian), ``512 bytes`` (``512 bita``)."""

    __slots__ = ()


_BYTES = {"id": "bita", "en": "bytes"}
_SCALES = ((1000**3, "GB"), (1000**2, "MB"), (1000, "KB"))


@dataclass(frozen=True)
class Phrase:
    """A catalogue entry given as a value of another (a reason, a measure, "did you
    mean"): filled in the language the whole message is read in."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Param) -> Phrase:
        return cls(key, tuple(sorted(params.items())))

    def words(self, lang: str) -> str:
        return message(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class Phrases:
    """Values written one after another: joined by ``separator``, or by the catalogue's
    entry ``joiner`` (" and " / " dan ") when it is given."""

    parts: tuple[Param, ...]
    separator: str = "; "
    joiner: str | None = None


Param = str | int | Decimal | Fraction | Phrase | Phrases
"""A value filled into a message: text as it is, numbers in the reader's notation, and
phrases in the reader's language."""


def message(key: str, lang: str, **values: object) -> str:
    """The catalogue's message ``key`` in ``lang``, with ``{placeholders}`` filled.

    Numbers that are not whole (``Decimal``, ``Fraction``, ``float``) are written in
    ``lang``'s notation (``1,5`` in Indonesian); text is filled in as it is.
    """
    from smartserang.catalogue import messages

    texts = messages()[key]
    return texts[lang].format(**{name: _filled(value, lang) for name, value in values.items()})


def _filled(value: object, lang: str) -> object:
    if isinstance(value, Phrase):
        return value.words(lang)
    if isinstance(value, Phrases):
        joiner = value.separator if value.joiner is None else message(value.joiner, lang)
        return joiner.join(str(_filled(part, lang)) for part in value.parts)
    if isinstance(value, Count):
        return _grouped(f"{value:,}", lang)
    if isinstance(value, Size):
        for factor, suffix in _SCALES:
            if value >= factor:
                text = f"{value / factor:,.1f}".removesuffix(".0")
                return f"{_grouped(text, lang)} {suffix}"
        return f"{_grouped(f'{value:,}', lang)} {_BYTES[lang]}"
    if isinstance(value, bool) or not isinstance(value, Decimal | Fraction | float):
        return value
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(value, "f") if isinstance(value, Decimal) else repr(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "id" else text


def _grouped(text: str, lang: str) -> str:
    """``1,234.5`` as ``lang`` writes it (``1.234,5`` in Indonesian)."""
    return text.translate(_SWAPPED) if lang == "id" else text


_SWAPPED = str.maketrans(",.", ".,")


def format_decimal(value: Decimal, lang: str) -> str:
    """``2.61`` in English, ``2,61`` in Indonesian (decimal comma)."""
    text = f"{value:f}"
    return text.replace(".", ",") if lang == "id" else text


def format_fraction(value: Fraction, places: int, lang: str) -> str:
    """``value`` rounded half up to ``places`` decimals, in ``lang``'s notation."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format_decimal(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), lang)


def format_percent(share: Fraction, lang: str) -> str:
    """A share (0–1) as a percentage with one decimal: ``64,5%`` or ``64.5%``."""
    return format_fraction(share * 100, 1, lang) + "%"


def format_levels(least: int | None, most: int | None) -> str:
    """A level as shown, or the span a level may lie in: ``3``; ``1–3`` when blank fields
    leave the registers' support between ``least`` and ``most``; ``–`` for none."""
    if least is None:
        return "–"
    return f"{least}–{most}" if most is not None and most > least else str(least)


def format_date(day: dt.date, lang: str) -> str:
    """``30 September 2025`` with the month named in ``lang``."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
