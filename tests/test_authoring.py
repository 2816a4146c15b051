"""Authoring files: every problem is reported with file:line:column and a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from muniorg.authoring.load import load_paths
from muniorg.core.errors import AuthoringErrors, InputError, LimitExceeded, MuniorgError
from muniorg.model.classes import Municipality
from muniorg.validation.run import validate_documents

MINIMAL = "type: Municipality\nid: soroe\nname: {da: Sorø Kommune}\ncountry: DNK\n"


def write(tmp_path: Path, text: str, name: str = "m.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str) -> list[str]:
    write(tmp_path, text)
    with pytest.raises(MuniorgError) as info:
        load_paths([tmp_path])
    err = info.value
    return [str(e) for e in err.errors] if isinstance(err, AuthoringErrors) else [str(err)]


def test_minimal_municipality_loads(tmp_path):
    write(tmp_path, MINIMAL + "identifiers:\n  - {scheme: dk-kommunekode, notation: '340'}\n")
    [document] = load_paths([tmp_path]).documents
    assert isinstance(document.root, Municipality)
    assert document.root.id == "https://w3id.org/muniorg/id/dk/340"
    assert document.root.identifiers[0].id == "https://w3id.org/muniorg/id/dk/340/identifiers/1"
    assert str(document.locate(document.root.id, "country")).endswith("m.yaml:4:1")


def test_base_iri_is_configurable(tmp_path):
    write(tmp_path, MINIMAL)
    [document] = load_paths([tmp_path], base="https://data.example.dk/").documents
    assert document.root.id == "https://data.example.dk/dk/soroe"


CASES = [
    (
        "unknown-key",
        MINIMAL + "nmae: {da: x}\n",
        "m.yaml:5:1: unknown key 'nmae' in Municipality (did you mean 'name'?)",
    ),
    (
        "wrong-type-langmap",
        MINIMAL.replace("{da: Sorø Kommune}", "Sorø"),
        "m.yaml:3:7: 'name' takes texts by language",
    ),
    ("bad-language-tag", MINIMAL.replace("{da:", "{d a:"), "is not a language tag"),
    (
        # a page's file name holds the tag: the build could not write it
        "language-tag-too-long",
        MINIMAL.replace("{da:", "{da-" + "-".join(["abcdefgh"] * 30) + ":"),
        "m.yaml:3:8: 'da-abcdefgh-abcdefgh-abcdefgh-abcde'... is 272 characters long; a "
        "language tag has at most 35",
    ),
    (
        "number-needs-quotes",
        MINIMAL + "identifiers:\n  - {scheme: se-kommunkod, notation: 0188}\n",
        "m.yaml:6:38: notation: expected text, got the number 188 (put numbers in quotes",
    ),
    (
        "bad-partial-date",
        MINIMAL + "keyFigures:\n  - {measure: population, value: 1, date: 2022-13}\n",
        "date: expected a date, month or year",
    ),
    (
        "impossible-date",
        MINIMAL + "documents:\n  - {id: p, issued: 2022-02-30}\n",
        "issued: expected a date or an ISO date and time",
    ),
    (
        "bad-time",
        MINIMAL
        + "contactPoints:\n  - openingHours:\n      - {days: [Monday], opens: '25:00', closes: '15:30'}\n",
        "expected a time of day",
    ),
    # Values as Nordic texts write them: the message says what to write instead.
    (
        "date-day-first",
        MINIMAL + "keyFigures:\n  - {measure: population, value: 1, date: 31.12.2024}\n",
        "m.yaml:6:43: date: expected a date, month or year (YYYY-MM-DD, YYYY-MM or YYYY), got "
        "'31.12.2024' (dates are written year first: 2024-12-31)",
    ),
    (
        "datetime-day-first",
        MINIMAL + "documents:\n  - {id: p, issued: 1.6.2022}\n",
        "got '1.6.2022' (dates are written year first: 2022-06-01)",
    ),
    (
        "date-one-digit-month",
        MINIMAL + "keyFigures:\n  - {measure: population, value: 1, date: 2022-6-1}\n",
        "got '2022-6-1' (months and days have two digits: 2022-06-01)",
    ),
    (
        "number-spaced-thousands",
        MINIMAL + "keyFigures:\n  - {measure: population, value: 15 200}\n",
        "m.yaml:6:34: value: expected a number, got the text '15 200' (no thousands separators "
        "in numbers: write 15200)",
    ),
    (
        "whole-number-spaced-thousands",
        MINIMAL + "council: {name: {da: B}, seats: 43 000}\n",
        "seats: expected a whole number (0 or more), got the text '43 000' (no thousands "
        "separators in numbers: write 43000)",
    ),
    (
        "number-decimal-comma",
        MINIMAL + "keyFigures:\n  - {measure: employees, unit: FTE, value: '12,5'}\n",
        "got the text '12,5' (a decimal point is a dot: write 12.5)",
    ),
    (
        # quoted, so "in quotes" is no help: the hour needs two digits
        "time-one-digit-hour",
        MINIMAL + "contactPoints:\n  - openingHours:\n      - {days: [Monday], opens: '8:00'}\n",
        "opens: expected a time of day as HH:MM or HH:MM:SS, like \"08:00\", got '8:00' "
        '(write "08:00")',
    ),
    (
        "time-with-a-dot",
        MINIMAL + "contactPoints:\n  - openingHours:\n      - {days: [Monday], closes: 16.30}\n",
        'closes: expected a time of day as HH:MM or HH:MM:SS in quotes, like "08:00", got 16.3 '
        '(write "16:30")',
    ),
    # A web address without its scheme is not read as a relative one: the message says so.
    (
        "page-id-without-scheme",
        MINIMAL + "homepage: {id: www.soroe.dk}\n",
        "m.yaml:5:16: 'id' must be a local id (lowercase letters, digits, hyphens) or an absolute "
        "IRI, got 'www.soroe.dk' (a web address starts with its scheme: https://www.soroe.dk)",
    ),
    (
        # a page may be given by its address alone; without the scheme it was "expected a
        # mapping for a Document", which says nothing of the address
        "page-without-scheme",
        MINIMAL + "contactPoints:\n  - contactPage: soroe.dk/kontakt\n",
        "m.yaml:6:18: contactPage: expected a page's address (https://...) or a mapping for a "
        "Document, got the text 'soroe.dk/kontakt' (a web address starts with its scheme: "
        "https://soroe.dk/kontakt)",
    ),
    (
        "link-without-scheme",
        MINIMAL + "sameAs: [www.wikidata.org/entity/Q1748]\n",
        "sameAs: expected an id or an absolute IRI, got 'www.wikidata.org/entity/Q1748' (a web "
        "address starts with its scheme: https://www.wikidata.org/entity/Q1748)",
    ),
    (
        "missing-required",
        "type: Municipality\nid: x\nname: {da: X}\n",
        "m.yaml:1:1: Municipality needs 'country'",
    ),
    (
        "dangling-reference",
        MINIMAL + "posts:\n  - {role: mayor, heldBy: [gert]}\n",
        "heldBy: no object has the id 'gert'",
    ),
    (
        "duplicate-id",
        MINIMAL + "people:\n  - {id: a, name: A}\n  - {id: a, name: B}\n",
        "duplicate id 'a'",
    ),
    ("duplicate-key", MINIMAL + "country: SWE\n", "invalid YAML"),
    ("yaml-syntax", MINIMAL + "name: [unclosed\n", "m.yaml:6:1: invalid YAML"),
    ("tag-refused", MINIMAL + "description: !!python/object:os.system {da: x}\n", "tags"),
    ("not-a-mapping", "- a\n- b\n", "expected a mapping with 'type' and 'id'"),
    ("unknown-top-type", "type: Municipalty\nid: x\n", "did you mean 'Municipality'"),
    (
        "bad-local-id",
        "type: Municipality\nid: Sorø\nname: {da: X}\ncountry: DNK\n",
        "the top object needs an 'id'",
    ),
    (
        "iri-with-space",
        MINIMAL + "homepage: {id: 'https://x.dk/a b'}\n",
        "the character U+0020 (SPACE) at position 15 is not allowed in an IRI",
    ),
    (
        "iri-pyoxigraph-refuses",
        MINIMAL + "homepage: {id: 'https://x.dk/a#b#c'}\n",
        "m.yaml:5:16: 'id' 'https://x.dk/a#b#c': not a valid IRI (RFC 3987): "
        "invalid IRI code point '#'",
    ),
    (
        "code-that-makes-no-iri",
        MINIMAL.replace("DNK", "'D%ZK'"),
        "m.yaml:4:10: country: the code 'D%ZK' cannot be part of an IRI: not a valid IRI",
    ),
    (
        "minted-iri-from-a-bad-notation",
        MINIMAL + "identifiers:\n  - {scheme: dk-kommunekode, notation: '3%z'}\n",
        "m.yaml:6:30: the IRI 'https://w3id.org/muniorg/id/dk/3%z' minted for this object is not "
        "usable: not a valid IRI (RFC 3987): invalid IRI percent encoding '%z'",
    ),
    (
        "unsafe-scheme",
        MINIMAL + "homepage: {id: 'javascript:alert(1)'}\n",
        "the scheme 'javascript' is not allowed",
    ),
    (
        "list-for-single",
        MINIMAL + "council: [{name: {da: a}}, {name: {da: b}}]\n",
        "'council' takes one value",
    ),
    (
        "nested-type-mismatch",
        MINIMAL + "council: {type: Committee, name: {da: a}}\n",
        "'type' here must be 'Council'",
    ),
    (
        "bool-as-number",
        MINIMAL + "keyFigures:\n  - {measure: population, value: true}\n",
        "expected a number",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_errors_name_the_place(tmp_path, text, expected):
    messages = errors_of(tmp_path, text)
    assert any(expected in m for m in messages), messages
    assert all("m.yaml" in m for m in messages), messages


def test_the_top_object_is_where_its_first_key_is(tmp_path):
    """Results and errors about the top object pointed at 1:1, the first line of the file: in a
    template from `muniorg init`, the editor's schema comment."""
    text = "# yaml-language-server: $schema=x.json\n# Sorø\n\n" + MINIMAL.replace(
        "country: DNK\n", ""
    )
    [error] = errors_of(tmp_path, text)
    assert error.startswith(f"{tmp_path / 'm.yaml'}:4:1: Municipality needs 'country'"), error
    write(tmp_path, "# a comment\n" + MINIMAL)
    report = validate_documents(load_paths([tmp_path]).documents)
    undescribed = [r for r in report.results if str(r.path).endswith("terms/description")]
    assert [str(r.location) for r in undescribed] == [f"{tmp_path / 'm.yaml'}:2:1"]


