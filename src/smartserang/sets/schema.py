"""The indicator-set format as a JSON Schema, and a small validator over YAML nodes.

The schema is the single description of the format: ``smartserang schema`` prints it for
editors, and the loader checks every set against it with :func:`validate_node`, which
walks PyYAML's composed nodes so that each problem keeps its ``line:col``. Only the
subset of JSON Schema used here is implemented: type, properties, required,
additionalProperties, patternProperties, items, enum, minimum, exclusiveMinimum,
maximum, pattern, minLength, minItems, anyOf and $ref. Every number must also be finite
and at most :data:`MAX_NUMBER` either way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Protocol

import yaml

from smartserang.problems import Param

SCHEMA_ID = "https://smartserang.invalid/schema/indicator-set-1.json"

_TEXT = {"$ref": "#/$defs/text"}

CONDITION_OPERATORS = (
    "equals",
    "in",
    "at_least",
    "at_most",
    "is",
    "present",
    "within_days",
    "names_row_of",
    "contains",
    "any_of",
)

MEASURES = ("count", "sum", "share", "coverage", "rate", "best", "worst")

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "smartserang indicator set",
    "description": "An indicator set: tree of weighted groups and indicators, scales, bands"
    " and evidence rules. See docs/indicator-sets.md.",
    "type": "object",
    "required": ["id", "version", "title"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$", "description": "Set id"},
        "version": {"type": "string", "description": "The set's own version (quote it)"},
        "title": _TEXT,
        "legal_basis": _TEXT,
        "source": {"type": "string"},
        "weighting": {"enum": ["absolute", "relative", "proportional"]},
        "aggregation": {"enum": ["mean", "points"]},
        "extends": {"type": "string", "description": "Set this one tailors (name or path)"},
        "tailoring": {"$ref": "#/$defs/tailoring"},
        "tag_titles": {
            "type": "object",
            "patternProperties": {"^[a-z0-9_-]+$": _TEXT},
            "additionalProperties": False,
        },
        "total_weight": {"type": "number", "exclusiveMinimum": 0},
        "unassessed": {"enum": ["minimum", "exclude"]},
        "scales": {
            "type": "object",
            "patternProperties": {"^[a-z0-9_-]+$": {"$ref": "#/$defs/scale"}},
            "additionalProperties": False,
        },
        "bands": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/band"}},
        "ladders": {
            "type": "object",
            "patternProperties": {"^[a-z0-9_-]+$": {"$ref": "#/$defs/rule"}},
            "additionalProperties": False,
        },
        "groups": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/group"}},
    },
    "$defs": {
        "text": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "required": ["id"],
                    "additionalProperties": False,
                    "properties": {"id": {"type": "string"}, "en": {"type": "string"}},
                },
            ]
        },
        "scale": {
            "type": "object",
            "required": ["levels"],
            "additionalProperties": False,
            "properties": {
                "name": _TEXT,
                "levels": {
                    "type": "object",
                    "patternProperties": {"^[0-9]+$": _TEXT},
                    "additionalProperties": False,
                },
            },
        },
        "band": {
            "type": "object",
            "required": ["label"],
            "additionalProperties": False,
            "properties": {"label": _TEXT, "min": {"type": "number"}},
        },
        "group": {
            "type": "object",
            "required": ["id", "name", "weight"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string"},
                "name": _TEXT,
                "short_name": _TEXT,
                "description": _TEXT,
                "weight": {"type": "number", "minimum": 0},
                "scale": {"type": "string"},
                "groups": {"type": "array", "items": {"$ref": "#/$defs/group"}},
                "indicators": {"type": "array", "items": {"$ref": "#/$defs/indicator"}},
            },
        },
        "indicator": {
            "type": "object",
            "required": ["id", "name", "weight"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string"},
                "name": _TEXT,
                "short_name": _TEXT,
                "weight": {"type": "number", "minimum": 0},
                "scale": {"type": "string"},
                "question": _TEXT,
                "criteria": {
                    "type": "object",
                    "patternProperties": {"^[0-9]+$": _TEXT},
                    "additionalProperties": False,
                },
                "evidence": {"$ref": "#/$defs/rule"},
                "tags": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                },
            },
        },
        "rule": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "ladder": {"type": "string", "description": "Name of a ladder template"},
                "sheet": {"type": "string"},
                "where": {"$ref": "#/$defs/conditions"},
                "units_column": {"type": "string"},
                "extra_units": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["sheet", "column"],
                        "additionalProperties": False,
                        "properties": {
                            "sheet": {"type": "string"},
                            "column": {"type": "string"},
                            "where": {"$ref": "#/$defs/conditions"},
                        },
                    },
                },
                "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}},
                "measure": {"$ref": "#/$defs/measure"},
                "name": _TEXT,
                "thresholds": {"$ref": "#/$defs/thresholds"},
                "benchmark": {
                    "type": "object",
                    "required": ["target"],
                    "additionalProperties": False,
                    "properties": {"target": {"type": "number", "exclusiveMinimum": 0}},
                },
            },
        },
        "thresholds": {
            "type": "object",
            "patternProperties": {"^[0-9]+$": {"type": "number"}},
            "additionalProperties": False,
        },
        "measure": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "count": {"type": "boolean"},
                "sum": {"$ref": "#/$defs/column_sum"},
                "share": {"$ref": "#/$defs/conditions"},
                "coverage": {
                    "type": "object",
                    "required": ["column", "of"],
                    "additionalProperties": False,
                    "properties": {
                        "column": {"type": "string"},
                        "of": {"enum": ["kecamatan", "units"]},
                    },
                },
                "rate": {
                    "type": "object",
                    "required": ["per", "of"],
                    "additionalProperties": False,
                    "properties": {
                        "per": {"type": "number", "exclusiveMinimum": 0},
                        "of": {"enum": ["penduduk"]},
                        "sum": {"type": "string"},
                        "default": {"type": "number"},
                    },
                },
                "best": {"$ref": "#/$defs/column_ref"},
                "worst": {"$ref": "#/$defs/column_ref"},
            },
        },
        "column_sum": {
            "type": "object",
            "required": ["column"],
            "additionalProperties": False,
            "properties": {"column": {"type": "string"}, "default": {"type": "number"}},
        },
        "column_ref": {
            "type": "object",
            "required": ["column"],
            "additionalProperties": False,
            "properties": {"column": {"type": "string"}},
        },
        "tailoring": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "weights": {
                    "type": "object",
                    "additionalProperties": {"type": "number", "minimum": 0},
                },
                "thresholds": {
                    "type": "object",
                    "additionalProperties": {"$ref": "#/$defs/thresholds"},
                },
                "not_applicable": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "reason"],
                        "additionalProperties": False,
                        "properties": {"id": {"type": "string"}, "reason": _TEXT},
                    },
                },
                "add": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["group", "indicator"],
                        "additionalProperties": False,
                        "properties": {
                            "group": {"type": "string"},
                            "indicator": {"$ref": "#/$defs/indicator"},
                        },
                    },
                },
            },
        },
        "step": {
            "type": "object",
            "required": ["level", "requires"],
            "additionalProperties": False,
            "properties": {
                "level": {"type": "integer"},
                "requires": _TEXT,
                "rows": {"$ref": "#/$defs/conditions"},
                "units": {"enum": ["some", "all"]},
            },
        },
        "conditions": {"type": "array", "items": {"$ref": "#/$defs/condition"}},
        "condition": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "column": {"type": "string"},
                "equals": {"type": ["string", "number", "boolean"]},
                "in": {"type": "array", "minItems": 1, "items": {"type": ["string", "number"]}},
                "at_least": {"type": ["string", "number"]},
                "at_most": {"type": ["string", "number"]},
                "is": {"type": "boolean"},
                "present": {"type": "boolean"},
                "within_days": {"type": "integer", "minimum": 0, "maximum": 36500},
                "contains": {
                    "anyOf": [
                        {"type": "string"},
                        {"type": "array", "minItems": 1, "items": {"type": "string"}},
                    ]
                },
                "names_row_of": {
                    "type": "object",
                    "required": ["sheet", "column"],
                    "additionalProperties": False,
                    "properties": {
                        "sheet": {"type": "string"},
                        "column": {"type": "string"},
                        "where": {"$ref": "#/$defs/conditions"},
                    },
                },
                "any_of": {
                    "type": "array",
                    "minItems": 1,
                    "items": {"$ref": "#/$defs/conditions"},
                },
            },
        },
    },
}

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


class Report(Protocol):
    """Called for each problem found: at ``node``, worded by catalogue entry ``key``."""

    def __call__(self, node: yaml.Node, key: str, code: str, /, **params: Param) -> None: ...


def node_type(node: yaml.Node) -> str:
    """The JSON type a composed YAML node stands for."""
    if isinstance(node, yaml.MappingNode):
        return "object"
    if isinstance(node, yaml.SequenceNode):
        return "array"
    return {
        _STR: "string",
        _INT: "integer",
        _FLOAT: "number",
        _BOOL: "boolean",
        _NULL: "null",
    }.get(node.tag, "string")


def _type_matches(actual: str, expected: str | list[str]) -> bool:
    wanted = [expected] if isinstance(expected, str) else expected
    return actual in wanted or (actual == "integer" and "number" in wanted)


def mapping_items(node: yaml.MappingNode) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    """Key/value node pairs of a mapping whose keys are scalars."""
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            yield key, value


def _resolve(ref: str) -> dict[str, Any]:
    target: Any = SCHEMA
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    result: dict[str, Any] = target
    return result


def validate_node(node: yaml.Node, schema: dict[str, Any], report: Report) -> None:
    """Check ``node`` against ``schema``, calling ``report`` once per problem."""
    if "$ref" in schema:
        validate_node(node, _resolve(schema["$ref"]), report)
        return
    if "anyOf" in schema:
        _validate_any_of(node, schema["anyOf"], report)
        return
    actual = node_type(node)
    if "enum" in schema:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if value not in schema["enum"]:
            choices = ", ".join(str(v) for v in schema["enum"])
            shown = shorten(value) if isinstance(value, str) else value
            report(node, "set_enum", "set.value", choices=choices, got=repr(shown))
        return
    expected = schema.get("type")
    if expected is not None and not _type_matches(actual, expected):
        wanted = expected if isinstance(expected, str) else "_".join(expected)
        report(node, f"set_type_{wanted}_{actual}", "set.type")
        return
    if isinstance(node, yaml.MappingNode):
        _validate_mapping(node, schema, report)
    elif isinstance(node, yaml.SequenceNode):
        if len(node.value) < schema.get("minItems", 0):
            report(node, "set_min_items", "set.empty", n=schema["minItems"])
        for item in node.value:
            validate_node(item, schema.get("items", {}), report)
    elif isinstance(node, yaml.ScalarNode):
        _validate_scalar(node, actual, schema, report)


@dataclass
class _Found:
    """The problems one alternative of an ``anyOf`` would report."""

    problems: list[tuple[yaml.Node, str, str, dict[str, Param]]] = field(default_factory=list)

    def __call__(self, node: yaml.Node, key: str, code: str, /, **params: Param) -> None:
        self.problems.append((node, key, code, params))


def _validate_any_of(node: yaml.Node, options: list[dict[str, Any]], report: Report) -> None:
    attempts: list[list[tuple[yaml.Node, str, str, dict[str, Param]]]] = []
    for option in options:
        found = _Found()
        validate_node(node, option, found)
        if not found.problems:
            return
        attempts.append(found.problems)
    # Report the alternative whose type matched (fewest top-level type errors).
    best = min(
        attempts,
        key=lambda f: (any(c == "set.type" and n is node for n, _, c, _ in f), len(f)),
    )
    for where, key, code, params in best:
        report(where, key, code, **params)


def _validate_scalar(
    node: yaml.ScalarNode, actual: str, schema: dict[str, Any], report: Report
) -> None:
    if actual in ("integer", "number"):
        number = yaml_decimal(node.value)
        shown = shorten(node.value)
        # The value as written (``shown``): a YAML number, in the set's own notation.
        if number is None:
            report(node, "set_not_finite", "set.value")
        elif abs(number) > MAX_NUMBER:
            report(node, "set_too_large", "set.value", value=shown, limit=f"{MAX_NUMBER:.0e}")
        elif actual == "integer" and number.denominator != 1:
            report(node, "set_not_whole", "set.type", value=shown)
        elif "minimum" in schema and number < schema["minimum"]:
            report(node, "set_minimum", "set.value", limit=schema["minimum"], value=shown)
        elif "exclusiveMinimum" in schema and number <= schema["exclusiveMinimum"]:
            limit = schema["exclusiveMinimum"]
            report(node, "set_exclusive_minimum", "set.value", limit=limit, value=shown)
        elif "maximum" in schema and number > schema["maximum"]:
            report(node, "set_maximum", "set.value", limit=schema["maximum"], value=shown)
    if actual == "string":
        if len(node.value) < schema.get("minLength", 0):
            report(node, "set_empty_text", "set.empty")
        pattern = schema.get("pattern")
        if pattern and not re.match(pattern, node.value):
            report(node, "set_pattern", "set.value", value=shorten(node.value), pattern=pattern)


MAX_NUMBER = 10**15
"""The largest magnitude of any number in a set: far above any weight, threshold or
target, and small enough that sums and shares stay exact floats in the outputs."""

_MAX_NUMBER_TEXT = 64
"""Longer number texts are refused before parsing (5,000-digit integers and the like)."""

_YAML11_INT = re.compile(
    r"""[-+]?(?:0b[01_]+|0x[0-9a-f_]+|0[0-7_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", re.ASCII
)


def yaml_decimal(text: str) -> Fraction | None:
    """A YAML 1.1 int or float scalar as an exact number; None when it is not a finite one.

    Besides decimal forms (``12``, ``1.5``, ``1.0e+3``) this reads what YAML 1.1 resolves
    as numbers: ``0x1E``, ``0o17``-style ``017`` octal, ``0b101`` and base-60 ``1:30``.
    ``.nan``, ``.inf`` and over-long texts are None.
    """
    cleaned = text.replace("_", "").strip().lower()
    if not cleaned or len(cleaned) > _MAX_NUMBER_TEXT:
        return None
    if _YAML11_INT.match(cleaned):
        return Fraction(_yaml11_int(cleaned))
    if ":" in cleaned:
        return _sexagesimal(cleaned)
    exponent = cleaned.partition("e")[2].lstrip("+-")
    if exponent and not (exponent.isascii() and exponent.isdigit() and len(exponent) <= 3):
        return None  # 1e-99999999 would take minutes to expand exactly
    try:
        return Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        return None


def _yaml11_int(cleaned: str) -> int:
    sign = -1 if cleaned.startswith("-") else 1
    digits = cleaned.lstrip("+-")
    if ":" in digits:
        value = 0
        for part in digits.split(":"):
            value = value * 60 + int(part)
        return sign * value
    if digits.startswith(("0b", "0x")):
        return sign * int(digits, 0)
    if digits.startswith("0"):
        return sign * int(digits, 8)
    return sign * int(digits)


def _sexagesimal(cleaned: str) -> Fraction | None:
    """A base-60 float such as ``1:30.5`` (90.5)."""
    sign = -1 if cleaned.startswith("-") else 1
    value = Fraction(0)
    try:
        for part in cleaned.lstrip("+-").split(":"):
            value = value * 60 + Fraction(part)
    except ValueError:
        return None
    return sign * value


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a message (values may be megabytes long)."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _validate_mapping(node: yaml.MappingNode, schema: dict[str, Any], report: Report) -> None:
    properties: dict[str, Any] = schema.get("properties", {})
    patterns: dict[str, Any] = schema.get("patternProperties", {})
    additional = schema.get("additionalProperties", True)
    seen: set[str] = set()
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            report(key, "set_key_type", "set.type")
            continue
        name = str(key.value)
        if name in seen:
            report(key, "set_duplicate_key", "set.duplicate", name=shorten(name))
            continue
        seen.add(name)
        if name in properties:
            validate_node(value, properties[name], report)
            continue
        matched = [s for p, s in patterns.items() if re.match(p, name)]
        if matched:
            validate_node(value, matched[0], report)
        elif additional is False:
            key_name, like = suggestion("set_unknown_key", name, list(properties))
            if not like and properties:
                key_name, like = "set_unknown_key_expected", {"known": ", ".join(properties)}
            report(key, key_name, "set.key", name=shorten(name), **like)
        elif isinstance(additional, dict):
            validate_node(value, additional, report)
    for required in schema.get("required", []):
        if required not in seen:
            report(node, "set_missing_key", "set.missing", name=required)


def suggestion(key: str, name: str, known: Sequence[str]) -> tuple[str, dict[str, str]]:
    """The catalogue entry for an unknown ``name``: ``key_like`` with the closest known
    name as ``like`` when one is close, else ``key`` with nothing to add."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return (f"{key}_like", {"like": close[0]}) if close else (key, {})
