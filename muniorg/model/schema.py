"""The data model as the SHACL shapes define it: classes, their fields and value kinds.

``ontology/shapes.ttl`` is the single source of truth for the structure of muniorg data. This
module reads it (and the class hierarchy of ``ontology/muniorg.ttl``) into plain Python objects
that the generators use to write the JSON-LD context, the JSON Schema, the Python model and the
reference docs. At run time the library uses the generated model, not this module, so that
importing muniorg does not parse Turtle.

Example:
    >>> from muniorg.model.schema import load_schema
    >>> schema = load_schema()
    >>> field = schema.classes["Municipality"].field("name")
    >>> field.kind.name, field.required
    ('LANG_MAP', True)
"""

from __future__ import annotations

import dataclasses
import enum
import re
from dataclasses import dataclass, replace
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from muniorg.core.namespaces import MUNIORG, MUNIORG_SHAPES
from muniorg.core.resources import ONTOLOGY_FILE, SHAPES_FILE


class ValueKind(enum.Enum):
    """What kind of value a field holds, derived from the constraints of its property shape."""

    LANG_MAP = "lang-map"  # rdf:langString, sh:uniqueLang: {"da": "...", "en": "..."}
    LANG_LIST_MAP = "lang-list-map"  # rdf:langString: {"da": ["...", "..."]}
    STRING = "string"  # xsd:string
    URI = "uri"  # xsd:anyURI literal
    NUMBER = "number"  # xsd:integer or xsd:decimal
    INTEGER = "integer"  # xsd:integer
    BOOLEAN = "boolean"  # xsd:boolean
    DATE = "date"  # xsd:date
    PARTIAL_DATE = "partial-date"  # xsd:date, xsd:gYearMonth or xsd:gYear
    DATETIME = "datetime"  # xsd:dateTime or xsd:date
    YEAR = "year"  # xsd:gYear
    TIME = "time"  # xsd:time
    IRI = "iri"  # any IRI
    CODE = "code"  # an IRI from a code list, written as its code
    NESTED = "nested"  # an object described inside its parent
    REFERENCE = "reference"  # an IRI of an object described elsewhere

    @property
    def is_object(self) -> bool:
        return self in (ValueKind.NESTED, ValueKind.REFERENCE)


#: The ``shape`` of a field not (yet) held by a :class:`ClassSpec`.
_UNPLACED = URIRef("")


