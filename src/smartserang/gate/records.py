"""What a baseline records of each indicator, so that a later check can say why a score
fell: its claimed, supported and verified level, the Penilaian row of its claim, and the
register rows its evidence rule selected, each with the values of the columns the rule
reads; and the Profil fields, which some rules read (the assessment date ages reviews).

``indicators_data`` and ``profile_data`` make the baseline file's data from a scored
workbook; ``SetRecord`` and its parts are what ``baseline.parse_baseline`` reads back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from smartserang.compare.cells import json_value
from smartserang.compare.rulereads import columns_read
from smartserang.model import CellValue, Inventory, Profile, Register
from smartserang.scoring.levels import IndicatorResult, SetResult

EVIDENCE_KEPT = 100
"""Register rows recorded per indicator: enough for any real register's selection, and a
baseline of a 100k-row workbook stays a small file."""


@dataclass(frozen=True)
class EvidenceRecord:
    """A register row an indicator's evidence rule selected when the baseline was made."""

    sheet: str
    """The sheet as written in the workbook."""
    row: int
    label: str
    cells: Mapping[str, CellValue] | None
    """The values of the columns the rule reads, by column key; None when the baseline
    did not record them (a ``score --format json`` result)."""


@dataclass(frozen=True)
class IndicatorRecord:
    """One indicator as the baseline recorded it."""

    id: str
    claimed: int | None
    supported: int | None
    level: int | None
    claim_row: int | None
    evidence: tuple[EvidenceRecord, ...] = ()

    def basis_level(self, basis: str) -> int | None:
        """The level the index counts on ``basis`` ("verified" or "claimed")."""
        if basis == "claimed":
            return self.claimed if self.claimed is not None else self.supported
        return self.level


@dataclass(frozen=True)
class SetRecord:
    """What the baseline recorded of one set's indicators."""

    set_id: str
    indicators: tuple[IndicatorRecord, ...]

    def indicator(self, indicator_id: str) -> IndicatorRecord | None:
        """The record of ``indicator_id``, or None when the baseline has none."""
        return next((i for i in self.indicators if i.id == indicator_id), None)


def indicators_data(result: SetResult) -> list[dict[str, Any]]:
    """Each indicator's levels, claim row and evidence rows, for the baseline file."""
    registers = _Rows(result.inventory)
    return [
        {
            "id": r.indicator.id,
            "claimed": r.claimed,
            "supported": r.supported,
            "level": r.level,
            "claim_row": r.claim_row,
            "evidence": [
                {"sheet": e.sheet, "row": e.row, "label": e.label, "cells": cells}
                for e, cells in zip(
                    r.evidence[:EVIDENCE_KEPT], registers.cells_read(r), strict=False
                )
            ],
            "evidence_count": len(r.evidence),
        }
        for r in result.indicators
    ]


def profile_data(profile: Profile) -> dict[str, Any]:
    """Every Profil field, as JSON (dates as ISO text)."""
    return {
        field.name: json_value("profil", field.name, getattr(profile, field.name))
        for field in dataclasses.fields(Profile)
    }


class _Rows:
    """Finds the cells of evidence rows in the workbook's registers (by sheet title)."""

    def __init__(self, inventory: Inventory) -> None:
        self.registers = {r.title: r for r in inventory.registers.values()}
        self.positions: dict[str, dict[int, int]] = {}

    def cells_read(self, result: IndicatorResult) -> list[dict[str, Any]]:
        """Per recorded evidence row of ``result``, the columns its rule reads; rows of
        another sheet than the rule's (work units) keep none."""
        rule = result.indicator.evidence
        read = sorted(columns_read(rule)) if rule is not None else []
        found: list[dict[str, Any]] = []
        for row in result.evidence[:EVIDENCE_KEPT]:
            register = self.registers.get(row.sheet)
            if register is None or rule is None or register.sheet != rule.sheet:
                found.append({})
                continue
            at = self._position(register, row.row)
            found.append(
                {
                    key: json_value(register.sheet, key, register.cells(key)[at])
                    for key in read
                    if key in register.columns
                }
            )
        return found

    def _position(self, register: Register, number: int) -> int:
        positions = self.positions.get(register.title)
        if positions is None:
            positions = {n: at for at, n in enumerate(register.numbers)}
            self.positions[register.title] = positions
        return positions[number]
