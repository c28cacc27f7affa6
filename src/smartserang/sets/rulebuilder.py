"""Building evidence rules from YAML, checked against the workbook contract.

A rule may only name sheets, columns and vocabulary values the contract knows; each
unknown name is a located problem with the closest known name suggested. Vocabulary
values are stored in canonical form (ordinal ones as ranks) so evaluation compares
like with like.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import yaml

from smartserang.model import (
    Condition,
    EvidenceRule,
    Measure,
    RowReference,
    Scale,
    Step,
    UnitSource,
)
from smartserang.sets.schema import (
    CONDITION_OPERATORS,
    MEASURES,
    mapping_items,
    shorten,
    suggestion,
    yaml_decimal,
)
from smartserang.sets.yamlnodes import NodeReader
from smartserang.workbook.contract import (
    SHEETS_BY_KEY,
    VOCABULARIES,
    Column,
    ColumnType,
)
from smartserang.workbook.names import normalise_token

_INVALID = object()
"""Returned for an operand already reported as a problem."""


class RuleBuilder:
    """Turns ``evidence:`` mappings into :class:`EvidenceRule` objects."""

    def __init__(self, nodes: NodeReader, ladders: dict[str, yaml.MappingNode]) -> None:
        self.nodes = nodes
        self.ladders = ladders

    def rule(self, node: yaml.MappingNode, scale: Scale) -> EvidenceRule | None:
        """The evidence rule of one indicator (its ladder template applied), or None."""
        fields = self.nodes.fields(node)
        where_nodes: list[yaml.Node] = []
        template = None
        ladder_node = fields.pop("ladder", None)
        if ladder_node is not None:
            template = str(ladder_node.value)
            ladder = self.ladders.get(template)
            if ladder is None:
                key, like = suggestion("set_unknown_ladder", template, list(self.ladders))
                self.nodes.report(ladder_node, key, "set.ladder", name=shorten(template), **like)
                return None
            base = self.nodes.fields(ladder)
            where_nodes.extend(self.nodes.items(base.pop("where", None)))
            base.update(fields)
            fields = base
        where_nodes.extend(self.nodes.items(fields.get("where")))
        sheet_node = fields.get("sheet")
        steps_node = fields.get("steps")
        measure_node = fields.get("measure")
        if sheet_node is None:
            self.nodes.report(node, "set_rule_sheet", "set.missing")
            return None
        if (steps_node is None) == (measure_node is None):
            self.nodes.report(node, "set_rule_kind", "set.rule")
            return None
        sheet = self._sheet(sheet_node)
        if sheet is None:
            return None
        if measure_node is not None:
            return self._measure_rule(node, fields, sheet, where_nodes, scale, template)
        assert steps_node is not None
        where = self._conditions(where_nodes, sheet)
        units_column = None
        units_node = fields.get("units_column")
        if units_node is not None:
            column = self._column(units_node, sheet)
            units_column = column.key if column else None
        extra = tuple(self._unit_source(n) for n in self.nodes.items(fields.get("extra_units")))
        steps = self._steps(steps_node, sheet, scale, units_column is not None)
        return EvidenceRule(
            sheet=sheet,
            where=where,
            steps=steps,
            extra_units=tuple(e for e in extra if e is not None),
            units_column=units_column,
            template=template,
        )

    def _measure_rule(
        self,
        node: yaml.MappingNode,
        fields: dict[str, yaml.Node],
        sheet: str,
        where_nodes: list[yaml.Node],
        scale: Scale,
        template: str | None,
    ) -> EvidenceRule | None:
        where = self._conditions(where_nodes, sheet)
        measure_node = fields["measure"]
        assert isinstance(measure_node, yaml.MappingNode)
        measure = self._measure(measure_node, sheet)
        name_node = fields.get("name")
        if name_node is None:
            self.nodes.report(node, "set_measure_name", "set.missing")
        thresholds_node, benchmark_node = fields.get("thresholds"), fields.get("benchmark")
        thresholds: tuple[tuple[int, Fraction], ...] = ()
        if (thresholds_node is None) == (benchmark_node is None):
            self.nodes.report(node, "set_measure_scoring", "set.rule")
        elif thresholds_node is not None:
            thresholds = self.thresholds(thresholds_node, scale)
        else:
            assert isinstance(benchmark_node, yaml.MappingNode)
            thresholds = self._benchmark(benchmark_node, scale)
        for key in ("steps", "units_column", "extra_units"):
            if key in fields:
                self.nodes.report(fields[key], "set_measure_ladder_key", "set.rule", name=key)
        if measure is None:
            return None
        return EvidenceRule(
            sheet=sheet,
            where=where,
            steps=(),
            template=template,
            measure=measure,
            name=self.nodes.text(name_node) if name_node is not None else None,
            thresholds=thresholds,
        )

    def thresholds(self, node: yaml.Node, scale: Scale) -> tuple[tuple[int, Fraction], ...]:
        """Level -> lowest measure value, checked against ``scale`` and for order."""
        assert isinstance(node, yaml.MappingNode)
        pairs = []
        for key, value in mapping_items(node):
            level = self.nodes.level(key)
            if level is None:
                continue
            if not self._above_minimum(key, level, scale, "set_threshold_level"):
                continue
            pairs.append((level, self.nodes.decimal(value), value))
        pairs.sort(key=lambda p: p[0])
        for (_, low, _), (level, high, where) in itertools.pairwise(pairs):
            if high < low:
                self.nodes.report(where, "set_threshold_order", "set.rule", level=level)
        return tuple((level, value) for level, value, _ in pairs)

    def _above_minimum(self, node: yaml.Node, level: int, scale: Scale, key: str) -> bool:
        """Whether a threshold's or step's ``level`` lies above the scale's minimum (the
        level every indicator starts at) and within it; reported (entry ``key``) when not."""
        if scale.minimum < level <= scale.maximum:
            return True
        self.nodes.report(
            node, key, "set.level", level=level, low=scale.minimum, high=scale.maximum
        )
        return False

    def _benchmark(self, node: yaml.MappingNode, scale: Scale) -> tuple[tuple[int, Fraction], ...]:
        if (scale.minimum, scale.maximum) != (1, 4):
            self.nodes.report(node, "set_benchmark_scale", "set.rule")
            return ()
        target_node = self.nodes.get(node, "target")
        assert target_node is not None
        target = self.nodes.decimal(target_node)
        # U4SSC: below 33 % of the target 1 point, 33–66 % 2, 66–95 % 3, from 95 % 4.
        return tuple(
            (level, target * Fraction(share, 100)) for level, share in ((2, 33), (3, 66), (4, 95))
        )

    def _measure(self, node: yaml.MappingNode, sheet: str) -> Measure | None:
        items = list(mapping_items(node))
        if len(items) != 1:
            self.nodes.report(node, "set_measure_one", "set.rule", kinds=", ".join(MEASURES))
            return None
        key, value = items[0]
        kind = str(key.value)
        if kind == "count":
            return Measure("count")
        if kind == "share":
            return Measure("share", conditions=self._conditions(self.nodes.items(value), sheet))
        assert isinstance(value, yaml.MappingNode)
        fields = self.nodes.fields(value)
        column = None
        column_node = fields.get("column", fields.get("sum"))
        if column_node is not None:
            found = self._column(column_node, sheet)
            if found is None:
                return None
            column = found.key
            numeric = (ColumnType.INTEGER, ColumnType.NUMBER, ColumnType.LEVEL)
            ordinal = found.vocabulary is not None and VOCABULARIES[found.vocabulary].ordinal
            if kind in ("sum", "rate") and found.type not in numeric:
                self.nodes.report(column_node, "set_measure_number", "set.rule", kind=kind)
                return None
            if kind in ("best", "worst") and found.type not in numeric and not ordinal:
                self.nodes.report(column_node, "set_measure_ordinal", "set.rule", kind=kind)
                return None
        default_node = fields.get("default")
        default = self.nodes.decimal(default_node) if default_node is not None else Fraction(0)
        of_node, per_node = fields.get("of"), fields.get("per")
        return Measure(
            kind,
            column=column,
            default=default,
            of=str(of_node.value) if of_node is not None else None,
            per=self.nodes.decimal(per_node) if per_node is not None else Fraction(1),
        )

    def _steps(
        self, node: yaml.Node, sheet: str, scale: Scale, has_units: bool
    ) -> tuple[Step, ...]:
        steps: list[Step] = []
        last = scale.minimum
        for item in self.nodes.items(node):
            assert isinstance(item, yaml.MappingNode)
            level_node = self.nodes.get(item, "level")
            assert level_node is not None
            level = self.nodes.integer(level_node)
            if self._above_minimum(level_node, level, scale, "set_step_level") and level <= last:
                self.nodes.report(level_node, "set_step_order", "set.level")
            last = max(last, level)
            units_node = self.nodes.get(item, "units")
            if units_node is not None and not has_units:
                self.nodes.report(units_node, "set_step_units", "set.rule")
            steps.append(
                Step(
                    level=level,
                    requires=self.nodes.text(self.nodes.get(item, "requires")),
                    rows=self._conditions(self.nodes.items(self.nodes.get(item, "rows")), sheet),
                    units=str(units_node.value) if units_node is not None else None,
                )
            )
        return tuple(steps)

    def _unit_source(self, node: yaml.Node) -> UnitSource | None:
        place = self._place(node)
        return UnitSource(*place) if place is not None else None

    def _place(self, node: yaml.Node) -> tuple[str, str, tuple[Condition, ...]] | None:
        """A ``{sheet, column, where}`` mapping (the rows a ``names_row_of`` may name, the
        units an ``extra_units`` source serves): sheet key, column key and conditions, or
        None when the sheet or column is unknown (reported)."""
        assert isinstance(node, yaml.MappingNode)
        sheet_node, column_node = self.nodes.get(node, "sheet"), self.nodes.get(node, "column")
        assert sheet_node is not None
        assert column_node is not None
        sheet = self._sheet(sheet_node)
        if sheet is None:
            return None
        column = self._column(column_node, sheet)
        where = self._conditions(self.nodes.items(self.nodes.get(node, "where")), sheet)
        return (sheet, column.key, where) if column is not None else None

    def _sheet(self, node: yaml.Node) -> str | None:
        name = str(node.value)
        key = name.strip().casefold().replace(" ", "_")
        if key not in SHEETS_BY_KEY:
            entry, like = suggestion("set_unknown_sheet", key, list(SHEETS_BY_KEY))
            self.nodes.report(node, entry, "set.rule.sheet", name=shorten(name), **like)
            return None
        return key

    def _column(self, node: yaml.Node, sheet: str) -> Column | None:
        name = str(node.value)
        spec = SHEETS_BY_KEY[sheet]
        column = spec.column(name)
        if column is None:
            key, like = suggestion("set_unknown_column", name, [c.key for c in spec.columns])
            self.nodes.report(node, key, "set.rule.column", sheet=sheet, name=shorten(name), **like)
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
        fields = self.nodes.fields(node)
        operators = [op for op in CONDITION_OPERATORS if op in fields]
        if len(operators) != 1:
            self.nodes.report(
                node,
                "set_condition_one",
                "set.rule",
                operators=", ".join(CONDITION_OPERATORS),
                found=len(operators),
            )
            return None
        op = operators[0]
        operand = fields[op]
        if op == "any_of":
            if "column" in fields:
                self.nodes.report(fields["column"], "set_any_of_column", "set.rule")
            alternatives = tuple(
                self._conditions(self.nodes.items(alt), sheet) for alt in self.nodes.items(operand)
            )
            return Condition("any_of", alternatives=alternatives)
        column_node = fields.get("column")
        if column_node is None:
            self.nodes.report(node, "set_condition_column", "set.missing", op=op)
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
            place = self._place(node)
            return RowReference(*place) if place is not None else _INVALID
        if op in ("is",) and kind is not ColumnType.BOOLEAN:
            return self._mismatch(node, op, column, ColumnType.BOOLEAN)
        if op == "within_days" and kind is not ColumnType.DATE:
            return self._mismatch(node, op, column, ColumnType.DATE)
        if op == "contains":
            # Free text: compared as normalised substrings, so any text is a valid operand.
            texts = self.nodes.items(node) if isinstance(node, yaml.SequenceNode) else [node]
            return tuple(normalise_token(str(t.value)) for t in texts)
        if op in ("is", "present"):
            return node.value == "true"
        if op == "within_days":
            return self.nodes.integer(node)
        if op == "in":
            values = [self._value(item, column, ordered=False) for item in self.nodes.items(node)]
            return _INVALID if _INVALID in values else tuple(values)
        if op in ("at_least", "at_most"):
            return self._value(node, column, ordered=True)
        return self._value(node, column, ordered=False)

    def _mismatch(self, node: yaml.Node, op: str, column: Column, needs: ColumnType) -> object:
        key = f"set_operand_{needs.value}_{column.type.value}"
        self.nodes.report(node, key, "set.rule", op=op, column=column.key)
        return _INVALID

    def _value(self, node: yaml.Node, column: Column, *, ordered: bool) -> object:
        raw = str(node.value)
        if column.vocabulary is not None:
            vocab = VOCABULARIES[column.vocabulary]
            term = vocab.lookup(raw)
            if ordered and not vocab.ordinal:
                self.nodes.report(node, "set_value_unordered", "set.rule", column=column.key)
                return _INVALID
            if term is None:
                if vocab.open:
                    return normalise_token(raw)
                known = list(vocab.values())
                key, like = suggestion("set_unknown_value", raw, known)
                self.nodes.report(
                    node,
                    key,
                    "set.rule.value",
                    value=shorten(raw),
                    column=column.key,
                    known=", ".join(known),
                    **like,
                )
                return _INVALID
            return Fraction(term.rank or 0) if vocab.ordinal else term.value
        if column.type in (ColumnType.INTEGER, ColumnType.NUMBER, ColumnType.LEVEL):
            number = yaml_decimal(raw)
            if number is None:
                self.nodes.report(
                    node,
                    "set_value_number",
                    "set.rule.value",
                    column=column.key,
                    value=shorten(raw),
                )
                return _INVALID
            return number
        if ordered:
            self.nodes.report(node, "set_value_unordered", "set.rule", column=column.key)
            return _INVALID
        return normalise_token(raw) if column.type is ColumnType.TEXT else raw


_INVALID = object()
