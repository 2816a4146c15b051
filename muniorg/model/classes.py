# This file is generated from ontology/shapes.ttl by `python -m muniorg.generate`. Do not edit.
"""The typed muniorg model: one dataclass per class of the ontology.

Texts people read are language maps (``{"da": "Sorø Kommune", "en": "Sorø Municipality"}``);
codes from controlled lists are their short codes (``role="mayor"``); references to objects
described elsewhere are IRIs; partial dates are ISO strings (``"2012"``, ``"2012-09"``,
``"2012-09-01"``). Every class carries its schema in ``SPEC``, which the graph mapping reads.

Example:
    >>> from muniorg.model.classes import Municipality, Identifier
    >>> soroe = Municipality(
    ...     name={"da": "Sorø Kommune", "en": "Sorø Municipality"},
    ...     country="DNK",
    ...     identifiers=[Identifier(scheme="dk-kommunekode", notation="340")],
    ... )
    >>> soroe.identifiers[0].notation
    '340'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import ClassVar

from rdflib import URIRef

from muniorg.model.node import LangListMap, LangMap, Node, Number, PartialDate
from muniorg.model.schema import ClassSpec, Field, ValueKind


@dataclass(kw_only=True, eq=True)
class Address(Node):
    """A postal or visiting address.

    Attributes:
        fullAddress: The whole address as one text, one per language. (optional)
        thoroughfare: The street name, one per language. (optional)
        locatorDesignator: The house number. (optional)
        poBox: The post-office box. (optional)
        postCode: The postal code. (optional)
        postName: The post town, one per language. (optional)
        country: The country, as an EU country code. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Address',
        rdf_type=URIRef('http://www.w3.org/ns/locn#Address'),
        extra_types=(),
        description='A postal or visiting address.',
        fields=(
            Field(key='fullAddress', path=URIRef('http://www.w3.org/ns/locn#fullAddress'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='full address', description='The whole address as one text, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-fullAddress'), order=0),
            Field(key='thoroughfare', path=URIRef('http://www.w3.org/ns/locn#thoroughfare'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='thoroughfare', description='The street name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-thoroughfare'), order=1),
            Field(key='locatorDesignator', path=URIRef('http://www.w3.org/ns/locn#locatorDesignator'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='locator designator', description='The house number.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-locatorDesignator'), order=2),
            Field(key='poBox', path=URIRef('http://www.w3.org/ns/locn#poBox'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='po box', description='The post-office box.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-poBox'), order=3),
            Field(key='postCode', path=URIRef('http://www.w3.org/ns/locn#postCode'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='post code', description='The postal code.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-postCode'), order=4),
            Field(key='postName', path=URIRef('http://www.w3.org/ns/locn#postName'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='post name', description='The post town, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-postName'), order=5),
            Field(key='country', path=URIRef('https://w3id.org/muniorg#country'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=False, target=None, code_list=URIRef('http://publications.europa.eu/resource/authority/country'), name='country', description='The country, as an EU country code.', shape=URIRef('https://w3id.org/muniorg/shapes#Address-country'), order=6),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Address'),
    )

    id: str | None = None
    fullAddress: LangMap = field(default_factory=dict)
    thoroughfare: LangMap = field(default_factory=dict)
    locatorDesignator: str | None = None
    poBox: str | None = None
    postCode: str | None = None
    postName: LangMap = field(default_factory=dict)
    country: str | None = None

@dataclass(kw_only=True, eq=True)
class AdministrativeArea(Node):
    """The geographic area a municipality governs, and the wider regions it lies in.

    Attributes:
        name: The name of the area. (required)
        description: A description of where the area lies and what it is like. (optional)
        regions: Regions the area lies in. (optional)
        keyFigures: Figures about the area (area in km², ...). (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='AdministrativeArea',
        rdf_type=URIRef('https://w3id.org/muniorg#MunicipalArea'),
        extra_types=(URIRef('http://purl.org/dc/terms/Location'), URIRef('http://schema.org/AdministrativeArea')),
        description='The geographic area a municipality governs, and the wider regions it lies in.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name of the area.', shape=URIRef('https://w3id.org/muniorg/shapes#AdministrativeArea-name'), order=0),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='A description of where the area lies and what it is like.', shape=URIRef('https://w3id.org/muniorg/shapes#AdministrativeArea-description'), order=1),
            Field(key='regions', path=URIRef('http://schema.org/containedInPlace'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Region', code_list=None, name='regions', description='Regions the area lies in.', shape=URIRef('https://w3id.org/muniorg/shapes#AdministrativeArea-regions'), order=2),
            Field(key='keyFigures', path=URIRef('https://w3id.org/muniorg#keyFigure'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='KeyFigure', code_list=None, name='key figures', description='Figures about the area (area in km², ...).', shape=URIRef('https://w3id.org/muniorg/shapes#AdministrativeArea-keyFigures'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#AdministrativeArea'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    keyFigures: list[KeyFigure] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Award(Node):
    """An award given: the year and the recipient.

    Attributes:
        year: The year it was given. (required)
        recipient: Who received it (a person or unit). (optional)
        recipientName: Who received it, when they are not described as a person or unit.
            (optional)
        description: Why it was given. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Award',
        rdf_type=URIRef('https://w3id.org/muniorg#Award'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Activity'),),
        description='An award given: the year and the recipient.',
        fields=(
            Field(key='year', path=URIRef('http://purl.org/dc/terms/date'), inverse=False, kind=ValueKind.YEAR, many=False, required=True, recommended=False, target=None, code_list=None, name='year', description='The year it was given.', shape=URIRef('https://w3id.org/muniorg/shapes#Award-year'), order=0),
            Field(key='recipient', path=URIRef('https://w3id.org/muniorg#recipient'), inverse=False, kind=ValueKind.IRI, many=False, required=False, recommended=False, target=None, code_list=None, name='recipient', description='Who received it (a person or unit).', shape=URIRef('https://w3id.org/muniorg/shapes#Award-recipient'), order=1),
            Field(key='recipientName', path=URIRef('https://w3id.org/muniorg#recipientName'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='recipient name', description='Who received it, when they are not described as a person or unit.', shape=URIRef('https://w3id.org/muniorg/shapes#Award-recipientName'), order=2),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='Why it was given.', shape=URIRef('https://w3id.org/muniorg/shapes#Award-description'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Award'),
    )

    id: str | None = None
    year: str | None = None
    recipient: str | None = None
    recipientName: str | None = None
    description: LangMap = field(default_factory=dict)

@dataclass(kw_only=True, eq=True)
class AwardScheme(Node):
    """An award or prize given out regularly, with its criteria.

    Attributes:
        name: The name of the award. (required)
        description: What it honours. (optional)
        frequency: How often it is given (ANNUAL ...). (optional)
        criteria: What a winner must meet, one item each. (optional)
        awards: Awards given under the scheme. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='AwardScheme',
        rdf_type=URIRef('https://w3id.org/muniorg#AwardScheme'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Entity'),),
        description='An award or prize given out regularly, with its criteria.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name of the award.', shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme-name'), order=0),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What it honours.', shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme-description'), order=1),
            Field(key='frequency', path=URIRef('http://purl.org/dc/terms/accrualPeriodicity'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=False, target=None, code_list=URIRef('http://publications.europa.eu/resource/authority/frequency'), name='frequency', description='How often it is given (ANNUAL ...).', shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme-frequency'), order=2),
            Field(key='criteria', path=URIRef('https://w3id.org/muniorg#criterion'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='criteria', description='What a winner must meet, one item each.', shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme-criteria'), order=3),
            Field(key='awards', path=URIRef('https://w3id.org/muniorg#awardGiven'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Award', code_list=None, name='awards', description='Awards given under the scheme.', shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme-awards'), order=4),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme-source'), order=5),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#AwardScheme'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    frequency: str | None = None
    criteria: LangListMap = field(default_factory=dict)
    awards: list[Award] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Certification(Node):
    """A certification, label or membership an organisation holds (e.g. Fairtrade, Eco-Lighthouse).

    Attributes:
        name: The name of the certification or label. (required)
        kind: Certification, label, network or campaign. (required)
        description: What it means. (optional)
        issuer: Who grants it. (optional)
        homepage: Its web site. (optional)
        period: When it was held. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Certification',
        rdf_type=URIRef('https://w3id.org/muniorg#Certification'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Entity'),),
        description='A certification, label or membership an organisation holds (e.g. Fairtrade, Eco-Lighthouse).',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name of the certification or label.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-name'), order=0),
            Field(key='kind', path=URIRef('http://purl.org/dc/terms/type'), inverse=False, kind=ValueKind.CODE, many=False, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/certification-kind'), name='kind', description='Certification, label, network or campaign.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-kind'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What it means.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-description'), order=2),
            Field(key='issuer', path=URIRef('https://w3id.org/muniorg#issuer'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='issuer', description='Who grants it.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-issuer'), order=3),
            Field(key='homepage', path=URIRef('http://xmlns.com/foaf/0.1/homepage'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Document', code_list=None, name='homepage', description='Its web site.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-homepage'), order=4),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='When it was held.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-period'), order=5),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Certification-source'), order=6),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Certification'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: str | None = None
    description: LangMap = field(default_factory=dict)
    issuer: str | None = None
    homepage: Document | None = None
    period: Period | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class CoDeterminationBody(Node):
    """A body in which management and employee representatives co-operate and co-determine working
    conditions (e.g. a Danish MED committee).

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        description: A description. (optional)
        kind: What kind of body it is (co-determination organisation, main committee ...).
            (optional)
        units: Bodies within this one (e.g. the main committee within the MED organisation).
            (optional)
        represented: Who is represented: management, employees, union representatives, elected
            officials. (optional)
        memberships: Who sits in the body. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='CoDeterminationBody',
        rdf_type=URIRef('https://w3id.org/muniorg#CoDeterminationBody'),
        extra_types=(URIRef('http://www.w3.org/ns/org#OrganizationalUnit'),),
        description='A body in which management and employee representatives co-operate and co-determine working conditions (e.g. a Danish MED committee).',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names and abbreviations.', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-altName'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='A description.', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-description'), order=2),
            Field(key='kind', path=URIRef('http://www.w3.org/ns/org#classification'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/unit-kind'), name='kind', description='What kind of body it is (co-determination organisation, main committee ...).', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-kind'), order=3),
            Field(key='units', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='CoDeterminationBody', code_list=None, name='units', description='Bodies within this one (e.g. the main committee within the MED organisation).', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-units'), order=4),
            Field(key='represented', path=URIRef('https://w3id.org/muniorg#represents'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/stakeholder'), name='represented', description='Who is represented: management, employees, union representatives, elected officials.', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-represented'), order=5),
            Field(key='memberships', path=URIRef('http://www.w3.org/ns/org#organization'), inverse=True, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Membership', code_list=None, name='memberships', description='Who sits in the body.', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-memberships'), order=6),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody-source'), order=7),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#CoDeterminationBody'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    kind: str | None = None
    units: list[CoDeterminationBody] = field(default_factory=list)
    represented: list[str] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Committee(Node):
    """A standing political committee of a municipal council.

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        description: A description. (optional)
        posts: Posts (chair ...). (optional)
        memberships: Who sits in the committee. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Committee',
        rdf_type=URIRef('https://w3id.org/muniorg#Committee'),
        extra_types=(URIRef('http://www.w3.org/ns/org#OrganizationalUnit'),),
        description='A standing political committee of a municipal council.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Committee-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names and abbreviations.', shape=URIRef('https://w3id.org/muniorg/shapes#Committee-altName'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='A description.', shape=URIRef('https://w3id.org/muniorg/shapes#Committee-description'), order=2),
            Field(key='posts', path=URIRef('http://www.w3.org/ns/org#hasPost'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Post', code_list=None, name='posts', description='Posts (chair ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Committee-posts'), order=3),
            Field(key='memberships', path=URIRef('http://www.w3.org/ns/org#organization'), inverse=True, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Membership', code_list=None, name='memberships', description='Who sits in the committee.', shape=URIRef('https://w3id.org/muniorg/shapes#Committee-memberships'), order=4),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Committee-source'), order=5),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Committee'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Concept(Node):
    """One code in a controlled list.

    Attributes:
        name: The label, one per language. (required)
        definition: What the code means. (optional)
        notation: A short code. (optional)
        broader: A broader code. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Concept',
        rdf_type=URIRef('http://www.w3.org/2004/02/skos/core#Concept'),
        extra_types=(),
        description='One code in a controlled list.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The label, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Concept-name'), order=0),
            Field(key='definition', path=URIRef('http://www.w3.org/2004/02/skos/core#definition'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='definition', description='What the code means.', shape=URIRef('https://w3id.org/muniorg/shapes#Concept-definition'), order=1),
            Field(key='notation', path=URIRef('http://www.w3.org/2004/02/skos/core#notation'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='notation', description='A short code.', shape=URIRef('https://w3id.org/muniorg/shapes#Concept-notation'), order=2),
            Field(key='broader', path=URIRef('http://www.w3.org/2004/02/skos/core#broader'), inverse=False, kind=ValueKind.IRI, many=True, required=False, recommended=False, target=None, code_list=None, name='broader', description='A broader code.', shape=URIRef('https://w3id.org/muniorg/shapes#Concept-broader'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Concept'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    definition: LangMap = field(default_factory=dict)
    notation: str | None = None
    broader: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class ConceptScheme(Node):
    """A controlled list of codes.

    Attributes:
        title: The name of the list. (required)
        description: What the list is for. (optional)
        concepts: The codes in the list. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='ConceptScheme',
        rdf_type=URIRef('http://www.w3.org/2004/02/skos/core#ConceptScheme'),
        extra_types=(),
        description='A controlled list of codes.',
        fields=(
            Field(key='title', path=URIRef('http://purl.org/dc/terms/title'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='title', description='The name of the list.', shape=URIRef('https://w3id.org/muniorg/shapes#ConceptScheme-title'), order=0),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What the list is for.', shape=URIRef('https://w3id.org/muniorg/shapes#ConceptScheme-description'), order=1),
            Field(key='concepts', path=URIRef('http://www.w3.org/2004/02/skos/core#inScheme'), inverse=True, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Concept', code_list=None, name='concepts', description='The codes in the list.', shape=URIRef('https://w3id.org/muniorg/shapes#ConceptScheme-concepts'), order=2),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#ConceptScheme'),
    )

    id: str | None = None
    title: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    concepts: list[Concept] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class ContactPoint(Node):
    """A way to contact the organisation: telephone, e-mail, contact page and opening hours.

    Attributes:
        name: A name for the contact point, such as 'Citizen service'. (optional)
        telephone: Telephone numbers, with country code where known. (optional)
        email: E-mail addresses. (optional)
        contactPage: A web page with contact information. (optional)
        openingHours: Regular opening hours. (optional)
        bankAccount: The account number to pay to. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='ContactPoint',
        rdf_type=URIRef('http://data.europa.eu/m8g/ContactPoint'),
        extra_types=(),
        description='A way to contact the organisation: telephone, e-mail, contact page and opening hours.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='name', description="A name for the contact point, such as 'Citizen service'.", shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint-name'), order=0),
            Field(key='telephone', path=URIRef('http://data.europa.eu/m8g/telephone'), inverse=False, kind=ValueKind.STRING, many=True, required=False, recommended=False, target=None, code_list=None, name='telephone', description='Telephone numbers, with country code where known.', shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint-telephone'), order=1),
            Field(key='email', path=URIRef('http://data.europa.eu/m8g/email'), inverse=False, kind=ValueKind.STRING, many=True, required=False, recommended=False, target=None, code_list=None, name='email', description='E-mail addresses.', shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint-email'), order=2),
            Field(key='contactPage', path=URIRef('http://data.europa.eu/m8g/contactPage'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Document', code_list=None, name='contact page', description='A web page with contact information.', shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint-contactPage'), order=3),
            Field(key='openingHours', path=URIRef('http://schema.org/hoursAvailable'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='OpeningHours', code_list=None, name='opening hours', description='Regular opening hours.', shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint-openingHours'), order=4),
            Field(key='bankAccount', path=URIRef('https://w3id.org/muniorg#bankAccount'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='bank account', description='The account number to pay to.', shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint-bankAccount'), order=5),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#ContactPoint'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    telephone: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    contactPage: Document | None = None
    openingHours: list[OpeningHours] = field(default_factory=list)
    bankAccount: str | None = None

@dataclass(kw_only=True, eq=True)
class CooperationProgramme(Node):
    """A development or cooperation programme that municipalities join with ministries,
    associations and unions.

    Attributes:
        name: The name, one per language. (required)
        altName: Other names. (optional)
        description: What the programme is for. (recommended)
        period: When it runs. (recommended)
        themes: Themes it works on. (optional)
        benefits: What it gives participants (funding, expertise, exchange of experience).
            (optional)
        requirements: What participants must do, one item each. (optional)
        partners: The organisations behind the programme. (optional)
        intakeRounds: Rounds in which participants were admitted. (optional)
        networks: Networks of participants. (optional)
        participants: Participating municipalities, with their intake round and local project.
            (optional)
        keyFigures: Figures such as the number of participants and networks. (optional)
        homepage: The programme's web site. (optional)
        documents: Pages about the programme, used as sources. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='CooperationProgramme',
        rdf_type=URIRef('https://w3id.org/muniorg#CooperationProgramme'),
        extra_types=(URIRef('http://www.w3.org/ns/org#OrganizationalCollaboration'),),
        description='A development or cooperation programme that municipalities join with ministries, associations and unions.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-altName'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=True, target=None, code_list=None, name='description', description='What the programme is for.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-description'), order=2),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=True, target='Period', code_list=None, name='period', description='When it runs.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-period'), order=3),
            Field(key='themes', path=URIRef('http://purl.org/dc/terms/subject'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/theme'), name='themes', description='Themes it works on.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-themes'), order=4),
            Field(key='benefits', path=URIRef('https://w3id.org/muniorg#benefit'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/benefit'), name='benefits', description='What it gives participants (funding, expertise, exchange of experience).', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-benefits'), order=5),
            Field(key='requirements', path=URIRef('https://w3id.org/muniorg#requirement'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='requirements', description='What participants must do, one item each.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-requirements'), order=6),
            Field(key='partners', path=URIRef('http://www.w3.org/ns/org#hasMember'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Organisation', code_list=None, name='partners', description='The organisations behind the programme.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-partners'), order=7),
            Field(key='intakeRounds', path=URIRef('https://w3id.org/muniorg#intakeRound'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='IntakeRound', code_list=None, name='intake rounds', description='Rounds in which participants were admitted.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-intakeRounds'), order=8),
            Field(key='networks', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='ThematicNetwork', code_list=None, name='networks', description='Networks of participants.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-networks'), order=9),
            Field(key='participants', path=URIRef('http://www.w3.org/ns/org#organization'), inverse=True, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Membership', code_list=None, name='participants', description='Participating municipalities, with their intake round and local project.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-participants'), order=10),
            Field(key='keyFigures', path=URIRef('https://w3id.org/muniorg#keyFigure'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='KeyFigure', code_list=None, name='key figures', description='Figures such as the number of participants and networks.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-keyFigures'), order=11),
            Field(key='homepage', path=URIRef('http://xmlns.com/foaf/0.1/homepage'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Document', code_list=None, name='homepage', description="The programme's web site.", shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-homepage'), order=12),
            Field(key='documents', path=URIRef('http://xmlns.com/foaf/0.1/page'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Document', code_list=None, name='documents', description='Pages about the programme, used as sources.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-documents'), order=13),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme-source'), order=14),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#CooperationProgramme'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    period: Period | None = None
    themes: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    requirements: LangListMap = field(default_factory=dict)
    partners: list[Organisation] = field(default_factory=list)
    intakeRounds: list[IntakeRound] = field(default_factory=list)
    networks: list[ThematicNetwork] = field(default_factory=list)
    participants: list[Membership] = field(default_factory=list)
    keyFigures: list[KeyFigure] = field(default_factory=list)
    homepage: Document | None = None
    documents: list[Document] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Council(Node):
    """The elected assembly that governs a municipality (byråd, kommunalbestyrelse,
    kommunfullmäktige, kommunestyre).

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        description: A description. (optional)
        seats: The number of seats. (optional)
        committees: Standing committees. (optional)
        posts: Posts in the council (chair, members ...). (optional)
        memberships: Who sits in the council. (optional)
        keyFigures: Figures such as the number of committees. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Council',
        rdf_type=URIRef('https://w3id.org/muniorg#Council'),
        extra_types=(URIRef('http://www.w3.org/ns/org#OrganizationalUnit'),),
        description='The elected assembly that governs a municipality (byråd, kommunalbestyrelse, kommunfullmäktige, kommunestyre).',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names and abbreviations.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-altName'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='A description.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-description'), order=2),
            Field(key='seats', path=URIRef('https://w3id.org/muniorg#seats'), inverse=False, kind=ValueKind.INTEGER, many=False, required=False, recommended=False, target=None, code_list=None, name='seats', description='The number of seats.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-seats'), order=3),
            Field(key='committees', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Committee', code_list=None, name='committees', description='Standing committees.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-committees'), order=4),
            Field(key='posts', path=URIRef('http://www.w3.org/ns/org#hasPost'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Post', code_list=None, name='posts', description='Posts in the council (chair, members ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Council-posts'), order=5),
            Field(key='memberships', path=URIRef('http://www.w3.org/ns/org#organization'), inverse=True, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Membership', code_list=None, name='memberships', description='Who sits in the council.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-memberships'), order=6),
            Field(key='keyFigures', path=URIRef('https://w3id.org/muniorg#keyFigure'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='KeyFigure', code_list=None, name='key figures', description='Figures such as the number of committees.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-keyFigures'), order=7),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Council-source'), order=8),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Council'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    seats: int | None = None
    committees: list[Committee] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    keyFigures: list[KeyFigure] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Department(Node):
    """An administrative unit of a municipality: a department, a professional or staff centre, or
    an institution.

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        description: A description. (optional)
        kind: What kind of unit it is (department, staff centre, institution ...). (recommended)
        serviceAreas: The areas of service the unit provides. (optional)
        units: Sub-units. (optional)
        posts: Posts (head of department ...). (optional)
        keyFigures: Figures about the unit. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Department',
        rdf_type=URIRef('https://w3id.org/muniorg#Department'),
        extra_types=(URIRef('http://www.w3.org/ns/org#OrganizationalUnit'),),
        description='An administrative unit of a municipality: a department, a professional or staff centre, or an institution.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names and abbreviations.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-altName'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='A description.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-description'), order=2),
            Field(key='kind', path=URIRef('http://www.w3.org/ns/org#classification'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=True, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/unit-kind'), name='kind', description='What kind of unit it is (department, staff centre, institution ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Department-kind'), order=3),
            Field(key='serviceAreas', path=URIRef('https://w3id.org/muniorg#serviceArea'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/service-area'), name='service areas', description='The areas of service the unit provides.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-serviceAreas'), order=4),
            Field(key='units', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Department', code_list=None, name='units', description='Sub-units.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-units'), order=5),
            Field(key='posts', path=URIRef('http://www.w3.org/ns/org#hasPost'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Post', code_list=None, name='posts', description='Posts (head of department ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Department-posts'), order=6),
            Field(key='keyFigures', path=URIRef('https://w3id.org/muniorg#keyFigure'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='KeyFigure', code_list=None, name='key figures', description='Figures about the unit.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-keyFigures'), order=7),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Department-source'), order=8),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Department'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    kind: str | None = None
    serviceAreas: list[str] = field(default_factory=list)
    units: list[Department] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    keyFigures: list[KeyFigure] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Document(Node):
    """A web page or document: a homepage, the page a fact was taken from, or a registry extract.

    Attributes:
        title: The title of the document. (recommended)
        url: Where the document can be read, if it is not the IRI itself. (optional)
        creators: Authors. (optional)
        publisher: The organisation that published the document. (optional)
        issued: When the document was published. (optional)
        modified: When the document was last changed. (optional)
        language: Languages of the document, as EU language codes (DAN, SWE, NNO ...).
            (optional)
        contributors: Organisations that helped make the document or site, such as the agency
            that developed a web site. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Document',
        rdf_type=URIRef('http://xmlns.com/foaf/0.1/Document'),
        extra_types=(),
        description='A web page or document: a homepage, the page a fact was taken from, or a registry extract.',
        fields=(
            Field(key='title', path=URIRef('http://purl.org/dc/terms/title'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=True, target=None, code_list=None, name='title', description='The title of the document.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-title'), order=0),
            Field(key='url', path=URIRef('http://schema.org/url'), inverse=False, kind=ValueKind.URI, many=False, required=False, recommended=False, target=None, code_list=None, name='url', description='Where the document can be read, if it is not the IRI itself.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-url'), order=1),
            Field(key='creators', path=URIRef('http://purl.org/dc/terms/creator'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Person', code_list=None, name='creators', description='Authors.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-creators'), order=2),
            Field(key='publisher', path=URIRef('http://purl.org/dc/terms/publisher'), inverse=False, kind=ValueKind.IRI, many=False, required=False, recommended=False, target=None, code_list=None, name='publisher', description='The organisation that published the document.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-publisher'), order=3),
            Field(key='issued', path=URIRef('http://purl.org/dc/terms/issued'), inverse=False, kind=ValueKind.DATETIME, many=False, required=False, recommended=False, target=None, code_list=None, name='issued', description='When the document was published.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-issued'), order=4),
            Field(key='modified', path=URIRef('http://purl.org/dc/terms/modified'), inverse=False, kind=ValueKind.DATETIME, many=False, required=False, recommended=False, target=None, code_list=None, name='modified', description='When the document was last changed.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-modified'), order=5),
            Field(key='language', path=URIRef('http://purl.org/dc/terms/language'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('http://publications.europa.eu/resource/authority/language'), name='language', description='Languages of the document, as EU language codes (DAN, SWE, NNO ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Document-language'), order=6),
            Field(key='contributors', path=URIRef('http://purl.org/dc/terms/contributor'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Organisation', code_list=None, name='contributors', description='Organisations that helped make the document or site, such as the agency that developed a web site.', shape=URIRef('https://w3id.org/muniorg/shapes#Document-contributors'), order=7),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Document'),
    )

    id: str | None = None
    title: LangMap = field(default_factory=dict)
    url: str | None = None
    creators: list[str] = field(default_factory=list)
    publisher: str | None = None
    issued: datetime.datetime | datetime.date | None = None
    modified: datetime.datetime | datetime.date | None = None
    language: list[str] = field(default_factory=list)
    contributors: list[Organisation] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Foundation(Node):
    """A set of values, principles or mutual expectations an organisation has adopted (value
    foundation, leadership foundation, employee foundation).

    Attributes:
        name: The name, such as 'Ledelsesgrundlag'. (required)
        kind: Value, leadership or employee foundation. (required)
        description: What the foundation says and why it exists. (optional)
        purposes: What the foundation is used for, one item each. (optional)
        values: The values it names. (optional)
        principles: Its principles or mutual expectations. (optional)
        authors: Who wrote it (units, bodies, people). (optional)
        issued: When it was adopted. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Foundation',
        rdf_type=URIRef('https://w3id.org/muniorg#Foundation'),
        extra_types=(URIRef('http://www.w3.org/2004/02/skos/core#ConceptScheme'),),
        description='A set of values, principles or mutual expectations an organisation has adopted (value foundation, leadership foundation, employee foundation).',
        fields=(
            Field(key='name', path=URIRef('http://purl.org/dc/terms/title'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description="The name, such as 'Ledelsesgrundlag'.", shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-name'), order=0),
            Field(key='kind', path=URIRef('http://purl.org/dc/terms/type'), inverse=False, kind=ValueKind.CODE, many=False, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/foundation-kind'), name='kind', description='Value, leadership or employee foundation.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-kind'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What the foundation says and why it exists.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-description'), order=2),
            Field(key='purposes', path=URIRef('https://w3id.org/muniorg#purpose'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='purposes', description='What the foundation is used for, one item each.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-purposes'), order=3),
            Field(key='values', path=URIRef('http://www.w3.org/2004/02/skos/core#hasTopConcept'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Value', code_list=None, name='values', description='The values it names.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-values'), order=4),
            Field(key='principles', path=URIRef('http://www.w3.org/2004/02/skos/core#hasTopConcept'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Principle', code_list=None, name='principles', description='Its principles or mutual expectations.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-principles'), order=5),
            Field(key='authors', path=URIRef('http://purl.org/dc/terms/creator'), inverse=False, kind=ValueKind.IRI, many=True, required=False, recommended=False, target=None, code_list=None, name='authors', description='Who wrote it (units, bodies, people).', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-authors'), order=6),
            Field(key='issued', path=URIRef('http://purl.org/dc/terms/issued'), inverse=False, kind=ValueKind.PARTIAL_DATE, many=False, required=False, recommended=False, target=None, code_list=None, name='issued', description='When it was adopted.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-issued'), order=7),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Foundation-source'), order=8),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Foundation'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: str | None = None
    description: LangMap = field(default_factory=dict)
    purposes: LangListMap = field(default_factory=dict)
    values: list[Value] = field(default_factory=list)
    principles: list[Principle] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    issued: PartialDate | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Identifier(Node):
    """An identifier issued under a named scheme (municipality number, organisation number ...),
    with the period in which it was valid.

    Attributes:
        notation: The identifier itself, as written by the issuer (digits only for numbers).
            (required)
        scheme: The scheme the identifier belongs to. (required)
        schemeAgency: The name of the agency that issues identifiers in this scheme. (optional)
        issued: When the identifier was issued. (optional)
        validDuring: The period in which the identifier was valid; no end means it still is.
            (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Identifier',
        rdf_type=URIRef('http://www.w3.org/ns/adms#Identifier'),
        extra_types=(),
        description='An identifier issued under a named scheme (municipality number, organisation number ...), with the period in which it was valid.',
        fields=(
            Field(key='notation', path=URIRef('http://www.w3.org/2004/02/skos/core#notation'), inverse=False, kind=ValueKind.STRING, many=False, required=True, recommended=False, target=None, code_list=None, name='notation', description='The identifier itself, as written by the issuer (digits only for numbers).', shape=URIRef('https://w3id.org/muniorg/shapes#Identifier-notation'), order=0),
            Field(key='scheme', path=URIRef('http://purl.org/dc/terms/conformsTo'), inverse=False, kind=ValueKind.CODE, many=False, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/identifier-scheme'), name='scheme', description='The scheme the identifier belongs to.', shape=URIRef('https://w3id.org/muniorg/shapes#Identifier-scheme'), order=1),
            Field(key='schemeAgency', path=URIRef('http://www.w3.org/ns/adms#schemeAgency'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='scheme agency', description='The name of the agency that issues identifiers in this scheme.', shape=URIRef('https://w3id.org/muniorg/shapes#Identifier-schemeAgency'), order=2),
            Field(key='issued', path=URIRef('http://purl.org/dc/terms/issued'), inverse=False, kind=ValueKind.DATE, many=False, required=False, recommended=False, target=None, code_list=None, name='issued', description='When the identifier was issued.', shape=URIRef('https://w3id.org/muniorg/shapes#Identifier-issued'), order=3),
            Field(key='validDuring', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='valid during', description='The period in which the identifier was valid; no end means it still is.', shape=URIRef('https://w3id.org/muniorg/shapes#Identifier-validDuring'), order=4),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Identifier-source'), order=5),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Identifier'),
    )

    id: str | None = None
    notation: str | None = None
    scheme: str | None = None
    schemeAgency: str | None = None
    issued: datetime.date | None = None
    validDuring: Period | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Initiative(Node):
    """An initiative, campaign or programme run or joined by an organisation, with its measured
    outcomes.

    Attributes:
        name: The name. (required)
        kind: Initiative, campaign, event, network, training programme ... (required)
        description: What it is. (optional)
        themes: Themes it works on. (optional)
        period: When it runs. (optional)
        outcomes: Measured outcomes. (optional)
        homepage: Its web site. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Initiative',
        rdf_type=URIRef('https://w3id.org/muniorg#Initiative'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Activity'),),
        description='An initiative, campaign or programme run or joined by an organisation, with its measured outcomes.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-name'), order=0),
            Field(key='kind', path=URIRef('http://purl.org/dc/terms/type'), inverse=False, kind=ValueKind.CODE, many=False, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/initiative-kind'), name='kind', description='Initiative, campaign, event, network, training programme ...', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-kind'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What it is.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-description'), order=2),
            Field(key='themes', path=URIRef('http://purl.org/dc/terms/subject'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/theme'), name='themes', description='Themes it works on.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-themes'), order=3),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='When it runs.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-period'), order=4),
            Field(key='outcomes', path=URIRef('https://w3id.org/muniorg#outcome'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='KeyFigure', code_list=None, name='outcomes', description='Measured outcomes.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-outcomes'), order=5),
            Field(key='homepage', path=URIRef('http://xmlns.com/foaf/0.1/homepage'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Document', code_list=None, name='homepage', description='Its web site.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-homepage'), order=6),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Initiative-source'), order=7),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Initiative'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: str | None = None
    description: LangMap = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)
    period: Period | None = None
    outcomes: list[KeyFigure] = field(default_factory=list)
    homepage: Document | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class IntakeRound(Node):
    """A round in which participants were admitted to a programme.

    Attributes:
        name: The name, such as 'autumn 2012'. (required)
        period: When it took place. (optional)
        admitted: How many participants were admitted. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='IntakeRound',
        rdf_type=URIRef('https://w3id.org/muniorg#IntakeRound'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Activity'),),
        description='A round in which participants were admitted to a programme.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description="The name, such as 'autumn 2012'.", shape=URIRef('https://w3id.org/muniorg/shapes#IntakeRound-name'), order=0),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='When it took place.', shape=URIRef('https://w3id.org/muniorg/shapes#IntakeRound-period'), order=1),
            Field(key='admitted', path=URIRef('https://w3id.org/muniorg#admittedCount'), inverse=False, kind=ValueKind.INTEGER, many=False, required=False, recommended=False, target=None, code_list=None, name='admitted', description='How many participants were admitted.', shape=URIRef('https://w3id.org/muniorg/shapes#IntakeRound-admitted'), order=2),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#IntakeRound'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    period: Period | None = None
    admitted: int | None = None

@dataclass(kw_only=True, eq=True)
class KeyFigure(Node):
    """A measured or stated quantity (population, employees, seats ...) with its unit, date and how
    exact it is.

    Attributes:
        measure: What is measured (population, employees, council seats ...). (required)
        value: The number. (required)
        qualifier: How exact the number is: exact, approximate, at least, more than ...
            (recommended)
        unit: The unit, if not a count (km², days per year ...). (optional)
        date: When the figure applied. (optional)
        period: The period the figure covers or compares, when it is not a single date (e.g. the
            five years over which sick days fell). (optional)
        label: The figure as the source words it, such as 'ca. 30.000'. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='KeyFigure',
        rdf_type=URIRef('https://w3id.org/muniorg#KeyFigure'),
        extra_types=(URIRef('http://schema.org/QuantitativeValue'),),
        description='A measured or stated quantity (population, employees, seats ...) with its unit, date and how exact it is.',
        fields=(
            Field(key='measure', path=URIRef('http://purl.org/dc/terms/type'), inverse=False, kind=ValueKind.CODE, many=False, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/measure'), name='measure', description='What is measured (population, employees, council seats ...).', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-measure'), order=0),
            Field(key='value', path=URIRef('http://schema.org/value'), inverse=False, kind=ValueKind.NUMBER, many=False, required=True, recommended=False, target=None, code_list=None, name='value', description='The number.', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-value'), order=1),
            Field(key='qualifier', path=URIRef('https://w3id.org/muniorg#qualifier'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=True, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/qualifier'), name='qualifier', description='How exact the number is: exact, approximate, at least, more than ...', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-qualifier'), order=2),
            Field(key='unit', path=URIRef('http://schema.org/unitText'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='unit', description='The unit, if not a count (km², days per year ...).', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-unit'), order=3),
            Field(key='date', path=URIRef('http://purl.org/dc/terms/date'), inverse=False, kind=ValueKind.PARTIAL_DATE, many=False, required=False, recommended=False, target=None, code_list=None, name='date', description='When the figure applied.', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-date'), order=4),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='The period the figure covers or compares, when it is not a single date (e.g. the five years over which sick days fell).', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-period'), order=5),
            Field(key='label', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='label', description="The figure as the source words it, such as 'ca. 30.000'.", shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-label'), order=6),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure-source'), order=7),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#KeyFigure'),
    )

    id: str | None = None
    measure: str | None = None
    value: Number | None = None
    qualifier: str | None = None
    unit: str | None = None
    date: PartialDate | None = None
    period: Period | None = None
    label: LangMap = field(default_factory=dict)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class LocalProject(Node):
    """The project a participant carries out locally as part of a programme.

    Attributes:
        name: The name of the project. (required)
        description: What the project does. (optional)
        themes: Themes it works on. (optional)
        period: When it runs. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='LocalProject',
        rdf_type=URIRef('https://w3id.org/muniorg#LocalProject'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Activity'),),
        description='The project a participant carries out locally as part of a programme.',
        fields=(
            Field(key='name', path=URIRef('http://purl.org/dc/terms/title'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name of the project.', shape=URIRef('https://w3id.org/muniorg/shapes#LocalProject-name'), order=0),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What the project does.', shape=URIRef('https://w3id.org/muniorg/shapes#LocalProject-description'), order=1),
            Field(key='themes', path=URIRef('http://purl.org/dc/terms/subject'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/theme'), name='themes', description='Themes it works on.', shape=URIRef('https://w3id.org/muniorg/shapes#LocalProject-themes'), order=2),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='When it runs.', shape=URIRef('https://w3id.org/muniorg/shapes#LocalProject-period'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#LocalProject'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)
    period: Period | None = None

@dataclass(kw_only=True, eq=True)
class Membership(Node):
    """The membership of a person or organisation in an organisation, with the role played and the
    period.

    Attributes:
        member: The person or organisation that is a member. (required)
        role: The role the member plays. (recommended)
        period: When the membership held. (optional)
        intakeRound: The intake round in which the member joined a programme. (optional)
        localProject: The member's own project within a programme. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Membership',
        rdf_type=URIRef('http://www.w3.org/ns/org#Membership'),
        extra_types=(),
        description='The membership of a person or organisation in an organisation, with the role played and the period.',
        fields=(
            Field(key='member', path=URIRef('http://www.w3.org/ns/org#member'), inverse=False, kind=ValueKind.IRI, many=False, required=True, recommended=False, target=None, code_list=None, name='member', description='The person or organisation that is a member.', shape=URIRef('https://w3id.org/muniorg/shapes#Membership-member'), order=0),
            Field(key='role', path=URIRef('http://www.w3.org/ns/org#role'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=True, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/role'), name='role', description='The role the member plays.', shape=URIRef('https://w3id.org/muniorg/shapes#Membership-role'), order=1),
            Field(key='period', path=URIRef('http://www.w3.org/ns/org#memberDuring'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='When the membership held.', shape=URIRef('https://w3id.org/muniorg/shapes#Membership-period'), order=2),
            Field(key='intakeRound', path=URIRef('https://w3id.org/muniorg#admittedIn'), inverse=False, kind=ValueKind.REFERENCE, many=False, required=False, recommended=False, target='IntakeRound', code_list=None, name='intake round', description='The intake round in which the member joined a programme.', shape=URIRef('https://w3id.org/muniorg/shapes#Membership-intakeRound'), order=3),
            Field(key='localProject', path=URIRef('https://w3id.org/muniorg#localProject'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='LocalProject', code_list=None, name='local project', description="The member's own project within a programme.", shape=URIRef('https://w3id.org/muniorg/shapes#Membership-localProject'), order=4),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Membership-source'), order=5),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Membership'),
    )

    id: str | None = None
    member: str | None = None
    role: str | None = None
    period: Period | None = None
    intakeRound: str | None = None
    localProject: LocalProject | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Municipality(Node):
    """A municipality: the local public authority that governs a municipal area, with its political
    and administrative organisation.

    Attributes:
        name: The official name, one per language. (required)
        altName: Other names, such as a short name or an older spelling. (optional)
        description: A short description, one per language. (recommended)
        country: The country, as an EU country code (DNK, SWE, NOR, FIN, ISL). (required)
        identifiers: Official identifiers: municipality number, organisation number, ...
            (recommended)
        homepage: The official web site. (recommended)
        area: The area the municipality governs. (recommended)
        motto: A motto or slogan, one per language. (optional)
        historyNotes: Notes on the history of the municipality. (optional)
        contactPoints: Ways to contact the municipality. (recommended)
        postalAddress: The address for letters. (optional)
        visitingAddress: The address for visitors and deliveries. (optional)
        sites: Buildings and places, such as the town hall. (optional)
        keyFigures: Figures such as population and number of employees. (optional)
        council: The elected council. (recommended)
        departments: Administrative departments, centres and institutions. (optional)
        coDeterminationBodies: Co-determination bodies (e.g. the MED organisation). (optional)
        posts: Posts at the level of the whole municipality (mayor, municipal director ...).
            (optional)
        people: People named in the description (they are members of the organisation).
            (optional)
        foundations: Value, leadership and employee foundations. (optional)
        strategies: Visions, strategies and strategy plans. (optional)
        awardSchemes: Awards the municipality gives. (optional)
        initiatives: Initiatives and campaigns the municipality runs or joins. (optional)
        certifications: Certifications, labels and memberships. (optional)
        serviceAreas: The areas of service the municipality provides. (optional)
        documents: Pages and documents about the municipality, used as sources. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Municipality',
        rdf_type=URIRef('https://w3id.org/muniorg#Municipality'),
        extra_types=(URIRef('http://data.europa.eu/m8g/PublicOrganisation'), URIRef('http://schema.org/GovernmentOrganization')),
        description='A municipality: the local public authority that governs a municipal area, with its political and administrative organisation.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The official name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names, such as a short name or an older spelling.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-altName'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=True, target=None, code_list=None, name='description', description='A short description, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-description'), order=2),
            Field(key='country', path=URIRef('https://w3id.org/muniorg#country'), inverse=False, kind=ValueKind.CODE, many=False, required=True, recommended=False, target=None, code_list=URIRef('http://publications.europa.eu/resource/authority/country'), name='country', description='The country, as an EU country code (DNK, SWE, NOR, FIN, ISL).', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-country'), order=3),
            Field(key='identifiers', path=URIRef('http://www.w3.org/ns/adms#identifier'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=True, target='Identifier', code_list=None, name='identifiers', description='Official identifiers: municipality number, organisation number, ...', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-identifiers'), order=4),
            Field(key='homepage', path=URIRef('http://xmlns.com/foaf/0.1/homepage'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=True, target='Document', code_list=None, name='homepage', description='The official web site.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-homepage'), order=5),
            Field(key='area', path=URIRef('http://purl.org/dc/terms/spatial'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=True, target='AdministrativeArea', code_list=None, name='area', description='The area the municipality governs.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-area'), order=6),
            Field(key='motto', path=URIRef('http://schema.org/slogan'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='motto', description='A motto or slogan, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-motto'), order=7),
            Field(key='historyNotes', path=URIRef('http://www.w3.org/2004/02/skos/core#historyNote'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='history notes', description='Notes on the history of the municipality.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-historyNotes'), order=8),
            Field(key='contactPoints', path=URIRef('http://data.europa.eu/m8g/contactPoint'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=True, target='ContactPoint', code_list=None, name='contact points', description='Ways to contact the municipality.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-contactPoints'), order=9),
            Field(key='postalAddress', path=URIRef('https://w3id.org/muniorg#postalAddress'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Address', code_list=None, name='postal address', description='The address for letters.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-postalAddress'), order=10),
            Field(key='visitingAddress', path=URIRef('https://w3id.org/muniorg#visitingAddress'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Address', code_list=None, name='visiting address', description='The address for visitors and deliveries.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-visitingAddress'), order=11),
            Field(key='sites', path=URIRef('http://www.w3.org/ns/org#hasSite'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Site', code_list=None, name='sites', description='Buildings and places, such as the town hall.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-sites'), order=12),
            Field(key='keyFigures', path=URIRef('https://w3id.org/muniorg#keyFigure'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='KeyFigure', code_list=None, name='key figures', description='Figures such as population and number of employees.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-keyFigures'), order=13),
            Field(key='council', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=True, target='Council', code_list=None, name='council', description='The elected council.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-council'), order=14),
            Field(key='departments', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Department', code_list=None, name='departments', description='Administrative departments, centres and institutions.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-departments'), order=15),
            Field(key='coDeterminationBodies', path=URIRef('http://www.w3.org/ns/org#hasUnit'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='CoDeterminationBody', code_list=None, name='co determination bodies', description='Co-determination bodies (e.g. the MED organisation).', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-coDeterminationBodies'), order=16),
            Field(key='posts', path=URIRef('http://www.w3.org/ns/org#hasPost'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Post', code_list=None, name='posts', description='Posts at the level of the whole municipality (mayor, municipal director ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-posts'), order=17),
            Field(key='people', path=URIRef('http://www.w3.org/ns/org#memberOf'), inverse=True, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Person', code_list=None, name='people', description='People named in the description (they are members of the organisation).', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-people'), order=18),
            Field(key='foundations', path=URIRef('https://w3id.org/muniorg#foundation'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Foundation', code_list=None, name='foundations', description='Value, leadership and employee foundations.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-foundations'), order=19),
            Field(key='strategies', path=URIRef('https://w3id.org/muniorg#strategy'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Strategy', code_list=None, name='strategies', description='Visions, strategies and strategy plans.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-strategies'), order=20),
            Field(key='awardSchemes', path=URIRef('https://w3id.org/muniorg#awardScheme'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='AwardScheme', code_list=None, name='award schemes', description='Awards the municipality gives.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-awardSchemes'), order=21),
            Field(key='initiatives', path=URIRef('https://w3id.org/muniorg#initiative'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Initiative', code_list=None, name='initiatives', description='Initiatives and campaigns the municipality runs or joins.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-initiatives'), order=22),
            Field(key='certifications', path=URIRef('https://w3id.org/muniorg#certification'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Certification', code_list=None, name='certifications', description='Certifications, labels and memberships.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-certifications'), order=23),
            Field(key='serviceAreas', path=URIRef('https://w3id.org/muniorg#serviceArea'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/service-area'), name='service areas', description='The areas of service the municipality provides.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-serviceAreas'), order=24),
            Field(key='documents', path=URIRef('http://xmlns.com/foaf/0.1/page'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Document', code_list=None, name='documents', description='Pages and documents about the municipality, used as sources.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-documents'), order=25),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Municipality-source'), order=26),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Municipality'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    country: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    homepage: Document | None = None
    area: AdministrativeArea | None = None
    motto: LangMap = field(default_factory=dict)
    historyNotes: LangListMap = field(default_factory=dict)
    contactPoints: list[ContactPoint] = field(default_factory=list)
    postalAddress: Address | None = None
    visitingAddress: Address | None = None
    sites: list[Site] = field(default_factory=list)
    keyFigures: list[KeyFigure] = field(default_factory=list)
    council: Council | None = None
    departments: list[Department] = field(default_factory=list)
    coDeterminationBodies: list[CoDeterminationBody] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    foundations: list[Foundation] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)
    awardSchemes: list[AwardScheme] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    serviceAreas: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class OpeningHours(Node):
    """Regular opening hours: days of the week and opening and closing times.

    Attributes:
        days: The days (Monday ... Sunday). (required)
        opens: Opening time (hh:mm:ss). (required)
        closes: Closing time (hh:mm:ss). (required)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='OpeningHours',
        rdf_type=URIRef('http://schema.org/OpeningHoursSpecification'),
        extra_types=(),
        description='Regular opening hours: days of the week and opening and closing times.',
        fields=(
            Field(key='days', path=URIRef('http://schema.org/dayOfWeek'), inverse=False, kind=ValueKind.CODE, many=True, required=True, recommended=False, target=None, code_list=URIRef('http://schema.org'), name='days', description='The days (Monday ... Sunday).', shape=URIRef('https://w3id.org/muniorg/shapes#OpeningHours-days'), order=0),
            Field(key='opens', path=URIRef('http://schema.org/opens'), inverse=False, kind=ValueKind.TIME, many=False, required=True, recommended=False, target=None, code_list=None, name='opens', description='Opening time (hh:mm:ss).', shape=URIRef('https://w3id.org/muniorg/shapes#OpeningHours-opens'), order=1),
            Field(key='closes', path=URIRef('http://schema.org/closes'), inverse=False, kind=ValueKind.TIME, many=False, required=True, recommended=False, target=None, code_list=None, name='closes', description='Closing time (hh:mm:ss).', shape=URIRef('https://w3id.org/muniorg/shapes#OpeningHours-closes'), order=2),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#OpeningHours'),
    )

    id: str | None = None
    days: list[str] = field(default_factory=list)
    opens: datetime.time | None = None
    closes: datetime.time | None = None

@dataclass(kw_only=True, eq=True)
class Organisation(Node):
    """Another organisation: a ministry, an association of municipalities, a trade union ...

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        kind: What kind of organisation (ministry, trade union ...). (recommended)
        homepage: The web site. (optional)
        country: The country. (optional)
        identifiers: Identifiers such as organisation numbers. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Organisation',
        rdf_type=URIRef('http://www.w3.org/ns/org#FormalOrganization'),
        extra_types=(),
        description='Another organisation: a ministry, an association of municipalities, a trade union ...',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-name'), order=0),
            Field(key='altName', path=URIRef('http://www.w3.org/2004/02/skos/core#altLabel'), inverse=False, kind=ValueKind.LANG_LIST_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='alt name', description='Other names and abbreviations.', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-altName'), order=1),
            Field(key='kind', path=URIRef('http://www.w3.org/ns/org#classification'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=True, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/organisation-kind'), name='kind', description='What kind of organisation (ministry, trade union ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-kind'), order=2),
            Field(key='homepage', path=URIRef('http://xmlns.com/foaf/0.1/homepage'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Document', code_list=None, name='homepage', description='The web site.', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-homepage'), order=3),
            Field(key='country', path=URIRef('https://w3id.org/muniorg#country'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=False, target=None, code_list=URIRef('http://publications.europa.eu/resource/authority/country'), name='country', description='The country.', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-country'), order=4),
            Field(key='identifiers', path=URIRef('http://www.w3.org/ns/adms#identifier'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='Identifier', code_list=None, name='identifiers', description='Identifiers such as organisation numbers.', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-identifiers'), order=5),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Organisation-source'), order=6),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Organisation'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    kind: str | None = None
    homepage: Document | None = None
    country: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Period(Node):
    """A period of time with a start and/or an end, given as a year, a month or a day.

    Attributes:
        name: A name for the period, such as 'autumn 2012'. (optional)
        start: The first day, month or year of the period. (optional)
        end: The last day, month or year of the period. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Period',
        rdf_type=URIRef('http://purl.org/dc/terms/PeriodOfTime'),
        extra_types=(),
        description='A period of time with a start and/or an end, given as a year, a month or a day.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='name', description="A name for the period, such as 'autumn 2012'.", shape=URIRef('https://w3id.org/muniorg/shapes#Period-name'), order=0),
            Field(key='start', path=URIRef('http://www.w3.org/ns/dcat#startDate'), inverse=False, kind=ValueKind.PARTIAL_DATE, many=False, required=False, recommended=False, target=None, code_list=None, name='start', description='The first day, month or year of the period.', shape=URIRef('https://w3id.org/muniorg/shapes#Period-start'), order=1),
            Field(key='end', path=URIRef('http://www.w3.org/ns/dcat#endDate'), inverse=False, kind=ValueKind.PARTIAL_DATE, many=False, required=False, recommended=False, target=None, code_list=None, name='end', description='The last day, month or year of the period.', shape=URIRef('https://w3id.org/muniorg/shapes#Period-end'), order=2),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Period'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    start: PartialDate | None = None
    end: PartialDate | None = None

@dataclass(kw_only=True, eq=True)
class Person(Node):
    """A person named in the data.

    Attributes:
        name: The full name. (required)
        givenName: The given name. (optional)
        familyName: The family name. (optional)
        email: Work e-mail addresses. (optional)
        telephone: Work telephone numbers. (optional)
        public: Whether the person's name may be published (default true); contact details are
            only published when asked for. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Person',
        rdf_type=URIRef('http://xmlns.com/foaf/0.1/Person'),
        extra_types=(),
        description='A person named in the data.',
        fields=(
            Field(key='name', path=URIRef('http://xmlns.com/foaf/0.1/name'), inverse=False, kind=ValueKind.STRING, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The full name.', shape=URIRef('https://w3id.org/muniorg/shapes#Person-name'), order=0),
            Field(key='givenName', path=URIRef('http://xmlns.com/foaf/0.1/givenName'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='given name', description='The given name.', shape=URIRef('https://w3id.org/muniorg/shapes#Person-givenName'), order=1),
            Field(key='familyName', path=URIRef('http://xmlns.com/foaf/0.1/familyName'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='family name', description='The family name.', shape=URIRef('https://w3id.org/muniorg/shapes#Person-familyName'), order=2),
            Field(key='email', path=URIRef('http://schema.org/email'), inverse=False, kind=ValueKind.STRING, many=True, required=False, recommended=False, target=None, code_list=None, name='email', description='Work e-mail addresses.', shape=URIRef('https://w3id.org/muniorg/shapes#Person-email'), order=3),
            Field(key='telephone', path=URIRef('http://schema.org/telephone'), inverse=False, kind=ValueKind.STRING, many=True, required=False, recommended=False, target=None, code_list=None, name='telephone', description='Work telephone numbers.', shape=URIRef('https://w3id.org/muniorg/shapes#Person-telephone'), order=4),
            Field(key='public', path=URIRef('https://w3id.org/muniorg#public'), inverse=False, kind=ValueKind.BOOLEAN, many=False, required=False, recommended=False, target=None, code_list=None, name='public', description="Whether the person's name may be published (default true); contact details are only published when asked for.", shape=URIRef('https://w3id.org/muniorg/shapes#Person-public'), order=5),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Person'),
    )

    id: str | None = None
    name: str | None = None
    givenName: str | None = None
    familyName: str | None = None
    email: list[str] = field(default_factory=list)
    telephone: list[str] = field(default_factory=list)
    public: bool | None = None

@dataclass(kw_only=True, eq=True)
class Post(Node):
    """A position in an organisation that exists independently of who holds it (mayor, municipal
    director ...); may stand for several like posts.

    Attributes:
        name: The title of the post as the organisation writes it. (recommended)
        role: The roles the post plays (mayor, municipal director ...); several when one post
            stands for like posts of different roles. (required)
        heldBy: Who holds the post. (optional)
        count: How many posts of this kind there are, when one post stands for several (e.g. 35
            institution leaders). (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Post',
        rdf_type=URIRef('http://www.w3.org/ns/org#Post'),
        extra_types=(),
        description='A position in an organisation that exists independently of who holds it (mayor, municipal director ...); may stand for several like posts.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=True, target=None, code_list=None, name='name', description='The title of the post as the organisation writes it.', shape=URIRef('https://w3id.org/muniorg/shapes#Post-name'), order=0),
            Field(key='role', path=URIRef('http://www.w3.org/ns/org#role'), inverse=False, kind=ValueKind.CODE, many=True, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/role'), name='role', description='The roles the post plays (mayor, municipal director ...); several when one post stands for like posts of different roles.', shape=URIRef('https://w3id.org/muniorg/shapes#Post-role'), order=1),
            Field(key='heldBy', path=URIRef('http://www.w3.org/ns/org#heldBy'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Person', code_list=None, name='held by', description='Who holds the post.', shape=URIRef('https://w3id.org/muniorg/shapes#Post-heldBy'), order=2),
            Field(key='count', path=URIRef('https://w3id.org/muniorg#postCount'), inverse=False, kind=ValueKind.INTEGER, many=False, required=False, recommended=False, target=None, code_list=None, name='count', description='How many posts of this kind there are, when one post stands for several (e.g. 35 institution leaders).', shape=URIRef('https://w3id.org/muniorg/shapes#Post-count'), order=3),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Post-source'), order=4),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Post'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    role: list[str] = field(default_factory=list)
    heldBy: list[str] = field(default_factory=list)
    count: int | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Principle(Node):
    """A principle or mutual expectation within a foundation, with the reason for it.

    Attributes:
        name: The principle or expectation, one per language. (required)
        reason: Why it matters, as the foundation words it. (optional)
        definition: A longer explanation. (optional)
        order: Its place in the list, from 1. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Principle',
        rdf_type=URIRef('https://w3id.org/muniorg#Principle'),
        extra_types=(URIRef('http://www.w3.org/2004/02/skos/core#Concept'),),
        description='A principle or mutual expectation within a foundation, with the reason for it.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The principle or expectation, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Principle-name'), order=0),
            Field(key='reason', path=URIRef('https://w3id.org/muniorg#reason'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='reason', description='Why it matters, as the foundation words it.', shape=URIRef('https://w3id.org/muniorg/shapes#Principle-reason'), order=1),
            Field(key='definition', path=URIRef('http://www.w3.org/2004/02/skos/core#definition'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='definition', description='A longer explanation.', shape=URIRef('https://w3id.org/muniorg/shapes#Principle-definition'), order=2),
            Field(key='order', path=URIRef('https://w3id.org/muniorg#position'), inverse=False, kind=ValueKind.INTEGER, many=False, required=False, recommended=False, target=None, code_list=None, name='order', description='Its place in the list, from 1.', shape=URIRef('https://w3id.org/muniorg/shapes#Principle-order'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Principle'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    reason: LangMap = field(default_factory=dict)
    definition: LangMap = field(default_factory=dict)
    order: int | None = None

@dataclass(kw_only=True, eq=True)
class Region(Node):
    """A named region: a county, a landscape or an informal area such as a capital region.

    Attributes:
        name: The name of the region. (required)
        kind: What kind of region it is (county, landscape, informal region). (optional)
        code: An official code of the region, if any. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Region',
        rdf_type=URIRef('http://schema.org/AdministrativeArea'),
        extra_types=(),
        description='A named region: a county, a landscape or an informal area such as a capital region.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name of the region.', shape=URIRef('https://w3id.org/muniorg/shapes#Region-name'), order=0),
            Field(key='kind', path=URIRef('http://purl.org/dc/terms/type'), inverse=False, kind=ValueKind.CODE, many=False, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/region-kind'), name='kind', description='What kind of region it is (county, landscape, informal region).', shape=URIRef('https://w3id.org/muniorg/shapes#Region-kind'), order=1),
            Field(key='code', path=URIRef('http://www.w3.org/2004/02/skos/core#notation'), inverse=False, kind=ValueKind.STRING, many=False, required=False, recommended=False, target=None, code_list=None, name='code', description='An official code of the region, if any.', shape=URIRef('https://w3id.org/muniorg/shapes#Region-code'), order=2),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Region-source'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Region'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: str | None = None
    code: str | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Site(Node):
    """A building or place where the organisation is located, such as a town hall.

    Attributes:
        name: The name of the site, such as the town hall. (required)
        description: A description of the site. (optional)
        address: The address of the site. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Site',
        rdf_type=URIRef('http://www.w3.org/ns/org#Site'),
        extra_types=(),
        description='A building or place where the organisation is located, such as a town hall.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name of the site, such as the town hall.', shape=URIRef('https://w3id.org/muniorg/shapes#Site-name'), order=0),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='A description of the site.', shape=URIRef('https://w3id.org/muniorg/shapes#Site-description'), order=1),
            Field(key='address', path=URIRef('http://www.w3.org/ns/locn#address'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Address', code_list=None, name='address', description='The address of the site.', shape=URIRef('https://w3id.org/muniorg/shapes#Site-address'), order=2),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Site'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    address: Address | None = None

@dataclass(kw_only=True, eq=True)
class StrategicGoal(Node):
    """A goal or guidepost within a strategy.

    Attributes:
        name: The goal, one per language. (required)
        description: What it means. (optional)
        committee: The committee responsible. (optional)
        sdgs: UN Sustainable Development Goals it contributes to. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='StrategicGoal',
        rdf_type=URIRef('https://w3id.org/muniorg#StrategicGoal'),
        extra_types=(URIRef('http://www.w3.org/2004/02/skos/core#Concept'),),
        description='A goal or guidepost within a strategy.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The goal, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#StrategicGoal-name'), order=0),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What it means.', shape=URIRef('https://w3id.org/muniorg/shapes#StrategicGoal-description'), order=1),
            Field(key='committee', path=URIRef('https://w3id.org/muniorg#organisedBy'), inverse=False, kind=ValueKind.REFERENCE, many=False, required=False, recommended=False, target='Committee', code_list=None, name='committee', description='The committee responsible.', shape=URIRef('https://w3id.org/muniorg/shapes#StrategicGoal-committee'), order=2),
            Field(key='sdgs', path=URIRef('https://w3id.org/muniorg#sdg'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('http://metadata.un.org/sdg'), name='SDGs', description='UN Sustainable Development Goals it contributes to.', shape=URIRef('https://w3id.org/muniorg/shapes#StrategicGoal-sdgs'), order=3),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#StrategicGoal'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    committee: str | None = None
    sdgs: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Strategy(Node):
    """A vision, strategy, plan strategy or strategy plan, with its period, goals and links to the
    UN Sustainable Development Goals.

    Attributes:
        name: The title, one per language. (required)
        kind: Vision, strategy, plan strategy or strategy plan; several when one document is
            both (a vision and plan strategy). (required)
        description: What it says. (optional)
        period: The period it covers. (optional)
        horizon: The year it looks toward (e.g. 2030). (optional)
        sdgs: UN Sustainable Development Goals and targets it builds on (11, 11.3 ...).
            (optional)
        goals: Goals and strategic guideposts. (optional)
        themes: Themes it addresses. (optional)
        authors: Who wrote it (a body, a council, a unit). (optional)
        organisedBy: Committees the strategy is organised by. (optional)
        homepage: Where it can be read. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Strategy',
        rdf_type=URIRef('https://w3id.org/muniorg#Strategy'),
        extra_types=(URIRef('http://www.w3.org/ns/prov#Plan'),),
        description='A vision, strategy, plan strategy or strategy plan, with its period, goals and links to the UN Sustainable Development Goals.',
        fields=(
            Field(key='name', path=URIRef('http://purl.org/dc/terms/title'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The title, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-name'), order=0),
            Field(key='kind', path=URIRef('http://purl.org/dc/terms/type'), inverse=False, kind=ValueKind.CODE, many=True, required=True, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/strategy-kind'), name='kind', description='Vision, strategy, plan strategy or strategy plan; several when one document is both (a vision and plan strategy).', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-kind'), order=1),
            Field(key='description', path=URIRef('http://purl.org/dc/terms/description'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='description', description='What it says.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-description'), order=2),
            Field(key='period', path=URIRef('http://purl.org/dc/terms/temporal'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Period', code_list=None, name='period', description='The period it covers.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-period'), order=3),
            Field(key='horizon', path=URIRef('https://w3id.org/muniorg#horizon'), inverse=False, kind=ValueKind.YEAR, many=False, required=False, recommended=False, target=None, code_list=None, name='horizon', description='The year it looks toward (e.g. 2030).', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-horizon'), order=4),
            Field(key='sdgs', path=URIRef('https://w3id.org/muniorg#sdg'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('http://metadata.un.org/sdg'), name='SDGs', description='UN Sustainable Development Goals and targets it builds on (11, 11.3 ...).', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-sdgs'), order=5),
            Field(key='goals', path=URIRef('https://w3id.org/muniorg#goal'), inverse=False, kind=ValueKind.NESTED, many=True, required=False, recommended=False, target='StrategicGoal', code_list=None, name='goals', description='Goals and strategic guideposts.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-goals'), order=6),
            Field(key='themes', path=URIRef('http://purl.org/dc/terms/subject'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/theme'), name='themes', description='Themes it addresses.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-themes'), order=7),
            Field(key='authors', path=URIRef('http://purl.org/dc/terms/creator'), inverse=False, kind=ValueKind.IRI, many=True, required=False, recommended=False, target=None, code_list=None, name='authors', description='Who wrote it (a body, a council, a unit).', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-authors'), order=8),
            Field(key='organisedBy', path=URIRef('https://w3id.org/muniorg#organisedBy'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Committee', code_list=None, name='organised by', description='Committees the strategy is organised by.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-organisedBy'), order=9),
            Field(key='homepage', path=URIRef('http://xmlns.com/foaf/0.1/page'), inverse=False, kind=ValueKind.NESTED, many=False, required=False, recommended=False, target='Document', code_list=None, name='homepage', description='Where it can be read.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-homepage'), order=10),
            Field(key='source', path=URIRef('http://purl.org/dc/terms/source'), inverse=False, kind=ValueKind.REFERENCE, many=True, required=False, recommended=False, target='Document', code_list=None, name='source', description='The document this description was taken from.', shape=URIRef('https://w3id.org/muniorg/shapes#Strategy-source'), order=11),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Strategy'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: list[str] = field(default_factory=list)
    description: LangMap = field(default_factory=dict)
    period: Period | None = None
    horizon: str | None = None
    sdgs: list[str] = field(default_factory=list)
    goals: list[StrategicGoal] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    organisedBy: list[str] = field(default_factory=list)
    homepage: Document | None = None
    source: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class ThematicNetwork(Node):
    """A network of programme participants grouped by theme.

    Attributes:
        name: The name. (required)
        themes: The themes that group it. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='ThematicNetwork',
        rdf_type=URIRef('https://w3id.org/muniorg#ThematicNetwork'),
        extra_types=(URIRef('http://www.w3.org/ns/org#OrganizationalUnit'),),
        description='A network of programme participants grouped by theme.',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The name.', shape=URIRef('https://w3id.org/muniorg/shapes#ThematicNetwork-name'), order=0),
            Field(key='themes', path=URIRef('http://purl.org/dc/terms/subject'), inverse=False, kind=ValueKind.CODE, many=True, required=False, recommended=False, target=None, code_list=URIRef('https://w3id.org/muniorg/vocab/theme'), name='themes', description='The themes that group it.', shape=URIRef('https://w3id.org/muniorg/shapes#ThematicNetwork-themes'), order=1),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#ThematicNetwork'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)

@dataclass(kw_only=True, eq=True)
class Value(Node):
    """A value an organisation holds (e.g. trustworthiness, openness).

    Attributes:
        name: The value, one per language. (required)
        definition: What the value means. (optional)
        order: Its place in the list, from 1. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        key='Value',
        rdf_type=URIRef('https://w3id.org/muniorg#Value'),
        extra_types=(URIRef('http://www.w3.org/2004/02/skos/core#Concept'),),
        description='A value an organisation holds (e.g. trustworthiness, openness).',
        fields=(
            Field(key='name', path=URIRef('http://www.w3.org/2004/02/skos/core#prefLabel'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=True, recommended=False, target=None, code_list=None, name='name', description='The value, one per language.', shape=URIRef('https://w3id.org/muniorg/shapes#Value-name'), order=0),
            Field(key='definition', path=URIRef('http://www.w3.org/2004/02/skos/core#definition'), inverse=False, kind=ValueKind.LANG_MAP, many=False, required=False, recommended=False, target=None, code_list=None, name='definition', description='What the value means.', shape=URIRef('https://w3id.org/muniorg/shapes#Value-definition'), order=1),
            Field(key='order', path=URIRef('https://w3id.org/muniorg#position'), inverse=False, kind=ValueKind.INTEGER, many=False, required=False, recommended=False, target=None, code_list=None, name='order', description='Its place in the list, from 1.', shape=URIRef('https://w3id.org/muniorg/shapes#Value-order'), order=2),
        ),
        shape=URIRef('https://w3id.org/muniorg/shapes#Value'),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    definition: LangMap = field(default_factory=dict)
    order: int | None = None

CLASSES: dict[str, type[Node]] = {'Address': Address, 'AdministrativeArea': AdministrativeArea, 'Award': Award, 'AwardScheme': AwardScheme, 'Certification': Certification, 'CoDeterminationBody': CoDeterminationBody, 'Committee': Committee, 'Concept': Concept, 'ConceptScheme': ConceptScheme, 'ContactPoint': ContactPoint, 'CooperationProgramme': CooperationProgramme, 'Council': Council, 'Department': Department, 'Document': Document, 'Foundation': Foundation, 'Identifier': Identifier, 'Initiative': Initiative, 'IntakeRound': IntakeRound, 'KeyFigure': KeyFigure, 'LocalProject': LocalProject, 'Membership': Membership, 'Municipality': Municipality, 'OpeningHours': OpeningHours, 'Organisation': Organisation, 'Period': Period, 'Person': Person, 'Post': Post, 'Principle': Principle, 'Region': Region, 'Site': Site, 'StrategicGoal': StrategicGoal, 'Strategy': Strategy, 'ThematicNetwork': ThematicNetwork, 'Value': Value}

__all__ = ["CLASSES", "Address", "AdministrativeArea", "Award", "AwardScheme", "Certification", "CoDeterminationBody", "Committee", "Concept", "ConceptScheme", "ContactPoint", "CooperationProgramme", "Council", "Department", "Document", "Foundation", "Identifier", "Initiative", "IntakeRound", "KeyFigure", "LocalProject", "Membership", "Municipality", "OpeningHours", "Organisation", "Period", "Person", "Post", "Principle", "Region", "Site", "StrategicGoal", "Strategy", "ThematicNetwork", "Value"]
