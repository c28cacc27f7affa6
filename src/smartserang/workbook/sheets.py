"""Which sheet of a workbook is which sheet of the contract.

A sheet named as the contract names it (Indonesian or English, compared as
``names.header_key`` makes them) is that sheet. Otherwise a title fits a contract sheet
when it is one of the sheet's synonyms (``synonyms.SHEET_SYNONYMS``: "OPD",
"Infrastruktur"), or one of its names with only decorations around it: words such as
"Daftar", "Data", "Tabel", "Lampiran 1", years ("2025", "(2024)"), and a place after it
("Kota Denpasar"). So "Aplikasi 2025", "DAFTAR APLIKASI", "Lampiran 1 - Aplikasi" and
"Daftar Aplikasi Kota X" are all Aplikasi, each read with a note.

When two titles fit one contract sheet and neither is its exact name, which one is meant
cannot be told: an error names them both and the fix. A title fitting a sheet that is
present under its exact name is ignored with a warning. A title that fits none but
resembles one ("Aplkasi", "Aplikasi Tidak Aktif") is a near miss: a warning with "did you
mean", which ``session`` makes an error when a set reads that sheet and the workbook has
no other.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from smartserang.model import NearMiss
from smartserang.problems import Problem
from smartserang.workbook.contract import HELPER_SHEETS, SHEETS, Sheet
from smartserang.workbook.located import Found
from smartserang.workbook.names import header_key

_EXACT = {header_key(n): s for s in SHEETS for n in (s.name, s.alias)}
_SPELLINGS = [(header_key(n).split(), s) for s in SHEETS for n in s.names()]
_DECORATIONS = frozenset(
    {
        "daftar", "data", "tabel", "table", "tbl", "lampiran", "lamp", "rekap", "rekapitulasi",
        "register", "registrasi", "inventaris", "inventarisasi", "form", "formulir", "isian",
        "list", "of", "the", "sheet", "lembar", "format", "master", "input", "update",
        "terbaru", "terkini", "final", "revisi", "rev", "tahun", "thn", "th", "ta", "per",
        "spbe", "smart", "city", "pemerintah", "daerah", "dan", "&",
    }
)  # fmt: skip
"""Words around a sheet's name that do not change which register it is."""
_PLACES = frozenset(
    {"kota", "kabupaten", "kab", "provinsi", "prov", "pemkot", "pemkab", "pemprov", "pemda"}
)
"""Words starting a place's name: whatever follows them is the place."""
_NUMBER = re.compile(r"\d{1,4}|[ivxlc]{1,5}|[a-z]|no|\d{4}\s*\d{4}", re.ASCII)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CLOSE = 0.8


@dataclass(frozen=True)
class _Fit:
    sheet: Sheet
    size: int
    """How many words of the title the sheet's name took (the longest name wins)."""


def fit(title: str) -> Sheet | None:
    """The contract sheet a title names with decorations around it, or None."""
    tokens = header_key(_BRACKETED.sub(" ", title)).split()
    best: list[_Fit] = []
    for spelled, sheet in _SPELLINGS:
        size = len(spelled)
        for at in range(len(tokens) - size + 1):
            if tokens[at : at + size] != spelled:
                continue
            if all(map(_decoration, tokens[:at])) and _tail(tokens[at + size :]):
                best.append(_Fit(sheet, size))
                break
    if not best:
        return None
    longest = max(f.size for f in best)
    found = {f.sheet.key: f.sheet for f in best if f.size == longest}
    return next(iter(found.values())) if len(found) == 1 else None


def _decoration(token: str) -> bool:
    return token in _DECORATIONS or _NUMBER.fullmatch(token) is not None


def _tail(tokens: list[str]) -> bool:
    """Whether the words after a sheet's name are decorations, or a place's name."""
    for n, token in enumerate(tokens):
        if token in _PLACES and n + 1 < len(tokens):
            return True
        if not _decoration(token):
            return False
    return True


