"""Loading indicator sets: find them, parse the YAML, validate everything, build the model.

``load_indicator_set`` takes a shipped set's name (``spbe-2020``) or a path, and returns
an :class:`~smartserang.model.IndicatorSet` or raises one ``InputError`` carrying every
problem with ``file:line:col``. Structure is checked against the JSON Schema in
:mod:`smartserang.schema`; meaning (weights adding up, ids, scales, rules naming real
sheets, columns and vocabulary values) is checked here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from smartserang.contract import (
    SHEETS_BY_KEY,
    VOCABULARIES,
    Column,
    ColumnType,
    normalise_token,
)
from smartserang.model import (
    Band,
    Condition,
    EvidenceRule,
    Group,
    Indicator,
    IndicatorSet,
    Level,
    RowReference,
    Scale,
    Step,
    Text,
    UnitSource,
)
from smartserang.problems import InputError, Problem
from smartserang.schema import CONDITION_OPERATORS, SCHEMA, mapping_items, suggest, validate_node

MAX_NODES = 200_000
"""Composed YAML nodes visited at most; stops alias ("billion laughs") expansion."""

_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("map", "seq", "str", "int", "float", "bool", "null")
)


@dataclass(frozen=True)
class SetInfo:
    """A shipped indicator set, as listed by ``smartserang sets``."""

    id: str
    version: str
    title: Text
    path: Path


def shipped_sets_dir() -> Path:
    """The folder holding the indicator sets shipped with the package."""
    packaged = Path(str(resources.files("smartserang"))) / "indicators"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout (editable install): the sets live at the repo root.
    return Path(__file__).resolve().parents[2] / "indicators"


def shipped_set_paths() -> dict[str, Path]:
    """Shipped set name -> path, sorted by name."""
    folder = shipped_sets_dir()
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def resolve_set(reference: str) -> tuple[Path, str]:
    """The file a ``--set`` value names, and how to show it in messages."""
    shipped = shipped_set_paths()
    if reference in shipped:
        return shipped[reference], f"indicators/{reference}.yaml"
    path = Path(reference)
    if path.suffix in (".yaml", ".yml") or path.exists() or "/" in reference:
        return path, reference
    known = sorted(shipped)
    raise InputError(
        [
            Problem(
                reference,
                f"no shipped indicator set {reference!r}{suggest(reference, known)};"
                f" shipped sets: {', '.join(known)} (or give a path to a .yaml file)",
                "set.unknown",
            )
        ]
    )


def load_indicator_set(reference: str) -> IndicatorSet:
    """Load and validate the set named (or pointed to) by ``reference``."""
    path, display = resolve_set(reference)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(
            [Problem(display, f"cannot read indicator set: {reason}", "set.file")]
        ) from None
    return parse_indicator_set(data, display)


def parse_indicator_set(data: bytes, display: str) -> IndicatorSet:
    """Validate and build a set from YAML bytes; ``display`` names it in locations."""
    builder = _Builder(display)
    root = builder.compose(data)
    if root is not None:
        validate_node(root, SCHEMA, builder.report)
    if builder.problems or root is None:
        raise InputError(builder.problems)
    result = builder.build(root, hashlib.sha256(data).hexdigest())
    if builder.problems:
        raise InputError(builder.problems)
    return result


def list_shipped_sets() -> list[SetInfo]:
    """Id, version and title of every shipped set (read cheaply, not fully validated)."""
    infos = []
    for name, path in shipped_set_paths().items():
        head = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        title = _plain_text(head.get("title", name))
        infos.append(SetInfo(name, str(head.get("version", "")), title, path))
    return infos


def _plain_text(value: Any) -> Text:
    if isinstance(value, dict):
        return Text(str(value.get("id", "")), value.get("en"))
    return Text(str(value))


# ------------------------------------------------------------------------ builder


class _Builder:
    """Turns validated YAML nodes into model objects, collecting semantic problems."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []
        self.scales: dict[str, Scale] = {}
        self.ladders: dict[str, yaml.MappingNode] = {}
        self.ids: dict[str, yaml.Node] = {}

    # -- helpers

    def where(self, node: yaml.Node) -> str:
        mark = node.start_mark
        return f"{self.display}:{mark.line + 1}:{mark.column + 1}"

    def report(self, node: yaml.Node, message: str, code: str) -> None:
        self.problems.append(Problem(self.where(node), message, code))

    def compose(self, data: bytes) -> yaml.Node | None:
        try:
            root = yaml.compose(data, Loader=yaml.CSafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            location = self.display
            if mark is not None:
                location = f"{self.display}:{mark.line + 1}:{mark.column + 1}"
            reason = error.problem or error.context or "invalid YAML"
            self.problems.append(Problem(location, f"invalid YAML: {reason}", "set.yaml"))
            return None
        except yaml.YAMLError as error:
            self.problems.append(Problem(self.display, f"invalid YAML: {error}", "set.yaml"))
            return None
        if root is None:
            self.problems.append(Problem(self.display, "the file is empty", "set.empty"))
            return None
        self._check_tags(root)
        return None if self.problems else root

    def _check_tags(self, root: yaml.Node) -> None:
        count = 0
        stack = [root]
        while stack:
            node = stack.pop()
            count += 1
            if count > MAX_NODES:
                self.report(
                    root,
                    f"more than {MAX_NODES} YAML nodes (alias expansion?); refusing to load",
                    "set.size",
                )
                return
            if node.tag not in _SAFE_TAGS:
                self.report(node, f"tag {node.tag!r} is not allowed in an indicator set", "set.tag")
                continue
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    stack.extend((key, value))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)

    @staticmethod
    def get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
        for k, v in mapping_items(node):
            if k.value == key:
                return v
        return None

    def text(self, node: yaml.Node | None) -> Text:
        if node is None:
            return Text("")
        if isinstance(node, yaml.MappingNode):
            id_node, en_node = self.get(node, "id"), self.get(node, "en")
            return Text(
                str(id_node.value) if isinstance(id_node, yaml.ScalarNode) else "",
                str(en_node.value) if isinstance(en_node, yaml.ScalarNode) else None,
            )
        return Text(str(node.value))

    def scalar(self, node: yaml.MappingNode, key: str, default: str = "") -> str:
        child = self.get(node, key)
        return str(child.value) if isinstance(child, yaml.ScalarNode) else default

    @staticmethod
    def decimal(node: yaml.Node) -> Fraction:
        # Exact decimal: "1.3" is 13/10, not the float nearest it.
        return Fraction(str(node.value).replace("_", ""))

    @staticmethod
    def items(node: yaml.Node | None) -> list[yaml.Node]:
        return list(node.value) if isinstance(node, yaml.SequenceNode) else []

    # -- top level

    def build(self, root: yaml.Node, sha256: str) -> IndicatorSet:
        assert isinstance(root, yaml.MappingNode)
        total_node = self.get(root, "total_weight")
        total = self.decimal(total_node) if total_node is not None else Fraction(100)
        weighting = self.scalar(root, "weighting", "absolute")
        scales_node = self.get(root, "scales")
        if isinstance(scales_node, yaml.MappingNode):
            for key, value in mapping_items(scales_node):
                self.scales[str(key.value)] = self._scale(str(key.value), value)
        bands = self._bands(self.get(root, "bands"))
        ladders_node = self.get(root, "ladders")
        if isinstance(ladders_node, yaml.MappingNode):
            for key, value in mapping_items(ladders_node):
                assert isinstance(value, yaml.MappingNode)
                self.ladders[str(key.value)] = value
        groups_node = self.get(root, "groups")
        groups = tuple(self._group(g, None) for g in self.items(groups_node))
        if groups_node is not None:
            self._check_weights(groups_node, groups, total, weighting)
        return IndicatorSet(
            id=self.scalar(root, "id"),
            version=self.scalar(root, "version"),
            title=self.text(self.get(root, "title")),
            legal_basis=self.text(self.get(root, "legal_basis")),
            source=self.scalar(root, "source"),
            path=self.display,
            sha256=sha256,
            weighting=weighting,
            total_weight=total,
            scales=dict(self.scales),
            bands=bands,
            unassessed=self.scalar(root, "unassessed", "minimum"),
            groups=groups,
        )

    def _scale(self, scale_id: str, node: yaml.Node) -> Scale:
        assert isinstance(node, yaml.MappingNode)
        levels_node = self.get(node, "levels")
        levels = []
        if isinstance(levels_node, yaml.MappingNode):
            for key, value in mapping_items(levels_node):
                levels.append(Level(int(key.value), self.text(value)))
        levels.sort(key=lambda level: level.value)
        values = [level.value for level in levels]
        if not values:
            self.report(node, f"scale {scale_id!r} has no levels", "set.scale")
            levels = [Level(1, Text("1"))]
        elif values != list(range(values[0], values[0] + len(values))):
            self.report(
                levels_node or node, "scale levels must be consecutive numbers", "set.scale"
            )
        return Scale(scale_id, self.text(self.get(node, "name")), tuple(levels))

    def _bands(self, node: yaml.Node | None) -> tuple[Band, ...]:
        bands: list[Band] = []
        previous: Fraction | None = None
        items = self.items(node)
        for position, item in enumerate(items):
            assert isinstance(item, yaml.MappingNode)
            min_node = self.get(item, "min")
            minimum = self.decimal(min_node) if min_node is not None else None
            last = position == len(items) - 1
            if minimum is None and not last:
                self.report(item, "only the last (lowest) band may omit 'min'", "set.band")
            if minimum is not None and last:
                self.report(
                    item, "the last band must omit 'min' (it takes every lower score)", "set.band"
                )
            if minimum is not None and previous is not None and minimum >= previous:
                self.report(item, "bands must be listed from the highest 'min' down", "set.band")
            if minimum is not None:
                previous = minimum
            bands.append(Band(self.text(self.get(item, "label")), None if last else minimum))
        return tuple(bands)

    def _claim_id(self, node: yaml.MappingNode, kind: str) -> str:
        id_node = self.get(node, "id")
        assert id_node is not None
        identifier = str(id_node.value)
        if identifier in self.ids:
            first = self.ids[identifier].start_mark.line + 1
            self.report(
                id_node,
                f"duplicate id {identifier!r} (first used on line {first})",
                "set.duplicate",
            )
        else:
            self.ids[identifier] = id_node
        return identifier

    def _scale_ref(self, node: yaml.MappingNode, inherited: str | None) -> str | None:
        scale_node = self.get(node, "scale")
        if scale_node is None:
            return inherited
        name = str(scale_node.value)
        if name not in self.scales:
            known = list(self.scales)
            self.report(scale_node, f"unknown scale {name!r}{suggest(name, known)}", "set.scale")
            return inherited
        return name

    def _group(self, node: yaml.Node, scale: str | None) -> Group:
        assert isinstance(node, yaml.MappingNode)
        identifier = self._claim_id(node, "group")
        scale = self._scale_ref(node, scale)
        groups = tuple(self._group(g, scale) for g in self.items(self.get(node, "groups")))
        indicators = tuple(
            self._indicator(i, scale) for i in self.items(self.get(node, "indicators"))
        )
        if not groups and not indicators:
            self.report(node, f"group {identifier!r} has no groups and no indicators", "set.empty")
        weight_node = self.get(node, "weight")
        assert weight_node is not None
        return Group(
            id=identifier,
            name=self.text(self.get(node, "name")),
            weight=self.decimal(weight_node),
            groups=groups,
            indicators=indicators,
        )

    def _indicator(self, node: yaml.Node, scale: str | None) -> Indicator:
        assert isinstance(node, yaml.MappingNode)
        identifier = self._claim_id(node, "indicator")
        scale = self._scale_ref(node, scale)
        if scale is None:
            self.report(
                node,
                f"indicator {identifier!r} has no scale (set 'scale:' on it or a parent group)",
                "set.scale",
            )
            scale_obj = None
        else:
            scale_obj = self.scales[scale]
        criteria: dict[int, Text] = {}
        criteria_node = self.get(node, "criteria")
        if isinstance(criteria_node, yaml.MappingNode):
            for key, value in mapping_items(criteria_node):
                level = int(key.value)
                if scale_obj is not None and scale_obj.level_name(level) is None:
                    self.report(
                        key,
                        f"level {level} is outside scale {scale!r}"
                        f" ({scale_obj.minimum}–{scale_obj.maximum})",
                        "set.level",
                    )
                criteria[level] = self.text(value)
        evidence_node = self.get(node, "evidence")
        evidence = None
        if isinstance(evidence_node, yaml.MappingNode) and scale_obj is not None:
            evidence = self._rule(evidence_node, scale_obj)
        tags_node = self.get(node, "tags")
        tags = {}
        if isinstance(tags_node, yaml.MappingNode):
            tags = {str(k.value): str(v.value) for k, v in mapping_items(tags_node)}
        weight_node = self.get(node, "weight")
        assert weight_node is not None
        question = self.get(node, "question")
        short = self.get(node, "short_name")
        return Indicator(
            id=identifier,
            name=self.text(self.get(node, "name")),
            weight=self.decimal(weight_node),
            scale=scale or "",
            criteria=criteria,
            question=self.text(question) if question is not None else None,
            short_name=self.text(short) if short is not None else None,
            evidence=evidence,
            tags=tags,
        )

    # -- weights

    def _check_weights(
        self, groups_node: yaml.Node, groups: tuple[Group, ...], total: Fraction, weighting: str
    ) -> None:
        top = sum((g.weight for g in groups), Fraction(0))
        if top != total:
            self.report(
                groups_node,
                f"top-level group weights add up to {_num(top)},"
                f" not the declared total_weight {_num(total)}",
                "set.weight",
            )
        for group_node, group in zip(self.items(groups_node), groups, strict=True):
            self._check_group_weights(group_node, group, total, weighting)

    def _check_group_weights(
        self, node: yaml.Node, group: Group, total: Fraction, weighting: str
    ) -> None:
        assert isinstance(node, yaml.MappingNode)
        children: list[Group | Indicator] = [*group.groups, *group.indicators]
        found = sum((c.weight for c in children), Fraction(0))
        expected = group.weight if weighting == "absolute" else total
        if found != expected:
            basis = f"group {group.id!r}'s weight" if weighting == "absolute" else "total_weight"
            self.report(
                self.get(node, "weight") or node,
                f"weights inside group {group.id!r} add up to {_num(found)},"
                f" not {basis} {_num(expected)}",
                "set.weight",
            )
        if found == 0:
            self.report(node, f"weights inside group {group.id!r} are all zero", "set.weight")
        for child_node, child in zip(
            self.items(self.get(node, "groups")), group.groups, strict=True
        ):
            self._check_group_weights(child_node, child, total, weighting)

    # -- evidence rules

    def _rule(self, node: yaml.MappingNode, scale: Scale) -> EvidenceRule | None:
        fields: dict[str, yaml.Node] = {str(k.value): v for k, v in mapping_items(node)}
        where_nodes: list[yaml.Node] = []
        template = None
        ladder_node = fields.pop("ladder", None)
        if ladder_node is not None:
            template = str(ladder_node.value)
            ladder = self.ladders.get(template)
            if ladder is None:
                known = list(self.ladders)
                self.report(
                    ladder_node,
                    f"unknown ladder {template!r}{suggest(template, known)}",
                    "set.ladder",
                )
                return None
            base = {str(k.value): v for k, v in mapping_items(ladder)}
            where_nodes.extend(self.items(base.pop("where", None)))
            base.update(fields)
            fields = base
        where_nodes.extend(self.items(fields.get("where")))
        sheet_node = fields.get("sheet")
        steps_node = fields.get("steps")
        if sheet_node is None or steps_node is None:
            missing = "sheet" if sheet_node is None else "steps"
            self.report(
                node,
                f"evidence rule needs {missing!r} (directly or from its ladder)",
                "set.missing",
            )
            return None
        sheet = self._sheet(sheet_node)
        if sheet is None:
            return None
        where = self._conditions(where_nodes, sheet)
        units_column = None
        units_node = fields.get("units_column")
        if units_node is not None:
            column = self._column(units_node, sheet)
            units_column = column.key if column else None
        extra = tuple(self._unit_source(n) for n in self.items(fields.get("extra_units")))
        steps = self._steps(steps_node, sheet, scale, units_column is not None)
        return EvidenceRule(
            sheet=sheet,
            where=where,
            steps=steps,
            extra_units=tuple(e for e in extra if e is not None),
            units_column=units_column,
            template=template,
        )

    def _steps(
        self, node: yaml.Node, sheet: str, scale: Scale, has_units: bool
    ) -> tuple[Step, ...]:
        steps: list[Step] = []
        last = scale.minimum
        for item in self.items(node):
            assert isinstance(item, yaml.MappingNode)
            level_node = self.get(item, "level")
            assert level_node is not None
            level = int(level_node.value)
            if not scale.minimum < level <= scale.maximum:
                self.report(
                    level_node,
                    f"step level {level} must be above the scale minimum {scale.minimum}"
                    f" and at most {scale.maximum}",
                    "set.level",
                )
            elif level <= last:
                self.report(level_node, "step levels must ascend without repeats", "set.level")
            last = max(last, level)
            units_node = self.get(item, "units")
            if units_node is not None and not has_units:
                self.report(units_node, "'units' needs 'units_column' on the rule", "set.rule")
            steps.append(
                Step(
                    level=level,
                    requires=self.text(self.get(item, "requires")),
                    rows=self._conditions(self.items(self.get(item, "rows")), sheet),
                    units=str(units_node.value) if units_node is not None else None,
                )
            )
        return tuple(steps)

    def _unit_source(self, node: yaml.Node) -> UnitSource | None:
        assert isinstance(node, yaml.MappingNode)
        sheet_node, column_node = self.get(node, "sheet"), self.get(node, "column")
        assert sheet_node is not None
        assert column_node is not None
        sheet = self._sheet(sheet_node)
        if sheet is None:
            return None
        column = self._column(column_node, sheet)
        where = self._conditions(self.items(self.get(node, "where")), sheet)
        return UnitSource(sheet, column.key, where) if column else None

    def _sheet(self, node: yaml.Node) -> str | None:
        name = str(node.value)
        key = name.strip().casefold().replace(" ", "_")
        if key not in SHEETS_BY_KEY:
            self.report(
                node, f"unknown sheet {name!r}{suggest(key, list(SHEETS_BY_KEY))}", "set.rule.sheet"
            )
            return None
        return key

    def _column(self, node: yaml.Node, sheet: str) -> Column | None:
        name = str(node.value)
        spec = SHEETS_BY_KEY[sheet]
        column = spec.column(name)
        if column is None:
            known = [c.key for c in spec.columns]
            self.report(
                node,
                f"sheet {sheet!r} has no column {name!r}{suggest(name, known)}",
                "set.rule.column",
            )
        return column

    def _conditions(self, nodes: list[yaml.Node], sheet: str) -> tuple[Condition, ...]:
        result = []
        for node in nodes:
            condition = self._condition(node, sheet)
            if condition is not None:
                result.append(condition)
        return tuple(result)

    def _condition(self, node: yaml.Node, sheet: str) -> Condition | None:
        assert isinstance(node, yaml.MappingNode)
        fields = {str(k.value): v for k, v in mapping_items(node)}
        operators = [op for op in CONDITION_OPERATORS if op in fields]
        if len(operators) != 1:
            self.report(
                node,
                f"a condition takes exactly one of: {', '.join(CONDITION_OPERATORS)}"
                f" (found {len(operators)})",
                "set.rule",
            )
            return None
        op = operators[0]
        operand = fields[op]
        if op == "any_of":
            if "column" in fields:
                self.report(fields["column"], "'any_of' takes no 'column'", "set.rule")
            alternatives = tuple(
                self._conditions(self.items(alt), sheet) for alt in self.items(operand)
            )
            return Condition("any_of", alternatives=alternatives)
        column_node = fields.get("column")
        if column_node is None:
            self.report(node, f"condition {op!r} needs a 'column'", "set.missing")
            return None
        column = self._column(column_node, sheet)
        if column is None:
            return None
        value = self._operand(op, operand, column)
        if value is _INVALID:
            return None
        return Condition(op, column.key, value)

    def _operand(self, op: str, node: yaml.Node, column: Column) -> object:
        kind = column.type
        if op == "names_row_of":
            assert isinstance(node, yaml.MappingNode)
            sheet_node, column_node = self.get(node, "sheet"), self.get(node, "column")
            assert sheet_node is not None
            assert column_node is not None
            sheet = self._sheet(sheet_node)
            if sheet is None:
                return _INVALID
            target = self._column(column_node, sheet)
            if target is None:
                return _INVALID
            where = self._conditions(self.items(self.get(node, "where")), sheet)
            return RowReference(sheet, target.key, where)
        if op in ("is",) and kind is not ColumnType.BOOLEAN:
            return self._mismatch(node, op, column, "a yes/no column")
        if op == "within_days" and kind is not ColumnType.DATE:
            return self._mismatch(node, op, column, "a date column")
        if op in ("is", "present"):
            return node.value == "true"
        if op == "within_days":
            return int(node.value)
        if op == "in":
            values = [self._value(item, column, ordered=False) for item in self.items(node)]
            return _INVALID if _INVALID in values else tuple(values)
        if op in ("at_least", "at_most"):
            return self._value(node, column, ordered=True)
        return self._value(node, column, ordered=False)

    def _mismatch(self, node: yaml.Node, op: str, column: Column, needs: str) -> object:
        self.report(
            node, f"{op!r} needs {needs}; {column.key!r} is {column.type.value}", "set.rule"
        )
        return _INVALID

    def _value(self, node: yaml.Node, column: Column, *, ordered: bool) -> object:
        raw = str(node.value)
        if column.vocabulary is not None:
            vocab = VOCABULARIES[column.vocabulary]
            term = vocab.lookup(raw)
            if ordered and not vocab.ordinal:
                self.report(
                    node, f"{column.key!r} is not ordered; use 'equals' or 'in'", "set.rule"
                )
                return _INVALID
            if term is None:
                if vocab.open:
                    return normalise_token(raw)
                known = list(vocab.values())
                self.report(
                    node,
                    f"{raw!r} is not a value of {column.key!r}{suggest(raw, known)};"
                    f" accepted: {', '.join(known)}",
                    "set.rule.value",
                )
                return _INVALID
            return Fraction(term.rank or 0) if vocab.ordinal else term.value
        if column.type in (ColumnType.INTEGER, ColumnType.NUMBER, ColumnType.LEVEL):
            try:
                return Fraction(raw)
            except ValueError:
                self.report(
                    node, f"{column.key!r} holds numbers; {raw!r} is not one", "set.rule.value"
                )
                return _INVALID
        if ordered:
            self.report(node, f"{column.key!r} is not ordered; use 'equals' or 'in'", "set.rule")
            return _INVALID
        return normalise_token(raw) if column.type is ColumnType.TEXT else raw


_INVALID = object()


def _num(value: Fraction) -> str:
    return f"{float(value):g}"


def iter_rules(indicator_set: IndicatorSet) -> Iterator[tuple[Indicator, EvidenceRule]]:
    """Each indicator that carries an evidence rule, with its rule."""
    for indicator in indicator_set.indicators():
        if indicator.evidence is not None:
            yield indicator, indicator.evidence
