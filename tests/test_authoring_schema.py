"""The JSON Schema of the YAML authoring files (ontology/authoring-schema.json, #16).

Generated from the shapes (muniorg/generate/authoring_schema.py): editors read it to complete and
check keys. It must accept every example and every init template (with every commented-out part
too), refuse what the loader refuses (unknown keys, wrong types, unknown codes), and ship with the
package and the build.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from muniorg.authoring.load import load_paths
from muniorg.cli.init import DEFAULT_COUNTRY, Country, TemplateLanguage, render_template
from muniorg.core.errors import AuthoringError
from muniorg.core.resources import AUTHORING_SCHEMA_FILE, AUTHORING_SCHEMA_IRI, CONTEXT_IRI
from muniorg.core.values import ISO_639_1, MAX_LANGUAGE_TAG, language_problem
from muniorg.dcat.from_yaml import CATALOG_KEYS, KEYS, catalog_config
from muniorg.formats.yaml import load_yaml, plain
from muniorg.generate.authoring_schema import language_tag_pattern
from muniorg.model.classes import CLASSES
from muniorg.model.schema import ValueKind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))
#: A code of each country's municipality-code scheme, for a template with a code.
CODES = {
    Country.DNK: "340",
    Country.SWE: "0380",
    Country.NOR: "4614",
    Country.FIN: "091",
    Country.ISL: "0000",
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(AUTHORING_SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(validator: Draft202012Validator, path: Path) -> list[str]:
    """The schema's complaints about a YAML file, read as editors read it (dates stay text)."""
    data = plain(load_yaml(path))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def uncomment(template: str) -> str:
    """The template with every commented-out part put in: below ``type:``, a comment line
    whose text is a key (``# altName:``) or is indented (``#   da: [...]``) is YAML; the others
    are prose and are left out."""
    lines = template.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("type:"))
    out = lines[:start]
    for line in lines[start:]:
        if not line.startswith("#"):
            out.append(line)
            continue
        text = line[2:]
        if re.match(r"[A-Za-z]+:( |$)", text) or text.startswith(" "):
            out.append(text)
    return "\n".join(out) + "\n"


def test_the_schema_is_a_draft_2020_12_schema_with_its_published_iri(schema: dict[str, Any]):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == AUTHORING_SCHEMA_IRI
    # Published beside the JSON-LD context, under the same base.
    assert AUTHORING_SCHEMA_IRI.rsplit("/", 1)[0] == CONTEXT_IRI.rsplit("/", 1)[0]


def test_every_class_has_every_key_with_its_description(schema: dict[str, Any]) -> None:
    for name, cls in CLASSES.items():
        definition = schema["$defs"][name]
        assert definition["additionalProperties"] is False, name
        keys = set(definition["properties"]) - {"type", "id"}
        assert keys == {f.key for f in cls.SPEC.fields}, name
        assert definition.get("required", []) == [f.key for f in cls.SPEC.fields if f.required]
        for f in cls.SPEC.fields:
            assert f.description in definition["properties"][f.key]["description"], (name, f.key)


def test_the_catalog_has_the_keys_the_reader_accepts(schema: dict[str, Any]) -> None:
    catalog = schema["$defs"]["Catalog"]
    assert sorted(catalog["properties"]) == sorted(KEYS)
    assert catalog["required"] == [k.key for k in CATALOG_KEYS if k.required]
    assert catalog["additionalProperties"] is False


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_valid(validator: Draft202012Validator, path: Path) -> None:
    assert errors(validator, path) == []


TEMPLATE_CASES = [
    (lang, country)
    for lang, country in itertools.product(TemplateLanguage, Country)
    if DEFAULT_COUNTRY.get(lang) in (None, country) or lang is TemplateLanguage.SV
]


@pytest.mark.parametrize(
    ("lang", "country"), TEMPLATE_CASES, ids=[f"{la.value}-{c.value}" for la, c in TEMPLATE_CASES]
)
def test_every_init_template_is_valid_and_loads(
    validator: Draft202012Validator, tmp_path: Path, lang: TemplateLanguage, country: Country
) -> None:
    """As written (with a name and a code), and with every commented-out key put in: the
    schema accepts it, and so does the loader. Without a name, the name is what both miss."""
    as_written = render_template(lang, "Ny Kommune", country, CODES[country], "x.yaml")
    bare = render_template(lang, None, country, None, "x.yaml")
    full = uncomment(as_written)
    assert full.count("\n") > 2 * len(re.findall(r"^[a-z]", as_written, flags=re.M))
    schema_line = f"# yaml-language-server: $schema={AUTHORING_SCHEMA_IRI}"
    for name, text in (("as-written", as_written), ("bare", bare), ("full", full)):
        assert text.splitlines()[0] == schema_line, name
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        expected = ["[]: 'name' is a required property"] if name == "bare" else []
        assert errors(validator, path) == expected, name
    with pytest.raises(AuthoringError, match="Municipality needs 'name'"):
        load_paths([tmp_path / "bare.yaml"])
    load_paths([tmp_path / "as-written.yaml"])
    load_paths([tmp_path / "full.yaml"])


