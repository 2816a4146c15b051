"""Convert between authoring YAML, JSON-LD, Turtle and N-Triples.

Every input becomes one output file per top object (YAML) or per input file (RDF), named after
it with the extension of the output format. Every input is converted before the first file is
written, and each file is written atomically; files in the output folder that muniorg did not
write are never replaced (see :func:`muniorg.formats.output_folder.write_files`). Personal data (persons'
contact details, persons marked ``public: false``) is left out unless asked for (see
:mod:`muniorg.rdf.privacy`).

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.publish.convert import convert_paths
    >>> from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> [p.name for p in convert_paths([folder / "x.yaml"], RdfFormat.TURTLE, folder / "out")]
    ['x.ttl']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from muniorg.authoring.load import authoring_files, load_paths
from muniorg.core.arguments import PathArgument, instance_argument, path_argument, paths_argument
from muniorg.core.errors import InputError, MappingError, OutputError
from muniorg.core.location import SourceLocation
from muniorg.core.resources import AUTHORING_SCHEMA_FILE
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.output_folder import read_manifest, write_files
from muniorg.formats.rdf import read_graph
from muniorg.publish.render import publication, render
from muniorg.rdf.privacy import redact_graph
from muniorg.rdf.read import read_graph_model


def convert_paths(
    paths: Sequence[PathArgument],
    fmt: RdfFormat,
    out_dir: PathArgument,
    *,
    include_personal_data: bool = False,
    allow_remote: Iterable[str] | None = None,
) -> list[Path]:
    """Convert each input to ``fmt`` in ``out_dir``; returns the files written, in order.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> [p.name for p in convert_paths([Path("examples/municipalities/stord.yaml")], RdfFormat.NTRIPLES, out)]
    ['stord.nt']

    ``allow_remote`` lists remote JSON-LD contexts the inputs may fetch (default: none, see
    :func:`muniorg.formats.jsonld.allow_remote_contexts`).

    :raises InputError: for unreadable input, an unsupported output format, or RDF with triples
        the model cannot hold when JSON-LD is asked for (Turtle and N-Triples keep everything).
    :raises OutputError: when two inputs would be written to the same file, or a file in
        ``out_dir`` would be replaced that muniorg did not write (or an input).
    """
    paths = paths_argument(paths, "convert_paths(paths)")
    out_dir = path_argument(out_dir, "convert_paths(out_dir)")
    instance_argument(
        fmt, RdfFormat, "convert_paths(fmt)", "an RdfFormat, such as RdfFormat.TURTLE"
    )
    if fmt not in OUTPUT_FORMATS:
        raise InputError(
            f"export writes {', '.join(f.value for f in OUTPUT_FORMATS)}, not {fmt.value}"
        )
    texts: dict[str, str] = {}
    origins: dict[str, Path] = {}

    def add(name: str, origin: Path, text: str) -> None:
        if name in texts:
            raise OutputError(
                f"{origins[name]} and {origin} would both be written to {out_dir / name}; "
                "export them into separate folders"
            )
        texts[name], origins[name] = text, origin

    yaml_inputs = [p for p in paths if p.is_dir() or RdfFormat.from_path(p) is RdfFormat.YAML]
    # each file as named (not as found in a folder: the loader passes over such a file when
    # it is not an authoring file); none at all is an error naming the folders searched
    yaml_files = [path for path, _ in authoring_files(yaml_inputs)] if yaml_inputs else []
    if yaml_files:
        documents = load_paths(yaml_files).documents
        roots, graphs = [d.root for d in documents], [d.graph() for d in documents]
        published = publication(roots, graphs, include_personal_data)
        for document, unit in zip(documents, published, strict=True):
            text = render(unit.roots, unit.graph, fmt)
            add(f"{document.local_id}{fmt.extension}", document.path, text)
    for path in paths:
        if path in yaml_inputs:
            continue
        graph = redact_graph(read_graph(path, allow_remote=allow_remote), include_personal_data)
        if fmt is RdfFormat.JSONLD:
            try:
                outcome = read_graph_model(graph)
            except MappingError as error:  # says which object of the graph, not which file
                error.location = error.location or SourceLocation(str(path))
                raise
            if outcome.unmapped or not outcome.roots:
                first = ", ".join(
                    " ".join(t.n3() for t in triple) for triple in outcome.unmapped[:3]
                )
                raise MappingError(
                    f"cannot write muniorg JSON-LD: {len(outcome.unmapped)} triples have no place in the model"
                    + (f" (e.g. {first})" if first else "")
                    + ("" if outcome.roots else "; no municipality, programme or list found")
                    + "; export to Turtle or N-Triples keeps every triple",
                    SourceLocation(str(path)),
                )
            text = render(outcome.roots, graph, fmt)
        else:
            text = render([], graph, fmt)
        add(f"{path.stem}{fmt.extension}", path, text)
    inputs = [*yaml_files, *(p for p in paths if p not in yaml_inputs)]
    _refuse_a_build_s_output(out_dir)
    return write_files(out_dir, texts, inputs)


def _refuse_a_build_s_output(out_dir: Path) -> None:
    """Refuse to add to a build's output folder (its manifest lists the JSON Schema every build
    publishes, which export never writes): the build's catalog (sizes and checksums), whole
    data set and pages describe each of its files, so a file replaced on its own there would
    be published with a catalog that lies about it.

    :raises OutputError: when ``out_dir`` is a build's output.
    """
    records = read_manifest(out_dir) if out_dir.is_dir() else None
    if records is not None and AUTHORING_SCHEMA_FILE.name in records:
        raise OutputError(
            f"{out_dir} is the output of 'muniorg build': its catalog, whole data set and pages "
            "describe the files in it, and a build replaces it whole. Export into another "
            "folder, or build again."
        )
