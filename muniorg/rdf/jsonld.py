"""The model as compact JSON-LD: one document per top object, or the whole data set flattened.

Keys and values follow the published context (``ontology/context.jsonld``, generated from the
shapes); :func:`muniorg.formats.jsonld.jsonld_to_graph` reads them back.

Example:
    >>> from muniorg.model.classes import Person
    >>> to_jsonld(Person(id="https://ex.org/p", name="Gert Jørgensen"), context=None)["name"]
    'Gert Jørgensen'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rdflib import URIRef

from muniorg.core.arguments import instance_argument
from muniorg.core.namespaces import compact_iri
from muniorg.core.resources import CONTEXT_IRI
from muniorg.core.values import rdf_language
from muniorg.model.classes import CLASSES
from muniorg.model.kinds import KINDS
from muniorg.model.node import Node
from muniorg.model.schema import ClassSpec, ValueKind
from muniorg.model.walk import natural_key, walk
from muniorg.rdf.graph import NAME_ALIASES, name_field


def type_value(spec: ClassSpec, class_terms: Mapping[URIRef, str]) -> str | list[str]:
    """The ``type`` of a node of class ``spec``: its class term alone, or followed by its extra
    types, each as the term of the class it is (``class_terms``: rdf:type -> class key), else as
    a compact IRI. Compaction writes a type IRI as the term that means it, so a round trip needs
    the term (``ConceptScheme``, not ``skos:ConceptScheme``).

    >>> from muniorg.model.classes import CLASSES
    >>> terms = {cls.SPEC.rdf_type: key for key, cls in CLASSES.items()}
    >>> type_value(CLASSES["Foundation"].SPEC, terms)
    ['Foundation', 'ConceptScheme']
    """
    if not spec.extra_types:
        return spec.key
    return [spec.key, *(class_terms.get(t) or compact_iri(str(t)) for t in spec.extra_types)]


_CLASS_TERMS = {cls.SPEC.rdf_type: key for key, cls in CLASSES.items()}


def _type_value(node: Node) -> str | list[str]:
    known = _TYPE_VALUES.get(type(node))
    if known is None:
        known = _TYPE_VALUES[type(node)] = type_value(node.SPEC, _CLASS_TERMS)
    return list(known) if isinstance(known, list) else known  # a list of each object's own


#: :func:`type_value` of each class (made once: it compacts the IRIs of the extra types).
_TYPE_VALUES: dict[type[Node], str | list[str]] = {}


def to_jsonld(
    node: Node, *, context: str | Mapping[str, Any] | None = CONTEXT_IRI
) -> dict[str, Any]:
    """The compact JSON-LD document of ``node`` (nested objects inside their parents).

    Keys follow the field order of the shapes; empty fields are left out. ``context=None``
    gives the node object without ``@context`` (for embedding).

    >>> from muniorg.model.classes import Person
    >>> to_jsonld(Person(id="https://ex.org/p", name="Gert Jørgensen"), context=None)["name"]
    'Gert Jørgensen'
    """
    instance_argument(node, Node, "to_jsonld(node)", "a model object, such as a Municipality")
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
    values = node.__dict__
    for key, named, text, lang_map, many, to_json in _writing(type(node)):
        value = values[key]
        if named and value:  # the name, then its copies (muniorg.rdf.graph.NAME_ALIASES)
            for name in (key, *_ALIAS_KEYS):
                out[name] = _by_rdf_language(value) if lang_map else value
            continue
        if text:
            if value:
                out[key] = _by_rdf_language(value)
            continue
        if many:
            if not value:
                continue
            if to_json is None:
                out[key] = [nested(v) for v in value]
            else:
                out[key] = list(value) if to_json is _same else [to_json(v) for v in value]
        elif value is not None:
            if to_json is None:
                out[key] = nested(value)
            else:
                out[key] = value if to_json is _same else to_json(value)
    return out


def _by_rdf_language(texts: Mapping[str, Any]) -> dict[str, Any]:
    """A language map's JSON, its tags as the RDF files write them (in lower case: see
    :func:`muniorg.core.values.rdf_language`), so that one literal is not spelled two ways.

    >>> _by_rdf_language({"nb-NO": "Stord kommune", "en": "Stord"})
    {'nb-no': 'Stord kommune', 'en': 'Stord'}
    """
    return {rdf_language(tag): text for tag, text in texts.items()}


_ALIAS_KEYS = tuple(alias for alias, _ in NAME_ALIASES)
_same = KINDS[ValueKind.STRING].to_json  # the identity: the value is its JSON
#: Per field of a class: (key, whether it is the name, a language map of either kind, a
#: language map of one text, a list, the value's JSON conversion or None for objects).
_Writing = tuple[tuple[str, bool, bool, bool, bool, Callable[[Any], Any] | None], ...]
_WRITING: dict[type[Node], _Writing] = {}


def _writing(cls: type[Node]) -> _Writing:
    """How :func:`_node_object` writes each field of ``cls`` (worked out once per class)."""
    known = _WRITING.get(cls)
    if known is None:
        named = name_field(cls.SPEC)
        known = _WRITING[cls] = tuple(
            (
                f.key,
                f is named,
                f.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP),
                f.kind is ValueKind.LANG_MAP,
                f.many,
                None if f.kind is ValueKind.NESTED else KINDS[f.kind].to_json,
            )
            for f in cls.SPEC.fields
        )
    return known


def flatten(
    nodes: Iterable[Node], *, context: str | Mapping[str, Any] = CONTEXT_IRI
) -> dict[str, Any]:
    """A flattened JSON-LD document: every object at the top level of ``@graph``, sorted by id,
    nested objects replaced by references (``{"id": ...}``)."""
    return _flattened(nodes, context, {})


def _flattened(
    nodes: Iterable[Node],
    context: str | Mapping[str, Any],
    objects: dict[int, dict[str, Any]],
) -> dict[str, Any]:
    """:func:`flatten`, keeping each node's own object (before objects of one id are merged)
    in ``objects``, by the node's ``id()``."""
    flat: dict[str, dict[str, Any]] = {}
    merged: set[str] = set()  # ids whose flat object is a copy, no longer a node's own
    for root in nodes:
        for node in walk(root):
            document = _node_object(node, None, lambda child: {"id": child.id})
            objects[id(node)] = document
            previous = flat.get(document["id"])
            if previous is None:
                flat[document["id"]] = document
            else:  # the same object nested in two places (a home page that is also a contact page)
                if document["id"] not in merged:  # a node's own object stays as it is
                    merged.add(document["id"])
                    previous = flat[document["id"]] = dict(previous)
                for key, value in document.items():
                    previous.setdefault(key, value)
    return {"@context": context, "@graph": [flat[key] for key in sorted(flat, key=natural_key)]}


