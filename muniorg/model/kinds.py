"""What each value kind means, in one table: how a value is read, written and described.

:data:`KINDS` holds one :class:`Kind` per :class:`~muniorg.model.schema.ValueKind`: how a YAML
scalar becomes a value (:attr:`Kind.read`), how a value becomes an RDF term and back
(:attr:`Kind.to_term`, :attr:`Kind.from_term`), its compact JSON-LD form (:attr:`Kind.to_json`),
and what the generators write for it (the Python annotation of the model, the context's
``@type``, the JSON Schema, the example value and the label of the reference). Adding a kind
means one ``ValueKind`` member, one rule in ``model/schema.py:_kind`` and one entry here
(``tests/test_kinds.py`` checks that every kind has one).

Objects and language maps are structures, not scalars: the walk (:mod:`muniorg.model.walk`),
the loader and the graph mapping handle them; their entries hold only what the generators need,
and their codecs refuse to run.

Example:
    >>> from muniorg.model.schema import load_schema
    >>> field = load_schema().classes["KeyFigure"].field("date")
    >>> kind = KINDS[field.kind]
    >>> value = kind.read("2023-06")
    >>> kind.to_term(field, value).n3()
    '"2023-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> kind.to_json(value), kind.label
    ({'@value': '2023-06', 'type': 'xsd:gYearMonth'}, 'date, month or year')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node as RdfNode

from muniorg.core.errors import MappingError
from muniorg.core.namespaces import compact_iri
from muniorg.core.values import (
    IRI_FORBIDDEN,
    SAFE_SCHEMES,
    address_hint,
    code_problem,
    iri_problem,
    is_absolute_iri,
    rdf_language,
)
from muniorg.model.node import PARTIAL_DATE_RE, partial_date_datatype
from muniorg.model.schema import Field, ValueKind

TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?")
#: A local id, or a path of them (``other-file/local-id``), as a reference or IRI value.
_LOCAL_REF = re.compile(r"[a-z0-9][a-z0-9/-]*")
#: The JSON Schema pattern of an absolute IRI.
IRI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$"


def any_case(text: str) -> str:
    """A regular expression (ECMA 262 as JSON Schema reads it, which has no flag for case) that
    matches ``text`` in any case.

    >>> any_case("tel")
    '[tT][eE][lL]'
    """
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text)


#: The JSON Schema pattern of an IRI muniorg reads (:func:`muniorg.core.values.iri_problem`):
#: one of the safe schemes in any case, and none of the characters IRIs leave out.
SAFE_IRI_PATTERN = "^(" + "|".join(any_case(s) for s in SAFE_SCHEMES) + f"):[^{IRI_FORBIDDEN}]*$"
#: The JSON Schema pattern of an id or a reference as the authoring files write them: a local id,
#: a path of them (``other-file/local-id``) or an absolute IRI.
_LOCAL_REF_PATTERN = "^" + _LOCAL_REF.pattern + "$"


@dataclass(frozen=True)
class Kind:
    """Everything muniorg does with one value kind (see the module docs)."""

    #: What the reference calls it ("date, month or year").
    label: str
    #: What an error message says was expected ("a date (YYYY-MM-DD)").
    expected: str
    #: The annotation of one value in the generated model (empty for objects: the class name).
    python_type: str
    #: One YAML scalar to the model value; ``ValueError`` says what is wrong.
    read: Callable[[Any], Any]
    #: One model value of a field to its RDF term.
    to_term: Callable[[Field, Any], RdfNode]
    #: One RDF term of a field to its model value; ``ValueError`` says what is wrong.
    from_term: Callable[[Field, RdfNode], Any]
    #: One model value to its compact JSON-LD form (under the published context).
    to_json: Callable[[Any], Any]
    #: The ``@type`` of the field's term in the JSON-LD context, if any.
    context_type: str | None = None
    #: The JSON Schema of one value (``None``: decided by the field, as for codes and objects).
    json_schema: Mapping[str, Any] | None = None
    #: The example value in the reference (``None``: decided by the field).
    example: Any = None
    #: The JSON Schema of one value as the YAML authoring files write it (the authoring schema,
    #: ``ontology/authoring-schema.json``); ``None``: decided by the field (codes and objects).
    yaml_schema: Mapping[str, Any] | None = None
    #: The Python types a model object holds for one value (:mod:`muniorg.model.check`);
    #: empty for language maps and objects, which are checked as structures.
    model_types: tuple[type, ...] = ()


def describe(value: Any) -> str:
    """How an error message names a YAML value it did not expect.

    >>> describe(True), describe(3), describe([1])
    ('the boolean true', 'the number 3', 'a list')
    """
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float, Decimal)):
        return f"the number {value}"
    if isinstance(value, (datetime.date, datetime.time)):
        return f"the date/time {value.isoformat()}"
    return f"the text {str(value)!r}"


def code_iri(field: Field, code: str) -> URIRef:
    """The IRI of a code of ``field``'s code list; absolute IRIs pass through."""
    if is_absolute_iri(code):
        return URIRef(code)
    assert field.code_namespace is not None
    return URIRef(field.code_namespace + code)


