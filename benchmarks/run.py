"""Time every stage of muniorg on a generated national corpus; write the results to a file.

Stages: generate the corpus, load the YAML, build the graphs, validate (per municipality, in
one process and on ``--jobs`` processes, with :mod:`muniorg.core.pool`), write JSON-LD, Turtle
and N-Triples (rdflib, and pyoxigraph for comparison), and the whole :func:`muniorg.publish.build.build`
on the first ``--build-limit`` municipalities (it validates each one in the context of all the
others, which grows with the square of the build; see docs/performance-history.md, "Before
issue #11"). Peak memory is the process's maximum resident set size.

Results go to ``benchmarks/results/<date>-<label>.json`` and a Markdown summary beside it.

Usage::

    .venv/bin/python -m benchmarks.run --label baseline --limit 100
    .venv/bin/python -m benchmarks.run --corpus /tmp/corpus --label full   # every file there

Example (the stage timer)::

    >>> with Stage("nothing") as stage:
    ...     stage.items = 3
    >>> stage.result()["items"]
    3
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph
import rdflib

from benchmarks.generate_corpus import write_corpus
from benchmarks.registries import nordic_seeds
from muniorg.authoring.load import load_paths
from muniorg.core.pool import default_jobs
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize
from muniorg.publish.build import build
from muniorg.rdf.jsonld import to_jsonld
from muniorg.validation.results import ValidationReport
from muniorg.validation.run import document_contexts, validate_documents, validate_graph

RESULTS = Path(__file__).resolve().parent / "results"


class Stage:
    """Times a block; ``items`` and ``triples`` give the rates."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.items = 0
        self.triples = 0
        self.extra: dict[str, Any] = {}
        self.seconds = 0.0

    def __enter__(self) -> Stage:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {"stage": self.name, "seconds": round(self.seconds, 3)}
        if self.items:
            out["items"] = self.items
            out["ms_per_item"] = round(1000 * self.seconds / self.items, 2)
        if self.triples:
            out["triples"] = self.triples
            out["triples_per_s"] = round(self.triples / self.seconds) if self.seconds else None
        return {**out, **self.extra}


def all_types(graphs):  # the context validation used before per-document contexts (baseline)
    from rdflib import Graph
    from rdflib.namespace import RDF

    types = Graph()
    for graph in graphs:
        types += graph.triples((None, RDF.type, None))
    return types


