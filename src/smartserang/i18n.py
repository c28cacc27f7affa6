"""Words in the user's language: the catalogue's messages filled in, and numbers and dates
written as Indonesian or English readers expect (the decimal comma in Indonesian).

The words themselves live in ``smartserang.catalogue``.
"""

from __future__ import annotations

import datetime as dt
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


def message(key: str, lang: str, **values: object) -> str:
    """The catalogue's message ``key`` in ``lang``, with ``{placeholders}`` filled.

    Numbers that are not whole (``Decimal``, ``Fraction``, ``float``) are written in
    ``lang``'s notation (``1,5`` in Indonesian); text is filled in as it is.
    """
    from smartserang.catalogue import messages

    texts = messages()[key]
    return texts[lang].format(**{name: _filled(value, lang) for name, value in values.items()})


def _filled(value: object, lang: str) -> object:
    if isinstance(value, bool) or not isinstance(value, Decimal | Fraction | float):
        return value
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(value, "f") if isinstance(value, Decimal) else repr(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "id" else text


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


def format_date(day: dt.date, lang: str) -> str:
    """``30 September 2025`` with the month named in ``lang``."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
