"""Generate ``muniorg/model/classes.py``, the typed Python model, from the SHACL shapes.

The model is generated (not hand-written) so that it can never drift from ``shapes.ttl``:
each class of the schema becomes a dataclass with one attribute per field, typed by its value
kind, and carries its :class:`~muniorg.model.schema.ClassSpec` so that the graph mapping needs no
Turtle parsing at run time. The ``__init__``, ``__repr__`` and ``__eq__`` that ``@dataclass``
would make (compiling them with ``exec`` at every import: half of the module's import time) are
written out instead, ``__init__`` as code (so that it comes compiled from the bytecode cache)
and the other two from :func:`muniorg.model.node.dataclass_methods`.
``python -m muniorg.generate`` rewrites the module; a test fails when the committed file is
stale.

Example:
    >>> from muniorg.generate.model import render_model
    >>> "class Municipality(Node):" in render_model()
    True
"""

from __future__ import annotations

import re
import textwrap

from rdflib import Namespace, URIRef

from muniorg.core import namespaces
from muniorg.model.kinds import KINDS
from muniorg.model.schema import ClassSpec, Field, Schema, ValueKind, key_words, load_schema

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

'''

#: The decorator of every generated class: a dataclass whose methods are written out below it.
DECORATOR = "@dataclass(kw_only=True, init=False, repr=False, eq=False)"


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


#: The namespaces of muniorg.core.namespaces, by their Python names.
_NAMESPACES: dict[str, Namespace] = {
    name: value for name, value in vars(namespaces).items() if isinstance(value, Namespace)
}
#: The widest generated line; longer texts are split into adjacent string literals.
_WIDTH = 100


class _Names:
    """The names a generated module uses from other modules (its import block)."""

    def __init__(self) -> None:
        self.namespaces: set[str] = set()
        self.uriref = False

    def term(self, iri: URIRef) -> str:
        """``iri`` as Python: ``LOCN.fullAddress``, ``DCT["title"]`` or ``URIRef("...")``."""
        text = str(iri)
        matches = [
            (len(ns), name)
            for name, ns in _NAMESPACES.items()
            if text.startswith(ns) and len(text) > len(ns)
        ]
        local = text[max(matches)[0] :] if matches else ""
        if not matches or not re.fullmatch(r"[A-Za-z0-9_.-]+", local):
            self.uriref = True
            return f"URIRef({_string(text)})"
        name = max(matches)[1]
        self.namespaces.add(name)
        if local.isidentifier() and not hasattr(Namespace, local):
            return f"{name}.{local}"
        return f"{name}[{_string(local)}]"

    def imports(self) -> str:
        lines = []
        if self.uriref:
            lines += ["from rdflib import URIRef", ""]
        if self.namespaces:
            names = "".join(f"    {name},\n" for name in sorted(self.namespaces))
            lines.append(f"from muniorg.core.namespaces import (\n{names})")
        lines.append(
            "from muniorg.model.node import (\n"
            "    FACTORY,\n"
            "    LangListMap,\n"
            "    LangMap,\n"
            "    Node,\n"
            "    Number,\n"
            "    PartialDate,\n"
            "    dataclass_methods,\n"
            ")"
        )
        lines.append("from muniorg.model.schema import ClassSpec, Field, ValueKind")
        return "\n".join(lines)


def _string(text: str) -> str:
    """A Python string literal of ``text``, in double quotes when that needs no escapes."""
    if '"' in text or "\\" in text or not text.isprintable():
        return repr(text)
    return f'"{text}"'


def _strings(text: str, width: int) -> list[str]:
    """``text`` as adjacent string literals of at most ``width`` characters each."""
    chunks: list[str] = []
    for word in re.findall(r"\S+\s*", text) or [""]:
        if chunks and len(_string(chunks[-1] + word)) <= width:
            chunks[-1] += word
        else:
            chunks.append(word)
    return [_string(chunk) for chunk in chunks]


def _call(name: str, args: list[str], description: str, indent: int) -> list[str]:
    """``name(*args, description=...)`` in lines of at most :data:`_WIDTH` characters.

    One line when it fits; else the arguments fill the first lines and the description follows
    on its own, split into adjacent string literals when it is long.
    """
    pad = " " * indent
    text = f"description={_string(description)}"
    one = f"{pad}{name}({', '.join([*args, text])}),"
    if len(one) <= _WIDTH:
        return [one]
    inner = " " * (indent + len(name) + 1)
    lines = [f"{pad}{name}("]
    for arg in args:
        candidate = f"{lines[-1]}{'' if lines[-1].endswith('(') else ' '}{arg},"
        if len(candidate) <= _WIDTH:
            lines[-1] = candidate
        else:
            lines.append(f"{inner}{arg},")
    if len(f"{inner}{text}),") <= _WIDTH:
        lines.append(f"{inner}{text}),")
        return lines
    chunks = _strings(description, _WIDTH - len(inner) - len("description=") - 2)
    lines.append(f"{inner}description={chunks[0]}")
    lines += [f"{inner}{' ' * len('description=')}{chunk}" for chunk in chunks[1:]]
    lines[-1] += "),"
    return lines


def _field_lines(f: Field, names: _Names) -> list[str]:
    """One ``Field(...)`` of a ``SPEC``: only what differs from the defaults of :class:`Field`."""
    args = [_string(f.key), names.term(f.path), f"ValueKind.{f.kind.name}"]
    keywords = [
        f"{flag}=True"
        for flag in ("many", "required", "recommended", "inverse")
        if getattr(f, flag)
    ]
    if f.target is not None:
        keywords.append(f"target={_string(f.target)}")
    if f.code_list is not None:
        keywords.append(f"code_list={names.term(f.code_list)}")
    if f.name != key_words(f.key):
        keywords.append(f"name={_string(f.name)}")
    return _call("Field", [*args, *keywords], f.description, indent=12)


def _render_class(spec: ClassSpec, names: _Names) -> str:
    doc = textwrap.fill(spec.description, width=92, initial_indent="", subsequent_indent="    ")
    lines = [
        "",
        "",
        "",
        DECORATOR,
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
    lines.append("    SPEC: ClassVar[ClassSpec] = ClassSpec(")
    lines.append(f"        {_string(spec.key)},")
    lines.append(f"        {names.term(spec.rdf_type)},")
    lines += [f"        {chunk}" for chunk in _strings(spec.description, _WIDTH - 9)]
    lines[-1] += ","
    if spec.extra_types:
        types = ", ".join(names.term(t) for t in spec.extra_types)
        lines.append(f"        extra_types=({types}{',' if len(spec.extra_types) == 1 else ''}),")
    lines.append("        fields=(")
    for f in spec.fields:
        lines += _field_lines(f, names)
    lines.append("        ),")
    lines.append("    )")
    lines.append("")
    lines.append("    id: str | None = None")
    for f in spec.fields:
        lines.append(f"    {f.key}: {_py_type(f)} = {_default(f)}")
    lines += _methods(spec)
    return "\n".join(lines)


def _methods(spec: ClassSpec) -> list[str]:
    """``__init__``, ``__repr__`` and ``__eq__`` of a class, as ``@dataclass(kw_only=True)``
    makes them (Python 3.10 to 3.13). ``__init__`` is written out: keyword-only parameters in
    field order, a new dict or list for a language map or list not given, ``__post_init__``
    called last. ``__repr__`` and ``__eq__`` come from
    :func:`muniorg.model.node.dataclass_methods` for the field names (defining ``__eq__``
    also leaves the class unhashable, as a dataclass with ``eq``)."""
    names = ["id", *(f.key for f in spec.fields)]
    params = ["        id: str | None = None,"]
    body = ["        self.id = id"]
    for f in spec.fields:
        if _default(f) == "None":
            params.append(f"        {f.key}: {_py_type(f)} = None,")
            body.append(f"        self.{f.key} = {f.key}")
        else:
            empty = "[]" if f.many else "{}"
            params.append(f"        {f.key}: {_py_type(f)} = FACTORY,")
            line = f"        self.{f.key} = {empty} if {f.key} is FACTORY else {f.key}"
            if len(line) > _WIDTH:
                line = f"        self.{f.key} = (\n            {line.split(' = ', 1)[1]}\n        )"
            body.append(line)
    return [
        "",
        "    def __init__(",
        "        self,",
        "        *,",
        *params,
        "    ) -> None:",
        *body,
        "        self.__post_init__()",
        "",
        "    __repr__, __eq__ = dataclass_methods(",
        *_wrapped([_string(name) for name in names], 8),
        "    )",
    ]


def _wrapped(items: list[str], indent: int) -> list[str]:
    """``items`` as the lines of a tuple's contents, filled up to :data:`_WIDTH` columns (a
    trailing comma keeps a one-item tuple a tuple)."""
    pad = " " * indent
    lines = [pad]
    for item in items:
        if len(lines[-1]) > len(pad) and len(f"{lines[-1]} {item},") > _WIDTH:
            lines.append(pad)
        lines[-1] += ("" if lines[-1] == pad else " ") + f"{item},"
    return lines


def render_model(schema: Schema | None = None) -> str:
    """The source text of ``muniorg/model/classes.py`` for ``schema`` (default: the bundled one)."""
    schema = schema or load_schema()
    names = _Names()
    classes = [_render_class(spec, names) for spec in schema.classes.values()]
    parts = [HEADER, names.imports(), *classes]
    parts.append("\n\n\nCLASSES: dict[str, type[Node]] = {\n")
    parts += [f'    "{key}": {key},\n' for key in schema.classes]
    parts.append("}\n\n__all__ = [\n")
    parts += [f'    "{key}",\n' for key in ["CLASSES", *schema.classes]]
    parts.append("]\n")
    return "".join(parts)
