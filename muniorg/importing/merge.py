"""Merge the records of several extracts into one :class:`Municipality` per municipality.

Records are matched on country and municipality code, after Norway's 2024 renumbering is
applied (a record in the 2020–2023 numbering gets the new code and keeps the old one as a
former identifier ending the day before). Records without a code are matched on their
organisation number (a plain CVR list) or, for units registered ahead of a 2024 split, on the
renumbering's organisation number or the place name of a code made valid again.

Rules, each fact keeping its source:

- **Which value wins**: the source earlier in :data:`PRIORITY` (the official registries before
  the Wikidata lists); of two extracts of one registry, the one of the later date (an extract
  without a date comes last). Every other differing value is a *conflict* in the report, with both
  values and their sources. Values that differ only in case, or home pages only in ``www.``,
  are the same value.
- **Defects found by cross-checks**: a name one source gives cut short of another's
  ("Västerå" for "Västerås") is reported and the longer one used; a municipality one complete
  list lacks is reported ("not in ..."); a number in a plain list that matches no
  municipality is reported.

Example:
    >>> from muniorg.importing.records import Extract, Record, Source
    >>> a = Extract("a.csv", Source("scb-kommuner", "t", "u", "p"))
    >>> a.records.append(Record("scb-kommuner", "SWE", 2, code="0180", place="Stockholm"))
    >>> b = Extract("b.json", Source("wikidata-municipalities", "t", "u", "p"))
    >>> b.records.append(Record("wikidata-municipalities", "SWE", 5, code="0180", place="Stockholm",
    ...     population=984748))
    >>> merged, issues = merge([a, b])
    >>> [(m.key, m.place.value, m.population.value, m.population.source) for m in merged]
    [('SWE/0180', 'Stockholm', 984748, 'wikidata-municipalities')]
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from muniorg.core.values import text_problem
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
from muniorg.importing.records import Extract, Issue, Record, Renumbering

T = TypeVar("T")

#: Sources by authority, highest first: which value wins where sources disagree.
PRIORITY = (
    enhetsregisteret.SOURCE_ID,
    klass.SOURCE_ID,
    kartverket.SOURCE_ID,
    scb.SOURCE_ID,
    cvr.SOURCE_ID,
    dawa.SOURCE_ID,
    geodata.SOURCE_ID,
    nettsider.SOURCE_ID,
    wikidata.SOURCE_ID,
)


#: The share of a country's municipalities a list must hold to be checked for missing ones.
COMPLETE_SHARE = 0.9


@dataclass(frozen=True)
class Fact(Generic[T]):
    """A value and the source it came from."""

    value: T
    source: str


@dataclass
class Municipality:
    """Everything the sources say about one municipality, each fact with its source."""

    country: str
    code: str | None
    #: The source of the code (the highest-ranked source that lists the municipality).
    code_source: str = ""
    names: dict[str, Fact[str]] = field(default_factory=dict)
    place: Fact[str] | None = None
    language: str | None = None
    orgnr: Fact[str] | None = None
    orgnr_start: str | None = None
    former_orgnr: tuple[str, str, str] | None = None  # number, last day, source
    code_start: tuple[str, str] | None = None  # first day, source
    former_code: tuple[str, str, str] | None = None  # code, last day, source
    homepage: Fact[str] | None = None
    region: Fact[str] | None = None
    region_code: Fact[str] | None = None
    population: Fact[int] | None = None
    employees: Fact[int] | None = None
    area_km2: Fact[float] | None = None
    postal: Fact[dict[str, str]] | None = None
    sources: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """``COUNTRY/code``, or ``COUNTRY/?place`` for a municipality without a known code."""
        if self.code:
            return f"{self.country}/{self.code}"
        return f"{self.country}/?{self.place.value if self.place else ''}"


def _day_before(day: str) -> str:
    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=1)).isoformat()


def _rank(source: str) -> int:
    """The place of a source in :data:`PRIORITY` (ids may carry the extract's date)."""
    for rank, base in enumerate(PRIORITY):
        if source == base or source.startswith(f"{base}-"):
            return rank
    return len(PRIORITY)


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        fold = a.casefold().replace("://www.", "://")
        return fold == b.casefold().replace("://www.", "://")
    return a == b


def _value_problem(value: object) -> str | None:
    """Why a registry value cannot be published (a control character in text, a negative
    number where every number is a count or an area ...), if so.

    >>> _value_problem({"postName": "Oslo\\x00"}), _value_problem(-5)
    ('the character U+0000 (NUL) at position 5 is not allowed in text', '-5 is less than 0')
    >>> _value_problem("Upplands\\nVäsby kommun")
    'a line break at position 9 (a spreadsheet cell of two lines?) is not allowed in a name or address'
    """
    if isinstance(value, str):
        # Every text the registries give is one line (a name, an address, a code): a line
        # break, which text_problem allows (descriptions have them), is a defect here.
        line_break = re.search(r"[\r\n\u2028\u2029\x85]", value)
        if line_break is not None:
            return (
                f"a line break at position {line_break.start() + 1} (a spreadsheet cell of "
                "two lines?) is not allowed in a name or address"
            )
        return text_problem(value)
    if isinstance(value, dict):
        return next((p for v in value.values() if (p := _value_problem(v)) is not None), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        return f"{value} is less than 0"
    return None


def _place_length(row: tuple[Extract, Record]) -> int:
    return len(row[1].place or "")


def _name_parts(name: str) -> set[str]:
    """The forms a list writes in one name: ``Rana - Raane`` and ``Våler (Østfold)`` hold
    ``{rana, raane}`` and ``{våler}``.

    >>> sorted(_name_parts("Våler (Østfold)")), sorted(_name_parts("Rana - Raane"))
    (['våler'], ['raane', 'rana'])
    """
    plain = re.sub(r"\s*\([^)]*\)", "", name)
    return {part.strip().casefold() for part in plain.split(" - ") if part.strip()}


class _Merger:
    def __init__(self, extracts: Sequence[Extract]) -> None:
        self.extracts = extracts
        self.issues: list[Issue] = []
        self.renumbered: dict[str, Renumbering] = {}
        #: The source (document id) of each renumbering, by old code.
        self.renumber_source: dict[str, str] = {}
        self.reinstated: dict[str, tuple[str, int]] = {}
        for extract in extracts:
            for change in extract.renumberings:
                self.renumbered[change.old] = change
                self.renumber_source[change.old] = extract.source.id
            for code, line in extract.reinstated.items():
                self.reinstated[code] = (extract.file, line)
        self.groups: dict[str, list[tuple[Extract, Record]]] = defaultdict(list)
        #: Sources whose Norwegian records were in the old numbering.
        self.old_numbering: set[str] = set()

    def issue(self, kind: str, where: str, message: str, key: str = "") -> None:
        self.issues.append(Issue(kind, where, message, key))

    def run(self) -> list[Municipality]:
        pending: list[tuple[Extract, Record]] = []
        by_number: list[tuple[Extract, Record]] = []
        for extract in self.extracts:
            seen: dict[str, Record] = {}
            for record in extract.records:
                if record.pending is not None:
                    pending.append((extract, record))
                    continue
                if record.code is None and record.place is None:
                    by_number.append((extract, record))
                    continue
                if record.country == "NOR" and record.code in self.renumbered:
                    self.old_numbering.add(extract.source.id)
                key = self._key(record)
                if key in seen:
                    self.issue(
                        "defect",
                        record.where(extract.file),
                        f"a second row for {key} in this extract (the first is line "
                        f"{seen[key].line}): left out",
                        key,
                    )
                    continue
                seen[key] = record
                self.groups[key].append((extract, record))
        merged = {key: self._merge(key, rows) for key, rows in sorted(self.groups.items())}
        for extract, record in pending:
            self._place_pending(merged, extract, record)
        self._reinstated_without_source(merged)
        for extract, record in by_number:
            self._match_number(merged, extract, record)
        self._completeness(merged)
        self._counties(merged)
        self._unnamed(merged)
        return list(merged.values())

    def _key(self, record: Record) -> str:
        code = record.code
        if record.country == "NOR" and code in self.renumbered:
            code = self.renumbered[code].new
        return f"{record.country}/{code}" if code else f"{record.country}/?{record.place}"

    def _merge(self, key: str, rows: list[tuple[Extract, Record]]) -> Municipality:
        # By authority; of one registry, the newest extract first (undated ones last).
        rows = sorted(rows, key=lambda row: row[0].source.date or "", reverse=True)
        rows = sorted(rows, key=lambda row: _rank(row[1].source))
        first = rows[0][1]
        code = key.split("/", 1)[1]
        m = Municipality(first.country, None if code.startswith("?") else code, first.source)
        m.sources = {r.source for _, r in rows}
        m.language = next((r.language for _, r in rows if r.language), None)
        for name_lang in sorted({lang for _, r in rows for lang in r.names}):
            name = self._choose(
                key, f"name@{name_lang}", [(e, r, r.names.get(name_lang)) for e, r in rows]
            )
            if name is not None:  # every source's name was a defect (left out)
                m.names[name_lang] = name
        m.place = self._choose_name(key, rows)
        m.orgnr = self._choose(key, "organisation number", [(e, r, r.orgnr) for e, r in rows])
        m.homepage = self._choose(key, "home page", [(e, r, r.homepage) for e, r in rows])
        m.region = self._choose(key, "region", [(e, r, r.region) for e, r in rows])
        m.region_code = self._choose(key, "region code", [(e, r, r.region_code) for e, r in rows])
        m.population = self._choose(key, "population", [(e, r, r.population) for e, r in rows])
        m.employees = self._choose(key, "employees", [(e, r, r.employees) for e, r in rows])
        m.area_km2 = self._choose(key, "area (km²)", [(e, r, r.area_km2) for e, r in rows])
        m.postal = self._choose(key, "postal address", [(e, r, r.postal) for e, r in rows])
        if m.country == "NOR" and m.code and m.region and m.region_code is None:
            # The first two digits of a kommunenummer are its fylke's number.
            m.region_code = Fact(m.code[:2], m.code_source)
        change = next(
            (
                self.renumbered[r.code]
                for _, r in rows
                if r.country == "NOR" and r.code in self.renumbered
            ),
            None,
        )
        if change is not None:
            by = self.renumber_source[change.old]
            m.former_code = (change.old, _day_before(change.date), by)
            m.code_start = (change.date, by)
            m.sources.add(by)
            if change.orgnr and m.orgnr and m.orgnr.value != change.orgnr:
                m.former_orgnr = (m.orgnr.value, _day_before(change.date), m.orgnr.source)
                m.orgnr = Fact(change.orgnr, by)
                m.orgnr_start = change.date
        return m

    def _choose(
        self, key: str, what: str, values: list[tuple[Extract, Record, T | None]]
    ) -> Fact[T] | None:
        given = []
        for extract, record, value in values:
            if value is None or value == "":
                continue
            problem = _value_problem(value)
            if problem is not None:
                self.issue(
                    "defect", record.where(extract.file), f"{what}: {problem}: left out", key
                )
                continue
            given.append((extract, record, value))
        if not given:
            return None
        chosen_extract, chosen_record, chosen = given[0]
        for extract, record, value in given[1:]:
            if not _same(value, chosen):
                self.issue(
                    "conflict",
                    record.where(extract.file),
                    f"{what}: {value!r} ({record.source}) differs from {chosen!r} "
                    f"({chosen_record.source}, {chosen_record.where(chosen_extract.file)}); "
                    f"kept {chosen!r}",
                    key,
                )
        return Fact(chosen, chosen_record.source)

    def _choose_name(self, key: str, rows: list[tuple[Extract, Record]]) -> Fact[str] | None:
        """The place name: the longest of names that are cut short of one another (a
        truncated name is a defect), else by priority (a different name is a conflict)."""
        given = []
        for extract, record in rows:
            problem = _value_problem(record.place)
            if problem is not None:
                self.issue("defect", record.where(extract.file), f"name: {problem}: left out", key)
            elif record.place:
                given.append((extract, record))
        if not given:
            return None
        chosen_extract, chosen = given[0]
        for extract, record in given[1:]:
            value, best = record.place or "", chosen.place or ""
            if _name_parts(value) & _name_parts(best):
                continue
            short, full = sorted([(extract, record), (chosen_extract, chosen)], key=_place_length)
            short_name, full_name = short[1].place or "", full[1].place or ""
            if full_name.casefold().startswith(short_name.casefold()):
                self.issue(
                    "defect",
                    short[1].where(short[0].file),
                    f"name {short_name!r} is cut short of {full_name!r} ({full[1].source}): "
                    "not used",
                    key,
                )
                chosen_extract, chosen = full
            else:
                self.issue(
                    "conflict",
                    record.where(extract.file),
                    f"name {value!r} ({record.source}) differs from {best!r} "
                    f"({chosen.source}, {chosen.where(chosen_extract.file)}); kept {best!r}",
                    key,
                )
        return Fact(chosen.place or "", chosen.source)

    def _place_pending(
        self, merged: dict[str, Municipality], extract: Extract, record: Record
    ) -> None:
        """A unit registered ahead of 2024: the renumbered municipality whose new organisation
        number it has, or the municipality made valid again whose name it has."""
        place, start = record.pending or ("", "")
        for change in self.renumbered.values():
            if change.orgnr == record.orgnr and record.orgnr:
                target = merged.get(f"NOR/{change.new}")
                if target is not None:
                    target.sources.add(record.source)
                    self.issue(
                        "match",
                        record.where(extract.file),
                        f"pre-registered unit {place} ({record.orgnr}) is the organisation "
                        f"behind {change.new} from {start}, as {self.renumber_source[change.old]} says",
                        target.key,
                    )
                    return
        for code in sorted(self.reinstated):
            target = merged.get(f"NOR/{code}")
            if target is not None and target.place and _same(target.place.value, place):
                if target.orgnr is None:
                    target.orgnr = Fact(record.orgnr or "", record.source)
                    target.orgnr_start = start
                    target.sources.add(record.source)
                self.issue(
                    "match",
                    record.where(extract.file),
                    f"pre-registered unit {place} ({record.orgnr}) is municipality {code}, made "
                    f"valid again from {start}",
                    target.key,
                )
                return
        self.issue(
            "defect",
            record.where(extract.file),
            f"pre-registered unit {place} ({record.orgnr}) matches no municipality of the "
            "sources (no renumbering gives its number, no reinstated code has its name)",
        )

    def _reinstated_without_source(self, merged: dict[str, Municipality]) -> None:
        for code, (file, line) in sorted(self.reinstated.items()):
            if f"NOR/{code}" not in merged:
                self.issue(
                    "defect",
                    f"{file}:{line}",
                    f"municipality {code} is made valid again, but no source names it: "
                    "no file written (add a list in the 2024 numbering)",
                )

    def _match_number(
        self, merged: dict[str, Municipality], extract: Extract, record: Record
    ) -> None:
        for m in merged.values():
            if m.country == record.country and m.orgnr and m.orgnr.value == record.orgnr:
                m.sources.add(record.source)
                return
        self.issue(
            "defect",
            record.where(extract.file),
            f"organisation number {record.orgnr} matches no municipality of the other sources",
        )

    def _unnamed(self, merged: dict[str, Municipality]) -> None:
        """Leave out (and report) a municipality whose sources gave names that were all
        defects (a control character ...): its file would have no name and not validate.
        (A source without names, such as KLASS, still adds its facts to the files of a folder.)"""
        for key, m in list(merged.items()):
            rows = self.groups.get(key, [])
            if m.names or m.place or not any(r.names or r.place for _, r in rows):
                continue
            extract, record = rows[0]
            self.issue(
                "defect",
                record.where(extract.file),
                f"{key}: no source gives a usable name: left out",
                key,
            )
            del merged[key]

    def _completeness(self, merged: dict[str, Municipality]) -> None:
        """A municipality that a complete list of its country lacks is reported. A list is
        taken as meant to be complete for a country when it holds at least
        :data:`COMPLETE_SHARE` of the country's municipalities (one API record is not)."""
        per_country = Counter(m.country for m in merged.values())
        for extract in self.extracts:
            rows = Counter(r.country for r in extract.records)
            countries = {c for c, n in rows.items() if n >= COMPLETE_SHARE * per_country.get(c, 0)}
            numbers_only = all(r.code is None and r.place is None for r in extract.records)
            listed = {self._key(r) for r in extract.records}
            orgnrs = {r.orgnr for r in extract.records if r.orgnr}
            for key, m in merged.items():
                if m.country not in countries:
                    continue
                if numbers_only:
                    if (
                        m.orgnr is not None
                        and m.orgnr.value not in orgnrs
                        and (m.former_orgnr is None or m.former_orgnr[0] not in orgnrs)
                    ):
                        self.issue(
                            "defect",
                            extract.file,
                            f"{key} ({self._name(m)}) is not in this list",
                            key,
                        )
                    continue
                if key in listed:
                    continue
                if m.code in self.reinstated and extract.source.id in self.old_numbering:
                    continue  # made valid in 2024: not in a list of the 2020–2023 numbering
                self.issue(
                    "defect", extract.file, f"{key} ({self._name(m)}) is not in this list", key
                )

    def _counties(self, merged: dict[str, Municipality]) -> None:
        """County names of municipality lists checked against a county list."""
        for extract in self.extracts:
            for code, (name, line) in sorted(extract.counties.items()):
                for m in merged.values():
                    if m.country == "SWE" and m.region_code and m.region_code.value == code:
                        if m.region and not _same(m.region.value, name):
                            self.issue(
                                "conflict",
                                f"{extract.file}:{line}",
                                f"county {code}: {name!r} here, {m.region.value!r} for {m.key}",
                                m.key,
                            )
                        elif m.region is None:
                            m.region = Fact(name, extract.source.id)
                            m.sources.add(extract.source.id)

    @staticmethod
    def _name(m: Municipality) -> str:
        if m.place:
            return m.place.value
        return next((f.value for f in m.names.values()), "?")


def merge(extracts: Sequence[Extract]) -> tuple[list[Municipality], list[Issue]]:
    """The municipalities of ``extracts``, merged, and the conflicts and defects found."""
    merger = _Merger(extracts)
    municipalities = merger.run()
    issues = [i for e in extracts for i in e.issues] + merger.issues
    return municipalities, issues
