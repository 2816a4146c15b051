"""The words of the site's own (headings, buttons), in the languages muniorg's vocabularies have.

Data comes in the languages its authors wrote; these are the few words around it. A language
without a translation here falls back to English.

Example:
    >>> words("da")["council"], words("sv")["sources"], words("fi")["council"]
    ('Byråd', 'Källor', 'Council')
    >>> words("fi")["council"].fallback
    True
"""

from __future__ import annotations

from markupsafe import escape

#: The site's words: key -> language -> text.
_WORDS: dict[str, dict[str, str]] = {
    "municipalities": {
        "en": "Municipalities",
        "da": "Kommuner",
        "sv": "Kommuner",
        "nb": "Kommuner",
        "nn": "Kommunar",
    },
    "programmes": {
        "en": "Programmes",
        "da": "Programmer",
        "sv": "Program",
        "nb": "Programmer",
        "nn": "Program",
    },
    "index_title": {
        "en": "Municipalities as open data",
        "da": "Kommuner som åbne data",
        "sv": "Kommuner som öppna data",
        "nb": "Kommuner som åpne data",
        "nn": "Kommunar som opne data",
    },
    "search": {"en": "Search", "da": "Søg", "sv": "Sök", "nb": "Søk", "nn": "Søk"},
    "country": {"en": "Country", "da": "Land", "sv": "Land", "nb": "Land", "nn": "Land"},
    "all_countries": {
        "en": "All countries",
        "da": "Alle lande",
        "sv": "Alla länder",
        "nb": "Alle land",
        "nn": "Alle land",
    },
    "languages": {
        "en": "Other languages",
        "da": "Andre sprog",
        "sv": "Andra språk",
        "nb": "Andre språk",
        "nn": "Andre språk",
    },
    "council": {
        "en": "Council",
        "da": "Byråd",
        "sv": "Fullmäktige",
        "nb": "Kommunestyre",
        "nn": "Kommunestyre",
    },
    "seats": {"en": "seats", "da": "pladser", "sv": "platser", "nb": "plasser", "nn": "plassar"},
    "adopted": {
        "en": "adopted",
        "da": "vedtaget",
        "sv": "antagen",
        "nb": "vedtatt",
        "nn": "vedteken",
    },
    "committees": {
        "en": "Committees",
        "da": "Udvalg",
        "sv": "Nämnder",
        "nb": "Utvalg",
        "nn": "Utval",
    },
    "posts": {"en": "Posts", "da": "Poster", "sv": "Befattningar", "nb": "Verv", "nn": "Verv"},
    "members": {
        "en": "Members",
        "da": "Medlemmer",
        "sv": "Ledamöter",
        "nb": "Medlemmer",
        "nn": "Medlemmer",
    },
    "administration": {
        "en": "Administration",
        "da": "Administration",
        "sv": "Förvaltning",
        "nb": "Administrasjon",
        "nn": "Administrasjon",
    },
    "chart_caption": {
        "en": "Organisation chart, from the data: posts arranged by role, departments with their units",
        "da": "Organisationsdiagram ud fra data: poster ordnet efter rolle, afdelinger med deres enheder",
        "sv": "Organisationsschema ur data: befattningar ordnade efter roll, förvaltningar med sina enheter",
        "nb": "Organisasjonskart fra dataene: verv ordnet etter rolle, avdelinger med sine enheter",
        "nn": "Organisasjonskart frå dataa: verv ordna etter rolle, avdelingar med einingane sine",
    },
    "chart_as_text": {
        "en": "The chart as text",
        "da": "Diagrammet som tekst",
        "sv": "Schemat som text",
        "nb": "Kartet som tekst",
        "nn": "Kartet som tekst",
    },
    "foundations": {
        "en": "Values and foundations",
        "da": "Værdier og grundlag",
        "sv": "Värdegrund",
        "nb": "Verdier og grunnlag",
        "nn": "Verdiar og grunnlag",
    },
    "strategies": {
        "en": "Strategies",
        "da": "Strategier",
        "sv": "Strategier",
        "nb": "Strategier",
        "nn": "Strategiar",
    },
    "goals": {"en": "Goals", "da": "Mål", "sv": "Mål", "nb": "Mål", "nn": "Mål"},
    "sdg": {
        "en": "SDG",
        "da": "Verdensmål",
        "sv": "Globalt mål",
        "nb": "Bærekraftsmål",
        "nn": "Berekraftsmål",
    },
    "horizon": {
        "en": "horizon",
        "da": "horisont",
        "sv": "horisont",
        "nb": "horisont",
        "nn": "horisont",
    },
    "initiatives": {
        "en": "Initiatives",
        "da": "Initiativer",
        "sv": "Initiativ",
        "nb": "Tiltak",
        "nn": "Tiltak",
    },
    "key_figures": {
        "en": "Key figures",
        "da": "Nøgletal",
        "sv": "Nyckeltal",
        "nb": "Nøkkeltall",
        "nn": "Nøkkeltal",
    },
    "participants": {
        "en": "Participants",
        "da": "Deltagere",
        "sv": "Deltagare",
        "nb": "Deltakere",
        "nn": "Deltakarar",
    },
    "partners": {
        "en": "Partners",
        "da": "Partnere",
        "sv": "Partner",
        "nb": "Partnere",
        "nn": "Partnarar",
    },
    "requirements": {"en": "Requirements", "da": "Krav", "sv": "Krav", "nb": "Krav", "nn": "Krav"},
    "identifiers": {
        "en": "Identifiers",
        "da": "Identifikatorer",
        "sv": "Identifierare",
        "nb": "Identifikatorer",
        "nn": "Identifikatorar",
    },
    "contact": {
        "en": "Contact and addresses",
        "da": "Kontakt og adresser",
        "sv": "Kontakt och adresser",
        "nb": "Kontakt og adresser",
        "nn": "Kontakt og adresser",
    },
    "postal_address": {
        "en": "Postal address",
        "da": "Postadresse",
        "sv": "Postadress",
        "nb": "Postadresse",
        "nn": "Postadresse",
    },
    "visiting_address": {
        "en": "Visiting address",
        "da": "Besøgsadresse",
        "sv": "Besöksadress",
        "nb": "Besøksadresse",
        "nn": "Besøksadresse",
    },
    "homepage": {
        "en": "Website",
        "da": "Hjemmeside",
        "sv": "Webbplats",
        "nb": "Nettsted",
        "nn": "Nettstad",
    },
    "sources": {"en": "Sources", "da": "Kilder", "sv": "Källor", "nb": "Kilder", "nn": "Kjelder"},
    "data": {"en": "The data", "da": "Data", "sv": "Data", "nb": "Dataene", "nn": "Dataa"},
    "catalog": {
        "en": "DCAT-AP catalog",
        "da": "DCAT-AP-katalog",
        "sv": "DCAT-AP-katalog",
        "nb": "DCAT-AP-katalog",
        "nn": "DCAT-AP-katalog",
    },
    "all": {
        "en": "All municipalities and programmes",
        "da": "Alle kommuner og programmer",
        "sv": "Alla kommuner och program",
        "nb": "Alle kommuner og programmer",
        "nn": "Alle kommunar og program",
    },
    "shown": {"en": "shown", "da": "vist", "sv": "visas", "nb": "vist", "nn": "vist"},
    "period": {"en": "Period", "da": "Periode", "sv": "Period", "nb": "Periode", "nn": "Periode"},
}

