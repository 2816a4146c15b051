"""The serial end of a build run beside itself: the whole data set's merges on forked
processes, the units' files copied by the kernel on threads. The bytes are those of doing it
all in one process, and a failure anywhere is raised, with nothing published."""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muniorg.core.errors import OutputError
from muniorg.formats import files
from muniorg.formats.files import copy_new
from muniorg.formats.output_folder import folder_files
from muniorg.formats.pack import Slice
from muniorg.publish import union
from muniorg.publish.build import build
from muniorg.publish.union import FLAT_FILE, SUBJECTS_FILE, UnionMerge, UnionPart

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


# -- copy_new ---------------------------------------------------------------------------------


def _unsupported(*_: object) -> int:
    raise OSError(errno.EXDEV, "Invalid cross-device link")


def _nothing(*_: object) -> int:
    return 0


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=3 << 20 | 17), way=st.sampled_from(["kernel", "refused", "empty"]))
def test_copy_new_copies_the_bytes_whichever_way_copies_them(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, way: str
) -> None:
    folder = tmp_path_factory.mktemp("copy")
    (folder / "a").write_bytes(data)
    ways = {"kernel": files._KERNEL_COPIES, "refused": (_unsupported,), "empty": (_nothing,)}
    saved = files._KERNEL_COPIES
    files._KERNEL_COPIES = ways[way]
    try:
        copy_new(Slice.whole(folder / "a"), folder / "b")
    finally:
        files._KERNEL_COPIES = saved
    assert (folder / "b").read_bytes() == data


@pytest.mark.parametrize("stops", ["refusing", "at a false end"])
def test_copy_new_goes_on_where_the_kernel_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stops: str
) -> None:
    """A kernel copy that stops part-way, refusing to go on or reporting the end (0) before it
    (as some file systems' do), leaves no short file: reading goes on from where it stopped."""
    data = os.urandom(300_000)
    (tmp_path / "a").write_bytes(data)

    def some_then_stop(reader: int, writer: int, size: int) -> int:
        if os.lseek(reader, 0, os.SEEK_CUR) >= 100_000:
            if stops == "refusing":
                raise OSError(errno.EINVAL, "Invalid argument")
            return 0
        return os.sendfile(writer, reader, None, min(size, 50_000))

    monkeypatch.setattr(files, "_KERNEL_COPIES", (some_then_stop,))
    copy_new(Slice.whole(tmp_path / "a"), tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == data


def test_copy_new_raises_what_the_kernel_fails_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1000)

    def full(*_: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_KERNEL_COPIES", (full,))
    with pytest.raises(OSError) as caught:
        copy_new(Slice.whole(tmp_path / "a"), tmp_path / "b")
    assert caught.value.errno == errno.ENOSPC


def test_copy_new_never_writes_into_an_existing_file_nor_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"new")
    (tmp_path / "other").write_bytes(b"other")
    os.link(tmp_path / "other", tmp_path / "hard")
    (tmp_path / "soft").symlink_to(tmp_path / "other")
    for name in ("other", "hard", "soft"):
        with pytest.raises(FileExistsError):
            copy_new(Slice.whole(tmp_path / "a"), tmp_path / name)
    assert (tmp_path / "other").read_bytes() == b"other"


# -- the whole data set merged on forked processes ---------------------------------------------

_LINES = st.lists(
    st.sampled_from(
        [
            f'<https://ex.org/{s}> <https://ex.org/p> "{o}" .\n'
            for s in ("a", "b", "c/2", "c/10", "é")
            for o in ("1", "x\u2028y", "ø")
        ]
    ),
    unique=True,
)


def _units(folder: Path, units: list[list[str]], subjects: bool) -> list[UnionPart]:
    parts = []
    for index, lines in enumerate(units):
        unit = folder / f"u{index}"
        unit.mkdir()
        (unit / f"u{index}.nt").write_text("".join(sorted(lines)), encoding="utf-8", newline="\n")
        ids = sorted({line.split(">")[0][1:] for line in lines})
        (unit / FLAT_FILE).write_text(
            "".join(f'["{i}", "{{\\"id\\": \\"{i}\\", \\"n\\": {index}}}"]\n' for i in ids),
            encoding="utf-8",
        )
        (unit / f"u{index}.ttl").write_text("", encoding="utf-8")
        if subjects:
            (unit / SUBJECTS_FILE).write_text("", encoding="utf-8")
        parts.append(UnionPart.in_folder(unit, f"u{index}"))
    return parts


