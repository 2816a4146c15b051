"""Build: authoring files -> validated, published files (JSON-LD, Turtle, N-Triples, DCAT-AP).

The output folder is written whole or not at all, and only when it is muniorg's to replace
(:mod:`muniorg.formats.output_folder`): everything goes to a staging folder beside it, which replaces
the old folder only when the build has succeeded. A build that fails or is killed leaves the
previous output as it was; a folder that holds files muniorg did not write, an input, the
working directory or the home folder is refused before anything is read.

Layout of the output folder::

    {id}.jsonld {id}.ttl {id}.nt          one set per authoring file (municipality, programme ...)
    muniorg-dataset.jsonld .ttl .nt       the whole data set (JSON-LD flattened)
    context.jsonld                        the JSON-LD context the documents refer to
    authoring-schema.json                 the JSON Schema of the YAML authoring files (editors)
    frame-municipality.jsonld ...         JSON-LD frames of the common views (docs/consumers.md)
    ontology.ttl .jsonld .nt              the muniorg ontology (classes, properties, labels)
    vocabularies.ttl .jsonld .nt          the controlled lists (codes and their labels)
    catalog.ttl catalog.nt                the DCAT-AP catalog (when a ``type: Catalog`` file exists)
    {id}.{lang}.html index.html site.*    the site for people (:mod:`muniorg.site.pages`)
    .muniorg-manifest.json                what was published, with sizes and SHA-256

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.publish.build import build
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X Kommune, en: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> result = build([src], src / "out")
    >>> result.published, sorted(p.name for p in result.files)[:3]
    (True, ['authoring-schema.json', 'context.jsonld', 'frame-municipality.jsonld'])
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import functools
import hashlib
import json
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from muniorg.authoring.load import authoring_files, check_sources, load_file
from muniorg.core.arguments import PathArgument, jobs_argument, path_argument, paths_argument
from muniorg.core.errors import AuthoringErrors, OutputError
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.core.pool import map_documents
from muniorg.core.resources import (
    AUTHORING_SCHEMA_FILE,
    CONTEXT_FILE,
    FRAME_FILES,
    PUBLISHED_VOCABULARY_DIR,
)
from muniorg.dcat import wording
from muniorg.dcat.config import CatalogConfig, PublishedDataset, PublishedFile, published_file
from muniorg.dcat.from_yaml import the_catalog
from muniorg.dcat.graph import catalog_texts
from muniorg.formats.files import StatMemo, copy_new, keep_json
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.limits import current_limits
from muniorg.formats.output_folder import (
    FileRecord,
    OutputFolder,
)
from muniorg.formats.pack import CutShort, Slice, lost_pack
from muniorg.formats.yaml import YamlNode
from muniorg.publish.union import FLAT_FILE, SUBJECTS_FILE, UnionMerge, UnionPart, UnionState
from muniorg.publish.union_update import update_union
from muniorg.publish.units import (
    DATASET_SLUG,
    OUTPUTS_FOLDER,
    RESERVED_IDS,
    VOCABULARY_FILES,
    BuildFacts,
    DatasetInfo,
    Settings,
    UnitCache,
    UnitJob,
    UnitResult,
    build_unit,
    check_reserved_names,
    facts_for,
)
from muniorg.site.pages import load_templates, write_index
from muniorg.validation.results import Severity, ValidationReport
from muniorg.validation.run import compiled_shapes, engine_name, shapes_graph

#: Called with (number done, number in all, the file just built).
Progress = Callable[[int, int, Path], None]


@dataclass
class BuildResult:
    """What a build did. ``published`` is false when violations stopped it.

    ``triples`` counts the documents' triples as published (personal data left out); when
    nothing was published, as checked.
    """

    report: ValidationReport
    published: bool
    documents: int = 0
    municipalities: int = 0
    triples: int = 0
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    #: Documents whose result came from the cache (see ``cache_dir``).
    cached: int = 0


def build(
    sources: Sequence[PathArgument],
    out_dir: PathArgument,
    *,
    base: str = DEFAULT_BASE,
    allow_invalid: bool = False,
    fail_on: Severity = Severity.VIOLATION,
    progress: Progress | None = None,
    include_personal_data: bool = False,
    jobs: int = 1,
    engine: str | None = None,
    cache_dir: Path | None = None,
) -> BuildResult:
    """Load, validate and publish the authoring files under ``sources`` into ``out_dir``.

    Nothing is written when a result at or above ``fail_on`` is found, unless ``allow_invalid``.
    Validation sees all the data; what is written leaves out personal data (persons' contact
    details, persons marked ``public: false``) unless ``include_personal_data`` (see
    :mod:`muniorg.rdf.privacy`).

    Validation and writing run on ``jobs`` processes (each file is a unit of work); the output
    is the same for any ``jobs``. ``engine`` names the validation engine (muniorg's own by
    default, or ``"pyshacl"``, the reference).

    With ``cache_dir``, each file's result is kept there (:class:`muniorg.publish.units.UnitCache`)
    and taken from there by the next build when neither the file nor anything its output
    depends on has changed: the output is the same bytes as a build without the cache.

    >>> import pathlib, tempfile
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "x.yaml").write_text("type: Municipality\\nid: x\\nname: {da: X, en: X}\\ncountry: DNK\\n")
    >>> result = build([src], src / "out", jobs=1)
    >>> result.published, result.municipalities, result.report.conforms
    (True, 1, True)

    :raises muniorg.core.errors.MuniorgError: when the sources cannot be loaded.
    :raises muniorg.core.errors.OutputError: when ``out_dir`` must not be replaced (it holds files
        muniorg did not write, or an input ...) or cannot be written.
    :raises muniorg.core.errors.UsageError: when ``sources`` is not a list of paths.
    """
    started = time.perf_counter()
    sources = paths_argument(sources, "build(sources)")
    out_dir = path_argument(out_dir, "build(out_dir)")
    jobs = jobs_argument(jobs)
    stat_file = _kept_in_cache(cache_dir, out_dir, "files")
    # checked and locked before any work
    with OutputFolder(out_dir, sources, stat_file=stat_file) as folder:
        if cache_dir is not None and cache_dir.resolve().is_relative_to(folder.path):
            raise OutputError(
                f"the cache folder {cache_dir} is inside the output folder {out_dir}, which a "
                "build replaces whole: keep the cache elsewhere (--cache-dir)"
            )
        result = _build(
            folder,
            sources,
            base,
            allow_invalid,
            fail_on,
            progress,
            include_personal_data,
            jobs,
            engine,
            cache_dir,
        )
    result.notes.extend(folder.notes)
    result.seconds = time.perf_counter() - started
    return result


def _build(
    folder: OutputFolder,
    sources: Sequence[Path],
    base: str,
    allow_invalid: bool,
    fail_on: Severity,
    progress: Progress | None,
    include_personal_data: bool,
    jobs: int,
    engine: str | None,
    cache_dir: Path | None,
) -> BuildResult:
    in_folder = dict(authoring_files(sources))
    files = list(in_folder)
    catalogs, catalog_files = _catalogs(files, in_folder, base)
    settings = Settings(base, include_personal_data, engine_name(engine), catalog=bool(catalogs))
    with contextlib.ExitStack() as stack:
        store = cache_dir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        cache = UnitCache(store)
        jobs_ = [
            UnitJob(path, in_folder[path], settings, store)
            for path in files
            if path not in catalog_files
        ]
        units = _run(jobs_, jobs, progress, settings)
        # never an empty data set over the last one, nor one without an emptied folder's
        check_sources(
            sources,
            [Path(u.path) for u in units if not u.skipped],
            [path for path in files if path in catalog_files],
            [Path(u.path) for u in units if u.skipped],
        )
        facts_file = _kept_in_cache(cache_dir, folder.path, "facts")
        known = _read_json(facts_file) or {}
        settled = _settled(units, known, jobs_)
        if settled is None:
            units, languages = _facts(units, jobs_, jobs, settings, facts_file, known)
        else:
            units, languages = settled
        catalog_notes: list[tuple[SourceLocation, str]] = []
        catalog = the_catalog(catalogs, base, catalog_notes)
        report = ValidationReport.merge(u.report for u in units if u.report is not None)
        result = BuildResult(
            report=report,
            published=False,
            documents=len(units),
            municipalities=sum(bool(u.dataset and u.dataset.municipality) for u in units),
            triples=sum(u.checked_triples for u in units),
            cached=sum(u.from_cache for u in units),
        )
        result.notes.extend(f"{where}: {note}" for where, note in catalog_notes)
        if report.fails(fail_on) and not allow_invalid:
            return result
        if catalog is None:
            result.notes.append(
                "no 'type: Catalog' file among the sources: the DCAT-AP catalog was not written"
            )
        result.triples = sum(u.triples for u in units)
        result.files = _publish(units, languages, folder, catalog, cache_dir, jobs)
        if cache_dir is not None:
            cache.prune(u.key for u in units)
    result.published = True
    return result


def _settled(
    units: Sequence[UnitResult], known: Mapping[str, Any], jobs_: Sequence[UnitJob]
) -> tuple[list[UnitResult], dict[str, list[str]]] | None:
    """The units and their pages' languages (by local id) without reading any header, when
    every unit loaded and every header is the previous build's (``known``, see
    :func:`_facts`): then the facts across documents are the previous build's, whose checks
    passed, and so are the facts each document wants; a unit built with other facts is taken
    from the cache as built with those. ``None``: work them out (:func:`_facts`)."""
    if any(u.errors or not u.has_header for u in units):
        return None
    wanted, languages = known.get("wanted"), known.get("languages")
    if not isinstance(wanted, dict) or not isinstance(languages, dict):
        return None
    by_path = {str(job.path): job for job in jobs_}
    settled = []
    for unit in units:
        digest = wanted.get(unit.path)
        if not isinstance(digest, str):
            return None
        if unit.facts != digest:  # built from its own file: take it as built with the facts
            cache = UnitCache(by_path[unit.path].store)
            file_key = cache.file_key(by_path[unit.path])
            found = cache.get(cache.facts_key(file_key, digest)) if file_key else None
            if found is None or found.facts != digest:
                return None
            unit = found
        settled.append(unit)
    if known.get("signature") != [[u.path, u.header_sha256()] for u in settled]:
        return None
    found_languages = {u.local_id: languages.get(u.path) for u in settled}
    if not all(isinstance(v, list) for v in found_languages.values()):
        return None
    return settled, cast("dict[str, list[str]]", found_languages)


def _facts(
    units: list[UnitResult],
    jobs_: Sequence[UnitJob],
    jobs: int,
    settings: Settings,
    facts_file: Path | None,
    known: Mapping[str, Any],
) -> tuple[list[UnitResult], dict[str, list[str]]]:
    """Check the documents together (ids, references) and build again those whose output
    depends on others with what the others say (see :mod:`muniorg.publish.units`); the units
    and their pages' languages (by local id), kept in ``facts_file`` for the next build.

    :raises MuniorgError: for what the documents get wrong together.
    """
    headers = [u.header for u in units if u.header is not None]
    facts = BuildFacts.of(headers)
    errors = [e for u in units for e in u.errors] + facts.problems(headers)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise AuthoringErrors(errors)
    units = [u for u in units if u.header is not None]
    by_path = {job.path: job for job in jobs_}
    # A document that refers to another file by its id: built now that the ids are known.
    again = {
        i: dataclasses.replace(by_path[Path(u.path)], resolution=facts.resolve(u.header))
        for i, u in enumerate(units)
        if u.facts is None and u.header is not None
    }
    if again:
        units = _rerun(units, again, jobs, settings)
        facts = BuildFacts.of([u.header for u in units if u.header is not None])
    # A document whose output depends on others (a participant's pages list its programme;
    # a reference to a hidden person is dropped ...): built again with what they say.
    # When every header is the previous build's, so are the facts each document wants.
    signature = [[u.path, u.header_sha256()] for u in units]
    known_wanted = known.get("wanted", {}) if known.get("signature") == signature else {}
    again, wanted_digests = {}, {}
    for i, unit in enumerate(units):
        assert unit.header is not None
        if known_wanted.get(unit.path) == unit.facts and unit.facts is not None:
            wanted_digests[unit.path] = unit.facts
            continue
        wanted = facts_for(unit.header, facts)
        wanted_digests[unit.path] = wanted.digest()
        if wanted_digests[unit.path] != unit.facts:
            again[i] = dataclasses.replace(by_path[Path(unit.path)], facts=wanted)
    units = _rerun(units, again, jobs, settings)
    languages = {u.path: list(facts.index.pages[u.iri][1]) for u in units}
    kept = {"signature": signature, "wanted": wanted_digests, "languages": languages}
    _write_json(facts_file, kept)
    return units, {u.local_id: languages[u.path] for u in units}


def _catalogs(
    files: Sequence[Path], in_folder: Mapping[Path, bool], base: str
) -> tuple[list[YamlNode], set[Path]]:
    """The ``type: Catalog`` files among ``files``, read before the documents (their pages
    link the catalog when there is one). Only a file that holds the word, or a YAML escape that
    could spell it, can be one; the others are left to the workers."""
    catalogs: list[YamlNode] = []
    paths: set[Path] = set()
    limit = current_limits().max_file_bytes
    for path in files:
        try:  # a FIFO, a device or a huge file is never read here: the worker refuses it
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
                continue
            if not _MAY_BE_CATALOG.get(path, _may_be_catalog, status):
                continue
        except OSError:
            continue  # the worker reports it
        loaded = load_file(path, base, found_in_folder=in_folder[path])
        if loaded.catalog is not None:
            catalogs.append(loaded.catalog)
            paths.add(path)
    return catalogs, paths


def _may_be_catalog(data: bytes) -> bool:
    return b"Catalog" in data or b"\\" in data


#: :func:`_may_be_catalog` of the files this process read, by their stat.
_MAY_BE_CATALOG: StatMemo[bool] = StatMemo()


#: At most this many units to build are built in this process: starting a pool of workers
#: (and preparing the shapes for them) costs more than it gains for one or two.
IN_PROCESS_MAX = 2


def _run(
    jobs: Sequence[UnitJob], workers: int, progress: Progress | None, settings: Settings
) -> list[UnitResult]:
    """Each job's unit: taken from the cache here (a stat and a small JSON file a unit, see
    :meth:`UnitCache.get`), the others built on ``workers`` processes, or here when they are
    :data:`IN_PROCESS_MAX` or fewer."""
    results: list[UnitResult | None] = []
    for job in jobs:
        cache = UnitCache(job.store)
        key = job.key(cache)
        results.append(cache.get(key) if key is not None else None)
    missing = [i for i, r in enumerate(results) if r is None]
    done = 0

    def report(_: int, __: UnitResult | None = None) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(jobs), jobs[order[done - 1]].path)

    order = [i for i, r in enumerate(results) if r is not None] + missing
    for _ in range(len(jobs) - len(missing)):
        report(0)
    if missing:
        built = map_documents(
            build_unit,
            [jobs[i] for i in missing],
            workers if len(missing) > IN_PROCESS_MAX else 1,
            on_result=report,
            prepare=functools.partial(_prepare, settings),
        )
        for index, unit in zip(missing, built, strict=True):
            results[index] = unit
    return [r for r in results if r is not None]


def _prepare(settings: Settings) -> None:
    """Load what every unit needs, once, in the process that forks the workers (they inherit
    it) and that builds the few units the facts send back: the compiled shapes and the page
    templates."""
    if settings.engine == "muniorg":
        compiled_shapes()
    else:
        shapes_graph()
    load_templates()


def _rerun(
    units: list[UnitResult], again: Mapping[int, UnitJob], workers: int, settings: Settings
) -> list[UnitResult]:
    if not again:
        return units
    order = sorted(again)
    redone = _run([again[i] for i in order], workers, None, settings)
    units = list(units)
    for index, unit in zip(order, redone, strict=True):
        if unit.errors:  # cannot happen for a file that loaded before, unless it changed since
            raise AuthoringErrors(unit.errors) if len(unit.errors) > 1 else unit.errors[0]
        units[index] = unit
    return units


def _kept_in_cache(cache_dir: Path | None, out_dir: Path, kind: str) -> Path | None:
    """Where the build keeps, in its cache, what it knows of the output folder ``out_dir``
    between builds: the state of its whole data set files (``kind`` "union",
    :class:`~muniorg.publish.union.UnionState`) or its files' stat records ("files",
    :func:`muniorg.formats.output_folder.load_stat_records`)."""
    if cache_dir is None:
        return None
    name = hashlib.sha256(str(out_dir.resolve()).encode("utf-8")).hexdigest()[:32]
    return cache_dir / OUTPUTS_FOLDER / f"{name}.{kind}.json"


def _read_json(path: Path | None) -> dict[str, Any] | None:
    """The JSON object kept in ``path`` (in the cache), or ``None``."""
    if path is None:
        return None
    try:
        data = _KEPT_JSON.get(path, json.loads)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


#: What :func:`_read_json` read, by the file's stat: a build that runs again in this process
#: reads the previous build's facts and union state again only when their files changed.
#: (The objects are shared: the readers do not change them.)
_KEPT_JSON: StatMemo[Any] = StatMemo()


def _write_json(path: Path | None, data: Mapping[str, Any]) -> None:
    """Keep ``data`` in ``path`` (in the cache); best effort: without it, the next build
    works out what it would have said."""
    if path is not None:
        keep_json(path, data)


def _read_union_state(path: Path | None) -> UnionState | None:
    data = _read_json(path)
    return UnionState.from_json(data) if data is not None else None


def _union_part(unit: UnitResult) -> UnionPart:
    local_id = unit.local_id
    names = {f"{local_id}.nt", f"{local_id}.ttl", FLAT_FILE, SUBJECTS_FILE}
    used = [f for f in (*unit.files, *unit.helpers) if f.name in names]
    return UnionPart(
        local_id, {f.name: unit.part(f) for f in used}, {f.name: f.sha256 for f in used}
    )


@contextlib.contextmanager
def _whole_data_set(
    staging: Path,
    folder: OutputFolder,
    units: Sequence[UnionPart],
    state_file: Path | None,
    sha1: bool = False,
    jobs: int = 1,
) -> Iterator[Callable[[], tuple[list[Path], UnionState]]]:
    """The whole data set's files: updated here from the previous output's when the build's
    cache knows how they were made (:func:`muniorg.publish.union_update.update_union`), else
    merged from every unit on up to ``jobs`` processes beside the caller's work
    (:class:`~muniorg.publish.union.UnionMerge`); yields what returns them, with their state
    (their SHA-1 in it when ``sha1``: the catalog wants it), once they are written. Leaving
    the block waits for the merges, whether or not the caller asked for them."""
    previous = _read_union_state(state_file)
    if previous is not None:

        def keep(name: str, sha256: str) -> bool:
            size = (folder.previous or {}).get(name, FileRecord(-1, "")).size
            return folder.link_previous(name, FileRecord(size, sha256), staging)

        read = folder.read_published
        updated = update_union(staging, DATASET_SLUG, previous, units, read, keep, sha1)
        if updated is not None:
            yield lambda: updated
            return
    with UnionMerge(staging, DATASET_SLUG, units, sha1, jobs) as merge:
        yield merge.result


def _publish(
    units: Sequence[UnitResult],
    languages: Mapping[str, list[str]],
    folder: OutputFolder,
    catalog: CatalogConfig | None,
    cache_dir: Path | None = None,
    jobs: int = 1,
) -> list[Path]:
    """Write what is published (each unit's files, the whole data set merged from them, the
    context, the catalog and the site's index) into a staging folder that replaces the output
    folder whole (see :mod:`muniorg.formats.output_folder`); returns the files published.
    The whole data set is merged on up to ``jobs`` processes while this one writes the rest."""
    known = {f.name: FileRecord(f.size, f.sha256) for u in units for f in u.files}
    state_file = _kept_in_cache(cache_dir, folder.path, "union")
    parts = [_union_part(u) for u in units]
    with (
        folder.publish(known) as staging,
        _whole_data_set(staging, folder, parts, state_file, catalog is not None, jobs) as merged,
    ):
        _place_unit_files(units, folder, staging, known, jobs)
        datasets = []
        for unit in units:
            assert unit.dataset is not None
            if catalog is not None:  # what the catalog says of each document's files
                data_files = tuple(
                    PublishedFile(f.name, fmt, f.size, f.sha256, f.sha1)
                    for f in unit.files
                    if (fmt := _format(f.name)) is not None
                )
                datasets.append((unit.local_id, unit.dataset, data_files))
        shutil.copyfile(CONTEXT_FILE, staging / "context.jsonld")
        shutil.copyfile(AUTHORING_SCHEMA_FILE, staging / AUTHORING_SCHEMA_FILE.name)
        for frame in FRAME_FILES.values():  # the common views, for consumers (docs/consumers.md)
            shutil.copyfile(frame, staging / frame.name)
        vocabulary = _copy_vocabularies(staging)
        entries = [u.entry for u in units if u.entry is not None]
        write_index(staging, entries, languages, catalog=catalog is not None)
        whole_files, state = merged()
        whole = []  # the whole data set's files as the catalog gives them: not read again
        for path in whole_files:
            known[path.name] = FileRecord(path.stat().st_size, state.files[path.name])
            if catalog is None:
                continue
            fmt, sha1 = _format(path.name), state.sha1.get(path.name)
            if fmt is None or sha1 is None:  # a state of a build without a catalog: measured
                whole.append(published_file(staging, path))
                continue
            size, sha256 = known[path.name].size, state.files[path.name]
            whole.append(PublishedFile(path.name, fmt, size, sha256, sha1))
        if catalog is not None:
            _write_catalog(staging, catalog, datasets, whole, vocabulary)
    _write_json(state_file, state.to_json())  # without it, the next build merges everything
    assert folder.published is not None
    # sorted as paths are: by their parts
    return [folder.path / name for name in sorted(folder.published, key=lambda n: n.split("/"))]


def _place_unit_files(
    units: Sequence[UnitResult],
    folder: OutputFolder,
    staging: Path,
    known: Mapping[str, FileRecord],
    jobs: int,
) -> None:
    """Put each unit's files into ``staging``: linked from the previous output when they are
    its bytes, else copied from the unit's pack in the cache. With ``jobs`` above 1 the
    copies run on a few threads: a file's creation waits for the file system's journal (on a
    busy disk, most of the time of a copy), and the waits of several files overlap; the first
    failure in the units' order is raised, once every copy has ended."""
    copies = []
    for unit in units:
        for file in unit.files:
            if not folder.link_previous(file.name, known[file.name], staging):
                copies.append((unit.part(file), file.name))  # not the previous output's bytes

    def copy(items: Sequence[tuple[Slice, str]]) -> None:
        for source, name in items:
            try:
                copy_new(source, staging / name)
            except (FileNotFoundError, CutShort) as err:  # looked at only then, not before
                if isinstance(err, FileNotFoundError) and source.path.is_file():
                    raise  # the staging folder's fault, not the cache's
                raise lost_pack(source.path) from None

    if jobs <= 1 or len(copies) < _COPY_THREADS_MIN:
        copy(copies)
        return
    # In runs, started in order: the runs before a failing one have all been copied.
    runs = [copies[i : i + _COPY_RUN] for i in range(0, len(copies), _COPY_RUN)]
    with concurrent.futures.ThreadPoolExecutor(_COPY_THREADS) as pool:
        futures = [pool.submit(copy, run) for run in runs]
        try:
            concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_EXCEPTION)
        except BaseException:  # Ctrl-C: stop without copying what is left (then discarded)
            for future in futures:
                future.cancel()
            raise
        if any(f.done() and f.exception() is not None for f in futures):
            for future in futures:
                future.cancel()  # those not started: the staging folder is discarded
        concurrent.futures.wait(futures)
        for future in futures:
            if not future.cancelled():
                future.result()


