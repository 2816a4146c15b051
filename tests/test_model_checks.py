"""Model objects check their values when they are made (muniorg/model/check.py, #16).

``Council(name="Byråd")`` and ``Council(seats="abc")`` were accepted and failed later with a raw
ValueError from to_jsonld (or wrote 'abc' as the number of seats). Now construction raises a
ModelError naming the class, the field, the value and what was expected.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from muniorg import to_graph, to_jsonld
from muniorg.core.errors import MappingError, ModelError, MuniorgError
from muniorg.model.check import with_values
from muniorg.model.classes import (
    CLASSES,
    Committee,
    Council,
    Document,
    KeyFigure,
    Municipality,
    OpeningHours,
    Period,
    Person,
    Region,
)
from muniorg.model.ids import assign_ids
from muniorg.model.schema import ValueKind
from muniorg.model.walk import canonical, rebuild


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: Council(name="Byråd"),
            "Council.name: expected texts by language, a dict such as "
            '{"da": "Sorø Kommune"}, got the text \'Byråd\'',
        ),
        (
            lambda: Council(name={"da": "Byråd"}, seats="abc"),
            "Council.seats: expected int (integer), got the text 'abc'",
        ),
        (
            lambda: Council(seats=True),
            "Council.seats: expected int (integer), got the boolean true",
        ),
        (lambda: Council(name={"dk": "Byråd"}), "Council.name: 'dk' is not a language code"),
        (
            lambda: Council(name={"da": 7}),
            "Council.name: the 'da' text: expected str, got the number 7",
        ),
        (
            lambda: Council(committees=[Committee(), "social"]),
            "Council.committees: item 2: expected a Committee, got the text 'social'",
        ),
        (
            lambda: Council(committees=Committee()),
            "Council.committees: expected a list, got a Committee: Committee(",
        ),
        (
            lambda: Municipality(council=Person()),
            "Municipality.council: expected a Council, got a Person",
        ),
        (
            lambda: KeyFigure(value=2.5),
            "KeyFigure.value: expected int or decimal.Decimal (number (integer or decimal)), got the number 2.5",
        ),
        (
            lambda: KeyFigure(date="2023-13"),
            "KeyFigure.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got the text '2023-13'",
        ),
        # The loaders refuse these; the model took them and wrote "NaN"^^xsd:decimal, or a
        # date rdflib cannot read back (it logged a traceback), QA round 3.
        (
            lambda: KeyFigure(value=Decimal("NaN")),
            "KeyFigure.value: expected a finite number, got the number NaN",
        ),
        (
            lambda: KeyFigure(value=Decimal("-Infinity")),
            "KeyFigure.value: expected a finite number, got the number -Infinity",
        ),
        (
            lambda: KeyFigure(date="2023-02-30"),
            "KeyFigure.date: expected a day of the calendar, got the text '2023-02-30'",
        ),
        (
            lambda: Period(start="2023-04-31"),
            "Period.start: expected a day of the calendar, got the text '2023-04-31'",
        ),
        (
            lambda: KeyFigure(date=2023),
            "KeyFigure.date: expected str (date, month or year), got the number 2023",
        ),
        (
            lambda: Person(email="a@ex.org"),
            "Person.email: expected a list, got the text 'a@ex.org'",
        ),
        (
            lambda: Person(email=[b"a@ex.org"]),
            "Person.email: item 1: expected str (string), got a bytes: b'a@ex.org'",
        ),
        (lambda: Region(kind=3), "Region.kind: expected str (code), got the number 3"),
        (
            lambda: OpeningHours(opens="08:00"),
            "OpeningHours.opens: expected datetime.time (time), got the text",
        ),
        (
            lambda: Document(modified="2024-01-31"),
            "Document.modified: expected datetime.datetime or",
        ),
        (lambda: Person(id=5), "Person.id: expected str (an IRI), got the number 5"),
        # Text breaking the text rule of muniorg.core.values (docs/security.md, Safe values):
        # the writers failed on it with a UnicodeEncodeError, or wrote a raw NUL (QA F5).
        (
            lambda: Municipality(name={"da": "Sor\ud800"}),
            "Municipality.name: the 'da' text: the character U+D800 (a lone surrogate) at "
            "position 4 is not allowed in text, got the text 'Sor\\ud800'",
        ),
        (
            lambda: Council(name={"da": "Byrådet", "en": "Sor\x00\x07\x1b[31m"}),
            "Council.name: the 'en' text: the character U+0000 (NUL) at position 4 is not "
            "allowed in text, got the text 'Sor\\x00\\x07\\x1b[31m'",
        ),
        (
            lambda: Council(altName={"da": ["Rådet", "Byr\u2028åd"]}),
            "Council.altName: the 'da' text: the character U+2028 (LINE SEPARATOR) at position 4",
        ),
        (
            lambda: Person(name="Gert\x1b[31m"),
            "Person.name: the character U+001B (ESCAPE) at position 5 is not allowed in text, "
            "got the text 'Gert\\x1b[31m'",
        ),
        (
            lambda: Person(email=["a@ex.org", "b\x00@ex.org"]),
            "Person.email: item 2: the character U+0000 (NUL) at position 2 is not allowed",
        ),
    ],
)
def test_a_wrong_value_is_refused_at_construction(make: Any, message: str) -> None:
    with pytest.raises(ModelError) as caught:
        make()
    assert str(caught.value).startswith(message), str(caught.value)
    assert isinstance(caught.value, MuniorgError) and caught.value.exit_code == 2


def test_right_values_of_every_python_type_are_accepted() -> None:
    class Text(str):
        pass

    council = Council(
        id="https://ex.org/m/council",
        name={"da": "Byrådet", "en-GB": "City council", "smj": "Rádđi"},
        altName={"da": ["Rådet", Text("Byråd")]},
        seats=25,
        committees=[Committee(name={"da": "Udvalg"})],
    )
    assert council.seats == 25
    KeyFigure(value=Decimal("2.5"), date="2023-06")
    KeyFigure(value=7, date="2023")
    Document(modified=datetime.date(2024, 1, 31))
    Document(modified=datetime.datetime(2024, 1, 31, 12, 0))
    OpeningHours(opens=datetime.time(8, 0), days=("Monday", "Tuesday"))
    Person(name=Text("Gert"), email=[])
    with pytest.raises(ModelError, match=r"Person\.name: the character U\+0000 \(NUL\)"):
        Person(name=Text("Gert\x00"))  # a subclass of str takes the full check
    # What the writers make of them is unchanged.
    m = Municipality(id="https://ex.org/m", name={"da": "M"}, country="DNK", council=council)
    assert to_jsonld(m)["council"]["seats"] == 25
    with pytest.raises(MappingError, match="the Committee in 'committees' has no id: call"):
        to_graph(m)  # was a TypeError from rdflib
    assert len(to_graph(assign_ids(m, "https://ex.org/m"))) > 5


def test_every_text_field_of_every_class_refuses_unsafe_text() -> None:
    """The text rule applies to every text the model holds, by SPEC.fields; line feed and tab
    are allowed, as the loaders allow them."""
    texts = {
        ValueKind.STRING: lambda text, many: [text] if many else text,
        ValueKind.LANG_MAP: lambda text, many: {"da": text},
        ValueKind.LANG_LIST_MAP: lambda text, many: {"da": [text]},
    }
    checked = 0
    for name, cls in CLASSES.items():
        for field in cls.SPEC.fields:
            make = texts.get(field.kind)
            if make is None:
                continue
            cls(**{field.key: make("two\nlines\tand a tab", field.many)})
            for bad in ("\x00", "\ud800", "\x85", "\ufffe"):
                with pytest.raises(
                    ModelError, match=f"^{name}\\.{field.key}: .*not allowed in text"
                ):
                    cls(**{field.key: make(f"x{bad}", field.many)})
            checked += 1
    assert checked > 50


def test_every_field_of_every_class_refuses_a_value_of_another_type() -> None:
    """The check is driven by SPEC.fields: no field of any class lets a wrong type through."""
    wrong = object()
    for name, cls in CLASSES.items():
        for field in cls.SPEC.fields:
            with pytest.raises(ModelError, match=f"^{name}\\.{field.key}: .*got a object"):
                cls(**{field.key: wrong})
            if field.many or field.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
                continue
            with pytest.raises(ModelError, match=f"^{name}\\.{field.key}: "):
                cls(**{field.key: [wrong]})


def test_copies_check_the_values_they_change() -> None:
    council = Council(name={"da": "Byrådet"}, seats=25)
    with pytest.raises(ModelError, match=r"Council\.seats: expected int"):
        with_values(council, {"seats": "25"})
    with pytest.raises(ModelError, match=r"Council\.name: expected texts by language"):
        rebuild(council, lambda node, field, value: "X" if field.key == "name" else value)
    with pytest.raises(ModelError, match=r"Council\.name: the 'da' text: the character U\+0000"):
        with_values(council, {"name": {"da": "Byr\x00det"}})
    with pytest.raises(TypeError, match="Council has no field 'seat'"):
        with_values(council, {"seat": 3})
    copy = with_values(council, {"seats": 27, "id": "https://ex.org/c"})
    assert (copy.seats, copy.id, council.seats, council.id) == (27, "https://ex.org/c", 25, None)
    assert copy == Council(id="https://ex.org/c", name={"da": "Byrådet"}, seats=27)
    assert canonical(Person(id="p", email=["b@ex.org", "a@ex.org"])).email == [
        "a@ex.org",
        "b@ex.org",
    ]


def test_the_check_is_compiled_once_per_class() -> None:
    Council(name={"da": "Byrådet"})
    compiled = Council.__dict__["__post_init__"]
    Council(name={"da": "Byrådet"})
    assert Council.__dict__["__post_init__"] is compiled
    assert compiled.__name__ == "__post_init__" and compiled.__module__ != "muniorg.model.node"
