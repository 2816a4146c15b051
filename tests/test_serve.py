"""``muniorg serve``: a build's files, and content negotiation on the IRIs its data mints."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from muniorg.core.errors import InputError
from muniorg.publish.serve import make_server, serve_in_thread

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def port(examples_dist: Path) -> Iterator[int]:
    server = make_server(examples_dist, "127.0.0.1", 0)
    thread = serve_in_thread(server)
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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
