"""Model <-> graph round trips: exact for every example and for generated models."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from muniorg.authoring.load import load_paths
from muniorg.core.errors import MappingError
from muniorg.model.classes import CLASSES, Council, Department, Municipality
from muniorg.model.node import Node
from muniorg.model.schema import ValueKind, load_schema
from muniorg.model.walk import graph_order, in_order_of
from muniorg.rdf.graph import ReadResult, from_graph, read_node, to_graph

ROOT = Path(__file__).resolve().parents[1]


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Fail with the triples found only on each side."""
    if isomorphic(expected, actual):
        return
    _both, only_expected, only_actual = graph_diff(expected, actual)
    lines = ["graphs differ", "only in expected:"]
    lines += sorted(
        t.n3() for triple in only_expected for t in [Literal(" ".join(x.n3() for x in triple))]
    )
    lines += ["only in actual:"]
    lines += sorted(
        t.n3() for triple in only_actual for t in [Literal(" ".join(x.n3() for x in triple))]
    )
    raise AssertionError("\n".join(lines))


@pytest.fixture(scope="module")
def examples():
    return load_paths([ROOT / "examples"]).documents


def test_examples_are_loaded(examples):
    assert sorted(d.local_id for d in examples) == [
        "glostrup",
        "norrtaelje",
        "saman-om-ein-betre-kommune",
        "soroe",
        "stord",
    ]


@pytest.mark.parametrize(
    "name", ["glostrup", "norrtaelje", "saman-om-ein-betre-kommune", "soroe", "stord"]
)
def test_example_round_trip(examples, name):
    document = next(d for d in examples if d.local_id == name)
    graph = to_graph(document.root)
    result = ReadResult()
    back = read_node(graph, document.root.id, type(document.root), result)
    assert back == graph_order(document.root)  # model -> graph -> model
    assert in_order_of(back, document.root) == document.root  # and the authored order back
    assert_isomorphic(graph, to_graph(back))  # graph -> model -> graph
    assert set(graph) == result.consumed  # nothing left unmapped


def test_council_and_departments_read_back_under_their_keys():
    m = Municipality(
        id="https://ex.org/m",
        name={"da": "M"},
        council=Council(id="https://ex.org/m/c", name={"da": "Byråd"}),
        departments=[Department(id="https://ex.org/m/d", name={"da": "D"})],
    )
    back = from_graph(to_graph(m), "https://ex.org/m", Municipality)
    assert back.council is not None and back.council.id == "https://ex.org/m/c"
    assert [d.id for d in back.departments] == ["https://ex.org/m/d"]


def test_from_graph_of_an_iri_the_graph_says_nothing_of_is_an_error():
    """QA F12: from_graph gave Municipality(id='.../341', name={}, ...) for an IRI the graph does
    not describe, as if it described one without values; the error names what it describes."""
    graph = to_graph(
        *(Municipality(id=f"https://ex.org/m/{n}", name={"da": f"M{n}"}) for n in range(1, 6))
    )
    with pytest.raises(MappingError) as caught:
        from_graph(graph, "https://ex.org/m/341", Municipality)
    assert str(caught.value) == (
        "the graph says nothing of <https://ex.org/m/341>: no triple has it as subject; it "
        "describes the Municipality <https://ex.org/m/1>, <https://ex.org/m/2>, "
        "<https://ex.org/m/3> and 2 more"
    )
    assert caught.value.exit_code == 2
    with pytest.raises(MappingError, match=r"it describes no Council, but <https://ex.org/m/1>, "):
        from_graph(graph, "https://ex.org/c", Council)
    with pytest.raises(MappingError, match=r"<https://ex.org/m/1>: .* it describes nothing$"):
        from_graph(Graph(), "https://ex.org/m/1", Municipality)
    # An object the graph has no value for but its type is read, as before.
    assert from_graph(graph, "https://ex.org/m/1", Municipality).name == {"da": "M1"}
    bare = to_graph(Municipality(id="https://ex.org/b"))
    assert from_graph(bare, "https://ex.org/b", Municipality) == Municipality(id="https://ex.org/b")


def test_unmapped_triples_are_left_unconsumed():
    m = Municipality(id="https://ex.org/m", name={"da": "M"})
    graph = to_graph(m)
    extra = (URIRef("https://ex.org/m"), URIRef("https://ex.org/unknown"), Literal("x"))
    graph.add(extra)
    result = ReadResult()
    read_node(graph, "https://ex.org/m", Municipality, result)
    assert set(graph) - result.consumed == {extra}


