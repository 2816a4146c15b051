"""The JSON Schema of the YAML authoring files (ontology/authoring-schema.json, #16).

Generated from the shapes (muniorg/generate/authoring_schema.py): editors read it to complete and
check keys. It must accept every example and every init template (with every commented-out part
too), refuse what the loader refuses (unknown keys, wrong types, unknown codes), and ship with the
package and the build.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from muniorg.authoring.load import load_paths
from muniorg.cli.init import DEFAULT_COUNTRY, Country, TemplateLanguage, render_template
from muniorg.core.errors import AuthoringError
from muniorg.core.resources import AUTHORING_SCHEMA_FILE, AUTHORING_SCHEMA_IRI, CONTEXT_IRI
from muniorg.core.values import ISO_639_1, language_problem
from muniorg.dcat.from_yaml import CATALOG_KEYS, KEYS, catalog_config
from muniorg.formats.yaml import load_yaml, plain
from muniorg.generate.authoring_schema import language_tag_pattern
from muniorg.model.classes import CLASSES
from muniorg.model.schema import ValueKind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))
#: A code of each country's municipality-code scheme, for a template with a code.
CODES = {
    Country.DNK: "340",
    Country.SWE: "0380",
    Country.NOR: "4614",
    Country.FIN: "091",
    Country.ISL: "0000",
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(AUTHORING_SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(validator: Draft202012Validator, path: Path) -> list[str]:
    """The schema's complaints about a YAML file, read as editors read it (dates stay text)."""
    data = plain(load_yaml(path))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def uncomment(template: str) -> str:
    """The template with every commented-out part put in: below ``type:``, a comment line
    whose text is a key (``# altName:``) or is indented (``#   da: [...]``) is YAML; the others
    are prose and are left out."""
    lines = template.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("type:"))
    out = lines[:start]
    for line in lines[start:]:
        if not line.startswith("#"):
            out.append(line)
            continue
        text = line[2:]
        if re.match(r"[A-Za-z]+:( |$)", text) or text.startswith(" "):
            out.append(text)
    return "\n".join(out) + "\n"


def test_the_schema_is_a_draft_2020_12_schema_with_its_published_iri(schema: dict[str, Any]):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == AUTHORING_SCHEMA_IRI
    # Published beside the JSON-LD context, under the same base.
    assert AUTHORING_SCHEMA_IRI.rsplit("/", 1)[0] == CONTEXT_IRI.rsplit("/", 1)[0]


def test_every_class_has_every_key_with_its_description(schema: dict[str, Any]) -> None:
    for name, cls in CLASSES.items():
        definition = schema["$defs"][name]
        assert definition["additionalProperties"] is False, name
        keys = set(definition["properties"]) - {"type", "id"}
        assert keys == {f.key for f in cls.SPEC.fields}, name
        assert definition.get("required", []) == [f.key for f in cls.SPEC.fields if f.required]
        for f in cls.SPEC.fields:
            assert f.description in definition["properties"][f.key]["description"], (name, f.key)


def test_the_catalog_has_the_keys_the_reader_accepts(schema: dict[str, Any]) -> None:
    catalog = schema["$defs"]["Catalog"]
    assert sorted(catalog["properties"]) == sorted(KEYS)
    assert catalog["required"] == [k.key for k in CATALOG_KEYS if k.required]
    assert catalog["additionalProperties"] is False


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_valid(validator: Draft202012Validator, path: Path) -> None:
    assert errors(validator, path) == []


TEMPLATE_CASES = [
    (lang, country)
    for lang, country in itertools.product(TemplateLanguage, Country)
    if DEFAULT_COUNTRY.get(lang) in (None, country) or lang is TemplateLanguage.SV
]


