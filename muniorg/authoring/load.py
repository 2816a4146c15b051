"""Load authoring files (YAML) into the model, keeping the position of every key.

One file holds one top-level object: a ``Municipality``, a ``CooperationProgramme`` or a
``ConceptScheme``. Keys are the field names of ``ontology/shapes.ttl``; see
``docs/authoring.md``. Every problem (YAML syntax, unknown key, wrong type, duplicate id,
dangling reference) is reported with ``file:line:column``, all problems of a load at once.

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.authoring.load import load_paths
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "soroe.yaml").write_text(
    ...     "type: Municipality\\nid: soroe\\nname: {da: Sorø Kommune}\\ncountry: DNK\\n"
    ...     "identifiers:\\n  - {scheme: dk-kommunekode, notation: '340'}\\n", encoding="utf-8")
    >>> loaded = load_paths([folder])
    >>> loaded.documents[0].root.id
    'https://w3id.org/muniorg/id/dk/340'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from muniorg.core.arguments import PathArgument, instance_argument, paths_argument
from muniorg.core.collector import paused
from muniorg.core.errors import (
    AuthoringError,
    AuthoringErrors,
    InputError,
    MuniorgError,
    did_you_mean,
)
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import DEFAULT_BASE, new_graph
from muniorg.core.values import (
    LOCAL_ID,
    address_hint,
    iri_problem,
    is_absolute_iri,
    language_problem,
    repeated_language,
)
from muniorg.formats.yaml import YamlNode, load_yaml
from muniorg.model.classes import CLASSES, Municipality
from muniorg.model.ids import assign_ids, current_code, root_iri
from muniorg.model.kinds import KINDS, describe
from muniorg.model.node import Node
from muniorg.model.schema import ClassSpec, Field, ValueKind
from muniorg.model.walk import canonical, rebuild
from muniorg.rdf.document import SourceDocument
from muniorg.rdf.graph import to_graph

ROOT_TYPES = ("Municipality", "CooperationProgramme", "ConceptScheme")
YAML_SUFFIXES = (".yaml", ".yml")
#: The top object's id names the output files ({id}.jsonld ...): file names hold 255 bytes.
MAX_TOP_ID_LENGTH = 100


@dataclass
class LoadResult:
    """All documents of a load, in path order."""

    documents: list[SourceDocument]
    #: ``type: Catalog`` files (DCAT-AP settings for a build), parsed but not interpreted here.
    catalogs: list[YamlNode] = field(default_factory=list)
    #: YAML files found in folders that are not authoring files (no 'type' and no 'id').
    skipped: list[Path] = field(default_factory=list)

    def graph(self) -> Graph:
        """One graph with the data of every document."""
        graph = new_graph()
        for document in self.documents:
            to_graph(document.root, graph=graph)
        return graph


def iter_yaml_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The YAML files named by ``paths`` (folders are searched recursively, except hidden
    folders such as ``.github``), sorted; a file named twice (or named and inside a folder
    named too) comes once, where it first appears.

    :raises InputError: for a path that does not exist.
    """
    seen: set[Path] = set()
    for found in _yaml_files(paths):
        key = found.resolve()
        if key not in seen:
            seen.add(key)
            yield found


def _yaml_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")  # folders reached through a symbolic link: not entered
                if p.suffix in YAML_SUFFIXES
                # .github, .git, .venv ...: tools' folders, never authoring files
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            )
            for p in found:
                if p.is_symlink() and (broken := _broken_link(p)) is not None:
                    if p.name.startswith(_EDITOR_LOCK):
                        continue  # an editor's lock on an unsaved file: a link to nothing by design
                    raise broken
                if not p.is_dir():  # a FIFO or a device too: the loader refuses it, by name
                    yield p
        elif path.exists():
            yield path
        else:
            raise InputError(f"no such file or folder: {path}")


#: How Emacs names the lock of a file with unsaved changes (``.#stord.yaml``, beside
#: ``stord.yaml``): a symbolic link to ``user@host.pid``, which leads to nothing on purpose.
_EDITOR_LOCK = ".#"


