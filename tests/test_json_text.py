"""The published JSON is written by orjson and is byte for byte what ``json.dumps(value,
indent=2, ensure_ascii=False)`` writes (muniorg.formats.jsonld.indented_json), for any JSON
muniorg writes: texts in every script and with control characters, integers, booleans, null,
nested lists and objects (empty ones too), and the values orjson refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from muniorg.formats.jsonld import dumps, indented_json

#: JSON values without floats (muniorg writes none: decimals are value objects with a string).
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**63), max_value=2**64 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_the_text_is_the_standard_librarys(value: Any) -> None:
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_what_orjson_refuses_is_written_by_json() -> None:
    for value in ({"big": 2**70}, {1: "key not a string"}, {"lone": "\ud800"}, [-(2**64)]):
        assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_every_published_json_ld_file_is_the_standard_librarys_text(examples_dist: Path) -> None:
    for path in sorted(examples_dist.glob("*.jsonld")):
        text = path.read_text(encoding="utf-8")
        standard = json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
        assert text == standard == dumps(json.loads(text)), path.name