@pytest.mark.parametrize(
    ("lang", "country"), TEMPLATE_CASES, ids=[f"{la.value}-{c.value}" for la, c in TEMPLATE_CASES]
)
def test_every_init_template_is_valid_and_loads(
    validator: Draft202012Validator, tmp_path: Path, lang: TemplateLanguage, country: Country
) -> None:
    """As written (with a name and a code), and with every commented-out key put in: the
    schema accepts it, and so does the loader. Without a name, the name is what both miss."""
    as_written = render_template(lang, "Ny Kommune", country, CODES[country], "x.yaml")
    bare = render_template(lang, None, country, None, "x.yaml")
    full = uncomment(as_written)
    assert full.count("\n") > 2 * len(re.findall(r"^[a-z]", as_written, flags=re.M))
    schema_line = f"# yaml-language-server: $schema={AUTHORING_SCHEMA_IRI}"
    for name, text in (("as-written", as_written), ("bare", bare), ("full", full)):
        assert text.splitlines()[0] == schema_line, name
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        expected = ["[]: 'name' is a required property"] if name == "bare" else []
        assert errors(validator, path) == expected, name
    with pytest.raises(AuthoringError, match="Municipality needs 'name'"):
        load_paths([tmp_path / "bare.yaml"])
    load_paths([tmp_path / "as-written.yaml"])
    load_paths([tmp_path / "full.yaml"])


BAD = [
    ("countri: DNK\n", "'countri' was unexpected"),
    (
        "council: {name: {da: B}, committees: [{name: {da: U}, seatz: 3}]}\n",
        "'seatz' was unexpected",
    ),
    ("committees: [{name: {da: U}}]\n", "'committees' was unexpected"),
    ("council: {name: {da: B}, seats: abc}\n", "'abc' is not of type 'integer'"),
    ("council: {name: Byråd}\n", "'Byråd' is not of type 'object'"),
    ("posts: [{role: chair}]\n", "'chair' is not one of ['body-chair'"),
    ("identifiers: [{scheme: dk-kommunenummer, notation: '340'}]\n", "is not one of"),
    ("altName: {dk: [X]}\n", "'dk' does not match"),
    ("strategies: [{name: {da: S}, sdgs: [18]}]\n", "18 is greater than the maximum of 17"),
    ("strategies: [{name: {da: S}, sdgs: ['18']}]\n", "'18' does not match"),
    ("keyFigures: [{measure: area, value: 1, date: 2023-13}]\n", "'2023-13' does not match"),
    ("homepage: www.x.dk\n", "'www.x.dk' does not match"),
    ("homepage: {title: {da: X}, colour: red}\n", "'colour' was unexpected"),
]


@pytest.mark.parametrize(("extra", "message"), BAD, ids=[m for _, m in BAD])
def test_a_wrong_file_fails_with_a_message_about_the_key(
    validator: Draft202012Validator, tmp_path: Path, extra: str, message: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("type: Municipality\nid: x\nname: {da: X}\ncountry: DNK\n" + extra, "utf-8")
    error = best_match(validator.iter_errors(plain(load_yaml(path))))
    assert error is not None and message in error.message, error.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("type: Municipality\nname: {da: X}\ncountry: DNK\n", "'id' is a required property"),
        ("type: Municipality\nid: X Y\nname: {da: X}\ncountry: DNK\n", "does not match"),
        ("type: Municipality\nid: x\ncountry: DNK\n", "'name' is a required property"),
        ("type: Municipalty\nid: x\n", "is not one of ['Municipality'"),
        ("id: x\n", "'type' is a required property"),
        ("type: Catalog\ntitle: {en: T}\n", "'description' is a required property"),
    ],
)
def test_a_wrong_top_level_fails(
    validator: Draft202012Validator, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    assert any(message in e for e in errors(validator, path)), errors(validator, path)


CATALOG = (
    "type: Catalog\ntitle: {en: T}\ndescription: {en: D}\n"
    "publisher: {iri: 'https://x.org/p', name: {en: P}}\n"
    "contact: {name: Team, email: data@x.org}\nissued: 2026-01-01\n"
)


@pytest.mark.parametrize(
    ("extra", "schema_says", "reader_says"),
    [
        ("themes: [GOVE, GOV]\n", "'GOV' is not one of", "'GOV' is not an EU data theme"),
        ("profile: dcat-ap-2\n", "'dcat-ap-2' is not one of", "invalid catalog"),
        ("downloadbase: https://x.org/\n", "'downloadbase' was unexpected", "unknown key"),
    ],
)
def test_a_wrong_catalog_fails_the_schema_and_the_reader(
    validator: Draft202012Validator, tmp_path: Path, extra: str, schema_says: str, reader_says: str
) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(CATALOG + extra, "utf-8")
    assert any(schema_says in e for e in errors(validator, path)), errors(validator, path)
    with pytest.raises(AuthoringError, match=re.escape(reader_says)):
        catalog_config(load_yaml(path), "https://x.org/")


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("publisher", "publisher: {iri: 'https://x.org/p', name: {en: P}, typ: Company}\n"),
        ("contact", "contact: {name: Team, email: data@x.org, phone: '1'}\n"),
    ],
)
def test_an_unknown_key_of_the_publisher_or_contact_fails_both(
    validator: Draft202012Validator, tmp_path: Path, key: str, text: str
) -> None:
    """The reader used to pass over unknown keys inside publisher and contact."""
    path = tmp_path / "catalog.yaml"
    lines = [line for line in CATALOG.splitlines(keepends=True) if not line.startswith(key)]
    path.write_text("".join(lines) + text, "utf-8")
    assert any("was unexpected" in e for e in errors(validator, path))
    with pytest.raises(AuthoringError, match=f"unknown key .* in the catalog's {key}"):
        catalog_config(load_yaml(path), "https://x.org/")
    good = tmp_path / "good.yaml"
    good.write_text(CATALOG, "utf-8")
    catalog_config(load_yaml(good), "https://x.org/")
    assert errors(validator, good) == []


