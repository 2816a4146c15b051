"""Names of the bodies, units, posts and values a Nordic municipality typically has, per language.

The corpus generator (:mod:`benchmarks.generate_corpus`) builds its descriptions from these, so
that the texts, languages and nesting look like real authoring files. Every table row holds one
text per language of :data:`LANGS`, in that order; ``{p}`` stands for the place name.

Example:
    >>> COUNCIL["nn"], COUNCIL["en"]
    ('Kommunestyret', 'Municipal Council')
"""

from __future__ import annotations

LANGS = ("da", "nb", "nn", "sv", "fi", "is", "en")


def t(*texts: str) -> dict[str, str]:
    """One text per language of :data:`LANGS`."""
    assert len(texts) == len(LANGS), texts
    return dict(zip(LANGS, texts, strict=True))


COUNCIL = t(
    "Byrådet",
    "Kommunestyret",
    "Kommunestyret",
    "Kommunfullmäktige",
    "Kunnanvaltuusto",
    "Sveitarstjórn",
    "Municipal Council",
)
COUNCIL_DESCRIPTION = t(
    "Byrådet i {p} har {n} medlemmer og træffer de overordnede politiske beslutninger.",
    "Kommunestyret i {p} har {n} representanter og er kommunens øverste organ.",
    "Kommunestyret i {p} har {n} representantar og er det øvste organet i kommunen.",
    "Kommunfullmäktige i {p} har {n} ledamöter och är kommunens högsta beslutande organ.",
    "{p}n kunnanvaltuustossa on {n} valtuutettua; se on kunnan ylin päättävä toimielin.",
    "Sveitarstjórn {p} er skipuð {n} fulltrúum og fer með æðsta vald sveitarfélagsins.",
    "The council of {p} has {n} members and is the municipality's highest body.",
)

COMMITTEES = [
    t(
        "Økonomiudvalget",
        "Formannskapet",
        "Formannskapet",
        "Kommunstyrelsen",
        "Kunnanhallitus",
        "Byggðarráð",
        "Executive Committee",
    ),
    t(
        "Børne- og Skoleudvalget",
        "Utvalg for oppvekst",
        "Utval for oppvekst",
        "Barn- och utbildningsnämnden",
        "Sivistyslautakunta",
        "Fræðslunefnd",
        "Children and Education Committee",
    ),
    t(
        "Social- og Sundhedsudvalget",
        "Utvalg for helse og omsorg",
        "Utval for helse og omsorg",
        "Socialnämnden",
        "Perusturvalautakunta",
        "Velferðarnefnd",
        "Health and Social Care Committee",
    ),
    t(
        "Teknik- og Miljøudvalget",
        "Utvalg for teknikk og miljø",
        "Utval for teknikk og miljø",
        "Miljö- och byggnadsnämnden",
        "Tekninen lautakunta",
        "Umhverfisnefnd",
        "Technical and Environment Committee",
    ),
    t(
        "Kultur- og Fritidsudvalget",
        "Utvalg for kultur og idrett",
        "Utval for kultur og idrett",
        "Kultur- och fritidsnämnden",
        "Vapaa-aikalautakunta",
        "Menningarnefnd",
        "Culture and Leisure Committee",
    ),
    t(
        "Beskæftigelsesudvalget",
        "Utvalg for næring",
        "Utval for næring",
        "Arbetsmarknadsnämnden",
        "Elinvoimalautakunta",
        "Atvinnumálanefnd",
        "Employment and Business Committee",
    ),
    t(
        "Plan- og Klimaudvalget",
        "Plan- og bygningsutvalget",
        "Plan- og bygningsutvalet",
        "Samhällsbyggnadsnämnden",
        "Ympäristölautakunta",
        "Skipulagsnefnd",
        "Planning and Climate Committee",
    ),
]

