"""Generators of the artifacts derived from the shapes: JSON-LD context, JSON Schema, reference.

``ontology/shapes.ttl`` (read by :mod:`muniorg.model.schema`) is the source of truth; this package writes
what follows from it, one module per artifact: :mod:`~muniorg.generate.codeshapes` (the
generated ``sh:in`` block at the end of ``shapes.ttl`` itself), :mod:`~muniorg.generate.context`,
:mod:`~muniorg.generate.jsonschema`, :mod:`~muniorg.generate.authoring_schema` (the JSON
Schema of the YAML authoring files), :mod:`~muniorg.generate.vocabulary` (the ontology and
the controlled lists in N-Triples and JSON-LD, published by every build),
:mod:`~muniorg.generate.reference`, the typed model
(:mod:`~muniorg.generate.model`) and the facade ``muniorg/__init__.py``
(:mod:`~muniorg.generate.api`). Run
``python -m muniorg.generate`` to rewrite them and ``python -m muniorg.generate --check`` to list
the committed files that are stale (exit status 1). Output is byte-identical on every run.

Example:
    >>> from muniorg.generate import ARTIFACTS
    >>> [str(a.path) for a in ARTIFACTS][:3]
    ['ontology/shapes.ttl', 'ontology/context.jsonld', 'ontology/schema.json']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from muniorg.generate.api import render_facade
from muniorg.generate.authoring_schema import generate_authoring_schema
from muniorg.generate.codeshapes import generate_shapes
from muniorg.generate.context import generate_context
from muniorg.generate.jsonschema import generate_json_schema
from muniorg.generate.model import render_model
from muniorg.generate.reference import generate_html, generate_markdown
from muniorg.generate.sources import Sources, load_sources
from muniorg.generate.vocabulary import PUBLISHED_FILES, artifact


def _generate_model(sources: Sources) -> str:
    return render_model(sources.schema)


#: The repository root: the generated files live in its ``ontology/`` and ``docs/`` folders.
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Artifact:
    """A generated file: its path relative to the repository root and the function that writes it."""

    path: Path
    generate: Callable[[Sources], str]


ARTIFACTS: tuple[Artifact, ...] = (
    Artifact(Path("ontology/shapes.ttl"), generate_shapes),
    Artifact(Path("ontology/context.jsonld"), generate_context),
    Artifact(Path("ontology/schema.json"), generate_json_schema),
    Artifact(Path("ontology/authoring-schema.json"), generate_authoring_schema),
    *(Artifact(path, artifact(path)) for path, _, _ in PUBLISHED_FILES),
    Artifact(Path("docs/reference.md"), generate_markdown),
    Artifact(Path("docs/reference.html"), generate_html),
    Artifact(Path("muniorg/model/classes.py"), _generate_model),
    Artifact(Path("muniorg/__init__.py"), render_facade),
)


def generate_all(sources: Sources | None = None) -> dict[Path, str]:
    """The text of every artifact, keyed by its path relative to the repository root."""
    sources = sources or load_sources()
    return {artifact.path: artifact.generate(sources) for artifact in ARTIFACTS}


def stale_artifacts(root: Path = REPO_ROOT, sources: Sources | None = None) -> list[Path]:
    """Paths (relative to ``root``) whose file is missing or differs from a fresh generation."""
    return [
        path
        for path, text in generate_all(sources).items()
        if not (root / path).is_file() or (root / path).read_bytes() != text.encode("utf-8")
    ]


def write_artifacts(root: Path = REPO_ROOT, sources: Sources | None = None) -> list[Path]:
    """Write every stale artifact below ``root``; returns the paths it wrote."""
    written = []
    for path, text in generate_all(sources).items():
        target = root / path
        if not target.is_file() or target.read_bytes() != text.encode("utf-8"):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
            written.append(path)
    return written
