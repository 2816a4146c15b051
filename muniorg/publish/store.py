"""Load a build into a SPARQL 1.1 store, one named graph per document (Graph Store Protocol).

``muniorg publish DIST --endpoint URL`` reads what a build wrote into ``DIST`` and sends each
published document's N-Triples file to the store's Graph Store HTTP Protocol endpoint
(https://www.w3.org/TR/sparql11-http-rdf-update/) as one named graph, ``{graph base}{id}``:

- ``PUT`` replaces a graph whole, so publishing the same build twice leaves the store as it was
  (idempotent), and publishing a new build replaces what changed.
- **Which graphs are muniorg's**: the graph named by the graph base itself (the *registry*)
  lists every graph muniorg wrote under that base (``dct:hasPart``). Publishing deletes the
  graphs the registry lists that the new build no longer has (a municipality that was removed);
  it never deletes a graph the registry does not list. The registry is written with the union of
  old and new graphs *before* any document graph is written, and with the new list at the end,
  so a publication that is interrupted leaves no graph the next one does not know about.
- **Nor does it replace one**: before anything is written, each graph the build would write that
  the registry does not list is looked up (``HEAD``, then ``GET`` unless that said 404; a graph
  without a triple counts as none, see :meth:`GraphStore.exists`); if the store has any of
  them, publishing stops with a :class:`StoreError` naming
  them and writes nothing, unless ``replace_unlisted`` is given (``--replace-unlisted``): then
  they are replaced and listed from then on. A republication asks nothing more: the graphs it
  writes are listed.
- **What is published**: the files the build's manifest (``DIST/.muniorg-manifest.json``) lists,
  checked unchanged: every ``{id}.nt`` and the catalog (``catalog.nt``, graph ``{base}catalog``);
  the whole data set (``muniorg-dataset.nt``) is the union of the documents and is not sent twice.
- **Authentication** from the environment, never the command line (which other users of the
  machine can see): ``MUNIORG_STORE_AUTHORIZATION`` is sent as the ``Authorization`` header
  (e.g. ``Bearer <token>``); otherwise ``MUNIORG_STORE_USER`` and ``MUNIORG_STORE_PASSWORD``
  give HTTP basic authentication.
- **Retries** with exponential back-off (honouring ``Retry-After``) when the store cannot be
  reached or answers 408, 425, 429, 500, 502, 503 or 504. Any other refusal stops at once with a
  :class:`StoreError` (exit 2) naming the graph, the store's status and the start of its answer.
- **Redirects are never followed**: a redirect could send the data and the credentials to
  another host. The error names the ``Location`` so that the user can give it as the endpoint.

The body is sent as ``text/turtle`` (N-Triples is a subset of Turtle, and Turtle is the format
every Graph Store implementation reads).

Example:
    >>> endpoint_url("http://127.0.0.1:7878/store", "https://example.org/graph/soroe")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fgraph%2Fsoroe'
    >>> documents_to_publish({"soroe.nt": None, "soroe.ttl": None, "muniorg-dataset.nt": None,
    ...                       "catalog.nt": None, "site/soroe.html": None})
    ['catalog', 'soroe']
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import time
import urllib.parse
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse, serialize

from muniorg.core.errors import MuniorgError, first_of
from muniorg.core.values import iri_problem
from muniorg.formats.output_folder import MANIFEST, foreign_files, read_manifest
from muniorg.reports.naming import plural

#: The default graph base: graphs are named ``{base}{document id}``, the registry ``{base}``.
DEFAULT_GRAPH_BASE = "https://w3id.org/muniorg/graph/"
#: Environment variables holding credentials for the store.
AUTHORIZATION_VARIABLE = "MUNIORG_STORE_AUTHORIZATION"
USER_VARIABLE = "MUNIORG_STORE_USER"
PASSWORD_VARIABLE = "MUNIORG_STORE_PASSWORD"
#: Statuses worth another try: the store is busy, restarting or behind a proxy that is.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
#: The whole data set is the union of the documents; it is not published as a graph of its own.
DATASET_FILE = "muniorg-dataset.nt"
#: How much of a store's answer an error quotes.
_BODY_SHOWN = 500
#: The longest wait between two tries, whatever ``Retry-After`` asks.
_MAX_WAIT = 30.0
#: How many graphs an error names before it says how many more there are.
_GRAPHS_SHOWN = 10
#: Answers that are not a refusal: a graph that is not there (GET, HEAD, DELETE), and a store
#: that does not implement HEAD (``exists`` asks with GET instead).
_ANSWERS = {"GET": {404}, "DELETE": {404}, "HEAD": {404, 405, 501}}

_DCT = "http://purl.org/dc/terms/"
_HAS_PART = f"<{_DCT}hasPart>"
_IDENTIFIER = f"<{_DCT}identifier>"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_VOID_DATASET = "<http://rdfs.org/ns/void#Dataset>"


class StoreError(MuniorgError):
    """The store cannot be reached, refuses a request, or the build folder cannot be published.

    Exit code 2, like any input problem: the store or its address needs changing, not muniorg.
    """


@dataclass
class StoreResult:
    """What a publication did: graphs written (the registry last) and deleted, requests sent
    (retries included) and the seconds it took."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    requests: int = 0
    retries: int = 0
    seconds: float = 0.0


