"""Nothing muniorg reads makes it open a URL, unless the user allow-lists that exact URL.

A local HTTP server (127.0.0.1, random port, in a thread) counts every request it receives.
Documents point at it in every way we know of — a JSON-LD ``@context`` URL, ``@import``, a
scoped ``@context`` nested in a term, an XML external entity, ``owl:imports`` in Turtle,
N-Triples and RDF/XML, IRIs in YAML — and are read, validated and exported through the library
and the CLI. The server must see zero requests; with ``--allow-remote-context`` it must see
exactly one request, for the allowed URL.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from muniorg.cli.app import cli
from muniorg.core.errors import InputError, LimitExceeded, MuniorgError, NetworkAccessRefused
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import allow_remote_contexts, fetch_remote_document, jsonld_to_graph
from muniorg.formats.rdf import read_graph
from muniorg.publish.check import validate_paths
from muniorg.publish.convert import convert_paths

CONTEXT = {"@context": {"name": "http://schema.org/name", "Thing": "http://schema.org/Thing"}}


@dataclass
class Server:
    """The counting server: ``requests`` lists the paths asked for, in order."""

    port: int
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", state.url("/elsewhere"))
                self.end_headers()
                return
            if self.path == "/slow":
                time.sleep(1.0)
            if self.path == "/trickle":  # a byte at a time, each well within a socket timeout
                self.send_response(200)
                self.send_header("Content-Length", "40")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    for _ in range(40):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.1)
                return
            body = json.dumps(CONTEXT).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError):  # the client gave up (timeout test)
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def hostile_documents(folder: Path, server: Server) -> dict[str, Path]:
    """One file per way of pointing at the server, named by what it tries."""
    url = server.url("/x")
    docs = {
        "jsonld-context-url.jsonld": json.dumps(
            {"@context": server.url("/ctx.jsonld"), "@id": "https://ex.org/a", "name": "A"}
        ),
        "jsonld-context-array.jsonld": json.dumps(
            {"@context": [{"x": "http://ex.org/x"}, server.url("/ctx2.jsonld")], "x": "1"}
        ),
        "jsonld-import.jsonld": json.dumps(
            {
                "@context": {"@version": 1.1, "@import": server.url("/import.jsonld")},
                "@id": "https://ex.org/a",
                "name": "A",
            }
        ),
        "jsonld-scoped-context.jsonld": json.dumps(
            {
                "@context": {
                    "@version": 1.1,
                    "part": {"@id": "http://ex.org/part", "@context": server.url("/scoped.jsonld")},
                },
                "@id": "https://ex.org/a",
                "part": {"name": "B"},
            }
        ),
        "jsonld-type-scoped.jsonld": json.dumps(
            {
                "@context": {
                    "@version": 1.1,
                    "T": {"@id": "http://ex.org/T", "@context": server.url("/typed.jsonld")},
                },
                "@type": "T",
                "name": "C",
            }
        ),
        "jsonld-graph-nested.jsonld": json.dumps(
            {"@graph": [{"@context": server.url("/in-graph.jsonld"), "@id": "https://ex.org/b"}]}
        ),
        "xml-external-entity.rdf": (
            '<?xml version="1.0"?>\n'
            f'<!DOCTYPE rdf:RDF [<!ENTITY ext SYSTEM "{url}">]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:s="http://schema.org/">\n'
            '  <rdf:Description rdf:about="https://ex.org/a"><s:name>&ext;</s:name>'
            "</rdf:Description>\n</rdf:RDF>\n"
        ),
        "xml-external-dtd.rdf": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "{url}">\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
        ),
        "xml-owl-imports.rdf": (
            '<?xml version="1.0"?>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:owl="http://www.w3.org/2002/07/owl#" xml:base="' + url + '">\n'
            f'  <owl:Ontology rdf:about="https://ex.org/o"><owl:imports rdf:resource="{url}"/>'
            "</owl:Ontology>\n</rdf:RDF>\n"
        ),
        "turtle-owl-imports.ttl": (
            "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
            f"@base <{url}> .\n"
            f"<https://ex.org/o> a owl:Ontology ; owl:imports <{url}>, <relative> .\n"
        ),
        "ntriples-owl-imports.nt": (
            f"<https://ex.org/o> <http://www.w3.org/2002/07/owl#imports> <{url}> .\n"
        ),
        "municipality-iris.yaml": (
            "type: Municipality\nid: x\nname: {da: X Kommune, en: X}\ncountry: DNK\n"
            f"homepage: {{id: homepage, url: '{url}'}}\n"
        ),
    }
    paths = {}
    for name, text in docs.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


#: What each document does when read: None when it reads (nothing to fetch), else the error.
REFUSED = {
    "jsonld-context-url.jsonld": NetworkAccessRefused,
    "jsonld-context-array.jsonld": NetworkAccessRefused,
    "jsonld-import.jsonld": NetworkAccessRefused,
    "jsonld-scoped-context.jsonld": NetworkAccessRefused,
    "jsonld-type-scoped.jsonld": NetworkAccessRefused,
    "jsonld-graph-nested.jsonld": NetworkAccessRefused,
    "xml-external-entity.rdf": NetworkAccessRefused,
    "xml-external-dtd.rdf": NetworkAccessRefused,
    "xml-owl-imports.rdf": None,
    "turtle-owl-imports.ttl": None,
    "ntriples-owl-imports.nt": None,
    "municipality-iris.yaml": None,
}
NAMES = sorted(REFUSED)


def test_the_server_counts_requests(server: Server) -> None:
    """The fixture works: a direct request is counted (so zero below means zero)."""
    import urllib.request

    with urllib.request.urlopen(server.url("/probe"), timeout=5) as response:
        assert json.loads(response.read()) == CONTEXT
    assert server.requests == ["/probe"]


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_library_reading_and_validating_fetches_nothing(
    server: Server, tmp_path: Path, name: str
) -> None:
    path = hostile_documents(tmp_path, server)[name]
    expected = REFUSED[name]
    if not name.endswith(".yaml"):
        if expected is None:
            assert len(read_graph(path)) >= 1
        else:
            with pytest.raises(expected) as caught:
                read_graph(path)
            assert caught.value.location is not None and caught.value.location.file == str(path)
    if expected is None:
        validate_paths([path])  # runs pySHACL on the graph: owl:imports must not be followed
    else:
        with pytest.raises(expected):
            validate_paths([path])
    assert server.requests == []


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
@pytest.mark.parametrize("command", ["validate", "export"])
def test_cli_fetches_nothing(
    server: Server, tmp_path: Path, runner: CliRunner, name: str, command: str
) -> None:
    path = hostile_documents(tmp_path, server)[name]
    args = [command, str(path)]
    if command == "export":
        args += ["--format", "turtle", "-o", str(tmp_path / "out")]
    result = runner.invoke(cli, args)
    if REFUSED[name] is None:
        assert result.exit_code in (0, 1), result.output
    else:
        assert result.exit_code == 2, result.output
        assert str(path) in result.stderr
        assert "refused" in result.stderr
        assert "Traceback" not in result.output
    assert server.requests == []


def test_build_fetches_nothing(server: Server, tmp_path: Path, runner: CliRunner) -> None:
    paths = hostile_documents(tmp_path, server)
    source = tmp_path / "src"
    source.mkdir()
    paths["municipality-iris.yaml"].rename(source / "x.yaml")
    result = runner.invoke(cli, ["build", str(source), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output
    assert server.requests == []


def test_allowed_context_is_fetched_once_by_the_cli(
    server: Server, tmp_path: Path, runner: CliRunner
) -> None:
    allowed = server.url("/ctx.jsonld")
    path = hostile_documents(tmp_path, server)["jsonld-context-url.jsonld"]
    result = runner.invoke(
        cli,
        [
            "export",
            str(path),
            "--format",
            "ntriples",
            "-o",
            str(tmp_path / "o"),
            "--allow-remote-context",
            allowed,
        ],
    )
    assert result.exit_code == 0, result.output
    assert server.requests == ["/ctx.jsonld"]
    written = (tmp_path / "o" / "jsonld-context-url.nt").read_text(encoding="utf-8")
    assert written == '<https://ex.org/a> <http://schema.org/name> "A" .\n'


def test_allowed_context_is_fetched_once_by_validate(
    server: Server, tmp_path: Path, runner: CliRunner
) -> None:
    path = hostile_documents(tmp_path, server)["jsonld-context-url.jsonld"]
    args = ["validate", str(path), "--allow-remote-context", server.url("/ctx.jsonld")]
    result = runner.invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    assert server.requests == ["/ctx.jsonld"]


def test_the_allow_list_does_not_outlive_its_call(server: Server, tmp_path: Path) -> None:
    """pyld caches contexts by URL for the process; an allowed one must not be reused later."""
    path = hostile_documents(tmp_path, server)["jsonld-context-url.jsonld"]
    graph = read_graph(path, allow_remote=[server.url("/ctx.jsonld")])
    assert len(graph) == 1
    with pytest.raises(NetworkAccessRefused):
        read_graph(path)
    with allow_remote_contexts([server.url("/ctx.jsonld")]):
        assert len(read_graph(path)) == 1
    with pytest.raises(NetworkAccessRefused):
        read_graph(path)
    assert server.requests == ["/ctx.jsonld", "/ctx.jsonld"]


def test_allowing_one_url_does_not_allow_another(server: Server, tmp_path: Path) -> None:
    path = hostile_documents(tmp_path, server)["jsonld-import.jsonld"]
    with pytest.raises(NetworkAccessRefused, match=r"import\.jsonld"):
        read_graph(path, allow_remote=[server.url("/ctx.jsonld")])
    assert server.requests == []


def test_library_export_with_allow_list(server: Server, tmp_path: Path) -> None:
    path = hostile_documents(tmp_path, server)["jsonld-context-url.jsonld"]
    written = convert_paths(
        [path], RdfFormat.TURTLE, tmp_path / "o", allow_remote=[server.url("/ctx.jsonld")]
    )
    assert [p.name for p in written] == ["jsonld-context-url.ttl"]
    assert server.requests == ["/ctx.jsonld"]


def test_redirect_to_an_unlisted_url_is_refused(server: Server) -> None:
    document = {"@context": server.url("/redirect"), "name": "A"}
    with pytest.raises(NetworkAccessRefused, match="redirect"):
        jsonld_to_graph(document, allow_remote=[server.url("/redirect")])
    assert server.requests == ["/redirect"]


def test_remote_fetch_is_size_limited(server: Server) -> None:
    allowed = frozenset({server.url("/ctx.jsonld")})
    with pytest.raises(LimitExceeded, match="larger than 10 bytes"):
        fetch_remote_document(server.url("/ctx.jsonld"), allowed, max_bytes=10)


def test_remote_fetch_times_out(server: Server) -> None:
    allowed = frozenset({server.url("/slow")})
    started = time.perf_counter()
    with pytest.raises(InputError, match="could not fetch"):
        fetch_remote_document(server.url("/slow"), allowed, timeout=0.2)
    assert time.perf_counter() - started < 0.9


def test_remote_fetch_has_an_overall_deadline(server: Server) -> None:
    allowed = frozenset({server.url("/trickle")})
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"within 0\.5 s"):
        fetch_remote_document(server.url("/trickle"), allowed, timeout=0.5)
    assert time.perf_counter() - started < 1.5


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://ex.org/c", "ctx.jsonld", "http://a b"], ids=str
)
def test_only_http_urls_can_be_allowed(url: str, runner: CliRunner, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="only http"):
        jsonld_to_graph({"name": "x"}, allow_remote=[url])
    result = runner.invoke(cli, ["validate", str(tmp_path), "--allow-remote-context", url])
    assert result.exit_code == 2
    assert "only http:// and https:// URLs" in result.stderr


def test_file_urls_in_documents_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.jsonld"
    secret.write_text(json.dumps(CONTEXT), encoding="utf-8")
    with pytest.raises(NetworkAccessRefused, match="refused to fetch"):
        jsonld_to_graph({"@context": secret.as_uri(), "name": "x"})
    with pytest.raises(MuniorgError):
        jsonld_to_graph({"@context": "secret.jsonld", "name": "x"}, str(tmp_path / "a.jsonld"))
