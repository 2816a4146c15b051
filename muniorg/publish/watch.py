"""``muniorg build --watch``: build, then build again in the same process whenever a source
changes.

:func:`watch` builds once, then waits for the operating system's file events (inotify on
Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows, through ``watchfiles``' Rust
``notify`` watcher) on the folders a build reads: each folder named and its folders (hidden
ones, the output folder and the cache folder left out), and the folder of each file named.
An event only says *when* to look: the YAML files a build reads
(:func:`muniorg.authoring.load.iter_yaml_files`' choice) are then looked at by device, inode,
size and modification and change times (:func:`snapshot`), and that look says *what* changed
(a file saved, replaced by an editor's save by rename, added or removed). Events on other
files (other suffixes, an editor's swap and backup files), in hidden folders, and those of the
build's own writes into the output and cache folders start nothing. Once an event on the
sources came, the watch waits until none has come for :data:`SETTLE_S` seconds (a save in two
steps, a ``git checkout`` of many files give one build), looks, and builds again with
:func:`muniorg.publish.build.build`, in this process: the modules, the compiled shapes and
templates are loaded already (:func:`warm_up`, right after the first build), and what the
previous build kept (the cache's units, the whole data set's state, the output folder's stat
records) is known without being read again where its file is unchanged. The output is the
bytes a fresh build of the same sources writes. Without an event, the sources are still looked
at every :data:`RESCAN_S` seconds, in case one was lost.

Where events are unavailable (the watcher cannot start: no inotify, its limit reached) or
asked not to be used (``events=False``: network and container mounts, where they often do not
arrive), the watch polls: it looks at the sources every :data:`POLL_S` seconds and, after a
change, waits until nothing has changed for :data:`QUIET_S` seconds (the files' change time,
so a change seen late is not kept waiting longer, or this machine's clock since the last
change seen, so a file system whose clock is ahead of ours does not keep it waiting either).

A build that fails (invalid YAML, a reference to nothing) leaves the output folder as it was,
as any build does; the watch reports the error and goes on. A file seen half written builds
with an error at worst, and its next write's event builds it again. Each build, good or not,
is handed to ``on_build``. Latency (docs/cli.md, docs/performance.md): with events, a save is
built about :data:`SETTLE_S` + 10 ms after it; polling, :data:`POLL_S` / 2 + :data:`QUIET_S`
on average.

Example:
    >>> import pathlib, tempfile, threading
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "x.yaml").write_text("type: Municipality\\nid: x\\nname: {da: X, en: X}\\ncountry: DNK\\n")
    >>> stop = threading.Event()
    >>> builds = []
    >>> def seen(build):
    ...     builds.append(build)
    ...     stop.set()  # one build is enough here
    >>> watch([src], src / "out", on_build=seen, stop=stop, jobs=1)
    >>> builds[0].result.published, builds[0].changed, builds[0].polling
    (True, (), None)
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muniorg.authoring.load import YAML_SUFFIXES, authoring_files
from muniorg.core.errors import MuniorgError, OutputError
from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.formats.files import stat_key
from muniorg.publish.build import BuildResult, Progress, build
from muniorg.publish.units import Settings, UnitJob, build_unit
from muniorg.validation.run import engine_name

if TYPE_CHECKING:
    from watchfiles._rust_notify import RustNotify

#: File events: seconds without an event on the sources, after one, before they are looked at
#: and built. Saves come in one burst well within it: truncate and write, a new file renamed
#: over the old, vim's saves (longest gap between two of their events 0-4 ms), and a
#: ``git checkout`` of 200 files (longest gap 2-10 ms in 24 of 25 checkouts on the busy 2-CPU
#: machine; once 104 ms at load 6: such a burst builds twice, the second build is the whole).
SETTLE_S = 0.04
#: File events: seconds between two looks at the sources while no event comes, in case one
#: was lost (an overflowing event queue, a folder made and filled before it was watched).
RESCAN_S = 2.0
#: Polling: seconds between two looks at the sources while nothing changes.
POLL_S = 0.25
#: Polling: seconds without a change after a change before the build starts (debounce).
QUIET_S = 0.15
#: Polling: seconds between two looks at the sources while waiting for them to be quiet.
_QUIET_STEP_S = 0.05
#: File events: milliseconds between two collections of the watcher thread's events: a batch
#: is handed over 1-2 steps after its first event. While idle, this costs about 1% of one CPU
#: (0.55% at 10 ms, 0.3% at 20 ms, measured on the 2-CPU machine), for 5-10 ms less latency.
_STEP_MS = 5

#: A look at the sources: each YAML file's path and stat key, and the sources that are missing.
Snapshot = dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class WatchedBuild:
    """One build of a watch: its result, or the error that stopped it (the output folder is
    then as it was), the files changed since the previous build (none for the first), and
    ``seconds`` from the moment the change was seen to the end of the build (the first
    build's own time)."""

    result: BuildResult | None
    error: MuniorgError | None
    changed: tuple[str, ...]
    seconds: float
    #: How many YAML files the watch looks at now.
    files: int
    #: Why the watch polls the sources (``None``: it follows the system's file events).
    polling: str | None = None


def snapshot(sources: Sequence[Path]) -> Snapshot:
    """The YAML files under ``sources`` (as a build finds them: hidden folders and folders
    reached through symbolic links left out) with their stat keys; a source that is missing,
    or a folder that cannot be read, is recorded as such, so that its return is a change.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.yaml").write_text("id: a")
    >>> (folder / ".git").mkdir()
    >>> _ = (folder / ".git" / "b.yaml").write_text("id: b")
    >>> [Path(p).name for p in snapshot([folder])]
    ['a.yaml']
    """
    return _look(sources, None, lambda folder: False)


def _look(
    sources: Sequence[Path], folders: set[str] | None, ignored: Callable[[str], bool]
) -> Snapshot:
    """:func:`snapshot`, adding to ``folders`` (when given) the absolute paths of the folders
    whose events tell of a change to the sources: each folder source and the folders under
    it that the snapshot walks, but those ``ignored`` (and what is under them); the folder of
    a file source, or of a missing source."""
    found: Snapshot = {}
    for source in sources:
        path = os.fspath(source)
        try:
            status = os.stat(path)
        except OSError:
            found[path] = ()  # missing: the build says so
            if folders is not None:
                folders.add(os.path.dirname(os.path.abspath(path)))
            continue
        if not stat.S_ISDIR(status.st_mode):
            found[path] = stat_key(status)
            if folders is not None:
                folders.add(os.path.dirname(os.path.abspath(path)))
            continue
        pending = [(path, folders is not None)]
        while pending:
            folder, followed = pending.pop()
            if followed:
                absolute = os.path.abspath(folder)
                followed = not ignored(absolute)
                if followed and folders is not None:
                    folders.add(absolute)
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        try:
                            if entry.is_dir(follow_symlinks=False):
                                if not entry.name.startswith("."):
                                    pending.append((entry.path, followed))
                            elif entry.name.endswith(YAML_SUFFIXES):
                                found[entry.path] = stat_key(entry.stat())
                        except OSError:  # removed meanwhile, or a link to nothing
                            found[entry.path] = ()
            except OSError:
                found[folder + os.sep] = ()
    return found


def changes(before: Snapshot, after: Snapshot) -> tuple[str, ...]:
    """The paths added, removed or changed from ``before`` to ``after``, sorted.

    >>> changes({"a": (1,), "b": (2,)}, {"a": (1,), "b": (3,), "c": (4,)})
    ('b', 'c')
    """
    return tuple(sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p)))


