"""A build publishes the ontology and the controlled lists beside the data (#12): every
``https://w3id.org/muniorg`` IRI the data uses is described there, with labels, and the catalog
lists them as data sets of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDFS, SKOS

from muniorg.formats.rdf import read_graph
from muniorg.publish.build import build

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MUNIORG_IRIS = ("https://w3id.org/muniorg#", "https://w3id.org/muniorg/vocab/")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vocabulary") / "dist"
    assert build([EXAMPLES], out).published
    return out


def _muniorg_terms(graph: Graph) -> set[URIRef]:
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(MUNIORG_IRIS)
    }


def test_every_muniorg_iri_of_the_data_is_described_with_labels(dist: Path) -> None:
    data = read_graph(dist / "muniorg-dataset.nt")
    described = read_graph(dist / "ontology.nt") + read_graph(dist / "vocabularies.nt")
    used = _muniorg_terms(data)
    assert len(used) > 50
    unlabelled = sorted(
        str(term)
        for term in used
        if not any(described.objects(term, RDFS.label))
        and not any(described.objects(term, SKOS.prefLabel))
    )
    assert unlabelled == []
    # labels in the languages the data speaks, not only English
    label_languages = {
        label.language
        for term in used
        for label in [
            *described.objects(term, RDFS.label),
            *described.objects(term, SKOS.prefLabel),
        ]
    }
    assert {"en", "da", "sv", "nb", "nn"} <= label_languages


@pytest.mark.parametrize("slug", ["ontology", "vocabularies"])
def test_the_three_formats_say_the_same(dist: Path, slug: str) -> None:
    from rdflib.compare import isomorphic

    graphs = [read_graph(dist / f"{slug}{ext}") for ext in (".ttl", ".jsonld", ".nt")]
    assert len(graphs[0]) > 500
    assert isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])


def test_the_catalog_lists_the_ontology_and_the_code_lists(dist: Path) -> None:
    catalog = read_graph(dist / "catalog.ttl")
    for slug in ("ontology", "vocabularies"):
        [dataset] = [
            d
            for d in catalog.subjects(DCAT.distribution, None, unique=True)
            if str(d).endswith(f"/{slug}")
        ]
        urls = {
            str(url)
            for distribution in catalog.objects(dataset, DCAT.distribution)
            for url in catalog.objects(distribution, DCAT.downloadURL)
        }
        assert {url.rsplit("/", 1)[1] for url in urls} == {
            f"{slug}.ttl",
            f"{slug}.jsonld",
            f"{slug}.nt",
        }
        titles = {t.language for t in catalog.objects(dataset, DCTERMS.title)}
        assert {"en", "da", "sv", "nb", "nn", "fi", "is"} <= titles


def test_a_document_may_not_take_their_names(tmp_path: Path) -> None:
    from muniorg.core.errors import AuthoringError

    src = tmp_path / "src"
    src.mkdir()
    (src / "o.yaml").write_text(
        "type: Municipality\nid: ontology\nname: {da: X}\ncountry: DNK\n", encoding="utf-8"
    )
    with pytest.raises(AuthoringError, match="the id 'ontology' is reserved"):
        build([src], tmp_path / "out")
