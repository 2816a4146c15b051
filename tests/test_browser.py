"""The site in a real browser: headless Chromium (the Debian package) driven by Playwright.

Every page of the bundled examples' build is loaded from the file system (offline: nothing may
be fetched): no console message of level error or warning and no script error; the org chart
and the language menu are rendered and visible; following a language link opens the page in
that language; the JSON-LD the browser reads from the page is the graph of the ``.jsonld``
file; the index's search and country filter work, and without JavaScript everything shows;
axe-core (from npm) finds no serious or critical accessibility violation.

The tests skip, with one reason, only when Chromium (or, for the accessibility test, axe-core)
is not installed; ``.ci/run`` installs both.
With ``MUNIORG_SCREENSHOTS=DIR`` they also save a screenshot of one page per language into DIR
(docs/screenshots holds those of the examples).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib.compare import isomorphic

from muniorg.formats.jsonld import jsonld_to_graph

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
#: One page per language, for the screenshots.
SCREENSHOTS = {
    "da": "soroe.da.html",
    "en": "soroe.en.html",
    "sv": "norrtaelje.sv.html",
    "nn": "stord.nn.html",
    "nb": "saman-om-ein-betre-kommune.nb.html",
}


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does it)")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield instance
        finally:
            instance.close()


class Visit:
    """A page opened in a fresh context, with every console message, script error and request
    that left the folder recorded."""

    def __init__(self, browser: Any, url: str, *, javascript: bool = True) -> None:
        self.context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1000, "height": 1400}
        )
        self.messages: list[str] = []
        self.outside: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.messages.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        self.page.on("request", self._request)
        self.page.goto(url)

    def _request(self, request: Any) -> None:
        if not request.url.startswith("file://"):
            self.outside.append(request.url)

    def problems(self) -> list[str]:
        return [m for m in self.messages if m.split(":", 1)[0] in ("error", "warning", "pageerror")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(path: Path, *, javascript: bool = True) -> Visit:
        page = Visit(browser, path.as_uri(), javascript=javascript)
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        page.close()


def pages(examples_dist: Path) -> list[Path]:
    return sorted(examples_dist.glob("*.html"))


def test_every_page_loads_without_errors_or_requests_elsewhere(
    examples_dist: Path, visit: Any
) -> None:
    found = pages(examples_dist)
    assert len(found) == 12
    for path in found:
        page = visit(path)
        assert page.problems() == [], path.name
        assert page.outside == [], path.name  # offline: nothing fetched from elsewhere
        assert page.page.locator("h1").is_visible(), path.name


@pytest.mark.parametrize("name", ["soroe.da.html", "soroe.en.html", "stord.nn.html"])
def test_the_org_chart_renders(examples_dist: Path, visit: Any, name: str) -> None:
    page = visit(examples_dist / name).page
    chart = page.locator("svg.orgchart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 150 and box["height"] > 100
    titles = page.locator("svg.orgchart tspan.title").all_text_contents()
    assert len(titles) >= 3
    # Text fits its box: every line of text lies inside the rectangle drawn behind it.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('svg.orgchart g.box')].filter(g => {
            const r = g.querySelector('rect').getBBox(), t = g.querySelector('text').getBBox();
            return t.x < r.x || t.x + t.width > r.x + r.width + 0.5 || t.y + t.height > r.y + r.height;
        }).map(g => g.textContent.trim())"""
    )
    assert overflow == []


def test_the_language_switch_renders_and_works(examples_dist: Path, visit: Any) -> None:
    page = visit(examples_dist / "soroe.da.html").page
    menu = page.locator("nav.languages")
    assert menu.is_visible()
    assert page.locator("nav.languages [aria-current=page]").text_content() == "Dansk"
    page.locator("nav.languages a[hreflang=en]").click()
    page.wait_for_url("**/soroe.en.html")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("nav.languages a[hreflang=da]").is_visible()
    programme = visit(examples_dist / "saman-om-ein-betre-kommune.nn.html").page
    links = programme.locator("nav.languages a").evaluate_all("a => a.map(x => x.hreflang)")
    assert links == ["en", "nb"]


