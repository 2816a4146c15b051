"""The static site: one HTML page per document and language, and an index, beside the data.

A build writes, next to each document's ``{id}.jsonld``, ``.ttl`` and ``.nt``:

- ``{id}.{lang}.html`` for every language the document's name is given in, the first in the
  document's own language (the country's: Danish for Denmark ...); each links the others;
- ``index.html``: every municipality and programme, with a search box and a country filter
  that work offline (a small script, ``site.js``; without it the full list shows);
- ``site.css``, ``site.js``; ``site.json`` lists the pages (document id -> languages, its own
  first) for programs such as ``muniorg serve``.

Pages show what the data says — council and committees with seats and chairs, the
administration as an organisation chart (:mod:`muniorg.site.orgchart`, an inline SVG, readable
without script), values and foundations, strategies with goals and SDGs, initiatives, programmes
and participants, identifiers, contact and addresses, sources — and embed the document's JSON-LD
(``<script type="application/ld+json">``, with the context inlined so that it reads without a
network) so that search engines and harvesters see the same facts; they link the data files and
the catalog.

Escaping: the templates are Jinja2 with autoescape on; the embedded JSON-LD escapes ``<``,
``>`` and ``&`` as ``\\u003c`` ..., so no text from an authoring file can end the script or
become markup.

Example:
    >>> print(script_json({"name": "</script><b>"}))
    {"name":"\\u003c/script\\u003e\\u003cb\\u003e"}
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pyoxigraph as ox
from markupsafe import Markup, escape
from rdflib.namespace import SKOS

from muniorg.core.resources import CONTEXT_FILE, CONTEXT_IRI, VOCABULARIES_FILE
from muniorg.core.values import iri_problem, rdf_language
from muniorg.model.classes import CooperationProgramme, Municipality
from muniorg.model.node import Node
from muniorg.model.walk import walk
from muniorg.rdf.document import SourceDocument
from muniorg.site.i18n import COUNTRY_NAMES, LANGUAGE_NAMES, weekdays, words
from muniorg.site.orgchart import COUNCIL_ROLES, ROLE_TIERS, STAFF_TIER, Box, Chart, layout

#: The official languages of each country, most used first (a page's own language is the first
#: of these its name is given in).
COUNTRY_LANGUAGES = {
    "DNK": ("da",),
    "SWE": ("sv",),
    "NOR": ("nb", "nn"),
    "FIN": ("fi", "sv"),
    "ISL": ("is",),
    "DEU": ("de",),
}
#: The SDGs' official colours (UN Department of Global Communications guidelines).
SDG_COLOURS = (
    "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942",
    "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D",
    "#19486A",
)  # fmt: skip
#: Roles of the political top, shown with the council.
POLITICAL_ROLES = frozenset({"mayor", "deputy-mayor", "council-chair"})
#: The schemes a link on a page may have.
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: A telephone number as written: digits, a leading +, and the spaces, dashes, dots, slashes and
#: brackets that group them.
_DIALLED = re.compile(r"\s*\+?[\d\s().\-/\u00a0]*\d[\d\s().\-/\u00a0]*")
#: The site's pages for machines: ``{"pages": {document id: [languages, its own first]}}``.
SITE_INDEX = "site.json"
#: The files the site adds to a build besides the pages.
ASSETS = ("site.css", "site.js")


@dataclass(frozen=True)
class Text:
    """A text in a language: the page marks it with ``lang`` when it is not the page's.
    ``lang`` is empty for text in no language (names of persons, codes, IRIs)."""

    value: str
    lang: str


def txt(text: Text | None, page_lang: str) -> Markup:
    """``text`` on a page in ``page_lang``, escaped: marked with its language when it has one
    that is not the page's; nothing for no text. The templates' ``txt`` (the page's commonest
    call, a Python function: a Jinja macro costs a frame of the template runtime per call).

    >>> str(txt(Text("Sorø & Co", "da"), "en")), str(txt(Text("<b>", ""), "en")), str(txt(None, "en"))
    ('<span lang="da">Sorø &amp; Co</span>', '&lt;b&gt;', '')
    """
    if not text:
        return Markup("")
    if text.lang and text.lang != page_lang:
        return Markup('<span lang="%s">%s</span>') % (text.lang, text.value)
    return escape(text.value)


def link(url: str | None, text: str) -> Markup:
    """``text`` (escaped unless it is markup already) linked to ``url`` when there is one.

    >>> str(link("https://ex.org/?a&b", "A & B")), str(link(None, Markup("<i>x</i>")))
    ('<a href="https://ex.org/?a&amp;b">A &amp; B</a>', '<i>x</i>')
    """
    return Markup('<a href="%s">%s</a>') % (url, text) if url else escape(text)


def period(p: Any, h: PageHelpers, page_lang: str) -> Markup:
    """A period on a page: its name (if any) and ``(start–end)``.

    >>> from muniorg.model.classes import Period
    >>> h = PageHelpers("en", ["en"], BuildIndex({}, {}, {}))
    >>> str(period(Period(name={"da": "Valgperiode"}, start="2022"), h, "en"))
    '<span lang="da">Valgperiode</span> (2022–)'
    """
    if not p:
        return Markup("")
    out = txt(h.t(p.name), page_lang) + Markup(" ") if p.name else Markup("")
    if p.start or p.end:
        out += Markup("(%s–%s)") % (p.start or "", p.end or "")
    return out


def sdgs(codes: Sequence[str], w: SimpleNamespace) -> Markup:
    """The list of SDGs ``codes``, each a link in its colour (nothing for no codes); ``w`` is
    the page's :func:`page_words`.

    >>> print(sdgs(["3"], page_words("en")), end="")
    <ul class="sdgs">
    <li><a class="sdg" style="background-color: #4C9F38" href="http://metadata.un.org/sdg/3">SDG 3</a></li>
    </ul>
    """
    if not codes:
        return Markup("")
    label = str(escape(w.sdg))
    return Markup(f'<ul class="sdgs">\n{"".join(_sdg_item(code, label) for code in codes)}</ul>\n')


@functools.lru_cache(maxsize=1024)
def _sdg_item(code: str, label: str) -> str:
    """The list item of one SDG in :func:`sdgs` (``label``: the word "SDG" as HTML); the same
    for every strategy and goal of every page in a language, so made once."""
    s = sdg_link(code)
    return (
        f'<li><a class="sdg" style="background-color: {escape(s["colour"])}"'
        f' href="{escape(s["iri"])}">{label} {escape(s["number"])}</a></li>\n'
    )


def sdg_link(code: str) -> dict[str, Any]:
    """An SDG's number, colour and IRI.

    >>> sdg_link("13")["colour"], sdg_link("x")["colour"]
    ('#3F7E44', '#555555')
    """
    number = int(code) if code.isdigit() else 0
    colour = SDG_COLOURS[number - 1] if 1 <= number <= len(SDG_COLOURS) else "#555555"
    return {"number": code, "colour": colour, "iri": f"http://metadata.un.org/sdg/{code}"}


def figures(items: Sequence[Any], h: PageHelpers, page_lang: str) -> Markup:
    """The list of key figures ``items``: label (or value and unit) and measure."""
    if not items:
        return Markup("")
    out = ['<ul class="figures">\n']
    for f in items:
        if f.label:
            shown = txt(h.t(f.label), page_lang)
        else:
            shown = escape(f.value) + (Markup(" ") + escape(f.unit) if f.unit else Markup(""))
        if f.measure:
            measure = txt(h.code(f, "measure", f.measure), page_lang)
            shown += Markup(' <span class="muted">(%s)</span>') % measure
        out.append(f"<li>{shown}</li>\n")
    out.append("</ul>\n")
    return Markup("".join(out))


def chart_svg(chart: Chart, title: str) -> Markup:
    """The organisation chart as SVG (every value escaped): lines first (behind), then boxes
    with their text. Written here rather than by a template: a chart has hundreds of values.

    >>> from muniorg.site.orgchart import PlacedBox
    >>> box = PlacedBox(x=0, y=0, width=90, height=40, lines=("Mayor", "& co"), bold=1)
    >>> svg = chart_svg(Chart(boxes=[box], lines=[(1, 2, 3, 4)], width=90, height=40), "<T>")
    >>> start = svg.index("<title")
    >>> svg[:start].rstrip().endswith('viewBox="-1 -1 92 42" width="92" height="42">')
    True
    >>> print(svg[start:])
    <title id="chart-title">&lt;T&gt;</title>
    <g class="links">
    <line x1="1" y1="2" x2="3" y2="4"/>
    </g>
    <g class="box depth-0">
    <rect x="0" y="0" width="90" height="40" rx="4"/>
    <text x="10" y="22">
    <tspan x="10" dy="0" class="title">Mayor</tspan>
    <tspan x="10" dy="16">&amp; co</tspan>
    </text>
    </g>
    </svg>
    """
    # the numbers are ints (or floats): their text has nothing to escape
    width, height = chart.width + 2, chart.height + 2
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="orgchart" role="img"'
        f' aria-labelledby="chart-title" viewBox="-1 -1 {width} {height}" width="{width}"'
        f' height="{height}">\n<title id="chart-title">{escape(title)}</title>\n<g class="links">\n'
    ]
    out.extend(
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>\n' for x1, y1, x2, y2 in chart.lines
    )
    out.append("</g>\n")
    for b in chart.boxes:
        left = b.x + 10
        out.append(
            f'<g class="box depth-{b.depth}">\n<rect x="{b.x}" y="{b.y}"'
            f' width="{b.width}" height="{b.height}" rx="4"/>\n'
            f'<text x="{left}" y="{b.y + 22}">\n'
        )
        for number, line in enumerate(b.lines, 1):
            bold = ' class="title"' if number <= b.bold else ""
            dy = 0 if number == 1 else 16
            out.append(f'<tspan x="{left}" dy="{dy}"{bold}>{escape(line)}</tspan>\n')
        out.append("</text>\n</g>\n")
    out.append("</svg>")
    return Markup("".join(out))


def chart_text(chart: Chart) -> Markup:
    """The chart's boxes below the top one as the items of a list, for readers without the
    picture: title in bold, then the details (every text escaped).

    >>> from muniorg.site.orgchart import PlacedBox
    >>> top = PlacedBox(x=0, y=0, width=90, height=40, lines=("M",), bold=1)
    >>> box = PlacedBox(0, 0, 90, 40, ("Unit",), 1, depth=1, text=("Unit", "A & B", "C"))
    >>> print(chart_text(Chart(boxes=[top, box])), end="")
    <li class="depth-1"><strong>Unit</strong>: A &amp; B; C</li>
    """
    out = []
    for b in chart.boxes[1:]:
        depth = f' class="depth-{b.depth}"' if b.depth else ""
        rest = f": {escape('; '.join(b.text[1:]))}" if b.text[1:] else ""
        out.append(f"<li{depth}><strong>{escape(b.text[0])}</strong>{rest}</li>\n")
    return Markup("".join(out))


def script_json(data: Any) -> Markup:
    """``data`` as JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(
        data, ensure_ascii=False, separators=(",", ":")
    )  # compact: pages are read by programs
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # escaped above for the script context


