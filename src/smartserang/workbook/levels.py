"""Levels as offices type them in text cells: ``Tingkat 3``, ``Level III``, ``tiga``,
``3 (Terdefinisi)``.

A level (a claimed or target *tingkat kematangan*, or a Tingkat Layanan) is a number
from 0 to 5. Typed as text it may carry ``Tingkat``/``Level`` before it, be written in
Roman numerals (I-V) or in words (``tiga``, ``three``), and have a level's name beside
it: ``3 (Transaksi)``, ``3 - Terdefinisi``, ``Terdefinisi (3)``. The name is read only to
check the number: it must name that level on some shipped scale (the SPBE process and
service levels, the smart city readiness levels, or the number in words). A name that
names another level, a name alone (names differ between indicator sets) and other text
after the number are refused, with the reason.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from smartserang.workbook.contract import VOCABULARIES
from smartserang.workbook.names import normalise_token

_PREFIX = r"(?:(?:tingkat|level|lvl|lv|tk)\.?\s*(?:ke\s*-?\s*)?)?"
_NUMBER = r"(?P<n>\d+(?:[.,]0+)?|[ivx]+)"
_FORMS = (
    # 3 · Tingkat 3 · Level III · 3 (Transaksi) · 3 - Terdefinisi · Tingkat 3: Terdefinisi
    re.compile(
        _PREFIX + _NUMBER
        + r"(?:\s*\((?P<a>[^()]*)\)|\s*[-\u2013\u2014:]\s*(?P<b>.+)|\.?\s+(?P<c>.+)|\.)?",
        re.IGNORECASE,
    ),
    # Transaksi (3) · Terdefinisi (Tingkat 3) · Transaksi - 3
    re.compile(
        r"(?P<a>[^()\d]+?)\s*(?:\(\s*" + _PREFIX + _NUMBER + r"\s*\)"
        + r"|[-\u2013\u2014:]\s*" + _PREFIX + r"(?P<m>\d+|[ivx]+))",
        re.IGNORECASE,
    ),
)  # fmt: skip
_IN_WORDS = re.compile(_PREFIX + r"\s*(?P<w>[^\W\d_]+)", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_NUMBER_WORDS = {
    **dict.fromkeys(("nol", "zero"), 0),
    **dict.fromkeys(("satu", "one"), 1),
    **dict.fromkeys(("dua", "two"), 2),
    **dict.fromkeys(("tiga", "three"), 3),
    **dict.fromkeys(("empat", "four"), 4),
    **dict.fromkeys(("lima", "five"), 5),
}
_SCALE_NAMES = (
    # The shipped scales' level names: SPBE process capability (PermenPANRB 59/2020,
    # domains 1-3, with the English of the set), and the smart city readiness scale.
    ("rintisan", 1), ("terkelola", 2), ("terdefinisi", 3), ("terpadu dan terukur", 4),
    ("optimum", 5), ("initial", 1), ("managed", 2), ("defined", 3),
    ("integrated and measured", 4), ("optimised", 5), ("optimized", 5),
    ("belum siap", 1), ("rintisan", 2), ("berkembang", 3), ("terpadu", 4), ("optimal", 5),
    ("not ready", 1), ("initiated", 2), ("developing", 3), ("integrated", 4),
)  # fmt: skip


class Why(enum.Enum):
    """Why a text was not read as a level."""

    NOT_A_LEVEL = "not a whole number from 0 to 5"
    NAME_ALONE = "a level's name without its number"
    OTHER_LEVEL = "a name beside the number naming another level"
    UNKNOWN_LABEL = "text beside the number that names no level"


@dataclass(frozen=True)
class Refused:
    """A text not read as a level, and why."""

    why: Why
    label: str = ""
    """The name or text beside the number (OTHER_LEVEL, UNKNOWN_LABEL)."""
    level: int = 0
    """The number written (OTHER_LEVEL)."""
    named: tuple[int, ...] = ()
    """The levels the name names (OTHER_LEVEL)."""


@functools.cache
def level_names() -> dict[str, frozenset[int]]:
    """Every name a label may use, normalised -> the levels it names on some shipped
    scale: the service levels of the contract (informasi ... optimum), the scales' names,
    and the numbers in words."""
    named: dict[str, set[int]] = {}
    service = VOCABULARIES["tingkat_layanan"]
    pairs = [(n, t.rank) for t in service.terms for n in (t.value, *t.aliases) if not n.isdigit()]
    for name, level in (*pairs, *_SCALE_NAMES, *_NUMBER_WORDS.items()):
        assert level is not None  # an ordinal vocabulary ranks every term
        named.setdefault(normalise_token(name), set()).add(level)
    return {name: frozenset(levels) for name, levels in named.items()}


def level_parts(text: str) -> tuple[int, str] | None:
    """The level number ``text`` writes and the label beside it (``""`` without one), or
    None when it writes no number (``Tingkat tiga`` writes one, in words)."""
    for form in _FORMS:
        found = form.fullmatch(text)
        if found is None:
            continue
        groups = found.groupdict()
        numeral = (groups.get("n") or groups.get("m") or "").casefold()
        label = next((groups[g] for g in "abc" if groups.get(g)), "").strip(" -:./")
        if numeral.isascii() and numeral[:1].isdigit():
            return int(numeral.split(",")[0].split(".")[0]), label
        if numeral in _ROMAN:
            return _ROMAN[numeral], label
    words = _IN_WORDS.fullmatch(text)
    if words is not None and words["w"].casefold() in _NUMBER_WORDS:
        return _NUMBER_WORDS[words["w"].casefold()], ""
    return None


def check_label(level: int, label: str) -> Refused | None:
    """Why ``label`` cannot stand beside ``level`` (None when it names that level, or is
    empty)."""
    if not label:
        return None
    token = normalise_token(re.sub(_PREFIX, "", label, count=1, flags=re.IGNORECASE))
    named = level_names().get(token)
    if named is None:
        return Refused(Why.UNKNOWN_LABEL, label=label)
    if level not in named:
        return Refused(Why.OTHER_LEVEL, label=label, level=level, named=tuple(sorted(named)))
    return None


def read_level(text: str) -> int | Refused:
    """The level ``text`` (stripped, not blank) writes, checked against any name beside
    it; or why it is refused. The range (0-5) is the caller's to check."""
    parts = level_parts(text)
    if parts is None:
        alone = normalise_token(text) in level_names()
        return Refused(Why.NAME_ALONE if alone else Why.NOT_A_LEVEL)
    level, label = parts
    return check_label(level, label) or level
