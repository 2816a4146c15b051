"""Generate the JSON Schema (draft 2020-12, ``ontology/schema.json``) of muniorg JSON-LD documents.

The schema is for consumers who read the JSON-LD export as plain JSON. It checks the exact
document form the context defines: one ``$defs`` entry per class (its ``type``, its keys with JSON
types, formats and patterns, the required keys, no unknown keys), shared ``$defs`` for the value
forms (language maps, IRIs, dates as strings or typed value objects), and at the top a ``oneOf``
of the three document kinds, which also require ``@context`` and ``id``.

Dates and times follow XML Schema, not RFC 3339: ``2014-05-14T10:48:00`` (no time zone) is a
valid ``xsd:dateTime``, so date-times and times are checked with patterns rather than the
``date-time``/``time`` formats.

Example:
    >>> from muniorg.generate.jsonschema import build_json_schema
    >>> from muniorg.generate.sources import load_sources
    >>> schema = build_json_schema(load_sources())
    >>> schema["$defs"]["Council"]["properties"]["seats"]["type"]
    'integer'
    >>> schema["$defs"]["Council"]["required"]
    ['type', 'name']
"""

from __future__ import annotations

from typing import Any

from muniorg.core.resources import CONTEXT_IRI
from muniorg.generate.context import render_json, type_value
from muniorg.generate.sources import Sources
from muniorg.model.kinds import IRI_PATTERN, KINDS
from muniorg.model.schema import ClassSpec, Field, ValueKind
from muniorg.rdf.graph import NAME_ALIASES, name_field

SCHEMA_ID = "https://w3id.org/muniorg/schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: Classes that can be the top object of a document.
DOCUMENT_CLASSES = ("Municipality", "CooperationProgramme", "ConceptScheme")

JsonSchema = dict[str, Any]

_DATE = r"-?\d{4,}-\d{2}-\d{2}"
_ZONE = r"(Z|[+-]\d{2}:\d{2})?"
_TIME = r"\d{2}:\d{2}:\d{2}(\.\d+)?"
# An absolute IRI: a scheme, a colon, no spaces or characters RFC 3987 excludes.
_IRI = IRI_PATTERN


def _value_object(datatype: str, pattern: str) -> JsonSchema:
    # ``type`` is the context's alias of ``@type``, the key JSON-LD compaction writes.
    return {
        "type": "object",
        "properties": {
            "@value": {"type": "string", "pattern": f"^{pattern}$"},
            "type": {"const": datatype},
        },
        "required": ["@value", "type"],
        "additionalProperties": False,
    }


