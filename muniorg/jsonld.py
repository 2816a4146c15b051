"""JSON-LD: write the model as compact, nested JSON-LD and read JSON-LD safely.

Writing does not go through a JSON-LD processor: the document is built straight from the
model with the keys and value forms the bundled context defines (``ontology/context.jsonld``),
so it is fast and deterministic. Tests expand every written document with pyld, an independent
processor, and compare the result with the Turtle export.

Reading uses pyld with :func:`local_document_loader`, which serves the bundled context for its
published IRI and refuses every other URL: no JSON-LD path in muniorg touches the network.

Example:
    >>> from muniorg.model import Municipality
    >>> from muniorg.jsonld import to_jsonld
    >>> doc = to_jsonld(Municipality(id="https://ex.org/m", name={"da": "Sorø Kommune"}, country="DNK"))
    >>> doc["type"], doc["country"], doc["name"]
    (['Municipality', 'cv:PublicOrganisation', 'schema:GovernmentOrganization'], 'DNK', {'da': 'Sorø Kommune'})
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import BNode

from muniorg.errors import InputError, NetworkAccessRefused
from muniorg.mapping import natural_key, new_graph
from muniorg.namespaces import PREFIXES
from muniorg.results import SourceLocation
from muniorg.schema import ONTOLOGY_DIR, Field, ValueKind
from muniorg.types import Node, partial_date_datatype

CONTEXT_IRI = "https://w3id.org/muniorg/context.jsonld"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"

#: Bundled documents a JSON-LD processor may load, by IRI. Nothing else is ever fetched.
BUNDLED_DOCUMENTS: dict[str, Path] = {CONTEXT_IRI: CONTEXT_FILE}


def _compact_iri(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and prefix not in ("rdf",):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _type_value(node: Node) -> str | list[str]:
    spec = node.SPEC
    if not spec.extra_types:
        return spec.key
    return [spec.key, *(_compact_iri(str(t)) for t in spec.extra_types)]


def _scalar(field: Field, value: Any) -> Any:
    kind = field.kind
    if kind is ValueKind.NUMBER:
        if isinstance(value, Decimal):
            return {"@value": str(value), "@type": "xsd:decimal"}
        return value
    if kind is ValueKind.DATE:
        return value.isoformat()
    if kind is ValueKind.PARTIAL_DATE:
        datatype = partial_date_datatype(value)
        if datatype.endswith("#date"):
            return value
        return {"@value": value, "@type": _compact_iri(datatype)}
    if kind is ValueKind.DATETIME:
        if isinstance(value, datetime.datetime):
            return Literal(value).n3().split('"')[1]
        return {"@value": value.isoformat(), "@type": "xsd:date"}
    if kind is ValueKind.TIME:
        return str(Literal(value))
    return value


def to_jsonld(
    node: Node, *, context: str | Mapping[str, Any] | None = CONTEXT_IRI
) -> dict[str, Any]:
    """The compact JSON-LD document of ``node`` (nested objects inside their parents).

    Keys follow the field order of the shapes; empty fields are left out. ``context=None``
    gives the node object without ``@context`` (for embedding).
    """
    out: dict[str, Any] = {}
    if context is not None:
        out["@context"] = context
    if node.id is not None:
        out["id"] = node.id
    out["type"] = _type_value(node)
    for field in node.SPEC.fields:
        value = getattr(node, field.key)
        if field.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
            if value:
                out[field.key] = dict(value)
            continue
        values = value if field.many else ([] if value is None else [value])
        if not values:
            continue
        if field.kind is ValueKind.NESTED:
            converted = [to_jsonld(v, context=None) for v in values]
        else:
            converted = [_scalar(field, v) for v in values]
        out[field.key] = converted if field.many else converted[0]
    return out


def dumps(document: Any) -> str:
    """Serialize a JSON(-LD) document deterministically: 2-space indent, UTF-8, final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- reading ----------------------------------------------------------------------------------


@cache
def _bundled_text(iri: str) -> str:
    return BUNDLED_DOCUMENTS[iri].read_text(encoding="utf-8")