def key_words(key: str) -> str:
    """A field key as words, the default name of a field: ``"postCode"`` -> ``"post code"``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r" \1", key).lower()


@dataclass(frozen=True)
class Field:
    """One key of a class: its JSON/YAML name, RDF path, value kind and cardinality.

    ``name`` defaults to the key in words. ``shape`` (``shapes:{Class}-{key}``) and ``order``
    (the position among the class's fields) are set by the :class:`ClassSpec` that holds the
    field.

    >>> f = Field("postCode", URIRef("http://www.w3.org/ns/locn#postCode"), ValueKind.STRING)
    >>> f.name, f.many, f.required
    ('post code', False, False)
    """

    key: str
    path: URIRef
    kind: ValueKind
    description: str = ""
    many: bool = False
    required: bool = False
    recommended: bool = False
    inverse: bool = False
    target: str | None = None  # class key of NESTED and REFERENCE values
    code_list: URIRef | None = None  # concept scheme of CODE values
    name: str = ""
    shape: URIRef = _UNPLACED
    order: int = -1

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", key_words(self.key))

    @property
    def code_namespace(self) -> str | None:
        """The IRI prefix that a code is appended to (``scheme + "/"``)."""
        return None if self.code_list is None else str(self.code_list) + "/"


@dataclass(frozen=True)
class ClassSpec:
    """A class of the model: its RDF type, the extra types it is also given, and its fields.

    The shapes are named after the class (``shapes:{key}``, ``shapes:{key}-{field key}``), so
    the spec derives them, and each field's ``order`` is its position.
    """

    key: str
    rdf_type: URIRef
    description: str
    fields: tuple[Field, ...]
    extra_types: tuple[URIRef, ...] = ()
    shape: URIRef = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "shape", MUNIORG_SHAPES[self.key])
        fields = tuple(
            replace(f, shape=MUNIORG_SHAPES[f"{self.key}-{f.key}"], order=index)
            for index, f in enumerate(self.fields)
        )
        object.__setattr__(self, "fields", fields)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.key} has no field {key!r}")

    @property
    def all_types(self) -> tuple[URIRef, ...]:
        return (self.rdf_type, *self.extra_types)


@dataclass(frozen=True)
class Schema:
    """All classes of the model, keyed by their type term (``"Municipality"``)."""

    classes: dict[str, ClassSpec]

    def by_type(self, rdf_type: URIRef) -> ClassSpec:
        for spec in self.classes.values():
            if spec.rdf_type == rdf_type:
                return spec
        raise KeyError(f"no class has rdf:type {rdf_type}")


_DATATYPE_KIND = {
    XSD.string: ValueKind.STRING,
    XSD.anyURI: ValueKind.URI,
    XSD.integer: ValueKind.INTEGER,
    XSD.boolean: ValueKind.BOOLEAN,
    XSD.date: ValueKind.DATE,
    XSD.gYear: ValueKind.YEAR,
    XSD.time: ValueKind.TIME,
}
_OR_KIND = {
    frozenset({XSD.integer, XSD.decimal}): ValueKind.NUMBER,
    frozenset({XSD.date, XSD.gYearMonth, XSD.gYear}): ValueKind.PARTIAL_DATE,
    frozenset({XSD.dateTime, XSD.date}): ValueKind.DATETIME,
}


def _text(graph: Graph, node: URIRef | BNode, prop: URIRef) -> str:
    values = [v for v in graph.objects(node, prop) if isinstance(v, Literal)]
    english = [v for v in values if v.language in (None, "en")]
    chosen = english or values
    return str(chosen[0]) if chosen else ""


def _int(graph: Graph, node: URIRef | BNode, prop: URIRef) -> int | None:
    value = graph.value(node, prop)
    return None if value is None else int(str(value))


def _true(value: object) -> bool:
    """Whether a term is the literal ``true`` (absent and other values count as false)."""
    return isinstance(value, Literal) and value.toPython() is True


def _kind(graph: Graph, shape: URIRef, target_class: URIRef | None) -> ValueKind:
    if graph.value(shape, MUNIORG.codeList) is not None:
        return ValueKind.CODE
    if target_class is not None:
        nested = graph.value(shape, MUNIORG.nested)
        return ValueKind.NESTED if _true(nested) else ValueKind.REFERENCE
    datatype = graph.value(shape, SH.datatype)
    if datatype == RDF.langString:
        unique = graph.value(shape, SH.uniqueLang)
        return ValueKind.LANG_MAP if _true(unique) else ValueKind.LANG_LIST_MAP
    if isinstance(datatype, URIRef):
        return _DATATYPE_KIND[datatype]
    alternatives = graph.value(shape, SH["or"])
    if alternatives is not None:
        datatypes = frozenset(
            graph.value(member, SH.datatype) for member in Collection(graph, alternatives)
        )
        return _OR_KIND[datatypes]  # type: ignore[index]
    if graph.value(shape, SH.nodeKind) == SH.IRI:
        return ValueKind.IRI
    raise ValueError(f"cannot tell the value kind of property shape {shape}")


def _target_class(graph: Graph, shape: URIRef) -> URIRef | None:
    cls = graph.value(shape, SH["class"])
    if cls is None:
        qualified = graph.value(shape, SH.qualifiedValueShape)
        if qualified is not None:
            cls = graph.value(qualified, SH["class"])
    return cls if isinstance(cls, URIRef) else None


def _check_name(shape: URIRef, expected: URIRef) -> None:
    """The model derives shape IRIs from class and field keys: a shape named otherwise fails."""
    if shape != expected:
        raise ValueError(f"shape {shape} must be named {expected} (shapes:Class or Class-key)")


def schema_from_graphs(shapes: Graph, ontology: Graph) -> Schema:
    """Build the :class:`Schema` from a shapes graph and the ontology graph."""
    class_keys: dict[URIRef, str] = {}
    node_shapes = sorted(
        (s for s in shapes.subjects(RDF.type, SH.NodeShape) if shapes.value(s, MUNIORG.jsonKey)),
        key=str,
    )
    for node_shape in node_shapes:
        target = shapes.value(node_shape, SH.targetClass)
        assert isinstance(target, URIRef), node_shape
        class_keys[target] = str(shapes.value(node_shape, MUNIORG.jsonKey))

    classes: dict[str, ClassSpec] = {}
    for node_shape in node_shapes:
        assert isinstance(node_shape, URIRef)
        target = shapes.value(node_shape, SH.targetClass)
        assert isinstance(target, URIRef)
        key = class_keys[target]
        recommended_paths = {
            (shapes.value(p, SH.path), _target_class(shapes, p))  # type: ignore[arg-type]
            for p in shapes.objects(node_shape, SH.property)
            if shapes.value(p, SH.severity) == SH.Warning
            and (
                shapes.value(p, SH.minCount) is not None
                or shapes.value(p, SH.qualifiedMinCount) is not None
            )
        }
        _check_name(node_shape, MUNIORG_SHAPES[key])
        fields: list[Field] = []
        orders: dict[str, int] = {}
        for prop in shapes.objects(node_shape, SH.property):
            json_key = shapes.value(prop, MUNIORG.jsonKey)
            if json_key is None:
                continue
            assert isinstance(prop, URIRef)
            raw_path = shapes.value(prop, SH.path)
            inverse = isinstance(raw_path, BNode)
            path = shapes.value(raw_path, SH.inversePath) if inverse else raw_path
            assert isinstance(path, URIRef), prop
            target_cls = _target_class(shapes, prop)
            kind = _kind(shapes, prop, target_cls)
            min_count = _int(shapes, prop, SH.minCount) or _int(shapes, prop, SH.qualifiedMinCount)
            max_count = _int(shapes, prop, SH.maxCount) or _int(shapes, prop, SH.qualifiedMaxCount)
            code_list = shapes.value(prop, MUNIORG.codeList)
            fields.append(
                Field(
                    key=str(json_key),
                    path=path,
                    inverse=inverse,
                    kind=kind,
                    many=max_count != 1
                    and kind not in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP),
                    required=bool(min_count),
                    recommended=(raw_path, target_cls) in recommended_paths
                    or (raw_path, None) in recommended_paths,
                    target=class_keys[target_cls] if target_cls is not None else None,
                    code_list=code_list if isinstance(code_list, URIRef) else None,
                    name=_text(shapes, prop, SH.name),
                    description=_text(shapes, prop, SH.description),
                )
            )
            orders[fields[-1].key] = _int(shapes, prop, SH.order) or 0
            _check_name(prop, MUNIORG_SHAPES[f"{key}-{json_key}"])
        fields.sort(key=lambda f: orders[f.key])
        extra = sorted(
            (
                o
                for o in ontology.objects(target, RDFS.subClassOf)
                if isinstance(o, URIRef) and o != OWL.Thing
            ),
            key=str,
        )
        classes[key] = ClassSpec(
            key=key,
            rdf_type=target,
            extra_types=tuple(extra),
            description=_text(shapes, node_shape, SH.description),
            fields=tuple(fields),
        )
    return Schema(classes=dict(sorted(classes.items())))


@cache
def load_schema() -> Schema:
    """Read the bundled shapes and ontology into a :class:`Schema` (cached)."""
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return schema_from_graphs(shapes, ontology)