def _broken_link(path: Path) -> InputError | None:
    """The error for a symbolic link ``path`` that leads to nothing (its target is missing, or
    the links loop), which would otherwise leave its file out of the build without a word;
    ``None`` when it leads somewhere after all (it changed meanwhile).

    >>> import os, tempfile
    >>> link = Path(tempfile.mkdtemp()) / "data" / "stord.yaml"
    >>> link.parent.mkdir()
    >>> os.symlink("../common/stord.yaml", link)
    >>> print(_broken_link(link).message)  # doctest: +ELLIPSIS
    a symbolic link to ../common/stord.yaml (/.../common/stord.yaml), which does not exist: ...
    """
    try:
        target = os.readlink(path)
    except OSError:  # no longer a link
        return None
    try:
        path.stat()
    except FileNotFoundError:
        problem = "which does not exist: restore the file it points to, or remove the link"
    except OSError as err:  # a loop of links
        problem = f"which cannot be followed ({err.strerror}): correct the link, or remove it"
    else:
        return None
    seen_from_here = os.path.normpath(os.path.join(path.parent, target))
    shown = target if seen_from_here == target else f"{target} ({seen_from_here})"
    return InputError(f"a symbolic link to {shown}, {problem}", SourceLocation(str(path)))


def _belongs_under(spec: ClassSpec, key: str) -> str:
    """A hint when ``key`` is a key of an object nested in ``spec``'s class (committees are the
    council's): ``" (it belongs under 'council:', a Council)"``, or ``""``.

    >>> _belongs_under(CLASSES["Municipality"].SPEC, "committees")
    " (it belongs under 'council:', a Council)"
    """
    for f in spec.fields:
        nested = f.kind is ValueKind.NESTED and f.target in CLASSES
        if nested and any(g.key == key for g in CLASSES[f.target or ""].SPEC.fields):
            return f" (it belongs under '{f.key}:', a {f.target})"
    return ""


def load_paths(paths: Sequence[PathArgument], base: str = DEFAULT_BASE) -> LoadResult:
    """Load every authoring file under ``paths``; IRIs are minted under ``base``.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text("type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n")
    >>> load_paths([folder], base="https://data.example.dk/").documents[0].root.id
    'https://data.example.dk/dk/x'

    :raises AuthoringErrors: with every problem found, each with file:line:column.
    :raises InputError: when a file cannot be read at all.
    :raises UsageError: when ``paths`` is not a list of paths (``Path`` or ``str``).
    """
    loader = _Loader(instance_argument(base, str, "load_paths(base)", "an IRI as a str"))
    for path, found_in_folder in authoring_files(paths_argument(paths, "load_paths(paths)")):
        loader.load_file(path, found_in_folder=found_in_folder)
    return loader.finish()


def authoring_files(paths: Sequence[Path]) -> list[tuple[Path, bool]]:
    """The YAML files under ``paths`` (:func:`iter_yaml_files`), each with whether a folder
    scan found it rather than its name being given (a found file without 'type' or 'id' is
    passed over, see :meth:`_Loader.load_file`).

    :raises InputError: when there is none, or a path does not exist.
    """
    if not paths:
        raise InputError("no files or folders given: name the authoring files to read")
    files = list(iter_yaml_files(paths))
    if not files:
        raise InputError("no YAML files (*.yaml, *.yml) found in " + ", ".join(map(str, paths)))
    named = {path.resolve() for path in paths if not path.is_dir()}
    if not named:  # only folders: every file was found in one (no resolve() a file)
        return [(path, True) for path in files]
    return [(path, path.resolve() not in named) for path in files]


def no_documents(
    sources: Sequence[Path], catalogs: Sequence[Path], skipped: Sequence[Path]
) -> InputError:
    """The error for ``sources`` that hold no authoring document, saying what they hold
    instead: the ``catalogs`` and the YAML files passed over (``skipped``). A build stops on
    it rather than publish an empty data set over the last one (a folder emptied by a checkout
    step or a submodule not checked out would otherwise unpublish every municipality).

    >>> print(no_documents([Path("data")], [Path("data/catalog.yaml")], []))
    no authoring documents found in data (only the catalog data/catalog.yaml)
    """
    found = []
    if catalogs:
        found.append(f"only the catalog {', '.join(map(str, catalogs))}")
    if skipped:
        shown = ", ".join(map(str, skipped[:_SKIPPED_SHOWN]))
        more = ", ..." if len(skipped) > _SKIPPED_SHOWN else ""
        files = "1 YAML file" if len(skipped) == 1 else f"{len(skipped)} YAML files"
        found.append(f"{files} without 'type' or 'id' passed over: {shown}{more}")
    return InputError(
        f"no authoring documents found in {', '.join(map(str, sources))}"
        + (f" ({'; '.join(found)})" if found else "")
    )


