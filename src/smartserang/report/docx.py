"""The gap-analysis appendix as a native Word document (.docx), for the smart city master plan.

The same sections as the HTML report, in the same order, one after another for several
sets: Word's own heading styles (so Word builds a table of contents from them), real
tables, the charts as pictures, an A4 page, and a page footer with the provenance of the
set on that page (tool version, set, the SHA-256 hashes) and the page number. Every word
comes from the view (``view.text``, the catalogue the templates use); numbers are printed
as the view formatted them. No clock: python-docx's time stamps are removed, so the same
views give the same bytes. python-docx is imported here only (Pillow in ``picture``),
and this module only on demand.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from smartserang.report.docx_tables import (
    MONO,
    MONO_SCALE,
    MUTED,
    Cell,
    Column,
    Row,
    add_field,
    add_table,
    add_terms,
    clean,
    compact,
    rule_above,
)
from smartserang.report.picture import render_png
from smartserang.report.view import Chart, IndicatorDetail, PriorityRow, ReportView

PAGE = (Mm(210), Mm(297))
"""A4, portrait."""
MARGINS = {"top": Mm(22), "bottom": Mm(22), "left": Mm(20), "right": Mm(20)}
TEXT_WIDTH = int(Mm(170).twips)
"""Twips between the margins: the width of every table and picture."""
PICTURE_HEIGHT = Mm(205)
"""The tallest a chart may be: a page less its margins, footer, heading and caption."""
FONT = "Calibri"
"""Word's default; LibreOffice shows it in Carlito, which has the same metrics."""
BODY_SIZE = 10
NOTE_SIZE = 9
FOOTER_SIZE = 7
ACCENT = "1F3A5F"
"""The HTML report's heading colour."""
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-GB"}
"""Proofing language of the text, per report language."""
FLAG = "⚠"
REACHED = "✓"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's date: the earliest a zip can hold, so no run stamps its own time."""


def render_docx(views: Sequence[ReportView]) -> bytes:
    """One Word document for ``views`` (one per indicator set), each set from a new page."""
    if not views:
        raise ValueError("a report needs at least one view")
    document = docx.Document()
    _set_up(document, views[0].lang)
    for number, view in enumerate(views):
        section = document.sections[0] if number == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, view)
        _Writer(document, view).write()
    core = document.core_properties
    core.title = clean(" · ".join(view.title for view in views))
    core.language = LANGUAGE_TAGS[views[0].lang]
    core.author = core.last_modified_by = core.comments = ""
    core.revision = 1
    return _packed(document)


# ---------------------------------------------------------------------------------- setup


