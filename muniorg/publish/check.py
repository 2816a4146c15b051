"""Check files: authoring YAML and others' RDF, validated as ``muniorg validate`` does.

Example:
    >>> from pathlib import Path
    >>> validate_paths([Path("examples/municipalities/stord.yaml")]).conforms
    True
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from muniorg.authoring.load import check_sources, load_paths
from muniorg.core.arguments import PathArgument, instance_argument, paths_argument
from muniorg.core.errors import InputError
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.core.resources import FRAME_FILES, PUBLISHED_VOCABULARY_DIR
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import read_graph
from muniorg.rdf.others import specialise
from muniorg.validation.results import Severity, ValidationReport, ValidationResult
from muniorg.validation.run import document_contexts, validate_documents, validate_graph

#: The constraint of the info that a super-property was read as muniorg's sub-property.
SUB_PROPERTY_READ = "https://w3id.org/muniorg#SubPropertyRead"
#: The constraint of the infos that say what to check in the catalog file (the build's notes).
CATALOG_NOTE = "https://w3id.org/muniorg#CatalogNote"


def validate_paths(
    paths: Sequence[PathArgument], input_format: RdfFormat | None = None, engine: str | None = None
) -> ValidationReport:
    """Validate authoring YAML and RDF files (Turtle, N-Triples, JSON-LD, RDF/XML).

    The format of each file comes from its extension unless ``input_format`` is given; folders
    are searched for YAML files, or for files of ``input_format`` when it is an RDF format. A
    JSON-LD context (a build's ``context.jsonld``) holds no data and is passed over, as are the
    ontology, the controlled lists and the frames a build publishes beside the data. A
    ``type: Catalog`` file is read and checked as the build reads
    it (a second one is an error). Results from YAML carry file:line:column; results from RDF
    carry the file.

    :raises muniorg.core.errors.MuniorgError: when a file cannot be read.

    >>> report = validate_paths([Path("examples/municipalities/stord.yaml")])
    >>> report.conforms, report.inputs
    (True, ('examples/municipalities/stord.yaml',))
    """
    if input_format is not None:
        instance_argument(input_format, RdfFormat, "validate_paths(input_format)", "an RdfFormat")
    given = paths_argument(paths, "validate_paths(paths)")
    for path in given:  # before its format is told from its extension: a folder has none
        if not os.path.lexists(path):
            raise InputError("no such file or folder", SourceLocation(str(path)))
    paths = _expand(given, input_format)
    yaml_paths = [
        p
        for p in paths
        if (input_format or (RdfFormat.YAML if p.is_dir() else RdfFormat.from_path(p)))
        is RdfFormat.YAML
    ]
    reports = []
    if yaml_paths:
        loaded = load_paths(yaml_paths)
        catalogs = tuple(catalog.location.file for catalog in loaded.catalogs)
        # As the build stops: a folder that gives no document is not a pass. A catalog file
        # named on its own is checked alone.
        check_sources(
            yaml_paths,
            [d.path for d in loaded.documents],
            [Path(c) for c in catalogs],
            loaded.skipped,
            catalog_alone=True,
        )
        # The catalog is checked as the build reads it; it holds no data to validate.
        checked: tuple[ValidationResult, ...] = ()
        if loaded.catalogs:
            from muniorg.dcat.from_yaml import the_catalog  # not imported for the usual file

            to_check: list[tuple[SourceLocation, str]] = []
            the_catalog(loaded.catalogs, DEFAULT_BASE, to_check)
            # what the build prints as notes (a language code to check) is an info here
            checked = tuple(
                ValidationResult(
                    Severity.INFO, f"{note}.", "", constraint=CATALOG_NOTE, location=at
                )
                for at, note in to_check
            )
        reports.append(ValidationReport(results=checked, inputs=catalogs))
        reports.append(validate_documents(loaded.documents, engine))
    rdf_paths = [
        p for p in paths if p not in yaml_paths and not _is_context(p) and not _is_vocabulary(p)
    ]
    # RDF that gives a council as org:hasUnit (other tools; muniorg before it had its own
    # sub-properties) is checked as the council it is, with an info that says so.
    specialised = [specialise(read_graph(path, input_format)) for path in rdf_paths]
    graphs = [graph for graph, _ in specialised]
    # Each file in the context of the types the other files give the objects it refers to, as
    # a build validates its documents: a programme's file refers to a municipality's page.
    contexts = document_contexts(graphs)
    for path, (graph, notes), context in zip(rdf_paths, specialised, contexts, strict=True):
        report = validate_graph(graph, None, context, engine)
        read_as = [
            ValidationResult(
                Severity.INFO, note[:1].upper() + note[1:] + ".", "", constraint=SUB_PROPERTY_READ
            )
            for note in notes
        ]
        located = tuple(
            replace(r, location=SourceLocation(str(path))) for r in [*read_as, *report.results]
        )
        reports.append(ValidationReport(results=located, inputs=(str(path),)))
    return ValidationReport.merge(reports)


def _expand(paths: Sequence[Path], input_format: RdfFormat | None) -> list[Path]:
    """A folder given with an RDF ``input_format`` stands for its files of that format (a
    build's output folder: ``validate dist --input-format turtle``, its catalog left out); YAML
    folders are searched by the authoring loader."""
    if input_format is None or input_format is RdfFormat.YAML:
        for folder in (p for p in paths if p.is_dir()):
            if not any(folder.rglob("*.y*ml")) and any(folder.glob("*.jsonld")):
                raise InputError(
                    f"{folder} holds no authoring YAML; to validate its RDF files, name the "
                    "format: --input-format jsonld, turtle or ntriples",
                    SourceLocation(str(folder)),
                )
        return list(paths)
    from muniorg.formats.output_folder import MANIFEST  # only for folders of RDF files

    expanded: list[Path] = []
    for path in paths:
        if not path.is_dir():
            expanded.append(path)
            continue
        # A build's output folder: its DCAT catalog describes the files, it is not muniorg
        # data (the DCAT-AP shapes check it, see docs/dcat.md).
        built = (path / MANIFEST).is_file()
        expanded.extend(
            sorted(
                p
                for p in path.rglob("*")
                # the format's own extension: a folder's .json files are rarely JSON-LD
                if p.suffix.lower() == input_format.extension
                and p.is_file()
                and not p.name.startswith(".")
                and not (built and p.parent == path and p.stem == "catalog")
            )
        )
    return expanded


#: A JSON-LD context is small (muniorg's is 14 kB); a larger file is looked at as data.
_CONTEXT_MAX_BYTES = 1_000_000


def _is_context(path: Path) -> bool:
    """Whether ``path`` is a JSON-LD context (a build's ``context.jsonld``): no data to validate,
    so ``validate dist/*.jsonld`` validates the documents beside it."""
    if path.suffix.lower() not in RdfFormat.JSONLD.extensions:
        return False
    try:
        if path.stat().st_size > _CONTEXT_MAX_BYTES:
            return False  # data, or a file read_graph refuses with its limits
        with path.open("rb") as stream:
            head = stream.read(200).lstrip()
        if not head.startswith(b"{"):
            return False
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False  # read_graph reads it with its limits and reports what is wrong
    return isinstance(document, dict) and set(document) == {"@context"}


def _is_vocabulary(path: Path) -> bool:
    """Whether ``path`` is muniorg's ontology or controlled lists as a build publishes them
    (``ontology.jsonld`` ...), or one of its JSON-LD frames, the bundled bytes unchanged: they
    describe the terms or the views of the data and are not data themselves, like the context."""
    frames = {frame.name: frame for frame in FRAME_FILES.values()}
    bundled = frames.get(path.name, PUBLISHED_VOCABULARY_DIR / path.name)
    try:
        return (
            bundled.is_file()
            and path.stat().st_size == bundled.stat().st_size
            and (path.read_bytes() == bundled.read_bytes())
        )
    except OSError:
        return False  # read_graph reports what is wrong with it


__all__ = ["validate_paths"]
