"""Building an IndicatorSet from schema-valid YAML nodes, checking what a schema cannot.

Structure was already checked against the JSON Schema; this module checks meaning:
consecutive scale levels, ordered bands, unique ids, scales that exist and reach every
indicator, criteria within the scale, and weights that add up exactly as declared.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import yaml

from smartserang.model import Band, Group, Indicator, IndicatorSet, Level, Scale, Text
from smartserang.problems import Problem
from smartserang.sets.rulebuilder import RuleBuilder
from smartserang.sets.schema import mapping_items, shorten, suggestion
from smartserang.sets.yamlnodes import NodeReader


class SetBuilder(NodeReader):
    """Builds the model of one set file, collecting semantic problems."""

    def __init__(self, display: str) -> None:
        super().__init__(display)
        self.scales: dict[str, Scale] = {}
        self.ladders: dict[str, yaml.MappingNode] = {}
        self.ids: dict[str, yaml.Node] = {}
        self.weight_nodes: dict[str, yaml.Node] = {}

    def build(self, root: yaml.Node, sha256: str) -> IndicatorSet:
        """The set described by a schema-valid root node."""
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
        for required in ("scales", "bands", "groups"):
            if self.get(root, required) is None:
                self.report(root, "set_missing_key", "set.missing", name=required)
        tag_titles = {}
        tags_node = self.get(root, "tag_titles")
        if isinstance(tags_node, yaml.MappingNode):
            tag_titles = {str(k.value): self.text(v) for k, v in mapping_items(tags_node)}
        result = IndicatorSet(
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
            aggregation=self.scalar(root, "aggregation", "mean"),
            tag_titles=tag_titles,
        )
        if groups_node is not None:
            self.problems.extend(
                check_weights(result, self.weight_location, self.where(groups_node))
            )
        return result

    def weight_location(self, identifier: str) -> str:
        """Where the weight of group or indicator ``identifier`` is written."""
        node = self.weight_nodes.get(identifier) or self.ids.get(identifier)
        return self.where(node) if node is not None else self.display

    def _weight(self, node: yaml.MappingNode, identifier: str) -> Fraction:
        """The weight of a group or indicator; where it is written is kept for the sums."""
        weight_node = self.get(node, "weight")
        assert weight_node is not None
        self.weight_nodes.setdefault(identifier, weight_node)
        return self.decimal(weight_node)

    def _scale(self, scale_id: str, node: yaml.Node) -> Scale:
        assert isinstance(node, yaml.MappingNode)
        levels_node = self.get(node, "levels")
        levels = []
        if isinstance(levels_node, yaml.MappingNode):
            for key, value in mapping_items(levels_node):
                number = self.level(key)
                if number is not None:
                    levels.append(Level(number, self.text(value)))
        levels.sort(key=lambda level: level.value)
        values = [level.value for level in levels]
        if not values:
            self.report(node, "set_scale_empty", "set.scale", scale=scale_id)
            levels = [Level(1, Text("1"))]
        elif values != list(range(values[0], values[0] + len(values))):
            self.report(levels_node or node, "set_scale_gaps", "set.scale")
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
                self.report(item, "set_band_min_missing", "set.band")
            if minimum is not None and last:
                self.report(item, "set_band_min_last", "set.band")
            if minimum is not None and previous is not None and minimum >= previous:
                self.report(item, "set_band_order", "set.band")
            if minimum is not None:
                previous = minimum
            bands.append(Band(self.text(self.get(item, "label")), None if last else minimum))
        return tuple(bands)

    def _claim_id(self, node: yaml.MappingNode) -> str:
        id_node = self.get(node, "id")
        assert id_node is not None
        identifier = str(id_node.value)
        if identifier in self.ids:
            first = self.ids[identifier].start_mark.line + 1
            self.report(
                id_node, "set_duplicate_id", "set.duplicate", id=shorten(identifier), line=first
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
            key, like = suggestion("set_unknown_scale", name, list(self.scales))
            self.report(scale_node, key, "set.scale", name=shorten(name), **like)
            return inherited
        return name

    def _group(self, node: yaml.Node, scale: str | None) -> Group:
        assert isinstance(node, yaml.MappingNode)
        identifier = self._claim_id(node)
        scale = self._scale_ref(node, scale)
        groups = tuple(self._group(g, scale) for g in self.items(self.get(node, "groups")))
        indicators = tuple(
            self.indicator(i, scale) for i in self.items(self.get(node, "indicators"))
        )
        if not groups and not indicators:
            self.report(node, "set_group_empty", "set.empty", id=identifier)
        return Group(
            id=identifier,
            name=self.text(self.get(node, "name")),
            weight=self._weight(node, identifier),
            groups=groups,
            indicators=indicators,
        )

    def indicator(self, node: yaml.Node, scale: str | None) -> Indicator:
        """One indicator node as a model object (``scale`` inherited from its group)."""
        assert isinstance(node, yaml.MappingNode)
        identifier = self._claim_id(node)
        scale = self._scale_ref(node, scale)
        if scale is None:
            self.report(node, "set_indicator_no_scale", "set.scale", id=identifier)
            scale_obj = None
        else:
            scale_obj = self.scales[scale]
        criteria: dict[int, Text] = {}
        criteria_node = self.get(node, "criteria")
        if isinstance(criteria_node, yaml.MappingNode):
            for key, value in mapping_items(criteria_node):
                level = self.level(key)
                if level is None:
                    continue
                if scale_obj is not None and scale_obj.level_name(level) is None:
                    self.report(
                        key,
                        "set_criteria_level",
                        "set.level",
                        level=level,
                        scale=scale_obj.id,
                        low=scale_obj.minimum,
                        high=scale_obj.maximum,
                    )
                criteria[level] = self.text(value)
        evidence_node = self.get(node, "evidence")
        evidence = None
        if isinstance(evidence_node, yaml.MappingNode) and scale_obj is not None:
            evidence = RuleBuilder(self, self.ladders).rule(evidence_node, scale_obj)
        tags_node = self.get(node, "tags")
        tags = {}
        if isinstance(tags_node, yaml.MappingNode):
            tags = {str(k.value): str(v.value) for k, v in mapping_items(tags_node)}
        question = self.get(node, "question")
        short = self.get(node, "short_name")
        return Indicator(
            id=identifier,
            name=self.text(self.get(node, "name")),
            weight=self._weight(node, identifier),
            scale=scale or "",
            criteria=criteria,
            question=self.text(question) if question is not None else None,
            short_name=self.text(short) if short is not None else None,
            evidence=evidence,
            tags=tags,
        )


def check_weights(
    indicator_set: IndicatorSet, locate: Callable[[str], str], top_location: str
) -> list[Problem]:
    """Weights that do not add up as the set's ``weighting`` declares, located by
    ``locate(id)`` (the top-level sum at ``top_location``)."""
    weighting, total = indicator_set.weighting, indicator_set.total_weight
    problems: list[Problem] = []
    if weighting == "proportional":
        for group in indicator_set.walk_groups():
            children: list[Group | Indicator] = [*group.groups, *group.indicators]
            if not sum((c.weight for c in children), Fraction(0)):
                problems.append(_all_zero(locate(group.id), group.id))
        return problems
    top = sum((g.weight for g in indicator_set.groups), Fraction(0))
    if top != total:
        problems.append(
            Problem.error(
                top_location, "set_weights_top", "set.weight", found=_num(top), total=_num(total)
            )
        )
    for group in indicator_set.walk_groups():
        children = [*group.groups, *group.indicators]
        found = sum((c.weight for c in children), Fraction(0))
        expected = group.weight if weighting == "absolute" else total
        if found != expected:
            key = "set_weights_group" if weighting == "absolute" else "set_weights_group_total"
            problems.append(
                Problem.error(
                    locate(group.id),
                    key,
                    "set.weight",
                    id=group.id,
                    found=_num(found),
                    expected=_num(expected),
                )
            )
        elif found == 0:
            problems.append(_all_zero(locate(group.id), group.id))
    return problems


def _all_zero(location: str, group_id: str) -> Problem:
    return Problem.error(location, "set_weights_zero", "set.weight", id=group_id)


def _num(value: Fraction) -> Decimal | str:
    """A weight as six significant digits show it (``33.3333``), in the reader's notation;
    as written (``1e+20``) when that needs an exponent."""
    text = f"{float(value):g}"
    return text if "e" in text else Decimal(text)