def test_all_errors_are_reported_at_once(tmp_path):
    messages = errors_of(tmp_path, MINIMAL + "nmae: x\ncountri: DNK\n")
    assert len(messages) == 2


def test_references_across_files(tmp_path):
    write(tmp_path, MINIMAL + "people:\n  - {id: gert, name: Gert}\n", "soroe.yaml")
    write(
        tmp_path,
        "type: CooperationProgramme\nid: prog\nname: {en: P}\n"
        "participants:\n  - {member: soroe}\n  - {member: soroe/gert}\n",
        "prog.yaml",
    )
    loaded = load_paths([tmp_path])
    programme = next(d.root for d in loaded.documents if d.local_id == "prog")
    assert sorted(p.member for p in programme.participants) == [
        "https://w3id.org/muniorg/id/dk/soroe",
        "https://w3id.org/muniorg/id/dk/soroe/gert",
    ]


def test_a_duplicate_top_level_id_is_shown_at_its_id_and_names_the_other_file(tmp_path):
    """It was shown at 1:1 of the second file (a comment there), the first file unnamed; a
    build says the same, also with the headers taken from its cache."""
    from muniorg.core.errors import AuthoringError
    from muniorg.publish.build import build

    first = write(tmp_path, MINIMAL, "a.yaml")
    second = write(tmp_path, "# the second file\n\n" + MINIMAL, "b.yaml")
    expected = (
        f"{second}:4:5: duplicate top-level id 'soroe': {second} and {first} (line 2) both use "
        "it; give each file its own id (it names the output files)"
    )
    with pytest.raises(AuthoringError) as caught:
        load_paths([tmp_path])
    assert str(caught.value) == expected
    for _ in range(2):  # the second build reads the headers from the cache
        with pytest.raises(AuthoringError) as caught:
            build([tmp_path], tmp_path / "out", cache_dir=tmp_path / "cache", jobs=1)
        assert str(caught.value) == expected


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_paths([tmp_path / "nope"])


