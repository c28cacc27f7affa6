"""The text format: ``score``'s summary, a roll-up's tables and ``diff``'s tables, drawn
with rich (part of the CLI layer: rich lives here).

``TextReporter`` is the text format's reporter (``report.reporter``): on the terminal as
rich shows it there (colour, the terminal's width, its encoding), or plain UTF-8 at 100
columns for a file. Every text from a workbook, a set or a file name goes in through
``printable`` (``streams``): a control character in data is shown as an escape, never
sent to the terminal (rich passes ESC through). Only our own line breaks stay.
"""

from __future__ import annotations

import io
import sys
from fractions import Fraction
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text as RichText

from smartserang.cli.streams import printable as _p
from smartserang.cli.streams import terminal_bytes
from smartserang.i18n import format_decimal, format_levels, message
from smartserang.report.reporter import RollUps, Scores
from smartserang.report.rollupview import RollUpView
from smartserang.scoring.levels import Basis, Breakdown, GroupResult, SetResult, Status, round_score

if TYPE_CHECKING:
    from smartserang.cli.outputs import Subject
    from smartserang.compare.view import DiffView, SetView

FILE_WIDTH = 100
"""Columns of the text format written to a file."""


class TextReporter:
    """The text format of ``score`` (one workbook or several) and ``diff``."""

    def __init__(self, *, for_file: bool) -> None:
        self.for_file = for_file

    def render(self, subject: Subject, lang: str) -> bytes:
        """The tables as the terminal shows them, or plain text for a file."""
        # A file gets each part drawn on its own and the parts joined by a blank line;
        # the terminal gets them one after another (the sets of a score split by a rule).
        rule = False
        if isinstance(subject, Scores):
            parts = [render_summary(r, subject.basis, lang) for r in subject.results]
            rule = True
        elif isinstance(subject, RollUps):
            from smartserang.report.formats import rollup_views

            parts = [render_rollup(view) for view in rollup_views(subject, lang)]
        else:
            from smartserang.compare import Diff
            from smartserang.compare.view import build_diff_view

            if not isinstance(subject, Diff):
                raise ValueError(f"no text output of {type(subject).__name__}")
            parts = [Group(*diff_parts(build_diff_view(subject, lang)))]
        if self.for_file:
            return "\n".join(plain_text(part) for part in parts).encode("utf-8")
        # Never markup: inventory text may hold [brackets]. Rich asks stdout whether it is
        # a terminal and in which encoding, but writes nothing to it: the bytes go out
        # through ``streams.write_stdout``, which handles a full disk or a closed pipe.
        console = Console(markup=False, file=_Asked(sys.stdout))
        console.begin_capture()
        for number, part in enumerate(parts):
            if number and rule:
                console.print(Rule())
            console.print(part)
        return terminal_bytes(console.end_capture())


class _Asked(io.StringIO):
    """Stands for ``stream`` when rich asks what it is (a terminal? which encoding?);
    takes what rich writes to it and drops it."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def write(self, text: str) -> int:
        return len(text)


def plain_text(renderable: RenderableType, width: int = FILE_WIDTH) -> str:
    """``renderable`` as plain text (no colour, no markup), ``width`` columns wide."""
    console = Console(width=width, color_system=None, file=io.StringIO(), markup=False)
    console.begin_capture()
    console.print(renderable)
    return console.end_capture()


def _table(*headings: str, numbers: tuple[int, ...] = (), title: str | None = None) -> Table:
    """A table of the terminal's one style; the columns at ``numbers`` align right."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, title=title)
    for number, heading in enumerate(headings):
        table.add_column(heading, justify="right" if number in numbers else "left")
    return table


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
        *_unchecked(result, lang),
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
        parts.append(RichText(f"\n{_p(message('unassessed_title', lang))}: {_p(ids)} — {policy}"))
    not_applicable = [r for r in result.indicators if r.indicator.not_applicable is not None]
    if not_applicable:
        parts.append(RichText("\n" + message("not_applicable_title", lang), style="bold"))
        for r in not_applicable:
            reason = r.indicator.not_applicable
            assert reason is not None
            label = f"{r.indicator.id} {r.indicator.label.get(lang)}: {reason.get(lang)}"
            parts.append(RichText(_p(label)))
    # those blank fields left unchecked are listed above, with their reason
    unverified = sum(
        1 for r in result.indicators if r.status is Status.UNVERIFIED and not r.unchecked
    )
    if unverified:
        parts.append(RichText(message("unverified_count", lang, n=unverified), style="dim"))
    parts.append(RichText(message("basis_note", lang), style="dim"))
    return Group(*parts)


