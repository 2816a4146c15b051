"""Personal data: what muniorg publishes about people, and what it leaves out.

The promise (docs/security.md): unless a caller asks for personal data
(``include_personal_data=True``, the CLI's ``--include-personal-data``),

- no person's contact details (``email``, ``telephone``) are published;
- a person marked ``public: false`` is not published at all: every triple that mentions the
  person is dropped (a post's ``heldBy``, a document's ``creators``, a membership's ``member``
  with the membership, an award's ``recipient`` with its ``recipientName`` ...). Keeping the
  object without its name would break the shapes (a person's name is required) and an object
  with only an id still says "someone holds this post"; dropping it keeps the published data
  valid and says nothing about that person.

Organisations' contact points (a town hall's telephone, a catalog's e-mail) are not personal data
and are published as authored. Validation always runs on the full data; redaction applies to what
is written. ``include_personal_data=True`` publishes everything as authored (for internal use).

Example:
    >>> from muniorg.model.classes import Municipality, Person, Post
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

from collections.abc import Collection, Iterable
from typing import TypeVar

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDF
from rdflib.term import Node as RdfNode

from muniorg.core.namespaces import new_graph
from muniorg.core.triplestore import FastGraph, add_triples, copy_triples
from muniorg.model.classes import Award, Membership, Person
from muniorg.model.node import Node
from muniorg.model.walk import in_order_of, walk
from muniorg.rdf.graph import read_node, to_graph

N = TypeVar("N", bound=Node)

#: The fields of a person that are contact details, published only when asked for.
CONTACT_FIELDS = ("email", "telephone")

SCHEMA = Namespace("http://schema.org/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

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
    return frozenset(
        found.id
        for node in nodes
        for found in walk(node)
        if isinstance(found, Person) and found.public is False and found.id
    )


def redact(
    node: N, include_personal_data: bool = False, *, hidden: Collection[str] | None = None
) -> N:
    """A copy of ``node`` without personal data (see the module docs); ``node`` is unchanged.

    ``hidden`` is the set of person IRIs to drop (default: the non-public persons inside
    ``node``). The rule is :func:`redact_graph`'s, applied to the node's graph and read back,
    so the model (and the JSON-LD written from it) and the graph say the same.
    """
    if include_personal_data:
        return node
    drop = hidden_people([node]) if hidden is None else frozenset(hidden)
    graph = redact_graph(to_graph(node), hidden=drop)
    # read_node, not from_graph: a hidden person left alone in a graph leaves nothing to read
    return in_order_of(read_node(graph, node.id or "", type(node)), node)


#: Types of persons: muniorg's (foaf:Person) and schema.org's, as other publishers use it.
PERSON_TYPES = frozenset({Person.SPEC.rdf_type, SCHEMA.Person})
#: Contact details of persons, in muniorg's terms and in FOAF, vCard and schema.org.
CONTACT_PREDICATES = _CONTACT_PATHS | {
    FOAF.mbox,
    FOAF.mbox_sha1sum,
    FOAF.phone,
    VCARD.hasEmail,
    VCARD.email,
    VCARD.hasTelephone,
    VCARD.tel,
    SCHEMA.email,
    SCHEMA.telephone,
    SCHEMA.faxNumber,
}
#: Links that make their subject an account of the person's relation (a membership): the
#: subject is dropped with the person, since without the link it would be invalid (``member``
#: is required) and would still tell about them.
_ABOUT_THE_PERSON = frozenset({Membership.SPEC.field("member").path})
#: Links to a person that come with a name: the name goes with the link.
_NAMED_LINKS: dict[RdfNode, URIRef] = {
    Award.SPEC.field("recipient").path: Award.SPEC.field("recipientName").path
}


def redact_graph(
    graph: Graph, include_personal_data: bool = False, *, hidden: Collection[str] = ()
) -> Graph:
    """A new graph without personal data: the one privacy rule, applied to what is written.

    - the contact details (:data:`CONTACT_PREDICATES`) of every person (:data:`PERSON_TYPES`)
      are left out, with the nodes they lead to (a vCard e-mail node);
    - a person marked not public (``muniorg:public false``), or named in ``hidden`` (a hidden
      person described in another document of the build), vanishes: every triple that mentions
      it as subject or object, the objects that are only about it (a membership, with its
      period) and the name given with a link to it (an award's ``recipientName``).

    >>> from muniorg.rdf.graph import to_graph
    >>> g = to_graph(Person(id="https://ex.org/p", name="A", telephone=["+45 1"]))
    >>> len(g), len(redact_graph(g))
    (6, 5)
    """
    out = new_graph()
    if include_personal_data:
        out += graph
        return out
    statements = list(graph)  # one pass over the store; the loops below go through the list
    people = {p for t in PERSON_TYPES for p in graph.subjects(RDF.type, t)}
    public = URIRef(_PUBLIC_PATH)
    dropped: set[RdfNode] = {URIRef(iri) for iri in hidden}
    dropped |= {p for p in people if (p, public, _FALSE) in graph}
    removed: set[tuple[RdfNode, RdfNode, RdfNode]] = set()
    for s, p, o in statements:
        if o in dropped and p in _ABOUT_THE_PERSON:
            dropped.add(s)
        if o in dropped and p in _NAMED_LINKS:
            removed.update(graph.triples((s, _NAMED_LINKS[p], None)))
    # What is dropped takes its own parts along: blank nodes and nested objects (whose IRIs
    # extend the parent's) that nothing else refers to.
    pending = list(dropped)
    for s, p, o in statements:
        if s in people and p in CONTACT_PREDICATES:
            removed.add((s, p, o))
            if isinstance(o, BNode):
                pending.append(o)
    while pending:
        node = pending.pop()
        dropped.add(node)
        for _, _, o in graph.triples((node, None, None)):
            if o not in dropped and _part_of(o, node):
                pending.append(o)
    if not dropped and not removed:  # nothing to leave out (most documents): a plain copy
        copy_triples(out, graph)
        return out
    kept = [t for t in statements if t[0] not in dropped and t[2] not in dropped]
    add_triples(out, [t for t in kept if t not in removed] if removed else kept)
    return out


_FALSE = Literal(False)


def leaves_out_nothing(graph: Graph, hidden: Collection[str] = ()) -> bool:
    """Whether :func:`redact_graph` would give ``graph``'s triples as they are: no person in it
    is marked not public or has contact details, and no IRI of ``hidden`` is a subject or an
    object of it (what most documents are). ``False`` when it cannot tell quickly (a graph that
    is not a :class:`~muniorg.core.triplestore.FastGraph`).

    >>> from muniorg.rdf.graph import to_graph
    >>> g = to_graph(Person(id="https://ex.org/p", name="A"))
    >>> leaves_out_nothing(g), leaves_out_nothing(g, hidden={"https://ex.org/p"})
    (True, False)
    >>> leaves_out_nothing(to_graph(Person(id="https://ex.org/p", name="A", telephone=["+45 1"])))
    False
    """
    if not isinstance(graph, FastGraph):
        return False
    spo = graph.triple_store.spo
    public = URIRef(_PUBLIC_PATH)
    for by_p in spo.values():
        types = by_p.get(RDF.type)
        if types is None or PERSON_TYPES.isdisjoint(types):
            continue
        if not CONTACT_PREDICATES.isdisjoint(by_p) or _FALSE in by_p.get(public, ()):
            return False
    if hidden:
        drop = {URIRef(iri) for iri in hidden}
        if not drop.isdisjoint(spo):
            return False
        for by_p in spo.values():
            for objects in by_p.values():
                for term in objects:
                    if isinstance(term, URIRef) and term in drop:
                        return False
    return True


def _part_of(child: RdfNode, parent: RdfNode) -> bool:
    if isinstance(child, BNode):
        return True
    return isinstance(child, URIRef) and str(child).startswith(f"{parent}/")