# --- YAML scalar -> value ----------------------------------------------------------------------


def _text(raw: Any) -> str:
    if not isinstance(raw, str):
        hint = (
            ' (put numbers in quotes, e.g. "0188", so leading zeros are kept)'
            if isinstance(raw, int)
            else ""
        )
        raise ValueError(f"expected text, got {describe(raw)}{hint}")
    if not raw.strip():
        raise ValueError("expected a non-empty text")
    return raw


def _safe_iri(text: str) -> str:
    if is_absolute_iri(text) and (problem := iri_problem(text)):
        raise ValueError(f"{text!r}: {problem}")
    return text


def _read_uri(raw: Any) -> str:
    text = _text(raw)
    if not is_absolute_iri(text):
        raise ValueError(
            f"expected an absolute web address (https://...), got {text!r}{address_hint(text)}"
        )
    return _safe_iri(text)


def _read_iri(raw: Any) -> str:
    text = _text(raw)
    if not (is_absolute_iri(text) or _LOCAL_REF.fullmatch(text)):
        raise ValueError(f"expected an id or an absolute IRI, got {text!r}{address_hint(text)}")
    return _safe_iri(text)


def _read_code(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise ValueError(f'expected a code, got {describe(raw)} (put codes like "11.3" in quotes)')
    code = str(raw)
    if not code or re.search(r"\s", code):
        raise ValueError(f"expected a code without spaces, got {code!r}")
    if is_absolute_iri(code):
        return _safe_iri(code)
    # A code is published as its code list's IRI followed by the code (see code_iri).
    if problem := code_problem(code):
        raise ValueError(f"the code {code!r} cannot be part of an IRI: {problem}")
    return code


def _read_boolean(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {describe(raw)}")
    return raw


def _read_integer(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        # YAML reads 30.000 (thirty thousand, written with a Danish or Norwegian thousands
        # separator) as the number 30.0: say why, as "got the number 30.0" alone puzzles
        hint = (
            " (a dot is a decimal point, not a thousands separator: write 30000, not 30.000)"
            if isinstance(raw, float)
            else _number_hint(raw)
        )
        raise ValueError(f"expected a whole number (0 or more), got {describe(raw)}{hint}")
    return raw


# Numbers as Nordic texts write them: "15 200" (a space or a no-break space between thousands)
# and "12,5" (a decimal comma). YAML reads both as text; the message says how to write them.
_SPACED_THOUSANDS = re.compile(r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+")
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


def _number_hint(raw: Any) -> str:
    """What to write instead of a number written as Nordic text, or ''.

    >>> _number_hint("15 200"), _number_hint("12,5"), _number_hint("many")
    (' (no thousands separators in numbers: write 15200)', ' (a decimal point is a dot: write 12.5)', '')
    """
    if not isinstance(raw, str):
        return ""
    if _SPACED_THOUSANDS.fullmatch(raw):
        return f" (no thousands separators in numbers: write {re.sub(r'[^-0-9]', '', raw)})"
    if _DECIMAL_COMMA.fullmatch(raw):
        return f" (a decimal point is a dot: write {raw.replace(',', '.')})"
    return ""


def _read_number(raw: Any) -> int | Decimal:
    if isinstance(raw, bool):
        raise ValueError(f"expected a number, got {describe(raw)}")
    if isinstance(raw, int):
        return raw
    try:
        number = Decimal(str(raw))
    except InvalidOperation:
        raise ValueError(f"expected a number, got {describe(raw)}{_number_hint(raw)}") from None
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {raw!r}")
    return int(number) if number == number.to_integral_value() and "." not in str(raw) else number


# A date as people in the Nordic countries write it: day, month, year (31.12.2024, 31/12/2024),
# or year first with one-digit months and days (2022-6-1).
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_SHORT_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _date_hint(raw: Any) -> str:
    """The ISO form of a date written day first, as a hint, or ''.

    >>> _date_hint("31.12.2024"), _date_hint("1.6.2022"), _date_hint("2024")
    (' (dates are written year first: 2024-12-31)', ' (dates are written year first: 2022-06-01)', '')
    >>> _date_hint("2022-6-1"), _date_hint("2024-02-30")  # the second: already two digits
    (' (months and days have two digits: 2022-06-01)', '')
    """
    if not isinstance(raw, str):
        return ""
    if found := _DAY_MONTH_YEAR.fullmatch(raw):
        day, month, year = found.groups()
        return f" (dates are written year first: {year}-{int(month):02}-{int(day):02})"
    if (found := _SHORT_ISO.fullmatch(raw)) and len(raw) < len("2024-12-31"):
        year, month, day = found.groups()
        return f" (months and days have two digits: {year}-{int(month):02}-{int(day):02})"
    return ""


def _parse_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date (YYYY-MM-DD){_date_hint(text)}") from None


def _read_date(raw: Any) -> datetime.date:
    if isinstance(raw, datetime.datetime) or not isinstance(raw, (datetime.date, str)):
        raise ValueError(f"expected {_DATE}, got {describe(raw)}")
    return raw if isinstance(raw, datetime.date) else _parse_date(raw)


def _read_partial_date(raw: Any, *, year: bool = False) -> str:
    expected = _YEAR if year else _PARTIAL_DATE
    if isinstance(raw, bool):
        raise ValueError(f"expected {expected}, got {describe(raw)}")
    text = raw.isoformat() if isinstance(raw, datetime.date) else str(raw)
    if isinstance(raw, datetime.datetime) or not PARTIAL_DATE_RE.fullmatch(text):
        raise ValueError(f"expected {expected}, got {raw!r}{_date_hint(raw)}")
    if year and len(text.lstrip("-")) != 4:
        raise ValueError(f"expected {expected}, got {raw!r}")
    if len(text) == 10:
        _parse_date(text)
    return text


def _read_year(raw: Any) -> str:
    return _read_partial_date(raw, year=True)


def _read_datetime(raw: Any) -> datetime.date:
    if isinstance(raw, datetime.date):
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"expected a date or date and time, got {describe(raw)}")
    try:
        return datetime.datetime.fromisoformat(raw) if "T" in raw else _parse_date(raw)
    except ValueError:
        raise ValueError(
            "expected a date or an ISO date and time (2014-05-14T10:48:00), "
            f"got {raw!r}{_date_hint(raw)}"
        ) from None


# A time as people write it: one-digit hours (8:00) or a dot (8.30, which YAML reads as the
# number 8.3 when it is not quoted).
_LOOSE_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def _time_hint(raw: Any) -> str:
    """The ``HH:MM`` form of a time written another way, as a hint, or ''.

    >>> _time_hint("8:00"), _time_hint("16.30"), _time_hint(8.3), _time_hint("noon")
    (' (write "08:00")', ' (write "16:30")', ' (write "08:30")', '')
    """
    if isinstance(raw, float) and not isinstance(raw, bool) and 0 <= raw < 24:
        raw = f"{raw:.2f}"  # 8.3: the unquoted 8.30
    found = _LOOSE_TIME.fullmatch(raw) if isinstance(raw, str) else None
    if found is None:
        return ""
    hour, minute = int(found.group(1)), int(found.group(2))
    return f' (write "{hour:02}:{minute:02}")' if hour < 24 and minute < 60 else ""


def _read_time(raw: Any) -> datetime.time:
    if not isinstance(raw, str) or not TIME_RE.fullmatch(raw):
        # "in quotes" only when it was not: "8:00" in quotes is refused for its one-digit hour
        how = "" if isinstance(raw, str) else " in quotes"
        raise ValueError(
            f'expected a time of day as HH:MM or HH:MM:SS{how}, like "08:00", '
            f"got {raw!r}{_time_hint(raw)}"
        )
    return datetime.time.fromisoformat(raw if raw.count(":") == 2 else raw + ":00")


# --- value <-> RDF term ------------------------------------------------------------------------


def _nested_term(field: Field, value: Any) -> RdfNode:
    if value.id is None:
        raise MappingError(
            f"the {value.SPEC.key} in '{field.key}' has no id: call muniorg.model.ids.assign_ids "
            "first, or give it an id"
        )
    return URIRef(value.id)


def _literal(datatype: URIRef | None = None) -> Callable[[Field, Any], RdfNode]:
    return lambda field, value: Literal(value, datatype=datatype)


def _partial_date_term(field: Field, value: str) -> RdfNode:
    return Literal(value, datatype=URIRef(partial_date_datatype(value)))


def _datetime_term(field: Field, value: datetime.date) -> RdfNode:
    datatype = XSD.dateTime if isinstance(value, datetime.datetime) else XSD.date
    return Literal(value, datatype=datatype)


def _text_term(field: Field, value: tuple[str, str]) -> RdfNode:
    """A text of a language map, given as ``(language, text)``."""
    language, text = value
    return Literal(text, lang=rdf_language(language))


def _literal_value(term: RdfNode) -> Literal:
    if not isinstance(term, Literal):
        raise ValueError(f"expected a literal, got {term.n3()}")
    return term


def _iri_value(field: Field, term: RdfNode) -> str:
    if not isinstance(term, URIRef):
        raise ValueError(f"expected an IRI, got {term.n3()}")
    return str(term)


def _code_value(field: Field, term: RdfNode) -> str:
    if not isinstance(term, URIRef):
        raise ValueError(f"expected a code IRI, got {term.n3()}")
    namespace = field.code_namespace or ""
    text = str(term)
    return text[len(namespace) :] if text.startswith(namespace) else text


def _text_value(field: Field, term: RdfNode) -> str:
    return str(_literal_value(term))


def _number_value(field: Field, term: RdfNode) -> int | Decimal:
    number = _literal_value(term).toPython()
    if isinstance(number, bool) or not isinstance(number, (int, Decimal)):
        raise ValueError(f"expected a number, got {term.n3()}")
    return number


def _python_value(kind: ValueKind, *types: type) -> Callable[[Field, RdfNode], Any]:
    """Terms whose Python value (rdflib's ``toPython``) is one of ``types`` (a bool is no int)."""

    def read(field: Field, term: RdfNode) -> Any:
        python = _literal_value(term).toPython()
        if not isinstance(python, types) or (isinstance(python, bool) and bool not in types):
            raise ValueError(f"expected a {kind.value}, got {term.n3()}")
        return python

    return read


# --- value -> compact JSON-LD ------------------------------------------------------------------


def _same(value: Any) -> Any:
    return value


def _number_json(value: int | Decimal) -> Any:
    if isinstance(value, Decimal):
        # format "f", not str(): str(Decimal("1.5e-7")) is "1.5E-7", no xsd:decimal (which has
        # no exponent); "f" gives the lexical form rdflib writes in the Turtle and N-Triples.
        return {"@value": format(value, "f"), "type": "xsd:decimal"}
    return value


# Kinds whose values have more than one datatype are always value objects, and their terms have
# no type: a term typed xsd:date would not compact an xsd:gYear value back to its key (#12).
# Value objects say ``type`` (the context's alias of ``@type``), as JSON-LD compaction writes.


def _partial_date_json(value: str) -> Any:
    return {"@value": value, "type": compact_iri(partial_date_datatype(value))}


def _datetime_json(value: datetime.date) -> Any:
    if isinstance(value, datetime.datetime):
        return {"@value": Literal(value).n3().split('"')[1], "type": "xsd:dateTime"}
    return {"@value": value.isoformat(), "type": "xsd:date"}


def _structural(what: str) -> Callable[..., Any]:
    def refuse(*args: Any) -> Any:
        raise AssertionError(f"{what} are not scalar values: the walk and the mapping handle them")

    return refuse


_DATE = "a date (YYYY-MM-DD)"
_PARTIAL_DATE = "a date, month or year (YYYY-MM-DD, YYYY-MM or YYYY)"
_YEAR = "a year (YYYY)"
_TEXTS = _structural("language maps")
_OBJECTS = _structural("objects")


def _years(low: int, high: int) -> dict[str, Any]:
    """Whole numbers of four digits, as YAML reads an unquoted year (``start: 2012``)."""
    return {
        "type": "integer",
        "anyOf": [{"minimum": low, "maximum": high}, {"minimum": -high, "maximum": -low}],
    }


_YAML_REFERENCE = {
    "type": "string",
    "anyOf": [{"pattern": _LOCAL_REF_PATTERN}, {"pattern": SAFE_IRI_PATTERN}],
}

#: One entry per value kind (see the module docs).
KINDS: Mapping[ValueKind, Kind] = {
    ValueKind.LANG_MAP: Kind(
        label="text per language",
        expected="lang-map",
        python_type="LangMap",
        read=_TEXTS,
        to_term=_text_term,
        from_term=_TEXTS,
        to_json=_TEXTS,
        json_schema={"$ref": "#/$defs/langMap"},
        example={"en": "text"},
        yaml_schema={"$ref": "#/$defs/langMap"},
    ),
    ValueKind.LANG_LIST_MAP: Kind(
        label="texts per language",
        expected="lang-list-map",
        python_type="LangListMap",
        read=_TEXTS,
        to_term=_text_term,
        from_term=_TEXTS,
        to_json=_TEXTS,
        json_schema={"$ref": "#/$defs/langListMap"},
        example={"en": ["text"]},
        yaml_schema={"$ref": "#/$defs/langListMap"},
    ),
    ValueKind.STRING: Kind(
        label="string",
        expected="string",
        python_type="str",
        read=_text,
        to_term=_literal(),
        from_term=_text_value,
        to_json=_same,
        json_schema={"type": "string"},
        example="text",
        yaml_schema={"type": "string", "pattern": r"\S"},
        model_types=(str,),
    ),
    ValueKind.URI: Kind(
        label="URL (xsd:anyURI)",
        expected="uri",
        python_type="str",
        read=_read_uri,
        to_term=_literal(XSD.anyURI),
        from_term=_text_value,
        to_json=_same,
        context_type="xsd:anyURI",
        json_schema={"type": "string", "format": "uri", "pattern": IRI_PATTERN},
        example="https://www.example.org/",
        yaml_schema={"type": "string", "pattern": SAFE_IRI_PATTERN},
        model_types=(str,),
    ),
    ValueKind.NUMBER: Kind(
        label="number (integer or decimal)",
        expected="number",
        python_type="Number",
        read=_read_number,
        to_term=_literal(),
        from_term=_number_value,
        to_json=_number_json,
        json_schema={"$ref": "#/$defs/number"},
        example={"@value": "2.5", "type": "xsd:decimal"},
        yaml_schema={
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$"},
            ]
        },
        model_types=(int, Decimal),
    ),
    ValueKind.INTEGER: Kind(
        label="integer",
        expected="integer",
        python_type="int",
        read=_read_integer,
        to_term=_literal(),
        from_term=_python_value(ValueKind.INTEGER, int),
        to_json=_same,
        json_schema={"type": "integer"},
        example=25,
        yaml_schema={"type": "integer", "minimum": 0},
        model_types=(int,),
    ),
    ValueKind.BOOLEAN: Kind(
        label="boolean",
        expected="boolean",
        python_type="bool",
        read=_read_boolean,
        to_term=_literal(),
        from_term=_python_value(ValueKind.BOOLEAN, bool),
        to_json=_same,
        json_schema={"type": "boolean"},
        example=True,
        yaml_schema={"type": "boolean"},
        model_types=(bool,),
    ),
    ValueKind.DATE: Kind(
        label="date",
        expected=_DATE,
        python_type="datetime.date",
        read=_read_date,
        to_term=_literal(XSD.date),
        from_term=_python_value(ValueKind.DATE, datetime.date),
        to_json=lambda value: value.isoformat(),
        context_type="xsd:date",
        json_schema={"$ref": "#/$defs/date"},
        example="2022-01-31",
        yaml_schema={"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        model_types=(datetime.date,),
    ),
    ValueKind.PARTIAL_DATE: Kind(
        label="date, month or year",
        expected=_PARTIAL_DATE,
        python_type="PartialDate",
        read=_read_partial_date,
        to_term=_partial_date_term,
        from_term=_text_value,
        to_json=_partial_date_json,
        json_schema={"$ref": "#/$defs/partialDate"},
        example={"@value": "2022", "type": "xsd:gYear"},
        yaml_schema={
            "anyOf": [
                {"type": "string", "pattern": f"^{PARTIAL_DATE_RE.pattern}$"},
                _years(1000, 9999),
            ]
        },
        model_types=(str,),
    ),
    ValueKind.DATETIME: Kind(
        label="date and time, or date",
        expected="datetime",
        python_type="datetime.datetime | datetime.date",
        read=_read_datetime,
        to_term=_datetime_term,
        from_term=_python_value(ValueKind.DATETIME, datetime.datetime, datetime.date),
        to_json=_datetime_json,
        json_schema={"$ref": "#/$defs/dateTime"},
        example={"@value": "2022-01-31T10:48:00", "type": "xsd:dateTime"},
        yaml_schema={
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$",
        },
        model_types=(datetime.datetime, datetime.date),
    ),
    ValueKind.YEAR: Kind(
        label="year",
        expected=_YEAR,
        python_type="str",
        read=_read_year,
        to_term=lambda field, value: Literal(str(value), datatype=XSD.gYear),
        from_term=_text_value,
        to_json=_same,
        context_type="xsd:gYear",
        json_schema={"$ref": "#/$defs/year"},
        example="2022",
        yaml_schema={"anyOf": [{"type": "string", "pattern": r"^-?[0-9]{4}$"}, _years(1000, 9999)]},
        model_types=(str,),
    ),
    ValueKind.TIME: Kind(
        label="time",
        expected="time",
        python_type="datetime.time",
        read=_read_time,
        to_term=_literal(XSD.time),
        from_term=_python_value(ValueKind.TIME, datetime.time),
        to_json=lambda value: str(Literal(value)),
        context_type="xsd:time",
        json_schema={"$ref": "#/$defs/time"},
        example="08:00:00",
        yaml_schema={"type": "string", "pattern": f"^{TIME_RE.pattern}$"},
        model_types=(datetime.time,),
    ),
    ValueKind.IRI: Kind(
        label="IRI",
        expected="iri",
        python_type="str",
        read=_read_iri,
        to_term=lambda field, value: URIRef(value),
        from_term=_iri_value,
        to_json=_same,
        context_type="@id",
        json_schema={"$ref": "#/$defs/iri"},
        yaml_schema=_YAML_REFERENCE,
        model_types=(str,),
    ),
    ValueKind.CODE: Kind(
        label="code",
        expected="code",
        python_type="str",
        read=_read_code,
        to_term=code_iri,
        from_term=_code_value,
        to_json=_same,
        context_type="@vocab",
        model_types=(str,),
    ),
    ValueKind.NESTED: Kind(
        label="object",
        expected="nested",
        python_type="",
        read=_OBJECTS,
        to_term=_nested_term,
        from_term=_OBJECTS,
        to_json=_OBJECTS,
    ),
    ValueKind.REFERENCE: Kind(
        label="reference",
        expected="reference",
        python_type="str",
        read=_read_iri,
        to_term=lambda field, value: URIRef(value),
        from_term=_iri_value,
        to_json=_same,
        context_type="@id",
        json_schema={"$ref": "#/$defs/iri"},
        yaml_schema=_YAML_REFERENCE,
        model_types=(str,),
    ),
}

__all__ = ["IRI_PATTERN", "KINDS", "TIME_RE", "Kind", "code_iri", "describe"]