def _heading(result: SetResult, lang: str) -> RichText:
    iset = result.indicator_set
    profile = result.inventory.profile
    title = RichText()
    title.append(_p(profile.instansi or result.inventory.source), style="bold")
    if profile.tahun:
        title.append(_p(f" · {message('year', lang)} {profile.tahun}"))
    title.append(f"\n{_p(message('set', lang))}: {_p(iset.title.get(lang))} (v{_p(iset.version)})")
    return title


def _index_table(result: SetResult, basis: Basis, lang: str) -> Table:
    iset = result.indicator_set
    table = _table("", message("scope_index", lang), message("predikat", lang), numbers=(1,))
    for key, value, this_basis in (
        ("index_claimed", result.claimed_index, Basis.CLAIMED),
        ("index_verified", result.verified_index, Basis.VERIFIED),
    ):
        table.add_row(
            message(key, lang),
            _score(value, lang),
            _p(iset.band_for(value).label.get(lang)),
            style="bold" if this_basis is basis else "",
        )
    return table


def _group_table(result: SetResult, basis: Basis, lang: str) -> Table:
    iset = result.indicator_set
    headings = ("group", "weight", "claimed", "verified", "predikat")
    table = _table(*(message(h, lang) for h in headings), numbers=(1, 2, 3))

    def add(node: GroupResult, depth: int) -> None:
        score = node.score(basis)
        table.add_row(
            "  " * depth + _p(f"{node.group.id} {node.group.name.get(lang)}"),
            format_decimal(round_score(node.group.weight), lang),
            _score(node.claimed, lang),
            _score(node.verified, lang),
            _p(iset.band_for(score).label.get(lang)) if score is not None else "–",
            style="bold" if depth == 0 else "",
        )
        for child in node.groups:
            add(child, depth + 1)

    for node in result.groups:
        add(node, 0)
    return table


def _breakdown_table(breakdown: Breakdown, result: SetResult, basis: Basis, lang: str) -> Table:
    headings = ("breakdown_value", "claimed", "verified", "predikat")
    table = _table(
        *(message(h, lang) for h in headings), numbers=(1, 2), title=_p(breakdown.title.get(lang))
    )
    for row in breakdown.rows:
        score = row.claimed if basis is Basis.CLAIMED else row.verified
        band = result.indicator_set.band_for(score).label.get(lang) if score is not None else "–"
        cells = (row.value, _score(row.claimed, lang), _score(row.verified, lang), band)
        table.add_row(*map(_p, cells))
    return table


def _unsupported(result: SetResult, lang: str) -> RenderableType:
    unsupported = result.unsupported()
    if not unsupported:
        return RichText(message("none_unsupported", lang))
    headings = ("indicator", "claimed", "supported", "evidence")
    table = _table(*(message(h, lang) for h in headings), numbers=(1, 2))
    row_word = message("row", lang)
    for r in unsupported:
        rows = "; ".join(_p(f"{e.sheet} {row_word} {e.row}: {e.label}") for e in r.evidence[:3])
        if len(r.evidence) > 3:
            rows += f"; +{len(r.evidence) - 3}"
        needs = ""
        if r.next_requires is not None and r.next_level is not None:
            label = message("next_needs", lang, level=r.next_level)
            needs = f"\n{label}: {_p(r.next_requires.get(lang))}"
        table.add_row(
            _p(f"{r.indicator.id} {r.indicator.label.get(lang)}"),
            str(r.claimed),
            format_levels(r.supported, r.ceiling),
            (rows or message("no_rows", lang)) + needs,
        )
    return table


def _unchecked(result: SetResult, lang: str) -> list[RenderableType]:
    """The indicators blank fields kept from being checked, grouped by field."""
    from smartserang.scoring.quality import format_ids, unchecked_by_field

    iset = result.indicator_set
    groups = unchecked_by_field(iset, result.indicators)
    if not groups:
        return []
    order = [i.id for i in iset.indicators()]
    parts: list[RenderableType] = [RichText("\n" + message("unchecked_title", lang), style="bold")]
    for field, ids in groups:
        line = message(
            "unchecked_line_many" if len(ids) > 1 else "unchecked_line_one",
            lang,
            ids=format_ids(ids, order),
            reason=field.describe(lang),
            sheet=field.sheet,
        )
        parts.append(RichText(_p(line)))
    parts.append(RichText(message("unchecked_note", lang), style="dim"))
    return parts


def summary_text(result: SetResult, basis: Basis, lang: str, width: int = FILE_WIDTH) -> str:
    """The summary as plain text."""
    return plain_text(render_summary(result, basis, lang), width)