class EventsUnavailable(Exception):
    """The system's file events cannot be used (the watcher did not start, or failed)."""


class _Events:
    """The system's file events on the folders a build reads (:func:`_look`), each watched on
    its own (not recursively: a folder made later is watched once a look finds it).

    An event is on the sources when its path is a YAML file's, a source's, a watched folder's
    (removed or renamed), or a new folder's that is not hidden; events in or on the output and
    cache folders (``ignored``) are not. :meth:`look` is the truth of what changed; the events
    only wake it.
    """

    def __init__(self, sources: Sequence[Path], ignored: Callable[[str], bool]) -> None:
        self._sources = sources
        # Both spellings: FSEvents (macOS) reports paths with the links resolved.
        self._named = frozenset(
            name
            for source in sources
            for name in (os.path.abspath(source), os.path.realpath(source))
        )
        self._ignored = ignored
        self._folders: frozenset[str] = frozenset()
        self._notify: RustNotify | None = None

    def look(self) -> Snapshot:
        """:func:`snapshot` of the sources, taken once every folder it walks is watched: a
        look that finds new folders (or folders gone) watches them, then looks again, so
        that nothing written into a new folder is missed."""
        for _ in range(5):  # one look, unless folders keep being made or removed meanwhile
            folders: set[str] = set()
            found = _look(self._sources, folders, self._ignored)
            if not self._follow(frozenset(folders)):
                return found
        return found  # a change of the folders since is told by its own event

    def _follow(self, folders: frozenset[str]) -> bool:
        """Watch ``folders`` and only them; whether the watcher was started again (its
        pending events are then dropped: the caller looks again)."""
        if self._notify is not None and folders == self._folders:
            return False
        try:
            # watchfiles documents RustNotify as its backend's interface; its watch() waits
            # for any time asked, which watchfiles.watch() fixes when it starts.
            from watchfiles._rust_notify import RustNotify

            # The last argument: a folder removed or unreadable meanwhile is left out (a look
            # records it), rather than stopping the watcher.
            notify = RustNotify(sorted(folders), False, False, 0, False, True)
        # TypeError: a watchfiles whose backend takes other arguments (it is not public API)
        except (ImportError, OSError, RuntimeError, TypeError) as err:
            raise EventsUnavailable(f"{type(err).__name__}: {err}") from err
        self.close()
        self._notify, self._folders = notify, folders
        return True

    def wait(self, seconds: float, stop: threading.Event) -> bool | None:
        """Whether an event on the sources came within ``seconds`` (it returns as it comes;
        ``None``: ``stop`` was set). A signal handler's exception (Ctrl-C) ends it with
        ``KeyboardInterrupt``."""
        assert self._notify is not None, "look() first"
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                got = self._notify.watch(_STEP_MS, _STEP_MS, max(1, round(left * 1000)), stop)
            except (RuntimeError, TypeError) as err:  # WatchfilesRustInternalError; see _follow
                raise EventsUnavailable(f"the file watcher failed: {err}") from err
            if got == "stop":
                return None
            if got == "signal":
                raise KeyboardInterrupt
            if got == "timeout":
                return False
            if any(self._on_sources(path) for _, path in got):
                return True
        return False

    def settle(self, quiet: float, stop: threading.Event) -> bool:
        """Wait until no event on the sources came for ``quiet`` seconds; ``False``: stopped."""
        while True:
            came = self.wait(quiet, stop)
            if came is None:
                return False
            if not came:
                return True

    def _on_sources(self, path: str) -> bool:
        if path in self._named or path in self._folders:
            return True
        if self._ignored(path):
            return False
        name = os.path.basename(path)
        if name.endswith(YAML_SUFFIXES):
            return True
        return not name.startswith(".") and os.path.isdir(path)

    def close(self) -> None:
        if self._notify is not None:
            self._notify.close()
            self._notify = None


