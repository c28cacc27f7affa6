"""``smartserang diff``: what changed between two assessments, and which rows moved it.

Reads two workbooks or ``score --format json`` results (or one of each), scores the
workbooks (``smartserang.session``), and hands both sides to ``compare``; the outputs come
from ``compare.render`` and, as text, from ``cli.terminal``. A difference is not a
failure: exit 0, or 2 on bad input with every located problem of both sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartserang import session
from smartserang.cli.common import (
    RUN_LANGUAGE,
    BasisOption,
    LimitOption,
    OutputFormat,
    OutputOption,
    ReportLangOption,
    app,
    basis_of,
    complete_set,
    fail,
    guard_outputs,
    note_inputs,
    note_sets,
    parse_limit_options,
    say,
    warn,
    write_output,
)
from smartserang.cli.language import words
from smartserang.cli.usage import LocalCommand
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from smartserang.compare import Side, Workbooks
    from smartserang.model import Inventory
    from smartserang.workbook.limits import Limits


@app.command(help=words("help_diff"), cls=LocalCommand)
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help=words("help_diff_old"))],
    new: Annotated[Path, typer.Argument(metavar="NEW", help=words("help_diff_new"))],
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            metavar="SET",
            help=words("help_diff_set"),
            autocompletion=complete_set,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help=words("help_diff_format"))
    ] = OutputFormat.text,
    basis: Annotated[
        BasisOption, typer.Option(help=words("help_diff_basis"))
    ] = BasisOption.verified,
    lang: ReportLangOption = RUN_LANGUAGE,
    output: OutputOption = None,
    limit: LimitOption = None,
) -> None:
    """Compare two assessments: index, groups, indicators, and the register rows behind each."""
    from smartserang.compare import compare
    from smartserang.procs import collector_paused

    limits = parse_limit_options(limit, what="nothing_compared", lang=lang)
    note_inputs(old, new)
    note_sets(indicator_sets or [])
    guard_outputs({"--output": output}, "nothing_compared", lang)
    # Comparing two 100k-row registers makes millions of acyclic objects: see procs.
    with collector_paused():
        old_side, new_side, workbooks = _load_sides(old, new, indicator_sets or [], lang, limits)
        result = compare(old_side, new_side, basis_of(basis), workbooks)
    write_output(result, output_format.value, lang, output)


def _load_sides(
    old: Path, new: Path, references: list[str], lang: str, limits: Limits | None = None
) -> tuple[Side, Side, Workbooks | None]:
    """Both sides, the workbooks scored; or exit 2 with every problem of both.

    The sets are loaded once, for both workbooks. A workbook compared with a JSON result
    is scored on the JSON's sets unless ``--set`` says otherwise.
    """
    from smartserang.compare import Workbooks, parse_result_document, workbook_side
    from smartserang.files import display_name, read_text

    paths = (old, new)
    is_json = [_is_json(path) for path in paths]
    sides: dict[int, Side] = {}
    json_problems: list[Problem] = []
    for number, path in enumerate(paths):
        if is_json[number]:
            try:
                text = read_text(path, "diff.file")
                sides[number] = parse_result_document(text, display_name(path))
            except InputError as error:
                json_problems.extend(error.problems)
    if all(is_json) and references:
        say(lang, "usage_set_ignored", "usage.set")
    if all(is_json):
        if json_problems:
            fail(json_problems, what="nothing_compared", lang=lang)
        return sides[0], sides[1], None
    books = [number for number in (0, 1) if not is_json[number]]
    references = references or _set_ids(sides.values()) or ["spbe-2020"]
    inputs = session.read_inputs([paths[n] for n in books], references, limits=limits)
    if inputs.set_problems:  # the workbooks' problems may only follow from a broken set
        fail([*json_problems, *inputs.set_problems], what="nothing_compared", lang=lang)
    unread = [
        (list(problems), "nothing_scored")
        for problems, inventory in zip(inputs.problems, inputs.inventories, strict=True)
        if problems or inventory is None
    ]
    if unread or json_problems:
        fail(json_problems, what="nothing_compared", lang=lang, earlier=unread)
    inventories: list[Inventory] = []
    for number, inventory in zip(books, inputs.inventories, strict=True):
        assert inventory is not None  # each unread workbook ended the run above
        results = session.score_sets(inputs.sets, inventory)
        warn(session.warnings_of(results), lang)
        sides[number] = workbook_side(display_name(paths[number]), inventory, results, lang)
        inventories.append(inventory)
    workbooks = None
    if len(inventories) == 2:
        workbooks = Workbooks(inventories[0], inventories[1], {s.id: s for s in inputs.sets})
    return sides[0], sides[1], workbooks


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
    if suffix in session.WORKBOOK_SUFFIXES:
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
    except OSError:
        return False  # the workbook reader reports the unreadable file, located
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")
