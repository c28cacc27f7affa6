"""Scoring: pure computation from an indicator set and an inventory to results.

Modules, in the order data flows through them:

- ``conditions``: what each condition operator asks of a cell, what a blank cell says,
  and the plain engine answering conditions row by row (in three values);
- ``numbits``: sets of register rows as integers, for ``&`` and ``|`` in C;
- ``columns``: the column engine, answering conditions a whole column at a time (the
  one scoring uses, held equal to the plain engine by the tests);
- ``context``: what the rules of one inventory share: selections, evidence rows, work
  units;
- ``rules``: evaluating an evidence rule (a ladder or a measure) into a finding;
- ``quality``: what the rules could not read or count (blank fields, names outside a
  list), as warnings;
- ``levels``: indicator levels, group and index scores, predikat;
- ``analysis``: targets, gaps, marginal gains, priorities, completeness;
- ``rollup``: many units of one instance side by side.
"""
