"""The fast walks of the front of a build (ids, references, canonical order, triples) against
the plain implementations they replaced, kept here as the reference: the same model objects,
the same triples in the same order, the same errors, for generated models of every class and
for the bundled examples."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.namespace import RDF
from test_mapping import node_strategy

from muniorg.authoring.load import load_file, load_paths
from muniorg.core.errors import MappingError
from muniorg.core.namespaces import new_graph
from muniorg.core.triplestore import add_triples
from muniorg.model.check import with_values
from muniorg.model.classes import CLASSES, Committee, Council, Person
from muniorg.model.ids import _child_iri, assign_ids
from muniorg.model.kinds import KINDS
from muniorg.model.node import Node
from muniorg.model.schema import Field, ValueKind
from muniorg.model.walk import (
    AUTHORED_ORDER,
    canonical,
    children,
    graph_order,
    natural_key,
    rebuild,
    sort_values,
    walk,
)
from muniorg.rdf.graph import NAME_ALIASES, name_field, to_graph, triples

ROOT = Path(__file__).resolve().parents[1]


# --- the reference implementations (as they were before the walks were planned per class) ---


def ref_rebuild(node: Node, value: Any = None, *, child: Any = None) -> Any:
    def nested(field: Field, index: int | None, obj: Node) -> Node:
        return child(field, index, obj) if child is not None else ref_rebuild(obj, value)

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


def ref_canonical(node: Node) -> Any:
    return ref_rebuild(node, _canonical_value)


def ref_graph_order(node: Node) -> Any:
    return ref_rebuild(node, _graph_value)


def ref_assign_ids(
    node: Node, iri: str, root: str | None = None, on_assign: Callable[..., None] | None = None
) -> Any:
    root = root or iri

    def child(field: Field, index: int | None, obj: Node) -> Node:
        minted = f"{iri}/{field.key}" if index is None else f"{iri}/{field.key}/{index}"
        return ref_assign_ids(obj, _child_iri(obj, minted, root), root, on_assign)

    copy = with_values(ref_rebuild(node, child=child), {"id": iri})
    if on_assign is not None:
        on_assign(node, copy)
    return copy


def _values(node: Node, field: Field) -> list[Any]:
    value = getattr(node, field.key)
    if field.kind is ValueKind.LANG_MAP:
        return list(value.items())
    if field.kind is ValueKind.LANG_LIST_MAP:
        return [(lang, text) for lang, texts in value.items() for text in texts]
    if field.many:
        return list(value)
    return [] if value is None else [value]


def ref_triples(node: Node) -> Iterator[Any]:
    for current in walk(node):
        if current.id is None:
            raise MappingError(
                f"{current.SPEC.key} has no id: call muniorg.model.ids.assign_ids first"
            )
        subject = URIRef(current.id)
        for rdf_type in current.SPEC.all_types:
            yield subject, RDF.type, rdf_type
        named = name_field(current.SPEC)
        names: list[Any] = []
        for field in current.SPEC.fields:
            to_term = KINDS[field.kind].to_term
            terms = [to_term(field, value) for value in _values(current, field)]
            if field is named:
                names = terms
            for obj in terms:
                yield (obj, field.path, subject) if field.inverse else (subject, field.path, obj)
        for term in names:
            for _, alias in NAME_ALIASES:
                yield subject, alias, term


def ref_walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed([child for _, _, child in children(current)]))


# --- the comparisons --------------------------------------------------------------------------


def _strict(triple_list: list[Any]) -> list[Any]:
    """Triples with each term's class: rdflib's ``==`` alone lets a URIRef equal a str."""
    return [tuple((type(t), t) for t in triple) for triple in triple_list]


def _index(graph: Any) -> list[Any]:
    """A FastGraph's index as lists, in its order, each term with its class."""
    return [
        (
            (type(s), s),
            [((type(p), p), [(type(o), o) for o in objects]) for p, objects in by_p.items()],
        )
        for s, by_p in graph.triple_store.spo.items()
    ]


