"""Measure the targets of issue #11 side by side in one run and write their table.

Each measurement runs muniorg as a separate process, once with this checkout's Python and once
with a baseline (``--baseline PYTHON``: the Python of a virtual environment in which an older
muniorg is installed, e.g. a ``git worktree`` of commit eed107c with ``pip install -e .``), on
the same generated files, one after the other, so that both see the same machine:

- ``build``: ``muniorg build CORPUS -o OUT -j 2`` on the first N municipalities of the generated
  Nordic corpus (``benchmarks/generate_corpus.py``), for each ``--sizes`` N;
- ``rebuild``: the same build again after one file changed (this checkout only: the baseline has
  no incremental build), against this checkout's full build. This checkout's full build starts
  with an empty build cache (``--cache-dir`` in the work folder), which the rebuild then uses;
- ``rebuild in --watch``: ``muniorg build --watch`` on the same files and cache, and the time
  from a change of one file to the output folder replaced, median of a few changes
  (:func:`measure_watch`), beside the rebuild in a new process;
- ``validate``: ``muniorg validate FILE`` of one municipality (median of ``--repeat`` runs, the
  baseline's and this checkout's interleaved, after one run each that is not counted);
- ``stock pySHACL``: :mod:`benchmarks.stock_pyshacl` on the published data set of the build
  (the published shapes against the same shapes without their SPARQL-based constraints);
- peak memory (maximum resident set size of the process tree) of every build.

Every run starts after an ``os.sync()``, so that it does not pay for the previous run's writes
that are still in the page cache (a build syncs its output with one ``syncfs``, which waits for
every dirty page of the file system).

Every run has bytecode caches, as an installed muniorg has (pip compiles the bytecode when it
installs; an editable install writes it on the first run): each Python's go to a folder of its
own under the temporary directory, so neither checkout is written to, and
``PYTHONDONTWRITEBYTECODE``, which some sandboxes set, is left out of the runs' environment.
Otherwise every run compiles every module it imports again, which measures the sandbox more than
muniorg (about 60 ms of a one-file validation). ``--no-bytecode-cache`` measures that way.

On a machine whose speed varies from one minute to the next (a shared virtual machine: a loop
of Python took 0.56-0.78 s within a few minutes here), one short build may fall in a slow
spell that a long one averages away. ``--rounds K`` runs the builds in K rounds, a baseline's
build then this checkout's in each, and the rebuild K times; the table gives each median and
every run's time.

Usage::

    .venv/bin/python -m benchmarks.targets --baseline /path/to/old/.venv/bin/python \\
        --sizes 200 1114 --stock-sizes 50 200 --label 2cpu
    .venv/bin/python -m benchmarks.targets --baseline /path/to/old/.venv/bin/python \\
        --sizes 200 --stock-sizes --rounds 3 --label 2cpu-200

Results go to ``benchmarks/results/<date>-targets-<label>.md`` (and ``.json``).

Example (the ratio helper)::

    >>> ratio(132.0, 6.0)
    '22.0x'
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.generate_corpus import write_corpus

RESULTS = Path(__file__).resolve().parent / "results"
CLI = "from muniorg.cli import main; main()"


def run(python: str, *args: str | Path) -> tuple[float, float, int]:
    """Run the muniorg command line with ``python``: (seconds, peak MB of the process tree,
    exit code)."""
    # Standard error goes to a file, not a pipe: nothing reads a pipe while wait4 waits, and a
    # build that reports more than a pipe holds (the baseline's 1,114 files) would block on it.
    with tempfile.TemporaryFile() as errors:
        # Start from no dirty pages: a build syncs its output with one syncfs, which also
        # waits for every page still to be written of the file system, here the previous
        # run's output (the baseline's, some 140 MB at 200: 0.1-0.2 s of a 3 s build).
        if hasattr(os, "sync"):
            os.sync()
        started = time.perf_counter()
        # Run from a neutral folder: with -c, the working directory comes first on sys.path,
        # and a checkout there would shadow the muniorg installed in ``python``'s environment.
        process = subprocess.Popen(
            [python, "-c", CLI, *map(str, args)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            cwd=tempfile.gettempdir(),
            env=environment(python),
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace")
            raise RuntimeError(f"{python} muniorg {' '.join(map(str, args))}: {text}")
    return seconds, usage.ru_maxrss / 1024, code


#: Whether runs have bytecode caches (see the module's docstring); ``--no-bytecode-cache``.
BYTECODE_CACHE = True


def environment(python: str) -> dict[str, str]:
    """The environment of a run of ``python``: this one, with bytecode caches of its own for
    each Python (unless :data:`BYTECODE_CACHE` is off)."""
    env = dict(os.environ)
    if not BYTECODE_CACHE:
        return env
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    key = hashlib.sha256(python.encode()).hexdigest()[:16]
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "muniorg-bytecode" / key)
    return env


def ratio(before: float, after: float) -> str:
    """How many times faster ``after`` is than ``before``."""
    return f"{before / after:.1f}x" if after > 0 else "-"


def corpus(root: Path, size: int) -> Path:
    """The generated corpus of ``size`` municipalities in ``root`` (a ``--work`` folder is
    reused): written beside it and renamed into place when whole, so that a run stopped while
    it wrote leaves no corpus that the next run would take for the whole one."""
    folder = root / f"corpus-{size}"
    if not folder.exists():
        partial = root / f".corpus-{size}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        write_corpus(partial, limit=size)
        partial.rename(folder)
    return folder


def measure_builds(
    pythons: dict[str, str], sizes: Sequence[int], work: Path, rounds: int = 1
) -> list[dict[str, Any]]:
    """Each size's builds, in ``rounds`` rounds of one build with each Python (the baseline's,
    then this checkout's with an empty cache), so that both see the machine's slow and fast
    spells alike; the median of each and every time. The rebuilds then use the last round's
    output and cache.

    Each build writes into folders of its own, and a round's folders are removed at the start
    of the next round, before the baseline's build: never just before this checkout's. A
    removal of some 1,500 files just before a build makes it pay for them: a file system
    (ext4 without a journal, as here) skips the inodes freed in the last minute when it
    creates files, and reads each of them to find out (``recently_deleted``); measured here
    at 6.5-7.8 s for a build of 200 started at once after a removal, 6.2-6.8 s a minute
    later."""
    rows = []
    for size in sizes:
        source = corpus(work, size)
        row: dict[str, Any] = {"size": size}
        times: dict[str, list[float]] = {name: [] for name in pythons}
        peaks: dict[str, list[float]] = {name: [] for name in pythons}
        done: list[Path] = []
        for round_ in range(rounds):
            for folder in done:
                shutil.rmtree(folder, ignore_errors=True)
            done = []
            for name, python in pythons.items():
                out = work / f"out-{name}-{size}-{round_}"
                shutil.rmtree(out, ignore_errors=True)
                cache: tuple[str | Path, ...] = ()
                if name == "current":  # a cold cache: the full build builds every file
                    cache_dir = work / f"cache-{size}-{round_}"
                    shutil.rmtree(cache_dir, ignore_errors=True)
                    cache = ("--cache-dir", cache_dir)
                    done.append(cache_dir)
                done.append(out)
                seconds, peak, _ = run(python, "build", source, "-o", out, "-j", "2", *cache)
                times[name].append(round(seconds, 2))
                peaks[name].append(round(peak))
                print(
                    f"build {size} {name} (round {round_ + 1}): {seconds:.1f} s, {peak:.0f} MB",
                    flush=True,
                )
        for name in pythons:
            row[name] = {
                "seconds": round(statistics.median(times[name]), 2),
                "peak_mb": max(peaks[name]),
                "all": times[name],
            }
        if "current" in pythons:
            last = rounds - 1
            out, cache_dir = work / f"out-current-{size}-{last}", work / f"cache-{size}-{last}"
            row["rebuild"] = measure_rebuild(pythons["current"], source, out, cache_dir, rounds)
            row["watch"] = measure_watch(pythons["current"], source, out, cache_dir)
        rows.append(row)
    return rows


def measure_rebuild(
    python: str, source: Path, out: Path, cache: Path, times: int = 1
) -> dict[str, Any]:
    """Build again, with the full build's cache, after one municipality changed (a comment
    line added to it, `# changed` and a number never added before), ``times`` times; the
    median."""
    changed = _middle_file(source)
    original = changed.read_bytes()
    seconds_all, peak = [], 0.0
    try:
        for _ in range(times):
            # a line of its own each time: a unit the cache holds from an earlier run is not built
            changed.write_bytes(original + f"# changed {time.time_ns()}\n".encode())
            seconds, peak_now, _ = run(
                python, "build", source, "-o", out, "-j", "2", "--cache-dir", cache
            )
            seconds_all.append(round(seconds, 3))
            peak = max(peak, peak_now)
    finally:
        changed.write_bytes(original)
    seconds = statistics.median(seconds_all)
    print(f"rebuild after one change: {seconds:.2f} s (median of {times})", flush=True)
    return {
        "seconds": round(seconds, 2),
        "all": seconds_all,
        "peak_mb": round(peak),
        "changed": changed.name,
    }


#: How many changes :func:`measure_watch` times, and the seconds between two.
WATCH_CHANGES = 5
WATCH_GAP_S = 2.5


def _middle_file(source: Path) -> Path:
    files = sorted(source.glob("*.yaml"))
    return files[len(files) // 2]


def measure_watch(
    python: str, source: Path, out: Path, cache: Path, changes: int = WATCH_CHANGES
) -> dict[str, Any]:
    """``muniorg build --watch`` with the full build's cache: the seconds from one
    municipality's change (a line added, as :func:`measure_rebuild` does) to the output
    folder replaced (its inode changes: the build exchanges the new folder with the old), for
    ``changes`` changes :data:`WATCH_GAP_S` seconds apart (an officer's saves: what the
    previous rebuild wrote has settled, see :class:`muniorg.formats.files.StatMemo`); their
    median. This includes the watch's own latency: its 40 ms debounce after the file events
    (docs/cli.md)."""
    changed = _middle_file(source)
    original = changed.read_bytes()
    times = []
    with tempfile.NamedTemporaryFile() as errors:
        command = [python, "-c", CLI, "build", str(source), "-o", str(out), "-j", "2"]
        process = subprocess.Popen(
            [*command, "--cache-dir", str(cache), "--watch"],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            cwd=tempfile.gettempdir(),
            env=environment(python),
        )
        try:
            _printed(errors.name, "watching", 1, process)
            for change in range(changes):
                before = os.stat(out).st_ino
                changed.write_bytes(original + f"# changed {time.time_ns()}\n".encode())
                started = time.perf_counter()
                while os.stat(out).st_ino == before:
                    if time.perf_counter() - started > 600 or process.poll() is not None:
                        raise RuntimeError(f"--watch did not rebuild: {_text(errors.name)}")
                    time.sleep(0.002)
                times.append(time.perf_counter() - started)
                _printed(errors.name, "watching", change + 2, process)
                time.sleep(WATCH_GAP_S)
            changed.write_bytes(original)
            _printed(errors.name, "watching", changes + 2, process)
        finally:
            changed.write_bytes(original)
            process.terminate()
            code = process.wait(60)
        if code != 0:
            raise RuntimeError(f"--watch ended with {code}: {_text(errors.name)}")
    seconds = statistics.median(times)
    print(f"rebuild in --watch after one change: {seconds:.2f} s (median of {changes})", flush=True)
    return {"seconds": round(seconds, 3), "all": [round(t, 3) for t in times]}


def _text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _printed(path: str, text: str, times: int, process: subprocess.Popen[bytes]) -> None:
    """Wait until ``text`` was printed ``times`` times to the file ``path``."""
    started = time.perf_counter()
    while _text(path).count(text) < times:
        if time.perf_counter() - started > 600 or process.poll() is not None:
            raise RuntimeError(f"--watch did not print {text!r}: {_text(path)}")
        time.sleep(0.01)


def measure_validate(pythons: dict[str, str], file: Path, repeat: int) -> dict[str, Any]:
    """The median seconds of ``repeat`` runs each, interleaved (baseline, current, baseline ...)
    so that both see the same machine; one run each first, not counted, fills the caches."""
    times: dict[str, list[float]] = {name: [] for name in pythons}
    for round_ in range(repeat + 1):
        for name, python in pythons.items():
            seconds = run(python, "validate", file)[0]
            if round_:
                times[name].append(seconds)
    result = {}
    for name in pythons:
        result[name] = round(statistics.median(times[name]), 3)
        print(f"validate {file.name} {name}: {result[name]:.2f} s", flush=True)
    return result


def measure_stock(python: str, sizes: Sequence[int], work: Path) -> list[dict[str, Any]]:
    """Stock pySHACL on the published data set of this checkout's build of each size."""
    rows = []
    for size in sizes:
        out = work / f"stock-{size}"
        shutil.rmtree(out, ignore_errors=True)
        run(python, "build", corpus(work, size), "-o", out, "-j", "2")
        report = work / f"stock-{size}.md"
        report.unlink(missing_ok=True)  # stock_pyshacl appends to it
        subprocess.run(
            [python, "-m", "benchmarks.stock_pyshacl", str(out), "--out", str(report)],
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        rows.append({"size": size, "report": report.read_text(encoding="utf-8")})
        print(f"stock pySHACL {size}: see {report}", flush=True)
    return rows


def table(results: dict[str, Any]) -> str:
    lines = [
        f"# Issue #11 targets, {results['date']} ({results['label']})",
        "",
        f"Machine: {results['machine']}; `python -m benchmarks.targets` "
        f"{' '.join(results['argv'])}. Baseline: `{results['baseline']}`. Bytecode caches: "
        f"{'yes' if results.get('bytecode_cache', True) else 'no'}.",
        "",
        "| measurement | baseline | now | ratio | target |",
        "|---|---|---|---|---|",
    ]
    for row in results["builds"]:
        base, now = row.get("baseline"), row["current"]
        lines.append(
            f"| build of {row['size']} municipalities (-j 2){_rounds(now)} | "
            + (f"{_seconds(base)}, {base['peak_mb']} MB" if base else "-")
            + f" | {_seconds(now)}, {now['peak_mb']} MB | "
            + (ratio(base["seconds"], now["seconds"]) if base else "-")
            + " | 20x faster; the Nordic set in about 30 s, at most 1 GiB |"
        )
        rebuild = row["rebuild"]
        lines.append(
            f"| rebuild of {row['size']} after one file changed{_rounds(rebuild)} "
            f"| full build {now['seconds']} s | {_seconds(rebuild)} "
            f"| {ratio(now['seconds'], rebuild['seconds'])} | 20x faster than the full build |"
        )
        if "watch" in row:
            watched = row["watch"]["seconds"]
            lines.append(
                f"| rebuild of {row['size']} in --watch (from the change to the output replaced, "
                f"median of {len(row['watch']['all'])}) | full build {now['seconds']} s "
                f"| {watched} s | {ratio(now['seconds'], watched)} | 20x faster than the full build |"
            )
    validate = results["validate"]
    lines.append(
        f"| validate one municipality | {validate.get('baseline', '-')} s | {validate['current']} s | "
        + (ratio(validate["baseline"], validate["current"]) if "baseline" in validate else "-")
        + " | 5x faster |"
    )
    lines += ["", "## Stock pySHACL on the published data set", ""]
    for row in results["stock"]:
        lines += [f"### {row['size']} municipalities", "", row["report"].strip(), ""]
    return "\n".join(lines) + "\n"


def _rounds(entry: dict[str, Any]) -> str:
    """The table's note of how many runs a median is of (nothing for one run)."""
    runs = len(entry.get("all", ())) or 1
    return f", median of {runs}" if runs > 1 else ""


def _seconds(entry: dict[str, Any]) -> str:
    """A median and, after it, every run's time, in the order they ran.

    >>> _seconds({"seconds": 3.1, "all": [3.3, 3.1, 2.9]})
    '3.1 s (3.3 / 3.1 / 2.9)'
    >>> _seconds({"seconds": 3.1})
    '3.1 s'
    """
    runs = entry.get("all", ())
    if len(runs) > 1:
        return f"{entry['seconds']} s ({' / '.join(str(t) for t in runs)})"
    return f"{entry['seconds']} s"


def _at_least_one(text: str) -> int:
    """``--rounds``: a whole number, 1 or more (a median of no run is none)."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", help="the Python of an environment with an older muniorg")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200])
    parser.add_argument("--stock-sizes", type=int, nargs="*", default=[50, 200])
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of the one-file validation (median)"
    )
    parser.add_argument(
        "--rounds",
        type=_at_least_one,
        default=1,
        help="rounds of builds (one with each Python) and of rebuilds, for their medians",
    )
    parser.add_argument("--label", default="local")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run with this environment as it is (PYTHONDONTWRITEBYTECODE kept)",
    )
    parser.add_argument(
        "--work", type=Path, help="where corpora and outputs go (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    global BYTECODE_CACHE
    BYTECODE_CACHE = not args.no_bytecode_cache
    work = args.work or Path(tempfile.mkdtemp(prefix="muniorg-targets-"))
    work.mkdir(parents=True, exist_ok=True)
    pythons = {"current": sys.executable}
    if args.baseline:
        pythons = {"baseline": args.baseline, **pythons}
    one = sorted(corpus(work, min(args.sizes)).glob("*.yaml"))[0]
    results: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "label": args.label,
        "argv": list(argv if argv is not None else sys.argv[1:]),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "baseline": args.baseline or "none",
        "bytecode_cache": BYTECODE_CACHE,
        "builds": measure_builds(pythons, args.sizes, work, args.rounds),
        "validate": measure_validate(pythons, one, args.repeat),
        "stock": measure_stock(sys.executable, args.stock_sizes, work),
    }
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"{results['date']}-targets-{args.label}"
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(table(results), encoding="utf-8")
    print(f"wrote {stem}.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
