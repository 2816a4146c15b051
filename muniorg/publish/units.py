"""One authoring file built on its own: the unit of work of a build, and what it depends on.

A build (:mod:`muniorg.publish.build`) hands each file to :func:`build_unit` on a worker
process. The worker loads the file, validates it, applies the privacy rule and writes its
published files (``{id}.jsonld``, ``.ttl``, ``.nt``, its pages, and ``flat.jsonl``, its objects
for the whole data set's JSON-LD) into a pack of its own (:mod:`muniorg.formats.pack`: one file
to create, not ten); only a small :class:`UnitResult`
(the report, file sizes and checksums, what other documents need to know of it) comes back.
No process ever holds the graphs of a whole national build.

A document's output depends on other documents in a few ways only, all listed in
:class:`Facts`: references written as another file's id (``member: stord``), the classes of the
objects it refers to (checked by the shapes), persons hidden in another document, and, for its
pages, the names, pages and programmes of what it mentions. A worker first builds each document
with the facts its own file gives; the build then works out the facts from every document's
:class:`Header` and builds again only the documents whose facts differ (a municipality that
takes part in a programme, say). The output is the same as if every document had been built
with all the others in view.

A unit's result is a function of its file's bytes, its :class:`Facts`, the build's settings and
muniorg itself, so it is kept in a content-addressed cache (:class:`UnitCache`): a rebuild after
one file changed builds that file (and the few whose facts it changes) and takes every other
unit from the cache.

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X, en: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> cache = UnitCache(folder / "cache")
    >>> job = UnitJob(folder / "x.yaml", False, Settings(), cache.root)
    >>> result = build_unit(job)
    >>> result.header.local_id, [f.name for f in result.files][:3]
    ('x', ['x.jsonld', 'x.ttl', 'x.nt'])
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import platform
import re
import shutil
import stat
import sys
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from importlib import metadata
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import orjson
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from muniorg.authoring.load import (
    IdIndex,
    TopId,
    Unresolved,
    load_file,
    own_ids,
    resolve_references,
    top_id_problems,
)
from muniorg.core.collector import fewer_collections
from muniorg.core.errors import AuthoringError, MuniorgError, OutputError
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import DEFAULT_BASE, EU_COUNTRY, new_graph
from muniorg.core.resources import FRAME_FILES
from muniorg.core.triplestore import FastGraph, add_triples
from muniorg.formats.files import SETTLED_NS, StatMemo, stat_key
from muniorg.formats.jsonld import indented_json
from muniorg.formats.limits import Limits, current_limits
from muniorg.formats.pack import PackWriter, Slice, lost_pack
from muniorg.formats.yaml import YamlNode
from muniorg.model.classes import Municipality
from muniorg.model.node import Node
from muniorg.model.walk import canonical, walk
from muniorg.publish.render import publication, render_document
from muniorg.publish.union import FLAT_FILE, SUBJECTS_FILE
from muniorg.rdf.document import SourceDocument
from muniorg.rdf.privacy import hidden_people
from muniorg.site.pages import (
    BuildIndex,
    IndexEntry,
    SiteDocument,
    Text,
    object_names,
    render_pages,
    site_index,
)
from muniorg.validation.results import ValidationReport
from muniorg.validation.run import validate_graph

#: The whole data set's files: ``muniorg-dataset.jsonld`` ...
DATASET_SLUG = "muniorg-dataset"
#: The ontology and the controlled lists, published beside the data in every format (the
#: files of :data:`~muniorg.core.resources.PUBLISHED_VOCABULARY_DIR`).
VOCABULARY_FILES = ("ontology", "vocabularies")
#: Document ids that would take the names of files the build writes itself.
RESERVED_IDS = frozenset(
    {DATASET_SLUG, "context", "catalog", *VOCABULARY_FILES, *(f.stem for f in FRAME_FILES.values())}
)
#: Bumped when the layout of a cached unit changes (11: a record holds its own digest; 12: its
#: index entry holds the other names the index page's search finds).
CACHE_FORMAT = 12
#: A cached unit is two files in the cache's folder: its pack (its files, and its
#: :class:`Header` last, read only when the build needs the headers, see
#: :attr:`UnitResult.header`) and its record (the :class:`UnitResult`, with where each file
#: lies in the pack and the pack's stat). Side by side, in no folder of their own: on a file
#: system that has just deleted many files (the previous output and cache), making a folder
#: costs as much as two files, and caches of format 9 spread their units over 256.
_PACK_SUFFIX, _RECORD_SUFFIX = ".pack", ".json"
#: The cache's folder of what builds know of their output folders (see ``publish.build``).
OUTPUTS_FOLDER = "outputs"


@dataclass(frozen=True)
class Settings:
    """What a build's every unit shares: the base IRI, the privacy choice, the engine."""

    base: str = DEFAULT_BASE
    include_personal_data: bool = False
    engine: str = "muniorg"
    #: Whether the build writes a catalog (the pages link it).
    catalog: bool = False


def sorted_json(data: Any) -> bytes:
    """``data`` as JSON (UTF-8) with its keys sorted: equal for equal data, whatever the order
    of its keys (orjson: a tenth of the standard library's time, for a header a unit).

    >>> sorted_json({"b": 1, "a": [2]}) == sorted_json({"a": [2], "b": 1})
    True
    """
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)


def json_sha256(data: Any) -> str:
    """The SHA-256 of :func:`sorted_json` of ``data``."""
    return hashlib.sha256(sorted_json(data)).hexdigest()


def shallow_fields(instance: Any) -> dict[str, Any]:
    """A dataclass instance's fields by name, their values as they are (``dataclasses.asdict``
    without the recursion and deep copies: for instances whose values are JSON-ready already).

    >>> shallow_fields(Settings())
    {'base': 'https://w3id.org/muniorg/id/', 'include_personal_data': False, 'engine': 'muniorg', 'catalog': False}
    """
    return {f.name: getattr(instance, f.name) for f in fields(instance)}