BAD = [
    ("countri: DNK\n", "'countri' was unexpected"),
    (
        "council: {name: {da: B}, committees: [{name: {da: U}, seatz: 3}]}\n",
        "'seatz' was unexpected",
    ),
    ("committees: [{name: {da: U}}]\n", "'committees' was unexpected"),
    ("council: {name: {da: B}, seats: abc}\n", "'abc' is not of type 'integer'"),
    ("council: {name: Byråd}\n", "'Byråd' is not of type 'object'"),
    ("posts: [{role: chair}]\n", "'chair' is not one of ['body-chair'"),
    ("identifiers: [{scheme: dk-kommunenummer, notation: '340'}]\n", "is not one of"),
    ("altName: {dk: [X]}\n", "'dk' does not match"),
    ("strategies: [{name: {da: S}, sdgs: [18]}]\n", "18 is greater than the maximum of 17"),
    ("strategies: [{name: {da: S}, sdgs: ['18']}]\n", "'18' does not match"),
    ("keyFigures: [{measure: area, value: 1, date: 2023-13}]\n", "'2023-13' does not match"),
    ("homepage: www.x.dk\n", "'www.x.dk' does not match"),
    ("homepage: {title: {da: X}, colour: red}\n", "'colour' was unexpected"),
]


@pytest.mark.parametrize(("extra", "message"), BAD, ids=[m for _, m in BAD])
def test_a_wrong_file_fails_with_a_message_about_the_key(
    validator: Draft202012Validator, tmp_path: Path, extra: str, message: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("type: Municipality\nid: x\nname: {da: X}\ncountry: DNK\n" + extra, "utf-8")
    error = best_match(validator.iter_errors(plain(load_yaml(path))))
    assert error is not None and message in error.message, error.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("type: Municipality\nname: {da: X}\ncountry: DNK\n", "'id' is a required property"),
        ("type: Municipality\nid: X Y\nname: {da: X}\ncountry: DNK\n", "does not match"),
        ("type: Municipality\nid: x\ncountry: DNK\n", "'name' is a required property"),
        ("type: Municipalty\nid: x\n", "is not one of ['Municipality'"),
        ("id: x\n", "'type' is a required property"),
        ("type: Catalog\ntitle: {en: T}\n", "'description' is a required property"),
    ],
)
def test_a_wrong_top_level_fails(
    validator: Draft202012Validator, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    assert any(message in e for e in errors(validator, path)), errors(validator, path)


CATALOG = (
    "type: Catalog\ntitle: {en: T}\ndescription: {en: D}\n"
    "publisher: {iri: 'https://x.org/p', name: {en: P}}\n"
    "contact: {name: Team, email: data@x.org}\nissued: 2026-01-01\n"
)


@pytest.mark.parametrize(
    ("extra", "schema_says", "reader_says"),
    [
        ("themes: [GOVE, GOV]\n", "'GOV' is not one of", "'GOV' is not an EU data theme"),
        ("profile: dcat-ap-2\n", "'dcat-ap-2' is not one of", "'dcat-ap-2' is not a DCAT profile"),
        ("downloadbase: https://x.org/\n", "'downloadbase' was unexpected", "unknown key"),
    ],
)
def test_a_wrong_catalog_fails_the_schema_and_the_reader(
    validator: Draft202012Validator, tmp_path: Path, extra: str, schema_says: str, reader_says: str
) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(CATALOG + extra, "utf-8")
    assert any(schema_says in e for e in errors(validator, path)), errors(validator, path)
    with pytest.raises(AuthoringError, match=re.escape(reader_says)):
        catalog_config(load_yaml(path), "https://x.org/")


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("publisher", "publisher: {iri: 'https://x.org/p', name: {en: P}, typ: Company}\n"),
        ("contact", "contact: {name: Team, email: data@x.org, phone: '1'}\n"),
    ],
)
def test_an_unknown_key_of_the_publisher_or_contact_fails_both(
    validator: Draft202012Validator, tmp_path: Path, key: str, text: str
) -> None:
    """The reader used to pass over unknown keys inside publisher and contact."""
    path = tmp_path / "catalog.yaml"
    lines = [line for line in CATALOG.splitlines(keepends=True) if not line.startswith(key)]
    path.write_text("".join(lines) + text, "utf-8")
    assert any("was unexpected" in e for e in errors(validator, path))
    with pytest.raises(AuthoringError, match=f"unknown key .* in the catalog's {key}"):
        catalog_config(load_yaml(path), "https://x.org/")
    good = tmp_path / "good.yaml"
    good.write_text(CATALOG, "utf-8")
    catalog_config(load_yaml(good), "https://x.org/")
    assert errors(validator, good) == []