def authorization_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The ``Authorization`` header value the environment asks for, or ``None``.

    >>> authorization_from_environment({"MUNIORG_STORE_AUTHORIZATION": "Bearer t0k3n"})
    'Bearer t0k3n'
    >>> authorization_from_environment({"MUNIORG_STORE_USER": "ann", "MUNIORG_STORE_PASSWORD": "pw"})
    'Basic YW5uOnB3'
    >>> authorization_from_environment({}) is None
    True

    :raises StoreError: when only one of the user and the password is set.
    """
    env = os.environ if environ is None else environ
    header = env.get(AUTHORIZATION_VARIABLE, "").strip()
    if header:
        return header
    user, password = env.get(USER_VARIABLE, ""), env.get(PASSWORD_VARIABLE, "")
    if not user and not password:
        return None
    if not user or not password:
        missing = USER_VARIABLE if not user else PASSWORD_VARIABLE
        raise StoreError(
            f"basic authentication needs {USER_VARIABLE} and {PASSWORD_VARIABLE}; "
            f"{missing} is not set"
        )
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def check_endpoint(endpoint: str) -> urllib.parse.SplitResult:
    """``endpoint`` split, or a :class:`StoreError` when it is not an http(s) URL with a host.

    >>> check_endpoint("ftp://example.org/store")
    Traceback (most recent call last):
    ...
    muniorg.publish.store.StoreError: 'ftp://example.org/store' is not a Graph Store endpoint: ...
    >>> check_endpoint("http://127.0.0.1:99999/store")
    Traceback (most recent call last):
    ...
    muniorg.publish.store.StoreError: 'http://127.0.0.1:99999/store' is not a Graph Store endpoint: Port ...
    """
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - urllib checks the port only when it is read
    except ValueError as err:  # an unclosed [IPv6 address, a port that is not 0-65535
        raise StoreError(f"{_shown(endpoint)!r} is not a Graph Store endpoint: {err}") from err
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(
            f"{_shown(endpoint)!r} is not a Graph Store endpoint: expected an http(s) URL "
            "such as http://127.0.0.1:7878/store"
        )
    if parts.username is not None or parts.password is not None:
        raise StoreError(
            f"the endpoint {parts.hostname} has credentials in its URL; put them "
            f"in {USER_VARIABLE} and {PASSWORD_VARIABLE} (or {AUTHORIZATION_VARIABLE})"
            " instead, where other users of the machine cannot see them"
        )
    if parts.fragment:
        raise StoreError(f"{_shown(endpoint)!r} has a fragment (#...); a store endpoint has none")
    return parts


#: The user and password part of a URL (``//ann:s3cret@``), however the rest is written.
_USERINFO = re.compile(r"(//)[^/?#]*@")


def _shown(endpoint: str) -> str:
    """``endpoint`` as an error may show it: without the user and password it may hold.

    >>> _shown("http://ann:s3cret@example.org:99999/store")
    'http://***@example.org:99999/store'
    """
    return _USERINFO.sub(r"\1***@", endpoint, count=1)


def endpoint_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL for ``graph`` (indirect graph identification, ``?graph=``)."""
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}graph={urllib.parse.quote(graph, safe='')}"


def documents_to_publish(manifest: Collection[str]) -> list[str]:
    """The ids of the documents a build's manifest lists that become graphs (sorted)."""
    return sorted(
        name[: -len(".nt")]
        for name in manifest
        if name.endswith(".nt") and "/" not in name and name != DATASET_FILE
    )


