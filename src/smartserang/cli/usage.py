"""The command-line framework's own words in the user's language: the frame of every help
page (the usage line, section names, defaults) and the usage errors of the parser.

Typer's parser writes its words in English (``Usage:``, ``Options``, ``No such option:
--x``, ``Try 'smartserang --help' for help.``), some through ``gettext`` and some as plain
literals. Rather than depending on the parser's internals, the commands are built with
``LocalCommand`` and the app with ``LocalGroup``, which hand the help formatter a wrapper
that puts the section names, the usage prefix and the ``[default: …]`` notes into the
catalogue's words (``catalogue.commands``); and ``show_usage_error`` (called by
``cli.main``) prints a usage error with the parser's message matched against the
catalogue's English and given in the run's language. A message the catalogue does not
know stays as the parser wrote it. In English every line is the parser's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

from typer.core import TyperCommand, TyperGroup

from smartserang.cli import language
from smartserang.cli.language import words
from smartserang.cli.streams import write_stderr

_SECTIONS = {
    "Arguments": "section_arguments",
    "Options": "section_options",
    "Commands": "section_commands",
}
"""The help page's section names as the framework writes them, and their entries."""
_COMPLETION = {
    "install_completion": "help_install_completion",
    "show_completion": "help_show_completion",
}
"""The options Typer adds to the program, by parameter name, and their help's entries."""
_EXTRAS = r"(?P<help>.*?)(?: {2}|^)\[(?P<extras>[^\[\]]*)\]"
"""The framework's notes after an option's help: ``…  [default: 0.005; required]``
(compiled when a help page is written, not at every start)."""


class _Localized:
    """A help formatter's stand-in: what it is asked to write, in the run's language.

    Everything else goes to the formatter as it is (``__getattr__``).
    """

    def __init__(self, formatter: Any) -> None:
        self._formatter = formatter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._formatter, name)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        self._formatter.write_usage(prog, args, words("usage_prefix") if prefix is None else prefix)

    def section(self, name: str) -> Any:
        key = _SECTIONS.get(name)
        return self._formatter.section(words(key) if key else name)

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        self._formatter.write_dl([(term, _noted(text)) for term, text in rows], *args, **kwargs)


def _localized(formatter: Any) -> Any:
    """``formatter`` wrapped (typed as the formatter it stands for)."""
    return _Localized(formatter)


def _noted(text: str) -> str:
    """An option's help with the framework's notes (``[default: x; required]``) in the
    run's language."""
    found = re.fullmatch(_EXTRAS, text, re.DOTALL)
    if found is None:
        return text
    notes = "; ".join(_note(note) for note in found["extras"].split("; "))
    return f"{found['help']}  [{notes}]" if found["help"] else f"[{notes}]"


def _note(note: str) -> str:
    name, colon, value = note.partition(": ")
    if note == "required":
        return words("help_required")
    if colon and name == "default":
        return words("help_default", value=value)
    if colon and name == "env var":
        return words("help_envvar", name=value)
    return note


class LocalCommand(TyperCommand):
    """A command whose help page speaks the run's language (see the module)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, _localized(formatter))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        super().format_usage(ctx, _localized(formatter))

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))


class LocalGroup(TyperGroup):
    """The program: its help page and its commands' list in the run's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in self.params:
            key = _COMPLETION.get(param.name or "")
            if key is not None:
                param.help = words(key)  # type: ignore[attr-defined]
        super().format_help(ctx, _localized(formatter))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        super().format_usage(ctx, _localized(formatter))

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))


def _help_option(option: Any) -> Any:
    if option is not None:
        option.help = words("help_help")
    return option


# ---------------------------------------------------------------------------- usage errors


def is_usage_error(error: BaseException) -> bool:
    """Whether ``error`` is the parser's usage error (a bad option, a missing argument),
    whichever copy of the parser raised it (Typer's own or Click)."""
    return any(kind.__name__ == "UsageError" for kind in type(error).__mro__)


def show_usage_error(error: Exception) -> int:
    """Print a usage error as the parser would, in the run's language; its exit code."""
    code = getattr(error, "exit_code", 2)
    if type(error).__name__ == "NoArgsIsHelpError":  # the program alone: its help page
        error.show()  # type: ignore[attr-defined]
        return int(code)
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        write_stderr(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            write_stderr(words("usage_try", command=ctx.command_path, option=option))
        write_stderr("")
    text = error.format_message()  # type: ignore[attr-defined]
    write_stderr(words("usage_error", message=said(text)))
    return int(code)


def said(text: str) -> str:
    """The parser's English message ``text`` in the run's language; as it is when the
    catalogue does not know it (or the run speaks English)."""
    if language.LANG == "en":
        return text
    for pattern, word in _messages():
        found = pattern.fullmatch(text)
        if found is not None:
            return word(found)
    return text


@cache
def _messages() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    """The parser's messages: each entry's English as a pattern, and its words here."""

    def plain(key: str) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
        return _pattern(key), lambda found: words(key, **found.groupdict())

    def reason(found: re.Match[str]) -> str:
        return words("usage_invalid_value", name=found["name"], reason=said(found["reason"]))

    return [
        (
            _pattern("usage_possible_options"),
            lambda found: words(
                "usage_possible_options", message=said(found["message"]), options=found["options"]
            ),
        ),
        plain("usage_no_such_option"),
        plain("usage_did_you_mean"),
        plain("usage_no_such_command"),
        plain("usage_missing_argument"),
        plain("usage_missing_option"),
        plain("usage_missing_parameter"),
        (_pattern("usage_invalid_value"), reason),
        (
            _pattern("usage_invalid"),
            lambda found: words("usage_invalid", reason=said(found["reason"])),
        ),
        plain("usage_not_one_of"),
        plain("usage_not_integer"),
        plain("usage_not_int_range"),
        plain("usage_not_float"),
        plain("usage_out_of_range"),
        plain("usage_needs_value"),
        plain("usage_takes_no_value"),
        plain("usage_extra_arguments"),
        plain("usage_missing_command"),
    ]


def _pattern(key: str) -> re.Pattern[str]:
    """The English of entry ``key`` as a pattern: each ``{name}`` matches any text."""
    from smartserang.catalogue.commands import TEXTS

    english = TEXTS[key]["en"]
    pieces: Iterator[str] = iter(re.split(r"\{(\w+)(?:![rs])?\}", english))
    pattern = ""
    for number, piece in enumerate(pieces):
        pattern += f"(?P<{piece}>.+?)" if number % 2 else re.escape(piece)
    return re.compile(pattern, re.DOTALL)
