"""Numbers as offices type them in text cells: thousands separators, the decimal comma,
rupiah amounts and the word naming what is counted.

A number cell is already a number; this module reads a cell whose number was typed as
text (a cell formatted as text, a value pasted from a web page, a CSV field). The rules
(docs/workbook.md, "Numbers typed as text"):

- Digits may be grouped in threes by dots (``1.500.000``: Indonesian), by spaces
  (``1 500 000``) or by commas (``1,500,000``); the first group has one to three digits
  and does not start with 0.
- The comma marks decimals (``3,5``, ``1.500,75``: Indonesian). A point does too where
  it cannot group thousands: ``3.5``, ``0.500``, ``1,500.75``.
- One separator followed by exactly three digits reads two ways. ``1.500`` is 1500 in a
  column of whole numbers or of rupiah, where a decimal has no place (the Indonesian
  reading); in a column of decimals it is refused. ``1,500`` is refused in every column:
  1500 to an English reader, 1,5 to an Indonesian one. A refused number names the ways
  to write it unambiguously; it is never guessed.
- A column of rupiah (Anggaran) also takes ``Rp``/``IDR`` before the number and ``,-``
  after it; a column counting things takes the word for them after the number
  (``1.500 orang``, ``12 unit``). ``ribu``, ``juta``, ``miliar`` and ``triliun`` (and
  ``rb``, ``jt``) after a number multiply it (``Rp 1,85 miliar``, ``1,2 juta jiwa``). A
  percent sign is refused: no column holds a share.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class NumberForm:
    """How a column's numbers may be written, beyond digits."""

    whole: bool = False
    """The column counts whole things: a decimal is refused, and a dot groups thousands."""
    money: bool = False
    """Rupiah: ``Rp``/``IDR`` before the number, ``,-`` or ``rupiah`` after it; whole
    rupiah are written with dots grouping thousands."""
    units: tuple[str, ...] = ()
    """Words that may follow the number (casefolded), naming what is counted."""


FORMS: dict[str, NumberForm] = {
    "jumlah": NumberForm(
        whole=True,
        units=("unit", "buah", "titik", "kamera", "tautan", "link", "lokasi", "perangkat"),
    ),
    "jumlah_pengguna": NumberForm(whole=True, units=("pengguna", "orang", "user", "users", "akun")),
    "jumlah_penduduk": NumberForm(whole=True, units=("jiwa", "orang", "penduduk")),
    "jumlah_kecamatan": NumberForm(whole=True, units=("kecamatan",)),
    "jumlah_perangkat_daerah": NumberForm(whole=True, units=("perangkat daerah", "opd", "skpd")),
    "anggaran": NumberForm(money=True),
}
"""Columns whose numbers are written in more ways than digits, by column key."""
PLAIN = NumberForm()
WHOLE = NumberForm(whole=True)


class Why(enum.Enum):
    """Why a text was not read as a number."""

    NOT_A_NUMBER = "not a number"
    AMBIGUOUS = "one separator before three digits: thousands or decimals"
    PERCENT = "a percentage"
    WORD = "a number followed by a word the column does not take"


@dataclass(frozen=True)
class Refused:
    """A text not read as a number, and why."""

    why: Why
    word: str = ""
    """For WORD: the word after the number."""
    thousands: int = 0
    """For AMBIGUOUS: the number read with the separator grouping thousands."""
    decimal: Decimal = Decimal(0)
    """For AMBIGUOUS: the number read with the separator marking decimals."""


_SIGNS = {"+": False, "-": True, "\u2212": True}
_MONEY_BEFORE = re.compile(r"(?:rp|idr)\.?\s*", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"\s*(?:,-{1,2}|,\u2013|,\u2014|\.-|rupiah)$", re.IGNORECASE)
_NUMERAL_CHARS = frozenset("0123456789., ")
_SCALES = {
    **dict.fromkeys(("ribu", "rb", "thousand"), Decimal(10) ** 3),
    **dict.fromkeys(("juta", "jt", "million"), Decimal(10) ** 6),
    **dict.fromkeys(("miliar", "milyar"), Decimal(10) ** 9),
    "triliun": Decimal(10) ** 12,
}
"""Words multiplying the number before them (``1,5 juta``, ``Rp 2,4 miliar``). Not ``M``
or ``billion``: million or miliar, a thousand million or a million million?"""
_WORD = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*\.?")
"""A word after a number: letters, maybe several words, maybe a closing point."""


