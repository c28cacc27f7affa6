"""The sections of the Word appendix, in the HTML report's order, for one indicator set.

Each section prints the view's fields with the words of ``view.text`` (the catalogue the
templates use), in Word's heading styles, paragraphs, term lists and tables
(``docx_tables``) and chart pictures (``picture``), as wide as the page the sections are
written for (`TEXT_WIDTH`). The view has formatted every number; nothing is computed here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from smartserang.report.docx_tables import (
    MUTED,
    Cell,
    Column,
    Row,
    add_table,
    add_terms,
    clean,
    compact,
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
NOTE_SIZE = 9
"""Points: notes and legends, smaller and grey as in the HTML."""
FLAG = "⚠"
REACHED = "✓"


class SectionWriter:
    """Writes one view's sections into the document, in the HTML report's order: the
    title and identification, summary, charts, gap analysis with each indicator's detail,
    priorities, unsupported claims, data quality, targets."""

    def __init__(self, document: Document, view: ReportView) -> None:
        self.document = document
        self.view = view
        self.text = view.text

    def write(self) -> None:
        """Every section, in order."""
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
                *(
                    [
                        Row(
                            (
                                Cell((text["claimed_index"],), bold=True),
                                view.claimed_index,
                                view.claimed_band,
                            )
                        )
                    ]
                    if view.claims
                    else []
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
        if not view.claims:
            self.say(text["no_claims"], note=True)
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
            claimed = [Column(text["claimed"], numeric=True)] if view.claims else []
            self.table(
                (
                    Column(text["group"]),
                    Column(text["weight"], numeric=True),
                    *claimed,
                    Column(text["verified"], numeric=True),
                    Column(text["band"]),
                    Column(text["target"], numeric=True),
                ),
                [
                    Row(
                        (
                            Cell((f"{g.id} {g.name}",), indent=g.depth),
                            g.weight,
                            *([g.claimed] if view.claims else []),
                            g.verified,
                            g.band,
                            g.target + ("*" if g.target_inherited else ""),
                        ),
                        bold=g.depth == 0,
                    )
                    for g in view.groups
                ],
                text["groups_caption"],
            )
            if view.targets_inherited:
                self.say(text["target_inherited_note"], note=True)
        else:
            self.say(text["groups_none"])
        self.say(text["band_note"], note=True)
        for number, breakdown in enumerate(view.breakdowns, 1):
            claimed = [Column(text["claimed"], numeric=True)] if view.claims else []
            self.table(
                (
                    Column(text["breakdown_value"]),
                    *claimed,
                    Column(text["verified"], numeric=True),
                    Column(text["band"]),
                    Column(text["share_of_index"], numeric=True),
                    Column(text["indicator_count"], numeric=True),
                ),
                [
                    Row(
                        (
                            r.value,
                            *([r.claimed] if view.claims else []),
                            r.verified,
                            r.band,
                            r.share,
                            r.count,
                        )
                    )
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
        # The charts start a page and share it, as the HTML prints them (a gap chart too
        # long for it comes in parts): no chart leaves the page before it half blank.
        heading = self.heading(self.text["charts"], 2)
        heading.paragraph_format.page_break_before = True
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
        elif view.detail_full:
            self.say(text["details_none"])
        else:
            self.say(text["details_short"], note=True)

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