def empty_folders(sources: Sequence[Path], used: Iterable[Path]) -> list[Path]:
    """The folders among ``sources`` that hold none of the files ``used`` (the documents and
    catalogs read). Each folder named is expected to give something: ``build a/ b/`` with
    ``b/`` emptied (a checkout step, a submodule not checked out) would otherwise publish
    without ``b/``'s municipalities and unpublish them.

    A file counts for a folder when it lies under it as written or once links are followed:
    a file found twice (``build data /abs/data``, ``build data link-to-data``, a link in one
    folder to a file of another) is read once, under the first spelling.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "a").mkdir(); (root / "b").mkdir()
    >>> [p.name for p in empty_folders([root / "a", root / "b"], [root / "a" / "x.yaml"])]
    ['b']
    """
    used = list(used)
    resolved: list[Path] = []  # worked out only when a folder seems empty as written

    def gives(source: Path) -> bool:
        if any(path.is_relative_to(source) for path in used):
            return True
        resolved[:] = resolved or [path.resolve() for path in used]
        real = source.resolve()
        return any(path.is_relative_to(real) for path in resolved)

    return [source for source in sources if source.is_dir() and not gives(source)]


def check_sources(
    sources: Sequence[Path],
    documents: Sequence[Path],
    catalogs: Sequence[Path],
    skipped: Sequence[Path],
    *,
    catalog_alone: bool = False,
) -> None:
    """Refuse ``sources`` that give no authoring document, and a folder among them that gives
    nothing (:func:`empty_folders`), saying what they hold (:func:`no_documents`): the files
    read as ``documents`` and ``catalogs``, and the YAML files passed over (``skipped``). With
    ``catalog_alone``, files named without a folder may give only the catalog (``muniorg
    validate catalog.yaml``).

    :raises InputError: naming the sources, or the folders, and what they hold.
    """
    if not documents and (not catalog_alone or any(source.is_dir() for source in sources)):
        raise no_documents(sources, catalogs, skipped)
    empty = empty_folders(sources, [*documents, *catalogs])
    if empty:
        under = [path for path in skipped if any(path.is_relative_to(e) for e in empty)]
        raise no_documents(empty, [], under)


#: The files passed over that :func:`no_documents` names (the others are counted).
_SKIPPED_SHOWN = 5


