"""What a registry extract says, before sources are merged: one record per row, with its place.

Every reader of :mod:`muniorg.importing` turns a file into a :class:`Extract`: the
:class:`Source` (which registry, which date), the :class:`Record` of each municipality it lists
(each fact there comes from that source), the 2024 renumbering where the source is Kartverket's,
and the :class:`Issue` it found while reading (a defect of the extract, reported, never copied).

Example:
    >>> r = Record(source="x", country="NOR", line=3, code="4614", names={"nn": "Stord kommune"})
    >>> r.key, r.where("data.json")
    ('NOR/4614', 'data.json:3')
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from muniorg.core.errors import InputError
from muniorg.core.location import SourceLocation
from muniorg.model.kinds import KINDS
from muniorg.model.schema import ValueKind

#: The width of each country's municipality code (Denmark's is written without leading zeros).
CODE_WIDTH = {"DNK": 3, "NOR": 4, "SWE": 4, "FIN": 3, "ISL": 4}
#: The EU country code of each ISO alpha-2 code the extracts use.
ALPHA3 = {"DK": "DNK", "NO": "NOR", "SE": "SWE", "FI": "FIN", "IS": "ISL"}


@dataclass(frozen=True)
class Source:
    """One registry extract: ``id`` is the local id of its Document in the authoring files."""

    id: str
    title: str
    url: str
    publisher: str
    #: The date the extract's facts hold for (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), if known.
    date: str | None = None


@dataclass(frozen=True)
class Issue:
    """A finding: ``kind`` is ``defect`` (of an extract), ``conflict`` (between sources),
    ``match`` (records joined by a rule other than the code), ``change`` (what an import
    changed in a file) or ``kept`` (a local edit kept)."""

    kind: str
    where: str
    message: str
    key: str = ""

    def to_dict(self) -> dict[str, str]:
        """The issue as JSON-ready data."""
        data = {"kind": self.kind, "where": self.where, "message": self.message}
        if self.key:
            data["municipality"] = self.key
        return data


@dataclass
class Record:
    """What one row of one extract says about one municipality."""

    source: str
    country: str
    line: int
    code: str | None = None
    #: Official names by language tag (``se`` Northern Sámi, ``fkv`` Kven ...).
    names: dict[str, str] = field(default_factory=dict)
    #: The short place name (``Stord`` for ``Stord kommune``), where the extract gives it.
    place: str | None = None
    language: str | None = None
    orgnr: str | None = None
    homepage: str | None = None
    region: str | None = None
    region_code: str | None = None
    population: int | None = None
    employees: int | None = None
    #: The land area in km².
    area_km2: float | None = None
    #: Postal address in the authoring format's keys (poBox, thoroughfare, postCode, postName).
    postal: dict[str, str] | None = None
    #: A unit registered ahead of a merger or split: its place name and the day it starts.
    pending: tuple[str, str] | None = None

    @property
    def key(self) -> str:
        """``COUNTRY/code`` (``COUNTRY/?place`` without a code): what records are merged on."""
        return f"{self.country}/{self.code}" if self.code else f"{self.country}/?{self.place}"

    def where(self, file: str) -> str:
        """``file:line`` of the row (``file`` alone when the line is not known)."""
        return f"{file}:{self.line}" if self.line else file


@dataclass(frozen=True)
class Renumbering:
    """A municipality code replaced on ``date`` (the first day of the new one)."""

    old: str
    new: str
    date: str
    line: int
    #: The organisation number of the unit behind the new code, when the source gives it.
    orgnr: str | None = None


@dataclass
class Extract:
    """What one file says: its source, records, renumberings and the defects found reading it."""

    file: str
    source: Source
    records: list[Record] = field(default_factory=list)
    renumberings: list[Renumbering] = field(default_factory=list)
    #: Codes a renumbering source makes valid again (Haram, 1580, in 2024), with their line.
    reinstated: dict[str, int] = field(default_factory=dict)
    #: County names by county code, with their line (SCB's county list).
    counties: dict[str, tuple[str, int]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def defect(self, line: int, message: str, key: str = "") -> None:
        """Report a defect of the extract at ``line``."""
        self.issues.append(Issue("defect", f"{self.file}:{line}", message, key))


def source_id(base: str, date: str | None) -> str:
    """The id of an extract's document: the registry's, with the date of the extract if known
    (two extracts of one registry of different dates are two documents).

    >>> source_id("brreg-enhetsregisteret", "2023-06"), source_id("cvr-kommuner", None)
    ('brreg-enhetsregisteret-2023-06', 'cvr-kommuner')
    """
    return f"{base}-{date}" if date else base


def start_extract(
    path: Path, base: str, title: str, url: str, publisher: str, date: str | None
) -> Extract:
    """An extract of ``path`` with no rows yet, and its source (id: ``base`` and the date).

    >>> start_extract(Path("k.csv"), "cvr-kommuner", "t", "u", "p", "2024").source.id
    'cvr-kommuner-2024'
    """
    return Extract(str(path), Source(source_id(base, date), title, url, publisher, date))


def normalise_code(extract: Extract, country: str, code: str, line: int) -> str | None:
    """``code`` in the form of the country's scheme, or ``None`` (reported) when it is not one.

    Leading zeros an extract lost are put back and reported; Denmark's codes are written
    without them (``0101`` -> ``101``).

    >>> e = Extract("f.csv", Source("s", "t", "u", "p"))
    >>> normalise_code(e, "NOR", "301", 2), normalise_code(e, "DNK", "0101", 3)
    ('0301', '101')
    >>> [i.message for i in e.issues]
    ["municipality code '301' lost its leading zero: read as 0301"]
    """
    code = code.strip()
    width = CODE_WIDTH[country]
    if not re.fullmatch("[0-9]+", code):
        extract.defect(line, f"municipality code {code!r} is not a number: row left out")
        return None
    if country == "DNK":
        code = code.lstrip("0") or "0"
        if len(code) != width:
            extract.defect(line, f"Danish municipality code {code!r} is not 3 digits: left out")
            return None
        return code
    if len(code) < width:
        padded = code.zfill(width)
        extract.defect(line, f"municipality code {code!r} lost its leading zero: read as {padded}")
        return padded
    if len(code) > width:
        extract.defect(line, f"municipality code {code!r} has more than {width} digits: left out")
        return None
    return code


def https(host: str | None) -> str | None:
    """A home page address from what extracts write: ``www.x.no`` -> ``https://www.x.no/``.

    >>> https("www.alta.kommune.no"), https("http://x.fi/"), https("")
    ('https://www.alta.kommune.no/', 'https://x.fi/', None)
    """
    if not host or not host.strip():
        return None
    host = host.strip().removeprefix("http://").removeprefix("https://").strip("/")
    return f"https://{host}/" if re.fullmatch(r"[A-Za-z0-9.-]+(/[^\s]*)?", host) else None


def homepage(extract: Extract, value: str | None, line: int) -> str | None:
    """:func:`https` of ``value``; a value that is no web address is reported and left out.

    >>> e = Extract("f.csv", Source("s", "t", "u", "p"))
    >>> homepage(e, "www.alta.kommune.no", 2), homepage(e, "www.alta kommune.no", 3)
    ('https://www.alta.kommune.no/', None)
    >>> [i.message for i in e.issues]
    ["home page 'www.alta kommune.no' is not a web address: left out"]
    """
    address = https(value)
    if address is None and value and value.strip():
        extract.defect(line, f"home page {value!r} is not a web address: left out")
    return address


def date_problem(value: str) -> str | None:
    """Why ``value`` cannot date an extract (``YYYY``, ``YYYY-MM`` or a real ``YYYY-MM-DD``,
    as the authoring files' dates), or ``None`` when it can.

    >>> date_problem("2024-02-29"), date_problem("2024-02-30")
    (None, "'2024-02-30' is not a valid date (YYYY-MM-DD)")
    """
    try:
        KINDS[ValueKind.PARTIAL_DATE].read(value)
    except ValueError as err:
        return str(err)
    return None


def date_in_name(path: Path) -> str | None:
    """The date a file name states (``kommuner_2023-06.json`` -> ``2023-06``), if any: one
    that is no real month or day (``2024-13``, ``2024-02-30``) is none.

    >>> date_in_name(Path("no_enhetsregisteret_kommuner_2023-06.json")), date_in_name(Path("a"))
    ('2023-06', None)
    >>> date_in_name(Path("kommuner_2024-02-30.json"))
    """
    found = re.search(
        r"(?<![0-9])((?:19|20)[0-9]{2}-[01][0-9](?:-[0-3][0-9])?)(?![0-9])", path.name
    )
    return found.group(1) if found and date_problem(found.group(1)) is None else None


def year_in_name(path: Path) -> str | None:
    """The year a file name states on its own (``kommuner_2025_x.json`` -> ``2025``), if any:
    a year that is part of a month (``2023-06``) or a range (``2020_to_2024``) does not count.

    >>> year_in_name(Path("no_kommuner_2025_norway-geodata.json")), year_in_name(Path("k_2023-06.json"))
    ('2025', None)
    """
    found = re.findall(r"(?<![0-9-])((?:19|20)[0-9]{2})(?![0-9-])", path.stem)
    return found[0] if len(found) == 1 and "_to_" not in path.stem else None


_DOMAIN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "-"})


def domain_form(name: str) -> str:
    """A place name as Norwegian municipalities write it in their domains (``Meråker`` ->
    ``meraker``, ``Midt-Telemark`` -> ``midt-telemark``).

    >>> domain_form("Meråker"), domain_form("Bø i Telemark")
    ('meraker', 'bo-i-telemark')
    """
    return name.casefold().translate(_DOMAIN_LETTERS)


def domain_label(homepage: str) -> str:
    """The part of a home page's host that names the municipality (``https://www.alta.kommune.no/``
    -> ``alta``).

    >>> domain_label("https://www.alta.kommune.no/"), domain_label("https://alver.kommune.no/")
    ('alta', 'alver')
    """
    host = homepage.split("://", 1)[-1].split("/", 1)[0].casefold().removeprefix("www.")
    return host.split(".", 1)[0]


def swapped_homepages(extract: Extract) -> None:
    """Report (and drop) a home page whose host names another municipality of the same list and
    not its own (the kommunale-nettsider list gives Meråker the domain of Midt-Telemark and
    Midt-Telemark Meråker's)."""
    forms = {domain_form(r.place): r for r in extract.records if r.place}
    for record in extract.records:
        if not record.homepage or not record.place:
            continue
        label, own = domain_label(record.homepage), domain_form(record.place)
        other = forms.get(label)
        if other is not None and label != own and not label.startswith(own):
            extract.defect(
                record.line,
                f"{record.place} ({record.code}): home page {record.homepage} names "
                f"{other.place} ({other.code}) of this list, not {record.place}: left out "
                "(swapped domains?)",
                record.key,
            )
            record.homepage = None


#: The bytes of the extracts that are pipes (``curl ... | muniorg import dawa /dev/stdin``), by
#: path: readers read a file more than once (the header, then the rows), a pipe gives its bytes
#: once. Emptied by :func:`piped_extracts` after each import.
_PIPED: dict[str, bytes] = {}


@contextlib.contextmanager
def piped_extracts() -> Iterator[None]:
    """While reading the extracts of one import: a pipe is read once, whichever reader asks."""
    _PIPED.clear()
    try:
        yield
    finally:
        _PIPED.clear()


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The text of an extract, or an :class:`InputError` saying why it cannot be read.

    A byte-order mark is dropped, and makes the file UTF-8 (or UTF-16) whatever ``encoding``
    says: a KLASS download (ISO-8859-1) a spreadsheet saved again as "CSV UTF-8" starts with one.
    """
    data = _PIPED.get(str(path))
    if data is None:
        try:
            data = path.read_bytes()
            if not path.is_file():  # a pipe (/dev/stdin, <(...)) is read once: keep it
                _PIPED[str(path)] = data
        except OSError as err:
            raise InputError(f"cannot read {path}: {err.strerror or err}") from err
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # as Windows PowerShell 5 saves what a command prints ('>')
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as err:
        where = SourceLocation.at(str(path), data, err.start)
        hint = ""
        if encoding == "utf-8":
            # Spreadsheets in the Nordic countries save "CSV" in Windows-1252: say so, and how
            # to save it instead (guessing the encoding could write wrong letters).
            try:
                letter = data[err.start : err.start + 1].decode("cp1252")
            except UnicodeDecodeError:
                letter = ""
            if letter.isalpha():
                hint = (
                    f" ({letter!r} in Windows-1252, as spreadsheets save 'CSV': save the file "
                    "as 'CSV UTF-8' instead)"
                )
        message = f"not {encoding} text: byte 0x{data[err.start]:02x}{hint}"
        raise InputError(message, where) from err
