"""Messages about codes that say why, and municipality codes checked against the registry
extracts (#16): `role: chair` on a committee suggested `body-chair` without saying why, and an
unknown municipality code such as 999 was accepted in silence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from muniorg.authoring.load import load_paths
from muniorg.cli.app import cli
from muniorg.validation.registries import UNKNOWN_MUNICIPALITY_CODE, registry_codes
from muniorg.validation.results import Severity, ValidationResult
from muniorg.validation.run import validate_documents

HEAD = "type: Municipality\nid: x\nname: {da: X Kommune}\ncountry: DNK\n"
CODE = "identifiers:\n  - {scheme: dk-kommunekode, notation: '340'}\n"


def results(tmp_path: Path, text: str, name: str = "x.yaml") -> list[ValidationResult]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(validate_documents(load_paths([path]).documents).results)


def violations(tmp_path: Path, text: str) -> list[str]:
    return [
        f"{r.location.line}: {r.message}"
        for r in results(tmp_path, text)
        if r.severity is Severity.VIOLATION and r.location is not None
    ]


def test_a_role_on_a_committee_says_which_role_fits_and_why(tmp_path: Path) -> None:
    text = (
        HEAD
        + CODE
        + (
            "council:\n  name: {da: Byrådet}\n  committees:\n"
            "    - name: {da: Udvalg}\n      posts:\n        - role: chair\n"
        )
    )
    [message] = violations(tmp_path, text)
    assert message.startswith("12: Unknown code 'chair' in list 'role'. In a Committee, use ")
    assert "'committee-chair' (the elected member who chairs a political committee)" in message
    # body-chair is explained, as a role of other bodies
    assert (
        "The other roles like it are for other bodies: 'body-chair' (the person who chairs"
        in message
    )
    assert "a body other than the council or a political committee" in message


def test_a_role_on_the_council_and_on_a_co_determination_body(tmp_path: Path) -> None:
    council = HEAD + CODE + "council:\n  name: {da: Byrådet}\n  posts:\n    - role: chair\n"
    [message] = violations(tmp_path, council)
    assert "In a Council, use 'council-chair' (the person who chairs the meetings" in message
    body = (
        HEAD
        + CODE
        + "coDeterminationBodies:\n  - name: {da: Hoved-MED}\n    memberships:\n"
        + "      - {member: p, role: member}\npeople: [{id: p, name: P}]\n"
    )
    [message] = violations(tmp_path, body)
    assert "In a CoDeterminationBody, use 'body-member' (a member of a body other than" in message


def test_a_role_where_no_body_fits_lists_them_all_with_what_they_are_for(tmp_path: Path) -> None:
    [message] = violations(tmp_path, HEAD + CODE + "posts:\n  - role: chair\n")
    assert message.startswith("8: Unknown code 'chair' in list 'role'. Did you mean 'body-chair' (")
    assert "or 'committee-chair' (the elected member" in message
    assert "or 'council-chair' (the person who chairs the meetings" in message


def test_a_code_written_in_capitals_is_told_how_the_list_writes_it(tmp_path: Path) -> None:
    """'Mayor' was offered 'deputy-mayor' or 'mayor', as if it were a typo of either."""
    [message] = violations(tmp_path, HEAD + CODE + "posts:\n  - role: Mayor\n")
    assert message.startswith(
        "8: Unknown code 'Mayor' in list 'role'. Codes are written in lower case with hyphens: "
        "'mayor' (the elected political leader"
    ), message
    assert "deputy" not in message
    typo = HEAD + CODE + "departments:\n  - name: {da: Forvaltning}\n    kind: Staff_Centre\n"
    [message] = violations(tmp_path, typo)
    assert "Codes are written in lower case with hyphens: 'staff-centre' (" in message


def test_other_lists_explain_the_codes_they_suggest(tmp_path: Path) -> None:
    typo = HEAD + CODE + "departments:\n  - name: {da: Forvaltning}\n    kind: departmnt\n"
    [message] = violations(tmp_path, typo)
    assert "Unknown code 'departmnt' in list 'unit-kind'. Did you mean 'department' (" in message
    unknown = HEAD + CODE + "area:\n  name: {da: X}\n  regions: [{name: {da: R}, kind: zzz}]\n"
    [message] = violations(tmp_path, unknown)
    assert message.endswith(
        "Unknown code 'zzz' in list 'region-kind'. Its codes: county, informal-region, "
        "landscape, region."
    )


def unknown_codes(tmp_path: Path, text: str) -> list[str]:
    return [
        f"{r.location}: {r.message}"
        for r in results(tmp_path, text)
        if r.constraint == UNKNOWN_MUNICIPALITY_CODE
    ]


def test_an_unknown_municipality_code_is_a_warning_at_its_line(tmp_path: Path) -> None:
    text = HEAD + "identifiers:\n  - scheme: dk-kommunekode\n    notation: '999'\n"
    [warning] = unknown_codes(tmp_path, text)
    assert warning.startswith(
        f"{tmp_path / 'x.yaml'}:7:5: The municipality code 999 (dk-kommunekode) is not in "
        "muniorg's registry extracts (dk_fkg_kommuner_cvr.csv, "
    )
    assert "registries change" in warning
    [result] = [r for r in results(tmp_path, text) if r.constraint == UNKNOWN_MUNICIPALITY_CODE]
    assert result.severity is Severity.WARNING and result.value == "999"


@pytest.mark.parametrize(
    ("country", "scheme", "code"),
    [
        ("DNK", "dk-kommunekode", "340"),
        ("SWE", "se-kommunkod", "0380"),
        ("NOR", "no-kommunenummer", "4614"),
        ("NOR", "no-kommunenummer", "3001"),  # Halden before 2024
        ("NOR", "no-kommunenummer", "3101"),  # Halden since 2024
        ("FIN", "fi-kuntanumero", "091"),
        ("ISL", "is-sveitarfelagsnumer", "0000"),  # Iceland: no extract of its numbers
        ("DNK", "dk-kommunekode", "0340"),  # not well-formed: the shapes say so, once
    ],
)
def test_known_or_unchecked_codes_give_no_warning(
    tmp_path: Path, country: str, scheme: str, code: str
) -> None:
    text = (
        f"type: Municipality\nid: x\nname: {{da: X}}\ncountry: {country}\n"
        f"identifiers:\n  - {{scheme: {scheme}, notation: '{code}'}}\n"
    )
    assert unknown_codes(tmp_path, text) == []


def test_only_the_code_in_force_is_checked(tmp_path: Path) -> None:
    """Old codes (with an end date) are history and often not in today's extracts."""
    text = HEAD + (
        "identifiers:\n"
        "  - {scheme: dk-kommunekode, notation: '340'}\n"
        "  - {scheme: dk-kommunekode, notation: '998', validDuring: {end: 2006-12-31}}\n"
    )
    assert unknown_codes(tmp_path, text) == []
    assert "998" not in registry_codes()["dk-kommunekode"]


def test_a_known_code_is_looked_up_in_its_extracts_in_turn(tmp_path: Path) -> None:
    """A code the first extract holds reads no other (a one-file validate reads less)."""
    from muniorg.validation import registries

    registries.extract_codes.cache_clear()
    registries.scheme_codes.cache_clear()
    assert unknown_codes(tmp_path, HEAD + CODE) == []
    assert registries.extract_codes.cache_info().currsize == 1
    assert unknown_codes(tmp_path, HEAD + CODE.replace("340", "999")) != []
    assert registries.extract_codes.cache_info().currsize == len(
        registries.SOURCES["dk-kommunekode"]
    )


def test_validate_reports_it_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + "identifiers:\n  - {scheme: dk-kommunekode, notation: '999'}\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"{path}:6:30: warning: The municipality code 999 (dk-kommunekode)" in result.stdout
