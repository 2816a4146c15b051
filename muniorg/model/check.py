"""What a model object may hold: the check every model class runs when it is constructed.

:meth:`muniorg.model.node.Node.__post_init__` runs the check of its class, compiled once per
class from ``SPEC.fields`` (:func:`compile_check`): each field's value must be of its kind's Python type
(:attr:`muniorg.model.kinds.Kind.model_types`), a list of them when the field holds several,
a language map of text by language tag, or an object of the field's class. A wrong value is a
:class:`~muniorg.core.errors.ModelError` naming the class, the field, the value and what was
expected, at construction instead of a raw ``ValueError`` (or wrong output) when the object is
written.

The checks are about the Python types, which is what the graph mapping and the writers rely
on, and the few value forms they cannot write otherwise (partial dates, language tags, and
text with the characters the text rule of :func:`muniorg.core.values.text_problem` refuses:
NUL, other control characters, lone surrogates ..., which the loaders refuse too). The rules
about content (a code of the list, a valid IRI, check digits) belong to the loaders and the
SHACL shapes. A national build constructs about a million objects, so the checks are cheap:
an unset field costs one test, a text one type test and one search of a regular expression.

Example:
    >>> from muniorg.model.classes import Council
    >>> Council(name="Byråd")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.ModelError: Council.name: expected texts by language, ..., got the text 'Byråd'
    >>> Council(name={"da": "Byrådet"}, seats="abc")
    Traceback (most recent call last):
    ...
    muniorg.core.errors.ModelError: Council.seats: expected int (integer), got the text 'abc'
    >>> Council(name={"da": "Byr\\x00det"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.ModelError: Council.name: the 'da' text: the character U+0000 (NUL) at position 4 ...
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from muniorg.core.errors import ModelError, UsageError
from muniorg.core.values import (
    TEXT_FORBIDDEN,
    language_problem,
    same_language_problem,
    text_problem,
)
from muniorg.model.kinds import KINDS, describe
from muniorg.model.node import PARTIAL_DATE_RE, Node
from muniorg.model.schema import Field, ValueKind

N = TypeVar("N", bound=Node)

#: A check of one field's value (never ``None``): what is wrong with it, or ``None``.
Check = Callable[[Any], "str | None"]

#: Language tags already found good; tags are few, so the set stays small (and is capped).
_GOOD_TAGS: set[str] = set()
_MAX_GOOD_TAGS = 10_000


def _tag_problem(tag: Any) -> str | None:
    if tag in _GOOD_TAGS:
        return None
    if not isinstance(tag, str):
        return f"a language tag is text, got {describe(tag)}"
    problem = language_problem(tag)
    # only tags in lower case: a map whose tags are all known good skips the full check
    # (see _fast_test), which must still see nb-NO beside nb-no, one language named twice
    if problem is None and tag == tag.lower() and len(_GOOD_TAGS) < _MAX_GOOD_TAGS:
        _GOOD_TAGS.add(tag)
    return problem


#: The first character the text rule refuses (:data:`muniorg.core.values.TEXT_FORBIDDEN`), if
#: any: the fast test of a text; :func:`text_problem` says what is wrong with it.
_UNSAFE_TEXT = re.compile(f"[{TEXT_FORBIDDEN}]").search

_LANG_MAP = 'texts by language, a dict such as {"da": "Sorø Kommune"}'
_LANG_LIST_MAP = 'lists of texts by language, a dict such as {"da": ["Sorø", "Sorø By"]}'


_DESCRIBED = (str, dict, list, bool, int, float, Decimal, datetime.date, datetime.time)


def _got(value: Any) -> str:
    """``", got the text 'abc'"``: the value a message names (cut at 80 characters)."""
    if value is None or isinstance(value, _DESCRIBED):
        shown = describe(value)
    else:
        shown = f"a {type(value).__name__}: {value!r}"
    return f", got {shown[:77] + '...' if len(shown) > 80 else shown}"


def _texts_by_language(several: bool) -> Check:
    """The check of a language map: one text (str) per language tag, or a list of them."""
    expected = _LANG_LIST_MAP if several else _LANG_MAP
    what = "texts: expected a list of str" if several else "text: expected str"

    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"expected {expected}{_got(value)}"
        for tag, texts in value.items():
            if problem := _tag_problem(tag):
                return problem
            if not (
                isinstance(texts, list) and all(isinstance(t, str) for t in texts)
                if several
                else isinstance(texts, str)
            ):
                return f"the {tag!r} {what}{_got(texts)}"
            for text in texts if several else (texts,):
                if problem := text_problem(text):
                    return f"the {tag!r} text: {problem}{_got(text)}"
        return same_language_problem(value)

    return check


def _real_day(text: str) -> bool:
    """Whether a partial date that passed :data:`PARTIAL_DATE_RE` names a day that exists: the
    expression lets 2023-02-30 through, which the loaders refuse and rdflib cannot read back."""
    if len(text) != 10:  # a year, a month, or a date before year 0 (not Python's to check)
        return True
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _type_name(cls: type) -> str:
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__name__}"


def _one(field: Field, target: type[Node] | None) -> Check:
    """The check of one value of ``field``."""
    if target is not None:
        wanted = f"expected a {target.__name__}"

        def nested(value: Any) -> str | None:
            return None if isinstance(value, target) else wanted + _got(value)

        return nested
    kind = KINDS[field.kind]
    types = kind.model_types
    expected = f"expected {' or '.join(map(_type_name, types))} ({kind.label})"
    if field.kind in (ValueKind.PARTIAL_DATE, ValueKind.YEAR):
        year = field.kind is ValueKind.YEAR
        forms = "YYYY" if year else "YYYY-MM-DD, YYYY-MM or YYYY"

        def date_text(value: Any) -> str | None:
            if type(value) is not str:
                return expected + _got(value)
            if not PARTIAL_DATE_RE.fullmatch(value) or (year and len(value.lstrip("-")) != 4):
                return f"expected {forms}{_got(value)}"
            if not _real_day(value):
                return f"expected a day of the calendar{_got(value)}"
            return None

        return date_text
    if field.kind is ValueKind.STRING:

        def text(value: Any) -> str | None:
            if not isinstance(value, str):
                return expected + _got(value)
            problem = text_problem(value)
            return None if problem is None else problem + _got(value)

        return text
    first = types[0]
    refuse_bool = bool not in types

    def scalar(value: Any) -> str | None:
        if isinstance(value, Decimal) and not value.is_finite():
            # NaN and infinities are no xsd:decimal: the writers would publish "NaN"^^xsd:decimal
            return f"expected a finite number{_got(value)}"
        if type(value) is first:
            return None
        if isinstance(value, types) and not (refuse_bool and isinstance(value, bool)):
            return None
        return expected + _got(value)

    return scalar


def field_check(field: Field, target: type[Node] | None) -> Check:
    """The check of a field's value (a list of values when the field holds several)."""
    if field.kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
        return _texts_by_language(field.kind is ValueKind.LANG_LIST_MAP)
    one = _one(field, target)
    if not field.many:
        return one

    def many(value: Any) -> str | None:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            return f"expected a list{_got(value)}"
        for index, item in enumerate(value):
            if (problem := one(item)) is not None:
                return f"item {index + 1}: {problem}"
        return None

    return many


