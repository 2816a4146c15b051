"""How reports name things: short IRIs, rule ids, relative file paths, one-line texts.

Every report format shows the same result the same way, so these helpers live in one place.

Example:
    >>> compact_iri("https://w3id.org/muniorg#country")
    'muniorg:country'
    >>> one_line("two\\nlines")
    'two\\\\nlines'
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from muniorg.core.namespaces import MUNIORG_SHAPES, PREFIXES
from muniorg.validation.results import ValidationReport, ValidationResult

# Longest namespace first, so that a namespace that is a prefix of another never wins.
_NAMESPACES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {**PREFIXES, "mosh": str(MUNIORG_SHAPES)}.items(),
        key=lambda item: (-len(item[1]), item[0]),
    )
)

#: The rule id of results that name neither a shape nor a constraint component.
FALLBACK_RULE = "muniorg"


def compact_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in a namespace muniorg binds, else the IRI unchanged.

    >>> compact_iri("http://www.w3.org/2004/02/skos/core#prefLabel")
    'skos:prefLabel'
    >>> compact_iri("https://example.org/x")
    'https://example.org/x'
    """
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def rule_id(result: ValidationResult) -> str:
    """A stable id for the check that produced ``result``: the shape's name where it has one.

    Shapes in the muniorg shapes namespace are named by their local name
    (``Municipality-country``); blank-node shapes have no stable name, so the constraint
    component (``sh:MinCountConstraintComponent``) names them instead.

    >>> from muniorg.validation.results import Severity
    >>> rule_id(ValidationResult(Severity.INFO, "m", "x",
    ...     shape="https://w3id.org/muniorg/shapes#Municipality-country"))
    'Municipality-country'
    """
    shape = result.shape
    if shape and not shape.startswith("_:"):
        if shape.startswith(str(MUNIORG_SHAPES)):
            return shape[len(str(MUNIORG_SHAPES)) :]
        return compact_iri(shape)
    if result.constraint:
        return compact_iri(result.constraint)
    return FALLBACK_RULE


def display_path(file: str, base: Path | None = None) -> str:
    """``file`` relative to ``base`` (default: the working directory) with ``/`` separators.

    Files outside ``base`` keep their absolute path: CI systems resolve relative paths
    against the repository root, and a ``../`` path would point nowhere.

    >>> display_path("/repo/data/a.yaml", Path("/repo"))
    'data/a.yaml'
    >>> display_path("data/a.yaml", Path("/repo"))
    'data/a.yaml'
    """
    path = Path(file)
    if not path.is_absolute():
        return PurePosixPath(*path.parts).as_posix() if path.parts else file
    root = (base or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, for one-line formats.

    >>> one_line("a\\tb\\r\\nc")
    'a\\\\tb\\\\r\\\\nc'
    """
    if text.isprintable():
        return text
    escaped = []
    for char in text:
        if char.isprintable():
            escaped.append(char)
        else:
            escaped.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(escaped)


def details(result: ValidationResult, *, focus: bool = True) -> str:
    """The ``[path=… value=… focus=…]`` suffix of a result, or ``""`` when it has none.

    >>> from muniorg.validation.results import Severity
    >>> details(ValidationResult(Severity.INFO, "m", "https://w3id.org/muniorg/id/dk/340",
    ...     path="https://w3id.org/muniorg#country", value="DK"))
    '[path=muniorg:country value=DK focus=https://w3id.org/muniorg/id/dk/340]'
    """
    parts = []
    if result.path:
        parts.append(f"path={compact_iri(result.path)}")
    if result.value is not None:
        parts.append(f"value={one_line(result.value)}")
    if focus and result.focus_node:
        parts.append(f"focus={result.focus_node}")
    return f"[{' '.join(parts)}]" if parts else ""


def input_files(report: ValidationReport) -> list[str]:
    """Every file the report is about, inputs first, then files named only by results.

    Order is the report's input order, then the results' (sorted) order, without duplicates.
    """
    files = dict.fromkeys(report.inputs)
    for result in report.results:
        if result.location is not None:
            files.setdefault(result.location.file)
    return list(files)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 warning"``, ``"2 warnings"``; ``many`` for words that do not just add an s.

    >>> plural(0, "info"), plural(1, "violation"), plural(2, "municipality", "municipalities")
    ('0 infos', '1 violation', '2 municipalities')
    """
    if count == 1:
        return f"{count} {word}"
    return f"{count} {many or word + 's'}"
