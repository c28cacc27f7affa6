"""The terminal summary of ``smartserang score`` (part of the CLI layer: rich lives here)."""

from __future__ import annotations

import io
from fractions import Fraction

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from smartserang.i18n import format_decimal, message
from smartserang.report.rollupview import RollUpView
from smartserang.scoring.levels import Basis, Breakdown, GroupResult, SetResult, Status, round_score


def _score(value: Fraction | None, lang: str) -> str:
    return format_decimal(round_score(value), lang) if value is not None else "–"


def render_summary(result: SetResult, basis: Basis, lang: str) -> RenderableType:
    """Index, groups, unsupported claims and unassessed indicators as rich renderables."""
    parts: list[RenderableType] = [
        _heading(result, lang),
        _index_table(result, basis, lang),
        RichText(""),
        _group_table(result, basis, lang),
        *(_breakdown_table(b, result, basis, lang) for b in result.breakdowns),
        RichText("\n" + message("unsupported_title", lang), style="bold"),
        _unsupported(result, lang),
    ]
    unassessed = result.unassessed()
    if unassessed:
        iset = result.indicator_set
        minimum = min(s.minimum for s in iset.scales.values())
        policy = (
            message("unassessed_minimum", lang, level=minimum)
            if iset.unassessed == "minimum"
            else message("unassessed_exclude", lang)
        )
        ids = ", ".join(r.indicator.id for r in unassessed)
        parts.append(RichText(f"\n{message('unassessed_title', lang)}: {ids} — {policy}"))
    not_applicable = [r for r in result.indicators if r.indicator.not_applicable is not None]
    if not_applicable:
        parts.append(RichText("\n" + message("not_applicable_title", lang), style="bold"))
        for r in not_applicable:
            reason = r.indicator.not_applicable
            assert reason is not None
            label = f"{r.indicator.id} {r.indicator.label.get(lang)}: {reason.get(lang)}"
            parts.append(RichText(label))
    unverified = sum(1 for r in result.indicators if r.status is Status.UNVERIFIED)
    if unverified:
        parts.append(RichText(message("unverified_count", lang, n=unverified), style="dim"))
    parts.append(RichText(message("basis_note", lang), style="dim"))
    return Group(*parts)


def _heading(result: SetResult, lang: str) -> RichText:
    iset = result.indicator_set
    profile = result.inventory.profile
    title = RichText()
    title.append(profile.instansi or result.inventory.source, style="bold")
    if profile.tahun:
        title.append(f" · {message('year', lang)} {profile.tahun}")
    title.append(f"\n{message('set', lang)}: {iset.title.get(lang)} (v{iset.version})")
    return title


def _index_table(result: SetResult, basis: Basis, lang: str) -> Table:
    iset = result.indicator_set
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("")
    table.add_column("Indeks" if lang == "id" else "Index", justify="right")
    table.add_column(message("predikat", lang))
    for key, value, this_basis in (
        ("index_claimed", result.claimed_index, Basis.CLAIMED),
        ("index_verified", result.verified_index, Basis.VERIFIED),
    ):
        table.add_row(
            message(key, lang),
            _score(value, lang),
            iset.band_for(value).label.get(lang),
            style="bold" if this_basis is basis else "",
        )
    return table


def _group_table(result: SetResult, basis: Basis, lang: str) -> Table:
    iset = result.indicator_set
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(message("group", lang))
    table.add_column(message("weight", lang), justify="right")
    table.add_column(message("claimed", lang), justify="right")
    table.add_column(message("verified", lang), justify="right")
    table.add_column(message("predikat", lang))

    def add(node: GroupResult, depth: int) -> None:
        score = node.score(basis)
        table.add_row(
            "  " * depth + f"{node.group.id} {node.group.name.get(lang)}",
            format_decimal(round_score(node.group.weight), lang),
            _score(node.claimed, lang),
            _score(node.verified, lang),
            iset.band_for(score).label.get(lang) if score is not None else "–",
            style="bold" if depth == 0 else "",
        )
        for child in node.groups:
            add(child, depth + 1)

    for node in result.groups:
        add(node, 0)
    return table


