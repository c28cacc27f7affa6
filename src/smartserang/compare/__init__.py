"""The year-over-year comparison of two assessments (behind ``smartserang diff``).

The comparison is pure: no I/O and no third-party import; the CLI reads the files and
prints. The modules, in the order data flows through them:

- ``snapshots``: what a scored set is reduced to for comparing, and one ``Side``;
- ``documents``: a ``score --format json`` document read back into a ``Side``;
- ``registers``: the register diff of two inventories (rows matched by label);
- ``shifts``: the result types (what moved, its causes, the ``Diff``);
- ``rulereads``: the columns and Profil fields an evidence rule reads;
- ``causes``: the claims, register rows and Profil fields behind each moved level;
- ``comparison``: ``compare`` itself;

and its outputs (imported only by who renders them):

- ``words``: every fixed word of the diff's outputs, in both languages;
- ``cells``: cell values in the contract's words (a column's header, a vocabulary term);
- ``view``: the view model, a ``Diff`` as ready-made strings;
- ``data``: the documented JSON (docs/diff.md);
- ``render``: the reporters: JSON, and Markdown and HTML through the report's templates.

Everything of the comparison used outside the package is re-exported here; import it
from ``smartserang.compare``.
"""

from smartserang.compare.causes import Workbooks
from smartserang.compare.comparison import compare, compare_snapshots
from smartserang.compare.documents import parse_result_document
from smartserang.compare.registers import (
    CellChange,
    Change,
    InventoryDiff,
    Presence,
    RegisterDiff,
    RowChange,
    diff_inventories,
    diff_profiles,
    diff_register,
    match_rows,
)
from smartserang.compare.shifts import (
    Cause,
    Diff,
    GroupShift,
    IndexShift,
    IndicatorShift,
    LevelShift,
    SetDiff,
    Shift,
    Via,
)
from smartserang.compare.snapshots import (
    GroupScores,
    IndicatorLevels,
    Kind,
    Side,
    Snapshot,
    snapshot_of,
    workbook_side,
)

__all__ = [
    "Cause",
    "CellChange",
    "Change",
    "Diff",
    "GroupScores",
    "GroupShift",
    "IndexShift",
    "IndicatorLevels",
    "IndicatorShift",
    "InventoryDiff",
    "Kind",
    "LevelShift",
    "Presence",
    "RegisterDiff",
    "RowChange",
    "SetDiff",
    "Shift",
    "Side",
    "Snapshot",
    "Via",
    "Workbooks",
    "compare",
    "compare_snapshots",
    "diff_inventories",
    "diff_profiles",
    "diff_register",
    "match_rows",
    "parse_result_document",
    "snapshot_of",
    "workbook_side",
]
