"""Outputs of ``smartserang score``: JSON data, view models, charts and rendered reports.

Modules, in the order data flows through them:

- ``json_data``: the documented JSON built from scored results;
- ``words``: every fixed word of the report templates, in both languages;
- ``view`` and ``build``: the report's view model, and building it from a result;
- ``rollupview``: the roll-up's view model;
- ``charts``: the inline SVG charts;
- ``render``: Markdown and HTML through the Jinja templates in ``templates/``.
"""
