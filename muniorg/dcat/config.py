"""Typed description of what a build published, the input of :mod:`muniorg.dcat.graph`.

The DCAT-AP catalog is built from these values only: no clock, no network, no file system
(except :func:`published_file`, which measures a file that exists). Dates are given by the
caller so the same build writes the same catalog byte for byte.

Example:
    >>> from datetime import date
    >>> config = CatalogConfig(
    ...     iri="https://w3id.org/muniorg/id/catalog",
    ...     title={"en": "Nordic municipalities"},
    ...     description={"en": "Municipalities as linked open data."},
    ...     publisher=Publisher(iri="https://example.org/org/1", name={"en": "Example"}),
    ...     contact=ContactPoint(name="Open data team", email="data@example.org"),
    ...     issued=date(2024, 1, 1),
    ...     modified=date(2024, 6, 1),
    ... )
    >>> config.download_url("stord.ttl")
    'https://w3id.org/muniorg/id/stord.ttl'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urljoin

from rdflib import URIRef

from muniorg.core.errors import InputError
from muniorg.core.namespaces import EU_DATA_THEME, EU_LANGUAGE, EU_LICENCE
from muniorg.core.values import LOCAL_ID, language_problem, same_language_problem
from muniorg.formats.files import digest_file
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat

#: A text in several languages: language tag -> text, e.g. ``{"nb": "Stord kommune"}``.
LangMap = Mapping[str, str]
#: Keywords in several languages: language tag -> keywords.
LangKeywords = Mapping[str, tuple[str, ...]]

CC_BY_4_0 = EU_LICENCE.CC_BY_4_0
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_SHA1 = re.compile(r"[0-9a-f]{40}")


class ApplicationProfile(Enum):
    """The DCAT application profile the catalog is written for.

    The two profiles disagree on two points, so one graph cannot satisfy both:
    DCAT-AP 3 types ``dcat:byteSize`` as ``xsd:nonNegativeInteger`` where DCAT-AP-NO 2 wants
    ``xsd:decimal``, and DCAT-AP-NO 2 allows only SHA-1 checksums (``sh:hasValue
    spdx:checksumAlgorithm_sha1``) where muniorg prefers SHA-256.
    """

    DCAT_AP_3 = "dcat-ap-3"
    DCAT_AP_NO_2 = "dcat-ap-no-2"


class PublisherType(Enum):
    """Publisher types of the ADMS publisher type vocabulary that fit muniorg's publishers."""

    LOCAL_AUTHORITY = "LocalAuthority"
    REGIONAL_AUTHORITY = "RegionalAuthority"
    NATIONAL_AUTHORITY = "NationalAuthority"
    NON_PROFIT_ORGANISATION = "NonProfitOrganisation"
    COMPANY = "Company"

    @property
    def iri(self) -> URIRef:
        """The concept IRI, e.g. ``http://purl.org/adms/publishertype/LocalAuthority``."""
        return URIRef(ADMS_PUBLISHER_TYPE + self.value)


def lang_map_problem(texts: Mapping[str, object], *, required: bool) -> str | None:
    """Why ``texts`` is not a text in several languages, or ``None``.

    The catalog file's reader (:mod:`muniorg.dcat.from_yaml`) applies it too, to report the
    problem at its line and column.

    >>> lang_map_problem({"nn": "Stord"}, required=True), lang_map_problem({}, required=True)
    (None, 'expected at least one language, got none')
    >>> lang_map_problem({"en": ""}, required=True)
    "the 'en' text is empty"
    """
    if required and not texts:
        return "expected at least one language, got none"
    for tag, text in texts.items():
        problem = language_problem(tag)
        if problem is not None:
            return problem
        if not text:
            return f"the {tag!r} text is empty"
    return same_language_problem(texts)


def email_problem(email: str) -> str | None:
    """Why ``email`` is not an e-mail address (published as ``mailto:``), or ``None``.

    >>> email_problem("data@example.org"), email_problem("not-an-email")
    (None, "'not-an-email' is not an e-mail address")
    """
    return None if _EMAIL.fullmatch(email) else f"{email!r} is not an e-mail address"


