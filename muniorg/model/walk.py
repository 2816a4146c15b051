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
from operator import is_
from typing import Any, TypeVar

from muniorg.model.check import with_values
from muniorg.model.node import Node
from muniorg.model.schema import Field, ValueKind

N = TypeVar("N", bound=Node)

#: ``value(node, field, value)``: the new value of ``field`` (return ``value`` to keep it).
ValueChange = Callable[[Node, Field, Any], Any]
#: ``child(field, index, child)``: the new nested object (``index`` from 1 in a list, else None).
ChildChange = Callable[[Field, int | None, Node], Node]


def nested_fields(cls: type[Node]) -> tuple[Field, ...]:
    """The fields of ``cls`` that hold nested objects, in field order (worked out once per
    class: every walk asks for them at every object).

    >>> from muniorg.model.classes import Council
    >>> [f.key for f in nested_fields(Council)][:3]
    ['committees', 'posts', 'memberships']
    """
    found = _NESTED.get(cls)
    if found is None:
        found = _NESTED[cls] = tuple(f for f in cls.SPEC.fields if f.kind is ValueKind.NESTED)
    return found


#: :func:`nested_fields` of each class seen.
_NESTED: dict[type[Node], tuple[Field, ...]] = {}


def children(node: Node) -> Iterator[tuple[Field, int | None, Node]]:
    """The objects nested directly in ``node``: ``(field, index, child)`` in field order.

    ``index`` counts from 1 in a list field and is ``None`` for a single nested object.
    """
    values = node.__dict__
    for field in nested_fields(type(node)):
        value = values[field.key]
        if field.many:
            for index, child in enumerate(value, start=1):
                yield field, index, child
        elif value is not None:
            yield field, None, value


def walk(node: Node) -> Iterator[Node]:
    """``node`` and every object nested in it, in pre-order (a parent before its children)."""
    stack = [node]
    pop = stack.pop
    while stack:
        current = pop()
        yield current
        values = current.__dict__
        below = []
        for field in nested_fields(type(current)):
            value = values[field.key]
            if field.many:
                below.extend(value)
            elif value is not None:
                below.append(value)
        if below:
            below.reverse()
            stack.extend(below)


def rebuild(
    node: N,
    value: ValueChange | None = None,
    *,
    child: ChildChange | None = None,
    kinds: frozenset[ValueKind] | None = None,
) -> N:
    """A copy of ``node`` with values changed; ``node`` itself when nothing changed.

    Nested objects are rebuilt first, the same way (so ``value`` sees them already rebuilt), or
    passed to ``child(field, index, child)`` when it is given: ``child`` then decides the new
    object, and recurses with :func:`rebuild` if it wants to. ``value(node, field, value)`` is
    then called for every field of ``node`` (``node`` is the original object) and returns the
    new value; with ``kinds``, only for the fields of those kinds (the others are kept, as a
    ``value`` that returns them as they are would: the walk then skips them). A value counts as
    changed when it is not the same object as before.

    >>> from muniorg.model.classes import Person
    >>> p = Person(id="p", name="a", email=["a@ex.org"])
    >>> rebuild(p, lambda n, f, v: [] if f.key == "email" else v).email
    []
    >>> names = frozenset({ValueKind.STRING})
    >>> upper = rebuild(p, lambda n, f, v: v.upper() if isinstance(v, str) else v, kinds=names)
    >>> upper.name, upper.email
    ('A', ['a@ex.org'])
    """
    if kinds is not None and child is None and value is not None:
        return _rebuild_kinds(node, value, kinds)

    def nested(field: Field, index: int | None, obj: Node) -> Node:
        return child(field, index, obj) if child is not None else rebuild(obj, value, kinds=kinds)

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
        if value is not None and (kinds is None or field.kind in kinds):
            new = value(node, field, new)
        if new is not old:
            changes[field.key] = new
    return with_values(node, changes) if changes else node


def _rebuild_kinds(node: N, value: ValueChange, kinds: frozenset[ValueKind]) -> N:
    """``rebuild(node, value, kinds=kinds)``: the fields that can change (nested objects and
    the fields of ``kinds``) are worked out once per class, and only they are visited."""
    cls = type(node)
    plan = _KIND_PLANS.get((cls, kinds))
    if plan is None:
        plan = _KIND_PLANS[(cls, kinds)] = tuple(
            f for f in cls.SPEC.fields if f.kind is ValueKind.NESTED or f.kind in kinds
        )
    values = node.__dict__
    changes: dict[str, Any] | None = None
    for field in plan:
        old = new = values[field.key]
        if field.kind is ValueKind.NESTED:
            if field.many:
                if old:
                    items = [_rebuild_kinds(c, value, kinds) for c in old]
                    if any(a is not b for a, b in zip(items, old, strict=True)):
                        new = items
            elif old is not None:
                new = _rebuild_kinds(old, value, kinds)
        if field.kind in kinds:
            new = value(node, field, new)
        if new is not old:
            if changes is None:
                changes = {}
            changes[field.key] = new
    return with_values(node, changes) if changes else node


_KIND_PLANS: dict[tuple[type[Node], frozenset[ValueKind]], tuple[Field, ...]] = {}


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