def peak_rss_mb() -> float:
    """The maximum resident set size of this process so far, in MiB (Linux: kB units)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _oxigraph_ntriples(text: str) -> str:
    """Sorted N-Triples of Turtle/N-Triples ``text`` parsed and written by pyoxigraph."""
    quads = pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    lines = {f"{q.subject} {q.predicate} {q.object} .\n" for q in quads}
    return "".join(sorted(lines))


def run(
    corpus: Path,
    jobs: int,
    build_limit: int,
    baseline_limit: int,
    validate_limit: int | None = None,
) -> dict[str, Any]:
    """Every stage on the YAML files of ``corpus``; the results as a JSON-ready dict.

    Validation runs on the first ``validate_limit`` documents (all by default): at about a
    second per municipality and process it dominates a national run.
    """
    stages: list[dict[str, Any]] = []

    with Stage("load YAML") as stage:
        documents = load_paths([corpus]).documents
        stage.items = len(documents)
    stages.append(stage.result())

    with Stage("to_graph") as stage:
        graphs = [d.graph() for d in documents]
        stage.items = len(graphs)
        stage.triples = sum(len(g) for g in graphs)
    stages.append(stage.result())
    triples = stage.triples
    sizes = sorted(len(g) for g in graphs)

    with Stage("validation contexts (types of mentioned nodes)") as stage:
        contexts = document_contexts(graphs)
        stage.items = len(contexts)
    stages.append(stage.result())

    checked = len(documents) if validate_limit is None else min(validate_limit, len(documents))
    per_document = []
    with Stage(f"validate, 1 process ({checked} documents)") as stage:
        reports = []
        for document, graph, context in zip(
            documents[:checked], graphs[:checked], contexts[:checked], strict=True
        ):
            started = time.perf_counter()
            reports.append(validate_graph(graph, document, context))
            per_document.append(time.perf_counter() - started)
        report = ValidationReport.merge(reports)
        stage.items, stage.triples = checked, sum(len(g) for g in graphs[:checked])
        stage.extra = {
            "per_document_ms": {
                "median": round(1000 * statistics.median(per_document), 1),
                "p95": round(1000 * sorted(per_document)[int(0.95 * (len(per_document) - 1))], 1),
                "max": round(1000 * max(per_document), 1),
            },
            "results": {s.label: n for s, n in report.counts().items()},
        }
    stages.append(stage.result())
    one_process = stage.seconds

    if jobs > 1:
        with Stage(f"validate, {jobs} processes ({checked} documents)") as stage:
            parallel = validate_documents(documents[:checked], jobs=jobs, graphs=graphs[:checked])
            stage.items, stage.triples = checked, sum(len(g) for g in graphs[:checked])
        stage.extra = {
            "speed_up": round(one_process / stage.seconds, 2),
            "same_report": parallel == report,
        }
        stages.append(stage.result())

    if baseline_limit:
        # What validation did before document_contexts: every document in the context of
        # the types of all documents. Measured on a prefix: it grows with the square.
        subset = graphs[:baseline_limit]
        with Stage(f"validate with all types as context (first {len(subset)})") as stage:
            whole = all_types(subset)
            for document, graph in zip(documents, subset, strict=False):
                validate_graph(graph, document, whole)
            stage.items, stage.triples = len(subset), sum(len(g) for g in subset)
            stage.extra = {"context_triples": len(whole)}
        stages.append(stage.result())

    with Stage("write JSON-LD (per document)") as stage:
        size = sum(len(dumps(to_jsonld(d.root))) for d in documents)
        stage.items, stage.triples, stage.extra = len(documents), triples, {"chars": size}
    stages.append(stage.result())
    turtle_texts: list[str] = []
    with Stage("write Turtle, rdflib (per document)") as stage:
        turtle_texts = [serialize(g, RdfFormat.TURTLE) for g in graphs]
        stage.items, stage.triples = len(documents), triples
    stages.append(stage.result())
    with Stage("write N-Triples, rdflib, sorted (per document)") as stage:
        nt_texts = [serialize(g, RdfFormat.NTRIPLES) for g in graphs]
        stage.items, stage.triples = len(documents), triples
    stages.append(stage.result())
    with Stage("N-Triples via pyoxigraph, sorted (per document, from N-Triples text)") as stage:
        same = all(_oxigraph_ntriples(t) == t for t in nt_texts)
        stage.items, stage.triples, stage.extra = len(documents), triples, {"same_bytes": same}
    stages.append(stage.result())

    whole_graph = rdflib.Graph()
    with Stage("merge whole data set graph") as stage:
        for graph in graphs:
            whole_graph += graph
        stage.triples = len(whole_graph)
    stages.append(stage.result())
    with Stage("write whole data set, Turtle, rdflib") as stage:
        whole_turtle = serialize(whole_graph, RdfFormat.TURTLE)
        stage.triples, stage.extra = len(whole_graph), {"chars": len(whole_turtle)}
    stages.append(stage.result())
    with Stage("write whole data set, N-Triples, rdflib, sorted") as stage:
        whole_nt = serialize(whole_graph, RdfFormat.NTRIPLES)
        stage.triples = len(whole_graph)
    stages.append(stage.result())
    with Stage("parse whole N-Triples, pyoxigraph") as stage:
        parsed = sum(
            1 for _ in pyoxigraph.parse(whole_nt.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
        )
        stage.triples = parsed
    stages.append(stage.result())
    with Stage("parse whole N-Triples, rdflib") as stage:
        stage.triples = len(rdflib.Graph().parse(data=whole_nt, format="nt"))
    stages.append(stage.result())
    del whole_graph, whole_turtle, whole_nt, turtle_texts, nt_texts

    if build_limit:
        files = sorted(corpus.rglob("*.yaml"))[:build_limit]
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "src"
            source.mkdir()
            for path in files:
                (source / path.name).write_bytes(path.read_bytes())
            with Stage(f"muniorg.publish.build.build (first {len(files)} files)") as stage:
                result = build([source], Path(folder) / "out")
                stage.items, stage.triples = result.documents, result.triples
                stage.extra = {"published": result.published, "files": len(result.files)}
            stages.append(stage.result())

    return {
        "corpus": {
            "folder": str(corpus),
            "documents": len(documents),
            "triples": triples,
            "triples_per_document": {
                "min": sizes[0],
                "median": sizes[len(sizes) // 2],
                "max": sizes[-1],
            },
        },
        "stages": stages,
        "peak_rss_mb": peak_rss_mb(),
    }


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus_usable": default_jobs(),
        "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__,
        "pyshacl": _version("pyshacl"),
        # The CPUs may be shared: a load near the CPU count halves what a second process gains.
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def summary(data: dict[str, Any]) -> str:
    """A short Markdown table of the stages."""
    corpus = data["corpus"]
    lines = [
        f"# muniorg benchmark: {data['label']} ({data['date']})",
        "",
        f"{corpus['documents']} municipalities, {corpus['triples']} triples "
        f"(per municipality: {corpus['triples_per_document']}); "
        f"{data['machine']['cpus_usable']} CPUs, Python {data['machine']['python']}, "
        f"peak RSS {data['peak_rss_mb']} MiB.",
        "",
        "| stage | seconds | ms per municipality | triples/s | notes |",
        "|---|---:|---:|---:|---|",
    ]
    for stage in data["stages"]:
        notes = {
            k: v
            for k, v in stage.items()
            if k not in ("stage", "seconds", "items", "ms_per_item", "triples", "triples_per_s")
        }
        lines.append(
            f"| {stage['stage']} | {stage['seconds']} | {stage.get('ms_per_item', '')} | "
            f"{stage.get('triples_per_s', '') or ''} | "
            f"{json.dumps(notes, ensure_ascii=False) if notes else ''} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", required=True, help="what is measured, e.g. 'baseline'")
    parser.add_argument("--corpus", type=Path, help="a folder of YAML files (default: generate)")
    parser.add_argument(
        "--limit", type=int, help="generate N municipalities, spread over the five countries"
    )
    parser.add_argument("--scale", type=int, default=1, help="copies of every municipality")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="validation processes")
    parser.add_argument("--build-limit", type=int, default=10, help="files for build(); 0: skip")
    parser.add_argument(
        "--baseline-limit", type=int, default=10, help="files for the all-types validation"
    )
    parser.add_argument(
        "--validate-limit", type=int, help="validate only the first N documents (default: all)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the results")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="muniorg-corpus-") as temporary:
        corpus = args.corpus
        generated = None
        if corpus is None:
            corpus = Path(temporary)
            seeds = nordic_seeds()
            if args.limit:
                step = max(1, len(seeds) // args.limit)
                seeds = seeds[::step][: args.limit]
            with Stage("generate corpus") as stage:
                stage.items = len(write_corpus(corpus, seeds=seeds, scale=args.scale))
            generated = stage.result()
        data = run(corpus, args.jobs, args.build_limit, args.baseline_limit, args.validate_limit)
    if generated:
        data["stages"].insert(0, generated)
    today = datetime.date.today().isoformat()
    data = {"label": args.label, "date": today, "machine": machine(), **data}
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"{today}-{args.label}"
    stem.with_suffix(".json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    stem.with_suffix(".md").write_text(summary(data), encoding="utf-8")
    print(summary(data))
    print(f"written: {stem}.json, {stem}.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
