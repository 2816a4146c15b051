"""The IRI rule of muniorg.core.values against pyoxigraph's, the reader and writer of muniorg's
RDF: an IRI the rule lets through must never make pyoxigraph raise (it did: ``%zz``, a second
``#``, ``[x]`` as host passed ``muniorg validate`` and crashed ``muniorg build`` with exit 3)."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muniorg.core.values import (
    MAX_LANGUAGE_TAG,
    SAFE_SCHEMES,
    code_problem,
    iri_problem,
    language_problem,
)
from muniorg.model.classes import CLASSES
from muniorg.model.ids import assign_ids

#: The characters that make IRIs hard: delimiters, percent signs, brackets, and a few beyond
#: ASCII (a letter, a private-use character, a tag character, a non-character).
_ALPHABET = "ab09-._~:/?#[]@!$&'()*+,;=%Fz" + "é\ue000\U000e0001\ufdd0"


def oxigraph_accepts(value: str) -> bool:
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return True


@settings(max_examples=2000, deadline=None)
@given(scheme=st.sampled_from(SAFE_SCHEMES), rest=st.text(_ALPHABET, max_size=20))
def test_the_iri_rule_accepts_only_what_pyoxigraph_accepts(scheme: str, rest: str) -> None:
    value = f"{scheme}:{rest}"
    if iri_problem(value) is None:
        assert oxigraph_accepts(value), value


@pytest.mark.parametrize(
    "value",
    [
        "http://ex.com/%zz",
        "http://[x]/",
        "http://[::1",
        "http://a:b:c/",
        "http://ex.com/a#b#c",
        "https://ex.com/\ue000",
    ],
)
def test_the_iri_rule_refuses_what_pyoxigraph_refuses(value: str) -> None:
    assert not oxigraph_accepts(value)
    assert (iri_problem(value) or "").startswith("not a valid IRI (RFC 3987): ")


def _code_namespaces() -> list[str]:
    return sorted(
        {f.code_namespace for c in CLASSES.values() for f in c.SPEC.fields if f.code_namespace}
    )


@settings(max_examples=1000, deadline=None)
@given(code=st.text(_ALPHABET, min_size=1, max_size=12))
def test_a_code_the_rule_accepts_makes_an_iri_in_every_code_list(code: str) -> None:
    """code_problem checks a code once, after one code list's IRI; it must hold for all."""
    if code_problem(code) is None:
        for namespace in _code_namespaces():
            assert oxigraph_accepts(namespace + code), namespace + code


@settings(max_examples=300, deadline=None)
@given(
    base=st.text(_ALPHABET, max_size=12).map(lambda s: f"https://ex.org/{s}/"),
    local_id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True),
)
def test_a_good_base_and_local_id_mint_good_iris(base: str, local_id: str) -> None:
    """Minted IRIs are the base, codes and local ids (lowercase letters, digits, hyphens)."""
    if iri_problem(base) is not None:
        return
    person = CLASSES["Person"](id=local_id)
    root = CLASSES["Municipality"](people=[person, CLASSES["Person"]()])
    minted = assign_ids(root, f"{base}dk/{local_id}")
    for iri in [minted.id, *(p.id for p in minted.people)]:
        assert iri is not None and oxigraph_accepts(iri), iri


_SUBTAGS = ["a", "ab", "abc", "Latn", "abcde", "abcdefgh", "abcdefghi", "1", "12", "419", "1abc"]


@settings(max_examples=3000, deadline=None)
@given(
    primary=st.sampled_from(["da", "en", "sv", "nb", "fkv"]),
    rest=st.lists(st.sampled_from([*_SUBTAGS, "x", "X", "u", "GB", "a1"]), max_size=5),
)
def test_the_language_rule_is_pyoxigraph_s(primary: str, rest: list[str]) -> None:
    """A tag the loader takes is one pyoxigraph writes (``da-x`` and ``sv-a-b`` passed
    ``muniorg validate`` and crashed ``muniorg build`` with exit 3), and, but for length, the
    other way round."""
    tag = "-".join([primary, *rest])
    try:
        pyoxigraph.Literal("x", language=tag)
        written = True
    except ValueError:
        written = False
    problem = language_problem(tag)
    assert (problem is None) == (written and len(tag) <= MAX_LANGUAGE_TAG), (tag, problem)
