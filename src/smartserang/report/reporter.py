"""The one interface of every output: a reporter makes one format's bytes of what a
command found (``cli.outputs.render_output`` finds the reporter of a subject and format).

As coverage.py's reporters do, each format implements one small protocol and is fed a
plain data object, the *subject*:

============================  ======================  ===================================
subject                       made by                 formats (reporters in)
============================  ======================  ===================================
``Scores``                    ``score``, a workbook   json, md, html, docx (``report.formats``)
``RollUps``                   ``score``, a folder     json, md, html (``report.formats``)
``compare.Diff``              ``diff``                json, md, html (``compare.render``)
``gate.CheckRun``             ``check``               json, md (``gate.summary``)
============================  ======================  ===================================

The ``text`` format of ``score`` and ``diff`` is drawn with rich, which only the CLI
imports: ``cli.terminal.TextReporter`` implements the same protocol. A new format is a
class with ``render(subject, lang) -> bytes`` and an entry in its module's format table.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from smartserang.scoring.levels import Basis, SetResult
    from smartserang.scoring.rollup import RollUp

SubjectT_contra = TypeVar("SubjectT_contra", contravariant=True)


class Reporter(Protocol[SubjectT_contra]):
    """One output format of one kind of subject."""

    def render(self, subject: SubjectT_contra, lang: str) -> bytes:
        """The output's bytes; names and fixed words in ``lang`` ("id" or "en")."""
        ...


class Detail(enum.Enum):
    """How much of each indicator a report document tells."""

    SHORT = "short"
    """Its row in the gap table, the priorities and the unsupported claims: an appendix
    short enough to paste into the master plan."""
    FULL = "full"
    """Also each indicator's next-level criteria, its register evidence and what it lacks."""


@dataclass(frozen=True)
class Scores:
    """What ``score`` found in one workbook: its results on every set, and how to show them."""

    results: tuple[SetResult, ...]
    """One per set, in ``--set`` order."""
    basis: Basis
    """Which index heads the output."""
    target: Fraction | None = None
    """``--target`` for the gap analysis; None: the Target sheet's, else the next band's."""
    date: dt.date | None = None
    """The date printed in the documents; None prints none (same inputs, same bytes)."""
    detail: Detail = Detail.SHORT
    """How much of each indicator the documents (Markdown, HTML, Word) tell."""


@dataclass(frozen=True)
class RollUps:
    """What ``score`` found in several workbooks: one roll-up per set, in ``--set`` order."""

    rollups: tuple[RollUp, ...]


def json_bytes(data: Any) -> bytes:
    """A JSON output's bytes: UTF-8, indented by two, a newline at the end."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
