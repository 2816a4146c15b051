"""Read untrusted YAML safely, keeping the line and column of every key and value.

Safe means: plain YAML only (no language-specific tags), duplicate keys refused, and bounds on
file size, nesting depth and the number of nodes after alias expansion (so a "billion laughs"
document fails fast instead of eating memory).

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.formats.yaml import load_yaml
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.yaml"
    >>> _ = path.write_text("name:\\n  da: Sorø\\n", encoding="utf-8")
    >>> node = load_yaml(path)
    >>> node.value["name"].value["da"].value, str(node.value["name"].value["da"].location)
    ('Sorø', '...a.yaml:2:7')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import (
    CommentedMap,
    CommentedOrderedMap,
    CommentedSeq,
    CommentedSet,
    TaggedScalar,
)
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode
from ruamel.yaml.reader import ReaderError

from muniorg.core.errors import InputError, LimitExceeded
from muniorg.core.location import SourceLocation
from muniorg.core.values import text_problem
from muniorg.formats.limits import ENV_VARS, Limits, current_limits, read_limited

STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)


class _Constructor(RoundTripConstructor):
    """Keeps timestamps as text, so that dates are checked (and located) by the loader."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


class _CountingComposer(Composer):
    """Counts the values as the parser composes them, and stops at ``max_yaml_nodes``.

    The round-trip loader spends tens of microseconds on each value, so a 12 MB file of
    300,000 persons would take minutes before any check after loading could see its size.
    Counting here bounds the time (and memory) to what the limit allows. Mapping keys are not
    counted (the converter does not count them either); aliases are counted after loading,
    expanded (:func:`_check_expanded_size`).
    """

    count = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not (isinstance(parent, MappingNode) and index is None):
            self.count += 1
            limits, path = self.loader.muniorg_limits
            if self.count > limits.max_yaml_nodes:
                mark = self.parser.peek_event().start_mark
                raise LimitExceeded(
                    f"the YAML document has more than {limits.max_yaml_nodes} values; raise the "
                    f"limit with --max-yaml-nodes or {ENV_VARS['max_yaml_nodes']} if this is "
                    "real data",
                    SourceLocation(str(path), mark.line + 1, mark.column + 1),
                )
        return super().compose_node(parent, index)


@dataclass
class YamlNode:
    """A YAML value with its position; mappings and lists hold YamlNodes."""

    value: Any
    location: SourceLocation
    key_location: SourceLocation


def load_yaml(path: Path, limits: Limits | None = None) -> YamlNode:
    """Parse ``path`` into a :class:`YamlNode` tree.

    :raises InputError: for unreadable files, bad encoding and YAML syntax errors (with position).
    :raises LimitExceeded: when the file is too large, too deep or expands to too many nodes.
    """
    limits = limits or current_limits()
    text = read_limited(path, limits).decode_text()
    _check_flow_depth(text, limits, path)
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    yaml.Constructor = _Constructor
    yaml.Composer = _CountingComposer
    yaml.muniorg_limits = (limits, path)  # type: ignore[attr-defined]  # read by the composer
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise InputError(
            f"invalid YAML: {problem or exc}", SourceLocation(str(path), line, column)
        ) from None
    except RecursionError:
        # The parser recurses per level, so a hostile document can nest deeper than the
        # stack before the depth check below sees it.
        raise LimitExceeded(
            f"the YAML document is nested too deeply (the limit is {limits.max_depth} levels; "
            f"raise it with {ENV_VARS['max_depth']})",
            SourceLocation(str(path)),
        ) from None
    except ReaderError as exc:  # a character YAML does not allow (control characters, NUL)
        raise InputError(
            f"invalid YAML: the character U+{_code_point(exc.character):04X} is not allowed "
            "in YAML text",
            SourceLocation.at(str(path), text, exc.position),
        ) from None
    except (YAMLError, ValueError) as exc:
        raise InputError(f"invalid YAML: {_plain(exc)}", SourceLocation(str(path))) from None
    if data is None:
        raise InputError("the file is empty", SourceLocation(str(path), 1, 1))
    _check_expanded_size(data, limits, path)
    converter = _Converter(str(path), limits)
    start = SourceLocation(str(path), 1, 1)
    try:
        return converter.convert(data, start, start, 0)
    except RecursionError:  # only when max_depth was raised beyond what the stack holds
        raise LimitExceeded(
            f"the YAML document is nested too deeply for this Python (limit {limits.max_depth} "
            f"levels; lower {ENV_VARS['max_depth']})",
            start,
        ) from None


def _check_flow_depth(text: str, limits: Limits, path: Path) -> None:
    """Refuse ``[[[[...`` and ``{{{{...`` nested deeper than the limit before parsing.

    The parser recurses per flow level and slows to seconds well before the stack runs out, so
    deep flow nesting is measured on the text: brackets outside quotes and comments count (a
    plain scalar with over ``max_depth`` unbalanced brackets is refused too; none is real data).
    """
    depth = 0
    quote = ""
    i = 0
    while True:
        # Jump to the next character that matters (most of a file is plain text).
        found = _FLOW_CHARS.search(text, i)
        if found is None:
            return
        i = found.start()
        char = text[i]
        if quote == '"':
            if char == "\\":
                i += 1
            elif char == '"':
                quote = ""
        elif quote == "'":
            if char == "'":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \t\n"):
            end = text.find("\n", i)
            if end < 0:
                return
            i = end
        elif char in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise LimitExceeded(
                    f"the YAML document is nested deeper than {limits.max_depth} levels "
                    f"(raise it with {ENV_VARS['max_depth']})",
                    SourceLocation.at(str(path), text, i),
                )
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1


