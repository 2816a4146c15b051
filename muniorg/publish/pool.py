"""Validate and serialise many authoring documents on several processes.

Each municipality is an independent unit of work: it is validated on its own, in the context of
the ``rdf:type`` of the outside objects it refers to, and written on its own. This module runs
those units on a pool of processes and gives back the same results, in the same order, as a run
in one process:

- :func:`document_contexts` gives each document only the types of the nodes it mentions. The
  types of *every* object of the build make
  every object of the build a focus node of every document's validation: the cost of one
  document grows with the size of the build, the cost of the build with its square (measured:
  1.7 s for a document alone, 111 s in the context of 40 documents). Results about outside
  nodes are dropped anyway, and a shape can only reach the types of nodes the document mentions,
  so the report is the same.
- :func:`map_documents` is an ordered, chunked map over documents on a ``ProcessPoolExecutor``
  (fork where the platform has it: workers inherit the parsed shapes and the documents instead
  of receiving them pickled). ``jobs=1`` runs in this process.
- :func:`validate_documents_parallel` and :func:`render_documents_parallel` are the two uses.

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.authoring.load import load_paths
    >>> from muniorg.publish.pool import validate_documents_parallel
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> report = validate_documents_parallel(load_paths([folder]).documents, jobs=1)
    >>> report.conforms
    True
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from rdflib import Graph

from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize
from muniorg.rdf.document import SourceDocument
from muniorg.rdf.jsonld import to_jsonld
from muniorg.validation.results import ValidationReport
from muniorg.validation.run import _engine, compiled_shapes, document_contexts, validate_graph

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
) -> list[T]:
    """``[func(item) for item in items]`` on ``jobs`` processes, in the order of ``items``.

    ``func`` must be a module-level function and its results picklable. Items are handed out in
    chunks (default: about four per worker) so that a slow municipality does not hold up the
    others for long. With fork, workers inherit ``items`` (nothing is pickled on the way in).
    ``on_result(index, result)`` is called in this process, in input order, as results come in
    (for progress reports).

    >>> map_documents(abs, [-1, 2, -3], jobs=2)
    [1, 2, 3]
    """
    results: list[T] = []
    for result in _results(func, items, jobs, chunk_size):
        if on_result is not None:
            on_result(len(results), result)
        results.append(result)
    return results


def _results(
    func: Callable[[ItemT], T], items: Sequence[ItemT], jobs: int, chunk_size: int | None
) -> Iterator[T]:
    if jobs <= 1 or len(items) <= 1:
        yield from (func(item) for item in items)
        return
    jobs = min(jobs, len(items))
    chunk_size = chunk_size or max(1, len(items) // (jobs * 4))
    bounds = [(i, min(i + chunk_size, len(items))) for i in range(0, len(items), chunk_size)]
    if "fork" not in multiprocessing.get_all_start_methods():
        chunks = [(func, list(items[a:b])) for a, b in bounds]
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            for chunk_results in pool.map(_run_chunk, chunks):
                yield from chunk_results
        return
    global _WORK
    # Parse and compile the shapes once, here: forked workers inherit them with the items.
    compiled_shapes()
    _WORK = (func, items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            for chunk_results in pool.map(_run_forked_chunk, bounds):
                yield from chunk_results
    finally:
        _WORK = None


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the process that started the pool ends, however it ends.

    A build killed with SIGTERM or SIGKILL cannot shut its pool down, and orphaned workers
    would go on validating for minutes. On Linux the kernel sends the worker SIGKILL when its
    parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread checks every second
    whether the parent is gone (the worker is then re-parented, so ``getppid()`` changes).
    """
    if sys.platform.startswith("linux"):
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


# -- the two uses -------------------------------------------------------------------------------


def validate_unit(unit: tuple[SourceDocument, Graph, Graph, str]) -> ValidationReport:
    """Validate one (document, its graph, its context, engine): the unit of work of
    :func:`validate_documents_parallel`."""
    document, graph, context, engine = unit
    return validate_graph(graph, document, context, engine)


def validate_documents_parallel(
    documents: Sequence[SourceDocument],
    jobs: int = 1,
    *,
    graphs: Sequence[Graph] | None = None,
    chunk_size: int | None = None,
    progress: Callable[[int, int, SourceDocument], None] | None = None,
    engine: str | None = None,
) -> ValidationReport:
    """Validate each document on its own, on ``jobs`` processes, and merge the reports.

    ``engine`` names the validation engine (see :func:`muniorg.validation.run.validate_graph`);
    by default muniorg's own.

    ``graphs`` are the documents' graphs when the caller has them already; ``progress`` is
    called with (number done, number in all, document) as in :func:`muniorg.publish.build.build`. The
    report equals :func:`muniorg.validation.run.validate_documents`'s, for any ``jobs``.
    """
    graphs = list(graphs) if graphs is not None else [d.graph() for d in documents]
    engines = [_engine(engine)] * len(graphs)
    units = list(zip(documents, graphs, document_contexts(graphs), engines, strict=True))

    def report_progress(index: int, _: ValidationReport) -> None:
        if progress is not None:
            progress(index + 1, len(units), documents[index])

    reports = map_documents(
        validate_unit, units, jobs, chunk_size=chunk_size, on_result=report_progress
    )
    return ValidationReport.merge(reports)


@dataclass(frozen=True)
class RenderedDocument:
    """The published texts of one document."""

    local_id: str
    jsonld: str
    turtle: str
    ntriples: str
    triples: int


def render_document(unit: tuple[SourceDocument, Graph]) -> RenderedDocument:
    """JSON-LD, Turtle and N-Triples of one (document, its graph)."""
    document, graph = unit
    return RenderedDocument(
        local_id=document.local_id,
        jsonld=dumps(to_jsonld(document.root)),
        turtle=serialize(graph, RdfFormat.TURTLE),
        ntriples=serialize(graph, RdfFormat.NTRIPLES),
        triples=len(graph),
    )


def render_documents_parallel(
    documents: Sequence[SourceDocument],
    jobs: int = 1,
    *,
    graphs: Sequence[Graph] | None = None,
    chunk_size: int | None = None,
) -> list[RenderedDocument]:
    """The published texts of every document, in document order, on ``jobs`` processes.

    ``graphs`` are the documents' graphs when the caller has them already (a build does).
    """
    graphs = list(graphs) if graphs is not None else [d.graph() for d in documents]
    units = list(zip(documents, graphs, strict=True))
    return map_documents(render_document, units, jobs, chunk_size=chunk_size)