def _breakdown_table(breakdown: Breakdown, result: SetResult, basis: Basis, lang: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title=breakdown.title.get(lang))
    table.add_column(message("breakdown_value", lang))
    table.add_column(message("claimed", lang), justify="right")
    table.add_column(message("verified", lang), justify="right")
    table.add_column(message("predikat", lang))
    for row in breakdown.rows:
        score = row.claimed if basis is Basis.CLAIMED else row.verified
        band = result.indicator_set.band_for(score).label.get(lang) if score is not None else "–"
        table.add_row(row.value, _score(row.claimed, lang), _score(row.verified, lang), band)
    return table


def _unsupported(result: SetResult, lang: str) -> RenderableType:
    unsupported = result.unsupported()
    if not unsupported:
        return RichText(message("none_unsupported", lang))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(message("indicator", lang))
    table.add_column(message("claimed", lang), justify="right")
    table.add_column(message("supported", lang), justify="right")
    table.add_column(message("evidence", lang))
    row_word = message("row", lang)
    for r in unsupported:
        rows = "; ".join(f"{e.sheet} {row_word} {e.row}: {e.label}" for e in r.evidence[:3])
        if len(r.evidence) > 3:
            rows += f"; +{len(r.evidence) - 3}"
        needs = ""
        if r.next_requires is not None and r.next_level is not None:
            label = message("next_needs", lang, level=r.next_level)
            needs = f"\n{label}: {r.next_requires.get(lang)}"
        table.add_row(
            f"{r.indicator.id} {r.indicator.label.get(lang)}",
            str(r.claimed),
            str(r.supported),
            (rows or message("no_rows", lang)) + needs,
        )
    return table


def summary_text(result: SetResult, basis: Basis, lang: str, width: int = 100) -> str:
    """The summary as plain text (for ``--output`` with the text format)."""
    console = Console(width=width, color_system=None, file=io.StringIO(), markup=False)
    console.begin_capture()
    console.print(render_summary(result, basis, lang))
    return console.end_capture()


def render_rollup(view: RollUpView) -> RenderableType:
    """The league table and the instance view of a roll-up."""
    text = view.text
    heading = RichText()
    heading.append(f"{text['title']}: {view.set_title} (v{view.set_version})", style="bold")
    heading.append(
        f"\n{text['units_count']}: {view.units_count} · {text['basis']}: {view.basis}"
        f"\n{text['combined']}: {view.combined_index} ({view.combined_band})"
    )
    league = Table(box=box.SIMPLE_HEAD, show_edge=False, title=text["league"])
    for label, justify in (
        ("rank", "right"),
        ("unit", "left"),
        ("index", "right"),
        ("band", "left"),
    ):
        league.add_column(text[label], justify=justify)  # type: ignore[arg-type]
    for group in view.group_ids:
        league.add_column(group, justify="right")
    for unit in view.units:
        league.add_row(unit.rank, unit.name, unit.index, unit.band, *unit.groups)
    indicators = Table(box=box.SIMPLE_HEAD, show_edge=False, title=text["indicators"])
    indicators.add_column(text["indicator"])
    indicators.add_column(text["mean"], justify="right")
    indicators.add_column(text["weakest"])
    indicators.add_column(text["level"], justify="right")
    for row in view.indicators:
        indicators.add_row(f"{row.id} {row.name}", row.mean, row.weakest, row.weakest_level)
    return Group(heading, league, indicators, RichText(text["mean_note"], style="dim"))


def rollup_text(view: RollUpView, width: int = 100) -> str:
    """The roll-up as plain text (for ``--output`` with the text format)."""
    console = Console(width=width, color_system=None, file=io.StringIO(), markup=False)
    console.begin_capture()
    console.print(render_rollup(view))
    return console.end_capture()
