"""``muniorg serve``: a build's files, and content negotiation on the IRIs its data mints."""

from __future__ import annotations

import contextlib
import http.client
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from muniorg.cli.app import cli
from muniorg.core.errors import InputError
from muniorg.publish.build import build
from muniorg.publish.serve import make_server, serve_in_thread

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@contextlib.contextmanager
def serving(folder: Path, report: Callable[[str], None] | None = None) -> Iterator[int]:
    """A server for ``folder`` on a free port of 127.0.0.1, stopped on leaving."""
    if report is None:
        server = make_server(folder, "127.0.0.1", 0)
    else:
        server = make_server(folder, "127.0.0.1", 0, report=report)
    thread = serve_in_thread(server)
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def port(examples_dist: Path) -> Iterator[int]:
    with serving(examples_dist) as number:
        yield number


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One request, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            "GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_the_site_and_the_data_files_are_served(port: int, examples_dist: Path) -> None:
    status, headers, body = get(port, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (examples_dist / "index.html").read_bytes()
    status, headers, body = get(port, "/soroe.jsonld")
    assert (status, headers["Content-Type"]) == (200, "application/ld+json")
    assert json.loads(body)["id"] == "https://w3id.org/muniorg/id/dk/340"
    assert get(port, "/stord.nt")[1]["Content-Type"] == "application/n-triples"


@pytest.mark.parametrize(
    ("accept", "language", "location"),
    [
        ("text/html,application/xhtml+xml,*/*;q=0.8", "", "/soroe.da.html"),  # its own language
        ("text/html", "en-GB,en;q=0.9", "/soroe.en.html"),
        ("*/*", "sv", "/soroe.da.html"),  # no Swedish page: the own language
        ("application/ld+json", "", "/soroe.jsonld"),
        ("text/turtle", "", "/soroe.ttl"),
        ("application/n-triples", "", "/soroe.nt"),
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "", "/soroe.jsonld"),
    ],
)
def test_iris_negotiate_to_the_describing_document(
    port: int, accept: str, language: str, location: str
) -> None:
    for path in ["/muniorg/id/dk/340", "/muniorg/id/dk/340/byraadet"]:
        status, headers, _ = get(port, path, Accept=accept, Accept_Language=language)
        assert (status, headers["Location"]) == (303, location)
        assert headers["Vary"] == "Accept, Accept-Language"


def test_the_programme_and_its_participant_are_told_apart(port: int) -> None:
    status, headers, _ = get(port, "/muniorg/id/programme/saman-om-ein-betre-kommune")
    assert (status, headers["Location"]) == (303, "/saman-om-ein-betre-kommune.nn.html")
    assert get(port, "/muniorg/id/no/4614", Accept="text/turtle")[1]["Location"] == "/stord.ttl"


def test_what_is_not_published_is_not_found(port: int, examples_dist: Path) -> None:
    assert get(port, "/muniorg/id/dk/999")[0] == 404
    assert get(port, "/.muniorg-manifest.json")[0] == 404  # only the files the manifest lists
    assert get(port, "/../../etc/passwd")[0] == 404
    assert get(port, "/%2e%2e/etc/passwd")[0] == 404
    status, _, body = get(port, "/muniorg/id/dk/340", Accept="image/png")
    assert status == 406 and b"text/turtle" in body


def test_a_folder_that_is_not_a_build_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is not a build folder"):
        make_server(tmp_path)


def build_of(tmp_path: Path, *names: str, base: str | None = None) -> Path:
    """``tmp_path/dist`` built (again) from the examples' catalog and the municipalities
    ``names`` (all the examples when none are named)."""
    if names:
        source = tmp_path / "source"
        shutil.rmtree(source, ignore_errors=True)
        (source / "municipalities").mkdir(parents=True)
        shutil.copy(EXAMPLES / "catalog.yaml", source)
        for name in names:
            shutil.copy(EXAMPLES / "municipalities" / f"{name}.yaml", source / "municipalities")
    out = tmp_path / "dist"
    options = {} if base is None else {"base": base}
    assert build([source if names else EXAMPLES], out, allow_invalid=True, **options).published
    return out


