"""The static site a build writes: pages per document and language, index, escaping.

What a browser makes of the pages (console, rendering, the language switch) is tested in
tests/test_browser.py; here the HTML is read as text and with the standard library's parsers.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLE_PAGES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from muniorg.formats.jsonld import jsonld_to_graph
from muniorg.model.classes import Municipality
from muniorg.publish.build import build
from muniorg.rdf.document import SourceDocument
from muniorg.rdf.jsonld import to_jsonld
from muniorg.site.pages import write_site

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PAGES = EXAMPLE_PAGES


class Page(HTMLParser):
    """The parts of a page the tests look at: elements by tag, script bodies, the html lang."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]

    def jsonld(self, script_id: str = "jsonld") -> object:
        bodies = [
            b
            for a, b in self.scripts
            if a.get("type") == "application/ld+json" and a.get("id") == script_id
        ]
        assert len(bodies) == 1
        return json.loads(bodies[0])


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def test_a_page_per_document_and_language(examples_dist: Path) -> None:
    pages = sorted(p.name for p in examples_dist.glob("*.html"))
    expected = sorted(
        ["index.html"] + [f"{slug}.{lang}.html" for slug, langs in PAGES.items() for lang in langs]
    )
    assert pages == expected
    manifest = json.loads((examples_dist / ".muniorg-manifest.json").read_text(encoding="utf-8"))
    assert set(expected) | {"site.css", "site.js", "site.json"} <= set(manifest["files"])
    listed = json.loads((examples_dist / "site.json").read_text(encoding="utf-8"))
    assert listed == {"pages": PAGES}


@pytest.mark.parametrize(("slug", "langs"), sorted(PAGES.items()))
def test_each_page_is_in_its_language_and_links_the_others(
    examples_dist: Path, slug: str, langs: list[str]
) -> None:
    for lang in langs:
        page = read(examples_dist / f"{slug}.{lang}.html")
        assert page.find("html") == [{"lang": lang}]
        others = {a["hreflang"]: a["href"] for a in page.find("a") if a.get("hreflang")}
        assert others == {o: f"{slug}.{o}.html" for o in langs if o != lang}
        hrefs = {a.get("href") for a in page.find("a")}
        assert "None" not in hrefs and None not in hrefs  # every link has a target
        assert {f"{slug}.jsonld", f"{slug}.ttl", f"{slug}.nt", "catalog.ttl", "index.html"} <= hrefs


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_the_embedded_jsonld_is_the_documents_graph(examples_dist: Path, slug: str) -> None:
    document = jsonld_to_graph(
        json.loads((examples_dist / f"{slug}.jsonld").read_text(encoding="utf-8"))
    )
    for lang in PAGES[slug]:
        embedded = read(examples_dist / f"{slug}.{lang}.html").jsonld()
        assert isinstance(embedded, dict) and isinstance(embedded["@context"], dict)  # inlined
        graph = jsonld_to_graph(embedded)
        assert len(graph) > 50
        assert isomorphic(graph, document)


def test_the_municipality_page_shows_what_the_data_says(examples_dist: Path) -> None:
    text = (examples_dist / "soroe.da.html").read_text(encoding="utf-8")
    for fact in [
        "Sorø Kommune",
        "Byrådet",
        "<strong>25</strong> pladser",
        "borgmester: Gert Jørgensen",
        "troværdighed",
        "Vision og Planstrategi 2022",
        "Verdensmål 13",
        "29189994",  # the CVR number
        "https://www.soroe.dk/",
    ]:
        assert fact in text, fact
    english = (examples_dist / "soroe.en.html").read_text(encoding="utf-8")
    assert "<strong>25</strong> seats" in english and "SDG 13" in english
    # Values the data has only in Danish are marked as Danish on the English page.
    assert '<span lang="da">Ledelsesgrundlag</span>' not in english  # it has an English name
    programme = (examples_dist / "saman-om-ein-betre-kommune.nn.html").read_text(encoding="utf-8")
    assert '<a href="stord.nn.html">Stord kommune</a>' in programme  # participant, own page
    stord = (examples_dist / "stord.nn.html").read_text(encoding="utf-8")
    assert 'href="saman-om-ein-betre-kommune.nn.html"' in stord  # and back


