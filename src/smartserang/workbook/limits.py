"""How large a workbook may be before it is refused, and the ``--limit`` setting of each.

A workbook arrives from many hands; these bounds keep a damaged or crafted one from
taking minutes or gigabytes. The defaults let a national consolidated register (about
300,000 rows) through with room to spare while keeping a run under about 1 GB of memory;
``--limit NAME=VALUE`` raises one for a run (docs/robustness.md).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from smartserang.i18n import Count, Phrase, Size
from smartserang.problems import InputError, Param, Problem

KB = 1000
MB = 1000 * KB
GB = 1000 * MB

RATIO_FLOOR = 1 * MB
"""Members smaller than this are never judged by their compression ratio: small XML
parts (styles, the workbook part, a short sheet) compress far better than large ones."""


@dataclass(frozen=True)
class Limits:
    """The bounds a workbook must stay within; each can be raised with ``--limit``."""

    file_size: int = 100 * MB
    """Bytes on disk. The largest real registers seen are a few tens of MB as .xlsx."""
    uncompressed_size: int = 1 * GB
    """Bytes of all the zip members together once unpacked (.xlsx, .xlsm, .ods). A
    300,000-row register written without shared strings unpacks to about 400 MB."""
    ratio: int = 100
    """How many times its packed size one member may unpack to (only members of at least
    ``RATIO_FLOOR`` bytes). Spreadsheet XML packs about 5-30 times; a zip bomb packs
    about 1,000 times."""
    rows: int = 500_000
    """Rows in one sheet, counted to its last filled row (Excel's own maximum is
    1,048,576)."""
    cells: int = 10_000_000
    """Rows times columns of one sheet's filled area (300,000 rows of 30 columns is 9
    million): the reader holds the whole area in memory."""
    string_length: int = 32_767
    """Characters in one cell of a column or label the reader uses (Excel's own
    maximum)."""


DEFAULTS = Limits()

ADDRESS_SPACE = 4 << 30
"""Bytes a process reading workbooks may map with the default limits (4 GiB): about four
times the peak of a 300,000-row register, far below what a crafted count makes a reader
ask for (python-calamine reserving 100 GB for a shared-string count of 2**32 - 1)."""


def address_space(limits: Limits) -> int:
    """The bytes a process reading workbooks within ``limits`` may map (see
    ``smartserang.procs.limit_address_space``): ``ADDRESS_SPACE``, raised in proportion
    when the uncompressed-size or cells limit is."""
    scale = max(
        1.0,
        limits.uncompressed_size / DEFAULTS.uncompressed_size,
        limits.cells / DEFAULTS.cells,
    )
    return int(ADDRESS_SPACE * scale)


@dataclass(frozen=True)
class _Setting:
    """One ``--limit`` name."""

    name: str
    field: str
    unit: str
    """``bytes`` (accepts 500MB, 2GB), ``rows``, ``cells``, ``characters`` or ``times``."""


SETTINGS: tuple[_Setting, ...] = (
    _Setting("file-size", "file_size", "bytes"),
    _Setting("uncompressed-size", "uncompressed_size", "bytes"),
    _Setting("ratio", "ratio", "times"),
    _Setting("rows", "rows", "rows"),
    _Setting("cells", "cells", "cells"),
    _Setting("string-length", "string_length", "characters"),
)
_BY_NAME = {s.name: s for s in SETTINGS}
_BY_FIELD = {s.field: s for s in SETTINGS}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?", re.IGNORECASE)
_COUNT = re.compile(r"\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+")
_UNITS = {"b": 1, "kb": KB, "mb": MB, "gb": GB, "tb": 1000 * GB}


def parse_limits(settings: Iterable[str], base: Limits | None = None) -> Limits:
    """``base`` (default: the defaults) with each ``NAME=VALUE`` setting applied.

    Raises ``InputError`` located at ``--limit`` naming every bad setting.
    """
    changes: dict[str, int] = {}
    problems: list[Problem] = []
    for text in settings:
        try:
            field, value = _parse_one(text)
        except _BadSetting as bad:
            problems.append(Problem.error("--limit", bad.key, "usage.limit", **bad.params))
            continue
        changes[field] = value
    if problems:
        raise InputError(problems)
    return dataclasses.replace(base or Limits(), **changes)


class _BadSetting(Exception):
    """A ``--limit`` setting that cannot be read: the catalogue's entry saying why."""

    def __init__(self, key: str, **params: Param) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _parse_one(text: str) -> tuple[str, int]:
    """The field and value of one ``NAME=VALUE``; raises ``_BadSetting`` with the reason."""
    names = ", ".join(s.name for s in SETTINGS)
    name, equals, value = text.partition("=")
    setting = _BY_NAME.get(name.strip().casefold())
    if not equals or setting is None:
        raise _BadSetting("limit_setting_form", names=names, text=text)
    value = value.strip()
    if setting.unit == "bytes":
        size = _SIZE.fullmatch(value)
        number = None if size is None else float(size[1]) * _UNITS[(size[2] or "b").casefold()]
    else:
        number = int(re.sub("[,_]", "", value)) if _COUNT.fullmatch(value) else None
    if number is None or number < 1:
        key = "limit_setting_size" if setting.unit == "bytes" else "limit_setting_count"
        raise _BadSetting(key, name=setting.name, value=value)
    return setting.field, int(number)


def shown(field: str, value: int) -> Param:
    """A limit's value as messages show it: ``100 MB``, ``500,000 rows`` (``500.000
    baris`` in Indonesian)."""
    unit = _BY_FIELD[field].unit
    if unit != "bytes":
        return Phrase.of(f"limit_{unit}", count=Count(value))
    return Size(value)


def breach(
    location: str, what: Phrase, field: str, actual: int, limit: int, *, at_least: bool = False
) -> Problem:
    """The problem for ``what`` measuring ``actual`` (or more, when ``at_least``), above
    ``limit`` of the ``field``."""
    key, params = breach_words(what, field, actual, limit, at_least=at_least)
    return Problem.error(location, key, "inventory.limit", **params)


def breach_words(
    what: Phrase, field: str, actual: int, limit: int, *, at_least: bool = False
) -> tuple[str, dict[str, Param]]:
    """The catalogue's entry and values saying ``what`` measures ``actual``, above
    ``limit``, naming the option that raises it. ``at_least``: ``actual`` is what was
    counted before reading stopped."""
    key = "limit_over_at_least" if at_least else "limit_over"
    name = _BY_FIELD[field].name
    return key, {
        "what": what,
        "measure": shown(field, actual),
        "limit": shown(field, limit),
        "name": name,
    }
