"""A light in-memory rdflib graph for muniorg's own pipeline.

rdflib's default ``Memory`` store keeps, for every triple, the contexts (named graphs) it belongs
to, and dispatches an event per added triple: about two thirds of the cost of ``Graph.add``.
muniorg's graphs are plain triple sets (no named graphs, no N3 formulas), so :class:`TripleStore`
keeps only a subject -> predicate -> object index, and builds the inverse index (object ->
predicate -> subject) on the first query that needs it. :class:`FastGraph` is an rdflib
:class:`~rdflib.graph.Graph` on that store with bulk paths for what muniorg does most: adding
many triples (:meth:`FastGraph.add_triples`), copying (``+``, ``-``, ``+=``), counting, testing
membership and matching patterns.

It is an rdflib graph in every other respect (parsing into it, SPARQL queries and updates,
``graph.value`` ...), and a plain ``Graph`` can use a :class:`TripleStore` through rdflib's
``Store`` interface. Differences from ``Memory``: no contexts (``store.contexts()`` is empty), no
quoted (formula) triples, and no ``TripleAddedEvent`` is dispatched. Tools that wrap a graph's
store in a ``Dataset`` need a context-aware store: give pySHACL :meth:`FastGraph.to_rdflib`, and
parse JSON-LD, TriG or N-Quads with rdflib into a plain ``Graph`` (muniorg reads them with its
own readers, :mod:`muniorg.formats.rdf`). A full iteration lists the triples grouped by subject, in the order
the subjects, predicates and objects were first added (``Memory`` iterates a set: an order that
changes between runs).

Example:
    >>> from rdflib import Literal, URIRef
    >>> g = FastGraph(bind_namespaces="none")
    >>> a, p = URIRef("https://ex.org/a"), URIRef("https://ex.org/p")
    >>> g.add_triples([(a, p, Literal("x")), (a, p, Literal("y")), (a, p, Literal("x"))])
    >>> len(g), (a, p, Literal("y")) in g, sorted(str(o) for o in g.objects(a, p))
    (2, True, ['x', 'y'])
    >>> [str(s) for s in g.subjects(p, Literal("x"))]
    ['https://ex.org/a']
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.paths import Path
from rdflib.store import Store
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
#: subject -> predicate -> objects (a dict used as an insertion-ordered set)
Index = dict[Node, dict[Node, dict[Node, None]]]


class TripleStore(Store):
    """Triples indexed by subject and predicate; the inverse index is built when first needed.

    >>> from rdflib import URIRef
    >>> store = TripleStore()
    >>> store.add_triples([(URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), URIRef("https://ex.org/b"))])
    >>> len(store), [t for t, _ in store.triples((None, None, URIRef("https://ex.org/b")))] != []
    (1, True)
    """

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, configuration: str | None = None, identifier: Node | None = None) -> None:
        super().__init__(configuration)
        self.identifier = identifier
        #: subject -> predicate -> objects
        self.spo: Index = {}
        self._ops: Index | None = None  # object -> predicate -> subjects, when built
        self._count = 0
        self._namespace: dict[str, URIRef] = {}
        self._prefix: dict[URIRef, str] = {}

    # --- muniorg's fast paths -----------------------------------------------------------------

    def add_triples(self, triples: Iterable[Triple]) -> None:
        """Add every triple of ``triples`` (a triple already present is not added twice)."""
        spo = self.spo
        ops = self._ops
        count = self._count
        for s, p, o in triples:
            by_p = spo.get(s)
            if by_p is None:
                by_p = spo[s] = {}
            objects = by_p.get(p)
            if objects is None:
                objects = by_p[p] = {}
            if o in objects:
                continue
            objects[o] = None
            count += 1
            if ops is not None:
                ops.setdefault(o, {}).setdefault(p, {})[s] = None
        self._count = count

    def add_grouped(self, groups: Iterable[tuple[Node, Node, Iterable[Node]]]) -> None:
        """Add the triple ``(s, p, o)`` for every ``o`` of every ``(s, p, objects)`` of
        ``groups``: as :meth:`add_triples` of those triples in that order, with the subject and
        predicate looked up once per group, and each object once (a model's graph comes in
        such groups: an object's values of one field).

        >>> from rdflib import Literal, URIRef
        >>> a, p = URIRef("https://ex.org/a"), URIRef("https://ex.org/p")
        >>> store = TripleStore()
        >>> store.add_grouped([(a, p, [Literal("x"), Literal("y")]), (a, p, [Literal("x")])])
        >>> len(store), [str(o) for o in store.spo[a][p]]
        (2, ['x', 'y'])
        >>> store.add_grouped([(URIRef("https://ex.org/b"), p, [])])  # no triple, no entry
        >>> len(store), len(store.spo)
        (2, 1)
        """
        spo = self.spo
        ops = self._ops
        count = self._count
        for s, p, objs in groups:
            new = dict.fromkeys(objs)
            if not new:  # no triple: no entry either, as add_triples of none leaves
                continue
            by_p = spo.get(s)
            if by_p is None:
                by_p = spo[s] = {}
            objects = by_p.get(p)
            if objects is None:
                by_p[p] = new
                count += len(new)
                added: Iterable[Node] = new
            else:
                added = [o for o in new if o not in objects]
                objects.update(dict.fromkeys(added))  # a key already there keeps its place
                count += len(added)
            if ops is not None:
                for o in added:
                    ops.setdefault(o, {}).setdefault(p, {})[s] = None
        self._count = count

    def copy_of(self, other: TripleStore) -> None:
        """Hold the triples of ``other`` when this store is empty (a copy of its index, in the
        same order: as adding ``other``'s triples one by one, without hashing each again);
        else add them.

        >>> from rdflib import Literal, URIRef
        >>> a, b = TripleStore(), TripleStore()
        >>> a.add_triples([(URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal("x"))])
        >>> b.copy_of(a)
        >>> len(b), b.spo == a.spo, b.spo is a.spo
        (1, True, False)
        """
        if self._count or self.spo:
            self.add_triples(other.match(None, None, None))
            return
        self.spo = {
            s: {p: dict(objects) for p, objects in by_p.items()} for s, by_p in other.spo.items()
        }
        self._ops = None
        self._count = other._count

    @property
    def ops(self) -> Index:
        """object -> predicate -> subjects (built on first use, then kept up to date)."""
        if self._ops is None:
            ops: Index = {}
            for s, by_p in self.spo.items():
                for p, objects in by_p.items():
                    for o in objects:
                        ops.setdefault(o, {}).setdefault(p, {})[s] = None
            self._ops = ops
        return self._ops

    def has(self, s: Node, p: Node, o: Node) -> bool:
        """Whether the triple ``(s, p, o)`` (no wildcards) is in the store."""
        by_p = self.spo.get(s)
        if by_p is None:
            return False
        objects = by_p.get(p)
        return objects is not None and o in objects

    def match(self, s: Node | None, p: Node | None, o: Node | None) -> list[Triple]:
        """The triples that match a pattern (``None`` matches anything), as a list: the store
        may change while the caller goes through them."""
        if s is not None:
            by_p = self.spo.get(s)
            if by_p is None:
                return []
            if p is not None:
                objects = by_p.get(p)
                if objects is None:
                    return []
                if o is not None:
                    return [(s, p, o)] if o in objects else []
                return [(s, p, x) for x in objects]
            if o is not None:
                return [(s, q, o) for q, objects in by_p.items() if o in objects]
            return [(s, q, x) for q, objects in by_p.items() for x in objects]
        if o is not None:
            by_p = self.ops.get(o)
            if by_p is None:
                return []
            if p is not None:
                return [(x, p, o) for x in by_p.get(p, ())]
            return [(x, q, o) for q, subjects in by_p.items() for x in subjects]
        if p is not None:
            return [(x, p, y) for x, by_p in self.spo.items() if p in by_p for y in by_p[p]]
        return [
            (x, q, y)
            for x, by_p in self.spo.items()
            for q, objects in by_p.items()
            for y in objects
        ]

    def remove_triple(self, s: Node, p: Node, o: Node) -> None:
        """Remove one triple (no wildcards) if it is in the store."""
        by_p = self.spo.get(s)
        objects = by_p.get(p) if by_p is not None else None
        if objects is None or o not in objects:
            return
        del objects[o]
        if not objects:
            assert by_p is not None
            del by_p[p]
            if not by_p:
                del self.spo[s]
        if self._ops is not None:
            by_q = self._ops[o]
            subjects = by_q[p]
            del subjects[s]
            if not subjects:
                del by_q[p]
                if not by_q:
                    del self._ops[o]
        self._count -= 1

    # --- rdflib's Store interface -----------------------------------------------------------

    def add(self, triple: Triple, context: Any, quoted: bool = False) -> None:
        """Add one triple (the context is ignored: the store holds one graph)."""
        if quoted:
            raise ValueError("TripleStore holds no quoted (formula) triples")
        self.add_triples((triple,))

    def addN(self, quads: Iterable[tuple[Node, Node, Node, Any]]) -> None:
        self.add_triples((s, p, o) for s, p, o, _ in quads)

    def remove(self, triple: Any, context: Any = None) -> None:
        for s, p, o in self.match(*triple):
            self.remove_triple(s, p, o)

    def triples(
        self, triple_pattern: Any, context: Any = None
    ) -> Iterator[tuple[Triple, Iterator[Any]]]:
        for triple in self.match(*triple_pattern):
            yield triple, iter(())

    def __len__(self, context: Any = None) -> int:
        return self._count

    def contexts(self, triple: Any = None) -> Generator[Any, None, None]:
        yield from ()

    def bind(self, prefix: str, namespace: URIRef, override: bool = True) -> None:
        """Bind ``prefix`` to ``namespace``, as rdflib's ``Memory`` store does."""
        bound_namespace = self._namespace.get(prefix)
        bound_prefix = self._prefix.get(namespace)
        if bound_prefix is None and bound_namespace is not None:
            bound_prefix = self._prefix.get(bound_namespace)
        if override:
            if bound_prefix is not None:
                del self._namespace[bound_prefix]
            if bound_namespace is not None:
                del self._prefix[bound_namespace]
            self._prefix[namespace] = prefix
            self._namespace[prefix] = namespace
        else:
            kept_namespace = namespace if bound_namespace is None else bound_namespace
            kept_prefix = prefix if bound_prefix is None else bound_prefix
            self._prefix[kept_namespace] = kept_prefix
            self._namespace[kept_prefix] = kept_namespace

    def namespace(self, prefix: str) -> URIRef | None:
        return self._namespace.get(prefix)

    def prefix(self, namespace: URIRef) -> str | None:
        return self._prefix.get(namespace)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        yield from list(self._namespace.items())


class FastGraph(Graph):
    """An rdflib graph on a :class:`TripleStore`, with bulk operations (see the module docs).

    >>> from rdflib import Literal, URIRef
    >>> a = FastGraph().add((URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal("x")))
    >>> b = FastGraph().add((URIRef("https://ex.org/b"), URIRef("https://ex.org/p"), Literal("y")))
    >>> len(a + b), len((a + b) - a), type(a + b).__name__
    (2, 1, 'FastGraph')
    """

    def __init__(
        self,
        store: TripleStore | None = None,
        identifier: Any = None,
        namespace_manager: Any = None,
        base: str | None = None,
        bind_namespaces: Any = "rdflib",
    ) -> None:
        if store is not None and not isinstance(store, TripleStore):
            raise TypeError("FastGraph keeps its triples in a TripleStore")
        super().__init__(
            store if store is not None else TripleStore(),
            identifier,
            namespace_manager,
            base,
            bind_namespaces,
        )
        self.triple_store: TripleStore = self.store  # type: ignore[assignment]

    @property
    def namespace_manager(self) -> NamespaceManager:
        """The manager of the graph's prefixes, made on first use, as rdflib's ``Graph`` makes
        it, but holding the graph weakly. rdflib's holds its graph (only to reach the store)
        and the graph holds it: a cycle, which only the cyclic collector frees, and with it
        the graph's whole index. A build's unit left some 2,000 dicts to it, and its workers
        spent a tenth of their time collecting them.

        >>> import gc
        >>> g = FastGraph()
        >>> g.bind("ex", "https://ex.org/")
        >>> gc.disable(); collected = gc.collect(); del g; found = gc.collect(); gc.enable()
        >>> found
        0
        """
        # rdflib's Graph keeps it in its private (name-mangled) attribute
        manager: NamespaceManager | None = self._Graph__namespace_manager  # type: ignore[has-type]
        if manager is None:
            manager = NamespaceManager(_StoreOf(self.store), self._bind_namespaces)  # type: ignore[arg-type]
            self._Graph__namespace_manager = manager
        return manager

    @namespace_manager.setter
    def namespace_manager(self, manager: NamespaceManager) -> None:
        self._Graph__namespace_manager = manager

    def __reduce__(self) -> tuple[Any, ...]:
        # the prefixes are in the store; which rdflib prefixes a new namespace manager adds to
        # them is kept too (rdflib's Graph forgets it: a copy of a graph bound with "none" gets
        # rdflib's prefixes when it is unpickled)
        return (
            FastGraph,
            (self.triple_store, self.identifier, None, self.base, self._bind_namespaces),
        )

    def add_triples(self, triples: Iterable[Triple]) -> None:
        """Add many triples at once (they must be rdflib terms: they are not checked)."""
        self.triple_store.add_triples(triples)

    def add(self, triple: Triple) -> FastGraph:
        s, p, o = triple
        assert isinstance(s, Node), f"Subject {s} must be an rdflib term"
        assert isinstance(p, Node), f"Predicate {p} must be an rdflib term"
        assert isinstance(o, Node), f"Object {o} must be an rdflib term"
        self.triple_store.add_triples((triple,))
        return self

    def addN(self, quads: Iterable[Any]) -> FastGraph:
        identifier = self.identifier
        self.triple_store.add_triples(
            (s, p, o)
            for s, p, o, c in quads
            if isinstance(c, Graph)
            and c.identifier is identifier
            and isinstance(s, Node)
            and isinstance(p, Node)
            and isinstance(o, Node)
        )
        return self

    def remove(self, triple: Any) -> FastGraph:
        self.triple_store.remove(triple)
        return self

    def triples(self, triple: Any) -> Any:
        s, p, o = triple
        if isinstance(p, Path):
            return super().triples(triple)
        return iter(self.triple_store.match(s, p, o))

    def __iter__(self) -> Iterator[Triple]:  # type: ignore[override]
        return iter(self.triple_store.match(None, None, None))

    def __len__(self) -> int:
        return len(self.triple_store)

    def __contains__(self, triple: Any) -> bool:
        s, p, o = triple
        if s is not None and o is not None and p is not None and not isinstance(p, Path):
            return self.triple_store.has(s, p, o)
        return super().__contains__(triple)

    def __iadd__(self, other: Iterable[Triple]) -> FastGraph:
        self.triple_store.add_triples(other)
        return self

    def __isub__(self, other: Iterable[Triple]) -> FastGraph:
        for triple in list(other):
            self.remove(triple)
        return self

    def __add__(self, other: Graph) -> FastGraph:
        """Set-theoretic union (the prefixes of both are bound, as ``Graph``'s union does)."""
        union = type(self)()
        for prefix, uri in set(list(self.namespaces()) + list(other.namespaces())):
            union.bind(prefix, uri)
        union.add_triples(self)
        union.add_triples(other)
        return union

    def __mul__(self, other: Graph) -> FastGraph:
        """Set-theoretic intersection."""
        both = type(self)()
        both.add_triples(t for t in other if t in self)
        return both

    def __sub__(self, other: Graph) -> FastGraph:
        """Set-theoretic difference."""
        rest = type(self)()
        rest.add_triples(t for t in self if t not in other)
        return rest

    def to_rdflib(self) -> Graph:
        """A copy in a plain rdflib ``Graph`` (``Memory`` store), with the same prefixes: for
        tools that need a context-aware store, such as pySHACL.

        >>> g = FastGraph(bind_namespaces="none")
        >>> g.bind("ex", "https://ex.org/")
        >>> plain = g.to_rdflib()
        >>> type(plain).__name__, dict(plain.namespaces())["ex"]
        ('Graph', rdflib.term.URIRef('https://ex.org/'))
        """
        plain = Graph(bind_namespaces="none")
        for prefix, namespace in self.namespaces():
            plain.bind(prefix, namespace)
        plain += self
        return plain

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Run a SPARQL update on this graph. rdflib's update engine takes only a plain
        ``Graph`` for a single graph, so the update runs on one that shares this store."""
        view = Graph(self.triple_store, self.identifier, self.namespace_manager)
        view.update(*args, **kwargs)

    __or__ = __add__
    __and__ = __mul__


class _StoreOf:
    """What a ``NamespaceManager`` uses of its graph: its store (which does not hold the graph:
    no cycle; the manager keeps working when it outlives the graph, as rdflib's does)."""

    __slots__ = ("store",)

    def __init__(self, store: Store) -> None:
        self.store = store


def copy_triples(graph: Graph, source: Graph) -> None:
    """Add the triples of ``source`` to ``graph``: as a copy of the index when both are
    :class:`FastGraph` and ``graph`` is empty (:meth:`TripleStore.copy_of`).

    >>> from rdflib import Literal, URIRef
    >>> g, h = FastGraph(), FastGraph()
    >>> g.add_triples([(URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal("x"))])
    >>> copy_triples(h, g)
    >>> list(h) == list(g)
    True
    """
    if isinstance(graph, FastGraph) and isinstance(source, FastGraph):
        graph.triple_store.copy_of(source.triple_store)
    else:
        add_triples(graph, source)


def add_triples(graph: Graph, triples: Iterable[Triple]) -> None:
    """Add ``triples`` to ``graph``: in bulk on a :class:`FastGraph`, one by one otherwise.

    >>> from rdflib import Literal, URIRef
    >>> g = Graph()
    >>> add_triples(g, [(URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal("x"))])
    >>> len(g)
    1
    """
    if isinstance(graph, FastGraph):
        graph.add_triples(triples)
    else:
        for triple in triples:
            graph.add(triple)


__all__ = ["FastGraph", "TripleStore", "add_triples", "copy_triples"]
