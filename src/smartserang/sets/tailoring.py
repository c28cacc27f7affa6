"""Tailoring: a set that ``extends`` another and changes only what it names.

Like XCCDF tailoring, a city's file names its base set and overrides weights or
thresholds, marks indicators not applicable (with a reason; the indicator is left out
and its weight shared within its parent) and adds local indicators. Every id it names
must exist in the base. The base arrives parsed: :mod:`smartserang.sets.parse` finds it
and refuses a cycle of ``extends``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from fractions import Fraction

import yaml

from smartserang.model import EvidenceRule, Group, Indicator, IndicatorSet, Text
from smartserang.problems import InputError
from smartserang.sets.builder import SetBuilder, check_weights
from smartserang.sets.rulebuilder import RuleBuilder
from smartserang.sets.schema import mapping_items, shorten, suggestion

_OWN_KEYS = (
    "id",
    "version",
    "title",
    "legal_basis",
    "source",
    "extends",
    "tailoring",
    "unassessed",
)
"""What a tailoring file may set itself; everything else comes from its base."""


def check_own_keys(builder: SetBuilder, root: yaml.MappingNode) -> None:
    """Report each key a tailoring file may not set itself (it comes from the base)."""
    for key, _ in mapping_items(root):
        if key.value not in _OWN_KEYS:
            builder.report(key, "set_tailoring_key", "set.tailoring", name=str(key.value))


def tailor(
    builder: SetBuilder, root: yaml.MappingNode, data: bytes, base: IndicatorSet
) -> IndicatorSet:
    """``base`` (the set ``extends`` names) with this file's tailoring applied."""
    extends_node = builder.get(root, "extends")
    assert extends_node is not None
    tailoring = builder.get(root, "tailoring")
    result = _Tailor(builder, base).apply(tailoring)
    own = builder.scalar
    tailored = dataclasses.replace(
        result,
        id=own(root, "id"),
        version=own(root, "version"),
        title=builder.text(builder.get(root, "title")),
        legal_basis=(
            builder.text(builder.get(root, "legal_basis"))
            if builder.get(root, "legal_basis") is not None
            else base.legal_basis
        ),
        source=own(root, "source", base.source),
        path=builder.display,
        sha256=hashlib.sha256(data + base.sha256.encode()).hexdigest(),
        unassessed=own(root, "unassessed", base.unassessed),
        extends=str(extends_node.value),
        bases=(base.id, *base.bases),
    )
    extends_where = builder.where(extends_node)
    if tailored.weighting != "proportional":
        located = _Tailor.weight_locations(builder, tailoring)
        builder.problems.extend(
            check_weights(
                tailored, lambda identifier: located.get(identifier, extends_where), extends_where
            )
        )
    if builder.problems:
        raise InputError(builder.problems)
    return tailored


