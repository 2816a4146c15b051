"""Import municipalities from national registries' extracts into authoring files.

One module per registry format reads a file into an :class:`~muniorg.importing.records.Extract`
(:mod:`~muniorg.importing.enhetsregisteret`, :mod:`~muniorg.importing.klass`,
:mod:`~muniorg.importing.kartverket`, :mod:`~muniorg.importing.dawa`,
:mod:`~muniorg.importing.cvr`, :mod:`~muniorg.importing.scb`,
:mod:`~muniorg.importing.wikidata`); :mod:`~muniorg.importing.merge` joins the extracts per
municipality, :mod:`~muniorg.importing.documents` makes authoring documents of them,
:mod:`~muniorg.importing.folder` writes them (or merges a re-import, keeping local edits) and
:mod:`~muniorg.importing.report` says what was found. :func:`import_files` does it all, as
``muniorg import`` does; docs/importing.md describes the rules.

Example:
    >>> import tempfile, pathlib
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> report = import_files("auto", [REGISTRIES_DIR / "nordic_wikidata_mxmap/municipalities_is.json"], out)
    >>> report.municipalities, report.counts()["defect"]
    ({'ISL': 62}, 1)
"""

from __future__ import annotations

from muniorg.importing.report import ImportReport
from muniorg.importing.run import READERS, import_files

__all__ = ["READERS", "ImportReport", "import_files"]
