"""Reading a ``smartserang score --format json`` document back into a ``Side``, with a
located problem for every bad field.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from smartserang.compare.snapshots import GroupScores, IndicatorLevels, Kind, Side, Snapshot
from smartserang.files import parse_json
from smartserang.problems import InputError, Param, Problem


def parse_result_document(text: str, source: str) -> Side:
    """The side of a ``score --format json`` document; ``InputError`` with every problem.

    Numbers are read as exact decimals, so an index read back rounds as ``score`` showed it.
    """
    data = parse_json(text, source, "diff.json", Fraction)
    reader = _Reader(source)
    side = reader.side(data)
    if reader.problems or side is None:
        raise InputError(reader.problems)
    return side


class _Reader:
    """Reads a result document, collecting a located problem for each bad field.

    Locations are the field's path in the document: ``old.json:results[0].verified_index``.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(
        self, path: str, key: str, code: str = "diff.json.field", /, **params: Param
    ) -> None:
        """A problem at field ``path``, worded by catalogue entry ``key``."""
        where = f"{self.source}:{path}" if path else self.source
        self.problems.append(Problem.error(where, key, code, **params))

    def side(self, data: object) -> Side | None:
        items = self.results(data)
        if items is None:
            return None
        snapshots = [self.snapshot(item, path) for item, path in items]
        first = items[0][0] if items and isinstance(items[0][0], dict) else {}
        inventory = first.get("inventory")
        inventory = inventory if isinstance(inventory, dict) else {}
        tahun = inventory.get("tahun")
        return Side(
            self.source,
            Kind.JSON,
            _str_or_none(inventory.get("sha256")),
            _str_or_none(inventory.get("instansi")),
            tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
            tuple(s for s in snapshots if s is not None),
        )

    def results(self, data: object) -> list[tuple[object, str]] | None:
        """(result, path) per set: the document itself, or each of its ``results``."""
        if isinstance(data, dict) and "registers" in data and "sets" in data:
            self.problem("", "diff_is_diff", "diff.json")
            return None
        if not isinstance(data, dict) or "schema_version" not in data:
            self.problem("", "diff_not_result", "diff.json")
            return None
        version = data["schema_version"]
        if not isinstance(version, str) or version.split(".")[0] != "1":
            self.problem(
                "schema_version", "diff_version", "diff.json.version", version=repr(version)
            )
            return None
        if "results" not in data:
            return [(data, "")]
        return [
            (item, f"results[{n}]") for n, item in enumerate(self.sequence(data, "results", ""))
        ]

    def snapshot(self, data: object, path: str) -> Snapshot | None:
        item = self.item(data, path)
        if item is None:
            return None
        iset = self.mapping(item, "indicator_set", path)
        set_id = self.text(iset, "id", _join(path, "indicator_set")) if iset is not None else None
        claimed = self.number(item, "claimed_index", path)
        verified = self.number(item, "verified_index", path)
        groups = self.groups(self.sequence(item, "groups", path), _join(path, "groups"), 0)
        indicators = self.indicators(self.sequence(item, "indicators", path), path)
        if iset is None or set_id is None or claimed is None or verified is None:
            return None
        return Snapshot(
            set_id,
            str(iset.get("title") or set_id),
            str(iset.get("version") or ""),
            claimed,
            verified,
            str(item.get("claimed_band") or ""),
            str(item.get("verified_band") or ""),
            tuple(groups),
            tuple(indicators),
        )

    def groups(self, items: list[object], path: str, depth: int) -> list[GroupScores]:
        """The group tree, flattened parents first."""
        found: list[GroupScores] = []
        for number, item in enumerate(items):
            where = f"{path}[{number}]"
            node = self.item(item, where)
            if node is None:
                continue
            group_id = self.text(node, "id", where)
            claimed = self.score(node, "claimed_score", where)
            verified = self.score(node, "verified_score", where)
            if group_id is not None:
                name = str(node.get("name") or group_id)
                found.append(GroupScores(group_id, name, depth, claimed, verified))
            children = self.sequence(node, "groups", where) if "groups" in node else []
            found.extend(self.groups(children, _join(where, "groups"), depth + 1))
        return found

    def indicators(self, items: list[object], path: str) -> list[IndicatorLevels]:
        found: list[IndicatorLevels] = []
        for number, item in enumerate(items):
            where = _join(path, f"indicators[{number}]")
            node = self.item(item, where)
            if node is None:
                continue
            indicator_id = self.text(node, "id", where)
            claimed, supported, level = (
                self.level(node, key, where) for key in ("claimed", "supported", "level")
            )
            claim_row = self.level(node, "claim_row", where) if "claim_row" in node else None
            if indicator_id is not None:
                name = str(node.get("short_name") or node.get("name") or indicator_id)
                levels = IndicatorLevels(indicator_id, name, claimed, supported, level, claim_row)
                found.append(levels)
        return found

    # -- fields: each reports a missing key as missing and a bad value by what it is

    def item(self, data: object, path: str) -> dict[str, object] | None:
        if isinstance(data, dict):
            return data
        self.mismatch(path, "object", data)
        return None

    def field(self, node: Mapping[str, object], key: str, path: str) -> object:
        if key not in node:
            self.problem(_join(path, key), "diff_missing")
        return node.get(key)

    def bad(self, node: Mapping[str, object], key: str, path: str, expected: str) -> None:
        """A present field that is not what it must be (``expected``: object, list, text,
        number or level)."""
        if key in node:
            self.mismatch(_join(path, key), expected, node[key])

    def mismatch(self, path: str, expected: str, value: object) -> None:
        kind, shown = _kind(value)
        params: dict[str, Param] = {"got": shown} if shown is not None else {}
        self.problem(path, f"diff_field_{expected}_{kind}", **params)

    def mapping(self, node: Mapping[str, object], key: str, path: str) -> dict[str, object] | None:
        value = self.field(node, key, path)
        if isinstance(value, dict):
            return value
        self.bad(node, key, path, "object")
        return None

    def sequence(self, node: Mapping[str, object], key: str, path: str) -> list[object]:
        value = self.field(node, key, path)
        if isinstance(value, list):
            return value
        self.bad(node, key, path, "list")
        return []

    def text(self, node: Mapping[str, object], key: str, path: str) -> str | None:
        value = self.field(node, key, path)
        if isinstance(value, str) and value:
            return value
        self.bad(node, key, path, "text")
        return None

    def number(self, node: Mapping[str, object], key: str, path: str) -> Fraction | None:
        value = self.field(node, key, path)
        if isinstance(value, Fraction | int) and not isinstance(value, bool):
            return Fraction(value)
        self.bad(node, key, path, "number")
        return None

    def score(self, node: Mapping[str, object], key: str, path: str) -> Fraction | None:
        """A number, or null for a group whose indicators are all left out."""
        return None if key in node and node[key] is None else self.number(node, key, path)

    def level(self, node: Mapping[str, object], key: str, path: str) -> int | None:
        value = self.field(node, key, path)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.bad(node, key, path, "level")
        return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: object) -> tuple[str, str | None]:
    """How a bad value is named in a message: ``("value", the value as shown)``, or its
    kind (``object``, ``list``) with nothing to show."""
    if value is None:
        return "value", "null"
    if isinstance(value, bool):
        return "value", "true" if value else "false"
    if isinstance(value, str):
        return "value", repr(value[:40])
    if isinstance(value, int | Fraction):
        return "value", str(value if isinstance(value, int) else float(value))
    return ("object" if isinstance(value, dict) else "list"), None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
