"""Building the report's view model from a scored result and its gap analysis.

All formatting happens here, in the report's language: numbers (decimal comma in
Indonesian), dates, level names, statuses and reasons. The templates only print.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from smartserang import __version__
from smartserang.catalogue.report import report_text
from smartserang.i18n import format_date, format_fraction, format_levels, format_percent, message
from smartserang.model import Indicator, IndicatorSet
from smartserang.problems import Problem, Severity
from smartserang.report.charts import (
    CHART_PAGE,
    GapBar,
    ScoreBar,
    lay_out_gap_chart,
    lay_out_score_chart,
    split_gap_chart,
)
from smartserang.report.reporter import Detail
from smartserang.report.svg import paint_svg
from smartserang.report.view import (
    BreakdownRowView,
    BreakdownView,
    Chart,
    EvidenceLine,
    Footer,
    GroupRow,
    IndicatorDetail,
    IndicatorRow,
    NotApplicableRow,
    PriorityRow,
    ReportView,
    TargetRow,
    UncheckedRow,
    UnsupportedRow,
    WarningRow,
)
from smartserang.scoring.analysis import Analysis, Gap, TargetSource, index_range
from smartserang.scoring.context import EvidenceRow
from smartserang.scoring.levels import (
    Basis,
    Breakdown,
    GroupResult,
    IndicatorResult,
    SetResult,
    Status,
)
from smartserang.scoring.quality import format_ids, unchecked_by_field

NONE = "–"
GAIN_PLACES = 4
"""Marginal gains are small (SPBE: weight / 100, e.g. 0,0275): four decimals show them exactly."""


class _Format:
    """Number and level formatting in one language."""

    def __init__(self, lang: str, iset: IndicatorSet) -> None:
        self.lang = lang
        self.iset = iset

    def score(self, value: Fraction | None) -> str:
        return format_fraction(value, 2, self.lang) if value is not None else NONE

    def gain(self, value: Fraction) -> str:
        return format_fraction(value, GAIN_PLACES, self.lang)

    def level(self, value: int | None) -> str:
        return str(value) if value is not None else NONE

    def named_level(self, indicator: Indicator, value: int | None) -> str:
        if value is None:
            return NONE
        name = self.iset.scales[indicator.scale].level_name(value)
        return f"{value} – {name.get(self.lang)}" if name is not None else str(value)

    def band(self, value: Fraction | None) -> str:
        return self.iset.band_for(value).label.get(self.lang) if value is not None else NONE


def build_report_view(
    result: SetResult,
    analysis: Analysis,
    *,
    basis: Basis,
    lang: str,
    date: dt.date | None = None,
    prefix: str = "",
    detail: Detail = Detail.SHORT,
) -> ReportView:
    """The complete view model of the gap-analysis report.

    ``prefix`` starts every HTML id (needed when several sets share one page); ``detail``
    says whether each indicator's criteria and evidence are in it (``Detail.FULL``).
    """
    iset = result.indicator_set
    fmt = _Format(lang, iset)
    profile = result.inventory.profile
    targets = analysis.targets
    gaps = {g.result.indicator.id: g for g in analysis.gaps}
    instance = profile.instansi or result.inventory.source
    claims = any(r.claimed is not None for r in result.indicators)
    full = detail is Detail.FULL
    groups = tuple(_group_rows(result, basis, analysis, fmt, claims))
    return ReportView(
        lang=lang,
        text=report_text(lang),
        prefix=prefix,
        title=f"{message('report_title', lang)}: {instance} — {iset.title.get(lang)}",
        instance=instance,
        year=str(profile.tahun) if profile.tahun else NONE,
        assessment_date=(
            format_date(profile.tanggal_penilaian, lang) if profile.tanggal_penilaian else NONE
        ),
        set_title=iset.title.get(lang),
        set_id=iset.id,
        set_version=iset.version,
        legal_basis=iset.legal_basis.get(lang),
        basis=message(f"basis_{basis.value}", lang),
        claims=claims,
        claimed_index=fmt.score(result.claimed_index) if claims else NONE,
        claimed_band=fmt.band(result.claimed_index) if claims else NONE,
        verified_index=fmt.score(result.verified_index),
        verified_band=fmt.band(result.verified_index),
        index_target=fmt.score(targets.index),
        index_target_source=_target_source(analysis, fmt),
        completeness=format_percent(analysis.completeness, lang),
        unverified_count=str(sum(1 for r in result.indicators if r.status is Status.UNVERIFIED)),
        unassessed=tuple(
            (r.indicator.id, r.indicator.label.get(lang)) for r in result.unassessed()
        ),
        unassessed_policy=_unassessed_policy(iset, lang),
        groups=groups,
        targets_inherited=any(g.target_inherited for g in groups),
        breakdowns=tuple(_breakdown(b, basis, fmt, claims) for b in result.breakdowns),
        not_applicable=tuple(
            NotApplicableRow(
                r.indicator.id, r.indicator.label.get(lang), r.indicator.not_applicable.get(lang)
            )
            for r in result.indicators
            if r.indicator.not_applicable is not None
        ),
        charts=_charts(result, analysis, fmt, prefix, claims),
        indicators=tuple(
            _indicator_row(gaps[r.indicator.id], iset, fmt) for r in result.indicators
        ),
        detail_full=full,
        details=tuple(
            _detail(gaps[r.indicator.id], fmt)
            for r in result.indicators
            if full and (gaps[r.indicator.id].gap > 0 or r.unsupported_claim)
        ),
        quick_wins=_priorities(analysis.quick_wins(), fmt),
        longer_work=_priorities(analysis.longer_work(), fmt),
        unsupported=tuple(_unsupported(r, fmt) for r in result.unsupported()),
        warnings=tuple(_warning_row(w, lang) for w in result.warnings),
        targets=tuple(_target_rows(result, analysis, fmt)),
        unchecked=_unchecked_rows(result, lang),
        footer=Footer(
            tool_version=__version__,
            set_id=iset.id,
            set_version=iset.version,
            workbook_sha256=result.inventory.sha256,
            set_sha256=iset.sha256,
            generated=format_date(date, lang) if date else "",
        ),
    )


def _warning_row(warning: Problem, lang: str) -> WarningRow:
    """A row of the data-quality section; a note (what the reader understood, not a
    fault) says so first."""
    text = warning.message_in(lang)
    if warning.severity is Severity.NOTE:
        text = f"{message('note_kind', lang)}: {text}"
    return WarningRow(warning.location, text, warning.code)


def _unchecked_rows(result: SetResult, lang: str) -> tuple[UncheckedRow, ...]:
    """The data-quality entries of the indicators blank fields kept from being checked."""
    iset = result.indicator_set
    order = [i.id for i in iset.indicators()]
    return tuple(
        UncheckedRow(format_ids(ids, order), field.sheet, field.header, field.describe(lang))
        for field, ids in unchecked_by_field(iset, result.indicators)
    )


def _target_source(analysis: Analysis, fmt: _Format) -> str:
    source = analysis.targets.index_source
    if source is TargetSource.SHEET:
        years = [p.year for p in analysis.targets.trajectory if p.scope == "indeks"]
        return message("target_source_sheet", fmt.lang, year=max(years))
    if source is TargetSource.NEXT_BAND:
        assert analysis.targets.index is not None
        return message("target_source_next_band", fmt.lang, band=fmt.band(analysis.targets.index))
    return message(f"target_source_{source.value}", fmt.lang)


def _unassessed_policy(iset: IndicatorSet, lang: str) -> str:
    if iset.unassessed == "minimum":
        minimum = min(s.minimum for s in iset.scales.values())
        return message("unassessed_minimum", lang, level=minimum)
    return message("unassessed_exclude", lang)


def _group_rows(
    result: SetResult, basis: Basis, analysis: Analysis, fmt: _Format, claims: bool
) -> list[GroupRow]:
    rows: list[GroupRow] = []

    def add(node: GroupResult, depth: int, inherited: Fraction | None) -> None:
        own = analysis.targets.groups.get(node.group.id)
        target = own if own is not None else inherited
        rows.append(
            GroupRow(
                id=node.group.id,
                name=node.group.name.get(fmt.lang),
                depth=depth,
                weight=fmt.score(node.group.weight),
                claimed=fmt.score(node.claimed) if claims else NONE,
                verified=fmt.score(node.verified),
                band=fmt.band(node.score(basis)),
                target=fmt.score(target),
                target_inherited=own is None and target is not None,
            )
        )
        for child in node.groups:
            add(child, depth + 1, target)

    # A group without a target of its own is measured against its parent's, and a top
    # group against the index target: the targets its indicators' target levels come from.
    for node in result.groups:
        add(node, 0, analysis.targets.index)
    return rows


def _status(result: IndicatorResult, lang: str) -> str:
    return message(f"status_{result.status.value}", lang)


def _indicator_row(gap: Gap, iset: IndicatorSet, fmt: _Format) -> IndicatorRow:
    r = gap.result
    parent = next(g.id for g in iset.walk_groups() if r.indicator in g.indicators)
    return IndicatorRow(
        id=r.indicator.id,
        name=r.indicator.label.get(fmt.lang),
        group=parent,
        weight=fmt.score(r.indicator.weight),
        claimed=fmt.level(r.claimed),
        supported=format_levels(r.supported, r.ceiling),
        verified=fmt.level(r.level),
        target=fmt.level(gap.target),
        gap=str(gap.gap),
        gain=fmt.gain(gap.gain),
        status=_status(r, fmt.lang),
        unsupported=r.unsupported_claim,
    )


def _evidence(rows: tuple[EvidenceRow, ...]) -> tuple[EvidenceLine, ...]:
    return tuple(EvidenceLine(e.sheet, str(e.row), e.label) for e in rows)


def _detail(gap: Gap, fmt: _Format) -> IndicatorDetail:
    r = gap.result
    indicator = r.indicator
    scale = fmt.iset.scales[indicator.scale]
    current = r.level if r.level is not None else scale.minimum
    next_level = current + 1 if current < scale.maximum else None
    criteria = indicator.criteria.get(next_level) if next_level is not None else None
    needs = ""
    if next_level is not None and r.supported is not None and r.supported >= next_level:
        # The claim is below what the registers show: the fix is the self-assessment.
        needs = message("register_already_supports", fmt.lang, level=r.supported)
    elif r.next_requires is not None and r.next_level == next_level:
        needs = r.next_requires.get(fmt.lang)
    return IndicatorDetail(
        id=indicator.id,
        name=indicator.name.get(fmt.lang),
        level=fmt.named_level(indicator, r.level),
        claimed=fmt.named_level(indicator, r.claimed),
        supported=fmt.named_level(indicator, r.supported),
        target=fmt.named_level(indicator, gap.target),
        gap=str(gap.gap),
        weight=fmt.score(indicator.weight),
        gain=fmt.gain(gap.gain),
        next_level=fmt.named_level(indicator, next_level) if next_level is not None else "",
        next_criteria=criteria.get(fmt.lang) if criteria is not None else "",
        evidence=_evidence(r.evidence),
        next_requires=needs,
        status=_status(r, fmt.lang),
        unsupported=r.unsupported_claim,
    )


def _priorities(gaps: tuple[Gap, ...], fmt: _Format) -> tuple[PriorityRow, ...]:
    rows = []
    for rank, gap in enumerate(gaps, 1):
        r = gap.result
        if r.unsupported_claim and r.claimed is not None:
            reason = message("reason_evidence", fmt.lang, claimed=r.claimed)
        elif gap.gap == 1:
            reason = message("reason_one_level", fmt.lang)
        else:
            reason = message("reason_longer", fmt.lang, n=gap.gap)
        rows.append(
            PriorityRow(
                rank=str(rank),
                id=r.indicator.id,
                name=r.indicator.label.get(fmt.lang),
                verified=fmt.level(r.level),
                target=fmt.level(gap.target),
                levels_to_go=str(gap.gap),
                gain_per_level=fmt.gain(gap.gain),
                gain_to_target=fmt.gain(gap.gain_to_target),
                reason=reason,
            )
        )
    return tuple(rows)


def _unsupported(r: IndicatorResult, fmt: _Format) -> UnsupportedRow:
    return UnsupportedRow(
        id=r.indicator.id,
        name=r.indicator.label.get(fmt.lang),
        claimed=fmt.level(r.claimed),
        supported=format_levels(r.supported, r.ceiling),
        evidence=_evidence(r.evidence),
        next_requires=r.next_requires.get(fmt.lang) if r.next_requires is not None else "",
    )


def _target_rows(result: SetResult, analysis: Analysis, fmt: _Format) -> list[TargetRow]:
    iset = result.indicator_set
    groups = {g.group.id: g for g in _walk(result.groups)}
    indicators = {r.indicator.id: r for r in result.indicators}
    rows = []
    for point in analysis.targets.trajectory:
        if point.scope == "indeks":
            scope, current = message("scope_index", fmt.lang), result.verified_index
        elif point.scope in groups:
            node = groups[point.scope]
            scope = f"{node.group.id} {node.group.name.get(fmt.lang)}"
            current = node.verified if node.verified is not None else Fraction(0)
        else:
            ind = indicators[point.scope]
            scope = f"{ind.indicator.id} {ind.indicator.label.get(fmt.lang)}"
            level = ind.level if ind.level is not None else iset.scales[ind.indicator.scale].minimum
            current = Fraction(level)
        distance = max(Fraction(0), point.target - current)
        rows.append(
            TargetRow(
                year=str(point.year),
                scope=scope,
                target=fmt.score(point.target),
                current=fmt.score(current),
                distance=fmt.score(distance),
                reached=distance == 0,
            )
        )
    return rows


def _walk(groups: tuple[GroupResult, ...]) -> list[GroupResult]:
    out: list[GroupResult] = []
    for node in groups:
        out.append(node)
        out.extend(_walk(node.groups))
    return out


def _breakdown(breakdown: Breakdown, basis: Basis, fmt: _Format, claims: bool) -> BreakdownView:
    rows = []
    for row in breakdown.rows:
        score = row.claimed if basis is Basis.CLAIMED else row.verified
        rows.append(
            BreakdownRowView(
                value=row.value,
                claimed=fmt.score(row.claimed) if claims else NONE,
                verified=fmt.score(row.verified),
                band=fmt.band(score),
                share=format_percent(row.share, fmt.lang),
                count=str(len(row.indicators)),
            )
        )
    return BreakdownView(breakdown.title.get(fmt.lang), tuple(rows))


def _charts(
    result: SetResult, analysis: Analysis, fmt: _Format, prefix: str, claims: bool
) -> tuple[Chart, ...]:
    scores = _score_chart(result, analysis, fmt, prefix, claims)
    assert scores.drawing is not None
    return (scores, *_gap_charts(result, analysis, fmt, prefix, scores.drawing.height))


def _score_chart(
    result: SetResult, analysis: Analysis, fmt: _Format, prefix: str, claims: bool
) -> Chart:
    """The top groups' scores; the claimed bars only when something was claimed."""
    iset = result.indicator_set
    lang = fmt.lang
    # Points aggregation scores groups as shares of the maximum points: a 0–1 axis.
    score_low, score_high = index_range(iset)
    bars = []
    rows_text = []
    for node in result.groups:
        claimed = node.claimed if node.claimed is not None else Fraction(score_low)
        verified = node.verified if node.verified is not None else Fraction(score_low)
        target = analysis.targets.groups.get(node.group.id, analysis.targets.index)
        label = f"{node.group.id} {node.group.name.get(lang)}"
        target_text = fmt.score(target) if target is not None else ""
        bars.append(
            ScoreBar(
                label=label,
                claimed=float(claimed) if claims else None,
                verified=float(verified),
                target=float(target) if target is not None else None,
                claimed_text=fmt.score(claimed) if claims else "",
                verified_text=fmt.score(verified),
                target_text=target_text,
            )
        )
        suffix = message("chart_target_suffix", lang, target=target_text) if target_text else ""
        row = "chart_scores_row" if claims else "chart_scores_row_verified"
        rows_text.append(
            message(
                row,
                lang,
                name=label,
                claimed=fmt.score(claimed),
                verified=fmt.score(verified),
                target=suffix,
            )
        )
    title = message("chart_scores_title" if claims else "chart_scores_title_verified", lang)
    description = message(
        "chart_scores_desc", lang, low=score_low, high=score_high, rows="; ".join(rows_text)
    )
    drawing = lay_out_score_chart(
        chart_id=f"{prefix}chart-scores",
        title=title,
        description=description,
        bars=bars,
        scale_min=float(score_low),
        scale_max=float(score_high),
        claimed_name=message("claimed", lang),
        verified_name=message("verified", lang),
        target_name=message("series_target", lang),
        empty_text=message("chart_none", lang),
        note=message("chart_no_claims", lang),
    )
    return Chart("chart-scores", title, paint_svg(drawing), description, drawing)