def page_languages(
    names: Mapping[str, str], country: str | None, preferred: Sequence[str] = ()
) -> list[str]:
    """The languages a document gets pages in: those of its name, its own first — the first
    of its country's languages, else of ``preferred`` (for a programme: the languages of its
    participants' pages), that the name is given in.

    >>> page_languages({"en": "Stord", "nn": "Stord"}, "NOR")
    ['nn', 'en']
    >>> page_languages({"en": "Saman", "nb": "Sammen", "nn": "Saman"}, None, ["nn"])
    ['nn', 'en', 'nb']
    """
    candidates = [*COUNTRY_LANGUAGES.get(country or "", ()), *preferred]
    own = next((lang for lang in candidates if lang in names), None)
    rest = sorted(lang for lang in names if lang != own)
    return ([own] if own else []) + rest or ["en"]


def page_name(local_id: str, lang: str) -> str:
    """The file name of a document's page in ``lang``.

    >>> page_name("soroe", "da")
    'soroe.da.html'
    """
    return f"{local_id}.{lang}.html"


@functools.cache
def _vocabulary_labels() -> dict[str, dict[str, str]]:
    # pyoxigraph's parser: rdflib's took a fifth of a second, which a rebuild of one file
    # pays once in its process.
    labels: dict[str, dict[str, str]] = {}
    pref_label = str(SKOS.prefLabel)
    for triple in ox.parse(path=str(VOCABULARIES_FILE), format=ox.RdfFormat.TURTLE):
        label = triple.object
        if triple.predicate.value != pref_label or not isinstance(label, ox.Literal):
            continue
        labels.setdefault(triple.subject.value, {})[label.language or "en"] = label.value
    return labels