class GraphStore:
    """A Graph Store Protocol endpoint: ``get``, ``put`` and ``delete`` named graphs.

    One connection is kept open and reused (close it with :meth:`close`, or use the store as a
    context manager); each request is tried up to ``retries + 1`` times
    (see the module). ``sleep`` is the function that waits between tries.
    """

    def __init__(
        self,
        endpoint: str,
        *,
        authorization: str | None = None,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.endpoint = endpoint
        self._parts = check_endpoint(endpoint)
        self._authorization = authorization
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self._sleep = sleep
        self._connection: http.client.HTTPConnection | None = None
        self._head = True  # until the store says it does not implement HEAD
        self.requests = 0
        self.retried = 0

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (a later request opens a new one)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def get(self, graph: str) -> bytes | None:
        """The graph as N-Triples, or ``None`` when the store has no such graph. N-Triples is
        asked for; an answer in another RDF format (a store that ignores ``Accept``) is
        converted.

        :raises StoreError: when the answer is not RDF in the format it says.
        """
        status, body, media_type = self._request("GET", graph, accept="application/n-triples")
        if status == 404:
            return None
        fmt = RdfFormat.from_media_type(media_type) if media_type else None
        if fmt is None or fmt == RdfFormat.N_TRIPLES or not body.strip():
            return body  # N-Triples, or said to be nothing else: read as N-Triples
        try:
            return serialize(parse(body, format=fmt), format=RdfFormat.N_TRIPLES) or b""
        except (SyntaxError, ValueError, OSError) as err:
            raise StoreError(
                f"the store answered GET of graph <{graph}> with {media_type} that is not "
                f"{fmt.name}: {err}"
            ) from err

    def exists(self, graph: str) -> bool:
        """Whether the store has ``graph`` with at least one triple: ``HEAD`` (404: no), then,
        unless that said no, ``GET``, whose answer must hold a triple (see
        :func:`holds_triples`). An empty graph counts as none: a store that keeps no empty
        named graphs may answer 200 and an empty document for any graph (the Graph Store
        Protocol leaves it open, and RDF 1.1 Concepts asks applications not to ascribe
        importance to empty named graphs), and replacing an empty graph loses nothing. A store
        without ``HEAD`` (the protocol defines it, not every implementation answers it) is
        asked with ``GET`` only."""
        if self._head:
            status, _, _ = self._request("HEAD", graph)
            if status == 404:
                return False
            if status in (405, 501):
                self._head = False
                self.close()  # a store that does not know HEAD may have sent a body after all
        status, body, media_type = self._request("GET", graph, accept="application/n-triples")
        return status != 404 and holds_triples(body, media_type)

    def put(self, graph: str, ntriples: bytes) -> None:
        """Replace ``graph`` with ``ntriples`` (created when missing)."""
        self._request("PUT", graph, body=ntriples)

    def delete(self, graph: str) -> None:
        """Delete ``graph``; a graph that is already gone is fine."""
        self._request("DELETE", graph)

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            host, port = self._parts.hostname or "", self._parts.port
            if self._parts.scheme == "https":
                self._connection = http.client.HTTPSConnection(host, port, timeout=self.timeout)
            else:
                self._connection = http.client.HTTPConnection(host, port, timeout=self.timeout)
        return self._connection

    def _request(
        self, method: str, graph: str, *, body: bytes | None = None, accept: str | None = None
    ) -> tuple[int, bytes, str | None]:
        """The store's status, body and ``Content-Type`` for ``method`` on ``graph``, after the
        retries; a refusal (not a 404 where that is an answer) raises :class:`StoreError`."""
        url = urllib.parse.urlsplit(endpoint_url(self.endpoint, graph))
        target = urllib.parse.urlunsplit(("", "", url.path or "/", url.query, ""))
        headers = {"User-Agent": "muniorg"}
        if body is not None:
            headers["Content-Type"] = "text/turtle; charset=utf-8"
        if accept is not None:
            headers["Accept"] = accept
        if self._authorization is not None:
            headers["Authorization"] = self._authorization
        attempt = 0
        while True:
            self.requests += 1
            wait: float | None = None
            try:
                connection = self._connect()
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                answer = response.read()
                status = response.status
                media_type = response.getheader("Content-Type")
                retry_after = response.getheader("Retry-After")
                location = response.getheader("Location")
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
            except (OSError, http.client.HTTPException) as err:
                self.close()
                problem = f"cannot reach the store at {self.endpoint}: {err or type(err).__name__}"
            else:
                if status in RETRY_STATUSES:
                    problem = _refusal(method, graph, status, response.reason, answer)
                    wait = _retry_after(retry_after)
                elif 300 <= status < 400:
                    raise StoreError(
                        f"the store answered {method} of graph <{graph}> with HTTP {status} "
                        f"{response.reason}, a redirect to {location or '(no Location)'}; muniorg "
                        "does not follow redirects (they could send the data and credentials "
                        "elsewhere): if that address is right, give it as --endpoint"
                    )
                elif status >= 400 and status not in _ANSWERS.get(method, ()):
                    raise StoreError(_refusal(method, graph, status, response.reason, answer))
                else:
                    return status, answer, media_type
            if attempt >= self.retries:
                tries = f"{attempt + 1} tries" if attempt else "1 try"
                raise StoreError(f"{problem} (gave up after {tries})")
            delay = self.backoff * 2**attempt
            self._sleep(min(max(delay, wait or 0.0), _MAX_WAIT))
            attempt += 1
            self.retried += 1


def _retry_after(value: str | None) -> float | None:
    """The seconds of a ``Retry-After: <seconds>`` header (an HTTP date is not worth parsing)."""
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _refusal(method: str, graph: str, status: int, reason: str, body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    if len(text) > _BODY_SHOWN:
        text = text[:_BODY_SHOWN] + "..."
    hint = ""
    if status in (401, 403):
        hint = (
            f" (credentials come from {AUTHORIZATION_VARIABLE}, or {USER_VARIABLE} and "
            f"{PASSWORD_VARIABLE})"
        )
    said = f": {text}" if text else ""
    return f"the store refused {method} of graph <{graph}>: HTTP {status} {reason}{hint}{said}"


def registry_ntriples(registry: str, graphs: Mapping[str, str]) -> bytes:
    """The registry graph: ``registry`` is a ``void:Dataset`` whose parts are ``graphs``
    (graph IRI -> document id), in N-Triples, sorted.

    >>> print(registry_ntriples("urn:g:", {"urn:g:a": "a"}).decode(), end="")
    <urn:g:> <http://purl.org/dc/terms/hasPart> <urn:g:a> .
    <urn:g:> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset> .
    <urn:g:a> <http://purl.org/dc/terms/identifier> "a" .
    """
    lines = {f"<{registry}> {_TYPE} {_VOID_DATASET} .\n"}
    for graph, slug in graphs.items():
        lines.add(f"<{registry}> {_HAS_PART} <{graph}> .\n")
        lines.add(f"<{graph}> {_IDENTIFIER} {json.dumps(slug)} .\n")
    return "".join(sorted(lines)).encode("utf-8")


def holds_triples(body: bytes, media_type: str | None) -> bool:
    """Whether a store's answer to ``GET`` of a graph (``body``, of ``media_type``, N-Triples
    when it names none) holds a triple. An answer that cannot be read, in a format pyoxigraph
    does not know or with an error, counts as holding one: :func:`check_unlisted` then stops
    rather than replace what it could not look at.

    >>> holds_triples(b"", "application/n-triples"), holds_triples(b"  \\n", None)
    (False, False)
    >>> holds_triples(b"@prefix ex: <https://ex.org/> .\\n# nothing\\n", "text/turtle")
    False
    >>> holds_triples(b"<urn:a> <urn:b> <urn:c> .\\n", "application/n-triples; charset=utf-8")
    True
    >>> holds_triples(b"<not RDF", "text/turtle"), holds_triples(b"x", "application/pdf")
    (True, True)
    """
    if not body.strip():
        return False
    fmt = RdfFormat.from_media_type(media_type) if media_type else RdfFormat.N_TRIPLES
    if fmt is None:
        return True
    try:
        return any(True for _ in parse(body, format=fmt))
    except (SyntaxError, ValueError, OSError):
        return True


def registered_graphs(registry: str, ntriples: bytes | None) -> set[str]:
    """The graphs a registry graph (as N-Triples, ``None`` when missing) lists.

    :raises StoreError: when the graph exists but is not a muniorg registry (someone else's).
    """
    if not ntriples or not ntriples.strip():
        return set()
    try:
        triples = list(parse(ntriples, format=RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as err:
        raise StoreError(f"the store's graph <{registry}> is not N-Triples: {err}") from err
    subject = NamedNode(registry)
    parts = {
        t.object.value
        for t in triples
        if t.subject == subject and t.predicate == NamedNode(_HAS_PART[1:-1])
    }
    is_dataset = any(
        t.subject == subject and t.object == NamedNode(_VOID_DATASET[1:-1]) for t in triples
    )
    if not is_dataset:
        raise StoreError(
            f"the store already has a graph <{registry}> that muniorg did not write (it is not a "
            "muniorg registry); choose another --graph-base"
        )
    return parts


def check_unlisted(store: GraphStore, graphs: Collection[str], registry: str) -> None:
    """Stop when the store has any of ``graphs`` (graphs ``registry`` does not list): publishing
    would replace another tool's data.

    :raises StoreError: naming the graphs the store has, and how to go on.
    """
    found = [graph for graph in sorted(graphs) if store.exists(graph)]
    if not found:
        return
    shown = first_of([f"<{graph}>" for graph in found], _GRAPHS_SHOWN)
    raise StoreError(
        f"the store already has {plural(len(found), 'graph')} that this build would replace "
        f"and that the registry <{registry}> does not list (another tool's, or muniorg's from "
        f"a lost registry): {shown}; nothing was written. Publish under another "
        "--graph-base, or give --replace-unlisted to replace them (the registry lists them "
        "from then on)"
    )


def publish_to_store(
    dist: Path,
    store: GraphStore,
    *,
    graph_base: str = DEFAULT_GRAPH_BASE,
    replace_unlisted: bool = False,
    progress: Callable[[str, str], None] | None = None,
) -> StoreResult:
    """Publish the build in ``dist`` to ``store``; see the module for what that means.

    ``replace_unlisted`` replaces graphs of the build that the store has but the registry does
    not list, instead of stopping. ``progress`` is called with ``("put" | "delete", graph IRI)``
    before each change.

    :raises StoreError: when ``dist`` is not an unchanged build, the store has graphs of the
        build that the registry does not list, or the store refuses.
    """
    started = time.perf_counter()
    problem = iri_problem(graph_base)
    if problem is None and not graph_base.endswith(("/", "#", ":")):
        problem = "it must end in '/', '#' or ':' (graphs are named {base}{id})"
    if problem is not None:
        raise StoreError(f"the graph base {graph_base!r} is not usable: {problem}")
    records = read_manifest(dist) if dist.is_dir() else None
    if records is None:
        raise StoreError(
            f"{dist} is not a build folder (it has no {MANIFEST}); run "
            f"'muniorg build SOURCES -o {dist}' first"
        )
    changed = foreign_files(dist, records)
    if changed:
        raise StoreError(
            f"{dist} holds files that its build did not write or that changed "
            f"since: {', '.join(changed[:10])}; build again before publishing"
        )
    graphs = {f"{graph_base}{slug}": slug for slug in documents_to_publish(records)}
    registry = graph_base
    result = StoreResult()
    # Only graphs under the graph base are muniorg's to delete, whatever the registry says.
    old = {
        g
        for g in registered_graphs(registry, store.get(registry))
        if g.startswith(graph_base) and g != registry
    }
    if not replace_unlisted:
        check_unlisted(store, set(graphs) - old, registry)
    everything = {**dict.fromkeys(old, ""), **graphs}
    for graph in old:  # the id of an old graph, kept as it was
        everything[graph] = everything[graph] or graph[len(graph_base) :]
    if set(everything) != old:
        store.put(registry, registry_ntriples(registry, everything))
    for graph, slug in graphs.items():
        if progress is not None:
            progress("put", graph)
        try:
            data = (dist / f"{slug}.nt").read_bytes()
        except OSError as err:
            raise StoreError(f"cannot read {dist / (slug + '.nt')}: {err.strerror}") from err
        store.put(graph, data)
        result.written.append(graph)
    for graph in sorted(old - set(graphs)):
        if progress is not None:
            progress("delete", graph)
        store.delete(graph)
        result.deleted.append(graph)
    store.put(registry, registry_ntriples(registry, graphs))
    result.written.append(registry)
    result.requests, result.retries = store.requests, store.retried
    result.seconds = time.perf_counter() - started
    return result


__all__ = [
    "DEFAULT_GRAPH_BASE",
    "GraphStore",
    "StoreError",
    "StoreResult",
    "authorization_from_environment",
    "check_endpoint",
    "check_unlisted",
    "documents_to_publish",
    "endpoint_url",
    "holds_triples",
    "publish_to_store",
    "registered_graphs",
    "registry_ntriples",
]
