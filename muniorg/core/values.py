"""The two rules every value muniorg reads must pass: one for IRIs, one for text.

Every loader applies them (YAML authoring files, the catalog file, Turtle, N-Triples, RDF/XML
and JSON-LD), and the SHACL shapes carry the IRI rule too (``mosh:SafeIri`` in
``ontology/shapes.ttl``, tested to match :data:`IRI_FORBIDDEN`), so a value is refused the same
way wherever it comes from:

- **IRIs** (:func:`iri_problem`): absolute, with a scheme of :data:`SAFE_SCHEMES` (compared
  without case, so ``JavaScript:`` is refused like ``javascript:``), and none of the characters
  RFC 3987 leaves out of IRIs: whitespace of any kind (also no-break and line/paragraph
  separators), C0 and C1 control characters, bidirectional formatting characters (U+200E,
  U+200F, U+202A-U+202E, U+2066-U+2069), lone surrogates, non-characters and ``<>"{}|\\^```.
  Beyond these characters, the IRI must follow RFC 3987's grammar as pyoxigraph reads it (no
  ``%zz``, no second ``#``, no ``[x]`` host ...): pyoxigraph reads muniorg's RDF input and
  writes its Turtle, so it is the authority, and a value it would refuse is refused when read.
- **Text** (:func:`text_problem`): no control characters except line feed and tab (so no NUL,
  form feed, vertical tab, carriage return, NEL), no line or paragraph separator (U+2028,
  U+2029), no lone surrogate and no non-character U+FFFE/U+FFFF. These are the characters that
  split lines in N-Triples readers or that no XML or RDF tool keeps intact.

Example:
    >>> from muniorg.core.values import iri_problem, text_problem
    >>> iri_problem("https://www.soroe.dk/"), iri_problem("JavaScript:alert(1)")
    (None, "the scheme 'javascript' is not allowed (use http, https, mailto, tel, urn)")
    >>> text_problem("Sorø\\u2028Kommune")
    'the character U+2028 (LINE SEPARATOR) at position 5 is not allowed in text'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pyoxigraph

#: The URI schemes muniorg reads and publishes: web pages, e-mail, telephone and URNs.
SAFE_SCHEMES = ("http", "https", "mailto", "tel", "urn")

#: A local id (and so a published file's name): lowercase letters, digits and hyphens.
LOCAL_ID = re.compile(r"[a-z0-9][a-z0-9-]*")

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")

#: The characters no IRI may contain, as the body of a regular-expression character class that
#: Python and XPath (SPARQL, SHACL ``sh:pattern``) read alike.
IRI_FORBIDDEN = (
    '\x00-\x20<>"{}|\\\\^`\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f'
    "\u3000\ufdd0-\ufdef\ufeff\ufff0-\uffff"
)
# Lone surrogates too; Turtle cannot write them, so the shapes leave them to the loaders.
_IRI_FORBIDDEN = re.compile(f"[{IRI_FORBIDDEN}\ud800-\udfff]")

#: The characters no text value may contain (line feed and tab are allowed).
TEXT_FORBIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff"
_TEXT_FORBIDDEN = re.compile(f"[{TEXT_FORBIDDEN}]")


def describe_char(char: str) -> str:
    """``U+2028 (LINE SEPARATOR)``: a character by code point and name.

    >>> describe_char("\\x00"), describe_char("\\u202e")
    ('U+0000 (NUL)', 'U+202E (RIGHT-TO-LEFT OVERRIDE)')
    """
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "")
    if not name and 0xD800 <= code <= 0xDFFF:
        name = "a lone surrogate"
    return f"U+{code:04X}" + (f" ({name})" if name else "")


_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def is_absolute_iri(value: str) -> bool:
    """Whether ``value`` starts with a URI scheme (``https:``, ``urn:``, ``mailto:`` ...).

    >>> is_absolute_iri("https://www.soroe.dk/"), is_absolute_iri("gert-joergensen")
    (True, False)
    """
    return _SCHEME.match(value) is not None


# A web address written without its scheme (www.soroe.dk, soroe.dk/kontakt): no local id has a
# dot, and a relative reference is no IRI, so messages say what to write.
_SCHEMELESS_ADDRESS = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?", re.IGNORECASE)


def address_hint(value: object) -> str:
    """A hint for a message about a web address written without its scheme, or ''.

    >>> address_hint("www.soroe.dk/kontakt"), address_hint("soroe")
    (' (a web address starts with its scheme: https://www.soroe.dk/kontakt)', '')
    """
    if isinstance(value, str) and _SCHEMELESS_ADDRESS.fullmatch(value):
        return f" (a web address starts with its scheme: https://{value})"
    return ""


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an IRI muniorg reads or publishes, or ``None`` when it is fine.

    >>> iri_problem("mailto:post@soroe.dk"), iri_problem("https://x.dk/\\n")
    (None, 'the character U+000A (LINE FEED) at position 14 is not allowed in an IRI')
    >>> iri_problem("data:text/html,<b>")
    "the scheme 'data' is not allowed (use http, https, mailto, tel, urn)"
    """
    scheme = _SCHEME.match(value)
    if scheme is None:
        return "not an absolute IRI (it must start with a scheme such as https:)"
    name = scheme.group(1).lower()
    if name not in SAFE_SCHEMES:
        return f"the scheme {name!r} is not allowed (use {', '.join(SAFE_SCHEMES)})"
    return _char_problem(value) or _syntax_problem(value)


