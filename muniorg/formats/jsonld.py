"""JSON-LD: write the model as compact, nested JSON-LD and read JSON-LD safely.

Writing does not go through a JSON-LD processor: the document is built straight from the
model with the keys and value forms the bundled context defines (``ontology/context.jsonld``),
so it is fast and deterministic. Tests expand every written document with pyld, an independent
processor, and compare the result with the Turtle export.

Reading uses pyld with :func:`local_document_loader`, which serves the bundled context for its
published IRI and refuses every other URL: by default no JSON-LD path in muniorg touches the
network. A caller who trusts a remote context names it in an allow-list (``allow_remote=`` or
:func:`allow_remote_contexts`, the CLI's ``--allow-remote-context``); exactly those URLs are then
fetched with urllib, with a timeout and a size limit, and redirects only to allowed URLs.

Example:
    >>> from muniorg.model.classes import Municipality
    >>> from muniorg.rdf.jsonld import to_jsonld
    >>> doc = to_jsonld(Municipality(id="https://ex.org/m", name={"da": "Sorø Kommune"}, country="DNK"))
    >>> doc["type"], doc["country"], doc["name"]
    (['Municipality', 'cv:PublicOrganisation', 'schema:GovernmentOrganization'], 'DNK', {'da': 'Sorø Kommune'})
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from rdflib import Graph, Literal, URIRef
from rdflib.term import BNode

from muniorg.core.errors import InputError, LimitExceeded, NetworkAccessRefused
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import new_graph
from muniorg.core.resources import CONTEXT_FILE, CONTEXT_IRI, FRAME_FILES, FRAME_IRIS
from muniorg.core.triplestore import add_triples
from muniorg.core.values import rdf_language
from muniorg.formats.http import read_bounded
from muniorg.formats.limits import Limits, current_limits, json_limits_error

#: Bundled documents a JSON-LD processor may load, by IRI: the context and the frames (so that
#: ``pyld.jsonld.frame(document, FRAME_IRIS["municipality"], options)`` runs offline). Nothing
#: else is fetched unless the caller allow-lists it.
BUNDLED_DOCUMENTS: dict[str, Path] = {
    CONTEXT_IRI: CONTEXT_FILE,
    **{FRAME_IRIS[name]: path for name, path in FRAME_FILES.items()},
}

#: Seconds to wait for an allow-listed remote context, and the most bytes read of one.
REMOTE_TIMEOUT = 10.0
REMOTE_MAX_BYTES = 1_000_000

_ALLOWED_REMOTE: ContextVar[frozenset[str]] = ContextVar(
    "muniorg_allowed_remote", default=frozenset()
)


def indented_json(value: Any) -> str:
    """``value`` as JSON text with a 2-space indent, characters as they are (not ``\\u``
    escapes), keys in their order: the text of ``json.dumps(value, indent=2,
    ensure_ascii=False)``, written by orjson's C encoder (the standard library's encoder falls
    back to pure Python when it indents, about eight times slower). Values orjson refuses (an
    integer beyond 64 bits, a key that is not a string, a lone surrogate) go through ``json``.
    Floats would be written in orjson's shortest form (``1e16``, not ``1e+16``); muniorg writes
    none (decimals are value objects with the number as a string).

    >>> print(indented_json({"name": {"da": "Sorø"}, "seats": [25]}))
    {
      "name": {
        "da": "Sorø"
      },
      "seats": [
        25
      ]
    }
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value, indent=2, ensure_ascii=False)


def dumps(document: Any) -> str:
    """Serialize a JSON(-LD) document deterministically: 2-space indent, UTF-8, final newline."""
    return indented_json(document) + "\n"


# --- reading ----------------------------------------------------------------------------------


@cache
def _bundled_text(iri: str) -> str:
    return BUNDLED_DOCUMENTS[iri].read_text(encoding="utf-8")