#: Language tags -> their names in themselves (for the language links).
LANGUAGE_NAMES = {
    "en": "English",
    "da": "Dansk",
    "sv": "Svenska",
    "nb": "Norsk bokmål",
    "nn": "Norsk nynorsk",
    "fi": "Suomi",
    "is": "Íslenska",
    "de": "Deutsch",
}

#: ISO 3166-1 alpha-3 codes -> country names (in English: the index is in English).
COUNTRY_NAMES = {
    "DNK": "Denmark",
    "SWE": "Sweden",
    "NOR": "Norway",
    "FIN": "Finland",
    "ISL": "Iceland",
    "DEU": "Germany",
}

#: schema.org's days of the week, in order, with their names.
WEEKDAYS: dict[str, dict[str, str]] = {
    "Monday": {"en": "Monday", "da": "mandag", "sv": "måndag", "nb": "mandag", "nn": "måndag"},
    "Tuesday": {"en": "Tuesday", "da": "tirsdag", "sv": "tisdag", "nb": "tirsdag", "nn": "tysdag"},
    "Wednesday": {
        "en": "Wednesday",
        "da": "onsdag",
        "sv": "onsdag",
        "nb": "onsdag",
        "nn": "onsdag",
    },
    "Thursday": {
        "en": "Thursday",
        "da": "torsdag",
        "sv": "torsdag",
        "nb": "torsdag",
        "nn": "torsdag",
    },
    "Friday": {"en": "Friday", "da": "fredag", "sv": "fredag", "nb": "fredag", "nn": "fredag"},
    "Saturday": {"en": "Saturday", "da": "lørdag", "sv": "lördag", "nb": "lørdag", "nn": "laurdag"},
    "Sunday": {"en": "Sunday", "da": "søndag", "sv": "söndag", "nb": "søndag", "nn": "søndag"},
    "PublicHolidays": {
        "en": "public holidays",
        "da": "helligdage",
        "sv": "helgdagar",
        "nb": "helligdager",
        "nn": "heilagdagar",
    },
}


def weekdays(codes: list[str], lang: str) -> str:
    """Days of the week in their order, named in ``lang``.

    >>> weekdays(["Friday", "Monday"], "nn")
    'måndag, fredag'
    """
    order = list(WEEKDAYS)
    known = sorted((c for c in codes if c in WEEKDAYS), key=order.index)
    names = [WEEKDAYS[c].get(lang, WEEKDAYS[c]["en"]) for c in known]
    return ", ".join(names + sorted(c for c in codes if c not in WEEKDAYS))


class Word(str):
    """One of the site's words. Where it had to fall back to English on a page in another
    language, it renders marked as English (``<span lang="en">``), so that a screen reader
    does not read it with the page language's voice; ``plain`` is the text for attributes.

    >>> from markupsafe import escape
    >>> str(escape(words("fi")["sources"])), str(escape(words("da")["sources"]))
    ('<span lang="en">Sources</span>', 'Kilder')
    """

    fallback: bool = False

    @property
    def plain(self) -> str:
        """The word as plain text (for attributes)."""
        return str.__str__(self)

    def __html__(self) -> str:
        html: str | None = self.__dict__.get("_html")
        if html is None:  # made once per word: a page shows its words many times
            text = str(escape(self.plain))
            html = f'<span lang="en">{text}</span>' if self.fallback else text
            self.__dict__["_html"] = html
        return html


def _word(text: str, fallback: bool) -> Word:
    word = Word(text)
    word.fallback = fallback
    return word


def words(lang: str) -> dict[str, Word]:
    """The site's words in ``lang`` (English, marked as such, where there is no translation)."""
    return {
        key: _word(texts.get(lang, texts["en"]), lang not in texts) for key, texts in _WORDS.items()
    }


__all__ = ["COUNTRY_NAMES", "LANGUAGE_NAMES", "WEEKDAYS", "Word", "weekdays", "words"]
