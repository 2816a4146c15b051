"""The one walk over the model: nested objects found, visited and copied through ``SPEC.fields``.

Every job that goes through a tree of model objects uses these, instead of its own recursion:
minting ids (:func:`muniorg.model.ids.assign_ids`), resolving references (the YAML loader),
putting lists in canonical order (:func:`canonical`), flattening to JSON-LD, finding hidden
persons and listing triples.

- :func:`children`: the objects nested directly in a node, with the field and list position;
- :func:`walk`: a node and everything nested in it, parents before children;
- :func:`rebuild`: a copy with some values changed, sharing what did not change (the node
  itself comes back when nothing changed).

Order of lists
--------------
RDF has no order, so a list is published in an order of its own (:func:`canonical`), the same
for the same input, one of three:

- **calendar order** for days of the week (:data:`DAY_ORDER`: Monday ... Sunday, then public
  holidays), which the graph carries too: the days are the order;
- **as authored** for the fields of :data:`AUTHORED_ORDER`, where the order written is the
  meaning (the units and posts of an organisation chart in the order the municipality presents
  them, the goals of a strategy as numbered). Reading a graph cannot give it back: the graph
  reading sorts these too (:func:`graph_order`), and a build puts them back in the authored
  order with :func:`in_order_of`;
- **sorted** for every other list: nested objects by IRI in natural order (``/2`` before
  ``/10``; objects without an own id get ``.../key/1``, ``.../key/2`` in the order written),
  other values by their text.

Example:
    >>> from muniorg.model.classes import Municipality, Identifier
    >>> m = Municipality(id="m", identifiers=[Identifier(id="m/2"), Identifier(id="m/10")])
    >>> [n.id for n in walk(m)]
    ['m', 'm/2', 'm/10']
    >>> [(f.key, i, c.id) for f, i, c in children(m)]
    [('identifiers', 1, 'm/2'), ('identifiers', 2, 'm/10')]
    >>> canonical(m) == m, rebuild(m) is m
    (True, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from muniorg.model.check import with_values
from muniorg.model.node import Node
from muniorg.model.schema import Field, ValueKind

N = TypeVar("N", bound=Node)

#: ``value(node, field, value)``: the new value of ``field`` (return ``value`` to keep it).
ValueChange = Callable[[Node, Field, Any], Any]
#: ``child(field, index, child)``: the new nested object (``index`` from 1 in a list, else None).
ChildChange = Callable[[Field, int | None, Node], Node]


def children(node: Node) -> Iterator[tuple[Field, int | None, Node]]:
    """The objects nested directly in ``node``: ``(field, index, child)`` in field order.

    ``index`` counts from 1 in a list field and is ``None`` for a single nested object.
    """
    for field in node.SPEC.fields:
        if field.kind is not ValueKind.NESTED:
            continue
        value = getattr(node, field.key)
        if field.many:
            for index, child in enumerate(value, start=1):
                yield field, index, child
        elif value is not None:
            yield field, None, value


def walk(node: Node) -> Iterator[Node]:
    """``node`` and every object nested in it, in pre-order (a parent before its children)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed([child for _, _, child in children(current)]))


