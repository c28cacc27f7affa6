"""The gap-analysis appendix as a native Word document (.docx), for the smart city master plan.

The same sections as the HTML report, in the same order, one after another for several
sets: Word's own heading styles (so Word builds a table of contents from them), real
tables, the charts as pictures, an A4 page, and a page footer with the provenance of the
set on that page (tool version, set, the SHA-256 hashes) and the page number. Every word
comes from the view (``view.text``, the catalogue the templates use); numbers are printed
as the view formatted them.

This module owns the document: its styles, language, pages, footers and bytes (no clock:
python-docx's time stamps are removed, so the same views give the same bytes);
``docx_sections`` writes each set's sections with ``docx_tables``'s tables and
``picture``'s charts. These modules alone import python-docx and Pillow, and they are
imported only when a Word appendix is asked for.
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

from smartserang.report.docx_sections import MARGINS, PAGE, TEXT_WIDTH, SectionWriter
from smartserang.report.docx_tables import (
    BODY_SIZE,
    MONO,
    MONO_SCALE,
    MUTED,
    add_field,
    clean,
    rule_above,
)
from smartserang.report.view import ReportView

FONT = "Calibri"
"""Word's default; LibreOffice shows it in Carlito, which has the same metrics."""
FOOTER_SIZE = 7
ACCENT = "1F3A5F"
"""The HTML report's heading colour."""
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-GB"}
"""Proofing language of the text, per report language."""
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
        SectionWriter(document, view).write()
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
