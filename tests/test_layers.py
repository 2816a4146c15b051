"""The package's layers: every import points down (or within its own package).

The layers follow the data flow (authoring -> model -> graph -> validation -> outputs) read from
the bottom up: a module may import modules of its own package and of packages ranked below it,
never above and never a sibling of the same rank. Imports inside functions and under
``TYPE_CHECKING`` count too: a lazy import is still a dependency. docs/architecture.md explains
the layers; adding a package means giving it a rank here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "muniorg"

#: Package -> rank, lowest first. Same rank: siblings, which may not import each other.
LAYERS = {
    "core": 0,
    "formats": 1,
    "model": 2,
    "rdf": 3,
    "authoring": 4,
    "dcat": 4,
    "validation": 4,
    "reports": 5,
    "importing": 5,
    "site": 5,
    "publish": 6,
    "cli": 7,
    "generate": 7,
}
#: Packages that hold data, not code.
DATA = {
    "ontology",
    "templates",
    "data",
}  # templates/ has an __init__.py only for importlib.resources


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> Iterator[tuple[str, int]]:
    """The muniorg modules ``path`` imports, with line numbers (every import statement and
    every ``importlib.import_module("muniorg...")`` call)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                if path.name != "__init__.py":
                    base.pop()
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for candidate in [module, *(f"{module}.{a.name}" for a in node.names)]:
                if candidate in MODULES:
                    yield candidate, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("muniorg"):
                    yield alias.name, node.lineno
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and str(node.args[0].value).startswith("muniorg")
        ):
            yield str(node.args[0].value), node.lineno


def package_of(module: str) -> str | None:
    """The layer package of ``muniorg.X.y`` (``X``), or None for the facade ``muniorg``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_package_has_a_rank() -> None:
    packages = {
        p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    }
    assert packages - DATA == set(LAYERS), "give each new package a rank in LAYERS"
    top_level = sorted(
        m
        for m in MODULES
        if m.count(".") == 1
        and package_of(m) not in LAYERS | dict.fromkeys(DATA)
        and m != "muniorg.__main__"  # python -m muniorg: the command line, like cli/
    )
    assert top_level == [], f"modules belong in a layer package: {top_level}"


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if m not in ("muniorg", "muniorg.__main__"))
)
def test_imports_point_down(module: str) -> None:
    """No module imports the facade, a package ranked above its own, or a sibling package."""
    own = package_of(module)
    wrong = []
    for target, line in imports(MODULES[module]):
        other = package_of(target)
        if other is None:
            wrong.append(f"line {line}: imports the facade 'muniorg'; import the module itself")
        elif other != own and LAYERS.get(other, 99) >= LAYERS.get(own or "", 99):
            wrong.append(
                f"line {line}: {target} ({other}, rank {LAYERS.get(other)}) is not below {own}"
            )
    assert wrong == [], f"{module}:\n" + "\n".join(wrong)


def test_the_check_sees_imports() -> None:
    """The walker finds plain, relative, lazy and importlib imports (so the test can fail)."""
    found = {target for target, _ in imports(MODULES["muniorg.cli.validate"])}
    assert "muniorg.formats.files" in found
    assert "muniorg.publish.check" in found  # imported inside the command's function
