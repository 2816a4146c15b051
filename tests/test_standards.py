"""What a real build publishes conforms to the standards muniorg claims to follow.

One build of the bundled examples (module scope) is checked against the official CPOV 2.1.2
SHACL (every municipality and programme), the DCAT-AP 3.0.1 SHACL (the catalog) and the
project's own JSON Schema (every per-file JSON-LD document, formats checked). The official
releases come from ``MUNIORG_STANDARDS`` (the ``standards`` fixture of ``conftest.py``, whose
behaviour is tested at the end of this module).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from conftest import (
    DCAT_AP_3,
    DCAT_AP_NO,
    NOT_SET,
    STANDARD_RELEASES,
    STANDARDS_VARIABLE,
    Standards,
    find_standards,
)
from jsonschema import Draft202012Validator, FormatChecker
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH, SKOS
from test_dcat import EU_VOCABULARIES, controlled_iris, validate

from muniorg.core.values import is_absolute_iri
from muniorg.model.classes import Address
from muniorg.model.schema import ValueKind
from muniorg.publish.build import build

ROOT = Path(__file__).resolve().parents[1]
CPOV_SHAPES = "cpov-2.1.2/core-public-organisation-ap-SHACL.ttl"
EXAMPLE_SLUGS = ["glostrup", "norrtaelje", "saman-om-ein-betre-kommune", "soroe", "stord"]
SOROE = URIRef("https://w3id.org/muniorg/id/dk/340")

#: The publisher type of examples/catalog.yaml, from the ADMS publisher-type list; the rest of
#: the controlled vocabularies are those of test_dcat.
CATALOG_VOCABULARIES = (
    EU_VOCABULARIES
    + """
lang:FIN a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "Finnish"@en .
lang:ISL a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "Icelandic"@en .
ptype:NonProfitOrganisation a skos:Concept ; skos:inScheme <http://purl.org/adms/publishertype/1.0> ;
    skos:prefLabel "Non-Profit Organisation"@en .
"""
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples, built once for every test of this module."""
    out = tmp_path_factory.mktemp("standards") / "dist"
    result = build([ROOT / "examples"], out)
    assert result.published
    return out


# --- CPOV 2.1.2 -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cpov_shapes(standards: Standards) -> Graph:
    return standards.graph(CPOV_SHAPES)


def shacl_findings(data: Graph, shapes: Graph) -> list[tuple[str, str, str, str, str]]:
    """(severity, focus node, path, value, message) of every top-level result, sorted."""
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return sorted(
        (
            str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.value)),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.objects(predicate=SH.result)
    )


#: Every example, Stord's addresses included (CPOV wants their texts as rdf:langString, which
#: muniorg's Address fields are).
CPOV_CASES = list(EXAMPLE_SLUGS)
LOCN = "http://www.w3.org/ns/locn#"


def cpov_violations(dist: Path, shapes: Graph, slug: str) -> list[tuple[str, str, str, str, str]]:
    data = Graph().parse(dist / f"{slug}.ttl", format="turtle")
    return [f for f in shacl_findings(data, shapes) if f[0] == "Violation"]


@pytest.mark.parametrize("slug", CPOV_CASES)
def test_examples_conform_to_cpov(dist: Path, cpov_shapes: Graph, slug: str) -> None:
    assert cpov_violations(dist, cpov_shapes, slug) == []


def test_address_texts_are_language_maps_as_cpov_wants() -> None:
    """CPOV's AddressShape types these as rdf:langString; plain strings would break conformance."""
    for key in ("fullAddress", "postName", "thoroughfare"):
        assert Address.SPEC.field(key).kind is ValueKind.LANG_MAP, key


def test_cpov_check_catches_a_broken_organisation(dist: Path, cpov_shapes: Graph) -> None:
    """The CPOV shapes really apply: a public organisation's name must be a language string."""
    data = Graph().parse(dist / "soroe.ttl", format="turtle")
    data.add((SOROE, SKOS.prefLabel, Literal("Sorø")))
    findings = shacl_findings(data, cpov_shapes)
    assert [(f[0], f[1], f[2]) for f in findings] == [
        ("Violation", str(SOROE), str(SKOS.prefLabel))
    ]


# --- DCAT-AP 3.0.1 --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog_vocabularies() -> Graph:
    graph = Graph().parse(data=CATALOG_VOCABULARIES, format="turtle")
    # pySHACL copies only owl:NamedIndividual nodes from ont_graph into the data (see test_dcat).
    for concept in set(graph.subjects(RDF.type)):
        graph.add((concept, RDF.type, OWL.NamedIndividual))
    return graph


def test_built_catalog_conforms_to_dcat_ap_3(
    dist: Path, official_shapes: dict[str, Graph], catalog_vocabularies: Graph
) -> None:
    """dcat-ap-SHACL.ttl and the ranges, without the dangling property links (see conftest)."""
    catalog = Graph().parse(dist / "catalog.ttl", format="turtle")
    assert len(catalog) > 100
    assert validate(catalog, official_shapes[DCAT_AP_3], catalog_vocabularies) == []