#: The full check of each field, by class and key (for :func:`with_values`).
_FULL: dict[type, dict[str, Check]] = {}


def with_values(node: N, changes: Mapping[str, Any]) -> N:
    """``dataclasses.replace(node, **changes)`` that checks only the changed values: the other
    values were checked when ``node`` was made. The walk over the model (:mod:`muniorg.model.walk`)
    copies every object several times while loading, so this keeps the checks cheap.

    >>> from muniorg.model.classes import Council
    >>> council = Council(name={"da": "Byrådet"})
    >>> with_values(council, {"seats": 25}).seats, council.seats
    (25, None)
    >>> with_values(council, {"seats": "25"})
    Traceback (most recent call last):
    ...
    muniorg.core.errors.ModelError: Council.seats: expected int (integer), got the text '25'
    """
    cls = type(node)
    full = _FULL.get(cls)
    if full is None:
        compile_check(cls)
        full = _FULL[cls]
    name = cls.__name__
    for key, value in changes.items():
        if key == "id":
            if value is not None and type(value) is not str:
                raise ModelError(f"{name}.id: expected str (an IRI){_got(value)}")
        elif key not in full:
            raise UsageError(f"{name} has no field {key!r}")
        elif value is not None and (problem := full[key](value)) is not None:
            raise ModelError(f"{name}.{key}: {problem}")
    copy = object.__new__(cls)
    copy.__dict__.update(node.__dict__)
    copy.__dict__.update(changes)
    return copy


