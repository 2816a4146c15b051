"""The DCAT-AP catalog: conformance to the official shapes, structure, determinism, file info."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pyshacl
import pytest
from conftest import DCAT_AP_3, DCAT_AP_3_VOCABULARIES, DCAT_AP_NO
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, SH, SKOS, XSD

from muniorg.core.errors import InputError
from muniorg.core.namespaces import EU_COUNTRY, EU_LANGUAGE
from muniorg.dcat.config import (
    ApplicationProfile,
    CatalogConfig,
    ContactPoint,
    PublishedDataset,
    PublishedFile,
    Publisher,
    published_file,
)
from muniorg.dcat.graph import SPDX, VCARD, catalog_graph, catalog_texts, dataset_iri
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.rdf import serialize

# The EU controlled vocabularies (and the two others DCAT-AP names) as harvesters load them,
# reduced to exactly the concepts the catalog below references: the shapes check membership
# (skos:inScheme) and the DCAT-AP range class (sh:class, and pySHACL runs without inference).
# Codes checked against the EU Publications Office authority tables: language, country,
# data-theme, file-type, licence, access-right; plus the ADMS publisher types and SPDX.
# The test test_vocabularies_declare_exactly_what_the_catalog_references keeps this in step.
EU_VOCABULARIES = """
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix eu: <http://publications.europa.eu/resource/authority/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix country: <http://publications.europa.eu/resource/authority/country/> .
@prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .
@prefix licence: <http://publications.europa.eu/resource/authority/licence/> .
@prefix access: <http://publications.europa.eu/resource/authority/access-right/> .
@prefix ptype: <http://purl.org/adms/publishertype/> .

eu:data-theme a skos:ConceptScheme ; dct:title "Data theme"@en .
eu:language a skos:ConceptScheme ; dct:title "Language"@en .
eu:country a skos:ConceptScheme ; dct:title "Country"@en .
eu:file-type a skos:ConceptScheme ; dct:title "File type"@en .
eu:licence a skos:ConceptScheme ; dct:title "Licence"@en .
eu:access-right a skos:ConceptScheme ; dct:title "Access right"@en .
<http://purl.org/adms/publishertype/1.0> a skos:ConceptScheme ; dct:title "Publisher type"@en .

theme:GOVE a skos:Concept ; skos:inScheme eu:data-theme ;
    skos:prefLabel "Government and public sector"@en .
theme:REGI a skos:Concept ; skos:inScheme eu:data-theme ; skos:prefLabel "Regions and cities"@en .
lang:ENG a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "English"@en .
lang:NNO a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "Norwegian Nynorsk"@en .
lang:NOB a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "Norwegian Bokmål"@en .
lang:DAN a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "Danish"@en .
lang:SWE a skos:Concept, dct:LinguisticSystem ; skos:inScheme eu:language ;
    skos:prefLabel "Swedish"@en .
country:NOR a skos:Concept, dct:Location ; skos:inScheme eu:country ; skos:prefLabel "Norway"@en .
country:DNK a skos:Concept, dct:Location ; skos:inScheme eu:country ; skos:prefLabel "Denmark"@en .
country:SWE a skos:Concept, dct:Location ; skos:inScheme eu:country ; skos:prefLabel "Sweden"@en .
ft:JSON_LD a skos:Concept, dct:MediaTypeOrExtent ; skos:inScheme eu:file-type ;
    skos:prefLabel "JSON-LD"@en .
ft:RDF_TURTLE a skos:Concept, dct:MediaTypeOrExtent ; skos:inScheme eu:file-type ;
    skos:prefLabel "RDF Turtle"@en .
ft:RDF_N_TRIPLES a skos:Concept, dct:MediaTypeOrExtent ; skos:inScheme eu:file-type ;
    skos:prefLabel "RDF N-Triples"@en .
licence:CC_BY_4_0 a skos:Concept, dct:LicenseDocument ; skos:inScheme eu:licence ;
    skos:prefLabel "Creative Commons Attribution 4.0 International"@en .
access:PUBLIC a skos:Concept, dct:RightsStatement ; skos:inScheme eu:access-right ;
    skos:prefLabel "public"@en .
ptype:LocalAuthority a skos:Concept ; skos:inScheme <http://purl.org/adms/publishertype/1.0> ;
    skos:prefLabel "Local Authority"@en .
