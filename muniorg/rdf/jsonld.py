"""The model as compact JSON-LD: one document per top object, or the whole data set flattened.

Keys and values follow the published context (``ontology/context.jsonld``, generated from the
shapes); :func:`muniorg.formats.jsonld.jsonld_to_graph` reads them back.

Example:
    >>> from muniorg.model.classes import Person
    >>> to_jsonld(Person(id="https://ex.org/p", name="Gert Jørgensen"), context=None)
    {'id': 'https://ex.org/p', 'type': 'Person', 'name': 'Gert Jørgensen'}
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from rdflib import Literal

from muniorg.core.namespaces import compact_iri
from muniorg.core.resources import CONTEXT_IRI
from muniorg.model.node import Node, partial_date_datatype
from muniorg.model.schema import Field, ValueKind
from muniorg.model.walk import natural_key, walk


def _type_value(node: Node) -> str | list[str]:
    spec = node.SPEC
    if not spec.extra_types:
        return spec.key
    return [spec.key, *(compact_iri(str(t)) for t in spec.extra_types)]


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
        return {"@value": value, "@type": compact_iri(datatype)}
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

    >>> from muniorg.model.classes import Person
    >>> to_jsonld(Person(id="https://ex.org/p", name="Gert Jørgensen"), context=None)
    {'id': 'https://ex.org/p', 'type': 'Person', 'name': 'Gert Jørgensen'}
    """
    return _node_object(node, context, lambda child: to_jsonld(child, context=None))


def _node_object(
    node: Node, context: str | Mapping[str, Any] | None, nested: Callable[[Node], Any]
) -> dict[str, Any]:
    """The JSON-LD object of ``node``, with ``nested(child)`` for each nested object."""
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
            converted = [nested(v) for v in values]
        else:
            converted = [_scalar(field, v) for v in values]
        out[field.key] = converted if field.many else converted[0]
    return out


def flatten(
    nodes: Iterable[Node], *, context: str | Mapping[str, Any] = CONTEXT_IRI
) -> dict[str, Any]:
    """A flattened JSON-LD document: every object at the top level of ``@graph``, sorted by id,
    nested objects replaced by references (``{"id": ...}``)."""
    flat: dict[str, dict[str, Any]] = {}
    for root in nodes:
        for node in walk(root):
            document = _node_object(node, None, lambda child: {"id": child.id})
            previous = flat.get(document["id"])
            if previous is None:
                flat[document["id"]] = document
            else:  # the same object nested in two places (a home page that is also a contact page)
                for key, value in document.items():
                    previous.setdefault(key, value)
    return {"@context": context, "@graph": [flat[key] for key in sorted(flat, key=natural_key)]}


__all__ = ["flatten", "to_jsonld"]