#: (name, unit kind, service areas, institution name pattern or "").
DEPARTMENTS = [
    (
        t(
            "Børn og Unge",
            "Oppvekst",
            "Oppvekst",
            "Utbildningsförvaltningen",
            "Sivistystoimi",
            "Fræðslusvið",
            "Children and Young People",
        ),
        "department",
        ["kindergartens", "preschools", "primary-schools", "childminding", "youth-schools"],
        t(
            "{p} Skole",
            "{p} skole",
            "{p} skule",
            "{p}skolan",
            "{p} koulu",
            "Grunnskóli {p}",
            "{p} School",
        ),
    ),
    (
        t(
            "Social og Sundhed",
            "Helse og omsorg",
            "Helse og omsorg",
            "Socialförvaltningen",
            "Perusturva",
            "Velferðarsvið",
            "Health and Care",
        ),
        "department",
        [
            "elderly-care",
            "health-centres",
            "housing-and-support-centres",
            "social-services",
            "dental-care",
        ],
        t(
            "{p} Plejecenter",
            "{p} sykehjem",
            "{p} sjukeheim",
            "{p} äldreboende",
            "{p} palvelukeskus",
            "Hjúkrunarheimili {p}",
            "{p} Care Home",
        ),
    ),
    (
        t(
            "Teknik og Miljø",
            "Teknisk",
            "Teknisk",
            "Samhällsbyggnadsförvaltningen",
            "Tekninen toimi",
            "Umhverfis- og framkvæmdasvið",
            "Technical Services and Environment",
        ),
        "professional-centre",
        ["urban-development", "water-and-sewage"],
        "",
    ),
    (
        t(
            "Kultur og Fritid",
            "Kultur",
            "Kultur",
            "Kultur- och fritidsförvaltningen",
            "Vapaa-aikatoimi",
            "Menningarsvið",
            "Culture and Leisure",
        ),
        "professional-centre",
        ["culture", "leisure", "libraries", "music-schools", "local-history-archives"],
        t(
            "{p} Bibliotek",
            "{p} bibliotek",
            "{p} bibliotek",
            "{p} bibliotek",
            "{p} kirjasto",
            "Bókasafn {p}",
            "{p} Library",
        ),
    ),
    (
        t(
            "Økonomi og Personale",
            "Økonomi og organisasjon",
            "Økonomi og organisasjon",
            "Kommunledningskontoret",
            "Hallinto",
            "Stjórnsýslusvið",
            "Finance and Human Resources",
        ),
        "staff-centre",
        ["administration"],
        "",
    ),
    (
        t(
            "Erhverv og Udvikling",
            "Næring og utvikling",
            "Næring og utvikling",
            "Näringslivsavdelningen",
            "Elinvoimapalvelut",
            "Atvinnu- og þróunarsvið",
            "Business and Development",
        ),
        "staff-centre",
        ["business-development"],
        "",
    ),
]

#: role code -> post name.
POSTS = {
    "mayor": t(
        "borgmester",
        "ordfører",
        "ordførar",
        "kommunstyrelsens ordförande",
        "kunnanhallituksen puheenjohtaja",
        "oddviti",
        "mayor",
    ),
    "deputy-mayor": t(
        "viceborgmester",
        "varaordfører",
        "varaordførar",
        "kommunstyrelsens vice ordförande",
        "varapuheenjohtaja",
        "varaoddviti",
        "deputy mayor",
    ),
    "municipal-director": t(
        "kommunaldirektør",
        "kommunedirektør",
        "kommunedirektør",
        "kommundirektör",
        "kunnanjohtaja",
        "sveitarstjóri",
        "municipal director",
    ),
    "deputy-municipal-director": t(
        "vicekommunaldirektør",
        "assisterende kommunedirektør",
        "assisterande kommunedirektør",
        "biträdande kommundirektör",
        "apulaiskunnanjohtaja",
        "staðgengill sveitarstjóra",
        "deputy municipal director",
    ),
    "hr-head": t(
        "HR-chef",
        "personalsjef",
        "personalsjef",
        "HR-chef",
        "henkilöstöjohtaja",
        "mannauðsstjóri",
        "head of human resources",
    ),
    "committee-chair": t(
        "formand", "leder", "leiar", "ordförande", "puheenjohtaja", "formaður", "chair"
    ),
    "head-of-department": t(
        "direktør",
        "kommunalsjef",
        "kommunalsjef",
        "förvaltningschef",
        "toimialajohtaja",
        "sviðsstjóri",
        "head of department",
    ),
    "institution-leader": t(
        "leder", "rektor", "rektor", "rektor", "rehtori", "skólastjóri", "head"
    ),
}