def test_pages_named_by_their_address_are_linked(examples_dist: Path, tmp_path: Path) -> None:
    """A homepage, contact page or source given as ``id: https://...`` (docs/authoring.md: a
    page is identified by its address) is a link on the page; they were shown only when they
    had a separate ``url``, so no example's web site was linked. An IRI muniorg minted (a
    document with a local id and no url) names data, not a page, and is not linked."""
    soroe = (examples_dist / "soroe.da.html").read_text(encoding="utf-8")
    assert '<a href="https://www.soroe.dk/">https://www.soroe.dk/</a>' in soroe  # contact page
    stord = (examples_dist / "stord.nn.html").read_text(encoding="utf-8")
    assert '<a href="https://www.stord.kommune.no/">' in stord  # homepage
    src = tmp_path / "src"
    src.mkdir()
    (src / "pargas.yaml").write_text(
        "type: Municipality\nid: pargas\ncountry: FIN\nname: {fi: Parainen, sv: Pargas}\n"
        "identifiers: [{scheme: fi-kuntanumero, notation: '445'}]\n"
        "homepage: {id: 'https://www.parainen.fi/'}\n"
        "contactPoints: [{contactPage: {id: 'https://www.parainen.fi/yhteystiedot'}}]\n"
        "documents:\n"
        "  - {id: 'https://www.parainen.fi/paatoksenteko', title: {fi: Päätöksenteko}}\n"
        "  - {id: rekisteri, title: {fi: Rekisteriote}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    assert build([src], out, allow_invalid=True).published
    page = read(out / "pargas.fi.html")
    links = {a.get("href") for a in page.find("a")}
    for address in [
        "https://www.parainen.fi/",
        "https://www.parainen.fi/yhteystiedot",
        "https://www.parainen.fi/paatoksenteko",
    ]:
        assert address in links, address
    assert not any("rekisteri" in str(href) for href in links)  # a minted IRI is no page
    assert "<li>Rekisteriote</li>" in (out / "pargas.fi.html").read_text(encoding="utf-8")


def test_a_post_without_a_name_is_shown_by_its_role(tmp_path: Path) -> None:
    """A name is only recommended: a mayor without one showed as ': Anna' in the council's list
    and as 'mayor' (the code) in the chart; both show the role's label in the page's language."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.yaml").write_text(
        "type: Municipality\nid: x\ncountry: DNK\nname: {da: X Kommune}\n"
        "identifiers: [{scheme: dk-kommunekode, notation: '340'}]\n"
        "council: {name: {da: Byrådet}, committees: [{name: {da: Udvalg}, posts: "
        "[{role: committee-chair, heldBy: [anna]}]}]}\n"
        "posts: [{role: mayor, heldBy: [anna]}, {role: municipal-director, heldBy: [bo]}]\n"
        "departments: [{name: {da: Center}, kind: department, posts: "
        "[{role: head-of-department, heldBy: [bo]}]}]\n"
        "people: [{id: anna, name: Anna Andersen}, {id: bo, name: Bo Berg}]\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    assert build([src], out, allow_invalid=True).published
    text = (out / "x.da.html").read_text(encoding="utf-8")
    assert "<li>: " not in text
    assert "<li>borgmester: Anna Andersen</li>" in text
    assert "<li>udvalgsformand: Anna Andersen</li>" in text
    svg = re.search(r"<svg .*?</svg>", text, re.S)
    assert svg is not None
    chart = " ".join(t.text or "" for t in ET.fromstring(svg.group()).iter() if t.text)
    assert "kommunaldirektør" in chart and "municipal-director" not in chart
    assert "afdelingschef: Bo Berg" in chart


def test_addresses_are_shown_line_by_line_as_given(tmp_path: Path) -> None:
    """A P.O. box alone left an empty street line; a site's address written in parts (street,
    number, post code) was not shown at all, only a full address was."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.yaml").write_text(
        "type: Municipality\nid: x\ncountry: FIN\nname: {fi: Parainen}\n"
        "identifiers: [{scheme: fi-kuntanumero, notation: '445'}]\n"
        "postalAddress: {poBox: PL 18, postCode: '21601', postName: {fi: Parainen}}\n"
        "sites:\n  - name: {fi: Kaupungintalo}\n    address: {thoroughfare: {fi: Rantatie}, "
        "locatorDesignator: '28', postCode: '21600', postName: {fi: Parainen}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    assert build([src], out, allow_invalid=True).published
    text = (out / "x.fi.html").read_text(encoding="utf-8")
    assert "<br>PL 18<br>21601 Parainen</p>" in text
    assert "<strong>Kaupungintalo</strong><br>Rantatie 28<br>21600 Parainen</p>" in text


def test_the_org_chart_is_svg_drawn_from_the_posts(examples_dist: Path) -> None:
    text = (examples_dist / "soroe.da.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg .*?</svg>", text, re.S)
    assert svg is not None
    root = ET.fromstring(svg.group())  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    boxes = [" ".join(t.itertext()).split() for t in root.iter(f"{ns}text")]
    words = [" ".join(b) for b in boxes]
    assert words[0] == "Sorø Kommune"
    assert "kommunaldirektør Søren S. Kjær" in words
    assert "fag- og stabscenterchef × 7" in words
    assert len(list(root.iter(f"{ns}line"))) >= len(words) - 1
    # ... and the same boxes as text under it, for readers that do not see the picture
    listed = text[text.index('<details class="chart-text">') : text.index("</details>")]
    assert "<li><strong>kommunaldirektør</strong>: Søren S. Kjær</li>" in listed
    assert listed.count("<li") == len(words) - 1  # every box but the municipality's own


def test_the_index_lists_everything_with_its_country(examples_dist: Path) -> None:
    page = read(examples_dist / "index.html")
    items = page.find("li", **{"data-kind": "municipality"})
    assert sorted(str(i["data-country"]) for i in items) == ["DNK", "DNK", "NOR", "SWE"]
    assert [a["value"] for a in page.find("option")] == ["", "DNK", "NOR", "SWE"]
    links = {a["href"] for a in page.find("a")}
    assert {"soroe.da.html", "stord.nn.html", "saman-om-ein-betre-kommune.nn.html"} <= links
    assert page.find("script") == [{"src": "site.js", "defer": None}]  # local, nothing fetched
    assert not any(
        str(v).startswith(("http:", "https:", "//"))
        for _, attrs in page.tags
        for k, v in attrs.items()
        if k in ("src",) or (k == "href" and _ == "link")
    )


def test_the_index_search_finds_every_name_of_an_entry(tmp_path: Path) -> None:
    """The index shows one name (Karasjok); its search looked at that name only, so the Sámi
    name Kárášjohka or another name found nothing. A build from the cache lists the same."""
    from muniorg.publish.build import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "k.yaml").write_text(
        "type: Municipality\nid: karasjok\ncountry: NOR\n"
        "name: {nb: Karasjok, se: Kárášjohka, en: Karasjok}\n"
        "altName: {nb: [Karasjok kommune], se: [Kárášjoga gielda]}\n",
        encoding="utf-8",
    )
    pages = []
    for out in ("fresh", "cached"):
        build([src], tmp_path / out, cache_dir=tmp_path / "cache")
        pages.append((tmp_path / out / "index.html").read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    [item] = Page(pages[0]).find("li", **{"data-kind": "municipality"})
    assert item["data-names"] == "Kárášjohka | Karasjok kommune | Kárášjoga gielda"


HOSTILE = "<script>alert('x')</script> \"quoted\" & 'single' </script><!--"


def test_hostile_text_never_becomes_markup(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "evil.yaml").write_text(
        "type: Municipality\nid: evil\ncountry: DNK\n"
        f"name: {{da: {json.dumps(HOSTILE)}, en: {json.dumps(HOSTILE)}}}\n"
        f"description: {{da: {json.dumps(HOSTILE)}}}\n"
        f"motto: {{da: {json.dumps('</script><script>alert(1)</script>')}}}\n"
        "posts:\n"
        f"  - {{id: boss, name: {{da: {json.dumps(HOSTILE)}}}, role: [municipal-director]}}\n"
        "homepage: {url: 'https://example.org/?a=1&b=2'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    result = build([src], out, allow_invalid=True)
    assert result.published, result.report
    for name in ["evil.da.html", "evil.en.html", "index.html"]:
        text = (out / name).read_text(encoding="utf-8")
        page = Page(text)
        assert "alert" not in "".join(b for _, b in page.scripts if b and "ld+json" not in str(_))
        assert [a.get("type") or a.get("src") for a, _ in page.scripts] in (
            ["application/ld+json", "application/ld+json"],
            ["site.js"],
        )
        assert "<script>alert" not in text and "<!--" not in text
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in text
    page = read(out / "evil.da.html")
    embedded = page.jsonld()
    assert isinstance(embedded, dict) and embedded["name"]["da"] == HOSTILE  # the same text
    summary = page.jsonld("schema-org")
    assert isinstance(summary, dict)
    assert {"@value": HOSTILE, "@language": "da"} in summary["name"]  # the same text
    raw = (out / "evil.da.html").read_text(encoding="utf-8")
    for start in [m.start() for m in re.finditer('<script type="application/ld[+]json"', raw)]:
        body = raw[start : raw.index("</script>", start)]
        assert "<" not in body.split(">", 1)[1]  # nothing in the JSON-LD can close the script
    assert 'href="https://example.org/?a=1&amp;b=2"' in raw
    svg = re.search(r"<svg .*?</svg>", raw, re.S)
    assert svg is not None
    ET.fromstring(svg.group())  # still well-formed, the text escaped


def test_links_from_the_data_are_only_web_mail_and_phone() -> None:
    from muniorg.site.pages import BuildIndex, PageHelpers

    helpers = PageHelpers("en", ["en"], BuildIndex({}, {}, {}))
    assert helpers.url("https://x.dk/") == "https://x.dk/"
    assert helpers.url("mailto:post@x.dk") == "mailto:post@x.dk"
    for bad in ["javascript:alert(1)", "data:text/html,<b>", "JaVaScRiPt:x", "//x.dk", "x y"]:
        assert helpers.url(bad) is None, bad


def test_a_telephone_link_leaves_out_the_bracketed_trunk_prefix() -> None:
    """``+358 (0)2 458 5600`` is dialled +358 2 458 5600: a link with the 0 calls nobody."""
    from muniorg.site.pages import PageHelpers

    assert PageHelpers.tel("+358 (0)2 458 5600") == "tel:+35824585600"
    assert PageHelpers.tel("+46 ( 0 )8 123 45") == "tel:+46812345"
    assert PageHelpers.tel("02 458 5600") == "tel:024585600"  # national: the 0 is dialled
    assert PageHelpers.tel("(0)2 458 5600") == "tel:024585600"


def test_a_telephone_number_with_words_is_not_linked() -> None:
    """Its digits run together call another number: 'ext. 5' made tel:01923115."""
    from muniorg.site.pages import PageHelpers

    for written in ["019 2311 ext. 5", "puh. 019 2311", "53 49 66 00 (sentralbord)"]:
        assert PageHelpers.tel(written) is None, written
    assert PageHelpers.tel("+45 57-87-60-00") == "tel:+4557876000"
    assert PageHelpers.tel("0176/123 45") == "tel:017612345"


# Any text at all: what the page shows is the text, and the embedded JSON-LD holds it exactly.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"), max_size=80
).filter(lambda t: t.strip() == t and t != "")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=TEXT, motto=TEXT)
def test_any_text_is_shown_as_text(tmp_path: Path, name: str, motto: str) -> None:
    root = Municipality(
        id="https://example.org/m", name={"da": name}, motto={"da": motto}, country="DNK"
    )
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis runs an example more than once
    (folder / "m.jsonld").write_text(json.dumps(to_jsonld(root)), encoding="utf-8")
    write_site(folder, [SourceDocument(Path("m.yaml"), "m", root)], catalog=False)
    page = read(folder / "m.da.html")
    assert [a for a, _ in page.scripts] == [
        {"type": "application/ld+json", "id": "jsonld"},
        {"type": "application/ld+json", "id": "schema-org"},
    ]
    embedded = page.jsonld()
    assert isinstance(embedded, dict) and embedded["name"]["da"] == name
    assert embedded["motto"]["da"] == motto
    h1 = re.search(r"<h1>(.*?)</h1>", (folder / "m.da.html").read_text(encoding="utf-8"), re.S)
    assert h1 is not None and html.unescape(h1.group(1)) == name