def _ignoring(out_dir: Path, cache_dir: Path | None) -> Callable[[str], bool]:
    """Whether an absolute path is in or on the output folder, a folder a build keeps beside
    it (``OUT.kept-*``; its staging folder is hidden) or the cache folder: the build's own
    writes, which must not start a build.

    >>> ignored = _ignoring(Path("/s/dist"), Path("/c"))
    >>> [ignored(p) for p in ("/s/dist", "/s/dist/a.ttl", "/s/dist.kept-1", "/c/x", "/s/a.yaml")]
    [True, True, True, True, False]
    """
    roots = {os.path.abspath(out_dir), os.path.realpath(out_dir)}
    if cache_dir is not None:
        roots |= {os.path.abspath(cache_dir), os.path.realpath(cache_dir)}
    kept = (
        os.path.join(os.path.dirname(root), os.path.basename(root) + ".kept-") for root in roots
    )
    prefixes = (*(root + os.sep for root in roots), *kept)

    def ignored(path: str) -> bool:
        return path in roots or path.startswith(prefixes)

    return ignored


def watch(
    sources: Sequence[Path],
    out_dir: Path,
    *,
    on_build: Callable[[WatchedBuild], None],
    stop: threading.Event | None = None,
    progress: Progress | None = None,
    events: bool = True,
    poll: float = POLL_S,
    quiet: float | None = None,
    **options: Any,
) -> None:
    """Build ``sources`` into ``out_dir`` (:func:`~muniorg.publish.build.build` with
    ``options``), then again after each change, until ``stop`` is set (or a
    ``KeyboardInterrupt``, which is left to the caller: a build it interrupts leaves the output
    folder as it was). ``on_build`` gets every build; ``progress`` is shown for the first only
    (the later ones take nearly every file from the cache).

    Changes are told by the system's file events, or, with ``events=False`` or when the
    watcher cannot start or fails, by looking at the sources every ``poll`` seconds. ``quiet``
    is the debounce: the seconds without an event (default :data:`SETTLE_S`), or without a
    change when polling (default :data:`QUIET_S`), before a build.

    Without ``cache_dir`` the builds share a temporary cache, removed when the watch ends.

    :raises OutputError: when the first build finds that ``out_dir`` must not be written (a
        place a build refuses, a folder holding files muniorg did not write): no change to
        the sources would mend that. Later, the same error is handed to ``on_build``.
    """
    stop = stop or threading.Event()
    with contextlib.ExitStack() as stack:
        if options.get("cache_dir") is None:
            options["cache_dir"] = Path(
                stack.enter_context(tempfile.TemporaryDirectory(prefix="muniorg-watch-"))
            )
        watcher: _Events | None = None
        polling: str | None = f"polling every {poll:g} s, as asked"
        if events:
            watcher = _Events(sources, _ignoring(out_dir, options["cache_dir"]))
            stack.callback(watcher.close)
            try:
                seen = watcher.look()  # watching from here: a change during the build is seen
                polling = None
            except EventsUnavailable as err:
                watcher = None
                polling = f"polling every {poll:g} s: file events are unavailable ({err})"
        if watcher is None:
            seen = snapshot(sources)
        started = time.perf_counter()
        first = _build_once(sources, out_dir, options, progress, (), started, seen, polling)
        if isinstance(first.error, OutputError):
            raise first.error
        # Warmed up before the first build is reported: once it says it watches, a change is
        # built at once (a change during the warm-up waited for it).
        warm_up(sources, options)
        on_build(first)
        while not stop.is_set():
            found: tuple[float, Snapshot] | None
            if watcher is not None:
                try:
                    found = _by_events(watcher, seen, SETTLE_S if quiet is None else quiet, stop)
                except EventsUnavailable as err:
                    watcher.close()
                    watcher = None
                    polling = f"polling every {poll:g} s: file events stopped ({err})"
                    continue
            else:
                found = _by_polling(sources, seen, poll, QUIET_S if quiet is None else quiet, stop)
            if found is None:
                return
            noticed, settled = found
            changed = changes(seen, settled)
            seen = settled
            on_build(_build_once(sources, out_dir, options, None, changed, noticed, seen, polling))


