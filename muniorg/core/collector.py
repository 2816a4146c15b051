"""When CPython's cyclic garbage collector runs: paused while a reader makes objects that live
on (:func:`paused`), less often while a unit of the build is made (:func:`fewer_collections`),
and for the command line (:func:`long_lived`, :func:`collect_less_often`).

A reader such as the YAML loader makes thousands of objects per file (a node and a position
for every key and value, the model's objects) that all outlive the call. With the collector at
its default (a pass every 700 new objects), a process that keeps what it read (``load_paths``,
``muniorg validate``, a benchmark) walks the objects of earlier files again and again: reading a
generated municipality took 2-3 times as long as with the collector paused. Paused, the
objects are made without a pass, and the next pass after the reader sees them once. Nothing is
leaked: the collector is only paused, cycles made meanwhile (an exception's traceback) are
freed by the next pass.

A one-file ``muniorg validate`` makes some hundred thousand objects (the modules it imports, the
shapes, the document's model and graph) that nearly all live until the process ends; the
collector, run every 700 new objects by default, walked them over a hundred times, about a tenth
of the command's time. :func:`long_lived` pauses it while objects that live as long as the
process are made (importing the command line) and freezes them (:func:`gc.freeze`: later
collections leave them out); :func:`collect_less_often` lets the console script's command make
more objects between collections. The collector still runs: cycles are freed, less often.

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


#: The allocations between two collections of the youngest generation while a unit is built
#: (CPython's default: 700). Building a unit makes and drops millions of small objects (terms,
#: model objects, events) that hold no cycles; at the default a collection ran every few hundred
#: of them, and the older generations' collections walked the shapes and modules a build holds:
#: about a tenth of a unit's CPU time. Restored when the unit is built.
UNIT_GC_THRESHOLD = 100_000


@contextmanager
def fewer_collections(threshold: int = UNIT_GC_THRESHOLD) -> Iterator[None]:
    """Run the ``with`` block with the cyclic collector's first threshold at least
    ``threshold``; the thresholds as they were afterwards.

    >>> before = gc.get_threshold()
    >>> with fewer_collections(20_000):
    ...     gc.get_threshold()[0]
    20000
    >>> gc.get_threshold() == before
    True
    """
    old = gc.get_threshold()
    if old[0] >= threshold:
        yield
        return
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


#: New objects between two collections of the youngest generation while a command works
#: (CPython's default is 700): a one-file validation then needs none.
COMMAND_THRESHOLD = 50_000


@contextmanager
def long_lived() -> Iterator[None]:
    """Make objects that live as long as the process: no collection meanwhile, and the objects
    that exist at the end are frozen (left out of every later collection).

    >>> with long_lived():
    ...     gc.isenabled()
    False
    """
    with paused():
        try:
            yield
        finally:
            gc.freeze()


def collect_less_often(threshold: int = COMMAND_THRESHOLD) -> None:
    """From now on, collect the youngest generation every ``threshold`` new objects (never
    more often than now), for the rest of the process: the console script's, which ends with
    the command. (Set back to the default while the process goes on, the first new object
    would start a collection of every object made since.)

    >>> before = gc.get_threshold()
    >>> collect_less_often(before[0] + 1)
    >>> gc.get_threshold()[0] == before[0] + 1
    True
    >>> gc.set_threshold(*before)
    """
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])


__all__ = [
    "COMMAND_THRESHOLD",
    "UNIT_GC_THRESHOLD",
    "collect_less_often",
    "fewer_collections",
    "long_lived",
    "paused",
]
