"""The SVG painter of the charts: a laid-out `charts.Drawing` as an inline ``<svg>``
element, with its accessibility wiring (role, title, description) and the hatch pattern.

Every text is escaped here, so no caller can forget. The SVG is meant for inline use in
HTML only, hence no ``xmlns`` and no reference outside the element itself; its ids all
start with the drawing's ``chart_id``.
"""

from __future__ import annotations

from html import escape

from smartserang.report.charts import (
    DIAMOND_EDGE,
    FONT,
    FONT_SIZE,
    HALO,
    HATCH,
    HATCH_LINE,
    HATCH_PAPER,
    HATCH_PERIOD,
    INK,
    OUTLINE,
    PAPER,
    Diamond,
    Drawing,
    Line,
    Rect,
    Shape,
    Text,
)

Attr = str | int | float


def _fmt(value: Attr) -> str:
    if isinstance(value, str):
        return value
    # Fixed precision keeps the bytes stable across platforms and float noise.
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def _el(tag: str, *children: str, **attrs: Attr | None) -> str:
    """An element. Attribute names are spelled ``stroke_width`` for ``stroke-width`` and
    ``class_`` for ``class``; a None or "" value leaves the attribute out; every value is
    escaped here so no caller can forget."""
    head = tag + "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(_fmt(value), quote=True)}"'
        for name, value in attrs.items()
        if value is not None and value != ""
    )
    return f"<{head}>{''.join(children)}</{tag}>" if children else f"<{head}/>"


def _hatch(chart_id: str) -> str:
    # Light grey with dark diagonals: tells "claimed" and "gap" apart from solid in greyscale.
    return _el(
        "pattern",
        _el("rect", width=HATCH_PERIOD, height=HATCH_PERIOD, fill=HATCH_PAPER),
        _el("line", x1=1, y1=0, x2=1, y2=HATCH_PERIOD, stroke=OUTLINE, stroke_width=HATCH_LINE),
        id=f"{chart_id}-hatch",
        width=HATCH_PERIOD,
        height=HATCH_PERIOD,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )


def _svg_shape(shape: Shape, chart_id: str) -> str:
    if isinstance(shape, Rect):
        fill = f"url(#{chart_id}-hatch)" if shape.fill == HATCH else shape.fill
        return _el(
            "rect",
            class_=shape.cls,
            x=shape.x,
            y=shape.y,
            width=shape.width,
            height=shape.height,
            fill=fill,
            stroke=shape.stroke,
        )
    if isinstance(shape, Line):
        return _el(
            "line",
            class_=shape.cls,
            x1=shape.x1,
            y1=shape.y1,
            x2=shape.x2,
            y2=shape.y2,
            stroke=shape.stroke,
            stroke_width=shape.width,
            stroke_dasharray=" ".join(map(str, shape.dash)) if shape.dash else None,
        )
    if isinstance(shape, Diamond):
        cx, cy, r = shape.cx, shape.cy, shape.r
        points = " ".join(
            f"{cx + dx:.2f},{cy + dy:.2f}" for dx, dy in ((0, -r), (r, 0), (0, r), (-r, 0))
        )
        # White fill and black edge: visible on the solid bar, the hatch and the white page.
        return _el(
            "polygon",
            class_=shape.cls,
            points=points,
            fill=PAPER,
            stroke=INK,
            stroke_width=DIAMOND_EDGE,
        )
    if isinstance(shape, Text):
        tooltip = _el("title", escape(shape.tooltip, quote=True)) if shape.tooltip else ""
        halo: dict[str, Attr | None] = (
            {"stroke": PAPER, "stroke_width": HALO, "paint_order": "stroke"} if shape.halo else {}
        )
        return _el(
            "text",
            tooltip,
            escape(shape.text, quote=True),
            x=shape.x,
            y=shape.y,
            text_anchor=None if shape.anchor == "start" else shape.anchor,
            font_size=shape.size,
            **halo,
        )
    children = (_svg_shape(child, chart_id) for child in shape.shapes)
    return _el("g", *children, class_=shape.cls, fill=shape.fill, font_size=shape.size)


def paint_svg(drawing: Drawing) -> str:
    """The drawing as an inline ``<svg>`` element: named and described by its own <title>
    and <desc>, scaling with the page width, black on white."""
    chart_id = drawing.chart_id
    return _el(
        "svg",
        _el("title", escape(drawing.title, quote=True), id=f"{chart_id}-title"),
        _el("desc", escape(drawing.description, quote=True), id=f"{chart_id}-desc"),
        _el("defs", _hatch(chart_id)),
        # Black on white even when the page around it has a dark background.
        _el("rect", width="100%", height="100%", fill=PAPER),
        *(_svg_shape(shape, chart_id) for shape in drawing.shapes),
        viewBox=f"0 0 {drawing.width} {_fmt(float(drawing.height))}",
        width="100%",
        preserveAspectRatio="xMinYMin meet",
        role="img",
        aria_labelledby=f"{chart_id}-title {chart_id}-desc",
        font_family=FONT,
        font_size=FONT_SIZE,
    )
