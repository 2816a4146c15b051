"""``muniorg init``: start a new municipality from an annotated YAML template.

The templates (``muniorg/templates/municipality.{lang}.yaml``) are the same YAML in every
language; only the comments and example texts differ. Required keys are filled in from the
options, the keys most descriptions need are there commented out, with a line saying what each
is for; docs/cli.md names the rarer keys they leave out.

Example:
    >>> text = render_template(TemplateLanguage.DA, "Sorø Kommune", Country.DNK, "340", "s.yaml")
    >>> for line in text.splitlines():
    ...     if not line.startswith("#"):
    ...         print(line)
    type: Municipality
    id: soroe-kommune
    name:
      da: "Sorø Kommune"
    country: DNK
    identifiers:
      - notation: "340"
        scheme: dk-kommunekode
"""

from __future__ import annotations

import enum
import json
import re
import string
import unicodedata
from importlib.resources import files
from pathlib import Path

import click

from muniorg.cli.options import WRITE_EXIT_CODES_HELP, epilog
from muniorg.cli.output import echo_out
from muniorg.core.resources import AUTHORING_SCHEMA_IRI
from muniorg.core.values import text_problem
from muniorg.formats.files import write_new
from muniorg.formats.output_folder import check_output_place
from muniorg.formats.yaml import plain_type
from muniorg.model.ids import COUNTRY_ALPHA2, MUNICIPALITY_CODE_SCHEME


class TemplateLanguage(enum.Enum):
    """The languages the template's comments are written in."""

    DA = "da"
    SV = "sv"
    NB = "nb"
    NN = "nn"
    FI = "fi"
    IS = "is"
    EN = "en"


class Country(enum.Enum):
    """The countries ``init`` knows, as the EU country codes municipalities carry."""

    DNK = "DNK"
    SWE = "SWE"
    NOR = "NOR"
    FIN = "FIN"
    ISL = "ISL"


#: The country a template language suggests when --country is not given (English suggests none).
DEFAULT_COUNTRY = {
    TemplateLanguage.DA: Country.DNK,
    TemplateLanguage.SV: Country.SWE,
    TemplateLanguage.NB: Country.NOR,
    TemplateLanguage.NN: Country.NOR,
    TemplateLanguage.FI: Country.FIN,
    TemplateLanguage.IS: Country.ISL,
}
#: EU language codes of the documents a municipality writing in the language publishes.
DOCUMENT_LANGUAGE = {
    TemplateLanguage.DA: "DAN",
    TemplateLanguage.SV: "SWE",
    TemplateLanguage.NB: "NOB",
    TemplateLanguage.NN: "NNO",
    TemplateLanguage.FI: "FIN",
    TemplateLanguage.IS: "ISL",
    TemplateLanguage.EN: "ENG",
}
#: Identifier schemes of organisation numbers (the SHACL rules check their check digits).
ORGANISATION_NUMBER_SCHEME = {
    Country.DNK: "dk-cvr",
    Country.NOR: "no-organisasjonsnummer",
    Country.SWE: "se-organisationsnummer",
    Country.FIN: "fi-y-tunnus",
    Country.ISL: "is-kennitala",
}
#: A placeholder in the form of each organisation-number scheme.
_NUMBER_PLACEHOLDER = {
    "dk-cvr": "00000000",
    "no-organisasjonsnummer": "000000000",
    "se-organisationsnummer": "0000000000",
    "fi-y-tunnus": "0000000-0",
    "is-kennitala": "0000000000",
}
#: The digits of each municipality-code scheme (codes are written with their leading zeros).
_CODE_DIGITS = {
    "dk-kommunekode": 3,
    "se-kommunkod": 4,
    "no-kommunenummer": 4,
    "fi-kuntanumero": 3,
    "is-sveitarfelagsnumer": 4,
}
_NEW = {
    TemplateLanguage.DA: "Ny kommune",
    TemplateLanguage.SV: "Ny kommun",
    TemplateLanguage.NB: "Ny kommune",
    TemplateLanguage.NN: "Ny kommune",
    TemplateLanguage.FI: "Uusi kunta",
    TemplateLanguage.IS: "Nýtt sveitarfélag",
    TemplateLanguage.EN: "New municipality",
}
_NAME_HINT = {
    TemplateLanguage.DA: "Kommunens navn",
    TemplateLanguage.SV: "Kommunens namn",
    TemplateLanguage.NB: "Kommunens navn",
    TemplateLanguage.NN: "Namnet på kommunen",
    TemplateLanguage.FI: "Kunnan nimi",
    TemplateLanguage.IS: "Heiti sveitarfélagsins",
    TemplateLanguage.EN: "Name of the municipality",
}
# Letters that Unicode does not decompose into a base letter, spelt as Nordic ids spell them.
_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ð": "d", "þ": "th"}
)