def test_catalog_vocabularies_declare_what_the_catalog_references(
    dist: Path, catalog_vocabularies: Graph
) -> None:
    """Every controlled IRI of the built catalog is loaded, so no range check passes vacuously."""
    catalog = Graph().parse(dist / "catalog.ttl", format="turtle")
    assert controlled_iris(catalog) <= set(catalog_vocabularies.subjects())


# --- JSON Schema ----------------------------------------------------------------------------

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
#: jsonschema checks "uri" and "iri" only when optional packages are installed; these checkers
#: make the check independent of them (RFC 3987: an absolute IRI, no spaces or delimiters).
FORMATS = FormatChecker()


@FORMATS.checks("iri")
def _is_iri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value))


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or (value.isascii() and bool(_URI.match(value)))


@pytest.fixture(scope="module")
def json_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((ROOT / "ontology" / "schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


def test_every_format_of_the_schema_is_checked(json_schema: dict[str, Any]) -> None:
    used = set(re.findall(r'"format": "([^"]+)"', json.dumps(json_schema)))
    assert used
    assert used <= set(FORMATS.checkers)


@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_built_jsonld_matches_the_json_schema(
    dist: Path, json_schema: dict[str, Any], slug: str
) -> None:
    document = json.loads((dist / f"{slug}.jsonld").read_text("utf-8"))
    validator = Draft202012Validator(json_schema, format_checker=FORMATS)
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)] == []


def test_json_schema_check_catches_a_bad_iri(dist: Path, json_schema: dict[str, Any]) -> None:
    document = json.loads((dist / "soroe.jsonld").read_text("utf-8"))
    document["id"] = "not an iri"
    validator = Draft202012Validator(json_schema, format_checker=FORMATS)
    assert list(validator.iter_errors(document))
    assert is_absolute_iri(json.loads((dist / "soroe.jsonld").read_text("utf-8"))["id"])


def test_norwegian_portal_build_conforms_to_dcat_ap_no(
    tmp_path: Path, official_shapes: dict[str, Graph], catalog_vocabularies: Graph
) -> None:
    """`profile: dcat-ap-no-2` in the catalog file gives a catalog with no DCAT-AP-NO violation."""
    src = tmp_path / "src"
    src.mkdir()
    for path in (ROOT / "examples").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == "catalog.yaml":
            text += "profile: dcat-ap-no-2\n"
        (src / path.name).write_text(text, encoding="utf-8")
    build([src], tmp_path / "out")
    catalog = Graph().parse(tmp_path / "out" / "catalog.ttl", format="turtle")
    findings = validate(catalog, official_shapes[DCAT_AP_NO], catalog_vocabularies)
    assert [f for f in findings if f.severity == "Violation"] == []
    size = next(catalog.objects(None, URIRef("http://www.w3.org/ns/dcat#byteSize")))
    assert str(getattr(size, "datatype", "")).endswith("#decimal")  # the Norwegian profile's type


# --- finding the official releases (conftest.find_standards) -------------------------------


def _releases(folder: Path, *, without: str = "") -> Path:
    for name in STANDARD_RELEASES:
        if name != without:
            (folder / name).mkdir(parents=True)
    return folder


@pytest.mark.parametrize("value", [None, "", "  "], ids=["unset", "empty", "blank"])
def test_standards_tests_skip_when_the_variable_is_not_set(value: str | None) -> None:
    environ = {} if value is None else {STANDARDS_VARIABLE: value}
    with pytest.raises(pytest.skip.Exception) as info:
        find_standards(environ)
    assert str(info.value) == NOT_SET
    assert "\n" not in NOT_SET


def test_standards_tests_fail_when_the_folder_is_missing(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="is not a folder"):
        find_standards({STANDARDS_VARIABLE: str(tmp_path / "absent")})


def test_standards_tests_fail_when_a_release_is_missing(tmp_path: Path) -> None:
    folder = _releases(tmp_path, without="dcat-ap-no-2.0")
    with pytest.raises(pytest.fail.Exception, match=r"lacks dcat-ap-no-2\.0$"):
        find_standards({STANDARDS_VARIABLE: str(folder)})


def test_standards_tests_fail_when_a_file_is_missing(tmp_path: Path) -> None:
    found = find_standards({STANDARDS_VARIABLE: str(_releases(tmp_path))})
    assert found == Standards(tmp_path.resolve())
    with pytest.raises(pytest.fail.Exception, match=r"has no file cpov-2\.1\.2/x\.ttl"):
        found.file("cpov-2.1.2/x.ttl")
    (tmp_path / "cpov-2.1.2" / "x.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", "utf-8")
    assert len(found.graph("cpov-2.1.2/x.ttl")) == 1