def test_language_tags_are_those_the_loader_accepts() -> None:
    pattern = re.compile(language_tag_pattern())
    two_letters = ["".join(p) for p in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=2)]
    tags = [*two_letters, *(t.upper() for t in two_letters), "fkv", "smj-NO", "nb-x-1", "en-GB"]
    tags += ["d", "dkk1", "da_DK", "da-", "-da", "d a", "da-toolongsubtag"]
    # at most 35 characters (a page's file name holds the tag)
    # BCP 47's order of subtags, as pyoxigraph reads it (it writes the Turtle)
    tags += ["da-x", "da-1", "da-a", "sv-a-b", "nb-NO-a1", "zh-Hant-TW", "de-CH-1901", "es-419"]
    tags += ["en-US-x-twain", "de-DE-u-co-phonebk", "en-abcdefghijk"]
    longest = "da-abcdefgh-abcdefgh-abcdefgh-abcde"
    tags += [longest, longest + "f", "da-" + "-".join(["abcdefgh"] * 40)]
    assert len(longest) == MAX_LANGUAGE_TAG
    for tag in tags:
        assert (pattern.search(tag) is not None) == (language_problem(tag) is None), tag
    assert sum(1 for t in two_letters if pattern.search(t)) == len(ISO_639_1)


#: YAML values of each scalar kind: one the loader reads, one it refuses.
SCALARS = [
    (ValueKind.STRING, "Sorø", "  "),
    (ValueKind.URI, "https://www.soroe.dk/", "javascript:alert(1)"),
    (ValueKind.NUMBER, 2.5, "2,5"),
    (ValueKind.INTEGER, 25, -1),
    (ValueKind.BOOLEAN, False, "yes"),
    (ValueKind.DATE, "2022-01-31", "2022-01"),
    (ValueKind.PARTIAL_DATE, 2022, "2022-1"),
    (ValueKind.DATETIME, "2014-05-14T10:48:00", "14/05/2014"),
    (ValueKind.YEAR, "2022", "2022-01"),
    (ValueKind.TIME, "08:00", "8 o'clock"),
    (ValueKind.IRI, "other-file/x", "Other File"),
    (ValueKind.REFERENCE, "gert-joergensen", "gert joergensen"),
]


