"""The checks ``smartserang check`` makes, and their comparisons on rounded values.

Minimums (``--min-index``, ``--min GROUP=X``, ``--min-completeness``),
``--max-unsupported``, the comparison with a baseline within a tolerance, and the
warnings a run may not pass with (those that can change a score; with ``--strict``,
every one), each a ``Check`` that describes itself in one line in the reader's language;
also parsing ``--min`` values and the number formats the checks show (the decimal comma
in Indonesian; a value written after an option stays as it is typed, ``--min-index 3.00``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from smartserang.gate.scores import SetScores
from smartserang.i18n import message
from smartserang.problems import InputError, Problem, Severity
from smartserang.scoring.levels import SetResult

DEFAULT_TOLERANCE = Decimal("0.005")
"""Below the display step (0.01): any fall of the shown value fails."""


@dataclass(frozen=True)
class Thresholds:
    """What ``smartserang check`` was asked to enforce."""

    min_index: Decimal | None = None
    minimums: tuple[tuple[str, Decimal], ...] = ()
    """(group id, minimum) pairs from ``--min``."""
    max_unsupported: int | None = None
    tolerance: Decimal = DEFAULT_TOLERANCE
    """How far a rounded score may fall below the baseline's before it fails."""
    strict: bool = False
    """``--strict``: any workbook warning fails, not only those that can change a score."""
    min_completeness: Decimal | None = None
    """``--min-completeness``: the least share of the index a register must decide."""


class CheckKind(enum.Enum):
    """The kinds of comparison a check makes."""

    MINIMUM = "minimum"
    BASELINE = "baseline"
    MAX_UNSUPPORTED = "max_unsupported"
    COMPLETENESS = "completeness"
    SCORE_WARNING = "score_warning"
    """A warning whose workaround can change a score (always checked)."""
    WARNING = "warning"
    """Any other warning (``--strict``)."""


UNSUPPORTED = "unsupported claims"
"""The subject of the ``--max-unsupported`` check."""
COMPLETENESS = "completeness"
"""The subject of the ``--min-completeness`` check."""


@dataclass(frozen=True)
class Check:
    """One comparison and its outcome."""

    set_id: str
    kind: CheckKind
    subject: str
    """``index``, a group id, or :data:`UNSUPPORTED`."""
    value: Decimal
    """The rounded score now (a count for unsupported claims)."""
    limit: Decimal
    """The minimum, the baseline's rounded score, or the maximum count."""
    passed: bool
    tolerance: Decimal = DEFAULT_TOLERANCE
    warning: Problem | None = None
    """For a warning check: the warning."""
    place: str = ""
    """For a warning check: where in the workbook, without the workbook's own name."""

    def describe(self, lang: str = "en") -> str:
        """One line saying what was compared, e.g. ``index 2.65 < --min-index 3.00``."""
        outcome = "passed" if self.passed else "failed"
        if self.kind in (CheckKind.SCORE_WARNING, CheckKind.WARNING):
            kind = "score" if self.kind is CheckKind.SCORE_WARNING else "strict"
            return message(f"check_warning_{kind}", lang, warning=self._warning_text(lang))
        if self.kind is CheckKind.COMPLETENESS:
            return message(
                f"check_completeness_{outcome}",
                lang,
                now=format_percent(self.value, lang),
                limit=str(self.limit),
                share=format_percent(self.limit, lang),
            )
        if self.kind is CheckKind.MAX_UNSUPPORTED:
            count = int(self.value)
            number = "one" if count == 1 else "many"
            return message(
                f"check_unsupported_{number}_{outcome}", lang, n=count, limit=int(self.limit)
            )
        whose = "index" if self.subject == "index" else "group"
        score = format_score(self.value, lang)
        if self.kind is CheckKind.MINIMUM:
            return message(
                f"check_min_{whose}_{outcome}",
                lang,
                group=self.subject,
                score=score,
                limit=format_limit(self.limit),
            )
        change = self.value - self.limit
        base = format_score(self.limit, lang)
        if change < 0 and not self.passed:
            return message(
                f"check_fell_{whose}",
                lang,
                group=self.subject,
                score=score,
                drop=format_score(-change, lang),
                base=base,
                tolerance=in_notation(str(self.tolerance), lang),
            )
        return message(
            f"check_baseline_{whose}",
            lang,
            group=self.subject,
            score=score,
            base=base,
            change=format_change(change, lang),
        )

    def _warning_text(self, lang: str) -> str:
        """The warning as the command line prints it, without the workbook's name."""
        if self.warning is None:
            return ""
        where = f"{self.place}: " if self.place else ""
        return f"{where}{self.warning.message_in(lang)} [{self.warning.code}]"


def in_notation(number: str, lang: str) -> str:
    """A number written with a decimal point, in ``lang``'s notation (``0,005``)."""
    return number.replace(".", ",") if lang == "id" else number


def format_score(value: Decimal, lang: str = "en") -> str:
    """A rounded score as reports show it: two decimals."""
    return in_notation(f"{value:.2f}", lang)