def resembles(title: str) -> Sheet | None:
    """The contract sheet an unknown title most likely means, or None."""
    key = header_key(_BRACKETED.sub(" ", title))
    tokens = [t for t in key.split() if not _decoration(t)]
    core = " ".join(tokens)
    if not core:
        return None
    names = {" ".join(spelled): sheet for spelled, sheet in _SPELLINGS}
    close = difflib.get_close_matches(core, list(names), n=1, cutoff=_CLOSE)
    if close:
        return names[close[0]]
    within = {
        sheet.key: sheet
        for spelled, sheet in _SPELLINGS
        if any(tokens[i : i + len(spelled)] == spelled for i in range(len(tokens)))
    }
    return next(iter(within.values())) if len(within) == 1 else None


def match_sheets(titles: Sequence[str], source: str, problems: Found) -> list[tuple[Sheet, str]]:
    """The contract sheets present, each with its title, in workbook order; every other
    sheet reported (see the module's docstring)."""
    exact: dict[str, str] = {}
    fits: dict[str, list[str]] = {}
    kinds: list[tuple[str, Sheet | None, bool]] = []
    for title in titles:
        if title.strip().casefold() in HELPER_SHEETS:
            continue  # the template's instructions and drop-down lists
        sheet = _EXACT.get(header_key(title))
        if sheet is not None:
            kinds.append((title, sheet, True))
            exact.setdefault(sheet.key, title)
            continue
        sheet = fit(title)
        kinds.append((title, sheet, False))
        if sheet is not None:
            fits.setdefault(sheet.key, []).append(title)
    found: dict[str, tuple[Sheet, str]] = {}
    for title, sheet, is_exact in kinds:
        location = f"{source}:{title}"
        if sheet is None:
            _unknown(title, location, problems, present={*exact, *fits})
        elif is_exact and sheet.key in found:
            first = found[sheet.key][1]
            params = {"title": title, "first": first}
            problems.error(location, "sheet_twice", "inventory.sheet.duplicate", **params)
        elif is_exact:
            found[sheet.key] = (sheet, title)
        elif sheet.key in exact:
            problems.warn(
                location, "sheet_also_like", "inventory.sheet",
                title=title, sheet=sheet.name, chosen=exact[sheet.key],
            )  # fmt: skip
        elif len(fits[sheet.key]) > 1:
            if title == fits[sheet.key][0]:
                names = ", ".join(f"'{t}'" for t in fits[sheet.key])
                problems.error(
                    location, "sheet_ambiguous", "inventory.sheet.duplicate",
                    titles=names, sheet=sheet.name,
                )  # fmt: skip
        else:
            found[sheet.key] = (sheet, title)
            params = {"title": title, "sheet": sheet.name}
            problems.note(location, "sheet_read_as", "inventory.sheet", **params)
    if not found and not problems.errors:
        known = ", ".join(s.name for s in SHEETS)
        problems.error(source, "sheet_none", "inventory.sheet.none", known=known)
    return list(found.values())


def _unknown(title: str, location: str, problems: Found, present: set[str]) -> None:
    """An unknown sheet: a near miss when it resembles a contract sheet not ``present``
    (by key) under another title."""
    like = resembles(title)
    if like is None or like.key in present:
        known = ", ".join(s.name for s in SHEETS)
        problems.warn(location, "warn_unknown_sheet", "inventory.sheet", title=title, known=known)
        return
    code = "inventory.sheet"
    params = {"title": title, "sheet": like.name}
    problems.near_miss(
        NearMiss(
            like.key,
            None,
            Problem.warning(location, "sheet_near", code, **params),
            Problem.error(location, "sheet_near_needed", code, **params),
        )
    )


def sheet_titles(titles: Sequence[str]) -> dict[str, Sheet]:
    """The titles read as contract sheets, without reporting (for choosing which sheets
    to read in processes of their own before the reading starts)."""
    return {title: sheet for sheet, title in match_sheets(titles, "", Found())}
