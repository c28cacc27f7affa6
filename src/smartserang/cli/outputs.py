"""Every output of every command: the reporter of a subject's kind and a format.

The reporters live beside what they show (``report.formats``, ``compare.render``,
``gate.summary``), each implementing ``report.reporter.Reporter``; this table, in the
command line above them all, is the one place that knows them, so no stage imports
another's outputs. Each module is imported only when its subject is rendered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from smartserang.report.reporter import Reporter, RollUps, Scores

if TYPE_CHECKING:
    from smartserang.compare import Diff
    from smartserang.gate import CheckRun

Subject: TypeAlias = "Scores | RollUps | Diff | CheckRun"


def render_output(subject: Subject, fmt: str, lang: str) -> bytes:
    """The bytes of ``subject`` in format ``fmt``; ``ValueError`` for a format it has not."""
    return reporter_for(subject, fmt).render(subject, lang)


def reporter_for(subject: Subject, fmt: str) -> Reporter[Any]:
    """The reporter of ``fmt`` for ``subject``'s kind; ``ValueError`` for one it has not."""
    formats = formats_of(subject)
    if fmt not in formats:
        known = ", ".join(formats)
        raise ValueError(f"no {fmt!r} output of {type(subject).__name__}; there are: {known}")
    return formats[fmt]


def formats_of(subject: Subject) -> Mapping[str, Reporter[Any]]:
    """Format name -> reporter, for ``subject``'s kind (the modules load only when asked)."""
    if isinstance(subject, Scores):
        from smartserang.report.formats import SCORE_FORMATS

        return SCORE_FORMATS
    if isinstance(subject, RollUps):
        from smartserang.report.formats import ROLLUP_FORMATS

        return ROLLUP_FORMATS
    from smartserang.compare import Diff

    if isinstance(subject, Diff):
        from smartserang.compare.render import DIFF_FORMATS

        return DIFF_FORMATS
    from smartserang.gate.summary import CHECK_FORMATS

    return CHECK_FORMATS