def test_language_tags_are_those_the_loader_accepts() -> None:
    pattern = re.compile(language_tag_pattern())
    two_letters = ["".join(p) for p in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=2)]
    tags = [*two_letters, *(t.upper() for t in two_letters), "fkv", "smj-NO", "nb-x-1", "en-GB"]
    tags += ["d", "dkk1", "da_DK", "da-", "-da", "d a", "da-toolongsubtag"]
    for tag in tags:
        assert (pattern.search(tag) is not None) == (language_problem(tag) is None), tag
    assert sum(1 for t in two_letters if pattern.search(t)) == len(ISO_639_1)


#: YAML values of each scalar kind: one the loader reads, one it refuses.
SCALARS = [
    (ValueKind.STRING, "Sorø", "  "),
    (ValueKind.URI, "https://www.soroe.dk/", "javascript:alert(1)"),
    (ValueKind.NUMBER, 2.5, "2,5"),
    (ValueKind.INTEGER, 25, -1),
    (ValueKind.BOOLEAN, False, "yes"),
    (ValueKind.DATE, "2022-01-31", "2022-01"),
    (ValueKind.PARTIAL_DATE, 2022, "2022-1"),
    (ValueKind.DATETIME, "2014-05-14T10:48:00", "14/05/2014"),
    (ValueKind.YEAR, "2022", "2022-01"),
    (ValueKind.TIME, "08:00", "8 o'clock"),
    (ValueKind.IRI, "other-file/x", "Other File"),
    (ValueKind.REFERENCE, "gert-joergensen", "gert joergensen"),
]


@pytest.mark.parametrize(("kind", "good", "bad"), SCALARS, ids=[k.value for k, _, _ in SCALARS])
def test_each_value_kind_accepts_what_the_loader_reads(
    schema: dict[str, Any], kind: ValueKind, good: Any, bad: Any
) -> None:
    from muniorg.model.kinds import KINDS

    [(owner, field)] = itertools.islice(
        ((c, f) for c, cls in CLASSES.items() for f in cls.SPEC.fields if f.kind is kind), 1
    )
    value_schema = schema["$defs"][owner]["properties"][field.key]
    check = Draft202012Validator(
        {**value_schema, "$defs": schema["$defs"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    KINDS[kind].read(good)
    with pytest.raises(ValueError):
        KINDS[kind].read(bad)
    assert check.is_valid(good), (kind, good)
    assert not check.is_valid(bad), (kind, bad)


def test_the_schema_is_package_data() -> None:
    from importlib.resources import files

    bundled = files("muniorg").joinpath("ontology/authoring-schema.json")
    assert json.loads(bundled.read_text(encoding="utf-8"))["$id"] == AUTHORING_SCHEMA_IRI
    assert "ontology/*.json" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
