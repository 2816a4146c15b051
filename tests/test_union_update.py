"""A rebuild updates the whole data set's files from the previous output's (the changed units'
records out, their new ones in) and writes the bytes of a full merge, or merges everything
again when the update cannot be made by moving records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import edit_once, folder_bytes

from muniorg.publish import build as build_module
from muniorg.publish import union_update
from muniorg.publish.build import build

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each build's whole data set was updated (True) or merged again (False)."""
    seen: list[bool] = []
    update = union_update.update_union

    def spy(*args: object, **kwargs: object) -> object:
        result = update(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(result is not None)
        return result

    monkeypatch.setattr(build_module, "update_union", spy)
    return seen


def _same_as_fresh(sources: Path, out: Path, tmp_path: Path, name: str) -> None:
    fresh = tmp_path / name
    build([sources], fresh, jobs=1)  # no cache: every unit built, the whole data set merged
    assert folder_bytes(out) == folder_bytes(fresh)


def _built(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the examples built once with a cache: (sources, cache, output)."""
    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache, jobs=1)
    return sources, cache, out


def _soroe_edited(sources: Path, cache: Path, out: Path, old: str, new: str) -> None:
    """Sorø's file edited (``old`` to ``new``), then built again with the cache."""
    edit_once(sources / "municipalities" / "soroe.yaml", old, new)
    build([sources], out, cache_dir=cache, jobs=1)


def test_changes_added_and_removed_units_and_a_moved_subject_give_a_full_merge_s_bytes(
    tmp_path: Path, updates: list[bool]
) -> None:
    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    municipalities = sources / "municipalities"

    build([sources], out, cache_dir=cache, jobs=1)
    assert updates == []  # no previous output: merged

    edit_once(
        municipalities / "soroe.yaml", "da: Sorø Kommune\n  en", "da: Sorø Kommune (ny)\n  en"
    )
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True
    _same_as_fresh(sources, out, tmp_path, "fresh-changed")

    (municipalities / "zz-new.yaml").write_text(
        "type: Municipality\nid: zz-new\nname: {da: Ny Kommune, en: New}\ncountry: DNK\n",
        encoding="utf-8",
    )
    (municipalities / "aa-new.yaml").write_text(
        "type: Municipality\nid: aa-new\nname: {da: Aa Kommune, en: Aa}\ncountry: DNK\n",
        encoding="utf-8",
    )
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True
    _same_as_fresh(sources, out, tmp_path, "fresh-added")

    (municipalities / "zz-new.yaml").unlink()
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True
    _same_as_fresh(sources, out, tmp_path, "fresh-removed")

    # A subject moves from one unit to another: Sorø's home page becomes Glostrup's.
    soroe, glostrup = municipalities / "soroe.yaml", municipalities / "glostrup.yaml"
    edit_once(soroe, "id: https://www.soroe.dk/", "id: https://example.org/moved")
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True
    edit_once(soroe, "id: https://example.org/moved", "id: https://example.org/soroe")
    edit_once(glostrup, "id: https://www.glostrup.dk/", "id: https://example.org/moved")
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True
    _same_as_fresh(sources, out, tmp_path, "fresh-moved")
    assert b"<https://example.org/moved>" in (out / "glostrup.ttl").read_bytes()
    assert b"<https://example.org/moved>" in (out / "muniorg-dataset.ttl").read_bytes()


def test_a_record_in_two_units_is_merged_again(tmp_path: Path, updates: list[bool]) -> None:
    """Two documents describe one home page: its triples are in both units, and its Turtle
    block cannot come from one of them, so the rebuild merges everything, as before."""
    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    municipalities = sources / "municipalities"
    edit_once(
        municipalities / "soroe.yaml", "id: https://www.soroe.dk/", "id: https://www.glostrup.dk/"
    )
    edit_once(municipalities / "soroe.yaml", "da: Sorø Kommune\narea", "da: Glostrup Kommune\narea")
    build([sources], out, cache_dir=cache, jobs=1)
    edit_once(municipalities / "glostrup.yaml", "da: Glostrup Kommune", "da: Glostrup (ny)")
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates == [False]
    _same_as_fresh(sources, out, tmp_path, "fresh")


def test_a_changed_previous_output_or_a_lost_cache_entry_means_a_full_merge(
    tmp_path: Path, updates: list[bool]
) -> None:
    """The update reads the previous whole data set and the changed units' previous files:
    when they are not the bytes recorded, it steps aside."""
    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out, other = tmp_path / "cache", tmp_path / "dist", tmp_path / "other"
    soroe = sources / "municipalities" / "soroe.yaml"
    build([sources], out, cache_dir=cache, jobs=1)
    glostrup = sources / "municipalities" / "glostrup.yaml"
    original = glostrup.read_bytes()
    edit_once(glostrup, "da: Glostrup Kommune", "da: Glostrup Kommune (ny)")
    build([sources], other, jobs=1)  # the output of another build, of other sources
    glostrup.write_bytes(original)
    shutil.rmtree(out)
    other.rename(out)  # muniorg's output, but not the one the cache's state describes
    edit_once(soroe, "da: Sorø Kommune\n  en", "da: Sorø Kommune (ny)\n  en")
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates == [False]
    _same_as_fresh(sources, out, tmp_path, "fresh-1")

    packs = [p for p in cache.glob("*.pack") if "Sorø Kommune (ny)" in p.read_text("utf-8")]
    assert packs
    for pack in packs:  # the changed unit's previous objects are gone
        pack.unlink()
        pack.with_suffix(".json").unlink()
    edit_once(soroe, "da: Sorø Kommune (ny)", "da: Sorø Kommune (nyere)")
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is False
    _same_as_fresh(sources, out, tmp_path, "fresh-2")


def test_records_that_another_unit_holds_are_never_dropped_or_added_twice() -> None:
    """The splice refuses what a full merge would do differently."""
    from muniorg.publish.union_update import (
        _NTRIPLES,
        _Edit,
        _Records,
        _Run,
        _splice,
        _Unsupported,
    )

    data = b"<a> <p> <b> .\n<c> <p> <d> .\n<e> <p> <f> .\n"

    def joined(pieces: list[bytes | _Run]) -> bytes:  # runs are where bytes lie in ``data``
        return b"".join(data[p.start : p.end] if isinstance(p, _Run) else p for p in pieces)

    records = _Records(data, _NTRIPLES)
    line = b"<c> <p> <d> .\n"
    dropped = {line: _Edit(line.decode(), drop=True)}
    assert joined(_splice(records, dropped, frozenset())) == data.replace(line, b"")
    with pytest.raises(_Unsupported):  # another unit holds it too: it stays, in a full merge
        _splice(records, dropped, frozenset({line.decode()}))
    with pytest.raises(_Unsupported):  # added, but a kept unit holds it already
        _splice(records, {line: _Edit(line.decode(), text=line)}, frozenset())
    new = b"<d> <p> <x> .\n"
    added = joined(_splice(records, {new: _Edit(new.decode(), text=new)}, frozenset()))
    assert added == b"<a> <p> <b> .\n<c> <p> <d> .\n<d> <p> <x> .\n<e> <p> <f> .\n"


def test_unchanged_files_are_linked_and_no_published_file_is_ever_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild shares the previous output's unchanged files (hard links) instead of copying
    them; every file any build published keeps its bytes (a side link to each shows it)."""
    import hashlib
    import json

    from muniorg.formats import output_folder

    # The side links change the files' change times, so the build reads them again; let it
    # trust what it read at once (it waits 2 s for that otherwise).
    monkeypatch.setattr(output_folder, "SETTLED_NS", 0)

    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out, side = tmp_path / "cache", tmp_path / "dist", tmp_path / "side"
    side.mkdir()
    soroe = sources / "municipalities" / "soroe.yaml"
    expected: dict[str, str] = {}

    def keep_side_links() -> None:
        manifest = json.loads((out / ".muniorg-manifest.json").read_text(encoding="utf-8"))
        for name, record in manifest["files"].items():
            link = side / f"{len(expected)}-{name.replace('/', '_')}"
            link.hardlink_to(out / name)
            expected[link.name] = record["sha256"]

    build([sources], out, cache_dir=cache, jobs=1)
    keep_side_links()
    first_inode = (out / "stord.nt").stat().st_ino
    for round_ in range(3):
        edit_once(soroe, "da: Sorø Kommune", f"da: Sorø Kommune {round_}")
        build([sources], out, cache_dir=cache, jobs=1)
        keep_side_links()
        _same_as_fresh(sources, out, tmp_path, f"fresh-{round_}")
    assert (out / "stord.nt").stat().st_ino == first_inode  # shared, not copied
    assert (out / "soroe.nt").stat().st_nlink == 2  # the new one: its side link only
    for link in side.iterdir():
        assert hashlib.sha256(link.read_bytes()).hexdigest() == expected[link.name], link.name


def test_a_published_file_changed_with_its_size_and_times_restored_is_refused(
    tmp_path: Path,
) -> None:
    """The next build trusts the output's files unread by the stat records the build kept;
    a file changed in place, its size and modification time set back, has another change
    time: it is read, found changed, and the build refuses to replace the folder."""
    import os

    from muniorg.core.errors import OutputError

    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache, jobs=1)
    build([sources], out, cache_dir=cache, jobs=1)  # the records of a rebuild's output too
    target = out / "stord.ttl"
    before = target.stat()
    data = bytearray(target.read_bytes())
    data[-3] = ord("X") if data[-3] != ord("X") else ord("Y")
    with target.open("r+b") as stream:
        stream.write(bytes(data))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(OutputError, match=r"stord\.ttl"):
        build([sources], out, cache_dir=cache, jobs=1)
    assert target.read_bytes() == bytes(data)


def test_a_rebuild_syncs_the_files_it_wrote_and_a_full_build_the_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linked files were synced by the build that wrote them: a rebuild syncs only its new
    files (one by one), a build of many new files the whole file system at once."""
    from muniorg.formats import output_folder

    synced: list[str] = []
    whole: list[Path] = []
    fsync, syncfs = output_folder._fsync_path, output_folder._sync_file_system

    def one(path: Path) -> None:
        synced.append(path.name)
        fsync(path)

    def all_(folder: Path) -> bool:
        whole.append(folder)
        return syncfs(folder)

    monkeypatch.setattr(output_folder, "_fsync_path", one)
    monkeypatch.setattr(output_folder, "_sync_file_system", all_)
    monkeypatch.setattr(output_folder, "_FSYNC_MAX", 32)  # the examples publish 45 files
    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache, jobs=1)
    assert len(whole) == 1
    synced.clear()
    edit_once(
        sources / "municipalities" / "soroe.yaml", "da: Sorø Kommune", "da: Sorø Kommune (ny)"
    )
    build([sources], out, cache_dir=cache, jobs=1)
    assert len(whole) == 1, synced  # not again
    assert "soroe.nt" in synced and "muniorg-dataset.nt" in synced
    assert "stord.nt" not in synced  # linked


def test_whole_data_set_files_that_do_not_change_are_linked_not_written(
    tmp_path: Path, updates: list[bool]
) -> None:
    """A change that leaves the data as it was (a comment) rebuilds its file, and the whole
    data set's files are the previous ones, shared."""
    sources = tmp_path / "src"
    shutil.copytree(EXAMPLES, sources)
    cache, out = tmp_path / "cache", tmp_path / "dist"
    build([sources], out, cache_dir=cache, jobs=1)
    build([sources], out, cache_dir=cache, jobs=1)  # stat records of a rebuild's output
    inodes = {p.name: p.stat().st_ino for p in out.glob("muniorg-dataset.*")}
    soroe = sources / "municipalities" / "soroe.yaml"
    soroe.write_text(soroe.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    result = build([sources], out, cache_dir=cache, jobs=1)
    assert result.cached == 4 and updates[-1] is True
    assert {p.name: p.stat().st_ino for p in out.glob("muniorg-dataset.*")} == inodes
    _same_as_fresh(sources, out, tmp_path, "fresh")


def test_when_no_unit_changes_the_previous_whole_data_set_files_are_not_read(
    tmp_path: Path, updates: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change that leaves every unit's files as they were: the whole data set's files are
    linked from the previous output without reading them (they are large)."""
    from muniorg.formats.output_folder import OutputFolder

    sources, cache, out = _built(tmp_path)
    build([sources], out, cache_dir=cache, jobs=1)  # stat records of a rebuild's output
    read: list[str] = []
    read_published = OutputFolder.read_published

    def spy(self: OutputFolder, name: str, sha256: str) -> object:
        read.append(name)
        return read_published(self, name, sha256)

    monkeypatch.setattr(OutputFolder, "read_published", spy)
    soroe = sources / "municipalities" / "soroe.yaml"
    soroe.write_text(soroe.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True and read == []
    _same_as_fresh(sources, out, tmp_path, "fresh")


def test_runs_of_the_previous_files_are_copied_by_the_kernel_or_written_alike(
    tmp_path: Path, updates: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unchanged runs of the previous whole data set files go to the new ones with
    ``copy_file_range``; where the system refuses it, they are written from the bytes read:
    either way the bytes of a full merge."""
    import errno
    import os

    copied: list[int] = []
    copy = getattr(os, "copy_file_range", None)
    if copy is not None:

        def counting(*args: int) -> int:
            copied.append(args[2])
            return copy(*args)

        monkeypatch.setattr(os, "copy_file_range", counting)
    sources, cache, out = _built(tmp_path)
    _soroe_edited(sources, cache, out, "da: Sorø Kommune", "da: Sorø Kommune (ny)")
    assert updates[-1] is True
    assert copy is None or copied  # the kernel copied where it can
    _same_as_fresh(sources, out, tmp_path, "fresh-copied")

    def refused(*args: int) -> int:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refused, raising=False)
    _soroe_edited(sources, cache, out, "da: Sorø Kommune (ny)", "da: Sorø Kommune (igen)")
    assert updates[-1] is True
    _same_as_fresh(sources, out, tmp_path, "fresh-written")


def test_a_previous_file_that_changes_while_it_is_copied_means_a_full_merge(
    tmp_path: Path, updates: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runs are copied from the previous file itself: when its stat says it changed after
    it was read, what was copied is thrown away and everything is merged again."""
    from muniorg.formats.output_folder import Published

    sources, cache, out = _built(tmp_path)
    monkeypatch.setattr(Published, "unchanged", lambda self: False)
    _soroe_edited(sources, cache, out, "da: Sorø Kommune", "da: Sorø K.")
    assert updates[-1] is False
    _same_as_fresh(sources, out, tmp_path, "fresh")


def test_the_catalog_takes_the_whole_data_set_s_checksums_from_the_update(
    tmp_path: Path, updates: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalog gives each file's SHA-256 and SHA-1: those of the whole data set's files
    come from writing (or keeping) them, in a full merge as in an update, and are not read
    again (55 MB at 200 municipalities); the catalog is a fresh build's, byte for byte."""
    from muniorg.dcat import config

    measured: list[str] = []
    published_file = config.published_file

    def spy(folder: Path, path: Path, *args: object) -> object:
        measured.append(path.name)
        return published_file(folder, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "published_file", spy)
    sources, cache, out = _built(tmp_path)
    _soroe_edited(sources, cache, out, "da: Sorø Kommune", "da: Sorø K.")
    assert updates == [True]
    assert (out / "catalog.ttl").is_file()
    assert not [name for name in measured if name.startswith("muniorg-dataset")]
    _same_as_fresh(sources, out, tmp_path, "fresh")

    # Without a catalog no SHA-1 is worked out for the files written (a file kept keeps its
    # own); a catalog added later measures the files that have none.
    catalog = (sources / "catalog.yaml").read_text(encoding="utf-8")
    (sources / "catalog.yaml").unlink()
    edit_once(sources / "municipalities" / "soroe.yaml", "da: Sorø K.", "da: Sorø Kommune")
    build([sources], out, cache_dir=cache, jobs=1)
    (sources / "catalog.yaml").write_text(catalog, encoding="utf-8")
    measured.clear()
    build([sources], out, cache_dir=cache, jobs=1)
    assert updates[-1] is True
    assert sorted(name for name in measured if name.startswith("muniorg-dataset")) == [
        "muniorg-dataset.jsonld",
        "muniorg-dataset.nt",
        "muniorg-dataset.ttl",
    ]
    _same_as_fresh(sources, out, tmp_path, "fresh-catalog-added")


def test_a_damaged_union_state_is_ignored() -> None:
    """A union state of the wrong shape is no state (the union is merged again), not a crash."""
    from muniorg.publish.union import UnionState

    base = {
        "format": 3,
        "shared_lines": [],
        "shared_ids": [],
        "prefixes": None,
        "files": {},
        "sha1": {},
    }
    for parts in ([["a", [], {}]], [["a", {"x.nt": "p"}, {}]], [["a", {"x.nt": ["p", 0]}, {}]]):
        assert UnionState.from_json({**base, "parts": parts}) is None
