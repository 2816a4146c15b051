"""Fuzzing the loaders: whatever the bytes, only muniorg's own errors escape.

Each loader gets arbitrary input and mutated valid files (bytes deleted, inserted, repeated,
flipped, cut off). The property: it returns, or raises a :class:`muniorg.core.errors.MuniorgError`
(which the CLI turns into one message and exit code 2). Any other exception is a crash.
Examples are bounded (``max_examples``) so the whole file runs in well under a minute; set
``MUNIORG_FUZZ_SCALE=20`` for a deeper run (twenty times the examples).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from muniorg.authoring.load import load_paths
from muniorg.core.errors import MuniorgError
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import CONTEXT_IRI, dumps, jsonld_to_graph
from muniorg.formats.rdf import read_graph, serialize
from muniorg.formats.yaml import load_yaml
from muniorg.model.classes import Municipality, Person
from muniorg.rdf.graph import to_graph
from muniorg.rdf.jsonld import to_jsonld

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").rglob("*.yaml"))
SCALE = int(os.environ.get("MUNIORG_FUZZ_SCALE", "1"))
FUZZ = settings(
    max_examples=150 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WORK = Path(tempfile.mkdtemp(prefix="muniorg-fuzz-"))
pytestmark = pytest.mark.slow


def _sample_node() -> Municipality:
    return Municipality(
        id="https://ex.org/m",
        name={"da": "Sorø Kommune", "en": "Sorø"},
        country="DNK",
        people=[Person(id="https://ex.org/p", name="A B", email=["a@ex.org"])],
    )


def _seeds() -> dict[RdfFormat, bytes]:
    graph = to_graph(_sample_node())
    xml = graph.serialize(format="xml")
    return {
        RdfFormat.TURTLE: serialize(graph, RdfFormat.TURTLE).encode(),
        RdfFormat.NTRIPLES: serialize(graph, RdfFormat.NTRIPLES).encode(),
        RdfFormat.JSONLD: dumps(to_jsonld(_sample_node())).encode(),
        RdfFormat.RDFXML: xml.encode(),
    }


SEEDS = _seeds()
RDF_FORMATS = [RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD, RdfFormat.RDFXML]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with one to four random edits."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        where = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["delete", "insert", "repeat", "flip", "cut", "swap"]))
        length = draw(st.integers(1, 40))
        if kind == "delete":
            del data[where : where + length]
        elif kind == "insert":
            data[where:where] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(
                        [
                            b"[",
                            b"{",
                            b"}",
                            b'"',
                            b"'",
                            b"<",
                            b">",
                            b"&",
                            b"*a",
                            b"&a ",
                            b"!!",
                            b"@",
                            b"\\",
                            b"\n",
                            b"\t",
                            b":",
                            b"- ",
                            b"#",
                            b"\x00",
                            b"\xff",
                            b"\xc3",
                        ]
                    ),
                )
            )
        elif kind == "repeat":
            data[where:where] = data[where : where + length] * draw(st.integers(2, 20))
        elif kind == "flip":
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[where:]
        else:
            other = draw(st.integers(0, len(data) - 1))
            data[where], data[other] = data[other], data[where]
    return bytes(data)


def only_muniorg_errors(call: Callable[[], Any]) -> None:
    """Run ``call``; a MuniorgError is a fine outcome, anything else fails the test."""
    with contextlib.suppress(MuniorgError):
        call()


def write(name: str, data: bytes) -> Path:
    path = WORK / name
    path.write_bytes(data)
    return path


# --- YAML ----------------------------------------------------------------------------------


@FUZZ
@given(text=st.text(max_size=300))
def test_yaml_loader_on_text(text: str) -> None:
    path = write("text.yaml", text.encode("utf-8"))
    only_muniorg_errors(lambda: load_yaml(path))


@FUZZ
@given(data=st.binary(max_size=300))
def test_yaml_loader_on_bytes(data: bytes) -> None:
    path = write("bytes.yaml", data)
    only_muniorg_errors(lambda: load_yaml(path))


YAML_ALPHABET = st.sampled_from(
    [*"abc:-[]{},'\"&*!|>#\n ", "  ", "type: ", "id: ", "<<: ", "? ", "---\n", "%YAML 1.2\n"]
)


@FUZZ
@given(parts=st.lists(YAML_ALPHABET, max_size=60))
def test_yaml_loader_on_yaml_like_text(parts: list[str]) -> None:
    path = write("yamlish.yaml", "".join(parts).encode("utf-8"))
    only_muniorg_errors(lambda: load_yaml(path))


@FUZZ
@given(data=st.sampled_from(EXAMPLES).map(Path.read_bytes).flatmap(mutated))
def test_yaml_loader_on_mutated_examples(data: bytes) -> None:
    path = write("mutated.yaml", data)
    only_muniorg_errors(lambda: load_yaml(path))


@settings(FUZZ, max_examples=100 * SCALE)
@given(data=st.sampled_from(EXAMPLES).map(Path.read_bytes).flatmap(mutated))
def test_authoring_loader_on_mutated_examples(data: bytes) -> None:
    """The whole authoring load (YAML, then the model): the path ``validate`` and ``build`` take."""
    folder = WORK / "authoring"
    folder.mkdir(exist_ok=True)
    path = folder / "mutated.yaml"
    path.write_bytes(data)
    only_muniorg_errors(lambda: load_paths([path]))


# --- RDF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=[f.value for f in RDF_FORMATS])
def test_read_graph_on_bytes(fmt: RdfFormat) -> None:
    @FUZZ
    @given(data=st.binary(max_size=300))
    def check(data: bytes) -> None:
        path = write(f"bytes{fmt.extension}", data)
        only_muniorg_errors(lambda: read_graph(path, fmt))

    check()


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=[f.value for f in RDF_FORMATS])
def test_read_graph_on_mutated_files(fmt: RdfFormat) -> None:
    seed = SEEDS[fmt]
    assert len(read_graph(write(f"seed{fmt.extension}", seed), fmt)) > 5  # the seed is valid

    @FUZZ
    @given(data=mutated(seed))
    def check(data: bytes) -> None:
        path = write(f"mutated{fmt.extension}", data)
        only_muniorg_errors(lambda: read_graph(path, fmt))

    check()


# --- JSON-LD -------------------------------------------------------------------------------

KEYS = st.sampled_from(
    [
        "@context",
        "@id",
        "@type",
        "@value",
        "@language",
        "@list",
        "@set",
        "@graph",
        "@reverse",
        "@index",
        "@vocab",
        "@base",
        "@version",
        "@container",
        "@nest",
        "@json",
        "@direction",
        "@included",
        "@protected",
        "@propagate",
        "@import",
        "name",
        "type",
        "id",
        "http://schema.org/name",
        "https://ex.org/p",
        "x",
        "",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "https://ex.org/a",
            "_:b0",
            "@id",
            "@vocab",
            "@json",
            "en",
            "1.1",
            "da-DK",
            "",
            "x:y",
            CONTEXT_IRI,
            "http://127.0.0.1:9/never-fetched.jsonld",
            "file:///etc/passwd",
        ]
    ),
    st.text(max_size=10),
)
JSON = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=30,
)


@settings(FUZZ, max_examples=200 * SCALE)
@given(document=JSON)
def test_jsonld_to_graph_on_arbitrary_json(document: Any) -> None:
    only_muniorg_errors(lambda: jsonld_to_graph(document, "fuzz.jsonld"))


@settings(FUZZ, max_examples=100 * SCALE)
@given(document=JSON)
def test_jsonld_to_graph_with_the_muniorg_context(document: Any) -> None:
    wrapped = {"@context": CONTEXT_IRI, "@graph": [document]}
    only_muniorg_errors(lambda: jsonld_to_graph(wrapped, "fuzz.jsonld"))


def test_the_json_strategy_reaches_jsonld_keywords() -> None:
    """The strategy is not vacuous: the seed document is valid JSON-LD it can produce."""
    seed = json.loads(SEEDS[RdfFormat.JSONLD])
    assert len(jsonld_to_graph(seed)) > 5


# --- the value rules hold for any character and any scheme: issue 17 -----------------------------

_FORBIDDEN_IN_TEXT = st.one_of(
    st.sampled_from(
        ["\x00", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"]
    ),
    st.integers(0x80, 0x9F).map(chr),
)


def _yaml_double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, every character outside printable ASCII escaped
    (``\\uXXXX``, or ``\\UXXXXXXXX`` beyond the BMP: YAML has no surrogate pairs)."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


@FUZZ
@given(
    before=st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=20
    ),
    bad=_FORBIDDEN_IN_TEXT,
)
def test_text_with_a_control_or_separator_is_refused(before: str, bad: str) -> None:
    """Any text value holding one of the forbidden characters (written as a YAML escape, so
    the YAML reader lets it through) is refused at its position, never published."""
    path = WORK / "text.yaml"
    escaped = _yaml_double_quoted(before + bad)
    path.write_text(
        f"type: Municipality\nid: x\nname: {{da: {escaped}}}\ncountry: DNK\n", encoding="utf-8"
    )
    with pytest.raises(MuniorgError, match="is not allowed in text") as caught:
        load_paths([path])
    assert str(caught.value).startswith(f"{path}:3:")


@FUZZ
@given(
    scheme=st.from_regex(r"[A-Za-z][A-Za-z0-9+.-]{0,9}", fullmatch=True).filter(
        lambda s: s.lower() not in ("http", "https", "mailto", "tel", "urn")
    )
)
def test_unsafe_schemes_are_refused_in_every_format(scheme: str) -> None:
    iri = f"{scheme}:alert(1)"
    yaml_path = WORK / "scheme.yaml"
    yaml_path.write_text(
        f"type: Municipality\nid: x\nname: {{da: X}}\ncountry: DNK\nhomepage: '{iri}'\n",
        encoding="utf-8",
    )
    with pytest.raises(MuniorgError, match="is not allowed"):
        load_paths([yaml_path])
    nt_path = WORK / "scheme.nt"
    nt_path.write_text(f"<https://ex.org/a> <https://ex.org/p> <{iri}> .\n", encoding="utf-8")
    with pytest.raises(
        MuniorgError, match=re.escape(f"the scheme '{scheme.lower()}' is not allowed")
    ):
        read_graph(nt_path)
