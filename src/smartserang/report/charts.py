"""Inline SVG charts for the HTML report: scores per domain and gaps per indicator.

This module owns the charts' drawing: layout, a look that survives greyscale print, and
the accessibility wiring. It receives already formatted text (the view-model builder
formats numbers), draws with the standard library only and does no I/O, so the same
input gives the same bytes. The SVG is meant for inline use in HTML only, hence no
``xmlns`` and no reference outside the element itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class ScoreBar:
    """One group (domain) of the score chart."""

    label: str
    """Group name as shown, e.g. "D1 Kebijakan Internal SPBE"."""
    claimed: float
    """Unrounded claimed score on the chart's scale."""
    verified: float
    """Unrounded verified score on the chart's scale."""
    target: float | None
    """Target score, or None for no marker."""
    claimed_text: str
    """The claimed score as the report prints it, e.g. "2,60"."""
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


Attr = str | int | float

WIDTH = 880
PLOT_LEFT = 280  # the label column is everything left of the plot
PLOT_WIDTH = 540  # even, so the middle of the axis is a whole pixel
LABEL_CHARS = 40  # what fits left of the plot at 12px, at ~0.55em per character
PLOT_TOP = 34  # below the legend
AXIS_HEIGHT = 26  # tick labels under the plot
SCORE_ROW = 56  # a target-label band, then the claimed and the verified bar
GAP_ROW = 24
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
SOLID = "#222"  # near-black: the verified series
OUTLINE = "#555"
GRID = "#c4c4c4"
# Light grey with dark diagonals: tells "claimed" and "gap" apart from solid in greyscale.
HATCH = (
    '<pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#e4e4e4"/>'
    f'<line x1="1" y1="0" x2="1" y2="6" stroke="{OUTLINE}" stroke-width="1.50"/></pattern>'
)
DASHED: dict[str, Attr] = {"stroke": "#000", "stroke_width": 3, "stroke_dasharray": "6 3"}
CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _fmt(value: Attr) -> str:
    if isinstance(value, str):
        return value
    # Fixed precision keeps the bytes stable across platforms and float noise.
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def _el(tag: str, *children: str, **attrs: Attr) -> str:
    """An element. Attribute names are spelled ``stroke_width`` for ``stroke-width`` and
    ``class_`` for ``class``; every value is escaped here so no caller can forget."""
    head = tag + "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(_fmt(value), quote=True)}"'
        for name, value in attrs.items()
    )
    return f"<{head}>{''.join(children)}</{tag}>" if children else f"<{head}/>"


def _text(x: float, y: float, text: str, **attrs: Attr) -> str:
    return _el("text", escape(text, quote=True), x=x, y=y, **attrs)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(text: str, y: float) -> str:
    """A row label cut to the label column, the full text kept as a tooltip."""
    shown = escape(_truncate(text, LABEL_CHARS), quote=True)
    tooltip = _el("title", escape(text, quote=True))
    return _el("text", tooltip, shown, x=PLOT_LEFT - 10, y=y, text_anchor="end")


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


def _frame(chart_id: str, title: str, description: str, height: float, body: list[str]) -> str:
    """The root element: accessible name and description, the hatch, a white page."""
    return _el(
        "svg",
        _el("title", escape(title, quote=True), id=f"{chart_id}-title"),
        _el("desc", escape(description, quote=True), id=f"{chart_id}-desc"),
        _el("defs", HATCH.format(id=chart_id)),
        # Black on white even when the page around it has a dark background.
        _el("rect", width="100%", height="100%", fill="#fff"),
        *body,
        viewBox=f"0 0 {WIDTH} {_fmt(float(height))}",
        width="100%",
        preserveAspectRatio="xMinYMin meet",
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        font_family=FONT,
        font_size=12,
    )


def _empty(chart_id: str, title: str, description: str, empty_text: str) -> str:
    return _frame(chart_id, title, description, 40, [_text(10, 24, empty_text, font_size=13)])


def _axis(x: Callable[[float], float], lo: float, hi: float, top: float, bottom: float) -> str:
    """A gridline and a label at each whole level of the scale."""
    parts = []
    for level in range(math.ceil(lo), math.floor(hi) + 1):
        at = x(level)
        parts.append(_el("line", class_="grid", x1=at, y1=top, x2=at, y2=bottom, stroke=GRID))
        parts.append(_text(at, bottom + 17, str(level), text_anchor="middle"))
    return _el("g", *parts, font_size=11)


def _diamond(cx: float, cy: float, r: float, cls: str = "claimed") -> str:
    points = " ".join(
        f"{cx + dx:.2f},{cy + dy:.2f}" for dx, dy in ((0, -r), (r, 0), (0, r), (-r, 0))
    )
    # White fill and black edge: visible on the solid bar, the hatch and the white page.
    return _el("polygon", class_=cls, points=points, fill="#fff", stroke="#000", stroke_width=1.5)


def _dashed(x: float, y1: float, y2: float, cls: str = "target") -> str:
    return _el("line", class_=cls, x1=x, y1=y1, x2=x, y2=y2, **DASHED)