class _Loader:
    def __init__(self, base: str) -> None:
        self.base = base
        self.errors: list[MuniorgError] = []
        self.documents: list[SourceDocument] = []
        # Positions of model objects before ids are assigned, keyed by id(object).
        self._positions: dict[int, tuple[SourceLocation, dict[str, SourceLocation]]] = {}
        self._local_ids: dict[Path, dict[str, SourceLocation]] = {}
        self.catalogs: list[YamlNode] = []
        self.skipped: list[Path] = []

    # -- errors ----------------------------------------------------------------------------
    def error(self, message: str, location: SourceLocation) -> None:
        self.errors.append(AuthoringError(message, location))

    # -- files -----------------------------------------------------------------------------
    def load_file(self, path: Path, *, found_in_folder: bool = False) -> None:
        """Load one file. A YAML file found in a folder whose top level has neither 'type' nor
        'id' is not an authoring file (a CI workflow, a tool's settings) and is passed over; a
        file named on its own is always read as one."""
        with paused():  # the file's nodes and model live on: see muniorg.core.collector
            self._load_file(path, found_in_folder)

    def _load_file(self, path: Path, found_in_folder: bool) -> None:
        try:
            data = load_yaml(path)
        except MuniorgError as exc:
            self.errors.append(exc)
            return
        if (
            found_in_folder
            and isinstance(data.value, dict)
            and not {"type", "id"} & set(data.value)
        ):
            self.skipped.append(path)
            return
        here = data.location
        if not isinstance(data.value, dict):
            self.error("expected a mapping with 'type' and 'id' at the top of the file", here)
            return
        type_node = data.value.get("type")
        type_name = type_node.value if type_node else None
        if type_name == "Catalog":
            self.catalogs.append(data)
            return
        if type_name not in ROOT_TYPES:
            where = type_node.location if type_node else here
            known = ", ".join([*ROOT_TYPES, "Catalog"])
            if type_node is None:
                self.error(f"'type' is missing: give one of {known}", where)
                return
            self.error(
                f"'type' must be one of {known}, got {type_name!r}"
                + (did_you_mean(type_name, ROOT_TYPES) if isinstance(type_name, str) else ""),
                where,
            )
            return
        id_node = data.value.get("id")
        if (
            id_node is None
            or not isinstance(id_node.value, str)
            or not LOCAL_ID.fullmatch(id_node.value)
        ):
            got = "none is given" if id_node is None else f"got {describe(id_node.value)}"
            self.error(
                "the top object needs an 'id' of lowercase letters, digits and hyphens, "
                f"e.g. 'soroe'; {got}",
                id_node.location if id_node else here,
            )
            return
        if len(id_node.value) > MAX_TOP_ID_LENGTH:
            self.error(
                f"the top object's 'id' is {len(id_node.value)} characters long; at most "
                f"{MAX_TOP_ID_LENGTH} are allowed (it names the output files): "
                f"{id_node.value[:40]!r}...",
                id_node.location,
            )
            return
        self._local_ids[path] = {}
        root = self.build(CLASSES[type_name], data, path)
        if root is None:
            return
        iri = root_iri(root, id_node.value, self.base)
        if problem := iri_problem(iri):
            where = self._code_location(root) or id_node.location
            self.error(f"the IRI {iri!r} minted for this object is not usable: {problem}", where)
            return
        locations: dict[tuple[str, str | None], SourceLocation] = {}

        def carry(old: Node, new: Node) -> None:
            if id(old) in self._positions:
                node_loc, key_locs = self._positions[id(old)]
                locations[(new.id or "", None)] = node_loc
                for key, loc in key_locs.items():
                    locations[(new.id or "", key)] = loc

        root = assign_ids(root, iri, on_assign=carry)
        locations[(root.id or "", "id")] = id_node.location
        self.documents.append(
            SourceDocument(path=path, local_id=id_node.value, root=root, locations=locations)
        )

    def _code_location(self, root: Node) -> SourceLocation | None:
        """Where the code a municipality's IRI is minted from (:func:`root_iri`) was written."""
        code = current_code(root) if isinstance(root, Municipality) else None
        if code is None or id(code) not in self._positions:
            return None
        node_location, key_locations = self._positions[id(code)]
        return key_locations.get("notation", node_location)

    # -- objects ---------------------------------------------------------------------------
    def build(self, cls: type[Node], data: YamlNode, path: Path) -> Node | None:
        if not isinstance(data.value, dict):
            self.error(
                f"expected a mapping for a {cls.SPEC.key}, got {describe(data.value)}",
                data.location,
            )
            return None
        spec = cls.SPEC
        fields, required = _fields_of(cls)
        kwargs: dict[str, Any] = {}
        key_locs: dict[str, SourceLocation] = {}
        ok = True
        for key, value in data.value.items():
            loc = value.key_location
            if key == "type":
                if value.value != spec.key:
                    self.error(
                        f"'type' here must be {spec.key!r}, got {value.value!r}", value.location
                    )
                    ok = False
                continue
            if key == "id":
                absolute = isinstance(value.value, str) and is_absolute_iri(value.value)
                if not isinstance(value.value, str) or not (
                    absolute or LOCAL_ID.fullmatch(value.value)
                ):
                    self.error(
                        f"'id' must be a local id (lowercase letters, digits, hyphens) or an absolute IRI, "
                        f"got {value.value!r}{address_hint(value.value)}",
                        value.location,
                    )
                    ok = False
                    continue
                if not absolute:
                    seen = self._local_ids[path]
                    if value.value in seen:
                        self.error(
                            f"duplicate id {value.value!r} (first used at {seen[value.value]})",
                            value.location,
                        )
                        ok = False
                    seen.setdefault(value.value, value.location)
                problem = iri_problem(value.value) if absolute else None
                if problem:
                    self.error(f"'id' {value.value!r}: {problem}", value.location)
                    ok = False
                    continue
                kwargs["id"] = value.value
                continue
            if key not in fields:
                self.error(
                    f"unknown key {key!r} in {spec.key}"
                    + (_belongs_under(spec, key) or did_you_mean(key, [*fields, "id", "type"])),
                    loc,
                )
                ok = False
                continue
            f = fields[key]
            key_locs[key] = loc
            converted = self.field_value(f, value, path)
            if converted is _INVALID:
                ok = False
            else:
                kwargs[key] = converted
        for f in required:
            if f.key not in kwargs and ok:
                self.error(f"{spec.key} needs {f.key!r}: {f.description}", data.location)
                ok = False
        if not ok:
            return None
        node = cls(**kwargs)
        self._positions[id(node)] = (data.location, key_locs)
        return node

    def field_value(self, f: Field, value: YamlNode, path: Path) -> Any:
        if f.kind is ValueKind.LANG_MAP or f.kind is ValueKind.LANG_LIST_MAP:
            return self.lang_map(f, value)
        items = value.value if isinstance(value.value, list) else None
        if f.many:
            nodes = items if items is not None else [value]
            out = [self.single(f, item, path) for item in nodes]
            return _INVALID if any(o is _INVALID for o in out) else out
        if items is not None:
            self.error(f"{f.key!r} takes one value, got a list of {len(items)}", value.location)
            return _INVALID
        return self.single(f, value, path)

    def lang_map(self, f: Field, value: YamlNode) -> Any:
        example = "{da: Sorø Kommune, en: Sorø Municipality}"
        if not isinstance(value.value, dict):
            self.error(
                f"{f.key!r} takes texts by language, like {example}; got {describe(value.value)}",
                value.location,
            )
            return _INVALID
        out: dict[str, Any] = {}
        seen: dict[str, str] = {}  # the tags so far, by their lower case
        ok = True
        for lang, text in value.value.items():
            problem = (
                None
                if lang in _GOOD_LANGUAGES
                else language_problem(lang)
                if isinstance(lang, str)
                else f"{lang!r} is not a language tag (like da, sv, nb, nn, en, se)"
            )
            if problem is None and len(_GOOD_LANGUAGES) < _MAX_READ:
                _GOOD_LANGUAGES.add(lang)
            if problem is None:
                problem = repeated_language(seen, lang)
            if problem is not None:
                self.error(problem, text.key_location)
                ok = False
                continue
            texts = text.value if isinstance(text.value, list) else [text]
            if f.kind is ValueKind.LANG_MAP and isinstance(text.value, list):
                self.error(
                    f"{f.key!r} takes one text per language; got a list for {lang!r}", text.location
                )
                ok = False
                continue
            strings = []
            for t in texts:
                if not isinstance(t.value, str) or not t.value.strip():
                    self.error(
                        f"expected a non-empty text for {f.key}.{lang}, got {describe(t.value)}",
                        t.location,
                    )
                    ok = False
                else:
                    strings.append(t.value)
            out[lang] = strings[0] if f.kind is ValueKind.LANG_MAP and strings else strings
        return out if ok else _INVALID

    def single(self, f: Field, value: YamlNode, path: Path) -> Any:
        raw = value.value
        loc = value.location
        if f.kind is ValueKind.NESTED:
            target = CLASSES[f.target or ""]
            if isinstance(raw, str) and target.SPEC.key == "Document" and is_absolute_iri(raw):
                if problem := iri_problem(raw):
                    self.error(f"{f.key}: {raw!r}: {problem}", loc)
                    return _INVALID
                page = target(id=raw)  # `homepage: https://...` is a page with that address
                self._positions[id(page)] = (value.location, {})
                return page
            if isinstance(raw, str) and target.SPEC.key == "Document":
                self.error(
                    f"{f.key}: expected a page's address (https://...) or a mapping for a "
                    f"Document, got {describe(raw)}{address_hint(raw)}",
                    loc,
                )
                return _INVALID
            built = self.build(target, value, path)
            return _INVALID if built is None else built
        if type(raw) is str:  # most values: read once per process (see _READ)
            read = _READ.get((f.kind, raw), _INVALID)
            if read is not _INVALID:
                return read
        kind = KINDS[f.kind]
        try:
            if isinstance(raw, (dict, list)) or raw is None:
                raise ValueError(f"expected {kind.expected}, got {describe(raw)}")
            read = kind.read(raw)
        except ValueError as exc:
            self.error(f"{f.key}: {exc}", loc)
            return _INVALID
        if type(raw) is str:
            if len(_READ) >= _MAX_READ:
                _READ.clear()
            _READ[(f.kind, raw)] = read
        return read

    # -- references ------------------------------------------------------------------------
    def finish(self) -> LoadResult:
        ids = IdIndex.of(self.documents, self._local_ids)
        self.errors.extend(ids.check(self.documents))
        for document in self.documents:
            document.root, unresolved = resolve_references(document, ids)
            self.errors.extend(ids.dangling(document.local_id, unresolved))
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise AuthoringErrors(self.errors)
        for document in self.documents:
            document.root = canonical(document.root)
        return LoadResult(documents=self.documents, catalogs=self.catalogs, skipped=self.skipped)