def test_sources_without_a_document_name_what_they_hold(tmp_path):
    """What a build and validate say of sources with no authoring document (tests/test_cli.py
    runs them): the catalogs, and the first files passed over, the rest counted."""
    from muniorg.authoring.load import no_documents

    skipped = [Path(f"data/tool{i}.yml") for i in range(7)]
    err = no_documents([Path("catalog.yaml"), Path("data")], [Path("catalog.yaml")], skipped)
    assert isinstance(err, InputError) and err.location is None
    assert str(err) == (
        "no authoring documents found in catalog.yaml, data (only the catalog catalog.yaml; "
        "7 YAML files without 'type' or 'id' passed over: data/tool0.yml, data/tool1.yml, "
        "data/tool2.yml, data/tool3.yml, data/tool4.yml, ...)"
    )


def test_a_yaml_link_to_nothing_in_a_folder_is_an_input_error(tmp_path):
    """A link whose target moved away (a submodule not checked out) left its municipality out
    of the build without a word; a loop of links too. Named on its own, it was an error."""
    import os

    data = tmp_path / "data"
    data.mkdir()
    write(data, MINIMAL, "soroe.yaml")
    os.symlink("../common/stord.yaml", data / "stord.yaml")
    with pytest.raises(InputError) as caught:
        load_paths([data])
    assert str(caught.value) == (
        f"{data / 'stord.yaml'}: a symbolic link to ../common/stord.yaml "
        f"({tmp_path / 'common' / 'stord.yaml'}), which does not exist: restore the file it "
        "points to, or remove the link"
    )
    (data / "stord.yaml").unlink()
    os.symlink("loop.yml", data / "loop.yml")
    with pytest.raises(InputError, match=r"loop\.yml: a symbolic link to loop\.yml .*, which "):
        load_paths([data])


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_yaml_fifo_in_a_folder_is_refused_by_name(tmp_path):
    """docs/security.md: a FIFO is an error naming it, in a folder too (it was passed over)."""
    import os

    write(tmp_path, MINIMAL, "soroe.yaml")
    os.mkfifo(tmp_path / "stord.yaml")
    with pytest.raises(InputError, match=r"stord\.yaml: is a named pipe \(FIFO\)"):
        load_paths([tmp_path])


