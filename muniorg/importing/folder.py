"""Write imported municipalities into a folder of authoring files, and merge a re-import.

One YAML file per municipality, written atomically. Beside them the import manifest,
:data:`IMPORT_MANIFEST`, records for every file the municipality it holds and every fact the
import wrote there, with its value and source. That is how a re-import tells a person's edit from
its own facts (a three-way merge of each fact):

- the file still holds what the last import wrote -> the fact is the registry's: updated to the
  new value (or removed, when a source of this import no longer gives it);
- the file holds something else, or lacks the fact -> a person edited or removed it: kept as
  it is, and the report says what the registry says now;
- anything the manifest does not list (keys, list items, comments a person added) is never
  touched.

A fact is one of: a name in one language, the country, an identifier (scheme and notation), the
home page, the area, the postal address, a key figure (measure and source), a document (id) and
an entry of the municipality's ``source:``. Files whose text would not change are not rewritten,
so a re-import of the same extracts changes nothing. A file of the folder that the manifest does
not list is a person's: the import leaves it alone and reports it.

An import can be stopped part-way (killed, a full disk): each file is replaced in one step, and
before the first one the manifest records, under ``pending``, the checksum of each file about
to be written and the entry it gets. The next import takes the entry of each pending file that
holds exactly that text (its write was done) and the earlier one of the others, so a file the
stopped import wrote is still the import's, not taken for a person's file or edits.

Example:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> doc = {"type": "Municipality", "id": "fi-091-helsinki", "name": {"fi": "Helsinki"},
    ...        "country": "FIN"}
    >>> plan = Planned("FIN/091", doc, {"name.fi": "w", "country": "w"})
    >>> [i.message for i in write_folder(folder, [plan], {"w"})]
    ['created (2 facts)']
    >>> [i.message for i in write_folder(folder, [plan], {"w"})]
    []
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from muniorg.core.errors import InputError
from muniorg.formats.files import make_folder, write_atomic
from muniorg.formats.yaml import load_yaml
from muniorg.importing.records import Issue

#: The import manifest: which file holds which municipality, and what the import wrote there.
IMPORT_MANIFEST = ".muniorg-import.json"
_FORMAT = 1
#: Lists whose items are facts, and how an item is identified.
_LISTS: dict[str, Callable[[Any], str]] = {
    "identifiers": lambda item: f"{item.get('scheme')}:{item.get('notation')}",
    "keyFigures": lambda item: f"{item.get('measure')}@{(item.get('source') or [''])[0]}",
    "documents": lambda item: str(item.get("id")),
    "source": lambda item: str(item),
}
_WHOLE = ("country", "homepage", "area", "postalAddress")


@dataclass(frozen=True)
class Planned:
    """A municipality to write: its key, its authoring document and each fact's source."""

    key: str
    document: dict[str, Any]
    #: Fact key (see :func:`facts`) -> the id of the source it came from.
    sources: dict[str, str]
    #: The keys it had before a renumbering (``NOR/1507`` for Ålesund, ``NOR/1508`` since
    #: 2024): a file an earlier import wrote under one of them is this municipality's.
    former_keys: tuple[str, ...] = ()


def facts(document: dict[str, Any]) -> dict[str, Any]:
    """The facts of an authoring document, by fact key, as plain JSON-like values.

    >>> facts({"name": {"nb": "Oslo kommune"}, "identifiers": [{"scheme": "s", "notation": "1"}]})
    {'name.nb': 'Oslo kommune', 'identifiers[s:1]': {'scheme': 's', 'notation': '1'}}
    """
    found: dict[str, Any] = {}
    for lang, text in (document.get("name") or {}).items():
        found[f"name.{lang}"] = _plain(text)
    for key in _WHOLE:
        if key in document:
            found[key] = _plain(document[key])
    for key, ident in _LISTS.items():
        for item in document.get(key) or []:
            found[f"{key}[{ident(item)}]"] = _plain(item)
    return found


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _locate(doc: CommentedMap, key: str) -> tuple[Any, Any] | None:
    """The container and index of a fact in ``doc``, or ``None`` where it is not."""
    if key.startswith("name."):
        names = doc.get("name")
        lang = key.removeprefix("name.")
        return (names, lang) if isinstance(names, dict) and lang in names else None
    if key in _WHOLE:
        return (doc, key) if key in doc else None
    name, _, ident = key.partition("[")
    items = doc.get(name)
    if not isinstance(items, list):
        return None
    for index, item in enumerate(items):
        try:
            if _LISTS[name](item) == ident[:-1]:
                return items, index
        except (AttributeError, TypeError, LookupError):
            # An item the import cannot identify (not a mapping, "source: 5") is a person's.
            continue
    return None


def _get(doc: CommentedMap, key: str) -> Any:
    where = _locate(doc, key)
    return None if where is None else _plain(where[0][where[1]])


