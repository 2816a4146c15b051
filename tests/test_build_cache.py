"""The build cache: a rebuild takes unchanged files' results from it, builds what changed and
what depends on it, and writes the same bytes as a build without it."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import edit_once, folder_bytes

from muniorg.core.errors import OutputError
from muniorg.publish.build import build

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(EXAMPLES, folder)
    return folder


def cached_files(cache: Path, suffix: str) -> list[tuple[Path, int, int]]:
    """Where the cached units' files whose names end in ``suffix`` lie: their pack, offset
    and size, as the units' records say."""
    import json

    found = []
    for record in sorted(cache.glob("*.json")):
        data = json.loads(record.read_text(encoding="utf-8"))
        for file in data["files"] + data["helpers"]:
            if file["name"].endswith(suffix):
                found.append((record.with_suffix(".pack"), file["offset"], file["size"]))
    assert found, f"no cached file ends in {suffix}"
    return found


def cached_headers(cache: Path) -> list[tuple[Path, int, int]]:
    """Where the cached units' headers lie: their pack, offset and size."""
    import json

    records = sorted(cache.glob("*.json"))
    assert records
    return [(r.with_suffix(".pack"), *json.loads(r.read_bytes())["header"][:2]) for r in records]


def overwrite(pack: Path, offset: int, data: bytes) -> None:
    """Write ``data`` over the bytes of ``pack`` from ``offset`` on, in place (its inode kept)."""
    with pack.open("r+b") as stream:
        stream.seek(offset)
        stream.write(data)


def _fresh(sources: Path, tmp_path: Path, name: str) -> dict[str, bytes]:
    out = tmp_path / name
    result = build([sources], out, jobs=1)
    assert result.published and result.cached == 0
    return folder_bytes(out)


