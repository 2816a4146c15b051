"""The output folder rules: a build never destroys what it did not write.

Every case runs on real folders and checks that each file the user had is byte-identical
afterwards. See :mod:`muniorg.formats.output_folder` and docs/cli.md ("The output folder").
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import muniorg.formats.output_folder as output_folder
from muniorg.cli.app import cli
from muniorg.dcat.config import published_file
from muniorg.formats.output_folder import MANIFEST, file_record, read_manifest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STORD = EXAMPLES / "municipalities" / "stord.yaml"
SOROE = EXAMPLES / "municipalities" / "soroe.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (``.git`` included) with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def muniorg(runner: CliRunner, *args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, [str(a) for a in args])


def write_source(folder: Path, local_id: str = "x") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{local_id}.yaml"
    path.write_text(
        f"type: Municipality\nid: {local_id}\nname: {{da: X, en: X}}\ncountry: DNK\n",
        encoding="utf-8",
    )
    return path


def refused(result, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


# --- places that are never an output folder ----------------------------------------------------


def test_output_into_the_sources_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "data"
    write_source(data)
    before = snapshot(tmp_path)
    refused(muniorg(runner, "build", data, "-o", data), "refusing to publish into", "is the input")
    refused(muniorg(runner, "build", data / "x.yaml", "-o", data), "holds the input")
    assert snapshot(tmp_path) == before


def test_output_dot_in_a_git_checkout_is_refused(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    write_source(repo / "data")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "data"], check=True)
    before = snapshot(repo)
    monkeypatch.chdir(repo / "data")
    refused(muniorg(runner, "build", ".", "-o", "."), "the current folder")
    refused(muniorg(runner, "build", ".", "-o", ".."), "holds the current folder")
    refused(muniorg(runner, "build", ".", "-o", "../.git/out"), "inside a .git folder")
    assert snapshot(repo) == before
    status = subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, text=True
    )
    assert status.returncode == 0 and status.stdout == ""


def test_home_and_root_are_refused(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    write_source(home / "src")
    monkeypatch.setenv("HOME", str(home))
    before = snapshot(home)
    refused(muniorg(runner, "build", home / "src", "-o", home), "your home folder")
    refused(muniorg(runner, "build", home / "src", "-o", tmp_path), "holds your home folder")
    refused(muniorg(runner, "build", home / "src", "-o", "/"), "the file system root")
    assert snapshot(home) == before


def test_a_non_empty_folder_without_manifest_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    src = write_source(tmp_path / "src").parent
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>our site</h1>\n", encoding="utf-8")
    before = snapshot(tmp_path)
    refused(
        muniorg(runner, "build", src, "-o", site),
        "is not empty and was not written by muniorg",
        "index.html",
    )
    assert snapshot(tmp_path) == before


def test_a_file_added_to_a_published_folder_is_kept_and_named(
    tmp_path: Path, runner: CliRunner
) -> None:
    src = write_source(tmp_path / "src").parent
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", src, "-o", dist).exit_code == 0
    (dist / "index.html").write_text("<h1>ours</h1>\n", encoding="utf-8")
    (dist / "extra").mkdir()
    (dist / "extra" / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    refused(
        muniorg(runner, "build", src, "-o", dist),
        "muniorg did not write there",
        "extra/notes.txt, index.html",
    )
    assert snapshot(tmp_path) == before


def test_a_changed_published_file_is_kept(tmp_path: Path, runner: CliRunner) -> None:
    src = write_source(tmp_path / "src").parent
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", src, "-o", dist).exit_code == 0
    with (dist / "x.ttl").open("a", encoding="utf-8") as handle:
        handle.write("# a hand-made note\n")
    before = snapshot(tmp_path)
    refused(muniorg(runner, "build", src, "-o", dist), "changed since", "x.ttl")
    assert snapshot(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_published_file_replaced_by_a_pipe_is_refused_without_reading_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    """A named pipe where a published file was is not muniorg's file: refused from its stat,
    never opened (reading a pipe would wait for a writer for ever)."""
    src = write_source(tmp_path / "src").parent
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", src, "-o", dist).exit_code == 0
    (dist / "x.ttl").unlink()
    os.mkfifo(dist / "x.ttl")
    refused(muniorg(runner, "build", src, "-o", dist), "changed since", "x.ttl")
    assert stat.S_ISFIFO((dist / "x.ttl").lstat().st_mode)


def test_a_broken_manifest_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    src = write_source(tmp_path / "src").parent
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / MANIFEST).write_text("[1, 2]\n", encoding="utf-8")
    before = snapshot(tmp_path)
    refused(muniorg(runner, "build", src, "-o", dist), "is not a muniorg manifest")
    assert snapshot(tmp_path) == before


def test_a_symlinked_output_is_resolved(tmp_path: Path, runner: CliRunner) -> None:
    """A link to a source folder is refused like the folder; a link to a fresh folder is
    published through, and stays a link."""
    src = write_source(tmp_path / "src").parent
    (tmp_path / "to-src").symlink_to(src)
    before = snapshot(src)
    refused(muniorg(runner, "build", src, "-o", tmp_path / "to-src"), "is the input")
    assert snapshot(src) == before
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "public").symlink_to(real)
    for _ in range(2):
        assert muniorg(runner, "build", src, "-o", tmp_path / "public").exit_code == 0
    assert (tmp_path / "public").is_symlink()
    assert (real / "x.ttl").is_file() and (tmp_path / "public" / "x.ttl").is_file()


def test_a_file_as_output_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    src = write_source(tmp_path / "src").parent
    (tmp_path / "out").write_text("a file\n", encoding="utf-8")
    refused(muniorg(runner, "build", src, "-o", tmp_path / "out"), "is a file")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file\n"


def test_a_report_inside_the_output_folder_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    """It would be a file the next build did not write: refuse it before the build."""
    src = write_source(tmp_path / "src").parent
    dist = tmp_path / "dist"
    result = muniorg(runner, "build", src, "-o", dist, "--report", dist / "report.xml")
    refused(result, "--report", f"is inside {dist}, a folder this command writes")
    assert not dist.exists()


@pytest.mark.parametrize("local_id", ["catalog", "context", "muniorg-dataset"])
def test_ids_that_take_generated_names_are_refused(
    tmp_path: Path, runner: CliRunner, local_id: str
) -> None:
    src = write_source(tmp_path / "src", local_id).parent
    result = muniorg(runner, "build", src, "-o", tmp_path / "dist")
    refused(result, f"the id {local_id!r} is reserved", f"{local_id}.yaml:2:5")
    assert not (tmp_path / "dist").exists()


# --- what a build publishes --------------------------------------------------------------------


def test_manifest_lists_every_published_file(tmp_path: Path, runner: CliRunner) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", EXAMPLES, "-o", dist).exit_code == 0
    records = read_manifest(dist)
    assert records is not None
    on_disk = {p.name for p in dist.iterdir()} - {MANIFEST}
    assert set(records) == on_disk
    for name, record in records.items():
        assert file_record(dist / name) == record, name
    # and the catalog's sizes and checksums are those of the files
    catalog = (dist / "catalog.nt").read_text(encoding="utf-8")
    soroe = published_file(dist, dist / "soroe.ttl")
    assert soroe.sha256 in catalog and f'"{soroe.byte_size}"' in catalog


def test_published_files_are_readable_by_others(tmp_path: Path, runner: CliRunner) -> None:
    old = os.umask(0o022)
    try:
        dist = tmp_path / "dist"
        assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(dist.stat().st_mode) == 0o755
    modes = {stat.S_IMODE(p.stat().st_mode) for p in dist.iterdir()}
    assert modes == {0o644}


def test_rebuilds_are_byte_identical_and_leave_nothing_beside(
    tmp_path: Path, runner: CliRunner
) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", EXAMPLES, "-o", dist).exit_code == 0
    first = snapshot(dist)
    assert muniorg(runner, "build", EXAMPLES, "-o", dist).exit_code == 0
    assert snapshot(dist) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_the_two_rename_fallback_swaps_too(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where renameat2 is missing (not Linux, or an old kernel) two renames do the swap."""
    monkeypatch.setattr(output_folder, "_rename_exchange", lambda a, b: False)
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    assert muniorg(runner, "build", SOROE, "-o", dist).exit_code == 0
    assert (dist / "soroe.ttl").exists() and not (dist / "stord.ttl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


# --- crashes and concurrent builds --------------------------------------------------------------


def run_until(code: str, marker: str) -> subprocess.Popen[str]:
    """Start ``code`` in a fresh Python and wait until it prints ``marker``."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == marker
    return proc


def build_code(out: Path, source: Path, patch: str) -> str:
    """A build of ``source`` into ``out``, after ``patch`` (code that slows a step down)."""
    return (
        "import time\n"
        "from pathlib import Path\n"
        "import muniorg.formats.output_folder as f\n"
        "from muniorg.publish.build import build\n"
        f"{patch}\n"
        f"build([Path({str(source)!r})], Path({str(out)!r}), allow_invalid=True)\n"
    )


def test_kill_while_writing_keeps_the_previous_output(tmp_path: Path, runner: CliRunner) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    before = snapshot(tmp_path)
    patch = textwrap.dedent(
        """\
        import muniorg.publish.build as b
        def slow(*args):
            print("writing", flush=True); time.sleep(60)
        b._write_catalog = slow
        """
    )  # documents are written, the catalog is next
    proc = run_until(build_code(dist, EXAMPLES, patch), "writing")
    staging = [p for p in tmp_path.iterdir() if ".building-" in p.name]
    assert len(staging) == 1  # the kill falls while the new output is being written
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert {k: v for k, v in snapshot(tmp_path).items() if ".building-" not in k} == before
    # the next build removes the leftover and publishes
    assert muniorg(runner, "build", SOROE, "-o", dist).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_kill_between_the_two_renames_is_undone_by_the_next_build(
    tmp_path: Path, runner: CliRunner
) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    before = snapshot(dist)
    patch = textwrap.dedent(
        """\
        f._rename_exchange = lambda a, b: False
        real = f.os.rename
        def rename(a, b):
            real(a, b)
            if ".old-" in str(b):
                print("retired", flush=True); time.sleep(60)
        f.os.rename = rename
        """
    )
    proc = run_until(build_code(dist, SOROE, patch), "retired")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert not dist.exists()  # the crash fell between the renames
    # any muniorg run into the folder first restores the previous output
    with output_folder.folder_lock(tmp_path):
        output_folder.clean_leftovers(dist)
    assert snapshot(dist) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_two_builds_at_once_do_not_mix(tmp_path: Path) -> None:
    """The second build waits for the first; the folder is then exactly the second's."""
    dist = tmp_path / "dist"
    hold = textwrap.dedent(
        """\
        real = f._exchange
        def slow(staging, target):
            print("locked", flush=True); time.sleep(2); real(staging, target)
        f._exchange = slow
        """
    )
    first = run_until(build_code(dist, STORD, hold), "locked")
    second = subprocess.run(
        [sys.executable, "-c", build_code(dist, SOROE, "")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.wait(timeout=60) == 0
    assert second.returncode == 0, second.stderr
    records = read_manifest(dist)
    assert records is not None and "soroe.ttl" in records and "stord.ttl" not in records
    assert {p.name for p in dist.iterdir()} == set(records) | {MANIFEST}
    for name, record in records.items():
        assert file_record(dist / name) == record
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


# --- the environment: full disk, read-only file system ------------------------------------------


def test_a_full_disk_is_an_environment_error(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    before = snapshot(tmp_path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(dist))

    monkeypatch.setattr(output_folder.shutil, "copyfile", full)
    monkeypatch.setattr("muniorg.publish.build.shutil.copyfile", full)
    result = muniorg(runner, "build", SOROE, "-o", dist)
    refused(result, "cannot write", "the disk is full")
    assert snapshot(tmp_path) == before


def in_own_mount(
    tmp_path: Path, script: str, size: str = "256k"
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (Python) with a small tmpfs mounted at ``tmp_path / 'mnt'``, in a mount
    namespace of its own, so that nothing outlives the test."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) to mount a small file system")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    shell = (
        f"mount -t tmpfs -o size={size} tmpfs {mnt} && "
        f'exec {sys.executable} -c "$MUNIORG_TEST_SCRIPT"'
    )
    env = {**os.environ, "MUNIORG_TEST_SCRIPT": script}
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", shell],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_real_full_disk_and_read_only_file_system(tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    script = textwrap.dedent(
        f"""\
        import hashlib, json, subprocess, sys
        from pathlib import Path
        mnt = Path({str(mnt)!r})
        def muniorg(*args):
            cmd = [sys.executable, "-c", "from muniorg.cli.app import main; main()", *args]
            return subprocess.run(cmd, capture_output=True, text=True)
        def files():
            return {{p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                     for p in (mnt / "dist").iterdir()}}
        small = muniorg("build", {str(STORD)!r}, "-o", str(mnt / "dist"))
        before = files()
        full = muniorg("build", {str(EXAMPLES)!r}, "-o", str(mnt / "dist"))
        after_full = files()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        ro = muniorg("build", {str(SOROE)!r}, "-o", str(mnt / "dist"))
        print(json.dumps({{
            "small": small.returncode, "full": [full.returncode, full.stderr],
            "ro": [ro.returncode, ro.stderr], "same": before == after_full == files(),
            "left": sorted(p.name for p in mnt.iterdir()),
        }}))
        """
    )
    # room for the small build (1.7 MB with the ontology and lists), not for it and the full one
    done = in_own_mount(tmp_path, script, size="2500k")
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["small"] == 0
    assert outcome["full"][0] == 2 and "the disk is full" in outcome["full"][1], outcome
    assert "Traceback" not in outcome["full"][1]
    assert outcome["ro"][0] == 2 and "read-only" in outcome["ro"][1], outcome
    assert outcome["same"] is True
    assert outcome["left"] == ["dist"]


# --- export and init follow the same rules -------------------------------------------------------


def test_export_never_overwrites_what_it_did_not_write(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "soroe.ttl").write_text("# my own Turtle\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = muniorg(runner, "export", SOROE, STORD, "--format", "turtle", "-o", out)
    refused(result, "refusing to overwrite soroe.ttl", "muniorg did not write them there")
    assert snapshot(tmp_path) == before  # stord.ttl was not written either


def test_export_replaces_its_own_files(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    for _ in range(2):
        result = muniorg(runner, "export", SOROE, "--format", "ntriples", "-o", out)
        assert result.exit_code == 0, result.output
    assert muniorg(runner, "export", STORD, "--format", "ntriples", "-o", out).exit_code == 0
    records = read_manifest(out)
    assert records is not None and sorted(records) == ["soroe.nt", "stord.nt"]
    (out / "stord.nt").write_text("changed by hand\n", encoding="utf-8")
    result = muniorg(runner, "export", STORD, "--format", "ntriples", "-o", out)
    refused(result, "refusing to overwrite stord.nt")
    assert (out / "stord.nt").read_text(encoding="utf-8") == "changed by hand\n"


def test_export_refuses_a_build_s_output(tmp_path: Path, runner: CliRunner) -> None:
    """A file replaced on its own in a build's output would be published with a catalog whose
    size and checksum, and a whole data set and pages, that no longer describe it."""
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    before = snapshot(tmp_path)
    result = muniorg(runner, "export", STORD, "--format", "jsonld", "-o", dist)
    refused(result, f"{dist} is the output of 'muniorg build'", "Export into another folder")
    assert snapshot(tmp_path) == before


def test_export_never_overwrites_an_input(tmp_path: Path, runner: CliRunner) -> None:
    assert muniorg(runner, "export", STORD, "--format", "turtle", "-o", tmp_path).exit_code == 0
    before = snapshot(tmp_path)
    result = muniorg(runner, "export", tmp_path / "stord.ttl", "--format", "turtle", "-o", tmp_path)
    refused(result, "stord.ttl (an input)")
    assert snapshot(tmp_path) == before


def test_export_of_two_inputs_with_one_name_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    for folder in ("a", "b"):
        assert (
            muniorg(
                runner, "export", STORD, "--format", "turtle", "-o", tmp_path / folder
            ).exit_code
            == 0
        )
    args = [tmp_path / "a" / "stord.ttl", tmp_path / "b" / "stord.ttl"]
    result = muniorg(runner, "export", *args, "--format", "ntriples", "-o", tmp_path / "out")
    refused(result, "would both be written to", "stord.nt")
    assert not (tmp_path / "out").exists()


def test_export_and_init_refuse_git_folders(tmp_path: Path, runner: CliRunner) -> None:
    git_dir = tmp_path / ".git"
    git_dir.mkdir()
    refused(
        muniorg(runner, "export", STORD, "--format", "turtle", "-o", git_dir / "x"),
        "inside a .git folder",
    )
    refused(muniorg(runner, "init", git_dir, "--lang", "nn"), "inside a .git folder")
    assert list(git_dir.iterdir()) == []


def test_init_into_the_current_folder_adds_one_file(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """init only adds a new file, never replaces one: the working directory is fine for it."""
    (tmp_path / "README.md").write_text("ours\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = muniorg(runner, "init", ".", "--lang", "nn", "--name", "Stord kommune")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "stord-kommune.yaml"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "ours\n"


def test_builds_wait_for_each_other_not_forever(tmp_path: Path) -> None:
    """The lock is the kernel's: a build killed while holding it does not block the next."""
    dist = tmp_path / "dist"
    hold = "f._exchange = lambda s, t: (print('locked', flush=True), time.sleep(60))\n"
    proc = run_until(build_code(dist, STORD, hold), "locked")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", build_code(dist, SOROE, "")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 60
    assert (dist / "soroe.ttl").is_file()


# --- what a review found: races with the user, leftovers, unreadable folders -----------------


def test_a_file_saved_into_the_output_while_building_stops_the_swap(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder is checked again just before the exchange: a file the user saved while the
    build ran (here: while the catalog is written) stops the build, and is kept."""
    import muniorg.publish.build as pipeline

    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    before = snapshot(dist)
    real = pipeline._write_catalog

    def and_the_user_saves(*args: object) -> None:
        (dist / "notes.txt").write_text("saved meanwhile\n", encoding="utf-8")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_write_catalog", and_the_user_saves)
    refused(muniorg(runner, "build", EXAMPLES, "-o", dist), "notes.txt")
    assert snapshot(dist) == {**before, "notes.txt": b"saved meanwhile\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_a_file_saved_in_the_last_instant_is_kept_aside(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    real = output_folder._exchange

    def and_the_user_saves(staging: Path, target: Path) -> None:
        (target / "notes.txt").write_text("saved in the last instant\n", encoding="utf-8")
        real(staging, target)

    monkeypatch.setattr(output_folder, "_exchange", and_the_user_saves)
    result = muniorg(runner, "build", SOROE, "-o", dist)
    assert result.exit_code == 0, result.output
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("dist.kept-")]
    assert len(kept) == 1
    assert (kept[0] / "notes.txt").read_text(encoding="utf-8") == "saved in the last instant\n"
    assert f"note: {kept[0]} holds the previous output" in result.stderr
    assert (dist / "soroe.ttl").exists()


def test_leftovers_are_recognised_by_exact_name_and_contents(
    tmp_path: Path, runner: CliRunner
) -> None:
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    # the user's own folders that merely look like leftovers
    shutil.copytree(dist, tmp_path / ".dist.old-keep")
    (tmp_path / ".dist.old-keep" / "notes.txt").write_text("mine\n", encoding="utf-8")
    (tmp_path / ".dist.building-mine").mkdir()
    (tmp_path / ".dist.building-mine" / ".muniorg-staging").touch()
    (tmp_path / ".dist.building-mine" / "thesis.tex").write_text("mine\n", encoding="utf-8")
    shutil.copytree(dist, tmp_path / ".dist.old-1-2")
    (tmp_path / ".dist.old-1-2" / "notes.txt").write_text("mine too\n", encoding="utf-8")
    users = snapshot(tmp_path)
    users = {k: v for k, v in users.items() if not k.startswith("dist/")}
    # and real leftovers of killed runs
    (tmp_path / ".dist.building-abcd_123").mkdir()
    (tmp_path / ".dist.building-abcd_123" / ".muniorg-staging").touch()
    shutil.copytree(dist, tmp_path / ".dist.old-99-12345")
    (tmp_path / ".dist.trash-99-12346").mkdir()
    assert muniorg(runner, "build", SOROE, "-o", dist).exit_code == 0
    after = {k: v for k, v in snapshot(tmp_path).items() if not k.startswith("dist/")}
    assert after == users
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".dist.building-mine",
        ".dist.old-1-2",
        ".dist.old-keep",
        "dist",
    ]


def test_an_unreadable_folder_inside_the_output_is_refused(tmp_path: Path) -> None:
    """What cannot be read may hide anything: refuse, keep it where it is."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv(1) to take away the right to read any folder")
    dist = tmp_path / "dist"
    src = write_source(tmp_path / "src").parent
    build = [sys.executable, "-c", "from muniorg.cli.app import main; main()", "build", str(src)]
    assert subprocess.run([*build, "-o", str(dist)], capture_output=True).returncode == 0
    (dist / "private").mkdir()
    (dist / "private" / "diary.txt").write_text("dear diary\n", encoding="utf-8")
    (dist / "private").chmod(0o300)
    caps = "-dac_override,-dac_read_search"
    done = subprocess.run(
        ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--", *build, "-o", str(dist)],
        capture_output=True,
        text=True,
    )
    (dist / "private").chmod(0o700)
    assert done.returncode == 2, done.stderr
    assert "private" in done.stderr and "Traceback" not in done.stderr
    assert (dist / "private" / "diary.txt").read_text(encoding="utf-8") == "dear diary\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "src"]


def test_a_symlinked_folder_inside_the_output_is_not_muniorgs(
    tmp_path: Path, runner: CliRunner
) -> None:
    dist = tmp_path / "dist"
    src = write_source(tmp_path / "src").parent
    assert muniorg(runner, "build", src, "-o", dist).exit_code == 0
    (dist / "elsewhere").symlink_to(src)
    refused(muniorg(runner, "build", src, "-o", dist), "elsewhere")
    assert (src / "x.yaml").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_linux_exchanges_the_folders_in_one_step(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchanged: list[bool] = []
    real = output_folder._rename_exchange
    monkeypatch.setattr(
        output_folder,
        "_rename_exchange",
        lambda a, b: exchanged.append(real(a, b)) or exchanged[-1],
    )
    dist = tmp_path / "dist"
    assert muniorg(runner, "build", STORD, "-o", dist).exit_code == 0
    assert muniorg(runner, "build", SOROE, "-o", dist).exit_code == 0
    assert exchanged == [True]  # the first build had nothing to exchange with


def test_export_waits_for_a_build_into_the_same_folder(tmp_path: Path) -> None:
    code = (
        "import time\n"
        "from pathlib import Path\n"
        "from muniorg.formats.output_folder import folder_lock\n"
        f"with folder_lock(Path({str(tmp_path)!r})):\n"
        "    print('locked', flush=True); time.sleep(2)\n"
    )
    holder = run_until(code, "locked")
    started = time.monotonic()
    from muniorg.formats.format import RdfFormat
    from muniorg.publish.convert import convert_paths

    convert_paths([STORD], RdfFormat.TURTLE, tmp_path / "out")
    assert time.monotonic() - started > 1.5
    assert holder.wait(timeout=30) == 0


def test_export_refuses_to_write_through_a_symlink(tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    assert muniorg(runner, "export", STORD, "--format", "turtle", "-o", out).exit_code == 0
    mine = tmp_path / "mine.ttl"
    mine.write_text("# mine\n", encoding="utf-8")
    (out / "stord.ttl").unlink()
    (out / "stord.ttl").symlink_to(mine)
    refused(muniorg(runner, "export", STORD, "--format", "turtle", "-o", out), "stord.ttl")
    assert mine.read_text(encoding="utf-8") == "# mine\n"
