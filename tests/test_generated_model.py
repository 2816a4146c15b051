"""The generated model (muniorg/model/classes.py): the same schema as the shapes, written short."""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys

import pytest
from rdflib import Graph, URIRef

from muniorg.core.namespaces import MUNIORG_SHAPES
from muniorg.core.resources import ONTOLOGY_FILE, SHAPES_FILE
from muniorg.generate.model import DECORATOR, render_model
from muniorg.model.classes import CLASSES
from muniorg.model.node import Node
from muniorg.model.schema import ClassSpec, Field, ValueKind, load_schema, schema_from_graphs


@pytest.mark.parametrize("key", sorted(CLASSES))
def test_spec_equals_the_schema_read_from_the_shapes(key: str) -> None:
    # The generated SPEC leaves out defaults and derived values; what it builds must still be
    # exactly what load_schema() reads from shapes.ttl (shape IRIs, order and names included).
    assert load_schema().classes[key] == CLASSES[key].SPEC


def test_generated_text_writes_no_defaults_and_no_derived_values() -> None:
    text = render_model()
    # the classes' decorator turns off the methods dataclass would write: they are written out
    text = text.replace(DECORATOR, "@dataclass(kw_only=True)")
    # and the methods themselves name every field (``order={self.order!r}``): not the SPEC's
    specs = re.sub(r"\n    def __init__\(.*?(?=\n\n\n|\Z)", "", text, flags=re.DOTALL)
    assert "self.id" not in specs and "self.id" in text
    text, whole = specs, text
    for needle in ("=False", "=None", "shape=", "order=", "eq=True", "key=", "path="):
        assert needle not in text, needle
    assert max(len(line) for line in whole.splitlines()) <= 100


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_written_out_methods_are_those_dataclass_makes(name: str) -> None:
    """classes.py writes out __init__, __repr__ and __eq__ (see muniorg.generate.model): they
    take, show and compare the same as the methods of a plain ``@dataclass(kw_only=True)``."""
    cls = CLASSES[name]
    # written in classes.py (compiled once, into its bytecode cache) or made by
    # muniorg.model.node.dataclass_methods, not compiled by exec() at import
    assert cls.__init__.__code__.co_filename == sys.modules[cls.__module__].__file__
    assert cls.__eq__.__code__.co_filename == sys.modules[Node.__module__].__file__
    assert cls.__repr__.__qualname__ == "dataclass_methods.<locals>.__repr__"
    plain = dataclasses.make_dataclass(
        name,
        [
            (
                f.name,
                object,
                dataclasses.field(default=f.default, default_factory=f.default_factory),
            )
            for f in dataclasses.fields(cls)
        ],
        kw_only=True,
    )
    written, made = inspect.signature(cls), inspect.signature(plain)
    assert [(p.name, p.kind, repr(p.default)) for p in written.parameters.values()] == [
        (p.name, p.kind, repr(p.default)) for p in made.parameters.values()
    ]
    ours, theirs = cls(), plain()
    assert repr(ours) == repr(theirs)
    assert vars(ours) == vars(theirs)
    assert ours == cls() and ours != theirs and ours.__eq__(theirs) is NotImplemented
    assert cls(id="https://ex.org/a") != cls(id="https://ex.org/b")
    assert cls.__hash__ is None and plain.__hash__ is None  # unhashable, as with eq=True
    for f in dataclasses.fields(cls):  # each object has its own new dict or list
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(ours, f.name) is not getattr(cls(), f.name)


def test_spec_derives_shapes_order_and_names() -> None:
    spec = ClassSpec(
        "Address",
        URIRef("http://www.w3.org/ns/locn#Address"),
        "An address.",
        fields=(
            Field("postCode", URIRef("http://www.w3.org/ns/locn#postCode"), ValueKind.STRING),
            Field("poBox", URIRef("http://www.w3.org/ns/locn#poBox"), ValueKind.STRING),
        ),
    )
    assert spec.shape == MUNIORG_SHAPES.Address
    assert [(f.name, f.order, f.shape) for f in spec.fields] == [
        ("post code", 0, MUNIORG_SHAPES["Address-postCode"]),
        ("po box", 1, MUNIORG_SHAPES["Address-poBox"]),
    ]


def test_a_shape_named_against_the_rule_is_refused() -> None:
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    old, new = MUNIORG_SHAPES["Address-postCode"], MUNIORG_SHAPES["Address-zip"]
    for s, p, o in list(shapes.triples((old, None, None))):
        shapes.remove((s, p, o))
        shapes.add((new, p, o))
    for s, p, o in list(shapes.triples((None, None, old))):
        shapes.remove((s, p, o))
        shapes.add((s, p, new))
    with pytest.raises(ValueError, match=r"Address-zip must be named .*Address-postCode"):
        schema_from_graphs(shapes, Graph().parse(ONTOLOGY_FILE, format="turtle"))
