"""``muniorg import --online``: the registries' APIs, served from the local samples.

A small HTTP server on 127.0.0.1 (random port, in a thread) answers in the APIs' formats:
Enhetsregisteret's paged search (``/enhetsregisteret/api/enheter?organisasjonsform=KOMM``)
from the 2023-06 extract, KLASS correspondence table 1236 (JSON) from the KLASS CSV sample and
DAWA's ``/kommuner``; the importer is pointed at it with ``--api-base`` or
``MUNIORG_API_BASE``. Nothing here touches the internet. Broken answers (unreachable, HTTP 500,
not JSON, too large, the wrong shape) end with a message naming the URL and exit 2.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import io
import json
import socket
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner, Result

from muniorg.cli.app import cli
from muniorg.core.resources import REGISTRIES_DIR
from muniorg.importing.run import detect, import_files

BRREG = json.loads(
    (REGISTRIES_DIR / "no_enhetsregisteret_kommuner_2023-06.json").read_text(encoding="utf-8")
)
KLASS_ROWS = list(
    csv.DictReader(
        io.StringIO(
            (REGISTRIES_DIR / "no_ssb_klass_1236_orgnr_kommunenr.csv").read_text("iso-8859-1")
        ),
        delimiter=";",
    )
)
DAWA = [
    json.loads((REGISTRIES_DIR / "dk_dawa_kommune_format_sample.json").read_text("utf-8")),
    {
        "kode": "0101",
        "navn": "København",
        "regionskode": "1084",
        "region": {"kode": "1084", "navn": "Region Hovedstaden"},
        "ændret": "2018-10-04T21:54:06.133Z",
    },
]


def brreg_page(query: dict[str, list[str]]) -> Any:
    assert query["organisasjonsform"] == ["KOMM"]
    size, page = int(query["size"][0]), int(query["page"][0])
    pages = -(-len(BRREG) // size)
    return {
        "_embedded": {"enheter": BRREG[page * size : (page + 1) * size]},
        "page": {"size": size, "totalElements": len(BRREG), "totalPages": pages, "number": page},
    }


API: dict[str, Callable[[dict[str, list[str]]], Any]] = {
    "/enhetsregisteret/api/enheter": brreg_page,
    "/api/klass/v1/correspondencetables/1236": lambda q: {"correspondenceMaps": KLASS_ROWS},
    "/kommuner": lambda q: DAWA,
}


class Handler(BaseHTTPRequestHandler):
    #: path -> (status, body) overriding the API, for broken answers.
    broken: ClassVar[dict[str, tuple[int, bytes]]] = {}
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        self.requests.append(self.path)
        if url.path in self.broken:
            status, body = self.broken[url.path]
        elif url.path in API:
            answer = API[url.path](urllib.parse.parse_qs(url.query))
            status, body = 200, json.dumps(answer, ensure_ascii=False).encode()
        else:
            status, body = 404, b'{"error": "not found"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:  # quiet
        pass


@pytest.fixture
def api() -> Iterator[str]:
    Handler.broken, Handler.requests = {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="muniorg", env=env)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.yaml")}


def test_online_enhetsregisteret_equals_the_offline_extract(api: str, tmp_path: Path) -> None:
    """Four pages of the search, merged, give the same files as the bulk extract they came from."""
    online = tmp_path / "online"
    result = invoke(
        "import", "enhetsregisteret", "--online", "--api-base", api, "--as-of", "2023-06",
        "-o", str(online), "--json-report", str(tmp_path / "r.json"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [r.split("&page=")[1] for r in Handler.requests] == ["0", "1", "2", "3"]
    offline = tmp_path / "offline"
    import_files(
        "enhetsregisteret", [REGISTRIES_DIR / "no_enhetsregisteret_kommuner_2023-06.json"], offline
    )
    assert len(digest(online)) == 356
    assert digest(online) == digest(offline)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    where = {i["where"] for i in report["issues"] if i["kind"] == "defect"}
    first_page = f"{api}/enhetsregisteret/api/enheter?organisasjonsform=KOMM&size=100&page=0"
    assert where == {first_page}  # the two pre-registered units, at the URL they came from


def test_online_auto_fetches_all_three_with_local_files(api: str, tmp_path: Path) -> None:
    out, kept = tmp_path / "data", tmp_path / "answers"
    sql = REGISTRIES_DIR / "no_kartverket_kommunenr_2020_to_2024.sql"
    wikidata_no = REGISTRIES_DIR / "nordic_wikidata_mxmap" / "municipalities_no.json"
    result = invoke(
        "import", "auto", str(sql), str(wikidata_no), "--online", "-o", str(out),
        "--fetched", str(kept), "--as-of", "2024-01",
        env={"MUNIORG_API_BASE": api},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Imported 358 municipalities (DNK 1, NOR 357)" in result.output
    assert sorted(p.name.rsplit("_", 1)[0] for p in kept.iterdir()) == [
        "dawa-kommuner",
        "enhetsregisteret-kommuner",
        "ssb-klass-1236",
    ]
    day = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    assert all(p.name.endswith(f"_{day}.json") for p in kept.iterdir())  # dated by the fetch
    assert len(json.loads((kept / next(kept.glob("enh*")).name).read_text("utf-8"))) == 358
    assert [detect(p) for p in sorted(kept.iterdir())] == ["dawa", "enhetsregisteret", "klass"]
    copenhagen = (out / "dk-101-koebenhavn.yaml").read_text(encoding="utf-8")
    assert "Region Hovedstaden" in copenhagen
    stord = next(out.glob("no-4614-*.yaml")).read_text(encoding="utf-8")
    assert "ssb-klass-1236-2024-01" in stord and "brreg-enhetsregisteret-2024-01" in stord
    # the report names the kept answers, with lines
    assert f"{kept}/ssb-klass-1236_" in result.output and "letters lost to '?'" in result.output


def test_without_online_nothing_is_fetched(api: str, tmp_path: Path) -> None:
    result = invoke(
        "import", "auto", str(REGISTRIES_DIR / "se_counties.csv"), "-o", str(tmp_path / "d"),
        env={"MUNIORG_API_BASE": api},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert Handler.requests == []
    refused = invoke("import", "auto", "-o", str(tmp_path / "d"))
    assert refused.exit_code == 2 and "give the FILES to import" in refused.output
    refused = invoke("import", "scb", "--online", "-o", str(tmp_path / "d"), "--api-base", api)
    assert refused.exit_code == 2 and "scb has no public API" in refused.output
    assert Handler.requests == []


def _closed_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("broken", "env", "message"),
    [
        ({"/kommuner": (500, b"oops")}, {}, "/kommuner answered HTTP 500 Internal Server Error"),
        ({"/kommuner": (200, b'[{"kode": ')}, {}, "/kommuner is not JSON: Expecting value (line 1"),
        ({"/kommuner": (200, b'{"kode": "0101"}')}, {}, "not a list of DAWA municipalities"),
        (  # a field of the wrong type: the URL (the saved answer is gone) and the JSON path
            {"/kommuner": (200, b'[{"kode": "0101", "navn": 5}]')},
            {},
            "/kommuner: $[0].navn: expected text, got 5",
        ),
        (
            {},
            {"MUNIORG_FETCH_MAX_BYTES": "100"},
            "/kommuner is larger than 100 bytes: refused (raise MUNIORG_FETCH_MAX_BYTES)",
        ),
        (
            {"/enhetsregisteret/api/enheter": (200, b'{"_embedded": {}}')},
            {},
            "is not an Enhetsregisteret search result",
        ),
    ],
)
def test_broken_answers_exit_2_with_the_url(
    api: str,
    tmp_path: Path,
    broken: dict[str, tuple[int, bytes]],
    env: dict[str, str],
    message: str,
) -> None:
    Handler.broken = broken
    source = "enhetsregisteret" if "/enhetsregisteret/api/enheter" in broken else "dawa"
    out = tmp_path / "data"
    result = invoke("import", source, "--online", "--api-base", api, "-o", str(out), env=env)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an exception
    assert not out.exists()


def test_an_unreachable_api_exits_2(tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{_closed_port()}"
    result = invoke("import", "dawa", "--online", "--api-base", base, "-o", str(tmp_path / "d"))
    assert result.exit_code == 2, result.output
    assert f"cannot fetch {base}/kommuner:" in result.output
    assert "Traceback" not in result.output
    bad = invoke("import", "dawa", "--online", "--api-base", "ftp://x", "-o", str(tmp_path / "d"))
    assert bad.exit_code == 2 and "must be an http:// or https:// URL" in bad.output