@dataclass(frozen=True)
class Facts:
    """What a document's output depends on beyond its own file (see the module docs).

    ``resolution``: references written as another file's id -> IRI; ``types``: the classes other
    documents give the IRIs it mentions; ``hidden``: the persons among them hidden anywhere;
    ``names``, ``pages``, ``programmes``: what its pages show of them (see
    :class:`muniorg.site.pages.BuildIndex`).
    """

    resolution: Mapping[str, str] = field(default_factory=dict)
    types: Mapping[str, Sequence[str]] = field(default_factory=dict)
    hidden: Sequence[str] = ()
    names: Mapping[str, dict[str, str]] = field(default_factory=dict)
    pages: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    programmes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form, the same for equal facts."""
        return {
            "resolution": dict(sorted(self.resolution.items())),
            "types": {k: list(v) for k, v in sorted(self.types.items())},
            "hidden": sorted(self.hidden),
            "names": {k: dict(sorted(v.items())) for k, v in sorted(self.names.items())},
            "pages": {k: [v[0], list(v[1])] for k, v in sorted(self.pages.items())},
            "programmes": {k: list(v) for k, v in sorted(self.programmes.items())},
        }

    def digest(self) -> str:
        """A SHA-256 of :meth:`to_json`: equal for equal facts."""
        return json_sha256(self.to_json())


@dataclass(frozen=True)
class Header:
    """What the build learns of a document for the :class:`Facts` of the others."""

    path: str
    local_id: str
    iri: str
    #: Ids given to objects inside the file ("file/local" references resolve to them).
    local_ids: tuple[str, ...]
    #: References the file alone does not resolve: (as written, key, file, line, column).
    unresolved: tuple[tuple[str, str, str, int, int], ...]
    #: Every IRI the document's triples hold as subject or object.
    mentions: tuple[str, ...]
    #: The classes of the objects it describes.
    types: Mapping[str, tuple[str, ...]]
    #: Persons it marks ``public: false``.
    hidden: tuple[str, ...]
    #: IRI -> names, of every object with an id and a name (for other documents' pages).
    names: Mapping[str, Mapping[str, str]]
    site: SiteDocument
    #: The top object's place, and what it describes (for the checks across files).
    top: TopId

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (equal to ``dataclasses.asdict``'s, with ``top.where`` and
        ``top.id_where`` as :meth:`~muniorg.core.location.SourceLocation.to_dict` gives them),
        sharing the header's own texts, tuples and maps instead of deep-copying them: a build
        takes it twice per unit (:meth:`digest`, the cache's record), and ``asdict`` copied
        every IRI each time."""
        data = shallow_fields(self)
        data["site"] = shallow_fields(self.site)
        top = self.top
        data["top"] = {
            **shallow_fields(top),
            "where": top.where.to_dict(),
            "id_where": top.id_where.to_dict(),
        }
        return data

    def digest(self) -> str:
        """A SHA-256 of :meth:`to_json` (:func:`json_sha256`): equal for equal headers."""
        return json_sha256(self.to_json())

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Header:
        site = dict(data["site"])
        site["participants"] = tuple(site["participants"])
        return cls(
            path=data["path"],
            local_id=data["local_id"],
            iri=data["iri"],
            local_ids=tuple(data["local_ids"]),
            unresolved=tuple(tuple(u) for u in data["unresolved"]),
            mentions=tuple(data["mentions"]),
            types={k: tuple(v) for k, v in data["types"].items()},
            hidden=tuple(data["hidden"]),
            names=data["names"],
            site=SiteDocument(**site),
            top=TopId(
                **{
                    **data["top"],
                    "where": SourceLocation(**data["top"]["where"]),
                    "id_where": SourceLocation(**data["top"]["id_where"]),
                }
            ),
        )


@dataclass(frozen=True)
class UnitFile:
    """A file a unit published: its name, size and checksums (the catalog and the manifest
    need them; nothing reads the file again), and where its bytes start in the unit's pack."""

    name: str
    size: int
    sha256: str
    sha1: str
    offset: int = 0


@dataclass(frozen=True)
class DatasetInfo:
    """What the DCAT-AP catalog says of a document's data set."""

    title: Mapping[str, str]
    identifier: str
    subject: str
    spatial: tuple[str, ...]
    municipality: bool