class _Tailor:
    """Applies the ``tailoring:`` mapping to a base set's tree."""

    def __init__(self, builder: SetBuilder, base: IndicatorSet) -> None:
        self.builder = builder
        self.base = base
        self.groups = {g.id: g for g in base.walk_groups()}
        self.indicators = {i.id: i for i in base.indicators()}
        self.weights: dict[str, Fraction] = {}
        self.rules: dict[str, EvidenceRule] = {}
        self.not_applicable: dict[str, Text] = {}
        self.added: dict[str, list[Indicator]] = {}

    @staticmethod
    def weight_locations(builder: SetBuilder, tailoring: yaml.Node | None) -> dict[str, str]:
        """Where each overridden weight is written in the tailoring file."""
        if not isinstance(tailoring, yaml.MappingNode):
            return {}
        weights = builder.get(tailoring, "weights")
        if not isinstance(weights, yaml.MappingNode):
            return {}
        return {str(k.value): builder.where(v) for k, v in mapping_items(weights)}

    def apply(self, tailoring: yaml.Node | None) -> IndicatorSet:
        if isinstance(tailoring, yaml.MappingNode):
            b = self.builder
            weights, thresholds = b.get(tailoring, "weights"), b.get(tailoring, "thresholds")
            if isinstance(weights, yaml.MappingNode):
                for key, value in mapping_items(weights):
                    self._weight(key, value)
            if isinstance(thresholds, yaml.MappingNode):
                for key, value in mapping_items(thresholds):
                    self._thresholds(key, value)
            for item in b.items(b.get(tailoring, "not_applicable")):
                self._not_applicable(item)
            for item in b.items(b.get(tailoring, "add")):
                self._add(item)
        return dataclasses.replace(
            self.base, groups=tuple(self._group(g) for g in self.base.groups)
        )

    def _unknown(self, node: yaml.Node, identifier: str, known: list[str], what: str) -> None:
        """Report ``identifier`` (a ``what``: node, indicator or group) missing in the base."""
        key, like = suggestion(f"set_tailoring_unknown_{what}", identifier, known)
        self.builder.report(
            node, key, "set.tailoring.unknown", id=shorten(identifier), base=self.base.id, **like
        )

    def _weight(self, key: yaml.ScalarNode, value: yaml.Node) -> None:
        identifier = str(key.value)
        if identifier not in self.groups and identifier not in self.indicators:
            self._unknown(key, identifier, [*self.groups, *self.indicators], "node")
            return
        self.weights[identifier] = self.builder.decimal(value)

    def _thresholds(self, key: yaml.ScalarNode, value: yaml.Node) -> None:
        identifier = str(key.value)
        indicator = self.indicators.get(identifier)
        if indicator is None:
            self._unknown(key, identifier, list(self.indicators), "indicator")
            return
        rule = indicator.evidence
        if rule is None or rule.measure is None:
            self.builder.report(key, "set_tailoring_no_measure", "set.tailoring", id=identifier)
            return
        scale = self.base.scales[indicator.scale]
        thresholds = RuleBuilder(self.builder, {}).thresholds(value, scale)
        self.rules[identifier] = dataclasses.replace(rule, thresholds=thresholds)

    def _not_applicable(self, item: yaml.Node) -> None:
        assert isinstance(item, yaml.MappingNode)
        id_node = self.builder.get(item, "id")
        assert id_node is not None
        identifier = str(id_node.value)
        if identifier not in self.indicators:
            self._unknown(id_node, identifier, list(self.indicators), "indicator")
            return
        self.not_applicable[identifier] = self.builder.text(self.builder.get(item, "reason"))

    def _add(self, item: yaml.Node) -> None:
        assert isinstance(item, yaml.MappingNode)
        group_node = self.builder.get(item, "group")
        indicator_node = self.builder.get(item, "indicator")
        assert group_node is not None
        assert isinstance(indicator_node, yaml.MappingNode)
        group_id = str(group_node.value)
        group = self.groups.get(group_id)
        if group is None:
            self._unknown(group_node, group_id, list(self.groups), "group")
            return
        id_node = self.builder.get(indicator_node, "id")
        assert id_node is not None
        if str(id_node.value) in self.indicators or str(id_node.value) in self.groups:
            self.builder.report(
                id_node,
                "set_tailoring_duplicate",
                "set.duplicate",
                id=str(id_node.value),
                base=self.base.id,
            )
            return
        self.builder.scales.update(self.base.scales)
        inherited = next((i.scale for i in group.walk_indicators()), None)
        indicator = self.builder.indicator(indicator_node, inherited)
        self.added.setdefault(group_id, []).append(indicator)

    def _group(self, group: Group) -> Group:
        indicators = [self._indicator(i) for i in group.indicators]
        indicators.extend(self.added.get(group.id, []))
        return dataclasses.replace(
            group,
            weight=self.weights.get(group.id, group.weight),
            groups=tuple(self._group(g) for g in group.groups),
            indicators=tuple(indicators),
        )

    def _indicator(self, indicator: Indicator) -> Indicator:
        return dataclasses.replace(
            indicator,
            weight=self.weights.get(indicator.id, indicator.weight),
            evidence=self.rules.get(indicator.id, indicator.evidence),
            not_applicable=self.not_applicable.get(indicator.id),
        )
