"""Generate the JSON-LD 1.1 context (``ontology/context.jsonld``) from the shapes.

Design of the context
---------------------
A muniorg JSON-LD document is one municipality, programme or concept scheme, written with the
same keys as the authoring format; the context turns those keys into the RDF the shapes describe.

* **Prefixes** of :data:`muniorg.core.namespaces.PREFIXES`, so that extra types such as
  ``cv:PublicOrganisation`` and datatypes such as ``xsd:gYear`` can be written as compact IRIs.
* ``id`` and ``type`` are aliases of ``@id`` and ``@type``.
* **Class terms**: each class key (``Municipality``) maps to its rdf:type. A node lists its class
  term alone, or the term followed by the class's extra types: as the class term where an extra
  type is another class (a Foundation is also a ``ConceptScheme``), else as a compact IRI. (That
  class's type-scoped context then applies too; the generator checks that it changes no key the
  node uses.)
* **Property terms**: each key maps to its ``sh:path`` (``@reverse`` for inverse paths) with a
  coercion chosen by its value kind: language maps use ``@container: @language``; dates, years,
  times and ``xsd:anyURI`` strings get their datatype; references and links ``@type: @id``;
  nested objects are plain node objects; numbers, integers and booleans are native JSON.
  Values of kinds with several datatypes (a date, month or year; a date and time, or a date) and
  decimals are value objects, ``{"@value": "2012", "type": "xsd:gYear"}``, always, and their
  terms have no type: a term typed ``xsd:date`` would not compact a year back to its key.
* **Lists stay lists**: a key that holds a list has ``@container: @set`` (with ``@language`` for
  lists of texts per language), so a list of one is still a list after compaction.
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
* **One IRI, one term** (so that compaction gives each key back): an IRI that several keys name
  (``committees`` of a Council, ``networks`` of a CooperationProgramme and ``units`` of a
  Department are all ``org:hasUnit``) is at the top level under the key most classes use; a class
  that names it otherwise defines its key in its type-scoped context and sets the top-level key
  to ``null`` there. What no context can resolve (:func:`ambiguous_terms`: keys of one class
  sharing an IRI; reverse properties named by several keys, which JSON-LD compacts without the
  type-scoped context) the schema avoids with a sub-property (``muniorg:council`` of
  ``org:hasUnit``), and the generator refuses. ``docs/consumers.md`` says why type-scoped
  contexts first and sub-properties only there.
* ``@protected: true`` guards every term against silent redefinition by documents that add their
  own context; the top-level terms that type-scoped contexts redefine or set to null are marked
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
from muniorg.rdf.graph import NAME_ALIASES, name_field
from muniorg.rdf.jsonld import type_value as jsonld_type_value

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
    {'@reverse': 'org:memberOf', '@container': '@set'}
    """
    definition: TermDefinition = {
        "@reverse" if field.inverse else "@id": compact_iri(str(field.path))
    }
    if field.kind is ValueKind.LANG_MAP:
        definition["@container"] = "@language"
    elif field.kind is ValueKind.LANG_LIST_MAP:
        definition["@container"] = ["@language", "@set"]
    elif field.many:
        definition["@container"] = "@set"  # a list stays a list after compaction
    context_type = KINDS[field.kind].context_type
    if context_type is not None:
        definition["@type"] = context_type
    if field.kind is ValueKind.CODE:
        definition["@context"] = code_context(field, sources, terms)
    return definition


def _canonical(definition: TermDefinition) -> str:
    return json.dumps(definition, sort_keys=True)


def _iri(definition: TermDefinition | None) -> str | None:
    """What a term means, for telling terms apart: its IRI, ``^IRI`` for a reverse property."""
    if definition is None:
        return None
    return str(definition.get("@id") or "^" + definition["@reverse"])


def _co_applied(sources: Sources, class_key: str) -> list[str]:
    """The class terms a node of ``class_key`` lists as its type (its own and those of its extra
    types that are classes too), in the lexicographic order in which JSON-LD applies their
    type-scoped contexts."""
    by_type = {spec.rdf_type: spec.key for spec in sources.schema.classes.values()}
    spec = sources.schema.classes[class_key]
    return sorted({class_key, *(by_type[t] for t in spec.extra_types if t in by_type)})