@dataclass
class UnitResult:
    """What building one file gave (see :func:`build_unit`). ``pack`` holds its files
    (:meth:`part`)."""

    path: str
    key: str
    errors: list[MuniorgError] = field(default_factory=list)
    catalog: YamlNode | None = None
    skipped: bool = False
    #: The header (see :attr:`header`), or ``None`` while it is not read.
    loaded_header: Header | None = field(default=None, repr=False)
    #: The digest of the :class:`Facts` it was built with; ``None`` when it was not built
    #: (its file alone leaves references unresolved).
    facts: str | None = None
    report: ValidationReport | None = None
    #: The pack of its files in the cache ("": none were written).
    pack: str = ""
    files: tuple[UnitFile, ...] = ()
    #: Triples as checked, and as published (personal data left out).
    checked_triples: int = 0
    triples: int = 0
    dataset: DatasetInfo | None = None
    entry: IndexEntry | None = None
    #: Taken from the cache rather than built (not kept in the cache itself).
    from_cache: bool = False
    #: The unit's files for the whole data set (flat.jsonl, subjects.txt), checked like ``files``.
    helpers: tuple[UnitFile, ...] = ()
    #: :meth:`Header.digest` of ``header``, as cached ("": not worked out yet).
    header_digest: str = ""
    #: Where a cached unit's header lies, read on the first use of :attr:`header`.
    header_part: Slice | None = None
    #: A cached unit's (local id, IRI), known without its header ("": take the header's).
    ids: tuple[str, str] = ("", "")

    @property
    def header(self) -> Header | None:
        """What the build learns of the document (``None`` when it did not load); a cached
        unit's is read from its folder the first time it is asked for.

        :raises OutputError: when the cache lost it while the build ran.
        """
        if self.loaded_header is None and self.header_part is not None:
            try:
                data = orjson.loads(self.header_part.read_bytes())
                self.loaded_header = Header.from_json(data)
            except (OSError, ValueError, KeyError, TypeError) as err:
                raise lost_pack(self.header_part.path) from err
        return self.loaded_header

    @header.setter
    def header(self, header: Header | None) -> None:
        self.loaded_header = header

    @property
    def has_header(self) -> bool:
        """Whether the unit has a header (its document loaded), without reading it."""
        return self.loaded_header is not None or self.header_part is not None

    def part(self, file: UnitFile) -> Slice:
        """Where the bytes of ``file`` (one of :attr:`files` or :attr:`helpers`) lie."""
        return Slice(Path(self.pack), file.offset, file.size)

    def _ids(self) -> tuple[str, str]:
        """The document's local id and IRI, from :attr:`ids` or else its header."""
        if self.ids[0]:
            return self.ids
        assert self.header is not None
        return self.header.local_id, self.header.iri

    @property
    def local_id(self) -> str:
        """The document's local id (:attr:`Header.local_id`), without reading a cached header."""
        return self._ids()[0]

    @property
    def iri(self) -> str:
        """The document's IRI (:attr:`Header.iri`), without reading a cached header."""
        return self._ids()[1]

    def header_sha256(self) -> str:
        """:meth:`Header.digest` of the unit's header (kept with the cached unit)."""
        if not self.header_digest:
            assert self.header is not None
            self.header_digest = self.header.digest()
        return self.header_digest

    def to_json(self) -> dict[str, Any]:
        """The cached form (a unit with errors, a catalog or a skipped file is not cached)."""
        assert self.header is not None and self.report is not None and self.entry is not None
        return {
            "format": CACHE_FORMAT,
            "path": self.path,
            "ids": [self.header.local_id, self.header.iri],
            "header_digest": self.header_sha256(),
            "facts": self.facts,
            "report": self.report.to_dict(),
            "files": [shallow_fields(f) for f in self.files],
            "helpers": [shallow_fields(f) for f in self.helpers],
            "checked_triples": self.checked_triples,
            "triples": self.triples,
            "dataset": shallow_fields(self.dataset) if self.dataset else None,
            "entry": {
                "name": [self.entry.name.value, self.entry.name.lang],
                "href": self.entry.href,
                "country": self.entry.country,
                "kind": self.entry.kind,
                "other_names": list(self.entry.other_names),
            },
        }

    @classmethod
    def from_json(cls, key: str, pack: Path, data: Mapping[str, Any]) -> UnitResult:
        """The cached unit :meth:`to_json` (and :meth:`UnitCache.record`) gave ``data`` of.

        :raises TypeError: for values of other types or shapes than it writes (the record's
            digest is checked before, see :meth:`UnitCache.get`: a check of what a build goes
            on to use by name, rather than rely on the digest alone).
        """
        dataset = data["dataset"]
        entry = data["entry"]
        ids = data["ids"]
        if not (isinstance(ids, list) and len(ids) == 2 and all(_a_text(i) for i in ids)):
            raise TypeError(f"ids: {ids!r}")
        other_names = entry["other_names"]
        if not (isinstance(other_names, list) and all(_a_text(n) for n in other_names)):
            raise TypeError(f"entry.other_names: {other_names!r}")
        return cls(
            path=data["path"],
            key=key,
            header_part=Slice(pack, *_place(data["header"][:2])),
            ids=(ids[0], ids[1]),
            header_digest=str(data["header_digest"]),
            facts=data["facts"],
            report=ValidationReport.from_dict(data["report"]),
            pack=str(pack),
            files=_unit_files(data["files"]),
            helpers=_unit_files(data["helpers"]),
            checked_triples=_count(data["checked_triples"]),
            triples=_count(data["triples"]),
            dataset=DatasetInfo(
                title=dataset["title"],
                identifier=dataset["identifier"],
                subject=dataset["subject"],
                spatial=tuple(dataset["spatial"]),
                municipality=dataset["municipality"],
            )
            if dataset
            else None,
            entry=IndexEntry(
                name=Text(*entry["name"]),
                href=entry["href"],
                country=entry["country"],
                kind=entry["kind"],
                other_names=tuple(other_names),
            ),
        )


def _a_text(value: object) -> bool:
    """Whether ``value`` is a text, not empty."""
    return isinstance(value, str) and value != ""


def _count(value: object) -> int:
    """``value`` when it is a count (an ``int``, not a ``bool``, never negative).

    :raises TypeError: when it is not.
    """
    if type(value) is not int or value < 0:
        raise TypeError(f"not a count: {value!r}")
    return value


def _place(values: Sequence[object]) -> tuple[int, int]:
    """An offset and a size (:func:`_count` each), as a record gives where a part of a pack lies."""
    if len(values) != 2:
        raise TypeError(f"not an offset and a size: {values!r}")
    return _count(values[0]), _count(values[1])


def _unit_files(values: object) -> tuple[UnitFile, ...]:
    """The :class:`UnitFile` objects a record lists, each a plain file name (no folder: the build
    writes it into OUT by that name), counts and checksums.

    :raises TypeError: for anything else.
    """
    if not isinstance(values, list):
        raise TypeError(f"not a list of files: {values!r}")
    files = tuple(UnitFile(**value) for value in values)
    for file in files:
        name = file.name
        if not _a_text(name) or name in (".", "..") or "/" in name or "\\" in name:
            raise TypeError(f"not a file name: {name!r}")
        if not (_a_text(file.sha256) and isinstance(file.sha1, str)):
            raise TypeError(f"not checksums: {file.sha256!r}, {file.sha1!r}")
        _place((file.offset, file.size))
    return files


