"""The baseline file: its format, reading it with located problems, writing it, history.

``parse_baseline`` reads a baseline (or a ``score --format json`` result) and reports
every wrong field in one ``InputError``; ``build_baseline_data`` makes the data of a new
file, appending to the previous file's history; ``loosenings`` says what a new baseline
would loosen. Since format 1.1 a baseline also records each indicator (``records``), so
that ``check`` can name the indicators behind a fall and why they moved; a 1.0 file is
still read, without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from smartserang import __version__
from smartserang.compare.cells import cell_value
from smartserang.files import parse_json
from smartserang.gate.records import (
    EvidenceRecord,
    IndicatorRecord,
    SetRecord,
    indicators_data,
    profile_data,
)
from smartserang.gate.scores import GroupScore, SetScores
from smartserang.gate.thresholds import compare
from smartserang.i18n import message
from smartserang.model import CellValue, Profile
from smartserang.problems import InputError, Param, Problem
from smartserang.scoring.levels import Basis, GroupResult, SetResult, round_score

BASELINE_FORMAT = "smartserang-baseline"
BASELINE_VERSION = "1.1"
"""Bumped on any change to the baseline file: minor for additions, major for changes.
1.1 added each set's ``indicators`` and the workbook's ``inventory.profile``."""


@dataclass(frozen=True)
class Baseline:
    """A recorded baseline (or a ``score --format json`` result read as one)."""

    sets: tuple[SetScores, ...]
    history: tuple[Mapping[str, Any], ...] = ()
    """The file's history entries, kept as read so a new record can append to them."""
    records: tuple[SetRecord, ...] = ()
    """Each set's indicators as recorded (none in a format 1.0 baseline)."""
    profile: Mapping[str, CellValue] | None = None
    """The Profil fields recorded, by field name; None when none were."""

    def get(self, set_id: str) -> SetScores | None:
        """The entry of ``set_id``, or None."""
        return next((s for s in self.sets if s.set_id == set_id), None)

    def record(self, set_id: str) -> SetRecord | None:
        """What the baseline recorded of ``set_id``'s indicators, or None."""
        return next((r for r in self.records if r.set_id == set_id), None)


def loosenings(
    old: Baseline, new: Sequence[SetScores], tolerance: Decimal, lang: str = "en"
) -> list[str]:
    """What a new baseline would loosen: falls beyond tolerance, dropped sets, a basis change."""
    reasons: list[str] = []
    for before in old.sets:
        after = next((s for s in new if s.set_id == before.set_id), None)
        if after is None:
            reasons.append(message("baseline_dropped", lang, set=before.set_id))
        elif after.basis != before.basis:
            old_basis, new_basis = (
                message(f"check_basis_{b}", lang) for b in (before.basis, after.basis)
            )
            reasons.append(
                message(
                    "baseline_basis_change", lang, set=before.set_id, old=old_basis, new=new_basis
                )
            )
        else:
            falls = [c for c in compare(after, before, tolerance) if not c.passed]
            reasons.extend(f"{c.set_id}: {c.describe(lang)}" for c in falls)
    return reasons


