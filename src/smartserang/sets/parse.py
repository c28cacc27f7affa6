"""Parsing a set: from YAML bytes to a validated :class:`~smartserang.model.IndicatorSet`.

Structure is checked against the JSON Schema in :mod:`smartserang.sets.schema`; meaning
by :mod:`smartserang.sets.builder` (weights, ids, scales) and
:mod:`smartserang.sets.rulebuilder` (rules naming real sheets, columns and vocabulary
values). A set that ``extends`` another has its base found, read and parsed here first,
then :mod:`smartserang.sets.tailoring` applies what it changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from smartserang.model import IndicatorSet
from smartserang.problems import InputError
from smartserang.sets.builder import SetBuilder
from smartserang.sets.files import read_set_file, resolve_set, shipped_set_paths
from smartserang.sets.schema import SCHEMA, validate_node
from smartserang.sets.tailoring import check_own_keys, tailor
from smartserang.sets.yamlnodes import TooManyProblems

MAX_EXTENDS = 8
"""How many sets deep an ``extends`` chain may go (a tailoring of a tailoring is fine)."""


def parse_indicator_set(
    data: bytes, display: str, *, path: Path | None = None, seen: tuple[Path, ...] = ()
) -> IndicatorSet:
    """Validate and build a set from YAML bytes; ``display`` names it in locations.

    A set that ``extends`` another is built by tailoring that base (``path`` locates a
    base given by a relative path; ``seen`` holds the files already being loaded down
    the ``extends`` chain, for cycles).
    """
    builder = SetBuilder(display)
    try:
        return _build(builder, data, path, seen)
    except TooManyProblems:
        raise InputError(builder.problems) from None


def _build(
    builder: SetBuilder, data: bytes, path: Path | None, seen: tuple[Path, ...]
) -> IndicatorSet:
    root = builder.compose(data)
    if root is not None:
        validate_node(root, SCHEMA, builder.report)
    if builder.problems or root is None:
        raise InputError(builder.problems)
    assert isinstance(root, yaml.MappingNode)
    extends = builder.get(root, "extends")
    if extends is not None:
        check_own_keys(builder, root)
        base = _base(builder, extends, path, seen)
        return tailor(builder, root, data, base)
    result = builder.build(root, hashlib.sha256(data).hexdigest())
    if builder.problems:
        raise InputError(builder.problems)
    return result


def _base(
    builder: SetBuilder, extends: yaml.Node, path: Path | None, seen: tuple[Path, ...]
) -> IndicatorSet:
    """The set ``extends`` names (shipped, or a path beside this file), parsed.

    What keeps the base from loading (unknown, unreadable, a cycle, too deep) is this
    file's problem, located at ``extends``; problems inside the base are located there.
    """
    name = str(extends.value)
    reference = name
    if name not in shipped_set_paths() and path is not None and not Path(name).is_absolute():
        reference = str(path.parent / name)
    chain = (*seen, path.resolve()) if path is not None else seen
    try:
        base_path, base_display = resolve_set(reference)
    except InputError as error:
        unknown = error.problems[0]
        assert unknown.text_key is not None
        builder.report(extends, unknown.text_key, "set.extends", **dict(unknown.params))
        raise InputError(builder.problems) from None
    if base_path.resolve() in chain:
        names = " → ".join(p.name for p in (*chain, base_path.resolve()))
        builder.report(extends, "set_extends_cycle", "set.extends", names=names)
    elif len(chain) >= MAX_EXTENDS:
        builder.report(extends, "set_extends_deep", "set.extends", limit=MAX_EXTENDS)
    if builder.problems:
        raise InputError(builder.problems)
    try:
        base_data = read_set_file(base_path, base_display)
    except InputError as error:
        for problem in error.problems:
            # Each problem of reading a set file has a ``…_base`` entry naming the base.
            key = f"{problem.text_key}_base"
            builder.report(extends, key, "set.extends", base=name, **dict(problem.params))
        raise InputError(builder.problems) from None
    return parse_indicator_set(base_data, base_display, path=base_path, seen=chain)
