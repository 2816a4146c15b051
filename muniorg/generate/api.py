"""The public API in one table, and the facade ``muniorg/__init__.py`` generated from it.

Everything a user imports from ``muniorg`` is listed in :data:`API` (name -> the module that
defines it) or is a class of the model (from the shapes). The facade needs the names three times
over: ``TYPE_CHECKING`` imports for type checkers, the lazy-import table for PEP 562 and a
literal ``__all__`` for linters. It is therefore written by ``python -m muniorg.generate``, and
``--check`` fails when it is out of step with this table. Every other module is internal; its
``__all__`` says what other packages of muniorg may use.

Example:
    >>> API["build"], "Municipality" in render_facade(_sources())
    ('muniorg.publish.build', True)
"""

from __future__ import annotations

from collections import defaultdict

from muniorg.generate.sources import Sources, load_sources

#: Each public name (not a model class) and the module that defines it.
API: dict[str, str] = {
    "load_paths": "muniorg.authoring.load",
    "validate_documents": "muniorg.validation.run",
    "validate_graph": "muniorg.validation.run",
    "validate_paths": "muniorg.publish.check",
    "from_graph": "muniorg.rdf.graph",
    "to_graph": "muniorg.rdf.graph",
    "to_jsonld": "muniorg.rdf.jsonld",
    "build": "muniorg.publish.build",
    "convert_paths": "muniorg.publish.convert",
    "RdfFormat": "muniorg.formats.format",
    "read_graph": "muniorg.formats.rdf",
    "read_graph_model": "muniorg.rdf.read",
    "Severity": "muniorg.validation.results",
    "SourceLocation": "muniorg.core.location",
    "ValidationReport": "muniorg.validation.results",
    "ValidationResult": "muniorg.validation.results",
    "MuniorgError": "muniorg.core.errors",
}
#: The module of the generated model classes.
MODEL_MODULE = "muniorg.model.classes"

_DOCSTRING = '''"""muniorg: publish municipalities as linked open data.

The names below are the public API; each is loaded on first use (PEP 562), so ``import muniorg``
stays light and pySHACL is imported only when something validates. This file is generated from
the table in ``muniorg/generate/api.py`` (``python -m muniorg.generate``); edit the table.

- the typed model, one class per class of the ontology: :class:`Municipality`, :class:`Council` ...;
- authoring files: :func:`load_paths`;
- validation: :func:`validate_documents`, :func:`validate_paths`, :func:`validate_graph`, giving a
  :class:`ValidationReport` of :class:`ValidationResult` objects with a :class:`Severity` and a
  :class:`SourceLocation`;
- graphs and JSON-LD: :func:`to_graph`, :func:`from_graph`, :func:`to_jsonld`;
- other publishers' data: :func:`read_graph` (a file, offline) and :func:`read_graph_model`;
- publishing: :func:`build`, :func:`convert_paths`, with formats as :class:`RdfFormat`;
- errors: every error muniorg raises on bad input is a :class:`MuniorgError`.

Example:
    >>> import muniorg
    >>> m = muniorg.Municipality(id="https://ex.org/m", name={"da": "Sorø Kommune"}, country="DNK")
    >>> muniorg.from_graph(muniorg.to_graph(m), "https://ex.org/m", muniorg.Municipality) == m
    True
    >>> muniorg.Severity.VIOLATION > muniorg.Severity.WARNING
    True
"""
'''

_BODY = '''

def __getattr__(name: str) -> Any:
    """Import the module that holds a public name when the name is first used (PEP 562)."""
    if name == "__version__":  # importlib.metadata costs 20 ms: only when asked for
        globals()[name] = _version()
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'muniorg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _version() -> str:
    """The installed distribution's version; pyproject.toml is its only source."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("muniorg")
    except PackageNotFoundError:  # pragma: no cover - a source tree not installed
        return "0+unknown"
'''


def public_names(sources: Sources) -> dict[str, str]:
    """Every public name and its module: :data:`API` and the model classes."""
    return {**API, **dict.fromkeys(sources.schema.classes, MODEL_MODULE)}


def render_facade(sources: Sources) -> str:
    """The text of ``muniorg/__init__.py``."""
    names = public_names(sources)
    by_module: dict[str, list[str]] = defaultdict(list)
    for name, module in names.items():
        by_module[module].append(name)
    imports = []
    for module in sorted(by_module):
        members = sorted(by_module[module])
        if len(members) == 1:
            imports.append(f"    from {module} import {members[0]}")
        else:
            body = "".join(f"        {name},\n" for name in members)
            imports.append(f"    from {module} import (\n{body}    )")
    lazy = "".join(f'    "{name}": "{names[name]}",\n' for name in sorted(names))
    exported = "".join(f'    "{name}",\n' for name in sorted([*names, "__version__"]))
    return (
        _DOCSTRING
        + "\nfrom __future__ import annotations\n\n"
        + "import importlib\n"
        + "from typing import TYPE_CHECKING, Any\n\n"
        + "if TYPE_CHECKING:\n"
        + "\n".join(imports)
        + "\n\n#: Where each public name lives.\n"
        + f"_LAZY: dict[str, str] = {{\n{lazy}}}\n\n"
        + f"__all__ = [\n{exported}]\n"
        + _BODY
    )


def _sources() -> Sources:
    return load_sources()


__all__ = ["API", "MODEL_MODULE", "public_names", "render_facade"]
