"""Deterministic generator of synthetic Swedish diplomatic news articles (about 4 KB each) for benchmarks.

The articles imitate the genre of `examples/sv/` (visits, talks, phone calls, agreements, signings,
invitations, congratulations, background paragraphs) but every sentence comes from the templates in this
file. Actors are drawn from the project's own data: two countries from `lang/sv/countries.yaml` (Swedish
names, adjectives, capitals) and their heads of state or government and foreign ministers in office on the
article's date from the actor dictionary (`data/actors/*.yaml`), with Swedish titles from
`lang/sv/titles.yaml`. A small share of articles carries the machine-translation slip
"generalsekreterare till Lam" (for To Lam).

Article i depends only on (seed, i), so `generate(600, 7)[:200] == generate(200, 7)`.

`--lang en` writes English articles instead (templates and data in `corpus_en.py`, a random stream of their
own, so the Swedish output for a (count, seed) is unchanged); `--lang mixed` draws the language of each
article (about half each). Files are written one at a time, so `--sizes 1000,10000,100000` streams.
`--check` codes English articles and reports how often the article's two states come out as a dyad.

    .venv/bin/python bench/generate_corpus.py --count 1000 --seed 7 --out /tmp/corpus
    .venv/bin/python bench/generate_corpus.py --lang en --sizes 1000,10000,100000 --out /tmp/corpus_en
    .venv/bin/python bench/generate_corpus.py --lang en --count 200 --check
    from generate_corpus import generate; texts = generate(600, seed=7)
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from communique import dictionary

FIRST_DAY = date(2024, 3, 1)  # the actor dictionary is reliable for 2024 to about autumn 2025
LAST_DAY = date(2025, 10, 31)
MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
NUMBER_WORDS = {
    2: "två",
    3: "tre",
    4: "fyra",
    5: "fem",
    6: "sex",
    7: "sju",
    8: "åtta",
    9: "nio",
    10: "tio",
    11: "elva",
    12: "tolv",
    13: "tretton",
    14: "fjorton",
    15: "femton",
    16: "sexton",
    17: "sjutton",
    18: "arton",
    19: "nitton",
    20: "tjugo",
}
ORDINALS = ["första", "andra", "tredje", "fjärde", "femte"]

# office (as in the actor dictionary) -> (level, title entry in titles.yaml, plural for "de två ...")
OFFICES = {
    "President": ("state", "President", "presidenterna"),
    "King": ("state", "King", "monarkerna"),
    "Emir": ("state", "Emir", "ledarna"),
    "Sultan": ("state", "Sultan", "ledarna"),
    "General Secretary": ("party", "General Secretary", "generalsekreterarna"),
    "Prime Minister": ("gov", "Prime Minister", "premiärministrarna"),
    "Premier": ("gov", "Prime Minister", "premiärministrarna"),
    "Federal Chancellor": ("gov", "Chancellor", "regeringscheferna"),
    "Chancellor": ("gov", "Chancellor", "regeringscheferna"),
    "Foreign Minister": ("fm", "Foreign Minister", "utrikesministrarna"),
}
STATSMINISTER = {
    "SWE",
    "FIN",
    "NOR",
    "DNK",
}  # Swedish usage: "statsminister" for the Nordic heads of government
MONARCH_TITLES = {"King", "Emir", "Sultan"}

# Swedish phrases for the contract's sector vocabulary (keys are checked against lang/sv/sectors.yaml).
SECTOR_PHRASES = {
    "agriculture": ["jordbruk", "jordbruk och livsmedelssäkerhet", "fiske och vattenbruk", "skogsbruk"],
    "culture": ["kultur", "kulturutbyte", "bevarande av kulturarv"],
    "defense": ["försvar", "försvarsindustri", "militär utbildning"],
    "digital": ["digital omställning", "cybersäkerhet", "halvledare", "artificiell intelligens"],
    "economy": ["ekonomi", "ekonomisk utveckling"],
    "education": ["utbildning", "högre utbildning", "yrkesutbildning"],
    "energy": ["energi", "förnybar energi", "kärnkraft", "elnät och energilagring"],
    "environment": ["miljö", "klimat", "klimatanpassning"],
    "finance": ["finans", "bankväsende", "finansiell tillsyn"],
    "health": ["hälsa", "hälso- och sjukvård", "läkemedel", "vaccinproduktion"],
    "infrastructure": ["infrastruktur", "infrastrukturprojekt"],
    "investment": ["investeringar", "investeringsfrämjande"],
    "justice": ["rättsligt samarbete", "kampen mot korruption"],
    "labor": ["arbetskraftsmigration", "arbetsmarknadsfrågor"],
    "media": ["medier", "journalistutbyte"],
    "people-to-people": ["folkutbyte", "ungdomsutbyte"],
    "politics": ["politisk dialog", "diplomatisk utbildning"],
    "science-technology": ["vetenskap och teknik", "forskning och innovation", "teknologiöverföring"],
    "security": ["säkerhet", "gränssäkerhet", "kampen mot terrorism", "säkerhet till havs"],
    "sport": ["idrott"],
    "tourism": ["turism"],
    "trade": ["handel", "frihandel", "export och import"],
    "transport": ["transport", "sjöfart", "luftfart", "järnvägstrafik", "logistik"],
}

PALACES = [
    "presidentpalatset",
    "regeringsbyggnaden",
    "Nationalpalatset",
    "statsrådsberedningen",
    "det gamla kungliga palatset",
    "utrikesministeriets gästhus",
    "parlamentsbyggnaden",
]
MONUMENTS = [
    "det okända soldatens grav",
    "nationalmonumentet",
    "minnesmärket över självständigheten",
    "hjältarnas monument",
]
SUMMITS = [
    ("G20-toppmötet", "Rio de Janeiro"),
    ("FN:s generalförsamling", "New York"),
    ("ASEAN-toppmötet", "Vientiane"),
    ("Natotoppmötet", "Haag"),
    ("BRICS-toppmötet", "Kazan"),
    ("Världsekonomiskt forum", "Davos"),
    ("klimatkonferensen COP29", "Baku"),
    ("APEC-toppmötet", "Lima"),
    ("Europeiska politiska gemenskapens möte", "Tirana"),
    ("Shangri-La-dialogen", "Singapore"),
    ("FN:s havskonferens", "Nice"),
]
FORUMS = [
    "FN:s säkerhetsråd",
    "Världshandelsorganisationen",
    "FN:s människorättsråd",
    "Internationella atomenergiorganet",
    "förhandlingarna om klimatfinansiering",
    "valet till FN:s människorättsråd",
]
REGIONS = [
    "Mellanöstern",
    "Ukraina",
    "Sydkinesiska havet",
    "Östersjöregionen",
    "Sahel",
    "Koreahalvön",
    "Myanmar",
    "Afrikas horn",
    "Kaukasus",
]
TOPICS = [
    "klimatfrågor",
    "regional säkerhet",
    "handel och investeringar",
    "det multilaterala samarbetet",
    "fred och stabilitet i regionen",
    "livsmedelsförsörjningen",
    "reformen av FN:s säkerhetsråd",
]
WEATHER = ["varmt", "kyligt", "regnigt", "fuktigt", "blåsigt", "soligt"]


# ------------------------------------------------------------------------------------------------ data


def _yaml(*parts: str):
    path = resources.files("communique").joinpath(*parts)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    long: str
    adj: str  # definite/plural form: "franska"
    adj_base: str  # "fransk"
    capital: str
    cities: tuple[str, ...]
    people: str | None  # plural indefinite: "fransmän"

    @property
    def gen(self) -> str:
        return genitive(self.name)


@dataclass(frozen=True)
class Official:
    name: str
    iso3: str
    office: str  # English office from the dictionary
    level: str  # state | party | gov | fm
    t: str  # Swedish title, indefinite ("president")
    td: str  # definite ("presidenten")
    plural: str
    short_name: str


def genitive(name: str) -> str:
    if name.isupper():
        return name + ":s"
    if name.endswith(("s", "x", "z")):
        return name
    return name + "s"


@cache
def _countries() -> dict[str, Country]:
    sovereign = {k for k, v in _yaml("data", "countries.yaml").items() if v.get("sovereign", True)}
    out = {}
    for iso3, v in _yaml("lang", "sv", "countries.yaml").items():
        adjs = v.get("adjectives") or []
        adj = next((a for a in adjs if a.endswith("a")), None)
        if iso3 not in sovereign or not adj or not v.get("capital") or not v.get("names"):
            continue
        names = v["names"]
        long = next((n for n in names[1:] if " " in n and n[0].isupper()), names[0])
        people = v.get("people") or []
        out[iso3] = Country(
            iso3,
            names[0],
            long,
            adj,
            adjs[0],
            v["capital"],
            tuple(c for c in v.get("cities") or [] if c != v["capital"]),
            people[2] if len(people) >= 4 else None,
        )
    return out


@cache
def _title_forms() -> dict[str, tuple[str, str]]:
    forms = {}
    for entry in _yaml("lang", "sv", "titles.yaml"):
        f = entry.get("forms") or []
        if len(f) >= 2 and entry["en"] not in forms:
            forms[entry["en"]] = (f[0], f[1])
    return forms


@cache
def _offices() -> tuple[tuple[str, str, date | None, date | None, object], ...]:
    """(iso3, office, start, end, person) for every office the generator can write in Swedish."""
    countries = _countries()
    rows = []
    for person in dictionary.load().persons.values():
        if person.country not in countries:
            continue
        for office in person.offices:
            if office.title not in OFFICES:
                continue
            if office.title != "General Secretary" and office.org:
                continue
            rows.append((person.country, office.title, office.start, office.end, person))
    return tuple(rows)


def _official(person, iso3: str, office: str) -> Official:
    level, title_key, plural = OFFICES[office]
    t, td = _title_forms()[title_key]
    if level == "gov" and iso3 in STATSMINISTER:
        t, td, plural = "statsminister", "statsministern", "statsministrarna"
    parts = person.name.split()
    short = person.name if office in MONARCH_TITLES or len(parts) == 1 else parts[-1]
    return Official(person.name, iso3, office, level, t, td, plural, short)


def rosters_on(day: date) -> dict[str, dict[str, Official]]:
    """iso3 -> level -> the first official in office on `day` (dictionary order)."""
    out: dict[str, dict[str, Official]] = {}
    for iso3, office, start, end, person in _offices():
        if (start is None or start <= day) and (end is None or day <= end):
            levels = out.setdefault(iso3, {})
            level = OFFICES[office][0]
            if level not in levels:
                levels[level] = _official(person, iso3, office)
    return {k: v for k, v in out.items() if ("state" in v or "gov" in v) and "fm" in v}


@cache
def _sectors() -> dict[str, list[str]]:
    keys = set(_yaml("lang", "sv", "sectors.yaml"))
    return {k: v for k, v in SECTOR_PHRASES.items() if k in keys}


# ----------------------------------------------------------------------------------------------- text helpers


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def join_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " och " + items[-1]


def day_month(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def date_range(rng: random.Random, a: date, b: date, year: bool = True) -> str:
    y = f" {b.year}" if year else ""
    if a == b:
        return f"den {day_month(a)}{y}"
    if a.month == b.month:
        style = rng.random()
        if style < 0.55:
            return f"den {a.day}–{b.day} {MONTHS[b.month - 1]}{y}"
        if style < 0.75:
            return f"den {a.day}-{b.day} {MONTHS[b.month - 1]}{y}"
        if style < 0.9:
            return f"mellan den {a.day} och {b.day} {MONTHS[b.month - 1]}{y}"
        return f"den {a.day} till {b.day} {MONTHS[b.month - 1]}{y}"
    return f"den {day_month(a)}–{day_month(b)}{y}"


def bare_range(a: date, b: date) -> str:
    if a.month == b.month:
        return f"{a.day}–{b.day} {MONTHS[b.month - 1]} {b.year}" if a != b else f"{day_month(a)} {a.year}"
    return f"{day_month(a)}–{day_month(b)} {b.year}"


def weekday_phrases(d: date) -> dict[str, str]:
    wd = WEEKDAYS[d.weekday()]
    return {
        "": f"på {wd}en",
        "m": f"på {wd}smorgonen",
        "e": f"på {wd}seftermiddagen",
        "k": f"på {wd}skvällen",
    }


def money(rng: random.Random, scale: str) -> str:
    """A money amount as the genre writes it: "10 miljarder USD", "2,5 miljarder kronor", "300 000 USD"."""
    currency = rng.choice(["USD", "USD", "dollar", "amerikanska dollar", "euro", "kronor"])
    factor = 10 if currency == "kronor" else 1
    if scale == "big":
        value = rng.choice([1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10, 12, 15, 20, 25, 30, 50]) * factor
        unit = "miljard" if value == 1 else "miljarder"
    elif scale == "medium":
        value = rng.choice([50, 80, 120, 150, 200, 250, 300, 450, 600, 750]) * factor
        unit = "miljoner"
    else:
        if rng.random() < 0.5:
            value = rng.choice([100, 200, 250, 300, 500, 750]) * factor
            return f"{value} 000 {currency}"
        value = rng.choice([1, 1.5, 2, 3, 5]) * factor
        unit = "miljon" if value == 1 else "miljoner"
    text = f"{value:g}".replace(".", ",")
    if text == "1":
        text = "en"
    return f"{text} {unit} {currency}"


def count(rng: random.Random, n: int) -> str:
    return NUMBER_WORDS[n] if n in NUMBER_WORDS and rng.random() < 0.4 else str(n)


# ------------------------------------------------------------------------------------------------ templates
# Placeholders: A = the visitor / caller (country X), B = the host / the one called (country Y), A2/B2 = the
# foreign ministers (or absent), B3 = another leader of the host. For a person P: P = name, Pt/Ptd = title
# (indefinite/definite), Px = "president Emmanuel Macron", Pf = "Frankrikes president Emmanuel Macron",
# Pl = "presidenten för Franska republiken Emmanuel Macron", Psh = "president Macron" (PshC capitalised),
# Psn = "Macron", Psng = "Macrons". Countries: X/Y names, Xg/Yg genitives, xa/ya adjectives ("franska"),
# xs adjective base form ("fransk"), capX/capY capitals.

HEADLINES_VISIT = [
    "{Af} på {visit} i {Y}",
    "{AshC} inleder {visit} i {capY} med fokus på handel och säkerhet",
    "{X} och {Y} fördjupar samarbetet inom {sec1} under {Asng} besök",
    "Nya avtal när {Asn} besökte {capY}",
    "{BshC} tog emot {Xg} {At} i {capY}",
    "{Y} och {X} lägger grunden för ett närmare partnerskap",
    '{Asn} i {capY}: "Vi vill göra mer tillsammans"',
    "{Xg} {At} {A} besöker {Y} – flera avtal väntas",
    "Handeln i centrum när {Asn} och {Bsn} möttes",
    "{At_cap} {A} avslutade sitt besök i {Y}",
    "{Asng} besök i {Y}: {ndocs} avtal och ett nytt handelsmål",
    "{Y} rullade ut röda mattan för {Xg} {At}",
]
HEADLINES_PHONE = [
    "{AshC} och {Bsh} höll telefonsamtal om {topic}",
    "{Xg} {At} ringde {Bsn} – samarbetet inom {sec1} diskuterades",
    "Telefonsamtal mellan {capX} och {capY}",
    "{Asn} och {Bsn} talade i telefon om handel och säkerhet",
    "{X} och {Y} vill snabba på samarbetet efter telefonsamtal",
    '{Asn} i samtal med {Bsn}: "Våra länder står varandra nära"',
]
HEADLINES_SUMMIT = [
    "{Asn} och {Bsn} möttes vid {summit}",
    "Bilateralt möte mellan {X} och {Y} i {summit_city}",
    "{X} och {Y} enades om fördjupat samarbete i marginalen av {summit}",
    "{Asng} möte med {Bsn} blev en av toppmötets höjdpunkter",
    "{Y} och {X} pratade handel i {summit_city}",
]
HEADLINES_FUTURE = [
    "{AshC} reser till {Y} på {visit}",
    "{Xg} {At} väntas till {capY} i {month}",
    "Kommande besök: {Asn} till {Y}",
    "{Y} förbereder sig för {Asng} besök",
    "{Asn} till {capY} – första besöket på {gap} år",
]
HEADLINES_RECEPTION = [
    "{BshC} tog emot {Xg} {A2t}",
    "{A2shC} på besök i {capY}",
    "{Y} och {X} diskuterade samarbete vid möte i {capY}",
    "{Xg} {A2t} i {capY} för samtal om {topic}",
]

LEADS_VISIT = [
    "{Af} avlägger {range} {a_visit} i {Y} på inbjudan av {Bx}.",
    "På inbjudan av {Bl} avlade {Af} {a_visit} i {Y} {range}.",
    "{Af} och en stor delegation gjorde {range} {a_visit} i {Y}.",
    "{Yg} {Bt} {B} var {range} värd för {Af}, som gjorde {a_visit} i landet.",
    "{X} och {Y} tog ett nytt steg i sina förbindelser när {Ax} {range} gjorde {a_visit} i {capY}.",
    "Under perioden {range_bare} genomförde {Af} {a_visit} i {Y} på inbjudan av {Yg} {Bt} {B}.",
    "{Ax} från {X} reste {range} till {Y} för {a_visit} som enligt båda regeringarna ska ge ny fart åt "
    "det bilaterala samarbetet.",
    "{Af} befann sig {range} på {visit} i {Y}, där programmet omfattade samtal i {capY} och ett besök i {cityY}.",
    "{Al} gjorde {range} {a_visit} i {Y}, det första på denna nivå sedan länderna knöt nya handelsband.",
    "Med en delegation av ministrar och företagsledare i sällskap inledde {Af} {range} {a_visit} i {Y}.",
]
LEAD_CONTEXT = [
    "Det är det första besöket av en {xs} {At} i {Y} på {gap} år.",
    "Besöket är {Asng} {nth} utlandsresa i år.",
    "Resan sker samma år som länderna firar {anniv} år av diplomatiska förbindelser.",
    "Enligt {Yg} utrikesministerium är det den viktigaste bilaterala händelsen i landets kalender i år.",
    "Programmet har förberetts i nära ett år av de två ländernas utrikesförvaltningar.",
]
LEAD_CONTEXT_FM = [
    "{AshC} åtföljs av {A2x} och ett tjugotal företrädare för {xa} näringsliv.",
]
ARRIVALS = [
    "{AshC} landade i {capY} {wd1e}, där {B2x} tog emot den {xa} delegationen på flygplatsen.",
    "Vid ankomsten till {capY} {d1} hälsades {Ash} välkommen av {B2x} och företrädare för {Yg} regering.",
    "Den {xa} delegationen anlände till {capY} sent {wd1k} och kördes direkt till det hotell där den bor "
    "under "
    "besöket.",
    "{AshC} anlände till {capY} {wd1m} med ett regeringsplan och möttes på flygplatsen av {B2x}.",
    "{AshC} kom till {capY} {d1}, en dag före de officiella samtalen.",
    "Planet med {Ash} och delegationen landade {wd1e} på den internationella flygplatsen utanför {capY}.",
    "Ett hundratal barn med flaggor väntade när {Ash} anlände till {capY} {d1}.",
]
CEREMONIES = [
    "{Tod2} {d2} ledde {Bx} en officiell välkomstceremoni för {Ash} vid {palace} i {capY}.",
    "{AshC} välkomnades med militära hedersbetygelser, salut och nationalsånger framför {palace}.",
    "Efter välkomstceremonin lade {Ash} ned en krans vid {monument} i centrala {capY}.",
    "Programmet {wd2} inleddes med en högtidlig ceremoni vid {palace}, där {Bsh} och {Ash} hälsade på de två "
    "delegationerna.",
    "Ett hedersgarde paraderade när de två ledarna gick längs den röda mattan framför {palace}.",
]
TALKS = [
    "Efter ceremonin höll {Bsh} och {Ash} samtal vid {palace}.",
    "{BshC} och {Ash} förde {d2} samtal på tu man hand, följt av överläggningar mellan de två delegationerna.",
    "{Wd2C} hade {Ash} ett bilateralt möte med {Bx}, där handel, energi och regional säkerhet stod på dagordningen.",
    "De två ledarna höll samtal om hela bredden av förbindelserna mellan {X} och {Y}.",
    "Samtalen mellan {Ash} och {Bsh} pågick i närmare tre timmar, betydligt längre än planerat.",
    "{BshC} och {Ash} diskuterade {wd2} hur det politiska och ekonomiska samarbetet kan fördjupas.",
    "{AshC} träffade {Bx} för officiella samtal {d2}.",
    "Vid mötet i {palace} samtalade {Bsh} och {Ash} om handel, investeringar och läget i {region}.",
]
TALK_CONTENT_VISIT = [
    "{BshC} välkomnade {Ash} varmt och framhöll att besöket kommer vid en tidpunkt då relationen mellan {Y} "
    "och "
    "{X} utvecklas snabbt.",
    "{AshC} tackade {Y} för det hjärtliga mottagandet och för landets stöd i {forum}.",
    "{BshC} uppskattade att {Ash} har valt {Y} som mål för en av sina första resor utomlands.",
]
TALK_CONTENT = [
    "{AshC} uppskattade de framsteg som {Y} har gjort under de senaste åren och landets allt viktigare roll "
    "i "
    "regionen.",
    "{BshC} framhöll att {Y} ser {X} som en pålitlig partner och en viktig röst i internationella sammanhang.",
    "Båda ledarna konstaterade att förtroendet mellan länderna är högt och att det finns en stor outnyttjad "
    "potential inom ekonomi och handel.",
    "{BshC} informerade om {Yg} prioriteringar för de kommande åren, bland annat inom {sectorsB}.",
    "De två sidorna utbytte även synpunkter på internationella och regionala frågor av gemensamt intresse, "
    "däribland läget i {region}.",
    "{AshC} betonade att {X} står fast vid en fredlig lösning av tvister i enlighet med internationell rätt "
    "och "
    "FN-stadgan.",
    "{BshC} påpekade att de {ya} och {xa} ekonomierna kompletterar varandra väl och att båda länderna har "
    "mycket "
    "att vinna på närmare förbindelser.",
    "{AshC} underströk att {X} vill vara en långsiktig partner för {Y} och inte bara en leverantör av varor "
    "och "
    "tjänster.",
    "{BshC} redogjorde för de reformer som regeringen har genomfört för att förbättra investeringsklimatet.",
    "{AshC} påminde om att många {xa} företag redan är verksamma i {Y} och att fler vill etablera sig där.",
    "Enligt båda sidor präglades samtalen av öppenhet och ömsesidig respekt.",
]
AGREEMENTS = [
    "De två ledarna enades om att fördjupa samarbetet inom {sectors}.",
    "Parterna kom överens om att utöka samarbetet inom {sectors} och att underlätta för företag från båda "
    "länderna att etablera sig på varandras marknader.",
    "{AshC} och {Bsh} enades också om att inrätta en gemensam arbetsgrupp för {sec1}, som ska sammanträda "
    "minst "
    "två gånger om året.",
    "Ledarna var också överens om att samarbeta närmare inom {sectors}, och att se över de regler som i dag "
    "bromsar utbytet.",
    "{AshC} föreslog att länderna ska inleda förhandlingar om ett nytt ramavtal för {sec1}, vilket {Bsh} "
    "ställde "
    "sig positiv till.",
    "De två regeringarna lovade att ta fram en handlingsplan för samarbetet inom {sectors} före årets slut.",
    "Båda sidor kom dessutom överens om att öka antalet direktflyg mellan {capX} och {capY} och att förenkla "
    "visumreglerna för affärsresenärer.",
    "De två sidorna enades om att stärka samarbetet inom {sectors}, särskilt genom gemensamma projekt och "
    "utbyte av experter.",
    "{BshC} och {Ash} kom överens om att ses regelbundet och att låta utrikesministrarna följa upp besluten "
    "varje "
    "halvår.",
]
TARGETS = [
    "De två sidorna kom överens om att höja den bilaterala handeln till {target} senast {tyear}.",
    "Båda sidor åtog sig att verka för att handeln mellan länderna når {target} inom {tyears} år.",
    "Målet är att den årliga handeln ska nå {target}, jämfört med omkring {trade} i dag, sade {Bsh}.",
    "Ledarna enades om att sikta på en handelsvolym på {target} per år, och att {xa} investeringar i {Y} ska "
    "fördubblas.",
    "Parterna lovade att arbeta för att de ömsesidiga investeringarna ska uppgå till {target} före {tyear}.",
]
UPGRADES = [
    "Länderna beslutade att uppgradera sina förbindelser till ett omfattande strategiskt partnerskap.",
    "De två ledarna antog ett gemensamt uttalande om {topic}.",
    "Under besöket lyfte {X} och {Y} sina förbindelser till ett strategiskt partnerskap, det högsta steget i "
    "{Yg} diplomatiska hierarki.",
    "I ett gemensamt uttalande efter mötet slog ledarna fast att relationen ska vila på förtroende, "
    "ömsesidig "
    "nytta och respekt för internationell rätt.",
]
SIGNINGS = [
    "I närvaro av de två ledarna undertecknades {ndocs} samarbetsdokument inom områden som {sectors}.",
    "Efter samtalen bevittnade {Ash} och {Bsh} undertecknandet av {ndocs} avtal och samförståndsavtal mellan "
    "ministerier och företag från de två länderna.",
    "Sammanlagt undertecknades {ndocs} dokument, bland annat om {sectors}, till ett sammanlagt värde av {amount}.",
    "Vid ceremonin utväxlades {ndocs} samförståndsavtal, däribland ett ramavtal om {sec1} värt {amount}.",
    "Företag från de två länderna tecknade dessutom avtal värda sammanlagt {amount}, enligt {Yg} handelsministerium.",
    "De två ledarna skrev under en avsiktsförklaring om {sec1}, och ministrar från båda länderna "
    "undertecknade "
    "{ndocs} ytterligare överenskommelser.",
    "Avtalen som undertecknades under besöket omfattar bland annat {sectors} och har ett sammanlagt värde "
    "på över "
    "{amount}.",
]
SIGNINGS_FM = [
    "{A2xC} och {B2x} undertecknade ett avtal om {sec1}, medan företrädare för näringslivet skrev under "
    "ytterligare {ndocs2} kommersiella överenskommelser.",
    "Utrikesministrarna {A2} och {B2} signerade ett protokoll om årliga politiska konsultationer.",
]
AID = [
    "{AshC} meddelade att {X} ger {Y} ett bistånd på {small} för att hjälpa de områden som drabbats av {disaster}.",
    "{X} är redo att skicka experter och utrustning för att hjälpa {Y} med återuppbyggnaden efter "
    "{disaster}, "
    "sade {Ash}.",
    "{Xg} regering har beviljat ett stöd på {small} till {Yg} arbete med {aidcause}.",
    "{X} donerade samtidigt medicinsk utrustning till ett värde av {small} till sjukhus i {cityY}.",
]
QUOTES_VISIT = [
    "– {Y} är en av våra viktigaste partner i regionen. Vi vill se mer handel, fler investeringar och fler "
    "möten "
    "mellan våra folk, sade {Ash} vid en gemensam presskonferens.",
    "– Det här besöket visar att våra länder kan göra mycket mer tillsammans än vad vi har gjort hittills, sade {Bsh}.",
    "– Vårt samarbete vilar på förtroende och på ett gemensamt intresse av en stabil omvärld, sade {Bsh} i "
    "sitt "
    "tal vid middagen.",
]
QUOTES = [
    "– Vi har haft öppna och konstruktiva samtal, också om de frågor där vi inte är överens, sade {Ash} till "
    "journalister efter mötet.",
    "– Vi vill att de {xa} företagen ska se {Y} som en naturlig plats att investera i, sade {Ash}.",
    "– Världen blir alltmer osäker, och då behöver vänner hålla ihop, sade {Bsh}.",
    "– Det finns en stark vilja på båda sidor att gå från ord till handling, sade {Ash}.",
    "– Vi ser {X} som en partner för lång tid framöver, sade {Bsh} enligt ett uttalande från {Yg} regering.",
]
INVITATIONS = [
    "{AshC} bjöd in {Bsh} att göra ett besök i {X} vid en tidpunkt som passar båda sidor.",
    "{AshC} framförde en inbjudan till {Bsh} att besöka {X} under {nextyear}.",
    "Vid middagen bjöd {Ash} in {Bx} till {capX} för fortsatta samtal.",
    "{AshC} inbjöd {Bsh} att avlägga ett officiellt besök i {X}.",
    "{Xg} {At} passade också på att bjuda in {Bsh} till {capX}.",
]
ACCEPTANCES = [
    "{BshC} accepterade inbjudan med glädje.",
    "{BshC} tackade ja till inbjudan och sade att datum ska bestämmas via diplomatiska kanaler.",
    "{BshC} tog emot inbjudan och lovade att återkomma om tidpunkten.",
    "{BshC} accepterade inbjudan och sade sig se fram emot att besöka {capX}.",
]
CONGRATULATIONS = [
    "{AshC} gratulerade {Bsh} till {Yg} ekonomiska framgångar och till landets växande internationella roll.",
    "{BshC} gratulerade {X} till {xoccasion} och önskade landet framgång.",
    "{AshC} framförde sina gratulationer till {Yg} folk inför {ann}-årsdagen av landets nationaldag.",
    "{BshC} berömde {Xg} insatser inom {forum} och tackade för landets stöd.",
    "{AshC} lyckönskade {Bsh} inför det kommande ordförandeskapet i regionens samarbetsorganisation.",
]
SECOND_MEETING = [
    "Samma eftermiddag tog {B3x} emot {Ash} i {palace2}.",
    "{AshC} träffade även {B3x}, som framhöll vikten av ett närmare samarbete inom {sec1}.",
    "{Tod3} {d3} sammanträffade {Ash} med {B3x}, som uppskattade att {X} har valt att satsa på förbindelserna med {Y}.",
    "{B3xC} tog {d3} emot {Ash} för ett samtal om det ekonomiska samarbetet.",
]
FM_MEETINGS = [
    "Parallellt med ledarnas samtal träffades {A2x} och {B2x} för att gå igenom de avtal som skulle undertecknas.",
    "{B2xC} och {A2x} höll ett separat möte om konsulära frågor och samarbetet i {forum}.",
    "Utrikesministrarna {B2} och {A2} hade tidigare under dagen förberett ledarnas samtal.",
]
SLIP_MEETINGS = [
    "{Tod3} {d3} tog generalsekreteraren för Vietnams kommunistiska partis centralkommitté {slip} emot {Ash} "
    "vid partiets högkvarter i Hanoi.",
    "{AshC} träffade också generalsekreterare {slip}, som betonade partiets vilja att bygga vidare på banden med {X}.",
    "Under besöket sammanträffade {Ash} även med generalsekreterare {slip} i partiets högkvarter.",
]
SLIP_FOLLOWUPS = [
    "Generalsekreterare {slip} framhöll att Vietnam värdesätter {Xg} stöd och vill se fler {xa} "
    "investeringar i "
    "landet.",
    "{slipC} sade att förbindelserna med {X} har en lång historia och en ljus framtid.",
    "Generalsekreteraren {slip} uppskattade de {xa} företagens bidrag till Vietnams utveckling.",
]
DEPARTURES = [
    "{AshC} lämnade {capY} {wdl} och avslutade därmed {visit_def} i {Y}.",
    "{Visit_defC} avslutades {dl} med ett besök i {cityY}, där {Ash} träffade företrädare för {xa} företag.",
    "Innan avresan {dl} besökte {Ash} ett industriområde utanför {capY} där flera {xa} företag har fabriker.",
    "Samma kväll reste {Ash} vidare till {next_stop} för nästa etapp av resan.",
    "{AshC} avslutade sitt besök {dl} och flög därefter hem till {capX}.",
]

PHONE_LEADS = [
    "{Af} höll {d1} ett telefonsamtal med {Yg} {Bt} {B}.",
    "{Tod1} {d1} ringde {Ax} upp {Bf} för att diskutera {topic}.",
    "{Af} och {Bf} talade i telefon {wd1e} om de bilaterala förbindelserna och läget i {region}.",
    "Under ett videosamtal {d1} diskuterade {Ax} och {Bl} hur samarbetet mellan länderna kan utvecklas.",
    "{Al} höll {d1} ett telefonsamtal med {Bl}.",
    "{Ax} och {Bx} hade {wd1k} ett telefonsamtal som enligt {Xg} regering varade i drygt en timme.",
]
PHONE_CONTENT = [
    "Under samtalet framförde {Ash} sina hälsningar till {Yg} ledning och folk.",
    "{BshC} tackade för samtalet och underströk att {Y} vill fördjupa det politiska förtroendet med {X}.",
    "De två ledarna gick igenom genomförandet av de överenskommelser som träffades vid det senaste mötet på hög nivå.",
    "{AshC} uttryckte sitt deltagande med de familjer som drabbats av {disaster} i {Y}.",
    "Samtalet var det {nth} mellan de två ledarna i år, enligt {Xg} regeringskansli.",
    "Samtalet skedde på initiativ av {Xg} sida.",
    "Ledarna diskuterade också förberedelserna för ett möte på hög nivå senare under året.",
]
SUMMIT_LEADS = [
    "Vid sidan av {summit} i {summit_city} träffade {Af} {Bf} {d1}.",
    "{Af} höll ett bilateralt möte med {Bf} i samband med {summit} i {summit_city} {range}.",
    "I marginalen av {summit} sammanträffade {Ax} {wd1} med {Yg} {Bt} {B}.",
    "{Ax} och {Bx} möttes {d1} i {summit_city}, där båda deltog i {summit}.",
]
SUMMIT_CONTEXT = [
    "Toppmötet samlade stats- och regeringschefer från ett fyrtiotal länder och präglades av diskussioner om "
    "världsekonomin och konflikterna i {region}.",
    "Mötet var det första mellan de två ledarna sedan {Bsn} tillträdde.",
    "Delegationerna möttes i en av konferenscentrets mindre salar under drygt en timme.",
    "Värdlandet hade lagt stor vikt vid säkerhetsarrangemangen, och stora delar av {summit_city} var avspärrade.",
    "På toppmötets dagordning stod bland annat klimatfinansiering, handel och reformer av de internationella "
    "finansinstitutionerna.",
]
FUTURE_LEADS = [
    "{Af} kommer att avlägga {a_visit} i {Y} {range}, meddelade {Yg} utrikesministerium {wdp}.",
    "{Ax} ska resa till {capY} {range} för {a_visit}, enligt ett pressmeddelande från {Xg} regering.",
    "På inbjudan av {Bx} kommer {Af} att besöka {Y} {range}.",
    "{Xg} regering meddelade {wdp} att {Ax} ska göra {a_visit} i {Y} {range}.",
]
FUTURE_CONTENT = [
    "Under besöket väntas {Ash} hålla samtal med {Bx} och underteckna flera avtal inom {sectors}.",
    "Enligt programmet ska {Ash} även träffa företrädare för {ya} näringsliv och besöka {cityY}.",
    "Besöket förväntas fokusera på {sectors}, enligt diplomatiska källor i {capY}.",
    "{Xg} utrikesministerium uppger att de två sidorna planerar att anta ett gemensamt uttalande om {topic} "
    "vid "
    "besöket.",
    "{AshC} kommer att åtföljas av en delegation med ett femtiotal företagsledare.",
    "Detaljerna i programmet har ännu inte offentliggjorts av säkerhetsskäl.",
    "Det blir i så fall första gången på {gap} år som en {xs} {At} besöker {Y}.",
]
RECEPTION_LEADS = [
    "{Bx} tog {d1} emot {Xg} {A2t} {A2}, som befinner sig på {a_visit} i {Y}.",
    "{Tod1} {d1} mottog {Bf} {A2f} i {palace}.",
    "{Yg} {Bt} {B} träffade {wd1} {Xg} {A2t} {A2} i {capY}.",
    "{A2f} togs {d1} emot av {Bx} i samband med sitt besök i {Y}.",
]
RECEPTION_CONTENT = [
    "{BshC} uppskattade att {A2sh} har valt {Y} som ett av de första resmålen sedan tillträdet.",
    "{A2shC} framförde hälsningar från {Xg} ledning och bekräftade landets stöd för ett närmare samarbete.",
    "{A2shC} och {B2x} höll tidigare samma dag samtal vid utrikesministeriet i {capY}.",
    "De två sidorna diskuterade förberedelserna inför ett kommande besök på hög nivå.",
    "{BshC} bad {A2sh} att framföra sina hälsningar till {Xg} ledning.",
]

BACKGROUND = [
    "Diplomatiska förbindelser mellan {X} och {Y} upprättades {yrel}, och sedan dess har utbytet vuxit stadigt.",
    "Den bilaterala handeln uppgick förra året till omkring {trade}, en ökning med {pct} procent jämfört "
    "med året "
    "innan.",
    "{X} är i dag en av {Yg} viktigaste handelspartner, och {xa} företag har investerat i över {nproj} "
    "projekt i "
    "landet.",
    "Omkring {nstud} studenter från {Y} studerar för närvarande vid universitet och högskolor i {X}.",
    "Enligt Världsbanken växte {Yg} ekonomi med {gdp} procent förra året, vilket gör landet till en av de "
    "snabbast växande ekonomierna i sin region.",
    "Bedömare som nyhetsbyrån har talat med menar att relationen mellan länderna har gått in i en ny fas, "
    "även om "
    "handeln fortfarande är liten jämfört med grannländernas.",
    "Flygförbindelserna mellan {capX} och {capY} har byggts ut under de senaste åren, och antalet turister "
    "från "
    "{X} har ökat för varje år.",
    "{Xg} ambassad i {capY} öppnades på {decade}-talet och är i dag en av landets största beskickningar i regionen.",
    "Under det senaste decenniet har utbytet mellan ländernas universitet, forskningsinstitut och "
    "kulturinstitutioner vuxit kraftigt.",
    "Säkerheten i regionen, klimatförändringarna och läget i världsekonomin har präglat den internationella "
    "dagordningen under året.",
    "Enligt statistik från {Yg} tullmyndighet exporterade landet varor för {trade} till {X} under de första "
    "{nmon} "
    "månaderna i år, främst elektronik, textilier och jordbruksprodukter.",
    "{X} har länge varit en betydande givare av utvecklingsbistånd till {Y}, framför allt inom vatten, "
    "utbildning och hälsa.",
    "Tidigare i år presenterade {Yg} regering en ny strategi för sina utrikesförbindelser, där {X} nämns "
    "som en "
    "prioriterad partner.",
    "Oppositionen i {X} har kritiserat regeringen för att prioritera handel framför frågor om mänskliga rättigheter.",
    "Enligt bedömare i {capY} är {xs} teknik och kompetens inom {sec1} särskilt intressanta för landets "
    "fortsatta "
    "modernisering.",
    "{Y} har under de senaste åren blivit en allt viktigare producent av elektronik och komponenter för den "
    "globala marknaden.",
    "Ekonomer pekar på att ländernas ekonomier har olika styrkor: {X} inom avancerad industri och tjänster, "
    "{Y} "
    "inom tillverkning och råvaror.",
    "Mer än {ncomp} {xa} företag är i dag etablerade i {Y}, de flesta i och kring {capY}.",
    "Frågan om ett frihandelsavtal mellan {Y} och {X} har diskuterats i flera år utan att förhandlingarna "
    "har "
    "kommit särskilt långt.",
    "{Yg} centralbank höjde i våras sin tillväxtprognos för året, bland annat på grund av ökad export till "
    "Europa "
    "och Asien.",
    "Det {xa} intresset för {Y} har vuxit i takt med att många företag söker nya marknader och leverantörer "
    "utanför sina traditionella handelspartner.",
    "Flera människorättsorganisationer har uppmärksammat pressfriheten i regionen under året.",
    "Befolkningen i {capY} har mer än fördubblats sedan {decade}-talet, och staden brottas med "
    "trafikstockningar "
    "och luftföroreningar.",
    "Redan {yrel2} öppnade {X} ett handelskontor i {capY}, som ett av de första länderna i sin region.",
]
BACKGROUND_VISIT = [
    "Besöket sker i ett läge då världshandeln präglas av osäkerhet, nya tullar och störda leveranskedjor.",
    "I {capY} hade förberedelserna pågått i flera veckor, och delar av stadens centrum var avspärrade under "
    "besöksdagarna.",
    "Vädret i {capY} var under besöksdagarna ovanligt {weather}, med temperaturer kring {temp} grader.",
    "Flera människorättsorganisationer hade inför besöket uppmanat {Ash} att ta upp pressfriheten i {Y}.",
    "Lokala medier i {capY} följde besöket nära, och flera tidningar publicerade långa intervjuer med {Ash}.",
]
BACKGROUND_PEOPLE = [
    "Antalet {ypeople} som bor i {X} uppskattas till omkring {ndiaspora}, och många av dem driver egna företag.",
]
DISASTERS = ["översvämningarna", "jordbävningen", "tyfonen", "de omfattande skogsbränderna", "torkan"]
AID_CAUSES = ["minröjning", "rent vatten", "klimatanpassning", "skolbyggen på landsbygden", "mödrahälsovård"]
OCCASIONS = [
    "nationaldagen",
    "valet av ny regering",
    "ordförandeskapet i regionens samarbetsorganisation",
    "framgångarna i kampen mot fattigdom",
    "det lyckade värdskapet för ett internationellt toppmöte",
]


# ------------------------------------------------------------------------------------------------ articles


class _Ctx(dict):
    def __missing__(self, key):
        raise KeyError(f"template placeholder {{{key}}} has no value")


class _Writer:
    """Fills templates from one context; a template is used at most once per article."""

    def __init__(self, rng: random.Random, ctx: dict):
        self.rng, self.ctx, self.used = rng, ctx, set()

    def pick(self, templates: list[str], k: int = 1) -> list[str]:
        fresh = [t for t in templates if t not in self.used]
        chosen = self.rng.sample(fresh, min(k, len(fresh)))
        self.used.update(chosen)
        return [cap(t.format_map(self.ctx)) for t in chosen]

    def one(self, templates: list[str]) -> list[str]:
        return self.pick(templates, 1)


def _person_keys(ctx: dict, key: str, p: Official, c: Country, rng: random.Random) -> None:
    short = p.short_name if rng.random() < 0.7 else p.name
    ctx[key] = p.name
    ctx[key + "t"] = p.t
    ctx[key + "t_cap"] = cap(p.t)
    ctx[key + "td"] = p.td
    ctx[key + "x"] = f"{p.t} {p.name}"
    ctx[key + "xC"] = cap(f"{p.t} {p.name}")
    ctx[key + "f"] = f"{c.gen} {p.t} {p.name}"
    ctx[key + "l"] = f"{p.td} för {c.long} {p.name}"
    ctx[key + "sh"] = f"{p.t} {short}"
    ctx[key + "shC"] = cap(f"{p.t} {short}")
    ctx[key + "sn"] = short
    ctx[key + "sng"] = genitive(short)


def _pick_pair(rng: random.Random, rosters: dict, slip: bool) -> tuple[str, str]:
    names = sorted(rosters)
    if slip:
        host = "VNM"
    else:
        r = rng.random()
        host = "VNM" if r < 0.3 else "SWE" if r < 0.5 else rng.choice(names)
    if host not in rosters:
        host = rng.choice(names)
    r = rng.random()
    visitor = "SWE" if r < 0.12 and host != "SWE" else "VNM" if r < 0.24 and host != "VNM" else rng.choice(names)
    while visitor == host or visitor not in rosters:
        visitor = rng.choice(names)
    if rng.random() < 0.5 and not slip:
        host, visitor = visitor, host
    return visitor, host


def article(seed: int, index: int) -> str:
    """One article, a pure function of (seed, index)."""
    rng = random.Random(f"communique-bench:{seed}:{index}")
    countries = _countries()
    slip = rng.random() < 0.04
    first = date(2024, 8, 10) if slip else FIRST_DAY
    start = first + timedelta(days=rng.randrange((LAST_DAY - first).days))
    rosters = rosters_on(start)
    if slip and "party" not in rosters.get("VNM", {}):
        slip = False
    x_iso, y_iso = _pick_pair(rng, rosters, slip)
    X, Y = countries[x_iso], countries[y_iso]
    rx, ry = rosters[x_iso], rosters[y_iso]

    kind = rng.choices(["visit", "phone", "summit", "future", "reception"], [55, 15, 12, 10, 8])[0]
    common = [lv for lv in ("state", "gov", "fm") if lv in rx and lv in ry]
    level = "fm" if kind == "reception" else rng.choice([lv for lv in common if lv != "fm"] or common)
    if level == "state" and kind != "visit" and "gov" in common and "King" in (rx[level].office, ry[level].office):
        level = "gov"  # kings make state visits, not phone calls
    A, B = rx[level], ry[level]
    A2 = rx["fm"] if level != "fm" else None
    B2 = ry["fm"] if level != "fm" else None
    others = [ry[lv] for lv in ("party", "state", "gov") if lv in ry and ry[lv].name != B.name]
    if kind == "reception":
        B = ry.get("gov") or ry.get("state")
        A2, B2, others = A, ry["fm"], []
    B3 = rng.choice(others) if others else None
    if slip and B3 is not None and B3.level == "party":
        B3 = None  # the slip paragraph names To Lam itself

    length = rng.choice([1, 2, 2, 3, 3, 4]) if kind in ("visit", "future") else 1
    end = start + timedelta(days=length - 1)
    d2 = start + timedelta(days=min(1, length - 1))
    d3 = start + timedelta(days=min(2, length - 1))
    visit_kind = {
        "state": rng.choice(["state", "state", "official"]),
        "gov": rng.choice(["official", "working"]),
        "fm": rng.choice(["official", "working", "working"]),
    }[level]
    visit, visit_def, a_visit = {
        "state": ("statsbesök", "statsbesöket", "ett statsbesök"),
        "official": ("officiellt besök", "det officiella besöket", "ett officiellt besök"),
        "working": ("arbetsbesök", "arbetsbesöket", "ett arbetsbesök"),
    }[visit_kind]
    sectors_all = _sectors()
    sector_keys = rng.sample(sorted(sectors_all), rng.randint(2, 5))
    sector_words = [rng.choice(sectors_all[k]) for k in sector_keys]
    other_keys = rng.sample(sorted(sectors_all), 3)
    summit, summit_city = rng.choice(SUMMITS)
    pub = (
        start - timedelta(days=rng.randint(3, 20)) if kind == "future" else end + timedelta(days=rng.choice([0, 0, 1]))
    )
    tods = ["På morgonen", "På förmiddagen", "På eftermiddagen", "På kvällen"]

    ctx = _Ctx()
    for key, person, country in (("A", A, X), ("B", B, Y), ("A2", A2, X), ("B2", B2, Y), ("B3", B3, Y)):
        if person is not None:
            _person_keys(ctx, key, person, country, rng)
    ctx.update(
        X=X.name,
        Xg=X.gen,
        xa=X.adj,
        xs=X.adj_base,
        capX=X.capital,
        Y=Y.name,
        Yg=Y.gen,
        ya=Y.adj,
        capY=Y.capital,
        cityY=rng.choice(Y.cities or (Y.capital,)),
        ypeople=Y.people or "",
        visit=visit,
        visit_def=visit_def,
        Visit_defC=cap(visit_def),
        a_visit=a_visit,
        range=date_range(rng, start, end, year=rng.random() < 0.7),
        range_bare=bare_range(start, end),
        d1="den " + day_month(start),
        d2="den " + day_month(d2),
        d3="den " + day_month(d3),
        dl="den " + day_month(end),
        wd1=weekday_phrases(start)[""],
        wd1m=weekday_phrases(start)["m"],
        wd1e=weekday_phrases(start)["e"],
        wd1k=weekday_phrases(start)["k"],
        wd2=weekday_phrases(d2)[""],
        Wd2C=cap(weekday_phrases(d2)["e"]),
        wdl=weekday_phrases(end)[rng.choice(["", "e", "k"])],
        wdp=weekday_phrases(pub)[""],
        Tod1=rng.choice(tods),
        Tod2=rng.choice(tods[:2]),
        Tod3=rng.choice(tods),
        month=MONTHS[start.month - 1],
        year=start.year,
        nextyear=start.year + 1,
        sectors=join_list(sector_words),
        sec1=sector_words[0],
        sectorsB=join_list([rng.choice(sectors_all[k]) for k in other_keys]),
        ndocs=count(rng, rng.randint(2, 20)),
        ndocs2=count(rng, rng.randint(2, 12)),
        amount=money(rng, rng.choice(["big", "medium"])),
        target=money(rng, "big"),
        trade=money(rng, "big"),
        small=money(rng, "small"),
        tyear=start.year + rng.randint(2, 6),
        tyears=rng.choice(["tre", "fem", "tio"]),
        gap=rng.choice(["tio", "femton", "tjugo", "över trettio", str(rng.randint(6, 25))]),
        nth=rng.choice(ORDINALS[:4]),
        anniv=rng.choice([30, 40, 50, 55, 60, 70, 75]),
        palace=rng.choice(PALACES),
        palace2=rng.choice(PALACES),
        monument=rng.choice(MONUMENTS),
        forum=rng.choice(FORUMS),
        region=rng.choice(REGIONS),
        topic=rng.choice(TOPICS),
        summit=summit,
        summit_city=summit_city,
        disaster=rng.choice(DISASTERS),
        aidcause=rng.choice(AID_CAUSES),
        xoccasion=rng.choice(OCCASIONS),
        ann=rng.randint(30, 80),
        next_stop=rng.choice([c.name for c in countries.values() if c.iso3 not in (x_iso, y_iso)]),
        yrel=rng.randint(1950, 1995),
        yrel2=rng.randint(1960, 2005),
        pct=rng.randint(3, 35),
        nproj=rng.randint(20, 400),
        nstud=rng.choice(["tusen", "2 000", "3 500", "800", "1 200"]),
        gdp=str(rng.randint(20, 75) / 10).replace(".", ","),
        decade=rng.choice([1950, 1960, 1970, 1980, 1990]),
        nmon=rng.choice(["sex", "sju", "åtta", "nio"]),
        ncomp=rng.choice([40, 60, 80, 120, 150, 200]),
        ndiaspora=rng.choice(["20 000", "45 000", "100 000"]),
        weather=rng.choice(WEATHER),
        temp=rng.randint(4, 34),
        slip="till Lam",
        slipC="Till Lam",
    )
    w = _Writer(rng, ctx)
    n = rng.randint

    # (order, sentences): mandatory paragraphs, then optional event paragraphs, then background as filler
    must: list[tuple[int, list[str]]] = []
    optional: list[tuple[int, list[str]]] = []
    if kind == "visit":
        headline = w.one(HEADLINES_VISIT)[0]
        must.append((10, w.one(LEADS_VISIT) + w.pick(LEAD_CONTEXT + (LEAD_CONTEXT_FM if A2 else []), n(0, 1))))
        if B2:
            must.append((20, w.one(ARRIVALS) + w.pick(CEREMONIES, n(0, 2))))
        must.append((30, w.one(TALKS) + w.pick(TALK_CONTENT_VISIT + TALK_CONTENT, n(2, 3))))
        must.append((40, w.pick(AGREEMENTS, n(1, 2))))
        must.append((50, w.pick(SIGNINGS, n(1, 2))))
        must.append((70, w.one(INVITATIONS) + w.one(ACCEPTANCES)))
        optional += [
            (41, w.one(TARGETS)),
            (45, w.one(QUOTES_VISIT + QUOTES)),
            (55, w.pick(TALK_CONTENT, 2)),
            (75, w.one(CONGRATULATIONS)),
            (80, w.one(DEPARTURES)),
            (58, w.one(QUOTES_VISIT + QUOTES)),
        ]
        if rng.random() < 0.5:
            optional.append((42, w.one(UPGRADES)))
        if A2 and B2:
            optional += [(51, w.one(SIGNINGS_FM)), (35, w.one(FM_MEETINGS))]
        if B3:
            optional.append((60, w.one(SECOND_MEETING) + w.pick(TALK_CONTENT, 1)))
        if rng.random() < 0.15:
            optional.append((52, w.one(AID)))
    elif kind == "phone":
        headline = w.one(HEADLINES_PHONE)[0]
        must.append((10, w.one(PHONE_LEADS) + w.pick(PHONE_CONTENT, n(1, 2))))
        must.append((30, w.pick(TALK_CONTENT, 2)))
        must.append((40, w.pick(AGREEMENTS, n(1, 2))))
        must.append((70, w.one(INVITATIONS) + (w.one(ACCEPTANCES) if rng.random() < 0.6 else [])))
        optional += [
            (41, w.one(TARGETS)),
            (55, w.pick(PHONE_CONTENT, 2)),
            (75, w.one(CONGRATULATIONS)),
            (45, w.one(QUOTES)),
            (35, w.pick(TALK_CONTENT, 2)),
        ]
        if rng.random() < 0.3:
            optional.append((50, w.one(AID)))
    elif kind == "summit":
        headline = w.one(HEADLINES_SUMMIT)[0]
        must.append((10, w.one(SUMMIT_LEADS) + w.pick(SUMMIT_CONTEXT, 1)))
        must.append((30, w.pick(TALK_CONTENT, 3)))
        must.append((40, w.pick(AGREEMENTS, n(1, 2))))
        must.append((70, w.one(INVITATIONS) + w.one(ACCEPTANCES)))
        optional += [
            (41, w.one(TARGETS)),
            (45, w.one(QUOTES)),
            (55, w.pick(SUMMIT_CONTEXT, 2)),
            (75, w.one(CONGRATULATIONS)),
            (35, w.pick(TALK_CONTENT, 2)),
        ]
        if rng.random() < 0.4:
            optional.append((42, w.one(UPGRADES)))
    elif kind == "future":
        headline = w.one(HEADLINES_FUTURE)[0]
        must.append((10, w.one(FUTURE_LEADS) + w.pick(LEAD_CONTEXT, 1)))
        must.append((30, w.pick(FUTURE_CONTENT, n(2, 3))))
        optional += [(40, w.pick(FUTURE_CONTENT, 2)), (45, w.pick(FUTURE_CONTENT, 2))]
    else:  # the visiting foreign minister received by the host's head of government
        headline = w.one(HEADLINES_RECEPTION)[0]
        must.append((10, w.one(RECEPTION_LEADS) + w.pick(RECEPTION_CONTENT, 2)))
        must.append((30, w.pick(TALK_CONTENT, 2)))
        must.append((40, w.pick(AGREEMENTS, 1)))
        optional += [
            (45, w.pick(RECEPTION_CONTENT, 2)),
            (75, w.one(CONGRATULATIONS)),
            (35, w.pick(TALK_CONTENT, 2)),
            (50, w.one(QUOTES)),
        ]
    if slip:
        must.append((62, (w.one(SLIP_MEETINGS) if kind == "visit" else []) + w.one(SLIP_FOLLOWUPS)))
    rng.shuffle(optional)

    backgrounds = BACKGROUND + (BACKGROUND_VISIT if kind == "visit" else []) + (BACKGROUND_PEOPLE if Y.people else [])
    bg = w.pick(backgrounds, 14)
    for i in range(0, len(bg), 2):
        optional.append((rng.choice([15, 36, 56, 65, 85, 90]), bg[i : i + 2]))

    target = rng.randint(3500, 4700)
    source = None
    if rng.random() < 0.4:
        slug = dictionary.slug(f"{X.name} {Y.name} {headline}")[:70]
        number = rng.randint(10000, 999999)
        source = f"Källa: https://example.org/{start.year}/{start.month:02d}/{slug}-{number}.html"
    mt_style = rng.random() < 0.5
    header = [headline]
    if not mt_style and rng.random() < 0.6:
        header.append(f"Publicerad {pub.isoformat()}")
    elif rng.random() < 0.3:
        must[0][1][0] = f"{Y.capital.upper()}, {day_month(pub)} {pub.year} – " + must[0][1][0]

    chosen = [item for item in must if item[1]]
    size = len("\n".join(header).encode()) + (len(source.encode()) + 1 if source else 0)
    size += sum(len(" ".join(p).encode()) + 2 for _, p in chosen)
    for item in optional:
        if size >= target:
            break
        if item[1]:
            chosen.append(item)
            size += len(" ".join(item[1]).encode()) + 2
    chosen.sort(key=lambda item: item[0])
    sep = "\n" if mt_style else "\n\n"
    text = sep.join(["\n".join(header)] + [" ".join(p) for _, p in chosen])
    if source:
        text += "\n" + source
    return text + "\n"


def generate(n: int = 1000, seed: int = 7) -> list[str]:
    """`n` articles for `seed`; article i is the same whatever n is."""
    return [article(seed, i) for i in range(n)]


def article_in(lang: str, seed: int, index: int) -> str:
    """Article `index` in `lang` (sv, en or mixed); the Swedish ones are those of `article(seed, index)`."""
    if lang == "mixed":
        lang = "en" if random.Random(f"communique-bench-lang:{seed}:{index}").random() < 0.5 else "sv"
    if lang == "en":
        from corpus_en import article_en  # imported late: corpus_en imports this module

        return article_en(seed, index)
    return article(seed, index)


def write_corpus(out: Path, n: int, seed: int, lang: str) -> None:
    """Write `n` articles to `out`, one file each, one at a time (100 000 articles never sit in memory)."""
    out.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(n)))
    for i in range(n):
        (out / f"article_{i:0{width}d}.txt").write_text(article_in(lang, seed, i), encoding="utf-8")


def check_english(n: int, seed: int) -> None:
    """Code `n` English articles and print the share whose events link the article's two states."""
    from corpus_en import build

    from communique.pipeline import Pipeline
    from communique.settings import Settings

    pipeline = Pipeline(settings=Settings(language="en"))
    rows: dict[str, list[int]] = {}  # kind -> [articles, any event, CONSULT, CONSULT visitor -> host]
    for i in range(n):
        art = build(seed, i)
        events = pipeline.process_text(art.text).events
        links = {(e.event_type, a, r) for e in events for a in e.actor_country for r in e.recipient_country}
        pair = {(art.visitor, art.host), (art.host, art.visitor)}
        row = rows.setdefault(art.kind, [0, 0, 0, 0])
        row[0] += 1
        row[1] += any((a, r) in pair for _, a, r in links)
        row[2] += any(t == "CONSULT" and (a, r) in pair for t, a, r in links)
        row[3] += ("CONSULT", art.visitor, art.host) in links
    rows["all"] = [sum(r[k] for r in rows.values()) for k in range(4)]
    print("kind        articles  any event, right dyad  CONSULT, right dyad  CONSULT visitor -> host")
    for kind, (count, dyad, consult, directed) in rows.items():
        print(f"{kind:<10}  {count:8d}  {dyad / count:21.1%}  {consult / count:19.1%}  {directed / count:23.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", "-n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, default=None, help="write one .txt per article into this folder")
    parser.add_argument(
        "--lang", choices=["sv", "en", "mixed"], default="sv", help="article language; mixed: about half each"
    )
    parser.add_argument(
        "--sizes", default=None, help="comma-separated counts such as 1000,10000,100000: one folder OUT/<count> each"
    )
    parser.add_argument(
        "--check", action="store_true", help="code --count English articles and report the share with the right dyad"
    )
    args = parser.parse_args(argv)
    if args.check:
        check_english(args.count, args.seed)
        return 0
    if args.sizes:
        if args.out is None:
            parser.error("--sizes needs --out")
        for n in (int(s) for s in args.sizes.split(",")):
            write_corpus(args.out / str(n), n, args.seed, args.lang)
            print(f"wrote {n} {args.lang} articles to {args.out / str(n)}")
        return 0
    if args.out is None:
        sizes = [len(article_in(args.lang, args.seed, i).encode()) for i in range(args.count)]
        print(
            f"{len(sizes)} articles, mean {sum(sizes) / len(sizes):.0f} bytes, "
            f"min {min(sizes)}, max {max(sizes)} (use --out DIR to write them)"
        )
        return 0
    write_corpus(args.out, args.count, args.seed, args.lang)
    print(f"wrote {args.count} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
