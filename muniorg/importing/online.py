"""``muniorg import --online``: fetch the extracts from the registries' public APIs.

Only when asked (``--online``); without it nothing in muniorg opens a connection. Three
registries have public APIs in the formats the readers know:

- ``enhetsregisteret``: ``GET {base}/enhetsregisteret/api/enheter?organisasjonsform=KOMM``,
  page by page (``size=100``; ``page.totalPages`` says how many), the units of every page
  written as one JSON list (the bulk format);
- ``klass``: ``GET {base}/api/klass/v1/correspondencetables/1236`` (JSON,
  ``correspondenceMaps``);
- ``dawa``: ``GET {base}/kommuner`` (a JSON list).

The default bases are ``https://data.brreg.no``, ``https://data.ssb.no`` and
``https://api.dataforsyningen.dk``; one base for all (a mirror serving the same paths, or a
test server) is given with ``--api-base`` or ``MUNIORG_API_BASE``. Each answer is read within
:data:`TIMEOUT` seconds and at most :data:`MAX_BYTES` bytes (``MUNIORG_FETCH_MAX_BYTES``), must
be JSON of the expected shape, and is saved as a file named by the registry and the day it was
fetched (``enhetsregisteret-kommuner_2026-12-01.json``), which the reader then reads like any
extract. Anything else (no connection, an HTTP error, a timeout, too large, not JSON) is an
:class:`~muniorg.core.errors.InputError` naming the URL.

Example:
    >>> [e.url("https://data.brreg.no") for e in ENDPOINTS["enhetsregisteret"]][0]
    'https://data.brreg.no/enhetsregisteret/api/enheter?organisasjonsform=KOMM&size=100&page=0'
    >>> base_url(None, {})
    >>> base_url(None, {"MUNIORG_API_BASE": "http://127.0.0.1:8080/"})
    'http://127.0.0.1:8080'
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from muniorg.core.errors import InputError, LimitExceeded
from muniorg.formats.files import write_atomic
from muniorg.formats.http import read_bounded

#: The environment variable of one base URL for every registry (a mirror, a test server).
BASE_ENV = "MUNIORG_API_BASE"
#: The environment variable that raises (or lowers) :data:`MAX_BYTES`.
MAX_BYTES_ENV = "MUNIORG_FETCH_MAX_BYTES"
#: Seconds for one whole answer.
TIMEOUT = 60.0
#: Bytes of one answer (Enhetsregisteret's page of 100 units is about 160 kB).
MAX_BYTES = 20_000_000
#: Units per page of Enhetsregisteret's search, and the most pages read (the API serves at most
#: 10,000 units of one search).
PAGE_SIZE = 100
MAX_PAGES = 100


@dataclass(frozen=True)
class Endpoint:
    """One API resource: its default base and path (``{page}`` for a paged search)."""

    base: str
    path: str
    #: The file the answer is saved as, before ``_{date}.json``.
    name: str

    def url(self, base: str | None, page: int = 0) -> str:
        """The URL on ``base`` (or the registry's own)."""
        return (base or self.base) + self.path.format(page=page, size=PAGE_SIZE)


#: The endpoints of each SOURCE that ``--online`` fetches from.
ENDPOINTS: dict[str, tuple[Endpoint, ...]] = {
    "enhetsregisteret": (
        Endpoint(
            "https://data.brreg.no",
            "/enhetsregisteret/api/enheter?organisasjonsform=KOMM&size={size}&page={page}",
            "enhetsregisteret-kommuner",
        ),
    ),
    "klass": (
        Endpoint(
            "https://data.ssb.no", "/api/klass/v1/correspondencetables/1236", "ssb-klass-1236"
        ),
    ),
    "dawa": (Endpoint("https://api.dataforsyningen.dk", "/kommuner", "dawa-kommuner"),),
}


def base_url(option: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The base URL for every registry: ``--api-base``, else ``MUNIORG_API_BASE``, else none
    (each registry's own)."""
    value = option or environ.get(BASE_ENV) or None
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise InputError(f"the API base must be an http:// or https:// URL, got {value!r}")
    return value.rstrip("/")


def max_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """:data:`MAX_BYTES`, or ``MUNIORG_FETCH_MAX_BYTES``."""
    raw = environ.get(MAX_BYTES_ENV)
    if raw is None:
        return MAX_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise InputError(f"{MAX_BYTES_ENV} must be a positive whole number, got {raw!r}")
    return int(raw)


def get_json(url: str, *, limit: int, timeout: float = TIMEOUT) -> Any:
    """The JSON answer of ``GET url``, or an :class:`InputError` saying why there is none."""
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "muniorg-import"}
    )
    try:
        data = read_bounded(
            urllib.request.build_opener(), request, timeout=timeout, max_bytes=limit
        )
    except urllib.error.HTTPError as err:
        raise InputError(f"{url} answered HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise InputError(f"cannot fetch {url}: {err.reason}") from None
    except (OSError, ValueError) as err:  # timeouts, resets, a URL urllib cannot open
        raise InputError(f"cannot fetch {url}: {err}") from None
    if len(data) > limit:
        raise LimitExceeded(
            f"the answer of {url} is larger than {limit} bytes: refused (raise {MAX_BYTES_ENV})"
        )
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise InputError(f"the answer of {url} is not UTF-8 text: {err.reason}") from None
    except json.JSONDecodeError as err:
        raise InputError(
            f"the answer of {url} is not JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"the answer of {url} is nested too deeply") from None


def _brreg(endpoint: Endpoint, base: str | None, get: Callable[[str], Any]) -> Any:
    units: list[Any] = []
    for page in range(MAX_PAGES):
        url = endpoint.url(base, page)
        answer = get(url)
        if not isinstance(answer, dict):
            raise InputError(f"the answer of {url} is not an Enhetsregisteret search result")
        found = (answer.get("_embedded") or {}).get("enheter", [])
        paging = answer.get("page") or {}
        pages = paging.get("totalPages") if isinstance(paging, dict) else None
        if not isinstance(found, list) or not isinstance(pages, int):
            raise InputError(
                f"the answer of {url} is not an Enhetsregisteret search result "
                "('_embedded.enheter' and 'page.totalPages' expected)"
            )
        units += found
        if page + 1 >= pages:
            return units
    raise InputError(f"{endpoint.url(base)}: more than {MAX_PAGES} pages: refused")


def _single(endpoint: Endpoint, base: str | None, get: Callable[[str], Any]) -> Any:
    url = endpoint.url(base)
    answer = get(url)
    expected = "correspondenceMaps" if endpoint.name.startswith("ssb-klass") else None
    if expected and not (isinstance(answer, dict) and isinstance(answer.get(expected), list)):
        raise InputError(f"the answer of {url} is not a KLASS correspondence table ({expected!r})")
    if not expected and not isinstance(answer, list):
        raise InputError(f"the answer of {url} is not a list of DAWA municipalities")
    return answer


def fetch(
    sources: Sequence[str], folder: Path, day: str, base: str | None = None
) -> dict[Path, tuple[str, str]]:
    """Fetch the extracts of ``sources`` into ``folder``: each saved file with its SOURCE name
    and the URL it came from (the first page's, for a paged search)."""
    limit = max_bytes()

    def get(url: str) -> Any:
        return get_json(url, limit=limit)

    saved: dict[Path, tuple[str, str]] = {}
    for source in sources:
        for endpoint in ENDPOINTS[source]:
            paged = "{page}" in endpoint.path
            value = (_brreg if paged else _single)(endpoint, base, get)
            path = folder / f"{endpoint.name}_{day}.json"
            write_atomic(path, json.dumps(value, ensure_ascii=False, indent=1) + "\n")
            saved[path] = (source, endpoint.url(base))
    return saved
