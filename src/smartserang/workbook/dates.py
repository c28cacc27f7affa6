"""Dates as offices type them in text cells: day first, with the month as a number or a name.

A date cell is already a date; this module reads a date typed as text. Accepted, with
or without a time after it and a day of the week before it (``Senin, 30 Desember 2024``,
checked against the date):

- ``2024-12-31`` (ISO), and ``2024/12/31``: the year first;
- ``31/12/2024``, ``31-12-2024``, ``31.12.2024``: the day first, always (Indonesian
  order: ``05/06/2024`` is 5 June);
- ``31 Desember 2024``, ``31 Des 2024``, ``31-Dec-2024``, ``December 31, 2024``: the
  month named in Indonesian or English, in full or shortened.

Refused, with the reason, because a reader cannot be sure of them: a number month that
cannot come second (``12/31/2024``: written month first), a two-digit year
(``31/12/24``), a month or year without its day (``Des 2024``, ``12/2024``, ``2024``),
and a day of the week that does not fit the date.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

_MONTH_NAMES = {
    1: ("januari", "january", "jan"),
    2: ("februari", "pebruari", "february", "feb", "peb"),
    3: ("maret", "march", "mar"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("agustus", "august", "agu", "agt", "ags", "aug"),
    9: ("september", "sep", "sept"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nopember", "nov", "nop"),
    12: ("desember", "december", "des", "dec"),
}
MONTHS = {name: month for month, names in _MONTH_NAMES.items() for name in names}
"""Month names and their short forms, Indonesian and English, casefolded -> month."""
_WEEKDAY_NAMES = (
    ("senin", "monday", "mon"),
    ("selasa", "tuesday", "tue", "tues"),
    ("rabu", "wednesday", "wed"),
    ("kamis", "thursday", "thu", "thur", "thurs"),
    ("jumat", "jum'at", "friday", "fri"),
    ("sabtu", "saturday", "sat"),
    ("minggu", "ahad", "sunday", "sun"),
)
_WEEKDAYS = {name: day for day, names in enumerate(_WEEKDAY_NAMES) for name in names}

_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_BETWEEN = r"(?:\s*[-/.,]\s*|\s+)"
"""Between a named month and the day or year: a separator, or spaces."""
_A = re.ASCII
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})(?P<s>[-/.])(?P<month>\d{1,2})(?P=s)(?P<day>\d{1,2})", _A)
_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?P<s>[-/.])(?P<month>\d{1,2})(?P=s)(?P<year>\d{4}|\d{2})", _A
)
_DAY_NAMED = re.compile(
    rf"(?P<day>\d{{1,2}}){_BETWEEN}{_MONTH}{_BETWEEN}(?P<year>\d{{4}}|\d{{2}})", _A
)
_NAMED_DAY = re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", _A)
_NO_DAY = (
    re.compile(rf"{_MONTH}{_BETWEEN}(?P<year>\d{{4}}|\d{{2}})", _A),
    re.compile(r"(?P<month>\d{1,2})[-/.](?P<year>\d{4})", _A),
    re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})", _A),
    re.compile(r"(?P<year>\d{4})", _A),
)
_TIME = re.compile(r"(?:\s+|T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?$", _A)
_WEEKDAY = re.compile(r"(?P<weekday>[^\W\d_]+(?:'[^\W\d_]+)?)\s*,?\s+(?=\d)", _A)


class Why(enum.Enum):
    """Why a text was not read as a date."""

    NOT_A_DATE = "not a date"
    MONTH_FIRST = "the month written first"
    SHORT_YEAR = "a two-digit year"
    NO_DAY = "a month or a year without its day"
    WEEKDAY = "a day of the week that does not fit the date"
    NO_SUCH_DAY = "shaped like a date, but no such day (31/02/2024)"


@dataclass(frozen=True)
class Refused:
    """A text not read as a date, and why."""

    why: Why
    suggest: str = ""
    """How to write what was probably meant (MONTH_FIRST, SHORT_YEAR), e.g. 31/12/2024."""


def read_date(text: str) -> dt.date | Refused:
    """The date ``text`` (stripped, not blank) writes; or why it is refused."""
    text = _TIME.sub("", text)
    weekday: int | None = None
    named = _WEEKDAY.match(text)
    if named is not None and named["weekday"].casefold() in _WEEKDAYS:
        weekday = _WEEKDAYS[named["weekday"].casefold()]
        text = text[named.end() :]
    date = _date(text)
    if isinstance(date, dt.date) and weekday is not None and date.weekday() != weekday:
        return Refused(Why.WEEKDAY)
    return date


def _date(text: str) -> dt.date | Refused:
    if found := _YEAR_FIRST.fullmatch(text):
        return _made(int(found["year"]), int(found["month"]), int(found["day"]))
    if found := _DAY_FIRST.fullmatch(text):
        day, month, year = int(found["day"]), int(found["month"]), found["year"]
        if month > 12 and day <= 12:  # 12/31/2024: the month first, as in the US
            return Refused(Why.MONTH_FIRST, suggest=f"{month}/{day}/{year}")
        if len(year) == 2:
            return Refused(Why.SHORT_YEAR, suggest=f"{day}/{month}/20{year}")
        return _made(int(year), month, day)
    for pattern in (_DAY_NAMED, _NAMED_DAY):
        if (found := pattern.fullmatch(text)) and found["month"].casefold() in MONTHS:
            day, month, year = int(found["day"]), MONTHS[found["month"].casefold()], found["year"]
            if len(year) == 2:
                return Refused(Why.SHORT_YEAR, suggest=f"{day}/{month}/20{year}")
            return _made(int(year), month, day)
    for pattern in _NO_DAY:
        found = pattern.fullmatch(text)
        if found is not None and _a_month(found.groupdict().get("month") or "1"):
            return Refused(Why.NO_DAY)
    return Refused(Why.NOT_A_DATE)


def _a_month(text: str) -> bool:
    """Whether ``text`` names a month: a number 1-12 or a month's name."""
    return text.casefold() in MONTHS or (text.isdigit() and 1 <= int(text) <= 12)


def _made(year: int, month: int, day: int) -> dt.date | Refused:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31/02/2024: shaped like a date but not one
        return Refused(Why.NO_SUCH_DAY if 1 <= month <= 12 else Why.NOT_A_DATE)
