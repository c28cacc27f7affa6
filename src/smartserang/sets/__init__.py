"""Indicator sets: from a YAML file to a validated ``model.IndicatorSet``.

Modules, in the order a set passes through them:

- ``load``: the way in: a shipped set's name or a path gives a set; the shipped sets listed;
- ``files``: finding a set file (a shipped name or a path) and reading its bytes safely;
- ``parse``: from bytes to a validated set, the base of an ``extends`` parsed first;
- ``yamlnodes``: safe YAML composition, located problems, typed node accessors;
- ``schema``: the set format as a JSON Schema, and its validator over YAML nodes;
- ``builder``: groups, indicators, scales and bands, checked beyond the schema;
- ``rulebuilder``: evidence rules, checked against the workbook contract;
- ``tailoring``: a set that ``extends`` another and changes only what it names.

No import circle: ``load`` uses ``files`` and ``parse``; ``parse`` finds an ``extends``
base through ``files`` and hands it, parsed, to ``tailoring``, which imports neither.
"""