def _char_problem(value: str) -> str | None:
    """The first character of ``value`` that no IRI may hold (:data:`IRI_FORBIDDEN`), if any."""
    bad = _IRI_FORBIDDEN.search(value)
    if bad is None:
        return None
    what = describe_char(bad.group())
    if bad.group() in '<>"{}|\\^`':
        what = repr(bad.group())
    return f"the character {what} at position {bad.start() + 1} is not allowed in an IRI"


#: pyoxigraph's word for a character it refuses: ``Invalid IRI code point '#'``.
_OX_CODE_POINT = re.compile(r"'(.)'$", re.DOTALL)


def _syntax_problem(value: str) -> str | None:
    """Why pyoxigraph, which reads and writes muniorg's RDF, refuses ``value`` as an IRI.

    >>> _syntax_problem("http://ex.com/%zz")
    "not a valid IRI (RFC 3987): invalid IRI percent encoding '%zz'"
    >>> _syntax_problem("http://ex.com/\\ue000") # a private-use character, shown by name
    'not a valid IRI (RFC 3987): invalid IRI code point U+E000'
    """
    try:
        pyoxigraph.NamedNode(value)
    except ValueError as exc:
        message = str(exc)
        # A character that does not show (private use, tags ...) is named by its code point.
        char = _OX_CODE_POINT.search(message)
        if char is not None and not char.group(1).isprintable():
            message = message[: char.start()] + describe_char(char.group(1))
        return f"not a valid IRI (RFC 3987): {message[:1].lower()}{message[1:]}"
    return None


#: Every code list is an http(s) folder (``.../authority/country/``) that codes are appended to:
#: a code that makes a valid IRI after this one makes one after each of them.
_CODE_LIST_PROBE = "https://w3id.org/muniorg/vocab/"


def code_problem(code: str) -> str | None:
    """Why ``code`` cannot be appended to a code list's IRI, or ``None`` when it can.

    >>> code_problem("DNK"), code_problem("D%ZK")
    (None, "not a valid IRI (RFC 3987): invalid IRI percent encoding '%ZK'")
    >>> code_problem("a<b")
    "the character '<' at position 2 is not allowed in an IRI"
    """
    return _char_problem(code) or _syntax_problem(_CODE_LIST_PROBE + code)


def text_problem(value: str) -> str | None:
    """Why ``value`` is not text muniorg reads or publishes, or ``None`` when it is fine.

    >>> text_problem("Sorø Kommune\\nline two\\twith a tab"), text_problem("bell\\x07")
    (None, 'the character U+0007 (BELL) at position 5 is not allowed in text')
    """
    bad = _TEXT_FORBIDDEN.search(value)
    if bad is None:
        return None
    return (
        f"the character {describe_char(bad.group())} at position {bad.start() + 1} "
        "is not allowed in text"
    )


