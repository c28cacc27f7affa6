"""``smartserang score``, ``sets`` and ``schema``: scoring a workbook on one or more sets.

Heavy modules (the workbook reader, rich rendering, reports) are imported inside the
commands that need them so that ``--help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smartserang.cli.common import (
    BasisOption,
    Language,
    OutputFormat,
    app,
    emit,
    fail,
    parse_date,
    stderr,
)
from smartserang.problems import InputError, Problem

if TYPE_CHECKING:
    from smartserang.model import IndicatorSet, Inventory
    from smartserang.scoring import Basis, SetResult


@app.command()
def score(
    workbook: Annotated[
        Path, typer.Argument(help="The inventory workbook (.xlsx, .xls, .xlsb, .ods).")
    ],
    indicator_sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            help="A shipped set's name (see 'smartserang sets') or a path to a set YAML;"
            " repeat to score several sets in one run. Default: spbe-2020.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: a summary for people; json: the documented result;"
            " md / html: the gap-analysis report for the master plan.",
        ),
    ] = OutputFormat.text,
    basis: Annotated[
        BasisOption,
        typer.Option(
            help="Which index drives 'index' and 'band': verified (claims capped by the"
            " registers) or claimed (the self-assessment as entered)."
        ),
    ] = BasisOption.verified,
    lang: Annotated[
        Language, typer.Option("--lang", help="Language of names and labels.")
    ] = Language.id,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    target: Annotated[
        float | None,
        typer.Option(
            help="Index target for the gap analysis (e.g. 3.5); default: the workbook's"
            " Target sheet, else the next predikat up."
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="Date printed in reports (YYYY-MM-DD); reports carry no date without it,"
            " so the same inputs give the same bytes."
        ),
    ] = None,
) -> None:
    """Score an inventory workbook: index, predikat, groups, indicators, each claim checked."""
    from smartserang.scoring import Basis, score_inventory

    report_date = parse_date(date)
    sets, inventory = load_inputs(workbook, indicator_sets or ["spbe-2020"], target)
    results = [score_inventory(iset, inventory) for iset in sets]
    seen: set[str] = set()
    for result in results:
        for warning in result.warnings:
            if str(warning) not in seen:  # workbook warnings would repeat once per set
                seen.add(str(warning))
                stderr(str(warning))
    chosen = Basis(basis.value)
    lang_code = lang.value
    if output_format is OutputFormat.text:
        _emit_summary(results, chosen, lang_code, output)
        return
    from fractions import Fraction

    from smartserang.analysis import analyse, resolve_targets

    index_target = Fraction(str(target)) if target is not None else None
    analyses = [analyse(r, resolve_targets(r, index_target)) for r in results]
    if output_format is OutputFormat.json:
        from smartserang.results import build_output_data

        data = build_output_data(results, analyses, chosen, lang_code)
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return
    from smartserang.render import render_report
    from smartserang.reportbuild import build_report_view

    several = len(results) > 1
    views = [
        build_report_view(
            result,
            analysis,
            basis=chosen,
            lang=lang_code,
            date=report_date,
            prefix=f"{result.indicator_set.id}-" if several else "",
        )
        for result, analysis in zip(results, analyses, strict=True)
    ]
    emit(render_report(views, output_format.value), output)


def load_inputs(
    workbook: Path, references: list[str], target: float | None
) -> tuple[list[IndicatorSet], Inventory]:
    """The sets and the inventory, or exit 2 with every problem of all of them."""
    from smartserang.analysis import check_targets
    from smartserang.indicators import load_indicator_set
    from smartserang.inventory import read_inventory
    from smartserang.scoring import check_claims

    problems: list[Problem] = []
    sets: list[IndicatorSet] = []
    for reference in references:
        try:
            sets.append(load_indicator_set(reference))
        except InputError as error:
            problems.extend(error.problems)
    ids = [s.id for s in sets]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem("--set", f"set {duplicate!r} is given twice", "usage.set"))
    inventory = None
    try:
        inventory = read_inventory(workbook, display=str(workbook))
    except InputError as error:
        problems.extend(error.problems)
    if inventory is not None and sets:

        def ids_of(iset: IndicatorSet) -> set[str]:
            items = {i.id for i in iset.indicators()} | {g.id for g in iset.walk_groups()}
            return items | {iset.id}

        every_id = set().union(*(ids_of(s) for s in sets))
        found: list[Problem] = []
        for iset in sets:
            others = every_id - ids_of(iset)
            found.extend(check_claims(iset, inventory, others))
            found.extend(check_targets(iset, inventory, others))
        if found:
            # Rows may belong to a shipped set not scored in this run: not errors.
            from smartserang.indicators import shipped_ids

            found = []
            for iset in sets:
                others = (every_id | shipped_ids()) - ids_of(iset)
                found.extend(check_claims(iset, inventory, others))
                found.extend(check_targets(iset, inventory, others))
        problems.extend(found)
        for iset in sets:
            problems.extend(_check_target_option(target, iset))
    if problems or inventory is None or not sets:
        fail(tuple(problems))
    return sets, inventory


def _emit_summary(results: list[SetResult], basis: Basis, lang: str, output: Path | None) -> None:
    from smartserang.terminal import render_summary, summary_text

    if output is not None:
        emit("\n".join(summary_text(r, basis, lang) for r in results), output)
        return
    from rich.console import Console
    from rich.rule import Rule

    console = Console()
    for number, result in enumerate(results):
        if number:
            console.print(Rule())
        console.print(render_summary(result, basis, lang))


def _check_target_option(target: float | None, iset: IndicatorSet) -> list[Problem]:
    if target is None:
        return []
    low = min(s.minimum for s in iset.scales.values())
    high = max(s.maximum for s in iset.scales.values())
    if low <= target <= high:
        return []
    message = f"--target {target:g} is outside the scale of set {iset.id!r} ({low}–{high})"
    return [Problem("--target", message, "usage.target")]


@app.command("sets")
def list_sets() -> None:
    """List the indicator sets shipped with smartserang."""
    from smartserang.indicators import list_shipped_sets

    for info in list_shipped_sets():
        typer.echo(f"{info.id}\t{info.version}\t{info.title.get('id')}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the indicator-set format (for editors)."""
    from smartserang.schema import SCHEMA

    typer.echo(json.dumps(SCHEMA, indent=2, ensure_ascii=False))
