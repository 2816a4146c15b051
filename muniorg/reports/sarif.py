"""The SARIF 2.1.0 report, for GitHub code scanning and other static-analysis dashboards.

One run whose tool is muniorg; its rules are the shapes that produced results (id = the
shape's name, description = the shape's first message), and every result points at its rule,
its file (a URI relative to the source root, ``%SRCROOT%``) and region (line, column) and,
as a logical location, the focus node.

Example:
    >>> import json
    >>> from muniorg.validation.results import Severity, ValidationReport, ValidationResult
    >>> from muniorg.core.location import SourceLocation
    >>> report = ValidationReport(results=(ValidationResult(Severity.VIOLATION, "No name.",
    ...     "https://w3id.org/muniorg/id/dk/340",
    ...     shape="https://w3id.org/muniorg/shapes#Municipality-name",
    ...     location=SourceLocation("soroe.yaml", 2, 1)),))
    >>> run = json.loads(render_sarif(report))["runs"][0]
    >>> run["tool"]["driver"]["rules"][0]["id"], run["results"][0]["level"]
    ('Municipality-name', 'error')
    >>> run["results"][0]["locations"][0]["physicalLocation"]["region"]
    {'startLine': 2, 'startColumn': 1}
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from muniorg.reports.naming import compact_iri, display_path, rule_id
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://w3id.org/muniorg/docs"
#: The uriBaseId of relative artifact URIs: the root the paths are relative to.
SOURCE_ROOT = "%SRCROOT%"

_LEVELS = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def tool_version() -> str:
    """muniorg's version from the installed package metadata (``0+unknown`` if not installed)."""
    try:
        return metadata.version("muniorg")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def level(severity: Severity) -> str:
    """The SARIF level of a severity.

    >>> level(Severity.INFO)
    'note'
    """
    return _LEVELS[severity]


def _artifact_location(file: str, base: Path | None) -> dict[str, str]:
    path = display_path(file, base)
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    # A URI reference, not a path: spaces, non-ASCII letters and '%' are percent-encoded.
    return {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT}


def _rules(report: ValidationReport) -> list[dict[str, Any]]:
    rules: dict[str, dict[str, Any]] = {}
    for result in report.results:
        rid = rule_id(result)
        if rid in rules:
            continue
        rule: dict[str, Any] = {
            "id": rid,
            "shortDescription": {"text": result.message},
            "defaultConfiguration": {"level": level(result.severity)},
        }
        if result.shape and not result.shape.startswith("_:"):
            rule["helpUri"] = result.shape
        rules[rid] = rule
    return [rules[rid] for rid in sorted(rules)]


def _result(
    result: ValidationResult, rule_index: dict[str, int], base: Path | None
) -> dict[str, Any]:
    rid = rule_id(result)
    location: dict[str, Any] = {}
    if result.location is not None:
        physical: dict[str, Any] = {
            "artifactLocation": _artifact_location(result.location.file, base)
        }
        if result.location.line > 0:
            region = {"startLine": result.location.line}
            if result.location.column > 0:
                region["startColumn"] = result.location.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if result.focus_node:
        location["logicalLocations"] = [{"fullyQualifiedName": result.focus_node, "kind": "object"}]
    properties = {
        "severity": result.severity.label,
        "focusNode": result.focus_node,
        "path": compact_iri(result.path) if result.path else None,
        "value": result.value,
        "constraint": compact_iri(result.constraint) if result.constraint else None,
    }
    sarif: dict[str, Any] = {
        "ruleId": rid,
        "ruleIndex": rule_index[rid],
        "level": level(result.severity),
        "message": {"text": result.message},
        "properties": {key: value for key, value in properties.items() if value is not None},
    }
    if location:
        sarif["locations"] = [location]
    return sarif


def render_sarif(report: ValidationReport, *, base: Path | None = None) -> str:
    """``report`` as a SARIF 2.1.0 log (indented JSON, ending with a newline).

    File paths are made relative to ``base`` (default: the working directory), which should be
    the repository root for GitHub code scanning.
    """
    rules = _rules(report)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "muniorg",
                        "version": tool_version(),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                # libyaml (the YAML reader) counts columns in characters, not bytes or UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": [_result(r, rule_index, base) for r in report.results],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
