"""Scoring: pure computation from an indicator set and an inventory to results.

Modules, in the order data flows through them:

- ``rules``: evaluating evidence rules against the registers;
- ``levels``: indicator levels, group and index scores, predikat;
- ``analysis``: targets, gaps, marginal gains, priorities, completeness;
- ``rollup``: many units of one instance side by side.
"""
