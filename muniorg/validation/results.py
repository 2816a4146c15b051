"""Validation results as typed objects: what is wrong, how badly, and where it came from.

A :class:`ValidationReport` is what :func:`muniorg.validate` returns. Each
:class:`ValidationResult` carries the severity, the focus node, the path, the offending value,
a message a data editor understands, the shape that raised it and, where the data came from an
authoring file, the :class:`SourceLocation` (file, line, column) of the offending key.

Example:
    >>> from muniorg.validation.results import Severity, ValidationResult, ValidationReport
    >>> from muniorg.core.location import SourceLocation
    >>> result = ValidationResult(
    ...     severity=Severity.VIOLATION,
    ...     message="Municipality country: expected exactly one code.",
    ...     focus_node="https://w3id.org/muniorg/id/dk/0340",
    ...     path="https://w3id.org/muniorg#country",
    ...     location=SourceLocation("examples/soroe.yaml", 3, 1),
    ... )
    >>> report = ValidationReport(results=(result,))
    >>> report.conforms, report.counts()[Severity.VIOLATION]
    (False, 1)
    >>> str(result.location)
    'examples/soroe.yaml:3:1'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from muniorg.core.errors import AuthoringErrors, MuniorgError
from muniorg.core.location import SourceLocation


class Severity(enum.IntEnum):
    """SHACL severities, ordered so that ``Severity.VIOLATION > Severity.WARNING``.

    Violation: the data is not publishable. Warning: a recommended property is missing or a
    value is doubtful. Info: a hint.

    >>> Severity.parse("warning") < Severity.VIOLATION, Severity.from_iri(
    ...     "http://www.w3.org/ns/shacl#Info").label
    (True, 'info')
    """

    INFO = 1
    WARNING = 2
    VIOLATION = 3

    @classmethod
    def from_iri(cls, iri: str) -> Severity:
        """``sh:Violation`` / ``sh:Warning`` / ``sh:Info`` IRI to a severity."""
        local = iri.rsplit("#", 1)[-1].upper()
        return cls[local]

    @classmethod
    def parse(cls, name: str) -> Severity:
        """A severity from its name as users write it (``"violation"``, ``"Warning"``).

        :raises ValueError: for an unknown name.
        """
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {name!r}: expected one of {choices}") from None

    @property
    def label(self) -> str:
        """The name as reports show it: ``violation``, ``warning`` or ``info``."""
        return self.name.lower()


@dataclass(frozen=True)
class ValidationResult:
    """One result of SHACL validation: what is wrong, how badly, where.

    >>> r = ValidationResult(Severity.WARNING, "Municipality homepage: recommended.", "https://ex.org/m")
    >>> r.to_dict()["severity"], r.location is None
    ('warning', True)
    """

    severity: Severity
    message: str
    focus_node: str
    path: str | None = None
    value: str | None = None
    shape: str | None = None
    constraint: str | None = None
    location: SourceLocation | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; keys are stable and documented in docs/reports.md."""
        return {
            "severity": self.severity.label,
            "message": self.message,
            "focusNode": self.focus_node,
            "path": self.path,
            "value": self.value,
            "shape": self.shape,
            "constraint": self.constraint,
            "location": self.location.to_dict() if self.location else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ValidationResult:
        """The result :meth:`to_dict` gave ``data`` of (a build's cache keeps results so).

        >>> r = ValidationResult(Severity.INFO, "m", "f", location=SourceLocation("a.yaml", 1, 2))
        >>> ValidationResult.from_dict(r.to_dict()) == r
        True
        """
        location = data.get("location")
        return cls(
            severity=Severity.parse(data["severity"]),
            message=data["message"],
            focus_node=data["focusNode"],
            path=data.get("path"),
            value=data.get("value"),
            shape=data.get("shape"),
            constraint=data.get("constraint"),
            location=SourceLocation(**location) if location else None,
        )

    def sort_key(self) -> tuple[Any, ...]:
        """Location first, then the most severe, so reports read file by file."""
        loc = self.location or SourceLocation("")
        return (loc, -self.severity, self.focus_node, self.path or "", self.message)


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one or more inputs.

    ``conforms`` is true when no result is a violation (warnings and infos do not stop
    publication). Results are sorted by location, then severity, so reports are deterministic.

    >>> warning = ValidationResult(Severity.WARNING, "Municipality homepage: recommended.", "m")
    >>> report = ValidationReport(results=(warning,), inputs=("soroe.yaml",))
    >>> report.conforms, report.fails(Severity.WARNING), report.to_dict()["counts"]
    (True, True, {'violation': 0, 'warning': 1, 'info': 0})
    """

    results: tuple[ValidationResult, ...] = ()
    inputs: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "results", tuple(sorted(self.results, key=ValidationResult.sort_key))
        )

    @property
    def conforms(self) -> bool:
        """True when no result is a violation."""
        return not any(r.severity is Severity.VIOLATION for r in self.results)

    def counts(self) -> dict[Severity, int]:
        """The number of results per severity (every severity present, zero or more)."""
        counts = dict.fromkeys(Severity, 0)
        for result in self.results:
            counts[result.severity] += 1
        return counts

    def at_or_above(self, severity: Severity) -> tuple[ValidationResult, ...]:
        """The results at least as severe as ``severity``."""
        return tuple(r for r in self.results if r.severity >= severity)

    def fails(self, fail_on: Severity = Severity.VIOLATION) -> bool:
        """Whether any result is at or above ``fail_on`` (what CI exit codes are based on)."""
        return bool(self.at_or_above(fail_on))

    @classmethod
    def merge(cls, reports: Iterable[ValidationReport]) -> ValidationReport:
        """One report holding the results and inputs of ``reports``."""
        results: list[ValidationResult] = []
        inputs: list[str] = []
        for report in reports:
            results.extend(report.results)
            inputs.extend(report.inputs)
        return cls(results=tuple(results), inputs=tuple(inputs))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ValidationReport:
        """The report :meth:`to_dict` gave ``data`` of."""
        return cls(
            results=tuple(ValidationResult.from_dict(r) for r in data["results"]),
            inputs=tuple(data["inputs"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: conforms, inputs, counts per severity and the results."""
        counts = self.counts()
        return {
            "conforms": self.conforms,
            "inputs": list(self.inputs),
            "counts": {s.label: counts[s] for s in sorted(Severity, reverse=True)},
            "results": [r.to_dict() for r in self.results],
        }


#: The constraint of a result that says an input could not be read (see :func:`error_report`).
INPUT_ERROR = "https://w3id.org/muniorg#InputError"


def error_report(error: MuniorgError, inputs: Iterable[str] = ()) -> ValidationReport:
    """A report of the problems that stopped reading the inputs, one violation each, so that CI
    formats (SARIF, JUnit, GitHub annotations, JSON) show them where validation results go.

    >>> from muniorg.core.errors import AuthoringError
    >>> error = AuthoringError("unknown key 'nmae'", SourceLocation("a.yaml", 3, 1))
    >>> [(str(r.location), r.message) for r in error_report(error, ["a.yaml"]).results]
    [('a.yaml:3:1', "unknown key 'nmae'")]
    """
    errors = error.errors if isinstance(error, AuthoringErrors) else (error,)
    results = tuple(
        ValidationResult(
            Severity.VIOLATION, e.message, "", constraint=INPUT_ERROR, location=e.location
        )
        for e in errors
    )
    return ValidationReport(results=results, inputs=tuple(inputs))