@dataclass(frozen=True)
class UnitJob:
    """One file to build: where it is, whether a folder scan found it, the settings, where its
    files go (a :class:`UnitCache` root), and the facts to build it with (``None``: those of
    its own file, with the references to other files of ``resolution``)."""

    path: Path
    found_in_folder: bool
    settings: Settings
    store: Path
    facts: Facts | None = None
    resolution: Mapping[str, str] | None = None

    def key(self, cache: UnitCache, file_key: str | None = None) -> str | None:
        """The cache key of what this job builds (from its file's ``file_key`` when the caller
        has it); ``None`` when it is not to be cached."""
        file_key = file_key or cache.file_key(self)
        if file_key is None:
            return None
        if self.facts is not None:
            return cache.facts_key(file_key, self.facts)
        if self.resolution is not None:
            return cache.facts_key(file_key, Facts(resolution=self.resolution))
        return file_key


# -- the unit of work -----------------------------------------------------------------------


def build_unit(job: UnitJob) -> UnitResult:
    """Build one file (see the module docs): load, validate, publish into its own folder.

    The result is taken from the cache under ``job.store`` when it holds it. Module level, so
    that a process pool can run it. The collector runs less often meanwhile
    (:func:`muniorg.core.collector.fewer_collections`).
    """
    with fewer_collections():
        return _build_unit(job)


def _build_unit(job: UnitJob) -> UnitResult:
    cache = UnitCache(job.store)
    seen = _stat_of(job.path)  # before hashing: any write after it changes the stat
    hashed = cache.file_key(job)
    key = job.key(cache, hashed)
    cached = cache.get(key) if key is not None else None
    if cached is not None:
        return cached
    if key is None:  # a file the loader refuses (it says why); never cached
        key = f"uncached-{uuid.uuid4().hex}"
    loaded = load_file(job.path, job.settings.base, found_in_folder=job.found_in_folder)
    result = UnitResult(path=str(job.path), key=key)
    if loaded.errors or loaded.document is None:
        result.errors = loaded.errors
        result.catalog = loaded.catalog
        result.skipped = loaded.skipped
        return result
    document = loaded.document
    try:
        check_reserved_names([document])
    except AuthoringError as error:
        result.errors = [error]
        return result
    local_ids = tuple(loaded.local_ids)
    resolution = job.facts.resolution if job.facts is not None else job.resolution
    root, unresolved = resolve_references(document, own_ids(document, local_ids))
    elsewhere = tuple(
        (u.ref, u.key, u.where.file, u.where.line, u.where.column) for u in unresolved
    )
    if unresolved and resolution is not None:
        root, unresolved = resolve_references(document, own_ids(document, local_ids), resolution)
    document.root = root
    if unresolved:  # references to other files: built once their ids are known
        result.header = _partial_header(document, local_ids, elsewhere)
        return result
    document.root = canonical(document.root)
    graph = document.graph()
    header = header_of(document, local_ids, elsewhere, graph)
    result.header = header
    facts = job.facts
    if facts is None:
        own = facts_for(header, None)
        facts = Facts(
            dict(resolution or {}), own.types, own.hidden, own.names, own.pages, own.programmes
        )
    result.facts = facts.digest()
    result.pack = str(cache.pack(key))
    try:
        with cache.new_pack(key) as pack:
            _publish_unit(document, graph, facts, job.settings, pack, result)
            # Kept only when the file is still the one hashed for the key: a file saved
            # while it was built would otherwise leave its new output under its old key.
            # Its stat too: a save and an undo while it was built (A, B, A) give the hash of
            # A again, but the unit was loaded from B.
            kept = (
                not key.startswith("uncached-")
                and seen is not None
                and _stat_of(job.path) == seen
                and cache.file_key(job) == hashed
            )
            if kept:  # its header last: read only when a build needs it
                header_data = sorted_json(header.to_json())
                result.header_digest = hashlib.sha256(header_data).hexdigest()  # its digest()
                result.header_part = pack.add(header_data)
            else:  # not the key's bytes: never where a build of the key reads
                pack.target = cache.pack(f"{key}-{uuid.uuid4().hex}")
                result.pack = str(pack.target)
        if kept:
            cache.record(key, result, pack.identity)
    except OSError as err:
        raise OutputError(
            f"cannot write the build cache {job.store} ({err.strerror or err}): free the "
            "space or the permission, or build with --no-cache or another --cache-dir"
        ) from err
    return result


def _stat_of(path: Path) -> tuple[int, int, int, int, int] | None:
    """The :func:`~muniorg.formats.files.stat_key` of ``path``; ``None`` when it cannot be
    read (the loader says why)."""
    try:
        return stat_key(os.stat(path))
    except OSError:
        return None


def _partial_header(
    document: SourceDocument,
    local_ids: tuple[str, ...],
    elsewhere: tuple[tuple[str, str, str, int, int], ...],
) -> Header:
    """The header of a document whose references to other files are not resolved yet: its
    ids, for resolving the others' references, and what it left unresolved."""
    return Header(
        path=str(document.path),
        local_id=document.local_id,
        iri=document.root.id or "",
        local_ids=local_ids,
        unresolved=elsewhere,
        mentions=(),
        types={},
        hidden=(),
        names={},
        site=SiteDocument.of(document),
        top=TopId.of(document),
    )


def header_of(
    document: SourceDocument,
    local_ids: Sequence[str] = (),
    elsewhere: tuple[tuple[str, str, str, int, int], ...] = (),
    graph: Graph | None = None,
) -> Header:
    """The :class:`Header` of a loaded, resolved document (whose triples are ``graph``)."""
    root = document.root
    graph = graph if graph is not None else document.graph()
    mentions = mentioned_iris(graph)
    types = {
        node.id: names for node in walk(root) if node.id and (names := _type_names(type(node)))
    }
    return Header(
        path=str(document.path),
        local_id=document.local_id,
        iri=root.id or "",
        local_ids=tuple(local_ids),
        unresolved=elsewhere,
        mentions=tuple(sorted(mentions)),
        types=types,
        hidden=tuple(sorted(hidden_people([root]))),
        names=object_names([document]),
        site=SiteDocument.of(document),
        top=TopId.of(document),
    )


def _type_names(cls: type[Node]) -> tuple[str, ...]:
    """The IRIs of the types of ``cls``'s objects, sorted (once per class)."""
    names = _TYPE_NAMES.get(cls)
    if names is None:
        names = _TYPE_NAMES[cls] = tuple(sorted(str(t) for t in cls.SPEC.all_types))
    return names


