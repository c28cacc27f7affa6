"""The report's charts, scores per domain and gaps per indicator: laid out once, painted twice.

This module owns the charts' layout: where every bar, line, marker and label goes (long
labels wrapped by ``textfit``), and a look that survives greyscale print. A layout is a
`Drawing`, a tree of a few plain shapes in the chart's own units; ``svg`` paints it for
the HTML report and ``picture`` as a PNG for the Word appendix. Everything receives
already formatted text (the view-model builder formats numbers), uses the standard
library only and does no I/O, so the same input gives the same bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from smartserang.report.textfit import text_width, wrap


@dataclass(frozen=True)
class ScoreBar:
    """One group (domain) of the score chart."""

    label: str
    """Group name as shown, e.g. "D1 Kebijakan Internal SPBE"."""
    claimed: float | None
    """Unrounded claimed score on the chart's scale; None draws no claimed bar (a set
    nobody self-assessed)."""
    verified: float
    """Unrounded verified score on the chart's scale."""
    target: float | None
    """Target score, or None for no marker."""
    claimed_text: str
    """The claimed score as the report prints it, e.g. "2,60" ("" without a claim)."""
    verified_text: str
    """The verified score as the report prints it."""
    target_text: str
    """The target as the report prints it; "" when there is no target."""


@dataclass(frozen=True)
class GapBar:
    """One indicator of the gap chart."""

    label: str
    """Indicator as shown, e.g. "35 Pengadaan Barang dan Jasa"."""
    level: int
    """Verified level."""
    target: int
    """Target level (>= level)."""
    claimed: int | None
    """Claimed level, or None when nothing was claimed."""


# The shapes of a drawing. Coordinates are in the chart's units (the SVG's user units, a
# 880-unit-wide page, y downwards). Whole numbers are kept as ints where the layout gives
# ints: the SVG prints an int as written and a float with two decimals.

HATCH = "hatch"
"""The fill of claimed bars and gaps: light grey with dark diagonals (not a colour)."""


@dataclass(frozen=True)
class Rect:
    """An axis-aligned box."""

    x: float
    y: float
    width: float
    height: float
    fill: str | None = None
    """A colour, `HATCH`, or None to take the enclosing group's fill."""
    stroke: str | None = None
    """The outline's colour (one unit wide), or None for no outline."""
    cls: str = ""
    """What the box is ("bar-verified", "gap", …): an SVG class, for tests and styling."""


@dataclass(frozen=True)
class Line:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float | None = None
    """Stroke width; None for one unit."""
    dash: tuple[int, int] | None = None
    """Dash and gap lengths, or None for a solid line."""
    cls: str = ""


@dataclass(frozen=True)
class Diamond:
    """A white diamond with a black edge: the claimed-level marker."""

    cx: float
    cy: float
    r: float
    cls: str = ""


@dataclass(frozen=True)
class Text:
    """One line of text; ``y`` is its baseline."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    """Where ``x`` is on the text: "start", "middle" or "end"."""
    size: int | None = None
    """Font size; None for the enclosing group's (12 at the top)."""
    halo: bool = False
    """A wide white outline under the glyphs, so the text stays legible over lines."""
    tooltip: str = ""
    """The full text when ``text`` was cut ("" for none): a tooltip in the SVG."""


@dataclass(frozen=True)
class Group:
    """Shapes sharing a fill or a font size."""

    shapes: tuple[Shape, ...]
    cls: str = ""
    fill: str | None = None
    size: int | None = None


Shape = Rect | Line | Diamond | Text | Group


@dataclass(frozen=True)
class Drawing:
    """A laid-out chart, ready to paint: its page, its shapes and its words."""

    chart_id: str
    """Prefix of the SVG's ids (checked: a letter, then letters, digits, - or _)."""
    title: str
    description: str
    """What the chart shows, in words (the SVG's <desc>, the picture's description)."""
    width: int
    height: float
    shapes: tuple[Shape, ...]
    """Painted in order, over a white page."""


