"""The text report: one line per result, in the ``file:line:col: severity: message`` form
editors and terminals link to, and a summary line at the end.

Example:
    >>> from muniorg.validation.results import Severity, ValidationReport, ValidationResult
    >>> from muniorg.core.location import SourceLocation
    >>> result = ValidationResult(Severity.WARNING, "Municipality has no description.",
    ...     "https://w3id.org/muniorg/id/dk/340", location=SourceLocation("soroe.yaml", 1, 1))
    >>> print(render_text(ValidationReport(results=(result,), inputs=("soroe.yaml",))), end="")
    soroe.yaml:1:1: warning: Municipality has no description. [focus=https://w3id.org/muniorg/id/dk/340]
    1 input: 0 violations, 1 warning, 0 infos (conforms)
"""

from __future__ import annotations

from pathlib import Path

from muniorg.core.location import SourceLocation
from muniorg.reports.naming import details, display_path, one_line, plural
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_STYLES = {
    Severity.VIOLATION: "\x1b[1;31m",  # bold red
    Severity.WARNING: "\x1b[33m",  # yellow
    Severity.INFO: "\x1b[36m",  # cyan
}
_GREEN = "\x1b[32m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def format_result(
    result: ValidationResult, *, color: bool = False, base: Path | None = None
) -> str:
    """One result as one line: ``file:line:col: severity: message [path=… value=… focus=…]``.

    A result without a source location starts with its focus node instead of a file.
    """
    location = result.location
    if location is not None:
        shown = SourceLocation(display_path(location.file, base), location.line, location.column)
        where = str(shown)
        suffix = details(result)
    else:
        where = result.focus_node or "-"
        suffix = details(result, focus=False)
    severity = _paint(result.severity.label, _STYLES[result.severity], color)
    line = f"{_paint(where, _BOLD, color)}: {severity}: {one_line(result.message)}"
    return f"{line} {suffix}" if suffix else line


def summary(report: ValidationReport, *, color: bool = False) -> str:
    """The closing line: inputs, counts by severity from worst to mildest, and the verdict.

    >>> summary(ValidationReport(inputs=("a.yaml", "b.yaml")))
    '2 inputs: 0 violations, 0 warnings, 0 infos (conforms)'
    """
    counts = report.counts()
    by_severity = ", ".join(plural(counts[s], s.label) for s in sorted(Severity, reverse=True))
    verdict = "conforms" if report.conforms else "does not conform"
    text = f"{plural(len(report.inputs), 'input')}: {by_severity} ({verdict})"
    if not color:
        return text
    worst = max((r.severity for r in report.results), default=None)
    return _paint(text, _STYLES[worst] if worst else _GREEN, color)


def render_text(report: ValidationReport, *, color: bool = False, base: Path | None = None) -> str:
    """The whole text report, ending with a newline.

    ``color`` adds ANSI colours; callers ask for them only when writing to a terminal.
    """
    lines = [format_result(r, color=color, base=base) for r in report.results]
    lines.append(summary(report, color=color))
    return "\n".join(lines) + "\n"
