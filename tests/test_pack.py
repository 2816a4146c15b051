"""Packs (muniorg.formats.pack): each part reads back as written, whole or line by line; a
pack is in place whole or not at all; a file cut short is an error, never part of a file."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muniorg.formats.files import copy_new
from muniorg.formats.pack import CutShort, PackWriter


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.binary(max_size=200_000), max_size=6))
def test_each_part_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, parts: list[bytes]
) -> None:
    folder = tmp_path_factory.mktemp("pack")
    with PackWriter(folder / "p.pack") as pack:
        slices = [pack.add(data) for data in parts]
    assert (folder / "p.pack").read_bytes() == b"".join(parts)
    for index, (data, part) in enumerate(zip(parts, slices, strict=True)):
        assert part.read_bytes() == data
        with part.open() as stream:
            assert list(stream) == io.BytesIO(data).readlines()
        copy_new(part, folder / f"copy-{index}")
        assert (folder / f"copy-{index}").read_bytes() == data
    assert sorted(os.listdir(folder)) == sorted(
        ["p.pack", *(f"copy-{i}" for i in range(len(parts)))]
    )


def test_a_pack_that_fails_leaves_the_one_before_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "p.pack"
    target.write_bytes(b"before")
    with pytest.raises(RuntimeError), PackWriter(target) as pack:
        pack.add(b"half of it")
        raise RuntimeError("stopped")
    assert target.read_bytes() == b"before"
    assert os.listdir(tmp_path) == ["p.pack"]


def test_a_file_cut_short_is_an_error_whichever_way_it_is_read(tmp_path: Path) -> None:
    with PackWriter(tmp_path / "p.pack") as pack:
        pack.add(b"a\n" * 10)
        part = pack.add(b"line\n" * 40_000)
    os.truncate(tmp_path / "p.pack", part.offset + 100)
    with pytest.raises(CutShort, match=r"p\.pack ends before its bytes 20 to 200020"):
        part.read_bytes()
    with pytest.raises(CutShort), part.open() as stream:
        list(stream)
    with pytest.raises(CutShort):
        copy_new(part, tmp_path / "copy")


def test_a_pack_is_the_owner_s_only(tmp_path: Path) -> None:
    """As the format-8 unit folders were (mkdtemp's 0o700): a header names non-public persons."""
    previous = os.umask(0o022)
    try:
        with PackWriter(tmp_path / "p.pack") as pack:
            pack.add(b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "p.pack").stat().st_mode & 0o777 == 0o600


def test_slices_are_read_where_the_system_has_no_pread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no os.pread: a seek and a read on the slice's own descriptor."""
    from muniorg.formats import pack

    monkeypatch.setattr(pack, "_HAS_PREAD", False)
    with PackWriter(tmp_path / "p.pack") as writer:
        a, b = writer.add(b"one\ntwo\n"), writer.add(b"three\n")
    assert b.read_bytes() == b"three\n"
    with a.open() as stream:
        assert list(stream) == [b"one\n", b"two\n"]
