"""GitHub Actions workflow commands: each result becomes an annotation on the file and line.

``::error file=soroe.yaml,line=3,col=1,title=Municipality-country::message`` for violations,
``::warning`` for warnings and ``::notice`` for infos. Data and property values are escaped the
way the Actions runner expects (``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``, and in properties
also ``:`` → ``%3A`` and ``,`` → ``%2C``). The text summary line ends the output.

Example:
    >>> from muniorg.validation.results import Severity, ValidationReport, ValidationResult
    >>> from muniorg.core.location import SourceLocation
    >>> report = ValidationReport(results=(ValidationResult(Severity.WARNING, "100% sure?",
    ...     "https://w3id.org/muniorg/id/dk/340", location=SourceLocation("a,b.yaml", 3, 1)),))
    >>> print(render_github(report).splitlines()[0])
    ::warning file=a%2Cb.yaml,line=3,col=1,title=muniorg::100%25 sure? [focus=https://w3id.org/muniorg/id/dk/340]
"""

from __future__ import annotations

from pathlib import Path

from muniorg.reports.naming import details, display_path, rule_id
from muniorg.reports.text import summary
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

_COMMANDS = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape the message of a workflow command.

    >>> escape_data("50%\\nnext")
    '50%25%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=`` ...) of a workflow command.

    >>> escape_property("a:b,c")
    'a%3Ab%2Cc'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_command(result: ValidationResult, *, base: Path | None = None) -> str:
    """One result as one workflow command line."""
    properties: list[tuple[str, str]] = []
    if result.location is not None:
        properties.append(("file", display_path(result.location.file, base)))
        if result.location.line > 0:
            properties.append(("line", str(result.location.line)))
            if result.location.column > 0:
                properties.append(("col", str(result.location.column)))
    properties.append(("title", rule_id(result)))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    suffix = details(result)
    message = f"{result.message} {suffix}" if suffix else result.message
    return f"::{_COMMANDS[result.severity]} {props}::{escape_data(message)}"


def render_github(report: ValidationReport, *, base: Path | None = None) -> str:
    """Every result as a workflow command, then the summary line; ends with a newline."""
    lines = [format_command(r, base=base) for r in report.results]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
