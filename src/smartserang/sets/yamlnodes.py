"""Reading composed PyYAML nodes: safe composition, located problems, typed accessors.

Working on nodes rather than constructed Python objects keeps every value's line and
column, so each problem in an indicator set is reported as ``file:line:col``.
"""

from __future__ import annotations

import re
from fractions import Fraction

import yaml

from smartserang.model import Text
from smartserang.problems import Param, Problem
from smartserang.sets.schema import mapping_items, shorten, yaml_decimal

MAX_NODES = 200_000
"""Composed YAML nodes visited at most; stops alias ("billion laughs") expansion."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences; the shipped sets need about 20. Deeper
trees are refused before anything walks them recursively."""

MAX_LEVEL = 1000
"""Largest level number a scale, criterion, threshold or step may name."""

MAX_PROBLEMS = 200
"""Problems collected from one file before giving up (a file of 100,000 unknown keys
would otherwise print 100,000 lines, slowly)."""


_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


class TooManyProblems(Exception):
    """Raised by :meth:`NodeReader.report` once :data:`MAX_PROBLEMS` are collected."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Characters no text of a set may hold (written as escapes such as ``"\\x01"``): they
cannot go into a workbook cell, a terminal or an HTML report."""

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

    def report(self, node: yaml.Node, key: str, code: str, /, **params: Param) -> None:
        """Record the problem worded by catalogue entry ``key`` at ``node``; raises
        :class:`TooManyProblems` at the limit."""
        self.problems.append(Problem.error(self.where(node), key, code, **params))
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(
                Problem.error(self.display, "set_many", "set.many", limit=MAX_PROBLEMS)
            )
            raise TooManyProblems

    def compose(self, data: bytes) -> yaml.Node | None:
        """The root node of ``data``, or None (with problems) when it cannot be used."""
        try:
            if self._too_many_nodes(data):
                return None
            root = yaml.compose(data, Loader=yaml.CSafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            location = self.display
            if mark is not None:
                location = f"{self.display}:{mark.line + 1}:{mark.column + 1}"
            reason = error.problem or error.context or "invalid YAML"
            self.problems.append(_yaml_problem(location, reason))
            return None
        except yaml.reader.ReaderError as error:
            # Bytes that are not text (invalid UTF-8, NUL, control characters).
            where = _offset_location(data, error.position)
            location = f"{self.display}:{where}"
            self.problems.append(_yaml_problem(location, error.reason, repr(error.character)))
            return None
        except (yaml.YAMLError, UnicodeError, RecursionError) as error:
            reason = shorten(str(error), 200)
            self.problems.append(Problem.error(self.display, "set_yaml", "set.yaml", reason=reason))
            return None
        if root is None:
            self.problems.append(Problem.error(self.display, "set_empty_file", "set.empty"))
            return None
        self._check_nodes(root)
        return None if self.problems else root

    def _too_many_nodes(self, data: bytes) -> bool:
        """True (reported) when the file holds more than :data:`MAX_NODES` nodes.

        Counted on the event stream, which takes no memory, before composing: a file of
        millions of nodes would need gigabytes as composed nodes.
        """
        count = 0
        for event in yaml.parse(data, Loader=yaml.CSafeLoader):
            if isinstance(event, _NODE_EVENTS):
                count += 1
                if count > MAX_NODES:
                    mark = event.start_mark
                    where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
                    self.problems.append(
                        Problem.error(
                            f"{self.display}{where}",
                            "set_too_many_values",
                            "set.size",
                            limit=MAX_NODES,
                        )
                    )
                    return True
        return False

    def _check_nodes(self, root: yaml.Node) -> None:
        """Refuse unsafe tags, control characters, alias bombs and deep nesting.

        Iterative, and each node is looked at once per path to it: an alias bomb stops at
        :data:`MAX_NODES` visits, a self-referencing alias at :data:`MAX_DEPTH`.
        """
        count = 0
        reported: set[int] = set()
        stack: list[tuple[yaml.Node, int]] = [(root, 1)]
        while stack:
            node, depth = stack.pop()
            count += 1
            if count > MAX_NODES:
                self.report(root, "set_too_many_expanded", "set.size", limit=MAX_NODES)
                return
            if id(node) in reported:
                continue
            problem = self._node_problem(node, depth)
            if problem is not None:
                reported.add(id(node))
                key, code, params = problem
                self.report(node, key, code, **params)
                if code == "set.depth":
                    return
                continue
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    stack.extend(((value, depth + 1), (key, depth + 1)))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((item, depth + 1) for item in reversed(node.value))

    @staticmethod
    def _node_problem(node: yaml.Node, depth: int) -> tuple[str, str, dict[str, Param]] | None:
        """(catalogue key, code, values) of what is wrong with ``node`` itself, if anything."""
        if node.tag not in _SAFE_TAGS:
            return "set_tag", "set.tag", {"tag": shorten(node.tag)}
        if depth > MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            return "set_depth", "set.depth", {"limit": MAX_DEPTH}
        if isinstance(node, yaml.ScalarNode):
            found = _CONTROL.search(node.value)
            if found is not None:
                return "set_control", "set.text", {"character": f"U+{ord(found.group()):04X}"}
        return None

    @staticmethod
    def get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
        """The value node of ``key`` in a mapping node."""
        for k, v in mapping_items(node):
            if k.value == key:
                return v
        return None

    @staticmethod
    def fields(node: yaml.Node) -> dict[str, yaml.Node]:
        """A mapping node's values by key."""
        assert isinstance(node, yaml.MappingNode)
        return {str(k.value): v for k, v in mapping_items(node)}

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
        """A number scalar (already checked by the schema) as an exact decimal."""
        # Exact decimal: "1.3" is 13/10, not the float nearest it.
        value = yaml_decimal(str(node.value))
        assert value is not None, node.value
        return value

    @staticmethod
    def integer(node: yaml.Node) -> int:
        """A whole-number scalar (already checked by the schema), YAML 1.1 forms included."""
        value = yaml_decimal(str(node.value))
        assert value is not None, node.value
        assert value.denominator == 1, node.value
        return int(value)

    def level(self, node: yaml.Node) -> int | None:
        """A level number written as a key (``5:``) or value; None (reported) when absurd."""
        value = yaml_decimal(str(node.value))
        if value is None or value.denominator != 1 or not 0 <= value <= MAX_LEVEL:
            self.report(
                node,
                "set_level_number",
                "set.level",
                value=shorten(str(node.value)),
                limit=MAX_LEVEL,
            )
            return None
        return int(value)

    @staticmethod
    def items(node: yaml.Node | None) -> list[yaml.Node]:
        """The items of a sequence node (none for anything else)."""
        return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _yaml_problem(location: str, reason: str, character: str | None = None) -> Problem:
    """The YAML library's ``reason`` in the catalogue's words when it has them, else as given."""
    from smartserang.catalogue.sets import yaml_reason_key

    shown = {} if character is None else {"character": character}
    key = yaml_reason_key(reason, character=character is not None)
    if key is not None:
        return Problem.error(location, key, "set.yaml", **shown)
    generic = "set_yaml" if character is None else "set_yaml_character"
    return Problem.error(location, generic, "set.yaml", reason=reason, **shown)


def _offset_location(data: bytes, offset: int) -> str:
    """``line:col`` of byte ``offset`` in ``data`` (the column counted in bytes)."""
    offset = max(0, min(offset, len(data)))
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    return f"{line}:{offset - line_start + 1}"
