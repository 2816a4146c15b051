"""``muniorg build --watch``: build, then build again in the same process whenever a source
changes.

:func:`watch` builds once, then looks at the sources every :data:`POLL_S` seconds: the YAML
files a build reads (:func:`muniorg.authoring.load.iter_yaml_files`' choice: the files named,
and the ``*.yaml``/``*.yml`` files under the folders named, hidden folders left out), by
device, inode, size and modification and change times, so that a file saved, replaced (an
editor's save by rename), added or removed is seen. When one changed, it waits until nothing
has changed for :data:`QUIET_S` seconds (a file saved twice quickly is built once; the time is
the files' change time, so a change seen late is not kept waiting longer, or this machine's
clock since the last change seen, so a file system whose clock is ahead of ours does not keep
it waiting either), then builds
again with :func:`muniorg.publish.build.build`, in this process: the modules, the compiled
shapes and templates are loaded already (:func:`warm_up`, right after the first build), and
what the previous build kept (the cache's units, the whole data set's state, the output
folder's stat records) is known without being read again where its file is unchanged. The
output is the bytes a fresh build of the same sources writes.

A build that fails (invalid YAML, a reference to nothing) leaves the output folder as it was,
as any build does; the watch reports the error and goes on. Each build, good or not, is handed
to ``on_build``.

Polling rather than the system's file events (inotify ...): it needs no library, sees files on
network and container mounts alike, and costs a ``stat`` per file (about 1 ms for 200 files)
every :data:`POLL_S` seconds. A change is seen :data:`POLL_S` / 2 seconds after it on
average, and built once its files' change time is :data:`QUIET_S` seconds past, or
:data:`QUIET_S` seconds after the watch last saw the sources change (docs/cli.md).

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
    >>> builds[0].result.published, builds[0].changed
    (True, ())
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
from typing import Any

from muniorg.authoring.load import YAML_SUFFIXES, authoring_files
from muniorg.core.errors import MuniorgError, OutputError
from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.formats.files import stat_key
from muniorg.publish.build import BuildResult, Progress, build
from muniorg.publish.units import Settings, UnitJob, build_unit
from muniorg.validation.run import engine_name

#: Seconds between two looks at the sources while nothing changes.
POLL_S = 0.25
#: Seconds without a change after a change before the build starts (debounce).
QUIET_S = 0.15
#: Seconds between two looks at the sources while waiting for them to be quiet.
_QUIET_STEP_S = 0.05

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
    found: Snapshot = {}
    for source in sources:
        path = os.fspath(source)
        try:
            status = os.stat(path)
        except OSError:
            found[path] = ()  # missing: the build says so
            continue
        if not stat.S_ISDIR(status.st_mode):
            found[path] = stat_key(status)
            continue
        pending = [path]
        while pending:
            folder = pending.pop()
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        try:
                            if entry.is_dir(follow_symlinks=False):
                                if not entry.name.startswith("."):
                                    pending.append(entry.path)
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


def watch(
    sources: Sequence[Path],
    out_dir: Path,
    *,
    on_build: Callable[[WatchedBuild], None],
    stop: threading.Event | None = None,
    progress: Progress | None = None,
    poll: float = POLL_S,
    quiet: float = QUIET_S,
    **options: Any,
) -> None:
    """Build ``sources`` into ``out_dir`` (:func:`~muniorg.publish.build.build` with
    ``options``), then again after each change, until ``stop`` is set (or a
    ``KeyboardInterrupt``, which is left to the caller: a build it interrupts leaves the output
    folder as it was). ``on_build`` gets every build; ``progress`` is shown for the first only
    (the later ones take nearly every file from the cache).

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
        seen = snapshot(sources)
        first = _build_once(sources, out_dir, options, progress, (), time.perf_counter(), seen)
        if isinstance(first.error, OutputError):
            raise first.error
        on_build(first)
        warm_up(sources, options)
        while not stop.is_set():
            now = snapshot(sources)
            if now == seen:
                stop.wait(poll)
                continue
            noticed = time.perf_counter()  # the time a build reports is from here
            settled = _quiet(sources, seen, now, quiet, stop)
            if settled is None:
                return
            changed = changes(seen, settled)
            if not changed:  # changed back (an editor's undo, a checkout and back)
                continue
            seen = settled
            on_build(_build_once(sources, out_dir, options, None, changed, noticed, seen))


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
) -> WatchedBuild:
    files = sum(1 for key in seen.values() if key)
    try:
        result = build(sources, out_dir, progress=progress, **options)
    except MuniorgError as err:
        return WatchedBuild(None, err, changed, time.perf_counter() - noticed, files)
    return WatchedBuild(result, None, changed, time.perf_counter() - noticed, files)


__all__ = ["POLL_S", "QUIET_S", "WatchedBuild", "changes", "snapshot", "warm_up", "watch"]