def _by_events(
    watcher: _Events, seen: Snapshot, quiet: float, stop: threading.Event
) -> tuple[float, Snapshot] | None:
    """When the next change to the sources came (the time a build reports is from there) and
    the sources once settled, different from ``seen``; ``None``: stopped."""
    while True:
        came = watcher.wait(RESCAN_S, stop)
        if came is None:
            return None
        noticed = time.perf_counter()
        # without an event, the look every RESCAN_S seconds, in case one was lost
        if not came and watcher.look() == seen:
            continue
        if not watcher.settle(quiet, stop):
            return None
        now = watcher.look()
        if now != seen:  # else changed back (an editor's undo), or not a change a build reads
            return noticed, now


def _by_polling(
    sources: Sequence[Path], seen: Snapshot, poll: float, quiet: float, stop: threading.Event
) -> tuple[float, Snapshot] | None:
    """:func:`_by_events`, looking at the sources every ``poll`` seconds."""
    while not stop.is_set():
        now = snapshot(sources)
        if now == seen:
            stop.wait(poll)
            continue
        noticed = time.perf_counter()
        settled = _quiet(sources, seen, now, quiet, stop)
        if settled is None:
            return None
        if settled != seen:  # else changed back (an editor's undo, a checkout and back)
            return noticed, settled
    return None