WIDTH = 880
PLOT_LEFT = 280  # the label column is everything left of the plot
PLOT_WIDTH = 540  # even, so the middle of the axis is a whole pixel
LABEL_WIDTH = PLOT_LEFT - 16  # a label's lines, right-aligned 10 units before the plot
LABEL_LINES = 3  # a label longer than this many lines is cut, the full text a tooltip
LINE_HEIGHT = 14  # between the baselines of a wrapped label's lines
PLOT_TOP = 34  # below the legend
AXIS_HEIGHT = 26  # tick labels under the plot
SCORE_ROW = 52  # a target-label band, then the claimed and the verified bar
SCORE_ROW_VERIFIED = 36  # a target-label band and the verified bar (nothing claimed)
GAP_ROW = 20
BAR = 14  # a score bar's thickness
GAP_BAR = 12
FONT_SIZE = 12
VALUE_SIZE = 11
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
PAPER = "#fff"
INK = "#000"
SOLID = "#222"  # near-black: the verified series
OUTLINE = "#555"
GRID = "#c4c4c4"
STRIPE = "#f2f2f2"
HATCH_PAPER = "#e4e4e4"
HATCH_PERIOD = 6  # the hatch's tile: one diagonal every 6 units, 1.5 units wide
HATCH_LINE = 1.5
DASH = (6, 3)
DASH_WIDTH = 3
DIAMOND_EDGE = 1.5
HALO = 6  # the white outline under value labels
CLEARANCE = 6  # between a value label and the bar end or line it must not touch
CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

# A printed page in chart units: the HTML report prints the 880 units across the 180 mm
# between A4's 15 mm side margins, so a page's 261 mm between its 18 mm top and bottom
# margins hold 1,276 units. Less the section heading, the captions and figure margins:
CHART_PAGE = 1080
"""Units the charts section's first page holds for its pictures (it starts a page)."""
PAGE_ROOM = 1180
"""Units a page holds for one picture and its caption."""
MIN_PART = 4
"""Fewer gap rows than this left on the chart page: the gap chart starts the next page."""


# ------------------------------------------------------------------------------- layout


def _label(text: str, middle: float) -> list[Text]:
    """A row label wrapped onto as many lines as the label column needs (at most
    `LABEL_LINES`), vertically centred on ``middle``; a label cut short carries its full
    text as a tooltip."""
    lines, cut = wrap(text, LABEL_WIDTH, FONT_SIZE, LABEL_LINES)
    # The x-height's middle sits on ``middle``: a baseline about 0.35em below it.
    first = middle + 0.35 * FONT_SIZE - (len(lines) - 1) * LINE_HEIGHT / 2
    return [
        Text(
            PLOT_LEFT - 10,
            first + number * LINE_HEIGHT,
            line,
            anchor="end",
            tooltip=text if cut and number == 0 else "",
        )
        for number, line in enumerate(lines)
    ]


def _label_height(text: str) -> float:
    """The height a row label's lines take."""
    lines, _ = wrap(text, LABEL_WIDTH, FONT_SIZE, LABEL_LINES)
    return FONT_SIZE + (len(lines) - 1) * LINE_HEIGHT


def _scale(lo: float, hi: float) -> Callable[[float], float]:
    """Value -> x, clamped to the axis so out-of-range values stay inside the plot."""

    def x(value: float) -> float:
        if math.isnan(value):
            raise ValueError("cannot draw NaN")
        return PLOT_LEFT + (min(max(value, lo), hi) - lo) / (hi - lo) * PLOT_WIDTH

    return x


def _check(chart_id: str, lo: float, hi: float) -> None:
    # The id ends up in other ids, in aria-labelledby (space separated) and in url(#…).
    if not CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart_id must be a letter then letters, digits, - or _: {chart_id!r}")
    if not lo < hi:
        raise ValueError(f"scale_min must be below scale_max: {lo} >= {hi}")


def _empty(chart_id: str, title: str, description: str, empty_text: str) -> Drawing:
    return Drawing(chart_id, title, description, WIDTH, 40, (Text(10, 24, empty_text, size=13),))


def _axis(x: Callable[[float], float], lo: float, hi: float, top: float, bottom: float) -> Group:
    """A gridline and a label at each whole level of the scale."""
    shapes: list[Shape] = []
    for level in range(math.ceil(lo), math.floor(hi) + 1):
        at = x(level)
        shapes.append(Line(at, top, at, bottom, GRID, cls="grid"))
        shapes.append(Text(at, bottom + 17, str(level), anchor="middle"))
    return Group(tuple(shapes), size=11)


