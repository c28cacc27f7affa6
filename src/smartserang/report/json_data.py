"""Plain, JSON-ready data built from a scored result: the one view every output reads.

The JSON format (``--format json``) is this data as is; the terminal summary and the
reports render from it. Scores are unrounded floats here, plus their rounded display
value, so a reader can classify on full precision and show what the report shows.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from smartserang import __version__
from smartserang.model import Text
from smartserang.scoring.analysis import Analysis
from smartserang.scoring.levels import Basis, GroupResult, IndicatorResult, SetResult, round_score
from smartserang.scoring.rollup import RollUp

SCHEMA_VERSION = "1.3"
"""Bumped on any change to the JSON output: minor for additions, major for changes."""


def _text(text: Text | None, lang: str) -> str | None:
    return text.get(lang) if text is not None else None


def _float(value: Fraction | None) -> float | None:
    return float(value) if value is not None else None


def _rounded(value: Fraction | None) -> float | None:
    return float(round_score(value)) if value is not None else None


def build_result_data(
    result: SetResult, basis: Basis, lang: str = "id", analysis: Analysis | None = None
) -> dict[str, Any]:
    """The documented JSON view of ``result`` (names in ``lang``), with the gap analysis."""
    iset = result.indicator_set
    profile = result.inventory.profile
    index = result.index(basis)

    def band(value: Fraction | None) -> str | None:
        return iset.band_for(value).label.get(lang) if value is not None else None

    def group_data(node: GroupResult) -> dict[str, Any]:
        score = node.score(basis)
        return {
            "id": node.group.id,
            "name": node.group.name.get(lang),
            "weight": float(node.group.weight),
            "score": _float(score),
            "score_rounded": _rounded(score),
            "band": band(score),
            "claimed_score": _float(node.claimed),
            "verified_score": _float(node.verified),
            "groups": [group_data(child) for child in node.groups],
            "indicators": [r.indicator.id for r in node.indicators],
        }

    def parent_of(ind: IndicatorResult) -> str | None:
        for group in iset.walk_groups():
            if any(i.id == ind.indicator.id for i in group.indicators):
                return group.id
        return None

    def indicator_data(r: IndicatorResult) -> dict[str, Any]:
        scale = iset.scales[r.indicator.scale]
        level_name = scale.level_name(r.level) if r.level is not None else None
        return {
            "id": r.indicator.id,
            "name": r.indicator.name.get(lang),
            "short_name": r.indicator.label.get(lang),
            "group": parent_of(r),
            "weight": float(r.indicator.weight),
            "scale": scale.id,
            "claimed": r.claimed,
            "supported": r.supported,
            "supported_max": r.ceiling,
            "level": r.level,
            "level_name": _text(level_name, lang),
            "status": r.status.value,
            "unsupported_claim": r.unsupported_claim,
            "target": r.target,
            "claim_row": r.claim_row,
            "evidence": [{"sheet": e.sheet, "row": e.row, "label": e.label} for e in r.evidence],
            "next_level": r.next_level,
            "next_requires": _text(r.next_requires, lang),
            "measure": _float(r.measure),
            "measure_max": _float(r.measure_max),
            "unchecked": r.unchecked,
            "unchecked_reason": r.unchecked_reason(lang),
            "blank_fields": [
                {
                    "sheet": f.sheet,
                    "column": f.header,
                    "blank": f.blank,
                    "rows": f.rows,
                }
                for f in r.blank_fields
            ],
            "not_applicable": _text(r.indicator.not_applicable, lang),
            "tags": dict(r.indicator.tags),
            **gap_data(r.indicator.id),
        }

    gaps = {g.result.indicator.id: g for g in analysis.gaps} if analysis else {}

    def gap_data(indicator_id: str) -> dict[str, Any]:
        gap = gaps.get(indicator_id)
        if gap is None:
            return {}
        return {
            "target_level": gap.target,
            "gap": gap.gap,
            "marginal_gain": float(gap.gain),
            "gain_to_target": float(gap.gain_to_target),
            "quick_win": gap.quick_win,
        }

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "indicator_set": {
            "id": iset.id,
            "version": iset.version,
            "title": iset.title.get(lang),
            "legal_basis": iset.legal_basis.get(lang),
            "path": iset.path,
            "sha256": iset.sha256,
        },
        "inventory": {
            "path": result.inventory.source,
            "sha256": result.inventory.sha256,
            "instansi": profile.instansi,
            "tahun": profile.tahun,
            "tanggal_penilaian": (
                profile.tanggal_penilaian.isoformat() if profile.tanggal_penilaian else None
            ),
        },
        "basis": basis.value,
        "index": float(index),
        "index_rounded": _rounded(index),
        "band": band(index),
        "claimed_index": float(result.claimed_index),
        "claimed_band": band(result.claimed_index),
        "verified_index": float(result.verified_index),
        "verified_band": band(result.verified_index),
        "unassessed_policy": iset.unassessed,
        "aggregation": iset.aggregation,
        "extends": iset.extends,
        "groups": [group_data(g) for g in result.groups],
        "indicators": [indicator_data(r) for r in result.indicators],
        "unsupported_claims": [r.indicator.id for r in result.unsupported()],
        "unassessed": [r.indicator.id for r in result.unassessed()],
        "unchecked": [r.indicator.id for r in result.unchecked()],
        "breakdowns": [
            {
                "key": b.key,
                "title": b.title.get(lang),
                "rows": [
                    {
                        "value": row.value,
                        "score": _float(row.claimed if basis is Basis.CLAIMED else row.verified),
                        "band": band(row.claimed if basis is Basis.CLAIMED else row.verified),
                        "claimed_score": _float(row.claimed),
                        "verified_score": _float(row.verified),
                        "share": float(row.share),
                        "indicators": list(row.indicators),
                    }
                    for row in b.rows
                ],
            }
            for b in result.breakdowns
        ],
        "not_applicable": [
            r.indicator.id for r in result.indicators if r.indicator.not_applicable is not None
        ],
        "warnings": [w.to_dict() for w in result.warnings],
        **(_analysis_data(analysis) if analysis else {}),
    }


def _analysis_data(analysis: Analysis) -> dict[str, Any]:
    targets = analysis.targets
    return {
        "completeness": float(analysis.completeness),
        "index_target": _float(targets.index),
        "index_target_source": targets.index_source.value,
        "priorities": [g.result.indicator.id for g in analysis.priorities],
    }


def build_output_data(
    results: list[SetResult], analyses: list[Analysis], basis: Basis, lang: str = "id"
) -> dict[str, Any]:
    """The JSON document: one set's result, or several under ``results``."""
    data = [build_result_data(r, basis, lang, a) for r, a in zip(results, analyses, strict=True)]
    if len(data) == 1:
        return data[0]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "results": data,
    }


