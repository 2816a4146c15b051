"""muniorg: publish municipalities as linked open data.

The names below are the public API; each is loaded on first use (PEP 562), so ``import muniorg``
stays light and pySHACL is imported only when something validates. This file is generated from
the table in ``muniorg/generate/api.py`` (``python -m muniorg.generate``); edit the table.

- the typed model, one class per class of the ontology: :class:`Municipality`, :class:`Council` ...;
- authoring files: :func:`load_paths`;
- validation: :func:`validate_documents`, :func:`validate_paths`, :func:`validate_graph`, giving a
  :class:`ValidationReport` of :class:`ValidationResult` objects with a :class:`Severity` and a
  :class:`SourceLocation`;
- graphs and JSON-LD: :func:`to_graph`, :func:`from_graph`, :func:`to_jsonld`;
- other publishers' data: :func:`read_graph` (a file, offline) and :func:`read_graph_model`;
- publishing: :func:`build`, :func:`convert_paths`, with formats as :class:`RdfFormat`;
- errors: every error muniorg raises on bad input is a :class:`MuniorgError`.

Example:
    >>> import muniorg
    >>> m = muniorg.Municipality(id="https://ex.org/m", name={"da": "Sorø Kommune"}, country="DNK")
    >>> muniorg.from_graph(muniorg.to_graph(m), "https://ex.org/m", muniorg.Municipality) == m
    True
    >>> muniorg.Severity.VIOLATION > muniorg.Severity.WARNING
    True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from muniorg.authoring.load import load_paths
    from muniorg.core.errors import MuniorgError
    from muniorg.core.location import SourceLocation
    from muniorg.formats.format import RdfFormat
    from muniorg.formats.rdf import read_graph
    from muniorg.model.classes import (
        Address,
        AdministrativeArea,
        Award,
        AwardScheme,
        Certification,
        CoDeterminationBody,
        Committee,
        Concept,
        ConceptScheme,
        ContactPoint,
        CooperationProgramme,
        Council,
        Department,
        Document,
        Foundation,
        Identifier,
        Indicator,
        Initiative,
        IntakeRound,
        KeyFigure,
        LocalProject,
        Membership,
        Municipality,
        OpeningHours,
        Organisation,
        Period,
        Person,
        Post,
        Principle,
        Region,
        Site,
        StrategicGoal,
        Strategy,
        Target,
        ThematicNetwork,
        Value,
    )
    from muniorg.publish.build import build
    from muniorg.publish.check import validate_paths
    from muniorg.publish.convert import convert_paths
    from muniorg.rdf.graph import (
        from_graph,
        to_graph,
    )
    from muniorg.rdf.jsonld import to_jsonld
    from muniorg.rdf.read import read_graph_model
    from muniorg.validation.results import (
        Severity,
        ValidationReport,
        ValidationResult,
    )
    from muniorg.validation.run import (
        validate_documents,
        validate_graph,
    )

#: Where each public name lives.
_LAZY: dict[str, str] = {
    "Address": "muniorg.model.classes",
    "AdministrativeArea": "muniorg.model.classes",
    "Award": "muniorg.model.classes",
    "AwardScheme": "muniorg.model.classes",
    "Certification": "muniorg.model.classes",
    "CoDeterminationBody": "muniorg.model.classes",
    "Committee": "muniorg.model.classes",
    "Concept": "muniorg.model.classes",
    "ConceptScheme": "muniorg.model.classes",
    "ContactPoint": "muniorg.model.classes",
    "CooperationProgramme": "muniorg.model.classes",
    "Council": "muniorg.model.classes",
    "Department": "muniorg.model.classes",
    "Document": "muniorg.model.classes",
    "Foundation": "muniorg.model.classes",
    "Identifier": "muniorg.model.classes",
    "Indicator": "muniorg.model.classes",
    "Initiative": "muniorg.model.classes",
    "IntakeRound": "muniorg.model.classes",
    "KeyFigure": "muniorg.model.classes",
    "LocalProject": "muniorg.model.classes",
    "Membership": "muniorg.model.classes",
    "Municipality": "muniorg.model.classes",
    "MuniorgError": "muniorg.core.errors",
    "OpeningHours": "muniorg.model.classes",
    "Organisation": "muniorg.model.classes",
    "Period": "muniorg.model.classes",
    "Person": "muniorg.model.classes",
    "Post": "muniorg.model.classes",
    "Principle": "muniorg.model.classes",
    "RdfFormat": "muniorg.formats.format",
    "Region": "muniorg.model.classes",
    "Severity": "muniorg.validation.results",
    "Site": "muniorg.model.classes",
    "SourceLocation": "muniorg.core.location",
    "StrategicGoal": "muniorg.model.classes",
    "Strategy": "muniorg.model.classes",
    "Target": "muniorg.model.classes",
    "ThematicNetwork": "muniorg.model.classes",
    "ValidationReport": "muniorg.validation.results",
    "ValidationResult": "muniorg.validation.results",
    "Value": "muniorg.model.classes",
    "build": "muniorg.publish.build",
    "convert_paths": "muniorg.publish.convert",
    "from_graph": "muniorg.rdf.graph",
    "load_paths": "muniorg.authoring.load",
    "read_graph": "muniorg.formats.rdf",
    "read_graph_model": "muniorg.rdf.read",
    "to_graph": "muniorg.rdf.graph",
    "to_jsonld": "muniorg.rdf.jsonld",
    "validate_documents": "muniorg.validation.run",
    "validate_graph": "muniorg.validation.run",
    "validate_paths": "muniorg.publish.check",
}

__all__ = [
    "Address",
    "AdministrativeArea",
    "Award",
    "AwardScheme",
    "Certification",
    "CoDeterminationBody",
    "Committee",
    "Concept",
    "ConceptScheme",
    "ContactPoint",
    "CooperationProgramme",
    "Council",
    "Department",
    "Document",
    "Foundation",
    "Identifier",
    "Indicator",
    "Initiative",
    "IntakeRound",
    "KeyFigure",
    "LocalProject",
    "Membership",
    "Municipality",
    "MuniorgError",
    "OpeningHours",
    "Organisation",
    "Period",
    "Person",
    "Post",
    "Principle",
    "RdfFormat",
    "Region",
    "Severity",
    "Site",
    "SourceLocation",
    "StrategicGoal",
    "Strategy",
    "Target",
    "ThematicNetwork",
    "ValidationReport",
    "ValidationResult",
    "Value",
    "__version__",
    "build",
    "convert_paths",
    "from_graph",
    "load_paths",
    "read_graph",
    "read_graph_model",
    "to_graph",
    "to_jsonld",
    "validate_documents",
    "validate_graph",
    "validate_paths",
]


def __getattr__(name: str) -> Any:
    """Import the module that holds a public name when the name is first used (PEP 562)."""
    if name == "__version__":  # importlib.metadata costs 20 ms: only when asked for
        globals()[name] = _version()
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'muniorg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _version() -> str:
    """The installed distribution's version; pyproject.toml is its only source."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("muniorg")
    except PackageNotFoundError:  # pragma: no cover - a source tree not installed
        return "0+unknown"