@dataclass
class FileLoad:
    """One authoring file loaded on its own (:func:`load_file`): its document, with references
    to other files not yet resolved, or the catalog or skipped file it is, and its errors."""

    path: Path
    document: SourceDocument | None = None
    catalog: YamlNode | None = None
    skipped: bool = False
    #: The ids given to objects inside the file (``local_ids[id]`` is where).
    local_ids: dict[str, SourceLocation] = field(default_factory=dict)
    errors: list[MuniorgError] = field(default_factory=list)


def load_file(path: Path, base: str = DEFAULT_BASE, *, found_in_folder: bool = False) -> FileLoad:
    """Load one authoring file on its own, as :func:`load_paths` loads each of its files: the
    unit of work of a build. References are left as written; :func:`resolve_references`
    resolves them once the ids of every file are known (:class:`IdIndex`).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.yaml"
    >>> _ = path.write_text("type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n")
    >>> loaded = load_file(path)
    >>> loaded.document.local_id, loaded.errors
    ('x', [])
    """
    loader = _Loader(base)
    loader.load_file(path, found_in_folder=found_in_folder)
    return FileLoad(
        path=path,
        document=loader.documents[0] if loader.documents else None,
        catalog=loader.catalogs[0] if loader.catalogs else None,
        skipped=bool(loader.skipped),
        local_ids=loader._local_ids.get(path, {}),
        errors=loader.errors,
    )