VALUES = [
    t("troværdighed", "tillit", "tillit", "förtroende", "luottamus", "traust", "trust"),
    t("åbenhed", "åpenhet", "openheit", "öppenhet", "avoimuus", "gagnsæi", "openness"),
    t("respekt", "respekt", "respekt", "respekt", "kunnioitus", "virðing", "respect"),
    t(
        "engagement",
        "engasjement",
        "engasjement",
        "engagemang",
        "sitoutuminen",
        "metnaður",
        "commitment",
    ),
    t("mod", "mot", "mot", "mod", "rohkeus", "hugrekki", "courage"),
    t(
        "helhed",
        "helhet",
        "heilskap",
        "helhetssyn",
        "kokonaisuus",
        "heildarsýn",
        "seeing the whole",
    ),
    t("faglighed", "kvalitet", "kvalitet", "kvalitet", "laatu", "fagmennska", "quality"),
    t("samarbejde", "samarbeid", "samarbeid", "samverkan", "yhteistyö", "samvinna", "cooperation"),
]
VALUE_DEFINITION = t(
    "Vi arbejder ud fra {v} i mødet med borgere og kolleger i {p}.",
    "Vi møter innbyggere og kolleger i {p} med {v}.",
    "Vi møter innbyggjarar og kollegaer i {p} med {v}.",
    "Vi möter invånare och kollegor i {p} med {v}.",
    "Kohtaamme {p}n asukkaat ja kollegat: {v}.",
    "Við mætum íbúum og samstarfsfólki í {p} af {v}.",
    "We meet the people and colleagues of {p} with {v}.",
)
PRINCIPLES = [
    t(
        "Tydelig retning",
        "Tydelig retning",
        "Tydeleg retning",
        "Tydlig riktning",
        "Selkeä suunta",
        "Skýr stefna",
        "Clear direction",
    ),
    t(
        "Tillid frem for kontrol",
        "Tillit framfor kontroll",
        "Tillit framfor kontroll",
        "Tillit före kontroll",
        "Luottamus ennen valvontaa",
        "Traust frekar en eftirlit",
        "Trust before control",
    ),
    t(
        "Borgeren i centrum",
        "Innbyggeren i sentrum",
        "Innbyggjaren i sentrum",
        "Invånaren i fokus",
        "Asukas keskiössä",
        "Íbúinn í forgrunni",
        "The citizen first",
    ),
    t(
        "Læring og udvikling",
        "Læring og utvikling",
        "Læring og utvikling",
        "Lärande och utveckling",
        "Oppiminen ja kehittyminen",
        "Nám og þróun",
        "Learning and development",
    ),
    t(
        "Ansvar og råderum",
        "Ansvar og handlingsrom",
        "Ansvar og handlingsrom",
        "Ansvar och handlingsutrymme",
        "Vastuu ja vapaus",
        "Ábyrgð og svigrúm",
        "Responsibility and freedom to act",
    ),
    t("Dialog", "Dialog", "Dialog", "Dialog", "Vuoropuhelu", "Samtal", "Dialogue"),
]
PRINCIPLE_REASON = t(
    "fordi gode resultater skabes sammen",
    "fordi gode resultater skapes sammen",
    "fordi gode resultat vert skapte saman",
    "eftersom goda resultat skapas tillsammans",
    "koska hyvät tulokset syntyvät yhdessä",
    "því góður árangur næst í sameiningu",
    "because good results are made together",
)
FOUNDATIONS = {
    "value-foundation": t(
        "Værdigrundlag",
        "Verdigrunnlag",
        "Verdigrunnlag",
        "Värdegrund",
        "Arvot",
        "Gildi",
        "Value foundation",
    ),
    "leadership-foundation": t(
        "Ledelsesgrundlag",
        "Ledelsesplattform",
        "Leiingsplattform",
        "Ledarskapspolicy",
        "Johtamisen periaatteet",
        "Stjórnunarstefna",
        "Leadership foundation",
    ),
    "employee-foundation": t(
        "Medarbejdergrundlag",
        "Medarbeiderplattform",
        "Medarbeidarplattform",
        "Medarbetarpolicy",
        "Henkilöstöohjelma",
        "Starfsmannastefna",
        "Employee foundation",
    ),
}