@pytest.mark.parametrize(("kind", "good", "bad"), SCALARS, ids=[k.value for k, _, _ in SCALARS])
def test_each_value_kind_accepts_what_the_loader_reads(
    schema: dict[str, Any], kind: ValueKind, good: Any, bad: Any
) -> None:
    from muniorg.model.kinds import KINDS

    [(owner, field)] = itertools.islice(
        ((c, f) for c, cls in CLASSES.items() for f in cls.SPEC.fields if f.kind is kind), 1
    )
    value_schema = schema["$defs"][owner]["properties"][field.key]
    check = Draft202012Validator(
        {**value_schema, "$defs": schema["$defs"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    KINDS[kind].read(good)
    with pytest.raises(ValueError):
        KINDS[kind].read(bad)
    assert check.is_valid(good), (kind, good)
    assert not check.is_valid(bad), (kind, bad)


def test_the_schema_is_package_data() -> None:
    from importlib.resources import files

    bundled = files("muniorg").joinpath("ontology/authoring-schema.json")
    assert json.loads(bundled.read_text(encoding="utf-8"))["$id"] == AUTHORING_SCHEMA_IRI
    assert "ontology/*.json" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


# --- in an editor: yaml-language-server, the engine of VS Code's YAML extension ----------------


def yaml_language_server() -> Path | None:
    """yaml-language-server from npm: ``MUNIORG_YAML_LANGUAGE_SERVER``, or node_modules in the
    clone (``.ci/run`` installs it with axe-core)."""
    named = os.environ.get("MUNIORG_YAML_LANGUAGE_SERVER")
    path = Path(named) if named else ROOT / "node_modules" / ".bin" / "yaml-language-server"
    return path if path.exists() and shutil.which("node") else None


def editor_diagnostics(server: Path, files: list[Path]) -> dict[Path, list[tuple[int, str]]]:
    """Open ``files`` in yaml-language-server (over stdio, as an editor does) and collect the
    problems it shows: (line, message) per file."""
    proc = subprocess.Popen(
        [str(server), "--stdio"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout

    def send(message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    messages: queue.Queue[dict[str, Any]] = queue.Queue()

    def read_messages() -> None:  # a thread: the server's messages, as they come
        while True:
            length = 0
            while line := stdout.readline().strip():
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not length:
                return
            messages.put(json.loads(stdout.read(length)))

    threading.Thread(target=read_messages, daemon=True).start()

    def receive(timeout: float) -> dict[str, Any] | None:
        try:
            return messages.get(timeout=timeout)
        except queue.Empty:
            return None

    found: dict[str, list[tuple[int, str]]] = {}
    try:
        send(
            {
                "id": 1,
                "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}},
            }
        )
        while (message := receive(30)) is not None and message.get("id") != 1:
            pass
        send({"method": "initialized", "params": {}})
        settings = {"yaml": {"validate": True, "schemaStore": {"enable": False}}}
        send({"method": "workspace/didChangeConfiguration", "params": {"settings": settings}})
        for path in files:
            document = {
                "uri": path.as_uri(),
                "languageId": "yaml",
                "version": 1,
                "text": path.read_text("utf-8"),
            }
            send({"method": "textDocument/didOpen", "params": {"textDocument": document}})
        deadline = time.monotonic() + 60
        while len(found) < len(files) and time.monotonic() < deadline:
            message = receive(5)
            if message is None:
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                found[message["params"]["uri"]] = [
                    (d["range"]["start"]["line"] + 1, d["message"])
                    for d in message["params"]["diagnostics"]
                ]
            elif "id" in message and "method" in message:  # the server asks for its settings
                items = message["params"].get("items", [None])
                send({"id": message["id"], "result": [{"validate": True}] * len(items)})
    finally:
        proc.kill()
        proc.wait()
    return {path: found[path.as_uri()] for path in files if path.as_uri() in found}


def test_an_editor_shows_the_problems_at_their_lines(tmp_path: Path) -> None:
    """VS Code's YAML extension (yaml-language-server) reads the schema from the file's first
    line and flags an unknown key, a wrong type and an unknown code, each at its line; the
    examples and a template show nothing."""
    server = yaml_language_server()
    if server is None:
        pytest.skip(
            "yaml-language-server is not installed (npm install --no-save yaml-language-server; .ci/run does it)"
        )
    line = f"# yaml-language-server: $schema={AUTHORING_SCHEMA_FILE}\n"
    good = {p: p.read_text("utf-8") for p in EXAMPLES}
    files: dict[str, str] = {f"good-{p.name}": line + text for p, text in good.items()}
    template = render_template(TemplateLanguage.DA, "Sorø Kommune", Country.DNK, "340", "x.yaml")
    files["template.yaml"] = uncomment(template).replace(
        AUTHORING_SCHEMA_IRI, str(AUTHORING_SCHEMA_FILE)
    )
    files["bad.yaml"] = line + (
        "type: Municipality\nid: x\nname: {da: X}\ncountri: DNK\n"  # 5
        "council:\n  name: {da: Byrådet}\n  seats: abc\n"  # 8
        "  committees:\n    - name: {da: Udvalg}\n      posts:\n"
        "        - role: chair\n"  # 12
    )
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    shown = editor_diagnostics(server, paths)
    assert set(shown) == set(paths)
    for path in paths[:-1]:
        assert shown[path] == [], path.name
    problems = dict(shown[paths[-1]])
    assert problems[5] == "Property countri is not allowed."
    assert problems[8] == 'Incorrect type. Expected "integer".'
    assert problems[12].startswith('Value is not accepted. Valid values: "body-chair", ')
    assert "Missing property" in " ".join(m for n, m in shown[paths[-1]] if n == 2)  # country