def read_number(text: str, form: NumberForm) -> Decimal | Refused:
    """The number ``text`` (stripped, not blank) writes, exactly; or why it is refused."""
    if text.endswith("%"):
        rest = read_number(text[:-1].rstrip(), form) if text[:-1].strip() else None
        return Refused(Why.PERCENT if isinstance(rest, Decimal) else Why.NOT_A_NUMBER)
    negative, text = _sign(text)
    if form.money:
        before = _MONEY_BEFORE.match(text)
        if before is not None:
            text = text[before.end() :]
            if not negative:
                negative, text = _sign(text)
        text = _MONEY_AFTER.sub("", text)
    end = 0
    while end < len(text) and text[end] in _NUMERAL_CHARS:
        end += 1
    numeral, word = text[:end].rstrip(), text[end:].strip()
    value = _numeral(numeral, thousands_dot=form.whole or form.money)
    if isinstance(value, Refused):
        return value
    if word:
        first, _, after = word.partition(" ")
        scale = _SCALES.get(first.rstrip(".").casefold())
        if scale is not None:
            value, word = value * scale, after.strip()
    if word and word.rstrip(".").casefold() not in form.units:
        return Refused(Why.WORD, word=word) if _WORD.fullmatch(word) else Refused(Why.NOT_A_NUMBER)
    return -value if negative else value


def _sign(text: str) -> tuple[bool, str]:
    """Whether ``text`` starts with a minus sign, and the text after any sign."""
    if text and text[0] in _SIGNS:
        return _SIGNS[text[0]], text[1:].lstrip()
    return False, text


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _grouped(groups: list[str]) -> bool:
    """Whether ``groups`` are digits grouped in threes: 1-3 digits first, not from 0."""
    first, rest = groups[0], groups[1:]
    return (
        _digits(first)
        and len(first) <= 3
        and first[0] != "0"
        and all(len(group) == 3 and _digits(group) for group in rest)
    )


def _numeral(text: str, thousands_dot: bool) -> Decimal | Refused:
    """The number of digits with separators (``1.500,75``); see the module's rules."""
    not_a_number = Refused(Why.NOT_A_NUMBER)
    if not any(map(str.isdigit, text)):
        return not_a_number
    if " " in text:
        return _spaced(text)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        point = "." if text.rfind(".") > text.rfind(",") else ","
        whole, _, fraction = text.partition(point)
        if text.count(point) != 1 or not _digits(fraction):
            return not_a_number
        if not _grouped(whole.split("," if point == "." else ".")):
            return not_a_number
        return Decimal(f"{whole.replace(',', '').replace('.', '')}.{fraction}")
    if not dots and not commas:
        return Decimal(text) if _digits(text) else not_a_number
    separator = "." if dots else ","
    parts = text.split(separator)
    if len(parts) > 2:  # the separator repeats: it groups thousands
        return Decimal("".join(parts)) if _grouped(parts) else not_a_number
    whole, fraction = parts
    if len(fraction) == 3 and _grouped(parts):
        if separator == "." and thousands_dot:
            return Decimal(whole + fraction)
        return Refused(
            Why.AMBIGUOUS, thousands=int(whole + fraction), decimal=Decimal(f"{whole}.{fraction}")
        )
    if (whole and not _digits(whole)) or (fraction and not _digits(fraction)):
        return not_a_number
    return Decimal(f"{whole or 0}.{fraction or 0}")


def _spaced(text: str) -> Decimal | Refused:
    """Digits grouped by spaces (``1 500 000``), the last group maybe with decimals."""
    *groups, last = text.split(" ")
    whole, point, fraction = last, "", ""
    for separator in ".,":
        if separator in last:
            whole, point, fraction = last.partition(separator)
    if any(not _digits(group) for group in groups) or not _grouped([*groups, whole]):
        return Refused(Why.NOT_A_NUMBER)
    if point and not _digits(fraction):
        return Refused(Why.NOT_A_NUMBER)
    whole = "".join(groups) + whole
    if len(fraction) == 3:  # "1 500,000": thousands by spaces, then by a comma?
        return Refused(
            Why.AMBIGUOUS, thousands=int(whole + fraction), decimal=Decimal(f"{whole}.{fraction}")
        )
    return Decimal(f"{whole}.{fraction or 0}")