#: (strategy kind, name pattern with {y} for the first year).
STRATEGIES = [
    (
        "plan-strategy",
        t(
            "Planstrategi {y}",
            "Kommunal planstrategi {y}",
            "Kommunal planstrategi {y}",
            "Översiktsplan {y}",
            "Kuntastrategia {y}",
            "Aðalskipulag {y}",
            "Planning strategy {y}",
        ),
    ),
    (
        "vision",
        t(
            "Vision {y}",
            "Visjon {y}",
            "Visjon {y}",
            "Vision {y}",
            "Visio {y}",
            "Framtíðarsýn {y}",
            "Vision {y}",
        ),
    ),
    (
        "strategy",
        t(
            "Bæredygtighedsstrategi {y}",
            "Klima- og miljøstrategi {y}",
            "Klima- og miljøstrategi {y}",
            "Hållbarhetsstrategi {y}",
            "Kestävyysohjelma {y}",
            "Umhverfisstefna {y}",
            "Sustainability strategy {y}",
        ),
    ),
    (
        "strategy-plan",
        t(
            "Arbejdsgiverstrategi {y}",
            "Arbeidsgiverstrategi {y}",
            "Arbeidsgjevarstrategi {y}",
            "Arbetsgivarstrategi {y}",
            "Henkilöstöstrategia {y}",
            "Mannauðsstefna {y}",
            "Employer strategy {y}",
        ),
    ),
]
STRATEGY_DESCRIPTION = t(
    "{p} vil frem mod {h} arbejde med FN's verdensmål i tæt samarbejde med borgere og "
    "medarbejdere.",
    "Fram mot {h} skal {p} arbeide med FNs bærekraftsmål sammen med innbyggere og ansatte.",
    "Fram mot {h} skal {p} arbeide med berekraftsmåla til FN saman med innbyggjarar og tilsette.",
    "Fram till {h} ska {p} arbeta med de globala målen tillsammans med invånare och medarbetare.",
    "{p} toteuttaa YK:n kestävän kehityksen tavoitteita vuoteen {h} asti yhdessä asukkaiden "
    "kanssa.",
    "Til ársins {h} vinnur {p} að heimsmarkmiðum SÞ í samstarfi við íbúa og starfsfólk.",
    "Until {h}, {p} works on the UN Sustainable Development Goals with residents and staff.",
)
GOALS = [
    t(
        "Gode rammer for børns læring",
        "Gode oppvekstvilkår",
        "Gode oppvekstvilkår",
        "Goda uppväxtvillkor",
        "Hyvät kasvuolot",
        "Góð uppeldisskilyrði",
        "Good conditions for growing up",
    ),
    t(
        "Et sundt og aktivt liv",
        "Helse og livskvalitet",
        "Helse og livskvalitet",
        "Hälsa och livskvalitet",
        "Terveys ja hyvinvointi",
        "Heilsa og lífsgæði",
        "Health and quality of life",
    ),
    t(
        "Grøn omstilling",
        "Grønt skifte",
        "Grønt skifte",
        "Grön omställning",
        "Vihreä siirtymä",
        "Græn umskipti",
        "Green transition",
    ),
    t(
        "Et stærkt erhvervsliv",
        "Et sterkt næringsliv",
        "Eit sterkt næringsliv",
        "Ett starkt näringsliv",
        "Vahva elinkeinoelämä",
        "Öflugt atvinnulíf",
        "A strong economy",
    ),
    t(
        "En attraktiv arbejdsplads",
        "En attraktiv arbeidsplass",
        "Ein attraktiv arbeidsplass",
        "En attraktiv arbetsgivare",
        "Houkutteleva työnantaja",
        "Eftirsóknarverður vinnustaður",
        "An attractive employer",
    ),
]

#: (initiative kind, themes, name).
INITIATIVES = [
    (
        "initiative",
        ["health", "sickness-absence"],
        t(
            "Sund på job",
            "Frisk på jobb",
            "Frisk på jobb",
            "Frisk på jobbet",
            "Työkykyä yhdessä",
            "Heilsuefling",
            "Healthy at work",
        ),
    ),
    (
        "campaign",
        ["health"],
        t(
            "Cyklen til arbejde",
            "Sykle til jobben",
            "Sykle til jobben",
            "Cykla till jobbet",
            "Pyörällä töihin",
            "Hjólað í vinnuna",
            "Cycle to work",
        ),
    ),
    (
        "training-programme",
        ["leadership", "competence"],
        t(
            "Lederuddannelse",
            "Lederutvikling",
            "Leiarutvikling",
            "Ledarutveckling",
            "Johtajuusvalmennus",
            "Stjórnendaþjálfun",
            "Leadership development",
        ),
    ),
    (
        "initiative",
        ["full-time-part-time", "recruitment"],
        t(
            "Heltid som norm",
            "Heltidskultur",
            "Heiltidskultur",
            "Heltid som norm",
            "Kokoaikaisuus",
            "Fullt starf",
            "Full time as the norm",
        ),
    ),
    (
        "event",
        ["wellbeing", "working-environment"],
        t(
            "Trivselsdag",
            "Trivselsdag",
            "Trivseldag",
            "Trivseldag",
            "Hyvinvointipäivä",
            "Vellíðunardagur",
            "Well-being day",
        ),
    ),
    (
        "forum",
        ["innovation", "cooperation"],
        t(
            "Innovationsforum",
            "Innovasjonsforum",
            "Innovasjonsforum",
            "Innovationsforum",
            "Innovaatiofoorumi",
            "Nýsköpunarvettvangur",
            "Innovation forum",
        ),
    ),
]