#: ISO 639-1: the two-letter language codes. A two-letter primary subtag must be one of them
#: (BCP 47); three-letter ones (ISO 639-2/3, such as fkv Kven or smj Lule Sámi) are too many to
#: list and are accepted by their form.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu""".split()  # noqa: SIM905 - a table, read as one
)
#: Country codes written where a language code belongs, and the language meant.
_COUNTRY_NOT_LANGUAGE = {
    "dk": "da",
    "gr": "el",
    "jp": "ja",
    "cz": "cs",
    "ua": "uk",
    "cn": "zh",
    "gb": "en",
    "us": "en",
    "at": "de",
}
#: What follows a language tag's primary language: BCP 47's (RFC 5646) extended languages,
#: script, region, variants, extensions and private use, in that order, as pyoxigraph (which
#: writes the Turtle) reads them; ``da-x`` or ``sv-a-b`` is not a tag. Shared with the
#: authoring schema's pattern (:func:`muniorg.generate.authoring_schema.language_tag_pattern`).
LANGUAGE_SUBTAGS = (
    r"(?:-[a-zA-Z]{3}){0,3}(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*"
    r"(?:-[0-9a-wyzA-WYZ](?:-[a-zA-Z0-9]{2,8})+)*(?:-[xX](?:-[a-zA-Z0-9]{1,8})+)?"
)
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}" + LANGUAGE_SUBTAGS)
#: The longest language tag accepted: RFC 5646 (4.4.1) sizes a tag's buffer at 35 characters,
#: which holds every tag but those with extensions. A tag names page files
#: (``{id}.{lang}.html``): a longer one made a name the file system refuses, found only when
#: the build wrote the page.
MAX_LANGUAGE_TAG = 35


def language_problem(tag: str) -> str | None:
    """Why ``tag`` is not a language tag muniorg accepts, or ``None``.

    >>> language_problem("nn"), language_problem("fkv"), language_problem("en-GB")
    (None, None, None)
    >>> language_problem("dk")
    "'dk' is not a language code (a country code? Danish is 'da')"
    >>> language_problem("d a")
    "'d a' is not a language tag (like da, sv, nb, nn, en, se)"
    >>> language_problem("da-" + "-".join(["abcdefgh"] * 5))
    "'da-abcdefgh-abcdefgh-abcdefgh-abcde'... is 47 characters long; a language tag has at most 35"
    """
    if len(tag) > MAX_LANGUAGE_TAG:
        return (
            f"{tag[:MAX_LANGUAGE_TAG]!r}... is {len(tag)} characters long; a language tag has "
            f"at most {MAX_LANGUAGE_TAG}"
        )
    if not _LANGUAGE_TAG.fullmatch(tag):
        return f"{tag!r} is not a language tag (like da, sv, nb, nn, en, se)"
    primary = tag.split("-", 1)[0].lower()
    if len(primary) == 2 and primary not in ISO_639_1:
        meant = _COUNTRY_NOT_LANGUAGE.get(primary)
        hint = f" (a country code? {_LANGUAGE_NAMES[meant]} is {meant!r})" if meant else ""
        return f"{tag!r} is not a language code{hint}"
    return None


def rdf_language(tag: str) -> str:
    """A language tag as muniorg publishes it in RDF: in lower case, in every format.

    Tags are case-insensitive (BCP 47) and RDF 1.1 gives their value space in lower case;
    pyoxigraph, which writes the Turtle, writes them so. Taking the tag as written for the
    other formats published ``"nb-NO"`` in N-Triples and JSON-LD beside ``@nb-no`` in Turtle.

    >>> rdf_language("nb-NO"), rdf_language("da")
    ('nb-no', 'da')
    """
    return tag.lower()


def same_language_problem(tags: Iterable[str]) -> str | None:
    """Why the language tags of one text name a language twice, or ``None``: tags that differ
    only in case (``nb-NO`` and ``nb-no``) are one language, published as one.

    >>> same_language_problem(["da", "nb-NO", "nb-no"])
    "'nb-NO' and 'nb-no' are one language (tags do not differ by case): keep one"
    >>> same_language_problem(["da", "nb-NO"]) is None
    True
    """
    seen: dict[str, str] = {}
    for tag in tags:
        if problem := repeated_language(seen, tag):
            return problem
    return None


def repeated_language(seen: dict[str, str], tag: str) -> str | None:
    """Why ``tag`` names a language of ``seen`` again (the tags of one text read so far, by
    their lower case, which it adds ``tag`` to), or ``None``: :func:`same_language_problem`
    one tag at a time, for a reader that reports the problem at the tag's own place.

    >>> seen = {}
    >>> repeated_language(seen, "nb-NO"), repeated_language(seen, "nb-no")[:21]
    (None, "'nb-NO' and 'nb-no' a")
    """
    first = seen.setdefault(rdf_language(tag), tag)
    if first == tag:
        return None
    return f"{first!r} and {tag!r} are one language (tags do not differ by case): keep one"


_LANGUAGE_NAMES = {
    "da": "Danish",
    "el": "Greek",
    "ja": "Japanese",
    "cs": "Czech",
    "uk": "Ukrainian",
    "zh": "Chinese",
    "en": "English",
    "de": "German",
}
