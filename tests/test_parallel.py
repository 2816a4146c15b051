"""muniorg.core.pool and its users: the same reports and texts on one process and on several, in
input order."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from muniorg.authoring.load import load_paths
from muniorg.core.pool import chunk_bounds, map_documents
from muniorg.rdf.document import SourceDocument
from muniorg.validation.results import Severity, ValidationReport
from muniorg.validation.run import document_contexts, type_index, validate_documents, validate_graph

ROOT = Path(__file__).resolve().parents[1]
#: Two generated municipalities and one with three mistakes (see the folder's README).
GENERATED = Path(__file__).resolve().parent / "resources" / "parallel"
EXAMPLES = ROOT / "examples"
#: Process pools (and a generated corpus validated twice).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus() -> list[SourceDocument]:
    """The examples, two small generated municipalities and one with three mistakes."""
    documents = load_paths([EXAMPLES, GENERATED]).documents
    assert len(documents) == 5 + 3
    return documents


@pytest.fixture(scope="module")
def one_process(corpus: list[SourceDocument]):  # type: ignore[no-untyped-def]
    return validate_documents(corpus, jobs=1)


def test_one_and_two_processes_give_the_same_report(corpus, one_process) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[int, int, str]] = []
    two = validate_documents(
        corpus, jobs=2, chunk_size=1, progress=lambda n, t, d: calls.append((n, t, d.local_id))
    )
    assert calls == [(n, len(corpus), d.local_id) for n, d in enumerate(corpus, start=1)]
    assert two == one_process
    assert [r.to_dict() for r in two.results] == [r.to_dict() for r in one_process.results]
    assert two.inputs == tuple(str(d.path) for d in corpus)


def test_violations_are_found_and_located(one_process) -> None:  # type: ignore[no-untyped-def]
    violations = one_process.at_or_above(Severity.VIOLATION)
    files = {Path(r.location.file).name for r in violations if r.location}
    assert files == {"broken-laesoe.yaml"}
    messages = " | ".join(r.message for r in violations)
    assert "check digit" in messages
    assert "council-boss" in messages
    assert "ends (2020) before it starts (2024)" in messages
    assert len(violations) == 3


def test_narrow_context_gives_the_report_of_the_context_of_all_types() -> None:
    """The narrower context (types of mentioned nodes only) changes nothing in the report."""
    documents = load_paths([EXAMPLES]).documents
    assert len(documents) == 5
    graphs = [d.graph() for d in documents]
    every = Graph()
    for node, classes in type_index(graphs).items():
        for cls in classes:
            every.add((node, RDF.type, cls))
    wide = ValidationReport.merge(
        validate_graph(g, d, every) for g, d in zip(graphs, documents, strict=True)
    )
    assert validate_documents(documents, jobs=2) == wide


def test_context_holds_the_types_of_mentioned_outside_nodes_only() -> None:
    documents = load_paths([EXAMPLES]).documents
    by_id = {d.local_id: i for i, d in enumerate(documents)}
    graphs = [d.graph() for d in documents]
    contexts = document_contexts(graphs)
    programme = contexts[by_id["saman-om-ein-betre-kommune"]]
    stord = URIRef(documents[by_id["stord"]].root.id or "")
    soroe = URIRef(documents[by_id["soroe"]].root.id or "")
    assert (stord, RDF.type, None) in programme  # a participant: referenced
    assert (soroe, RDF.type, None) not in programme  # not mentioned
    assert all(p == RDF.type for _, p, _ in programme)


def _slow_echo(item: tuple[int, float]) -> int:
    time.sleep(item[1])
    return item[0]


def _pid(_: object) -> int:
    return os.getpid()


def test_results_keep_input_order_whatever_finishes_first() -> None:
    # The first items sleep longest, so they finish last.
    items = [(n, 0.05 * (6 - n)) for n in range(6)]
    assert map_documents(_slow_echo, items, jobs=2, chunk_size=1) == list(range(6))


@pytest.mark.parametrize(
    ("jobs", "in_process"), [(1, True), (2, False)], ids=["one-job-in-process", "two-jobs-pool"]
)
def test_one_job_runs_in_this_process(jobs: int, in_process: bool) -> None:
    pids = set(map_documents(_pid, list(range(4)), jobs=jobs, chunk_size=1))
    assert (pids == {os.getpid()}) is in_process


def test_a_build_is_the_same_on_two_processes(tmp_path: Path) -> None:
    """Each file is a unit of work on a worker: the same report and bytes on one process and
    on two, with a unit per chunk so that the workers interleave."""
    from muniorg.publish.build import build

    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        result = build([EXAMPLES, GENERATED], out, allow_invalid=True, jobs=jobs)
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        outputs[jobs] = (result.report, files)
    assert outputs[1] == outputs[2]
    assert not outputs[1][0].conforms and len(outputs[1][1]) > 40


# --- workers end with the build: issue 17 ------------------------------------------------------

_SLOW_POOL = """
import os, sys, time
from muniorg.core.pool import map_documents

