"""Inventory workbooks: from a file on disk to a typed ``model.Inventory``.

Modules, in the order a workbook passes through them:

- ``contract``: the workbook contract as data (sheets, columns, vocabularies);
- ``names``: how names are compared (case, spaces, Unicode forms, invisible characters);
- ``synonyms``: the other names offices give the contract's sheets and columns;
- ``limits``: how large a workbook may be, and ``--limit``;
- ``filetype``: what the file is, by its content (a zip, an OLE file, text), and the
  reader of its real format;
- ``ole``: the streams of an OLE compound file (an .xls, an encrypted workbook);
- ``biff``: each sheet's area in an .xls, from its records;
- ``package``: the zip's directory and parts checked before anything reads them, and
  the counts its parts give;
- ``scan``: each worksheet part's filled area and error cells (.xlsx);
- ``odsscan``: each table's area in an OpenDocument spreadsheet (.ods);
- ``reader``: opening the workbook, reading its sheets (the large registers in
  processes of their own) and each register's table;
- ``register``: a register sheet's table read, laid out as the eye sees it, and typed;
- ``apart``: a large OpenDocument spreadsheet laid out and typed in processes of their
  own;
- ``sheets``: which sheet is which of the contract ("Aplikasi 2025" is Aplikasi);
- ``table``: where a register's table is on its sheet (title rows, the header, totals
  rows, notes below) and its merged cells;
- ``located``: where a sheet's problems are, and those found so far;
- ``headers``: a header row or the Profil labels matched to the contract's columns;
- ``profile``: the Profil sheet;
- ``columns``: a register's columns taken from the rows and typed;
- ``cells``: typing one cell by its column's type, as offices type values;
- ``numbers``: numbers typed as text (thousands, the decimal comma, rupiah);
- ``dates``: dates typed as text (day first, months by name);
- ``levels``: levels typed as text (``Tingkat 3``, ``III``, ``3 (Terdefinisi)``).
"""