@contextlib.contextmanager
def allow_remote_contexts(urls: Iterable[str]) -> Iterator[frozenset[str]]:
    """Allow JSON-LD read inside the ``with`` block to fetch exactly ``urls`` (and no other).

    This is how the CLI's ``--allow-remote-context`` reaches :func:`jsonld_to_graph` through
    the validators; library callers can pass ``allow_remote=`` instead.

    :raises InputError: for a URL that is not http(s).

    >>> with allow_remote_contexts(["https://example.org/ctx.jsonld"]) as allowed:
    ...     sorted(allowed)
    ['https://example.org/ctx.jsonld']
    """
    allowed = check_remote_urls(urls)
    token = _ALLOWED_REMOTE.set(allowed)
    try:
        yield allowed
    finally:
        _ALLOWED_REMOTE.reset(token)


def check_remote_urls(urls: Iterable[str]) -> frozenset[str]:
    """The allow-list as a set, after checking every entry is an absolute http(s) URL.

    :raises InputError: for anything else (``file:`` URLs, relative paths ...).

    >>> sorted(check_remote_urls(["http://127.0.0.1:8000/c.jsonld"]))
    ['http://127.0.0.1:8000/c.jsonld']
    """
    allowed = frozenset(urls)
    for url in sorted(allowed):
        scheme, _, rest = url.partition("://")
        if scheme.lower() not in ("http", "https") or not rest or any(c.isspace() for c in url):
            raise InputError(
                f"cannot allow {url!r} as a remote context: only http:// and https:// URLs"
            )
    return allowed


class _AllowListRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another allow-listed URL."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if newurl not in self.allowed:
            raise NetworkAccessRefused(
                f"refused to follow the redirect of {req.full_url!r} to {newurl!r}: "
                "it is not an allowed remote context"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_remote_document(
    url: str,
    allowed: frozenset[str],
    *,
    timeout: float = REMOTE_TIMEOUT,
    max_bytes: int = REMOTE_MAX_BYTES,
) -> Any:
    """Fetch and parse the JSON document at the allow-listed ``url``.

    :raises NetworkAccessRefused: when ``url`` is not in ``allowed``.
    :raises InputError: when it cannot be fetched in ``timeout`` seconds, is larger than
        ``max_bytes`` or is not JSON.
    """
    if url not in allowed:
        raise NetworkAccessRefused(f"refused to fetch {url!r}: it is not an allowed remote context")
    opener = urllib.request.build_opener(_AllowListRedirects(allowed))
    request = urllib.request.Request(
        url, headers={"Accept": "application/ld+json, application/json;q=0.9"}
    )
    try:
        data = read_bounded(opener, request, timeout=timeout, max_bytes=max_bytes)
    except NetworkAccessRefused:
        raise
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError(f"could not fetch the allowed remote context {url!r}: {reason}") from None
    if len(data) > max_bytes:
        raise LimitExceeded(f"the remote context {url!r} is larger than {max_bytes} bytes; refused")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"the remote context {url!r} is not JSON: {exc}") from None


def local_document_loader(
    extra: Mapping[str, Path] | None = None,
    allow_remote: Iterable[str] = (),
) -> Callable[[str, dict[str, Any] | None], dict[str, Any]]:
    """A pyld document loader that serves bundled (and ``extra``) files, fetches the URLs in
    ``allow_remote`` (once each) and refuses all else.

    :raises NetworkAccessRefused: (from the loader) for any URL neither local nor allowed.

    >>> load = local_document_loader()
    >>> load(CONTEXT_IRI)["documentUrl"]
    'https://w3id.org/muniorg/context.jsonld'
    >>> try:
    ...     load("https://example.org/other.jsonld")
    ... except NetworkAccessRefused as refused:
    ...     print(refused.message[:51])
    refused to fetch 'https://example.org/other.jsonld'
    """
    local = {**BUNDLED_DOCUMENTS, **(extra or {})}
    allowed = check_remote_urls(allow_remote)
    fetched: dict[str, Any] = {}

    def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        if url in local:
            text = (
                _bundled_text(url)
                if url in BUNDLED_DOCUMENTS
                else local[url].read_text(encoding="utf-8")
            )
            document = json.loads(text)
        elif url in allowed:
            if url not in fetched:
                fetched[url] = fetch_remote_document(url, allowed)
            document = fetched[url]
        else:
            raise NetworkAccessRefused(
                f"refused to fetch {url!r}: muniorg never loads remote JSON-LD contexts unless "
                f"allowed (--allow-remote-context URL); use the bundled context {CONTEXT_IRI!r} "
                "or embed the context in the document"
            )
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return load