@functools.cache
def page_words(lang: str) -> SimpleNamespace:
    """The site's :func:`~muniorg.site.i18n.words` in ``lang`` as attributes, as the templates
    read them (``w.council``): a template's ``w.council`` of a dictionary first fails to find an
    attribute, an exception per word on a page. Made once per language and process.

    >>> page_words("da").sources
    'Kilder'
    """
    return SimpleNamespace(**words(lang))


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("muniorg.site", "templates"),
        autoescape=True,  # every template, whatever its name: nothing is written unescaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates ship with muniorg: no stat of their files per page
    )
    env.globals["txt"] = txt
    env.globals["chart_svg"] = chart_svg
    env.globals["chart_text"] = chart_text
    # what the pages repeat, as Python functions (a Jinja macro call costs a template frame)
    env.globals.update(link=link, period=period, sdgs=sdgs, figures=figures)
    return env


#: The templates of the pages, which :func:`load_templates` compiles.
TEMPLATES = ("page.html.j2", "municipality.html.j2", "programme.html.j2", "index.html.j2")


def load_templates() -> None:
    """Compile the page templates now, once per process (about 50 ms), instead of at the first
    page: a build calls it before it forks its workers, which then inherit them.

    >>> load_templates()
    >>> sorted(name for _, name in _environment().cache)  # type: ignore[union-attr]
    ['index.html.j2', 'municipality.html.j2', 'page.html.j2', 'programme.html.j2']
    """
    env = _environment()
    for name in TEMPLATES:
        env.get_template(name)


@functools.cache
def _context_object() -> Any:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


@dataclass(frozen=True)
class IndexEntry:
    """A line of the index page: ``name`` shown, the search finding ``other_names`` too (the
    name in its other languages, and other names: ``Kárášjohka`` for ``Karasjok``)."""

    name: Text
    href: str
    country: str
    kind: str
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildIndex:
    """What pages look up across the build: names of everything with an id, the pages of
    each document's root, and the programmes each organisation takes part in."""

    names: Mapping[str, dict[str, str]]
    pages: Mapping[str, tuple[str, tuple[str, ...]]]  # root IRI -> (local id, languages)
    programmes: Mapping[str, tuple[str, ...]]  # member IRI -> programme IRIs


