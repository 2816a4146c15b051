"""Generate the JSON-LD 1.1 context (``ontology/context.jsonld``) from the shapes.

Design of the context
---------------------
A muniorg JSON-LD document is one municipality, programme or concept scheme, written with the
same keys as the authoring format; the context turns those keys into the RDF the shapes describe.

* **Prefixes** of :data:`muniorg.core.namespaces.PREFIXES`, so that extra types such as
  ``cv:PublicOrganisation`` and datatypes such as ``xsd:gYear`` can be written as compact IRIs.
* ``id`` and ``type`` are aliases of ``@id`` and ``@type``.
* **Class terms**: each class key (``Municipality``) maps to its rdf:type. A node lists its class
  term alone, or the term followed by the class's extra types as compact IRIs.
* **Property terms**: each key maps to its ``sh:path`` (``@reverse`` for inverse paths) with a
  coercion chosen by its value kind: language maps use ``@container: @language``; dates, years,
  times and ``xsd:anyURI`` strings get their datatype; references and links ``@type: @id``;
  nested objects are plain node objects; numbers, integers and booleans are native JSON (decimals
  are written as value objects so they stay ``xsd:decimal``).
* **Codes**: a code-list key uses ``@type: @vocab`` with a property-scoped context whose
  ``@vocab`` is the list's namespace, so ``"role": "mayor"`` means
  ``https://w3id.org/muniorg/vocab/role/mayor``. JSON-LD expands such a value as a *term* first,
  so every code of the list (as far as ``ontology/vocabularies.ttl`` knows it) that equals a term
  of this context (unit kind ``council`` vs the key ``council``) is redefined in that scoped
  context as the code's own IRI. Setting the term to ``null`` would not do: a term mapped to null
  expands to null and the value would be dropped. Codes of external lists that vocabularies.ttl
  does not list cannot be checked. Such a term is ``@protected: false`` at the top level: JSON-LD
  1.1 lets a property-scoped context redefine a protected term, but rdflib's parser (7.0 to 7.6)
  silently keeps the protected definition and read ``"measure": "departments"`` as
  ``dct:type org:hasUnit``.
* **One key, several meanings**: a key whose path or coercion differs between classes (``name`` is
  ``skos:prefLabel`` on most classes but ``foaf:name`` on Person) gets the definition used by most
  classes at the top level; the other classes redefine it in a **type-scoped context** on their
  class term. Type-scoped contexts do not propagate into nested nodes, so a Value inside a
  Foundation reads ``name`` with the top-level meaning again.
* ``@protected: true`` guards every term against silent redefinition by documents that add their
  own context; the few top-level terms that type-scoped contexts redefine are marked
  ``@protected: false`` (JSON-LD forbids a type-scoped context to redefine a protected term).

Example:
    >>> from muniorg.generate.context import build_context
    >>> from muniorg.generate.sources import load_sources
    >>> context = build_context(load_sources())["@context"]
    >>> context["seats"]
    {'@id': 'muniorg:seats'}
    >>> context["Person"]["@context"]["name"]
    {'@id': 'foaf:name'}
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from muniorg.core.namespaces import PREFIXES, compact_iri
from muniorg.generate.sources import Sources
from muniorg.model.kinds import KINDS
from muniorg.model.schema import Field, ValueKind

#: Where the context is published; documents refer to it by this IRI.

TermDefinition = dict[str, Any]

_KEYWORD_ALIASES = {"id": "@id", "type": "@type"}


def all_terms(sources: Sources) -> frozenset[str]:
    """Every term the context defines anywhere: prefixes, aliases, class keys and field keys.

    :raises ValueError: if a field key is also a class key, a prefix or a keyword alias.

    >>> from muniorg.generate.sources import load_sources
    >>> {"skos", "type", "Municipality", "name"} <= all_terms(load_sources())
    True
    """
    reserved = set(PREFIXES) | set(_KEYWORD_ALIASES) | set(sources.schema.classes)
    keys = {field.key for spec in sources.schema.classes.values() for field in spec.fields}
    clashes = sorted(keys & reserved)
    if clashes:
        raise ValueError(f"field keys clash with class terms, prefixes or aliases: {clashes}")
    return frozenset(reserved | keys)


def code_context(field: Field, sources: Sources, terms: frozenset[str]) -> TermDefinition:
    """The property-scoped context of a code-list key: its ``@vocab`` and the codes equal to terms.

    :raises ValueError: if a known code contains ``:`` (it would be read as an IRI, not a code).
    """
    namespace = field.code_namespace
    assert namespace is not None, field
    codes = sources.codes.get(namespace, ())
    bad = [code for code in codes if ":" in code or code.startswith("@")]
    if bad:
        raise ValueError(f"codes of {namespace} cannot be written as JSON-LD vocab terms: {bad}")
    scoped: TermDefinition = {"@vocab": namespace}
    # A code that is also a term would expand to the term's IRI: pin it to the code's IRI.
    scoped.update({code: namespace + code for code in sorted(terms.intersection(codes))})
    return scoped


def term_definition(field: Field, sources: Sources, terms: frozenset[str]) -> TermDefinition:
    """The JSON-LD term definition of one field (see the module docstring for the rules).

    >>> from muniorg.generate.sources import load_sources
    >>> sources = load_sources()
    >>> people = sources.schema.classes["Municipality"].field("people")
    >>> term_definition(people, sources, all_terms(sources))
    {'@reverse': 'org:memberOf'}
    """
    definition: TermDefinition = {
        "@reverse" if field.inverse else "@id": compact_iri(str(field.path))
    }
    if field.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
        definition["@container"] = "@language"
    context_type = KINDS[field.kind].context_type
    if context_type is not None:
        definition["@type"] = context_type
    if field.kind is ValueKind.CODE:
        definition["@context"] = code_context(field, sources, terms)
    return definition


def _canonical(definition: TermDefinition) -> str:
    return json.dumps(definition, sort_keys=True)


def build_context(sources: Sources) -> dict[str, Any]:
    """Build the context document ``{"@context": {...}}`` from the schema and the vocabularies."""
    terms = all_terms(sources)
    by_key: dict[str, dict[str, TermDefinition]] = {}
    for spec in sources.schema.classes.values():
        for field in spec.fields:
            by_key.setdefault(field.key, {})[spec.key] = term_definition(field, sources, terms)

    top: dict[str, TermDefinition] = {}
    scoped: dict[str, dict[str, TermDefinition]] = {}
    for key, per_class in by_key.items():
        counts = Counter(_canonical(d) for d in per_class.values())
        # Most classes win; ties go to the first definition in canonical order, for determinism.
        winner = min(counts, key=lambda canonical: (-counts[canonical], canonical))
        top[key] = json.loads(winner)
        for class_key, definition in per_class.items():
            if _canonical(definition) != winner:
                scoped.setdefault(class_key, {})[key] = definition
                top[key]["@protected"] = False

    for code in sorted(_codes_redefined(top, scoped)):
        if code in top:
            top[code]["@protected"] = False

    context: dict[str, Any] = {"@version": 1.1, "@protected": True}
    context.update(PREFIXES)
    context.update(_KEYWORD_ALIASES)
    for spec in sources.schema.classes.values():
        type_term = compact_iri(str(spec.rdf_type))
        if spec.key in scoped:
            context[spec.key] = {"@id": type_term, "@context": scoped[spec.key]}
        else:
            context[spec.key] = type_term
    context.update(top)
    return {"@context": context}


def _codes_redefined(
    top: dict[str, TermDefinition], scoped: dict[str, dict[str, TermDefinition]]
) -> set[str]:
    """The terms that the code lists' scoped contexts pin to a code's IRI, in any definition."""
    definitions = [*top.values(), *(d for per in scoped.values() for d in per.values())]
    return {
        term
        for definition in definitions
        if definition.get("@type") == "@vocab"
        for term in definition.get("@context", {})
        if not term.startswith("@")
    }


def type_value(class_key: str, sources: Sources) -> str | list[str]:
    """The ``type`` a node of a class carries: its term alone, or with its extra types.

    >>> from muniorg.generate.sources import load_sources
    >>> type_value("Council", load_sources())
    ['Council', 'org:OrganizationalUnit']
    >>> type_value("Person", load_sources())
    'Person'
    """
    spec = sources.schema.classes[class_key]
    if not spec.extra_types:
        return class_key
    return [class_key, *(compact_iri(str(t)) for t in spec.extra_types)]


def render_json(document: Any) -> str:
    """Serialise generated JSON the same way every time: sorted keys, two-space indent, UTF-8."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def generate_context(sources: Sources) -> str:
    """The text of ``ontology/context.jsonld``."""
    return render_json(build_context(sources))
