"""Compare ways of validating each municipality: cost per document and whether reports agree.

Variants, each on the same generated municipalities:

- ``all-types``: the context of :func:`muniorg.validation.run.validate_documents` today (the types
  of every document of the run);
- ``mentioned-types``: the context of :func:`muniorg.validation.run.document_contexts`;
- ``mentioned-types, no KnownCode``: as above, with the shapes graph without
  ``mosh:KnownCode`` (the controlled lists are checked in Python; see docs/performance-history.md, "Before issue #11").

Usage::

    .venv/bin/python -m benchmarks.validation_variants --limit 8
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

import muniorg.validation.run as validation
from benchmarks.generate_corpus import write_corpus
from benchmarks.registries import nordic_seeds
from muniorg.authoring.load import load_paths
from muniorg.core.namespaces import MUNIORG_SHAPES
from muniorg.validation.results import ValidationReport
from muniorg.validation.run import document_contexts


def all_types(graphs):  # the context validation used before per-document contexts (baseline)
    from rdflib import Graph
    from rdflib.namespace import RDF

    types = Graph()
    for graph in graphs:
        types += graph.triples((None, RDF.type, None))
    return types


def shapes_without(shape_name: str) -> Graph:
    """The bundled shapes without node shape ``shape_name`` and its SPARQL constraints."""
    full = validation.shapes_graph()
    shape = MUNIORG_SHAPES[shape_name]
    dropped = {shape, *full.objects(shape, SH.sparql)}
    graph = Graph()
    for prefix, namespace in full.namespaces():
        graph.bind(prefix, namespace)
    for triple in full:
        if triple[0] not in dropped:
            graph.add(triple)
    return graph


def compare(limit: int) -> list[tuple[str, float, bool]]:
    """(variant, seconds per document, same report as ``mentioned-types``) for each variant."""
    seeds = nordic_seeds()
    seeds = seeds[:: max(1, len(seeds) // limit)][:limit]
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), seeds=seeds)
        documents = load_paths([Path(folder)]).documents
    graphs = [d.graph() for d in documents]
    mentioned = document_contexts(graphs)
    everything = all_types(graphs)
    validation.shapes_graph()

    def timed(contexts: Sequence[Graph]) -> tuple[float, ValidationReport]:
        started = time.perf_counter()
        report = ValidationReport.merge(
            validation.validate_graph(g, d, c)
            for g, d, c in zip(graphs, documents, contexts, strict=True)
        )
        return (time.perf_counter() - started) / len(documents), report

    reference_seconds, reference = timed(mentioned)
    rows = [("mentioned-types", reference_seconds, True)]
    seconds, report = timed([everything] * len(graphs))
    rows.append(("all-types", seconds, report == reference))
    original: Callable[[], Graph] = validation.shapes_graph
    lighter = shapes_without("KnownCode")
    validation.shapes_graph = lambda: lighter  # type: ignore[assignment]
    try:
        seconds, report = timed(mentioned)
    finally:
        validation.shapes_graph = original  # type: ignore[assignment]
    rows.append(("mentioned-types, no KnownCode", seconds, report == reference))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=8, help="municipalities")
    args = parser.parse_args(argv)
    print(f"| variant ({args.limit} municipalities) | s per municipality | same report |")
    print("|---|---:|---|")
    for name, seconds, same in compare(args.limit):
        print(f"| {name} | {seconds:.3f} | {same} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