def slow(item):
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: the two workers' lines never mix
    time.sleep(120)
    return item

if __name__ == "__main__":
    map_documents(slow, [1, 2], jobs=2, chunk_size=1)
"""


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGKILL"])
def test_workers_end_when_the_build_is_killed(tmp_path, sig):
    script = tmp_path / "pool.py"
    script.write_text(_SLOW_POOL, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    workers = [int(proc.stdout.readline()), int(proc.stdout.readline())]
    os.kill(proc.pid, getattr(signal, sig))
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in workers if _running(pid)]
        time.sleep(0.1)
    assert alive == [], f"workers {alive} outlived the killed parent"


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def _dies_in_a_worker(item: int) -> int:
    if item == 3 and os.getpid() != _PARENT:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return item


_PARENT = os.getpid()


def test_a_worker_that_dies_is_a_clear_error_not_a_traceback() -> None:
    from muniorg.core.errors import MuniorgError, WorkerLost

    with pytest.raises(WorkerLost, match="killed, or out of memory") as caught:
        map_documents(_dies_in_a_worker, list(range(8)), jobs=2)
    assert isinstance(caught.value, MuniorgError) and caught.value.exit_code == 2
    assert map_documents(_dies_in_a_worker, list(range(8)), jobs=1) == list(range(8))


def test_workers_that_cannot_be_forked_are_a_clear_error_and_leave_no_process(
    fork_fails_the_second_time: list[int],
) -> None:
    import multiprocessing

    from muniorg.core.errors import WorkerLost

    before = set(multiprocessing.active_children())
    with pytest.raises(WorkerLost, match=r"cannot start 3 worker processes \(Resource temp"):
        map_documents(_pid, list(range(8)), jobs=3)
    assert fork_fails_the_second_time[0] == 2  # one worker was started before the fork failed
    assert set(multiprocessing.active_children()) == before


def _run_in_its_own_group(script: str) -> subprocess.CompletedProcess[str]:
    """Run the Python ``script`` in a process group of its own (a Ctrl-C it sends its group
    reaches it and its workers only), its output captured."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=120,
        check=False,
    )


_INTERRUPTED = """
import os, signal, sys, time
from muniorg.core.pool import forked_pool
pool = forked_pool(2)
busy = pool.submit(time.sleep, 3)  # starts both workers: one busy, one idle
time.sleep(1.0)
try:
    os.killpg(os.getpgrp(), signal.SIGINT)  # what Ctrl-C in a terminal does
    time.sleep(10)
except KeyboardInterrupt:
    pool.shutdown(wait=True, cancel_futures=True)
    print("interrupted", file=sys.stderr)
"""


def test_ctrl_c_stops_the_workers_without_a_traceback() -> None:
    """Ctrl-C reaches the workers too: the idle one printed KeyboardInterrupt's traceback."""
    if sys.platform == "win32":
        pytest.skip("process groups and SIGINT to them are POSIX")
    done = _run_in_its_own_group(_INTERRUPTED)
    assert "interrupted" in done.stderr
    assert "Traceback" not in done.stderr, done.stderr