def test_a_folder_scan_enters_no_linked_folder_nor_hidden_one(tmp_path):
    """Links to folders (a loop among them) are not entered, whatever their name; hidden
    folders are passed over, a link to nothing in one too."""
    import os

    from muniorg.authoring.load import iter_yaml_files

    data, other = tmp_path / "data", tmp_path / "other"
    data.mkdir()
    other.mkdir()
    write(data, MINIMAL, "soroe.yaml")
    write(other, MINIMAL, "stord.yaml")
    os.symlink(other, data / "linked")
    os.symlink(other, data / "linked.yaml")
    os.symlink(data, data / "up")  # a loop
    (data / ".git").mkdir()
    os.symlink("nowhere.yaml", data / ".git" / "gone.yaml")
    assert list(iter_yaml_files([data])) == [data / "soroe.yaml"]


def test_a_folder_scan_passes_over_an_editors_lock_link(tmp_path):
    """Emacs keeps ``.#stord.yaml``, a link to ``user@host.pid``, beside a file with unsaved
    changes: validate and build (--watch too) stopped on it as a link to nothing."""
    import os

    from muniorg.authoring.load import iter_yaml_files

    write(tmp_path, MINIMAL, "stord.yaml")
    os.symlink("helper@host.4242:1764691200", tmp_path / ".#stord.yaml")
    assert list(iter_yaml_files([tmp_path])) == [tmp_path / "stord.yaml"]


def test_billion_laughs_fails_fast(tmp_path, monkeypatch):
    monkeypatch.setenv("MUNIORG_MAX_YAML_NODES", "10000")
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(LimitExceeded, match="MUNIORG_MAX_YAML_NODES"):
        load_paths([tmp_path])


