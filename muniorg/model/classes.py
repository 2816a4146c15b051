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

from muniorg.core.namespaces import (
    ADMS,
    CV,
    DCAT,
    DCT,
    EU_AUTHORITY,
    FOAF,
    LOCN,
    MUNIORG,
    MUNIORG_VOCAB,
    ORG,
    PROV,
    SCHEMA,
    SKOS,
)
from muniorg.model.node import (
    FACTORY,
    LangListMap,
    LangMap,
    Node,
    Number,
    PartialDate,
    dataclass_methods,
)
from muniorg.model.schema import ClassSpec, Field, ValueKind


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Address",
        LOCN.Address,
        "A postal or visiting address.",
        fields=(
            Field("fullAddress", LOCN.fullAddress, ValueKind.LANG_MAP,
                  description="The whole address as one text, one per language."),
            Field("thoroughfare", LOCN.thoroughfare, ValueKind.LANG_MAP,
                  description="The street name, one per language."),
            Field("locatorDesignator", LOCN.locatorDesignator, ValueKind.STRING,
                  description="The house number."),
            Field("poBox", LOCN.poBox, ValueKind.STRING, description="The post-office box."),
            Field("postCode", LOCN.postCode, ValueKind.STRING, description="The postal code."),
            Field("postName", LOCN.postName, ValueKind.LANG_MAP,
                  description="The post town, one per language."),
            Field("country", MUNIORG.country, ValueKind.CODE, code_list=EU_AUTHORITY.country,
                  description="The country, as an EU country code."),
        ),
    )

    id: str | None = None
    fullAddress: LangMap = field(default_factory=dict)
    thoroughfare: LangMap = field(default_factory=dict)
    locatorDesignator: str | None = None
    poBox: str | None = None
    postCode: str | None = None
    postName: LangMap = field(default_factory=dict)
    country: str | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        fullAddress: LangMap = FACTORY,
        thoroughfare: LangMap = FACTORY,
        locatorDesignator: str | None = None,
        poBox: str | None = None,
        postCode: str | None = None,
        postName: LangMap = FACTORY,
        country: str | None = None,
    ) -> None:
        self.id = id
        self.fullAddress = {} if fullAddress is FACTORY else fullAddress
        self.thoroughfare = {} if thoroughfare is FACTORY else thoroughfare
        self.locatorDesignator = locatorDesignator
        self.poBox = poBox
        self.postCode = postCode
        self.postName = {} if postName is FACTORY else postName
        self.country = country
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "fullAddress", "thoroughfare", "locatorDesignator", "poBox", "postCode", "postName",
        "country",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class AdministrativeArea(Node):
    """The geographic area a municipality governs, and the wider regions it lies in.

    Attributes:
        name: The name of the area. (required)
        description: A description of where the area lies and what it is like. (optional)
        regions: Regions the area lies in. (optional)
        keyFigures: Figures about the area (area in km², ...). (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "AdministrativeArea",
        MUNIORG.MunicipalArea,
        "The geographic area a municipality governs, and the wider regions it lies in.",
        extra_types=(DCT.Location, SCHEMA.AdministrativeArea),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name of the area."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="A description of where the area lies and what it is like."),
            Field("regions", SCHEMA.containedInPlace, ValueKind.NESTED, many=True, target="Region",
                  description="Regions the area lies in."),
            Field("keyFigures", MUNIORG.keyFigure, ValueKind.NESTED, many=True, target="KeyFigure",
                  description="Figures about the area (area in km², ...)."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    keyFigures: list[KeyFigure] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        description: LangMap = FACTORY,
        regions: list[Region] = FACTORY,
        keyFigures: list[KeyFigure] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.description = {} if description is FACTORY else description
        self.regions = [] if regions is FACTORY else regions
        self.keyFigures = [] if keyFigures is FACTORY else keyFigures
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "description", "regions", "keyFigures",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Award",
        MUNIORG.Award,
        "An award given: the year and the recipient.",
        extra_types=(PROV.Activity,),
        fields=(
            Field("year", DCT.date, ValueKind.YEAR, required=True,
                  description="The year it was given."),
            Field("recipient", MUNIORG.recipient, ValueKind.IRI,
                  description="Who received it (a person or unit)."),
            Field("recipientName", MUNIORG.recipientName, ValueKind.STRING,
                  description="Who received it, when they are not described as a person or unit."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="Why it was given."),
        ),
    )

    id: str | None = None
    year: str | None = None
    recipient: str | None = None
    recipientName: str | None = None
    description: LangMap = field(default_factory=dict)

    def __init__(
        self,
        *,
        id: str | None = None,
        year: str | None = None,
        recipient: str | None = None,
        recipientName: str | None = None,
        description: LangMap = FACTORY,
    ) -> None:
        self.id = id
        self.year = year
        self.recipient = recipient
        self.recipientName = recipientName
        self.description = {} if description is FACTORY else description
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "year", "recipient", "recipientName", "description",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "AwardScheme",
        MUNIORG.AwardScheme,
        "An award or prize given out regularly, with its criteria.",
        extra_types=(PROV.Entity,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name of the award."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="What it honours."),
            Field("frequency", DCT.accrualPeriodicity, ValueKind.CODE,
                  code_list=EU_AUTHORITY.frequency,
                  description="How often it is given (ANNUAL ...)."),
            Field("criteria", MUNIORG.criterion, ValueKind.LANG_LIST_MAP,
                  description="What a winner must meet, one item each."),
            Field("awards", MUNIORG.awardGiven, ValueKind.NESTED, many=True, target="Award",
                  description="Awards given under the scheme."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    frequency: str | None = None
    criteria: LangListMap = field(default_factory=dict)
    awards: list[Award] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        description: LangMap = FACTORY,
        frequency: str | None = None,
        criteria: LangListMap = FACTORY,
        awards: list[Award] = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.description = {} if description is FACTORY else description
        self.frequency = frequency
        self.criteria = {} if criteria is FACTORY else criteria
        self.awards = [] if awards is FACTORY else awards
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "description", "frequency", "criteria", "awards", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Certification",
        MUNIORG.Certification,
        "A certification, label or membership an organisation holds (e.g. Fairtrade, "
        "Eco-Lighthouse).",
        extra_types=(PROV.Entity,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name of the certification or label."),
            Field("kind", DCT.type, ValueKind.CODE, required=True,
                  code_list=MUNIORG_VOCAB["certification-kind"],
                  description="Certification, label, network or campaign."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="What it means."),
            Field("issuer", MUNIORG.issuer, ValueKind.STRING, description="Who grants it."),
            Field("homepage", FOAF.homepage, ValueKind.NESTED, target="Document",
                  description="Its web site."),
            Field("period", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="When it was held."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: str | None = None
    description: LangMap = field(default_factory=dict)
    issuer: str | None = None
    homepage: Document | None = None
    period: Period | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        kind: str | None = None,
        description: LangMap = FACTORY,
        issuer: str | None = None,
        homepage: Document | None = None,
        period: Period | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.kind = kind
        self.description = {} if description is FACTORY else description
        self.issuer = issuer
        self.homepage = homepage
        self.period = period
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "kind", "description", "issuer", "homepage", "period", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        contactPoints: Ways to contact the body. (optional)
        postalAddress: The address for letters. (optional)
        visitingAddress: The address for visitors and deliveries. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "CoDeterminationBody",
        MUNIORG.CoDeterminationBody,
        "A body in which management and employee representatives co-operate and co-determine "
        "working conditions (e.g. a Danish MED committee).",
        extra_types=(ORG.OrganizationalUnit,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP,
                  description="Other names and abbreviations."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="A description."),
            Field("kind", ORG.classification, ValueKind.CODE, code_list=MUNIORG_VOCAB["unit-kind"],
                  description="What kind of body it is (co-determination organisation, main "
                              "committee ...)."),
            Field("units", ORG.hasUnit, ValueKind.NESTED, many=True, target="CoDeterminationBody",
                  description="Bodies within this one (e.g. the main committee within the MED "
                              "organisation)."),
            Field("represented", MUNIORG.represents, ValueKind.CODE, many=True,
                  code_list=MUNIORG_VOCAB.stakeholder,
                  description="Who is represented: management, employees, union representatives, "
                              "elected officials."),
            Field("memberships", ORG.organization, ValueKind.NESTED, many=True, inverse=True,
                  target="Membership",
                  description="Who sits in the body."),
            Field("contactPoints", CV.contactPoint, ValueKind.NESTED, many=True,
                  target="ContactPoint",
                  description="Ways to contact the body."),
            Field("postalAddress", MUNIORG.postalAddress, ValueKind.NESTED, target="Address",
                  description="The address for letters."),
            Field("visitingAddress", MUNIORG.visitingAddress, ValueKind.NESTED, target="Address",
                  description="The address for visitors and deliveries."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    kind: str | None = None
    units: list[CoDeterminationBody] = field(default_factory=list)
    represented: list[str] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    contactPoints: list[ContactPoint] = field(default_factory=list)
    postalAddress: Address | None = None
    visitingAddress: Address | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        description: LangMap = FACTORY,
        kind: str | None = None,
        units: list[CoDeterminationBody] = FACTORY,
        represented: list[str] = FACTORY,
        memberships: list[Membership] = FACTORY,
        contactPoints: list[ContactPoint] = FACTORY,
        postalAddress: Address | None = None,
        visitingAddress: Address | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.description = {} if description is FACTORY else description
        self.kind = kind
        self.units = [] if units is FACTORY else units
        self.represented = [] if represented is FACTORY else represented
        self.memberships = [] if memberships is FACTORY else memberships
        self.contactPoints = [] if contactPoints is FACTORY else contactPoints
        self.postalAddress = postalAddress
        self.visitingAddress = visitingAddress
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "description", "kind", "units", "represented", "memberships",
        "contactPoints", "postalAddress", "visitingAddress", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Committee(Node):
    """A standing political committee of a municipal council.

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        description: A description. (optional)
        posts: Posts (chair ...). (optional)
        memberships: Who sits in the committee. (optional)
        contactPoints: Ways to contact the committee. (optional)
        postalAddress: The address for letters. (optional)
        visitingAddress: The address for visitors and deliveries. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Committee",
        MUNIORG.Committee,
        "A standing political committee of a municipal council.",
        extra_types=(ORG.OrganizationalUnit,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP,
                  description="Other names and abbreviations."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="A description."),
            Field("posts", ORG.hasPost, ValueKind.NESTED, many=True, target="Post",
                  description="Posts (chair ...)."),
            Field("memberships", ORG.organization, ValueKind.NESTED, many=True, inverse=True,
                  target="Membership",
                  description="Who sits in the committee."),
            Field("contactPoints", CV.contactPoint, ValueKind.NESTED, many=True,
                  target="ContactPoint",
                  description="Ways to contact the committee."),
            Field("postalAddress", MUNIORG.postalAddress, ValueKind.NESTED, target="Address",
                  description="The address for letters."),
            Field("visitingAddress", MUNIORG.visitingAddress, ValueKind.NESTED, target="Address",
                  description="The address for visitors and deliveries."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    contactPoints: list[ContactPoint] = field(default_factory=list)
    postalAddress: Address | None = None
    visitingAddress: Address | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        description: LangMap = FACTORY,
        posts: list[Post] = FACTORY,
        memberships: list[Membership] = FACTORY,
        contactPoints: list[ContactPoint] = FACTORY,
        postalAddress: Address | None = None,
        visitingAddress: Address | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.description = {} if description is FACTORY else description
        self.posts = [] if posts is FACTORY else posts
        self.memberships = [] if memberships is FACTORY else memberships
        self.contactPoints = [] if contactPoints is FACTORY else contactPoints
        self.postalAddress = postalAddress
        self.visitingAddress = visitingAddress
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "description", "posts", "memberships", "contactPoints",
        "postalAddress", "visitingAddress", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Concept(Node):
    """One code in a controlled list.

    Attributes:
        name: The label, one per language. (required)
        definition: What the code means. (optional)
        notation: A short code. (optional)
        broader: A broader code. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Concept",
        SKOS.Concept,
        "One code in a controlled list.",
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The label, one per language."),
            Field("definition", SKOS.definition, ValueKind.LANG_MAP,
                  description="What the code means."),
            Field("notation", SKOS.notation, ValueKind.STRING, description="A short code."),
            Field("broader", SKOS.broader, ValueKind.IRI, many=True, description="A broader code."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    definition: LangMap = field(default_factory=dict)
    notation: str | None = None
    broader: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        definition: LangMap = FACTORY,
        notation: str | None = None,
        broader: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.definition = {} if definition is FACTORY else definition
        self.notation = notation
        self.broader = [] if broader is FACTORY else broader
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "definition", "notation", "broader",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class ConceptScheme(Node):
    """A controlled list of codes.

    Attributes:
        title: The name of the list. (required)
        description: What the list is for. (optional)
        concepts: The codes in the list. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "ConceptScheme",
        SKOS.ConceptScheme,
        "A controlled list of codes.",
        fields=(
            Field("title", DCT["title"], ValueKind.LANG_MAP, required=True,
                  description="The name of the list."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="What the list is for."),
            Field("concepts", SKOS.inScheme, ValueKind.NESTED, many=True, inverse=True,
                  target="Concept",
                  description="The codes in the list."),
        ),
    )

    id: str | None = None
    title: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    concepts: list[Concept] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        title: LangMap = FACTORY,
        description: LangMap = FACTORY,
        concepts: list[Concept] = FACTORY,
    ) -> None:
        self.id = id
        self.title = {} if title is FACTORY else title
        self.description = {} if description is FACTORY else description
        self.concepts = [] if concepts is FACTORY else concepts
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "title", "description", "concepts",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "ContactPoint",
        CV.ContactPoint,
        "A way to contact the organisation: telephone, e-mail, contact page and opening hours.",
        extra_types=(SCHEMA.ContactPoint,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP,
                  description="A name for the contact point, such as 'Citizen service'."),
            Field("telephone", CV.telephone, ValueKind.STRING, many=True,
                  description="Telephone numbers, with country code where known."),
            Field("email", CV.email, ValueKind.STRING, many=True, description="E-mail addresses."),
            Field("contactPage", CV.contactPage, ValueKind.NESTED, target="Document",
                  description="A web page with contact information."),
            Field("openingHours", SCHEMA.hoursAvailable, ValueKind.NESTED, many=True,
                  target="OpeningHours",
                  description="Regular opening hours."),
            Field("bankAccount", MUNIORG.bankAccount, ValueKind.STRING,
                  description="The account number to pay to."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    telephone: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    contactPage: Document | None = None
    openingHours: list[OpeningHours] = field(default_factory=list)
    bankAccount: str | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        telephone: list[str] = FACTORY,
        email: list[str] = FACTORY,
        contactPage: Document | None = None,
        openingHours: list[OpeningHours] = FACTORY,
        bankAccount: str | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.telephone = [] if telephone is FACTORY else telephone
        self.email = [] if email is FACTORY else email
        self.contactPage = contactPage
        self.openingHours = [] if openingHours is FACTORY else openingHours
        self.bankAccount = bankAccount
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "telephone", "email", "contactPage", "openingHours", "bankAccount",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "CooperationProgramme",
        MUNIORG.CooperationProgramme,
        "A development or cooperation programme that municipalities join with ministries, "
        "associations and unions.",
        extra_types=(ORG.OrganizationalCollaboration,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP, description="Other names."),
            Field("description", DCT.description, ValueKind.LANG_MAP, recommended=True,
                  description="What the programme is for."),
            Field("period", DCT.temporal, ValueKind.NESTED, recommended=True, target="Period",
                  description="When it runs."),
            Field("themes", DCT.subject, ValueKind.CODE, many=True, code_list=MUNIORG_VOCAB.theme,
                  description="Themes it works on."),
            Field("benefits", MUNIORG.benefit, ValueKind.CODE, many=True,
                  code_list=MUNIORG_VOCAB.benefit,
                  description="What it gives participants (funding, expertise, exchange of "
                              "experience)."),
            Field("requirements", MUNIORG.requirement, ValueKind.LANG_LIST_MAP,
                  description="What participants must do, one item each."),
            Field("partners", ORG.hasMember, ValueKind.NESTED, many=True, target="Organisation",
                  description="The organisations behind the programme."),
            Field("intakeRounds", MUNIORG.intakeRound, ValueKind.NESTED, many=True,
                  target="IntakeRound",
                  description="Rounds in which participants were admitted."),
            Field("networks", ORG.hasUnit, ValueKind.NESTED, many=True, target="ThematicNetwork",
                  description="Networks of participants."),
            Field("participants", MUNIORG.programme, ValueKind.NESTED, many=True, inverse=True,
                  target="Membership",
                  description="Participating municipalities, with their intake round and local "
                              "project."),
            Field("keyFigures", MUNIORG.keyFigure, ValueKind.NESTED, many=True, target="KeyFigure",
                  description="Figures such as the number of participants and networks."),
            Field("homepage", FOAF.homepage, ValueKind.NESTED, target="Document",
                  description="The programme's web site."),
            Field("documents", FOAF.page, ValueKind.NESTED, many=True, target="Document",
                  description="Pages about the programme, used as sources."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        description: LangMap = FACTORY,
        period: Period | None = None,
        themes: list[str] = FACTORY,
        benefits: list[str] = FACTORY,
        requirements: LangListMap = FACTORY,
        partners: list[Organisation] = FACTORY,
        intakeRounds: list[IntakeRound] = FACTORY,
        networks: list[ThematicNetwork] = FACTORY,
        participants: list[Membership] = FACTORY,
        keyFigures: list[KeyFigure] = FACTORY,
        homepage: Document | None = None,
        documents: list[Document] = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.description = {} if description is FACTORY else description
        self.period = period
        self.themes = [] if themes is FACTORY else themes
        self.benefits = [] if benefits is FACTORY else benefits
        self.requirements = {} if requirements is FACTORY else requirements
        self.partners = [] if partners is FACTORY else partners
        self.intakeRounds = [] if intakeRounds is FACTORY else intakeRounds
        self.networks = [] if networks is FACTORY else networks
        self.participants = [] if participants is FACTORY else participants
        self.keyFigures = [] if keyFigures is FACTORY else keyFigures
        self.homepage = homepage
        self.documents = [] if documents is FACTORY else documents
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "description", "period", "themes", "benefits", "requirements",
        "partners", "intakeRounds", "networks", "participants", "keyFigures", "homepage",
        "documents", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        contactPoints: Ways to contact the council. (optional)
        postalAddress: The address for letters. (optional)
        visitingAddress: The address for visitors and deliveries. (optional)
        politicalParties: The parties and groups represented in the council; their seats are
            memberships of the council with 'seats'. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Council",
        MUNIORG.Council,
        "The elected assembly that governs a municipality (byråd, kommunalbestyrelse, "
        "kommunfullmäktige, kommunestyre).",
        extra_types=(ORG.OrganizationalUnit,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP,
                  description="Other names and abbreviations."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="A description."),
            Field("seats", MUNIORG.seats, ValueKind.INTEGER, description="The number of seats."),
            Field("committees", ORG.hasUnit, ValueKind.NESTED, many=True, target="Committee",
                  description="Standing committees."),
            Field("posts", ORG.hasPost, ValueKind.NESTED, many=True, target="Post",
                  description="Posts in the council (chair, members ...)."),
            Field("memberships", ORG.organization, ValueKind.NESTED, many=True, inverse=True,
                  target="Membership",
                  description="Who sits in the council."),
            Field("keyFigures", MUNIORG.keyFigure, ValueKind.NESTED, many=True, target="KeyFigure",
                  description="Figures such as the number of committees."),
            Field("contactPoints", CV.contactPoint, ValueKind.NESTED, many=True,
                  target="ContactPoint",
                  description="Ways to contact the council."),
            Field("postalAddress", MUNIORG.postalAddress, ValueKind.NESTED, target="Address",
                  description="The address for letters."),
            Field("visitingAddress", MUNIORG.visitingAddress, ValueKind.NESTED, target="Address",
                  description="The address for visitors and deliveries."),
            Field("politicalParties", ORG.hasMember, ValueKind.NESTED, many=True,
                  target="Organisation",
                  description="The parties and groups represented in the council; their seats "
                              "are memberships of the council with 'seats'."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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
    contactPoints: list[ContactPoint] = field(default_factory=list)
    postalAddress: Address | None = None
    visitingAddress: Address | None = None
    politicalParties: list[Organisation] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        description: LangMap = FACTORY,
        seats: int | None = None,
        committees: list[Committee] = FACTORY,
        posts: list[Post] = FACTORY,
        memberships: list[Membership] = FACTORY,
        keyFigures: list[KeyFigure] = FACTORY,
        contactPoints: list[ContactPoint] = FACTORY,
        postalAddress: Address | None = None,
        visitingAddress: Address | None = None,
        politicalParties: list[Organisation] = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.description = {} if description is FACTORY else description
        self.seats = seats
        self.committees = [] if committees is FACTORY else committees
        self.posts = [] if posts is FACTORY else posts
        self.memberships = [] if memberships is FACTORY else memberships
        self.keyFigures = [] if keyFigures is FACTORY else keyFigures
        self.contactPoints = [] if contactPoints is FACTORY else contactPoints
        self.postalAddress = postalAddress
        self.visitingAddress = visitingAddress
        self.politicalParties = [] if politicalParties is FACTORY else politicalParties
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "description", "seats", "committees", "posts", "memberships",
        "keyFigures", "contactPoints", "postalAddress", "visitingAddress", "politicalParties",
        "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        contactPoints: Ways to contact the department. (optional)
        postalAddress: The address for letters. (optional)
        visitingAddress: The address for visitors and deliveries. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Department",
        MUNIORG.Department,
        "An administrative unit of a municipality: a department, a professional or staff centre, "
        "or an institution.",
        extra_types=(ORG.OrganizationalUnit,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP,
                  description="Other names and abbreviations."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="A description."),
            Field("kind", ORG.classification, ValueKind.CODE, recommended=True,
                  code_list=MUNIORG_VOCAB["unit-kind"],
                  description="What kind of unit it is (department, staff centre, institution "
                              "...)."),
            Field("serviceAreas", MUNIORG.serviceArea, ValueKind.CODE, many=True,
                  code_list=MUNIORG_VOCAB["service-area"],
                  description="The areas of service the unit provides."),
            Field("units", ORG.hasUnit, ValueKind.NESTED, many=True, target="Department",
                  description="Sub-units."),
            Field("posts", ORG.hasPost, ValueKind.NESTED, many=True, target="Post",
                  description="Posts (head of department ...)."),
            Field("keyFigures", MUNIORG.keyFigure, ValueKind.NESTED, many=True, target="KeyFigure",
                  description="Figures about the unit."),
            Field("contactPoints", CV.contactPoint, ValueKind.NESTED, many=True,
                  target="ContactPoint",
                  description="Ways to contact the department."),
            Field("postalAddress", MUNIORG.postalAddress, ValueKind.NESTED, target="Address",
                  description="The address for letters."),
            Field("visitingAddress", MUNIORG.visitingAddress, ValueKind.NESTED, target="Address",
                  description="The address for visitors and deliveries."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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
    contactPoints: list[ContactPoint] = field(default_factory=list)
    postalAddress: Address | None = None
    visitingAddress: Address | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        description: LangMap = FACTORY,
        kind: str | None = None,
        serviceAreas: list[str] = FACTORY,
        units: list[Department] = FACTORY,
        posts: list[Post] = FACTORY,
        keyFigures: list[KeyFigure] = FACTORY,
        contactPoints: list[ContactPoint] = FACTORY,
        postalAddress: Address | None = None,
        visitingAddress: Address | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.description = {} if description is FACTORY else description
        self.kind = kind
        self.serviceAreas = [] if serviceAreas is FACTORY else serviceAreas
        self.units = [] if units is FACTORY else units
        self.posts = [] if posts is FACTORY else posts
        self.keyFigures = [] if keyFigures is FACTORY else keyFigures
        self.contactPoints = [] if contactPoints is FACTORY else contactPoints
        self.postalAddress = postalAddress
        self.visitingAddress = visitingAddress
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "description", "kind", "serviceAreas", "units", "posts",
        "keyFigures", "contactPoints", "postalAddress", "visitingAddress", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Document",
        FOAF.Document,
        "A web page or document: a homepage, the page a fact was taken from, or a registry "
        "extract.",
        fields=(
            Field("title", DCT["title"], ValueKind.LANG_MAP, recommended=True,
                  description="The title of the document."),
            Field("url", SCHEMA.url, ValueKind.URI,
                  description="Where the document can be read, if it is not the IRI itself."),
            Field("creators", DCT.creator, ValueKind.REFERENCE, many=True, target="Person",
                  description="Authors."),
            Field("publisher", DCT.publisher, ValueKind.IRI,
                  description="The organisation that published the document."),
            Field("issued", DCT.issued, ValueKind.DATETIME,
                  description="When the document was published."),
            Field("modified", DCT.modified, ValueKind.DATETIME,
                  description="When the document was last changed."),
            Field("language", DCT.language, ValueKind.CODE, many=True,
                  code_list=EU_AUTHORITY.language,
                  description="Languages of the document, as EU language codes (DAN, SWE, NNO "
                              "...)."),
            Field("contributors", DCT.contributor, ValueKind.NESTED, many=True,
                  target="Organisation",
                  description="Organisations that helped make the document or site, such as the "
                              "agency that developed a web site."),
        ),
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

    def __init__(
        self,
        *,
        id: str | None = None,
        title: LangMap = FACTORY,
        url: str | None = None,
        creators: list[str] = FACTORY,
        publisher: str | None = None,
        issued: datetime.datetime | datetime.date | None = None,
        modified: datetime.datetime | datetime.date | None = None,
        language: list[str] = FACTORY,
        contributors: list[Organisation] = FACTORY,
    ) -> None:
        self.id = id
        self.title = {} if title is FACTORY else title
        self.url = url
        self.creators = [] if creators is FACTORY else creators
        self.publisher = publisher
        self.issued = issued
        self.modified = modified
        self.language = [] if language is FACTORY else language
        self.contributors = [] if contributors is FACTORY else contributors
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "title", "url", "creators", "publisher", "issued", "modified", "language",
        "contributors",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Foundation",
        MUNIORG.Foundation,
        "A set of values, principles or mutual expectations an organisation has adopted (value "
        "foundation, leadership foundation, employee foundation).",
        extra_types=(SKOS.ConceptScheme,),
        fields=(
            Field("name", DCT["title"], ValueKind.LANG_MAP, required=True,
                  description="The name, such as 'Ledelsesgrundlag'."),
            Field("kind", DCT.type, ValueKind.CODE, required=True,
                  code_list=MUNIORG_VOCAB["foundation-kind"],
                  description="Value, leadership or employee foundation."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="What the foundation says and why it exists."),
            Field("purposes", MUNIORG.purpose, ValueKind.LANG_LIST_MAP,
                  description="What the foundation is used for, one item each."),
            Field("values", SKOS.hasTopConcept, ValueKind.NESTED, many=True, target="Value",
                  description="The values it names."),
            Field("principles", MUNIORG.principle, ValueKind.NESTED, many=True, target="Principle",
                  description="Its principles or mutual expectations."),
            Field("authors", DCT.creator, ValueKind.IRI, many=True,
                  description="Who wrote it (units, bodies, people)."),
            Field("issued", DCT.issued, ValueKind.PARTIAL_DATE, description="When it was adopted."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        kind: str | None = None,
        description: LangMap = FACTORY,
        purposes: LangListMap = FACTORY,
        values: list[Value] = FACTORY,
        principles: list[Principle] = FACTORY,
        authors: list[str] = FACTORY,
        issued: PartialDate | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.kind = kind
        self.description = {} if description is FACTORY else description
        self.purposes = {} if purposes is FACTORY else purposes
        self.values = [] if values is FACTORY else values
        self.principles = [] if principles is FACTORY else principles
        self.authors = [] if authors is FACTORY else authors
        self.issued = issued
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "kind", "description", "purposes", "values", "principles", "authors",
        "issued", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Identifier",
        ADMS.Identifier,
        "An identifier issued under a named scheme (municipality number, organisation number "
        "...), with the period in which it was valid.",
        fields=(
            Field("notation", SKOS.notation, ValueKind.STRING, required=True,
                  description="The identifier itself, as written by the issuer (digits only for "
                              "numbers)."),
            Field("scheme", DCT.conformsTo, ValueKind.CODE, required=True,
                  code_list=MUNIORG_VOCAB["identifier-scheme"],
                  description="The scheme the identifier belongs to."),
            Field("schemeAgency", ADMS.schemeAgency, ValueKind.STRING,
                  description="The name of the agency that issues identifiers in this scheme."),
            Field("issued", DCT.issued, ValueKind.DATE,
                  description="When the identifier was issued."),
            Field("validDuring", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="The period in which the identifier was valid; no end means it "
                              "still is."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    notation: str | None = None
    scheme: str | None = None
    schemeAgency: str | None = None
    issued: datetime.date | None = None
    validDuring: Period | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        notation: str | None = None,
        scheme: str | None = None,
        schemeAgency: str | None = None,
        issued: datetime.date | None = None,
        validDuring: Period | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.notation = notation
        self.scheme = scheme
        self.schemeAgency = schemeAgency
        self.issued = issued
        self.validDuring = validDuring
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "notation", "scheme", "schemeAgency", "issued", "validDuring", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Indicator(Node):
    """What is measured to follow a goal (sick days per employee, share of cyclists ...), with its
    targets.

    Attributes:
        name: The name, one per language. (required)
        description: How it is measured. (optional)
        measure: What is measured, when the list 'measure' has it (sick days, employees ...).
            (optional)
        unit: The unit of its values and targets, if not a count (days per year, per cent ...).
            (optional)
        targets: The values aimed at, each with the date by which. (recommended)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Indicator",
        MUNIORG.Indicator,
        "What is measured to follow a goal (sick days per employee, share of cyclists ...), with "
        "its targets.",
        extra_types=(SKOS.Concept,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="How it is measured."),
            Field("measure", DCT.type, ValueKind.CODE, code_list=MUNIORG_VOCAB.measure,
                  description="What is measured, when the list 'measure' has it (sick days, "
                              "employees ...)."),
            Field("unit", MUNIORG.unit, ValueKind.STRING,
                  description="The unit of its values and targets, if not a count (days per "
                              "year, per cent ...)."),
            Field("targets", MUNIORG.target, ValueKind.NESTED, many=True, recommended=True,
                  target="Target",
                  description="The values aimed at, each with the date by which."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    measure: str | None = None
    unit: str | None = None
    targets: list[Target] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        description: LangMap = FACTORY,
        measure: str | None = None,
        unit: str | None = None,
        targets: list[Target] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.description = {} if description is FACTORY else description
        self.measure = measure
        self.unit = unit
        self.targets = [] if targets is FACTORY else targets
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "description", "measure", "unit", "targets",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Initiative",
        MUNIORG.Initiative,
        "An initiative, campaign or programme run or joined by an organisation, with its measured "
        "outcomes.",
        extra_types=(PROV.Activity,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name."),
            Field("kind", DCT.type, ValueKind.CODE, required=True,
                  code_list=MUNIORG_VOCAB["initiative-kind"],
                  description="Initiative, campaign, event, network, training programme ..."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="What it is."),
            Field("themes", DCT.subject, ValueKind.CODE, many=True, code_list=MUNIORG_VOCAB.theme,
                  description="Themes it works on."),
            Field("period", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="When it runs."),
            Field("outcomes", MUNIORG.outcome, ValueKind.NESTED, many=True, target="KeyFigure",
                  description="Measured outcomes."),
            Field("homepage", FOAF.homepage, ValueKind.NESTED, target="Document",
                  description="Its web site."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        kind: str | None = None,
        description: LangMap = FACTORY,
        themes: list[str] = FACTORY,
        period: Period | None = None,
        outcomes: list[KeyFigure] = FACTORY,
        homepage: Document | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.kind = kind
        self.description = {} if description is FACTORY else description
        self.themes = [] if themes is FACTORY else themes
        self.period = period
        self.outcomes = [] if outcomes is FACTORY else outcomes
        self.homepage = homepage
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "kind", "description", "themes", "period", "outcomes", "homepage", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class IntakeRound(Node):
    """A round in which participants were admitted to a programme.

    Attributes:
        name: The name, such as 'autumn 2012'. (required)
        period: When it took place. (optional)
        admitted: How many participants were admitted. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "IntakeRound",
        MUNIORG.IntakeRound,
        "A round in which participants were admitted to a programme.",
        extra_types=(PROV.Activity,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, such as 'autumn 2012'."),
            Field("period", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="When it took place."),
            Field("admitted", MUNIORG.admittedCount, ValueKind.INTEGER,
                  description="How many participants were admitted."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    period: Period | None = None
    admitted: int | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        period: Period | None = None,
        admitted: int | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.period = period
        self.admitted = admitted
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "period", "admitted",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class KeyFigure(Node):
    """A measured or stated quantity (population, employees, seats ...) with its unit, date and how
    exact it is.

    Attributes:
        measure: What is measured (population, employees, council seats ...). (required)
        value: The number: a whole number when it counts (population, employees, seats ...) and
            has no unit; write 30000, not 30.000, as a dot is a decimal point.
            (required)
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
        "KeyFigure",
        MUNIORG.KeyFigure,
        "A measured or stated quantity (population, employees, seats ...) with its unit, date and "
        "how exact it is.",
        extra_types=(SCHEMA.QuantitativeValue,),
        fields=(
            Field("measure", DCT.type, ValueKind.CODE, required=True,
                  code_list=MUNIORG_VOCAB.measure,
                  description="What is measured (population, employees, council seats ...)."),
            Field("value", SCHEMA.value, ValueKind.NUMBER, required=True,
                  description="The number: a whole number when it counts (population, employees, "
                              "seats ...) and has no unit; write 30000, not 30.000, as a dot is "
                              "a decimal point."),
            Field("qualifier", MUNIORG.qualifier, ValueKind.CODE, recommended=True,
                  code_list=MUNIORG_VOCAB.qualifier,
                  description="How exact the number is: exact, approximate, at least, more than "
                              "..."),
            Field("unit", SCHEMA.unitText, ValueKind.STRING,
                  description="The unit, if not a count (km², days per year ...)."),
            Field("date", DCT.date, ValueKind.PARTIAL_DATE, description="When the figure applied."),
            Field("period", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="The period the figure covers or compares, when it is not a single "
                              "date (e.g. the five years over which sick days fell)."),
            Field("label", SKOS.prefLabel, ValueKind.LANG_MAP,
                  description="The figure as the source words it, such as 'ca. 30.000'."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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

    def __init__(
        self,
        *,
        id: str | None = None,
        measure: str | None = None,
        value: Number | None = None,
        qualifier: str | None = None,
        unit: str | None = None,
        date: PartialDate | None = None,
        period: Period | None = None,
        label: LangMap = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.measure = measure
        self.value = value
        self.qualifier = qualifier
        self.unit = unit
        self.date = date
        self.period = period
        self.label = {} if label is FACTORY else label
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "measure", "value", "qualifier", "unit", "date", "period", "label", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class LocalProject(Node):
    """The project a participant carries out locally as part of a programme.

    Attributes:
        name: The name of the project. (required)
        description: What the project does. (optional)
        themes: Themes it works on. (optional)
        period: When it runs. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "LocalProject",
        MUNIORG.LocalProject,
        "The project a participant carries out locally as part of a programme.",
        extra_types=(PROV.Activity,),
        fields=(
            Field("name", DCT["title"], ValueKind.LANG_MAP, required=True,
                  description="The name of the project."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="What the project does."),
            Field("themes", DCT.subject, ValueKind.CODE, many=True, code_list=MUNIORG_VOCAB.theme,
                  description="Themes it works on."),
            Field("period", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="When it runs."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)
    period: Period | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        description: LangMap = FACTORY,
        themes: list[str] = FACTORY,
        period: Period | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.description = {} if description is FACTORY else description
        self.themes = [] if themes is FACTORY else themes
        self.period = period
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "description", "themes", "period",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Membership(Node):
    """The membership of a person or organisation in an organisation, with the role played and the
    period.

    Attributes:
        member: The person or organisation that is a member. (required)
        role: The role the member plays. (recommended)
        period: When the membership held. (optional)
        intakeRound: The intake round in which the member joined a programme. (optional)
        localProject: The member's own project within a programme. (optional)
        party: The party or group on whose behalf the member sits. (optional)
        seats: The number of seats the member holds: a party's or group's share of the council's
            seats. (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Membership",
        ORG.Membership,
        "The membership of a person or organisation in an organisation, with the role played and "
        "the period.",
        fields=(
            Field("member", ORG.member, ValueKind.IRI, required=True,
                  description="The person or organisation that is a member."),
            Field("role", ORG.role, ValueKind.CODE, recommended=True, code_list=MUNIORG_VOCAB.role,
                  description="The role the member plays."),
            Field("period", ORG.memberDuring, ValueKind.NESTED, target="Period",
                  description="When the membership held."),
            Field("intakeRound", MUNIORG.admittedIn, ValueKind.REFERENCE, target="IntakeRound",
                  description="The intake round in which the member joined a programme."),
            Field("localProject", MUNIORG.localProject, ValueKind.NESTED, target="LocalProject",
                  description="The member's own project within a programme."),
            Field("party", MUNIORG.onBehalfOf, ValueKind.REFERENCE, target="Organisation",
                  description="The party or group on whose behalf the member sits."),
            Field("seats", MUNIORG.seats, ValueKind.INTEGER,
                  description="The number of seats the member holds: a party's or group's share "
                              "of the council's seats."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    member: str | None = None
    role: str | None = None
    period: Period | None = None
    intakeRound: str | None = None
    localProject: LocalProject | None = None
    party: str | None = None
    seats: int | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        member: str | None = None,
        role: str | None = None,
        period: Period | None = None,
        intakeRound: str | None = None,
        localProject: LocalProject | None = None,
        party: str | None = None,
        seats: int | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.member = member
        self.role = role
        self.period = period
        self.intakeRound = intakeRound
        self.localProject = localProject
        self.party = party
        self.seats = seats
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "member", "role", "period", "intakeRound", "localProject", "party", "seats", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        sameAs: The same thing described elsewhere: its Wikidata item, its entry in a national
            registry ... (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Municipality",
        MUNIORG.Municipality,
        "A municipality: the local public authority that governs a municipal area, with its "
        "political and administrative organisation.",
        extra_types=(CV.PublicOrganisation, SCHEMA.GovernmentOrganization),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The official name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP,
                  description="Other names, such as a short name or an older spelling."),
            Field("description", DCT.description, ValueKind.LANG_MAP, recommended=True,
                  description="A short description, one per language."),
            Field("country", MUNIORG.country, ValueKind.CODE, required=True,
                  code_list=EU_AUTHORITY.country,
                  description="The country, as an EU country code (DNK, SWE, NOR, FIN, ISL)."),
            Field("identifiers", ADMS.identifier, ValueKind.NESTED, many=True, recommended=True,
                  target="Identifier",
                  description="Official identifiers: municipality number, organisation number, "
                              "..."),
            Field("homepage", FOAF.homepage, ValueKind.NESTED, recommended=True, target="Document",
                  description="The official web site."),
            Field("area", DCT.spatial, ValueKind.NESTED, recommended=True,
                  target="AdministrativeArea",
                  description="The area the municipality governs."),
            Field("motto", SCHEMA.slogan, ValueKind.LANG_MAP,
                  description="A motto or slogan, one per language."),
            Field("historyNotes", SKOS.historyNote, ValueKind.LANG_LIST_MAP,
                  description="Notes on the history of the municipality."),
            Field("contactPoints", CV.contactPoint, ValueKind.NESTED, many=True, recommended=True,
                  target="ContactPoint",
                  description="Ways to contact the municipality."),
            Field("postalAddress", MUNIORG.postalAddress, ValueKind.NESTED, target="Address",
                  description="The address for letters."),
            Field("visitingAddress", MUNIORG.visitingAddress, ValueKind.NESTED, target="Address",
                  description="The address for visitors and deliveries."),
            Field("sites", ORG.hasSite, ValueKind.NESTED, many=True, target="Site",
                  description="Buildings and places, such as the town hall."),
            Field("keyFigures", MUNIORG.keyFigure, ValueKind.NESTED, many=True, target="KeyFigure",
                  description="Figures such as population and number of employees."),
            Field("council", MUNIORG.council, ValueKind.NESTED, recommended=True, target="Council",
                  description="The elected council."),
            Field("departments", ORG.hasUnit, ValueKind.NESTED, many=True, target="Department",
                  description="Administrative departments, centres and institutions."),
            Field("coDeterminationBodies", MUNIORG.coDeterminationBody, ValueKind.NESTED, many=True,
                  target="CoDeterminationBody",
                  description="Co-determination bodies (e.g. the MED organisation)."),
            Field("posts", ORG.hasPost, ValueKind.NESTED, many=True, target="Post",
                  description="Posts at the level of the whole municipality (mayor, municipal "
                              "director ...)."),
            Field("people", ORG.memberOf, ValueKind.NESTED, many=True, inverse=True,
                  target="Person",
                  description="People named in the description (they are members of the "
                              "organisation)."),
            Field("foundations", MUNIORG.foundation, ValueKind.NESTED, many=True,
                  target="Foundation",
                  description="Value, leadership and employee foundations."),
            Field("strategies", MUNIORG.strategy, ValueKind.NESTED, many=True, target="Strategy",
                  description="Visions, strategies and strategy plans."),
            Field("awardSchemes", MUNIORG.awardScheme, ValueKind.NESTED, many=True,
                  target="AwardScheme",
                  description="Awards the municipality gives."),
            Field("initiatives", MUNIORG.initiative, ValueKind.NESTED, many=True,
                  target="Initiative",
                  description="Initiatives and campaigns the municipality runs or joins."),
            Field("certifications", MUNIORG.certification, ValueKind.NESTED, many=True,
                  target="Certification",
                  description="Certifications, labels and memberships."),
            Field("serviceAreas", MUNIORG.serviceArea, ValueKind.CODE, many=True,
                  code_list=MUNIORG_VOCAB["service-area"],
                  description="The areas of service the municipality provides."),
            Field("documents", FOAF.page, ValueKind.NESTED, many=True, target="Document",
                  description="Pages and documents about the municipality, used as sources."),
            Field("sameAs", SCHEMA.sameAs, ValueKind.IRI, many=True,
                  description="The same thing described elsewhere: its Wikidata item, its entry "
                              "in a national registry ..."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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
    sameAs: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        description: LangMap = FACTORY,
        country: str | None = None,
        identifiers: list[Identifier] = FACTORY,
        homepage: Document | None = None,
        area: AdministrativeArea | None = None,
        motto: LangMap = FACTORY,
        historyNotes: LangListMap = FACTORY,
        contactPoints: list[ContactPoint] = FACTORY,
        postalAddress: Address | None = None,
        visitingAddress: Address | None = None,
        sites: list[Site] = FACTORY,
        keyFigures: list[KeyFigure] = FACTORY,
        council: Council | None = None,
        departments: list[Department] = FACTORY,
        coDeterminationBodies: list[CoDeterminationBody] = FACTORY,
        posts: list[Post] = FACTORY,
        people: list[Person] = FACTORY,
        foundations: list[Foundation] = FACTORY,
        strategies: list[Strategy] = FACTORY,
        awardSchemes: list[AwardScheme] = FACTORY,
        initiatives: list[Initiative] = FACTORY,
        certifications: list[Certification] = FACTORY,
        serviceAreas: list[str] = FACTORY,
        documents: list[Document] = FACTORY,
        sameAs: list[str] = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.description = {} if description is FACTORY else description
        self.country = country
        self.identifiers = [] if identifiers is FACTORY else identifiers
        self.homepage = homepage
        self.area = area
        self.motto = {} if motto is FACTORY else motto
        self.historyNotes = {} if historyNotes is FACTORY else historyNotes
        self.contactPoints = [] if contactPoints is FACTORY else contactPoints
        self.postalAddress = postalAddress
        self.visitingAddress = visitingAddress
        self.sites = [] if sites is FACTORY else sites
        self.keyFigures = [] if keyFigures is FACTORY else keyFigures
        self.council = council
        self.departments = [] if departments is FACTORY else departments
        self.coDeterminationBodies = (
            [] if coDeterminationBodies is FACTORY else coDeterminationBodies
        )
        self.posts = [] if posts is FACTORY else posts
        self.people = [] if people is FACTORY else people
        self.foundations = [] if foundations is FACTORY else foundations
        self.strategies = [] if strategies is FACTORY else strategies
        self.awardSchemes = [] if awardSchemes is FACTORY else awardSchemes
        self.initiatives = [] if initiatives is FACTORY else initiatives
        self.certifications = [] if certifications is FACTORY else certifications
        self.serviceAreas = [] if serviceAreas is FACTORY else serviceAreas
        self.documents = [] if documents is FACTORY else documents
        self.sameAs = [] if sameAs is FACTORY else sameAs
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "description", "country", "identifiers", "homepage", "area",
        "motto", "historyNotes", "contactPoints", "postalAddress", "visitingAddress", "sites",
        "keyFigures", "council", "departments", "coDeterminationBodies", "posts", "people",
        "foundations", "strategies", "awardSchemes", "initiatives", "certifications",
        "serviceAreas", "documents", "sameAs", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class OpeningHours(Node):
    """Regular opening hours: days of the week and opening and closing times.

    Attributes:
        days: The days (Monday ... Sunday). (required)
        opens: Opening time (hh:mm:ss). (required)
        closes: Closing time (hh:mm:ss). (required)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "OpeningHours",
        SCHEMA.OpeningHoursSpecification,
        "Regular opening hours: days of the week and opening and closing times.",
        fields=(
            Field("days", SCHEMA.dayOfWeek, ValueKind.CODE, many=True, required=True,
                  code_list=URIRef("http://schema.org"),
                  description="The days (Monday ... Sunday)."),
            Field("opens", SCHEMA.opens, ValueKind.TIME, required=True,
                  description="Opening time (hh:mm:ss)."),
            Field("closes", SCHEMA.closes, ValueKind.TIME, required=True,
                  description="Closing time (hh:mm:ss)."),
        ),
    )

    id: str | None = None
    days: list[str] = field(default_factory=list)
    opens: datetime.time | None = None
    closes: datetime.time | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        days: list[str] = FACTORY,
        opens: datetime.time | None = None,
        closes: datetime.time | None = None,
    ) -> None:
        self.id = id
        self.days = [] if days is FACTORY else days
        self.opens = opens
        self.closes = closes
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "days", "opens", "closes",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Organisation(Node):
    """Another organisation: a ministry, an association of municipalities, a trade union ...

    Attributes:
        name: The name, one per language. (required)
        altName: Other names and abbreviations. (optional)
        kind: What kind of organisation (ministry, trade union ...). (recommended)
        homepage: The web site. (optional)
        country: The country. (optional)
        identifiers: Identifiers such as organisation numbers. (optional)
        sameAs: The same thing described elsewhere: its Wikidata item, its entry in a national
            registry ... (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Organisation",
        ORG.FormalOrganization,
        "Another organisation: a ministry, an association of municipalities, a trade union ...",
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name, one per language."),
            Field("altName", SKOS.altLabel, ValueKind.LANG_LIST_MAP,
                  description="Other names and abbreviations."),
            Field("kind", ORG.classification, ValueKind.CODE, recommended=True,
                  code_list=MUNIORG_VOCAB["organisation-kind"],
                  description="What kind of organisation (ministry, trade union ...)."),
            Field("homepage", FOAF.homepage, ValueKind.NESTED, target="Document",
                  description="The web site."),
            Field("country", MUNIORG.country, ValueKind.CODE, code_list=EU_AUTHORITY.country,
                  description="The country."),
            Field("identifiers", ADMS.identifier, ValueKind.NESTED, many=True, target="Identifier",
                  description="Identifiers such as organisation numbers."),
            Field("sameAs", SCHEMA.sameAs, ValueKind.IRI, many=True,
                  description="The same thing described elsewhere: its Wikidata item, its entry "
                              "in a national registry ..."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    altName: LangListMap = field(default_factory=dict)
    kind: str | None = None
    homepage: Document | None = None
    country: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    sameAs: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        altName: LangListMap = FACTORY,
        kind: str | None = None,
        homepage: Document | None = None,
        country: str | None = None,
        identifiers: list[Identifier] = FACTORY,
        sameAs: list[str] = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.altName = {} if altName is FACTORY else altName
        self.kind = kind
        self.homepage = homepage
        self.country = country
        self.identifiers = [] if identifiers is FACTORY else identifiers
        self.sameAs = [] if sameAs is FACTORY else sameAs
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "altName", "kind", "homepage", "country", "identifiers", "sameAs", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Period(Node):
    """A period of time with a start and/or an end, given as a year, a month or a day.

    Attributes:
        name: A name for the period, such as 'autumn 2012'. (optional)
        start: The first day, month or year of the period. (optional)
        end: The last day, month or year of the period. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Period",
        DCT.PeriodOfTime,
        "A period of time with a start and/or an end, given as a year, a month or a day.",
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP,
                  description="A name for the period, such as 'autumn 2012'."),
            Field("start", DCAT.startDate, ValueKind.PARTIAL_DATE,
                  description="The first day, month or year of the period."),
            Field("end", DCAT.endDate, ValueKind.PARTIAL_DATE,
                  description="The last day, month or year of the period."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    start: PartialDate | None = None
    end: PartialDate | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.start = start
        self.end = end
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "start", "end",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        "Person",
        FOAF.Person,
        "A person named in the data.",
        extra_types=(SCHEMA.Person,),
        fields=(
            Field("name", FOAF.name, ValueKind.STRING, required=True, description="The full name."),
            Field("givenName", FOAF.givenName, ValueKind.STRING, description="The given name."),
            Field("familyName", FOAF.familyName, ValueKind.STRING, description="The family name."),
            Field("email", SCHEMA.email, ValueKind.STRING, many=True,
                  description="Work e-mail addresses."),
            Field("telephone", SCHEMA.telephone, ValueKind.STRING, many=True,
                  description="Work telephone numbers."),
            Field("public", MUNIORG.public, ValueKind.BOOLEAN,
                  description="Whether the person's name may be published (default true); "
                              "contact details are only published when asked for."),
        ),
    )

    id: str | None = None
    name: str | None = None
    givenName: str | None = None
    familyName: str | None = None
    email: list[str] = field(default_factory=list)
    telephone: list[str] = field(default_factory=list)
    public: bool | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: str | None = None,
        givenName: str | None = None,
        familyName: str | None = None,
        email: list[str] = FACTORY,
        telephone: list[str] = FACTORY,
        public: bool | None = None,
    ) -> None:
        self.id = id
        self.name = name
        self.givenName = givenName
        self.familyName = familyName
        self.email = [] if email is FACTORY else email
        self.telephone = [] if telephone is FACTORY else telephone
        self.public = public
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "givenName", "familyName", "email", "telephone", "public",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        term: The term of office of those who hold the post (an electoral term, an appointment).
            (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Post",
        ORG.Post,
        "A position in an organisation that exists independently of who holds it (mayor, "
        "municipal director ...); may stand for several like posts.",
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, recommended=True,
                  description="The title of the post as the organisation writes it."),
            Field("role", ORG.role, ValueKind.CODE, many=True, required=True,
                  code_list=MUNIORG_VOCAB.role,
                  description="The roles the post plays (mayor, municipal director ...); several "
                              "when one post stands for like posts of different roles."),
            Field("heldBy", ORG.heldBy, ValueKind.REFERENCE, many=True, target="Person",
                  description="Who holds the post."),
            Field("count", MUNIORG.postCount, ValueKind.INTEGER,
                  description="How many posts of this kind there are, when one post stands for "
                              "several (e.g. 35 institution leaders)."),
            Field("term", MUNIORG.termOfOffice, ValueKind.NESTED, target="Period",
                  description="The term of office of those who hold the post (an electoral term, "
                              "an appointment)."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    role: list[str] = field(default_factory=list)
    heldBy: list[str] = field(default_factory=list)
    count: int | None = None
    term: Period | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        role: list[str] = FACTORY,
        heldBy: list[str] = FACTORY,
        count: int | None = None,
        term: Period | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.role = [] if role is FACTORY else role
        self.heldBy = [] if heldBy is FACTORY else heldBy
        self.count = count
        self.term = term
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "role", "heldBy", "count", "term", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Principle(Node):
    """A principle or mutual expectation within a foundation, with the reason for it.

    Attributes:
        name: The principle or expectation, one per language. (required)
        reason: Why it matters, as the foundation words it. (optional)
        definition: A longer explanation. (optional)
        order: Its place in the list, from 1. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Principle",
        MUNIORG.Principle,
        "A principle or mutual expectation within a foundation, with the reason for it.",
        extra_types=(SKOS.Concept,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The principle or expectation, one per language."),
            Field("reason", MUNIORG.reason, ValueKind.LANG_MAP,
                  description="Why it matters, as the foundation words it."),
            Field("definition", SKOS.definition, ValueKind.LANG_MAP,
                  description="A longer explanation."),
            Field("order", MUNIORG.position, ValueKind.INTEGER,
                  description="Its place in the list, from 1."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    reason: LangMap = field(default_factory=dict)
    definition: LangMap = field(default_factory=dict)
    order: int | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        reason: LangMap = FACTORY,
        definition: LangMap = FACTORY,
        order: int | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.reason = {} if reason is FACTORY else reason
        self.definition = {} if definition is FACTORY else definition
        self.order = order
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "reason", "definition", "order",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Region(Node):
    """A named region: a county, a landscape or an informal area such as a capital region.

    Attributes:
        name: The name of the region. (required)
        kind: What kind of region it is (county, landscape, informal region). (optional)
        code: An official code of the region, if any. (optional)
        sameAs: The same thing described elsewhere: its Wikidata item, its entry in a national
            registry ... (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Region",
        SCHEMA.AdministrativeArea,
        "A named region: a county, a landscape or an informal area such as a capital region.",
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name of the region."),
            Field("kind", DCT.type, ValueKind.CODE, code_list=MUNIORG_VOCAB["region-kind"],
                  description="What kind of region it is (county, landscape, informal region)."),
            Field("code", SKOS.notation, ValueKind.STRING,
                  description="An official code of the region, if any."),
            Field("sameAs", SCHEMA.sameAs, ValueKind.IRI, many=True,
                  description="The same thing described elsewhere: its Wikidata item, its entry "
                              "in a national registry ..."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    kind: str | None = None
    code: str | None = None
    sameAs: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        kind: str | None = None,
        code: str | None = None,
        sameAs: list[str] = FACTORY,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.kind = kind
        self.code = code
        self.sameAs = [] if sameAs is FACTORY else sameAs
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "kind", "code", "sameAs", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Site(Node):
    """A building or place where the organisation is located, such as a town hall.

    Attributes:
        name: The name of the site, such as the town hall. (required)
        description: A description of the site. (optional)
        address: The address of the site. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Site",
        ORG.Site,
        "A building or place where the organisation is located, such as a town hall.",
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name of the site, such as the town hall."),
            Field("description", DCT.description, ValueKind.LANG_MAP,
                  description="A description of the site."),
            Field("address", LOCN.address, ValueKind.NESTED, target="Address",
                  description="The address of the site."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    address: Address | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        description: LangMap = FACTORY,
        address: Address | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.description = {} if description is FACTORY else description
        self.address = address
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "description", "address",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class StrategicGoal(Node):
    """A goal or guidepost within a strategy.

    Attributes:
        name: The goal, one per language. (required)
        description: What it means. (optional)
        committee: The committee responsible. (optional)
        sdgs: UN Sustainable Development Goals it contributes to. (optional)
        indicators: How progress toward the goal is measured, with targets. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "StrategicGoal",
        MUNIORG.StrategicGoal,
        "A goal or guidepost within a strategy.",
        extra_types=(SKOS.Concept,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The goal, one per language."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="What it means."),
            Field("committee", MUNIORG.organisedBy, ValueKind.REFERENCE, target="Committee",
                  description="The committee responsible."),
            Field("sdgs", MUNIORG.sdg, ValueKind.CODE, many=True,
                  code_list=URIRef("http://metadata.un.org/sdg"), name="SDGs",
                  description="UN Sustainable Development Goals it contributes to."),
            Field("indicators", MUNIORG.indicator, ValueKind.NESTED, many=True, target="Indicator",
                  description="How progress toward the goal is measured, with targets."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    committee: str | None = None
    sdgs: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        description: LangMap = FACTORY,
        committee: str | None = None,
        sdgs: list[str] = FACTORY,
        indicators: list[Indicator] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.description = {} if description is FACTORY else description
        self.committee = committee
        self.sdgs = [] if sdgs is FACTORY else sdgs
        self.indicators = [] if indicators is FACTORY else indicators
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "description", "committee", "sdgs", "indicators",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
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
        adopted: When it was adopted. (optional)
        adoptedBy: The body that adopted it: the council, a committee, a co-determination body.
            (optional)
        source: The document this description was taken from. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Strategy",
        MUNIORG.Strategy,
        "A vision, strategy, plan strategy or strategy plan, with its period, goals and links to "
        "the UN Sustainable Development Goals.",
        extra_types=(PROV.Plan,),
        fields=(
            Field("name", DCT["title"], ValueKind.LANG_MAP, required=True,
                  description="The title, one per language."),
            Field("kind", DCT.type, ValueKind.CODE, many=True, required=True,
                  code_list=MUNIORG_VOCAB["strategy-kind"],
                  description="Vision, strategy, plan strategy or strategy plan; several when "
                              "one document is both (a vision and plan strategy)."),
            Field("description", DCT.description, ValueKind.LANG_MAP, description="What it says."),
            Field("period", DCT.temporal, ValueKind.NESTED, target="Period",
                  description="The period it covers."),
            Field("horizon", MUNIORG.horizon, ValueKind.YEAR,
                  description="The year it looks toward (e.g. 2030)."),
            Field("sdgs", MUNIORG.sdg, ValueKind.CODE, many=True,
                  code_list=URIRef("http://metadata.un.org/sdg"), name="SDGs",
                  description="UN Sustainable Development Goals and targets it builds on (11, "
                              "11.3 ...)."),
            Field("goals", MUNIORG.goal, ValueKind.NESTED, many=True, target="StrategicGoal",
                  description="Goals and strategic guideposts."),
            Field("themes", DCT.subject, ValueKind.CODE, many=True, code_list=MUNIORG_VOCAB.theme,
                  description="Themes it addresses."),
            Field("authors", DCT.creator, ValueKind.IRI, many=True,
                  description="Who wrote it (a body, a council, a unit)."),
            Field("organisedBy", MUNIORG.organisedBy, ValueKind.REFERENCE, many=True,
                  target="Committee",
                  description="Committees the strategy is organised by."),
            Field("homepage", FOAF.page, ValueKind.NESTED, target="Document",
                  description="Where it can be read."),
            Field("adopted", DCT.dateAccepted, ValueKind.PARTIAL_DATE,
                  description="When it was adopted."),
            Field("adoptedBy", MUNIORG.adoptedBy, ValueKind.IRI,
                  description="The body that adopted it: the council, a committee, a "
                              "co-determination body."),
            Field("source", DCT.source, ValueKind.REFERENCE, many=True, target="Document",
                  description="The document this description was taken from."),
        ),
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
    adopted: PartialDate | None = None
    adoptedBy: str | None = None
    source: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        kind: list[str] = FACTORY,
        description: LangMap = FACTORY,
        period: Period | None = None,
        horizon: str | None = None,
        sdgs: list[str] = FACTORY,
        goals: list[StrategicGoal] = FACTORY,
        themes: list[str] = FACTORY,
        authors: list[str] = FACTORY,
        organisedBy: list[str] = FACTORY,
        homepage: Document | None = None,
        adopted: PartialDate | None = None,
        adoptedBy: str | None = None,
        source: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.kind = [] if kind is FACTORY else kind
        self.description = {} if description is FACTORY else description
        self.period = period
        self.horizon = horizon
        self.sdgs = [] if sdgs is FACTORY else sdgs
        self.goals = [] if goals is FACTORY else goals
        self.themes = [] if themes is FACTORY else themes
        self.authors = [] if authors is FACTORY else authors
        self.organisedBy = [] if organisedBy is FACTORY else organisedBy
        self.homepage = homepage
        self.adopted = adopted
        self.adoptedBy = adoptedBy
        self.source = [] if source is FACTORY else source
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "kind", "description", "period", "horizon", "sdgs", "goals", "themes",
        "authors", "organisedBy", "homepage", "adopted", "adoptedBy", "source",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Target(Node):
    """A value an indicator should reach, by a date (at most 8 sick days a year by 2025).

    Attributes:
        value: The number aimed at, in the indicator's unit. (required)
        qualifier: Whether the target is the value exactly, at least or at most (at-least, at-
            most, exact ...). (optional)
        date: By when the value should be reached. (recommended)
        label: The target as the source words it. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Target",
        MUNIORG.Target,
        "A value an indicator should reach, by a date (at most 8 sick days a year by 2025).",
        extra_types=(SCHEMA.QuantitativeValue,),
        fields=(
            Field("value", SCHEMA.value, ValueKind.NUMBER, required=True,
                  description="The number aimed at, in the indicator's unit."),
            Field("qualifier", MUNIORG.qualifier, ValueKind.CODE, code_list=MUNIORG_VOCAB.qualifier,
                  description="Whether the target is the value exactly, at least or at most "
                              "(at-least, at-most, exact ...)."),
            Field("date", DCT.date, ValueKind.PARTIAL_DATE, recommended=True,
                  description="By when the value should be reached."),
            Field("label", SKOS.prefLabel, ValueKind.LANG_MAP,
                  description="The target as the source words it."),
        ),
    )

    id: str | None = None
    value: Number | None = None
    qualifier: str | None = None
    date: PartialDate | None = None
    label: LangMap = field(default_factory=dict)

    def __init__(
        self,
        *,
        id: str | None = None,
        value: Number | None = None,
        qualifier: str | None = None,
        date: PartialDate | None = None,
        label: LangMap = FACTORY,
    ) -> None:
        self.id = id
        self.value = value
        self.qualifier = qualifier
        self.date = date
        self.label = {} if label is FACTORY else label
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "value", "qualifier", "date", "label",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class ThematicNetwork(Node):
    """A network of programme participants grouped by theme.

    Attributes:
        name: The name. (required)
        themes: The themes that group it. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "ThematicNetwork",
        MUNIORG.ThematicNetwork,
        "A network of programme participants grouped by theme.",
        extra_types=(ORG.OrganizationalUnit,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The name."),
            Field("themes", DCT.subject, ValueKind.CODE, many=True, code_list=MUNIORG_VOCAB.theme,
                  description="The themes that group it."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        themes: list[str] = FACTORY,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.themes = [] if themes is FACTORY else themes
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "themes",
    )


@dataclass(kw_only=True, init=False, repr=False, eq=False)
class Value(Node):
    """A value an organisation holds (e.g. trustworthiness, openness).

    Attributes:
        name: The value, one per language. (required)
        definition: What the value means. (optional)
        order: Its place in the list, from 1. (optional)
    """

    SPEC: ClassVar[ClassSpec] = ClassSpec(
        "Value",
        MUNIORG.Value,
        "A value an organisation holds (e.g. trustworthiness, openness).",
        extra_types=(SKOS.Concept,),
        fields=(
            Field("name", SKOS.prefLabel, ValueKind.LANG_MAP, required=True,
                  description="The value, one per language."),
            Field("definition", SKOS.definition, ValueKind.LANG_MAP,
                  description="What the value means."),
            Field("order", MUNIORG.position, ValueKind.INTEGER,
                  description="Its place in the list, from 1."),
        ),
    )

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    definition: LangMap = field(default_factory=dict)
    order: int | None = None

    def __init__(
        self,
        *,
        id: str | None = None,
        name: LangMap = FACTORY,
        definition: LangMap = FACTORY,
        order: int | None = None,
    ) -> None:
        self.id = id
        self.name = {} if name is FACTORY else name
        self.definition = {} if definition is FACTORY else definition
        self.order = order
        self.__post_init__()

    __repr__, __eq__ = dataclass_methods(
        "id", "name", "definition", "order",
    )


CLASSES: dict[str, type[Node]] = {
    "Address": Address,
    "AdministrativeArea": AdministrativeArea,
    "Award": Award,
    "AwardScheme": AwardScheme,
    "Certification": Certification,
    "CoDeterminationBody": CoDeterminationBody,
    "Committee": Committee,
    "Concept": Concept,
    "ConceptScheme": ConceptScheme,
    "ContactPoint": ContactPoint,
    "CooperationProgramme": CooperationProgramme,
    "Council": Council,
    "Department": Department,
    "Document": Document,
    "Foundation": Foundation,
    "Identifier": Identifier,
    "Indicator": Indicator,
    "Initiative": Initiative,
    "IntakeRound": IntakeRound,
    "KeyFigure": KeyFigure,
    "LocalProject": LocalProject,
    "Membership": Membership,
    "Municipality": Municipality,
    "OpeningHours": OpeningHours,
    "Organisation": Organisation,
    "Period": Period,
    "Person": Person,
    "Post": Post,
    "Principle": Principle,
    "Region": Region,
    "Site": Site,
    "StrategicGoal": StrategicGoal,
    "Strategy": Strategy,
    "Target": Target,
    "ThematicNetwork": ThematicNetwork,
    "Value": Value,
}

__all__ = [
    "CLASSES",
    "Address",
    "AdministrativeArea",
    "Award",
    "AwardScheme",
    "Certification",
    "CoDeterminationBody",
    "Committee",
    "Concept",
    "ConceptScheme",
    "ContactPoint",
    "CooperationProgramme",
    "Council",
    "Department",
    "Document",
    "Foundation",
    "Identifier",
    "Indicator",
    "Initiative",
    "IntakeRound",
    "KeyFigure",
    "LocalProject",
    "Membership",
    "Municipality",
    "OpeningHours",
    "Organisation",
    "Period",
    "Person",
    "Post",
    "Principle",
    "Region",
    "Site",
    "StrategicGoal",
    "Strategy",
    "Target",
    "ThematicNetwork",
    "Value",
]
