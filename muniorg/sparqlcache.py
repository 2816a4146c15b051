"""Parse each SPARQL query once per process instead of once per validation.

pySHACL hands rdflib the text of every SHACL-SPARQL constraint on every validation, and rdflib
parses it anew each time; parsing (pyparsing) was about 80 % of the time of validating one
municipality. Parsed and translated queries are immutable algebra that rdflib evaluates with
fresh bindings each time, so caching them by query text is safe. :func:`install` wraps rdflib's
processor module once; it changes nothing else.

Example:
    >>> from muniorg.sparqlcache import install, cache_size
    >>> install()
    >>> from rdflib import Graph
    >>> _ = list(Graph().query("SELECT ?s WHERE { ?s ?p ?o }"))
    >>> cache_size() >= 1
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib.plugins.sparql import processor

_parsed: dict[str, Any] = {}
_translated: dict[tuple[int, str | None, tuple[tuple[str, str], ...]], Any] = {}
_installed = False
_MAX_ENTRIES = 512  # our shapes hold a few dozen queries; the bound only guards against misuse


def _parse(text: str) -> Any:
    parsed = _parsed.get(text)
    if parsed is None:
        parsed = _original_parse(text)
        if len(_parsed) < _MAX_ENTRIES:
            _parsed[text] = parsed
    return parsed


def _translate(
    parsed: Any, base: str | None = None, init_ns: Mapping[str, Any] | None = None
) -> Any:
    namespaces = tuple(sorted((str(k), str(v)) for k, v in (init_ns or {}).items()))
    key = (id(parsed), base, namespaces)
    if not any(parsed is p for p in _parsed.values()):
        return _original_translate(parsed, base, init_ns)
    query = _translated.get(key)
    if query is None:
        query = _translated[key] = _original_translate(parsed, base, init_ns)
    return query


_original_parse = processor.parseQuery
_original_translate = processor.translateQuery


def install() -> None:
    """Route rdflib's SPARQL query parsing through the cache (idempotent)."""
    global _installed
    if _installed:
        return
    processor.parseQuery = _parse  # type: ignore[assignment]
    processor.translateQuery = _translate  # type: ignore[assignment]
    _installed = True


def cache_size() -> int:
    """How many query texts are cached."""
    return len(_parsed)