@dataclass
class IdIndex:
    """The ids of a load's files, for resolving references across them: each file's top id
    (``roots``: local id -> IRI) and the ids inside each file (``local_iris``)."""

    roots: dict[str, str]
    local_iris: dict[tuple[str, str], str]

    @classmethod
    def of(
        cls,
        documents: Sequence[SourceDocument],
        local_ids: Mapping[Path, Iterable[str]],
    ) -> IdIndex:
        roots: dict[str, str] = {}
        for document in documents:
            roots.setdefault(document.local_id, document.root.id or "")
        local_iris = {
            (d.local_id, local): f"{d.root.id}/{local}"
            for d in documents
            for local in local_ids.get(d.path, ())
            if local != d.local_id
        }
        return cls(roots, local_iris)

    def check(self, documents: Sequence[SourceDocument]) -> list[MuniorgError]:
        """Duplicate top-level ids, and two files for the same IRI (see :func:`top_id_problems`)."""
        return top_id_problems([TopId.of(d) for d in documents])

    def resolve(self, document: SourceDocument, ref: str) -> str | None:
        """The IRI ``ref`` (written in ``document``) stands for, or ``None``."""
        if is_absolute_iri(ref):
            return ref
        if ref == document.local_id:
            return document.root.id or ref
        if (document.local_id, ref) in self.local_iris:
            return self.local_iris[(document.local_id, ref)]
        return self.resolve_elsewhere(ref)

    def dangling(self, local_id: str, unresolved: Sequence[Unresolved]) -> list[MuniorgError]:
        """An error for each reference of the file ``local_id`` that no id of the load
        resolves."""
        dangling = [u for u in unresolved if self.resolve_elsewhere(u.ref) is None]
        if not dangling:  # the usual case: no need to list every id of the load
            return []
        known = [local for (fid, local) in self.local_iris if fid == local_id] + list(self.roots)
        return [
            AuthoringError(
                f"{u.key}: no object has the id {u.ref!r}" + did_you_mean(u.ref, known), u.where
            )
            for u in dangling
        ]

    def resolve_elsewhere(self, ref: str) -> str | None:
        """The IRI of ``ref`` as another file's id (``stord``, ``stord/page``), or ``None``."""
        if ref in self.roots:
            return self.roots[ref]
        if "/" in ref:
            file_id, _, local = ref.partition("/")
            return self.local_iris.get((file_id, local))
        return None


@dataclass(frozen=True)
class TopId:
    """A file's top object as the checks across files see it: its id and IRI, where it is,
    what it describes (``the municipality code DNK 340 (IRI ...)``), and where its id is
    written (``id_where``)."""

    local_id: str
    iri: str
    path: str
    where: SourceLocation
    what: str
    id_where: SourceLocation

    @classmethod
    def of(cls, document: SourceDocument) -> TopId:
        iri = document.root.id or ""
        code = current_code(document.root) if isinstance(document.root, Municipality) else None
        what = (
            f"the municipality code {document.root.country} {code.notation} (IRI {iri})"
            if code is not None and isinstance(document.root, Municipality)
            else f"the IRI {iri}"
        )
        where = document.locate(iri) or SourceLocation(str(document.path))
        id_where = document.locate(iri, "id") or where
        return cls(document.local_id, iri, str(document.path), where, what, id_where)