def ambiguous_terms(sources: Sources) -> dict[str, dict[str, list[str]]]:
    """The keys no context can give back on compaction, by class and IRI (``^`` marks a reverse
    property), with the other keys of that IRI: :func:`build_context` refuses a schema that has
    any, so this is empty for muniorg's own schema.

    * keys of one class that share an IRI (were a municipality's ``council`` and
      ``departments`` both ``org:hasUnit``, no context could tell them apart: muniorg gives the
      council its own sub-property, ``muniorg:council``);
    * a reverse property that several keys name (a programme's ``participants`` and a
      council's ``memberships`` as ``^org:organization``): JSON-LD compacts the ``@reverse`` map
      of a node without its type-scoped context, so only the top-level term would come back
      (``participants`` is ``^muniorg:programme``).

    >>> from muniorg.generate.sources import load_sources
    >>> ambiguous_terms(load_sources())
    {}
    """
    preferred = _preferred_keys(sources)
    ambiguous: dict[str, dict[str, list[str]]] = {}
    for spec in sources.schema.classes.values():
        keys: dict[str, list[str]] = {}
        for field in spec.fields:
            keys.setdefault(_field_iri(field), []).append(field.key)
        for iri, names in keys.items():
            if iri.startswith("^") and names != [preferred[iri]]:
                names = [*names, preferred[iri]]
            if len(names) > 1:
                ambiguous.setdefault(spec.key, {})[iri] = names
    return ambiguous


def _class_definitions(sources: Sources) -> dict[str, dict[str, TermDefinition]]:
    """Each class's keys and their definitions, with the copies of its name
    (:data:`muniorg.rdf.graph.NAME_ALIASES`: ``schema:name`` and ``rdfs:label``, keys written
    as the compact IRI they mean, defined like the name: a language map or a plain string)."""
    terms = all_terms(sources)
    per_class: dict[str, dict[str, TermDefinition]] = {}
    for spec in sources.schema.classes.values():
        definitions = {field.key: term_definition(field, sources, terms) for field in spec.fields}
        named = name_field(spec)
        if named is not None:
            for alias, _ in NAME_ALIASES:
                definitions[alias] = {**definitions[named.key], "@id": alias}
        per_class[spec.key] = definitions
    return per_class


def _field_iri(field: Field) -> str:
    return ("^" if field.inverse else "") + compact_iri(str(field.path))


def _preferred_keys(sources: Sources) -> dict[str, str]:
    """For each IRI (``^`` for reverse), the key most classes name it with (ties: the first in
    alphabetical order): its top-level term. A class that names it otherwise defines its key in
    its type-scoped context."""
    users: dict[str, Counter[str]] = {}
    for definitions in _class_definitions(sources).values():
        for key, definition in definitions.items():
            users.setdefault(_iri(definition) or "", Counter())[key] += 1
    return {iri: min(counts, key=lambda key: (-counts[key], key)) for iri, counts in users.items()}