# --- generated models --------------------------------------------------------------------------

# texts the model takes (muniorg.core.values.text_problem): no control characters, line or
# paragraph separators (U+2028, U+2029) or non-characters (U+FFFE, U+FFFF)
_text = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc", "Zl", "Zp"),
        exclude_characters="\ufffe\uffff",
    ),
    min_size=1,
    max_size=12,
)
_lang = st.sampled_from(["da", "sv", "nb", "nn", "en", "se"])
_code = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
_iri = st.from_regex(r"https://ex\.org/[a-z]{1,8}", fullmatch=True)


def _scalar(kind: ValueKind) -> st.SearchStrategy[Any]:
    return {
        ValueKind.STRING: _text,
        ValueKind.URI: _iri,
        ValueKind.NUMBER: st.one_of(
            st.integers(-(10**9), 10**9),
            st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False).filter(
                lambda d: d != d.to_integral_value()
            ),
        ),
        ValueKind.INTEGER: st.integers(0, 10**6),
        ValueKind.BOOLEAN: st.booleans(),
        ValueKind.DATE: st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
        ValueKind.PARTIAL_DATE: st.dates(
            datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)
        ).flatmap(lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])),
        ValueKind.DATETIME: st.one_of(
            st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
            st.datetimes(datetime.datetime(1900, 1, 1), datetime.datetime(2100, 1, 1)).map(
                lambda d: d.replace(microsecond=0)
            ),
        ),
        ValueKind.YEAR: st.integers(1000, 2999).map(str),
        ValueKind.TIME: st.times().map(lambda t: t.replace(microsecond=0)),
        ValueKind.IRI: _iri,
        ValueKind.REFERENCE: _iri,
        ValueKind.CODE: _code,
    }[kind]


def node_strategy(cls: type[Node], iri: str, depth: int = 0) -> st.SearchStrategy[Node]:
    parts: dict[str, st.SearchStrategy[Any]] = {"id": st.just(iri)}
    for field in cls.SPEC.fields:
        if field.kind is ValueKind.LANG_MAP:
            parts[field.key] = st.dictionaries(_lang, _text, max_size=2)
        elif field.kind is ValueKind.LANG_LIST_MAP:
            parts[field.key] = st.dictionaries(
                _lang, st.lists(_text, min_size=1, max_size=2, unique=True), max_size=2
            )
        elif field.kind is ValueKind.NESTED:
            if depth >= 2:
                continue
            target = CLASSES[field.target]
            if field.many:
                parts[field.key] = st.integers(0, 2).flatmap(
                    lambda n, t=target, k=field.key: st.tuples(
                        *(node_strategy(t, f"{iri}/{k}/{i}", depth + 1) for i in range(1, n + 1))
                    ).map(list)
                )
            else:
                parts[field.key] = st.none() | node_strategy(
                    target, f"{iri}/{field.key}", depth + 1
                )
        elif field.many:
            parts[field.key] = st.lists(_scalar(field.kind), max_size=2, unique_by=str)
        else:
            parts[field.key] = st.none() | _scalar(field.kind)
    return st.fixed_dictionaries(parts).map(lambda kw: cls(**kw))


@pytest.mark.parametrize("key", sorted(CLASSES))
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_generated_round_trip(key, data):
    cls = CLASSES[key]
    model = graph_order(data.draw(node_strategy(cls, "https://ex.org/root")))
    graph = to_graph(model)
    back = from_graph(graph, "https://ex.org/root", cls)
    assert back == model
    assert_isomorphic(graph, to_graph(back))


def test_every_class_has_a_strategy():
    assert set(CLASSES) == set(load_schema().classes)
    assert len(CLASSES) >= 30


def test_from_graph_of_an_object_of_another_class_is_an_error():
    """A municipality read as a council gave a Council without a word (its name, no members);
    the graph's types say what it is. An object the graph does not type is read as asked."""
    graph = to_graph(Municipality(id="https://ex.org/m", name={"da": "M"}))
    with pytest.raises(MappingError) as caught:
        from_graph(graph, "https://ex.org/m", Council)
    assert str(caught.value).startswith(
        "<https://ex.org/m> is not a Council (<https://w3id.org/muniorg#Council>): the graph "
        "types it <http://data.europa.eu/m8g/PublicOrganisation>, "
    )
    graph.remove((None, RDF.type, None))
    assert from_graph(graph, "https://ex.org/m", Council).name == {"da": "M"}
