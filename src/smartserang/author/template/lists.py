"""The template's drop-down lists: which columns get one, and where each list lives.

A closed vocabulary, yes/no and level column gets a strict list (Excel stops any other
value); an open vocabulary, a list-of-values column and Target's Lingkup get a list that
still allows other values, with an information message. A list is written inline
(``"a,b,c"``) when Excel allows it — at most 255 characters, no commas or quotes, no
formula triggers — and otherwise as a column of the hidden ``HELPER_SHEET`` behind a
workbook name (``daftar_<key>``), a list source Excel and LibreOffice both accept (the
tests check LibreOffice's reading of it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from smartserang.author.safe_text import starts_formula, write_text
from smartserang.author.template import HELPER_SHEET
from smartserang.author.template.words import TEXT
from smartserang.model import IndicatorSet
from smartserang.scoring.analysis import INDEX_SCOPE
from smartserang.workbook.contract import VOCABULARIES, Column, ColumnType, Sheet

INLINE_LIMIT = 255
"""Excel's limit on an inline list, in characters without the surrounding quotes."""
LEVELS = ("1", "2", "3", "4", "5")
"""The contract's level type: whole numbers 1-5 (``ColumnType.LEVEL``)."""


@dataclass(frozen=True)
class Choice:
    """A drop-down list."""

    key: str
    """Names the list, and its workbook name when it lives in the helper sheet."""
    values: tuple[str, ...]
    strict: bool
    """True: only listed values (Excel stops others); False: others allowed, with a note."""


def choice_for(
    sheet: Sheet, column: Column, sets: Sequence[IndicatorSet], lang: str
) -> Choice | None:
    """The drop-down list of a column, or None for a free column."""
    if column.vocabulary is not None:
        vocabulary = VOCABULARIES[column.vocabulary]
        # A list column (several values, comma-separated) cannot be held to one value.
        strict = column.type is ColumnType.VOCAB and not vocabulary.open
        return Choice(vocabulary.key, vocabulary.values(), strict)
    if column.type is ColumnType.BOOLEAN:
        return Choice("boolean", (TEXT["yes"][lang], TEXT["no"][lang]), strict=True)
    if column.type is ColumnType.LEVEL:
        return Choice("level", LEVELS, strict=True)
    if (sheet.key, column.key) == ("target", "lingkup"):
        # Free text in the contract, but only the ids of the scored sets mean anything.
        return Choice("lingkup", scopes(sets), strict=False)
    return None


def scopes(sets: Sequence[IndicatorSet]) -> tuple[str, ...]:
    """What a Target row may name: the index, each set, its groups and its indicators."""
    ids = [INDEX_SCOPE, *(s.id for s in sets)]
    for iset in sets:
        ids.extend(g.id for g in iset.walk_groups())
        ids.extend(i.id for i in iset.indicators())
    return tuple(dict.fromkeys(ids))


def put_id(cell: Any, identifier: str) -> None:
    """An id into a cell: a number when it is one, so Excel flags no "number as text"."""
    if re.fullmatch(r"[1-9][0-9]*", identifier):
        cell.value = int(identifier)
    else:
        write_text(cell, identifier)


class ListPlacer:
    """Decides where each list lives and, at the end, writes the helper sheet if needed."""

    def __init__(self) -> None:
        self.moved: dict[str, tuple[str, ...]] = {}
        """Lists written to the helper sheet, by key, in first-use order."""

    def formula(self, choice: Choice) -> str:
        """The validation formula for ``choice``: ``"a,b,c"`` or a workbook name."""
        if fits_inline(choice.values):
            return '"' + ",".join(choice.values) + '"'
        self.moved.setdefault(choice.key, choice.values)
        return list_name(choice.key)

    def write(self, book: Any) -> None:
        """Add the hidden helper sheet and one workbook name per moved list."""
        if not self.moved:
            return
        from openpyxl.utils import get_column_letter
        from openpyxl.workbook.defined_name import DefinedName

        ws = book.create_sheet(HELPER_SHEET)
        ws.sheet_state = "hidden"
        for number, (key, values) in enumerate(self.moved.items(), start=1):
            letter = get_column_letter(number)
            write_text(ws.cell(1, number), key)
            for row, value in enumerate(values, start=2):
                put_id(ws.cell(row, number), value)
            area = f"'{HELPER_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
            name = list_name(key)
            book.defined_names[name] = DefinedName(name, attr_text=area)


def fits_inline(values: Sequence[str]) -> bool:
    """Whether an inline list can hold ``values``: short, no commas or quotes, inert.

    An inline value is not a cell that can be typed as text, so a formula trigger sends
    the list to the helper sheet.
    """
    plain = all("," not in v and '"' not in v and not starts_formula(v) for v in values)
    return plain and len(",".join(values)) <= INLINE_LIMIT


def list_name(key: str) -> str:
    """The workbook name of a list moved to the helper sheet."""
    return "daftar_" + re.sub(r"\W", "_", key)


def add_validation(ws: Any, area: str, formula: str, choice: Choice, lang: str) -> None:
    """A drop-down on ``area``: strict lists stop other values, open ones only inform."""
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = "closed" if choice.strict else "open"
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if choice.strict else "information",
        errorTitle=TEXT[f"{kind}_title"][lang],
        error=TEXT[f"{kind}_error"][lang],
    )
    validation.add(area)
    ws.add_data_validation(validation)