def build_baseline_data(
    results: Sequence[SetResult],
    basis: Basis,
    date: dt.date,
    reason: str | None,
    previous: Baseline | None,
) -> dict[str, Any]:
    """The baseline file's data: per set the index and group tree, unrounded and rounded."""
    inventory = results[0].inventory

    def group_data(node: GroupResult) -> dict[str, Any]:
        score = node.score(basis)
        return {
            "id": node.group.id,
            "score": float(score) if score is not None else None,
            "score_rounded": float(round_score(score)) if score is not None else None,
            "groups": [group_data(child) for child in node.groups],
        }

    entries: list[dict[str, Any]] = [
        {
            "indicator_set": {
                "id": r.indicator_set.id,
                "version": r.indicator_set.version,
                "path": r.indicator_set.path,
                "sha256": r.indicator_set.sha256,
            },
            "basis": basis.value,
            "index": float(r.index(basis)),
            "index_rounded": float(round_score(r.index(basis))),
            "groups": [group_data(g) for g in r.groups],
            "unsupported_claims": [i.indicator.id for i in r.unsupported()],
            "indicators": indicators_data(r),
        }
        for r in results
    ]
    event = {
        "date": date.isoformat(),
        "inventory_sha256": inventory.sha256,
        "reason": reason,
        "index_rounded": {r.indicator_set.id: float(round_score(r.index(basis))) for r in results},
    }
    return {
        "format": BASELINE_FORMAT,
        "format_version": BASELINE_VERSION,
        "tool": {"name": "smartserang", "version": __version__},
        "date": date.isoformat(),
        "inventory": {
            "path": inventory.source,
            "sha256": inventory.sha256,
            "profile": profile_data(inventory.profile),
        },
        "results": entries,
        "history": [*(previous.history if previous else ()), event],
    }


def parse_baseline(text: str, display: str) -> Baseline:
    """A baseline file, or a ``score --format json`` result; InputError lists every problem."""
    # Decimals keep the rounded values exactly as written (2.65, not 2.6499…).
    data = parse_json(text, display, "baseline.json", Decimal)
    reader = _Reader(display)
    baseline = reader.baseline(data)
    if reader.problems or baseline is None:
        raise InputError(reader.problems)
    return baseline


