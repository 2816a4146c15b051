"""``muniorg import``: the registry extracts of ``muniorg/data/registries`` read, merged, written.

Row counts are asserted per extract and per country after the merge (Denmark 98, Norway 357
after the 2024 renumbering, Sweden 290, Finland 308, Iceland 62: 1,115), with the known defects
of the extracts found by cross-checks; the imported files validate with zero violations; a
re-import changes nothing, and one after local edits keeps them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from muniorg.cli.app import cli
from muniorg.core.resources import REGISTRIES_DIR
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
from muniorg.importing import folder as import_folder
from muniorg.importing.report import ImportReport
from muniorg.importing.run import detect, import_files

WIKIDATA = REGISTRIES_DIR / "nordic_wikidata_mxmap"
ALL_FILES = sorted(p for p in REGISTRIES_DIR.rglob("*") if p.suffix in {".json", ".csv", ".sql"})
EXPECTED = {"DNK": 98, "NOR": 357, "SWE": 290, "FIN": 308, "ISL": 62}
#: The 20 Swedish names the Wikidata list cuts short by their final letter.
TRUNCATED = {
    "Strängnä", "Tranå", "Torså", "Mönsterå", "Höganä", "Sotenä", "Bengtsfor", "Alingså",
    "Storfor", "Munkfor", "Grum", "Hagfor", "Degerfor", "Hällefor", "Västerå", "Falu",
    "Bollnä", "Kramfor", "Robertsfor", "Vännä",
}  # fmt: skip


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="muniorg", catch_exceptions=False)


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    out = tmp_path_factory.mktemp("import") / "data"
    return out, import_files("auto", ALL_FILES, out)


def by_code(folder: Path, country: str, code: str) -> Any:
    (path,) = folder.glob(f"{country}-{code}-*.yaml")
    return load(path)


# --- each extract -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reader", "file", "rows"),
    [
        (enhetsregisteret.read, "no_enhetsregisteret_kommuner_2023-06.json", 358),
        (enhetsregisteret.read, "no_enhetsregisteret_sample_oslo.json", 1),
        (klass.read, "no_ssb_klass_1236_orgnr_kommunenr.csv", 356),
        (cvr.read, "dk_fkg_kommuner_cvr.csv", 98),
        (cvr.read, "dk_os2sync_kommune_cvr.csv", 98),
        (scb.read, "se_municipality_county.csv", 290),
        (dawa.read, "dk_dawa_kommune_format_sample.json", 0),
        (geodata.read, "no_kommuner_2025_norway-geodata.json", 357),
        (nettsider.read, "no_kommuner_2024_kommunale-nettsider.csv", 356),
        (wikidata.read, "nordic_wikidata_mxmap/municipalities_dk.json", 98),
        (wikidata.read, "nordic_wikidata_mxmap/municipalities_no.json", 357),
        (wikidata.read, "nordic_wikidata_mxmap/municipalities_se.json", 290),
        (wikidata.read, "nordic_wikidata_mxmap/municipalities_fi.json", 308),
        (wikidata.read, "nordic_wikidata_mxmap/municipalities_is.json", 62),
    ],
    ids=lambda v: v if isinstance(v, (str, int)) else "",
)
def test_each_extract_reads_its_rows(reader: Any, file: str, rows: int) -> None:
    extract = reader(REGISTRIES_DIR / file, None)
    assert len(extract.records) == rows


@pytest.mark.parametrize(
    ("reader", "file", "rows", "blank", "encoding"),
    [
        (scb.read, "se_municipality_county.csv", 290, ",,,,\n,,,,\n", "utf-8"),
        (klass.read, "no_ssb_klass_1236_orgnr_kommunenr.csv", 356, ";;;\n", "iso-8859-1"),
    ],
    ids=["scb", "klass"],
)
def test_rows_of_delimiters_only_are_no_rows(
    tmp_path: Path, reader: Any, file: str, rows: int, blank: str, encoding: str
) -> None:
    """What a spreadsheet's export leaves at the end (``,,,,``) is not a row with an empty
    required column (that stopped the import)."""
    data = (REGISTRIES_DIR / file).read_bytes().decode(encoding)
    (tmp_path / file).write_bytes((data.rstrip("\n") + "\n" + blank).encode(encoding))
    assert len(reader(tmp_path / file, None).records) == rows
    assert detect(REGISTRIES_DIR / file) == reader.__module__.rsplit(".", 1)[1]


def test_kartverket_renumbering() -> None:
    extract = kartverket.read(REGISTRIES_DIR / "no_kartverket_kommunenr_2020_to_2024.sql")
    assert len(extract.renumberings) == 114
    assert {r.old for r in extract.renumberings}.isdisjoint({r.new for r in extract.renumberings})
    assert list(extract.reinstated) == ["1580"]


def test_kartverket_codes_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "k.sql"
    path.write_text(
        "UPDATE x set MunicipalityCode='31O1'  WHERE MunicipalityCode='3001'\n"
        "update x set MunicipalityCode='3103'\r\n  WHERE MunicipalityCode='3002';\n",
        encoding="utf-8",
    )
    extract = kartverket.read(path)
    assert [(r.old, r.new, r.line) for r in extract.renumberings] == [("3002", "3103", 2)]
    assert [i.message for i in extract.issues] == [
        "municipality code '31O1' is not a number: row left out"
    ]


def test_defects_of_single_extracts_are_reported() -> None:
    fkg = cvr.read(REGISTRIES_DIR / "dk_fkg_kommuner_cvr.csv")
    assert [(i.where.rsplit(":", 1)[1], i.message) for i in fkg.issues] == [
        ("10", "Christiansø (411) is not a municipality's name ('... Kommune'): left out")
    ]
    assert "411" not in {r.code for r in fkg.records}
    iceland = wikidata.read(WIKIDATA / "municipalities_is.json")
    assert {r.code for r in iceland.records} == {None}
    assert "sequence numbers, not municipality codes" in iceland.issues[0].message
    brreg = enhetsregisteret.read(REGISTRIES_DIR / "no_enhetsregisteret_kommuner_2023-06.json")
    assert sorted(r.pending for r in brreg.records if r.pending) == [
        ("Haram", "2024-01-01"),
        ("Ålesund", "2024-01-01"),
    ]


def test_norwegian_lists_of_2024_and_2025() -> None:
    """norway-geodata (2025) and kommunale-nettsider (2024): the 2024 numbering, their known
    defects found (lost zeros of postal codes, swapped domains), never copied."""
    geo = geodata.read(REGISTRIES_DIR / "no_kommuner_2025_norway-geodata.json")
    assert geo.source.id == "norway-geodata-kommuner-2025"
    codes = {r.code for r in geo.records}
    assert {"1508", "1580", "3101", "5540"} <= codes and "1507" not in codes
    kaafjord = next(r for r in geo.records if r.code == "5540")
    assert (kaafjord.place, kaafjord.language, kaafjord.names) == ("Kåfjord", "nb", {})
    assert (kaafjord.population, kaafjord.area_km2) == (1974, 991.15)
    (zeros,) = geo.issues
    assert zeros.message.startswith("530 postal codes lost their leading zeros")
    sites = nettsider.read(REGISTRIES_DIR / "no_kommuner_2024_kommunale-nettsider.csv")
    assert sites.source.id == "kommunale-nettsider-2024"
    assert "1580" not in {r.code for r in sites.records}  # Haram is missing from the list
    by_code = {r.code: r for r in sites.records}
    assert by_code["5034"].homepage is None and by_code["4020"].homepage is None
    assert by_code["4631"].homepage == "https://alver.kommune.no/"
    assert (by_code["4020"].language, by_code["3428"].language) == ("nn", None)
    assert [(i.where.rsplit(":", 1)[1], i.key) for i in sites.issues] == [
        ("179", "NOR/5034"),
        ("180", "NOR/4020"),
    ]
    assert "names Midt-Telemark (4020) of this list" in sites.issues[0].message


def test_mistyped_numbers_and_lost_zeros_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "cvr.csv"
    path.write_text(
        "cvr_kode,cvr_navn,kommunekode,aktiv\n29189995,Sorø Kommune,340,1\n"
        "65120119,Glostrup Kommune,0161,1\n",
        encoding="utf-8",
    )
    extract = cvr.read(path)
    assert [(r.code, r.orgnr) for r in extract.records] == [("161", "65120119")]
    assert [i.message for i in extract.issues] == [
        "CVR number '29189995' fails its check digit: left out"
    ]
    lost = tmp_path / "se.csv"
    lost.write_text(
        "municipality_code,municipality_name,county_code,county_name\n"
        "188,Norrtälje kommun,1,Stockholms län\n",
        encoding="utf-8",
    )
    extract = scb.read(lost)
    assert extract.records[0].code == "0188"
    assert "lost its leading zero: read as 0188" in extract.issues[0].message


def test_a_home_page_that_is_no_web_address_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "no.csv"
    path.write_text(
        NETTSIDER_HEADER + "0301,Oslo,Oslo,Oslo,bokmål,www.oslo kommune.no\n", encoding="utf-8"
    )
    extract = nettsider.read(path)
    assert extract.records[0].homepage is None
    assert [i.message for i in extract.issues] == [
        "home page 'www.oslo kommune.no' is not a web address: left out"
    ]


def test_a_name_of_two_lines_is_a_defect_at_the_rows_first_line(tmp_path: Path) -> None:
    path = tmp_path / "se.csv"
    path.write_text(
        SCB_HEADER + '0114,"Upplands\r\nVäsby kommun",Upplands Väsby,01,Stockholms län\r\n'
        '0115,Vallentuna kommun,Vallentuna,01,"Stockholms\nlän"\n',
        encoding="utf-8",
        newline="",
    )
    report = import_files("scb", [path], tmp_path / "data")
    assert [(i.where, i.message) for i in report.issues if i.kind == "defect"] == [
        (
            f"{path}:2",
            "name@sv: a line break at position 9 (a spreadsheet cell of two lines?) is not "
            "allowed in a name or address: left out",
        ),
        (
            f"{path}:4",
            "region: a line break at position 11 (a spreadsheet cell of two lines?) is not "
            "allowed in a name or address: left out",
        ),
    ]
    # The place name of the short column is the name; no county with a line break is written.
    assert by_code(tmp_path / "data", "se", "0114")["name"] == {"sv": "Upplands Väsby"}
    assert "\\n" not in json.dumps(by_code(tmp_path / "data", "se", "0115"), ensure_ascii=False)


def test_negative_counts_and_areas_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    rows = [{"id": "0301", "name_no": "Oslo", "population": -717710, "area": -454.12}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = import_files("geodata", [path], tmp_path / "data")
    assert [i.message for i in report.issues if i.kind == "defect"] == [
        "population: -717710 is less than 0: left out",
        "area (km²): -454.12 is less than 0: left out",
    ]
    assert "keyFigures" not in by_code(tmp_path / "data", "no", "0301")


def test_text_that_cannot_be_published_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "municipalities_fi.json"
    rows = [
        {"id": "FI-091", "name": "Helsinki\u0007", "country": "FI", "domain": "hel.fi"},
        {"id": "FI-049", "name": "Espoo", "country": "FI", "region": "Uusimaa\u0000"},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = import_files("wikidata", [path], tmp_path / "data")
    defects = [i.message for i in report.issues if i.kind == "defect"]
    assert sorted(defects) == [
        # Helsinki has no other name: its file would not validate.
        "FIN/091: no source gives a usable name: left out",
        "name: the character U+0007 (BELL) at position 9 is not allowed in text: left out",
        "region: the character U+0000 (NUL) at position 8 is not allowed in text: left out",
    ]
    assert sorted(p.name for p in (tmp_path / "data").glob("*.yaml")) == ["fi-049-espoo.yaml"]
    espoo = load(next((tmp_path / "data").glob("fi-049-*.yaml")))
    assert "regions" not in espoo["area"]


def test_api_search_responses_and_dawa_lists(tmp_path: Path) -> None:
    oslo = json.loads((REGISTRIES_DIR / "no_enhetsregisteret_sample_oslo.json").read_text("utf-8"))
    search = tmp_path / "enheter.json"
    search.write_text(json.dumps({"_embedded": {"enheter": [oslo]}, "page": {}}), "utf-8")
    assert detect(search) == "enhetsregisteret"
    assert [(r.code, r.orgnr) for r in enhetsregisteret.read(search).records] == [
        ("0301", "958935420")
    ]
    kommuner = tmp_path / "kommuner.json"
    region = {"kode": "1084", "navn": "Region Hovedstaden"}
    kommuner.write_text(
        json.dumps(
            [{"kode": "0101", "navn": "København", "regionskode": "1084", "region": region}]
        ),
        encoding="utf-8",
    )
    assert detect(kommuner) == "dawa"
    out = tmp_path / "data"
    report = import_files("auto", [kommuner, REGISTRIES_DIR / "dk_fkg_kommuner_cvr.csv"], out)
    copenhagen = by_code(out, "dk", "101")
    assert copenhagen["name"] == {"da": "Københavns Kommune"}  # the CVR list's official name
    assert copenhagen["area"]["name"] == {"da": "København"}  # DAWA's place name
    assert copenhagen["area"]["regions"][0] == {
        "name": {"da": "Region Hovedstaden"},
        "kind": "region",
        "code": "1084",
        "source": ["dawa-kommuner"],
    }
    assert report.municipalities == {"DNK": 98}


def test_a_list_of_numbers_is_checked_against_the_municipalities(tmp_path: Path) -> None:
    numbers = (REGISTRIES_DIR / "dk_os2sync_kommune_cvr.csv").read_text("utf-8").splitlines()
    soroe = "29189994"
    assert soroe in numbers
    listed = tmp_path / "cvr.csv"
    listed.write_text(
        "\n".join([n for n in numbers if n != soroe] + ["65120119", "10000009"]) + "\n"
    )
    report = import_files(
        "auto", [REGISTRIES_DIR / "dk_fkg_kommuner_cvr.csv", listed], tmp_path / "d"
    )
    defects = sorted(i.message for i in report.issues if i.kind == "defect")
    assert defects == [
        "Christiansø (411) is not a municipality's name ('... Kommune'): left out",
        "DNK/340 (Sorø Kommune) is not in this list",
        "organisation number 10000009 matches no municipality of the other sources",
    ]


# --- the merged import ------------------------------------------------------------------------


def test_every_municipality_of_the_five_countries(imported: tuple[Path, ImportReport]) -> None:
    out, report = imported
    assert report.municipalities == EXPECTED
    assert sum(EXPECTED.values()) == 1115
    files = sorted(out.glob("*.yaml"))
    assert len(files) == 1115
    assert {p.name[:2] for p in files} == {"dk", "no", "se", "fi", "is"}


def test_known_defects_are_found(imported: tuple[Path, ImportReport]) -> None:
    _, report = imported
    defects = [i for i in report.issues if i.kind == "defect"]
    cut = {m.split("'")[1] for m in (i.message for i in defects) if "is cut short of" in m}
    assert cut == TRUNCATED
    messages = " | ".join(i.message for i in defects)
    assert "Christiansø (411)" in messages
    assert "sequence numbers, not municipality codes" in messages
    assert "letters lost to '?'" in messages
    # Truncated names are not copied: Västerås is written in full.
    assert report.counts()["conflict"] > 0
    conflict = next(i for i in report.issues if i.kind == "conflict" and "haugesund" in i.message)
    assert "kept 'https://www.haugesund.no/'" in conflict.message


def test_norway_after_the_2024_renumbering(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    aalesund = by_code(out, "no", "1508")
    ids = {(i["scheme"], i["notation"]): i for i in aalesund["identifiers"]}
    assert ids[("no-kommunenummer", "1508")]["validDuring"] == {"start": "2024-01-01"}
    assert ids[("no-kommunenummer", "1507")]["validDuring"] == {"end": "2023-12-31"}
    assert ids[("no-organisasjonsnummer", "929911709")]["validDuring"] == {"start": "2024-01-01"}
    assert ids[("no-organisasjonsnummer", "920415288")]["validDuring"] == {"end": "2023-12-31"}
    haram = by_code(out, "no", "1580")
    assert {(i["scheme"], i["notation"]) for i in haram["identifiers"]} == {
        ("no-kommunenummer", "1580"),
        ("no-organisasjonsnummer", "829912252"),
    }
    assert not list(out.glob("no-3001-*.yaml"))  # Halden is 3101 now
    halden = by_code(out, "no", "3101")
    assert ("no-kommunenummer", "3001") in {
        (i["scheme"], i["notation"]) for i in halden["identifiers"]
    }
    assert halden["area"]["regions"][0]["name"] == {"nb": "Østfold"}
    assert halden["area"]["regions"][0]["code"] == "31"  # the fylke of the 2024 number


def test_norwegian_lists_merged(imported: tuple[Path, ImportReport]) -> None:
    """What the 2024 and 2025 lists add, by the rules: the 2025 population and area (dated,
    sourced), home pages only where no more authoritative source gives one, Haram reported."""
    out, report = imported
    oslo = by_code(out, "no", "0301")
    figures = {f["measure"]: f for f in oslo["keyFigures"]}
    assert figures["population"] == {
        "measure": "population",
        "value": 717710,
        "qualifier": "exact",
        "date": "2025",
        "source": ["norway-geodata-kommuner-2025"],
    }
    assert figures["area"]["value"] == 454.12 and figures["area"]["unit"] == "km²"
    assert "norway-geodata-kommuner-2025" in oslo["source"]
    meraaker = by_code(out, "no", "5034")
    assert meraaker["homepage"] == "https://www.meraker.kommune.no/"  # not the swapped one
    assert by_code(out, "no", "4020")["homepage"] == "https://www.midt-telemark.kommune.no/"
    issues = [(i.kind, i.where, i.message) for i in report.issues]
    assert any(
        kind == "defect" and where.endswith("kommunale-nettsider.csv") and "NOR/1580" in message
        for kind, where, message in issues
    )
    population = next(
        m for k, _, m in issues if k == "conflict" and m.startswith("population: 728714")
    )
    assert (
        "(wikidata-municipalities) differs from 717710 (norway-geodata-kommuner-2025" in population
    )
    haugesund = [m for k, _, m in issues if k == "conflict" and "haugesund.kommune.no" in m]
    assert haugesund and all("kept 'https://www.haugesund.no/'" in m for m in haugesund)


def test_sami_and_kven_names_are_language_tagged(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    names = [load(p)["name"] for p in out.glob("no-*.yaml")]
    kaafjord = next(n for n in names if "fkv" in n)
    assert kaafjord == {
        "nb": "Kåfjord kommune",
        "se": "Gaivuona suohkan",
        "fkv": "Kaivuonon komuuni",
    }
    assert sum("se" in n for n in names) >= 10


def test_facts_name_their_source_and_date(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    stord = by_code(out, "no", "4614")
    documents = {d["id"]: d for d in stord["documents"]}
    for identifier in stord["identifiers"]:
        assert set(identifier["source"]) <= set(documents)
    employees = next(f for f in stord["keyFigures"] if f["measure"] == "employees")
    assert (employees["date"], employees["source"]) == (
        "2023-06",
        ["brreg-enhetsregisteret-2023-06"],
    )
    assert stord["source"] == sorted(documents)
    manifest = json.loads((out / ".muniorg-import.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["files"].values() if e["municipality"] == "NOR/4614")
    assert entry["facts"]["homepage"]["source"] == "brreg-enhetsregisteret-2023-06"


def test_finland_and_iceland(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    helsinki = by_code(out, "fi", "091")
    assert helsinki["identifiers"][0] == {
        "scheme": "fi-kuntanumero",
        "notation": "091",
        "source": ["wikidata-municipalities"],
    }
    iceland = [load(p) for p in out.glob("is-*.yaml")]
    assert len(iceland) == 62
    assert all("identifiers" not in d for d in iceland)  # no real sveitarfélagsnúmer in the list


def test_swedish_names_are_not_truncated(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    vasteras = by_code(out, "se", "1980")
    assert vasteras["name"] == {"sv": "Västerås kommun"}
    assert vasteras["area"]["name"] == {"sv": "Västerås"}


def test_imported_files_validate_with_zero_violations(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    result = invoke("validate", str(out), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["counts"]["violation"] == 0
    assert report["conforms"] is True
    assert len(report["inputs"]) == 1115


# --- re-import --------------------------------------------------------------------------------


def test_reimport_changes_nothing(imported: tuple[Path, ImportReport], tmp_path: Path) -> None:
    out, _ = imported
    copy = tmp_path / "data"
    shutil.copytree(out, copy)
    before = digest(copy)
    report = import_files("auto", ALL_FILES, copy)
    assert report.counts()["change"] == 0
    assert report.counts()["kept"] == 0
    assert digest(copy) == before


def test_reimport_keeps_local_edits(tmp_path: Path) -> None:
    source = tmp_path / "municipalities_fi.json"
    rows = json.loads((WIKIDATA / "municipalities_fi.json").read_text(encoding="utf-8"))
    source.write_text(json.dumps(rows[:3], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "data"
    import_files("wikidata", [source], out)
    path = next(out.glob("fi-005-*.yaml"))
    text = path.read_text(encoding="utf-8")
    edited = text.replace("https://alajarvi.fi/", "https://www.alajarvi.fi/")
    edited = edited.replace("type: Municipality\n", "type: Municipality\n# checked by hand\n")
    edited += "description:\n  fi: Kaupunki Etelä-Pohjanmaalla.\n"
    path.write_text(edited, encoding="utf-8")
    rows[0]["population"] = 10500
    rows[0]["domain"] = "alajarvi.example"
    source.write_text(json.dumps(rows[:3], ensure_ascii=False), encoding="utf-8")
    report = import_files("wikidata", [source], out)
    data = load(path)
    assert data["homepage"] == "https://www.alajarvi.fi/"  # the person's edit
    assert data["description"] == {"fi": "Kaupunki Etelä-Pohjanmaalla."}
    assert data["keyFigures"][0]["value"] == 10500  # the registry's fact, updated
    assert "# checked by hand" in path.read_text(encoding="utf-8")
    kept = [i.message for i in report.issues if i.kind == "kept"]
    assert kept == [
        'homepage: edited to "https://www.alajarvi.fi/" in the file; the registry says '
        '"https://alajarvi.example/": kept the file\'s'
    ]
    changes = [i.message for i in report.issues if i.kind == "change"]
    assert changes == ["updated keyFigures[population@wikidata-municipalities]"]
    # Again: nothing left to do.
    before = digest(out)
    again = import_files("wikidata", [source], out)
    assert again.counts()["change"] == 0
    assert digest(out) == before


def test_an_item_edited_past_recognition_is_a_local_edit_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "municipalities_fi.json"
    rows = json.loads((WIKIDATA / "municipalities_fi.json").read_text(encoding="utf-8"))
    source.write_text(json.dumps(rows[:1], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "data"
    import_files("wikidata", [source], out)
    (path,) = out.glob("*.yaml")
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        "    source:\n      - wikidata-municipalities\ndocuments:", "    source: 5\ndocuments:"
    )
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    report = import_files("wikidata", [source], out)
    assert [i.message.split(":")[0] for i in report.issues if i.kind == "kept"] == [
        "keyFigures[population@wikidata-municipalities]"
    ]
    assert path.read_text(encoding="utf-8") == edited


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    files = [WIKIDATA / "municipalities_se.json", REGISTRIES_DIR / "se_municipality_county.csv"]
    once = import_files("auto", files, tmp_path / "once")
    again = WIKIDATA / ".." / "nordic_wikidata_mxmap" / "municipalities_se.json"
    twice = import_files("auto", [*files, again, files[1]], tmp_path / "twice")
    assert twice.counts() == once.counts()
    assert len(twice.read) == 2


def test_a_reimport_after_the_renumbering_updates_the_files_of_the_old_codes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "data"
    brreg = REGISTRIES_DIR / "no_enhetsregisteret_kommuner_2023-06.json"
    import_files("enhetsregisteret", [brreg], out)  # 2023: Halden is 3001
    halden = out / "no-3001-halden.yaml"
    edited = halden.read_text(encoding="utf-8") + "description:\n  nb: Grensebyen.\n"
    halden.write_text(edited, encoding="utf-8")
    sql = REGISTRIES_DIR / "no_kartverket_kommunenr_2020_to_2024.sql"
    import_files("auto", [brreg, sql], out)  # 2024: Halden is 3101
    assert len(list(out.glob("*.yaml"))) == 356  # not 114 more files of the new codes
    data = load(halden)
    assert data["description"] == {"nb": "Grensebyen."}  # the person's, not in a stale file
    codes = {
        (i["notation"], json.dumps(i.get("validDuring"), sort_keys=True))
        for i in data["identifiers"]
        if i["scheme"] == "no-kommunenummer"
    }
    assert codes == {("3001", '{"end": "2023-12-31"}'), ("3101", '{"start": "2024-01-01"}')}


def test_a_deleted_file_stays_deleted_and_a_broken_one_stops_the_import(tmp_path: Path) -> None:
    source = tmp_path / "municipalities_is.json"
    rows = json.loads((WIKIDATA / "municipalities_is.json").read_text(encoding="utf-8"))
    source.write_text(json.dumps(rows[:2], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "data"
    import_files("wikidata", [source], out)
    first, second = sorted(out.glob("*.yaml"))
    first.unlink()
    report = import_files("wikidata", [source], out)
    assert not first.exists()
    assert [i.message.split(":")[0] for i in report.issues if i.kind == "kept"] == [
        "was deleted since the last import"
    ]
    second.write_text("name: [unclosed\n", encoding="utf-8")
    before = digest(out)
    result = invoke("import", "wikidata", str(source), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{second}:")
    assert digest(out) == before


class _Stopped(BaseException):
    """The import killed part-way (a signal, a full disk): no handler of the import catches it."""


def _stop_after(patch: pytest.MonkeyPatch, writes: int) -> None:
    """Stop the import after ``writes`` files of the folder were written."""
    done = [0]

    def write(path: Path, text: str) -> None:
        if path.name != import_folder.IMPORT_MANIFEST:
            if done[0] == writes:
                raise _Stopped
            done[0] += 1
        write_atomic(path, text)

    write_atomic = import_folder.write_atomic
    patch.setattr(import_folder, "write_atomic", write)


def test_an_import_stopped_part_way_is_finished_by_the_next(tmp_path: Path) -> None:
    source = tmp_path / "municipalities_fi.json"
    rows = json.loads((WIKIDATA / "municipalities_fi.json").read_text(encoding="utf-8"))[:4]
    source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "data"
    with pytest.MonkeyPatch.context() as patch, pytest.raises(_Stopped):
        _stop_after(patch, 2)  # the first import: 2 of 4 files written
        import_files("wikidata", [source], out)
    assert len(list(out.glob("*.yaml"))) == 2
    report = import_files("wikidata", [source], out)
    # The two written files are the import's, not a person's left alone.
    assert [i for i in report.issues if i.kind == "kept"] == []
    assert len([i for i in report.issues if i.kind == "change"]) == 2
    # A re-import stopped after 1 of 4 updates: the next one updates all four, none is taken
    # for a person's edit.
    for row, population in zip(rows, (101, 102, 103, 104), strict=True):
        row["population"] = population
    source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch, pytest.raises(_Stopped):
        _stop_after(patch, 1)
        import_files("wikidata", [source], out)
    for row, population in zip(rows, (201, 202, 203, 204), strict=True):
        row["population"] = population
    source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    report = import_files("wikidata", [source], out)
    assert [i for i in report.issues if i.kind == "kept"] == []
    populations = sorted(load(p)["keyFigures"][0]["value"] for p in out.glob("*.yaml"))
    assert populations == [201, 202, 203, 204]
    manifest = json.loads((out / ".muniorg-import.json").read_text(encoding="utf-8"))
    assert "pending" not in manifest


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ({"format": 1, "files": []}, "$.files: expected an object"),
        ({"format": 1, "files": {"a.yaml": 5}}, '$.files["a.yaml"]: expected an object'),
        ({"format": 1, "files": {"a.yaml": {"facts": {}}}}, '"a.yaml"].municipality: expected'),
        (
            {"format": 1, "files": {"a.yaml": {"municipality": "ISL/?x", "facts": {"c": 1}}}},
            '$.files["a.yaml"].facts["c"]: expected an object with a value',
        ),
        (
            {"format": 1, "files": {"../a.yaml": {"municipality": "ISL/?x"}}},
            '$.files["../a.yaml"]: not a file name of the folder',
        ),
    ],
    ids=["files-list", "entry-number", "no-municipality", "fact-number", "outside"],
)
def test_a_manifest_edited_wrongly_by_hand_is_an_error_not_a_crash(
    tmp_path: Path, manifest: dict[str, Any], message: str
) -> None:
    out = tmp_path / "data"
    out.mkdir()
    (out / ".muniorg-import.json").write_text(json.dumps(manifest), encoding="utf-8")
    source = str(WIKIDATA / "municipalities_is.json")
    result = CliRunner().invoke(cli, ["import", "wikidata", source, "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "internal error" not in result.stderr
    assert list(out.glob("*.yaml")) == []


def test_a_persons_file_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "data"
    out.mkdir()
    mine = out / "dk-340-soroe-kommune.yaml"  # the name the import gives Sorø from CVR alone
    mine.write_text("type: Municipality\nid: soroe\n", encoding="utf-8")
    report = import_files("cvr", [REGISTRIES_DIR / "dk_fkg_kommuner_cvr.csv"], out)
    assert mine.read_text(encoding="utf-8") == "type: Municipality\nid: soroe\n"
    assert any(i.kind == "kept" and i.where == str(mine) for i in report.issues)


# --- the command --------------------------------------------------------------------------------


def test_command_writes_text_and_json_reports(tmp_path: Path) -> None:
    out, text, data = tmp_path / "data", tmp_path / "r.txt", tmp_path / "r.json"
    files = [
        str(WIKIDATA / "municipalities_se.json"),
        str(REGISTRIES_DIR / "se_municipality_county.csv"),
    ]
    result = invoke(
        "import", "auto", *files, "-o", str(out), "--report", str(text), "--json-report", str(data)
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Imported 290 municipalities (SWE 290)")
    report = json.loads(data.read_text(encoding="utf-8"))
    assert report["municipalities"] == {"SWE": 290}
    assert report["counts"]["defect"] == 20
    assert "defects (20):" in text.read_text(encoding="utf-8")
    again = invoke("import", "auto", *files, "-o", str(out), "--json-report", str(data))
    assert json.loads(data.read_text(encoding="utf-8"))["counts"]["change"] == 0
    assert again.exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "source", "message"),
    [
        ("a.json", "[{\n  'x': 1}]", "wikidata", "a.json:2:3: error: not JSON"),
        ("a.json", '[{"id": "SE-0114", "na', "auto", "a.json:1:20: error: not JSON: Unterminated"),
        (
            "a.json",
            "[" * 100_000 + "]" * 100_000,
            "auto",
            "a.json: not JSON muniorg reads: arrays or objects nested too deep",
        ),
        ("a.csv", "x,y\n1,2\n", "scb", "a.csv:1:1: error: not the expected CSV: column(s)"),
        ("a.txt", "hello", "auto", "cannot tell which registry's format this is"),
    ],
    ids=["json", "json-auto", "json-deep", "csv-columns", "unknown-format"],
)
def test_bad_input_exits_2(
    tmp_path: Path, name: str, content: str, source: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = invoke("import", source, str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("as_of", ["2024-13", "2024-00", "2024-02-30", "2024-1", "24-01-01"])
def test_as_of_must_be_a_real_month_or_day(tmp_path: Path, as_of: str) -> None:
    source = str(REGISTRIES_DIR / "se_municipality_county.csv")
    result = invoke("import", "scb", source, "-o", str(tmp_path / "out"), "--as-of", as_of)
    assert result.exit_code == 2
    assert "Invalid value for '--as-of': expected YYYY, YYYY-MM or YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_name_date_that_is_no_real_day_does_not_date_the_extract(tmp_path: Path) -> None:
    rows = json.loads((WIKIDATA / "municipalities_fi.json").read_text(encoding="utf-8"))[:1]
    source = tmp_path / "municipalities_fi_2024-02-30.json"
    source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "data"
    import_files("wikidata", [source], out)
    (path,) = out.glob("*.yaml")
    assert "2024-02-30" not in path.read_text(encoding="utf-8")
    result = invoke("validate", str(out))
    assert result.exit_code == 0, result.output


def test_csv_as_a_nordic_spreadsheet_saves_it(tmp_path: Path) -> None:
    # ';' separators, a byte-order mark, CRLF, column names in other case with spaces, empty
    # columns at the end of each line.
    rows = [
        " Municipality_Code ;MUNICIPALITY_NAME;Municipality_Name_Short;County_Code;County_Name;;",
        "0114;Upplands Väsby kommun;Upplands Väsby;01;Stockholms län;;",
    ]
    (tmp_path / "se.csv").write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode())
    (tmp_path / "dk.csv").write_text(
        "CVR_KODE;CVR_NAVN;KOMMUNEKODE;AKTIV\r\n29189994;Sorø Kommune;340;0\r\n", encoding="utf-8"
    )
    result = _invoke_in(tmp_path, "import", "auto", "se.csv", "dk.csv", "-o", "out")
    assert result.exit_code == 0, result.output
    data = load(tmp_path / "out" / "se-0114-upplands-vaesby.yaml")
    assert data["name"] == {"sv": "Upplands Väsby kommun"}
    assert "dk.csv:2: Sorø Kommune is marked inactive (aktiv=0): left out" in result.stdout


def test_klass_saved_again_as_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    original = REGISTRIES_DIR / "no_ssb_klass_1236_orgnr_kommunenr.csv"
    text = original.read_bytes().decode(klass.ENCODING)
    saved = tmp_path / "klass.csv"
    saved.write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode())
    assert detect(saved) == "klass"
    again = klass.read(saved)
    assert len(again.records) == 356
    assert [i.message for i in again.issues] == [i.message for i in klass.read(original).issues]


def test_json_saved_as_utf16_by_powershell(tmp_path: Path) -> None:
    text = (WIKIDATA / "municipalities_se.json").read_text(encoding="utf-8")
    saved = tmp_path / "municipalities_se.json"
    saved.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))  # with its byte-order mark
    assert detect(saved) == "wikidata"
    extract = wikidata.read(saved)
    assert len(extract.records) == 290
    assert extract.records[2].place == "Österåker"


def test_an_extract_from_a_pipe(tmp_path: Path) -> None:
    # curl ... | muniorg import wikidata /dev/stdin: the readers read a file more than once (the
    # lines of rows, then the rows), a pipe gives its bytes once.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = threading.Event()

    def write() -> None:
        fifo.write_bytes((WIKIDATA / "municipalities_se.json").read_bytes())
        while not done.is_set():  # a reader opening it again gets end of file at once
            with fifo.open("wb"):
                pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        report = import_files("wikidata", [fifo], tmp_path / "data")
    finally:
        done.set()
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets a waiting writer go
        writer.join(timeout=10)
    assert report.municipalities == {"SWE": 290}


def test_csv_in_windows_1252_says_how_to_save_it(tmp_path: Path) -> None:
    row = "0114;Upplands Väsby kommun;Upplands Väsby;01;Stockholms län\r\n"
    (tmp_path / "se.csv").write_bytes((SCB_HEADER.replace(",", ";") + row).encode("cp1252"))
    result = _invoke_in(tmp_path, "import", "auto", "se.csv", "-o", "out")
    assert result.exit_code == 2
    assert result.stderr == (
        "se.csv:2:16: error: not utf-8 text: byte 0xe4 ('ä' in Windows-1252, as spreadsheets "
        "save 'CSV': save the file as 'CSV UTF-8' instead)\n"
    )


def test_cvr_aktiv_as_spreadsheets_write_it(tmp_path: Path) -> None:
    path = tmp_path / "dk.csv"
    path.write_text(
        FKG_HEADER + "29189994,Sorø Kommune,340,TRUE\n66137112,Albertslund Kommune,165,FALSE\n"
        "60183112,Allerød Kommune,201,\n29189692,Assens Kommune,420,x\n",
        encoding="utf-8",
    )
    extract = cvr.read(path)
    assert [r.code for r in extract.records] == ["340", "201"]
    assert [i.message for i in extract.issues] == [
        "Albertslund Kommune is marked inactive (aktiv=FALSE): left out",
        "Assens Kommune: aktiv='x' is neither 1 nor 0: left out",
    ]


def test_a_municipality_list_lacking_a_column_is_not_read_as_the_county_list(
    tmp_path: Path,
) -> None:
    (tmp_path / "se.csv").write_text(
        "municipality_code,name,county_code,county_name\n0114,Upplands Väsby,01,Stockholms län\n",
        encoding="utf-8",
    )
    result = _invoke_in(tmp_path, "import", "scb", "se.csv", "-o", "out")
    assert result.exit_code == 2
    assert "se.csv:1:1: error: not the expected CSV: column(s) municipality_name missing" in (
        result.stderr
    )


SCB_HEADER = "municipality_code,municipality_name,municipality_name_short,county_code,county_name\n"
FKG_HEADER = "cvr_kode,cvr_navn,kommunekode,aktiv\n"
NETTSIDER_HEADER = "Nr,Kommunenavn,Adm. senter,Fylke,Målform,Domene\n"
KLASS_HEADER = '"sourceCode";"sourceName";"targetCode";"targetName"\n'
OSLO_UNIT = {
    "organisasjonsnummer": "958935420",
    "navn": "OSLO KOMMUNE",
    "organisasjonsform": {"kode": "KOMM"},
    "forretningsadresse": {"kommunenummer": "0301"},
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize(
    ("name", "source", "content", "message"),
    [
        # Empty required CSV fields: file:line, the column and the row.
        ("se.csv", "scb", SCB_HEADER + "0114,,,,\n",
         "se.csv:2: error: column 'municipality_name' is empty (the row needs it): row '0114,,,,'"),
        ("se.csv", "scb", "county_code,county_name\n01,\n",
         "se.csv:2: error: column 'county_name' is empty"),
        ("dk.csv", "cvr", FKG_HEADER + "29189994,Sorø Kommune,,1\n",
         "dk.csv:2: error: column 'kommunekode' is empty"),
        ("dk.csv", "cvr", "cvr,navn\n,Sorø\n", "dk.csv:2: error: column 'cvr' is empty"),
        ("no.csv", "nettsider", NETTSIDER_HEADER + ",Oslo,Oslo,Oslo,Nøytral,oslo.kommune.no\n",
         "no.csv:2: error: column 'Nr' is empty"),
        ("k.csv", "klass", KLASS_HEADER + '"958935420";"OSLO";"";"Oslo"\n',
         "k.csv:2: error: column 'targetCode' is empty"),
        # A Kartverket file cut short: its last statement is not lost silently.
        ("k.sql", "kartverket",
         "UPDATE x set MunicipalityCode='3101'  WHERE MunicipalityCode='3001'\n"
         "UPDATE x set MunicipalityCode='1508', number='929911709'  WHERE Munici",
         "k.sql:2: error: not a statement this reader takes (UPDATE ... set ... WHERE "
         "MunicipalityCode='NNNN'; cut short?): \"UPDATE x set MunicipalityCode='1508'"),
        # JSON values of the wrong type, missing or null: file:line, JSON path and the value.
        ("k.json", "klass", _json({"correspondenceMaps": [{"sourceCode": 958935420}]}),
         "k.json: error: $.correspondenceMaps[0].sourceCode: expected text, got 958935420"),
        ("municipalities_dk.json", "wikidata",
         _json([{"id": "DK-101", "name": ["X"], "country": "DK", "domain": 5}]),
         "municipalities_dk.json:1: error: $[0].name: expected text, got [\"X\"]"),
        ("municipalities_dk.json", "wikidata",
         _json([{"id": "DK-101", "name": "X", "country": "DK", "domain": 5}]),
         "municipalities_dk.json:1: error: $[0].domain: expected text, got 5"),
        # A key twice: the line and column of the object, the key.
        ("municipalities_dk.json", "wikidata",
         '[{"id": "DK-101", "name": "X"},\n {"id": "DK-147", "name": "Y", "name": "Z"}]',
         'municipalities_dk.json:2:2: error: not JSON muniorg reads: the key "name" twice in one '
         "object"),
        ("municipalities_dk.json", "wikidata", _json([{"id": "DK-101", "name": None}]),
         "municipalities_dk.json:1: error: $[0].name: missing or empty (the row needs it)"),
        ("municipalities_dk.json", "wikidata", _json([{"name": "X", "country": "DK"}]),
         "municipalities_dk.json: error: $[0].id: missing or empty"),
        ("municipalities_dk.json", "wikidata",
         '[{"id": "DK-101", "name": "X", "population": 1e999}]',
         "municipalities_dk.json:1: error: $[0].population: expected a whole number, got Infinity"),
        ("municipalities_dk.json", "wikidata",
         _json([{"id": "DK-101", "name": "X", "population": "many"}]),
         "$[0].population: expected a whole number, got \"many\""),
        ("kommuner.json", "dawa", _json({"kode": None, "navn": "Kbh"}),
         "kommuner.json: error: $.kode: missing or empty (the row needs it)"),
        ("kommuner.json", "dawa", _json([{"kode": "0101", "navn": 5}]),
         "kommuner.json:1: error: $[0].navn: expected text, got 5"),
        ("kommuner.json", "dawa",
         _json({"kode": "0101", "navn": "Kbh", "ændret": "2018-02-30T00:00:00Z"}),
         "kommuner.json:1: error: $.ændret: '2018-02-30T00:00:00Z' is not a date"),
        ("kommuner.json", "dawa", _json([{"kode": "0101", "navn": "Kbh", "region": "x"}]),
         "kommuner.json:1: error: $[0].region: expected an object, got \"x\""),
        ("kommuner.json", "dawa",
         _json([{"kode": "0101", "navn": "Kbh", "region": {"kode": 1084}}]),
         "kommuner.json:1: error: $[0].region.kode: expected text, got 1084"),
        ("g.json", "geodata", _json([{"id": "0301", "name_no": "Oslo", "area": "big"}]),
         "g.json:1: error: $[0].area: expected a number, got \"big\""),
        ("g.json", "geodata", _json([{"id": "0301", "name_no": "Oslo", "population": 7.5}]),
         "g.json:1: error: $[0].population: expected a whole number, got 7.5"),
        ("e.json", "enhetsregisteret", _json({**OSLO_UNIT, "antallAnsatte": "many"}),
         "e.json:1: error: $.antallAnsatte: expected a whole number, got \"many\""),
        ("e.json", "enhetsregisteret",
         _json({**OSLO_UNIT, "forretningsadresse": {"kommunenummer": 301}}),
         "e.json:1: error: $.forretningsadresse.kommunenummer: expected text, got 301"),
        ("e.json", "enhetsregisteret",
         _json({"_embedded": {"enheter": [{**OSLO_UNIT, "navn": None}]}}),
         "e.json:1: error: $._embedded.enheter[0].navn: missing or empty"),
        ("e.json", "enhetsregisteret", _json({**OSLO_UNIT, "organisasjonsform": "KOMM"}),
         "e.json: error: $.organisasjonsform: expected an object, got \"KOMM\""),
    ],
)  # fmt: skip
def test_malformed_rows_exit_2_naming_the_place_the_field_and_the_value(
    tmp_path: Path, name: str, source: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8" if source != "klass" else "iso-8859-1")
    result = _invoke_in(tmp_path, "import", source, name, "-o", "out")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()  # nothing written


def _invoke_in(folder: Path, *args: str) -> Result:
    """``invoke`` in ``folder``, so that messages name files as given (``a.csv:2``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        return invoke(*args)


def test_a_name_with_a_control_character_is_left_out_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "se.csv"
    path.write_text(
        SCB_HEADER + "0114,Upplands\x00Väsby kommun,Upplands Väsby,01,Stockholms län\n"
        "0115,Vallentuna\x00kommun,,01,Stockholms län\n",
        encoding="utf-8",
    )
    report = import_files("scb", [path], tmp_path / "data")
    defects = sorted(i.message for i in report.issues if i.kind == "defect")
    assert defects == [
        "SWE/0115: no source gives a usable name: left out",
        "name@sv: the character U+0000 (NUL) at position 11 is not allowed in text: left out",
        "name@sv: the character U+0000 (NUL) at position 9 is not allowed in text: left out",
    ]
    # Upplands Väsby keeps its place name; Vallentuna, left without any name, is not written
    # (its file would not validate).
    files = sorted(p.name for p in (tmp_path / "data").glob("*.yaml"))
    assert files == ["se-0114-upplands-vaesby.yaml"]
    assert load(tmp_path / "data" / files[0])["name"] == {"sv": "Upplands Väsby"}
    result = invoke("validate", str(tmp_path / "data"))
    assert result.exit_code == 0, result.output


# --- one file per municipality: validate and build --------------------------------------------


@pytest.mark.parametrize("command", ["validate", "build"])
def test_two_files_for_one_municipality_code_are_an_error(
    imported: tuple[Path, ImportReport], tmp_path: Path, command: str
) -> None:
    out, _ = imported
    data = tmp_path / "data"
    data.mkdir()
    original = next(out.glob("no-4614-*.yaml"))
    shutil.copy(original, data / original.name)
    copy = data / "stord-by-hand.yaml"
    copy.write_text(
        original.read_text(encoding="utf-8").replace("id: no-4614-stord", "id: stord-by-hand"),
        encoding="utf-8",
    )
    args = ["-o", str(tmp_path / "site")] if command == "build" else []
    result = invoke(command, str(data), *args)
    assert result.exit_code == 2
    # A build shows each file as its worker reads it ([1/2] ...), then what is wrong.
    errors = [line for line in result.stderr.splitlines() if not line.startswith("[")]
    assert errors == [
        f"{copy}:1:1: error: {copy} and {data / original.name} both describe the municipality "
        "code NOR 4614 (IRI https://w3id.org/muniorg/id/no/4614): keep one file per "
        "municipality (merge them, or correct the code)"
    ]
    assert not (tmp_path / "site").exists()


def test_registry_gaps_are_defects_and_whole_floats_are_whole_numbers(tmp_path: Path) -> None:
    """What real registry answers hold is no malformed file: a KOMM unit without a business
    address's kommunenummer is left out as a defect (it stopped the import), a population
    written 717710.0 is the number 717710 (it stopped the import)."""
    data = json.loads((REGISTRIES_DIR / "no_enhetsregisteret_kommuner_2023-06.json").read_text())
    units = data["_embedded"]["enheter"] if isinstance(data, dict) else data
    komm = [u for u in units if u.get("organisasjonsform", {}).get("kode") == "KOMM"]
    del komm[0]["forretningsadresse"]
    (tmp_path / "e.json").write_text(json.dumps(data), encoding="utf-8")
    whole = enhetsregisteret.read(REGISTRIES_DIR / "no_enhetsregisteret_kommuner_2023-06.json")
    gap = enhetsregisteret.read(tmp_path / "e.json")
    assert len(gap.records) == len(whole.records) - 1
    assert any("has no forretningsadresse.kommunenummer: left out" in i.message for i in gap.issues)
    rows = json.loads((REGISTRIES_DIR / "no_kommuner_2025_norway-geodata.json").read_text())
    rows[0]["population"] = float(rows[0]["population"])
    (tmp_path / "g.json").write_text(json.dumps(rows), encoding="utf-8")
    read = geodata.read(tmp_path / "g.json")
    assert len(read.records) == 357 and read.records[0].population == 717710
    assert type(read.records[0].population) is int
