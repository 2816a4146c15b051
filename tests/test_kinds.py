"""The codec table of value kinds (muniorg/model/kinds.py): complete, and each codec inverts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from muniorg.model.kinds import KINDS
from muniorg.model.schema import Field, ValueKind, load_schema

#: One field of the bundled schema per kind, to convert values of that kind with.
FIELDS: dict[ValueKind, Field] = {}
for _spec in load_schema().classes.values():
    for _field in _spec.fields:
        FIELDS.setdefault(_field.kind, _field)

#: YAML scalars and the model values they read as, per scalar kind.
READS: list[tuple[ValueKind, Any, Any]] = [
    (ValueKind.STRING, "Sorø", "Sorø"),
    (ValueKind.URI, "https://www.soroe.dk/", "https://www.soroe.dk/"),
    (ValueKind.NUMBER, 2.5, Decimal("2.5")),
    (ValueKind.NUMBER, 7, 7),
    (ValueKind.INTEGER, 25, 25),
    (ValueKind.BOOLEAN, False, False),
    (ValueKind.DATE, "2022-01-31", datetime.date(2022, 1, 31)),
    (ValueKind.PARTIAL_DATE, "2022-01", "2022-01"),
    (ValueKind.DATETIME, "2014-05-14T10:48:00", datetime.datetime(2014, 5, 14, 10, 48)),
    (ValueKind.YEAR, 2022, "2022"),
    (ValueKind.TIME, "08:00", datetime.time(8, 0)),
    (ValueKind.IRI, "other-file/x", "other-file/x"),
    (ValueKind.CODE, "mayor", "mayor"),
    (ValueKind.REFERENCE, "https://ex.org/p", "https://ex.org/p"),
]


def test_every_value_kind_has_an_entry() -> None:
    assert set(KINDS) == set(ValueKind)


def test_every_kind_is_used_by_the_schema() -> None:
    assert set(FIELDS) == set(ValueKind)


@pytest.mark.parametrize(("kind", "raw", "value"), READS, ids=lambda x: str(x))
def test_read_then_term_round_trip(kind: ValueKind, raw: Any, value: Any) -> None:
    codec = KINDS[kind]
    field = FIELDS[kind]
    read = codec.read(raw)
    assert read == value and type(read) is type(value)
    assert codec.from_term(field, codec.to_term(field, read)) == read


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        (ValueKind.STRING, 188, 'put numbers in quotes, e.g. "0188"'),
        (ValueKind.URI, "www.soroe.dk", "expected an absolute web address"),
        (ValueKind.INTEGER, -1, "expected a whole number (0 or more)"),
        (ValueKind.INTEGER, 30.0, "got the number 30.0 (a dot is a decimal point, not a thousands"),
        (ValueKind.YEAR, "2023-02-30", "expected a year (YYYY), got '2023-02-30'"),
        (ValueKind.DATE, "2023-02-30", "'2023-02-30' is not a valid date"),
        (ValueKind.TIME, "8", 'like "08:00"'),
        (ValueKind.CODE, "two words", "without spaces"),
        (ValueKind.REFERENCE, "javascript:alert(1)", "not allowed"),
    ],
)
def test_read_says_what_is_wrong(kind: ValueKind, raw: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        KINDS[kind].read(raw)
    assert message in str(caught.value)


def test_from_term_refuses_the_wrong_term() -> None:
    from rdflib import Literal, URIRef

    with pytest.raises(ValueError, match="expected an IRI"):
        KINDS[ValueKind.REFERENCE].from_term(FIELDS[ValueKind.REFERENCE], Literal("x"))
    with pytest.raises(ValueError, match="expected a integer"):
        KINDS[ValueKind.INTEGER].from_term(FIELDS[ValueKind.INTEGER], Literal(True))
    with pytest.raises(ValueError, match="expected a literal"):
        KINDS[ValueKind.DATE].from_term(FIELDS[ValueKind.DATE], URIRef("https://ex.org/"))


@pytest.mark.parametrize("kind", [ValueKind.NESTED, ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP])
def test_structures_are_not_read_as_scalars(kind: ValueKind) -> None:
    with pytest.raises(AssertionError, match="not scalar values"):
        KINDS[kind].read("x")


@pytest.mark.parametrize("text", ["1.5E-7", "1E+3", "12.50", "-0", "-2.5E-30"])
def test_a_decimal_has_one_lexical_form_in_json_ld_and_in_the_graph(text: str) -> None:
    """A decimal read from YAML as ``1.5e-7`` (a float, so ``Decimal('1.5E-7')``) was published
    as ``{"@value": "1.5E-7", "type": "xsd:decimal"}``: no xsd:decimal lexical form (the JSON
    Schema of the documents refused it) and another literal than the .nt's "0.00000015"."""
    import json
    import re

    from muniorg.core.resources import ONTOLOGY_DIR

    kind, field = KINDS[ValueKind.NUMBER], FIELDS[ValueKind.NUMBER]
    value = Decimal(text)
    written = kind.to_json(value)
    assert written == {"@value": str(kind.to_term(field, value)), "type": "xsd:decimal"}
    schema = json.loads((ONTOLOGY_DIR / "schema.json").read_text(encoding="utf-8"))
    pattern = schema["$defs"]["number"]["oneOf"][1]["properties"]["@value"]["pattern"]
    assert re.search(pattern, written["@value"]), written