_TYPE_NAMES: dict[type[Node], tuple[str, ...]] = {}


def mentioned_iris(graph: Graph) -> set[str]:
    """Every IRI ``graph``'s triples hold as subject or object (a :class:`FastGraph`'s index
    is read as it is, instead of through rdflib's de-duplicating ``subjects``/``objects``).

    >>> from rdflib import Literal
    >>> g = new_graph()
    >>> g.add((URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), URIRef("https://ex.org/b")))
    <Graph ...>
    >>> g.add((URIRef("https://ex.org/a"), URIRef("https://ex.org/q"), Literal("x")))
    <Graph ...>
    >>> sorted(mentioned_iris(g))
    ['https://ex.org/a', 'https://ex.org/b']
    """
    if not isinstance(graph, FastGraph):
        terms = {*graph.subjects(unique=True), *graph.objects(unique=True)}
        return {str(t) for t in terms if isinstance(t, URIRef)}
    spo = graph.triple_store.spo
    # the IRI terms first (an object IRI recurs: a type, a code), each made a str once
    iris: set[URIRef] = set()
    collect = iris.update
    for by_p in spo.values():
        for objects in by_p.values():
            collect([o for o in objects if isinstance(o, URIRef)])
    collect([s for s in spo if isinstance(s, URIRef)])
    return {str(t) for t in iris}


def _publish_unit(
    document: SourceDocument,
    graph: Graph,
    facts: Facts,
    settings: Settings,
    pack: PackWriter,
    result: UnitResult,
) -> None:
    """Validate ``document`` (whose triples are ``graph``) with ``facts`` and write what is
    published of it into ``pack``."""
    context = new_graph()
    add_triples(  # in bulk: the store's one pass instead of Graph.add's checks per triple
        context,
        [
            (URIRef(iri), RDF.type, URIRef(cls))
            for iri, classes in facts.types.items()
            for cls in classes
        ],
    )
    result.report = validate_graph(graph, document, context, settings.engine)
    result.checked_triples = len(graph)
    [published] = publication(
        [document.root],
        [graph],
        settings.include_personal_data,
        hidden=frozenset(facts.hidden),
    )
    del graph
    result.triples = len(published.graph)
    texts, flat_objects, compact = render_document(published)
    files = [
        _write(pack, f"{document.local_id}{fmt.extension}", text) for fmt, text in texts.items()
    ]
    helpers = [_write(pack, FLAT_FILE, "".join(flat_lines(flat_objects)))]
    graph = published.graph
    subjects = set(graph.triple_store.spo if isinstance(graph, FastGraph) else graph.subjects())
    if all(isinstance(s, URIRef) for s in subjects):  # else the union's Turtle is written whole
        text = "".join(f"{s}\n" for s in sorted(map(str, subjects)))
        helpers.append(_write(pack, SUBJECTS_FILE, text))
    result.helpers = tuple(helpers)
    shown = SourceDocument(document.path, document.local_id, published.roots[0])
    index = BuildIndex(facts.names, facts.pages, facts.programmes)
    pages, entry = render_pages(shown, index, catalog=settings.catalog, jsonld=compact)
    files.extend(_write(pack, name, html) for name, html in pages)
    result.entry = entry
    result.files = tuple(files)
    result.dataset = _dataset_info(document.local_id, published.roots[0])


def flat_lines(objects: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The lines of a unit's ``flat.jsonl``: per object, its id and its text as it stands in
    the whole data set's ``@graph`` (:func:`muniorg.formats.jsonld.dumps`' layout, indented
    to its place), so that merging the units' objects writes text instead of encoding JSON."""
    for node in objects:
        text = indented_json(node).replace("\n", "\n    ")
        # json.dumps([id, text], ensure_ascii=False), from the string encoder it calls
        yield f"[{encode_basestring(node['id'])}, {encode_basestring(text)}]\n"


def _write(pack: PackWriter, name: str, text: str) -> UnitFile:
    """Add ``text`` (UTF-8, lines as they are) to ``pack`` as the file ``name``, measured
    from the bytes written."""
    data = text.encode("utf-8")
    part = pack.add(data)
    sha256, sha1 = hashlib.sha256(data).hexdigest(), hashlib.sha1(data).hexdigest()
    return UnitFile(name, len(data), sha256, sha1, part.offset)


def _dataset_info(local_id: str, root: Node) -> DatasetInfo:
    name = getattr(root, "name", None) or getattr(root, "title", None) or {"en": local_id}
    spatial: tuple[str, ...] = ()
    if isinstance(root, Municipality):
        spatial = tuple(
            s for s in ((root.area.id if root.area else None), EU_COUNTRY[root.country or ""]) if s
        )
    return DatasetInfo(
        title=dict(name),
        identifier=root.id or local_id,
        subject=root.id or "",
        spatial=spatial,
        municipality=isinstance(root, Municipality),
    )


def check_reserved_names(documents: Sequence[SourceDocument]) -> None:
    """Stop when a document's id would take the name of a file the build writes itself.

    >>> from muniorg.model.classes import Municipality
    >>> check_reserved_names([SourceDocument(Path("c.yaml"), "catalog", Municipality())])
    Traceback (most recent call last):
    ...
    muniorg.core.errors.AuthoringError: c.yaml: the id 'catalog' is reserved...
    """
    for document in documents:
        if document.local_id in RESERVED_IDS:
            location = document.locate(document.root.id or "", "id") if document.root.id else None
            raise AuthoringError(
                f"the id {document.local_id!r} is reserved: a build writes "
                f"{document.local_id}.* itself ({', '.join(sorted(RESERVED_IDS))} are taken); "
                "choose another id",
                location or SourceLocation(str(document.path)),
            )


# -- facts ------------------------------------------------------------------------------------