spdx:checksumAlgorithm_sha256 a spdx:ChecksumAlgorithm .
spdx:checksumAlgorithm_sha1 a spdx:ChecksumAlgorithm .
"""

#: Warnings the catalog cannot avoid, with the reason; every one must still occur (so this
#: list shrinks when the output or the standards improve). Keys: (standard, path).
EXPECTED_WARNINGS = {
    # A municipality's own area is not in any EU table (the EU "place" table has only a few
    # cities); the country IRI next to it satisfies the shape, the area IRI alone cannot.
    (DCAT_AP_3_VOCABULARIES, DCTERMS.spatial),
    (DCAT_AP_NO, DCTERMS.spatial),
    # The publisher is a municipality or team, not an EU institution of the corporate-body table.
    (DCAT_AP_3_VOCABULARIES, DCTERMS.publisher),
    # DCAT-AP wants the EU data-theme scheme as theme taxonomy; DCAT-AP-NO warns on every
    # taxonomy that is not EuroVoc. Keeping the data-theme scheme follows the EU shapes.
    (DCAT_AP_NO, DCAT.themeTaxonomy),
}
#: Violations that are defects of the shapes, not of the catalog: the vocabulary shapes want
#: the checksum algorithm to match "^https://spdx.org/rdf/terms", while DCAT-AP's own SHACL
#: and the SPDX vocabulary use http://spdx.org/rdf/terms# (so does every DCAT-AP example).
KNOWN_SHAPE_DEFECTS = {(DCAT_AP_3_VOCABULARIES, SPDX.algorithm)}


class Finding(NamedTuple):
    severity: str
    focus: str
    path: URIRef | None
    value: str
    message: str


@pytest.fixture(scope="session")
def vocabularies() -> Graph:
    graph = Graph().parse(data=EU_VOCABULARIES, format="turtle")
    # pySHACL copies from ont_graph only ontology axioms and owl:NamedIndividual nodes (with
    # their triples) into the data graph; the concepts are individuals, so say so.
    for concept in set(graph.subjects(RDF.type)):
        graph.add((concept, RDF.type, OWL.NamedIndividual))
    return graph


def validate(data: Graph, shapes: Graph, vocabularies: Graph) -> list[Finding]:
    """The top-level results of a pySHACL run (not the nested sh:detail ones)."""
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=vocabularies, inference="none"
    )
    findings = []
    for result in report.objects(predicate=SH.result):
        path = report.value(result, SH.resultPath)
        findings.append(
            Finding(
                severity=str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                focus=str(report.value(result, SH.focusNode)),
                path=path if isinstance(path, URIRef) else None,
                value=str(report.value(result, SH.value)),
                message=str(report.value(result, SH.resultMessage)),
            )
        )
    return sorted(findings)


# --- inputs ---------------------------------------------------------------------------------

MUNICIPALITIES = {
    "stord": ("Stord kommune", "nn", EU_COUNTRY.NOR, EU_LANGUAGE.NNO, "no/4614"),
    "glostrup": ("Glostrup Kommune", "da", EU_COUNTRY.DNK, EU_LANGUAGE.DAN, "dk/161"),
    "norrtalje": ("Norrtälje kommun", "sv", EU_COUNTRY.SWE, EU_LANGUAGE.SWE, "se/0188"),
}
BASE = "https://w3id.org/muniorg/id/"


def config(profile: ApplicationProfile = ApplicationProfile.DCAT_AP_3) -> CatalogConfig:
    return CatalogConfig(
        iri=BASE + "catalog",
        title={"en": "Nordic municipalities", "nb": "Nordiske kommuner"},
        description={"en": "Municipalities described with the muniorg ontology."},
        publisher=Publisher(
            iri=BASE + "publisher", name={"en": "muniorg contributors"}, identifier="939866914"
        ),
        contact=ContactPoint(name="muniorg open data", email="data@example.org"),
        issued=date(2024, 1, 15),
        modified=date(2024, 6, 1),
        homepage="https://w3id.org/muniorg/docs",
        languages=(EU_LANGUAGE.ENG, EU_LANGUAGE.NOB),
        profile=profile,
    )


def write_files(folder: Path, slug: str) -> tuple[PublishedFile, ...]:
    measured = []
    for file_type in OUTPUT_FORMATS:
        path = folder / f"{slug}{file_type.extension}"
        path.write_text(f"{slug} as {file_type.label}\n", encoding="utf-8")
        measured.append(published_file(folder, path))
    return tuple(measured)


@pytest.fixture(scope="session")
def published(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[PublishedDataset], PublishedDataset]:
    folder = tmp_path_factory.mktemp("output")
    datasets = []
    for slug, (name, language, country, eu_language, code) in MUNICIPALITIES.items():
        datasets.append(
            PublishedDataset(
                slug=slug,
                title={language: name, "en": name},
                description={"en": f"The organisation of {name}."},
                identifier=BASE + code,
                modified=date(2024, 5, 31),
                files=write_files(folder, slug),
                subject=BASE + code,
                spatial=(BASE + code + "/area", str(country)),
                temporal_start=date(2012, 1, 1) if slug == "stord" else None,
                temporal_end=date(2015, 12, 31) if slug == "stord" else None,
                languages=(eu_language, EU_LANGUAGE.ENG),
                keywords={"en": ("municipality", "organisation"), language: (name,)},
                landing_page=f"https://w3id.org/muniorg/docs/{slug}",
            )
        )
    whole = PublishedDataset(
        slug="muniorg-dataset",
        title={"en": "All muniorg municipalities"},
        description={"en": "Every municipality of the catalog in one file per format."},
        identifier=BASE + "muniorg-dataset",
        modified=date(2024, 6, 1),
        files=write_files(folder, "muniorg-dataset"),
        spatial=tuple(str(country) for _, _, country, _, _ in MUNICIPALITIES.values()),
    )
    return datasets, whole


def build(
    published: tuple[list[PublishedDataset], PublishedDataset],
    profile: ApplicationProfile = ApplicationProfile.DCAT_AP_3,
) -> Graph:
    datasets, whole = published
    return catalog_graph(config(profile), datasets, whole)


# --- conformance ----------------------------------------------------------------------------

CONFORMANCE = [
    (ApplicationProfile.DCAT_AP_3, DCAT_AP_3),
    (ApplicationProfile.DCAT_AP_3, DCAT_AP_3_VOCABULARIES),
    (ApplicationProfile.DCAT_AP_NO_2, DCAT_AP_NO),
    # The Norwegian profile changes only what DCAT-AP-NO needs; the EU vocabularies still hold.
    (ApplicationProfile.DCAT_AP_NO_2, DCAT_AP_3_VOCABULARIES),
]


@pytest.mark.parametrize(
    ("profile", "standard"), CONFORMANCE, ids=[f"{p.value}-vs-{s}" for p, s in CONFORMANCE]
)
def test_catalog_conforms_to_the_official_shapes(
    published, official_shapes, vocabularies, profile: ApplicationProfile, standard: str
) -> None:
    findings = validate(build(published, profile), official_shapes[standard], vocabularies)
    violations = [f for f in findings if f.severity == "Violation"]
    unexpected = [f for f in violations if (standard, f.path) not in KNOWN_SHAPE_DEFECTS]
    assert unexpected == []
    warnings = {(standard, f.path) for f in findings if f.severity == "Warning"}
    expected = {key for key in EXPECTED_WARNINGS if key[0] == standard}
    assert warnings == expected, [f for f in findings if f.severity == "Warning"]


def test_known_shape_defect_is_only_the_spdx_pattern(
    published, official_shapes, vocabularies
) -> None:
    findings = validate(build(published), official_shapes[DCAT_AP_3_VOCABULARIES], vocabularies)
    violations = [f for f in findings if f.severity == "Violation"]
    # One per distribution: 4 data sets x 3 formats.
    assert len(violations) == 12
    assert {f.value for f in violations} == {str(SPDX.checksumAlgorithm_sha256)}


def test_profiles_conflict_exactly_on_byte_size_and_checksum(
    published, official_shapes, vocabularies
) -> None:
    """Why there are two profiles: the EU output breaks DCAT-AP-NO on these two points only."""
    findings = validate(build(published), official_shapes[DCAT_AP_NO], vocabularies)
    violations = {f.path for f in findings if f.severity == "Violation"}
    assert violations == {DCAT.byteSize, SPDX.algorithm}


def test_conformance_check_catches_a_broken_catalog(
    published, official_shapes, vocabularies
) -> None:
    """The shapes really run: a distribution without access URL is a violation."""
    graph = build(published)
    graph.remove((None, DCAT.accessURL, None))
    findings = validate(graph, official_shapes[DCAT_AP_3], vocabularies)
    assert {f.path for f in findings if f.severity == "Violation"} == {DCAT.accessURL}


def controlled_iris(graph: Graph) -> set[URIRef]:
    prefixes = (
        "http://publications.europa.eu/resource/authority/",
        "http://purl.org/adms/publishertype/",
        str(SPDX),
    )
    return {
        node
        for _, predicate, node in graph
        if isinstance(node, URIRef) and predicate != RDF.type and str(node).startswith(prefixes)
    }


def test_vocabularies_declare_exactly_what_the_catalog_references(published, vocabularies) -> None:
    referenced = controlled_iris(build(published)) | controlled_iris(
        build(published, ApplicationProfile.DCAT_AP_NO_2)
    )
    schemes = set(vocabularies.subjects(RDF.type, SKOS.ConceptScheme))
    declared = set(vocabularies.subjects(RDF.type)) - schemes
    assert referenced - schemes == declared


# --- structure ------------------------------------------------------------------------------


def test_catalog_lists_every_dataset_and_the_whole_set(published) -> None:
    graph = build(published)
    catalog = URIRef(BASE + "catalog")
    whole = dataset_iri(config(), "muniorg-dataset")
    parts = {dataset_iri(config(), slug) for slug in MUNICIPALITIES}
    assert set(graph.objects(catalog, DCAT.dataset)) == parts | {whole}
    assert set(graph.objects(whole, DCTERMS.hasPart)) == parts
    assert len(set(graph.subjects(RDF.type, DCAT.Distribution))) == 3 * 4


def test_distribution_describes_its_file(published) -> None:
    graph = build(published)
    stord = dataset_iri(config(), "stord")
    distributions = {
        graph.value(node, DCTERMS.format): node for node in graph.objects(stord, DCAT.distribution)
    }
    turtle = distributions[RdfFormat.TURTLE.eu_file_type]
    measured = next(f for f in published[0][0].files if f.file_type is RdfFormat.TURTLE)
    assert graph.value(turtle, DCAT.downloadURL) == URIRef(BASE + "stord.ttl")
    assert graph.value(turtle, DCAT.accessURL) == URIRef(BASE + "stord.ttl")
    assert graph.value(turtle, DCAT.mediaType) == URIRef(
        "https://www.iana.org/assignments/media-types/text/turtle"
    )
    assert graph.value(turtle, DCAT.byteSize) == Literal(
        str(measured.byte_size), datatype=XSD.nonNegativeInteger
    )
    checksum = graph.value(turtle, SPDX.checksum)
    assert graph.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
    assert str(graph.value(checksum, SPDX.checksumValue)) == measured.sha256


def test_norwegian_profile_uses_decimal_size_and_sha1(published) -> None:
    graph = build(published, ApplicationProfile.DCAT_AP_NO_2)
    sizes = set(graph.objects(None, DCAT.byteSize))
    assert {size.datatype for size in sizes if isinstance(size, Literal)} == {XSD.decimal}
    assert set(graph.objects(None, SPDX.algorithm)) == {SPDX.checksumAlgorithm_sha1}


def test_download_base_replaces_the_catalog_location(published) -> None:
    datasets, whole = published
    moved = replace(config(), download_base="https://data.example.org/files/")
    graph = catalog_graph(moved, datasets, whole)
    urls = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert "https://data.example.org/files/stord.jsonld" in urls
    assert all(url.startswith("https://data.example.org/files/") for url in urls)


def test_temporal_coverage_only_where_given(published) -> None:
    graph = build(published)
    assert len(set(graph.subjects(RDF.type, DCTERMS.PeriodOfTime))) == 1
    period = graph.value(dataset_iri(config(), "stord"), DCTERMS.temporal)
    assert graph.value(period, DCAT.startDate) == Literal(date(2012, 1, 1), datatype=XSD.date)
    assert graph.value(period, DCAT.endDate) == Literal(date(2015, 12, 31), datatype=XSD.date)


def test_contact_point_is_a_vcard_organisation(published) -> None:
    graph = build(published)
    contact = graph.value(dataset_iri(config(), "glostrup"), DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in graph
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:data@example.org")


# --- determinism ----------------------------------------------------------------------------


def test_same_input_gives_identical_output(published) -> None:
    first, second = build(published), build(published)
    assert not any(isinstance(term, BNode) for triple in first for term in triple)
    assert sorted(first.serialize(format="nt").splitlines()) == sorted(
        second.serialize(format="nt").splitlines()
    )
    assert first.serialize(format="turtle") == second.serialize(format="turtle")


def test_dataset_order_does_not_change_the_graph(published) -> None:
    datasets, whole = published
    forward = catalog_graph(config(), datasets, whole)
    backward = catalog_graph(config(), list(reversed(datasets)), whole)
    assert sorted(forward.serialize(format="nt").splitlines()) == sorted(
        backward.serialize(format="nt").splitlines()
    )


@pytest.mark.parametrize("profile", list(ApplicationProfile), ids=lambda p: p.value)
def test_catalog_texts_are_the_serialized_catalog_graph(published, profile) -> None:
    """The build writes the catalog with catalog_texts: the bytes serialize gives the graph,
    also for text to escape and a language tag with capitals (written another way)."""
    datasets, whole = published
    odd = replace(
        datasets[0],
        slug="odd",
        title={"nb-NO": 'Stord "kommune"', "en": "Back\\slash"},
        description={"en": "Two\nlines\u2028and a tab\t."},
    )
    # a homepage in a namespace only rdflib's Graph binds (its prefix then written)
    odd_config = replace(config(profile), homepage="http://purl.org/dc/dcmitype/Text")
    for chosen, chosen_config in (
        ([*datasets, odd], config(profile)),
        (datasets, config(profile)),
        (datasets, odd_config),
    ):
        graph = catalog_graph(chosen_config, chosen, whole)
        expected = (serialize(graph, RdfFormat.TURTLE), serialize(graph, RdfFormat.NTRIPLES))
        assert catalog_texts(chosen_config, chosen, whole) == expected
    with pytest.raises(InputError, match="repeated: \\['odd'\\]"):
        catalog_texts(config(profile), [odd, odd], whole)


# --- file info ------------------------------------------------------------------------------


def test_published_file_measures_size_and_digests(tmp_path: Path) -> None:
    content = "<https://w3id.org/muniorg/id/no/4614> a <https://w3id.org/muniorg#Municipality> .\n"
    (tmp_path / "no").mkdir()
    path = tmp_path / "no" / "stord.nt"
    path.write_bytes(content.encode() * 50_000)  # larger than one read chunk
    info = published_file(tmp_path, path)
    data = path.read_bytes()
    assert info == PublishedFile(
        path="no/stord.nt",
        file_type=RdfFormat.NTRIPLES,
        byte_size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        sha1=hashlib.sha1(data).hexdigest(),
    )


def test_published_file_takes_an_explicit_type(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text("{}")
    assert published_file(tmp_path, path, RdfFormat.JSONLD).file_type is RdfFormat.JSONLD


BAD_FILES = {
    "outside-output": lambda folder: folder.parent / "elsewhere.ttl",
    "missing": lambda folder: folder / "missing.ttl",
    "unknown-suffix": lambda folder: folder / "notes.txt",
    # .json is read as JSON-LD, but a build writes .jsonld: only written extensions are published
    "read-only-suffix": lambda folder: folder / "notes.json",
}


@pytest.mark.parametrize("where", list(BAD_FILES.values()), ids=list(BAD_FILES))
def test_published_file_rejects(tmp_path: Path, where) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    (folder / "notes.json").write_text("{}")
    (tmp_path / "elsewhere.ttl").write_text("x")
    with pytest.raises(InputError):
        published_file(folder, where(folder))


def test_published_formats_are_those_with_an_eu_file_type() -> None:
    assert {f for f in RdfFormat if f.eu_file_type is not None} == set(OUTPUT_FORMATS)
    assert {str(f.eu_file_type).rpartition("/")[2] for f in OUTPUT_FORMATS} == {
        "JSON_LD",
        "RDF_TURTLE",
        "RDF_N_TRIPLES",
    }


def test_a_published_file_is_in_a_published_format() -> None:
    with pytest.raises(InputError, match="YAML is not a published format"):
        PublishedFile("a.yaml", RdfFormat.YAML, 1, "a" * 64)


# --- input checks ---------------------------------------------------------------------------

GOOD_FILE = PublishedFile("a.ttl", RdfFormat.TURTLE, 1, "a" * 64)
GOOD_DATASET = PublishedDataset(
    slug="a",
    title={"en": "A"},
    description={"en": "A"},
    identifier="a",
    modified=date(2024, 1, 1),
    files=(GOOD_FILE,),
)
BAD_INPUTS = {
    "slug-with-capitals": lambda: replace(GOOD_DATASET, slug="Stord"),
    "empty-title": lambda: replace(GOOD_DATASET, title={}),
    "bad-language-tag": lambda: replace(GOOD_DATASET, title={"english": "A"}),
    "no-files": lambda: replace(GOOD_DATASET, files=()),
    "same-file-twice": lambda: replace(GOOD_DATASET, files=(GOOD_FILE, GOOD_FILE)),
    "period-ends-before-start": lambda: replace(
        GOOD_DATASET, temporal_start=date(2020, 1, 1), temporal_end=date(2019, 1, 1)
    ),
    "language-not-eu": lambda: replace(
        GOOD_DATASET, languages=(URIRef("http://id.loc.gov/vocabulary/iso639-1/nb"),)
    ),
    "short-sha256": lambda: replace(GOOD_FILE, sha256="abc"),
    "negative-size": lambda: replace(GOOD_FILE, byte_size=-1),
    "path-escapes": lambda: replace(GOOD_FILE, path="../a.ttl"),
    "bad-email": lambda: ContactPoint(name="x", email="not-an-address"),
    "catalog-iri-with-slash": lambda: replace(config(), iri=BASE + "catalog/"),
    "modified-before-issued": lambda: replace(config(), modified=date(2000, 1, 1)),
    "no-themes": lambda: replace(config(), themes=()),
}


@pytest.mark.parametrize("make", list(BAD_INPUTS.values()), ids=list(BAD_INPUTS))
def test_bad_input_is_an_input_error(make) -> None:
    with pytest.raises(InputError):
        make()


def test_duplicate_slugs_are_rejected() -> None:
    with pytest.raises(InputError, match="repeated: \\['a'\\]"):
        catalog_graph(config(), [GOOD_DATASET], GOOD_DATASET)


def test_catalog_round_trips_through_json_ld_and_turtle(published) -> None:
    """The build writes catalog.jsonld and catalog.ttl; both must read back as the same graph."""
    graph = build(published)
    for rdf_format in ("json-ld", "turtle"):
        again = Graph().parse(data=graph.serialize(format=rdf_format), format=rdf_format)
        assert isomorphic(graph, again), rdf_format


def test_the_catalog_file_keys_are_documented() -> None:
    """docs/dcat.md lists exactly the keys a catalog file may have."""
    import re

    from muniorg.dcat.from_yaml import KEYS

    text = (Path(__file__).resolve().parents[1] / "docs" / "dcat.md").read_text(encoding="utf-8")
    section = text.split("## The catalog file", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
    assert sorted(documented) == sorted(KEYS)


def test_a_built_catalog_describes_each_data_set_in_its_own_languages(tmp_path: Path) -> None:
    """A text tagged @da is Danish: every description and keyword of a municipality's data set
    is written in the language of its tag, and the data set names its languages."""
    from rdflib import Graph, Literal
    from rdflib.namespace import DCAT, DCTERMS

    from muniorg.dcat.wording import DESCRIPTIONS, KEYWORDS
    from muniorg.publish.build import build

    examples = Path(__file__).resolve().parents[1] / "examples"
    build([examples], tmp_path / "dist")
    catalog = Graph().parse(tmp_path / "dist" / "catalog.nt", format="nt")
    soroe = URIRef(f"{BASE}catalog/dataset/soroe")
    descriptions = {o.language: str(o) for o in catalog.objects(soroe, DCTERMS.description)}
    assert set(descriptions) == {"da", "en"}
    for language, text in descriptions.items():
        assert text.endswith(DESCRIPTIONS[language].split("}", 1)[1]), (language, text)
    for keyword in catalog.objects(soroe, DCAT.keyword):
        assert isinstance(keyword, Literal) and str(keyword) in KEYWORDS[keyword.language or ""]
    assert {str(o)[-3:] for o in catalog.objects(soroe, DCTERMS.language)} == {"DAN", "ENG"}


# --- the catalog file (muniorg/dcat/from_yaml.py) ----------------------------------------------

CATALOG_FILE = """\
type: Catalog
title: {en: T}
description: {en: D}
publisher: {iri: "https://ex.org/pub", name: {en: P}}
contact: {name: C, email: c@ex.org}
issued: 2026-11-25
"""


def where(text: str, fragment: str) -> str:
    """``line:column`` of the first ``fragment`` in ``text``."""
    before = text[: text.index(fragment)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


#: (what the catalog file says instead, where the error is, what it says): each problem is
#: reported at the value it is about, with what is expected, never as a bare Python error.
WRONG_CATALOGS = {
    "contact-without-email": (
        ("{name: C, email: c@ex.org}", "{name: C}"),
        "{name: C}",
        "missing required key 'email' in the catalog's contact (it needs name, email)",
    ),
    "publisher-without-name": (
        ('{iri: "https://ex.org/pub", name: {en: P}}', '{iri: "https://ex.org/pub"}'),
        '{iri: "https://ex.org/pub"}',
        "missing required key 'name' in the catalog's publisher (it needs iri, name)",
    ),
    "catalog-without-issued": (
        ("issued: 2026-11-25\n", ""),
        "type",
        "missing required key 'issued' in Catalog",
    ),
    "unknown-publisher-type": (
        ("name: {en: P}}", "name: {en: P}, type: Municipality}"),
        "Municipality",
        "publisher.type: 'Municipality' is not an ADMS publisher type (one of LocalAuthority, "
        "RegionalAuthority, NationalAuthority, NonProfitOrganisation, Company)",
    ),
    "unknown-profile": (
        ("issued: 2026-11-25", "issued: 2026-11-25\nprofile: dcat-ap-2"),
        "dcat-ap-2",
        "profile: 'dcat-ap-2' is not a DCAT profile (one of dcat-ap-3, dcat-ap-no-2) "
        "(did you mean 'dcat-ap-3'?)",
    ),
    "bad-email": (
        ("c@ex.org", "not-an-email"),
        "not-an-email",
        "contact.email: 'not-an-email' is not an e-mail address",
    ),
    "modified-before-issued": (
        ("issued: 2026-11-25", "issued: 2026-11-25\nmodified: 2020-01-01"),
        "2020-01-01",
        "modified 2020-01-01 is before issued 2026-11-25",
    ),
    "issued-a-list": (
        ("2026-11-25", "[1]"),
        "[1]",
        "issued: expected a date (YYYY-MM-DD), got a list",
    ),
    "title-not-by-language": (
        ("title: {en: T}", "title: T"),
        "T\n",
        "title: expected texts by language, like {en: ..., da: ...}; got the text 'T'",
    ),
    "title-a-number": (
        ("title: {en: T}", "title: {en: 5}"),
        "5}",
        "title.en: expected a non-empty text, got the number 5",
    ),
    "title-not-a-language": (
        ("title: {en: T}", "title: {english: T}"),
        "english",
        "title: 'english' is not a language tag",
    ),
    "title-one-language-twice": (
        ("title: {en: T}", "title: {nb-NO: T, en: T, nb-no: U}"),
        "nb-no",
        "title: 'nb-NO' and 'nb-no' are one language (tags do not differ by case): keep one",
    ),
    "publisher-name-empty": (
        ("name: {en: P}", "name: {}"),
        "{}",
        "publisher.name: expected at least one language, got none",
    ),
    "contact-name-empty": (
        ("{name: C,", "{name: '',"),
        "'',",
        "contact.name: expected a non-empty text, got the text ''",
    ),
    "identifier-a-number": (
        ("name: {en: P}}", "name: {en: P}, identifier: 0939866914}"),
        "0939866914",
        "publisher.identifier: expected a non-empty text, got the number 939866914 (put numbers "
        'in quotes, e.g. "0188", so leading zeros are kept)',
    ),
    "catalog-iri-with-slash": (
        ("issued: 2026-11-25", "issued: 2026-11-25\niri: https://ex.org/catalog/"),
        "https://ex.org/catalog/",
        "iri: catalog IRI 'https://ex.org/catalog/': expected an http(s) IRI without '/' at "
        "the end",
    ),
    "themes-empty": (
        ("issued: 2026-11-25", "issued: 2026-11-25\nthemes: []"),
        "[]",
        "themes: expected at least one EU data theme",
    ),
    # Messages show what was written, never the reader's nodes (YamlNode(value=...)).
    "homepage-a-list": (
        ("issued: 2026-11-25", "issued: 2026-11-25\nhomepage: [https://ex.org/]"),
        "[https",
        "homepage: expected an IRI, got a list",
    ),
    "theme-a-mapping": (
        ("issued: 2026-11-25", "issued: 2026-11-25\nthemes: [{GOVE: 1}]"),
        "{GOVE",
        "themes: a mapping is not an EU data theme code (one of AGRI, ",
    ),
    # A text was read letter by letter: the codes G, O, V and E were published.
    "themes-a-text": (
        ("issued: 2026-11-25", "issued: 2026-11-25\nthemes: GOVE"),
        "GOVE",
        "themes: expected a list of EU data theme codes, like [GOVE, REGI]; got the text 'GOVE'",
    ),
}


@pytest.mark.parametrize(
    ("edit", "at", "message"), list(WRONG_CATALOGS.values()), ids=list(WRONG_CATALOGS)
)
def test_a_wrong_catalog_file_is_reported_at_its_value(
    tmp_path: Path, edit: tuple[str, str], at: str, message: str
) -> None:
    from muniorg.core.errors import AuthoringError
    from muniorg.dcat.from_yaml import catalog_config
    from muniorg.formats.yaml import load_yaml

    text = CATALOG_FILE.replace(*edit)
    assert text != CATALOG_FILE
    path = tmp_path / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthoringError) as raised:
        catalog_config(load_yaml(path), BASE)
    assert str(raised.value).startswith(f"{path}:{where(text, at)}: {message}"), str(raised.value)


def build_with_languages(tmp_path: Path, runner: Any, languages: str) -> tuple[Any, str]:
    """``muniorg build`` of Sorø with the catalog file giving ``languages``: the result, and
    the catalog file's text."""
    from muniorg.cli.app import cli

    src = tmp_path / "src"
    src.mkdir()
    examples = Path(__file__).resolve().parents[1] / "examples"
    (src / "soroe.yaml").write_bytes((examples / "municipalities" / "soroe.yaml").read_bytes())
    text = f"{CATALOG_FILE}languages: {languages}\n"
    (src / "catalog.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "dist"), "--no-cache"])
    return result, text


@pytest.mark.parametrize(
    ("languages", "at", "message"),
    [
        (
            "[XXX, dan, danish]",
            "dan",
            "languages: 'dan' is not an EU language code (three capital ",
        ),
        ("[NNO, dan]", "dan", "(did you mean 'DAN'?)"),
        ("[NNO, danish]", "danish", "(did you mean 'DAN'?)"),
        ("NNO", "NNO", "languages: expected a list of EU language codes, like [NNO, NOB]"),
    ],
)
def test_catalog_languages_are_codes_of_the_eu_table(
    tmp_path: Path, runner, languages: str, at: str, message: str
) -> None:
    """An unknown language code was published as an EU language IRI that does not exist."""
    result, text = build_with_languages(tmp_path, runner, languages)
    assert result.exit_code == 2, result.output
    assert f"catalog.yaml:{where(text, at)}: error: languages: " in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "dist").exists()


