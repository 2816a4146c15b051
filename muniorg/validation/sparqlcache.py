"""Parse each SPARQL query once per process instead of once per validation.

pySHACL hands rdflib the text of every SHACL-SPARQL constraint on every validation, and rdflib
parses it anew each time; parsing (pyparsing) was about 80 % of the time of validating one
municipality. Parsed and translated queries are immutable algebra that rdflib evaluates with
fresh bindings each time, so caching them by query text is safe. :func:`install` wraps rdflib's
processor module once; it changes nothing else.

The cache holds translated queries keyed by text, base and namespaces, never parse trees:
rdflib's translation rewrites its parse tree in place.

Example:
    >>> from muniorg.validation.sparqlcache import install, cache_size
    >>> install()
    >>> from rdflib import Graph
    >>> _ = list(Graph().query("SELECT ?s WHERE { ?s ?p ?o }"))
    >>> cache_size() >= 1
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib.plugins.sparql import algebra, parser, processor

_translated: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}
_installed = False
_MAX_ENTRIES = 512  # our shapes hold a few dozen queries; the bound only guards against misuse


class _QueryText(str):
    """What the patched ``parseQuery`` returns: the text itself, parsed later by ``_translate``.

    rdflib's ``translateQuery`` rewrites the parse tree it is given in place, so a parse tree
    must never be translated twice; the cache therefore keeps translated queries only.
    """


def _parse(text: str) -> Any:
    return _QueryText(text)


def _translate(
    parsed: Any, base: str | None = None, init_ns: Mapping[str, Any] | None = None
) -> Any:
    if not isinstance(parsed, _QueryText):
        return _original_translate(parsed, base, init_ns)
    namespaces = tuple(sorted((str(k), str(v)) for k, v in (init_ns or {}).items()))
    key = (str(parsed), base, namespaces)
    query = _translated.get(key)
    if query is None:
        query = _original_translate(_original_parse(str(parsed)), base, init_ns)
        if len(_translated) < _MAX_ENTRIES:
            _translated[key] = query
    return query


# The originals are rdflib's public functions; the processor module imported them by name.
_original_parse = parser.parseQuery
_original_translate = algebra.translateQuery


def install() -> None:
    """Route rdflib's SPARQL query parsing through the cache (idempotent)."""
    global _installed
    if _installed:
        return
    setattr(processor, "parseQuery", _parse)  # noqa: B010 - the module does not export it
    setattr(processor, "translateQuery", _translate)  # noqa: B010
    _installed = True


def cache_size() -> int:
    """How many translated queries are cached."""
    return len(_translated)