def build_context(sources: Sources) -> dict[str, Any]:
    """Build the context document ``{"@context": {...}}`` from the schema and the vocabularies.

    :raises ValueError: if a class would see a key with another meaning than its own, or two
        keys for one IRI (:func:`ambiguous_terms`: give one of them a sub-property).
    """
    ambiguous = ambiguous_terms(sources)
    if ambiguous:
        raise ValueError(
            f"keys that share an IRI cannot be told apart on compaction: {ambiguous}; "
            "give each its own sub-property in ontology/muniorg.ttl and shapes.ttl"
        )
    per_class = _class_definitions(sources)
    # One IRI, one term (see _preferred_keys).
    preferred = _preferred_keys(sources)
    # One key, one definition at the top level: the one most classes (using the key for its
    # preferred IRI) give it; the other classes redefine the key in their type-scoped context.
    by_key: dict[str, dict[str, TermDefinition]] = {}
    scoped: dict[str, dict[str, TermDefinition | None]] = {}
    for class_key, definitions in per_class.items():
        for key, definition in definitions.items():
            if preferred[_iri(definition) or ""] == key:
                by_key.setdefault(key, {})[class_key] = definition
            else:
                scoped.setdefault(class_key, {})[key] = definition
    top: dict[str, TermDefinition] = {}
    for key, by_class in by_key.items():
        counts = Counter(_canonical(d) for d in by_class.values())
        # Most classes win; ties go to the first definition in canonical order, for determinism.
        winner = min(counts, key=lambda canonical: (-counts[canonical], canonical))
        top[key] = json.loads(winner)
        for class_key, definition in by_class.items():
            if _canonical(definition) != winner:
                scoped.setdefault(class_key, {})[key] = definition
    # A term a class does not use but sees (top level, or the type-scoped context of another of
    # its types) for an IRI it names otherwise is set to null there, so that compaction finds
    # one term per IRI.
    for class_key, definitions in per_class.items():
        own_iris = {_iri(d) for d in definitions.values()}
        for key, seen in sorted(_visible(top, scoped, sources, class_key).items()):
            if key not in definitions and _iri(seen) in own_iris:
                scoped.setdefault(class_key, {})[key] = None
    for redefined in scoped.values():
        for key in redefined:
            if key in top:
                top[key]["@protected"] = False  # JSON-LD forbids redefining a protected term
    for code in sorted(_codes_redefined(top, scoped)):
        if code in top:
            top[code]["@protected"] = False
    _check_one_meaning(sources, per_class, top, scoped)

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


def _visible(
    top: dict[str, TermDefinition],
    scoped: dict[str, dict[str, TermDefinition | None]],
    sources: Sources,
    class_key: str,
) -> dict[str, TermDefinition | None]:
    """The terms in force inside a node of ``class_key``: the top level, then the type-scoped
    contexts of its class terms in the order JSON-LD applies them."""
    visible: dict[str, TermDefinition | None] = dict(top)
    for applied in _co_applied(sources, class_key):
        visible.update(scoped.get(applied, {}))
    return visible


def _check_one_meaning(
    sources: Sources,
    per_class: dict[str, dict[str, TermDefinition]],
    top: dict[str, TermDefinition],
    scoped: dict[str, dict[str, TermDefinition | None]],
) -> None:
    """Inside a node of each class, each key means what the class says and no other term
    means the same IRI (compaction picks that key back)."""
    for class_key, definitions in per_class.items():
        visible = _visible(top, scoped, sources, class_key)
        for key, definition in definitions.items():
            seen = visible.get(key)
            if seen is None or _canonical({**seen, "@protected": None}) != _canonical(
                {**definition, "@protected": None}
            ):
                raise ValueError(f"{class_key}.{key}: the context gives it the meaning {seen}")
            others = sorted(
                k for k, d in visible.items() if k != key and _iri(d) == _iri(definition)
            )
            if others:
                raise ValueError(f"{class_key}.{key}: {others} mean the same IRI in its nodes")


def _codes_redefined(
    top: dict[str, TermDefinition], scoped: dict[str, dict[str, TermDefinition | None]]
) -> set[str]:
    """The terms that the code lists' scoped contexts pin to a code's IRI, in any definition."""
    definitions = [*top.values(), *(d for per in scoped.values() for d in per.values())]
    return {
        term
        for definition in definitions
        if definition is not None and definition.get("@type") == "@vocab"
        for term in definition.get("@context", {})
        if not term.startswith("@")
    }


def type_value(class_key: str, sources: Sources) -> str | list[str]:
    """The ``type`` a node of a class carries: its term alone, or with its extra types (as class
    terms where they are classes, else compact IRIs; see :func:`muniorg.rdf.jsonld.type_value`).

    >>> from muniorg.generate.sources import load_sources
    >>> type_value("Council", load_sources())
    ['Council', 'org:OrganizationalUnit']
    >>> type_value("Post", load_sources())
    'Post'
    """
    class_terms = {spec.rdf_type: spec.key for spec in sources.schema.classes.values()}
    return jsonld_type_value(sources.schema.classes[class_key], class_terms)


def render_json(document: Any) -> str:
    """Serialise generated JSON the same way every time: sorted keys, two-space indent, UTF-8."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def generate_context(sources: Sources) -> str:
    """The text of ``ontology/context.jsonld``."""
    return render_json(build_context(sources))