class PageHelpers:
    """What a page's template asks: texts in the page's language, labels of codes, names.

    >>> h = PageHelpers("da", ["da", "en"], BuildIndex({}, {}, {}))
    >>> h.t({"en": "Council", "da": "Byråd"}), h.t({"sv": "Fullmäktige"})
    (Text(value='Byråd', lang='da'), Text(value='Fullmäktige', lang='sv'))
    >>> h.url("https://www.soroe.dk/"), h.url("javascript:alert(1)")
    ('https://www.soroe.dk/', None)
    """

    def __init__(
        self, lang: str, fallback: Sequence[str], index: BuildIndex, root_iri: str = ""
    ) -> None:
        self.lang = lang
        self._order = [lang, *fallback, "en"]
        # each with its lower case where that differs: the texts read back from the graph
        # hold a tag in lower case (nb-no), as RDF writes it; the page's is as authored (nb-NO)
        self._cased = [(o, o.lower() if o != o.lower() else None) for o in self._order]
        self._index = index
        self._names = index.names
        self._minted = f"{root_iri}/" if root_iri else None

    @staticmethod
    def url(value: str | None) -> str | None:
        """``value`` when it is a link a page may hold (http, https, mailto, tel), else None."""
        if not value or iri_problem(value) is not None:
            return None
        return value if value.split(":", 1)[0].lower() in _LINK_SCHEMES else None

    def address(self, document: Any) -> str | None:
        """Where ``document`` (a homepage, a contact page, a source) can be read: its ``url``,
        else its IRI, which is a page's address (docs/authoring.md: a page is identified by its
        address), unless muniorg minted it under the page's root (a local id, or none): that
        IRI names the data, not a page.

        >>> from muniorg.model.classes import Document
        >>> h = PageHelpers("en", ["en"], BuildIndex({}, {}, {}), "https://w3id.org/muniorg/id/dk/340")
        >>> h.address(Document(id="https://www.soroe.dk/"))
        'https://www.soroe.dk/'
        >>> h.address(Document(id="https://w3id.org/muniorg/id/dk/340/cvr", url="https://cvr.dk/"))
        'https://cvr.dk/'
        >>> print(h.address(Document(id="https://w3id.org/muniorg/id/dk/340/cvr")))
        None
        """
        if document is None or isinstance(document, str):
            return self.url(document)
        if document.url:
            return self.url(document.url)
        iri = document.id or ""
        return None if self._minted and iri.startswith(self._minted) else self.url(iri)

    def page(self, iri: str | None) -> str | None:
        """The page of a document's root in the build, in this page's language if it has one."""
        found = self._index.pages.get(iri or "")
        if found is None:
            return None
        local_id, languages = found
        return page_name(local_id, self.lang if self.lang in languages else languages[0])

    def programmes(self, iri: str | None) -> list[tuple[str | None, Text]]:
        """The programmes of the build that ``iri`` takes part in: (page, name)."""
        return [(self.page(p), self.name(p)) for p in self._index.programmes.get(iri or "", ())]

    @staticmethod
    def tel(number: str) -> str | None:
        """A ``tel:`` link for a telephone number as written (spaces and dots dropped).

        The trunk prefix written in brackets after a country code (``+358 (0)2 ...``, common
        in Finland and Sweden) is not dialled from abroad: it is dropped, or the link would
        call +358 02 ..., a number that does not exist.

        A number with words in it (``puh. 019 2311``, ``53 49 66 00 ext. 12``) is shown without
        a link: its digits run together would call another number.

        >>> PageHelpers.tel("+47 53 49 66 00"), PageHelpers.tel("+358 (0)2 458 5600")
        ('tel:+4753496600', 'tel:+35824585600')
        >>> print(PageHelpers.tel("019 2311 ext. 5"))
        None
        """
        if not _DIALLED.fullmatch(number):
            return None
        if number.lstrip().startswith("+"):
            number = re.sub(r"\(\s*0\s*\)", "", number)
        digits = "".join(c for c in number if c.isdigit() or c == "+")
        return PageHelpers.url(f"tel:{digits}") if digits.strip("+") else None

    def days(self, codes: list[str]) -> str:
        """Days of the week in order, in the page's language."""
        return weekdays(codes, self.lang)

    @staticmethod
    def time(value: Any) -> str:
        """A time of day as HH:MM."""
        return value.strftime("%H:%M") if hasattr(value, "strftime") else str(value or "")

    @staticmethod
    def political(posts: Iterable[Any]) -> list[Any]:
        """The posts of the political top (mayor, deputy mayor, council chair)."""
        return [p for p in posts if POLITICAL_ROLES.intersection(p.role)]

    @staticmethod
    def ordered(items: Iterable[Any]) -> list[Any]:
        """Values or principles in their ``order`` (those without one last, as given)."""
        return sorted(items, key=lambda v: (v.order is None, v.order or 0))

    def t(self, texts: Mapping[str, Any] | None) -> Text | None:
        """The text of a language map in the page's language, or the nearest one."""
        if not texts:
            return None
        return Text(*self._pick(texts))

    def _pick(self, texts: Mapping[str, Any]) -> tuple[str, str]:
        """(text, language) of :meth:`t` for a language map that is not empty. Tags match
        whatever their case; the language given is then the page's spelling of it.

        >>> PageHelpers("nb-NO", ["nb-NO"], BuildIndex({}, {}, {}))._pick({"en": "Stord", "nb-no": "Stord kommune"})
        ('Stord kommune', 'nb-NO')
        """
        key = self._key(texts)
        if key is not None:
            return _join(texts[key[0]]), key[1]
        first = sorted(texts)[0]
        return _join(texts[first]), first

    def _key(self, texts: Mapping[str, Any]) -> tuple[str, str] | None:
        """The key of ``texts`` in the first language of the page's order that it has, and that
        language as the page writes it; ``None`` when it has none of them."""
        for lang, lower in self._cased:
            if lang in texts:
                return lang, lang
            if lower is not None and lower in texts:
                return lower, lang
        if any(k != k.lower() for k in texts):  # authored in capitals (nb-NO): compare folded
            folded = {k.lower(): k for k in texts}
            for lang, lower in self._cased:
                found = folded.get(lower or lang)
                if found is not None:
                    return found, lang
        return None

    def plain(self, texts: Mapping[str, Any] | None, default: str) -> str:
        """The text of :meth:`t`, or ``default`` when there is none: ``(h.t(texts) or
        Text(default, ...)).value`` without making a :class:`Text`."""
        return self._pick(texts)[0] if texts else default

    def texts(self, texts: Mapping[str, list[str]] | None) -> list[Text]:
        """The list of a language-list map in the page's language (or the nearest one)."""
        if not texts:
            return []
        key, lang = self._key(texts) or (sorted(texts)[0],) * 2
        return [Text(v, lang) for v in texts[key]]

    def code(self, node: Node, key: str, code: str) -> Text:
        """The label of a code from a controlled list (the code itself when it has none)."""
        namespace = node.SPEC.field(key).code_namespace or ""
        return self.t(_vocabulary_labels().get(namespace + code)) or Text(code, "")

    def address_lines(self, address: Any) -> Markup:
        """An address as lines (``<br>`` between them): its full address, else the street and
        number, the P.O. box and the post code and town, each only when given (a P.O. box
        alone left an empty street line; a site's address showed only as a full address).

        >>> from muniorg.model.classes import Address
        >>> h = PageHelpers("fi", ["fi"], BuildIndex({}, {}, {}))
        >>> h.address_lines(Address(poBox="PL 18", postCode="21601", postName={"fi": "Parainen"}))
        Markup('PL 18<br>21601 Parainen')
        """
        if address.fullAddress:
            return self.show(address.fullAddress)
        street = Markup(" ").join(
            part
            for part in (self.show(address.thoroughfare), escape(address.locatorDesignator or ""))
            if part
        )
        town = Markup(" ").join(
            part for part in (escape(address.postCode or ""), self.show(address.postName)) if part
        )
        lines = [street, escape(address.poBox or ""), town]
        return Markup("<br>").join(line for line in lines if line)

    def post_title(self, post: Any) -> Markup:
        """A post's title on this page: its name, else the labels of its roles (a post without
        a name showed as ": holder").

        >>> from muniorg.model.classes import Post
        >>> h = PageHelpers("da", ["da"], BuildIndex({}, {}, {}))
        >>> h.post_title(Post(role=["mayor"])), h.post_title(Post(name={"da": "Borgmester"}))
        (Markup('borgmester'), Markup('Borgmester'))
        """
        if post.name:
            return self.show(post.name)
        return Markup(", ").join(self.show_code(post, "role", role) for role in post.role)

    def post_plain(self, post: Any) -> str:
        """:meth:`post_title` as plain text, for the chart."""
        if post.name:
            return self.plain(post.name, "")
        return ", ".join(self.code(post, "role", role).value for role in post.role)

    def show(self, texts: Mapping[str, Any] | None) -> Markup:
        """:func:`txt` of :meth:`t` on this page: ``txt(h.t(texts), lang)`` in one call.

        >>> h = PageHelpers("en", ["en"], BuildIndex({}, {}, {}))
        >>> h.show({"da": "Sorø & Co"}), h.show({"en": "<b>"}), h.show(None)
        (Markup('<span lang="da">Sorø &amp; Co</span>'), Markup('&lt;b&gt;'), Markup(''))
        """
        if not texts:
            return Markup("")
        value, lang = self._pick(texts)
        if lang and lang != self.lang:
            return Markup('<span lang="%s">%s</span>') % (lang, value)
        return escape(value)

    def show_name(self, iri: str) -> Markup:
        """:func:`txt` of :meth:`name` on this page."""
        names = self._names.get(iri)
        return self.show(names) if names else escape(iri)

    def plain_name(self, iri: str) -> str:
        """The text of :meth:`name` (without making a :class:`Text`)."""
        return self.plain(self._names.get(iri), iri)

    def show_code(self, node: Node, key: str, code: str) -> Markup:
        """:func:`txt` of :meth:`code` on this page.

        >>> from muniorg.model.classes import Strategy
        >>> h = PageHelpers("en", ["en"], BuildIndex({}, {}, {}))
        >>> h.show_code(Strategy(), "kind", "no-such-kind")
        Markup('no-such-kind')
        """
        namespace = node.SPEC.field(key).code_namespace or ""
        labels = _vocabulary_labels().get(namespace + code)
        return self.show(labels) if labels else escape(code)

    def name(self, iri: str) -> Text:
        """The name of something the build describes (a person, organisation, document)."""
        return self.t(self._names.get(iri)) or Text(iri, "")