def _set_up(document: Document, lang: str) -> None:
    """Styles, language and settings shared by every set in the document, and none of the
    template's leftovers: its time stamps, its preview picture, its Word 2010 styles."""
    document.core_properties._element.remove_all(
        "dcterms:created", "dcterms:modified", "cp:lastPrinted"
    )
    package = document.part.package
    assert package is not None
    for owner in (package, document.part):
        for rid, relationship in list(owner.rels.items()):
            if relationship.reltype in (RT.THUMBNAIL, STYLES_WITH_EFFECTS):
                del owner.rels[rid]
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.1
    for level, (size, before) in enumerate(((16, 0), (13, 18), (11, 12)), 1):
        heading = styles[f"Heading {level}"]
        _name_font(heading.element)
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor.from_string(ACCENT)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)
    caption = styles["Caption"]
    caption.font.color.rgb = RGBColor.from_string("1B1B1B")
    caption.paragraph_format.space_after = Pt(3)
    caption.paragraph_format.keep_with_next = True
    footer = styles["Footer"]
    # One stop at the right margin, for the page number (the template's are for Letter).
    footer.paragraph_format.tab_stops.clear_all()
    footer.paragraph_format.tab_stops.add_tab_stop(Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
    footer.font.size = Pt(FOOTER_SIZE)
    footer.font.color.rgb = RGBColor.from_string(MUTED)
    # One named font everywhere (the template's theme fonts differ between body and
    # headings), and the text's language, for Word's spelling and hyphenation.
    tag = LANGUAGE_TAGS[lang]
    defaults = styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    _name_font(defaults)
    for language in defaults.iter(qn("w:lang")):
        language.set(qn("w:val"), tag)
    settings = document.settings.element
    for stale in ("w:proofState", "w:savePreviewPicture", "w:rsids"):
        settings.remove_all(stale)
    for language in settings.iter(qn("w:themeFontLang")):
        language.set(qn("w:val"), tag)
    if lang == "id":
        # Word's own number fields (none here, but a planner may add some) in Indonesian.
        for symbol in settings.iter(qn("w:decimalSymbol")):
            symbol.set(qn("w:val"), ",")
        for separator in settings.iter(qn("w:listSeparator")):
            separator.set(qn("w:val"), ";")


def _name_font(element: BaseOxmlElement) -> None:
    """`FONT` in every font choice under ``element``, instead of the theme's fonts (which
    would win over a named font)."""
    for fonts in element.iter(qn("w:rFonts")):
        for name in list(fonts.attrib):
            del fonts.attrib[name]
        for script in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{script}"), FONT)


def _page(section: Section, view: ReportView) -> None:
    """A4 with the margins, and a footer with this set's provenance and the page number."""
    section.page_width, section.page_height = PAGE
    for side, length in MARGINS.items():
        setattr(section, f"{side}_margin", length)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(8)
    footer = section.footer
    footer.is_linked_to_previous = False
    text, provenance = view.text, view.footer
    first = footer.paragraphs[0]
    rule_above(first)
    facts = [
        f"{text['footer_tool']} {provenance.tool_version}",
        f"{text['indicator_set']}: {provenance.set_id}, {text['version']} {provenance.set_version}",
    ]
    if provenance.generated:
        facts.append(f"{text['generated']}: {provenance.generated}")
    first.add_run(clean(" · ".join(facts)) + "\t")
    add_field(first, "PAGE", "1")
    for label, value in (
        (text["workbook_sha256"], provenance.workbook_sha256),
        (text["set_sha256"], provenance.set_sha256),
    ):
        line = footer.add_paragraph(clean(f"{label}: "), style="Footer")
        hashed = line.add_run(clean(value))
        hashed.font.name = MONO
        hashed.font.size = Pt(FOOTER_SIZE * MONO_SCALE)
    footer.add_paragraph(clean(text["footer_note"]), style="Footer")


# ------------------------------------------------------------------------------- sections


class _Writer:
    """Writes one view's sections into the document, in the HTML report's order."""

    def __init__(self, document: Document, view: ReportView) -> None:
        self.document = document
        self.view = view
        self.text = view.text

    def write(self) -> None:
        self.identification()
        self.summary()
        self.charts()
        self.gaps()
        self.priorities()
        self.unsupported()
        self.data_quality()
        self.targets()

    # Building blocks.

    def heading(self, text: str, level: int) -> Paragraph:
        heading: Paragraph = self.document.add_heading(clean(text), level)
        return heading

    def paragraph(self, *runs: tuple[str, bool], note: bool = False) -> Paragraph:
        """A paragraph of (text, bold) runs; a note is smaller and grey, as in the HTML."""
        paragraph = self.document.add_paragraph()
        for text, bold in runs:
            run = paragraph.add_run(clean(text))
            run.font.bold = bold or None
            if note:
                run.font.size = Pt(NOTE_SIZE)
                run.font.color.rgb = RGBColor.from_string(MUTED)
        return paragraph

    def say(self, text: str, *, note: bool = False) -> Paragraph:
        return self.paragraph((text, False), note=note)

    def intro(self, text: str) -> None:
        """A paragraph that introduces what follows, kept on its page."""
        self.say(text).paragraph_format.keep_with_next = True

    def caption(self, text: str) -> None:
        self.document.add_paragraph(clean(text), style="Caption")

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        caption: str = "",
        *,
        keep_together: bool = False,
        least: int | None = None,
    ) -> None:
        if caption:
            self.caption(caption)
        add_table(
            self.document,
            columns,
            rows,
            TEXT_WIDTH,
            caption=caption,
            keep_together=keep_together,
            least=least,
        )
        self.gap(keep=keep_together)

    def gap(self, *, keep: bool = False) -> None:
        """A small empty paragraph: Word glues a table to what follows without one."""
        spacer = self.document.add_paragraph()
        compact(spacer)
        spacer.paragraph_format.line_spacing = Pt(6)
        spacer.paragraph_format.keep_with_next = keep or None

    def terms(
        self,
        pairs: Sequence[tuple[str, Sequence[str]]],
        *,
        framed: bool = False,
        keep: bool = False,
    ) -> None:
        add_terms(self.document, pairs, TEXT_WIDTH, framed=framed, keep_with_next=keep)
        self.gap()

    def flagged(self, value: str, unsupported: bool) -> str | Cell:
        return Cell((f"{FLAG} {value}",), warn=True) if unsupported else value

    # The sections.

    def identification(self) -> None:
        view, text = self.view, self.text
        self.heading(view.title, 1)
        self.say(text["intro"])
        pairs: list[tuple[str, Sequence[str]]] = [
            (text["instance"], [view.instance]),
            (text["assessment_year"], [view.year]),
            (text["assessment_date"], [view.assessment_date]),
            (text["indicator_set"], [f"{view.set_title}, {text['version']} {view.set_version}"]),
            (text["legal_basis"], [view.legal_basis]),
            (text["basis"], [view.basis]),
        ]
        if view.footer.generated:
            pairs.append((text["generated"], [view.footer.generated]))
        self.terms(pairs, framed=True)

    def summary(self) -> None:
        view, text = self.view, self.text
        self.heading(text["summary"], 2)
        self.table(
            (
                Column(text["index"]),
                Column(text["value"], numeric=True),
                Column(text["band_defined"]),
            ),
            [
                Row(
                    (
                        Cell((text["claimed_index"],), bold=True),
                        view.claimed_index,
                        view.claimed_band,
                    )
                ),
                Row(
                    (
                        Cell((text["verified_index"],), bold=True),
                        view.verified_index,
                        view.verified_band,
                    )
                ),
            ],
            text["index_caption"],
            keep_together=True,
            least=TEXT_WIDTH // 2,
        )
        target = view.index_target
        if view.index_target_source:
            target += f" ({text['target_source']}: {view.index_target_source})"
        unassessed = (
            [
                "; ".join(f"{id_} {name}" for id_, name in view.unassessed),
                f"{text['unassessed_policy']}: {view.unassessed_policy}",
            ]
            if view.unassessed
            else [text["unassessed_none"]]
        )
        self.terms(
            [
                (text["index_target"], [target]),
                (text["completeness"], [f"{view.completeness} – {text['completeness_note']}"]),
                (
                    text["unverified_count"],
                    [f"{view.unverified_count} – {text['unverified_note']}"],
                ),
                (text["unassessed"], unassessed),
            ]
        )
        if view.groups:
            self.table(
                (
                    Column(text["group"]),
                    Column(text["weight"], numeric=True),
                    Column(text["claimed"], numeric=True),
                    Column(text["verified"], numeric=True),
                    Column(text["band"]),
                    Column(text["target"], numeric=True),
                ),
                [
                    Row(
                        (
                            Cell((f"{g.id} {g.name}",), indent=g.depth),
                            g.weight,
                            g.claimed,
                            g.verified,
                            g.band,
                            g.target,
                        ),
                        bold=g.depth == 0,
                    )
                    for g in view.groups
                ],
                text["groups_caption"],
            )
        else:
            self.say(text["groups_none"])
        self.say(text["band_note"], note=True)
        for number, breakdown in enumerate(view.breakdowns, 1):
            self.table(
                (
                    Column(text["breakdown_value"]),
                    Column(text["claimed"], numeric=True),
                    Column(text["verified"], numeric=True),
                    Column(text["band"]),
                    Column(text["share_of_index"], numeric=True),
                    Column(text["indicator_count"], numeric=True),
                ),
                [
                    Row((r.value, r.claimed, r.verified, r.band, r.share, r.count))
                    for r in breakdown.rows
                ],
                breakdown.title,
            )
            if number == len(view.breakdowns):
                self.say(text["breakdown_note"], note=True)
        if view.not_applicable:
            self.table(
                (Column(text["number"]), Column(text["indicator"]), Column(text["reason"])),
                [Row((r.id, r.name, r.reason)) for r in view.not_applicable],
                text["not_applicable"],
            )
            self.say(text["not_applicable_note"], note=True)

    def charts(self) -> None:
        self.heading(self.text["charts"], 2)
        if not self.view.charts:
            self.say(self.text["charts_none"])
        for chart in self.view.charts:
            self.picture(chart)

    def picture(self, chart: Chart) -> None:
        """The chart as a picture, its description as the picture's alt text, then its title
        as the caption (the HTML's figcaption). A chart given only as SVG (no layout) is
        described in words instead."""
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        if chart.drawing is None:
            paragraph.add_run(clean(chart.alt))
        else:
            drawing = chart.drawing
            width = Twips(TEXT_WIDTH)
            if width * drawing.height / drawing.width > PICTURE_HEIGHT:
                width = Twips(int(PICTURE_HEIGHT.twips * drawing.width / drawing.height))
            shape = paragraph.add_run().add_picture(io.BytesIO(render_png(drawing)), width=width)
            for properties in (
                shape._inline.docPr,
                *shape._inline.iter(qn("pic:cNvPr")),
            ):
                properties.set("descr", clean(chart.alt))
                properties.set("title", clean(chart.title))
        # Below the picture, as the HTML's figcaption: it ends the figure, so it does not
        # pull the next one onto its page.
        self.document.add_paragraph(
            clean(chart.title), style="Caption"
        ).paragraph_format.keep_with_next = False

    def gaps(self) -> None:
        view, text = self.view, self.text
        self.heading(text["gaps"], 2)
        self.intro(text["gaps_intro"])
        if view.indicators:
            legend = self.paragraph((f"{FLAG} {text['unsupported_legend']}", False), note=True)
            legend.paragraph_format.keep_with_next = True
            self.table(
                (
                    Column(text["number"]),
                    Column(text["indicator"]),
                    Column(text["claimed"], numeric=True),
                    Column(text["supported"], numeric=True),
                    Column(text["verified"], numeric=True),
                    Column(text["target"], numeric=True),
                    Column(text["gap"], numeric=True),
                    Column(text["weight"], numeric=True),
                    Column(text["gain"], numeric=True),
                    Column(text["status"]),
                ),
                [
                    Row(
                        (
                            r.id,
                            r.name,
                            self.flagged(r.claimed, r.unsupported),
                            r.supported,
                            r.verified,
                            r.target,
                            r.gap,
                            r.weight,
                            r.gain,
                            r.status,
                        ),
                        tint=r.unsupported,
                    )
                    for r in view.indicators
                ],
                text["indicators_caption"],
            )
        else:
            self.say(text["indicators_none"])
        if view.details:
            self.intro(text["details_intro"])
            for detail in view.details:
                self.detail(detail)
        else:
            self.say(text["details_none"])

    def detail(self, detail: IndicatorDetail) -> None:
        text = self.text
        self.heading(f"{detail.id} {detail.name}", 3)
        self.table(
            (
                Column(text["level"]),
                Column(text["claimed"], numeric=True),
                Column(text["supported"], numeric=True),
                Column(text["target"], numeric=True),
                Column(text["gap"], numeric=True),
                Column(text["weight"], numeric=True),
                Column(text["gain"], numeric=True),
                Column(text["status"], nowrap=True),
            ),
            [
                Row(
                    (
                        detail.level,
                        self.flagged(detail.claimed, detail.unsupported),
                        detail.supported,
                        detail.target,
                        detail.gap,
                        detail.weight,
                        detail.gain,
                        detail.status,
                    )
                )
            ],
            keep_together=True,
        )
        if detail.next_level:
            pairs: list[tuple[str, Sequence[str]]] = [(text["next_level"], [detail.next_level])]
            if detail.next_criteria:
                pairs.append((text["criteria"], [detail.next_criteria]))
            pairs.append(
                (text["next_requires"], [detail.next_requires or text["next_requires_none"]])
            )
        else:
            pairs = [(text["next_level"], [text["top_level"]])]
        # The heading, the facts and what the next level needs stay on one page; the
        # evidence may follow on the next.
        self.terms(pairs, keep=True)
        if detail.evidence:
            self.table(
                (Column(text["sheet"]), Column(text["row"], numeric=True), Column(text["label"])),
                [Row((e.sheet, e.row, e.label)) for e in detail.evidence],
                text["evidence"],
            )
        else:
            self.paragraph((f"{text['evidence']}: ", True), (text["evidence_none"], False))

    def priorities(self) -> None:
        text = self.text
        self.heading(text["priorities"], 2)
        self.intro(text["priorities_intro"])
        for heading, rows, none in (
            (text["quick_wins"], self.view.quick_wins, text["quick_wins_none"]),
            (text["longer_work"], self.view.longer_work, text["longer_work_none"]),
        ):
            self.heading(heading, 3)
            if rows:
                self.priority_table(rows)
            else:
                self.say(none)

    def priority_table(self, rows: Sequence[PriorityRow]) -> None:
        text = self.text
        self.table(
            (
                Column(text["rank"], numeric=True),
                Column(text["number"]),
                Column(text["indicator"]),
                Column(text["verified"], numeric=True),
                Column(text["target"], numeric=True),
                Column(text["levels_to_go"], numeric=True),
                Column(text["gain_per_level"], numeric=True),
                Column(text["gain_to_target"], numeric=True),
                Column(text["reason"]),
            ),
            [
                Row(
                    (
                        r.rank,
                        r.id,
                        r.name,
                        r.verified,
                        r.target,
                        r.levels_to_go,
                        r.gain_per_level,
                        r.gain_to_target,
                        r.reason,
                    )
                )
                for r in rows
            ],
        )

    def unsupported(self) -> None:
        view, text = self.view, self.text
        self.heading(text["unsupported"], 2)
        if not view.unsupported:
            self.say(text["unsupported_none"])
            return
        self.intro(text["unsupported_intro"])
        self.table(
            (
                Column(text["number"]),
                Column(text["indicator"]),
                Column(text["claimed"], numeric=True),
                Column(text["supported"], numeric=True),
                Column(text["evidence"]),
                Column(text["next_requires"]),
            ),
            [
                Row(
                    (
                        r.id,
                        r.name,
                        self.flagged(r.claimed, True),
                        r.supported,
                        Cell(
                            tuple(
                                f"{e.sheet}, {text['row_inline']} {e.row}: {e.label}"
                                for e in r.evidence
                            )
                            or (text["evidence_none"],)
                        ),
                        r.next_requires or text["next_requires_none"],
                    )
                )
                for r in view.unsupported
            ],
        )

    def data_quality(self) -> None:
        view, text = self.view, self.text
        self.heading(text["data_quality"], 2)
        if not view.warnings:
            self.say(text["warnings_none"])
            return
        self.intro(text["warnings_intro"])
        self.table(
            (
                Column(text["location"], mono=True),
                Column(text["message"]),
                Column(text["code"], nowrap=True, mono=True),
            ),
            [Row((w.location, w.message, w.code)) for w in view.warnings],
        )

    def targets(self) -> None:
        view, text = self.view, self.text
        self.heading(text["targets"], 2)
        if not view.targets:
            self.say(text["targets_none"])
            return
        self.intro(text["targets_intro"])
        self.table(
            (
                Column(text["year"]),
                Column(text["scope"]),
                Column(text["target"], numeric=True),
                Column(text["current"], numeric=True),
                Column(text["distance"], numeric=True),
                Column(text["status"], nowrap=True),
            ),
            [
                Row(
                    (
                        r.year,
                        r.scope,
                        r.target,
                        r.current,
                        r.distance,
                        Cell((f"{REACHED} {text['reached']}",), bold=True)
                        if r.reached
                        else text["not_reached"],
                    )
                )
                for r in view.targets
            ],
        )


# --------------------------------------------------------------------------- determinism


def _packed(document: Document) -> bytes:
    """The document's package with fixed zip entry dates."""
    written = io.BytesIO()
    document.save(written)
    out = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry))
    return out.getvalue()
