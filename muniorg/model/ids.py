"""Stable, predictable IRIs for every object, minted from the data under a base IRI.

- a municipality: ``{base}{country alpha-2}/{current official municipality code}``
  (``https://w3id.org/muniorg/id/no/4614`` for Stord);
- a programme: ``{base}programme/{id}``; a controlled list: ``{base}scheme/{id}``;
- an object with a local id: ``{IRI of the top object}/{id}``;
- an object without one: ``{IRI of its parent}/{key}``, or ``.../{key}/{n}`` (n from 1) in a list.

Example:
    >>> from muniorg.model.classes import Municipality, Identifier
    >>> from muniorg.model.ids import root_iri
    >>> m = Municipality(country="NOR", identifiers=[
    ...     Identifier(scheme="no-kommunenummer", notation="4614")])
    >>> root_iri(m, "stord", "https://w3id.org/muniorg/id/")
    'https://w3id.org/muniorg/id/no/4614'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from muniorg.core.values import is_absolute_iri
from muniorg.model.check import with_values
from muniorg.model.classes import ConceptScheme, CooperationProgramme, Identifier, Municipality
from muniorg.model.node import Node
from muniorg.model.walk import nested_fields

N = TypeVar("N", bound=Node)

#: ISO 3166 alpha-3 (the EU country code a municipality carries) to the alpha-2 used in IRIs.
COUNTRY_ALPHA2 = {
    "DNK": "dk",
    "SWE": "se",
    "NOR": "no",
    "FIN": "fi",
    "ISL": "is",
    "GRL": "gl",
    "FRO": "fo",
    "ALA": "ax",
    "EST": "ee",
    "DEU": "de",
}

#: The identifier scheme that holds each country's official municipality code.
MUNICIPALITY_CODE_SCHEME = {
    "DNK": "dk-kommunekode",
    "SWE": "se-kommunkod",
    "NOR": "no-kommunenummer",
    "FIN": "fi-kuntanumero",
    "ISL": "is-sveitarfelagsnumer",
}


def current_code(municipality: Municipality) -> Identifier | None:
    """The municipality-code identifier in force: no end date, latest start; else ``None``."""
    scheme = MUNICIPALITY_CODE_SCHEME.get(municipality.country or "")
    candidates = [
        i
        for i in municipality.identifiers
        if i.scheme == scheme and (i.validDuring is None or i.validDuring.end is None)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (i.validDuring.start or "") if i.validDuring else "")


def root_iri(root: Node, local_id: str, base: str) -> str:
    """The IRI of a file's top object (see the module docs for the rules)."""
    if isinstance(root, Municipality):
        country = COUNTRY_ALPHA2.get(root.country or "", (root.country or "xx").lower())
        code = current_code(root)
        return f"{base}{country}/{code.notation if code else local_id}"
    if isinstance(root, CooperationProgramme):
        return f"{base}programme/{local_id}"
    if isinstance(root, ConceptScheme):
        return f"{base}scheme/{local_id}"
    return f"{base}{local_id}"


def assign_ids(
    node: N,
    iri: str,
    root: str | None = None,
    on_assign: Callable[[Node, Node], None] | None = None,
) -> N:
    """A copy of ``node`` whose own and nested ids are all absolute IRIs.

    ``iri`` is the node's IRI; ``root`` the IRI local ids are relative to (default ``iri``).
    ``on_assign(old, new)`` is called for every copied object (the loader uses it to carry
    source positions over to the copies).
    """
    root = root or iri
    # One copy per object: its new id and its nested objects' copies (as
    # ``with_values(rebuild(node, child=...), {"id": iri})``, which copied each object twice).
    changes: dict[str, Any] = {"id": iri}
    values = node.__dict__
    for field in nested_fields(type(node)):
        key = field.key
        value = values[key]
        if field.many:
            if value:
                changes[key] = [
                    assign_ids(obj, _child_iri(obj, f"{iri}/{key}/{index}", root), root, on_assign)
                    for index, obj in enumerate(value, start=1)
                ]
        elif value is not None:
            changes[key] = assign_ids(
                value, _child_iri(value, f"{iri}/{key}", root), root, on_assign
            )
    copy = with_values(node, changes)
    if on_assign is not None:
        on_assign(node, copy)
    return copy


def _child_iri(child: Node, minted: str, root: str) -> str:
    if child.id is None:
        return minted
    if is_absolute_iri(child.id):
        return child.id
    return f"{root}/{child.id}"