def _same_everywhere(model: Node) -> None:
    assert canonical(model) == ref_canonical(model)
    assert graph_order(model) == ref_graph_order(model)
    assert [id(n) for n in walk(model)] == [id(n) for n in ref_walk(model)]
    assert _strict(list(triples(model))) == _strict(list(ref_triples(model)))
    expected_graph = new_graph()
    add_triples(expected_graph, ref_triples(model))
    assert _index(to_graph(model)) == _index(expected_graph)
    # added to a graph that holds some of the triples and has its inverse index built
    partly = new_graph()
    add_triples(partly, list(ref_triples(model))[::3])
    assert partly.triple_store.ops is not None  # built now, kept up to date from here on
    to_graph(model, graph=partly)
    assert set(partly) == set(expected_graph) and len(partly) == len(expected_graph)
    inverse: dict[Any, dict[Any, set[Any]]] = {}
    for s, p, o in expected_graph:
        inverse.setdefault(o, {}).setdefault(p, set()).add(s)
    ops = partly.triple_store.ops
    assert {
        o: {p: set(subjects) for p, subjects in by_p.items()} for o, by_p in ops.items()
    } == inverse
    seen: list[tuple[int, str | None]] = []
    expected: list[tuple[int, str | None]] = []
    ours = assign_ids(
        model, "https://ex.org/new", on_assign=lambda o, n: seen.append((id(o), n.id))
    )
    theirs = ref_assign_ids(
        model, "https://ex.org/new", on_assign=lambda o, n: expected.append((id(o), n.id))
    )
    assert ours == theirs and seen == expected

    def mark(node: Node, field: Field, value: Any) -> Any:
        if field.kind not in (ValueKind.REFERENCE, ValueKind.IRI):
            return value
        if field.many:
            return [f"{v}#x" for v in value]
        return None if value is None else f"{value}#x"

    kinds = frozenset({ValueKind.REFERENCE, ValueKind.IRI})
    assert rebuild(model, mark, kinds=kinds) == ref_rebuild(model, mark)
    assert rebuild(model, mark) == ref_rebuild(model, mark)


@pytest.mark.parametrize("key", sorted(CLASSES))
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_generated_models_walk_as_before(key: str, data: st.DataObject) -> None:
    model = data.draw(node_strategy(CLASSES[key], "https://ex.org/root"))
    _same_everywhere(model)
    _same_everywhere(ref_canonical(model))


def test_examples_walk_as_before() -> None:
    for document in load_paths([ROOT / "examples"]).documents:
        _same_everywhere(document.root)


def test_what_is_in_order_already_is_kept() -> None:
    """canonical and graph_order copy only what they reorder (the old walk copied every object
    with a language map or a list); the result is equal either way."""
    council = Council(
        id="https://ex.org/c",
        name={"da": "Byråd", "en": "Council"},
        committees=[Committee(id=f"https://ex.org/c/{k}", name={"da": k}) for k in "ba"],
    )
    assert canonical(council) is council
    reordered = graph_order(council)
    assert reordered is not council and reordered == ref_graph_order(council)
    assert reordered.committees[0] is council.committees[1]  # the committees are not copied
    unsorted = Person(id="https://ex.org/p", name="P", email=["b@ex.org", "a@ex.org"])
    assert canonical(unsorted).email == ["a@ex.org", "b@ex.org"]
    assert canonical(unsorted) == ref_canonical(unsorted)


def test_missing_ids_fail_as_before() -> None:
    nameless = Council(id="https://ex.org/c", committees=[Committee(name={"da": "x"})])
    for make in (lambda: list(triples(nameless)), lambda: list(ref_triples(nameless))):
        with pytest.raises(MappingError, match=r"the Committee in 'committees' has no id"):
            make()
    with pytest.raises(MappingError, match=r"^Council has no id"):
        to_graph(Council(name={"da": "x"}))


def test_values_read_before_are_read_again_with_their_errors(tmp_path: Path) -> None:
    """The loader keeps the values of texts it read (per kind): a text read as one kind is
    read afresh as another, and a text that failed fails again, at its own position."""
    path = tmp_path / "m.yaml"
    path.write_text(
        "type: Municipality\nid: soroe\nname: {da: Sorø Kommune, dk: Sorø}\ncountry: DNK\n"
        "homepage: 'https://soroe.dk/'\nseats: '25'\n"
        "identifiers:\n  - {scheme: dk-kommunekode, notation: 'https://soroe.dk/'}\n",
        encoding="utf-8",
    )
    first, second = load_file(path), load_file(path)
    messages = [str(e) for e in first.errors]
    assert messages == [str(e) for e in second.errors]
    assert any("'dk' is not a language code" in m and "m.yaml:3:" in m for m in messages)
    assert len(messages) == 2  # the language and the seats
    fixed = tmp_path / "ok.yaml"
    fixed.write_text(
        "type: Municipality\nid: soroe\nname: {da: Sorø Kommune}\ncountry: DNK\n"
        "homepage: 'https://soroe.dk/'\n"
        "identifiers:\n  - {scheme: dk-kommunekode, notation: 'https://soroe.dk/'}\n",
        encoding="utf-8",
    )
    a, b = load_file(fixed).document, load_file(fixed).document
    assert a is not None and b is not None and a.root == b.root
    assert a.root.identifiers[0].notation == "https://soroe.dk/"
