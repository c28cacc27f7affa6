"""Painting a laid-out chart (``charts.Drawing``) as a PNG picture, for the Word appendix.

The SVG painter in ``charts`` and this one paint the same shapes: a PNG shows what the
HTML's SVG shows, in greys only. Text is set in Pillow's bundled scalable font (so the
bytes do not depend on the fonts a machine has), and the PNG carries no time stamp: the
same drawing gives the same bytes. Pillow is imported here only, and this module only on
demand.
"""

from __future__ import annotations

import functools
import io
import math

from PIL import Image, ImageColor, ImageDraw, ImageFont

from smartserang.report.charts import (
    DIAMOND_EDGE,
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
    Group,
    Line,
    Rect,
    Shape,
    Text,
)

SCALE = 2.5
"""Pixels per chart unit: the 880-unit width becomes 2,200 pixels, about 350 dpi across a
16 cm text column."""

_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}
"""SVG's text-anchor, with y on the baseline, as Pillow's anchor."""


@functools.cache
def _font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=pixels)


def _grey(colour: str) -> int:
    grey = ImageColor.getcolor(colour, "L")
    assert isinstance(grey, int)
    return grey


class _Painter:
    """Paints shapes onto one greyscale canvas at `SCALE` pixels per unit."""

    def __init__(self, drawing: Drawing, scale: float) -> None:
        self.scale = scale
        self.size = (round(drawing.width * scale), round(drawing.height * scale))
        self.image = Image.new("L", self.size, _grey(PAPER))
        self.draw = ImageDraw.Draw(self.image)
        self._hatch: Image.Image | None = None

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def width(self, units: float) -> int:
        return max(1, round(units * self.scale))

    def paint(self, shape: Shape, fill: str | None, size: int) -> None:
        if isinstance(shape, Group):
            for child in shape.shapes:
                self.paint(child, shape.fill or fill, shape.size or size)
        elif isinstance(shape, Rect):
            self.rect(shape, shape.fill or fill)
        elif isinstance(shape, Line):
            self.line(shape)
        elif isinstance(shape, Diamond):
            self.diamond(shape)
        else:
            self.text(shape, shape.size or size)

    def rect(self, rect: Rect, fill: str | None) -> None:
        box = (
            self.px(rect.x),
            self.px(rect.y),
            self.px(rect.x + rect.width),
            self.px(rect.y + rect.height),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            return  # a zero-length bar: nothing to see, as in the SVG
        if fill == HATCH:
            self.image.paste(self.hatch().crop(box), box[:2])
        elif fill is not None:
            self.draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=_grey(fill))
        if rect.stroke is not None:
            self.draw.rectangle(
                (box[0], box[1], box[2] - 1, box[3] - 1),
                outline=_grey(rect.stroke),
                width=self.width(1),
            )

    def hatch(self) -> Image.Image:
        """The hatch over the whole canvas; a hatched box shows its part of it, so hatches
        line up across boxes as the SVG pattern's do."""
        if self._hatch is None:
            hatch = Image.new("L", self.size, _grey(HATCH_PAPER))
            draw = ImageDraw.Draw(hatch)
            # The SVG tile is rotated 45°: its line x=1 becomes x + y = 1·√2 (+ k·6·√2).
            step = HATCH_PERIOD * math.sqrt(2)
            width, height = self.size
            ink, line = _grey(OUTLINE), self.width(HATCH_LINE)
            reach = (width + height) / self.scale
            for k in range(math.ceil(reach / step) + 1):
                at = self.px(math.sqrt(2) + k * step)
                draw.line((at, 0, at - height, height), fill=ink, width=line)
            self._hatch = hatch
        return self._hatch

    def line(self, line: Line) -> None:
        ink, width = _grey(line.stroke), self.width(line.width or 1)
        if line.dash is None:
            self.draw.line(
                (self.px(line.x1), self.px(line.y1), self.px(line.x2), self.px(line.y2)),
                fill=ink,
                width=width,
            )
            return
        on, off = line.dash
        length = math.hypot(line.x2 - line.x1, line.y2 - line.y1)
        dx, dy = (line.x2 - line.x1) / length, (line.y2 - line.y1) / length
        start = 0.0
        while start < length:
            end = min(start + on, length)
            self.draw.line(
                (
                    self.px(line.x1 + dx * start),
                    self.px(line.y1 + dy * start),
                    self.px(line.x1 + dx * end),
                    self.px(line.y1 + dy * end),
                ),
                fill=ink,
                width=width,
            )
            start = end + off

    def diamond(self, diamond: Diamond) -> None:
        cx, cy, r = diamond.cx, diamond.cy, diamond.r
        corners = [
            (self.px(cx + dx), self.px(cy + dy)) for dx, dy in ((0, -r), (r, 0), (0, r), (-r, 0))
        ]
        self.draw.polygon(
            corners, fill=_grey(PAPER), outline=_grey(INK), width=self.width(DIAMOND_EDGE)
        )

    def text(self, text: Text, size: int) -> None:
        font = _font(self.px(size))
        room = self._room(text)
        length = font.getlength(text.text)
        if length > room > 0:
            # The label column was sized by an estimate; never let a wide text leave the page.
            font = _font(max(1, math.floor(self.px(size) * room / length)))
        self.draw.text(
            (self.px(text.x), self.px(text.y)),
            text.text,
            fill=_grey(INK),
            font=font,
            anchor=_ANCHORS[text.anchor],
            stroke_width=self.width(HALO / 2) if text.halo else 0,
            stroke_fill=_grey(PAPER),
        )

    def _room(self, text: Text) -> float:
        """The pixels the text may take without leaving the canvas."""
        x, width = self.px(text.x), self.size[0]
        if text.anchor == "end":
            return x
        if text.anchor == "middle":
            return 2 * min(x, width - x)
        return width - x


def render_png(drawing: Drawing, scale: float = SCALE) -> bytes:
    """The drawing as a greyscale PNG, ``scale`` pixels per chart unit."""
    painter = _Painter(drawing, scale)
    for shape in drawing.shapes:
        painter.paint(shape, None, FONT_SIZE)
    out = io.BytesIO()
    painter.image.save(out, "PNG", dpi=(round(scale * 96), round(scale * 96)))
    return out.getvalue()
