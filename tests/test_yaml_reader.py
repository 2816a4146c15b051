"""The YAML reader (libyaml events composed by muniorg): YAML 1.2 values, every position, the
authoring rules applied while reading, and the limits enforced as values are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from muniorg.core.errors import InputError, LimitExceeded
from muniorg.formats.limits import Limits
from muniorg.formats.yaml import YamlNode, load_yaml


def read(tmp_path: Path, text: str, limits: Limits | None = None) -> YamlNode:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, limits)


def plain(node: YamlNode) -> Any:
    if isinstance(node.value, dict):
        return {k: plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [plain(v) for v in node.value]
    return node.value


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("yes", "yes"),  # YAML 1.2: not a boolean
        ("on", "on"),
        ("True", True),
        ("false", False),
        ("0188", 188),  # leading zeros: decimal (the loader asks to quote codes)
        ("0301", 301),
        ("0o17", 15),
        ("0x1F", 31),
        ("1_000", 1000),
        ("-12", -12),
        ("1.50", 1.5),
        ("1e3", 1000.0),
        ("2024-01-05", "2024-01-05"),  # dates stay text: the authoring loader checks them
        ("12:30", "12:30"),
        ("~", None),
        ("null", None),
        ("'0188'", "0188"),
        ('"true"', "true"),
        ("!!str 12", "12"),
    ],
)
def test_values_follow_yaml_1_2(tmp_path: Path, scalar: str, value: Any) -> None:
    got = read(tmp_path, f"k: {scalar}\n").value["k"].value
    assert got == value and type(got) is type(value)


def test_every_key_value_and_item_has_its_position(tmp_path: Path) -> None:
    text = "name:\n  da: Sorø\n  en: {x: 1, ø: 2}\nlist:\n  - a\n  - [b, c]\n"
    root = read(tmp_path, text)
    name = root.value["name"]
    assert str(name.key_location).endswith("a.yaml:1:1")
    assert str(name.location).endswith("a.yaml:2:3")
    assert str(name.value["da"].location).endswith(":2:7")
    assert str(name.value["en"].value["ø"].location).endswith(":3:17")  # characters, not bytes
    items = root.value["list"].value
    assert [str(i.location)[-4:] for i in items] == [":5:5", ":6:5"]
    assert str(items[1].value[1].location).endswith(":6:9")


def test_merge_keys_are_resolved_and_written_keys_win(tmp_path: Path) -> None:
    root = read(tmp_path, "base: &b {country: DNK, id: x}\nm:\n  id: y\n  <<: *b\n")
    m = root.value["m"]
    assert plain(m) == {"id": "y", "country": "DNK"}
    assert str(m.value["country"].location) == str(m.location)  # reported at the mapping


def test_aliases_and_their_limits(tmp_path: Path) -> None:
    assert plain(read(tmp_path, "a: &x [1, 2]\nb: *x\n")) == {"a": [1, 2], "b": [1, 2]}
    with pytest.raises(InputError, match="undefined alias 'nope'"):
        read(tmp_path, "a: *nope\n")
    with pytest.raises(InputError, match="undefined alias 'x'"):
        read(tmp_path, "a: &x [1, *x]\n")  # a value cannot contain itself
    laughs = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(5)
    )
    with pytest.raises(LimitExceeded, match="expands to more than 50000 values"):
        read(tmp_path, laughs)


def test_values_are_counted_while_reading(tmp_path: Path) -> None:
    """The limit stops the reader at the first value beyond it, with its position."""
    text = "people:\n" + "".join(f"  - p{i}\n" for i in range(1000))
    with pytest.raises(LimitExceeded, match="more than 100 values") as caught:
        read(tmp_path, text, Limits(max_yaml_nodes=100))
    # the document, the list, then items: the 101st value is the 99th item, on line 100
    assert str(caught.value).split(": ")[0].endswith("a.yaml:100:5")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "found duplicate key 'a' (first at line 1, column 1)"),
        ("a: !include x\n", "YAML tags like '!include' are not allowed"),
        ("a: !!omap [{x: 1}]\n", "ordered mappings (!!omap) are not allowed"),
        ("a: !!set {x: null}\n", "sets (!!set) are not allowed"),
        ("? [a, b]\n: 1\n", "keys must be text, got ('a', 'b')"),
        ("1: x\n", "keys must be text, got 1"),
        ("a: 1\n---\nb: 2\n", "expected a single document in the stream"),
        ("%YAML 9.9\n---\na: 1\n", "found incompatible YAML document (version 1.* is required)"),
        ("a: b: c\n", "mapping values are not allowed"),
        ("a:\n\tb: 1\n", "(a tab: YAML is indented with spaces)"),
        ("# nothing\n", "the file is empty"),
        ("---\n", "the file is empty"),
        ('a: "x\\0y"\n', "U+0000 (NUL) at position 2 is not allowed in text"),
    ],
)
def test_what_authoring_files_may_not_hold(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(tmp_path, text)
    assert message in str(caught.value)
    assert "a.yaml" in str(caught.value)


def test_a_syntax_error_is_reported_before_a_content_error(tmp_path: Path) -> None:
    """As a reader that parses the whole file first: the duplicate key on line 2 is not the
    first thing to fix when line 3 does not parse."""
    with pytest.raises(InputError, match=r"a\.yaml:4:1: invalid YAML: while parsing a flow"):
        read(tmp_path, "a: 1\na: 2\nb: [unclosed\n")


def test_aliases_cannot_nest_past_the_depth_limit(tmp_path: Path) -> None:
    """A chain of anchors in a merge list, each nesting the last: deep only once expanded. It
    was walked recursively and crashed with exit 3; now it is refused like any deep document."""
    depth, count = 55, 40
    items = ["&a0 {k: " + "[" * depth + "1" + "]" * depth + "}"]
    items += [
        f"&a{i} {{k: " + "[" * depth + f"*a{i - 1}" + "]" * depth + "}" for i in range(1, count)
    ]
    text = (
        "type: Municipality\nid: x\nname:\n  <<: [" + ", ".join(items) + f"]\n  da: *a{count - 1}\n"
    )
    with pytest.raises(LimitExceeded, match="deeper than 64 levels once its aliases are expanded"):
        read(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [("k: !!bool abc\n", "'abc' is not a boolean"), ("k: !!null abc\n", "'abc' is not null")],
)
def test_explicit_tags_take_only_their_own_values(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read(tmp_path, text)


def test_an_underscore_is_text(tmp_path: Path) -> None:
    assert read(tmp_path, "k: _\nl: ___\n").value["k"].value == "_"


def test_one_merge_key_per_mapping(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="found duplicate key '<<'"):
        read(tmp_path, "a: &b {x: 1}\nm: {<<: *b, <<: *b}\n")


def test_remembered_values_keep_how_they_were_written_and_errors_their_place(
    tmp_path: Path,
) -> None:
    """Scalars are remembered by text and how they were written: the same text quoted stays
    text, explicitly tagged it follows its tag; a value that fails is reported where it is,
    every time it is read."""
    text = "a: 0188\nb: '0188'\nc: 0188\nd: !!str 0188\ne: true\nf: 'true'\n"
    assert plain(read(tmp_path, text)) == {
        "a": 188, "b": "0188", "c": 188, "d": "0188", "e": True, "f": "true",
    }  # fmt: skip
    for line in (2, 3):
        bad = "".join(f"a{i}: ok\n" for i in range(line - 1)) + 'b: "x\\0y"\n'
        with pytest.raises(InputError) as caught:
            read(tmp_path, bad)
        assert str(caught.value).startswith(f"{tmp_path / 'a.yaml'}:{line}:4")


def test_merge_keys_without_aliases_are_measured_once_expanded(tmp_path: Path) -> None:
    """Without aliases the composer's count is the document's size; a merge key copies values,
    so the expanded document is measured too."""
    assert plain(read(tmp_path, "m:\n  <<: {a: 1, b: 2}\n  c: 3\n")) == {
        "m": {"a": 1, "b": 2, "c": 3}
    }
    text = "a: &a {x: 1, y: 2, z: 3}\n" + "".join(f"k{i}: {{<<: *a}}\n" for i in range(20))
    with pytest.raises(LimitExceeded, match="expands to more than 60 values"):
        read(tmp_path, text, Limits(max_yaml_nodes=60))


_LAUGHS = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(5)
)


@pytest.mark.parametrize(
    ("text", "limits", "expected"),
    [
        (
            "top:\n  x: 1\n  inner: {a: 1, b: 2, a: 3}\n",
            None,
            "a.yaml:3:23: invalid YAML: while constructing a mapping found duplicate key 'a' "
            "(first at line 3, column 11)",
        ),
        (
            'list:\n  - ok\n  - "bad\\0"\n',
            None,
            "a.yaml:3:5: the character U+0000 (NUL) at position 4 is not allowed in text: "
            "'bad\\x00'",
        ),
        (
            'map:\n  "k\\x07": 1\n',
            None,
            "a.yaml:2:3: the character U+0007 (BELL) at position 2 is not allowed in text: "
            "'k\\x07'",
        ),
        (
            "a: 1\nb: 2\nc: 3\nd: 4\n",
            Limits(max_yaml_nodes=3),
            "a.yaml:3:4: the YAML document has more than 3 values; raise the limit with "
            "--max-yaml-nodes or MUNIORG_MAX_YAML_NODES if this is real data",
        ),
        (
            "a:\n  - [x, [y, [z]]]\n",
            Limits(max_depth=3),
            "a.yaml:2:10: the YAML document is nested deeper than 3 levels "
            "(raise it with MUNIORG_MAX_DEPTH)",
        ),
        (
            "a: {b: {c: {d: e}}}\n",
            Limits(max_depth=3),
            "a.yaml:1:16: the YAML document is nested deeper than 3 levels "
            "(raise it with MUNIORG_MAX_DEPTH)",
        ),
        (
            _LAUGHS,
            None,
            "a.yaml:6:44: the YAML document expands to more than 50000 values (aliases are "
            "expanded); raise the limit with --max-yaml-nodes or MUNIORG_MAX_YAML_NODES if this "
            "is real data",
        ),
        ("x: 1\ny: *nope\n", None, "a.yaml:2:4: invalid YAML: found undefined alias 'nope'"),
    ],
)
def test_plain_keys_and_values_are_checked_where_they_are(
    tmp_path: Path, text: str, limits: Limits | None, expected: str
) -> None:
    """The reader's fast path for untagged, unanchored scalars (most keys and values) gives the
    same messages at the same positions as the general path did (these were taken from it):
    duplicate keys, the text rule on keys, values and items, the value count and depth limits
    when a plain value is the one past them, and an alias bomb."""
    with pytest.raises((InputError, LimitExceeded)) as caught:
        read(tmp_path, text, limits)
    message = str(caught.value)
    assert message.endswith(expected)
    assert message[: -len(expected)].endswith("/")  # the file's path, then exactly this


def test_the_fast_path_keeps_every_position(tmp_path: Path) -> None:
    """A value read by the fast path has its own position and its key's."""
    root = read(tmp_path, "a:\n  b: x\n  c: [1, 'y']\n")
    b = root.value["a"].value["b"]
    assert (b.location.line, b.location.column, b.key_location.column) == (2, 6, 3)
    items = root.value["a"].value["c"].value
    assert [(i.location.line, i.location.column, i.key_location.column) for i in items] == [
        (3, 7, 7),
        (3, 10, 10),
    ]


def test_the_collector_is_paused_only_while_reading(tmp_path: Path) -> None:
    """load_yaml pauses the garbage collector (muniorg.core.collector) and gives it back as it
    was, after an error too; a process that disabled it keeps it disabled."""
    import gc

    assert gc.isenabled()
    with pytest.raises(InputError):
        read(tmp_path, "a: 1\na: 2\n")
    assert gc.isenabled()
    gc.disable()
    try:
        read(tmp_path, "a: 1\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