def rebuild(node: N, value: ValueChange | None = None, *, child: ChildChange | None = None) -> N:
    """A copy of ``node`` with values changed; ``node`` itself when nothing changed.

    Nested objects are rebuilt first, the same way (so ``value`` sees them already rebuilt), or
    passed to ``child(field, index, child)`` when it is given: ``child`` then decides the new
    object, and recurses with :func:`rebuild` if it wants to. ``value(node, field, value)`` is
    then called for every field of ``node`` (``node`` is the original object) and returns the
    new value. A value counts as changed when it is not the same object as before.

    >>> from muniorg.model.classes import Person
    >>> p = Person(id="p", name="A", email=["a@ex.org"])
    >>> rebuild(p, lambda n, f, v: [] if f.key == "email" else v).email
    []
    """

    def nested(field: Field, index: int | None, obj: Node) -> Node:
        return child(field, index, obj) if child is not None else rebuild(obj, value)

    changes: dict[str, Any] = {}
    for field in node.SPEC.fields:
        old = getattr(node, field.key)
        new = old
        if field.kind is ValueKind.NESTED:
            if field.many:
                items = [nested(field, i, c) for i, c in enumerate(old, start=1)]
                if any(a is not b for a, b in zip(items, old, strict=True)):
                    new = items
            elif old is not None:
                new = nested(field, None, old)
        if value is not None:
            new = value(node, field, new)
        if new is not old:
            changes[field.key] = new
    return with_values(node, changes) if changes else node


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders embedded numbers by value: ``x/2`` before ``x/10``.

    >>> sorted(["x/10", "x/2"], key=natural_key)
    ['x/2', 'x/10']
    """
    parts: list[Any] = _NUMBERS.split(text)
    # Alternate text and number parts so that tuples always compare like with like.
    parts[1::2] = map(int, parts[1::2])
    return tuple(parts)


_NUMBERS = re.compile(r"([0-9]+)")


#: The codes of schema.org's days (``schema:dayOfWeek``) in calendar order; a list of them is
#: in this order, not alphabetical.
DAY_ORDER: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "PublicHolidays",
)
_DAY_NAMESPACE = "http://schema.org/"

#: The list fields (class key, field key) kept in the order authored: the order is part of what
#: the author says (see the module docs). Other lists are sorted.
AUTHORED_ORDER: frozenset[tuple[str, str]] = frozenset(
    {
        ("Municipality", "departments"),
        ("Municipality", "coDeterminationBodies"),
        ("Municipality", "posts"),
        ("Council", "committees"),
        ("Council", "posts"),
        ("Committee", "posts"),
        ("Department", "units"),
        ("Department", "posts"),
        ("CoDeterminationBody", "units"),
        ("CooperationProgramme", "networks"),
        ("Strategy", "goals"),
    }
)


def _day_key(value: Any) -> tuple[int, tuple[Any, ...]]:
    text = str(value).removeprefix(_DAY_NAMESPACE)
    place = DAY_ORDER.index(text) if text in DAY_ORDER else len(DAY_ORDER)
    return place, natural_key(text)


def sort_values(field: Field, values: list[Any]) -> list[Any]:
    """``values`` of a list field in the order the graph reading gives: days of the week in
    calendar order, nested objects by IRI, others by text.

    >>> from muniorg.model.classes import OpeningHours
    >>> days = OpeningHours.SPEC.field("days")
    >>> sort_values(days, ["Friday", "Monday", "Thursday"])
    ['Monday', 'Thursday', 'Friday']
    """
    return sorted(values, key=sort_key(field))


def sort_key(field: Field) -> Callable[[Any], Any]:
    """The key :func:`sort_values` sorts the values of ``field`` by.

    >>> from muniorg.model.classes import OpeningHours
    >>> sort_key(OpeningHours.SPEC.field("days"))("Monday")
    (0, ('Monday',))
    """
    if field.kind is ValueKind.NESTED:
        return _id_key
    if field.code_namespace == _DAY_NAMESPACE:
        return _day_key
    return _text_key


def _id_key(node: Node) -> tuple[Any, ...]:
    return natural_key(node.id or "")


def _text_key(value: Any) -> tuple[Any, ...]:
    return natural_key(str(value))


def _graph_value(node: Node, field: Field, value: Any) -> Any:
    if field.kind is ValueKind.LANG_MAP:
        return dict(sorted(value.items()))
    if field.kind is ValueKind.LANG_LIST_MAP:
        return {k: sorted(v, key=natural_key) for k, v in sorted(value.items())}
    if field.many:
        return sort_values(field, list(value))
    return value


def _canonical_value(node: Node, field: Field, value: Any) -> Any:
    if (node.SPEC.key, field.key) in AUTHORED_ORDER:
        return value
    return _graph_value(node, field, value)


def canonical(node: N) -> N:
    """A copy of ``node`` with every list in its published order (see the module docs): the
    fields of :data:`AUTHORED_ORDER` as they are, days in calendar order, the others sorted.

    >>> from muniorg.model.classes import Person
    >>> canonical(Person(id="p", email=["b@ex.org", "a@ex.org"])).email
    ['a@ex.org', 'b@ex.org']
    """
    return rebuild(node, _canonical_value)


def graph_order(node: N) -> N:
    """A copy of ``node`` with every list in the order reading its graph gives
    (:func:`muniorg.rdf.graph.from_graph`): as :func:`canonical`, but the fields of
    :data:`AUTHORED_ORDER` sorted too, since RDF does not keep their order.

    >>> from muniorg.model.classes import Council, Committee
    >>> c = Council(id="c", committees=[Committee(id="c/b"), Committee(id="c/a")])
    >>> [u.id for u in canonical(c).committees], [u.id for u in graph_order(c).committees]
    (['c/b', 'c/a'], ['c/a', 'c/b'])
    """
    return rebuild(node, _graph_value)


def in_order_of(node: N, authored: Node) -> N:
    """``node`` (read from a graph) with the lists of :data:`AUTHORED_ORDER` in the order of the
    same lists in ``authored`` (the model the graph was written from), matched by IRI. Objects
    that ``authored`` does not have in that list keep their place after the others.

    >>> from muniorg.model.classes import Council, Committee
    >>> read = Council(id="c", committees=[Committee(id="c/a"), Committee(id="c/b")])
    >>> written = Council(id="c", committees=[Committee(id="c/b"), Committee(id="c/a")])
    >>> [u.id for u in in_order_of(read, written).committees]
    ['c/b', 'c/a']
    """
    places: dict[tuple[str, str], dict[str, int]] = {}
    for original in walk(authored):
        for key in (f for c, f in AUTHORED_ORDER if c == original.SPEC.key):
            ids = [child.id for child in getattr(original, key)]
            places[(original.id or "", key)] = {i: n for n, i in enumerate(ids) if i is not None}

    def value(owner: Node, field: Field, current: Any) -> Any:
        place = places.get((owner.id or "", field.key))
        if place is None:
            return current
        ordered = sorted(current, key=lambda child: place.get(child.id or "", len(place)))
        same = [c.id for c in ordered] == [c.id for c in current]
        return current if same else ordered

    return rebuild(node, value)


__all__ = [
    "AUTHORED_ORDER",
    "DAY_ORDER",
    "canonical",
    "children",
    "graph_order",
    "in_order_of",
    "natural_key",
    "rebuild",
    "sort_key",
    "sort_values",
    "walk",
]
