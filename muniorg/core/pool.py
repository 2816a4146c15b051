"""Run one function over many items on several processes, in input order.

The unit of work of muniorg is a document (an authoring file): it is validated and written on
its own. :func:`map_documents` is an ordered, chunked map over such units on a
``ProcessPoolExecutor`` (fork where the platform has it: workers inherit the items, and what a
``prepare`` hook has loaded, instead of receiving them pickled). ``jobs=1`` runs in this process.
A worker ends when the process that started the pool ends, however that ends. The pool knows
nothing of muniorg's data: validation (:func:`muniorg.validation.run.validate_documents`) and
the build (:func:`muniorg.publish.units.build_unit`, one file a unit) are its users.

Example:
    >>> map_documents(len, ["a", "bb", "ccc"], jobs=2)
    [1, 2, 3]
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from muniorg.core.arguments import jobs_argument
from muniorg.core.errors import WorkerLost

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

# multiprocessing, concurrent.futures, ctypes, signal and threading are imported where a pool
# starts: jobs=1 (a one-file 'muniorg validate') does not pay for them.

T = TypeVar("T")
ItemT = TypeVar("ItemT")

#: What the workers of the running pool work on, set before the pool forks (see _results); one pool at a time.
_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def default_jobs() -> int:
    """The number of CPUs this process may use (``os.sched_getaffinity`` where available)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def map_documents(
    func: Callable[[ItemT], T],
    items: Sequence[ItemT],
    jobs: int = 1,
    *,
    chunk_size: int | None = None,
    on_result: Callable[[int, T], None] | None = None,
    prepare: Callable[[], object] | None = None,
) -> list[T]:
    """``[func(item) for item in items]`` on ``jobs`` processes, in the order of ``items``.

    ``func`` must be a module-level function and its results picklable. Items are handed out in
    chunks (:func:`chunk_bounds`: by default smaller and smaller ones) so that a slow
    municipality does not hold up the others for long. With fork, workers inherit ``items``
    (nothing is pickled on the way in). ``on_result(index, result)`` is called in this
    process, in input order, as results come in (for progress reports). ``prepare()`` is
    called once in this process before the workers are forked, so that what it loads and
    caches (the compiled shapes, say) is inherited by every worker instead of being loaded in
    each.

    >>> map_documents(abs, [-1, 2, -3], jobs=2)
    [1, 2, 3]

    :raises UsageError: when ``jobs`` is no whole number (1 or less: one process, this one).
    """
    jobs = jobs_argument(jobs)
    results: list[T] = []
    for result in _results(func, items, jobs, chunk_size, prepare):
        if on_result is not None:
            on_result(len(results), result)
        results.append(result)
    return results


def _results(
    func: Callable[[ItemT], T],
    items: Sequence[ItemT],
    jobs: int,
    chunk_size: int | None,
    prepare: Callable[[], object] | None,
) -> Iterator[T]:
    if jobs <= 1 or len(items) <= 1:
        yield from (func(item) for item in items)
        return
    from concurrent.futures import BrokenExecutor

    try:
        yield from _pooled(func, items, jobs, chunk_size, prepare)
    except BrokenExecutor:
        raise WorkerLost(
            "a worker process ended before it finished its files (killed, or out of memory?): "
            "nothing was written; run again, or with fewer jobs (-j)"
        ) from None


