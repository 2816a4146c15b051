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
    (True, ['authoring-schema.json', 'context.jsonld', 'index.html'])
"""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from muniorg.authoring.load import load_paths
from muniorg.core.errors import AuthoringError
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import DEFAULT_BASE, EU_COUNTRY
from muniorg.core.resources import AUTHORING_SCHEMA_FILE, CONTEXT_FILE
from muniorg.dcat import wording
from muniorg.dcat.config import CatalogConfig, PublishedDataset, published_file
from muniorg.dcat.from_yaml import the_catalog
from muniorg.dcat.graph import catalog_graph
from muniorg.formats.format import RdfFormat
from muniorg.formats.output_folder import MANIFEST, STAGING_MARK, OutputFolder
from muniorg.formats.rdf import serialize
from muniorg.model.classes import Municipality
from muniorg.model.node import Node
from muniorg.publish.render import publication, render_many, render_union, write_texts
from muniorg.rdf.document import SourceDocument
from muniorg.site.pages import write_site
from muniorg.validation.results import Severity, ValidationReport
from muniorg.validation.run import validate_documents

DATASET_SLUG = "muniorg-dataset"
#: Document ids that would take the names of files the build writes itself.
RESERVED_IDS = frozenset({DATASET_SLUG, "context", "catalog"})

#: Called with (number done, number in all, the document just validated).
Progress = Callable[[int, int, SourceDocument], None]


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


def build(
    sources: Sequence[Path],
    out_dir: Path,
    *,
    base: str = DEFAULT_BASE,
    allow_invalid: bool = False,
    fail_on: Severity = Severity.VIOLATION,
    progress: Progress | None = None,
    include_personal_data: bool = False,
    jobs: int = 1,
    engine: str | None = None,
) -> BuildResult:
    """Load, validate and publish the authoring files under ``sources`` into ``out_dir``.

    Nothing is written when a result at or above ``fail_on`` is found, unless ``allow_invalid``.
    Validation sees all the data; what is written leaves out personal data (persons' contact
    details, persons marked ``public: false``) unless ``include_personal_data`` (see
    :mod:`muniorg.rdf.privacy`).

    Validation and writing run on ``jobs`` processes (each file is a unit of work); the output
    is the same for any ``jobs``. ``engine`` names the validation engine (muniorg's own by
    default, or ``"pyshacl"``, the reference).

    >>> import pathlib, tempfile
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "x.yaml").write_text("type: Municipality\\nid: x\\nname: {da: X, en: X}\\ncountry: DNK\\n")
    >>> result = build([src], src / "out", jobs=1)
    >>> result.published, result.municipalities, result.report.conforms
    (True, 1, True)

    :raises muniorg.core.errors.MuniorgError: when the sources cannot be loaded.
    :raises muniorg.core.errors.OutputError: when ``out_dir`` must not be replaced (it holds files
        muniorg did not write, or an input ...) or cannot be written.
    """
    started = time.perf_counter()
    with OutputFolder(out_dir, sources) as folder:  # checked and locked before any work
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
) -> BuildResult:
    loaded = load_paths(sources, base=base)
    check_reserved_names(loaded.documents)
    catalog = the_catalog(loaded.catalogs, base)
    # Made once: validated as authored, then published with the privacy rule applied.
    graphs = [document.graph() for document in loaded.documents]
    report = validate_documents(
        loaded.documents, engine, jobs=jobs, graphs=graphs, progress=progress
    )
    result = BuildResult(
        report=report,
        published=False,
        documents=len(loaded.documents),
        municipalities=sum(isinstance(d.root, Municipality) for d in loaded.documents),
        triples=sum(len(g) for g in graphs),
    )
    if report.fails(fail_on) and not allow_invalid:
        return result
    if catalog is None:
        result.notes.append(
            "no 'type: Catalog' file among the sources: the DCAT-AP catalog was not written"
        )
    published = publication([d.root for d in loaded.documents], graphs, include_personal_data)
    del graphs  # the published graphs replace them; a national build holds a million triples
    result.triples = sum(len(unit.graph) for unit in published)
    rendered = render_many(published, jobs)
    units = [(unit.roots, texts) for unit, texts in zip(published, rendered, strict=True)]
    del published, rendered  # from here on the texts, not the graphs
    result.files = _publish(loaded.documents, units, folder, catalog)
    result.published = True
    return result


def _publish(
    documents: Sequence[SourceDocument],
    units: Sequence[tuple[Sequence[Node], Mapping[RdfFormat, str]]],
    folder: OutputFolder,
    catalog: CatalogConfig | None,
) -> list[Path]:
    """Write what is published (per document: its top objects, privacy applied, and their
    texts) into a staging folder that replaces the output folder whole (see
    :mod:`muniorg.formats.output_folder`); returns the files published. The whole data set is
    the union of the documents' units."""
    with folder.publish() as staging:
        datasets = [
            (document.local_id, roots[0], write_texts(staging, document.local_id, texts))
            for document, (roots, texts) in zip(documents, units, strict=True)
        ]
        every_root = [root for roots, _ in units for root in roots]
        parts = [texts for _, texts in units]
        whole_files = write_texts(staging, DATASET_SLUG, render_union(every_root, parts))
        shutil.copyfile(CONTEXT_FILE, staging / "context.jsonld")
        shutil.copyfile(AUTHORING_SCHEMA_FILE, staging / AUTHORING_SCHEMA_FILE.name)
        if catalog is not None:
            _write_catalog(staging, catalog, datasets, whole_files)
        # Pages for people, from what is published (privacy applied), never the authored model.
        shown = [
            dataclasses.replace(document, root=roots[0])
            for document, (roots, _) in zip(documents, units, strict=True)
        ]
        write_site(staging, shown, catalog=catalog is not None)
        names = sorted(p.relative_to(staging) for p in staging.rglob("*") if p.is_file())
    return [folder.path / name for name in names if name.name not in (MANIFEST, STAGING_MARK)]


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


def _write_catalog(
    folder: Path,
    config: CatalogConfig,
    datasets: list[tuple[str, Node, list[Path]]],
    whole_files: list[Path],
) -> None:
    published = []
    for local_id, root, files in datasets:
        name = getattr(root, "name", None) or getattr(root, "title", None) or {"en": local_id}
        spatial: tuple[str, ...] = ()
        if isinstance(root, Municipality):
            spatial = tuple(
                s
                for s in ((root.area.id if root.area else None), EU_COUNTRY[root.country or ""])
                if s
            )
        published.append(
            PublishedDataset(
                slug=local_id,
                title=name,
                description=wording.describe(name),
                keywords=wording.keywords(name),
                languages=wording.languages(name),
                identifier=root.id or local_id,
                modified=config.modified,
                files=tuple(published_file(folder, f) for f in files),
                subject=root.id,
                spatial=spatial,
            )
        )
    whole = PublishedDataset(
        slug=DATASET_SLUG,
        title=config.title,
        description=config.description,
        identifier=f"{config.iri}/{DATASET_SLUG}",
        modified=config.modified,
        files=tuple(published_file(folder, f) for f in whole_files),
    )
    graph = catalog_graph(config, published, whole)
    (folder / "catalog.ttl").write_text(
        serialize(graph, RdfFormat.TURTLE), encoding="utf-8", newline="\n"
    )
    (folder / "catalog.nt").write_text(
        serialize(graph, RdfFormat.NTRIPLES), encoding="utf-8", newline="\n"
    )


__all__ = ["BuildResult", "build", "check_reserved_names"]
