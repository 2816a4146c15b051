"""``muniorg publish``: a build loaded into a real SPARQL store (Oxigraph) as named graphs.

The ``oxigraph`` fixture starts the Oxigraph server (PyPI ``oxigraph``, in the ``test`` extra)
on a free loopback port with its own data folder and stops it afterwards. What a real store
cannot be made to do on demand (answer 503, redirect, check credentials) is tested against a
small scripted HTTP server in a thread.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from muniorg.cli.app import cli
from muniorg.publish.build import build
from muniorg.publish.store import (
    DEFAULT_GRAPH_BASE,
    GraphStore,
    StoreError,
    authorization_from_environment,
    check_unlisted,
    publish_to_store,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DOCUMENTS = [
    "catalog",
    "glostrup",
    "norrtaelje",
    "ontology",  # the ontology and the controlled lists a build publishes: labels for SPARQL
    "saman-om-ein-betre-kommune",
    "soroe",
    "stord",
    "vocabularies",
]
#: Graphs every build publishes, whatever its documents.
EVERY_BUILD = ("catalog", "ontology", "vocabularies")


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command: beside this Python (a virtual environment) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Oxigraph:
    """A running Oxigraph server."""

    url: str

    @property
    def store(self) -> str:
        return f"{self.url}/store"

    def select(self, query: str) -> list[dict[str, str]]:
        """The rows of a SELECT query (values as the CSV results give them)."""
        data = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(
            f"{self.url}/query", data=data, headers={"Accept": "text/csv"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            lines = response.read().decode("utf-8").splitlines()
        head = lines[0].split(",")
        return [dict(zip(head, line.split(","), strict=False)) for line in lines[1:]]

    def graphs(self) -> dict[str, int]:
        """Named graph -> number of triples."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"]: int(row["n"]) for row in rows}

    def quads(self) -> set[str]:
        rows = self.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {",".join(row.values()) for row in rows}


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    log = tmp_path / "oxigraph.log"
    with log.open("wb") as stream:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(
            [
                binary,
                "serve",
                "--location",
                str(tmp_path / "oxigraph"),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stream,
        )
    server = Oxigraph(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.graphs()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph did not start: {log.read_text()}") from None
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(autouse=True)
def close_stores(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every GraphStore a test opens is closed when it ends (no socket left behind)."""
    opened: list[GraphStore] = []
    original = GraphStore.__init__

    def init(self: GraphStore, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        opened.append(self)

    monkeypatch.setattr(GraphStore, "__init__", init)
    yield
    for store in opened:
        store.close()


def triples_in(path: Path) -> int:
    return len(list(parse(path.read_bytes(), format=RdfFormat.N_TRIPLES)))


def test_publish_loads_each_document_as_a_named_graph(oxigraph, examples_dist, runner):
    result = runner.invoke(cli, ["publish", str(examples_dist), "--endpoint", oxigraph.store])
    assert result.exit_code == 0, result.output
    graphs = oxigraph.graphs()
    expected = {
        f"{DEFAULT_GRAPH_BASE}{slug}": triples_in(examples_dist / f"{slug}.nt")
        for slug in DOCUMENTS
    }
    registry = graphs.pop(DEFAULT_GRAPH_BASE)
    assert graphs == expected
    assert registry == 1 + 2 * len(DOCUMENTS)  # the type, then hasPart and identifier per graph
    assert f"Published {len(DOCUMENTS)} graphs and the registry" in result.stderr
    assert "deleted 0 graphs" in result.stderr


def test_republishing_is_idempotent(oxigraph, examples_dist):
    publish_to_store(examples_dist, GraphStore(oxigraph.store))
    before = oxigraph.quads()
    again = publish_to_store(examples_dist, GraphStore(oxigraph.store))
    assert oxigraph.quads() == before
    assert again.deleted == []
    assert again.requests == 1 + len(DOCUMENTS) + 1  # read the registry, the graphs, registry


def test_graphs_of_removed_documents_are_deleted_and_others_kept(oxigraph, examples_dist, tmp_path):
    store = GraphStore(oxigraph.store)
    foreign = "https://example.org/someone-elses-graph"
    store.put(foreign, b"<urn:a> <urn:b> <urn:c> .\n")
    publish_to_store(examples_dist, store)
    smaller = tmp_path / "smaller"
    sources = [EXAMPLES / "municipalities" / "soroe.yaml", EXAMPLES / "catalog.yaml"]
    assert build(sources, smaller).published
    result = publish_to_store(smaller, store)
    kept = ("soroe", *EVERY_BUILD)
    gone = {f"{DEFAULT_GRAPH_BASE}{slug}" for slug in DOCUMENTS if slug not in kept}
    assert set(result.deleted) == gone
    graphs = oxigraph.graphs()
    assert set(graphs) == {foreign, DEFAULT_GRAPH_BASE} | {
        f"{DEFAULT_GRAPH_BASE}{slug}" for slug in kept
    }
    assert graphs[f"{DEFAULT_GRAPH_BASE}soroe"] == triples_in(smaller / "soroe.nt")


def test_an_interrupted_publication_is_finished_by_the_next(oxigraph, examples_dist, tmp_path):
    """The registry names every graph before it is written: after a failure mid-way, the next
    publication (of a smaller build) still deletes what the failed one wrote."""
    store = GraphStore(oxigraph.store)

    class Failing(GraphStore):
        def put(self, graph: str, ntriples: bytes) -> None:
            if graph.endswith("/soroe"):
                raise StoreError("the store went away")
            super().put(graph, ntriples)

    with pytest.raises(StoreError):
        publish_to_store(examples_dist, Failing(oxigraph.store))
    assert f"{DEFAULT_GRAPH_BASE}glostrup" in oxigraph.graphs()
    smaller = tmp_path / "smaller"
    assert build([EXAMPLES / "municipalities" / "stord.yaml"], smaller).published
    publish_to_store(smaller, store)
    # a build without a catalog file: no catalog graph; the ontology and the lists stay
    assert set(oxigraph.graphs()) == {DEFAULT_GRAPH_BASE} | {
        f"{DEFAULT_GRAPH_BASE}{slug}" for slug in ("stord", "ontology", "vocabularies")
    }


def test_a_graph_base_that_names_someone_elses_graph_is_refused(oxigraph, examples_dist):
    store = GraphStore(oxigraph.store)
    base = "https://example.org/graphs/"
    store.put(base, b"<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(StoreError, match="muniorg did not write"):
        publish_to_store(examples_dist, store, graph_base=base)
    assert set(oxigraph.graphs()) == {base}


def test_a_graph_the_registry_does_not_list_is_not_replaced(oxigraph, examples_dist, runner):
    """Another tool's graph named {base}{id}: publish PUT over it without a word. Now it stops
    before writing anything, until --replace-unlisted, which lists the graph from then on."""
    store = GraphStore(oxigraph.store)
    theirs = [f"{DEFAULT_GRAPH_BASE}soroe", f"{DEFAULT_GRAPH_BASE}catalog"]
    for graph in theirs:
        store.put(graph, b'<urn:mine> <urn:says> "another tool\'s data" .\n')
    before = oxigraph.quads()
    publish = ["publish", str(examples_dist), "--endpoint", oxigraph.store]
    result = runner.invoke(cli, publish)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "error: the store already has 2 graphs that this build would replace and that the "
        f"registry <{DEFAULT_GRAPH_BASE}> does not list (another tool's, or muniorg's from a "
        f"lost registry): <{theirs[1]}>, <{theirs[0]}>; nothing was written. Publish under "
        "another --graph-base, or give --replace-unlisted to replace them (the registry lists "
        "them from then on)\n"
    )
    assert oxigraph.quads() == before
    result = runner.invoke(cli, [*publish, "--replace-unlisted"])
    assert result.exit_code == 0, result.output
    assert oxigraph.graphs()[theirs[0]] == triples_in(examples_dist / "soroe.nt")
    again = publish_to_store(examples_dist, GraphStore(oxigraph.store))
    assert again.requests == 1 + len(DOCUMENTS) + 1  # listed now: replaced, nothing asked


def test_graphs_of_other_graph_bases_are_not_in_the_way(oxigraph, examples_dist):
    """Only the graphs this build would write are looked up, and only those the registry does
    not list: a first publication asks once per graph, a second not at all."""
    GraphStore(oxigraph.store).put(
        "https://example.org/graph/soroe", b"<urn:a> <urn:b> <urn:c> .\n"
    )
    first = publish_to_store(examples_dist, GraphStore(oxigraph.store))
    # the registry, whether each graph exists, the registry, the graphs, the registry
    assert first.requests == 1 + len(DOCUMENTS) + 1 + len(DOCUMENTS) + 1
    assert "https://example.org/graph/soroe" in oxigraph.graphs()
    assert (
        publish_to_store(examples_dist, GraphStore(oxigraph.store)).requests
        == 1 + len(DOCUMENTS) + 1
    )


def test_a_refusal_names_the_graph_and_the_stores_answer(oxigraph, examples_dist, runner):
    result = runner.invoke(
        cli, ["publish", str(examples_dist), "--endpoint", f"{oxigraph.url}/nothere"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: the store refused PUT of graph <{DEFAULT_GRAPH_BASE}>: HTTP 404 Not Found: "
    )
    assert "/nothere" in result.stderr  # Oxigraph's own words
    assert "Traceback" not in result.output


def test_only_an_unchanged_build_is_published(oxigraph, tmp_path, runner):
    out = tmp_path / "dist"
    assert build([EXAMPLES / "municipalities" / "stord.yaml"], out).published
    with (out / "stord.nt").open("a", encoding="utf-8") as stream:
        stream.write("<urn:x> <urn:y> <urn:z> .\n")
    result = runner.invoke(cli, ["publish", str(out), "--endpoint", oxigraph.store])
    assert result.exit_code == 2
    assert "stord.nt" in result.stderr and "changed" in result.stderr
    result = runner.invoke(cli, ["publish", str(EXAMPLES), "--endpoint", oxigraph.store])
    assert result.exit_code == 2 and "is not a build folder" in result.stderr
    assert oxigraph.graphs() == {}


def test_the_consumer_guides_queries_run(oxigraph, examples_dist):
    publish_to_store(examples_dist, GraphStore(oxigraph.store))
    guide = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    prefixes = re.search(r"```\n(PREFIX .*?)```", guide, re.S)
    assert prefixes is not None
    queries = re.findall(r"```sparql\n(.*?)```", guide, re.S)
    assert len(queries) >= 5
    answers = [oxigraph.select(prefixes.group(1) + query) for query in queries]
    assert all(answers), [q for q, a in zip(queries, answers, strict=True) if not a]
    names = {row["name"] for row in answers[0]}
    assert names == {
        "Sorø Municipality",
        "Glostrup Municipality",
        "Norrtälje Municipality",
        "Stord Municipality",
    }
    assert answers[1][0]["seats"] == "25"
    assert {row["id"] for row in answers[3]} == set(DOCUMENTS)


# -- what a real store cannot be made to do: a scripted server ---------------------------------


@dataclass
class Scripted:
    """Answers requests from ``script`` (status, headers[, body]) in turn, then as an empty
    store would (404 to GET, 204 to PUT and DELETE), or, with ``every_graph`` set, as a store
    answering every ``GET`` with 200 and that body; ``HEAD`` always with ``head`` (404: no such
    graph). Records what it saw."""

    script: list[tuple[int, dict[str, str]] | tuple[int, dict[str, str], bytes]]
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    url: str = ""
    head: int = 404
    every_graph: bytes | None = None

    def methods(self) -> list[str]:
        """The methods of the requests seen, but HEAD (publish asks whether graphs exist)."""
        return [method for method, _, _ in self.seen if method != "HEAD"]


@pytest.fixture
def scripted() -> Iterator[Scripted]:
    state = Scripted(script=[])

    class Handler(BaseHTTPRequestHandler):
        def answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            state.seen.append((self.command, self.path, dict(self.headers)))
            body = b""
            if self.command == "HEAD":
                status, headers = state.head, {}
            elif state.script:
                status, headers, *given = state.script.pop(0)
                body = given[0] if given else b""
            elif self.command == "GET" and state.every_graph is not None:
                status, headers, body = 200, {}, state.every_graph
            else:
                status, headers = (404 if self.command == "GET" else 204), {}
            if status >= 500 and self.command != "HEAD":
                body = b"busy"
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_HEAD = do_PUT = do_DELETE = answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/store"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_busy_answers_are_retried_with_back_off(scripted, examples_dist):
    scripted.script = [(404, {}), (503, {}), (503, {"Retry-After": "2"})]
    waits: list[float] = []
    store = GraphStore(scripted.url, sleep=waits.append, backoff=0.5)
    result = publish_to_store(examples_dist, store)
    assert waits == [0.5, 2.0]  # doubled back-off, or longer when the store asks
    assert result.retries == 2
    assert scripted.methods()[:4] == ["GET", "PUT", "PUT", "PUT"]


@pytest.mark.parametrize("head", [405, 501])
def test_a_store_without_head_is_asked_with_get(scripted, examples_dist, head):
    """HEAD is part of the Graph Store Protocol, but a store that does not implement it is
    asked with GET instead (once told, for every graph after)."""
    scripted.head = head
    # no registry; the first graph (catalog) exists
    scripted.script = [(404, {}), (200, {}, b"<urn:a> <urn:b> <urn:c> .\n")]
    with pytest.raises(StoreError, match=rf"has 1 graph .*: <{DEFAULT_GRAPH_BASE}catalog>; "):
        publish_to_store(examples_dist, GraphStore(scripted.url))
    assert [method for method, _, _ in scripted.seen] == ["GET", "HEAD"] + ["GET"] * len(DOCUMENTS)


def test_a_long_list_of_unlisted_graphs_is_cut_short(scripted):
    scripted.head = 200  # every graph exists
    scripted.every_graph = b"<urn:a> <urn:b> <urn:c> .\n"
    graphs = [f"urn:g:{n:02}" for n in range(12)]
    with pytest.raises(StoreError) as caught:
        check_unlisted(GraphStore(scripted.url), graphs, "urn:g:")
    assert "has 12 graphs " in caught.value.message
    assert "<urn:g:09> and 2 more; nothing was written" in caught.value.message


@pytest.mark.parametrize("head", [200, 405])
@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        (b"", None),
        (b"@prefix ex: <https://ex.org/> .\n", "text/turtle"),
        (b"[]", "application/ld+json"),
    ],
)
def test_a_store_that_answers_every_graph_with_an_empty_one_is_published_to(
    scripted, examples_dist, head, body, media_type
):
    """A store that keeps no empty named graphs may answer 200 and an empty document for a
    graph it does not have (BrightstarDB does; the Graph Store Protocol leaves it open). Every
    first publish stopped there, naming every graph of the build as another tool's."""
    scripted.head = head
    scripted.every_graph = body
    headers = {"Content-Type": media_type} if media_type else {}
    scripted.script = [(200, headers, body)] * (1 + len(DOCUMENTS))  # registry, then each graph
    result = publish_to_store(examples_dist, GraphStore(scripted.url))
    assert len(result.written) == len(DOCUMENTS) + 1  # and the registry
    assert scripted.methods().count("PUT") == len(DOCUMENTS) + 2  # the registry twice


def test_an_answer_in_another_format_than_asked_is_read_in_its_own(scripted):
    """A store that ignores ``Accept: application/n-triples`` and answers Turtle: its graph is
    read as Turtle (the registry was refused as 'not N-Triples'), and a graph it holds, so
    answered, stops a publish as it should."""
    turtle = {"Content-Type": "text/turtle; charset=utf-8"}
    scripted.script = [
        (200, turtle, b"@prefix ex: <https://ex.org/> .\nex:a ex:b ex:c .\n"),
        (200, turtle, b"@prefix ex: <https://ex.org/> .\nex:a ex:b ex:c .\n"),
        (200, turtle, b"@prefix ex: <https://ex.org/> .\nex:a ex:b"),
    ]
    store = GraphStore(scripted.url)
    assert store.get("urn:g:1") == b"<https://ex.org/a> <https://ex.org/b> <https://ex.org/c> .\n"
    scripted.head = 200
    with pytest.raises(StoreError, match=r"already has 1 graph .*<urn:g:2>"):
        check_unlisted(store, ["urn:g:2"], "urn:g:")
    with pytest.raises(
        StoreError,
        match=r"GET of graph <urn:g:3> with text/turtle; charset=utf-8 that is not Turtle",
    ):
        store.get("urn:g:3")


def test_giving_up_says_how_often_it_tried(scripted, examples_dist):
    scripted.script = [(404, {})] + [(503, {})] * 3
    store = GraphStore(scripted.url, sleep=lambda _: None, retries=2)
    with pytest.raises(StoreError, match=r"HTTP 503 .*: busy \(gave up after 3 tries\)"):
        publish_to_store(examples_dist, store)


def test_redirects_are_not_followed(scripted, examples_dist):
    scripted.script = [(404, {}), (307, {"Location": "http://elsewhere.example/store"})]
    with pytest.raises(StoreError, match=r"HTTP 307 .*elsewhere\.example/store.*--endpoint"):
        publish_to_store(examples_dist, GraphStore(scripted.url))
    assert scripted.methods() == ["GET", "PUT"]


def test_credentials_come_from_the_environment(scripted, examples_dist, runner):
    env = {"MUNIORG_STORE_USER": "loader", "MUNIORG_STORE_PASSWORD": "s3cret"}
    result = runner.invoke(
        cli, ["publish", str(examples_dist), "--endpoint", scripted.url], env=env
    )
    assert result.exit_code == 0, result.output
    assert {h.get("Authorization") for _, _, h in scripted.seen} == {"Basic bG9hZGVyOnMzY3JldA=="}
    assert "s3cret" not in result.output
    token = {"MUNIORG_STORE_AUTHORIZATION": "Bearer abc"}
    assert authorization_from_environment(token) == "Bearer abc"
    with pytest.raises(StoreError, match="MUNIORG_STORE_PASSWORD is not set"):
        authorization_from_environment({"MUNIORG_STORE_USER": "loader"})


def test_graphs_are_named_in_the_query_string(scripted, examples_dist):
    publish_to_store(
        examples_dist, GraphStore(f"{scripted.url}?access-token=t"), graph_base="urn:g:"
    )
    paths = {path for _, path, _ in scripted.seen}
    assert "/store?access-token=t&graph=urn%3Ag%3Asoroe" in paths
    assert all(
        h.get("Content-Type") == "text/turtle; charset=utf-8"
        for m, _, h in scripted.seen
        if m == "PUT"
    )


@pytest.mark.parametrize(
    ("endpoint", "message"),
    [
        ("ftp://example.org/store", "is not a Graph Store endpoint"),
        ("http://ann:pw@example.org/store", "has credentials in its URL"),
        ("http://127.0.0.1:99999/store", "port out of range 0-65535"),
        ("http://127.0.0.1:x/store", "port could not be cast"),
        ("http://[::1/store", "invalid IPv6 URL"),
        ("http://ann:s3cret@example.org:99999/store", "port out of range 0-65535"),
        ("http://ann:s3cret@[::1/store", "invalid IPv6 URL"),
        ("ftp://ann:s3cret@example.org/store", "is not a Graph Store endpoint"),
    ],
)
def test_bad_endpoints_are_refused(tmp_path, runner, endpoint, message):
    # Refused as the option is parsed: DIST (an empty folder, not a build) is not read.
    result = runner.invoke(cli, ["publish", str(tmp_path), "--endpoint", endpoint])
    assert result.exit_code == 2, result.output
    assert "--endpoint" in result.stderr
    # the value is named, but never with its credentials
    assert repr(
        endpoint.replace("ann:s3cret@", "***@").replace("ann:pw@", "***@")
    ) in result.stderr or ("has credentials" in message)
    assert "s3cret" not in result.output and ":pw@" not in result.output
    assert message.lower() in result.stderr.lower()
    assert "Traceback" not in result.output


def test_a_bad_graph_base_is_refused(examples_dist, runner):
    result = runner.invoke(
        cli,
        ["publish", str(examples_dist), "--endpoint", "http://127.0.0.1:9/", "--graph-base", "x"],
    )
    assert result.exit_code == 2
    assert "the graph base 'x' is not usable" in result.stderr


def test_credentials_without_tls_beyond_this_machine_are_warned_about(examples_dist, runner):
    env = {"MUNIORG_STORE_AUTHORIZATION": "Bearer t"}
    result = runner.invoke(
        cli,
        [
            "publish",
            str(examples_dist),
            "--endpoint",
            "http://192.0.2.1:9/store",
            "--retries",
            "0",
            "--timeout",
            "0.5",
        ],
        env=env,
    )
    assert "warning: sending credentials to 192.0.2.1 without TLS" in result.stderr
    assert result.exit_code == 2  # and the unreachable store is an error, not a hang


def test_a_registry_never_makes_publish_delete_outside_the_graph_base(oxigraph, examples_dist):
    store = GraphStore(oxigraph.store)
    outside = "https://example.org/precious"
    store.put(outside, b"<urn:a> <urn:b> <urn:c> .\n")
    registry = (
        f"<{DEFAULT_GRAPH_BASE}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        f"<http://rdfs.org/ns/void#Dataset> .\n"
        f"<{DEFAULT_GRAPH_BASE}> <http://purl.org/dc/terms/hasPart> <{outside}> .\n"
    )
    store.put(DEFAULT_GRAPH_BASE, registry.encode())
    assert publish_to_store(examples_dist, store).deleted == []
    assert outside in oxigraph.graphs()
