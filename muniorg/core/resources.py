"""Where muniorg's bundled files lie: the ontology, shapes, vocabularies and JSON-LD context.

The one module that knows the package's layout on disk; everything else asks it.

Example:
    >>> SHAPES_FILE.name, SHAPES_FILE.exists()
    ('shapes.ttl', True)
"""

from __future__ import annotations

from pathlib import Path

#: The ontology folder (``muniorg/ontology``, a link to the repository's ``ontology/``).
ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
SPARQL_SHAPES_FILE = ONTOLOGY_DIR / "shapes-sparql.ttl"
ONTOLOGY_FILE = ONTOLOGY_DIR / "muniorg.ttl"
VOCABULARIES_FILE = ONTOLOGY_DIR / "vocabularies.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
#: The published IRI of the JSON-LD context (served from :data:`CONTEXT_FILE`, never fetched).
CONTEXT_IRI = "https://w3id.org/muniorg/context.jsonld"
#: The JSON Schema of the YAML authoring files (generated; a build publishes it next to the
#: context, and editors read it: docs/authoring.md).
AUTHORING_SCHEMA_FILE = ONTOLOGY_DIR / "authoring-schema.json"
#: The published IRI of :data:`AUTHORING_SCHEMA_FILE`, under the same base as the context.
AUTHORING_SCHEMA_IRI = CONTEXT_IRI.rsplit("/", 1)[0] + "/authoring-schema.json"
#: JSON-LD frames for the common views, by name (``frame-{name}.jsonld``, shipped and published
#: next to the context): ``municipality``, a municipality with its units and posts (and who
#: holds them); ``programme``, a cooperation programme with its participants. docs/consumers.md
#: shows them in use.
FRAME_FILES = {
    name: ONTOLOGY_DIR / f"frame-{name}.jsonld" for name in ("municipality", "programme")
}
#: The published IRI of each of :data:`FRAME_FILES`, under the same base as the context.
FRAME_IRIS = {
    name: CONTEXT_IRI.rsplit("/", 1)[0] + "/" + path.name for name, path in FRAME_FILES.items()
}
#: The registry extracts shipped as package data (README there: sources, licences, dates).
REGISTRIES_DIR = Path(__file__).resolve().parents[1] / "data" / "registries"

__all__ = [
    "AUTHORING_SCHEMA_FILE",
    "AUTHORING_SCHEMA_IRI",
    "CONTEXT_FILE",
    "CONTEXT_IRI",
    "FRAME_FILES",
    "FRAME_IRIS",
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILE",
    "REGISTRIES_DIR",
    "SHAPES_FILE",
    "SPARQL_SHAPES_FILE",
    "VOCABULARIES_FILE",
]
