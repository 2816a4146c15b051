"""Preview a build locally: its site, and content negotiation on every IRI the data mints.

``muniorg serve DIST`` answers on http://127.0.0.1:8000/ (loopback only, unless told
otherwise) with:

- the files the build's manifest lists, and nothing else (a file added to the folder, or a path
  with ``..``, is not found); ``/`` is the index page;
- for the path of any IRI the data describes (``/muniorg/id/dk/340`` for
  ``https://w3id.org/muniorg/id/dk/340``, whatever the host), a ``303 See Other`` to the
  document that describes it, in the form the ``Accept`` header asks for: the HTML page (for
  browsers; in the language ``Accept-Language`` prefers, else the document's own), JSON-LD,
  Turtle or N-Triples — the Linked Data way of serving IRIs of things that are not documents.
  An ``Accept`` that none of those satisfy gets ``406``. Hash IRIs (a ``--base`` ending in
  ``#``) that several documents describe get ``404`` with the reason: a server never receives
  the part after ``#``, so it cannot tell them apart.

It follows the folder as it is now: a rebuild (``build --watch`` beside ``serve``) replaces the
folder whole, with a new manifest, and the next request reads the new build's tables (one
``stat`` of the manifest per request tells). While the folder is not a build (removed, or its
manifest damaged), requests get ``503`` with the reason.

Example:
    >>> negotiate("text/turtle;q=0.9, application/ld+json")
    '.jsonld'
    >>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8")
    '.html'
    >>> negotiate("image/png") is None
    True
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import threading
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse

from muniorg.core.errors import InputError, MuniorgError
from muniorg.core.location import SourceLocation
from muniorg.formats.files import environment_error, stat_key
from muniorg.formats.output_folder import MANIFEST, read_manifest
from muniorg.site.pages import SITE_INDEX

#: Media types muniorg serves documents in, by file extension.
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
}
#: What an ``Accept`` media type asks for, as a document extension.
_ACCEPTED = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/ld+json": ".jsonld",
    "application/json": ".jsonld",
    "text/turtle": ".ttl",
    "application/x-turtle": ".ttl",
    "application/n-triples": ".nt",
    "text/plain": ".nt",  # N-Triples' old media type
}


def _weighted(header: str) -> list[tuple[float, int, str]]:
    """``(q, -position, value)`` of a comma list with ``;q=`` weights, best first."""
    found = []
    for position, part in enumerate(header.split(",")):
        value, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, number = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(number)
                except ValueError:
                    q = 0.0
        if value and q > 0:
            found.append((q, -position, value.lower()))
    return sorted(found, reverse=True)


def negotiate(accept: str | None) -> str | None:
    """The document extension the ``Accept`` header prefers (HTML when it accepts anything),
    or ``None`` when it accepts nothing muniorg serves."""
    for _, _, media in _weighted(accept or "*/*"):
        if media in _ACCEPTED:
            return _ACCEPTED[media]
        if media in ("*/*", "text/*"):
            return ".html"
        if media == "application/*":
            return ".jsonld"
    return None


#: How many times a folder that a rebuild replaces while it is read is read again.
_READS = 5
#: A manifest's stat (:func:`~muniorg.formats.files.stat_key`), or ``None`` when there is none.
_Stamp = tuple[int, int, int, int, int] | None


def _stamp(folder: Path) -> _Stamp:
    """The stat of the manifest in ``folder``: a build replaces the folder whole and ``export``
    rewrites the manifest atomically, so any change of the published files changes it."""
    try:
        return stat_key(os.stat(folder / MANIFEST))
    except OSError:
        return None


@dataclass(frozen=True)
class Site:
    """A build as the server sees it: its files and the documents that describe each IRI."""

    folder: Path
    files: frozenset[str]
    #: IRI path -> the document id that describes it.
    documents: Mapping[str, str]
    #: Document id -> its page languages, its own first.
    languages: Mapping[str, tuple[str, ...]]
    #: The manifest's stat when the tables were read: a different one means another build.
    stamp: _Stamp = None
    #: IRI path -> the namespace of the hash IRIs there that several documents describe
    #: (``/id`` -> ``https://ex.org/id#`` for a build with that ``--base``): no redirect.
    hash_bases: Mapping[str, str] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        """What a user of this build's server should know: its IRIs that get no redirect."""
        return [_hash_iris(self.folder, base) for base in sorted(set(self.hash_bases.values()))]

    @classmethod
    def load(cls, folder: Path) -> Site:
        """Read the manifest and the documents' N-Triples of the build in ``folder``; read
        them again when a rebuild replaced the folder meanwhile (its manifest changed).

        :raises InputError: when ``folder`` is not a build, or a document is not N-Triples.
        :raises OutputError: when its manifest is not muniorg's, or a file cannot be read.
        """
        for _ in range(_READS):
            stamp = _stamp(folder)
            try:
                site = cls._read(folder, stamp)
            except MuniorgError:
                if _stamp(folder) == stamp:
                    raise
                continue  # replaced while it was read (a file gone): read the new build
            if _stamp(folder) == stamp:
                return site
        raise InputError(f"{folder} changed {_READS} times while it was read; try again")

    @classmethod
    def _read(cls, folder: Path, stamp: _Stamp) -> Site:
        records = read_manifest(folder) if folder.is_dir() else None
        if records is None:
            raise InputError(f"{folder} is not a build folder (it has no {MANIFEST})")
        files = frozenset(records)
        try:
            listed = json.loads((folder / SITE_INDEX).read_text(encoding="utf-8"))["pages"]
            languages = {str(k): tuple(str(v) for v in langs) for k, langs in listed.items()}
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            languages = {}  # a build without its site: IRIs negotiate to data only
        documents: dict[str, str] = {}
        roots: dict[str, str] = {}
        hashed: dict[str, dict[str, str]] = {}  # path -> document -> the namespace of its hash IRIs
        for name in sorted(files):
            slug = name[: -len(".nt")]
            if not name.endswith(".nt") or "/" in name or slug in ("catalog", "muniorg-dataset"):
                continue
            subjects = _subjects(folder / name)
            root = min(subjects, key=len, default="")
            roots[slug] = root
            for iri in subjects:
                path = urllib.parse.urlsplit(iri).path
                if "#" in iri:
                    hashed.setdefault(path, {})[slug] = iri.partition("#")[0] + "#"
                other = documents.get(path)
                # An IRI described in two documents belongs to the one whose root it is under.
                if other is None or (iri.startswith(root) and not iri.startswith(roots[other])):
                    documents[path] = slug
        # A server never receives what follows '#': hash IRIs on one path that several
        # documents describe cannot be told apart (those one document describes, such as the
        # ontology's terms, lead to it).
        bases = {p: min(by.values()) for p, by in hashed.items() if len(by) > 1}
        for path in bases:
            documents.pop(path, None)
        return cls(folder, files, documents, languages, stamp, bases)