def _rect(cls: str, x0: float, x1: float, y: float, height: float, fill: str) -> str:
    return _el(
        "rect", class_=cls, x=x0, y=y, width=x1 - x0, height=height, fill=fill, stroke=OUTLINE
    )


def _legend(chart_id: str, items: Sequence[tuple[str, str]]) -> str:
    """Swatches and names in one row; widths estimated (no font metrics without I/O)."""
    parts, x = [], 10.0
    for kind, name in items:
        if kind == "dashed":
            parts.append(_dashed(x + 9, 6, 22, "swatch"))
        elif kind == "diamond":
            parts.append(_diamond(x + 9, 14, 6, "swatch"))
        else:
            fill = SOLID if kind == "solid" else f"url(#{chart_id}-hatch)"
            parts.append(_rect("swatch", x, x + 18, 8, 12, fill))
        shown = _truncate(name, 40)
        parts.append(_text(x + 24, 18, shown))
        x += 24 + 7 * len(shown) + 20
    return _el("g", *parts, class_="legend")


def _value(text: str, x: float, y: float) -> str:
    # A wide white halo keeps the number legible where it crosses a gridline or the target
    # line; the 6px gap keeps the halo off the bar end.
    return _text(x + 6, y, text, font_size=11, stroke="#fff", stroke_width=6, paint_order="stroke")


def render_score_chart(
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
) -> str:
    """Claimed (hatched) and verified (solid) bars per group, the target as a dashed line.

    Scores outside the scale are drawn clamped and labelled with their text. No bars give
    a short chart saying ``empty_text``. Raises ValueError for a ``chart_id`` unusable as an
    id prefix or an empty scale.
    """
    _check(chart_id, scale_min, scale_max)
    if not bars:
        return _empty(chart_id, title, description, empty_text)
    x = _scale(scale_min, scale_max)
    x0 = x(scale_min)
    legend = [("hatch", claimed_name), ("solid", verified_name)]
    if any(bar.target is not None for bar in bars):
        legend.append(("dashed", target_name))
    bottom = PLOT_TOP + len(bars) * SCORE_ROW
    body = [_legend(chart_id, legend), _axis(x, scale_min, scale_max, PLOT_TOP, bottom)]
    hatch = f"url(#{chart_id}-hatch)"
    for row, bar in enumerate(bars):
        top = PLOT_TOP + row * SCORE_ROW
        claimed, verified = x(bar.claimed), x(bar.verified)
        body.append(_rect("bar-claimed", x0, claimed, top + 16, 14, hatch))
        body.append(_rect("bar-verified", x0, verified, top + 32, 14, SOLID))
        if bar.target is not None:
            # Drawn over the bars so it shows where a bar passes it; its label has a band of
            # its own above the bars.
            at = x(bar.target)
            body.append(_dashed(at, top + 12, top + 50))
            body.append(_text(at, top + 10, bar.target_text, text_anchor="middle", font_size=11))
        # Values last: their white halo keeps them legible where the target line crosses.
        body.append(_value(bar.claimed_text, claimed, top + 27))
        body.append(_value(bar.verified_text, verified, top + 43))
        body.append(_label(bar.label, top + 35))
    return _frame(chart_id, title, description, bottom + AXIS_HEIGHT, body)


def render_gap_chart(
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
) -> str:
    """Per indicator: solid up to the verified level, hatched on to the target, a diamond
    at the claimed level when it differs from the verified one.

    The height grows with the rows; empty input and errors as in `render_score_chart`.
    """
    _check(chart_id, scale_min, scale_max)
    if not bars:
        return _empty(chart_id, title, description, empty_text)
    x = _scale(scale_min, scale_max)
    x0 = x(scale_min)
    legend = [("solid", level_name), ("hatch", target_name)]
    if any(bar.claimed is not None and bar.claimed != bar.level for bar in bars):
        legend.append(("diamond", claimed_name))
    bottom = PLOT_TOP + len(bars) * GAP_ROW
    # Stripes behind every other row guide the eye across long lists; drawn under the grid.
    stripes = [
        _el("rect", x=0, y=PLOT_TOP + row * GAP_ROW, width=WIDTH, height=GAP_ROW)
        for row in range(1, len(bars), 2)
    ]
    body = [_legend(chart_id, legend), _el("g", *stripes, fill="#f2f2f2")]
    body.append(_axis(x, scale_min, scale_max, PLOT_TOP, bottom))
    hatch = f"url(#{chart_id}-hatch)"
    for row, bar in enumerate(bars):
        top = PLOT_TOP + row * GAP_ROW + 5
        body.append(_rect("bar-level", x0, x(bar.level), top, 14, SOLID))
        if bar.target > bar.level:
            body.append(_rect("gap", x(bar.level), x(bar.target), top, 14, hatch))
        if bar.claimed is not None and bar.claimed != bar.level:
            body.append(_diamond(x(bar.claimed), top + 7, 6))
        body.append(_label(bar.label, top + 11))
    return _frame(chart_id, title, description, bottom + AXIS_HEIGHT, body)