def format_percent(share: Decimal, lang: str = "en") -> str:
    """A share as reports show it: ``45.5%``."""
    return in_notation(f"{share * 100:.1f}%", lang)


def format_limit(value: Decimal, lang: str = "en") -> str:
    """A threshold: two decimals, or as given when the user wrote more."""
    exponent = value.as_tuple().exponent
    text = str(value) if isinstance(exponent, int) and exponent < -2 else f"{value:.2f}"
    return in_notation(text, lang)


def format_change(change: Decimal, lang: str = "en") -> str:
    """A signed change of a rounded score: ``+0.05``, ``−0.20``, ``±0.00``."""
    if change == 0:
        return in_notation("±0.00", lang)
    text = f"+{change:.2f}" if change > 0 else f"−{-change:.2f}"
    return in_notation(text, lang)


def evaluate(
    scores: SetScores, thresholds: Thresholds, baseline: SetScores | None
) -> tuple[Check, ...]:
    """Every check ``thresholds`` and ``baseline`` ask of one set's scores."""
    checks: list[Check] = []
    if thresholds.min_index is not None:
        limit = thresholds.min_index
        checks.append(
            Check(
                scores.set_id,
                CheckKind.MINIMUM,
                "index",
                scores.index,
                limit,
                scores.index >= limit,
            )
        )
    for group_id, limit in thresholds.minimums:
        value = scores.group(group_id)
        if value is not None:  # ids belong to the sets that have them
            checks.append(
                Check(scores.set_id, CheckKind.MINIMUM, group_id, value, limit, value >= limit)
            )
    if thresholds.max_unsupported is not None:
        count, limit = Decimal(len(scores.unsupported)), Decimal(thresholds.max_unsupported)
        checks.append(
            Check(
                scores.set_id, CheckKind.MAX_UNSUPPORTED, UNSUPPORTED, count, limit, count <= limit
            )
        )
    if thresholds.min_completeness is not None and scores.completeness is not None:
        value, limit = scores.completeness, thresholds.min_completeness
        checks.append(
            Check(scores.set_id, CheckKind.COMPLETENESS, COMPLETENESS, value, limit, value >= limit)
        )
    if baseline is not None:
        checks.extend(compare(scores, baseline, thresholds.tolerance))
    return tuple(checks)


def warning_checks(results: Sequence[SetResult], thresholds: Thresholds) -> tuple[Check, ...]:
    """A failed check per warning of one workbook's ``results`` the run may not pass with:
    each warning that can change a score, and with ``--strict`` every warning (each once,
    under the first set that carries it). Notes never fail."""
    checks = []
    seen: set[str] = set()
    for result in results:
        source = result.inventory.source
        for warning in result.warnings:
            if warning.severity is not Severity.WARNING or str(warning) in seen:
                continue
            seen.add(str(warning))
            if warning.affects_score:
                kind = CheckKind.SCORE_WARNING
            elif thresholds.strict:
                kind = CheckKind.WARNING
            else:
                continue
            place = warning.location.removeprefix(source).removeprefix(":")
            set_id = result.indicator_set.id
            checks.append(
                Check(
                    set_id,
                    kind,
                    warning.code,
                    Decimal(1),
                    Decimal(0),
                    False,
                    warning=warning,
                    place=place,
                )
            )
    return tuple(checks)


def compare(scores: SetScores, baseline: SetScores, tolerance: Decimal) -> tuple[Check, ...]:
    """The index and every group present in both, each failing when it fell beyond ``tolerance``.

    Groups new since the baseline, or gone from the set, have nothing to compare.
    """
    pairs = [("index", scores.index, baseline.index)]
    for group in scores.groups:
        before = baseline.group(group.id)
        if before is not None:
            pairs.append((group.id, group.score, before))
    return tuple(
        Check(
            scores.set_id,
            CheckKind.BASELINE,
            subject,
            now,
            before,
            before - now <= tolerance,
            tolerance,
        )
        for subject, now, before in pairs
    )


def parse_minimum(text: str) -> tuple[str, Decimal]:
    """A ``--min GROUP=X`` value; raises InputError naming what is wrong."""
    group_id, equals, number = text.partition("=")
    value = _decimal(number.strip()) if equals else None
    if not group_id.strip() or value is None:
        raise InputError([Problem.error("--min", "usage_min_format", "usage.min", value=text)])
    return group_id.strip(), value


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def unknown_minimums(
    minimums: Sequence[tuple[str, Decimal]], group_ids: Mapping[str, Sequence[str]]
) -> list[Problem]:
    """A problem for each ``--min`` id that no set has; ``group_ids`` maps set id → its ids."""
    known = {g for ids in group_ids.values() for g in ids}
    listing = "; ".join(f"{s}: {', '.join(ids)}" for s, ids in group_ids.items())
    return [
        Problem.error("--min", "usage_min_unknown", "usage.min", group=g, known=listing)
        for g, _ in minimums
        if g not in known
    ]
