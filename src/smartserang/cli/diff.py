"""``smartserang diff``: what changed between two assessments, and which rows moved it.

Reads two workbooks or ``score --format json`` results (or one of each), scores the
workbooks, and hands both sides to ``compare``; the terminal tables are drawn here (rich
lives in the CLI), Markdown, HTML and JSON come from ``diffrender``. A difference is not a
failure: exit 0, or 2 on bad input with every located problem of both sides.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartserang.cli.common import (
    EXIT_BAD_INPUT,
    BasisOption,
    Language,
    LimitOption,
    OutputFormat,
    app,
    emit,
    fail,
    parse_limit_options,
    stderr,
)
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import RenderableType
    from rich.table import Table

    from smartserang.compare import Side, Workbooks
    from smartserang.compare.render import DiffView, SetView
    from smartserang.model import IndicatorSet, Inventory
    from smartserang.workbook.limits import Limits

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})


@app.command()
def diff(
    old: Annotated[
        Path,
        typer.Argument(
            metavar="OLD", help="The earlier assessment: a workbook or a 'score' JSON result."
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            metavar="NEW", help="The later assessment: a workbook or a 'score' JSON result."
        ),
    ],
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            help="Set to score the workbooks on (repeatable). Default: spbe-2020, or the sets"
            " of the JSON side; JSON results carry their own sets.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: tables for people; json: the documented diff (docs/diff.md);"
            " md / html: a document.",
        ),
    ] = OutputFormat.text,
    basis: Annotated[
        BasisOption,
        typer.Option(help="Which index and group scores head the comparison."),
    ] = BasisOption.verified,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of names and labels.")
    ] = Language.id,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    limit: LimitOption = None,
) -> None:
    """Compare two assessments: index, groups, indicators, and the register rows behind each."""
    from smartserang.compare import compare
    from smartserang.procs import collector_paused
    from smartserang.scoring.levels import Basis

    limits = parse_limit_options(limit, what="nothing compared")
    # Comparing two 100k-row registers makes millions of acyclic objects: see procs.
    with collector_paused():
        old_side, new_side, workbooks = load_sides(
            old, new, indicator_sets or [], lang.value, limits
        )
        result = compare(old_side, new_side, Basis(basis.value), workbooks)
    if output_format is OutputFormat.json:
        from smartserang.compare.render import build_diff_data

        emit(json.dumps(build_diff_data(result), ensure_ascii=False, indent=2) + "\n", output)
        return
    from smartserang.compare.render import build_diff_view, render_diff

    view = build_diff_view(result, lang.value)
    if output_format is OutputFormat.text:
        _emit_text(view, output)
    else:
        emit(render_diff(view, output_format.value), output)


# ---------------------------------------------------------------------------- loading


def load_sides(
    old: Path, new: Path, references: list[str], lang: str, limits: Limits | None = None
) -> tuple[Side, Side, Workbooks | None]:
    """Both sides, scored; or exit 2 with every problem of both."""
    from smartserang.compare import Workbooks

    paths = (old, new)
    is_json = [_is_json(path) for path in paths]
    problems: list[Problem] = []
    sides: dict[int, Side] = {}
    for number, path in enumerate(paths):
        if is_json[number]:
            try:
                sides[number] = _read_json_side(path)
            except InputError as error:
                problems.extend(error.problems)
    if all(is_json) and references:
        stderr("smartserang: --set ignored: JSON results carry their own sets [usage.set]")
    # A workbook compared with a JSON result is scored on the JSON's sets unless told.
    references = references or _set_ids(sides.values()) or ["spbe-2020"]
    loaded = _load_workbooks(paths, is_json, references, problems, limits)
    for number, (sets, inventory) in loaded.items():
        sides[number] = _score_side(paths[number], sets, inventory, lang)
    workbooks = None
    if len(loaded) == 2:
        by_id = {s.id: s for s in loaded[1][0]}
        workbooks = Workbooks(loaded[0][1], loaded[1][1], by_id)
    return sides[0], sides[1], workbooks


def _load_workbooks(
    paths: tuple[Path, Path],
    is_json: list[bool],
    references: list[str],
    problems: list[Problem],
    limits: Limits | None,
) -> dict[int, tuple[list[IndicatorSet], Inventory]]:
    """Each workbook with its sets; or exit 2 after the problems of both sides.

    ``problems`` holds those of the JSON sides so far.
    """
    from smartserang.cli.score import load_inputs

    loaded: dict[int, tuple[list[IndicatorSet], Inventory]] = {}
    workbook_failed = False
    set_problems = [] if all(is_json) else _set_problems(references)
    if set_problems:  # each workbook would report them again: stop here
        fail((*problems, *set_problems), what="nothing compared")
    for number, path in enumerate(paths):
        if is_json[number]:
            continue
        try:
            loaded[number] = load_inputs(path, references, None, limits)
        except typer.Exit:  # load_inputs has printed its problems; go on to the other side
            workbook_failed = True
    if problems:
        fail(tuple(problems), what="nothing compared")
    if workbook_failed:
        raise typer.Exit(EXIT_BAD_INPUT)
    return loaded


def _set_problems(references: list[str]) -> list[Problem]:
    """Problems of the sets, checked once here rather than once per workbook."""
    from smartserang.sets.load import load_indicator_set

    problems: list[Problem] = []
    for reference in references:
        try:
            load_indicator_set(reference)
        except InputError as error:
            problems.extend(error.problems)
    return problems


def _score_side(path: Path, sets: list[IndicatorSet], inventory: Inventory, lang: str) -> Side:
    from smartserang.compare import workbook_side
    from smartserang.scoring.levels import score_inventory

    results = [score_inventory(iset, inventory) for iset in sets]
    seen: set[str] = set()
    for warning in (w for r in results for w in r.warnings):
        if str(warning) not in seen:  # workbook warnings would repeat once per set
            seen.add(str(warning))
            stderr(str(warning))
    return workbook_side(str(path), inventory, results, lang)


def _set_ids(sides: Iterable[Side]) -> list[str]:
    ids: list[str] = []
    for side in sides:
        ids.extend(s.set_id for s in side.snapshots if s.set_id not in ids)
    return ids


def _is_json(path: Path) -> bool:
    """A JSON result by its extension; for another extension, by its first character."""
    suffix = path.suffix.casefold()
    if suffix == ".json":
        return True
    if suffix in WORKBOOK_SUFFIXES:
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
    except OSError:
        return False  # the workbook reader reports the unreadable file, located
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def _read_json_side(path: Path) -> Side:
    from smartserang.compare import parse_result_document

    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
        raise InputError([Problem(source, message, "diff.file")]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte {error.start})"
        raise InputError([Problem(source, message, "diff.json")]) from None
    return parse_result_document(text, source)


# ----------------------------------------------------------------------------- terminal


def _emit_text(view: DiffView, output: Path | None) -> None:
    from rich.console import Console, Group

    body = Group(*_text_parts(view))
    if output is None:
        Console(markup=False).print(body)
        return
    console = Console(width=100, color_system=None, file=io.StringIO(), markup=False)
    console.begin_capture()
    console.print(body)
    emit(console.end_capture(), output)


def _text_parts(view: DiffView) -> list[RenderableType]:
    from rich.text import Text

    text = view.text
    parts: list[RenderableType] = [Text(text["title"], style="bold")]
    for side in (view.old, view.new):
        line = f"{side.role}: {side.path} ({side.kind}) · {side.instansi} · {text['year']}"
        parts.append(Text(f"{line} {side.tahun}"))
    parts.append(Text(f"{text['basis']}: {view.basis}"))
    parts.extend(Text(note, style="bold") for note in view.set_notes)
    for item in view.sets:
        parts.extend(_set_parts(view, item))
    parts.append(Text("\n" + text["registers_caption"], style="bold"))
    parts.extend(_register_parts(view))
    if view.profile:
        parts.append(Text("\n" + text["profile_caption"], style="bold"))
        parts.extend(Text(f"  {line}") for line in view.profile)
    return parts


def _table(*headings: str, numbers: tuple[int, ...] = ()) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for number, heading in enumerate(headings):
        table.add_column(heading, justify="right" if number in numbers else "left")
    return table


def _set_parts(view: DiffView, item: SetView) -> list[RenderableType]:
    from rich.text import Text

    text = view.text
    heading = f"\n{text['indicator_set']}: {item.title} ({text['version']} {item.version})"
    parts: list[RenderableType] = [Text(heading, style="bold")]
    if item.version_note:
        parts.append(Text(item.version_note))
    index = _table(
        text["index"], text["old"], text["new"], text["delta"], text["band"], numbers=(1, 2, 3)
    )
    for row in item.index_rows:
        band = f"{row.old_band} → {row.new_band}" if row.band_moved else row.new_band
        cells = (row.label, row.old, row.new, row.delta, band)
        index.add_row(*(Text(c) for c in cells), style="bold" if row.headline else "")
    parts.extend([index, Text(text["rounding_note"], style="dim")])
    parts.append(Text("\n" + text["groups_caption"], style="bold"))
    parts.append(_groups(view, item) if item.groups else Text(text["groups_none"]))
    parts.append(Text("\n" + text["indicators_caption"], style="bold"))
    parts.append(_indicators(view, item) if item.indicators else Text(text["indicators_none"]))
    return parts


def _groups(view: DiffView, item: SetView) -> RenderableType:
    from rich.text import Text

    text = view.text
    table = _table(text["group"], text["old"], text["new"], text["delta"], numbers=(1, 2, 3))
    for group in item.groups:
        name = "  " * group.depth + f"{group.id} {group.name}"
        table.add_row(*(Text(c) for c in (name, group.old, group.new, group.delta)))
    return table


def _indicators(view: DiffView, item: SetView) -> RenderableType:
    from rich.text import Text

    text = view.text
    headings = (text["indicator"], text["claimed"], text["supported"], text["verified"])
    table = _table(*headings, text["causes"], numbers=(1, 2, 3))
    for row in item.indicators:
        lines = [
            f"{c.place}: {c.label} — {c.change}"
            + (f"; {c.details}" if c.details else "")
            + (f" ({c.note})" if c.note else "")
            for c in row.causes
        ]
        causes = "\n".join([*lines, row.cause_note] if row.cause_note else lines)
        cells = (f"{row.id} {row.name}", row.claimed, row.supported, row.verified, causes)
        table.add_row(*(Text(c) for c in cells))
    return table


def _register_parts(view: DiffView) -> list[RenderableType]:
    from rich.text import Text

    text = view.text
    if not view.registers:
        return [Text(view.registers_note)]
    parts: list[RenderableType] = []
    for sheet in view.registers:
        title = sheet.title + (f" ({sheet.note})" if sheet.note else "")
        table = _table(text["change"], text["row"], text["name"], text["details"], numbers=(1,))
        for row in sheet.rows:
            cells = (f"{row.marker} {row.change}", row.row, row.label, row.details)
            table.add_row(*(Text(c) for c in cells))
        parts.extend([Text(title, style="bold"), table])
    return parts
