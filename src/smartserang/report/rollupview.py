"""The roll-up's view model: formatted values the roll-up templates print, with their words
(``catalogue.report.ROLLUP``)."""

from __future__ import annotations

from dataclasses import dataclass

from smartserang.catalogue.report import ROLLUP
from smartserang.i18n import format_fraction
from smartserang.scoring.rollup import RollUp

NONE = "–"


@dataclass(frozen=True)
class UnitRow:
    """One unit in the league table."""

    rank: str
    name: str
    file: str
    index: str
    band: str
    groups: tuple[str, ...]
    """Scores of the top-level groups, in ``RollUpView.group_ids`` order."""


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator across the units."""

    id: str
    name: str
    mean: str
    weakest: str
    weakest_level: str
    assessed: str


@dataclass(frozen=True)
class RollUpView:
    """One set's roll-up, ready to print."""

    lang: str
    text: dict[str, str]
    prefix: str
    set_title: str
    set_version: str
    basis: str
    units_count: str
    combined_index: str
    combined_band: str
    group_ids: tuple[str, ...]
    units: tuple[UnitRow, ...]
    indicators: tuple[IndicatorRow, ...]


def rollup_text(lang: str) -> dict[str, str]:
    """The roll-up's fixed strings in ``lang``."""
    return {key: value[lang] for key, value in ROLLUP.items()}


def build_rollup_view(rollup: RollUp, lang: str, prefix: str = "") -> RollUpView:
    """Format a roll-up for the templates."""
    from pathlib import PurePath

    iset = rollup.indicator_set

    def score(value: object) -> str:
        from fractions import Fraction

        return format_fraction(value, 2, lang) if isinstance(value, Fraction) else NONE

    names = {i.id: i.label.get(lang) for i in iset.indicators()}
    group_ids = tuple(g.id for g in iset.groups)
    return RollUpView(
        lang=lang,
        text=rollup_text(lang),
        prefix=prefix,
        set_title=iset.title.get(lang),
        set_version=iset.version,
        basis=ROLLUP[f"basis_{rollup.basis.value}"][lang],
        units_count=str(len(rollup.units)),
        combined_index=score(rollup.index),
        combined_band=iset.band_for(rollup.index).label.get(lang),
        group_ids=group_ids,
        units=tuple(
            UnitRow(
                rank=str(u.rank),
                name=u.unit.name,
                file=PurePath(u.unit.source).name,
                index=score(u.unit.index),
                band=iset.band_for(u.unit.index).label.get(lang),
                groups=tuple(score(u.unit.groups.get(g)) for g in group_ids),
            )
            for u in rollup.units
        ),
        indicators=tuple(
            IndicatorRow(
                id=i.id,
                name=names[i.id],
                mean=score(i.mean),
                weakest=i.weakest[0] if i.weakest else NONE,
                weakest_level=str(i.weakest[1]) if i.weakest else NONE,
                assessed=str(i.assessed),
            )
            for i in rollup.indicators
        ),
    )
