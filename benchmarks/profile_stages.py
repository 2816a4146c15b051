"""Profile one stage with cProfile on a generated corpus and print the top functions.

Usage::

    .venv/bin/python -m benchmarks.profile_stages load --limit 30
    .venv/bin/python -m benchmarks.profile_stages validate --limit 10
    .venv/bin/python -m benchmarks.profile_stages turtle --limit 100

Stages: ``load`` (YAML to model), ``graph`` (model to rdflib), ``validate`` (per document, with
the context of :func:`muniorg.validation.run.document_contexts`), ``turtle`` and ``ntriples``
(per-document writing). The corpus is ``--limit`` municipalities spread over the countries.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.generate_corpus import write_corpus
from benchmarks.registries import nordic_seeds
from muniorg.authoring.load import load_paths
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import serialize
from muniorg.validation.run import document_contexts, shapes_graph, validate_graph

STAGES = ("load", "graph", "validate", "turtle", "ntriples")


def profile(stage: str, corpus: Path, top: int = 30) -> pstats.Stats:
    """Run ``stage`` on ``corpus`` under cProfile; the statistics, sorted by cumulative time."""
    profiler = cProfile.Profile()
    if stage == "load":
        profiler.runcall(load_paths, [corpus])
    else:
        documents = load_paths([corpus]).documents
        if stage == "graph":
            profiler.runcall(lambda: [d.graph() for d in documents])
        else:
            graphs = [d.graph() for d in documents]
            if stage == "validate":
                contexts = document_contexts(graphs)
                shapes_graph()  # parsed once per process: not what is profiled

                def validate_all() -> None:
                    for d, g, c in zip(documents, graphs, contexts, strict=True):
                        validate_graph(g, d, c)

                profiler.runcall(validate_all)
            else:
                fmt = RdfFormat.TURTLE if stage == "turtle" else RdfFormat.NTRIPLES
                profiler.runcall(lambda: [serialize(g, fmt) for g in graphs])
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(top)
    return stats


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    seeds = nordic_seeds()
    seeds = seeds[:: max(1, len(seeds) // args.limit)][: args.limit]
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), seeds=seeds)
        profile(args.stage, Path(folder), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
