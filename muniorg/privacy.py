"""Personal data: what muniorg publishes about people, and what it leaves out.

The promise (docs/security.md): unless a caller asks for personal data
(``include_personal_data=True``, the CLI's ``--include-personal-data``),

- no person's contact details (``email``, ``telephone``) are published;
- a person marked ``public: false`` is not published at all: the person object is dropped and so
  is every reference to it (a post's ``heldBy``, a document's ``creators`` ...). Keeping the
  object without its name would break the shapes (a person's name is required) and an object
  with only an id still says "someone holds this post"; dropping it keeps the published data
  valid and says nothing about that person.

Organisations' contact points (a town hall's telephone, a catalog's e-mail) are not personal data
and are published as authored. Validation always runs on the full data; redaction applies to what
is written. ``include_personal_data=True`` publishes everything as authored (for internal use).

Example:
    >>> from muniorg.model import Municipality, Person, Post
    >>> m = Municipality(id="https://ex.org/m", name={"da": "X"}, country="DNK",
    ...     people=[Person(id="https://ex.org/p1", name="A", email=["a@ex.org"]),
    ...             Person(id="https://ex.org/p2", name="B", public=False)],
    ...     posts=[Post(id="https://ex.org/mayor", name={"da": "Borgmester"},
    ...                 heldBy=["https://ex.org/p1", "https://ex.org/p2"])])
    >>> public = redact(m)
    >>> [(p.name, p.email) for p in public.people], public.posts[0].heldBy
    ([('A', [])], ['https://ex.org/p1'])
    >>> redact(m, include_personal_data=True) == m
    True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from typing import Any, TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from muniorg.mapping import new_graph
from muniorg.model import Person
from muniorg.schema import ValueKind
from muniorg.types import Node

N = TypeVar("N", bound=Node)

#: The fields of a person that are contact details, published only when asked for.
CONTACT_FIELDS = ("email", "telephone")

_FIELDS = {f.key: f for f in Person.SPEC.fields}
_PUBLIC_PATH = _FIELDS["public"].path
_CONTACT_PATHS = frozenset(_FIELDS[key].path for key in CONTACT_FIELDS)


def hidden_people(nodes: Iterable[Node]) -> frozenset[str]:
    """The IRIs of every person marked ``public: false`` in ``nodes`` (searched deeply).

    Pass the result of all documents of a build to :func:`redact`, so a reference from one
    document to a hidden person described in another is dropped too.

    >>> sorted(hidden_people([Person(id="https://ex.org/p", name="A", public=False)]))
    ['https://ex.org/p']
    """
    hidden: set[str] = set()
    for node in nodes:
        for found in _walk(node):
            if isinstance(found, Person) and found.public is False and found.id:
                hidden.add(found.id)
    return frozenset(hidden)


def redact(
    node: N, include_personal_data: bool = False, *, hidden: Collection[str] | None = None
) -> N:
    """A copy of ``node`` without personal data (see the module docs); ``node`` is unchanged.

    ``hidden`` is the set of person IRIs to drop (default: the non-public persons inside
    ``node``).
    """
    if include_personal_data:
        return node
    drop = hidden_people([node]) if hidden is None else frozenset(hidden)
    return _redact(node, drop)


def _redact(node: N, drop: frozenset[str]) -> N:
    changes: dict[str, Any] = {}
    if isinstance(node, Person):
        changes.update({key: [] for key in CONTACT_FIELDS if getattr(node, key)})
    for field in node.SPEC.fields:
        value = getattr(node, field.key)
        if field.kind is ValueKind.NESTED:
            if field.many:
                kept = [_redact(v, drop) for v in value if not _dropped(v, drop)]
                changes[field.key] = kept
            elif value is not None:
                changes[field.key] = None if _dropped(value, drop) else _redact(value, drop)
        elif field.kind is ValueKind.REFERENCE and drop:
            if field.many:
                changes[field.key] = [v for v in value if v not in drop]
            elif value in drop:
                changes[field.key] = None
    return dataclasses.replace(node, **changes)


def _dropped(node: Node, drop: frozenset[str]) -> bool:
    return isinstance(node, Person) and node.id in drop


def _walk(node: Node) -> Iterable[Node]:
    yield node
    for field in node.SPEC.fields:
        if field.kind is not ValueKind.NESTED:
            continue
        value = getattr(node, field.key)
        for child in value if field.many else ([] if value is None else [value]):
            yield from _walk(child)


def redact_graph(graph: Graph, include_personal_data: bool = False) -> Graph:
    """The RDF form of :func:`redact`, for graphs read from RDF files: a new graph without the
    contact details of any ``foaf:Person`` and without the persons marked not public (every
    triple they are the subject or object of).

    >>> from muniorg.mapping import to_graph
    >>> g = to_graph(Person(id="https://ex.org/p", name="A", telephone=["+45 1"]))
    >>> len(g), len(redact_graph(g))
    (3, 2)
    """
    out = new_graph()
    if include_personal_data:
        out += graph
        return out
    people = set(graph.subjects(RDF.type, Person.SPEC.rdf_type))
    hidden = {
        p
        for p in people
        if any(o == Literal(False) for o in graph.objects(p, URIRef(_PUBLIC_PATH)))
    }
    for s, p, o in graph:
        if s in hidden or o in hidden:
            continue
        if s in people and p in _CONTACT_PATHS:
            continue
        out.add((s, p, o))
    return out
