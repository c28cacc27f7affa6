"""Reading composed PyYAML nodes: safe composition, located problems, typed accessors.

Working on nodes rather than constructed Python objects keeps every value's line and
column, so each problem in an indicator set is reported as ``file:line:col``.
"""

from __future__ import annotations

from fractions import Fraction

import yaml

from smartserang.model import Text
from smartserang.problems import Problem
from smartserang.schema import mapping_items

MAX_NODES = 200_000
"""Composed YAML nodes visited at most; stops alias ("billion laughs") expansion."""

_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("map", "seq", "str", "int", "float", "bool", "null")
)


class NodeReader:
    """Reads composed YAML nodes of one file, collecting located problems."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []

    def where(self, node: yaml.Node) -> str:
        """``file:line:col`` of ``node``."""
        mark = node.start_mark
        return f"{self.display}:{mark.line + 1}:{mark.column + 1}"

    def report(self, node: yaml.Node, message: str, code: str) -> None:
        """Record a problem at ``node``."""
        self.problems.append(Problem(self.where(node), message, code))

    def compose(self, data: bytes) -> yaml.Node | None:
        """The root node of ``data``, or None (with problems) when it cannot be used."""
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
        """The value node of ``key`` in a mapping node."""
        for k, v in mapping_items(node):
            if k.value == key:
                return v
        return None

    def text(self, node: yaml.Node | None) -> Text:
        """A plain string or an ``{id, en}`` mapping as a Text."""
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
        """The text of scalar ``key`` in a mapping node."""
        child = self.get(node, key)
        return str(child.value) if isinstance(child, yaml.ScalarNode) else default

    @staticmethod
    def decimal(node: yaml.Node) -> Fraction:
        """A number scalar as an exact decimal."""
        # Exact decimal: "1.3" is 13/10, not the float nearest it.
        return Fraction(str(node.value).replace("_", ""))

    @staticmethod
    def items(node: yaml.Node | None) -> list[yaml.Node]:
        """The items of a sequence node (none for anything else)."""
        return list(node.value) if isinstance(node, yaml.SequenceNode) else []
