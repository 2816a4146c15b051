"""Value types shared by the generated model.

Example:
    >>> from muniorg.model.node import partial_date_datatype
    >>> partial_date_datatype("2012").endswith("gYear")
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from operator import attrgetter
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

from rdflib.namespace import XSD

from muniorg.model.schema import ClassSpec

#: One text per language tag: ``{"da": "Sorø Kommune", "en": "Sorø Municipality"}``.
LangMap: TypeAlias = dict[str, str]
#: Several texts per language tag: ``{"da": ["Sorø", "Sorø By"]}``.
LangListMap: TypeAlias = dict[str, list[str]]
#: A number: whole numbers as ``int``, others as ``Decimal`` (never float, to stay exact).
Number: TypeAlias = int | Decimal
#: An ISO 8601 date, month or year: ``"2012-09-01"``, ``"2012-09"`` or ``"2012"``.
PartialDate: TypeAlias = str


class _Factory:
    """The default of a generated ``__init__``'s parameter whose field has a default factory
    (a language map or a list): a new empty one is made when the caller gives none."""

    def __repr__(self) -> str:
        return "<factory>"  # as dataclasses shows such a default


#: The default of a parameter whose field starts as a new empty dict or list (see
#: :mod:`muniorg.model.classes`, whose ``__init__`` methods are generated as dataclass would
#: make them at import time).
FACTORY: Any = _Factory()


def dataclass_methods(
    *names: str,
) -> tuple[Callable[[Any], str], Callable[[Any, object], bool]]:
    """The ``__repr__`` and ``__eq__`` that ``@dataclass`` makes for a class with the fields
    ``names`` (in order), made without ``exec``: the generated model assigns them, so that
    importing it compiles no code (see :mod:`muniorg.generate.model`).

    The repr is ``Name(field=value!r, ...)``, ``...`` for an object inside itself; objects are
    equal when they are of the same class and their fields are equal, in order (else
    ``NotImplemented``).

    >>> from muniorg.model.classes import Identifier
    >>> Identifier(notation="340")
    Identifier(id=None, notation='340', scheme=None, schemeAgency=None, issued=None, validDuring=None, source=[])
    >>> Identifier(notation="340") == Identifier(notation="340"), Identifier().__eq__("340")
    (True, NotImplemented)
    """
    fields = attrgetter(*names)  # a tuple of the values: there are always two fields or more

    @recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(fields(self) == fields(other))
        return NotImplemented

    return __repr__, __eq__


PARTIAL_DATE_RE = re.compile(r"-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")


def partial_date_datatype(value: str) -> str:
    """The XSD datatype IRI that fits an ISO partial date by its form.

    :raises ValueError: when ``value`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    """
    if not PARTIAL_DATE_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date, month or year (YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = value.lstrip("-").count("-")
    return str((XSD.gYear, XSD.gYearMonth, XSD.date)[parts])


class Node:
    """Base of every model class: each has an optional ``id`` (its IRI) and a ``SPEC``.

    >>> from muniorg.model.classes import CLASSES
    >>> all(issubclass(cls, Node) and cls.SPEC.key == name for name, cls in CLASSES.items())
    True
    """

    SPEC: ClassVar[ClassSpec]
    id: str | None
    # Every model class is a keyword-only dataclass. Declared here so that type checkers accept
    # dataclasses.replace() and construction through ``type[Node]``; nothing exists at run time.
    __dataclass_fields__: ClassVar[dict[str, Any]]

    if TYPE_CHECKING:

        def __init__(self, *, id: str | None = None, **fields: Any) -> None: ...

    def __post_init__(self) -> None:
        """Check every value against its field (:mod:`muniorg.model.check`): a wrong value is a
        :class:`~muniorg.core.errors.ModelError` now, not a failure when the object is written.

        >>> from muniorg.model.classes import KeyFigure
        >>> KeyFigure(measure="employees", value=2.5)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        muniorg.core.errors.ModelError: KeyFigure.value: expected int or decimal.Decimal (...), got the number 2.5
        """
        # The first object of a class compiles its check, which replaces this method on the class.
        from muniorg.model.check import compile_check

        compile_check(type(self))(self)
