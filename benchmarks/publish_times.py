"""Time what a build unit does after validation, in milliseconds of CPU per document.

Usage::

    .venv/bin/python -m benchmarks.publish_times /tmp/corpus [--limit 100] [--repeat 3]

``benchmarks.stage_times`` times the general functions (:func:`muniorg.rdf.privacy.redact_graph`,
:func:`muniorg.rdf.graph.from_graph`, :func:`muniorg.formats.rdf.serialize`); a build calls
:func:`muniorg.publish.render.publication` and :func:`muniorg.publish.render.render_document`,
which take quicker ways where they can prove the same result. Stages: ``publication`` (the
privacy rule and the read-back model), ``read-back`` (:func:`muniorg.rdf.graph.read_back`
alone), ``render`` (:func:`~muniorg.publish.render.render_document`: JSON-LD, Turtle,
N-Triples and the flat objects), ``rdf-text`` (:func:`muniorg.formats.rdf.turtle_and_ntriples`
alone). The best of ``--repeat`` runs is reported, the setup left out of the collector's passes
as in ``stage_times``.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.stage_times import _best
from muniorg.authoring.load import iter_yaml_files, load_paths
from muniorg.formats.rdf import turtle_and_ntriples
from muniorg.model.walk import canonical
from muniorg.publish.render import publication, render_document
from muniorg.rdf.graph import read_back, to_graph
from muniorg.rdf.privacy import hidden_people

STAGES = ("publication", "read-back", "render", "rdf-text")


def publish_times(folder: Path, limit: int, repeat: int) -> dict[str, float]:
    """Milliseconds per document of every stage, on the first ``limit`` files of ``folder``."""
    paths = list(iter_yaml_files([folder]))[:limit]
    roots = [canonical(d.root) for d in load_paths(paths).documents]
    graphs = [to_graph(r) for r in roots]
    hidden = hidden_people(roots)
    published = [
        unit
        for r, g in zip(roots, graphs, strict=True)
        for unit in publication([r], [g], hidden=hidden)
    ]
    gc.collect()
    gc.freeze()
    runs: dict[str, Callable[[], object]] = {
        "publication": lambda: [
            publication([r], [g], hidden=hidden) for r, g in zip(roots, graphs, strict=True)
        ],
        "read-back": lambda: [read_back(g, r) for r, g in zip(roots, graphs, strict=True)],
        "render": lambda: [render_document(unit) for unit in published],
        "rdf-text": lambda: [turtle_and_ntriples(unit.graph) for unit in published],
    }
    return {name: 1000 * _best(run, repeat) / len(paths) for name, run in runs.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    times = publish_times(args.folder, args.limit, args.repeat)
    rows = [f"| {name} | {times[name]:.1f} |" for name in STAGES]
    print("\n".join(["| stage | ms per document |", "|---|---:|", *rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