@dataclass
class BuildFacts:
    """What every document of a build tells the others, gathered from their headers."""

    headers: Mapping[str, Header]  # by top IRI, first document (by path) first
    roots: dict[str, str]
    local_iris: dict[tuple[str, str], str]
    types: dict[str, dict[str, tuple[str, ...]]]  # IRI -> top IRI of the document -> classes
    hidden: frozenset[str]
    names: dict[str, Mapping[str, str]]
    index: BuildIndex

    @classmethod
    def of(cls, headers: Sequence[Header]) -> BuildFacts:
        by_iri: dict[str, Header] = {}
        for header in headers:
            by_iri.setdefault(header.iri, header)
        roots: dict[str, str] = {}
        for header in headers:
            roots.setdefault(header.local_id, header.iri)
        local_iris = {
            (h.local_id, local): f"{h.iri}/{local}"
            for h in headers
            for local in h.local_ids
            if local != h.local_id
        }
        types: dict[str, dict[str, tuple[str, ...]]] = {}
        for header in headers:
            for iri, classes in header.types.items():
                types.setdefault(iri, {})[header.path] = classes
        names: dict[str, Mapping[str, str]] = {}
        for header in sorted(headers, key=lambda h: h.local_id):
            for iri, name in header.names.items():
                names.setdefault(iri, name)
        hidden = frozenset(p for h in headers for p in h.hidden)
        index = site_index([h.site for h in headers], {})
        return cls(by_iri, roots, local_iris, types, hidden, names, index)

    def ids(self) -> IdIndex:
        return IdIndex(self.roots, self.local_iris)

    def resolve(self, header: Header) -> dict[str, str]:
        """The IRIs of ``header``'s references to other files (those its ids resolve)."""
        ids = self.ids()
        return {ref: iri for ref, *_ in header.unresolved if (iri := ids.resolve_elsewhere(ref))}

    def problems(self, headers: Sequence[Header]) -> list[MuniorgError]:
        """Duplicate top ids, two files for one IRI, references no file resolves."""
        errors = top_id_problems([h.top for h in headers])
        ids = self.ids()
        for header in headers:
            unresolved = [
                Unresolved(ref, key, SourceLocation(file, line, column))
                for ref, key, file, line, column in header.unresolved
            ]
            errors.extend(ids.dangling(header.local_id, unresolved))
        return errors


def facts_for(header: Header, build: BuildFacts | None) -> Facts:
    """The :class:`Facts` of ``header``'s document: from the whole build's ``build`` facts, or,
    when it is ``None``, from the document alone."""
    if build is None:
        build = BuildFacts.of([header])
    mentions = header.mentions
    types: dict[str, list[str]] = {}
    for iri in mentions:
        others = build.types.get(iri)
        if not others or (len(others) == 1 and header.path in others):
            continue  # described here only, or nowhere: nothing from elsewhere (most IRIs)
        own = set(header.types.get(iri, ()))
        extra = sorted(
            {c for path, classes in others.items() if path != header.path for c in classes} - own
        )
        if extra:
            types[iri] = extra
    programmes = {iri: tuple(p) for iri in mentions if (p := build.index.programmes.get(iri))}
    # A page shows the programmes of what it mentions, with their names and pages.
    shown = set(mentions).union(*programmes.values())
    return Facts(
        resolution=build.resolve(header),
        types=types,
        hidden=sorted(build.hidden.intersection(mentions)),
        names={iri: dict(build.names[iri]) for iri in sorted(shown) if iri in build.names},
        pages={
            iri: (page[0], tuple(page[1]))
            for iri in sorted(shown)
            if (page := build.index.pages.get(iri)) is not None
        },
        programmes=programmes,
    )


# -- the cache --------------------------------------------------------------------------------


def code_files() -> list[Path]:
    """Every file of the muniorg package that shapes a build's output, sorted: its code, and the
    shapes, context, lists and templates it ships (followed through symbolic links: in a
    checkout, ``muniorg/ontology`` links to ``ontology/``)."""
    package = Path(__file__).resolve().parents[1]
    found: list[Path] = []
    for folder, folders, files in os.walk(package, followlinks=True):
        folders[:] = sorted(d for d in folders if d != "__pycache__")
        found.extend(Path(folder) / name for name in files if not name.endswith(".pyc"))
    return sorted(found, key=lambda path: path.relative_to(package).as_posix())