# A worker killed while it wrote its result leaves part of a message in the result pipe, forced
# here: the parent writes a header that announces 100 bytes and 10 of them, through its own end
# of the pipe, as a worker would have before it was killed. The pool's manager thread wakes and
# reads on, waiting for the rest; discard_pool (a Ctrl-C to the parent alone) waited for that
# thread for ever, holding the output folder's lock.
_KILLED_HALFWAY_THROUGH_A_RESULT = """
import struct, sys, time
from muniorg.core.pool import discard_pool, forked_pool
pool = forked_pool(2)
pool.submit(time.sleep, 30)  # starts the workers, and the manager thread that reads results
time.sleep(0.5)
pool._result_queue._writer._send(struct.pack("!i", 100) + b"y" * 10)  # a tenth of a message
time.sleep(0.5)
discard_pool(pool)
print("discarded", file=sys.stderr)
"""


def test_a_worker_killed_halfway_through_its_result_does_not_hang_the_discard() -> None:
    if sys.platform == "win32":
        pytest.skip("the pool's pipes are POSIX here")
    try:
        done = subprocess.run(
            [sys.executable, "-c", _KILLED_HALFWAY_THROUGH_A_RESULT],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("discard_pool waited for ever for the rest of a message")
    assert done.stderr == "discarded\n", done.stderr  # and no traceback of the pool's thread


# The interleaving behind a rare traceback, forced: a worker that Ctrl-C finds waiting on the
# call queue, but that is not scheduled until the parent has written to the queue (the None
# that its shutdown sends each worker), reads a message's 4-byte header before it handles
# SIGINT. Blocking SIGINT around the read of a header in the workers makes that happen every
# time. A worker that then raised (SystemExit) left the body in the pipe; the other worker,
# back from its interrupted task, read it as a header: "EOFError: Ran out of input".
_INTERRUPTED_AFTER_A_HEADER = """
import multiprocessing, os, signal, sys, time
from multiprocessing import connection
from muniorg.core.pool import forked_pool
parent = os.getpid()
recv = connection.Connection._recv
def late_recv(self, size, *args):
    if os.getpid() == parent or size != 4:
        return recv(self, size, *args)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return recv(self, size, *args)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # the pending SIGINT acts here
connection.Connection._recv = late_recv
pool = forked_pool(2)
busy = pool.submit(time.sleep, 60)  # starts both workers: one busy, one idle
time.sleep(1.0)
workers = [process.pid for process in multiprocessing.active_children()]
try:
    os.killpg(os.getpgrp(), signal.SIGINT)
    time.sleep(10)
except KeyboardInterrupt:
    pool.shutdown(wait=True, cancel_futures=True)
    for pid in workers:
        try:
            os.kill(pid, 0)
            print("worker", pid, "left behind", file=sys.stderr)
        except ProcessLookupError:
            pass
    print("interrupted", file=sys.stderr)
"""


def test_ctrl_c_leaves_no_half_read_message_to_the_other_worker() -> None:
    if not hasattr(signal, "pthread_sigmask") or not hasattr(os, "fork"):
        pytest.skip("process groups, SIGINT to them and fork are POSIX")
    started = time.monotonic()
    done = _run_in_its_own_group(_INTERRUPTED_AFTER_A_HEADER)
    assert "interrupted" in done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "left behind" not in done.stderr, done.stderr
    assert time.monotonic() - started < 30  # the busy worker's task (60 s) was cut short


# Ctrl-C before the workers have run their initializer (a machine under load, a Ctrl-C as the
# pool starts): a hook that fork runs in the child holds them there for half a second. With
# the handler they inherited, each printed KeyboardInterrupt's traceback and then went on.
_INTERRUPTED_AT_THE_FORK = """
import os, signal, sys, time
from muniorg.core.pool import forked_pool
os.register_at_fork(after_in_child=lambda: time.sleep(0.5))
pool = forked_pool(2)
busy = pool.submit(time.sleep, 60)
try:
    os.killpg(os.getpgrp(), signal.SIGINT)
    time.sleep(10)
except KeyboardInterrupt:
    pool.shutdown(wait=True, cancel_futures=True)
    print("interrupted", file=sys.stderr)
"""


def test_ctrl_c_before_the_workers_are_ready_leaves_no_traceback() -> None:
    if not hasattr(signal, "pthread_sigmask") or not hasattr(os, "fork"):
        pytest.skip("process groups, SIGINT to them and fork are POSIX")
    started = time.monotonic()
    done = _run_in_its_own_group(_INTERRUPTED_AT_THE_FORK)
    assert "interrupted" in done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert time.monotonic() - started < 30  # the workers ended: the 60 s task did not run


_INTERRUPTED_WITH_CHUNKS_WAITING = """
import os, signal, sys, threading, time
from muniorg.core.pool import map_documents
def interrupt():
    time.sleep(0.5)
    os.killpg(os.getpgrp(), signal.SIGINT)  # what Ctrl-C in a terminal does
threading.Thread(target=interrupt, daemon=True).start()
try:
    map_documents(time.sleep, [0.05] * 400, jobs=2, chunk_size=1)
    time.sleep(10)
except KeyboardInterrupt:
    print("interrupted", file=sys.stderr)
"""


def test_ctrl_c_while_chunks_wait_leaves_no_traceback_in_the_pool_s_thread() -> None:
    """The workers end at once, and the pool (Python 3.11's) set an error on every chunk that
    waited: one that pool.map's iterator had cancelled meanwhile made its thread print an
    InvalidStateError traceback, in about half of such runs."""
    if sys.platform == "win32":
        pytest.skip("process groups and SIGINT to them are POSIX")
    for _ in range(5):
        done = _run_in_its_own_group(_INTERRUPTED_WITH_CHUNKS_WAITING)
        assert "interrupted" in done.stderr
        assert "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("jobs", [1, 2, 3, 8])
@pytest.mark.parametrize("count", [0, 1, 2, 5, 17, 205, 1114])
def test_chunks_cover_every_item_once_and_shrink_to_single_items(count: int, jobs: int) -> None:
    bounds = chunk_bounds(count, jobs)
    assert [i for start, end in bounds for i in range(start, end)] == list(range(count))
    sizes = [end - start for start, end in bounds]
    assert sizes == sorted(sizes, reverse=True) and all(size > 0 for size in sizes)
    if count >= 2 * jobs:  # the workers end together: the last chunks are single items
        assert sizes[-jobs:] == [1] * jobs
        assert sizes[0] <= -(-count // (2 * jobs))


def test_ctrl_c_as_the_second_worker_forks_leaves_no_worker_behind(
    sigint_as_the_second_worker_forks: list[int],
) -> None:
    """A Ctrl-C that reaches this process while the pool forks its second worker (held, it
    acts when the fork's SIGINT mask is lifted) ends the run: the first worker, which the
    pool has started but whose Ctrl-C (``kill -INT`` of this process alone) never came, is
    not left waiting for work for as long as this process lives."""
    import multiprocessing

    before = set(multiprocessing.active_children())
    with pytest.raises(KeyboardInterrupt):
        map_documents(_pid, list(range(8)), jobs=3)
    assert sigint_as_the_second_worker_forks == [2]
    assert set(multiprocessing.active_children()) == before


@pytest.mark.slow
def test_ctrl_c_to_a_build_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    """Exit code 1 means validation results: an interrupted build says it was interrupted, as
    a shell would (128 + SIGINT), and leaves no output folder."""
    if sys.platform == "win32":
        pytest.skip("process groups and SIGINT to them are POSIX")
    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.generate_corpus",
            str(tmp_path / "src"),
            "--limit",
            "24",
        ],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = tmp_path / "out"
    main = "from muniorg.cli.app import main; main()"
    command = [
        sys.executable,
        "-c",
        main,
        "build",
        str(tmp_path / "src"),
        "-o",
        str(out),
        "-j",
        "2",
    ]
    process = subprocess.Popen(
        [*command, "--no-cache"], stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    assert process.stderr is not None
    try:
        first = process.stderr.readline()  # the first file built: the others are under way
        assert first.startswith("[1/24]"), first
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in a terminal: the group
        rest = process.stderr.read()
        assert process.wait(timeout=60) == 130, rest
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        process.stderr.close()
    assert rest.rstrip().endswith("Aborted!"), rest
    assert "Traceback" not in rest, rest
    assert not out.exists()