@settings(max_examples=15, deadline=None)
@given(units=st.lists(_LINES, min_size=1, max_size=4), sha1=st.booleans())
def test_merges_on_processes_give_the_bytes_and_state_of_merges_here(
    tmp_path_factory: pytest.TempPathFactory, units: list[list[str]], sha1: bool
) -> None:
    """Lines and ids in several units (shared), an empty Turtle of each or none (written from
    the union's triples then): the same files and the same state, for any number of jobs."""
    folder = tmp_path_factory.mktemp("units")
    subjects = not any(units)  # a unit's empty Turtle has no blocks for its subjects
    parts = _units(folder, units, subjects)
    found = []
    for jobs in (1, 2, 3):
        out = folder / f"out{jobs}"
        out.mkdir()
        with UnionMerge(out, "all", parts, sha1, jobs) as merge:
            paths, state = merge.result()
        found.append(([p.read_bytes() for p in paths], state))
    assert found[1] == found[0] and found[2] == found[0]
    texts, state = found[0]
    every = [line for lines in units for line in lines]
    assert state.shared_lines == {line for line in every if every.count(line) > 1}
    assert texts[2] == "".join(sorted(set(every))).encode("utf-8")  # the N-Triples


def test_merges_whose_processes_cannot_be_forked_run_here_and_leave_no_process(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """``os.fork`` failing on its second call (a container's process limit): the process
    forked first is killed and the merges run here, with the bytes of a merge on one job."""
    import multiprocessing

    lines = [
        '<https://ex.org/a> <https://ex.org/p> "1" .\n',
        '<https://ex.org/b> <https://ex.org/p> "2" .\n',
    ]
    parts = _units(tmp_path, [lines, lines[1:]], subjects=False)
    found = []
    for jobs in (1, 3):
        if jobs == 3:
            calls: list[int] = request.getfixturevalue("fork_fails_the_second_time")
        out = tmp_path / f"out{jobs}"
        out.mkdir()
        before = set(multiprocessing.active_children())
        with UnionMerge(out, "all", parts, True, jobs) as merge:
            assert set(multiprocessing.active_children()) == before
            paths, state = merge.result()
        found.append(([p.read_bytes() for p in paths], state))
    assert calls[0] == 2  # one process was forked before the fork failed
    assert found[1] == found[0]


def test_the_process_that_started_the_merges_takes_one_nobody_has_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes for three merges: each starts with its own (N-Triples, JSON-LD), and
    the Turtle goes to whoever is free first: here the caller, its own work done (the
    processes' merges take a second). The bytes are those of the merges on one job."""
    import time

    lines = [
        '<https://ex.org/a> <https://ex.org/p> "1" .\n',
        '<https://ex.org/b> <https://ex.org/p> "2" .\n',
    ]
    parts = _units(tmp_path, [lines, lines[1:]], subjects=True)
    ran = tmp_path / "turtle-ran-in"
    turtle, ntriples, jsonld = union._turtle_task, union._ntriples_task, union._jsonld_task

    def slow(task: Any) -> Any:
        return lambda *args: (time.sleep(1.0), task(*args))[1]

    def recorded(*args: Any) -> Any:
        ran.write_text(str(os.getpid()), encoding="utf-8")
        return turtle(*args)

    found = []
    for jobs in (1, 2):
        if jobs == 2:
            monkeypatch.setattr(union, "_ntriples_task", slow(ntriples))
            monkeypatch.setattr(union, "_jsonld_task", slow(jsonld))
            monkeypatch.setattr(union, "_turtle_task", recorded)
        out = tmp_path / f"out{jobs}"
        out.mkdir()
        with UnionMerge(out, "all", parts, True, jobs) as merge:
            paths, state = merge.result()
        found.append(([p.read_bytes() for p in paths], state))
    assert found[1] == found[0]
    assert ran.read_text(encoding="utf-8") == str(os.getpid())


def _published(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in folder_files(folder)}


def test_a_build_on_two_processes_publishes_the_bytes_of_a_build_on_one(tmp_path: Path) -> None:
    one = build([EXAMPLES], tmp_path / "one", jobs=1)
    two = build([EXAMPLES], tmp_path / "two", jobs=2)
    assert one.published and two.published
    assert _published(tmp_path / "one") == _published(tmp_path / "two")


def _full_task(parts: list[Path], out: Path, algorithms: tuple[str, ...]) -> Any:
    out.write_text("half of it", encoding="utf-8")
    raise OSError(errno.ENOSPC, "No space left on device", str(out))


def _killed_task(parts: list[Path], out: Path, algorithms: tuple[str, ...]) -> Any:
    out.write_text("half of it", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)


_FAILING = {"full": _full_task, "killed": _killed_task}


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("full", "muniorg-dataset.jsonld: the disk is full; free some space and run again"),
        ("killed", "a process merging the whole data set's files ended before it finished"),
    ],
)
def test_a_merge_that_fails_on_its_process_fails_the_build_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, message: str
) -> None:
    out = tmp_path / "dist"
    build([EXAMPLES], out, jobs=2)
    before = _published(out)
    monkeypatch.setattr(union, "_jsonld_task", _FAILING[how])
    with pytest.raises(OutputError, match=message):
        build([EXAMPLES], out, jobs=2)
    assert _published(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]  # no staging folder left