def _gap_charts(
    result: SetResult, analysis: Analysis, fmt: _Format, prefix: str, above: float
) -> list[Chart]:
    """The indicators below their target, largest gap first; in parts when one chart
    would not fit the printed page below the score chart (``above`` units tall)."""
    iset = result.indicator_set
    lang = fmt.lang
    low = min(s.minimum for s in iset.scales.values())
    high = max(s.maximum for s in iset.scales.values())
    gaps = sorted(
        (g for g in analysis.gaps if g.gap > 0 and g.target is not None),
        key=lambda g: (-g.gap, -g.gain),
    )
    bars = []
    rows = []
    for gap in gaps:
        r = gap.result
        assert gap.target is not None
        level = r.level if r.level is not None else iset.scales[r.indicator.scale].minimum
        label = f"{r.indicator.id} {r.indicator.label.get(lang)}"
        bars.append(GapBar(label=label, level=level, target=gap.target, claimed=r.claimed))
        rows.append(message("chart_gaps_row", lang, name=label, level=level, target=gap.target))
    title = message("chart_gaps_title", lang)
    parts = split_gap_chart(bars, CHART_PAGE - above)
    charts = []
    start = 0
    for number, size in enumerate(parts, 1):
        shown = slice(start, start + size)
        start += size
        part_title = title
        if len(parts) > 1:
            part_title = message("chart_part", lang, title=title, n=number, total=len(parts))
        description = message("chart_gaps_desc", lang, n=len(gaps), rows="; ".join(rows[shown]))
        suffix = "" if number == 1 else f"-{number}"
        drawing = lay_out_gap_chart(
            chart_id=f"{prefix}chart-gaps{suffix}",
            title=part_title,
            description=description,
            bars=bars[shown],
            scale_min=low,
            scale_max=high,
            level_name=message("series_level", lang),
            target_name=message("series_gap", lang),
            claimed_name=message("claimed", lang),
            empty_text=message("chart_none", lang),
        )
        charts.append(
            Chart(f"chart-gaps{suffix}", part_title, paint_svg(drawing), description, drawing)
        )
    return charts
