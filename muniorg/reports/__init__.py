"""Validation reports in the formats people and CI systems read.

:func:`render` turns a :class:`~muniorg.validation.results.ValidationReport` into text for a terminal,
JSON for programs, JUnit XML for CI test views, SARIF for code scanning, or GitHub Actions
workflow commands for annotations on pull requests. All formats are deterministic: the same
report gives the same bytes.

Example:
    >>> from muniorg.reports import ReportFormat, render
    >>> from muniorg.validation.results import ValidationReport
    >>> render(ValidationReport(inputs=("soroe.yaml",)), ReportFormat.TEXT)
    '1 input: 0 violations, 0 warnings, 0 infos (conforms)\\n'
    >>> ReportFormat("sarif").suffix
    '.sarif'
"""

from __future__ import annotations

import enum
from pathlib import Path

from muniorg.validation.results import Severity, ValidationReport

__all__ = ["ReportFormat", "render"]


class ReportFormat(enum.Enum):
    """The formats :func:`render` writes; the value is the name the CLI accepts."""

    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    SARIF = "sarif"
    GITHUB = "github"

    @property
    def suffix(self) -> str:
        """The usual file name suffix of a report in this format."""
        return _SUFFIXES[self]


_SUFFIXES = {
    ReportFormat.TEXT: ".txt",
    ReportFormat.JSON: ".json",
    ReportFormat.JUNIT: ".xml",
    ReportFormat.SARIF: ".sarif",
    ReportFormat.GITHUB: ".txt",
}


def render(
    report: ValidationReport,
    fmt: ReportFormat,
    *,
    color: bool = False,
    fail_on: Severity = Severity.VIOLATION,
    base: Path | None = None,
) -> str:
    """``report`` in format ``fmt``, as one string ending with a newline.

    :param color: ANSI colours in the text format (ignored by the others); ask for them only
        when writing to a terminal.
    :param fail_on: the mildest severity that counts as a failure (JUnit test cases fail on it).
    :param base: the directory file paths are made relative to (default: the working
        directory); the repository root for CI formats.
    """
    # Each format's module is imported when asked for: the command line imports this package
    # for ReportFormat alone, and the report modules' names need rdflib (``muniorg --help``
    # would pay for it).
    if fmt is ReportFormat.TEXT:
        from muniorg.reports.text import render_text

        return render_text(report, color=color, base=base)
    if fmt is ReportFormat.JSON:
        from muniorg.reports.json_report import render_json

        return render_json(report)
    if fmt is ReportFormat.JUNIT:
        from muniorg.reports.junit import render_junit

        return render_junit(report, fail_on=fail_on, base=base)
    if fmt is ReportFormat.SARIF:
        from muniorg.reports.sarif import render_sarif

        return render_sarif(report, base=base)
    if fmt is ReportFormat.GITHUB:
        from muniorg.reports.github import render_github

        return render_github(report, base=base)
    raise ValueError(f"unknown report format {fmt!r}")  # pragma: no cover - enum is exhaustive