def test_a_copy_that_fails_on_its_thread_fails_the_build_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from muniorg.publish import build as build_module

    copied: list[Path] = []

    def full(source: Path, target: Path) -> None:
        copied.append(target)
        if len(copied) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        copy_new(source, target)

    monkeypatch.setattr(build_module, "copy_new", full)
    monkeypatch.setattr(build_module, "_COPY_THREADS_MIN", 1)
    with pytest.raises(OutputError, match="the disk is full"):
        build([EXAMPLES], tmp_path / "dist", jobs=2)
    assert len(copied) >= 3
    assert list(tmp_path.iterdir()) == []  # neither the output nor a staging folder


def test_an_interrupt_while_copying_stops_the_copies_left_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the units' files are copied: the runs not started are not copied (a
    first national build would otherwise go on copying for seconds before it stops)."""
    import concurrent.futures
    import time

    from muniorg.publish import build as build_module

    copied: list[Path] = []

    def slow(source: Path, target: Path) -> None:
        time.sleep(0.02)
        copied.append(target)
        copy_new(source, target)

    real_wait = concurrent.futures.wait

    def interrupted(futures: Any, timeout: Any = None, return_when: Any = "ALL_COMPLETED") -> Any:
        if return_when == concurrent.futures.FIRST_EXCEPTION:
            raise KeyboardInterrupt
        return real_wait(futures, timeout, return_when)

    monkeypatch.setattr(build_module, "copy_new", slow)
    monkeypatch.setattr(build_module, "_COPY_THREADS_MIN", 1)
    monkeypatch.setattr(build_module, "_COPY_RUN", 1)
    monkeypatch.setattr(concurrent.futures, "wait", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([EXAMPLES], tmp_path / "dist", jobs=2)
    assert 0 < len(copied) <= 2 * build_module._COPY_THREADS  # the runs under way, not all
    assert list(tmp_path.iterdir()) == []  # neither the output nor a staging folder


# -- the Turtle merge on bytes -------------------------------------------------------------------

_TURTLE_PIECES = st.lists(
    st.sampled_from(
        [
            "@prefix ex: <https://ex.org/> .\n",
            "@prefix ex2: <https://ex.org/2/> .\r\n",
            "@prefix bad <x> .\n",
            "ex:a ex:p 1 ;\n",
            "\tex:q 2 .\n",
            "\n",
            "\t",
            "\r",
            "\r\n",
            "ø\u2028",
            "\x0c",
            "\u0085",
            '"x" .',
        ]
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(pieces=_TURTLE_PIECES)
def test_turtle_split_on_bytes_is_the_split_of_its_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    prefixes, blocks = union._turtle_parts(text)
    assert union._turtle_parts_bytes(text.encode("utf-8")) == (
        prefixes,
        [block.encode("utf-8") for block in blocks],
    )
    assert union._text_lines(text.encode("utf-8")) == [
        line.encode("utf-8") for line in text.splitlines()
    ]


def test_units_whose_subjects_are_not_in_order_are_merged_as_streams(tmp_path: Path) -> None:
    """The sort of every unit's blocks stands for the merge of sorted units only."""
    blocks = {
        "https://ex.org/b": "<https://ex.org/b> <https://ex.org/p> 1 .\n",
        "https://ex.org/a": "<https://ex.org/a> <https://ex.org/p> 2 .\n",
        "https://ex.org/c": "<https://ex.org/c> <https://ex.org/p> 3 .\n",
    }
    units = [["https://ex.org/b", "https://ex.org/a"], ["https://ex.org/c"]]
    parts = []
    for index, subjects in enumerate(units):
        turtle, listed = tmp_path / f"{index}.ttl", tmp_path / f"{index}.txt"
        turtle.write_text("".join(blocks[s] for s in subjects), encoding="utf-8")
        listed.write_text("".join(f"{s}\n" for s in subjects), encoding="utf-8")
        parts.append((Slice.whole(turtle), Slice.whole(listed)))
    assert union.merge_turtle_files(parts, tmp_path / "all.ttl")
    # heapq.merge of the streams as they are: b's block, then a's, then c's
    assert (tmp_path / "all.ttl").read_text(encoding="utf-8") == "".join(blocks.values())


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # no lone surrogates: UTF-8 files