def compact_and_flat(
    root: Node, *, context: str | Mapping[str, Any] = CONTEXT_IRI
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(to_jsonld(root, context=context), flatten([root], context=context))``, with each
    object's values converted once: the compact objects are the flat ones with the references
    to nested objects replaced by those objects (how a build writes a document's JSON-LD and
    its objects for the whole data set's).

    >>> from muniorg.model.classes import Municipality, Identifier
    >>> m = Municipality(id="https://ex.org/m", name={"da": "M"},
    ...                  identifiers=[Identifier(id="https://ex.org/m/i", notation="1")])
    >>> compact_and_flat(m) == (to_jsonld(m), flatten([m]))
    True
    """
    objects: dict[int, dict[str, Any]] = {}
    flat = _flattened([root], context, objects)
    return {"@context": context, **_compact(root, objects)}, flat


def _compact(node: Node, objects: Mapping[int, dict[str, Any]]) -> dict[str, Any]:
    """``node``'s flat object (in ``objects``, by the node's ``id``) with its references to
    nested objects replaced by those objects. (A function of the module, not a closure that
    calls itself: that would be a cycle, holding ``objects`` until the cyclic collector runs.)"""
    out = dict(objects[id(node)])
    for key, _, _, _, many, to_json in _writing(type(node)):
        if to_json is None and key in out:  # a nested object's reference
            value = node.__dict__[key]
            out[key] = [_compact(c, objects) for c in value] if many else _compact(value, objects)
    return out


__all__ = ["compact_and_flat", "flatten", "to_jsonld", "type_value"]
