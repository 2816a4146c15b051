"""Generate ``muniorg/model/classes.py``, the typed Python model, from the SHACL shapes.

The model is generated (not hand-written) so that it can never drift from ``shapes.ttl``:
each class of the schema becomes a dataclass with one attribute per field, typed by its value
kind, and carries its :class:`~muniorg.model.schema.ClassSpec` so that the graph mapping needs no
Turtle parsing at run time. ``python -m muniorg.generate`` rewrites it; a test fails when the
committed file is stale.

Example:
    >>> from muniorg.generate.model import render_model
    >>> "class Municipality(Node):" in render_model()
    True
"""

from __future__ import annotations

import textwrap

from muniorg.model.kinds import KINDS
from muniorg.model.schema import ClassSpec, Field, Schema, ValueKind, load_schema

HEADER = '''\
# This file is generated from ontology/shapes.ttl by `python -m muniorg.generate`. Do not edit.
"""The typed muniorg model: one dataclass per class of the ontology.

Texts people read are language maps (``{"da": "Sorø Kommune", "en": "Sorø Municipality"}``);
codes from controlled lists are their short codes (``role="mayor"``); references to objects
described elsewhere are IRIs; partial dates are ISO strings (``"2012"``, ``"2012-09"``,
``"2012-09-01"``). Every class carries its schema in ``SPEC``, which the graph mapping reads.

Example:
    >>> from muniorg.model.classes import Municipality, Identifier
    >>> soroe = Municipality(
    ...     name={"da": "Sorø Kommune", "en": "Sorø Municipality"},
    ...     country="DNK",
    ...     identifiers=[Identifier(scheme="dk-kommunekode", notation="340")],
    ... )
    >>> soroe.identifiers[0].notation
    '340'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import ClassVar

from rdflib import URIRef

from muniorg.model.node import LangListMap, LangMap, Node, Number, PartialDate
from muniorg.model.schema import ClassSpec, Field, ValueKind
'''


def _py_type(f: Field) -> str:
    base = f.target if f.kind is ValueKind.NESTED else KINDS[f.kind].python_type
    assert base is not None
    if f.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
        return base
    if f.many:
        return f"list[{base}]"
    return f"{base} | None"


def _default(f: Field) -> str:
    if f.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP) or f.many:
        factory = "dict" if not f.many else "list"
        return f"field(default_factory={factory})"
    return "None"


def _field_literal(f: Field) -> str:
    return (
        f"Field(key={f.key!r}, path=URIRef({str(f.path)!r}), inverse={f.inverse!r}, "
        f"kind=ValueKind.{f.kind.name}, many={f.many!r}, required={f.required!r}, "
        f"recommended={f.recommended!r}, target={f.target!r}, "
        f"code_list={None if f.code_list is None else 'URIRef(' + repr(str(f.code_list)) + ')'}, "
        f"name={f.name!r}, description={f.description!r}, shape=URIRef({str(f.shape)!r}), "
        f"order={f.order!r})"
    )


def _render_class(spec: ClassSpec) -> str:
    doc = textwrap.fill(spec.description, width=92, initial_indent="", subsequent_indent="    ")
    lines = [
        "",
        "",
        "@dataclass(kw_only=True, eq=True)",
        f"class {spec.key}(Node):",
        f'    """{doc}',
        "",
    ]
    lines.append("    Attributes:")
    for f in spec.fields:
        need = "required" if f.required else "recommended" if f.recommended else "optional"
        text = textwrap.fill(
            f"{f.key}: {f.description} ({need})", width=88, subsequent_indent="            "
        )
        lines.append(f"        {text}")
    lines.append('    """')
    lines.append("")
    types = ", ".join(f"URIRef({str(t)!r})" for t in spec.extra_types)
    lines.append("    SPEC: ClassVar[ClassSpec] = ClassSpec(")
    lines.append(f"        key={spec.key!r},")
    lines.append(f"        rdf_type=URIRef({str(spec.rdf_type)!r}),")
    lines.append(f"        extra_types=({types}{',' if len(spec.extra_types) == 1 else ''}),")
    lines.append(f"        description={spec.description!r},")
    lines.append("        fields=(")
    for f in spec.fields:
        lines.append(f"            {_field_literal(f)},")
    lines.append("        ),")
    lines.append(f"        shape=URIRef({str(spec.shape)!r}),")
    lines.append("    )")
    lines.append("")
    lines.append("    id: str | None = None")
    for f in spec.fields:
        lines.append(f"    {f.key}: {_py_type(f)} = {_default(f)}")
    return "\n".join(lines)


def render_model(schema: Schema | None = None) -> str:
    """The source text of ``muniorg/model/classes.py`` for ``schema`` (default: the bundled one)."""
    schema = schema or load_schema()
    parts = [HEADER]
    for spec in schema.classes.values():
        parts.append(_render_class(spec))
    names = ", ".join(f'"{k}"' for k in schema.classes)
    parts.append(
        f"\n\nCLASSES: dict[str, type[Node]] = {{{', '.join(f'{k!r}: {k}' for k in schema.classes)}}}\n"
    )
    parts.append(f'\n__all__ = ["CLASSES", {names}]\n')
    return "".join(parts)
