"""The whole data set merged from the units' files is what rendering the union would give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from muniorg.formats.jsonld import dumps
from muniorg.model.classes import Document, Municipality, Person
from muniorg.publish.union import write_flat_jsonld
from muniorg.publish.units import flat_lines
from muniorg.rdf.jsonld import flatten


def test_objects_in_several_units_are_merged_and_sorted_as_flatten_does(tmp_path: Path) -> None:
    page = Document(id="https://ex.org/x/01")
    units = [
        [Municipality(id="https://ex.org/m/1", name={"da": "A"}, homepage=page)],
        [Municipality(id="https://ex.org/m/1", name={"en": "B"}, country="DNK")],  # the same
        [Municipality(id="https://ex.org/m/10", homepage=Document(id="https://ex.org/x/1"))],
        [Person(id="https://ex.org/x/001", name="C")],  # the same sort key as x/01 and x/1
        [],
    ]
    parts = []
    for index, roots in enumerate(units):
        part = tmp_path / f"{index}.jsonl"
        part.write_text("".join(flat_lines(flatten(roots)["@graph"])), encoding="utf-8")
        parts.append(part)
    out = tmp_path / "all.jsonld"
    write_flat_jsonld(parts, out)
    every = [root for roots in units for root in roots]
    assert out.read_text(encoding="utf-8") == dumps(flatten(every))


def test_an_empty_data_set(tmp_path: Path) -> None:
    part = tmp_path / "empty.jsonl"
    part.write_text("", encoding="utf-8")
    write_flat_jsonld([part], tmp_path / "all.jsonld")
    assert (tmp_path / "all.jsonld").read_text(encoding="utf-8") == dumps(flatten([]))


def test_the_whole_turtle_is_merged_from_the_units_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merging the units' subject blocks (no graph of the union) gives the bytes of writing
    the union's triples at once, and a subject in two units makes the merge step aside."""
    from muniorg.core.namespaces import PREFIXES
    from muniorg.formats.rdf import turtle_from_ntriples
    from muniorg.publish import union
    from muniorg.publish.build import build

    calls: list[tuple[list[tuple[Path, Path]], bool]] = []
    merge = union.merge_turtle_files

    def spy(parts: list[tuple[Path, Path]], out: Path, *more: Any) -> bool:
        merged = merge(parts, out, *more)
        calls.append((list(parts), merged))
        return merged

    monkeypatch.setattr(union, "merge_turtle_files", spy)
    examples = Path(__file__).resolve().parents[1] / "examples"
    out = tmp_path / "dist"
    build([examples], out, cache_dir=tmp_path / "cache")
    [(parts, merged)] = calls
    assert merged and len(parts) == 5
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    assert (out / "muniorg-dataset.ttl").read_text(encoding="utf-8") == turtle_from_ntriples(
        (out / "muniorg-dataset.nt").read_text(encoding="utf-8"), prefixes
    )
    assert not merge([*parts, parts[0]], tmp_path / "twice.ttl")  # a subject in two units
    assert not (tmp_path / "twice.ttl").exists()