#: The threads that copy the units' files into the staging folder, from this many files on,
#: each taking this many files at a time.
_COPY_THREADS, _COPY_THREADS_MIN, _COPY_RUN = 4, 64, 32


def _copy_vocabularies(folder: Path) -> dict[str, list[Path]]:
    """Copy the ontology and the controlled lists into ``folder`` in every published format
    (``ontology.ttl`` ...), so that each ``https://w3id.org/muniorg`` IRI of the data is
    described, with its labels, in the output; their files by slug."""
    copied: dict[str, list[Path]] = {}
    for slug in VOCABULARY_FILES:
        copied[slug] = []
        for fmt in OUTPUT_FORMATS:
            name = f"{slug}{fmt.extension}"
            shutil.copyfile(PUBLISHED_VOCABULARY_DIR / name, folder / name)
            copied[slug].append(folder / name)
    return copied


def _format(name: str) -> RdfFormat | None:
    for fmt in OUTPUT_FORMATS:
        if name.endswith(fmt.extension) and not name.endswith(".html"):
            return fmt
    return None


def _write_catalog(
    folder: Path,
    config: CatalogConfig,
    datasets: Sequence[tuple[str, DatasetInfo, tuple[PublishedFile, ...]]],
    whole_files: Sequence[PublishedFile],
    vocabulary: Mapping[str, list[Path]],
) -> None:
    published = [
        PublishedDataset(
            slug=local_id,
            title=info.title,
            description=wording.describe(info.title),
            keywords=wording.keywords(info.title),
            languages=wording.languages(info.title),
            identifier=info.identifier,
            modified=config.modified,
            files=files,
            subject=info.subject or None,
            spatial=info.spatial,
        )
        for local_id, info, files in datasets
    ]
    whole = PublishedDataset(
        slug=DATASET_SLUG,
        title=config.title,
        description=config.description,
        identifier=f"{config.iri}/{DATASET_SLUG}",
        modified=config.modified,
        files=tuple(whole_files),
    )
    for slug, files in vocabulary.items():
        title, description = wording.VOCABULARY_DATASETS[slug]
        published.append(
            PublishedDataset(
                slug=slug,
                title=title,
                description=description,
                keywords=wording.keywords(title),
                languages=wording.languages(title),
                identifier=f"{config.iri}/{slug}",
                modified=config.modified,
                files=tuple(published_file(folder, f) for f in files),
            )
        )
    turtle, ntriples = catalog_texts(config, published, whole)
    (folder / "catalog.ttl").write_text(turtle, encoding="utf-8", newline="\n")
    (folder / "catalog.nt").write_text(ntriples, encoding="utf-8", newline="\n")


__all__ = ["DATASET_SLUG", "RESERVED_IDS", "BuildResult", "build", "check_reserved_names"]