def _unwrap_loader_error(exc: BaseException) -> BaseException | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, InputError):  # refused, or an allowed fetch that failed
            return current
        seen.add(id(current))
        details = getattr(current, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        current = (
            cause
            if isinstance(cause, BaseException)
            else (current.__cause__ or current.__context__)
        )
    return None


def jsonld_to_graph(
    document: Any,
    source: str = "<json-ld>",
    *,
    allow_remote: Iterable[str] | None = None,
    limits: Limits | None = None,
) -> Graph:
    """Expand a parsed JSON-LD document with pyld into an rdflib graph, offline unless
    ``allow_remote`` (default: the :func:`allow_remote_contexts` in force, usually none) names
    the remote contexts that may be fetched.

    :raises NetworkAccessRefused: when the document refers to a context that is neither
        bundled nor allowed.
    :raises LimitExceeded: when the document is nested deeper than ``limits.max_depth``.
    :raises InputError: when the document is not valid JSON-LD.

    >>> g = jsonld_to_graph({"@context": CONTEXT_IRI, "id": "https://ex.org/m", "type": "Municipality"})
    >>> len(g)
    1
    """
    from pyld import jsonld  # type: ignore[import-untyped]  # only needed when JSON-LD is read

    where = SourceLocation(source)
    if not isinstance(document, (dict, list)):
        # pyld would take a string for the URL of a document to load.
        raise InputError(
            f"invalid JSON-LD: the document must be an object or an array, not {_json_kind(document)}",
            where,
        )
    limits = limits or current_limits()
    json_limits_error(document, limits, where)
    allowed = _ALLOWED_REMOTE.get() if allow_remote is None else check_remote_urls(allow_remote)
    options = {
        "documentLoader": local_document_loader(allow_remote=allowed),
        "base": None,
        "produceGeneralizedRdf": False,
    }
    dropped = None
    unmapped: list[str] = []  # the keys expansion ignored (a key mapped to null is not one)

    def unmapped_key(expanded_key: str | None) -> None:
        if expanded_key is not None:
            unmapped.append(expanded_key)

    try:
        # Expanded first: the IRIs a processor would drop, without a word, are looked for there.
        expanded = jsonld.expand(document, options, on_property_dropped=unmapped_key)
        dropped = dropped_property(document, unmapped[0]) if unmapped else dropped_iri(expanded)
        if dropped is None:
            dataset = jsonld.to_rdf(expanded, options)
    except RecursionError:
        raise LimitExceeded(
            "the JSON-LD document is nested too deeply to expand (lower MUNIORG_MAX_DEPTH)", where
        ) from None
    except Exception as exc:  # pyld wraps everything in JsonLdError
        cause = _unwrap_loader_error(exc)
        if isinstance(cause, InputError):
            raise type(cause)(cause.message, where) from None
        raise InputError(f"invalid JSON-LD: {_pyld_message(exc)}", where) from None
    finally:
        # pyld caches resolved contexts by URL for the whole process: forget the allowed remote
        # ones, so a later read without the allow-list cannot use them.
        for url in allowed:
            jsonld._resolved_context_cache.pop(url, None)
    if dropped is not None:
        raise InputError(dropped, where)
    graph = new_graph()
    try:
        add_triples(
            graph,
            (
                (_term(quad["subject"]), _term(quad["predicate"]), _term(quad["object"]))
                for quads in dataset.values()
                for quad in quads
            ),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"invalid JSON-LD: cannot be read as RDF ({exc})", where) from None
    return graph


def dropped_property(document: Any, expanded: str) -> str:
    """The message for a key of ``document`` that JSON-LD expansion ignored, ``expanded`` being
    what it expanded to: a term the context does not define (``"nmae"``, without ``@vocab``)
    or a text that is not an IRI (``"https://ex.org/p q"``). A processor drops such a key and
    its values without a word (JSON-LD 1.1, "Expansion Algorithm", 13.4); a key the context
    maps to ``null`` is left out on purpose and is not reported. The key is named with its
    JSON path when it can be found in ``document``.

    >>> print(dropped_property({"@graph": [{"nmae": "A"}]}, "nmae").split(": a JSON-LD")[0])
    the key 'nmae' at $["@graph"][0] is neither a term of the @context nor an IRI
    """
    from muniorg.core.values import iri_problem

    path = _key_path(document, expanded)
    where = f"the key {path[1]!r} at {path[0]}" if path else f"a key that expands to {expanded!r}"
    problem = iri_problem(expanded) or "not an absolute IRI"
    if path and path[1] == expanded and ":" not in expanded:
        why = "is neither a term of the @context nor an IRI"
    elif path and path[1] == expanded:
        why = f"is not an IRI: {problem}"
    else:
        why = f"expands to {expanded!r}, not an IRI: {problem}"
    return (
        f"{where} {why}: a JSON-LD processor would drop it and its values (define it in the "
        "@context, or map it to null to leave it out)"
    )


def _key_path(document: Any, expanded: str) -> tuple[str, str] | None:
    """The JSON path of the first object (in document order) with a key that is ``expanded``,
    or, failing that, a compact IRI (``prefix:rest``) whose ``rest`` ends ``expanded``; and
    that key."""
    fallback: tuple[str, str] | None = None
    pending: list[tuple[Any, str]] = [(document, "$")]
    while pending:
        value, path = pending.pop()
        if isinstance(value, list):
            pending.extend(reversed([(v, f"{path}[{i}]") for i, v in enumerate(value)]))
            continue
        if not isinstance(value, dict):
            continue
        for key in value:
            if key == expanded:
                return path, key
            if fallback is None and ":" in key and expanded.endswith(key.split(":", 1)[1]):
                fallback = (path, key)
        pending.extend(
            reversed(
                [
                    (v, f"{path}[{json.dumps(k, ensure_ascii=False)}]")
                    for k, v in value.items()
                    if k != "@context"
                ]
            )
        )
    return fallback


def dropped_iri(expanded: Any) -> str | None:
    """Why an expanded JSON-LD document holds an IRI that muniorg does not read (see
    :func:`muniorg.core.values.iri_problem`): a node's ``@id``, a type or a property, or
    ``None`` (a datatype is kept by the processor and checked in the graph). A JSON-LD
    processor drops such a node id (and all that is said of it), type or property without a
    word (JSON-LD 1.1, "Deserialize JSON-LD to RDF"): reading the rest would lose data
    silently.

    >>> dropped_iri([{"@id": "https://ex.org/a", "https://ex.org/p": [{"@id": "_:b"}]}]) is None
    True
    >>> dropped_iri([{"@id": "https://ex.org/a b"}]).split(" (a node id")[0]
    "invalid IRI 'https://ex.org/a b': the character U+0020 (SPACE) at position 17 is not allowed in an IRI"
    """
    from muniorg.core.values import iri_problem

    pending = [expanded]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        found: list[tuple[str, Any]] = []
        if isinstance(item.get("@id"), str):
            found.append(("node id", item["@id"]))
        types = item.get("@type")
        if "@value" not in item:  # a datatype is kept, and checked in the graph (formats.rdf)
            for kind in types if isinstance(types, list) else [types]:
                if isinstance(kind, str):
                    found.append(("type", kind))
        for key, value in item.items():
            if not key.startswith("@"):
                found.append(("property", key))
            if key in ("@value", "@language", "@direction", "@index", "@id", "@type"):
                continue
            pending.append(value)
        for what, iri in found:
            if iri.startswith(("_:", "@")):
                continue  # a blank node, a keyword (@json)
            problem = iri_problem(iri)
            if problem is not None:
                return (
                    f"invalid IRI {iri!r}: {problem} (a {what}: a JSON-LD processor would "
                    "drop it and what is said of it)"
                )
    return None


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return "a number" if isinstance(value, (int, float)) else "a string"


def _pyld_message(exc: BaseException) -> str:
    """The innermost message of a pyld error chain ("@id value must be a string" rather than
    "Could not expand input before serialization to RDF")."""
    message = ""
    current: BaseException | None = exc
    for _ in range(10):  # pyld chains are short; the bound guards against cycles
        if current is None:
            break
        text = current.args[0] if current.args and isinstance(current.args[0], str) else ""
        if text:
            message = text.strip()
        details = getattr(current, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        current = cause if isinstance(cause, BaseException) else current.__cause__
    return message.removeprefix("Invalid JSON-LD syntax; ") or type(exc).__name__


def graph_to_jsonld(graph: Graph, prefixes: Mapping[str, str]) -> dict[str, Any]:
    """Any graph as a compact, flattened JSON-LD document whose context binds ``prefixes``:
    the same document for the same graph (objects sorted by id, values in the order of the
    sorted triples). For RDF that muniorg's model does not describe, such as its own ontology
    and controlled lists; the model's data is written by :mod:`muniorg.rdf.jsonld`.

    >>> from rdflib.namespace import SKOS
    >>> g = new_graph()
    >>> _ = g.add((URIRef("https://ex.org/c"), SKOS.prefLabel, Literal("Råd", lang="da")))
    >>> graph_to_jsonld(g, {"skos": str(SKOS)})["@graph"]
    [{'@id': 'https://ex.org/c', 'skos:prefLabel': {'@language': 'da', '@value': 'Råd'}}]
    """
    from pyld import jsonld

    def rdf_term(term: Any) -> dict[str, str]:
        if isinstance(term, URIRef):
            return {"type": "IRI", "value": str(term)}
        if isinstance(term, BNode):
            return {"type": "blank node", "value": f"_:{term}"}
        if term.language:
            return {
                "type": "literal",
                "value": str(term),
                "datatype": _LANG_STRING,
                "language": term.language,
            }
        return {
            "type": "literal",
            "value": str(term),
            "datatype": str(term.datatype or _XSD_STRING),
        }

    # a dataset dict, not N-Quads text: pyld's from_rdf parses N-Quads in quadratic time
    dataset = {
        "@default": [
            {"subject": rdf_term(s), "predicate": rdf_term(p), "object": rdf_term(o)}
            for s, p, o in sorted(graph, key=lambda t: tuple(map(_sort_text, t)))
        ]
    }
    expanded = jsonld.from_rdf(dataset, {"useNativeTypes": False})
    context = dict(sorted(prefixes.items()))
    compacted = jsonld.compact(
        expanded, {"@context": context}, {"documentLoader": local_document_loader()}
    )
    nodes = compacted.get("@graph", [] if not compacted.get("@id") else [compacted])
    nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
    return {"@context": context, "@graph": sorted(nodes, key=lambda node: node.get("@id", ""))}


_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _sort_text(term: Any) -> str:
    language = getattr(term, "language", None) or ""
    datatype = getattr(term, "datatype", None) or ""
    return f"{type(term).__name__}\0{term}\0{language}\0{datatype}"


def _term(item: Mapping[str, Any]) -> URIRef | BNode | Literal:
    kind = item["type"]
    if kind == "IRI":
        return URIRef(item["value"])
    if kind == "blank node":
        return BNode(item["value"][2:])
    language = item.get("language")
    if language:
        return Literal(item["value"], lang=rdf_language(language))
    datatype = item.get("datatype")
    if datatype in (None, "http://www.w3.org/2001/XMLSchema#string"):
        return Literal(item["value"])
    return Literal(item["value"], datatype=URIRef(datatype))
