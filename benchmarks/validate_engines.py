"""Time ``muniorg validate FILE`` per file with each engine, as a user runs it (a new process).

For each file (default: the examples' municipalities and the first generated municipality of
``benchmarks.generate_corpus``) the command runs ``--repeat`` times with ``--engine muniorg``
and with ``--engine pyshacl``; the median wall time of each is written as a Markdown table to
``benchmarks/results/validate-engines.md`` (or ``--out``).

Usage::

    .venv/bin/python -m benchmarks.validate_engines [FILE ...] [--repeat 3] [--out FILE]

Example:
    >>> median([3.0, 1.0, 2.0])
    2.0
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
MUNIORG = Path(sys.executable).with_name("muniorg")


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return float(statistics.median(values))


def wall_time(engine: str, path: Path) -> float:
    """Seconds of one ``muniorg validate --engine ENGINE PATH`` in a new process."""
    start = time.perf_counter()
    subprocess.run(
        [str(MUNIORG), "validate", "--engine", engine, str(path)],
        check=False,
        capture_output=True,
    )
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", type=Path, nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS / "validate-engines.md")
    args = parser.parse_args(argv)
    files = list(args.files)
    if not files:
        from benchmarks.generate_corpus import write_corpus

        files = sorted(Path("examples/municipalities").glob("*.yaml"))
        files += write_corpus(Path(tempfile.mkdtemp()), limit=1)
    rows = [
        "| file | muniorg engine (s) | pyshacl engine (s) | speed-up |",
        "|---|---|---|---|",
    ]
    for path in files:
        ours = median([wall_time("muniorg", path) for _ in range(args.repeat)])
        reference = median([wall_time("pyshacl", path) for _ in range(args.repeat)])
        rows.append(f"| {path.name} | {ours:.2f} | {reference:.2f} | {reference / ours:.1f}x |")
        print(rows[-1], flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        "`muniorg validate FILE` wall time, median of "
        f"{args.repeat} runs per engine (new process each).\n\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
