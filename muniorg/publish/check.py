"""Check files: authoring YAML and others' RDF, validated as ``muniorg validate`` does.

Example:
    >>> from pathlib import Path
    >>> validate_paths([Path("examples/municipalities/stord.yaml")]).conforms
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from muniorg.authoring.load import load_paths
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.dcat.from_yaml import the_catalog
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import read_graph
from muniorg.validation.results import ValidationReport
from muniorg.validation.run import validate_documents, validate_graph


def validate_paths(
    paths: Sequence[Path], input_format: RdfFormat | None = None, engine: str | None = None
) -> ValidationReport:
    """Validate authoring YAML and RDF files (Turtle, N-Triples, JSON-LD, RDF/XML).

    The format of each file comes from its extension unless ``input_format`` is given; folders
    are searched for YAML files. A ``type: Catalog`` file is read and checked as the build reads
    it (a second one is an error). Results from YAML carry file:line:column; results from RDF
    carry the file.

    :raises muniorg.core.errors.MuniorgError: when a file cannot be read.

    >>> report = validate_paths([Path("examples/municipalities/stord.yaml")])
    >>> report.conforms, report.inputs
    (True, ('examples/municipalities/stord.yaml',))
    """
    yaml_paths = [
        p
        for p in paths
        if (input_format or (RdfFormat.YAML if p.is_dir() else RdfFormat.from_path(p)))
        is RdfFormat.YAML
    ]
    reports = []
    if yaml_paths:
        loaded = load_paths(yaml_paths)
        # The catalog is checked as the build reads it; it holds no data to validate.
        the_catalog(loaded.catalogs, DEFAULT_BASE)
        catalogs = tuple(catalog.location.file for catalog in loaded.catalogs)
        reports.append(ValidationReport(inputs=catalogs))
        reports.append(validate_documents(loaded.documents, engine))
    for path in paths:
        if path in yaml_paths:
            continue
        graph = read_graph(path, input_format)
        report = validate_graph(graph, engine=engine)
        located = tuple(replace(r, location=SourceLocation(str(path))) for r in report.results)
        reports.append(ValidationReport(results=located, inputs=(str(path),)))
    return ValidationReport.merge(reports)


__all__ = ["validate_paths"]
