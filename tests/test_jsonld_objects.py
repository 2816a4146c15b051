"""muniorg.rdf.jsonld writes each object from a plan made once per class; the objects are those
of the plain walk over the fields (kept here as the reference), key for key and in the same
order, on every example and on generated models of every class. A unit's flat.jsonl lines are
those json.dumps writes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from muniorg.authoring.load import load_paths
from muniorg.formats.jsonld import dumps, indented_json
from muniorg.model.classes import CLASSES
from muniorg.model.kinds import KINDS
from muniorg.model.node import Node
from muniorg.model.schema import ValueKind
from muniorg.model.walk import natural_key, walk
from muniorg.publish.units import flat_lines
from muniorg.rdf.graph import NAME_ALIASES, name_field
from muniorg.rdf.jsonld import _CLASS_TERMS, compact_and_flat, flatten, to_jsonld, type_value
from tests.test_mapping import node_strategy

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "https://w3id.org/muniorg/context.jsonld"


def reference_object(node: Node, context: Any, nested: Callable[[Node], Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if context is not None:
        out["@context"] = context
    if node.id is not None:
        out["id"] = node.id
    out["type"] = type_value(node.SPEC, _CLASS_TERMS)
    named = name_field(node.SPEC)
    for field in node.SPEC.fields:
        value = getattr(node, field.key)
        if field is named and value:
            for key in (field.key, *(alias for alias, _ in NAME_ALIASES)):
                out[key] = dict(value) if field.kind is ValueKind.LANG_MAP else value
            continue
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
            converted = [KINDS[field.kind].to_json(v) for v in values]
        out[field.key] = converted if field.many else converted[0]
    return out


def reference_compact(node: Node, context: Any = CONTEXT) -> dict[str, Any]:
    return reference_object(node, context, lambda child: reference_compact(child, None))


def reference_flat(root: Node) -> dict[str, Any]:
    flat: dict[str, dict[str, Any]] = {}
    for node in walk(root):
        document = reference_object(node, None, lambda child: {"id": child.id})
        previous = flat.setdefault(document["id"], dict(document))
        for key, value in document.items():
            previous.setdefault(key, value)
    return {"@context": CONTEXT, "@graph": [flat[k] for k in sorted(flat, key=natural_key)]}


def same_text(a: Any, b: Any) -> bool:
    return dumps(a) == dumps(b)  # keys in order, values of the same JSON


def check(root: Node) -> None:
    compact, flat = compact_and_flat(root)
    assert same_text(compact, reference_compact(root))
    assert same_text(to_jsonld(root), reference_compact(root))
    assert same_text(flat, reference_flat(root))
    assert same_text(flatten([root]), reference_flat(root))


def test_every_example():
    for document in load_paths([ROOT / "examples"]).documents:
        check(document.root)


@pytest.mark.parametrize("key", sorted(CLASSES))
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_generated_models(key, data):
    check(data.draw(node_strategy(CLASSES[key], "https://ex.org/root")))


@given(
    st.lists(
        st.tuples(st.text(), st.dictionaries(st.text(max_size=3), st.text(), max_size=3)),
        max_size=4,
    )
)
def test_flat_lines_are_json_dumps_of_id_and_text(pairs):
    objects = [{"id": iri, **values} for iri, values in pairs]
    expected = [
        json.dumps([o["id"], indented_json(o).replace("\n", "\n    ")], ensure_ascii=False) + "\n"
        for o in objects
    ]
    assert list(flat_lines(objects)) == expected