def _hash_iris(folder: Path, base: str) -> str:
    """Why the hash IRIs ``base…`` of the build in ``folder`` get no redirect, and what to do."""
    return (
        f"the IRIs of {folder} are hash IRIs (base {base}): a server never receives the part "
        "after '#', so it cannot tell which document describes one; serve answers them with "
        "404 and serves the files only. Build with a --base ending in / for IRIs that redirect "
        "to their documents"
    )


def _subjects(path: Path) -> set[str]:
    """The IRIs that the N-Triples file ``path`` describes.

    :raises InputError: when it is not N-Triples (a published file changed by hand).
    :raises OutputError: when it cannot be read.
    """
    try:
        return {
            t.subject.value
            for t in parse(path.read_bytes(), format=RdfFormat.N_TRIPLES)
            if isinstance(t.subject, NamedNode)
        }
    except OSError as err:
        raise environment_error(err, path, "read") from err
    except SyntaxError as err:
        # pyoxigraph's message repeats the place the location already gives
        message = re.sub(r"^Parser error [^:]*: |\s*\(line \d+\)$", "", str(err.msg))
        raise InputError(
            f"invalid N-Triples: {message}",
            SourceLocation(str(path), err.lineno or 0, err.offset or 0),
        ) from None


class _Following:
    """The build in a folder as it is now: its tables, read again when its manifest changed.
    ``report`` is given each of its :attr:`Site.warnings` once."""

    def __init__(self, site: Site, report: Callable[[str], None] | None = None) -> None:
        self._site = site
        self._report = report
        self._failed: tuple[_Stamp, MuniorgError] | None = None
        self._lock = threading.Lock()

    def site(self) -> Site:
        """The current build, read again after a rebuild (one ``stat`` when there was none).

        :raises MuniorgError: while the folder is not a build that can be read.
        """
        site = self._site
        stamp = _stamp(site.folder)
        if stamp == site.stamp:
            return site
        with self._lock:  # one reading at a time; the requests waiting meanwhile then share it
            if self._site.stamp == stamp:
                return self._site
            if self._failed is not None and self._failed[0] == stamp:
                raise self._failed[1]  # the same broken manifest: no need to read it again
            try:
                self._site = Site.load(site.folder)
            except MuniorgError as err:
                self._failed = (stamp, err)
                raise
            self._failed = None
            if self._report is not None:
                for warning in self._site.warnings:
                    if warning not in site.warnings:
                        self._report(warning)
            return self._site