#: Value forms shared by many keys; lower-case names so they never clash with class keys.
COMMON_DEFS: dict[str, JsonSchema] = {
    "context": {
        "description": f"The JSON-LD context, normally {CONTEXT_IRI}.",
        "anyOf": [
            {"type": "string", "format": "uri", "pattern": _IRI},
            {"type": "object"},
            {"type": "array"},
        ],
    },
    "iri": {"type": "string", "format": "iri", "pattern": _IRI},
    "langMap": {
        "description": "One text per language: a map from a BCP 47 language tag to a string.",
        "type": "object",
        "propertyNames": {"pattern": r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"},
        "additionalProperties": {"type": "string", "minLength": 1},
        "minProperties": 1,
    },
    "langListMap": {
        "description": "Texts by language: a map from a BCP 47 language tag to a list of strings.",
        "type": "object",
        "propertyNames": {"pattern": r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"},
        "additionalProperties": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "minItems": 1,
        },
        "minProperties": 1,
    },
    "number": {
        "description": "An integer, or a decimal as a value object typed xsd:decimal.",
        "oneOf": [
            {"type": "integer"},
            _value_object("xsd:decimal", r"[+-]?(\d+(\.\d*)?|\.\d+)"),
        ],
    },
    "date": {"type": "string", "format": "date", "pattern": f"^{_DATE}$"},
    "partialDate": {
        "description": "A date, a year or a month, as a value object.",
        "oneOf": [
            _value_object("xsd:date", _DATE),
            _value_object("xsd:gYear", r"-?\d{4,}"),
            _value_object("xsd:gYearMonth", r"-?\d{4,}-\d{2}"),
        ],
    },
    "dateTime": {
        "description": "A date and time, or a date, as a value object.",
        "oneOf": [
            _value_object("xsd:dateTime", f"{_DATE}T{_TIME}{_ZONE}"),
            _value_object("xsd:date", _DATE),
        ],
    },
    "year": {"type": "string", "pattern": r"^-?\d{4,}$"},
    "time": {"type": "string", "pattern": f"^{_TIME}{_ZONE}$"},
    "code": {
        "description": "A code of a controlled list (the last segment of the concept's IRI).",
        "type": "string",
        "pattern": r"^[^\s:@/][^\s:/]*$",
    },
}


def value_schema(field: Field, sources: Sources) -> JsonSchema:
    """The schema of one value of a field (an item, when the field holds a list).

    >>> from muniorg.generate.sources import load_sources
    >>> sources = load_sources()
    >>> value_schema(sources.schema.classes["Municipality"].field("council"), sources)
    {'$ref': '#/$defs/Council'}
    """
    if field.kind is ValueKind.NESTED:
        return {"$ref": f"#/$defs/{field.target}"}
    if field.kind is ValueKind.CODE:
        codes = sources.codes.get(field.code_namespace or "")
        if codes:
            return {"type": "string", "enum": list(codes)}
        return {"$ref": "#/$defs/code"}
    schema = KINDS[field.kind].json_schema
    assert schema is not None, field.kind
    return dict(schema)


def field_schema(field: Field, sources: Sources) -> JsonSchema:
    """The schema of a key: its value schema, or a list of them, with the key's description."""
    item = value_schema(field, sources)
    schema: JsonSchema = {"type": "array", "items": item} if field.many else item
    if field.many and field.required:
        schema["minItems"] = 1
    description = field.description
    if field.code_list is not None:
        description = f"{description} Codes of <{field.code_list}>.".strip()
    if description:
        schema["description"] = description
    return schema


def class_schema(spec: ClassSpec, sources: Sources) -> JsonSchema:
    """The ``$defs`` entry of a class: its keys, required keys and its exact ``type``."""
    properties: JsonSchema = {
        "@context": {"$ref": "#/$defs/context"},
        "id": {"$ref": "#/$defs/iri"},
        "type": {"const": type_value(spec.key, sources)},
    }
    for field in spec.fields:
        properties[field.key] = field_schema(field, sources)
    named = name_field(spec)
    if named is not None:
        for alias, _ in NAME_ALIASES:
            properties[alias] = {
                **field_schema(named, sources),
                "description": f"The {named.key} again, as {alias} (for consumers who look there).",
            }
    schema: JsonSchema = {
        "title": spec.key,
        "type": "object",
        "properties": properties,
        # The type is required: it selects the class's keys in the JSON-LD context.
        "required": ["type", *(f.key for f in spec.fields if f.required)],
        "additionalProperties": False,
    }
    if spec.description:
        schema["description"] = spec.description
    return schema


def document_schema(class_key: str, sources: Sources) -> JsonSchema:
    """One branch of the top-level ``oneOf``: a document whose top object is of this class.

    The branch is chosen by ``type`` (``if``/``then``) rather than by trying the class schema:
    a document of another type then fails the branch with one shallow error, and
    :func:`jsonschema.exceptions.best_match` reports the error inside the right class (a missing
    ``name``) instead of "not valid under any of the given schemas".
    """
    return {
        "title": f"{class_key} document",
        "if": {
            "properties": {"type": {"const": type_value(class_key, sources)}},
            "required": ["type"],
        },
        "then": {"$ref": f"#/$defs/{class_key}", "required": ["@context", "id"]},
        "else": False,
    }


def build_json_schema(sources: Sources) -> JsonSchema:
    """Build the whole JSON Schema document."""
    defs: dict[str, JsonSchema] = {key: dict(value) for key, value in COMMON_DEFS.items()}
    for spec in sources.schema.classes.values():
        defs[spec.key] = class_schema(spec, sources)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "muniorg JSON-LD document",
        "description": (
            "One municipality, cooperation programme or concept scheme as muniorg exports it "
            f"as JSON-LD with the context {CONTEXT_IRI}."
        ),
        "oneOf": [document_schema(key, sources) for key in DOCUMENT_CLASSES],
        "$defs": defs,
    }


def generate_json_schema(sources: Sources) -> str:
    """The text of ``ontology/schema.json``."""
    return render_json(build_json_schema(sources))