def _dashed(x: float, y1: float, y2: float, cls: str = "target") -> Line:
    return Line(x, y1, x, y2, INK, width=DASH_WIDTH, dash=DASH, cls=cls)


def _bar(cls: str, x0: float, x1: float, y: float, height: float, fill: str) -> Rect:
    return Rect(x0, y, x1 - x0, height, fill, OUTLINE, cls)


def _legend(items: Sequence[tuple[str, str]], note: str = "") -> Group:
    """Swatches and names in one row, then ``note`` (what the chart leaves out)."""
    shapes: list[Shape] = []
    x = 10.0
    for kind, name in items:
        if kind == "dashed":
            shapes.append(_dashed(x + 9, 6, 22, "swatch"))
        elif kind == "diamond":
            shapes.append(Diamond(x + 9, 14, 6, "swatch"))
        else:
            shapes.append(_bar("swatch", x, x + 18, 8, 12, SOLID if kind == "solid" else HATCH))
        (shown,), _ = wrap(name, 240, FONT_SIZE, 1)
        shapes.append(Text(x + 24, 18, shown))
        x += 24 + text_width(shown, FONT_SIZE) + 20
    if note:
        (shown,), cut = wrap(note, WIDTH - 10 - x, FONT_SIZE, 1)
        shapes.append(Text(x, 18, shown, tooltip=note if cut else ""))
    return Group(tuple(shapes), cls="legend")


def _value(text: str, x: float, y: float, line: float | None = None) -> Text:
    """A bar's value just after its end, or just after the target ``line`` when it would
    sit on it. A wide white halo keeps the number legible over a gridline; the clearance
    keeps the halo off the bar end and off the dashed line."""
    start = x + CLEARANCE
    if line is not None:
        end = start + text_width(text, VALUE_SIZE)
        if start - CLEARANCE < line + DASH_WIDTH and end + CLEARANCE / 2 > line - DASH_WIDTH:
            start = line + DASH_WIDTH / 2 + CLEARANCE
    return Text(start, y, text, size=VALUE_SIZE, halo=True)


def lay_out_score_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[ScoreBar],
    scale_min: float,
    scale_max: float,
    claimed_name: str,
    verified_name: str,
    target_name: str,
    empty_text: str = "",
    note: str = "",
) -> Drawing:
    """Claimed (hatched) and verified (solid) bars per group, the target as a dashed line.

    Bars without a claim get no claimed bar; when no bar has one, the rows hold the
    verified bar only and the legend names no claimed series but says ``note``. Scores
    outside the scale are drawn clamped and labelled with their text. No bars give a short
    chart saying ``empty_text``. Raises ValueError for a ``chart_id`` unusable as an id
    prefix or an empty scale.
    """
    _check(chart_id, scale_min, scale_max)
    if not bars:
        return _empty(chart_id, title, description, empty_text)
    x = _scale(scale_min, scale_max)
    x0 = x(scale_min)
    claims = any(bar.claimed is not None for bar in bars)
    legend = [("hatch", claimed_name)] if claims else []
    legend.append(("solid", verified_name))
    if any(bar.target is not None for bar in bars):
        legend.append(("dashed", target_name))
    base = SCORE_ROW if claims else SCORE_ROW_VERIFIED
    rows: list[Shape] = []
    top = float(PLOT_TOP)
    for bar in bars:
        # A label of more lines than the bars are high makes its row taller, bars centred.
        height = max(base, _label_height(bar.label) + 16)
        first = top + (height - base) / 2 + 16  # below the target label's band
        verified_top = first + BAR + 2 if claims else first
        line = x(bar.target) if bar.target is not None else None
        if line is not None:
            # Over the bars, so it shows where a bar passes it; its label has a band of its
            # own above the bars.
            rows.append(_dashed(line, first - 4, verified_top + BAR + 4))
            rows.append(Text(line, first - 6, bar.target_text, anchor="middle", size=VALUE_SIZE))
        if bar.claimed is not None:
            claimed = x(bar.claimed)
            rows.append(_bar("bar-claimed", x0, claimed, first, BAR, HATCH))
            rows.append(_value(bar.claimed_text, claimed, first + 11, line))
        verified = x(bar.verified)
        rows.append(_bar("bar-verified", x0, verified, verified_top, BAR, SOLID))
        rows.append(_value(bar.verified_text, verified, verified_top + 11, line))
        rows.extend(_label(bar.label, (first + verified_top + BAR) / 2))
        top += height
    # Bars first, then the target lines over them, then the values: their white halo keeps
    # them legible where a gridline crosses.
    shapes: list[Shape] = [_legend(legend, "" if claims else note)]
    shapes.append(_axis(x, scale_min, scale_max, PLOT_TOP, top))
    shapes.extend(sorted(rows, key=_paint_order))
    return Drawing(chart_id, title, description, WIDTH, top + AXIS_HEIGHT, tuple(shapes))


