"""Read published JSON-LD the way consumers who do not use muniorg read it, and compare.

Used by ``tests/test_jsonld_consumers.py``, in-process for the installed rdflib and as a script
for another rdflib version installed into a folder of its own (``PYTHONPATH``)::

    python tests/jsonld_readers.py rdflib DIST   # prints {file: null or the difference}

rdflib fetches a remote ``@context`` with no way to serve it locally, so an offline reader
replaces the context's IRI by the bundled context's content (the context mapping of the
consumer guide) before parsing. Nothing here imports muniorg: the script must run against a
different rdflib than the one muniorg is installed with.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

#: The IRI the published documents name as their context; ``context.jsonld`` in the build is it.
CONTEXT_IRI = "https://w3id.org/muniorg/context.jsonld"


def published_pairs(dist: Path) -> list[tuple[Path, Path]]:
    """Each published ``.jsonld`` document (not the context, not a frame) with the ``.nt``
    beside it."""
    return [
        (path, path.with_suffix(".nt"))
        for path in sorted(dist.glob("*.jsonld"))
        if path.name != "context.jsonld" and not path.name.startswith("frame-")
    ]


def with_context(document: Any, context: Any) -> Any:
    """``document`` with every ``@context`` that names :data:`CONTEXT_IRI` replaced by
    ``context`` (the content of the bundled file), recursively."""
    if isinstance(document, list):
        return [with_context(item, context) for item in document]
    if not isinstance(document, dict):
        return document
    out = {key: with_context(value, context) for key, value in document.items()}
    if out.get("@context") == CONTEXT_IRI:
        out["@context"] = context
    return out


def difference(read: Graph, expected: Graph) -> str | None:
    """``None`` when the graphs are isomorphic, else a few triples found only in each."""
    if isomorphic(read, expected):
        return None
    _, only_read, only_expected = graph_diff(to_isomorphic(read), to_isomorphic(expected))
    return (
        f"{len(read)} triples read, {len(expected)} expected; only read: "
        f"{sorted(only_read)[:3]}; only expected: {sorted(only_expected)[:3]}"
    )


def rdflib_read(path: Path, context: Any) -> Graph:
    """The graph rdflib's own JSON-LD parser reads from ``path``, offline."""
    document = with_context(json.loads(path.read_text(encoding="utf-8")), context)
    return Graph().parse(data=json.dumps(document), format="json-ld")


def rdflib_differences(dist: Path) -> dict[str, str | None]:
    """For each published document of ``dist``: how rdflib's reading differs from its ``.nt``."""
    context = json.loads((dist / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    return {
        jsonld.name: difference(rdflib_read(jsonld, context), Graph().parse(nt, format="nt"))
        for jsonld, nt in published_pairs(dist)
    }


if __name__ == "__main__":
    reader, dist = sys.argv[1], Path(sys.argv[2])
    assert reader == "rdflib", reader
    import rdflib

    print(json.dumps({"version": rdflib.__version__, "differences": rdflib_differences(dist)}))