def canonical(node: N) -> N:
    """A copy of ``node`` with every list in its published order (see the module docs): the
    fields of :data:`AUTHORED_ORDER` as they are, days in calendar order, the others sorted.
    What is in that order already is kept (``node`` itself comes back when all of it is).

    >>> from muniorg.model.classes import Person
    >>> canonical(Person(id="p", email=["b@ex.org", "a@ex.org"])).email
    ['a@ex.org', 'b@ex.org']
    >>> p = Person(id="p", email=["a@ex.org", "b@ex.org"], name="A")
    >>> canonical(p) is p
    True
    """
    return _in_order(node, True)


def graph_order(node: N) -> N:
    """A copy of ``node`` with every list in the order reading its graph gives
    (:func:`muniorg.rdf.graph.from_graph`): as :func:`canonical`, but the fields of
    :data:`AUTHORED_ORDER` sorted too, since RDF does not keep their order.

    >>> from muniorg.model.classes import Council, Committee
    >>> c = Council(id="c", committees=[Committee(id="c/b"), Committee(id="c/a")])
    >>> [u.id for u in canonical(c).committees], [u.id for u in graph_order(c).committees]
    (['c/b', 'c/a'], ['c/a', 'c/b'])
    """
    return _in_order(node, False)


# What _in_order does with a field (see _order_plan).
_ONE, _MANY, _MANY_SORTED, _TEXTS, _TEXT_LISTS, _SORTED = range(6)


def _order_plan(
    cls: type[Node], authored: bool
) -> tuple[tuple[str, int, Callable[[Any], Any] | None], ...]:
    """What :func:`_in_order` does with each field of ``cls`` that it may change, in field
    order: ``(key, what, sort key)``; ``authored``: the fields of :data:`AUTHORED_ORDER` keep
    their order. The rules of :func:`sort_values` and of language maps, worked out once."""
    plan = _ORDER_PLANS.get((cls, authored))
    if plan is not None:
        return plan
    steps: list[tuple[str, int, Callable[[Any], Any] | None]] = []
    for field in cls.SPEC.fields:
        keep = authored and (cls.SPEC.key, field.key) in AUTHORED_ORDER
        if field.kind is ValueKind.NESTED:
            if not field.many:
                steps.append((field.key, _ONE, None))
            else:
                steps.append((field.key, _MANY if keep else _MANY_SORTED, sort_key(field)))
        elif keep:
            continue
        elif field.kind is ValueKind.LANG_MAP:
            steps.append((field.key, _TEXTS, None))
        elif field.kind is ValueKind.LANG_LIST_MAP:
            steps.append((field.key, _TEXT_LISTS, natural_key))
        elif field.many:
            steps.append((field.key, _SORTED, sort_key(field)))
    plan = _ORDER_PLANS[(cls, authored)] = tuple(steps)
    return plan


_ORDER_PLANS: dict[tuple[type[Node], bool], tuple[tuple[str, int, Any], ...]] = {}


def _same_items(new: list[Any], old: Any) -> bool:
    """Whether the list ``new`` holds the items of the list ``old``, the same objects in the
    same order (so that ``old`` can be kept)."""
    if type(old) is not list or len(new) != len(old):
        return False
    return all(map(is_, new, old))


def _in_order(node: N, authored: bool) -> N:
    """``node`` with its lists in order (:func:`canonical` when ``authored``, else
    :func:`graph_order`); a value already in order is kept as it is, and so is ``node``
    when all of it is. Equal to ``rebuild(node, rule)`` with the rule of each (the lists and
    language maps come out equal; only what is in order already stays the same object)."""
    values = node.__dict__
    changes: dict[str, Any] | None = None
    for key, what, order in _order_plan(type(node), authored):
        old = values[key]
        if what == _ONE:
            if old is None:
                continue
            new = _in_order(old, authored)
        elif not old:
            continue  # an empty list or map is in order
        elif what == _TEXTS:
            if type(old) is dict and _sorted_keys(old):
                continue
            new = dict(sorted(old.items()))
        elif what == _TEXT_LISTS:
            if type(old) is dict and _sorted_keys(old):
                texts = {lang: _sorted(items, order) for lang, items in old.items()}
                if all(texts[lang] is items for lang, items in old.items()):
                    continue
                new = texts
            else:
                new = {lang: sorted(items, key=order) for lang, items in sorted(old.items())}
        elif what == _SORTED:
            new = _sorted(old, order)
        else:
            items = [_in_order(child, authored) for child in old]
            if what == _MANY_SORTED and len(items) > 1:
                items.sort(key=order)
            new = old if _same_items(items, old) else items
        if new is not old:
            if changes is None:
                changes = {}
            changes[key] = new
    return with_values(node, changes) if changes else node


def _sorted_keys(mapping: dict[str, Any]) -> bool:
    keys = list(mapping)
    return keys == sorted(keys)


def _sorted(values: Any, order: Any) -> Any:
    """``values`` sorted by ``order``: the list itself when it is in that order already."""
    if len(values) < 2 and type(values) is list:
        return values
    new = sorted(values, key=order)
    return values if _same_items(new, values) else new


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
