"""The outputs: every format of ``score`` (a workbook or a folder's roll-up) behind one
reporter interface, which ``diff`` and ``check`` implement too.

Modules, in the order data flows through them:

- ``reporter``: the interface: a command's results as a subject (``Scores``,
  ``RollUps``), ``json_bytes``, and ``Detail``, how much of each indicator a document
  tells;
- ``formats``: the reporters of ``score`` (JSON, Markdown, HTML);
- ``json_data``: the documented JSON built from scored results;
- ``view`` and ``build``: the report's view model, and building it from a result;
- ``rollupview``: the roll-up's view model;
- ``textfit``: how wide a chart's text runs, and long labels wrapped to fit;
- ``charts``: the charts, laid out once as shapes;
- ``svg``: the same charts painted as inline SVG (for HTML);
- ``picture``: the same charts painted as PNG pictures (for Word);
- ``markdown``: data made literal in Markdown (the ``md`` filter, ``check``'s summary);
- ``render``: the one Jinja environment and its templates in ``templates/``;
- ``docx``, ``docx_sections``, ``docx_tables``: the report as a native Word document.
"""