class _Handler(BaseHTTPRequestHandler):
    build: _Following
    server_version = "muniorg"

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, *, body: bool) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        name = "index.html" if path == "/" else path.lstrip("/")
        try:
            site, data = self._published(name)
        except MuniorgError as err:
            self._status(HTTPStatus.SERVICE_UNAVAILABLE, f"{err}\n", body=body)
            return
        if data is not None:
            self._file(name, data, body=body)
        else:
            self._redirect(site, path, body=body)

    def _published(self, name: str) -> tuple[Site, bytes | None]:
        """The build as it is now, and the bytes of its file ``name`` (``None`` when it
        publishes none by that name).

        A file gone between the lookup and the read was most likely taken by a rebuild that
        replaced the folder in between: the lookup is made once more, in the new build.
        """
        for _ in range(2):
            site = self.build.site()
            if name not in site.files or ".." in name.split("/"):
                return site, None
            try:
                return site, (site.folder / name).read_bytes()
            except OSError:
                continue
        return site, None

    def _redirect(self, site: Site, path: str, *, body: bool) -> None:
        """A ``303`` from the IRI ``path`` to its document, as ``Accept`` asks."""
        base = site.hash_bases.get(path) or site.hash_bases.get(path.rstrip("/"))
        if base is not None:
            self._status(HTTPStatus.NOT_FOUND, _hash_iris(site.folder, base) + "\n", body=body)
            return
        slug = site.documents.get(path) or site.documents.get(path.rstrip("/"))
        if slug is None:
            self._status(HTTPStatus.NOT_FOUND, f"nothing is published at {path}\n", body=body)
            return
        extension = negotiate(self.headers.get("Accept"))
        if extension is None:
            served = ", ".join(sorted(set(_ACCEPTED)))
            self._status(HTTPStatus.NOT_ACCEPTABLE, f"available: {served}\n", body=body)
            return
        if extension == ".html":
            languages = site.languages.get(slug, ())
            wanted = [
                v.split("-")[0] for _, _, v in _weighted(self.headers.get("Accept-Language", ""))
            ]
            lang = next((v for v in wanted if v in languages), languages[0] if languages else "")
            if not lang:
                self._status(HTTPStatus.NOT_ACCEPTABLE, "this build has no pages\n", body=body)
                return
            target = f"/{slug}.{lang}.html"
        else:
            target = f"/{slug}{extension}"
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", target)
        self.send_header("Vary", "Accept, Accept-Language")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _file(self, name: str, data: bytes, *, body: bool) -> None:
        self.send_response(HTTPStatus.OK)
        media = MEDIA_TYPES.get(Path(name).suffix, "application/octet-stream")
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _status(self, status: HTTPStatus, text: str, *, body: bool) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


def make_server(
    folder: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    report: Callable[[str], None] | None = None,
) -> ThreadingHTTPServer:
    """A server for the build in ``folder`` (not started: call ``serve_forever``), which
    follows the folder through rebuilds. ``report`` is told the warnings of each build
    (:attr:`Site.warnings`), once each.

    :raises MuniorgError: when ``folder`` is not a build, or the address cannot be bound.
    """
    site = Site.load(folder)
    if report is not None:
        for warning in site.warnings:
            report(warning)
    handler = type("Handler", (_Handler,), {"build": _Following(site, report)})
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and embedding); stop it with
    ``server.shutdown()``."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


__all__ = ["MEDIA_TYPES", "Site", "is_loopback", "make_server", "negotiate", "serve_in_thread"]