def test_binary_junk_is_an_input_error(tmp_path):
    (tmp_path / "m.yaml").write_bytes(b"type: \xff\xfe\x00junk")
    with pytest.raises(MuniorgError, match=r"not UTF-8|not a text file"):
        load_paths([tmp_path])


def test_annotated_example_in_the_docs_loads_and_conforms(tmp_path):
    """The example in docs/authoring.md is real: it loads and has no violations."""
    import re

    from muniorg.validation.run import validate_documents

    docs = (Path(__file__).resolve().parents[1] / "docs" / "authoring.md").read_text(
        encoding="utf-8"
    )
    block = re.search(r"```yaml\n(.*?)```", docs, re.S)
    assert block is not None
    write(tmp_path, block.group(1), "stord.yaml")
    loaded = load_paths([tmp_path])
    assert loaded.documents[0].root.id == "https://w3id.org/muniorg/id/no/4614"
    assert validate_documents(loaded.documents).conforms


@pytest.mark.parametrize(
    "country", ["dk", "DK", "DENMARK"], ids=["lowercase", "two-letters", "name"]
)
def test_country_must_be_an_eu_code(tmp_path, country):
    from muniorg.validation.run import validate_documents

    write(tmp_path, MINIMAL.replace("country: DNK", f"country: {country}"))
    report = validate_documents(load_paths([tmp_path]).documents)
    assert any("three capital letters" in r.message for r in report.results), report.results
    assert not report.conforms


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("dk", "'dk' is not a language code (a country code? Danish is 'da')"),
        ("xx", "'xx' is not a language code"),
        ("d a", "'d a' is not a language tag"),
    ],
)
def test_language_codes_are_real_ones(tmp_path: Path, tag: str, message: str) -> None:
    """name: {dk: ...} was accepted: Danish is da. Two-letter codes are ISO 639-1."""
    path = tmp_path / "m.yaml"
    path.write_text(
        f"type: Municipality\nid: m\nname: {{'{tag}': X, en: X}}\ncountry: DNK\n", encoding="utf-8"
    )
    with pytest.raises(MuniorgError) as caught:
        load_paths([path])
    assert message in str(caught.value) and "m.yaml:3:" in str(caught.value)


@pytest.mark.parametrize("tag", ["da", "se", "fkv", "smj", "nb-NO", "en-GB"])
def test_real_language_tags_are_accepted(tmp_path: Path, tag: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        f"type: Municipality\nid: m\nname: {{'{tag}': X, en: X}}\ncountry: DNK\n", encoding="utf-8"
    )
    assert load_paths([path]).documents[0].root.name[tag] == "X"


def test_a_language_is_named_once_whatever_its_case(tmp_path: Path) -> None:
    """nb-NO and nb-no are one language: RDF writes both as @nb-no, so a name had two texts
    in one language (a sh:uniqueLang violation far from the cause), or the model two keys."""
    import muniorg
    from muniorg.core.errors import ModelError

    path = tmp_path / "m.yaml"
    path.write_text(
        "type: Municipality\nid: m\nname: {'nb-NO': X, en: X, nb-no: Y}\ncountry: NOR\n",
        encoding="utf-8",
    )
    with pytest.raises(MuniorgError) as caught:
        load_paths([path])
    assert "m.yaml:3:27: 'nb-NO' and 'nb-no' are one language" in str(caught.value)
    with pytest.raises(ModelError, match="'nb-NO' and 'nb-no' are one language"):
        muniorg.Municipality(id="m", name={"nb-NO": "a", "nb-no": "b"}, country="NOR")
    # once both tags were seen good apart, the map of both is still checked in full
    muniorg.Municipality(id="m", name={"nb-NO": "a"}, country="NOR")
    muniorg.Municipality(id="m", name={"nb-no": "a"}, country="NOR")
    with pytest.raises(ModelError, match="'nb-NO' and 'nb-no' are one language"):
        muniorg.Municipality(id="m", name={"nb-NO": "a", "nb-no": "b"}, country="NOR")