def _join(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value)


def _names(documents: Iterable[SourceDocument]) -> dict[str, dict[str, str]]:
    """IRI -> language map of names, for everything with an id and a name in the build."""
    found: dict[str, dict[str, str]] = {}
    for document in documents:
        for node in walk(document.root):  # pre-order: a parent before what it holds
            name = getattr(node, "name", None) or getattr(node, "title", None)
            if node.id and name:
                # a person's name is in no language: the key "" leaves it unmarked
                found.setdefault(node.id, {"": name} if isinstance(name, str) else dict(name))
    return found


def org_chart(root: Municipality, helpers: PageHelpers) -> Chart | None:
    """The chart of a municipality's administration, or ``None`` when the data has no posts
    or departments to show."""
    boxes = []
    for post in root.posts:
        if COUNCIL_ROLES.intersection(post.role):
            continue
        tier = min((ROLE_TIERS.get(role, STAFF_TIER) for role in post.role), default=STAFF_TIER)
        holders = [helpers.plain_name(p) for p in post.heldBy]
        details = tuple(holders) or ((f"× {post.count}",) if post.count else ())
        title = helpers.post_plain(post)
        boxes.append(Box(title, details, tier))

    boxes.extend(_department_box(d, helpers) for d in root.departments)
    if not boxes:
        return None
    return layout(boxes, helpers.plain(root.name, ""))