def test_a_language_code_muniorg_does_not_know_is_published_with_a_note(
    tmp_path: Path, runner
) -> None:
    """The EU table has hundreds of codes (Arabic, Ukrainian ...): one of its form that muniorg
    does not know is published, and the build says where to check it."""
    result, text = build_with_languages(tmp_path, runner, "[DAN, UKR]")
    assert result.exit_code == 0, result.output
    assert (
        f"catalog.yaml:{where(text, 'UKR')}: languages: 'UKR' is not among the EU language codes "
        "muniorg knows to be in the table: check that "
        "http://publications.europa.eu/resource/authority/language/UKR exists"
    ) in result.stderr, result.stderr
    catalog = (tmp_path / "dist" / "catalog.ttl").read_text(encoding="utf-8")
    assert "authority/language/UKR" in catalog
    # validate, which CI runs, says the same as an info at the code
    from muniorg.cli.app import cli

    result = runner.invoke(cli, ["validate", str(tmp_path / "src")])
    assert result.exit_code == 0, result.output
    assert (
        f"catalog.yaml:{where(text, 'UKR')}: info: languages: 'UKR' is not among the EU "
        "language codes muniorg knows"
    ) in result.stdout, result.stdout


def test_catalog_languages_name_eu_language_iris(tmp_path: Path) -> None:
    from muniorg.dcat.from_yaml import catalog_config
    from muniorg.formats.yaml import load_yaml

    path = tmp_path / "catalog.yaml"
    path.write_text(f"{CATALOG_FILE}languages: [NNO, NOB, SME]\n", encoding="utf-8")
    config = catalog_config(load_yaml(path), BASE)
    assert config.languages == (EU_LANGUAGE.NNO, EU_LANGUAGE.NOB, EU_LANGUAGE.SME)


def test_the_catalog_language_codes_are_documented() -> None:
    """docs/dcat.md lists exactly the language codes a catalog file may name."""
    import re

    from muniorg.dcat.from_yaml import EU_LANGUAGES

    text = (Path(__file__).resolve().parents[1] / "docs" / "dcat.md").read_text(encoding="utf-8")
    listed = text.split("`languages` are codes of the EU language table", 1)[1]
    listed = listed.split("Another code", 1)[0]
    assert re.findall(r"`([A-Z]{3})`", listed) == list(EU_LANGUAGES)
