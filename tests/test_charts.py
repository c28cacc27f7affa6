"""The report's charts: the SVG's accessibility, escaping, geometry and stable bytes, and
the same layout painted as a PNG picture."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from functools import partial

import pytest
from PIL import Image

from smartserang.report.charts import (
    AXIS_HEIGHT,
    GAP_ROW,
    LINE_HEIGHT,
    PAGE_ROOM,
    PLOT_LEFT,
    PLOT_TOP,
    Drawing,
    GapBar,
    ScoreBar,
    Text,
    lay_out_gap_chart,
    lay_out_score_chart,
    split_gap_chart,
)
from smartserang.report.picture import SCALE, render_png
from smartserang.report.svg import paint_svg
from smartserang.report.textfit import text_width

HOSTILE = "<script>alert(1)</script>"
SCORE = ScoreBar("D1 Kebijakan Internal SPBE", 2.6, 2.1, 3.5, "2,60", "2,10", "3,50")
GAP = GapBar("35 Pengadaan Barang dan Jasa", level=2, target=4, claimed=3)


def score_chart(
    bars: Sequence[ScoreBar] = (SCORE,),
    chart_id: str = "scores",
    title: str = "Skor domain",
    description: str = "Skor klaim dan terverifikasi per domain.",
    name: str = "Klaim",
) -> str:
    """The score chart on a 1–5 scale, with the arguments a test does not care about."""
    return paint_svg(
        lay_out_score_chart(
            chart_id=chart_id,
            title=title,
            description=description,
            bars=bars,
            scale_min=1,
            scale_max=5,
            claimed_name=name,
            verified_name="Terverifikasi",
            target_name="Target",
            empty_text="Tidak ada domain.",
            note="Tidak ada klaim.",
        )
    )


def gap_chart(
    bars: Sequence[GapBar] = (GAP,),
    chart_id: str = "gaps",
    title: str = "Kesenjangan",
    description: str = "Indikator yang belum mencapai target.",
    name: str = "Klaim",
) -> str:
    """The gap chart on a 1–5 scale, with the arguments a test does not care about."""
    return paint_svg(
        lay_out_gap_chart(
            chart_id=chart_id,
            title=title,
            description=description,
            bars=bars,
            scale_min=1,
            scale_max=5,
            level_name="Terverifikasi",
            target_name="Kesenjangan",
            claimed_name=name,
            empty_text="Semua indikator mencapai target.",
        )
    )


Render = Callable[..., str]
CHARTS = [
    pytest.param(score_chart, id="score"),
    pytest.param(gap_chart, id="gap"),
    pytest.param(partial(score_chart, bars=()), id="score-empty"),
    pytest.param(partial(gap_chart, bars=()), id="gap-empty"),
]


def parse(svg: str) -> ET.Element:
    """The chart as an element tree (fails the test when it is not well-formed XML)."""
    return ET.fromstring(svg)


def by_class(root: ET.Element, cls: str) -> list[ET.Element]:
    """Elements carrying ``class="cls"``, in document order."""
    return [el for el in root.iter() if el.get("class") == cls]


def level_x(root: ET.Element, level: int) -> float:
    """The x of the gridline at a whole level of the 1–5 axis."""
    return float(by_class(root, "grid")[level - 1].attrib["x1"])


def span(rect: ET.Element) -> tuple[float, float]:
    """Left and right edge of a rect."""
    x = float(rect.attrib["x"])
    return x, x + float(rect.attrib["width"])


def height(svg: str) -> float:
    """The height the viewBox gives the chart."""
    return float(parse(svg).attrib["viewBox"].split()[3])


@pytest.mark.parametrize("render", CHARTS)
def test_chart_is_a_labelled_responsive_image(render: Render) -> None:
    """The root is role="img", named and described by its own <title> and <desc>, and
    scales with the page width through its viewBox instead of a fixed size."""
    root = parse(render(title="Judul", description="Uraian"))
    assert root.tag == "svg"
    assert root.attrib["role"] == "img"
    ids = {el.get("id"): el for el in root.iter()}
    title_id, desc_id = root.attrib["aria-labelledby"].split()
    assert (ids[title_id].tag, ids[title_id].text) == ("title", "Judul")
    assert (ids[desc_id].tag, ids[desc_id].text) == ("desc", "Uraian")
    assert root.attrib["width"] == "100%"
    assert "height" not in root.attrib
    assert root.attrib["preserveAspectRatio"] == "xMinYMin meet"
    assert re.fullmatch(r"0 0 \d+ \d+\.\d\d", root.attrib["viewBox"])


@pytest.mark.parametrize("render", CHARTS)
def test_text_is_print_readable(render: Render) -> None:
    """Every font size is at least 11px, the font is a sans-serif stack, the page is white."""
    root = parse(render())
    sizes = [float(el.attrib["font-size"]) for el in root.iter() if "font-size" in el.attrib]
    assert sizes
    assert min(sizes) >= 11
    assert root.attrib["font-family"].endswith("sans-serif")
    assert any(el.get("fill") == "#fff" and el.get("width") == "100%" for el in root.iter("rect"))


@pytest.mark.parametrize(
    "render",
    [
        partial(score_chart, bars=[ScoreBar(HOSTILE, 2, 3, 4, HOSTILE, HOSTILE, HOSTILE)]),
        partial(gap_chart, bars=[GapBar(HOSTILE, 1, 3, 2)]),
        partial(score_chart, bars=()),
    ],
    ids=["score", "gap", "empty"],
)
def test_hostile_text_stays_text(render: Render) -> None:
    """Markup in labels, values, names, title and description is escaped, never parsed."""
    svg = render(title=HOSTILE, description=HOSTILE, name=HOSTILE)
    root = parse(svg)
    assert "<script" not in svg
    assert not list(root.iter("script"))
    assert not [name for el in root.iter() for name in el.attrib if name.startswith("on")]
    assert HOSTILE in [el.text for el in root.iter("title")]
    assert HOSTILE in "".join(root.itertext())


@pytest.mark.parametrize("render", CHARTS)
def test_nothing_outside_the_svg_is_referenced(render: Render) -> None:
    """No href, URL or foreignObject: the chart draws only from itself."""
    svg = render()
    assert "href" not in svg
    assert "http" not in svg
    assert "foreignObject" not in svg


@pytest.mark.parametrize("render", [score_chart, gap_chart], ids=["score", "gap"])
def test_ids_derive_from_chart_id(render: Render) -> None:
    """Two charts on one page share no id, and each url(#…) resolves inside its own chart."""
    seen: list[set[str]] = []
    for chart_id in ("chart-a", "chart-b"):
        svg = render(chart_id=chart_id)
        ids = {el.attrib["id"] for el in parse(svg).iter() if "id" in el.attrib}
        assert all(i.startswith(f"{chart_id}-") for i in ids)
        assert set(re.findall(r"url\(#([^)]+)\)", svg)) <= ids
        seen.append(ids)
    assert not seen[0] & seen[1]


@pytest.mark.parametrize(
    ("chart_id", "scale", "message"),
    [
        ("two words", (1, 5), "chart_id"),
        ("", (1, 5), "chart_id"),
        ('x"y', (1, 5), "chart_id"),
        ("1st", (1, 5), "chart_id"),
        ("ok", (5, 5), "scale_min"),
        ("ok", (5, 1), "scale_min"),
    ],
)
def test_bad_chart_id_or_scale_is_rejected(
    chart_id: str, scale: tuple[int, int], message: str
) -> None:
    """An id unusable in aria-labelledby or url(#…), or an empty scale, raises ValueError."""
    with pytest.raises(ValueError, match=message):
        lay_out_gap_chart(
            chart_id=chart_id,
            title="t",
            description="d",
            bars=[GAP],
            scale_min=scale[0],
            scale_max=scale[1],
            level_name="a",
            target_name="b",
            claimed_name="c",
        )


@pytest.mark.parametrize(
    ("verified", "text", "fraction"),
    [
        (3.0, "3,00", 0.5),
        (1.0, "1,00", 0.0),
        (5.0, "5,00", 1.0),
        (2.25, "2,25", 0.3125),
        (0.4, "0,40", 0.0),  # clamped to the axis, labelled with the real value
        (7.5, "7,50", 1.0),
    ],
)
def test_verified_bar_ends_at_its_score(verified: float, text: str, fraction: float) -> None:
    """The verified bar runs from the axis start to its (clamped) score; its label is the
    given text."""
    bar = ScoreBar("D1", 2.0, verified, None, "2,00", text, "")
    root = parse(score_chart([bar]))
    (rect,) = by_class(root, "bar-verified")
    left, right = level_x(root, 1), level_x(root, 5)
    assert span(rect) == (left, left + fraction * (right - left))
    assert text in list(root.itertext())


def test_claimed_bar_is_clamped_too() -> None:
    """A claimed score above the scale fills the axis and still shows its real value."""
    root = parse(score_chart([ScoreBar("D1", 6.2, 3.0, None, "6,20", "3,00", "")]))
    (rect,) = by_class(root, "bar-claimed")
    assert span(rect) == (level_x(root, 1), level_x(root, 5))
    assert "6,20" in list(root.itertext())


@pytest.mark.parametrize(
    ("target", "markers"),
    [(None, 0), (3.5, 1), (9.0, 1)],
)
def test_target_marker_only_when_there_is_a_target(target: float | None, markers: int) -> None:
    """A dashed target line (and a target legend entry) appears only for a target, at its
    clamped position on the axis."""
    text = "" if target is None else f"{target:.2f}".replace(".", ",")
    root = parse(score_chart([ScoreBar("D1", 2.6, 2.1, target, "2,60", "2,10", text)]))
    lines = by_class(root, "target")
    assert len(lines) == markers
    assert ("Target" in list(root.itertext())) == bool(markers)
    if target is not None:
        (line,) = lines
        left, right = level_x(root, 1), level_x(root, 5)
        expected = left + (min(target, 5) - 1) / 4 * (right - left)
        assert float(line.attrib["x1"]) == pytest.approx(expected, abs=0.005)
        assert line.attrib["stroke-dasharray"]
        assert text in list(root.itertext())


def test_series_differ_by_pattern_not_hue() -> None:
    """Claimed bars are hatched, verified bars solid near-black, the target a dashed line."""
    root = parse(score_chart())
    (claimed,) = by_class(root, "bar-claimed")
    (verified,) = by_class(root, "bar-verified")
    assert claimed.attrib["fill"] == "url(#scores-hatch)"
    assert verified.attrib["fill"] == "#222"
    assert by_class(root, "target")[0].attrib["stroke"] == "#000"


@pytest.mark.parametrize(("level", "target"), [(1, 3), (2, 4), (4, 5), (1, 5)])
def test_gap_segment_spans_level_to_target(level: int, target: int) -> None:
    """The solid bar runs from the axis start to the verified level, the hatched gap from
    there to the target."""
    root = parse(gap_chart([GapBar("35 Pengadaan", level, target, None)]))
    (solid,) = by_class(root, "bar-level")
    (gap,) = by_class(root, "gap")
    assert span(solid) == (level_x(root, 1), level_x(root, level))
    assert span(gap) == (level_x(root, level), level_x(root, target))
    assert gap.attrib["fill"] == "url(#gaps-hatch)"


@pytest.mark.parametrize(("claimed", "markers"), [(None, 0), (2, 0), (3, 1), (1, 1)])
def test_claimed_marker_only_when_claim_differs(claimed: int | None, markers: int) -> None:
    """A diamond marks the claimed level only when a claim exists and differs from the
    verified level 2."""
    root = parse(gap_chart([GapBar("35 Pengadaan", 2, 4, claimed)]))
    diamonds = by_class(root, "claimed")
    assert len(diamonds) == markers
    if claimed is not None and markers:
        x = level_x(root, claimed)
        points = [tuple(map(float, p.split(","))) for p in diamonds[0].attrib["points"].split()]
        assert min(px for px, _ in points) < x < max(px for px, _ in points)


def test_same_input_same_bytes() -> None:
    """Rendering twice gives the same string, and float noise below the fixed precision
    does not change a byte."""
    assert score_chart() == score_chart()
    assert gap_chart([GAP] * 3) == gap_chart([GAP] * 3)
    noisy = ScoreBar(SCORE.label, 2.6000000000000005, 2.1, 3.5, "2,60", "2,10", "3,50")
    assert score_chart([noisy]) == score_chart([SCORE])


@pytest.mark.parametrize(
    ("render", "text"),
    [
        (partial(score_chart, bars=()), "Tidak ada domain."),
        (partial(gap_chart, bars=()), "Semua indikator mencapai target."),
    ],
    ids=["score", "gap"],
)
def test_empty_input_says_so(render: Render, text: str) -> None:
    """No bars: a short chart with the title, the description and the empty text only."""
    root = parse(render())
    (line,) = root.iter("text")
    assert line.text == text
    assert not [el for el in root.iter() if el.get("class") not in (None, "")]
    assert height(render()) < height(score_chart())


def test_gap_chart_height_follows_row_count() -> None:
    """Each row adds the same height, up to 60 rows, and every row gets its bar."""
    heights = {n: height(gap_chart([GAP] * n)) for n in (1, 2, 60)}
    row = heights[2] - heights[1]
    assert row > 0
    assert heights[60] == heights[1] + 59 * row
    assert len(by_class(parse(gap_chart([GAP] * 60)), "bar-level")) == 60


def label_lines(svg: str) -> list[list[str]]:
    """The row labels' lines (right-aligned text left of the plot), grouped by row."""
    rows: list[list[str]] = []
    last_y = None
    for el in parse(svg).iter("text"):
        if el.get("text-anchor") != "end":
            continue
        y = float(el.attrib["y"])
        tooltip = el.find("title")
        line = (tooltip.tail if tooltip is not None else el.text) or ""
        if last_y is None or y - last_y > LINE_HEIGHT + 0.01:
            rows.append([])
        rows[-1].append(line)
        last_y = y
    return rows


@pytest.mark.parametrize(
    ("label", "lines"),
    [
        ("D1 Kebijakan Internal SPBE", 1),
        ("44 Jaringan Dokumentasi dan Informasi Hukum (JDIH)", 2),
        ("GOV Smart Governance (tata kelola pemerintahan)", 2),
        ("Sistem Informasi Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik", 2),
        ("x" * 41, 2),
    ],
)
def test_long_labels_wrap_inside_the_label_column(label: str, lines: int) -> None:
    """A label wider than the label column is broken onto more lines instead of being
    cut: every character is shown, each line fits left of the plot, in both charts."""
    for svg in (
        score_chart([ScoreBar(label, 2, 2, None, "2", "2", "")]),
        gap_chart([GapBar(label, 1, 2, None)]),
    ):
        (shown,) = label_lines(svg)
        assert len(shown) == lines
        assert "".join(shown).replace(" ", "") == label.replace(" ", "")
        assert all(text_width(line, 12) <= PLOT_LEFT - 16 for line in shown)
        assert "…" not in "".join(shown)


def test_a_label_beyond_three_lines_is_cut_with_the_full_text_as_tooltip() -> None:
    """Only a label needing more than three lines ends in an ellipsis; its first line
    carries the full text as a <title> tooltip."""
    label = " ".join(["Pengelolaan"] * 20)
    svg = gap_chart([GapBar(label, 1, 2, None)])
    (shown,) = label_lines(svg)
    assert len(shown) == 3
    assert shown[-1].endswith("…")
    (tooltip,) = [
        el.find("title") for el in parse(svg).iter("text") if el.find("title") is not None
    ]
    assert tooltip is not None
    assert tooltip.text == label


def test_rows_grow_with_their_label() -> None:
    """A row whose label takes two lines is taller than a one-line row, so lines never
    reach into the next row."""
    short = height(gap_chart([GAP, GAP]))
    long = height(
        gap_chart([GAP, GapBar("44 Jaringan Dokumentasi dan Informasi Hukum", 3, 4, None)])
    )
    assert long > short


@pytest.mark.parametrize(("verified", "target"), [(2.78, 3.0), (2.9, 3.0), (2.95, 3.0), (3.0, 3.0)])
def test_value_labels_keep_off_the_target_line(verified: float, target: float) -> None:
    """A value label that would sit on the dashed target line is set just after it."""
    bar = ScoreBar("D1", verified, verified, target, "2,78", "2,78", "3,00")
    root = parse(score_chart([bar]))
    (line,) = by_class(root, "target")
    at = float(line.attrib["x1"])
    values = [el for el in root.iter("text") if el.text == "2,78"]
    assert len(values) == 2
    for value in values:
        start = float(value.attrib["x"])
        end = start + text_width("2,78", 11)
        assert start > at + 3 or end < at - 3


def test_no_claimed_bars_when_nothing_was_claimed() -> None:
    """Bars without a claim get no hatched bar, no claimed legend entry, shorter rows, and
    the legend says that nothing was claimed."""
    bars = [ScoreBar("D1", None, 2.1, 3.5, "", "2,10", "3,50")] * 2
    root = parse(score_chart(bars, name="Klaim"))
    assert by_class(root, "bar-claimed") == []
    assert len(by_class(root, "bar-verified")) == 2
    legend = "".join(by_class(root, "legend")[0].itertext())
    assert "Klaim" not in legend
    assert "Tidak ada klaim." in legend
    assert height(score_chart(bars)) < height(score_chart([SCORE, SCORE]))


def test_long_gap_charts_split_to_fill_the_page() -> None:
    """A gap chart fitting the room left is one part; a longer one fills that room and
    goes on in parts no taller than a page; too little room starts it on the next page."""
    frame = PLOT_TOP + AXIS_HEIGHT
    assert split_gap_chart([GAP] * 10, 1000) == [10]
    parts = split_gap_chart([GAP] * 120, 600)
    assert sum(parts) == 120
    assert frame + parts[0] * GAP_ROW <= 600 < frame + (parts[0] + 1) * GAP_ROW
    assert all(frame + n * GAP_ROW <= PAGE_ROOM for n in parts)
    assert split_gap_chart([GAP] * 120, frame + 2 * GAP_ROW) == split_gap_chart(
        [GAP] * 120, PAGE_ROOM
    )


# The same layout painted as a PNG picture (for the Word appendix).


def picture(drawing: Drawing) -> Image.Image:
    """The drawing painted as PNG at the default scale, opened again."""
    data = render_png(drawing)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data))


