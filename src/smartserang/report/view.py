"""The report's view model: plain, already formatted values for the templates.

Templates loop over these and print them; they never compute or format. Numbers arrive
as strings in the report's language (decimal comma in Indonesian), levels as names and
numbers, inventory text unescaped (the HTML template's autoescaping escapes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from smartserang.report.charts import Drawing


@dataclass(frozen=True)
class GroupRow:
    """One domain or aspect (or dimension and element) in the summary table."""

    id: str
    name: str
    depth: int
    """0 for top-level groups (domains), 1 for their children, and so on."""
    weight: str
    claimed: str
    verified: str
    band: str
    """Predikat of the basis score."""
    target: str
    """Target score for the group: its own, else its parent's, else the index's; or "–"."""
    target_inherited: bool = False
    """True when ``target`` is not the group's own (the Target sheet names no target for it)."""


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart with its text alternative."""

    id: str
    title: str
    svg: str
    """A complete ``<svg>`` element (already escaped; marked safe by the renderer)."""
    alt: str
    """What the chart shows, in words (also inside the SVG as <title>/<desc>)."""
    drawing: Drawing | None = None
    """The chart's layout, which ``svg`` paints; the Word appendix paints it as a picture."""


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator in the gap-analysis table."""

    id: str
    name: str
    group: str
    weight: str
    claimed: str
    """Level number or "–"."""
    supported: str
    verified: str
    target: str
    gap: str
    """Levels still to go to the target ("0" when reached)."""
    gain: str
    """Marginal gain: the rise of the verified index if this indicator goes up one level."""
    status: str
    """verified / unverified / from register / unassessed, in the report's language."""
    unsupported: bool


@dataclass(frozen=True)
class EvidenceLine:
    """A register row behind a level."""

    sheet: str
    row: str
    label: str


@dataclass(frozen=True)
class IndicatorDetail:
    """Everything the report says about one indicator with a gap."""

    id: str
    name: str
    level: str
    """Verified level as "3 – Transaksi"."""
    claimed: str
    supported: str
    target: str
    gap: str
    weight: str
    gain: str
    next_level: str
    """The next level as "4 – Kolaborasi", or "" at the top of the scale."""
    next_criteria: str
    """The set's criteria for the next level, in the report's language."""
    evidence: tuple[EvidenceLine, ...]
    next_requires: str
    """What the register still lacks for the next level ("" when no rule speaks)."""
    status: str
    unsupported: bool


@dataclass(frozen=True)
class PriorityRow:
    """One indicator in the priority list."""

    rank: str
    id: str
    name: str
    verified: str
    target: str
    levels_to_go: str
    gain_per_level: str
    gain_to_target: str
    reason: str
    """Why it is a quick win or longer work, in words."""


@dataclass(frozen=True)
class UnsupportedRow:
    """A claim the registers do not support."""

    id: str
    name: str
    claimed: str
    supported: str
    evidence: tuple[EvidenceLine, ...]
    next_requires: str


@dataclass(frozen=True)
class WarningRow:
    """A data-quality warning from the workbook."""

    location: str
    message: str
    code: str


@dataclass(frozen=True)
class UncheckedRow:
    """Indicators the registers could not check because a field they need is blank."""

    ids: str
    """The indicators, as runs in set order ("32–47")."""
    sheet: str
    column: str
    reason: str
    """"Tingkat Layanan kosong di semua 189 baris", in the report's language."""


@dataclass(frozen=True)
class TargetRow:
    """One target of the master plan's trajectory against today's value."""

    year: str
    scope: str
    """'Indeks', a group id and name, or an indicator id and name."""
    target: str
    current: str
    distance: str
    """Still to go ("0" or a reached mark when met)."""
    reached: bool


@dataclass(frozen=True)
class BreakdownRowView:
    """Scores of the indicators sharing one tag value."""

    value: str
    claimed: str
    verified: str
    band: str
    share: str
    """Their share of the whole index, as a percentage."""
    count: str


@dataclass(frozen=True)
class BreakdownView:
    """A breakdown table by one tag (e.g. readiness aspect)."""

    title: str
    rows: tuple[BreakdownRowView, ...]


@dataclass(frozen=True)
class NotApplicableRow:
    """An indicator a tailoring left out, and why."""

    id: str
    name: str
    reason: str


@dataclass(frozen=True)
class Footer:
    """Provenance printed at the end of the report."""

    tool_version: str
    set_id: str
    set_version: str
    workbook_sha256: str
    set_sha256: str
    generated: str
    """The date given with --date, formatted; "" when none was given."""


@dataclass(frozen=True)
class ReportView:
    """The whole report, ready to render."""

    lang: str
    text: dict[str, str]
    """Every fixed string of the templates, in the report's language."""
    prefix: str
    """Prefix of every HTML id, so that several sets' reports share one page."""
    title: str
    instance: str
    year: str
    assessment_date: str
    set_title: str
    set_id: str
    set_version: str
    legal_basis: str
    basis: str
    """Which index is the headline, in words."""
    claims: bool
    """Whether the Penilaian sheet claims a level for any indicator of the set; without
    one every claimed figure is "–" and the charts draw no claimed bars."""
    claimed_index: str
    claimed_band: str
    verified_index: str
    verified_band: str
    index_target: str
    """The index target used for the gaps, or "–"."""
    index_target_source: str
    """Where that target comes from, in words."""
    completeness: str
    """Share of the weight whose level is backed by a register, as "64,5 %"."""
    unverified_count: str
    unassessed: tuple[tuple[str, str], ...]
    """(id, name) of unassessed indicators."""
    unassessed_policy: str
    groups: tuple[GroupRow, ...]
    targets_inherited: bool
    """Whether any group's target is inherited (the table then explains its mark)."""
    breakdowns: tuple[BreakdownView, ...]
    not_applicable: tuple[NotApplicableRow, ...]
    charts: tuple[Chart, ...]
    indicators: tuple[IndicatorRow, ...]
    detail_full: bool
    """Whether ``details`` were asked for (``--detail full``); without, they are empty."""
    details: tuple[IndicatorDetail, ...]
    quick_wins: tuple[PriorityRow, ...]
    longer_work: tuple[PriorityRow, ...]
    unsupported: tuple[UnsupportedRow, ...]
    warnings: tuple[WarningRow, ...]
    targets: tuple[TargetRow, ...]
    footer: Footer
    unchecked: tuple[UncheckedRow, ...] = ()
    """For the data-quality section: indicators blank fields kept from being checked."""