def warm_up(sources: Sequence[Path], options: Mapping[str, Any]) -> bool:
    """Build one of the files under ``sources`` into a throwaway cache, so that this process
    has loaded what a build of a file loads once per process (the compiled shapes, the page
    templates, the lists' labels ...) before the first change: a first build taken whole from
    the cache, or built on worker processes, loaded none of it. Whether a file was built;
    best effort (a file that does not load is passed over, at most three are tried).
    """
    settings = Settings(
        options.get("base") or DEFAULT_BASE,
        bool(options.get("include_personal_data")),
        engine_name(options.get("engine")),
    )
    try:
        files = authoring_files(sources)[:3]
    except MuniorgError:
        return False
    with tempfile.TemporaryDirectory(prefix="muniorg-warm-") as scratch:
        for path, found in files:
            try:
                if build_unit(UnitJob(path, found, settings, Path(scratch))).report is not None:
                    return True
            except (MuniorgError, OSError):
                continue
    return False


def _quiet(
    sources: Sequence[Path], seen: Snapshot, now: Snapshot, quiet: float, stop: threading.Event
) -> Snapshot | None:
    """The sources once nothing has changed for ``quiet`` seconds (``None``: stopped).

    Quiet is measured two ways, and either will do, provided the last look saw no change:

    - by the files' clock: a change's time is the newest change time (``st_ctime``, which a
      save, a rename and a change of the times all set) of the files changed since ``seen``,
      and, for a file removed, when the removal was seen; a change made long enough before it
      was seen is built at once, without waiting ``quiet`` seconds more;
    - by this machine's monotonic clock, from the last look that saw the sources change: a
      file system whose clock is ahead of ours (a network share, a VM's or container's
      mount) gives change times in our future, which the first rule would keep waiting for
      until the clocks' difference has passed, silently. A file still being written changes
      at each look and so keeps resetting it."""
    removed: dict[str, float] = {}
    changed_at = time.monotonic()  # ``now`` differs from what was seen before it
    while True:
        newest = 0.0
        for path in changes(seen, now):
            key = now.get(path)
            when = key[4] / 1e9 if key else removed.setdefault(path, time.time())
            newest = max(newest, when)
        by_files = newest + quiet - time.time()  # > 0 while a change time is in our future
        by_us = changed_at + quiet - time.monotonic()  # at most ``quiet``
        wait = min(by_files, by_us)
        if wait > 0 and stop.wait(min(wait, _QUIET_STEP_S)):
            return None
        again = snapshot(sources)
        if again == now and wait <= 0:
            return now
        if again != now:
            changed_at = time.monotonic()
        now = again


def _build_once(
    sources: Sequence[Path],
    out_dir: Path,
    options: dict[str, Any],
    progress: Progress | None,
    changed: tuple[str, ...],
    noticed: float,
    seen: Snapshot,
    polling: str | None,
) -> WatchedBuild:
    files = sum(1 for key in seen.values() if key)
    try:
        result = build(sources, out_dir, progress=progress, **options)
    except MuniorgError as err:
        return WatchedBuild(None, err, changed, time.perf_counter() - noticed, files, polling)
    return WatchedBuild(result, None, changed, time.perf_counter() - noticed, files, polling)


__all__ = [
    "POLL_S",
    "QUIET_S",
    "RESCAN_S",
    "SETTLE_S",
    "EventsUnavailable",
    "WatchedBuild",
    "changes",
    "snapshot",
    "warm_up",
    "watch",
]
