"""Time stock pySHACL on a published data set with the published shapes (issue #11 target).

The target: stock pySHACL (``advanced=True, inference="none"``) on the whole published data set
with the published shapes takes at most twice the time of the same run with the SPARQL-based
shapes removed. Each run here loads the data set (``muniorg-dataset.ttl`` of a build) together
with ``ontology/vocabularies.ttl`` as data, as a consumer would, and times ``pyshacl.validate``
with these shape sets:

- ``core``: ``ontology/shapes.ttl`` without its SPARQL-based node shapes (the reference);
- ``published``: ``ontology/shapes.ttl`` as published;
- ``published+sparql``: ``shapes.ttl`` and ``ontology/shapes-sparql.ttl`` together;
- ``before`` (with ``--before FILE``): an older shapes file, e.g. ``git show 5a222a8:ontology/shapes.ttl``.

pySHACL is not patched in any way (muniorg's SPARQL parse cache is not installed), so the times
are what any user of stock pySHACL gets.

Usage::

    .venv/bin/python -m benchmarks.stock_pyshacl DIST [DIST ...] [--before OLD_SHAPES.ttl]
        [--out benchmarks/results/FILE.md] [--skip-slow SECONDS]

Example:
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(SHAPES_FILE)
    >>> len(sparql_shapes(shapes)), len(sparql_shapes(without_sparql(shapes)))
    (1, 0)
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import SH
from rdflib.term import Node

from muniorg.core.resources import SHAPES_FILE, VOCABULARIES_FILE

SPARQL_SHAPES_FILE = SHAPES_FILE.with_name("shapes-sparql.ttl")


def sparql_shapes(shapes: Graph) -> set[Node]:
    """The shapes with a SHACL-SPARQL constraint."""
    return set(shapes.subjects(SH.sparql, None))


def without_sparql(shapes: Graph) -> Graph:
    """A copy of ``shapes`` without its SPARQL-based shapes (their triples and constraints)."""
    copy = Graph()
    copy += shapes
    for shape in sparql_shapes(shapes):
        for constraint in list(copy.objects(shape, SH.sparql)):
            copy.remove((constraint, None, None))
        copy.remove((shape, None, None))
    return copy


def timed_validation(data: Graph, shapes: Graph) -> tuple[float, int]:
    """Seconds of one stock pySHACL run, and the number of results it reported."""
    start = time.perf_counter()
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    seconds = time.perf_counter() - start
    assert isinstance(report, Graph)
    return seconds, len(set(report.subjects(SH.focusNode, None)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dists", type=Path, nargs="+", help="build output folders")
    parser.add_argument("--before", type=Path, help="an older shapes.ttl to time as well")
    parser.add_argument("--out", type=Path, help="append the table to this Markdown file")
    args = parser.parse_args(argv)
    published = Graph().parse(SHAPES_FILE)
    sets = {
        "core": without_sparql(published),
        "published": published,
        "published+sparql": published + Graph().parse(SPARQL_SHAPES_FILE),
    }
    if args.before:
        sets["before"] = Graph().parse(args.before)
        sets["before-core"] = without_sparql(sets["before"])
    vocabularies = Graph().parse(VOCABULARIES_FILE)
    rows = [
        f"Stock pySHACL {pyshacl.__version__} (advanced=True, inference='none'), "
        f"Python {platform.python_version()}, {platform.machine()}; seconds per run.",
        "",
        "| data set | triples | " + " | ".join(sets) + " | published / core | +sparql / core |",
        "|---" * (len(sets) + 4) + "|",
    ]
    for dist in args.dists:
        data = Graph().parse(dist / "muniorg-dataset.ttl") + vocabularies
        times = {}
        for name, shapes in sets.items():
            times[name], _ = timed_validation(data, shapes)
            print(f"{dist}: {name} {times[name]:.2f} s", file=sys.stderr, flush=True)
        rows.append(
            f"| {dist.name} | {len(data)} | "
            + " | ".join(f"{times[n]:.2f}" for n in sets)
            + f" | {times['published'] / times['core']:.2f}"
            + f" | {times['published+sparql'] / times['core']:.2f} |"
        )
    table = "\n".join(rows) + "\n"
    print(table)
    if args.out:
        with args.out.open("a", encoding="utf-8") as out:
            out.write(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