def _department_box(node: Any, helpers: PageHelpers) -> Box:
    """The box of a department, its units' boxes in it. (A function of the module, not a
    closure that calls itself: that would be a cycle, holding ``helpers`` until the cyclic
    collector runs.)"""
    posts = tuple(
        f"{helpers.post_plain(p)}: {helpers.plain_name(h)}" for p in node.posts for h in p.heldBy
    )
    title = helpers.plain(node.name, node.id or "")
    return Box(title, posts, STAFF_TIER, tuple(_department_box(u, helpers) for u in node.units))


def _texts(texts: Mapping[str, str] | None) -> list[dict[str, str]]:
    # tags as the RDF files write them (rdf_language): one literal, one spelling
    by_tag = sorted((rdf_language(lang), text) for lang, text in (texts or {}).items())
    return [{"@value": text, "@language": lang} for lang, text in by_tag]


def schema_org(root: Any) -> dict[str, Any]:
    """What a schema.org reader (a search engine) needs of a page's top object, in schema.org's
    own terms: its type, names and descriptions in every language, web site, identifiers,
    postal address and links to the same thing elsewhere (``sameAs``: Wikidata, registries).
    The full data is the muniorg JSON-LD beside it.

    >>> from muniorg.model.classes import Identifier, Municipality
    >>> from muniorg.model.classes import Document
    >>> m = Municipality(id="https://ex.org/m", name={"nn": "Stord kommune"},
    ...     homepage=Document(id="https://stord.no/"),
    ...     identifiers=[Identifier(scheme="no-kommunenummer", notation="4614")])
    >>> summary = schema_org(m)
    >>> summary["@type"], summary["name"], summary["url"], summary["identifier"][0]["value"]
    ('GovernmentOrganization', [{'@value': 'Stord kommune', '@language': 'nn'}], 'https://stord.no/', '4614')
    """
    kind = "GovernmentOrganization" if isinstance(root, Municipality) else "Project"
    out: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "@id": root.id}
    out["name"] = _texts(getattr(root, "name", None) or getattr(root, "title", None))
    if getattr(root, "altName", None):
        out["alternateName"] = [
            {"@value": text, "@language": lang}
            for lang, texts in sorted((rdf_language(k), v) for k, v in root.altName.items())
            for text in texts
        ]
    if getattr(root, "description", None):
        out["description"] = _texts(root.description)
    homepage = getattr(root, "homepage", None)
    if homepage is not None:
        out["url"] = homepage if isinstance(homepage, str) else homepage.id
    identifiers = getattr(root, "identifiers", None) or []
    if identifiers:
        out["identifier"] = [
            {"@type": "PropertyValue", "propertyID": i.scheme, "value": i.notation}
            for i in identifiers
            if i.notation
        ]
    address = getattr(root, "postalAddress", None)
    if address is not None:
        postal: dict[str, Any] = {"@type": "PostalAddress"}
        street = " ".join(
            part
            for part in (
                next(iter((address.thoroughfare or {}).values()), None),
                address.locatorDesignator,
            )
            if part
        )
        for key, value in (
            ("streetAddress", street),
            ("postOfficeBoxNumber", address.poBox),
            ("postalCode", address.postCode),
            ("addressLocality", next(iter((address.postName or {}).values()), None)),
        ):
            if value:
                postal[key] = value
        if len(postal) > 1:
            out["address"] = postal
    same_as = getattr(root, "sameAs", None)
    if same_as:
        out["sameAs"] = list(same_as)
    return out


