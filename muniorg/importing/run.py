"""One import: read the extracts, merge them, write or merge the authoring files, report.

``SOURCE`` names the format of the files (:data:`READERS`), or ``auto`` to tell each file's
format from its content, so that one command imports all five countries.

Example:
    >>> import tempfile, pathlib
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> report = import_files("cvr", [REGISTRIES_DIR / "dk_fkg_kommuner_cvr.csv"], out)
    >>> report.municipalities, report.counts()["defect"]
    ({'DNK': 98}, 1)
    >>> sorted(p.name for p in out.iterdir())[:2]
    ['.muniorg-import.json', 'dk-101-koebenhavns-kommune.yaml']
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from muniorg.core.errors import InputError
from muniorg.formats.files import make_folder
from muniorg.formats.output_folder import check_output_place, folder_lock
from muniorg.importing import (
    cvr,
    dawa,
    enhetsregisteret,
    geodata,
    kartverket,
    klass,
    nettsider,
    scb,
    wikidata,
)
from muniorg.importing.csvdata import header
from muniorg.importing.documents import planned
from muniorg.importing.folder import write_folder
from muniorg.importing.jsondata import load_json
from muniorg.importing.merge import merge
from muniorg.importing.records import Extract, piped_extracts
from muniorg.importing.report import ImportReport

#: The formats ``muniorg import`` reads, by the SOURCE name of the command line.
READERS: dict[str, Callable[[Path, str | None], Extract]] = {
    "enhetsregisteret": enhetsregisteret.read,
    "klass": klass.read,
    "kartverket": kartverket.read,
    "dawa": dawa.read,
    "cvr": cvr.read,
    "scb": scb.read,
    "geodata": geodata.read,
    "nettsider": nettsider.read,
    "wikidata": wikidata.read,
}


def detect(path: Path) -> str:
    """The format of an extract, from its content (the SOURCE name of :data:`READERS`).

    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> detect(REGISTRIES_DIR / "se_counties.csv"), detect(REGISTRIES_DIR / "dk_os2sync_kommune_cvr.csv")
    ('scb', 'cvr')
    """
    if path.suffix.lower() == ".sql":
        return "kartverket"
    if path.suffix.lower() == ".csv":
        if "sourcecode" in header(path, klass.ENCODING, ";"):
            return "klass"
        columns = set(header(path))
        if columns & {"cvr", "cvr_kode"}:
            return "cvr"
        if "county_code" in columns:
            return "scb"
        if columns >= {c.casefold() for c in nettsider.COLUMNS}:
            return "nettsider"
    if path.suffix.lower() == ".json":
        value = load_json(path)  # a file that is not JSON: its error, at its line and column
        if isinstance(value, dict) and "_embedded" in value:
            return "enhetsregisteret"
        if isinstance(value, dict) and "correspondenceMaps" in value:
            return "klass"
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, dict):
            if "organisasjonsnummer" in first:
                return "enhetsregisteret"
            if "kode" in first and "navn" in first:
                return "dawa"
            if "id" in first and "country" in first:
                return "wikidata"
            if "id" in first and "name_no" in first:
                return "geodata"
    raise InputError(
        f"{path}: cannot tell which registry's format this is; name it instead of 'auto' "
        f"(one of {', '.join(READERS)})"
    )


def read_all(
    source: str,
    paths: Sequence[Path],
    as_of: str | None = None,
    fetched: Mapping[Path, tuple[str, str | None]] | None = None,
) -> list[Extract]:
    """The extracts of ``paths``, each read in the format ``source`` (or its own, ``auto``);
    a file given twice is read once.

    ``fetched`` gives the format of files fetched by ``--online`` and the URL each came from:
    where a URL is given, the report names it instead of the file (a temporary one)."""
    with piped_extracts():
        return _read_all(source, paths, as_of, fetched)


def _read_all(
    source: str,
    paths: Sequence[Path],
    as_of: str | None,
    fetched: Mapping[Path, tuple[str, str | None]] | None,
) -> list[Extract]:
    extracts = []
    read: set[Path] = set()
    for path in paths:
        if path.resolve() in read:
            continue  # a file given twice (overlapping globs) is one extract, not two that agree
        read.add(path.resolve())
        name, url = (fetched or {}).get(path, (detect(path) if source == "auto" else source, None))
        try:
            extract = READERS[name](path, as_of)
        except InputError as err:
            if url is None:
                raise
            # The answer was saved in a temporary folder that is gone: name the URL instead.
            raise InputError(f"the answer of {url}: {err.message}") from err
        if url is not None:
            _shown_as(extract, url)
        extracts.append(extract)
    return extracts


def _shown_as(extract: Extract, url: str) -> None:
    """Name ``url`` instead of the file in the extract and its issues (lines dropped: they are
    lines of a file that is gone)."""
    file = extract.file
    extract.file = url
    extract.issues = [
        dataclasses.replace(i, where=url) if i.where.startswith(file) else i for i in extract.issues
    ]
    for record in extract.records:
        record.line = 0


def import_files(
    source: str,
    paths: Sequence[Path],
    out_dir: Path,
    as_of: str | None = None,
    fetched: Mapping[Path, tuple[str, str | None]] | None = None,
) -> ImportReport:
    """Import ``paths`` into ``out_dir`` (created if missing); the report of what happened.
    ``fetched`` is what :func:`read_all` takes."""
    extracts = read_all(source, paths, as_of, fetched)
    municipalities, issues = merge(extracts)
    sources = {e.source.id: e.source for e in extracts}
    plans = [planned(m, sources) for m in municipalities]
    ids = Counter(p.document["id"] for p in plans)
    for plan in plans:  # two places of one name without codes: the file names must differ
        if ids[plan.document["id"]] > 1:
            raise InputError(f"two municipalities would be written as {plan.document['id']}.yaml")
    folder = check_output_place(out_dir, replaces_folder=False)
    make_folder(folder)
    with folder_lock(folder):
        issues += write_folder(out_dir, plans, set(sources))
    read = [
        (e.file, e.source.id, dict(Counter(r.country for r in e.records if r.code or r.place)))
        for e in extracts
    ]
    per_country = dict(Counter(m.country for m in municipalities))
    return ImportReport(read, per_country, issues)
