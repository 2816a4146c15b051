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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml as pyyaml
from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from muniorg.core.collector import paused
from muniorg.core.errors import InputError, LimitExceeded
from muniorg.core.location import SourceLocation
from muniorg.core.values import text_problem
from muniorg.formats.limits import ENV_VARS, Limits, current_limits, read_limited

_TAG = "tag:yaml.org,2002:"
STANDARD_TAGS = frozenset(
    f"{_TAG}{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)

# The YAML 1.2 core schema, as authoring files have always been read (ruamel.yaml's 1.2
# resolver): "yes"/"no"/"on" are text, "0188" is the number 188, timestamps stay text so that
# dates are checked, and located, by the authoring loader.
_RESOLVERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bool", re.compile(r"true|True|TRUE|false|False|FALSE")),
    (
        "int",
        re.compile(r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"),
    ),
    (
        "float",
        re.compile(
            r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)"
            r"|\.(?:nan|NaN|NAN)"
        ),
    ),
    ("null", re.compile(r"~|null|Null|NULL|")),
)


_NUMBERS = ("int", "float")
_DIGIT = re.compile(r"[0-9]")


def plain_type(text: str) -> str:
    """The core-schema type ``text`` has when written unquoted: str, int, float, bool or null.

    A writer quotes a text whose plain form reads as something else.

    >>> plain_type("soroe"), plain_type("0188"), plain_type("null"), plain_type("1e3")
    ('str', 'int', 'null', 'float')
    """
    for name, pattern in _RESOLVERS:
        # a number has a digit: "_" alone is text
        if pattern.fullmatch(text) and (name not in _NUMBERS or _DIGIT.search(text)):
            return name
    return "str"


@dataclass
class YamlNode:
    """A YAML value with its position; mappings and lists hold YamlNodes."""

    value: Any
    location: SourceLocation
    key_location: SourceLocation


def load_yaml(path: Path, limits: Limits | None = None) -> YamlNode:
    """Parse ``path`` into a :class:`YamlNode` tree.

    libyaml (PyYAML's C parser) reads the events; :class:`_Composer` builds the tree from them,
    counting values and depth as it goes, so a hostile file is refused as soon as it passes a
    limit, and every key and value keeps its line and column.

    :raises InputError: for unreadable files, bad encoding and YAML syntax errors (with position).
    :raises LimitExceeded: when the file is too large, too deep or expands to too many nodes.
    """
    with paused():  # what is read lives on: see muniorg.core.collector
        return _load_yaml(path, limits or current_limits())


def _load_yaml(path: Path, limits: Limits) -> YamlNode:
    text = read_limited(path, limits).decode_text()
    _check_flow_depth(text, limits, path)
    parser = CParser(text)
    try:
        composer = _Composer(parser, str(path), limits)
        try:
            try:
                root = composer.document()
            except LimitExceeded:
                raise
            except InputError:
                # A syntax error further on is reported first, as a parser that reads the whole
                # file before looking at its content would (the rest is read at C speed).
                while parser.check_event():
                    parser.get_event()
                raise
        except pyyaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
            if "incompatible YAML document" in problem:
                problem = "found incompatible YAML document (version 1.* is required)"
            if (
                mark
                and "cannot start any token" in problem
                and text[mark.index : mark.index + 1] == "\t"
            ):
                problem += " (a tab: YAML is indented with spaces)"
            raise InputError(
                f"invalid YAML: {problem or exc}", SourceLocation(str(path), line, column)
            ) from None
        except pyyaml.reader.ReaderError as exc:  # a character YAML does not allow
            raise InputError(
                f"invalid YAML: the character U+{_code_point(exc.character):04X} is not allowed "
                "in YAML text",
                SourceLocation.at(str(path), text, exc.position),
            ) from None
        except RecursionError:  # only when max_depth was raised beyond what the stack holds
            raise LimitExceeded(
                f"the YAML document is nested too deeply for this Python (limit "
                f"{limits.max_depth} levels; lower {ENV_VARS['max_depth']})",
                SourceLocation(str(path)),
            ) from None
    finally:
        parser.dispose()
    if root is None or root.value is None:
        raise InputError("the file is empty", SourceLocation(str(path), 1, 1))
    if composer.shared:
        # Without aliases and merge keys the tree is what was composed, and the composer has
        # counted its values and measured its depth already.
        _check_expanded_size(root, limits, path)
    return root


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