def _embedded_jsonld(data: Any) -> Markup:
    """:func:`script_json` of the document's JSON-LD, ``data`` (the object of its
    ``{id}.jsonld``)."""
    if isinstance(data, dict) and data.get("@context") == CONTEXT_IRI:  # inline muniorg's context
        # script_json of {"@context": the context, **the rest}, the context's text made once
        # per process: the escapes are of single characters, so the parts escape alike.
        rest = str(script_json({k: v for k, v in data.items() if k != "@context"}))
        head = '{"@context":' + _context_script()
        return Markup(head + ("," + rest[1:] if rest != "{}" else "}"))  # escaped as parts
    return script_json(data)


@functools.cache
def _context_script() -> str:
    """:func:`script_json` of muniorg's JSON-LD context (the same for every page)."""
    return str(script_json(_context_object()))


@dataclass(frozen=True)
class SiteDocument:
    """What the pages of *other* documents need to know of a document: its id, top object's
    IRI, names, country and kind, and (for a programme) the IRIs of its participants."""

    local_id: str
    iri: str
    names: Mapping[str, str]
    country: str | None
    kind: str
    participants: tuple[str, ...] = ()

    @classmethod
    def of(cls, document: SourceDocument) -> SiteDocument:
        root = document.root
        participants: tuple[str, ...] = ()
        if isinstance(root, CooperationProgramme):
            participants = tuple(m.member for m in root.participants if m.member)
        return cls(
            document.local_id,
            root.id or "",
            _own_names(root),
            _country(root),
            _kind(root),
            participants,
        )


def site_languages(documents: Sequence[SiteDocument]) -> dict[str, list[str]]:
    """The page languages of each document (local id -> languages, its own first): a
    programme's own language is that of its participants' pages."""
    ordered = sorted(documents, key=lambda d: d.local_id)
    languages_of = {d.local_id: page_languages(d.names, d.country) for d in ordered}
    by_iri = {d.iri: d.local_id for d in ordered if d.iri}
    for document in ordered:
        if document.kind == "programme":
            preferred = [languages_of[by_iri[m]][0] for m in document.participants if m in by_iri]
            languages_of[document.local_id] = page_languages(document.names, None, preferred)
    return languages_of


def site_index(
    documents: Sequence[SiteDocument], names: Mapping[str, dict[str, str]]
) -> BuildIndex:
    """The :class:`BuildIndex` of a build's documents; ``names`` as :func:`object_names` gives."""
    ordered = sorted(documents, key=lambda d: d.local_id)
    languages_of = site_languages(ordered)
    programmes: dict[str, list[str]] = {}
    for document in ordered:
        if document.kind == "programme" and document.iri:
            for member in document.participants:
                programmes.setdefault(member, []).append(document.iri)
    return BuildIndex(
        names=names,
        pages={d.iri: (d.local_id, tuple(languages_of[d.local_id])) for d in ordered if d.iri},
        programmes={k: tuple(v) for k, v in programmes.items()},
    )


def object_names(documents: Iterable[SourceDocument]) -> dict[str, dict[str, str]]:
    """IRI -> language map of names, for everything with an id and a name in ``documents``
    (the first document naming an IRI, by local id, gives its name)."""
    return _names(sorted(documents, key=lambda d: d.local_id))


def write_pages(
    folder: Path,
    document: SourceDocument,
    index: BuildIndex,
    *,
    catalog: bool,
    jsonld: Mapping[str, Any] | None = None,
) -> tuple[list[Path], IndexEntry]:
    """Write ``document``'s pages (one per language of ``index.pages``) into ``folder``, which
    holds its ``{id}.jsonld``; the files written and the document's line on the index page.
    ``jsonld`` is the JSON object that file was written from (JSON values only), when the caller
    has it: the pages embed it without reading the file back."""
    if jsonld is None:
        jsonld = json.loads((folder / f"{document.local_id}.jsonld").read_text(encoding="utf-8"))
    pages, entry = render_pages(document, index, catalog=catalog, jsonld=jsonld)
    written = []
    for name, html in pages:
        (folder / name).write_text(html, encoding="utf-8", newline="\n")
        written.append(folder / name)
    return written, entry


