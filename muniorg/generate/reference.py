"""Generate the reference docs (``docs/reference.md`` and ``docs/reference.html``) from the shapes.

One page with a table of contents and one section per class: its labels in the languages the
ontology has, its definition, the RDF types it is given, a table of its keys (RDF property with a
link, value kind, cardinality, code list, what happens when it is missing) with the labels of
muniorg's own properties, and a small JSON-LD example. A last section lists the code lists with
the codes ``ontology/vocabularies.ttl`` knows.

Example:
    >>> from muniorg.generate.reference import build_reference
    >>> from muniorg.generate.sources import load_sources
    >>> blocks = build_reference(load_sources())
    >>> blocks[0].text
    'muniorg reference'
"""

from __future__ import annotations

import json
import re

from rdflib import URIRef

from muniorg.core.namespaces import compact_iri
from muniorg.core.resources import CONTEXT_IRI
from muniorg.generate.examples import class_example
from muniorg.generate.markup import (
    Block,
    BulletList,
    CodeBlock,
    CodeSpan,
    Heading,
    Inline,
    Inlines,
    Link,
    Paragraph,
    Table,
    to_html,
    to_markdown,
)
from muniorg.generate.sources import Sources
from muniorg.model.kinds import KINDS
from muniorg.model.schema import ClassSpec, Field

TITLE = "muniorg reference"


def anchor(text: str) -> str:
    """The anchor GitHub gives a Markdown heading, used for the HTML ids too.

    >>> anchor("Code lists")
    'code-lists'
    """
    return re.sub(r"[^a-z0-9 _-]", "", text.lower()).replace(" ", "-")


def _term_link(iri: URIRef | str) -> Link:
    return Link(compact_iri(str(iri)), str(iri))


def _labels_text(labels: dict[str, str]) -> Inlines:
    pieces: list[Inline] = []
    for i, (language, label) in enumerate(labels.items()):
        pieces += ["; " if i else "", CodeSpan(language or "-"), f" {label}"]
    return tuple(p for p in pieces if p)


def _cardinality(field: Field) -> str:
    low = "1" if field.required else "0"
    return f"{low}..*" if field.many else f"{low}..1"


def _value_cell(field: Field) -> Inlines:
    pieces: list[Inline] = [KINDS[field.kind].label]
    if field.target is not None:
        pieces += [": ", Link(field.target, f"#{anchor(field.target)}")]
    if field.code_list is not None:
        pieces += [
            " from ",
            Link(compact_iri(str(field.code_list)), f"#{_code_list_anchor(field)}"),
        ]
    return tuple(pieces)


def _code_list_anchor(field: Field) -> str:
    return anchor("list " + str(field.code_list).rstrip("/").rsplit("/", 1)[-1])


def _if_missing(field: Field) -> str:
    if field.required:
        return "violation"
    if field.recommended:
        return "warning (recommended)"
    return "-"


def _property_cell(field: Field) -> Inlines:
    link = _term_link(field.path)
    return ("^", link, " (inverse)") if field.inverse else (link,)


def class_section(spec: ClassSpec, sources: Sources) -> list[Block]:
    """The blocks that describe one class."""
    blocks: list[Block] = [Heading(2, spec.key, anchor(spec.key))]
    definition = sources.definition(spec.rdf_type) or spec.description
    if definition:
        blocks.append(Paragraph((definition,)))
    labels = sources.labels(spec.rdf_type)
    if labels:
        blocks.append(Paragraph(("Labels: ", *_labels_text(labels))))
    types: list[Inline] = ["RDF type: ", _term_link(spec.rdf_type)]
    for extra in spec.extra_types:
        types += [", ", _term_link(extra)]
    types += [". Shape: ", _term_link(spec.shape), "."]
    blocks.append(Paragraph(tuple(types)))
    rows = []
    for field in spec.fields:
        rows.append(
            (
                (CodeSpan(field.key),),
                _property_cell(field),
                _value_cell(field),
                (_cardinality(field),),
                (_if_missing(field),),
                (field.description or sources.definition(field.path),),
                # an inverse key is not the property: its labels would misname it
                _labels_text({} if field.inverse else sources.labels(field.path)),
            )
        )
    blocks.append(
        Table(
            ("key", "property", "value", "count", "if missing", "description", "labels"),
            tuple(rows),
        )
    )
    example = {"@context": CONTEXT_IRI, **class_example(spec.key, sources)}
    blocks.append(Paragraph(("Example:",)))
    blocks.append(CodeBlock(json.dumps(example, indent=2, ensure_ascii=False), "json"))
    return blocks


def code_lists_section(sources: Sources) -> list[Block]:
    """A section per code list the shapes use, with the codes the vocabularies know."""
    fields = {
        str(f.code_list): f
        for spec in sources.schema.classes.values()
        for f in spec.fields
        if f.code_list is not None
    }
    blocks: list[Block] = [Heading(2, "Code lists", anchor("Code lists"))]
    blocks.append(
        Paragraph(
            (
                "A code is written as the last segment of the concept's IRI: the value is ",
                CodeSpan("list IRI + / + code"),
                ".",
            )
        )
    )
    for scheme, field in sorted(fields.items()):
        heading = "List " + scheme.rstrip("/").rsplit("/", 1)[-1]
        blocks.append(Heading(3, heading, anchor(heading)))
        intro: list[Inline] = [Link(scheme, scheme)]
        labels = sources.labels(URIRef(scheme))
        if labels:
            intro += [": ", *_labels_text(labels)]
        blocks.append(Paragraph(tuple(intro)))
        namespace = field.code_namespace or ""
        codes = sources.codes.get(namespace, ())
        if codes:
            blocks.append(
                Table(
                    ("code", "labels"),
                    tuple(
                        ((CodeSpan(code),), _labels_text(sources.labels(URIRef(namespace + code))))
                        for code in codes
                    ),
                )
            )
        else:
            blocks.append(Paragraph(("An external list; its codes are not listed here.",)))
    return blocks


def build_reference(sources: Sources) -> list[Block]:
    """The whole reference page as blocks."""
    classes = list(sources.schema.classes.values())
    blocks: list[Block] = [
        Heading(1, TITLE, anchor(TITLE)),
        Paragraph(
            (
                "Generated from ",
                CodeSpan("ontology/shapes.ttl"),
                ", ",
                CodeSpan("ontology/muniorg.ttl"),
                " and ",
                CodeSpan("ontology/vocabularies.ttl"),
                " by ",
                CodeSpan("python -m muniorg.generate"),
                "; do not edit by hand. Keys are the JSON-LD keys of the context ",
                Link(CONTEXT_IRI, CONTEXT_IRI),
                " and the YAML keys of the authoring format.",
            )
        ),
        Heading(2, "Contents", anchor("Contents")),
        BulletList(
            (
                *((Link(spec.key, f"#{anchor(spec.key)}"),) for spec in classes),
                (Link("Code lists", f"#{anchor('Code lists')}"),),
            )
        ),
    ]
    for spec in classes:
        blocks += class_section(spec, sources)
    blocks += code_lists_section(sources)
    return blocks


def generate_markdown(sources: Sources) -> str:
    """The text of ``docs/reference.md``."""
    return to_markdown(build_reference(sources))


def generate_html(sources: Sources) -> str:
    """The text of ``docs/reference.html``."""
    return to_html(build_reference(sources), TITLE)
