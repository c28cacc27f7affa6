"""The scores the gate compares: one set's index and groups, rounded, on one basis.

``scores_of`` rounds a ``SetResult`` with :func:`smartserang.scoring.levels.round_score`, the
rounding the reports show; thresholds, baselines and summaries all work on these values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from smartserang.scoring.analysis import completeness_of
from smartserang.scoring.levels import Basis, GroupResult, SetResult, round_score


@dataclass(frozen=True)
class GroupScore:
    """One group's rounded score."""

    id: str
    score: Decimal
    depth: int
    """0 for a top-level group (a domain or dimension), 1 for its children, …"""


@dataclass(frozen=True)
class SetScores:
    """One set's scores as the gate compares them: rounded, on one basis."""

    set_id: str
    version: str | None
    sha256: str | None
    basis: str
    index: Decimal
    groups: tuple[GroupScore, ...]
    """Parents before children; groups without a score (all excluded) are left out."""
    unsupported: tuple[str, ...]
    """Ids of the indicators whose claim the registers do not support."""
    completeness: Decimal | None = None
    """The share of the index a register decided, rounded as reports show it (a percent
    with one decimal: 0.455); None in a baseline file, which does not record it."""

    def group(self, group_id: str) -> Decimal | None:
        """The rounded score of ``group_id``, or None when this set has none."""
        return next((g.score for g in self.groups if g.id == group_id), None)


def scores_of(result: SetResult, basis: Basis) -> SetScores:
    """The rounded scores of ``result`` on ``basis``."""

    def walk(nodes: tuple[GroupResult, ...], depth: int) -> Iterator[GroupScore]:
        for node in nodes:
            score = node.score(basis)
            if score is not None:
                yield GroupScore(node.group.id, round_score(score), depth)
            yield from walk(node.groups, depth + 1)

    iset = result.indicator_set
    return SetScores(
        iset.id,
        iset.version,
        iset.sha256,
        basis.value,
        round_score(result.index(basis)),
        tuple(walk(result.groups, 0)),
        tuple(r.indicator.id for r in result.unsupported()),
        round_share(completeness_of(result)),
    )


def round_share(value: Fraction) -> Decimal:
    """A share as reports show it (a percent with one decimal), as a fraction: 0.455."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