SITES = t("Rådhuset", "Rådhuset", "Rådhuset", "Kommunhuset", "Kunnantalo", "Ráðhúsið", "Town hall")
CONTACT = t(
    "Kontakt",
    "Kontakt oss",
    "Kontakt oss",
    "Kontakta oss",
    "Yhteystiedot",
    "Hafa samband",
    "Contact",
)
ANNUAL_REPORT = t(
    "Årsrapport {y}",
    "Årsrapport {y}",
    "Årsmelding {y}",
    "Årsredovisning {y}",
    "Tilinpäätös {y}",
    "Ársreikningur {y}",
    "Annual report {y}",
)
DESCRIPTION = t(
    "{p} er en kommune i {r} med omkring {n} indbyggere og {e} medarbejdere.",
    "{p} er en kommune i {r} med om lag {n} innbyggere og {e} ansatte.",
    "{p} er ein kommune i {r} med om lag {n} innbyggjarar og {e} tilsette.",
    "{p} är en kommun i {r} med omkring {n} invånare och {e} medarbetare.",
    "{p} on kunta, jonka alueella ({r}) asuu noin {n} ihmistä; kunnassa työskentelee {e} henkeä.",
    "{p} er sveitarfélag á svæðinu {r} með um {n} íbúa og {e} starfsmenn.",
    "{p} is a municipality in {r} with about {n} inhabitants and {e} employees.",
)

#: Given and family names by language, for the people of the generated municipalities.
GIVEN = {
    "da": [
        "Anne",
        "Mette",
        "Lars",
        "Søren",
        "Henrik",
        "Kirsten",
        "Jens",
        "Camilla",
        "Mads",
        "Louise",
        "Peter",
        "Signe",
    ],
    "nb": [
        "Ingrid",
        "Kari",
        "Ole",
        "Lars",
        "Silje",
        "Magnus",
        "Hilde",
        "Knut",
        "Marte",
        "Jon",
        "Tone",
        "Even",
    ],
    "sv": [
        "Anna",
        "Erik",
        "Karin",
        "Johan",
        "Maria",
        "Anders",
        "Lena",
        "Per",
        "Sara",
        "Lars",
        "Elin",
        "Magnus",
    ],
    "fi": [
        "Anna",
        "Mikko",
        "Sanna",
        "Juha",
        "Laura",
        "Timo",
        "Liisa",
        "Jukka",
        "Aino",
        "Matti",
        "Riikka",
        "Pekka",
    ],
    "is": [
        "Guðrún",
        "Jón",
        "Sigríður",
        "Gunnar",
        "Anna",
        "Ólafur",
        "Helga",
        "Einar",
        "Kristín",
        "Magnús",
        "Sóley",
        "Bjarni",
    ],
}
FAMILY = {
    "da": [
        "Jensen",
        "Nielsen",
        "Hansen",
        "Pedersen",
        "Andersen",
        "Christensen",
        "Larsen",
        "Sørensen",
        "Rasmussen",
        "Jørgensen",
    ],
    "nb": [
        "Hansen",
        "Johansen",
        "Olsen",
        "Larsen",
        "Andersen",
        "Nilsen",
        "Berg",
        "Haugen",
        "Bakken",
        "Lunde",
    ],
    "sv": [
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Lindqvist",
    ],
    "fi": [
        "Korhonen",
        "Virtanen",
        "Mäkinen",
        "Nieminen",
        "Mäkelä",
        "Hämäläinen",
        "Laine",
        "Heikkinen",
        "Koskinen",
        "Järvinen",
    ],
}
#: Icelanders carry patronymics, built from a father's name.
PATRONYMS = [
    "Jónsdóttir",
    "Jónsson",
    "Gunnarsdóttir",
    "Gunnarsson",
    "Ólafsdóttir",
    "Ólafsson",
    "Einarsdóttir",
    "Einarsson",
    "Magnúsdóttir",
    "Magnússon",
]