class _Reader:
    """Reads baseline data, collecting a problem for every wrong field instead of stopping."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []

    def problem(self, key: str, code: str = "baseline.value", /, **params: Param) -> None:
        """A problem worded by catalogue entry ``key`` (which names the field's ``path``)."""
        self.problems.append(Problem.error(self.display, key, code, **params))

    def baseline(self, data: object) -> Baseline | None:
        if not isinstance(data, dict):
            self.problem("baseline_top_not_object", "baseline.format")
            return None
        if data.get("format") == BASELINE_FORMAT:
            version = str(data.get("format_version", ""))
            if version.partition(".")[0] != BASELINE_VERSION.partition(".")[0]:
                self.problem("baseline_version", "baseline.format", version=version)
                return None
        elif "schema_version" not in data:
            self.problem("baseline_top_unknown", "baseline.format")
            return None
        # A baseline, or a score result of several sets, lists them; one set stands alone.
        entries = data.get("results", [data])
        if not isinstance(entries, list) or not entries:
            self.problem("baseline_results_empty", path="results")
            return None
        sets = [self.entry(e, f"results[{n}]") for n, e in enumerate(entries)]
        found = [s for s in sets if s is not None]
        ids = [s.set_id for s in found]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            self.problem("baseline_set_twice", path="results", id=duplicate)
        history = data.get("history", [])
        if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
            self.problem("baseline_history", path="history")
            history = []
        records = [
            self.record(entry, f"results[{n}]", scores.set_id)
            for n, (entry, scores) in enumerate(zip(entries, sets, strict=True))
            if scores is not None and isinstance(entry, dict)
        ]
        return Baseline(
            tuple(found),
            tuple(_plain(h) for h in history),
            tuple(r for r in records if r is not None),
            self.profile(data),
        )

    def entry(self, data: object, path: str) -> SetScores | None:
        if not isinstance(data, dict):
            self.problem("baseline_entry", path=path)
            return None
        iset = data.get("indicator_set")
        set_id = iset.get("id") if isinstance(iset, dict) else None
        if not isinstance(set_id, str):
            self.problem("baseline_set_id", path=f"{path}.indicator_set.id")
        basis = data.get("basis")
        if basis not in {b.value for b in Basis}:
            self.problem("baseline_basis", path=f"{path}.basis", got=repr(basis))
        index = self.number(data.get("index_rounded"), f"{path}.index_rounded")
        groups = list(self.groups(data.get("groups", []), f"{path}.groups", 0))
        unsupported = data.get("unsupported_claims", [])
        if not isinstance(unsupported, list) or not all(isinstance(u, str) for u in unsupported):
            self.problem("baseline_unsupported", path=f"{path}.unsupported_claims")
            unsupported = []
        if not isinstance(set_id, str) or not isinstance(basis, str) or index is None:
            return None
        assert isinstance(iset, dict)
        return SetScores(
            set_id,
            _optional_text(iset.get("version")),
            _optional_text(iset.get("sha256")),
            basis,
            index,
            tuple(groups),
            tuple(unsupported),
        )

    def record(self, data: dict[str, Any], path: str, set_id: str) -> SetRecord | None:
        """The set's indicators as recorded; None when the file records none (format 1.0)."""
        items = data.get("indicators")
        if items is None:
            return None
        if not isinstance(items, list):
            self.problem("baseline_indicators", path=f"{path}.indicators")
            return None
        found = []
        for number, item in enumerate(items):
            where = f"{path}.indicators[{number}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problem("baseline_indicator", path=where)
                continue
            claimed, supported, level, claim_row = (
                self.whole(item.get(key), f"{where}.{key}")
                for key in ("claimed", "supported", "level", "claim_row")
            )
            evidence = tuple(self.evidence(item.get("evidence", []), f"{where}.evidence"))
            found.append(
                IndicatorRecord(item["id"], claimed, supported, level, claim_row, evidence)
            )
        return SetRecord(set_id, tuple(found))

    def evidence(self, data: object, path: str) -> Iterator[EvidenceRecord]:
        if not isinstance(data, list):
            self.problem("baseline_evidence", path=path)
            return
        for number, item in enumerate(data):
            where = f"{path}[{number}]"
            row = item.get("row") if isinstance(item, dict) else None
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("sheet"), str)
                or not isinstance(item.get("label"), str)
                or not isinstance(row, int)
                or isinstance(row, bool)
            ):
                self.problem("baseline_evidence_row", path=where)
                continue
            cells = item.get("cells")
            if cells is not None and not isinstance(cells, dict):
                self.problem("baseline_cells", path=f"{where}.cells")
                cells = None
            yield EvidenceRecord(item["sheet"], row, item["label"], cells)

    def profile(self, data: dict[str, Any]) -> Mapping[str, CellValue] | None:
        """The Profil fields the file records: a baseline's ``inventory.profile``, or the
        fields a ``score --format json`` result names in its ``inventory``."""
        results = data.get("results")
        first = results[0] if isinstance(results, list) and results else data
        inventory = data.get("inventory") or (
            first.get("inventory") if isinstance(first, dict) else None
        )
        if not isinstance(inventory, dict):
            return None
        fields = inventory.get("profile", inventory)
        if not isinstance(fields, dict):
            return None
        return {
            name: cell_value("profil", name, fields[name]) for name in _PROFILE if name in fields
        }

    def whole(self, value: object, path: str) -> int | None:
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.problem("baseline_whole", path=path, got=json.dumps(value, default=str))
        return None

    def groups(self, data: object, path: str, depth: int) -> Iterator[GroupScore]:
        if not isinstance(data, list):
            self.problem("baseline_groups", path=path)
            return
        for number, item in enumerate(data):
            where = f"{path}[{number}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problem("baseline_group", path=where)
                continue
            rounded = item.get("score_rounded")
            if rounded is not None:  # null: every indicator below was excluded
                value = self.number(rounded, f"{where}.score_rounded")
                if value is not None:
                    yield GroupScore(item["id"], value, depth)
            yield from self.groups(item.get("groups", []), f"{where}.groups", depth + 1)

    def number(self, value: object, path: str) -> Decimal | None:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        self.problem("baseline_number", path=path, got=json.dumps(value, default=str))
        return None


_PROFILE = tuple(field.name for field in dataclasses.fields(Profile))


def _plain(value: Any) -> Any:
    """``value`` with its decimals back as floats, so history entries can be written again."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) else None
