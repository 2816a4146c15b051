"""Generate the JSON Schema (draft 2020-12) of the YAML authoring files: ``ontology/authoring-schema.json``.

Editors that read JSON Schemas for YAML (VS Code's YAML extension, any client of
yaml-language-server) complete keys, show their descriptions and flag unknown keys, wrong value
types and unknown codes as people type; ``docs/authoring.md`` says how to set one up. The schema
says what the loader (:mod:`muniorg.authoring.load`) accepts, in the form editors see it:

- one ``$defs`` entry per class of the shapes, with every key, its description, its value
  (:attr:`muniorg.model.kinds.Kind.yaml_schema`), the required keys, an optional ``type`` equal
  to the class and an optional ``id`` (a local id or an IRI), and no other keys;
- a key that holds several values takes a list or a single value, as the loader does;
- texts by language are maps whose keys are language tags the loader accepts (ISO 639-1 codes,
  three-letter codes, subtags);
- codes of muniorg's own lists are an ``enum``; codes of other publishers' lists follow the
  pattern of their property shape;
- the ``type: Catalog`` file, with the keys of :data:`muniorg.dcat.from_yaml.CATALOG_KEYS`;
- at the top, the file's ``type`` chooses its class, and the top object needs an ``id``.

The schema cannot say everything: references to ids in other files, check digits and the rules
of the SHACL shapes are checked by ``muniorg validate``.

Example:
    >>> from muniorg.generate.sources import load_sources
    >>> schema = build_authoring_schema(load_sources())
    >>> council = schema["$defs"]["Council"]
    >>> council["properties"]["seats"]["type"], council["additionalProperties"]
    ('integer', False)
    >>> schema["$defs"]["Region"]["properties"]["kind"]["enum"]
    ['county', 'informal-region', 'landscape', 'region']
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal
from rdflib.namespace import SH

from muniorg.authoring.load import MAX_TOP_ID_LENGTH, ROOT_TYPES
from muniorg.core.resources import AUTHORING_SCHEMA_IRI
from muniorg.core.values import ISO_639_1, LANGUAGE_SUBTAGS, LOCAL_ID, MAX_LANGUAGE_TAG
from muniorg.dcat.config import ApplicationProfile, PublisherType
from muniorg.dcat.from_yaml import (
    CATALOG_KEYS,
    CONTACT_KEYS,
    DATA_THEMES,
    PUBLISHER_KEYS,
    CatalogKey,
)
from muniorg.generate.context import render_json
from muniorg.generate.sources import Sources
from muniorg.model.kinds import KINDS, SAFE_IRI_PATTERN, any_case
from muniorg.model.schema import ClassSpec, Field, ValueKind

DRAFT = "https://json-schema.org/draft/2020-12/schema"

JsonSchema = dict[str, Any]


def language_tag_pattern() -> str:
    """The pattern of a language tag the loader accepts (:func:`muniorg.core.values.language_problem`):
    an ISO 639-1 code or three letters, then subtags; letters in any case; at most
    :data:`~muniorg.core.values.MAX_LANGUAGE_TAG` characters.

    >>> import re
    >>> pattern = re.compile(language_tag_pattern())
    >>> [bool(pattern.match(tag)) for tag in ("da", "nn", "fkv", "en-GB", "DA", "dk", "d a")]
    [True, True, True, True, True, False, False]
    """
    by_first: dict[str, list[str]] = {}
    for code in sorted(ISO_639_1):
        by_first.setdefault(code[0], []).append(code[1])
    two = "|".join(
        any_case(first) + "[" + "".join(c + c.upper() for c in seconds) + "]"
        for first, seconds in sorted(by_first.items())
    )
    # the lookahead: at most MAX_LANGUAGE_TAG characters in all
    return f"^(?=.{{2,{MAX_LANGUAGE_TAG}}}$)({two}|[a-zA-Z]{{3}}){LANGUAGE_SUBTAGS}$"


def _text() -> JsonSchema:
    return {"type": "string", "pattern": r"\S"}


def common_defs() -> dict[str, JsonSchema]:
    """Value forms shared by many keys; lower-case names, so they never clash with classes."""
    tags = {"pattern": language_tag_pattern()}
    return {
        "langMap": {
            "description": "One text per language: {da: Sorø Kommune, en: Sorø Municipality}.",
            "type": "object",
            "propertyNames": tags,
            "additionalProperties": _text(),
        },
        "langListMap": {
            "description": "Texts by language, a list (or one text) per language: "
            "{da: [Sorø, Sorø By]}.",
            "type": "object",
            "propertyNames": tags,
            "additionalProperties": {"anyOf": [_text(), {"type": "array", "items": _text()}]},
        },
        "localId": {
            "description": "A local id: lowercase letters, digits and hyphens.",
            "type": "string",
            "pattern": f"^{LOCAL_ID.pattern}$",
        },
        "iri": {"type": "string", "pattern": SAFE_IRI_PATTERN},
    }


def _code_pattern(field: Field, sources: Sources) -> str | None:
    """The pattern of a code of another publisher's list: the property shape's ``sh:pattern``
    on the code's IRI, with the list's namespace taken off (``^[A-Z]{3}$`` for countries)."""
    pattern = sources.shapes.value(field.shape, SH.pattern)
    prefix = "^" + re.escape(field.code_namespace or "")
    if not isinstance(pattern, Literal) or not str(pattern).startswith(prefix):
        return None
    rest = str(pattern)[len(prefix) :]
    return "^" + rest if rest else None  # a pattern of the namespace only says nothing more


def _integer_codes(pattern: str) -> JsonSchema | None:
    """Whole numbers that are codes of the pattern (SDG 1 to 17, written unquoted), as a range.

    >>> _integer_codes("^(1[0-7]|[1-9])$"), _integer_codes("^[A-Z]{3}$")
    ({'type': 'integer', 'minimum': 1, 'maximum': 17}, None)
    """
    regex = re.compile(pattern)
    numbers = [n for n in range(1000) if regex.search(str(n))]
    if not numbers or numbers != list(range(numbers[0], numbers[-1] + 1)):
        return None
    return {"type": "integer", "minimum": numbers[0], "maximum": numbers[-1]}


def value_schema(field: Field, sources: Sources) -> JsonSchema:
    """The schema of one value of a field (one item, when the field holds a list).

    >>> from muniorg.generate.sources import load_sources
    >>> sources = load_sources()
    >>> value_schema(sources.schema.classes["Municipality"].field("council"), sources)
    {'$ref': '#/$defs/Council'}
    >>> value_schema(sources.schema.classes["Municipality"].field("country"), sources)["pattern"]
    '^[A-Z]{3}$'
    """
    if field.kind is ValueKind.NESTED:
        nested: JsonSchema = {"$ref": f"#/$defs/{field.target}"}
        if field.target == "Document":  # `homepage: https://...` is the page at that address
            return {"anyOf": [nested, {"$ref": "#/$defs/iri"}]}
        return nested
    if field.kind is ValueKind.CODE:
        codes = sources.codes.get(field.code_namespace or "")
        if codes:
            return {"type": "string", "enum": list(codes)}
        pattern = _code_pattern(field, sources)
        if pattern is None:
            return {"type": "string", "pattern": r"^\S+$"}
        numbers = _integer_codes(pattern)
        text: JsonSchema = {"type": "string", "pattern": pattern}
        return {"anyOf": [text, numbers]} if numbers else text
    schema = KINDS[field.kind].yaml_schema
    assert schema is not None, field.kind
    return dict(schema)


def field_schema(field: Field, sources: Sources) -> JsonSchema:
    """The schema of a key: its value, or a list of values or one value, with its description."""
    item = value_schema(field, sources)
    if field.many:
        array: JsonSchema = {"type": "array", "items": item}
        if field.required:
            array["minItems"] = 1
        schema: JsonSchema = {"anyOf": [item, array]}
    else:
        schema = item
    need = "required" if field.required else "recommended" if field.recommended else "optional"
    schema = {"title": field.name, "description": f"{field.description} ({need})".strip(), **schema}
    if field.code_list is not None and "enum" not in schema:
        schema["description"] += f" A code of <{field.code_list}>."
    return schema


def class_schema(spec: ClassSpec, sources: Sources) -> JsonSchema:
    """The ``$defs`` entry of a class: ``type`` and ``id``, its keys, required keys, no others."""
    properties: JsonSchema = {
        "type": {"const": spec.key, "description": f"{spec.key} (optional inside a file)."},
        "id": {
            "description": "A local id (lowercase letters, digits and hyphens) that other "
            "objects refer to, or the object's IRI (a web page's address).",
            "anyOf": [{"$ref": "#/$defs/localId"}, {"$ref": "#/$defs/iri"}],
        },
    }
    for field in spec.fields:
        properties[field.key] = field_schema(field, sources)
    schema: JsonSchema = {"title": spec.key, "type": "object"}
    if spec.description:
        schema["description"] = spec.description
    schema["properties"] = properties
    required = [f.key for f in spec.fields if f.required]
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _object(keys: tuple[CatalogKey, ...], values: dict[str, JsonSchema], title: str) -> JsonSchema:
    """An object of the catalog file: each key of ``keys`` with its description and value."""
    assert set(values) == {k.key for k in keys}, sorted(set(values) ^ {k.key for k in keys})
    return {
        "title": title,
        "type": "object",
        "properties": {
            k.key: {
                "description": k.description + ("" if k.required else " (optional)"),
                **values[k.key],
            }
            for k in keys
        },
        "required": [k.key for k in keys if k.required],
        "additionalProperties": False,
    }


def catalog_schema() -> JsonSchema:
    """The ``$defs`` entry of the ``type: Catalog`` file (:mod:`muniorg.dcat.from_yaml`)."""
    date = KINDS[ValueKind.DATE].yaml_schema
    assert date is not None
    iri: JsonSchema = {"$ref": "#/$defs/iri"}
    publisher = _object(
        PUBLISHER_KEYS,
        {
            "iri": iri,
            "name": {"$ref": "#/$defs/langMap"},
            "type": {"enum": [t.value for t in PublisherType]},
            "identifier": _text(),
        },
        "Publisher",
    )
    contact = _object(
        CONTACT_KEYS,
        {"name": _text(), "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"}},
        "Contact point",
    )
    codes: JsonSchema = {"type": "string", "pattern": "^[A-Z][A-Z_]*$"}
    catalog = _object(
        CATALOG_KEYS,
        {
            "type": {"const": "Catalog"},
            "profile": {"enum": [p.value for p in ApplicationProfile]},
            "iri": {"type": "string", "pattern": "^" + any_case("http") + "[sS]?://.*[^/]$"},
            "title": {"$ref": "#/$defs/langMap"},
            "description": {"$ref": "#/$defs/langMap"},
            "publisher": publisher,
            "contact": contact,
            "issued": dict(date),
            "modified": dict(date),
            "licence": iri,
            "downloadBase": iri,
            "homepage": iri,
            "themes": {"type": "array", "items": {"enum": list(DATA_THEMES)}, "minItems": 1},
            "languages": {"type": "array", "items": codes},
        },
        "Catalog",
    )
    catalog["description"] = (
        "The DCAT-AP catalog of a build: who publishes the data, under which licence "
        "(docs/dcat.md). One per build."
    )
    return catalog


def _root(type_name: str) -> JsonSchema:
    """The branch of the top level for a file whose ``type`` is ``type_name``."""
    then: JsonSchema = {"$ref": f"#/$defs/{type_name}"}
    if type_name != "Catalog":
        then |= {
            "required": ["id"],
            "properties": {
                "id": {
                    "description": "The file's local id: lowercase letters, digits and "
                    "hyphens; it names the output files.",
                    "$ref": "#/$defs/localId",
                    "maxLength": MAX_TOP_ID_LENGTH,
                }
            },
        }
    return {
        "if": {"properties": {"type": {"const": type_name}}, "required": ["type"]},
        "then": then,
    }


def build_authoring_schema(sources: Sources) -> JsonSchema:
    """The whole JSON Schema of an authoring file."""
    defs = common_defs()
    for spec in sources.schema.classes.values():
        defs[spec.key] = class_schema(spec, sources)
    defs["Catalog"] = catalog_schema()
    types = [*ROOT_TYPES, "Catalog"]
    return {
        "$schema": DRAFT,
        "$id": AUTHORING_SCHEMA_IRI,
        "title": "muniorg authoring file",
        "description": (
            "One YAML file of muniorg data: a Municipality, a CooperationProgramme, a "
            "ConceptScheme or the build's Catalog, chosen by 'type' (docs/authoring.md)."
        ),
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {"description": "What the file describes.", "enum": types},
        },
        "allOf": [_root(name) for name in types],
        "$defs": defs,
    }


def generate_authoring_schema(sources: Sources) -> str:
    """The text of ``ontology/authoring-schema.json``."""
    return render_json(build_authoring_schema(sources))
