"""Pausing Python's cycle collector around work that makes millions of acyclic objects.

Reading a 100k-row register and scoring it allocate millions of lists, tuples and sets,
none of them in a reference cycle. With the collector running, every so many
allocations it rescans everything alive, and the collections of the oldest generation
grow with the heap: measured at 100k rows, they took half the time of reading and more
than half the time of scoring. Nothing these phases make needs the collector: plain
reference counting frees it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cycle collector for the block; nested pauses resume at the outermost.

    Once resumed, the collector would still scan every object made in the block once,
    as the youngest objects (a quarter of a second at 100k rows): they are moved to the
    oldest generation instead, by freezing and unfreezing every object, unless objects
    were frozen before (then the new ones stay frozen with them).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            frozen_before = gc.get_freeze_count()
            gc.freeze()
            if not frozen_before:
                gc.unfreeze()
            gc.enable()