def test_a_rebuild_takes_unchanged_files_from_the_cache(sources: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    first = build([sources], out, cache_dir=cache, jobs=2)
    assert first.cached == 0 and first.documents == 5
    again = build([sources], out, cache_dir=cache, jobs=2)
    assert again.cached == 5
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh-1")

    edit_once(sources / "municipalities" / "soroe.yaml", "Sorø Kommune", "Sorø Kommune (ny)")
    changed = build([sources], out, cache_dir=cache, jobs=2)
    assert changed.cached == 4  # only Sorø was built again
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh-2")


def test_a_change_reaches_the_documents_that_depend_on_it(sources: Path, tmp_path: Path) -> None:
    """The programme's name shows on its participants' pages: they are built again."""
    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    programme = next((sources / "programmes").glob("*.yaml"))
    edit_once(programme, "nn: Saman om ein betre kommune", "nn: Saman om ein endå betre kommune")
    result = build([sources], out, cache_dir=cache)
    assert result.cached < 4
    fresh = _fresh(sources, tmp_path, "fresh")
    assert folder_bytes(out) == fresh
    assert "endå betre" in fresh["stord.nn.html"].decode("utf-8")


def test_a_damaged_cache_is_built_again(sources: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    for pack, offset, size in cached_files(cache, ".jsonld"):
        overwrite(pack, offset, b"{}" + b" " * (size - 2))  # other bytes: not taken
    for record in sorted(cache.glob("*.json"))[:2]:
        record.write_text("not json", encoding="utf-8")
    result = build([sources], out, cache_dir=cache)
    assert result.cached == 0
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")


def test_a_cache_inside_the_output_folder_is_refused(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    with pytest.raises(OutputError, match="inside the output folder"):
        build([sources], out, cache_dir=out / "cache")
    assert not (out / "cache").exists()


def test_the_cli_uses_the_cache_and_says_so(sources: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from muniorg.cli.app import cli

    runner = CliRunner()
    cache = tmp_path / "cache"
    args = ["build", str(sources), "-o", str(tmp_path / "dist"), "--cache-dir", str(cache)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    second = runner.invoke(cli, args)
    assert second.exit_code == 0
    assert "5 from the cache" in second.stderr
    third = runner.invoke(cli, [*args, "--no-cache"])
    assert third.exit_code == 0 and "from the cache" not in third.stderr


def test_a_cached_file_changed_in_place_is_not_published(sources: Path, tmp_path: Path) -> None:
    """The same size, other bytes: the unit is built again (its SHA-256 is checked)."""
    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    for pack, offset, size in cached_files(cache, ".ttl"):
        data = pack.read_bytes()
        overwrite(pack, offset + size - 3, b"X" if data[offset + size - 3] != ord("X") else b"Y")
    result = build([sources], out, cache_dir=cache)
    assert result.cached == 0
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")


def _built_by_cli(sources: Path, out: Path, cache: Path | None) -> tuple[int, dict[str, bytes]]:
    """``muniorg build`` of ``sources`` into ``out`` (with ``cache``, else ``--no-cache``): its
    exit code and the bytes it published."""
    from click.testing import CliRunner

    from muniorg.cli.app import cli

    options = ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    result = CliRunner().invoke(cli, ["build", str(sources), "-o", str(out), *options])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, folder_bytes(out) if out.exists() else {}


def edit_records(cache: Path, edit: Any) -> int:
    """Apply ``edit`` to each cached unit's record (parsed), write those it changed back (as
    by hand, with ``json``) and give how many."""
    import json

    edited = 0
    for record in sorted(cache.glob("*.json")):
        data = json.loads(record.read_text(encoding="utf-8"))
        before = json.dumps(data, sort_keys=True)
        edit(data)
        if json.dumps(data, sort_keys=True) != before:
            record.write_text(json.dumps(data, indent=1), encoding="utf-8")
            edited += 1
    return edited


def _hide_violations(data: dict[str, Any]) -> None:
    report = data["report"]
    if report["counts"]["violation"]:
        report["results"] = [r for r in report["results"] if r["severity"] != "violation"]
        report["counts"]["violation"] = 0
        report["conforms"] = True


def test_a_record_edited_to_hide_a_violation_is_built_again(sources: Path, tmp_path: Path) -> None:
    """A record changed by hand is never trusted: the rule violation it hid is found again, and
    the build fails as without the cache (nothing published)."""
    edit_once(sources / "municipalities" / "stord.yaml", "939866914", "939866915")  # check digit
    cache = tmp_path / "cache"
    assert _built_by_cli(sources, tmp_path / "dist", cache) == (1, {})
    assert edit_records(cache, _hide_violations) >= 1
    assert _built_by_cli(sources, tmp_path / "dist", cache) == (1, {})
    assert _built_by_cli(sources, tmp_path / "fresh", None) == (1, {})


def _set(key: str, value: Any) -> Any:
    def edit(data: dict[str, Any]) -> None:
        data[key] = value

    return edit


def _escape_names(data: dict[str, Any]) -> None:
    for file in data["files"]:
        file["name"] = f"../{file['name']}"


def _report_fails(data: dict[str, Any]) -> None:
    violation = {"severity": "violation", "message": "added by hand", "focusNode": data["ids"][1]}
    data["report"]["results"].append(violation)
    data["report"]["counts"]["violation"] += 1
    data["report"]["conforms"] = False


@pytest.mark.parametrize(
    "edit",
    [_set("ids", [1, 2]), _escape_names, _report_fails, _set("triples", "many"), _set("files", 7)],
    ids=["ids", "names", "report", "triples", "files"],
)
def test_a_record_edited_or_damaged_is_built_again(
    sources: Path, tmp_path: Path, edit: Any
) -> None:
    """Whatever a record's values were changed to, the units are built again: the exit code and
    bytes of a build without the cache, never a traceback."""
    cache = tmp_path / "cache"
    assert _built_by_cli(sources, tmp_path / "dist", cache)[0] == 0
    assert edit_records(cache, edit) >= 5
    fresh = _built_by_cli(sources, tmp_path / "fresh", None)
    assert fresh[0] == 0
    assert _built_by_cli(sources, tmp_path / "dist", cache) == fresh


@pytest.mark.parametrize("edit", [_set("ids", [1, 2]), _escape_names, _set("triples", "many")])
def test_a_record_of_other_types_is_built_again_whatever_its_digest(
    sources: Path, tmp_path: Path, edit: Any
) -> None:
    """The values a build uses are checked for their types and shapes, also in a record whose
    digest holds (as one of another version of the format might)."""
    from muniorg.publish import units

    def edit_and_sign(data: dict[str, Any]) -> None:
        edit(data)
        data[units._DIGEST] = units._record_digest(data)

    cache = tmp_path / "cache"
    assert _built_by_cli(sources, tmp_path / "dist", cache)[0] == 0
    assert edit_records(cache, edit_and_sign) >= 5
    assert _built_by_cli(sources, tmp_path / "dist", cache) == _built_by_cli(
        sources, tmp_path / "fresh", None
    )


def test_the_cache_key_covers_the_shapes_and_the_context() -> None:
    """A change to the shapes, the context or the lists makes every cached unit stale: they are
    among the files the key hashes (in a checkout, muniorg/ontology is a symbolic link)."""
    from muniorg.core.resources import CONTEXT_FILE, SHAPES_FILE, VOCABULARIES_FILE
    from muniorg.publish.units import code_files

    hashed = {path.name for path in code_files()}
    assert {SHAPES_FILE.name, CONTEXT_FILE.name, VOCABULARIES_FILE.name, "page.html.j2"} <= hashed
    assert "units.py" in hashed


def test_the_cache_key_covers_the_versions_of_the_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The libraries' versions are those importlib.metadata gives, read from the names of
    their .dist-info folders: another version first on the path is another key."""
    import sys
    from importlib import metadata

    from muniorg.publish import units

    versions = units.library_versions(units.LIBRARIES)
    for library, version in versions.items():
        try:
            assert version == metadata.version(library), library
        except metadata.PackageNotFoundError:
            assert version == "-", library
    before = units.code_digest()
    (tmp_path / "rdflib-99.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert units.library_versions(["rdflib"]) == {"rdflib": "99.0"}
    units.code_digest.cache_clear()
    try:
        assert units.code_digest() != before
    finally:
        units.code_digest.cache_clear()


def test_a_frame_name_is_a_reserved_id(sources: Path, tmp_path: Path) -> None:
    """A document may not take the name of a file the build writes itself (a frame)."""
    from muniorg.core.errors import AuthoringError

    (sources / "frame.yaml").write_text(
        "type: Municipality\nid: frame-municipality\nname: {da: F}\ncountry: DNK\n",
        encoding="utf-8",
    )
    with pytest.raises(AuthoringError, match="the id 'frame-municipality' is reserved"):
        build([sources], tmp_path / "dist", cache_dir=tmp_path / "cache")


def test_a_cache_that_cannot_be_tidied_or_read_never_breaks_a_build(
    sources: Path, tmp_path: Path
) -> None:
    """Stray files in the cache folder, a result.json that is not an object, a damaged
    flat.jsonl: the build goes on, with the output of a build without the cache."""
    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    (cache / "zz").write_text("not a shard", encoding="utf-8")
    for record in cache.glob("*.json"):
        record.write_text("[]", encoding="utf-8")
    result = build([sources], out, cache_dir=cache)
    assert result.published and result.cached == 0
    for pack, offset, size in cached_files(cache, "flat.jsonl"):  # the data set's objects
        overwrite(pack, offset + size - 40, b"x" * 40)  # damaged
    result = build([sources], out, cache_dir=cache)
    assert result.published and result.cached == 0
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")


def test_a_cache_that_cannot_be_written_is_a_clear_error(sources: Path, tmp_path: Path) -> None:
    from muniorg.core.errors import OutputError

    cache = tmp_path / "cache"
    cache.write_text("", encoding="utf-8")  # a file where the folder goes: nothing can be written
    with pytest.raises(OutputError, match="cannot write the build cache"):
        build([sources], tmp_path / "dist", cache_dir=cache)
    assert not (tmp_path / "dist").exists()


def test_a_cached_file_changed_with_its_size_and_times_restored_is_not_published(
    sources: Path, tmp_path: Path
) -> None:
    """Cached files are trusted unread only while their stat record (inode, size, modification
    and change times) is the one written with them: setting the modification time back after
    changing the bytes still changes the change time, so the file is read and refused."""
    import os

    cache = tmp_path / "cache"
    out = tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    for pack, offset, size in cached_files(cache, ".ttl"):
        before = pack.stat()
        data = pack.read_bytes()
        # in place: the same inode
        overwrite(pack, offset + size - 3, b"X" if data[offset + size - 3] != ord("X") else b"Y")
        os.utime(pack, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert pack.stat().st_size == before.st_size
        assert pack.stat().st_mtime_ns == before.st_mtime_ns
    result = build([sources], out, cache_dir=cache)
    assert result.cached == 0
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")


def test_a_cache_copied_elsewhere_is_checked_by_its_checksums_and_used(
    sources: Path, tmp_path: Path
) -> None:
    """A copy has other inodes and times: its files are read and their SHA-256 checked, and
    the units are taken."""
    cache = tmp_path / "cache"
    build([sources], tmp_path / "dist", cache_dir=cache)
    shutil.copytree(cache, tmp_path / "copy")
    result = build([sources], tmp_path / "dist", cache_dir=tmp_path / "copy")
    assert result.cached == 5
    assert folder_bytes(tmp_path / "dist") == _fresh(sources, tmp_path, "fresh")


def test_the_facts_are_worked_out_again_only_when_a_header_changed(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document's facts follow from every document's header: when all headers are the
    previous build's, the facts each document wants are too: they are not worked out again,
    no cached header is read, and the two documents that take facts from each other (the
    programme and its member Stord, first built from their own files) are taken from the
    cache as built with those facts. A change to what others see of a document (a
    programme's name) works them out, and the participants are built again."""
    from muniorg.publish import build as build_module
    from muniorg.publish.units import Header

    calls: list[str] = []
    read: list[str] = []
    facts_for, from_json = build_module.facts_for, Header.from_json

    def spy(header, facts):  # type: ignore[no-untyped-def]
        calls.append(header.local_id)
        return facts_for(header, facts)

    def reading(data):  # type: ignore[no-untyped-def]
        read.append(data["local_id"])
        return from_json(data)

    monkeypatch.setattr(build_module, "facts_for", spy)
    monkeypatch.setattr(Header, "from_json", staticmethod(reading))
    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    calls.clear()
    soroe = sources / "municipalities" / "soroe.yaml"
    soroe.write_text(soroe.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert build([sources], out, cache_dir=cache).cached == 4
    assert calls == [] and read == []
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh-comment")
    calls.clear()
    programme = next((sources / "programmes").glob("*.yaml"))
    edit_once(programme, "nn: Saman om ein betre kommune", "nn: Saman om ein endå betre kommune")
    result = build([sources], out, cache_dir=cache)
    assert len(calls) == 5 and result.cached < 4 and len(read) >= 3
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")


def test_a_header_s_json_is_asdict_s_without_the_copies(tmp_path: Path) -> None:
    """Header.to_json shares the header's values instead of deep-copying them (as asdict did):
    the same data, so the same digests and cached records."""
    from dataclasses import asdict

    from muniorg.publish.units import Header, Settings, UnitCache, UnitJob, build_unit

    paths = sorted(EXAMPLES.rglob("*.yaml"))
    headers = [
        build_unit(UnitJob(p, True, Settings(), UnitCache(tmp_path / "c").root)).header
        for p in paths
    ]
    built = [h for h in headers if h is not None and h.mentions]
    assert len(built) >= 4
    for header in built:
        expected = asdict(header)
        expected["top"]["where"] = header.top.where.to_dict()
        assert header.to_json() == expected
        assert Header.from_json(header.to_json()).digest() == header.digest()


def test_a_unit_is_built_with_fewer_collections_and_restores_the_thresholds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import muniorg.publish.units as units
    from muniorg.core.collector import UNIT_GC_THRESHOLD

    during: list[int] = []
    load_file = units.load_file

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        during.append(gc.get_threshold()[0])
        return load_file(*args, **kwargs)

    monkeypatch.setattr(units, "load_file", spy)
    before = gc.get_threshold()
    job = units.UnitJob(
        EXAMPLES / "municipalities" / "soroe.yaml", True, units.Settings(), tmp_path
    )
    assert units.build_unit(job).header is not None
    assert during == [max(UNIT_GC_THRESHOLD, before[0])]
    assert gc.get_threshold() == before


def test_a_damaged_or_lost_cached_header_is_built_again_or_named(
    sources: Path, tmp_path: Path
) -> None:
    """A cached unit's header lies in its pack, checked like its files: a damaged one is not
    taken (the unit is built again); one lost after it was checked, while the build runs,
    stops the build with what to do, never a traceback."""
    from muniorg.formats.pack import Slice
    from muniorg.publish.units import UnitResult

    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    for pack, offset, size in cached_headers(cache):
        overwrite(pack, offset, b"{}" + b" " * (size - 2))
    edit_once(sources / "municipalities" / "soroe.yaml", "Sorø Kommune", "Sorø Kommune (ny)")
    result = build([sources], out, cache_dir=cache)
    assert result.cached == 0
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")
    unit = UnitResult(path="x.yaml", key="k", header_part=Slice(tmp_path / "lost.pack", 0, 9))
    assert unit.has_header
    with pytest.raises(OutputError, match=r"lost\.pack"):
        _ = unit.header


def test_units_unused_for_30_days_are_pruned_at_most_once_a_day(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for unused units means a stat of every unit in the cache: a build does it
    when the last look (the cache's ``.pruned`` mark) is a day old, and removes the units
    no build used for 30 days, never one this build uses."""
    import os
    import time

    from muniorg.publish.units import UnitCache

    # The units a build uses are the keys it keeps. The cache may hold more than those: a
    # programme and its members are first built without the facts of the other files.
    kept: list[list[str]] = []
    prune = UnitCache.prune

    def spy(self: UnitCache, keep: Iterable[str], max_age_days: float = 30.0) -> None:
        kept.append(sorted(keep))
        prune(self, kept[-1], max_age_days)

    monkeypatch.setattr(UnitCache, "prune", spy)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache)
    used = kept[-1]
    assert len(used) >= 5
    stale = cache / "ff" / ("f" * 64)  # a unit's folder, as caches of format 8 kept them
    stale.mkdir(parents=True)
    shard = cache / "fd"  # a folder of units, as caches of format 9 kept them
    shard.mkdir()
    (shard / f"{'d' * 64}.pack").touch()
    unused = [cache / f"{'e' * 64}{suffix}" for suffix in (".pack", ".json")]
    month_ago = time.time() - 31 * 86400
    for path in [stale, stale.parent, shard, *unused]:
        path.touch()
        os.utime(path, (month_ago, month_ago))
    os.utime(unused[0], None)  # a pack's time is when it was written: its record's counts
    for name in used[:2]:  # in use, however old: kept
        for unit in cache.glob(f"{name}.*"):
            os.utime(unit, (month_ago, month_ago))
    build([sources], out, cache_dir=cache)
    assert stale.exists()  # looked less than a day ago
    day_ago = time.time() - 86400 - 60
    os.utime(cache / ".pruned", (day_ago, day_ago))
    build([sources], out, cache_dir=cache)
    assert kept[-1] == used
    assert not stale.exists() and not shard.exists() and not any(p.exists() for p in unused)
    assert (cache / "outputs").is_dir()  # what builds know of their output folders: kept
    assert set(used) <= {p.stem for p in cache.glob("*.json")}
    assert (cache / ".pruned").stat().st_mtime > time.time() - 3600


def test_a_file_saved_and_undone_while_its_unit_is_built_is_not_cached(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save (B) that the unit loads and an undo (back to A) before the unit is kept: the
    file's bytes hash as A's again, but what was built is B's; kept under A's key, the next
    build (a watch's, say) would publish B's text for A."""
    import muniorg.publish.units as units

    soroe = sources / "municipalities" / "soroe.yaml"
    original = soroe.read_text(encoding="utf-8")
    edited = original.replace("Sorø Kommune", "Sorø Kommune (B)")
    assert edited != original
    real_load, real_publish = units.load_file, units._publish_unit

    def load_the_save(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path == soroe and soroe.read_text(encoding="utf-8") == original:
            soroe.write_text(edited, encoding="utf-8")  # saved just as the unit reads it
        return real_load(path, *args, **kwargs)

    def undo_while_built(*args: Any, **kwargs: Any) -> None:
        real_publish(*args, **kwargs)
        if soroe.read_text(encoding="utf-8") == edited:
            soroe.write_text(original, encoding="utf-8")  # undone before the unit is kept

    cache, out = tmp_path / "cache", tmp_path / "dist"
    monkeypatch.setattr(units, "load_file", load_the_save)
    monkeypatch.setattr(units, "_publish_unit", undo_while_built)
    build([sources], out, cache_dir=cache, jobs=1)
    monkeypatch.undo()
    assert soroe.read_text(encoding="utf-8") == original
    again = build([sources], out, cache_dir=cache, jobs=1)
    assert again.cached == 4  # Sorø built again, from A
    assert folder_bytes(out) == _fresh(sources, tmp_path, "fresh")
    assert "(B)" not in (out / "soroe.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["municipalities/soroe.yaml", "programmes"])
def test_building_a_unit_leaves_nothing_for_the_cyclic_collector(tmp_path: Path, name: str) -> None:
    """A unit's objects (its graphs with their indexes, its model, its pages' helpers) are freed
    as soon as it is built, by their reference counts: a cycle among them would keep them until
    the cyclic collector runs, whose passes over them took a tenth of a worker's time."""
    import gc

    from muniorg.publish.units import Settings, UnitJob, build_unit

    path = EXAMPLES / name
    path = next(path.glob("*.yaml")) if path.is_dir() else path
    build_unit(UnitJob(path, True, Settings(), tmp_path / "warm"))  # caches filled first
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        build_unit(UnitJob(path, True, Settings(), tmp_path / "cache"))
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []


def _cli_build(out: Path, cache: Path) -> str:
    from click.testing import CliRunner

    from muniorg.cli.app import cli

    result = CliRunner().invoke(
        cli, ["build", str(EXAMPLES), "-o", str(out), "--cache-dir", str(cache), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_a_pack_replaced_before_its_record_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record describes the pack its own build wrote: another build's pack renamed over it
    meanwhile (other bytes: that build's file changed while it built) is never taken."""
    from muniorg.formats.pack import PackWriter
    from muniorg.publish import units

    record = units.UnitCache.record

    def racing(self, key, result, *rest):  # type: ignore[no-untyped-def]
        # Another build of the same key whose file was saved while it built ("not kept")
        # renames its pack (other bytes, here the same size) into place between this
        # build's rename and its record.
        data = Path(result.pack).read_bytes().replace(b"Glostrup", b"Glxstrup")
        with PackWriter(Path(result.pack)) as other:
            other.add(data)
        record(self, key, result, *rest)

    monkeypatch.setattr(units.UnitCache, "record", racing)
    _cli_build(tmp_path / "out1", tmp_path / "cache")
    monkeypatch.setattr(units.UnitCache, "record", record)
    output = _cli_build(tmp_path / "out2", tmp_path / "cache")  # taken from the cache
    _cli_build(tmp_path / "reference", tmp_path / "clean-cache")
    wrong = sorted(
        p.name
        for p in (tmp_path / "reference").rglob("*")
        if p.is_file()
        and p.read_bytes()
        != (tmp_path / "out2" / p.relative_to(tmp_path / "reference")).read_bytes()
    )
    assert not wrong, f"published bytes that a clean build does not: {wrong}\n{output}"


def test_a_pack_cut_short_while_the_data_set_is_merged_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read by the merges of the whole data set, a pack lost or cut short is named as the
    cache's, not as a failure to write the output folder."""
    import os

    from click.testing import CliRunner

    from muniorg.cli.app import cli
    from muniorg.publish import union

    out, cache = tmp_path / "out", tmp_path / "cache"
    _cli_build(out, cache)
    for state in (cache / "outputs").glob("*.union.json"):
        state.unlink()  # merged again, from the packs (the units' files are linked)
    merge_init = union.UnionMerge.__init__

    def cut_short(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        for p in cache.glob("*.pack"):
            os.truncate(p, p.stat().st_size // 2)
        merge_init(self, *args, **kwargs)

    monkeypatch.setattr(union.UnionMerge, "__init__", cut_short)
    result = CliRunner().invoke(
        cli, ["build", str(EXAMPLES), "-o", str(out), "--cache-dir", str(cache), "-j", "1"]
    )
    assert result.exit_code == 2, result.output
    assert "the build cache lost" in result.output, result.output


def test_a_cached_unit_is_readable_by_its_owner_only(sources: Path, tmp_path: Path) -> None:
    """A unit's pack holds its header (names of persons who are not public) and its record its
    report: both are the owner's only, as the folders of the cache's earlier format were; the
    published files have the usual mode."""
    import os

    previous = os.umask(0o022)
    try:
        build([sources], tmp_path / "dist", cache_dir=tmp_path / "cache")
    finally:
        os.umask(previous)
    cached = sorted((tmp_path / "cache").glob("*.pack")) + sorted(
        (tmp_path / "cache").glob("*.json")
    )
    assert {p.suffix for p in cached} == {".pack", ".json"}
    assert {p.stat().st_mode & 0o777 for p in cached} == {0o600}
    assert {p.stat().st_mode & 0o777 for p in (tmp_path / "dist").iterdir() if p.is_file()} == {
        0o644
    }


def test_prune_leaves_what_is_not_muniorgs_in_a_shared_cache_folder(tmp_path: Path) -> None:
    """``--cache-dir`` may name a folder that holds other things (``~/.cache``, a project's
    folder): prune removes only what a muniorg cache writes there, however old the rest."""
    import os
    import time

    from muniorg.publish.units import UnitCache

    cache = tmp_path / "shared"
    others = [cache / "notes.txt", cache / "pip", cache / ".git", cache / "a.b", cache / "ab"]
    others.append(cache / "cd")  # a file named as a shard of format 9
    others[0].parent.mkdir()
    others[0].write_text("mine", encoding="utf-8")
    others[1].mkdir()
    (others[1] / "wheel").write_text("x", encoding="utf-8")
    others[2].mkdir()
    others[3].write_text("y", encoding="utf-8")
    others[4].mkdir()  # named as a shard of format 9, but another program's
    (others[4] / "photo.jpg").write_text("z", encoding="utf-8")
    others[5].write_text("w", encoding="utf-8")
    unused = [cache / f"{'e' * 64}{suffix}" for suffix in (".pack", ".json")]
    temporary = cache / f".{'e' * 16}-{'0' * 12}"
    not_kept = cache / f"{'e' * 64}-{'1' * 32}.pack"  # a unit whose file changed as it was built
    for path in [*unused, temporary, not_kept]:
        path.touch()
    month_ago = time.time() - 31 * 86400
    for path in [*others, *unused, temporary, not_kept]:
        os.utime(path, (month_ago, month_ago))
    UnitCache(cache).prune([])
    assert all(path.exists() for path in others)
    assert not any(path.exists() for path in [*unused, temporary, not_kept])