def test_headings_without_a_translation_are_marked_english(tmp_path: Path) -> None:
    """A Finnish page gets the site's English words, each marked lang="en"."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "fi.yaml").write_text(
        "type: Municipality\nid: aanekoski\ncountry: FIN\n"
        "name: {fi: Äänekoski, en: Äänekoski Municipality}\n"
        "identifiers:\n  - {scheme: fi-kuntanumero, notation: '992'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    assert build([src], out, allow_invalid=True).published
    finnish = (out / "aanekoski.fi.html").read_text(encoding="utf-8")
    assert '<html lang="fi">' in finnish
    assert '<h2><span lang="en">Identifiers</span></h2>' in finnish
    assert 'aria-label="Other languages"' in finnish  # attributes get the plain word
    english = (out / "aanekoski.en.html").read_text(encoding="utf-8")
    assert "<h2>Identifiers</h2>" in english


def test_code_labels_are_shown_in_the_pages_language(tmp_path: Path) -> None:
    """Finnish, Icelandic and Northern Sámi pages show the labels of the controlled lists
    (identifier schemes, measures) in their own language, not the English ones."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "fi.yaml").write_text(
        "type: Municipality\nid: aanekoski\ncountry: FIN\n"
        "name: {fi: Äänekoski, sv: Äänekoski}\n"
        "identifiers:\n  - {scheme: fi-kuntanumero, notation: '992'}\n"
        "keyFigures:\n  - {measure: population, value: 18500, date: '2024'}\n",
        encoding="utf-8",
    )
    (src / "is.yaml").write_text(
        "type: Municipality\nid: akranes\ncountry: ISL\nname: {is: Akraneskaupstaður}\n"
        "identifiers:\n  - {scheme: is-sveitarfelagsnumer, notation: '3000'}\n"
        "keyFigures:\n  - {measure: population, value: 8000, date: '2024'}\n",
        encoding="utf-8",
    )
    (src / "no.yaml").write_text(
        "type: Municipality\nid: kaafjord\ncountry: NOR\n"
        "name: {nb: Kåfjord kommune, se: Gáivuona suohkan}\n"
        "identifiers:\n  - {scheme: no-kommunenummer, notation: '5540'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    assert build([src], out, allow_invalid=True).published
    finnish = (out / "aanekoski.fi.html").read_text(encoding="utf-8")
    assert "<dt>kuntanumero</dt>" in finnish
    assert '<span class="muted">(väkiluku)</span>' in finnish
    assert "population" not in finnish.split("</script>")[-1]
    swedish = (out / "aanekoski.sv.html").read_text(encoding="utf-8")
    assert "<dt>finländskt kommunnummer</dt>" in swedish and "(folkmängd)" in swedish
    icelandic = (out / "akranes.is.html").read_text(encoding="utf-8")
    assert "<dt>sveitarfélagsnúmer</dt>" in icelandic and "(íbúafjöldi)" in icelandic
    sami = (out / "kaafjord.se.html").read_text(encoding="utf-8")
    assert "<dt>suohkannummir</dt>" in sami


@pytest.mark.parametrize(
    ("slug", "lang", "kind"),
    [("stord", "nn", "GovernmentOrganization"), ("saman-om-ein-betre-kommune", "nn", "Project")],
)
def test_each_page_tells_search_engines_in_schema_org_terms(
    examples_dist: Path, slug: str, lang: str, kind: str
) -> None:
    """Beside muniorg's JSON-LD, a schema.org summary: a reader that knows only schema.org
    (a search engine) finds the type, the names in every language and the web site."""
    document = json.loads((examples_dist / f"{slug}.jsonld").read_text(encoding="utf-8"))
    summary = read(examples_dist / f"{slug}.{lang}.html").jsonld("schema-org")
    assert isinstance(summary, dict)
    assert summary["@context"] == "https://schema.org" and summary["@type"] == kind
    assert summary["@id"] == document["id"]
    names = document.get("name") or document.get("title")
    assert {n["@language"]: n["@value"] for n in summary["name"]} == names
    if "homepage" in document:
        assert summary["url"] == document["homepage"]["id"]
    if kind == "GovernmentOrganization":
        assert {"@type": "PropertyValue", "propertyID": "no-kommunenummer", "value": "4614"} in (
            summary["identifier"]
        )


def test_the_embedded_json_ld_is_script_json_of_the_document_with_the_context_inlined() -> None:
    """_embedded_jsonld writes the context's text once per process and joins the parts: the
    text of script_json over the whole object, with and without other keys."""
    from muniorg.core.resources import CONTEXT_IRI
    from muniorg.site.pages import _context_object, _embedded_jsonld, script_json

    for data in (
        {"@context": CONTEXT_IRI, "id": "https://ex.org/<a>&", "name": {"da": "Æ\u2028"}},
        {"@context": CONTEXT_IRI},
        {"@context": "https://ex.org/other", "id": "x"},
    ):
        inlined = dict(data)
        if data["@context"] == CONTEXT_IRI:
            inlined = {
                "@context": _context_object(),
                **{k: v for k, v in data.items() if k != "@context"},
            }
        assert str(_embedded_jsonld(data)) == str(script_json(inlined))


def test_txt_writes_what_the_jinja_macro_it_replaces_wrote() -> None:
    """pages.txt is the templates' former ``txt`` macro in Python: the same text, escaped
    alike, for a text in the page's language, in another, in none, and for no text."""
    import jinja2

    from muniorg.site.pages import Text, txt

    macro = (
        jinja2.Environment(autoescape=True)
        .from_string(
            "{% macro txt(x, page_lang) -%}\n"
            '{% if x %}{% if x.lang and x.lang != page_lang %}<span lang="{{ x.lang }}">'
            "{{ x.value }}</span>{% else %}{{ x.value }}{% endif %}{% endif %}\n"
            "{%- endmacro %}"
        )
        .module.txt
    )  # type: ignore[attr-defined]
    for text in (
        None,
        Text("Sorø", "da"),
        Text("Sorø", "en"),
        Text('<b a="1">&\'', "nb"),
        Text("<i>", ""),
        Text("", "da"),
        Text("x", '"><script>'),
    ):
        assert str(txt(text, "en")) == str(macro(text, "en")), text


def test_chart_svg_writes_what_the_template_it_replaces_wrote(generated_dist: Path) -> None:
    """pages.chart_svg is the former ``chart.svg.j2`` in Python: the same text for the charts
    of generated municipalities and for one with markup characters in every text."""
    import jinja2

    from muniorg.authoring.load import load_paths
    from muniorg.model.classes import Municipality
    from muniorg.site.orgchart import Chart, PlacedBox
    from muniorg.site.pages import BuildIndex, PageHelpers, chart_svg, org_chart

    template = jinja2.Environment(
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
    ).from_string(_CHART_TEMPLATE)
    charts = [
        Chart(
            boxes=[
                PlacedBox(0, 0, 90, 40, ("<b>", "a & b", '"q"'), 2, depth=1),
                PlacedBox(5, 60, 90, 40, (), 0),
            ],
            lines=[(1, 2, 3, 4)],
            width=95,
            height=100,
        ),
        Chart(),
    ]
    roots = [
        d.root
        for d in load_paths(sorted((generated_dist.parent / "src").rglob("*.yaml"))[:8]).documents
    ]
    index = BuildIndex({}, {}, {})
    for root in roots:
        if isinstance(root, Municipality):
            chart = org_chart(root, PageHelpers("en", ["en"], index))
            if chart is not None:
                charts.append(chart)
    assert len(charts) > 4
    for chart in charts:
        for title in ("Organisation <chart> & co", ""):
            expected = template.render(chart=chart, title=title)
            assert str(chart_svg(chart, title)) + "\n" == expected


_CHART_TEMPLATE = """\
{# The organisation chart: lines first (behind), then boxes with their text. #}
<svg xmlns="http://www.w3.org/2000/svg" class="orgchart" role="img" aria-labelledby="chart-title" \
viewBox="-1 -1 {{ chart.width + 2 }} {{ chart.height + 2 }}" width="{{ chart.width + 2 }}" \
height="{{ chart.height + 2 }}">
<title id="chart-title">{{ title }}</title>
<g class="links">
{% for x1, y1, x2, y2 in chart.lines %}
<line x1="{{ x1 }}" y1="{{ y1 }}" x2="{{ x2 }}" y2="{{ y2 }}"/>
{% endfor %}
</g>
{% for b in chart.boxes %}
<g class="box depth-{{ b.depth }}">
<rect x="{{ b.x }}" y="{{ b.y }}" width="{{ b.width }}" height="{{ b.height }}" rx="4"/>
<text x="{{ b.x + 10 }}" y="{{ b.y + 22 }}">
{% for line in b.lines %}
<tspan x="{{ b.x + 10 }}" dy="{{ 0 if loop.first else 16 }}"{% if loop.index <= b.bold %} \
class="title"{% endif %}>{{ line }}</tspan>
{% endfor %}
</text>
</g>
{% endfor %}
</svg>
"""