def score_drawing(bars: Sequence[ScoreBar] = (SCORE,)) -> Drawing:
    """The score chart's layout on a 1–5 scale."""
    return lay_out_score_chart(
        chart_id="scores",
        title="Skor",
        description="Skor per domain.",
        bars=bars,
        scale_min=1,
        scale_max=5,
        claimed_name="Klaim",
        verified_name="Terverifikasi",
        target_name="Target",
    )


def test_picture_is_the_drawing_at_its_scale_in_greys() -> None:
    """The PNG is the layout's page times the scale, greyscale, and the same every time."""
    drawing = score_drawing()
    image = picture(drawing)
    assert image.mode == "L"
    assert image.size == (round(drawing.width * SCALE), round(drawing.height * SCALE))
    assert render_png(drawing) == render_png(score_drawing())
    assert render_png(drawing, scale=1) != render_png(drawing)


def test_picture_paints_what_the_svg_draws() -> None:
    """Where the SVG has the verified bar the PNG is near-black, inside the claimed bar both
    hatch greys show, the target line is black, and outside the plot the page is white."""
    drawing = score_drawing()
    root = parse(paint_svg(drawing))
    image = picture(drawing)

    def pixel(x: float, y: float) -> int:
        value = image.getpixel((round(x * SCALE), round(y * SCALE)))
        assert isinstance(value, int)
        return value

    (verified,) = by_class(root, "bar-verified")
    left, right = span(verified)
    middle = float(verified.attrib["y"]) + float(verified.attrib["height"]) / 2
    assert pixel((left + right) / 2, middle) == 0x22
    (claimed,) = by_class(root, "bar-claimed")
    left, right = span(claimed)
    top = float(claimed.attrib["y"])
    inside = {pixel(x, top + 7) for x in range(int(left) + 3, int(right) - 3)}
    assert {0x55, 0xE4} <= inside
    (target,) = by_class(root, "target")
    assert pixel(float(target.attrib["x1"]), float(target.attrib["y1"]) + 1) == 0
    assert pixel(850, 20) == 0xFF


