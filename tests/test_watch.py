"""``muniorg build --watch``: every rebuild writes the bytes of a fresh build of the same
sources, a failed build leaves the output as it was, a file saved twice quickly is built once,
and Ctrl-C or SIGTERM end the watch with exit code 0; with the system's file events (real ones,
on temporary folders) and when polling. No test times the watch: a wait is for something to
happen, with a timeout generous for a busy machine, or for nothing to happen."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import folder_bytes

import muniorg.publish.watch as watch_module
from muniorg.cli.app import error_lines
from muniorg.core.errors import OutputError
from muniorg.publish.build import build
from muniorg.publish.watch import WatchedBuild, snapshot, warm_up, watch

#: Both ways the watch sees changes: the system's file events, and polling.
BOTH_WAYS = pytest.mark.parametrize("events", [True, False], ids=["events", "polling"])

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: Seconds to wait for a build (the machine may be busy).
TIMEOUT = 180


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(EXAMPLES, folder)
    return folder


class Watching:
    """A watch on a thread, its builds in a queue."""

    def __init__(self, sources: Path, out: Path, cache: Path, **options: object) -> None:
        self.builds: queue.Queue[WatchedBuild] = queue.Queue()
        self.stop = threading.Event()
        self.failure: list[BaseException] = []

        def run() -> None:
            try:
                watch(
                    [sources],
                    out,
                    on_build=self.builds.put,
                    stop=self.stop,
                    jobs=1,
                    cache_dir=cache,
                    **options,
                )
            except BaseException as err:  # shown by next()
                self.failure.append(err)

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def next(self) -> WatchedBuild:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            assert not self.failure, self.failure
            try:
                return self.builds.get(timeout=0.2)
            except queue.Empty:
                continue
        raise AssertionError("no build within the timeout")

    def close(self) -> None:
        self.stop.set()
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive()
        assert not self.failure, self.failure


@pytest.fixture
def watching(sources: Path, tmp_path: Path) -> Iterator[Callable[..., Watching]]:
    started: list[Watching] = []

    def start(**options: object) -> Watching:
        started.append(Watching(sources, tmp_path / "dist", tmp_path / "cache", **options))
        return started[-1]

    yield start
    for one in started:
        one.stop.set()
        one.thread.join(TIMEOUT)


def save(path: Path, text: str) -> None:
    """Save ``path`` as most editors do, in one step (a new file renamed over the old): a file
    truncated and then written may stay empty for longer than the quiet period on a busy
    machine, and the watch would rightly build it so."""
    new = path.with_name(f".{path.name}.new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    save(path, text.replace(old, new, 1))


def fresh(sources: Path, tmp_path: Path) -> dict[str, bytes]:
    """A build of ``sources`` in a new folder, without a cache, by bytes."""
    out = tmp_path / f"fresh-{time.monotonic_ns()}"
    assert build([sources], out, jobs=1).published
    return folder_bytes(out)


@BOTH_WAYS
def test_every_rebuild_is_a_fresh_build_and_a_failed_one_keeps_the_output(
    sources: Path, tmp_path: Path, watching: Callable[..., Watching], events: bool
) -> None:
    out = tmp_path / "dist"
    watch_ = watching(poll=0.05, quiet=0.1, events=events)
    first = watch_.next()
    assert first.result is not None and first.result.published and first.changed == ()
    assert first.files == 6
    assert (first.polling is None) == events, first.polling

    soroe = sources / "municipalities" / "soroe.yaml"
    edit(soroe, "en: Sorø Municipality", "en: Sorø Municipality (new)")
    again = watch_.next()
    assert again.error is None and again.result is not None
    assert again.changed == (str(soroe),)
    assert again.result.cached == 4  # built in the same process, from the cache
    assert folder_bytes(out) == fresh(sources, tmp_path)

    good = folder_bytes(out)
    text = soroe.read_text(encoding="utf-8")
    save(soroe, text + "council: [\n")
    failed = watch_.next()
    assert failed.result is None and failed.error is not None
    lines = error_lines(failed.error)
    assert any(line.startswith(f"{soroe}:") and ": error: " in line for line in lines), lines
    assert folder_bytes(out) == good  # the last good output, untouched

    save(soroe, text)
    mended = watch_.next()
    assert mended.error is None
    assert folder_bytes(out) == good

    # The programme shows on its participants' pages: removing it rebuilds them too.
    programme = next((sources / "programmes").glob("*.yaml"))
    kept = programme.read_bytes()
    programme.unlink()
    removed = watch_.next()
    assert removed.error is None and removed.changed == (str(programme),)
    assert folder_bytes(out) == fresh(sources, tmp_path)
    save(programme, kept.decode("utf-8"))  # a new file
    added = watch_.next()
    assert added.error is None and added.files == 6
    assert folder_bytes(out) == good
    watch_.close()


@BOTH_WAYS
def test_a_file_saved_twice_quickly_is_built_once(
    sources: Path, tmp_path: Path, watching: Callable[..., Watching], events: bool
) -> None:
    watch_ = watching(poll=0.05, quiet=0.5, events=events)
    watch_.next()
    soroe = sources / "municipalities" / "soroe.yaml"
    edit(soroe, "en: Sorø Municipality", "en: Sorø Municipality (1)")
    time.sleep(0.02)
    edit(soroe, "Sorø Municipality (1)", "Sorø Municipality (2)")
    built = watch_.next()
    assert built.error is None and built.changed == (str(soroe),)
    time.sleep(1.0)
    assert watch_.builds.empty()  # no second build of the same change
    assert "Sorø Municipality (2)" in (tmp_path / "dist" / "soroe.en.html").read_text("utf-8")
    watch_.close()


class _ClockBehind:
    """The ``time`` module, but with this machine's wall clock an hour behind the file system's
    (a network share's server, a VM's or container's host): every change time is in our future."""

    LAG_S = 3600.0

    def __getattr__(self, name: str) -> object:
        return getattr(time, name)

    def time(self) -> float:
        return time.time() - self.LAG_S


def test_a_file_system_whose_clock_is_ahead_does_not_hold_back_the_rebuild(
    sources: Path,
    tmp_path: Path,
    watching: Callable[..., Watching],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(watch_module, "time", _ClockBehind())
    watch_ = watching(poll=0.05, quiet=0.5, events=False)  # events do not read change times
    watch_.next()
    soroe = sources / "municipalities" / "soroe.yaml"
    assert soroe.stat().st_ctime > watch_module.time.time() + 3000  # in the watch's future
    edit(soroe, "en: Sorø Municipality", "en: Sorø Municipality (1)")
    time.sleep(0.02)
    edit(soroe, "Sorø Municipality (1)", "Sorø Municipality (2)")
    # By the change time alone, the rebuild would wait for the hour to pass.
    built = watch_.builds.get(timeout=60)
    assert built.error is None and built.changed == (str(soroe),)
    time.sleep(1.0)
    assert watch_.builds.empty()  # still a double save built once
    assert "Sorø Municipality (2)" in (tmp_path / "dist" / "soroe.en.html").read_text("utf-8")
    watch_.close()


def test_the_warm_up_builds_a_file_and_keeps_nothing(sources: Path, tmp_path: Path) -> None:
    before = set(Path(tempfile.gettempdir()).glob("muniorg-warm-*"))
    assert warm_up([sources], {"engine": "muniorg"})
    assert set(Path(tempfile.gettempdir()).glob("muniorg-warm-*")) == before
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.yaml").write_text("type: Municipality\nid: [\n")
    assert not warm_up([tmp_path / "bad"], {})


def test_an_output_folder_a_build_refuses_ends_the_watch(sources: Path) -> None:
    with pytest.raises(OutputError, match="refusing to publish"):
        watch([sources], sources, on_build=lambda _: None, jobs=1)


def test_the_snapshot_sees_saves_renames_and_new_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n")
    (tmp_path / "notes.txt").write_text("not read by a build\n")
    before = snapshot([tmp_path])
    assert list(before) == [str(tmp_path / "a.yaml")]
    (tmp_path / "notes.txt").write_text("changed\n")
    assert snapshot([tmp_path]) == before
    (tmp_path / "b.yml.tmp").write_text("id: b\n")
    os.replace(tmp_path / "b.yml.tmp", tmp_path / "a.yaml")  # an editor's save by rename
    assert snapshot([tmp_path]) != before
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.yaml").write_text("id: c\n")
    assert str(tmp_path / "sub" / "c.yaml") in snapshot([tmp_path])
    assert snapshot([tmp_path / "missing"]) == {str(tmp_path / "missing"): ()}


def _wait_for(path: Path, text: str, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = path.read_text(encoding="utf-8", errors="replace")
        if text in found:
            return found
        assert process.poll() is None, found
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not printed within the timeout")


@pytest.mark.parametrize(
    ("stop_with", "poll"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGTERM, True)],
    ids=["SIGTERM", "SIGINT", "SIGTERM-polling"],
)
def test_the_command_watches_reports_errors_and_stops_with_exit_code_0(
    sources: Path, tmp_path: Path, stop_with: signal.Signals, poll: bool
) -> None:
    if stop_with == signal.SIGINT and signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        pytest.skip("SIGINT is ignored here, and so in the command started from here")
    out, errors = tmp_path / "dist", tmp_path / "stderr.txt"
    command = [sys.executable, "-c", "from muniorg.cli import main; main()", "build"]
    options = ["-o", str(out), "--watch", "-j", "1", "--cache-dir", str(tmp_path / "cache")]
    environment = {key: value for key, value in os.environ.items() if key != "MUNIORG_WATCH_POLL"}
    if poll:
        environment["MUNIORG_WATCH_POLL"] = "1"
    with errors.open("wb") as stream:
        process = subprocess.Popen(
            [*command, str(sources), *options],
            stdout=subprocess.DEVNULL,
            stderr=stream,
            env=environment,
        )
    try:
        printed = _wait_for(errors, "watching 6 files", process)
        assert ("note: polling every 0.25 s, as asked" in printed) == poll, printed
        assert ("watching 6 files, polling (Ctrl-C to stop)" in printed) == poll, printed
        good = folder_bytes(out)
        soroe = sources / "municipalities" / "soroe.yaml"
        original = soroe.read_text(encoding="utf-8")
        save(soroe, "type: Municipality\nid: [\n")
        printed = _wait_for(errors, "build failed", process)
        assert f"{soroe}:3:1: error: invalid YAML" in printed
        assert folder_bytes(out) == good
        # a violation publishes nothing either, and the line says so (it said "built in")
        save(soroe, original.replace("role: mayor", "role: mayr", 1))
        printed = _wait_for(errors, "not published", process)
        assert (
            f"{soroe} changed: not published (results at or above --fail-on), {out} left as it "
            "was; checked in "
        ) in printed, printed
        assert folder_bytes(out) == good
        process.send_signal(stop_with)
        assert process.wait(TIMEOUT) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert "stopped watching" in errors.read_text(encoding="utf-8")
    assert "Traceback" not in errors.read_text(encoding="utf-8")
    assert folder_bytes(out) == good


def test_a_process_that_builds_again_and_again_forgets_old_records(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watch builds for hours: the stat records and remembered files stay bounded, and a
    build after they were forgotten is still a fresh build's bytes."""
    from muniorg.formats import output_folder
    from muniorg.formats.files import StatMemo

    monkeypatch.setattr(output_folder, "_RECORDS_MAX", 60)
    out, cache = tmp_path / "dist", tmp_path / "cache"
    sizes = []
    soroe = sources / "municipalities" / "soroe.yaml"
    text = soroe.read_text(encoding="utf-8")
    for name in ("(1)", "(2)", "(3)", "(4)"):
        save(soroe, text.replace("en: Sorø Municipality", f"en: Sorø {name}", 1))
        assert build([sources], out, jobs=1, cache_dir=cache).published
        sizes.append(len(output_folder._RECORDS))
    assert max(sizes) < 60 + 3 * 45  # at most the bound and what one build adds
    assert folder_bytes(out) == fresh(sources, tmp_path)

    memo: StatMemo[int] = StatMemo(max_entries=2)
    for index in range(5):
        (tmp_path / f"{index}.txt").write_text("x" * index)
    time.sleep(2.1)  # remembered only once settled (SETTLED_NS)
    for index in range(5):
        assert memo.get(tmp_path / f"{index}.txt", len) == index
    assert 1 <= len(memo._known) <= 2


def test_only_events_on_the_sources_wake_the_watch(tmp_path: Path) -> None:
    """Real events on a temporary folder: other suffixes, editors' swap and backup files, hidden
    folders, and the output and cache folders (a build's own writes) inside a watched folder
    wake nothing; a YAML file saved, added or removed does, in a folder made since too."""
    src = tmp_path / "src"
    for folder in ("sub", ".git", "dist", "cache"):
        (src / folder).mkdir(parents=True)
    (src / "a.yaml").write_text("id: a\n")
    out, cache = src / "dist", src / "cache"
    events = watch_module._Events([src], watch_module._ignoring(out, cache))
    stop = threading.Event()
    try:
        assert list(events.look()) == [str(src / "a.yaml")]
        quiet: list[Callable[[], object]] = [
            lambda: (src / "notes.txt").write_text("x"),
            lambda: (src / ".a.yaml.swp").write_text("x"),
            lambda: (src / "a.yaml~").write_text("x"),
            lambda: (src / ".git" / "b.yaml").write_text("x"),
            lambda: (src / ".git" / "objects").mkdir(),
            lambda: (out / "index.html").write_text("x"),
            lambda: (out / "soroe").mkdir(),
            lambda: (cache / "unit.yaml").write_text("x"),
            lambda: (src / ".dist.building-1").mkdir(),  # a build's staging folder
            lambda: os.rename(out, src / "dist.kept-1"),  # ... and the exchange
            lambda: os.rename(src / ".dist.building-1", out),
        ]
        for change in quiet:
            change()
            assert events.wait(1.0, stop) is False, change
        for change in [
            lambda: (src / "sub" / "c.yml").write_text("id: c\n"),
            lambda: save(src / "a.yaml", "id: a2\n"),  # by rename
            lambda: (src / "a.yaml").write_text("id: a3\n"),  # in place
            lambda: (src / "sub" / "c.yml").unlink(),
            lambda: (src / "new").mkdir(),
        ]:
            change()
            assert events.wait(TIMEOUT, stop) is True, change
            events.settle(0.05, stop)
        assert str(src / "new") not in events._folders
        events.look()  # watches the new folder
        (src / "new" / "d.yaml").write_text("id: d\n")
        assert events.wait(TIMEOUT, stop) is True
        stop.set()
        assert events.wait(TIMEOUT, stop) is None
    finally:
        events.close()


def test_a_watch_whose_output_and_cache_are_inside_the_source_builds_once_per_change(
    sources: Path,
) -> None:
    """The build's own writes into OUT and the cache, inside the watched folder, do not start
    builds: no build in a loop."""
    watch_ = Watching(sources, sources / "dist", sources / "cache", quiet=0.05)
    try:
        first = watch_.next()
        assert first.result is not None and first.result.published and first.files == 6
        assert first.polling is None
        time.sleep(1.5)
        assert watch_.builds.empty()
        soroe = sources / "municipalities" / "soroe.yaml"
        edit(soroe, "en: Sorø Municipality", "en: Sorø Municipality (new)")
        again = watch_.next()
        assert again.error is None and again.changed == (str(soroe),)
        time.sleep(1.5)
        assert watch_.builds.empty()
    finally:
        watch_.close()


def test_a_file_moved_into_a_new_folder_is_seen_and_then_its_saves(
    sources: Path, watching: Callable[..., Watching]
) -> None:
    watch_ = watching(quiet=0.05)
    watch_.next()
    soroe = sources / "municipalities" / "soroe.yaml"
    moved = sources / "moved" / "soroe.yaml"
    moved.parent.mkdir()
    os.rename(soroe, moved)
    built = watch_.next()
    assert built.error is None and built.changed == tuple(sorted((str(soroe), str(moved))))
    edit(moved, "en: Sorø Municipality", "en: Sorø Municipality (moved)")
    again = watch_.next()
    assert again.error is None and again.changed == (str(moved),)
    watch_.close()


def test_sources_emptied_while_watched_leave_the_output_as_it_was(
    sources: Path, tmp_path: Path, watching: Callable[..., Watching]
) -> None:
    """A checkout that empties the watched folder but for the catalog is a failed build, not
    an empty site over the last one; putting the files back builds them again."""
    watch_ = watching(poll=0.05, quiet=0.1, events=False)
    assert watch_.next().error is None
    good = folder_bytes(tmp_path / "dist")
    away = tmp_path / "away"
    away.mkdir()
    for folder in ("municipalities", "programmes"):
        os.rename(sources / folder, away / folder)
    emptied = watch_.next()
    assert emptied.result is None and emptied.error is not None
    assert error_lines(emptied.error) == [
        f"error: no authoring documents found in {sources} (only the catalog "
        f"{sources / 'catalog.yaml'})"
    ]
    assert folder_bytes(tmp_path / "dist") == good
    for folder in ("municipalities", "programmes"):
        os.rename(away / folder, sources / folder)
    back = watch_.next()
    assert back.error is None and folder_bytes(tmp_path / "dist") == good
    watch_.close()


@pytest.mark.parametrize(
    "failure",
    [OSError(28, "OS file watch limit reached"), TypeError("takes 5 positional arguments")],
    ids=["watch limit", "another watchfiles"],
)
def test_the_watch_polls_when_file_events_cannot_start(
    sources: Path,
    tmp_path: Path,
    watching: Callable[..., Watching],
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
) -> None:
    """The system's watch limit, or a watchfiles whose backend (not its public API) takes
    other arguments: the watch polls, and says why."""
    import watchfiles._rust_notify

    def no_watcher(*args: object) -> None:
        raise failure

    monkeypatch.setattr(watchfiles._rust_notify, "RustNotify", no_watcher)
    watch_ = watching(poll=0.05, quiet=0.1)
    first = watch_.next()
    assert first.polling is not None and "file events are unavailable" in first.polling
    assert str(failure) in first.polling
    soroe = sources / "municipalities" / "soroe.yaml"
    edit(soroe, "en: Sorø Municipality", "en: Sorø Municipality (polled)")
    again = watch_.next()
    assert again.error is None and again.changed == (str(soroe),)
    assert "(polled)" in (tmp_path / "dist" / "soroe.en.html").read_text("utf-8")
    watch_.close()


def test_poll_is_for_watch_only(sources: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from muniorg.cli.app import cli

    result = CliRunner().invoke(cli, ["build", str(sources), "-o", str(tmp_path / "d"), "--poll"])
    assert result.exit_code == 2 and "--poll is for --watch" in result.output