def top_id_problems(tops: Sequence[TopId]) -> list[MuniorgError]:
    """Duplicate top-level ids, and two files for the same IRI (the same municipality code):
    errors naming both, since the published data would merge two descriptions into one."""
    errors: list[MuniorgError] = []
    by_id: dict[str, TopId] = {}
    for top in tops:
        other = by_id.setdefault(top.local_id, top)
        if other is not top:
            errors.append(
                AuthoringError(
                    f"duplicate top-level id {top.local_id!r}: {top.path} and {other.path} "
                    f"(line {other.id_where.line}) both use it; give each file its own id "
                    "(it names the output files)",
                    top.id_where,
                )
            )
    first: dict[str, TopId] = {}
    for top in tops:
        other = first.setdefault(top.iri, top)
        if other is top or other.local_id == top.local_id:
            continue  # one file, or a duplicate id, which is reported already
        errors.append(
            AuthoringError(
                f"{top.path} and {other.path} both describe {top.what}: keep one file per "
                "municipality (merge them, or correct the code)",
                top.where,
            )
        )
    return errors


@dataclass(frozen=True)
class Unresolved:
    """A reference that the ids at hand did not resolve: what was written, and where."""

    ref: str
    key: str
    where: SourceLocation


def own_ids(document: SourceDocument, local_ids: Iterable[str]) -> IdIndex:
    """An :class:`IdIndex` of ``document`` alone: what resolves without the other files."""
    return IdIndex.of([document], {document.path: local_ids})


def resolve_references(
    document: SourceDocument, ids: IdIndex, given: Mapping[str, str] | None = None
) -> tuple[Node, list[Unresolved]]:
    """``document``'s top object with each reference written as a local id replaced by its
    IRI (from ``ids``, then from ``given``: ref -> IRI found elsewhere), and the references
    left unresolved (kept as written)."""
    unresolved: list[Unresolved] = []

    def reference(node: Node, key: str, ref: str) -> str:
        found = ids.resolve(document, ref)
        if found is None and given is not None:
            found = given.get(ref)
        if found is None:
            where = document.locate(node.id or "", key) or SourceLocation(str(document.path))
            unresolved.append(Unresolved(ref, key, where))
            return ref
        return found

    def resolve(owner: Node, f: Field, value: Any) -> Any:
        if f.many:
            found = [reference(owner, f.key, r) for r in value]
            # kept as it is when every reference was an IRI already
            same = type(value) is list and all(a is b for a, b in zip(found, value, strict=True))
            return value if same else found
        if value is None:
            return None
        return reference(owner, f.key, value)

    return rebuild(document.root, resolve, kinds=_REFERENCE_KINDS), unresolved


#: The kinds of the fields whose values :func:`resolve_references` resolves.
_REFERENCE_KINDS = frozenset({ValueKind.REFERENCE, ValueKind.IRI})


class _Invalid:
    pass


_INVALID = _Invalid()

#: (value kind, text) -> the value :attr:`muniorg.model.kinds.Kind.read` makes of a YAML text,
#: for texts read without error before in this process: a kind's reading depends on the text
#: only, and its values are immutable (str, numbers, dates), while codes, IRIs and dates recur
#: in every file. Emptied when it holds ``_MAX_READ``.
_READ: dict[tuple[ValueKind, str], Any] = {}
#: Language tags found good before (:func:`muniorg.core.values.language_problem`).
_GOOD_LANGUAGES: set[str] = set()
_MAX_READ = 50_000


def _fields_of(cls: type[Node]) -> tuple[dict[str, Field], tuple[Field, ...]]:
    """The fields of ``cls`` by key, and its required fields (once per class)."""
    found = _FIELDS.get(cls)
    if found is None:
        fields = cls.SPEC.fields
        found = _FIELDS[cls] = ({f.key: f for f in fields}, tuple(f for f in fields if f.required))
    return found


_FIELDS: dict[type[Node], tuple[dict[str, Field], tuple[Field, ...]]] = {}