def test_picture_keeps_a_wide_label_on_the_page() -> None:
    """A label wider than the label column is wrapped, and a line still too wide for the
    picture's font set smaller, rather than cut by the edge."""
    image = picture(score_drawing([ScoreBar("W" * 60, 2, 2, None, "2", "2", "")]))
    edge = image.crop((0, 0, 2, image.height))
    assert edge.getextrema() == (0xFF, 0xFF)
    usual = picture(score_drawing())
    assert usual.crop((0, 0, 2, usual.height)).getextrema() == (0xFF, 0xFF)
    label = image.crop((0, 0, round(PLOT_LEFT * SCALE), image.height))
    darkest, _ = label.getextrema()
    assert isinstance(darkest, int)
    assert darkest < 0x80  # the label is there, in black


def test_picture_wraps_a_label_as_the_svg_does() -> None:
    """The PNG paints a wrapped label's lines where the layout put them: ink in the label
    column above each line's baseline."""
    label = "44 Jaringan Dokumentasi dan Informasi Hukum (JDIH)"
    drawing = score_drawing([ScoreBar(label, 2, 2, None, "2", "2", "")])
    lines = [
        shape
        for shape in drawing.shapes
        if isinstance(shape, Text) and shape.anchor == "end" and shape.text in label
    ]
    assert [line.text for line in lines] == [
        "44 Jaringan Dokumentasi dan Informasi",
        "Hukum (JDIH)",
    ]
    image = picture(drawing)

    def ink(top: float, bottom: float) -> int:
        band = image.crop((0, round(top * SCALE), round(PLOT_LEFT * SCALE), round(bottom * SCALE)))
        darkest, _ = band.getextrema()
        assert isinstance(darkest, int)
        return darkest

    for line in lines:
        assert ink(line.y - 8, line.y) < 0x80