def _paint_order(shape: Shape) -> int:
    """Bars, then target lines and their labels, then values and row labels."""
    if isinstance(shape, Rect):
        return 0
    if isinstance(shape, Line) or (isinstance(shape, Text) and shape.anchor == "middle"):
        return 1
    return 2


def gap_rows_height(bars: Sequence[GapBar]) -> list[float]:
    """The height of each row of a gap chart of ``bars`` (a wrapped label makes it taller)."""
    return [max(GAP_ROW, _label_height(bar.label) + 8) for bar in bars]


def split_gap_chart(bars: Sequence[GapBar], room: float) -> list[int]:
    """How many of ``bars`` each part of a gap chart holds so that no part is taller than
    a printed page, the first no taller than ``room`` (what the chart page has left).

    A chart fitting ``room`` is one part. A long one fills the chart page and goes on over
    the next pages rather than leaving the chart page blank below the score chart.
    """
    heights = gap_rows_height(bars)
    frame = PLOT_TOP + AXIS_HEIGHT  # legend and axis, repeated in each part
    if frame + sum(heights) <= room:
        return [len(bars)]
    parts: list[int] = []
    count, used = 0, float(frame)
    for height in heights:
        if count and used + height > (room if not parts else PAGE_ROOM):
            parts.append(count)
            count, used = 0, float(frame)
        count += 1
        used += height
    parts.append(count)
    if parts[0] < MIN_PART and len(parts) > 1 and room < PAGE_ROOM:
        return split_gap_chart(bars, PAGE_ROOM)  # too little room: start on the next page
    return parts


def lay_out_gap_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[GapBar],
    scale_min: int,
    scale_max: int,
    level_name: str,
    target_name: str,
    claimed_name: str,
    empty_text: str = "",
) -> Drawing:
    """Per indicator: solid up to the verified level, hatched on to the target, a diamond
    at the claimed level when it differs from the verified one.

    The height grows with the rows; empty input and errors as in `lay_out_score_chart`.
    """
    _check(chart_id, scale_min, scale_max)
    if not bars:
        return _empty(chart_id, title, description, empty_text)
    x = _scale(scale_min, scale_max)
    x0 = x(scale_min)
    legend = [("solid", level_name), ("hatch", target_name)]
    if any(bar.claimed is not None and bar.claimed != bar.level for bar in bars):
        legend.append(("diamond", claimed_name))
    heights = gap_rows_height(bars)
    tops = [PLOT_TOP + sum(heights[:row]) for row in range(len(bars))]
    bottom = PLOT_TOP + sum(heights)
    # Stripes behind every other row guide the eye across long lists; drawn under the grid.
    stripes = tuple(Rect(0, tops[row], WIDTH, heights[row]) for row in range(1, len(bars), 2))
    shapes: list[Shape] = [_legend(legend), Group(stripes, fill=STRIPE)]
    shapes.append(_axis(x, scale_min, scale_max, PLOT_TOP, bottom))
    for bar, top, height in zip(bars, tops, heights, strict=True):
        middle = top + height / 2
        y = middle - GAP_BAR / 2
        shapes.append(_bar("bar-level", x0, x(bar.level), y, GAP_BAR, SOLID))
        if bar.target > bar.level:
            shapes.append(_bar("gap", x(bar.level), x(bar.target), y, GAP_BAR, HATCH))
        if bar.claimed is not None and bar.claimed != bar.level:
            shapes.append(Diamond(x(bar.claimed), middle, 6, "claimed"))
        shapes.extend(_label(bar.label, middle))
    return Drawing(chart_id, title, description, WIDTH, bottom + AXIS_HEIGHT, tuple(shapes))