def test_a_rebuild_while_serving_is_followed(tmp_path: Path) -> None:
    out = build_of(tmp_path, "soroe", "glostrup")
    with serving(out) as port:
        assert get(port, "/glostrup.da.html")[0] == 200
        build_of(tmp_path, "soroe", "stord")  # glostrup removed, stord added: a new folder
        status, _, body = get(port, "/glostrup.da.html")
        assert status == 404 and b"nothing is published at /glostrup.da.html" in body
        assert get(port, "/muniorg/id/dk/161", Accept="text/turtle")[0] == 404
        assert get(port, "/stord.nn.html")[0] == 200
        assert get(port, "/muniorg/id/no/4614", Accept="text/turtle")[1]["Location"] == "/stord.ttl"
        assert get(port, "/")[2] == (out / "index.html").read_bytes()


def test_a_file_gone_from_the_build_is_not_found(tmp_path: Path) -> None:
    out = build_of(tmp_path, "soroe")
    with serving(out) as port:
        (out / "soroe.en.html").unlink()  # the manifest still lists it
        assert get(port, "/soroe.en.html")[0] == 404
        assert get(port, "/soroe.da.html")[0] == 200
        out.rename(tmp_path / "elsewhere")
        status, _, body = get(port, "/soroe.da.html")
        assert status == 503 and b"is not a build folder" in body
        (tmp_path / "elsewhere").rename(out)
        assert get(port, "/soroe.da.html")[0] == 200


def test_a_document_that_is_not_n_triples_is_named(tmp_path: Path, examples_dist: Path) -> None:
    out = tmp_path / "dist"
    shutil.copytree(examples_dist, out)
    with (out / "stord.nt").open("a", encoding="utf-8") as stream:
        stream.write("not a triple\n")
    with pytest.raises(InputError, match=r"stord\.nt:\d+:\d+: invalid N-Triples"):
        make_server(out, "127.0.0.1", 0)


def test_hash_iris_are_not_redirected_to_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A server never receives the part of an IRI after '#': https://ex.org/id#dk/340 and
    # https://ex.org/id#no/4614 both ask for /id, which no single document describes.
    out = build_of(tmp_path, "soroe")
    reported: list[str] = []
    with serving(out, reported.append) as port:
        assert get(port, "/muniorg/id/dk/340")[0] == 303 and reported == []
        build_of(tmp_path, base="https://ex.org/id#")  # rebuilt while serving: told once
        status, headers, body = get(port, "/id", Accept="text/turtle")
        assert (status, "Location" in headers) == (404, False)
        assert b"hash IRIs (base https://ex.org/id#)" in body
        assert get(port, "/soroe.ttl")[0] == 200  # the files are served
        # hash IRIs that one document describes (the ontology's) still lead to it
        assert get(port, "/muniorg", Accept="text/turtle")[1]["Location"] == "/ontology.ttl"
        assert get(port, "/id")[0] == 404
    assert len(reported) == 1 and "hash IRIs (base https://ex.org/id#)" in reported[0]
    # the command says so when it starts (serving stops at once here, as on Ctrl-C)
    monkeypatch.setattr(ThreadingHTTPServer, "serve_forever", stop_at_once)
    result = CliRunner().invoke(cli, ["serve", str(out), "--port", "0"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {reported[0]}\nServing {out} on ")


def stop_at_once(server: ThreadingHTTPServer) -> None:
    raise KeyboardInterrupt


@pytest.mark.slow
def test_the_command_listens_on_loopback_and_stops_on_interrupt(examples_dist: Path) -> None:
    main = "from muniorg.cli.app import main; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", main, "serve", str(examples_dist), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline() if process.stderr else ""
        assert line.startswith(f"Serving {examples_dist} on http://127.0.0.1:"), line
        port = int(line.rsplit(":", 1)[1].split("/")[0])
        assert get(port, "/")[0] == 200
        process.send_signal(2)  # SIGINT, as Ctrl-C
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
