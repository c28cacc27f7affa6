"""The command line: ``smartserang`` and its commands, one module each.

``common`` holds the app, exit codes and output helpers; importing a command module
registers its commands.
"""

from __future__ import annotations

import sys

# Importing a command module registers its commands on ``app``.
from smartserang.cli import check, diff, importer, score, template  # noqa: F401
from smartserang.cli.common import EXIT_INTERRUPTED, app, stderr

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent exit 130
            stderr("smartserang: interrupted")
        raise
    except KeyboardInterrupt:
        stderr("smartserang: interrupted")
        sys.exit(EXIT_INTERRUPTED)