def dates_problem(issued: date, modified: date) -> str | None:
    """Why ``modified`` cannot be the date of the last change after a first publication on
    ``issued``, or ``None``.

    >>> dates_problem(date(2024, 1, 1), date(2023, 12, 31))
    'modified 2023-12-31 is before issued 2024-01-01'
    """
    return f"modified {modified} is before issued {issued}" if modified < issued else None


def _check_lang_map(what: str, texts: Mapping[str, object], *, required: bool) -> None:
    problem = lang_map_problem(texts, required=required)
    if problem is not None:
        raise InputError(f"{what}: {problem}")


@dataclass(frozen=True)
class Publisher:
    """The organisation that publishes the catalog and its data sets (a ``foaf:Agent``)."""

    iri: str
    name: LangMap
    type: PublisherType = PublisherType.LOCAL_AUTHORITY
    #: An official identifier such as the organisation number (DCAT-AP-NO ``dct:identifier``).
    identifier: str | None = None

    def __post_init__(self) -> None:
        _check_lang_map("publisher name", self.name, required=True)


@dataclass(frozen=True)
class ContactPoint:
    """Who answers questions about the data (a ``vcard:Organization``)."""

    name: str
    email: str

    def __post_init__(self) -> None:
        if not self.name:
            raise InputError("contact point: the name is empty")
        problem = email_problem(self.email)
        if problem is not None:
            raise InputError(f"contact point: {problem}")


@dataclass(frozen=True)
class CatalogConfig:
    """Everything about the catalog that does not come from the data.

    ``download_base`` is where the files are served; ``None`` means next to the catalog,
    i.e. file paths are resolved against the catalog IRI like relative references.
    """

    iri: str
    title: LangMap
    description: LangMap
    publisher: Publisher
    contact: ContactPoint
    issued: date
    modified: date
    licence: URIRef = CC_BY_4_0
    download_base: str | None = None
    homepage: str | None = None
    themes: tuple[URIRef, ...] = (EU_DATA_THEME.GOVE, EU_DATA_THEME.REGI)
    languages: tuple[URIRef, ...] = ()
    profile: ApplicationProfile = ApplicationProfile.DCAT_AP_3

    def __post_init__(self) -> None:
        if not self.iri.startswith(("http://", "https://")) or self.iri.endswith("/"):
            raise InputError(
                f"catalog IRI {self.iri!r}: expected an http(s) IRI without '/' at the end"
            )
        _check_lang_map("catalog title", self.title, required=True)
        _check_lang_map("catalog description", self.description, required=True)
        problem = dates_problem(self.issued, self.modified)
        if problem is not None:
            raise InputError(f"catalog {problem}")
        if not self.themes:
            # DCAT-AP-NO requires at least one theme per data set, and data sets take the catalog's.
            raise InputError("catalog themes: expected at least one EU data theme")

    def download_url(self, path: str) -> str:
        """Where the file at ``path`` (relative to the output folder) can be downloaded."""
        base = self.download_base if self.download_base is not None else self.iri
        return urljoin(base, quote(path))


@dataclass(frozen=True)
class PublishedFile:
    """One file a build wrote: a distribution of a data set.

    ``path`` is relative to the output folder, with ``/`` separators.
    """

    path: str
    #: One of :data:`~muniorg.formats.format.OUTPUT_FORMATS`.
    file_type: RdfFormat
    byte_size: int
    sha256: str
    #: Only DCAT-AP-NO needs it (see :class:`ApplicationProfile`); empty means unknown.
    sha1: str = ""

    def __post_init__(self) -> None:
        where = f"published file {self.path!r}"
        pure = PurePosixPath(self.path)
        if not self.path or pure.is_absolute() or ".." in pure.parts:
            raise InputError(f"{where}: expected a relative path inside the output folder")
        if self.file_type.eu_file_type is None:
            raise InputError(f"{where}: {self.file_type.label} is not a published format")
        if self.byte_size < 0:
            raise InputError(f"{where}: byte size {self.byte_size} is negative")
        if not _SHA256.fullmatch(self.sha256):
            raise InputError(f"{where}: {self.sha256!r} is not a lower-case SHA-256 hex digest")
        if self.sha1 and not _SHA1.fullmatch(self.sha1):
            raise InputError(f"{where}: {self.sha1!r} is not a lower-case SHA-1 hex digest")