def chunk_bounds(count: int, jobs: int, chunk_size: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the chunks ``count`` items are handed out in: ``chunk_size``
    items each, or by default chunks that shrink as the work runs out (each a ``2 * jobs``-th
    of what is left, at least one item), so that the workers end together. With chunks of one
    size, the last one ran alone while the other workers waited: a tenth of a second of a
    build of 200 municipalities on two processes.

    >>> chunk_bounds(10, 2, chunk_size=4)
    [(0, 4), (4, 8), (8, 10)]
    >>> [end - start for start, end in chunk_bounds(205, 2)]
    [52, 39, 29, 22, 16, 12, 9, 7, 5, 4, 3, 2, 2, 1, 1, 1]
    """
    if chunk_size:
        return [(i, min(i + chunk_size, count)) for i in range(0, count, chunk_size)]
    bounds = []
    start = 0
    while start < count:
        size = max(1, -(-(count - start) // (2 * jobs)))  # rounded up
        bounds.append((start, start + size))
        start += size
    return bounds


def _pooled(
    func: Callable[[ItemT], T],
    items: Sequence[ItemT],
    jobs: int,
    chunk_size: int | None,
    prepare: Callable[[], object] | None,
) -> Iterator[T]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = min(jobs, len(items))
    bounds = chunk_bounds(len(items), jobs, chunk_size)
    if "fork" not in multiprocessing.get_all_start_methods():
        chunks = [(func, list(items[a:b])) for a, b in bounds]
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            for chunk_results in _started(pool, jobs, lambda: pool.map(_run_chunk, chunks)):
                yield from chunk_results
        return
    global _WORK
    if prepare is not None:  # loaded once, here: forked workers inherit it with the items
        prepare()
    _WORK = (func, items)
    try:
        context = _held_fork_context()
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            try:
                # inside: a Ctrl-C as a worker forks (SIGINT held, then acting) leaves those
                # forked before it, which a shutdown alone would leave waiting for work (and
                # multiprocessing's exit would join for ever)
                futures = _started(
                    pool, jobs, lambda: [pool.submit(_run_forked_chunk, b) for b in bounds]
                )
                for future in futures:
                    yield from future.result()
            except BaseException:
                # Ctrl-C (the workers end too) or an error: stop the workers without
                # cancelling what waits. Python 3.11's pool, seeing its workers gone, sets an
                # error on each waiting future, and one cancelled meanwhile (as pool.map's
                # iterator cancels them) made it print an InvalidStateError traceback.
                discard_pool(pool)
                raise
    finally:
        _WORK = None


def _started(pool: ProcessPoolExecutor, jobs: int, start: Callable[[], T]) -> T:
    """``start()``, which submits the pool's tasks and so starts its processes (a pool starts
    them on its first ``submit``, all at once with fork): when a process cannot be started
    (``os.fork`` failing with ``EAGAIN`` under a container's process limit, ``ENOMEM``), the
    processes already started are killed and the run stops with a
    :class:`~muniorg.core.errors.WorkerLost` saying so, instead of leaving them behind and
    raising a bare ``BlockingIOError``."""
    try:
        return start()
    except OSError as error:
        discard_pool(pool)
        raise WorkerLost(
            f"cannot start {jobs} worker processes ({error.strerror or error}): "
            "nothing was written; run with fewer jobs (-j 1)"
        ) from None


def discard_pool(pool: ProcessPoolExecutor) -> None:
    """Kill the processes ``pool`` has started, wait for them to end and shut it down, without
    running what was submitted: for a pool whose start failed part-way (a ``submit`` raising
    the ``OSError`` of a ``fork``), whose ``shutdown`` alone would leave the processes already
    started waiting for work for as long as this process lives.

    >>> from concurrent.futures import ProcessPoolExecutor
    >>> pool = ProcessPoolExecutor(1)
    >>> discard_pool(pool)
    >>> pool.submit(abs, -1)
    Traceback (most recent call last):
    RuntimeError: cannot schedule new futures after shutdown
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join()
    # A worker killed while it wrote its result leaves part of a message in the result pipe.
    # The pool's thread that reads results then waits for the rest, for ever: this process
    # holds the pipe's other end too. Closed, the read ends (EOFError, a broken pool), and
    # the shutdown below, which waits for that thread, returns.
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    # Not cancelled: the pool sets an error on every future that waits, as its workers are
    # gone (cancelling them raced with that, see _pooled).
    pool.shutdown(wait=True)


def forked_pool(workers: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes forked from this one (they inherit what it holds, and
    end when it ends, however it ends), for a few tasks that run beside this process's own
    work; ``None`` where the platform cannot fork (the caller then works here). The caller
    shuts it down.

    >>> pool = forked_pool(2)
    >>> pool is None or pool.submit(abs, -3).result() == 3
    True
    >>> pool is None or pool.shutdown() is None
    True
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_held_fork_context(),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


_HELD_FORK: BaseContext | None = None


def _held_fork_context() -> BaseContext:
    """multiprocessing's fork context, but SIGINT is held back from the thread that forks a
    worker while it forks (the worker inherits the mask): a Ctrl-C then waits in the worker
    until :func:`_die_with_parent` has given SIGINT its default action. Before that, a worker
    has this process's handler, which raised ``KeyboardInterrupt`` wherever the worker was (in
    fork's own hooks, say) and printed its traceback. A Ctrl-C that came meanwhile reaches
    this process once the worker is forked; the worker, which the pool has not yet recorded,
    is then killed."""
    global _HELD_FORK
    if _HELD_FORK is None:
        from multiprocessing.context import ForkContext, ForkProcess

        class HeldForkProcess(ForkProcess):
            def start(self) -> None:
                try:
                    with _sigint_held():
                        super().start()
                except BaseException:
                    if self.pid is not None:
                        self.kill()
                        self.join()
                    raise

        class HeldForkContext(ForkContext):
            Process = HeldForkProcess

        _HELD_FORK = HeldForkContext()
    return _HELD_FORK


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    import signal

    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a pending SIGINT acts here


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the process that started the pool ends, however it ends.

    A build killed with SIGTERM or SIGKILL cannot shut its pool down, and orphaned workers
    would go on validating for minutes. On Linux the kernel sends the worker SIGKILL when its
    parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread checks every second
    whether the parent is gone (the worker is then re-parented, so ``getppid()`` changes).

    Ctrl-C reaches every process of the terminal's group: the kernel ends a worker at once, as
    by default, and the process that started the pool reports the interrupt (the pool sees its
    workers gone). Not through an exception (the ``KeyboardInterrupt`` inherited by fork, or a
    handler's ``SystemExit``): one raised between the header and the body of a message that a
    worker was reading from the call queue all workers share left the body there, which
    another worker read as a header (``EOFError: Ran out of input``, with a traceback), and
    ``concurrent.futures`` catches one raised in a task as the task's error and keeps the
    worker reading. SIGTERM ends a worker as by default too, not through a handler it
    inherited by fork (a watch's, which turns SIGTERM into ``KeyboardInterrupt``).
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held while the worker was forked (_sigint_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc prctl: fall back to polling
            _watch_parent(parent)
    else:
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="muniorg-parent-watch", daemon=True).start()


def _run_forked_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _WORK is not None, "forked worker without work"
    func, items = _WORK
    return [func(item) for item in items[bounds[0] : bounds[1]]]


def _run_chunk(chunk: tuple[Callable[[Any], T], list[Any]]) -> list[T]:
    func, items = chunk
    return [func(item) for item in items]


__all__ = ["default_jobs", "discard_pool", "forked_pool", "map_documents"]
