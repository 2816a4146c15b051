"""Lists are published in an order of their own (#12): days of the week in calendar order, the
units, posts and goals of :data:`muniorg.model.walk.AUTHORED_ORDER` as authored, everything else
sorted; the same for the same input, and the graph is the same whatever the order."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from rdflib.compare import isomorphic

from muniorg.model.classes import Committee, Council, OpeningHours
from muniorg.model.walk import AUTHORED_ORDER, DAY_ORDER, canonical, graph_order, in_order_of
from muniorg.publish.render import publication
from muniorg.rdf.graph import from_graph, to_graph
from muniorg.rdf.jsonld import to_jsonld

ROOT = Path(__file__).resolve().parents[1]
SOROE = "https://w3id.org/muniorg/id/dk/340/"


def test_days_come_out_in_calendar_order() -> None:
    hours = OpeningHours(id="https://ex.org/h", days=["Sunday", "Friday", "Monday", "Thursday"])
    assert canonical(hours).days == ["Monday", "Thursday", "Friday", "Sunday"]
    assert from_graph(to_graph(hours), "https://ex.org/h", OpeningHours).days == [
        "Monday",
        "Thursday",
        "Friday",
        "Sunday",
    ]
    assert DAY_ORDER[:2] == ("Monday", "Tuesday") and DAY_ORDER[-1] == "PublicHolidays"


def test_authored_order_survives_publication() -> None:
    """The privacy filter reads the model back from the graph (which sorts by IRI); the
    published model has the committees in the order written."""
    council = Council(
        id="https://ex.org/c",
        name={"da": "Byråd"},
        committees=[Committee(id=f"https://ex.org/c/{key}", name={"da": key}) for key in "cab"],
    )
    assert ("Council", "committees") in AUTHORED_ORDER
    [published] = publication([council], [to_graph(council)])
    assert [c.id for c in published.roots[0].committees] == [
        "https://ex.org/c/c",
        "https://ex.org/c/a",
        "https://ex.org/c/b",
    ]
    assert graph_order(council).committees[0].id == "https://ex.org/c/a"
    assert isomorphic(to_graph(council), to_graph(graph_order(council)))
    again = in_order_of(published.roots[0], council)
    assert again is published.roots[0]  # already in order: nothing rebuilt
    assert to_jsonld(canonical(council)) == to_jsonld(published.roots[0])


def test_examples_publish_days_and_posts_in_order(examples_dist: Path) -> None:
    stord = json.loads((examples_dist / "stord.jsonld").read_text(encoding="utf-8"))
    [hours] = stord["contactPoints"][0]["openingHours"]
    assert hours["days"] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

    authored = yaml.safe_load(
        (ROOT / "examples" / "municipalities" / "soroe.yaml").read_text(encoding="utf-8")
    )
    written = [SOROE + post["id"] for post in authored["posts"]]
    assert written != sorted(written)  # the example would not show a sorted order
    soroe = json.loads((examples_dist / "soroe.jsonld").read_text(encoding="utf-8"))
    published = [post["id"] for post in soroe["posts"]]
    assert published == [iri for iri in written if iri in published]
    assert len(published) >= 5

    dataset = json.loads((examples_dist / "muniorg-dataset.jsonld").read_text(encoding="utf-8"))
    [flat] = [o for o in dataset["@graph"] if o["id"] == SOROE.rstrip("/")]
    assert [ref["id"] for ref in flat["posts"]] == published


def test_the_site_lists_posts_as_authored(examples_dist: Path) -> None:
    soroe = json.loads((examples_dist / "soroe.jsonld").read_text(encoding="utf-8"))
    names = [post["name"]["en"] for post in soroe["posts"]]
    page = (examples_dist / "soroe.en.html").read_text(encoding="utf-8")
    places = [page.find(">" + name) for name in names]
    assert -1 not in places and places == sorted(places), dict(zip(names, places, strict=True))
    assert names != sorted(names)  # alphabetical order would not pass
