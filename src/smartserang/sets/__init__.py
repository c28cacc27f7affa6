"""Indicator sets: from a YAML file to a validated ``model.IndicatorSet``.

Modules, in the order a set passes through them:

- ``schema``: the set format as a JSON Schema, and its validator over YAML nodes;
- ``yamlnodes``: safe YAML composition, located problems, typed node accessors;
- ``load``: finding a set (a shipped name or a path), reading and parsing it;
- ``builder``: groups, indicators, scales and bands, checked beyond the schema;
- ``rulebuilder``: evidence rules, checked against the workbook contract;
- ``tailoring``: a set that ``extends`` another and changes only what it names.
"""