def build_rollup_data(rollups: list[RollUp], lang: str = "id") -> dict[str, Any]:
    """The JSON document of a roll-up: per set, the league table and the instance view."""

    def one(rollup: RollUp) -> dict[str, Any]:
        iset = rollup.indicator_set
        return {
            "indicator_set": {"id": iset.id, "version": iset.version, "sha256": iset.sha256},
            "basis": rollup.basis.value,
            "index": float(rollup.index),
            "index_rounded": _rounded(rollup.index),
            "band": iset.band_for(rollup.index).label.get(lang),
            "groups": {k: _float(v) for k, v in rollup.groups.items()},
            "units": [
                {
                    "rank": u.rank,
                    "name": u.unit.name,
                    "path": u.unit.source,
                    "sha256": u.unit.sha256,
                    "index": float(u.unit.index),
                    "index_rounded": _rounded(u.unit.index),
                    "band": iset.band_for(u.unit.index).label.get(lang),
                    "groups": {k: _float(v) for k, v in u.unit.groups.items()},
                    "unsupported_claims": list(u.unit.unsupported),
                }
                for u in rollup.units
            ],
            "indicators": [
                {
                    "id": i.id,
                    "mean": _float(i.mean),
                    "weakest": (
                        {"unit": i.weakest[0], "level": i.weakest[1]} if i.weakest else None
                    ),
                    "assessed": i.assessed,
                }
                for i in rollup.indicators
            ],
        }

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "rollups": [one(r) for r in rollups],
    }
