"""Allocators that give memory back: a million rows pass through many short-lived arrays.

Each step of a big run (reading, resolving, checking, scoring) builds arrays of a million
values and drops them.  By default neither allocator returns that memory: glibc raises
its mmap threshold after the first big free and keeps later arrays on a heap it cannot
shrink, and pyarrow's mimalloc pool (which pandas' text columns use) keeps what it
freed.  Both together held some 60 MB more at the peak of `cds score` on a million rows
than the data needed.  Big arrays are therefore always mapped (and unmapped when
freed), and pyarrow allocates with the system allocator, unless the user chose a pool
with ARROW_DEFAULT_MEMORY_POOL.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys

_M_MMAP_THRESHOLD = -3  # mallopt parameter (glibc)
# Arrays from 8 MB up (a million floats) get pages of their own.  At 1 MB every column of
# codes and every mask of a million rows was mapped, faulted in page by page and unmapped
# again: 0.15 s of CPU at a million rows and 0.55 s at two million, for 7 and 15 MB less
# at the peak (measured beside each other, issue 17).
MMAP_THRESHOLD = 8 << 20

# Keys of a million rows (an agency × indicator pair, with a quarter) are grouped or
# counted in an array of one slot per possible key up to this many slots, or four per
# row when there are more rows: 32 MB at most.  Beyond, they are sorted or hashed.
DENSE_CELLS = 1 << 22


@functools.cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:  # glibc's name; find_library would run ldconfig to learn it
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def give_back() -> None:
    """Return the free memory of every heap to the system, between the big steps of a run.

    Arrays under the mmap threshold, and whatever pyarrow's reading threads allocated,
    stay on glibc's heaps (one per thread) when freed; the next step's arrays do not
    always fit in those holes.  Trimming costs a few milliseconds and took 15–20 MB off
    the peak of `cds score` on a million rows (issue 17)."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):  # not glibc
            libc.malloc_trim(0)


@functools.cache
def lean_allocators() -> None:
    """Set both allocators once per process (a no-op where they are not there)."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):  # not glibc (musl has no mallopt)
            libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        try:
            import pyarrow

            pyarrow.set_memory_pool(pyarrow.system_memory_pool())
        except ImportError:
            pass