def render_pages(
    document: SourceDocument, index: BuildIndex, *, catalog: bool, jsonld: Mapping[str, Any]
) -> tuple[list[tuple[str, str]], IndexEntry]:
    """``document``'s pages (one per language of ``index.pages``), as file names and HTML, and
    the document's line on the index page; ``jsonld`` is the JSON object of its ``{id}.jsonld``
    (JSON values only), which the pages embed."""
    env = _environment()
    root = document.root
    own_names = _own_names(root)
    languages = list(index.pages[root.id or ""][1])
    embedded = _embedded_jsonld(jsonld)
    described = script_json(schema_org(root))  # the same in every language
    pages: list[tuple[str, str]] = []
    for lang in languages:
        helpers = PageHelpers(lang, languages, index, root.id or "")
        chart = org_chart(root, helpers) if isinstance(root, Municipality) else None
        html = env.get_template("page.html.j2").render(
            doc=document,
            root=root,
            kind=_kind(root),
            lang=lang,
            h=helpers,
            w=page_words(lang),
            chart=chart,
            jsonld=embedded,
            schema_org=described,
            catalog=catalog,
            others=[
                (o, LANGUAGE_NAMES.get(o, o), page_name(document.local_id, o))
                for o in languages
                if o != lang
            ],
            languages=LANGUAGE_NAMES,
        )
        pages.append((page_name(document.local_id, lang), html))
    first = PageHelpers(languages[0], languages, index)
    shown = first.t(own_names) or Text(document.local_id, "en")
    entry = IndexEntry(
        name=shown,
        href=page_name(document.local_id, languages[0]),
        country=_country(root) or "",
        kind=_kind(root),
        other_names=_other_names(root, shown.value),
    )
    return pages, entry


def write_index(
    folder: Path,
    entries: Sequence[IndexEntry],
    languages: Mapping[str, Sequence[str]],
    *,
    catalog: bool,
) -> list[Path]:
    """Write the index page, ``site.json`` (``languages``: local id -> page languages) and the
    assets into ``folder``; the files written."""
    env = _environment()
    written: list[Path] = []
    countries = sorted({e.country for e in entries if e.country})
    index_html = env.get_template("index.html.j2").render(
        lang="en",
        w=page_words("en"),
        entries=sorted(entries, key=lambda e: (e.kind != "municipality", e.name.value, e.href)),
        countries=[(c, COUNTRY_NAMES.get(c, c)) for c in countries],
        catalog=catalog,
    )
    (folder / "index.html").write_text(index_html, encoding="utf-8", newline="\n")
    written.append(folder / "index.html")
    pages = {local_id: list(langs) for local_id, langs in languages.items()}
    site_json = json.dumps({"pages": pages}, ensure_ascii=False, indent=1, sort_keys=True)
    (folder / SITE_INDEX).write_text(site_json + "\n", encoding="utf-8", newline="\n")
    written.append(folder / SITE_INDEX)
    for asset in ASSETS:
        text = (resources.files("muniorg.site") / "templates" / asset).read_text(encoding="utf-8")
        (folder / asset).write_text(text, encoding="utf-8", newline="\n")
        written.append(folder / asset)
    return written


def write_site(folder: Path, documents: Sequence[SourceDocument], *, catalog: bool) -> list[Path]:
    """Write the pages of ``documents`` and the index into ``folder``, which already holds the
    documents' ``{id}.jsonld`` files (a build's staging folder); returns the files written.

    ``catalog`` says whether the folder has a catalog (``catalog.ttl``) for the pages to link.
    """
    ordered = sorted(documents, key=lambda d: d.local_id)
    site_documents = [SiteDocument.of(d) for d in ordered]
    index = site_index(site_documents, object_names(ordered))
    written: list[Path] = []
    entries = []
    for document in ordered:
        paths, entry = write_pages(folder, document, index, catalog=catalog)
        written.extend(paths)
        entries.append(entry)
    languages = {d.local_id: list(index.pages[d.iri][1]) for d in site_documents}
    return written + write_index(folder, entries, languages, catalog=catalog)


def _own_names(root: Node) -> dict[str, str]:
    names = getattr(root, "name", None) or getattr(root, "title", None) or {}
    return dict(names) if isinstance(names, Mapping) else {}


def _other_names(root: Node, shown: str) -> tuple[str, ...]:
    """The names of ``root`` other than ``shown``, once each, in order: its name in every
    language, then its other names (``altName``), language by language.

    >>> from muniorg.model.classes import Municipality
    >>> m = Municipality(id="m", name={"nb": "Karasjok", "se": "Kárášjohka"},
    ...                  altName={"nb": ["Karasjok kommune"]})
    >>> _other_names(m, "Karasjok")
    ('Kárášjohka', 'Karasjok kommune')
    """
    names = [text for _, text in sorted(_own_names(root).items())]
    others = getattr(root, "altName", None)
    if isinstance(others, Mapping):
        names += [text for _, texts in sorted(others.items()) for text in texts]
    return tuple(name for name in dict.fromkeys(names) if name != shown)


def _country(root: Node) -> str | None:
    country = getattr(root, "country", None)
    return country if isinstance(country, str) else None


def _kind(root: Node) -> str:
    if isinstance(root, Municipality):
        return "municipality"
    if isinstance(root, CooperationProgramme):
        return "programme"
    return "other"


__all__ = [
    "ASSETS",
    "SITE_INDEX",
    "BuildIndex",
    "IndexEntry",
    "PageHelpers",
    "SiteDocument",
    "Text",
    "chart_svg",
    "chart_text",
    "load_templates",
    "object_names",
    "org_chart",
    "page_languages",
    "page_name",
    "render_pages",
    "script_json",
    "site_index",
    "site_languages",
    "txt",
    "write_index",
    "write_pages",
    "write_site",
]