def _set(doc: CommentedMap, key: str, value: Any) -> None:
    where = _locate(doc, key)
    if where is not None:
        where[0][where[1]] = value
        return
    if key.startswith("name."):
        if not isinstance(doc.get("name"), dict):
            doc["name"] = CommentedMap()
        doc["name"][key.removeprefix("name.")] = value
        return
    if key in _WHOLE:
        doc[key] = value
        return
    name = key.partition("[")[0]
    if not isinstance(doc.get(name), list):
        doc[name] = CommentedSeq()
    doc[name].append(value)


def _delete(doc: CommentedMap, key: str) -> None:
    where = _locate(doc, key)
    if where is not None:
        del where[0][where[1]]


def _yaml() -> YAML:
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    return yaml


def _dump(doc: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(doc, stream)
    return stream.getvalue()


def read_import_manifest(folder: Path) -> dict[str, Any]:
    """The import manifest of ``folder`` (empty when there is none)."""
    path = folder / IMPORT_MANIFEST
    if not path.exists():
        return {"format": _FORMAT, "files": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not an import manifest muniorg can read ({err})") from err
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise InputError(f"{path}: not an import manifest of format {_FORMAT}")
    problem = _manifest_problem(data)
    if problem is not None:  # edited by hand (the way to take a registry's value again)
        raise InputError(
            f"{path}: {problem}: not an import manifest muniorg can read (correct it, or "
            "remove the file's entry to import it anew)"
        )
    return data


def _manifest_problem(data: dict[str, Any]) -> str | None:
    """Where and why ``data`` is not an import manifest's content (a JSON path), if so.

    >>> _manifest_problem({"format": 1, "files": {"a.yaml": {"municipality": "FIN/091"}}})
    >>> _manifest_problem({"format": 1, "files": {"../a.yaml": {"municipality": "FIN/091"}}})
    '$.files["../a.yaml"]: not a file name of the folder'
    >>> _manifest_problem({"format": 1, "files": {"a.yaml": {"facts": {"country": "FIN"}}}})
    '$.files["a.yaml"].municipality: expected text'
    """

    def entry_problem(where: str, entry: Any) -> str | None:
        if not isinstance(entry, dict):
            return f"{where}: expected an object"
        if not isinstance(entry.get("municipality"), str):
            return f"{where}.municipality: expected text"
        facts = entry.get("facts", {})
        if not isinstance(facts, dict):
            return f"{where}.facts: expected an object"
        for key, fact in facts.items():
            if not isinstance(fact, dict) or "value" not in fact:
                return f"{where}.facts[{json.dumps(key)}]: expected an object with a value"
            if not isinstance(fact.get("source"), str):
                return f"{where}.facts[{json.dumps(key)}].source: expected text"
        return None

    def name_problem(where: str, name: str) -> str | None:
        # A name with a folder in it would make the import write outside the folder.
        if name in {"", ".", ".."} or "/" in name or "\\" in name:
            return f"{where}: not a file name of the folder"
        return None

    files = data.get("files")
    if not isinstance(files, dict):
        return "$.files: expected an object"
    for name, entry in files.items():
        where = f"$.files[{json.dumps(name, ensure_ascii=False)}]"
        if (problem := name_problem(where, name) or entry_problem(where, entry)) is not None:
            return problem
    pending = data.get("pending", {})
    if not isinstance(pending, dict):
        return "$.pending: expected an object"
    for name, write in pending.items():
        where = f"$.pending[{json.dumps(name, ensure_ascii=False)}]"
        if not isinstance(write, dict) or not isinstance(write.get("sha256"), str):
            return f"{where}.sha256: expected text"
        problem = name_problem(where, name) or entry_problem(f"{where}.entry", write.get("entry"))
        if problem is not None:
            return problem
    return None


def write_folder(
    folder: Path, planned: Sequence[Planned], this_run: Collection[str]
) -> list[Issue]:
    """Write or merge ``planned`` into ``folder``; what changed, as ``change``/``kept`` issues.

    ``this_run`` holds the ids of the sources of this import: a fact the manifest lists from
    one of them that the import no longer gives is removed (unless a person edited it). Every
    existing file is read before anything is written: a file that cannot be read stops the
    import with an :class:`~muniorg.core.errors.InputError` and nothing changed.
    """
    make_folder(folder)
    manifest = read_import_manifest(folder)
    _finish_pending(folder, manifest)
    files: dict[str, Any] = manifest["files"]
    before = copy.deepcopy(files)
    by_key = {entry["municipality"]: name for name, entry in files.items()}
    issues: list[Issue] = []
    writes: dict[str, str] = {}
    planned_keys = {plan.key for plan in planned}
    for plan in planned:
        # A file of a former code (imported before a renumbering) is updated, not left beside a
        # new one: two files, two IRIs for one municipality, the person's edits in the old one.
        former = (by_key[k] for k in plan.former_keys if k in by_key and k not in planned_keys)
        name = by_key.get(plan.key) or next(former, None) or f"{plan.document['id']}.yaml"
        path = folder / name
        entry = files.get(name)
        if entry is not None and not path.exists():
            issues.append(
                Issue(
                    "kept",
                    str(path),
                    "was deleted since the last import: not written again (remove its entry "
                    f"from {IMPORT_MANIFEST} to import it anew)",
                    plan.key,
                )
            )
            continue
        if entry is None and path.exists():
            issues.append(
                Issue(
                    "kept",
                    str(path),
                    "exists and the import manifest does not list it (a person's file): "
                    "left as it is, nothing imported into it",
                    plan.key,
                )
            )
            continue
        new_facts = facts(plan.document)
        if entry is None:
            writes[name] = _dump(plan.document)
            files[name] = _entry(plan, new_facts)
            issues.append(Issue("change", str(path), f"created ({len(new_facts)} facts)", plan.key))
            continue
        text, merged = _merge_file(path, entry, plan, new_facts, this_run)
        issues += merged
        if text is not None:
            writes[name] = text
        files[name] = _entry(plan, new_facts, entry, this_run)
    if writes:  # first say what is about to be written, for an import stopped part-way
        pending = {
            name: {"sha256": _sha256(text), "entry": files[name]} for name, text in writes.items()
        }
        _write_manifest(folder, {"format": _FORMAT, "files": before, "pending": pending})
    for name, text in writes.items():
        write_atomic(folder / name, text)
    _write_manifest(folder, manifest)
    return issues


def _sha256(text: str) -> str:
    """The checksum of ``text`` as :func:`~muniorg.formats.files.write_atomic` writes it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = folder / IMPORT_MANIFEST
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)


def _finish_pending(folder: Path, manifest: dict[str, Any]) -> None:
    """Take the entries of the files an import stopped part-way did write (their text is the
    one the manifest's ``pending`` names); the others keep their earlier entry (or none: the
    file was not created)."""
    pending = manifest.pop("pending", None) or {}
    for name, write in pending.items():
        try:
            done = hashlib.sha256((folder / name).read_bytes()).hexdigest() == write["sha256"]
        except OSError:
            done = False
        if done:
            manifest["files"][name] = write["entry"]


def _entry(
    plan: Planned,
    new_facts: dict[str, Any],
    old: dict[str, Any] | None = None,
    this_run: Collection[str] = (),
) -> dict[str, Any]:
    """The manifest entry after an import: this run's facts, and the earlier facts of sources
    that were not part of this run."""
    kept = {
        key: fact
        for key, fact in (old or {}).get("facts", {}).items()
        if key not in new_facts and fact["source"] not in this_run
    }
    kept.update(
        {
            key: {"value": value, "source": plan.sources.get(key, "")}
            for key, value in new_facts.items()
        }
    )
    return {"municipality": plan.key, "facts": dict(sorted(kept.items()))}


def _merge_file(
    path: Path,
    entry: dict[str, Any],
    plan: Planned,
    new_facts: dict[str, Any],
    this_run: Collection[str],
) -> tuple[str | None, list[Issue]]:
    """The new text of ``path`` (``None`` if unchanged) and what the merge did."""
    load_yaml(path)  # the safety checks (size, depth, duplicate keys) before editing
    original = path.read_text(encoding="utf-8")
    doc = _yaml().load(original)
    if not isinstance(doc, CommentedMap):
        return None, [Issue("kept", str(path), "is not a mapping: left as it is", plan.key)]
    issues: list[Issue] = []
    last: dict[str, Any] = {k: f["value"] for k, f in entry.get("facts", {}).items()}
    last_source = {k: f["source"] for k, f in entry.get("facts", {}).items()}
    updated: list[str] = []
    added: list[str] = []
    removed: list[str] = []
    for key in sorted(set(new_facts) | {k for k in last if last_source[k] in this_run}):
        new, current, before = new_facts.get(key), _get(doc, key), last.get(key)
        if current == new:
            continue
        if key in last and current != before:
            what = (
                "removed"
                if current is None
                else f"edited to {json.dumps(current, ensure_ascii=False)}"
            )
            issues.append(
                Issue(
                    "kept",
                    str(path),
                    f"{key}: {what} in the file; the registry says "
                    f"{json.dumps(new, ensure_ascii=False)}: kept the file's",
                    plan.key,
                )
            )
            continue
        if key not in last and current is not None:
            issues.append(
                Issue(
                    "kept",
                    str(path),
                    f"{key}: the file's own value kept; the registry says "
                    f"{json.dumps(new, ensure_ascii=False)}",
                    plan.key,
                )
            )
            continue
        if new is None:
            _delete(doc, key)
            removed.append(key)
        else:
            _set(doc, key, new)
            (updated if current is not None else added).append(key)
    if not (added or updated or removed):
        return None, issues  # a file is never just reformatted
    text = _dump(doc)
    if text == original:
        return None, issues
    parts = [
        f"{label} {', '.join(keys)}"
        for label, keys in (("added", added), ("updated", updated), ("removed", removed))
        if keys
    ]
    issues.append(Issue("change", str(path), "; ".join(parts), plan.key))
    return text, issues
