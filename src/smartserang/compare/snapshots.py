"""What a scored assessment is reduced to for comparing: a ``Snapshot`` per indicator set
(each group's scores, each indicator's levels), and a ``Side``, the file it came from with
its snapshots; here taken from a scored workbook.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from smartserang.model import (
    Inventory,
)
from smartserang.scoring.levels import Basis, GroupResult, SetResult


@dataclass(frozen=True)
class GroupScores:
    """One group's scores on both bases."""

    id: str
    name: str
    depth: int
    """0 for a top-level group (an SPBE domain), 1 for its children, and so on."""
    claimed: Fraction | None
    verified: Fraction | None

    def score(self, basis: Basis) -> Fraction | None:
        """The score on ``basis``."""
        return self.claimed if basis is Basis.CLAIMED else self.verified


@dataclass(frozen=True)
class IndicatorLevels:
    """One indicator's three levels, and where its claim was read."""

    id: str
    name: str
    claimed: int | None
    supported: int | None
    level: int | None
    """The verified level."""
    claim_row: int | None
    """The Penilaian row of the claim (None when the sheet has no row for it)."""


@dataclass(frozen=True)
class Snapshot:
    """What one scored indicator set is compared on."""

    set_id: str
    set_title: str
    set_version: str
    claimed_index: Fraction
    verified_index: Fraction
    claimed_band: str
    verified_band: str
    groups: tuple[GroupScores, ...]
    """Parents before children, in the set's order."""
    indicators: tuple[IndicatorLevels, ...]

    def index(self, basis: Basis) -> Fraction:
        """The index on ``basis``."""
        return self.claimed_index if basis is Basis.CLAIMED else self.verified_index

    def band(self, basis: Basis) -> str:
        """The predikat on ``basis``."""
        return self.claimed_band if basis is Basis.CLAIMED else self.verified_band


class Kind(enum.Enum):
    """What kind of file one side of the comparison was read from."""

    WORKBOOK = "workbook"
    JSON = "json"


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a file and its scored sets."""

    path: str
    """The path as the user gave it."""
    kind: Kind
    sha256: str | None
    """SHA-256 of the inventory workbook (for a JSON result: of the workbook it scored)."""
    instansi: str | None
    tahun: int | None
    snapshots: tuple[Snapshot, ...]


def snapshot_of(result: SetResult, lang: str) -> Snapshot:
    """The snapshot of a scored workbook, names and predikat in ``lang``."""
    iset = result.indicator_set
    groups: list[GroupScores] = []

    def walk(node: GroupResult, depth: int) -> None:
        name = node.group.name.get(lang)
        groups.append(GroupScores(node.group.id, name, depth, node.claimed, node.verified))
        for child in node.groups:
            walk(child, depth + 1)

    for node in result.groups:
        walk(node, 0)
    indicators = tuple(
        IndicatorLevels(
            r.indicator.id,
            r.indicator.label.get(lang),
            r.claimed,
            r.supported,
            r.level,
            r.claim_row,
        )
        for r in result.indicators
    )
    return Snapshot(
        iset.id,
        iset.title.get(lang),
        iset.version,
        result.claimed_index,
        result.verified_index,
        iset.band_for(result.claimed_index).label.get(lang),
        iset.band_for(result.verified_index).label.get(lang),
        tuple(groups),
        indicators,
    )


def workbook_side(path: str, inventory: Inventory, results: Sequence[SetResult], lang: str) -> Side:
    """The side of a scored workbook."""
    profile = inventory.profile
    snapshots = tuple(snapshot_of(r, lang) for r in results)
    return Side(path, Kind.WORKBOOK, inventory.sha256, profile.instansi, profile.tahun, snapshots)
