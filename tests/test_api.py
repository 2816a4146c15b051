"""The public API: what ``import muniorg`` offers, that it stays light, typed and documented."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from doc_examples import python_blocks, run_examples

import muniorg
from muniorg.generate.api import API as GENERATED_API
from muniorg.model.classes import CLASSES

ROOT = Path(__file__).resolve().parents[1]

#: The public API's one table (the facade muniorg/__init__.py is generated from it).
API = GENERATED_API


def test_every_model_class_is_exported() -> None:
    assert len(CLASSES) >= 34
    for name, cls in CLASSES.items():
        assert name in muniorg.__all__
        assert getattr(muniorg, name) is cls


@pytest.mark.parametrize("name", sorted(API))
def test_public_name_is_the_module_object(name: str) -> None:
    module = importlib.import_module(API[name])  # as any import of the submodule would
    assert name in muniorg.__all__
    assert getattr(muniorg, name) is getattr(module, name)


def test_build_is_the_function_when_the_package_is_used_first() -> None:
    done = run_python(
        "from muniorg import build\nprint(build.__module__, build.__name__, type(build).__name__)"
    )
    assert (done.returncode, done.stdout.strip()) == (0, "muniorg.publish.build build function")


def test_all_lists_exactly_the_api() -> None:
    assert sorted(muniorg.__all__) == sorted([*API, *CLASSES, "__version__"])
    assert {**API, **dict.fromkeys(CLASSES, "muniorg.model.classes")} == muniorg._LAZY
    assert set(muniorg.__all__) <= set(dir(muniorg))


def test_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Municipalty'"):
        muniorg.Municipalty  # noqa: B018


def test_version_comes_from_pyproject() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert muniorg.__version__ == project["version"]
    assert "version" not in project.get("dynamic", [])
    # The version is written nowhere else in the package.
    sources = "".join(p.read_text("utf-8") for p in (ROOT / "muniorg").rglob("*.py"))
    assert f'"{project["version"]}"' not in sources


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_import_is_light() -> None:
    """``import muniorg`` loads neither pySHACL nor rdflib; using a name loads only its module;
    validation loads rdflib but not pySHACL, which only ``engine="pyshacl"`` needs."""
    done = run_python(
        "import sys, muniorg\n"
        "assert 'pyshacl' not in sys.modules and 'rdflib' not in sys.modules, 'heavy import'\n"
        "muniorg.Municipality\n"
        "assert 'muniorg.model.classes' in sys.modules and 'pyshacl' not in sys.modules, 'model'\n"
        "muniorg.validate_paths\n"
        "assert 'rdflib' in sys.modules and 'pyshacl' not in sys.modules, 'validation'\n"
    )
    assert done.returncode == 0, done.stderr


def test_star_import_gives_the_api() -> None:
    done = run_python("from muniorg import *\nprint(Council.__name__, Severity.WARNING.label)")
    assert (done.returncode, done.stdout.strip()) == (0, "Council warning"), done.stderr


# --- documentation --------------------------------------------------------------------------


def _has_example(obj: object) -> bool:
    return ">>>" in (inspect.getdoc(obj) or "")


@pytest.mark.parametrize("name", sorted(API))
def test_public_name_has_a_docstring_with_an_example(name: str) -> None:
    assert _has_example(getattr(importlib.import_module(API[name]), name))


def test_model_classes_are_documented() -> None:
    """Model classes are generated with a description and their fields; the example is the
    model module's (one that builds a municipality)."""
    assert _has_example(importlib.import_module("muniorg.model.classes"))
    for cls in CLASSES.values():
        doc = " ".join((inspect.getdoc(cls) or "").split())
        assert doc.startswith(cls.SPEC.description), cls.__name__
        assert all(f"{f.key}:" in doc for f in cls.SPEC.fields), cls.__name__


def _modules() -> list[ModuleType]:
    names = [info.name for info in pkgutil.walk_packages(muniorg.__path__, "muniorg.")]
    # muniorg.__main__ runs the command line when imported (python -m muniorg): test_cli runs it.
    names = [name for name in names if name != "muniorg.__main__"]
    return [importlib.import_module(name) for name in ["muniorg", *names]]


MODULES = _modules()


def test_doctests_are_collected() -> None:
    assert len(MODULES) >= 40
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for m in MODULES for t in finder.find(m))
    assert examples >= 250


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_doctests(module: ModuleType) -> None:
    """Every example in the package's docstrings runs and shows what it claims."""
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"


@pytest.mark.slow
def test_validation_does_not_depend_on_what_was_validated_before() -> None:
    bare = (
        "from pathlib import Path\n"
        "from muniorg import Municipality, load_paths, to_graph, validate_documents, validate_graph\n"
        "graph = to_graph(Municipality(id='https://ex.org/m', name={'da': 'M'}))\n"
    )
    count = "print(sorted(r.message for r in validate_graph(graph).results))\n"
    fresh = run_python(bare + count)
    after = run_python(
        bare + "validate_documents(load_paths([Path('examples')]).documents)\n" + count
    )
    assert fresh.returncode == after.returncode == 0, fresh.stderr + after.stderr
    assert after.stdout == fresh.stdout