def test_there_are_seventeen_goals(tmp_path: Path) -> None:
    """sdgs: [18] was accepted; goals are 1 to 17, targets 11.3 or 17.a."""
    from muniorg import validate_documents

    def strategy(sdgs: str) -> list[str]:
        path = tmp_path / "m.yaml"
        path.write_text(
            "type: Municipality\nid: m\nname: {da: M, en: M}\ncountry: DNK\n"
            f"strategies:\n  - id: s\n    name: {{da: S}}\n    kind: [vision]\n    sdgs: {sdgs}\n",
            encoding="utf-8",
        )
        report = validate_documents(load_paths([path]).documents)
        return [r.message for r in report.results if "sdgs" in r.message]

    assert strategy('["11", "11.3", "17.a", "1"]') == []
    [message] = strategy('["18"]')
    assert "one of the 17 goals" in message


def test_a_key_of_a_nested_object_says_where_it_belongs(tmp_path: Path) -> None:
    """committees at the municipality's level: they are the council's."""
    path = tmp_path / "m.yaml"
    path.write_text(
        "type: Municipality\nid: m\nname: {da: M}\ncountry: DNK\n"
        "committees:\n  - id: c\n    name: {da: C}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        MuniorgError, match=r"m\.yaml:5:1: unknown key 'committees' in Municipality"
    ):
        load_paths([path])
    with pytest.raises(MuniorgError, match="it belongs under 'council:', a Council"):
        load_paths([path])


def test_a_reference_to_the_wrong_kind_of_object_says_so(tmp_path: Path) -> None:
    """A goal's committee given a department's id: the message said 'takes at most one value'."""
    from muniorg import validate_documents

    path = tmp_path / "m.yaml"
    path.write_text(
        "type: Municipality\nid: m\nname: {da: M, en: M}\ncountry: DNK\n"
        "departments:\n  - id: dep\n    name: {da: D}\n    kind: department\n"
        "strategies:\n  - name: {da: S}\n    kind: [vision]\n"
        "    goals:\n      - name: {da: G}\n        committee: dep\n",
        encoding="utf-8",
    )
    report = validate_documents(load_paths([path]).documents)
    [violation] = [r for r in report.results if r.severity.label == "violation"]
    assert violation.message.startswith("StrategicGoal.committee: ")
    assert violation.message.endswith(
        "/dep is not a Committee; give the id of a Committee described in the same data."
    )
    assert "at most one value" not in violation.message
    assert str(violation.location).endswith("m.yaml:14:9")


def test_a_count_written_with_a_thousands_separator_is_a_violation(tmp_path: Path) -> None:
    """value: 30.000 for the population (thirty thousand, with a Danish thousands separator) was
    published as 30.0; a count is a whole number, and the message says why it is not one."""
    from muniorg import validate_documents

    def violations(figures: str) -> list[str]:
        path = tmp_path / "m.yaml"
        path.write_text(
            "type: Municipality\nid: m\nname: {da: M, en: M}\ncountry: DNK\nkeyFigures:\n"
            + figures,
            encoding="utf-8",
        )
        report = validate_documents(load_paths([path]).documents)
        return [
            f"{r.location.line if r.location else '-'}: {r.message}"
            for r in report.results
            if r.severity.label == "violation"
        ]

    [population, seats] = violations(
        "  - {measure: population, value: 30.000, date: 2024}\n"
        "  - {measure: council-seats, value: 25.5, date: 2024}\n"
    )
    assert population.startswith("6: KeyFigure (measure population): the value is a count")
    assert "not a thousands separator (YAML reads 30.000 as 30.0): write 30000" in population
    assert seats.startswith("7: KeyFigure (measure council-seats): ")
    # A whole count, a figure with its unit and a measure that is no count are fine.
    fine = violations(
        "  - {measure: population, value: 30000, date: 2024}\n"
        "  - {measure: employees, value: 2345.5, unit: full-time equivalents, date: 2024}\n"
        "  - {measure: area, value: 311.5, unit: km², date: 2024}\n"
    )
    assert fine == []


def test_a_whole_number_key_refuses_a_thousands_separator(tmp_path: Path) -> None:
    [error] = errors_of(tmp_path, MINIMAL + "council: {name: {da: B}, seats: 30.000}\n")
    assert error.endswith(
        "m.yaml:5:33: seats: expected a whole number (0 or more), got the number 30.0 (a dot is "
        "a decimal point, not a thousands separator: write 30000, not 30.000)"
    )
