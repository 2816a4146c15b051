"""A clone is the whole project: nothing outside it is read, and CI runs the README's command.

The official standards' releases are the one exception, found through ``MUNIORG_STANDARDS``
(see ``conftest.py``); the registry extracts the package and the benchmarks need are package
data in ``muniorg/data/registries``, each named with its source in the folder's README.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REGISTRIES = ROOT / "muniorg" / "data" / "registries"
#: A path that leaves the repository for the folder beside it (the sibling folder named in
#: a relative path, or built with pathlib from a parent of the repository root).
OUTSIDE = re.compile(r"\.\./shared|\.parent\s*/\s*[\"']shared[\"']")
BENCHMARK_IMPORT = re.compile(r"^\s*(from|import)\s+benchmarks\b", re.M)


def _sources(*folders: str) -> list[Path]:
    return sorted(
        path
        for folder in folders
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".ttl", ".toml", ".yaml", ".md"} and path.is_file()
    )


def readme_test_command() -> str:
    """The command under "Run the tests:" in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Run the tests:\n\n```sh\n(.+?)\n```", readme, re.S)
    assert block is not None, "README.md has no 'Run the tests:' command"
    return block.group(1).strip()


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    command = readme_test_command()
    assert command.endswith("python -m pytest -q")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in [line.strip() for line in ci.splitlines()]


def test_nothing_reads_the_folder_beside_the_repository() -> None:
    sources = [p for p in _sources("tests", "muniorg", "benchmarks") if p != Path(__file__)]
    assert len(sources) > 50
    found = [
        f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in sources
        # errors="replace": tests/resources/hostile holds broken encodings on purpose
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for match in OUTSIDE.finditer(text)
    ]
    assert found == []


def test_outside_pattern_finds_both_spellings() -> None:
    sibling = "sha" + "red"  # spelled in two parts so that this file does not match itself
    assert OUTSIDE.search(f'STANDARDS = ROOT.parent / "{sibling}" / "standards"')
    assert OUTSIDE.search(f"read them as `../{sibling}/data/registries/...`")
    assert not OUTSIDE.search("shared $defs for the value forms")


def test_no_test_imports_the_benchmarks() -> None:
    tests = sorted((ROOT / "tests").glob("*.py"))
    assert len(tests) > 15
    assert [p.name for p in tests if BENCHMARK_IMPORT.search(p.read_text("utf-8"))] == []


def test_registry_extracts_are_documented_package_data() -> None:
    tomllib = pytest.importorskip("tomllib")
    with (ROOT / "pyproject.toml").open("rb") as file:
        patterns = tomllib.load(file)["tool"]["setuptools"]["package-data"]["muniorg"]
    readme = (REGISTRIES / "README.md").read_text(encoding="utf-8")
    files = sorted(p.relative_to(ROOT / "muniorg").as_posix() for p in REGISTRIES.rglob("*.*"))
    assert len(files) == 17  # sixteen extracts and the README
    unpackaged = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert unpackaged == []
    named = _names_in(readme)
    extracts = [f for f in files if not f.endswith("README.md")]
    assert [f for f in extracts if Path(f).name not in named] == []


def _names_in(markdown: str) -> set[str]:
    """The file names in backticks, with ``a_{x,y}.json`` standing for ``a_x.json``, ``a_y.json``
    (see :func:`test_names_in_expands_braces`)."""
    names = set()
    for quoted in re.findall(r"`([^`\s]+\.\w+)`", markdown):
        name = quoted.rsplit("/", 1)[-1]
        braces = re.search(r"\{([^}]+)\}", name)
        if braces is None:
            names.add(name)
        else:
            names |= {
                name[: braces.start()] + part + name[braces.end() :]
                for part in braces.group(1).split(",")
            }
    return names


def test_names_in_expands_braces() -> None:
    assert _names_in("`d/m_{dk,se}.json` and `x.csv`") == {"m_dk.json", "m_se.json", "x.csv"}


def test_the_package_imports_only_its_core_dependencies() -> None:
    """`pip install -e .` (the README's first command) must be enough for every module: a
    third-party import in muniorg/ must come from a distribution of [project] dependencies, not
    of an extra (ruamel.yaml once moved to the test extra broke every command)."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {
        re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in project["dependencies"]
    }
    distributions = packages_distributions()
    missing = set()
    for path in (ROOT / "muniorg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "muniorg" or top in sys.stdlib_module_names:
                    continue
                owners = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
                if not owners & core:
                    missing.add(f"{path.relative_to(ROOT)}: {top} ({', '.join(sorted(owners))})")
    assert sorted(missing) == []