@settings(max_examples=200, deadline=None)
@given(
    iri=_TEXT.filter(bool),
    node=st.dictionaries(_TEXT, st.one_of(_TEXT, st.integers(), st.floats(), st.none())),
)
def test_a_flat_line_reads_back_as_the_standard_library_reads_it(
    iri: str, node: dict[str, Any]
) -> None:
    """The JSON-LD merge parses ``flat.jsonl`` with orjson: the values are json's."""
    import json

    from muniorg.publish.units import flat_lines

    [line] = flat_lines([{**node, "id": iri}])
    assert [*union._keyed_line(line.encode("utf-8"))] == [*json.loads(line)]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("how", ["removed", "cut short"])
def test_a_unit_file_the_cache_lost_during_the_build_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, how: str
) -> None:
    from muniorg.publish import build as build_module

    real_publish = build_module._publish

    def lose_one(units: Any, *args: Any, **kwargs: Any) -> Any:
        # by hand or by another program while the build ran
        pack = Path(units[0].pack)
        if how == "removed":
            pack.unlink()
        else:
            os.truncate(pack, units[0].files[0].size // 2)
        return real_publish(units, *args, **kwargs)

    monkeypatch.setattr(build_module, "_publish", lose_one)
    monkeypatch.setattr(build_module, "_COPY_THREADS_MIN", 1)
    with pytest.raises(OutputError, match=r"the build cache lost .* while the build ran"):
        build([EXAMPLES], tmp_path / "dist", jobs=jobs, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "dist").exists()


def test_a_ctrl_c_as_a_merge_process_forks_leaves_no_process_and_no_pipe(
    tmp_path: Path, sigint_as_the_second_worker_forks: list[int]
) -> None:
    """A SIGINT to this process alone (``kill -INT``) while the second merge process forks
    ends the start: the first process, which that SIGINT never reached, is not left waiting
    for work (multiprocessing's exit would join it for ever), nor the claims' pipe open."""
    import multiprocessing

    lines = ['<https://ex.org/a> <https://ex.org/p> "1" .\n']
    parts = _units(tmp_path, [lines, lines], subjects=True)
    before = set(multiprocessing.active_children())
    fds = set(os.listdir("/proc/self/fd"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyboardInterrupt):
        UnionMerge(out, "all", parts, True, 3)
    assert sigint_as_the_second_worker_forks == [2]
    assert set(multiprocessing.active_children()) == before
    assert set(os.listdir("/proc/self/fd")) <= fds
