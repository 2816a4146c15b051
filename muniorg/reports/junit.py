"""The JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure ...).

One ``<testsuite>`` per input file; in it one ``<testcase>`` per focus node with results, or a
single passing ``<testcase>`` named after the file when the file has none. A test case fails
(one ``<failure>`` listing all its results) when a result is at or above ``fail_on``; milder
results go to the test case's ``<system-out>``. Results without a source location form a last
suite named ``(no location)``. The XML follows the Ant/Jenkins JUnit schema that CI systems read
and is built with :mod:`xml.etree.ElementTree`, so every text is escaped correctly.

Example:
    >>> from muniorg.validation.results import ValidationReport
    >>> print(render_junit(ValidationReport(inputs=("a.yaml",))), end="")
    <?xml version='1.0' encoding='utf-8'?>
    <testsuites name="muniorg" tests="1" failures="0" errors="0" time="0">
      <testsuite name="a.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">
        <testcase name="a.yaml" classname="a.yaml" time="0" />
      </testsuite>
    </testsuites>
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from muniorg.reports.naming import display_path, input_files, one_line, plural
from muniorg.reports.text import format_result
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

#: The name of the suite of results that have no source location.
NO_LOCATION = "(no location)"


def _testcase(
    suite: ET.Element,
    name: str,
    classname: str,
    results: list[ValidationResult],
    fail_on: Severity,
    base: Path | None,
) -> bool:
    """Add one test case; true when it failed."""
    case = ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")
    failing = [r for r in results if r.severity >= fail_on]
    passing = [r for r in results if r.severity < fail_on]
    if failing:
        worst = max(r.severity for r in failing)
        counts = ", ".join(
            plural(sum(r.severity is s for r in failing), s.label)
            for s in sorted(Severity, reverse=True)
            if any(r.severity is s for r in failing)
        )
        failure = ET.SubElement(
            case, "failure", message=f"{counts}: {one_line(failing[0].message)}", type=worst.label
        )
        failure.text = "\n".join(format_result(r, base=base) for r in failing)
    if passing:
        ET.SubElement(case, "system-out").text = "\n".join(
            format_result(r, base=base) for r in passing
        )
    return bool(failing)


def _suite(
    root: ET.Element,
    name: str,
    results: list[ValidationResult],
    fail_on: Severity,
    base: Path | None,
) -> tuple[int, int]:
    """Add one suite of ``results`` grouped by focus node; returns (tests, failures)."""
    suite = ET.SubElement(root, "testsuite", name=name)
    by_focus: dict[str, list[ValidationResult]] = defaultdict(list)
    for result in results:
        by_focus[result.focus_node].append(result)
    if not by_focus:
        by_focus[name] = []
    failures = sum(
        _testcase(suite, focus, name, focus_results, fail_on, base)
        for focus, focus_results in by_focus.items()
    )
    tests = len(by_focus)
    suite.attrib.update(tests=str(tests), failures=str(failures), errors="0", skipped="0", time="0")
    return tests, failures


def render_junit(
    report: ValidationReport, *, fail_on: Severity = Severity.VIOLATION, base: Path | None = None
) -> str:
    """``report`` as a JUnit XML document (UTF-8, with an XML declaration, ending with a newline).

    ``fail_on`` is the mildest severity that makes a test case fail, as with ``--fail-on``.
    """
    root = ET.Element("testsuites", name="muniorg")
    by_file: dict[str, list[ValidationResult]] = {file: [] for file in input_files(report)}
    unlocated: list[ValidationResult] = []
    for result in report.results:
        if result.location is None:
            unlocated.append(result)
        else:
            by_file[result.location.file].append(result)
    tests = failures = 0
    for file, results in by_file.items():
        counts = _suite(root, display_path(file, base), results, fail_on, base)
        tests, failures = tests + counts[0], failures + counts[1]
    if unlocated:
        counts = _suite(root, NO_LOCATION, unlocated, fail_on, base)
        tests, failures = tests + counts[0], failures + counts[1]
    root.attrib.update(tests=str(tests), failures=str(failures), errors="0", time="0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ("<?xml version='1.0' encoding='utf-8'?>\n", "\n")
    )
