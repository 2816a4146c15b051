"""Time each per-document stage of a build, in milliseconds per document (no profiler).

Usage::

    .venv/bin/python -m benchmarks.generate_corpus /tmp/corpus --limit 200
    .venv/bin/python -m benchmarks.stage_times /tmp/corpus [--limit 50] [--repeat 3]

Stages: ``yaml`` (:func:`muniorg.formats.yaml.load_yaml`), ``load`` (authoring files to the model,
YAML included), ``graph`` (model to rdflib, :func:`muniorg.rdf.graph.to_graph`), ``validate``
(:func:`muniorg.validation.run.validate_graph` with the document's context), ``redact``
(:func:`muniorg.rdf.privacy.redact_graph`), ``read`` (:func:`muniorg.rdf.graph.from_graph` of the
redacted graph), ``jsonld`` (its JSON-LD text), ``turtle`` and ``ntriples``
(:func:`muniorg.formats.rdf.serialize`). Each stage runs over the first ``--limit`` files
``--repeat`` times; the best run's CPU time (of this process) is reported: on a shared machine
the wall time mostly measures the other processes. To compare with another checkout, run the
same command with ``PYTHONPATH`` set to that checkout (this file copied into it).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from muniorg.authoring.load import iter_yaml_files, load_paths
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize
from muniorg.formats.yaml import load_yaml
from muniorg.rdf.graph import from_graph
from muniorg.rdf.jsonld import to_jsonld
from muniorg.rdf.privacy import hidden_people, redact_graph
from muniorg.validation.run import compiled_shapes, document_contexts, validate_graph

STAGES = ("yaml", "load", "graph", "validate", "redact", "read", "jsonld", "turtle", "ntriples")


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def stage_times(folder: Path, limit: int, repeat: int) -> dict[str, float]:
    """Milliseconds per document of every stage, on the first ``limit`` files of ``folder``."""
    paths = list(iter_yaml_files([folder]))[:limit]
    documents = load_paths(paths).documents
    graphs = [d.graph() for d in documents]
    contexts = document_contexts(graphs)
    hidden = hidden_people(d.root for d in documents)
    redacted = [redact_graph(g, hidden=hidden) for g in graphs]
    public = [
        from_graph(g, d.root.id or "", type(d.root))
        for d, g in zip(documents, redacted, strict=True)
    ]
    compiled_shapes()  # once per process: not a per-document cost
    # What the setup holds (every document's model and graphs) is left out of the garbage
    # collector's passes, as if each stage ran on its own: otherwise a stage that allocates much
    # (YAML, graphs) pays for walking the benchmark's own heap.
    gc.collect()
    gc.freeze()
    runs: dict[str, Callable[[], object]] = {
        "yaml": lambda: [load_yaml(p) for p in paths],
        "load": lambda: load_paths(paths),
        "graph": lambda: [d.graph() for d in documents],
        "validate": lambda: [
            validate_graph(g, d, c) for d, g, c in zip(documents, graphs, contexts, strict=True)
        ],
        "redact": lambda: [redact_graph(g, hidden=hidden) for g in graphs],
        "read": lambda: [
            from_graph(g, d.root.id or "", type(d.root))
            for d, g in zip(documents, redacted, strict=True)
        ],
        "jsonld": lambda: [dumps(to_jsonld(root)) for root in public],
        "turtle": lambda: [serialize(g, RdfFormat.TURTLE) for g in redacted],
        "ntriples": lambda: [serialize(g, RdfFormat.NTRIPLES) for g in redacted],
    }
    return {name: 1000 * _best(run, repeat) / len(paths) for name, run in runs.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    times = stage_times(args.folder, args.limit, args.repeat)
    print("| stage | ms per document |")
    print("|---|---:|")
    for name in STAGES:
        print(f"| {name} | {times[name]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
