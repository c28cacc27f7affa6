"""The template's texts, composed from the contract, the indicator sets and ``words``.

Header notes (what a column holds, its type, its accepted values), criteria notes (an
indicator in full and what each level needs), the instructions sheet's paragraphs and
the scoring commands. Plain strings only: ``workbook`` puts them into cells and notes.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Mapping, Sequence

from smartserang.author.template import HELPER_SHEET, INDICATOR_NAME_COLUMN
from smartserang.author.template.words import COLUMN_NOTES, SHEET_HELP, TEXT, TYPE_WORDS
from smartserang.model import Group, Indicator, IndicatorSet
from smartserang.workbook.contract import SHEETS, SHEETS_BY_KEY, VOCABULARIES, Column, Sheet

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\.([a-z_]+))?\}")
InstructionLine = tuple[str, str]
"""(style, text): style is title, heading, name, text or code."""


def sheet_name(sheet: Sheet, lang: str) -> str:
    """The sheet's name in ``lang``: Indonesian, or the English alias."""
    return sheet.alias if lang == "en" else sheet.name


def header(column: Column, lang: str) -> str:
    """The column's header (or Profil label) in ``lang``."""
    return column.alias if lang == "en" else column.name


def fill_names(text: str, lang: str, extra: Mapping[str, str] | None = None) -> str:
    """``text`` with ``{sheet}`` and ``{sheet.column}`` replaced by their names in ``lang``.

    ``extra`` supplies other ``{key}`` values; an unknown key raises ``KeyError``, so a
    test over every text catches a name the contract no longer has.
    """

    def name(match: re.Match[str]) -> str:
        key, column_key = match.group(1), match.group(2)
        if column_key is None:
            if extra is not None and key in extra:
                return extra[key]
            return sheet_name(SHEETS_BY_KEY[key], lang)
        column = SHEETS_BY_KEY[key].column(column_key)
        if column is None:
            raise KeyError(f"{key}.{column_key}")
        return header(column, lang)

    return _PLACEHOLDER.sub(name, text)


def column_note(sheet: Sheet, column: Column, lang: str) -> str:
    """A header's note: description, type, accepted values, the other language's header."""
    title = header(column, lang)
    if column.required:
        title += f" ({TEXT['required'][lang]})"
    lines = [title, description(sheet, column, lang)]
    lines.append(f"{TEXT['type'][lang]}: {TYPE_WORDS[column.type][lang]}.")
    if column.vocabulary is not None:
        vocabulary = VOCABULARIES[column.vocabulary]
        lines.append(f"{TEXT['values'][lang]}:")
        for term in vocabulary.terms:
            line = f"• {term.value}"
            if term.indicator is not None:
                line += f" → {TEXT['indicator'][lang]} {term.indicator}"
            # The indicator number is an alias too, but "→ indikator 32" already says it.
            aliases = [a for a in term.aliases if a != term.indicator]
            if aliases:
                line += f" ({TEXT['also'][lang]}: {', '.join(aliases)})"
            lines.append(line)
        if vocabulary.open:
            lines.append(TEXT["open_values"][lang])
    other = column.name if lang == "en" else column.alias
    if other != header(column, lang):
        lines.append(fill_names(TEXT["other_header"][lang], lang, {"alias": other}))
    return "\n".join(lines)


def description(sheet: Sheet, column: Column, lang: str) -> str:
    """What the column holds, in ``lang``, as a sentence.

    Indonesian prefers the contract's own description; ``words.COLUMN_NOTES`` fills the
    gaps and gives every English one.
    """
    words = COLUMN_NOTES.get((sheet.key, column.key), {})
    text = column.description if lang == "id" and column.description else words[lang]
    text = fill_names(text, lang)
    return text if text.endswith((".", "?", "!")) else text + "."


def criteria_note(
    iset: IndicatorSet, indicator: Indicator, path: Sequence[Group], lang: str
) -> str:
    """An indicator in full, where it sits, its question, and what each level needs."""
    lines = [
        f"{indicator.id}. {indicator.name.get(lang)}",
        " › ".join([iset.title.get(lang), *(g.name.get(lang) for g in path)]),
    ]
    if indicator.question is not None:
        lines.append(f"{TEXT['question'][lang]}: {indicator.question.get(lang)}")
    if indicator.evidence is not None:
        sheet = sheet_name(SHEETS_BY_KEY[indicator.evidence.sheet], lang)
        lines.append(fill_names(TEXT["checked_against"][lang], lang, {"sheet": sheet}))
    for level in iset.scales[indicator.scale].levels:
        criteria = indicator.criteria.get(level.value)
        heading = f"{TEXT['level'][lang]} {level.value} – {level.name.get(lang)}"
        lines.extend(["", heading, *([criteria.get(lang)] if criteria else [])])
    return "\n".join(lines)


def scoring_commands(references: Sequence[str], file_name: str, lang: str) -> tuple[str, str]:
    """The summary and the report command for this workbook, quoted for a shell."""
    parts = ["smartserang", "score", file_name]
    for reference in references:
        parts.extend(["--set", reference])
    if lang == "en":
        parts.extend(["--lang", "en"])
    report = [*parts, "--format", "html", "--output", "lampiran.html"]
    return shlex.join(parts), shlex.join(report)


def instruction_lines(
    sets: Sequence[IndicatorSet], lang: str, commands: tuple[str, str], *, helper_sheet: bool
) -> list[InstructionLine]:
    """The instructions sheet, one (style, text) per row, names filled in."""
    extra = {"indicator_name": INDICATOR_NAME_COLUMN[lang], "helper_sheet": HELPER_SHEET}
    lines = _instruction_lines(sets, lang, commands, helper_sheet=helper_sheet)
    return [(style, fill_names(text, lang, extra)) for style, text in lines]


def _instruction_lines(
    sets: Sequence[IndicatorSet], lang: str, commands: tuple[str, str], *, helper_sheet: bool
) -> Iterator[InstructionLine]:
    yield "title", TEXT["title"][lang]
    yield "heading", TEXT["sets"][lang]
    for iset in sets:
        yield "text", f"{iset.title.get(lang)} ({iset.id}, {TEXT['version'][lang]} {iset.version})"
    yield "heading", TEXT["how_to_fill"][lang]
    yield "text", TEXT["general"][lang]
    yield "text", TEXT["delete_unused"][lang]
    for sheet in SHEETS:
        yield "name", sheet_name(sheet, lang)
        yield "text", SHEET_HELP[sheet.key][lang]
    yield "text", TEXT["helpers"][lang]
    if helper_sheet:
        yield "text", TEXT["helper_sheet"][lang]
    yield "heading", TEXT["evidence_title"][lang]
    yield "text", TEXT["evidence"][lang]
    yield "heading", TEXT["score_title"][lang]
    yield "text", TEXT["score_summary"][lang]
    yield "code", commands[0]
    yield "text", TEXT["score_report"][lang]
    yield "code", commands[1]
