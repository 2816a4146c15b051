"""Names as the registries write them, made into names as municipalities write them.

Example:
    >>> title_case("BØ I TELEMARK"), title_case("NORD-AURDAL")
    ('Bø i Telemark', 'Nord-Aurdal')
"""

from __future__ import annotations

import re

_SMALL_WORDS = {"i", "og", "på"}
#: The word after a name in Enhetsregisteret and the language of that form: Northern Sámi
#: (``se``; Lule and South Sámi forms use the same words), Kven (``fkv``).
_NAME_LANGUAGES = {"SUOHKAN": "se", "SOUHKAN": "se", "GIELDA": "se", "KOMUUNI": "fkv"}
_NAME_PART = re.compile(r"(.+?) (KOMMUNE|HERAD|SUOHKAN|SOUHKAN|GIELDA|KOMUUNI)(?:\s*\|\s*|\s+|$)")


def title_case(text: str) -> str:
    """An upper-case registry name in the case the municipality writes it."""
    words = []
    for word in text.lower().split():
        words.append(
            word
            if word in _SMALL_WORDS
            else "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
        )
    return " ".join(words)


def norwegian_names(registered: str) -> tuple[str, str, dict[str, str]]:
    """The place, ``kommune``/``herad`` and the Sámi/Kven names of a registered Norwegian name.

    >>> norwegian_names("GAIVUONA SUOHKAN KÅFJORD KOMMUNE KAIVUONON KOMUUNI")
    ('Kåfjord', 'kommune', {'se': 'Gaivuona suohkan', 'fkv': 'Kaivuonon komuuni'})
    >>> norwegian_names("STORD KOMMUNE")
    ('Stord', 'kommune', {})
    """
    flat = registered.replace(" / ", "|").replace(" - ", "|")
    place, kind, other = "", "kommune", {}
    for name, word in _NAME_PART.findall(flat):
        if word in _NAME_LANGUAGES:
            other[_NAME_LANGUAGES[word]] = f"{title_case(name)} {word.lower()}"
        else:
            place, kind = title_case(name), word.lower()
    return place, kind, other