def _fast_test(field: Field, target: type[Node] | None, names: dict[str, Any]) -> str:
    """A Python expression of ``v`` that is true for the values of ``field`` that are surely
    right; a false one sends the value to the full check (which also accepts subclasses)."""
    n = len(names)
    # Texts are searched joined, in one call: no two characters make a forbidden one.
    names["UNSAFE"], names["STR"] = _UNSAFE_TEXT, frozenset({str})
    if field.kind is ValueKind.LANG_MAP:
        names["GOOD_TAGS"] = _GOOD_TAGS
        return (
            "type(v) is dict and (not v or (v.keys() <= GOOD_TAGS and "
            "{*map(type, v.values())} <= STR and not UNSAFE(''.join(v.values()))))"
        )
    if field.kind is ValueKind.LANG_LIST_MAP:
        return "type(v) is dict and not v"
    if field.kind in (ValueKind.PARTIAL_DATE, ValueKind.YEAR):
        names[f"date{n}"], names["REAL_DAY"] = PARTIAL_DATE_RE.fullmatch, _real_day
        one = (
            "False"
            if field.kind is ValueKind.YEAR
            else f"type(v) is str and date{n}(v) and (len(v) != 10 or REAL_DAY(v))"
        )
        return "v is None or " + ("not v" if field.many else f"({one})")
    if field.kind is ValueKind.STRING:
        if field.many:
            return (
                "not v or (type(v) is list and {*map(type, v)} <= STR and not UNSAFE(''.join(v)))"
            )
        return "v is None or (type(v) is str and not UNSAFE(v))"
    types = (target,) if target is not None else KINDS[field.kind].model_types
    names[f"types{n}"] = frozenset(types)
    if Decimal in types:  # a Decimal may be NaN or infinite: the full check refuses those
        names["INT"] = int
        return "v is None or type(v) is INT" if not field.many else "not v"
    if field.many:
        return f"not v or (type(v) is list and {{*map(type, v)}} <= types{n})"
    return f"v is None or type(v) in types{n}"


def compile_check(cls: type[Node]) -> Callable[[Node], None]:
    """The check of a class's objects, which becomes the class's ``__post_init__``.

    It raises :class:`ModelError` for the first field whose value is wrong. Like
    :mod:`dataclasses` does for ``__init__``, it is compiled to Python code from the fields:
    one test per field, so an object with its fields unset or of the exact types costs about
    a microsecond; only a value that fails the test goes to the full check of its field.
    """
    from muniorg.model.classes import CLASSES

    fields = cls.SPEC.fields
    targets = [
        CLASSES[f.target] if f.kind is ValueKind.NESTED and f.target else None for f in fields
    ]
    full = [field_check(f, target) for f, target in zip(fields, targets, strict=True)]
    _FULL[cls] = dict(zip((f.key for f in fields), full, strict=True))
    name = cls.__name__

    def slow(node: Node, index: int) -> None:
        key = fields[index].key if index >= 0 else "id"
        value = getattr(node, key)
        if index < 0:
            if type(value) is not str:
                raise ModelError(f"{name}.id: expected str (an IRI){_got(value)}")
        elif value is not None and (problem := full[index](value)) is not None:
            raise ModelError(f"{name}.{key}: {problem}")

    names: dict[str, Any] = {"slow": slow}
    lines = ["def __post_init__(node):", "    d = node.__dict__", "    v = d['id']"]
    lines.append("    if not (v is None or type(v) is str): slow(node, -1)")
    for index, (f, target) in enumerate(zip(fields, targets, strict=True)):
        lines.append(f"    v = d[{f.key!r}]")
        lines.append(f"    if not ({_fast_test(f, target, names)}): slow(node, {index})")
    exec("\n".join(lines), names)  # code made from the field keys of the schema only
    check: Callable[[Node], None] = names["__post_init__"]
    # The class's own __post_init__ from now on: dataclasses' __init__ calls it directly.
    cls.__post_init__ = check  # type: ignore[method-assign,assignment]
    return check


__all__ = ["compile_check", "field_check", "with_values"]
