"""Pausing CPython's cyclic garbage collector while a reader makes objects that live on.

A reader such as the YAML loader makes thousands of objects per file (a node and a position
for every key and value, the model's objects) that all outlive the call. With the collector at
its default (a pass every 700 new objects), a process that keeps what it read (``load_paths``,
``muniorg validate``, a benchmark) walks the objects of earlier files again and again: reading a
generated municipality took 2-3 times as long as with the collector paused. Paused, the
objects are made without a pass, and the next pass after the reader sees them once. Nothing is
leaked: the collector is only paused, cycles made meanwhile (an exception's traceback) are
freed by the next pass.

Example:
    >>> with paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection while the block runs; the collector is enabled again afterwards if it
    was before (nested pauses, and a process that disabled it, keep it as they want it)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


__all__ = ["paused"]
