"""Writing workbooks: blank templates and CSV imports.

- ``safe_text``: text written into cells or CSV files, safe from formula injection;
- ``template``: ``smartserang template``, a blank workbook that follows the contract;
- ``csvimport``: ``smartserang import``, CSV rows appended to a register.
"""
