"""Small JSON-LD examples of each class, made from the value kinds of its fields.

The reference docs show one per class; the tests check that each is valid against the JSON
Schema and expands with the context, so the three generated artifacts agree with each other.

Example:
    >>> from muniorg.generate.sources import load_sources
    >>> example = class_example("Council", load_sources())
    >>> example["type"], example["name"]
    (['Council', 'org:OrganizationalUnit'], {'en': 'text'})
"""

from __future__ import annotations

from typing import Any

from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.generate.context import type_value
from muniorg.generate.sources import Sources
from muniorg.model.kinds import KINDS
from muniorg.model.schema import Field, ValueKind

#: The IRI of the example's top object (a Danish municipality by its kommunekode).
EXAMPLE_IRI = DEFAULT_BASE + "dk/340"

#: How many optional keys of the example's own class are shown besides the required ones.
OPTIONAL_KEYS = 3


def example_value(field: Field, sources: Sources, iri: str) -> Any:
    """One example value of a field; ``iri`` is the IRI a nested object would get.

    Codes are the first code the vocabularies list, or ``"code"`` for a list they do not know.
    """
    if field.kind is ValueKind.CODE:
        codes = sources.codes.get(field.code_namespace or "", ())
        return codes[0] if codes else "code"
    if field.kind in (ValueKind.IRI, ValueKind.REFERENCE):
        return f"{EXAMPLE_IRI}/{field.target.lower() if field.target else 'other'}"
    if field.kind is ValueKind.NESTED:
        assert field.target is not None
        return node_example(field.target, sources, iri, optional=0)
    return KINDS[field.kind].example


def node_example(class_key: str, sources: Sources, iri: str, optional: int) -> dict[str, Any]:
    """An object of a class with its required keys and its first ``optional`` other keys."""
    spec = sources.schema.classes[class_key]
    node: dict[str, Any] = {"id": iri, "type": type_value(class_key, sources)}
    shown = [f for f in spec.fields if f.required]
    shown += [f for f in spec.fields if not f.required][:optional]
    for field in sorted(shown, key=lambda f: f.order):
        child_iri = f"{iri}/{field.key}" + ("/1" if field.many else "")
        value = example_value(field, sources, child_iri)
        node[field.key] = [value] if field.many else value
    return node


def class_example(class_key: str, sources: Sources) -> dict[str, Any]:
    """The example of a class shown in the reference: required keys and a few optional ones."""
    return node_example(class_key, sources, EXAMPLE_IRI, optional=OPTIONAL_KEYS)
