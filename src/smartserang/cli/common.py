"""What every command shares: the Typer app, exit codes, option types, output helpers.

Only the ``cli`` package imports typer or rich, prints, or decides exit codes. Every line
it prints and every help text is the catalogue's (``catalogue.commands``), in the run's
language (``cli.language``: ``--lang``, else ``SMARTSERANG_LANG``, else Indonesian). Exit
codes: 0 done; 1 a threshold failed; 2 bad input or usage, always with located messages
on stderr; 130 interrupted; 141 the reader of stdout went away. ``on_bad_input`` is where
an ``InputError`` of the pipeline (``smartserang.session``) becomes its printed problems
and exit 2; ``write_output`` is where a command's results become the bytes of the asked
format (``report.reporter``), and ``guard_outputs`` where a command's outputs are checked
against its inputs (``files.output_problems``) before any work is done.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from smartserang import __version__
from smartserang.cli import language
from smartserang.cli.language import words
from smartserang.cli.streams import write_lines, write_stderr, write_stdout
from smartserang.cli.usage import LocalGroup
from smartserang.problems import InputError, Problem, Severity

if TYPE_CHECKING:
    from smartserang.cli.outputs import Subject
    from smartserang.procs import WorkerLost
    from smartserang.scoring.levels import Basis
    from smartserang.workbook.limits import Limits

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="smartserang",
    cls=LocalGroup,
    help=words("help_app"),
    no_args_is_help=True,
    # --install-completion and --show-completion: typer.main imports its completion code
    # whether or not they are offered, so they cost --help nothing measurable.
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help: rich-formatted help costs about 0.2 s at every start (measured).
    rich_markup_mode=None,
)


class OutputFormat(enum.StrEnum):
    """Formats of ``smartserang score``."""

    text = "text"
    json = "json"
    md = "md"
    html = "html"
    docx = "docx"


class BasisOption(enum.StrEnum):
    """Which index drives ``index`` and ``band``."""

    verified = "verified"
    claimed = "claimed"


class Language(enum.StrEnum):
    """Output language."""

    id = "id"
    en = "en"


RUN_LANGUAGE = Language(language.LANG)
"""The default of every ``--lang``: the language chosen from the raw arguments and the
environment (``cli.language``), which the help pages already speak."""


def basis_of(option: BasisOption) -> Basis:
    """The scoring's ``Basis`` for a ``--basis`` value."""
    from smartserang.scoring.levels import Basis

    return Basis(option.value)


def complete_set(incomplete: str) -> list[str]:
    """Shell completion of ``--set``: the shipped sets' names (file names only: cheap)."""
    from smartserang.sets.files import shipped_set_paths

    return [name for name in shipped_set_paths() if name.startswith(incomplete)]


LangOption = Annotated[
    Language, typer.Option("--lang", help=words("help_lang"), show_default=False)
]
ReportLangOption = Annotated[
    Language, typer.Option("--lang", help=words("help_lang_report"), show_default=False)
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=words("help_output")),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        show_default=False,
        help=words("help_jobs"),
    ),
]
LimitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--limit",
        metavar="NAME=VALUE",
        help=words("help_limit"),
    ),
]


def parse_limit_options(settings: list[str] | None, *, what: str, lang: str) -> Limits:
    """The limits with every ``--limit NAME=VALUE`` applied, or exit 2 naming the bad ones."""
    from smartserang.workbook.limits import parse_limits

    with on_bad_input(what, lang):
        return parse_limits(settings or [])


def stderr(text: str) -> None:
    """Write a line to stderr (progress, warnings, errors: never stdout), its control
    characters shown as escapes (``streams.printable``)."""
    write_stderr(text)


def say(lang: str, key: str, code: str | None = None, **values: object) -> None:
    """The program's own line on stderr: ``smartserang: `` and the catalogue's entry
    ``key`` in ``lang``, then `` [code]`` when one is given."""
    from smartserang.i18n import message

    text = message(key, lang, **values)
    stderr(f"smartserang: {text}" + (f" [{code}]" if code else ""))


def warn(warnings: Iterable[Problem], lang: str) -> None:
    """Write each warning to stderr, in ``lang``."""
    for warning in warnings:
        stderr(warning.render(lang))


@contextlib.contextmanager
def on_bad_input(what: str, lang: str, **values: object) -> Iterator[None]:
    """Bad input in the block (an ``InputError``) ends the run: every problem on stderr,
    then exit 2. ``what``: the catalogue's entry saying what was not done, for the closing
    line ("nothing_scored"), filled with ``values``."""
    try:
        yield
    except InputError as error:
        fail(error.problems, what=what, lang=lang, values=values)