def local_document_loader(
    extra: Mapping[str, Path] | None = None,
) -> Callable[[str, dict[str, Any] | None], dict[str, Any]]:
    """A pyld document loader that serves bundled (and ``extra``) files and refuses all else.

    :raises NetworkAccessRefused: (from the loader) for any URL not served locally.
    """
    local = {**BUNDLED_DOCUMENTS, **(extra or {})}

    def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        if url not in local:
            raise NetworkAccessRefused(
                f"refused to fetch {url!r}: muniorg never loads remote JSON-LD contexts; "
                f"use the bundled context {CONTEXT_IRI!r} or embed the context in the document"
            )
        text = (
            _bundled_text(url)
            if url in BUNDLED_DOCUMENTS
            else local[url].read_text(encoding="utf-8")
        )
        return {"contextUrl": None, "documentUrl": url, "document": json.loads(text)}

    return load


def _unwrap_loader_error(exc: BaseException) -> BaseException | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, NetworkAccessRefused):
            return current
        seen.add(id(current))
        details = getattr(current, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        current = (
            cause
            if isinstance(cause, BaseException)
            else (current.__cause__ or current.__context__)
        )
    return None


def jsonld_to_graph(document: Any, source: str = "<json-ld>") -> Graph:
    """Expand a parsed JSON-LD document with pyld (offline) into an rdflib graph.

    :raises NetworkAccessRefused: when the document refers to a context that is not bundled.
    :raises InputError: when the document is not valid JSON-LD.
    """
    from pyld import jsonld  # imported here: pyld is only needed when JSON-LD is read

    options = {
        "documentLoader": local_document_loader(),
        "base": None,
        "produceGeneralizedRdf": False,
    }
    try:
        dataset = jsonld.to_rdf(document, options)
    except Exception as exc:  # pyld wraps everything in JsonLdError
        refused = _unwrap_loader_error(exc)
        if refused is not None:
            raise NetworkAccessRefused(
                refused.message if isinstance(refused, NetworkAccessRefused) else str(refused),
                SourceLocation(source),
            ) from None
        message = getattr(exc, "message", None) or str(exc).splitlines()[0]
        raise InputError(f"invalid JSON-LD: {message}", SourceLocation(source)) from None
    graph = new_graph()
    for quads in dataset.values():
        for quad in quads:
            graph.add((_term(quad["subject"]), _term(quad["predicate"]), _term(quad["object"])))
    return graph


def _term(item: Mapping[str, Any]) -> URIRef | BNode | Literal:
    kind = item["type"]
    if kind == "IRI":
        return URIRef(item["value"])
    if kind == "blank node":
        return BNode(item["value"][2:])
    language = item.get("language")
    if language:
        return Literal(item["value"], lang=language)
    datatype = item.get("datatype")
    if datatype in (None, "http://www.w3.org/2001/XMLSchema#string"):
        return Literal(item["value"])
    return Literal(item["value"], datatype=URIRef(datatype))


def flatten(
    nodes: Iterable[Node], *, context: str | Mapping[str, Any] = CONTEXT_IRI
) -> dict[str, Any]:
    """A flattened JSON-LD document: every object at the top level of ``@graph``, sorted by id,
    nested objects replaced by references (``{"id": ...}``)."""
    flat: dict[str, dict[str, Any]] = {}

    def visit(node: Node) -> None:
        document = to_jsonld(node, context=None)
        for field in node.SPEC.fields:
            if field.kind is not ValueKind.NESTED or field.key not in document:
                continue
            children = getattr(node, field.key)
            for child in children if field.many else [children]:
                visit(child)
            refs = [
                {"id": child["id"]}
                for child in (document[field.key] if field.many else [document[field.key]])
            ]
            document[field.key] = refs if field.many else refs[0]
        previous = flat.get(document["id"])
        if previous is None:
            flat[document["id"]] = document
        else:  # the same object nested in two places (a home page that is also a contact page)
            for key, value in document.items():
                previous.setdefault(key, value)

    for node in nodes:
        visit(node)
    return {"@context": context, "@graph": [flat[key] for key in sorted(flat, key=natural_key)]}