def _check_expanded_size(root: YamlNode, limits: Limits, path: Path) -> None:
    """Refuse a document whose aliases expand to more than ``max_yaml_nodes`` values, or nest
    deeper than ``max_depth`` once expanded.

    Aliases share one node, so the expanded size and depth are worked out once per distinct
    value (memoised by identity): a "billion laughs" document is refused in milliseconds
    instead of being walked value by value. The walk is iterative: a chain of aliases cannot
    exhaust the stack, and the depth limit keeps later walks of the tree within it.
    """
    known: dict[int, tuple[int, int]] = {}  # id(value) -> (values, depth) once expanded
    stack: list[tuple[YamlNode, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        value = node.value
        if not isinstance(value, (dict, list)) or id(value) in known:
            continue
        children = list(value.values()) if isinstance(value, dict) else value
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        total, depth = 1, 0
        for child in children:
            size, below = known.get(id(child.value), (1, -1))
            total += size
            depth = max(depth, below + 1)
        if total > limits.max_yaml_nodes:
            raise LimitExceeded(
                f"the YAML document expands to more than {limits.max_yaml_nodes} values "
                "(aliases are expanded); raise the limit with --max-yaml-nodes or "
                f"{ENV_VARS['max_yaml_nodes']} if this is real data",
                node.location,
            )
        if depth > limits.max_depth:
            raise LimitExceeded(
                f"the YAML document nests deeper than {limits.max_depth} levels once its "
                f"aliases are expanded (raise it with {ENV_VARS['max_depth']})",
                node.location,
            )
        known[id(value)] = (total, depth)


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


def _scalar(tag: str, text: str) -> Any:
    """The Python value of a scalar of a standard ``tag`` (timestamps stay text).

    >>> _scalar("int", "0188"), _scalar("int", "0o17"), _scalar("float", "1_0.5"), _scalar("bool", "True")
    (188, 15, 10.5, True)
    """
    if tag == "null":
        if text not in ("", "~", "null", "Null", "NULL"):
            raise ValueError(f"{text!r} is not null (~ or null)")
        return None
    if tag == "bool":
        if text not in ("true", "True", "TRUE", "false", "False", "FALSE"):
            raise ValueError(f"{text!r} is not a boolean (true or false)")
        return text.lower() == "true"
    if tag == "int":
        digits = text.replace("_", "")
        sign = -1 if digits.startswith("-") else 1
        digits = digits.lstrip("+-")
        for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
            if digits.startswith(prefix):
                return sign * int(digits[2:], base)
        return sign * int(digits)
    if tag == "float":
        number = text.replace("_", "").lower()
        if number.endswith(".inf"):
            return float("-inf") if number.startswith("-") else float("inf")
        if number.endswith(".nan"):
            return float("nan")
        return float(number)
    return text


_PLAIN, _QUOTED = "plain", "quoted"
_UNKNOWN = object()
#: (how a scalar was written, its text) -> its value, for scalars that passed every check.
_KNOWN_SCALARS: dict[tuple[str, str], Any] = {}
_MAX_KNOWN_SCALARS = 100_000


class _Composer:
    """Builds :class:`YamlNode` trees from libyaml's events.

    It applies every rule of authoring files as it goes: standard tags only, no duplicate keys,
    text keys, the text rule on every key and text value, merge keys (``<<``) resolved, and the
    limits on values (counted as they are read) and depth.
    """

    def __init__(self, parser: CParser, file: str, limits: Limits) -> None:
        self.parser = parser
        self.file = file
        self.limits = limits
        self.count = 0
        self.anchors: dict[str, YamlNode] = {}
        #: whether a value is shared (an alias) or copied (a merge key) in the tree
        self.shared = False

    def loc(self, event: Event) -> SourceLocation:
        mark = event.start_mark
        if mark is None:  # pragma: no cover - libyaml marks every event
            return SourceLocation(self.file)
        return SourceLocation.made(self.file, mark.line + 1, mark.column + 1)

    def peek(self) -> Event:
        event = self.parser.peek_event()
        assert event is not None, "libyaml ends every stream with a stream end event"
        return event

    def next(self) -> Event:
        event = self.parser.get_event()
        assert event is not None, "libyaml ends every stream with a stream end event"
        return event

    def document(self) -> YamlNode | None:
        """The single document of the stream, or ``None`` for an empty stream."""
        self.next()  # stream start
        if isinstance(self.peek(), StreamEndEvent):
            return None
        start = self.next()
        assert isinstance(start, DocumentStartEvent)
        # The top object is where its first key is, as every other object: 1:1 was the file's
        # first line, often the editor's schema comment of a template.
        first = self.next()
        here = self.loc(first)
        root = self.node(first, here, here, 0, counted=True)
        self.next()  # document end
        following = self.next()
        if not isinstance(following, StreamEndEvent):
            raise InputError(
                "invalid YAML: expected a single document in the stream but found another document",
                self.loc(following),
            )
        return root

    def node(
        self,
        event: Event,
        location: SourceLocation,
        key_location: SourceLocation,
        depth: int,
        counted: bool,
    ) -> YamlNode:
        """The value that starts with ``event`` (already read: the caller took its position)."""
        if isinstance(event, AliasEvent):
            anchored = self.anchors.get(event.anchor or "")
            if anchored is None:
                raise InputError(
                    f"invalid YAML: found undefined alias {event.anchor!r}", self.loc(event)
                )
            self.shared = True
            return YamlNode(anchored.value, location, key_location)
        if counted:
            self.count += 1
            if self.count > self.limits.max_yaml_nodes:
                raise LimitExceeded(
                    f"the YAML document has more than {self.limits.max_yaml_nodes} values; "
                    f"raise the limit with --max-yaml-nodes or {ENV_VARS['max_yaml_nodes']} "
                    "if this is real data",
                    self.loc(event),
                )
        if depth > self.limits.max_depth:
            raise LimitExceeded(
                f"the YAML document is nested deeper than {self.limits.max_depth} levels "
                f"(raise it with {ENV_VARS['max_depth']})",
                location,
            )
        tag = event.tag  # type: ignore[attr-defined]  # a scalar or a collection start: it has one
        if (
            tag is not None
            and tag not in STANDARD_TAGS
            and not (isinstance(event, ScalarEvent) and event.implicit[0] and tag == "!")
        ):
            kind = {f"{_TAG}omap": "ordered mappings (!!omap)", f"{_TAG}set": "sets (!!set)"}
            if tag in kind:
                raise InputError(
                    f"YAML {kind[tag]} are not allowed in authoring files: use a plain mapping",
                    location,
                )
            raise InputError(f"YAML tags like {tag!r} are not allowed in authoring files", location)
        if isinstance(event, ScalarEvent):
            # the value of a scalar that passed every check before is remembered (see scalar)
            how = (_PLAIN if event.implicit[0] else _QUOTED) if tag is None or tag == "!" else tag
            value = _KNOWN_SCALARS.get((how, event.value), _UNKNOWN)
            if value is _UNKNOWN:
                value = self.scalar(event, location)
            node = YamlNode(value, location, key_location)
        elif isinstance(event, SequenceStartEvent):
            node = YamlNode([], location, key_location)
            self.sequence(node.value, depth + 1)
        elif isinstance(event, MappingStartEvent):
            node = YamlNode({}, location, key_location)
            self.mapping(node, depth)
        else:  # pragma: no cover - libyaml sends no other event here
            raise InputError(f"invalid YAML: unexpected {event}", location)
        # An anchored node is kept for its aliases only once it is complete, so that a node
        # cannot contain itself.
        anchor = event.anchor
        if anchor is not None:
            self.anchors[anchor] = node
        return node

    def scalar(self, event: ScalarEvent, location: SourceLocation) -> Any:
        text = event.value
        tag = event.tag
        # A scalar's value depends on its text and how it was written (plain, quoted or tagged),
        # not on where: values that passed every check are remembered (keys and codes recur;
        # node() looks them up).
        how = (_PLAIN if event.implicit[0] else _QUOTED) if tag is None or tag == "!" else tag
        known = _KNOWN_SCALARS.get((how, text), _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        if tag is None or tag == "!":
            # a plain scalar is resolved by the core schema; a quoted one is text
            tag = f"{_TAG}{plain_type(text) if event.implicit[0] else 'str'}"
        try:
            value = _scalar(tag[len(_TAG) :], text)
        except ValueError as exc:
            raise InputError(f"invalid YAML: {_plain(exc)}", location) from None
        if isinstance(value, str):
            _check_text(value, location)
        if len(_KNOWN_SCALARS) < _MAX_KNOWN_SCALARS:
            _KNOWN_SCALARS[(how, text)] = value
        return value

    def key(self, event: Event) -> tuple[Any, SourceLocation, bool]:
        """The key of a mapping that starts with ``event``: its value, position and whether it
        is a merge key."""
        location = self.loc(event)
        if isinstance(event, ScalarEvent):
            merge = event.value == "<<" and event.implicit[0] and event.tag is None
            node = self.node(event, location, location, 0, counted=False)
            return node.value, location, merge
        node = self.node(event, location, location, 0, counted=False)
        return _python(node), location, False

    def value(
        self, event: Event, depth: int, key_location: SourceLocation | None = None
    ) -> YamlNode | None:
        """The fast path of :meth:`node` for the usual value, a plain or quoted scalar without
        tag or anchor (``None`` for any other event): the same checks, in the same order,
        without the general path's calls.
        """
        if type(event) is not ScalarEvent or event.tag is not None or event.anchor is not None:
            return None
        mark = event.start_mark
        location = _made(self.file, mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
        self.count += 1
        if self.count > self.limits.max_yaml_nodes or depth > self.limits.max_depth:
            self.count -= 1
            return None  # node() counts it again and reports it
        text = event.value
        value = _KNOWN_SCALARS.get((_PLAIN if event.implicit[0] else _QUOTED, text), _UNKNOWN)
        if value is _UNKNOWN:
            value = self.scalar(event, location)
        return YamlNode(value, location, key_location or location)

    def sequence(self, items: list[YamlNode], depth: int) -> None:
        """The items of a sequence whose start event was read, up to its end event."""
        # libyaml ends every stream with a stream end event, after which no loop reads on
        get_event: Callable[[], Event] = self.parser.get_event  # type: ignore[assignment]
        while (event := get_event()).__class__ is not SequenceEndEvent:
            found = self.value(event, depth)
            if found is None:
                item = self.loc(event)
                found = self.node(event, item, item, depth, counted=True)
            items.append(found)

    def mapping(self, node: YamlNode, depth: int) -> None:
        out: dict[str, YamlNode] = node.value
        merged: list[YamlNode] = []
        merged_at: SourceLocation | None = None
        # libyaml ends every stream with a stream end event, after which no loop reads on
        get_event: Callable[[], Event] = self.parser.get_event  # type: ignore[assignment]
        file = self.file
        while (key_event := get_event()).__class__ is not MappingEndEvent:
            if (
                key_event.__class__ is ScalarEvent
                and key_event.tag is None
                and key_event.anchor is None
            ):
                # The usual key: a plain or quoted scalar without tag or anchor, read as
                # key() reads it (not counted, at depth 0, so no limit applies).
                mark = key_event.start_mark
                key_location = _made(file, mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
                text = key_event.value
                plain = key_event.implicit[0]
                merge = plain and text == "<<"
                key = _KNOWN_SCALARS.get((_PLAIN if plain else _QUOTED, text), _UNKNOWN)
                if key is _UNKNOWN:
                    key = self.scalar(key_event, key_location)
            else:
                key, key_location, merge = self.key(key_event)
            value_event = get_event()
            if merge:
                value_location = self.loc(value_event)
                if merged_at is not None:
                    raise InputError(
                        "invalid YAML: while constructing a mapping found duplicate key '<<' "
                        f"(first at line {merged_at.line}, column {merged_at.column})",
                        key_location,
                    )
                merged_at = key_location
                self.shared = True
                value = self.node(value_event, value_location, key_location, depth + 1, True)
                merged.extend(value.value if isinstance(value.value, list) else [value])
                continue
            if not isinstance(key, str):
                raise InputError(f"keys must be text, got {key!r}", key_location)
            # A text key passed the text rule of _check_text when it was read (scalar()).
            if key in out:
                first = out[key].key_location
                raise InputError(
                    f"invalid YAML: while constructing a mapping found duplicate key {key!r} "
                    f"(first at line {first.line}, column {first.column})",
                    key_location,
                )
            found = self.value(value_event, depth + 1, key_location)
            if found is None:
                value_location = self.loc(value_event)
                found = self.node(value_event, value_location, key_location, depth + 1, True)
            out[key] = found
        # Keys that come in through a merge key (<<: *base) have no position of their own in
        # this mapping: they are reported at the mapping. Keys written here win.
        for source in merged:
            if not isinstance(source.value, dict):
                raise InputError(
                    "invalid YAML: a merge key (<<) needs a mapping or a list of mappings",
                    node.location,
                )
            for key, value in source.value.items():
                if key not in out:
                    out[key] = YamlNode(value.value, node.location, node.location)


_made = SourceLocation.made


def plain(node: YamlNode) -> Any:
    """A node as plain data: dicts, lists and scalars (timestamps stay text), as a JSON Schema
    validator or JSON reads it.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.yaml"
    >>> _ = path.write_text("a: [1, {b: 2020-01-01}]\\n", encoding="utf-8")
    >>> plain(load_yaml(path))
    {'a': [1, {'b': '2020-01-01'}]}
    """
    if isinstance(node.value, dict):
        return {k: plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [plain(v) for v in node.value]
    return node.value


def _python(node: YamlNode) -> Any:
    """A node as a plain Python value (for a message about a key that is not text)."""
    if isinstance(node.value, dict):
        return {k: _python(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return tuple(_python(v) for v in node.value)
    return node.value
