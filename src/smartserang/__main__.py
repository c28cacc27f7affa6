"""Entry point for ``python -m smartserang``."""

from smartserang.cli import main

main()