def fail(
    problems: Sequence[Problem],
    *,
    what: str,
    lang: str,
    earlier: Sequence[tuple[Sequence[Problem], str]] = (),
    values: Mapping[str, object] | None = None,
) -> NoReturn:
    """Print every problem in ``lang``, a line counting the errors, and exit 2.

    ``what``: the catalogue's entry saying what was not done, filled with ``values``;
    ``earlier``: blocks of problems printed first, each closed by its own line (a
    ``diff``'s workbooks, then its JSON sides); an empty block prints nothing.
    """
    from smartserang.i18n import message

    blocks = [(block, message(key, lang)) for block, key in earlier]
    for block, done in (*blocks, (problems, message(what, lang, **(values or {})))):
        if not block:
            continue
        for problem in block:
            stderr(problem.render(lang))
        count = sum(1 for p in block if p.severity is Severity.ERROR)
        say(lang, "input_errors_one" if count == 1 else "input_errors_many", count=count, what=done)
    raise typer.Exit(EXIT_BAD_INPUT)


def lost_worker(error: WorkerLost, what: str, lang: str) -> NoReturn:
    """Say a worker process died (which no workbook error explains) and exit 2."""
    from smartserang.i18n import message

    stderr(f"smartserang: {error.said(lang)}; {message(what, lang)} [batch.worker]")
    say(lang, "worker_lost_hint")
    raise typer.Exit(EXIT_BAD_INPUT)


def parse_date(text: str | None, lang: str) -> dt.date | None:
    """A ``--date`` value, or exit 2."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        say(lang, "usage_date", "usage.date", value=text)
        raise typer.Exit(EXIT_BAD_INPUT) from None


def write_output(subject: Subject, fmt: str, lang: str, output: Path | None) -> None:
    """``subject`` in format ``fmt`` on stdout, or atomically in ``output``.

    ``text`` is drawn by the terminal's reporter (as the terminal shows it, or plain at
    100 columns for a file); every other format by ``report.reporter``.
    """
    if fmt == "text":
        from smartserang.cli.terminal import TextReporter

        data = TextReporter(for_file=output is not None).render(subject, lang)
    else:
        from smartserang.cli.outputs import render_output

        data = render_output(subject, fmt, lang)
    emit_bytes(data, output, lang)


def emit_bytes(data: bytes, output: Path | None, lang: str, *, option: str = "--output") -> None:
    """Write ``data`` to stdout, or atomically to ``output`` (the file of ``option``),
    which must not be one of the run's inputs."""
    from smartserang.files import display_name, stdout_problems, write_atomic

    if output is None:
        # ``>> in.xlsx``: stdout appends to an input
        with on_bad_input("nothing_written", lang):
            refused = stdout_problems()
            if refused:
                raise InputError(refused)
        write_stdout(data)
        return
    with on_bad_input("nothing_written", lang):
        try:
            write_atomic(output, data, option=option)
        except OSError as error:
            cannot_write(output, error, lang)
    say(lang, "wrote", name=display_name(output))


def cannot_write(output: Path, error: OSError, lang: str) -> NoReturn:
    """Say that ``output`` cannot be written, and why, and exit 2."""
    from smartserang.files import display_name
    from smartserang.i18n import message

    reason = message("output_cannot_write", lang, reason=error.strerror or str(error))
    stderr(f"{display_name(output)}: {reason} [output.write]")
    raise typer.Exit(EXIT_BAD_INPUT)


def guard_outputs(
    outputs: dict[str, Path | None], what: str, lang: str, *, appending: bool = False
) -> None:
    """Exit 2 naming every output (by its option) that is a folder or one of the run's
    inputs noted so far (``files.note_input``); checked again as each is written.
    ``appending``: the outputs are appended to, not replaced (``check --summary``)."""
    from smartserang.files import output_problems

    problems = [
        problem
        for option, path in outputs.items()
        if path is not None
        for problem in output_problems(path, option, appending=appending)
    ]
    if problems:
        fail(problems, what=what, lang=lang)


def note_inputs(*paths: Path | None) -> None:
    """Note files the run reads, for the output guard (``files.note_input``)."""
    from smartserang.files import note_input

    for path in paths:
        if path is not None:
            note_input(path)


def note_sets(references: Iterable[str]) -> None:
    """Note the set files ``--set`` names (the loader notes the bases they extend as it
    reads them); a reference that names no file is left to the loader to report."""
    from smartserang.sets.files import resolve_set

    for reference in references:
        try:
            path, _ = resolve_set(reference)
        except (InputError, OSError, ValueError):
            continue
        note_inputs(path)


def _version(value: bool) -> None:
    if value:
        write_lines([f"smartserang {__version__}"])
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=words("help_version")),
    ] = False,
    # Read from the raw arguments before the help pages were built (``cli.language``); the
    # option is declared so that ``smartserang --lang en --help`` parses, and listed.
    lang: LangOption = RUN_LANGUAGE,
) -> None:
    """SPBE and smart city readiness of a local government, checked against its registers."""
    from smartserang.files import begin_run

    begin_run()  # each command notes its own inputs, for the output guard