@functools.cache
def code_digest() -> str:
    """A SHA-256 of muniorg itself (:func:`code_files`: code, shapes, context, templates) and of
    the libraries and Python that shape its output: a unit built by another version of any of
    them is never taken from the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in code_files():
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for library, version in library_versions(LIBRARIES).items():
        digest.update(f"{library}={version}\0".encode())
    digest.update(platform.python_version().encode())
    return digest.hexdigest()


#: The libraries whose versions shape a build's output (:func:`code_digest`).
LIBRARIES = ("rdflib", "pyoxigraph", "pyshacl", "PyYAML", "jinja2", "MarkupSafe", "PyLD", "orjson")


def library_versions(names: Sequence[str]) -> dict[str, str]:
    """The installed version of each library of ``names`` ("-" when it is not installed), as
    the name of its ``.dist-info`` folder gives it: one listing of each ``sys.path`` folder,
    the first found winning, as for imports (``importlib.metadata.version`` searched the
    path once a library: 40 ms for eight, a fair part of a rebuild that builds one file).
    A library installed otherwise (an ``.egg-info``) is asked of ``importlib.metadata``.

    >>> library_versions(["MarkupSafe", "no-such-library"])["no-such-library"]
    '-'
    """

    def normal(name: str) -> str:
        return re.sub(r"[-_.]+", "_", name).lower()

    wanted = {normal(name): name for name in names}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in sorted(entries):
            if not entry.endswith(".dist-info"):
                continue
            name, _, version = entry.removesuffix(".dist-info").partition("-")
            library = wanted.get(normal(name))
            if library is not None and library not in found and version:
                found[library] = version
    for name in names:
        if name not in found:
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                found[name] = "-"
    return {name: found[name] for name in names}


#: A unit's record is marked used (for :meth:`UnitCache.prune`) when it was last marked longer
#: ago than this (seconds): a day, against the 30 days a unit is kept unused.
_TOUCHED_S = 86400
#: In the cache's folder: when :meth:`UnitCache.prune` last looked for units to remove.
_PRUNED_MARK = ".pruned"
#: The files a cache writes in its folder, which prune may remove: a unit's pack or record,
#: the pack of a unit that was not kept (``{key}-{uuid}.pack``, see :func:`_build_unit`), the
#: temporary file of one (see :class:`~muniorg.formats.pack.PackWriter`). ``--cache-dir`` may
#: name a folder that holds other things.
_CACHE_FILE = re.compile(
    r"(?:[0-9a-f]{64}|uncached-[0-9a-f]{32})(?:-[0-9a-f]{32})?\.pack|[0-9a-f]{64}\.json"
    r"|\.[0-9a-f]{16}-[0-9a-f]{12}|\.uncached-[0-9a-f]{7}-[0-9a-f]{12}"
)
#: A folder of units of format 9 (``key[:2]``), and a unit's folder of format 8 inside one.
_OLD_SHARD, _OLD_UNIT = re.compile(r"[0-9a-f]{2}"), re.compile(r"[0-9a-f]{64}")


#: The keys of the files this process hashed (:meth:`UnitCache.file_key`), and the cached
#: units' records it read (:meth:`UnitCache.get`), by the files' stat.
_FILE_KEYS: StatMemo[str] = StatMemo()
_RESULTS: StatMemo[Any] = StatMemo(max_entries=4096)  # a few kB each


@functools.lru_cache(maxsize=16)
def _settings_json(settings: Settings, limits: Limits) -> str:
    """``json.dumps`` of both as dictionaries, joined as the items of a list: the part of
    :meth:`UnitCache.file_key` that every file of a build shares (``asdict`` copies deeply).

    >>> _settings_json(Settings(), current_limits())[:40]
    '{"base": "https://w3id.org/muniorg/id/",'
    """
    return f"{json.dumps(asdict(settings))}, {json.dumps(asdict(limits))}"


class UnitCache:
    """Built units by key, in ``root``: each a pack of its files (:meth:`pack`), written whole
    or not at all, and a record of its result (:meth:`record`), written once the pack is in
    place; a pack without a record is never taken.

    The key of a unit is a SHA-256 of its file's bytes and path, the build's settings,
    :func:`code_digest` and, when it was built with the facts of other documents, of those.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def file_key(self, job: UnitJob) -> str | None:
        """The key of ``job``'s file as its own file alone builds it; ``None`` for a file that
        the loader will refuse anyway (not a regular file, too large, unreadable): it is never
        read here, and never cached."""
        limits = current_limits()
        # json.dumps([path, found_in_folder, asdict(settings), asdict(limits)]), with the
        # part every file of a build shares made once
        shared = _settings_json(job.settings, limits)
        settings = f"[{json.dumps(str(job.path))}, {json.dumps(job.found_in_folder)}, {shared}]"
        head = f"{CACHE_FORMAT}\0{code_digest()}\0{settings}\0".encode()

        def key(data: bytes) -> str:
            return hashlib.sha256(head + data).hexdigest()

        try:
            status = job.path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > limits.max_file_bytes:
                return None
            # A file this process hashed before and that did not change is not read again.
            return _FILE_KEYS.get(job.path, key, status, head.decode())
        except OSError:
            return None

    @staticmethod
    def facts_key(file_key: str, facts: Facts | str) -> str:
        """The key of a file's unit built with ``facts`` (or the :meth:`Facts.digest` of them)."""
        digest = facts if isinstance(facts, str) else facts.digest()
        return hashlib.sha256(f"{file_key}\0{digest}".encode()).hexdigest()

    def pack(self, key: str) -> Path:
        """Where the unit of ``key`` keeps its files."""
        return self.root / f"{key}{_PACK_SUFFIX}"

    def _record(self, key: str) -> Path:
        return self.root / f"{key}{_RECORD_SUFFIX}"

    def get(self, key: str) -> UnitResult | None:
        """The cached unit under ``key``, or ``None`` (also when it is damaged).

        A damaged unit is built again, never published. The record is taken only when it is
        the bytes a build of this cache format wrote for ``key``: it holds a SHA-256 of the
        rest of it (:func:`_read_record`), so that a record edited by hand (a report without
        its violations), damaged or copied to another key is not trusted; the values a build
        uses by name are checked for their types too (:meth:`UnitResult.from_json`).

        The pack is checked against the stat record :meth:`record` wrote
        (:func:`~muniorg.formats.files.stat_key`: device, inode, size, modification and change
        times); a pack whose record differs is read and the SHA-256 of each of its files
        checked instead (and, when they are intact, its record renewed). Writing a file, or
        setting its times back, sets its change time, which no program can set back: a pack
        changed through the file system after it was recorded is always read. What this does
        not see is a change that bypasses the file system (a failing disk, a write to the raw
        device) and a change of the same size made within the file system's clock tick
        (milliseconds) after muniorg renamed the pack into place, before it recorded it.
        """
        pack, record = self.pack(key), self._record(key)
        try:
            record_status = os.stat(record)  # once: for the memo and for the mark of use
            # orjson: 200 units' records parse in a third of the standard library's time
            data = _RESULTS.get(record, _read_record, record_status)
            if data is None or data["key"] != key:
                return None  # not written by this muniorg, or a record copied to another key
            result = UnitResult.from_json(key, pack, data)
            status = stat_key(os.stat(pack))
            if list(status) != data["stat"]:
                if not self._intact(result, data):
                    return None
                self._renew(record, data, status)
            if record_status.st_mtime < time.time() - _TOUCHED_S:
                os.utime(record)  # used now: kept by the next prune
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        result.from_cache = True
        return result

    @staticmethod
    def _intact(result: UnitResult, data: Mapping[str, Any]) -> bool:
        """Whether ``result``'s pack holds the bytes its record says, file by file."""
        content = Path(result.pack).read_bytes()
        header = UnitFile("", data["header"][1], data["header"][2], "", data["header"][0])
        for file in [*result.files, *result.helpers, header]:
            found = content[file.offset : file.offset + file.size]
            if len(found) != file.size or hashlib.sha256(found).hexdigest() != file.sha256:
                return False
        return True

    @staticmethod
    def _renew(record: Path, data: dict[str, Any], status: tuple[int, ...]) -> None:
        """Record the stat of a pack just checked by its SHA-256s (a cache copied elsewhere
        has other inodes), so that the next build need not read it; a pack changed less
        than :data:`~muniorg.formats.files.SETTLED_NS` before is left to be read again (it may
        change again within the same clock tick, unseen)."""
        if status[4] < time.time_ns() - SETTLED_NS:  # status[4]: ctime
            with contextlib.suppress(OSError):  # best effort: else read again next time
                _write_record(record, {**data, "stat": list(status)})

    def new_pack(self, key: str) -> PackWriter:
        """A :class:`~muniorg.formats.pack.PackWriter` of the unit of ``key`` (the cache's
        folder made when missing)."""
        target = self.pack(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        return PackWriter(target)

    def record(self, key: str, result: UnitResult, identity: tuple[int, int] | None = None) -> None:
        """Record ``result``, whose pack :meth:`new_pack` wrote and renamed into place, with
        where its header lies in the pack (its bytes are :func:`sorted_json` of it, so their
        SHA-256 is its :meth:`Header.digest`) and the pack's stat (see :meth:`get`): the unit
        is then taken by later builds. The record is renamed into place whole."""
        assert result.header_part is not None
        data = result.to_json()
        data["key"] = key
        header = result.header_part
        data["header"] = [header.offset, header.size, result.header_sha256()]
        status = os.stat(result.pack)
        if identity is not None and (status.st_dev, status.st_ino) != identity:
            return  # another build's pack replaced it meanwhile: that build records its own
        data["stat"] = list(stat_key(status))
        _write_record(self._record(key), data)

    def prune(self, keep: Iterable[str], max_age_days: float = 30.0) -> None:
        """Remove units not in ``keep`` that no build used for ``max_age_days``; at most
        once in :data:`_TOUCHED_S` (a mark in the cache says when it last looked: looking
        means a stat of every unit, a fair part of a rebuild that builds one). A unit's age is
        its record's (:meth:`get` marks it); what has no record (a pack a build was killed
        before recording, a temporary file, a unit of an older cache format) is aged by its own
        time."""
        mark = self.root / _PRUNED_MARK
        with contextlib.suppress(OSError):
            if mark.stat().st_mtime > time.time() - _TOUCHED_S:
                return
        with contextlib.suppress(OSError):
            mark.touch()
        keep = set(keep)
        limit = time.time() - max_age_days * 86400
        try:  # best effort: a cache that cannot be tidied is left as it is
            by_key: dict[str, list[Path]] = {}
            for entry in self.root.iterdir():  # "" for a temporary file (".{key}-...")
                if _a_cache_s(entry):
                    by_key.setdefault(entry.name.split(".")[0], []).append(entry)
            for key, entries in by_key.items():
                if key in keep:
                    continue
                record = self.root / f"{key}{_RECORD_SUFFIX}"
                if key and record in entries:  # a unit: its files go with its record
                    if _older(record, limit):
                        _remove(entries)
                    continue
                # the rest by its own time: a pack a build was killed before recording, a
                # temporary file, a folder of units of an older cache format
                _remove([entry for entry in entries if _older(entry, limit)])
        except OSError:
            return


def _a_cache_s(entry: Path) -> bool:
    """Whether ``entry`` of the cache's folder is a cache's: a file (or a link, never followed)
    named as a cache names its files, or a folder named as a shard of format 9 that holds only
    what that format and format 8 wrote there. Another program's file or folder is never
    removed, whatever its name."""
    if entry.is_symlink() or not entry.is_dir():
        return _CACHE_FILE.fullmatch(entry.name) is not None
    if not _OLD_SHARD.fullmatch(entry.name):
        return False
    try:
        return all(
            _CACHE_FILE.fullmatch(inner.name) or _OLD_UNIT.fullmatch(inner.name)
            for inner in entry.iterdir()
        )
    except OSError:
        return False


#: A record's key for its digest (:func:`_record_digest`).
_DIGEST = "record_sha256"


def _record_digest(data: Mapping[str, Any]) -> str:
    """The SHA-256 of :func:`sorted_json` of a record without its digest (a few kB: tens of
    microseconds)."""
    return json_sha256({name: value for name, value in data.items() if name != _DIGEST})


def _write_record(path: Path, data: Mapping[str, Any]) -> None:
    """Write a unit's record whole (a temporary file renamed into place), with its digest
    (:func:`_read_record` checks it), readable by its owner only, as its pack: what a build
    learnt of a document (its report) may name persons who are not public."""
    data = {**data, _DIGEST: _record_digest(data)}
    with PackWriter(path) as record:
        record.add(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _read_record(content: bytes) -> dict[str, Any] | None:
    """The record whose bytes are ``content`` when this cache format wrote it and its digest
    holds (:func:`_write_record`), else ``None``: not JSON, an older format, changed by hand.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "unit.json"
    >>> _write_record(path, {"format": CACHE_FORMAT, "triples": 3})
    >>> _read_record(path.read_bytes())["triples"]
    3
    >>> _read_record(path.read_bytes().replace(b'"triples": 3', b'"triples": 4')) is None
    True
    """
    try:
        data = orjson.loads(content)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return None
    return data if data.get(_DIGEST) == _record_digest(data) else None


def _older(path: Path, limit: float) -> bool:
    try:
        return path.stat().st_mtime < limit
    except OSError:
        return False


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()


__all__ = [
    "DATASET_SLUG",
    "RESERVED_IDS",
    "VOCABULARY_FILES",
    "BuildFacts",
    "Facts",
    "Header",
    "Settings",
    "UnitCache",
    "UnitJob",
    "UnitResult",
    "build_unit",
    "check_reserved_names",
    "code_digest",
    "code_files",
    "facts_for",
    "header_of",
    "library_versions",
    "mentioned_iris",
]