def render_rollup(view: RollUpView) -> RenderableType:
    """The league table and the instance view of a roll-up."""
    text = view.text
    heading = RichText()
    heading.append(_p(f"{text['title']}: {view.set_title} (v{view.set_version})"), style="bold")
    heading.append(
        f"\n{text['units_count']}: {view.units_count} · {text['basis']}: {view.basis}"
        f"\n{text['combined']}: {view.combined_index} ({_p(view.combined_band)})"
    )
    headings = (text["rank"], text["unit"], text["index"], text["band"], *map(_p, view.group_ids))
    numbers = (0, 2, *range(4, len(headings)))
    league = _table(*headings, numbers=numbers, title=text["league"])
    for unit in view.units:
        league.add_row(*map(_p, (unit.rank, unit.name, unit.index, unit.band, *unit.groups)))
    headings = (text["indicator"], text["mean"], text["weakest"], text["level"])
    indicators = _table(*headings, numbers=(1, 3), title=text["indicators"])
    for row in view.indicators:
        cells = (f"{row.id} {row.name}", row.mean, row.weakest, row.weakest_level)
        indicators.add_row(*map(_p, cells))
    return Group(heading, league, indicators, RichText(text["mean_note"], style="dim"))


# ----------------------------------------------------------------------------- diff


def diff_parts(view: DiffView) -> list[RenderableType]:
    """The diff: what is compared, each set's index, groups and indicators, the registers."""
    text = view.text
    parts: list[RenderableType] = [RichText(text["title"], style="bold")]
    for side in (view.old, view.new):
        line = f"{side.role}: {side.path} ({side.kind}) · {side.instansi} · {text['year']}"
        parts.append(RichText(_p(f"{line} {side.tahun}")))
    parts.append(RichText(f"{text['basis']}: {view.basis}"))
    parts.extend(RichText(_p(note), style="bold") for note in view.set_notes)
    for item in view.sets:
        parts.extend(_set_parts(view, item))
    parts.append(RichText("\n" + text["registers_caption"], style="bold"))
    parts.extend(_register_parts(view))
    if view.profile:
        parts.append(RichText("\n" + text["profile_caption"], style="bold"))
        parts.extend(RichText(f"  {_p(line)}") for line in view.profile)
    return parts


def _set_parts(view: DiffView, item: SetView) -> list[RenderableType]:
    text = view.text
    heading = f"{text['indicator_set']}: {item.title} ({text['version']} {item.version})"
    parts: list[RenderableType] = [RichText("\n" + _p(heading), style="bold")]
    if item.version_note:
        parts.append(RichText(_p(item.version_note)))
    index = _table(
        text["index"], text["old"], text["new"], text["delta"], text["band"], numbers=(1, 2, 3)
    )
    for row in item.index_rows:
        band = f"{row.old_band} → {row.new_band}" if row.band_moved else row.new_band
        cells = (row.label, row.old, row.new, row.delta, band)
        index.add_row(*(RichText(_p(c)) for c in cells), style="bold" if row.headline else "")
    parts.extend([index, RichText(text["rounding_note"], style="dim")])
    parts.append(RichText("\n" + text["groups_caption"], style="bold"))
    parts.append(_groups(view, item) if item.groups else RichText(text["groups_none"]))
    parts.append(RichText("\n" + text["indicators_caption"], style="bold"))
    parts.append(_indicators(view, item) if item.indicators else RichText(text["indicators_none"]))
    return parts


def _groups(view: DiffView, item: SetView) -> RenderableType:
    text = view.text
    table = _table(text["group"], text["old"], text["new"], text["delta"], numbers=(1, 2, 3))
    for group in item.groups:
        name = "  " * group.depth + _p(f"{group.id} {group.name}")
        cells = (name, _p(group.old), _p(group.new), _p(group.delta))
        table.add_row(*(RichText(c) for c in cells))
    return table


def _indicators(view: DiffView, item: SetView) -> RenderableType:
    text = view.text
    headings = (text["indicator"], text["claimed"], text["supported"], text["verified"])
    table = _table(*headings, text["causes"], numbers=(1, 2, 3))
    for row in item.indicators:
        lines = [
            f"{c.place}: {c.label} — {c.change}"
            + (f"; {c.details}" if c.details else "")
            + (f" ({c.note})" if c.note else "")
            for c in row.causes
        ]
        causes = "\n".join(
            _p(line) for line in ([*lines, row.cause_note] if row.cause_note else lines)
        )
        cells = (f"{row.id} {row.name}", row.claimed, row.supported, row.verified)
        table.add_row(*(RichText(_p(c)) for c in cells), RichText(causes))
    return table


def _register_parts(view: DiffView) -> list[RenderableType]:
    text = view.text
    if not view.registers:
        return [RichText(_p(view.registers_note))]
    parts: list[RenderableType] = []
    for sheet in view.registers:
        title = _p(sheet.title + (f" ({sheet.note})" if sheet.note else ""))
        table = _table(text["change"], text["row"], text["name"], text["details"], numbers=(1,))
        for row in sheet.rows:
            cells = (f"{row.marker} {row.change}", row.row, row.label, row.details)
            table.add_row(*(RichText(_p(c)) for c in cells))
        parts.extend([RichText(title, style="bold"), table])
    return parts