@pytest.mark.slow
def test_library_doc_examples_run(tmp_path: Path) -> None:
    """The examples of docs/library.md run in order, as one script, from the repository root,
    and print what their comments show."""
    page = ROOT / "docs" / "library.md"
    assert len(python_blocks(page)) == 9
    done = run_examples(page, ROOT, tmp_path)
    assert done.mismatches == []
    assert "unknown key 'nmae'" in done.stdout
    assert "Municipality {'nb': 'Stord kommune', 'nn': 'Stord kommune'} NOR" in done.stdout
    assert "True 4 True" in done.stdout
    assert "Council.name: expected texts by language" in done.stdout
    assert "Council.name: the 'da' text: the character U+0000 (NUL) at position 4" in done.stdout


def _wrong_calls() -> list[tuple[str, Any, str]]:
    from rdflib import Graph

    from muniorg import (
        Municipality,
        RdfFormat,
        build,
        convert_paths,
        from_graph,
        load_paths,
        read_graph,
        read_graph_model,
        to_graph,
        to_jsonld,
        validate_documents,
        validate_graph,
        validate_paths,
    )
    from muniorg.formats.rdf import serialize

    m = Municipality(id="https://ex.org/m", name={"da": "M"})
    stord = ROOT / "examples" / "municipalities" / "stord.yaml"
    return [
        ("load_paths str", lambda: load_paths("examples"), "load_paths(paths): expected a list"),
        ("load_paths int", lambda: load_paths([3]), "load_paths(paths): expected a path"),
        ("load_paths base", lambda: load_paths([stord], base=None), "load_paths(base)"),
        ("validate_paths", lambda: validate_paths(stord), "validate_paths(paths)"),
        ("build", lambda: build(None, ROOT / "never"), "build(sources)"),
        ("build out", lambda: build([stord], None), "build(out_dir)"),
        ("convert fmt", lambda: convert_paths([stord], "turtle", ROOT), "convert_paths(fmt)"),
        ("read_graph", lambda: read_graph(None), "read_graph(path)"),
        ("read_graph_model", lambda: read_graph_model(None), "read_graph_model(graph)"),
        ("to_graph", lambda: to_graph(None), "to_graph(nodes)"),
        ("to_graph dict", lambda: to_graph({"name": "M"}), "to_graph(nodes)"),
        ("to_jsonld", lambda: to_jsonld(None), "to_jsonld(node)"),
        ("from_graph graph", lambda: from_graph({}, m.id, Municipality), "from_graph(graph)"),
        ("from_graph iri", lambda: from_graph(to_graph(m), None, Municipality), "from_graph(iri)"),
        ("from_graph cls", lambda: from_graph(to_graph(m), m.id, dict), "from_graph(cls)"),
        ("validate_graph", lambda: validate_graph({}), "validate_graph(data)"),
        ("validate_documents", lambda: validate_documents(None), "validate_documents"),
        ("validate_documents model", lambda: validate_documents([m]), "validate_graph(to_graph"),
        ("serialize", lambda: serialize(Graph(), RdfFormat.YAML), "serialize(fmt)"),
        ("jobs text", lambda: validate_documents([], jobs="2"), "jobs: expected a whole number"),
        ("jobs none", lambda: build([stord], ROOT / "never", jobs=None), "jobs: expected"),
    ]


@pytest.mark.parametrize(("name", "call", "message"), _wrong_calls(), ids=lambda v: str(v)[:30])
def test_a_wrong_argument_is_a_usage_error(name: str, call: Any, message: str) -> None:
    """A public function given an argument of the wrong kind raised AttributeError ('str' object
    has no attribute 'is_dir'), TypeError from rdflib, or validated a dict as a conforming empty
    graph; now a UsageError, a MuniorgError and a TypeError, names the function and argument."""
    from muniorg.core.errors import MuniorgError, UsageError

    with pytest.raises(UsageError) as caught:
        call()
    assert isinstance(caught.value, MuniorgError) and isinstance(caught.value, TypeError)
    assert message in str(caught.value), str(caught.value)


def test_paths_may_be_given_as_text(tmp_path: Path) -> None:
    """Paths as str, as the standard library takes them (each raised AttributeError)."""
    from muniorg import RdfFormat, build, convert_paths, load_paths, read_graph, validate_paths

    stord = str(ROOT / "examples" / "municipalities" / "stord.yaml")
    assert [d.local_id for d in load_paths([stord]).documents] == ["stord"]
    assert validate_paths([stord]).conforms
    written = convert_paths([stord], RdfFormat.TURTLE, str(tmp_path))
    assert written == [tmp_path / "stord.ttl"]
    assert len(read_graph(str(written[0]))) > 100
    assert build([stord], str(tmp_path / "dist")).published


def test_from_graph_takes_the_iri_as_a_uriref() -> None:
    """rdflib gives subjects as URIRef (a str): from_graph said 'Municipality.id: expected str
    (an IRI), got the text ...' for one."""
    from rdflib import URIRef

    from muniorg import Municipality, from_graph, to_graph

    m = Municipality(id="https://ex.org/m", name={"da": "M"})
    read = from_graph(to_graph(m), URIRef("https://ex.org/m"), Municipality)
    assert read == m and type(read.id) is str


def test_a_missing_path_and_no_path_say_so(tmp_path: Path) -> None:
    """validate_paths said a missing folder had no extension to tell its format from; an empty
    list of sources said 'no YAML files found in ' and named nothing."""
    from muniorg import build, load_paths, validate_paths
    from muniorg.core.errors import InputError

    with pytest.raises(InputError) as caught:
        validate_paths([tmp_path / "missing"])
    assert str(caught.value) == f"{tmp_path / 'missing'}: no such file or folder"
    for call in (lambda: load_paths([]), lambda: build([], tmp_path / "dist")):
        with pytest.raises(InputError, match="no files or folders given"):
            call()