@pytest.mark.parametrize(
    "slug", ["glostrup", "norrtaelje", "saman-om-ein-betre-kommune", "soroe", "stord"]
)
def test_the_embedded_jsonld_parses_and_is_the_documents_graph(
    examples_dist: Path, visit: Any, slug: str
) -> None:
    path = sorted(examples_dist.glob(f"{slug}.*.html"))[0]
    page = visit(path).page
    text = page.evaluate(
        "JSON.stringify(JSON.parse("
        "document.querySelector('script[type=\"application/ld+json\"]').textContent))"
    )
    embedded = jsonld_to_graph(json.loads(text))
    document = jsonld_to_graph(
        json.loads((examples_dist / f"{slug}.jsonld").read_text(encoding="utf-8"))
    )
    assert len(embedded) > 50 and isomorphic(embedded, document)


def test_the_index_filters_by_country_and_search(examples_dist: Path, visit: Any) -> None:
    page = visit(examples_dist / "index.html").page
    visible = "#entries > li:visible"
    assert page.locator(visible).count() == 5
    page.select_option("#country", "NOR")
    assert page.locator(visible).all_text_contents() == ["Stord kommune NOR"]
    page.select_option("#country", "")
    page.fill("#search", "norrtalje")  # accents folded: "Norrtälje"
    assert page.locator(visible).count() == 1
    assert page.locator("#count").text_content() == "1 / 5 shown"
    # a letter that does not decompose, typed without it: ø as o
    page.fill("#search", "soro kommune")
    assert page.locator(visible).all_text_contents() == ["Sorø Kommune DNK"]
    # a name in another language than the one shown: "Glostrup Kommune" is listed
    page.fill("#search", "glostrup municipality")
    assert page.locator(visible).all_text_contents() == ["Glostrup Kommune DNK"]


def test_without_javascript_everything_shows(examples_dist: Path, visit: Any) -> None:
    index = visit(examples_dist / "index.html", javascript=False)
    assert index.page.locator("#entries > li:visible").count() == 5
    assert not index.page.locator("form.filters").is_visible()  # no controls that do nothing
    soroe = visit(examples_dist / "soroe.da.html", javascript=False)
    assert soroe.page.locator("svg.orgchart").is_visible()
    assert soroe.problems() == []


def axe_core() -> Path | None:
    """axe-core's script from npm: ``MUNIORG_AXE_CORE``, or node_modules in the clone."""
    named = os.environ.get("MUNIORG_AXE_CORE")
    path = Path(named) if named else ROOT / "node_modules" / "axe-core" / "axe.min.js"
    return path if path.is_file() else None


def serious_violations(page: Any, script: Path) -> list[str]:
    """What axe-core finds of impact serious or critical on ``page``."""
    page.add_script_tag(path=str(script))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violation(examples_dist: Path, visit: Any) -> None:
    script = axe_core()
    if script is None:
        pytest.skip("axe-core is not installed (npm install --no-save axe-core; .ci/run does it)")
    for path in pages(examples_dist):
        assert serious_violations(visit(path).page, script) == [], path.name
    # The check finds what it should: a button without a name is a critical violation.
    page = visit(examples_dist / "index.html").page
    page.evaluate("document.querySelector('main').append(document.createElement('button'))")
    assert any(v.startswith("button-name") for v in serious_violations(page, script))


def test_screenshots(examples_dist: Path, visit: Any) -> None:
    """Screenshots of one page per language, when ``MUNIORG_SCREENSHOTS`` names a folder."""
    folder = os.environ.get("MUNIORG_SCREENSHOTS")
    for lang, name in SCREENSHOTS.items():
        page = visit(examples_dist / name).page
        assert page.evaluate("document.documentElement.lang") == lang
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"site-{lang}.png"))
