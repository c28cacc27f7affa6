"""The language the command line speaks, chosen before anything else is built.

The help pages are built when the command modules are imported, before the command line
is parsed; so the language is read from the raw arguments first: the last ``--lang id``
or ``--lang=en`` anywhere in them (before a ``--``), else the environment variable
``SMARTSERANG_LANG``, else Indonesian. The ``--lang`` options the parser then reads say
the same (their default is this choice), and every message, help text and usage error of
the run follows it. Problem codes (``[inventory.level]``) are the same in both languages.

This module imports nothing heavy: it runs at the start of every command, ``--help`` too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

LANGUAGES = ("id", "en")
DEFAULT = "id"
ENV = "SMARTSERANG_LANG"
"""The environment variable that sets the language when no ``--lang`` is given."""


def chosen_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of a run with arguments ``argv`` (without the program's name) in
    ``environ``; a value that names no language is left to the parser to refuse."""
    given = None
    for number, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and number + 1 < len(argv):
            given = argv[number + 1]
        elif argument.startswith("--lang="):
            given = argument.partition("=")[2]
    if given in LANGUAGES:
        return given
    from_environment = environ.get(ENV, "").strip().lower()
    return from_environment if from_environment in LANGUAGES else DEFAULT


LANG = chosen_language(sys.argv[1:], os.environ)
"""The language of this process's run (see the module)."""


def words(key: str, **values: object) -> str:
    """The catalogue's entry ``key`` (``catalogue.commands`` or ``catalogue.helptexts``)
    in this run's language.

    For the help pages and the framework's words, which are built before the command
    knows its options: the catalogue's command words alone are loaded, not every module.
    """
    from smartserang.catalogue import commands, helptexts

    text = (commands.TEXTS.get(key) or helptexts.TEXTS[key])[LANG]
    return text.format(**values) if values else text
