"""What the catalog says about each municipality's data set, in the languages of its name.

A data set's description and keywords are written in each language its name is given in that
muniorg has words for, so that a text tagged ``@da`` is Danish; a name in another language
(Northern Sámi, Kven ...) gets the English words, tagged ``@en``. The data set's languages are
the EU language codes of those names.

Example:
    >>> describe({"nn": "Stord kommune", "se": "Stuorrá"})["nn"]
    'Stord kommune: organisasjon, styring, verdiar og strategiar (muniorg)'
    >>> sorted(describe({"se": "Stuorrá"}))
    ['en']
    >>> [str(code)[-3:] for code in languages({"nn": "Stord", "en": "Stord"})]
    ['ENG', 'NNO']
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef

from muniorg.core.namespaces import EU_LANGUAGE

#: The description of a municipality's data set, by language; ``{name}`` is its name.
DESCRIPTIONS = {
    "en": "{name}: organisation, governance, values and strategies (muniorg)",
    "da": "{name}: organisation, styring, værdier og strategier (muniorg)",
    "sv": "{name}: organisation, styrning, värderingar och strategier (muniorg)",
    "nb": "{name}: organisasjon, styring, verdier og strategier (muniorg)",
    "nn": "{name}: organisasjon, styring, verdiar og strategiar (muniorg)",
    "fi": "{name}: organisaatio, hallinto, arvot ja strategiat (muniorg)",
    "is": "{name}: skipulag, stjórnsýsla, gildi og stefnur (muniorg)",
}
#: Keywords of every data set, by language.
KEYWORDS = {
    "en": ("municipality", "local government", "organisation"),
    "da": ("kommune", "lokalstyre", "organisation"),
    "sv": ("kommun", "lokal förvaltning", "organisation"),
    "nb": ("kommune", "lokalforvaltning", "organisasjon"),
    "nn": ("kommune", "lokalforvaltning", "organisasjon"),
    "fi": ("kunta", "paikallishallinto", "organisaatio"),
    "is": ("sveitarfélag", "stjórnsýsla", "skipulag"),
}
#: EU language codes (publications.europa.eu authority table) of the languages names come in.
EU_CODES = {
    "en": "ENG",
    "da": "DAN",
    "sv": "SWE",
    "nb": "NOB",
    "nn": "NNO",
    "no": "NOR",
    "fi": "FIN",
    "is": "ISL",
    "se": "SME",
}


#: The title and description of the data sets every build publishes beside the data: the
#: ontology (classes and properties) and the controlled lists (codes with their labels).
VOCABULARY_DATASETS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "ontology": (
        {
            "en": "The muniorg ontology",
            "da": "muniorg-ontologien",
            "sv": "muniorg-ontologin",
            "nb": "muniorg-ontologien",
            "nn": "muniorg-ontologien",
            "fi": "muniorg-ontologia",
            "is": "muniorg-verufræðin",
        },
        {
            "en": "The classes and properties the data sets of this catalog use, with their labels.",
            "da": "De klasser og egenskaber, som datasættene i dette katalog bruger, med deres betegnelser.",
            "sv": "De klasser och egenskaper som datamängderna i denna katalog använder, med deras benämningar.",
            "nb": "Klassene og egenskapene som datasettene i denne katalogen bruker, med betegnelsene deres.",
            "nn": "Klassane og eigenskapane som datasetta i denne katalogen bruker, med nemningane deira.",
            "fi": "Tämän luettelon tietoaineistojen käyttämät luokat ja ominaisuudet nimityksineen.",
            "is": "Flokkar og eiginleikar sem gagnasöfn þessarar skrár nota, með heitum sínum.",
        },
    ),
    "vocabularies": (
        {
            "en": "muniorg code lists",
            "da": "muniorg-kodelister",
            "sv": "muniorg-kodlistor",
            "nb": "muniorg-kodelister",
            "nn": "muniorg-kodelister",
            "fi": "muniorg-koodistot",
            "is": "muniorg-kóðalistar",
        },
        {
            "en": "The controlled lists (roles, kinds of bodies, identifier schemes ...) whose codes "
            "the data sets of this catalog use, with their labels.",
            "da": "De kodelister (roller, typer af organer, identifikatorskemaer ...), hvis koder "
            "datasættene i dette katalog bruger, med deres betegnelser.",
            "sv": "De kodlistor (roller, typer av organ, identifierarscheman ...) vars koder "
            "datamängderna i denna katalog använder, med deras benämningar.",
            "nb": "Kodelistene (roller, typer organer, identifikatorskjemaer ...) som datasettene i "
            "denne katalogen bruker koder fra, med betegnelsene deres.",
            "nn": "Kodelistene (roller, typar organ, identifikatorskjema ...) som datasetta i denne "
            "katalogen bruker kodar frå, med nemningane deira.",
            "fi": "Koodistot (roolit, toimielinten tyypit, tunnistejärjestelmät ...), joiden koodeja "
            "tämän luettelon tietoaineistot käyttävät, nimityksineen.",
            "is": "Kóðalistar (hlutverk, tegundir stofnana, auðkenniskerfi ...) sem gagnasöfn "
            "þessarar skrár nota kóða úr, með heitum sínum.",
        },
    ),
}


def _base(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def describe(name: Mapping[str, str]) -> dict[str, str]:
    """The description in each language of ``name`` that muniorg has words for (else English)."""
    out = {
        tag: DESCRIPTIONS[_base(tag)].format(name=text)
        for tag, text in sorted(name.items())
        if _base(tag) in DESCRIPTIONS
    }
    if not out and name:
        first = name[sorted(name)[0]]
        out["en"] = DESCRIPTIONS["en"].format(name=first)
    return out


def keywords(name: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The keywords in the languages of :func:`describe`."""
    return {tag: KEYWORDS[_base(tag)] for tag in describe(name)}


def languages(name: Mapping[str, str]) -> tuple[URIRef, ...]:
    """The EU language codes of the languages ``name`` is given in (those the table knows)."""
    codes = {EU_CODES[_base(tag)] for tag in name if _base(tag) in EU_CODES}
    return tuple(EU_LANGUAGE[code] for code in sorted(codes))


__all__ = [
    "DESCRIPTIONS",
    "EU_CODES",
    "KEYWORDS",
    "VOCABULARY_DATASETS",
    "describe",
    "keywords",
    "languages",
]