_FLOW_CHARS = re.compile(r"""[\[\]{}"'#\\]""")


def _check_expanded_size(data: Any, limits: Limits, path: Path) -> None:
    """Refuse a document whose aliases expand to more than ``max_yaml_nodes`` values.

    Aliases share one object, so the expanded size is counted once per distinct object
    (memoised by identity): a "billion laughs" document is refused in milliseconds instead of
    being walked value by value.
    """
    sizes: dict[int, int] = {}

    def size(value: Any, depth: int) -> int:
        if not isinstance(value, (dict, list)) or depth > limits.max_depth:
            return 1  # too deep: the converter reports it, with the position
        known = sizes.get(id(value))
        if known is not None:
            return known
        children = value.values() if isinstance(value, dict) else value
        total = 1 + sum(size(child, depth + 1) for child in children)
        if total > limits.max_yaml_nodes:
            anchor = getattr(getattr(value, "anchor", None), "value", None)
            raise LimitExceeded(
                f"the YAML document expands to more than {limits.max_yaml_nodes} values "
                f"(aliases are expanded{f', starting with &{anchor}' if anchor else ''}); raise the "
                f"limit with --max-yaml-nodes or {ENV_VARS['max_yaml_nodes']} if this is real data",
                SourceLocation(str(path), *_position(value)),
            )
        sizes[id(value)] = total
        return total

    size(data, 0)


def _position(value: Any) -> tuple[int, int]:
    lc = getattr(value, "lc", None)
    if lc is None or lc.line is None:
        return (1, 1)
    return (lc.line + 1, lc.col + 1)


def _plain(exc: Exception) -> str:
    """The error in the user's terms: Python's integer-size guard speaks of sys functions."""
    text = str(exc)
    if "integer string conversion" in text:
        return "a number with more than 4300 digits"
    return text


def _code_point(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character[:1] or "\0")


def _check_text(text: str, location: SourceLocation) -> None:
    """Apply the text rule of :mod:`muniorg.core.values` to a key or a text value (YAML escapes such
    as ``"\\0"`` or ``"\\x07"`` can write any character into a quoted string)."""
    problem = text_problem(text)
    if problem is not None:
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise InputError(f"{problem}: {shown!r}", location)


class _Converter:
    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.count = 0

    def loc(self, line: int, column: int) -> SourceLocation:
        return SourceLocation(self.file, line + 1, column + 1)

    def convert(
        self, data: Any, location: SourceLocation, key_location: SourceLocation, depth: int
    ) -> YamlNode:
        self.count += 1
        if self.count > self.limits.max_yaml_nodes:
            raise LimitExceeded(
                f"the YAML document expands to more than {self.limits.max_yaml_nodes} values "
                "(aliases are expanded); raise the limit with --max-yaml-nodes or "
                f"{ENV_VARS['max_yaml_nodes']} if this is real data",
                location,
            )
        if depth > self.limits.max_depth:
            raise LimitExceeded(
                f"the YAML document is nested deeper than {self.limits.max_depth} levels "
                "(raise it with MUNIORG_MAX_DEPTH)",
                location,
            )
        tag = getattr(getattr(data, "tag", None), "value", None)
        if isinstance(data, TaggedScalar) or (tag and str(tag) not in STANDARD_TAGS):
            raise InputError(f"YAML tags like {tag!r} are not allowed in authoring files", location)
        if isinstance(data, (CommentedOrderedMap, CommentedSet)):
            kind = (
                "ordered mappings (!!omap)"
                if isinstance(data, CommentedOrderedMap)
                else "sets (!!set)"
            )
            raise InputError(
                f"YAML {kind} are not allowed in authoring files: use a plain mapping", location
            )
        if isinstance(data, CommentedMap):
            out: dict[str, YamlNode] = {}
            own_keys = data.lc.data or {}  # None when every key came in through a merge key
            for key in data:
                # Keys that came in through a merge key (<<: *base) have no position of their
                # own in this mapping: they are reported at the mapping.
                own = key in own_keys
                kl = self.loc(*data.lc.key(key)) if own else location
                if not isinstance(key, str):
                    raise InputError(f"keys must be text, got {key!r}", kl)
                _check_text(key, kl)
                vl = self.loc(*data.lc.value(key)) if own else location
                out[key] = self.convert(data[key], vl, kl, depth + 1)
            return YamlNode(out, location, key_location)
        if isinstance(data, CommentedSeq):
            items = []
            for index, item in enumerate(data):
                line, column = data.lc.item(index)
                items.append(
                    self.convert(item, self.loc(line, column), self.loc(line, column), depth + 1)
                )
            return YamlNode(items, location, key_location)
        if isinstance(data, (dict, list, set)):
            raise InputError(f"unsupported YAML value {type(data).__name__}", location)
        if isinstance(data, str):
            _check_text(data, location)
            return YamlNode(str(data), location, key_location)
        return YamlNode(data, location, key_location)
