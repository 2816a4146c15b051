"""How often CPython's cyclic garbage collector runs while a command works.

A one-file ``muniorg validate`` makes some hundred thousand objects (the modules it imports, the
shapes, the document's model and graph) that nearly all live until the process ends; the
collector, run every 700 new objects by default, walked them over a hundred times, about a tenth
of the command's time. :func:`long_lived` pauses it while objects that live as long as the
process are made (importing the command line) and freezes them (:func:`gc.freeze`: later
collections leave them out); :func:`collect_less_often` lets the console script's command make
more objects between collections. The collector still runs: cycles are freed, less often.

Example:
    >>> with long_lived():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from muniorg.core.collector import paused

#: New objects between two collections of the youngest generation while a command works
#: (CPython's default is 700): a one-file validation then needs none.
COMMAND_THRESHOLD = 50_000


@contextmanager
def long_lived() -> Iterator[None]:
    """Make objects that live as long as the process: no collection meanwhile, and the objects
    that exist at the end are frozen (left out of every later collection)."""
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


__all__ = ["COMMAND_THRESHOLD", "collect_less_often", "long_lived"]
