"""Inventory workbooks: from a file on disk to a typed ``model.Inventory``.

Modules, in the order a workbook passes through them:

- ``contract``: the workbook contract as data (sheets, columns, vocabularies);
- ``limits``: how large a workbook may be, and ``--limit``;
- ``scan``: checks on the zip and its sheet parts made before python-calamine reads them;
- ``reader``: opening the workbook, matching sheets and headers, reading the registers;
- ``cells``: typing each cell by its column's type.
"""