def local_id(name: str) -> str:
    """A local id from a name: lowercase ASCII letters, digits and hyphens.

    >>> local_id("Sorø Kommune"), local_id("Norrtälje kommun"), local_id("Reykjavíkurborg")
    ('soroe-kommune', 'norrtaelje-kommun', 'reykjavikurborg')
    """
    text = name.lower().translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _identifiers_block(country: Country, code: str | None) -> str:
    """The ``identifiers:`` list: the municipality code if given, the other schemes commented."""
    code_scheme = MUNICIPALITY_CODE_SCHEME.get(country.value)
    lines = []
    if code is not None and code_scheme is not None:
        lines += ["identifiers:", f"  - notation: {json.dumps(code)}", f"    scheme: {code_scheme}"]
    else:
        lines.append("# identifiers:")
        if code_scheme is not None:
            placeholder = "0" * _CODE_DIGITS.get(code_scheme, 4)
            lines += [f'#   - notation: "{placeholder}"', f"#     scheme: {code_scheme}"]
    org_scheme = ORGANISATION_NUMBER_SCHEME.get(country)
    if org_scheme is not None:
        placeholder = _NUMBER_PLACEHOLDER[org_scheme]
        lines += [f'#   - notation: "{placeholder}"', f"#     scheme: {org_scheme}"]
    return "\n".join(lines)


def _plain_text(text: str) -> str:
    """``text`` as a YAML scalar: plain where YAML reads it as text, else a JSON string.

    >>> _plain_text("soroe-kommune"), _plain_text("null"), _plain_text("1e3")
    ('soroe-kommune', '"null"', '"1e3"')
    """
    # An id from a name such as "Null" or "1000" would be read as null or a number.
    return text if plain_type(text) == "str" else json.dumps(text)


def render_template(
    lang: TemplateLanguage, name: str | None, country: Country, code: str | None, file: str
) -> str:
    """The annotated template of a municipality, with comments in ``lang``.

    ``name`` and ``code`` are optional: without them their keys are written commented out, and
    validation says they are missing. Texts are written as JSON strings, which YAML reads as
    double-quoted scalars, so any name is safe. The first line names the authoring JSON Schema
    for editors (``# yaml-language-server: $schema=...``, see docs/authoring.md).
    """
    template = files("muniorg.templates").joinpath(f"municipality.{lang.value}.yaml")
    if name is not None:
        name_block = f"name:\n  {lang.value}: {json.dumps(name, ensure_ascii=False)}"
    else:
        name_block = f"# name:\n#   {lang.value}: {_NAME_HINT[lang]}"
    title = f"{name} ({country.value})" if name else f"{_NEW[lang]} ({country.value})"
    return string.Template(template.read_text(encoding="utf-8")).substitute(
        title=title,
        file=file,
        id=_plain_text(file_id(name, country, code)),
        name_block=name_block,
        lang=lang.value,
        country=country.value,
        identifiers_block=_identifiers_block(country, code),
        doc_language=DOCUMENT_LANGUAGE[lang],
        schema_iri=AUTHORING_SCHEMA_IRI,
    )


