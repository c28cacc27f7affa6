"""What every command shares: the Typer app, exit codes, option types, output helpers.

Only the ``cli`` package imports typer or rich, prints, or decides exit codes. Exit
codes: 0 done; 1 a threshold failed; 2 bad input or usage, always with located messages
on stderr; 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from smartserang import __version__
from smartserang.problems import InputError, Problem, Severity

if TYPE_CHECKING:
    from smartserang.workbook.limits import Limits

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="smartserang",
    help="SPBE and smart city readiness of a local government, checked against its registers.",
    no_args_is_help=True,
    add_completion=False,
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


class BasisOption(enum.StrEnum):
    """Which index drives ``index`` and ``band``."""

    verified = "verified"
    claimed = "claimed"


class Language(enum.StrEnum):
    """Output language."""

    id = "id"
    en = "en"


LimitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--limit",
        metavar="NAME=VALUE",
        help="Raise a bound on what a workbook may hold, e.g. rows=800000 or"
        " file-size=300MB; repeatable. NAME: file-size, uncompressed-size, ratio, rows,"
        " cells, string-length (see docs/robustness.md).",
    ),
]


def parse_limit_options(settings: list[str] | None, *, what: str = "nothing read") -> Limits:
    """The limits with every ``--limit NAME=VALUE`` applied, or exit 2 naming the bad ones."""
    from smartserang.workbook.limits import parse_limits

    try:
        return parse_limits(settings or [])
    except InputError as error:
        fail(error.problems, what=what)


def stderr(text: str) -> None:
    """Write a line to stderr (progress, warnings, errors: never stdout)."""
    sys.stderr.write(text + "\n")


def fail(problems: tuple[Problem, ...], *, what: str = "nothing scored") -> NoReturn:
    """Print every problem and exit 2."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for problem in problems:
        stderr(str(problem))
    count = len(errors)
    stderr(f"smartserang: {count} error{'s' if count != 1 else ''} in the input; {what}.")
    raise typer.Exit(EXIT_BAD_INPUT)


def parse_date(text: str | None) -> dt.date | None:
    """A ``--date`` value, or exit 2."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        stderr(f"smartserang: --date must be YYYY-MM-DD, got {text!r} [usage.date]")
        raise typer.Exit(EXIT_BAD_INPUT) from None


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to stdout, or atomically to ``output``."""
    emit_bytes(text.encode("utf-8"), output)


def emit_bytes(data: bytes, output: Path | None) -> None:
    """Write ``data`` to stdout, or atomically to ``output``."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from smartserang.files import write_atomic

    try:
        write_atomic(output, data)
    except OSError as error:
        stderr(f"{output}: cannot write: {error.strerror or error} [output.write]")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    stderr(f"smartserang: wrote {output}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smartserang {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """SPBE and smart city readiness of a local government, checked against its registers."""