@dataclass(frozen=True)
class PublishedDataset:
    """One data set of the catalog: a municipality, or the whole set.

    ``subject`` is the IRI of what the data set describes (the municipality). ``spatial`` holds
    the places it covers: the municipal area's IRI and/or an EU country authority IRI such as
    ``http://publications.europa.eu/resource/authority/country/NOR``.
    """

    slug: str
    title: LangMap
    description: LangMap
    identifier: str
    modified: date
    files: tuple[PublishedFile, ...]
    subject: str | None = None
    spatial: tuple[str, ...] = ()
    temporal_start: date | None = None
    temporal_end: date | None = None
    languages: tuple[URIRef, ...] = ()
    keywords: LangKeywords = field(default_factory=dict)
    landing_page: str | None = None

    def __post_init__(self) -> None:
        where = f"data set {self.slug!r}"
        if not LOCAL_ID.fullmatch(self.slug):
            raise InputError(f"{where}: expected a slug of lower-case letters, digits and '-'")
        _check_lang_map(f"{where} title", self.title, required=True)
        _check_lang_map(f"{where} description", self.description, required=True)
        _check_lang_map(f"{where} keywords", self.keywords, required=False)
        if not self.identifier:
            raise InputError(f"{where}: the identifier is empty")
        if not self.files:
            raise InputError(f"{where}: expected at least one published file")
        paths = [published.path for published in self.files]
        if len(set(paths)) != len(paths):
            raise InputError(f"{where}: a file is listed twice in {paths}")
        start, end = self.temporal_start, self.temporal_end
        if start is not None and end is not None and end < start:
            raise InputError(f"{where}: temporal coverage ends {end} before it starts {start}")
        for language in self.languages:
            if not str(language).startswith(str(EU_LANGUAGE)):
                raise InputError(f"{where}: {language} is not an EU language authority IRI")


def published_file(
    output_dir: Path, path: Path, file_type: RdfFormat | None = None
) -> PublishedFile:
    """Measure a file a build wrote: its size, SHA-256 and SHA-1, read in one pass.

    ``file_type`` defaults to the one of the file's suffix.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "stord.nt").write_bytes(b"")
        >>> info = published_file(folder, folder / "stord.nt")
        >>> (info.path, info.file_type.name, info.byte_size, info.sha256[:12])
        ('stord.nt', 'NTRIPLES', 0, 'e3b0c44298fc')

    :raises InputError: if the file is missing, outside ``output_dir`` or its suffix is not the
        extension of a published format.
    """
    try:
        relative = path.resolve().relative_to(output_dir.resolve())
    except ValueError:
        raise InputError(f"{path} is not inside the output folder {output_dir}") from None
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size, (sha256, sha1) = digest_file(path, "sha256", "sha1")
    return PublishedFile(
        path=relative.as_posix(),
        file_type=file_type if file_type is not None else _published_format(path.suffix),
        byte_size=size,
        sha256=sha256,
        sha1=sha1,
    )


def _published_format(suffix: str) -> RdfFormat:
    """The published format whose files end with ``suffix`` (such as ``.jsonld``).

    >>> _published_format(".ttl")
    <RdfFormat.TURTLE: 'turtle'>
    """
    for fmt in OUTPUT_FORMATS:
        if fmt.extension == suffix.lower():
            return fmt
    known = ", ".join(fmt.extension for fmt in OUTPUT_FORMATS)
    raise InputError(f"no published format has the suffix {suffix!r}; expected one of {known}")