def official_code(country: Country, code: str) -> str:
    """``code`` as the country's municipality-code scheme writes it: the leading zeros that
    Sweden, Norway, Finland and Iceland write (380 is Uppsala's 0380), none for Denmark.

    >>> official_code(Country.SWE, "380"), official_code(Country.NOR, "301"), official_code(Country.DNK, "751")
    ('0380', '0301', '751')

    :raises click.BadParameter: for a code that is not of the scheme's form.
    """
    scheme = MUNICIPALITY_CODE_SCHEME.get(country.value)
    digits = _CODE_DIGITS.get(scheme or "")
    if scheme is None or digits is None:
        return code
    if country is Country.DNK:
        if re.fullmatch(r"[1-9][0-9]{2}", code):
            return code
    elif code.isascii() and code.isdigit() and len(code) <= digits:
        return code.zfill(digits)
    raise click.BadParameter(
        f"{code!r} is not a municipality code of {scheme}: expected {digits} digits"
        + (" with no leading zero (e.g. 340)" if country is Country.DNK else " (e.g. 0380, 4614)"),
        param_hint="--code",
    )


def file_id(name: str | None, country: Country, code: str | None) -> str:
    """The local id (and file name) of a new municipality: from its name, else its code.

    >>> file_id("Stord kommune", Country.NOR, "4614"), file_id(None, Country.NOR, "4614")
    ('stord-kommune', 'no-4614')
    """
    if name and local_id(name):
        return local_id(name)
    if code:
        return local_id(f"{COUNTRY_ALPHA2[country.value]}-{code}")
    return "municipality"


_EXAMPLES = """\
  muniorg init data/ --lang da --name "Sorø Kommune" --code 340
  muniorg init data/ --lang nn --name "Stord kommune" --code 4614
  muniorg init data/ --lang fi --name "Helsingin kaupunki" --code 091
  muniorg init data/ --lang sv --country FIN --name "Helsingfors stad" --code 091
  muniorg init data/ --lang is --name "Reykjavíkurborg" --code 0000"""


@click.command(
    epilog=epilog(_EXAMPLES, WRITE_EXIT_CODES_HELP),
    short_help="Write an annotated YAML template of a new municipality.",
)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(TemplateLanguage, case_sensitive=False),
    default=TemplateLanguage.EN.value,
    show_default=True,
    help="The language of the comments and of the name.",
)
@click.option("--name", help="The official name in that language.")
@click.option(
    "--country",
    type=click.Choice(Country, case_sensitive=False),
    help="The country (default: from --lang: da DNK, sv SWE, nb/nn NOR, fi FIN, is ISL).",
)
@click.option(
    "--code", help="The official municipality code in force (e.g. 340, 0188, 4614, 091, 0000)."
)
def init(
    directory: Path,
    lang: TemplateLanguage,
    name: str | None,
    country: Country | None,
    code: str | None,
) -> None:
    """Write an annotated YAML template of a new municipality into DIRECTORY.

    The file is named after the municipality (DIRECTORY/soroe-kommune.yaml) and is never
    overwritten: if it exists, init stops with exit code 2. Fill in the file, then check it
    with `muniorg validate`.
    """
    if country is None:
        country = DEFAULT_COUNTRY.get(lang)
        if country is None:
            raise click.UsageError("--country is needed with --lang en (DNK, SWE, NOR, FIN, ISL)")
    for option, value in (("--name", name), ("--code", code)):
        # One line of text: the template writes the values into comments and scalars.
        if value is None:
            continue
        problem = text_problem(value)
        if problem is None and ("\n" in value or "\t" in value):
            problem = "a line break or tab is not allowed (the value is one line of text)"
        if problem is None and not value.strip():
            # The loader refuses a blank text: the template would not validate.
            problem = "an empty or blank value is not allowed (leave the option out instead)"
        if problem is not None:
            raise click.BadParameter(f"{problem}: {value!r}", param_hint=option)
    if code is not None:
        code = official_code(country, code.strip())
    check_output_place(directory, replaces_folder=False)
    path = directory / f"{file_id(name, country, code)}.yaml"
    write_new(path, render_template(lang, name, country, code, str(path)))
    echo_out(f"Wrote {path}")
