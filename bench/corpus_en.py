"""English articles for `generate_corpus.py --lang en|mixed` (about 4 KB each, deterministic).

The genre is that of `examples/en/`: wire and state-media diplomatic news (visits, talks, phone calls,
agreements, signings with amounts, aid, invitations, congratulations) plus background paragraphs. Every
sentence comes from the templates below. Countries come from `lang/en/countries.yaml` (English names,
adjectives, capitals, cities), the officials in office on the article's date from the actor dictionary, and
their English titles from `lang/en/titles.yaml`. Article i depends only on (seed, i), through a random
stream of its own, so adding English never changes the Swedish articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import generate_corpus as sv

from communique import dictionary

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
ORDINALS = ["first", "second", "third", "fourth"]
# English writes "the" before these names; everything else about countries comes from the language pack
THE_PREFIXES = ("United ", "Republic ", "Czech Republic", "Central African", "Dominican Republic")
THE_SUFFIXES = ("lands", "ines", "ives", "amas", "Islands", "Emirates")

# contract sector -> English phrases (keys checked against lang/en/sectors.yaml)
SECTOR_PHRASES = {
    "agriculture": ["agriculture", "agriculture and food security", "fisheries and aquaculture", "forestry"],
    "culture": ["culture", "cultural exchange", "heritage conservation"],
    "defense": ["defence", "the defence industry", "military training"],
    "digital": ["digital transformation", "cybersecurity", "semiconductors", "artificial intelligence"],
    "economy": ["the economy", "economic development"],
    "education": ["education", "higher education", "vocational training"],
    "energy": ["energy", "renewable energy", "nuclear power", "power grids and energy storage"],
    "environment": ["the environment", "climate change response", "climate adaptation"],
    "finance": ["finance", "banking", "financial supervision"],
    "health": ["health", "health care", "pharmaceuticals", "vaccine production"],
    "infrastructure": ["infrastructure", "infrastructure projects"],
    "investment": ["investment", "investment promotion"],
    "justice": ["judicial cooperation", "the fight against corruption"],
    "labor": ["labour migration", "labour market issues"],
    "media": ["media", "press exchanges"],
    "people-to-people": ["people-to-people exchanges", "youth exchanges"],
    "science-technology": ["science and technology", "research and innovation", "technology transfer"],
    "security": ["security", "border security", "counter-terrorism", "maritime security"],
    "sport": ["sport"],
    "tourism": ["tourism"],
    "trade": ["trade", "free trade", "exports and imports"],
    "transport": ["transport", "shipping", "aviation", "railways", "logistics"],
}
PALACES = ["the Presidential Palace", "the Government Office", "the National Palace", "the State Guest House"]
MONUMENTS = ["the Tomb of the Unknown Soldier", "the National Monument", "the Independence Memorial"]
SUMMITS = [
    ("the G20 summit", "Rio de Janeiro"),
    ("the UN General Assembly", "New York"),
    ("the ASEAN Summit", "Vientiane"),
    ("the NATO summit", "The Hague"),
    ("the BRICS summit", "Kazan"),
    ("the World Economic Forum", "Davos"),
    ("the COP29 climate conference", "Baku"),
    ("the APEC summit", "Lima"),
    ("the UN Ocean Conference", "Nice"),
]
REGIONS = ["the Middle East", "Ukraine", "the South China Sea", "the Baltic Sea region", "the Sahel", "Myanmar"]
TOPICS = ["climate change", "regional security", "trade and investment", "multilateral cooperation"]
FORUMS = ["the UN Security Council", "the World Trade Organization", "the UN Human Rights Council"]
DISASTERS = ["the floods", "the earthquake", "the typhoon", "the wildfires", "the drought"]

# ------------------------------------------------------------------------------------------------ templates
# A = the visitor / caller (country X), B = the host (country Y), A2/B2 = their foreign ministers (or None).
# For a person P: P = full name, Pt = title ("President"), Px = "President Emmanuel Macron",
# Pf = "French President Emmanuel Macron", Pl = "President of France Emmanuel Macron", Psh = "President
# Macron", Psn = "Macron", Psng = "Macron's". X/Y names (with "the" where English needs it; XC/YC for a
# sentence start), Xg/Yg genitives, xa/ya adjectives, capX/capY capitals.

HEADLINES = {
    "visit": [
        "{Af} begins {visit} to {Y}",
        "{X}, {Y} agree to deepen cooperation in {sec1} during {Asng} visit",
        "{Bsh} holds talks with {Af} in {capY}",
        "{Asn} in {capY}: {ndocs} deals signed, new trade target set",
        "{YC} rolls out red carpet for {xa} {At}",
        "{Asn} wraps up {visit} to {Y}",
    ],
    "phone": [
        "{Asn}, {Bsn} discuss {topic} in phone call",
        "{Ash} holds phone talks with {Bf}",
        "Readout of {Asng} call with {Bx}",
        "{X} and {Y} leaders agree to speed up cooperation",
    ],
    "summit": [
        "{Asn} meets {Bsn} on sidelines of {summit}",
        "{X}, {Y} leaders hold bilateral talks in {summit_city}",
        "{Asn} and {Bsn} agree to boost ties at {summit}",
    ],
    "future": [
        "{Af} to pay {visit} to {Y}",
        "{Asn} to visit {capY} in {month}",
        "{Ysh} invites {Asn} for talks in {capY}",
    ],
    "reception": [
        "{Bx} receives {xa} Foreign Minister",
        "{Bsh} meets visiting {xa} Foreign Minister {A2}",
    ],
}
LEADS_VISIT = [
    "{Af} is paying {a_visit} to {Y} {range} at the invitation of {Bx}.",
    "At the invitation of {Bl}, {Af} paid {a_visit} to {Y} {range}.",
    "{Bf} held talks with {Af} in {capY} on {d2}, shortly after an official welcome ceremony for the {xa} leader.",
    "{Af} arrived in {capY} on {d1} for {a_visit} to {Y}, the first leg of a regional tour.",
    "{X} and {Y} took a new step in their relations as {Ax} paid {a_visit} to {capY} {range}.",
    "{Ax} of {X} visited {Y} {range}, the first visit at that level in {gap} years.",
]
LEAD_CONTEXT = [
    "It is the first visit to {Y} by a {xa} {Atl} since {yrel2}.",
    "The trip is {Asng} {nth} overseas visit this year.",
    "The visit comes as the two countries mark {anniv} years of diplomatic relations.",
]
ARRIVALS = [
    "{Ash} and the {xa} delegation were welcomed at {capY}'s international airport by {B2x}.",
    "{Ash} landed in {capY} on the evening of {d1} and was greeted at the airport by {B2x}.",
    "The {xa} delegation arrived in {capY} late on {wd1}.",
]
CEREMONIES = [
    "On the morning of {d2}, {Bx} chaired an official welcome ceremony for {Ash} at {palace}.",
    "{Ash} laid a wreath at {monument} after the ceremony.",
    "A guard of honour lined the red carpet in front of {palace} as the two leaders reviewed the troops.",
]
TALKS = [
    "Following the ceremony, {Bsh} held talks with {Ash} at {palace}.",
    "At the talks on {d2}, {Bsh} warmly welcomed {Ash} and said the visit came at a time when relations "
    "between {Y} and {X} were developing rapidly.",
    "{Bsh} and {Ash} held talks on {d2}, followed by a meeting between the two delegations.",
    "{Ash} met {Bx} for official talks on {d2}, covering trade, energy and the situation in {region}.",
]
TALK_CONTENT = [
    "{Ash} spoke highly of {Yg} achievements in recent years and its growing role in the region.",
    "{Bsh} said {Y} regards {X} as a reliable partner and an important voice in international affairs.",
    "Both leaders noted that political trust between the two countries is high and that there is great "
    "untapped potential in economic and trade ties.",
    "{Bsh} briefed his guest on {Yg} priorities for the coming years, including {sectorsB}.",
    "The two sides also exchanged views on regional and international issues of mutual concern, including "
    "the situation in {region}.",
    "{Ash} stressed that {X} supports the peaceful settlement of disputes in line with international law.",
    "{Ash} noted that many {xa} companies already operate in {Y} and that more want to invest there.",
    "According to both sides, the talks were held in an atmosphere of openness and mutual respect.",
    "{Bsh} said the {ya} and {xa} economies complement each other and that both have much to gain from closer ties.",
    "{Ash} underlined that {X} wants to be a long-term partner for {Y}, not just a supplier of goods and services.",
    "{Bsh} outlined the reforms his government has carried out to improve the investment climate.",
]
AGREEMENTS = [
    "The two leaders agreed to deepen cooperation in {sectors}.",
    "Both sides agreed to expand collaboration in {sectors} and to make it easier for businesses of each "
    "country to set up in the other.",
    "{Ash} and {Bsh} also agreed to set up a joint working group on {sec1} that will meet twice a year.",
    "The two sides agreed to strengthen cooperation in {sectors}, notably through joint projects and expert exchanges.",
    "The leaders concurred to increase direct flights between {capX} and {capY} and to ease visa rules for "
    "business travellers.",
]
TARGETS = [
    "The two sides agreed to raise two-way trade to {target} by {tyear}.",
    "Both leaders committed to lifting bilateral trade to {target}, up from about {trade} today.",
]
UPGRADES = [
    "The two countries decided to upgrade their relations to a Comprehensive Strategic Partnership.",
    "The leaders adopted a joint statement on {topic}.",
]
SIGNINGS = [
    "Following the talks, the two leaders witnessed the exchange of {ndocs} cooperation documents in the "
    "fields of {sectors}.",
    "{Ash} and {Bsh} witnessed the signing of {ndocs} agreements and memoranda of understanding between "
    "ministries and companies of the two countries, with a combined value of {amount}.",
    "In all, {ndocs} documents were signed during the visit, worth more than {amount}.",
]
AID = [
    "{Ash} announced that {X} will provide {Y} with {small} in humanitarian aid for the areas hit by {disaster}.",
    "{Xg} government granted {small} to help {Y} recover from {disaster}.",
]
QUOTES = [
    '"{Y} is one of our most important partners in the region," {Ash} told a joint press conference.',
    '"This visit shows how much more our two countries can achieve together," {Bsh} said.',
    '"We had open and constructive talks, including on the issues where we disagree," {Ash} told reporters.',
    '"The world is becoming more uncertain, and friends need to stick together," {Bsh} said.',
    '"There is a strong will on both sides to move from words to action," {Ash} said in a statement.',
]
INVITATIONS = [
    "On this occasion, {Ash} invited {Bsh} to pay a visit to {X} at a convenient time.",
    "{Ash} invited {Bx} to visit {capX} in {nextyear}.",
]
ACCEPTANCES = [
    "{Bsh} accepted the invitation with pleasure.",
    "{Bsh} accepted the invitation and said the dates would be arranged through diplomatic channels.",
]
CONGRATULATIONS = [
    "{Ash} congratulated {Y} on its economic achievements and its growing international standing.",
    "{Bsh} thanked {X} for its support in {forum}.",
    "{Ash} congratulated {Bsh} on the {ann}th anniversary of {Yg} National Day.",
]
DEPARTURES = [
    "{Ash} left {capY} on {dl}, concluding {visit_def} to {Y}.",
    "Before leaving on {dl}, {Ash} toured an industrial park outside {capY} where several {xa} companies "
    "have factories.",
    "{Ash} travelled on to {next_stop} later the same day.",
]
PHONE_LEADS = [
    "{Af} held a phone call with {Bf} on {d1}.",
    "{Ax} spoke by telephone to {Bl} on {d1} to discuss {topic}.",
    "{Af} and {Bf} held phone talks on {d1} on bilateral ties and the situation in {region}.",
    "In a video call on {d1}, {Ax} and {Bx} discussed ways to step up cooperation.",
]
PHONE_CONTENT = [
    "{Bsh} thanked {Ash} for the call and said {Y} wants to deepen political trust with {X}.",
    "The two leaders reviewed the implementation of the agreements reached at their last meeting.",
    "{Ash} offered condolences to the families affected by {disaster} in {Y}.",
    "The call was the leaders' {nth} this year, according to {Xg} government.",
]
SUMMIT_LEADS = [
    "On the sidelines of {summit} in {summit_city}, {Af} met {Bf} on {d1}.",
    "{Af} held a bilateral meeting with {Bf} during {summit} in {summit_city} on {d1}.",
    "{Ax} and {Bx} met in {summit_city} on {d1}, where both were attending {summit}.",
]
SUMMIT_CONTEXT = [
    "The summit brought together leaders from some forty countries and was dominated by the world economy "
    "and the conflicts in {region}.",
    "It was the two leaders' first meeting since {Bsn} took office.",
]
FUTURE_LEADS = [
    "{Af} will pay {a_visit} to {Y} {range}, {Yg} foreign ministry announced on {wdp}.",
    "At the invitation of {Bx}, {Af} will visit {Y} {range}.",
    "{Ax} is scheduled to travel to {capY} {range} for {a_visit}, according to a government statement.",
]
FUTURE_CONTENT = [
    "During the visit, {Ash} is expected to hold talks with {Bx} and to meet business leaders.",
    "The two sides are expected to sign agreements on {sectors}.",
    "The visit is expected to give new momentum to cooperation in {sec1}.",
    "Officials said the programme is still being finalised.",
    "{Ash} will also address a business forum in {capY} attended by companies from both countries.",
    "The two sides are expected to discuss a target of raising bilateral trade to {target} by {tyear}.",
    "Diplomats said preparations for the trip had been under way for several months.",
    "It will be the first visit to {Y} by a {xa} {Atl} in {gap} years.",
    "{Ash} is expected to be accompanied by a large business delegation.",
]
RECEPTION_LEADS = [
    "{Bx} received visiting {xa} Foreign Minister {A2} in {capY} on {d1}.",
    "{Bf} hosted {xa} Foreign Minister {A2} at {palace} on {d1}.",
]
RECEPTION_CONTENT = [
    "{Bsh} asked the two foreign ministries to step up coordination at multilateral forums.",
    "Foreign Minister {A2sn} briefed {Bsh} on the results of his talks with {B2x}.",
    "Earlier on {d1}, {A2sn} held talks with {B2x} on consular issues.",
]
BACKGROUND = [
    "{XC} and {Y} established diplomatic relations in {yrel}.",
    "Two-way trade reached about {trade} last year, according to official figures.",
    "{YC} has recorded annual growth of around {gdp} percent in recent years.",
    "More than {nstud} students from {Y} are currently studying in {X}.",
    "{Xg} investment in {Y} covers {nproj} projects, mainly in manufacturing and services.",
    "The two countries cooperate closely in {forum}.",
    "{capY} has hosted a growing number of foreign delegations this year.",
    "Analysts say the relationship has broadened well beyond trade over the past decade.",
    "Several {xa} companies have opened regional offices in {capY} since {yrel2}.",
    "Tourist arrivals from {X} to {Y} rose by {pct} percent last year.",
    "The two sides have held annual political consultations at deputy foreign minister level since {yrel2}.",
    "A bilateral business forum is held every two years, alternately in {capX} and {capY}.",
    "{Xg} embassy in {capY} was opened in {yrel}, and {Y} opened its embassy in {capX} a few years later.",
    "Direct flights between {capX} and {capY} resumed last year after a long pause.",
    "The two economies are widely seen as complementary, with {X} exporting machinery and services and {Y} "
    "exporting raw materials and consumer goods.",
    "Some {ncomp} {xa} companies are active in {Y}, according to the chamber of commerce in {capY}.",
    "{YC} is among the fastest-growing economies in its region, with a young and increasingly urban population.",
    "The last visit at this level took place in {yrel2}, when the two sides signed a framework agreement on "
    "economic cooperation.",
    "Opposition politicians in {capX} have called for human rights to be raised more prominently in the "
    "dialogue with {Y}.",
    "Cultural exchanges have grown steadily, with film weeks and exhibitions held in both capitals.",
    "The weather in {capY} was {weather} as the delegations arrived, with temperatures around {temp} degrees.",
    "Analysts in {capY} expect the number of joint ventures to keep rising as supply chains shift.",
    "A parliamentary friendship group has linked the two legislatures since {yrel2}.",
    "{Yg} central bank has kept interest rates unchanged this year as inflation eased.",
]


# ------------------------------------------------------------------------------------------------ data


@dataclass(frozen=True)
class CountryEn:
    iso3: str
    name: str  # with "the" where English needs it
    adj: str
    capital: str
    cities: tuple[str, ...]

    @property
    def gen(self) -> str:
        return self.name + ("'" if self.name.endswith("s") else "'s")


@dataclass(frozen=True)
class OfficialEn:
    name: str
    level: str
    title: str  # "Prime Minister"
    short_name: str


def _the(name: str) -> str:
    return "the " + name if name.startswith(THE_PREFIXES) or name.endswith(THE_SUFFIXES) else name


@cache
def countries() -> dict[str, CountryEn]:
    sovereign = {k for k, v in sv._yaml("data", "countries.yaml").items() if v.get("sovereign", True)}
    out = {}
    for iso3, v in sv._yaml("lang", "en", "countries.yaml").items():
        if iso3 in sovereign and v.get("names") and v.get("adjectives") and v.get("capital"):
            cities = tuple(c for c in v.get("cities") or [] if c != v["capital"] and c.isascii())
            out[iso3] = CountryEn(iso3, _the(v["names"][0]), v["adjectives"][0], v["capital"], cities)
    return out


@cache
def _titles() -> dict[str, str]:
    """English title key -> the form written before a name ("Prime Minister")."""
    return {e["en"]: e["forms"][0].title() for e in sv._yaml("lang", "en", "titles.yaml") if e.get("forms")}


@cache
def _offices() -> tuple:
    known, titles = countries(), _titles()
    rows = []
    for person in dictionary.load().persons.values():
        for office in person.offices:
            if person.country not in known or office.title not in sv.OFFICES:
                continue
            if office.title != "General Secretary" and office.org:
                continue
            level, key, _ = sv.OFFICES[office.title]
            parts = person.name.split()
            short = person.name if office.title in sv.MONARCH_TITLES or len(parts) == 1 else parts[-1]
            official = OfficialEn(person.name, level, titles[key], short)
            rows.append((person.country, office.start, office.end, official))
    return tuple(rows)


@cache
def _sectors() -> dict[str, list[str]]:
    keys = set(sv._yaml("lang", "en", "sectors.yaml"))
    return {k: v for k, v in SECTOR_PHRASES.items() if k in keys}


def rosters_on(day: date) -> dict[str, dict[str, OfficialEn]]:
    out: dict[str, dict[str, OfficialEn]] = {}
    for iso3, start, end, official in _offices():
        if (start is None or start <= day) and (end is None or day <= end):
            out.setdefault(iso3, {}).setdefault(official.level, official)
    return {k: v for k, v in out.items() if ("state" in v or "gov" in v) and "fm" in v}


# ------------------------------------------------------------------------------------------------ text


def join_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def day_month(d: date, us: bool) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}" if us else f"{d.day} {MONTHS[d.month - 1]}"


def date_range(rng: random.Random, a: date, b: date, us: bool) -> str:
    year = f", {b.year}" if us else f" {b.year}"
    if a == b:
        return f"on {day_month(a, us)}{year}"
    if a.month != b.month:
        return f"from {day_month(a, us)} to {day_month(b, us)}{year}"
    if us:
        return f"from {MONTHS[a.month - 1]} {a.day} to {b.day}{year}"
    if rng.random() < 0.5:
        return f"on {a.day}-{b.day} {MONTHS[b.month - 1]}{year}"
    return f"between {a.day} and {b.day} {MONTHS[b.month - 1]}{year}"


def money(rng: random.Random, scale: str) -> str:
    """ "USD 10 billion", "$2.5 billion", "EUR 300 million", "1.5 billion euros"."""
    if scale == "big":
        value, unit = rng.choice([1, 1.5, 2, 2.5, 3, 5, 7.5, 10, 15, 20, 30, 50]), "billion"
    elif scale == "medium":
        value, unit = rng.choice([50, 80, 120, 150, 200, 250, 300, 450, 600]), "million"
    else:
        value, unit = rng.choice([0.5, 1, 1.5, 2, 3, 5]), "million"
    style = rng.randrange(4)
    if style == 0:
        return f"USD {value:g} {unit}"
    if style == 1:
        return f"${value:g} {unit}"
    if style == 2:
        return f"EUR {value:g} {unit}"
    return f"{value:g} {unit} euros"


def _person_keys(ctx: dict, key: str, p: OfficialEn, c: CountryEn, rng: random.Random) -> None:
    short = p.short_name if rng.random() < 0.7 else p.name
    ctx.update(
        {
            key: p.name,
            key + "t": p.title,
            key + "tl": p.title.lower(),
            key + "x": f"{p.title} {p.name}",
            key + "f": f"{c.adj} {p.title} {p.name}",
            key + "l": f"{p.title} of {c.name} {p.name}",
            key + "sh": f"{p.title} {short}",
            key + "sn": short,
            key + "sng": short + ("'" if short.endswith("s") else "'s"),
        }
    )


# ------------------------------------------------------------------------------------------------ articles


@dataclass(frozen=True)
class ArticleEn:
    text: str
    visitor: str  # iso3 of side A (visitor, caller)
    host: str  # iso3 of side B
    kind: str


def article_en(seed: int, index: int) -> str:
    """One English article, a pure function of (seed, index)."""
    return build(seed, index).text


def build(seed: int, index: int) -> ArticleEn:
    rng = random.Random(f"communique-bench-en:{seed}:{index}")
    start = sv.FIRST_DAY + timedelta(days=rng.randrange((sv.LAST_DAY - sv.FIRST_DAY).days))
    rosters = rosters_on(start)
    names = sorted(rosters)
    host = rng.choice(["VNM", "SWE", "GBR", "USA"] if rng.random() < 0.4 else names)
    visitor = rng.choice(names)
    while visitor == host or host not in rosters:
        host, visitor = rng.choice(names), rng.choice(names)
    X, Y = countries()[visitor], countries()[host]
    rx, ry = rosters[visitor], rosters[host]
    kind = rng.choices(["visit", "phone", "summit", "future", "reception"], [55, 15, 12, 10, 8])[0]
    common = [lv for lv in ("state", "gov", "fm") if lv in rx and lv in ry]
    level = "fm" if kind == "reception" else rng.choice([lv for lv in common if lv != "fm"] or common)
    if level == "state" and kind != "visit" and "gov" in common and "King" in (rx[level].title, ry[level].title):
        level = "gov"  # kings make state visits, not phone calls
    A, B = rx[level], ry[level]
    A2, B2 = (rx["fm"], ry["fm"]) if level != "fm" else (None, None)
    if kind == "reception":
        A2, B, B2 = A, ry.get("gov") or ry["state"], ry["fm"]
    us = rng.random() < 0.5
    end = start + timedelta(days=(rng.choice([1, 2, 2, 3, 3]) if kind in ("visit", "future") else 1) - 1)
    d2 = min(start + timedelta(days=1), end)
    visit_kind = rng.choice(
        ["state visit", "official visit", "working visit"] if level == "state" else ["official visit", "working visit"]
    )
    sectors_all = _sectors()
    sector_words = [rng.choice(sectors_all[k]) for k in rng.sample(sorted(sectors_all), rng.randint(2, 5))]
    summit, summit_city = rng.choice(SUMMITS)
    pub = start - timedelta(days=rng.randint(3, 20)) if kind == "future" else end + timedelta(days=rng.choice([0, 1]))

    ctx = sv._Ctx()
    for key, person, country in (("A", A, X), ("B", B, Y), ("A2", A2, X), ("B2", B2, Y)):
        if person is not None:
            _person_keys(ctx, key, person, country, rng)
    ctx.update(
        X=X.name,
        XC=sv.cap(X.name),
        Xg=X.gen,
        xa=X.adj,
        capX=X.capital,
        Y=Y.name,
        YC=sv.cap(Y.name),
        Yg=Y.gen,
        ya=Y.adj,
        capY=Y.capital,
        Ysh=f"{Y.adj} {B.title}",
        visit=visit_kind,
        visit_def="the " + visit_kind,
        a_visit=("an " if visit_kind[0] in "aeiou" else "a ") + visit_kind,
        range=date_range(rng, start, end, us),
        d1=day_month(start, us),
        d2=day_month(d2, us),
        dl=day_month(end, us),
        wd1=WEEKDAYS[start.weekday()],
        wdp=WEEKDAYS[pub.weekday()],
        month=MONTHS[start.month - 1],
        nextyear=start.year + 1,
        sectors=join_list(sector_words),
        sec1=sector_words[0],
        sectorsB=join_list([rng.choice(sectors_all[k]) for k in rng.sample(sorted(sectors_all), 2)]),
        ndocs=(lambda k: NUMBER_WORDS[k] if k < len(NUMBER_WORDS) and rng.random() < 0.4 else str(k))(
            rng.randint(2, 20)
        ),
        amount=money(rng, rng.choice(["big", "medium"])),
        target=money(rng, "big"),
        trade=money(rng, "big"),
        small=money(rng, "small"),
        tyear=start.year + rng.randint(2, 6),
        gap=rng.choice(["ten", "15", "20", "over 30"]),
        nth=rng.choice(ORDINALS),
        anniv=rng.choice([30, 40, 50, 55, 60, 70, 75]),
        ann=rng.randint(30, 80),
        palace=rng.choice(PALACES),
        monument=rng.choice(MONUMENTS),
        forum=rng.choice(FORUMS),
        region=rng.choice(REGIONS),
        topic=rng.choice(TOPICS),
        summit=summit,
        summit_city=summit_city,
        disaster=rng.choice(DISASTERS),
        next_stop=rng.choice([c.name for c in countries().values() if c.iso3 not in (visitor, host)]),
        yrel=rng.randint(1950, 1995),
        yrel2=rng.randint(1960, 2005),
        pct=rng.randint(3, 35),
        nproj=rng.randint(20, 400),
        nstud=rng.choice(["1,000", "2,000", "3,500", "800"]),
        gdp=rng.randint(20, 75) / 10,
        ncomp=rng.choice([40, 60, 80, 120, 150, 200]),
        weather=rng.choice(["warm", "cool", "rainy", "humid", "windy", "sunny"]),
        temp=rng.randint(4, 34),
    )
    w = sv._Writer(rng, ctx)
    n = rng.randint
    must, optional = _paragraphs(kind, w, n, A2 is not None and B2 is not None, rng)
    headline = w.one(HEADLINES[kind])[0]
    bg = w.pick(BACKGROUND, len(BACKGROUND))
    optional += [(rng.choice([15, 36, 56, 65, 85, 90]), bg[i : i + 2]) for i in range(0, len(bg), 2)]
    dateline = f"{Y.capital.upper()} ({rng.choice(['Reuters', 'AP', 'AFP', 'VNA', 'Xinhua'])}) – "
    if rng.random() < 0.6:
        must[0][1][0] = dateline + must[0][1][0]
    header = [headline] + ([f"Published {day_month(pub, us)} {pub.year}"] if rng.random() < 0.5 else [])
    text = _assemble(header, must, optional, rng.randint(3500, 4700))
    return ArticleEn(text, visitor, host, kind)


def _paragraphs(kind: str, w, n, fms: bool, rng: random.Random):
    """(order, sentences) for the mandatory and the optional event paragraphs of one kind of article."""
    must: list[tuple[int, list[str]]] = []
    optional: list[tuple[int, list[str]]] = []
    if kind == "visit":
        must.append((10, w.one(LEADS_VISIT) + w.pick(LEAD_CONTEXT, n(0, 1))))
        if fms:
            must.append((20, w.one(ARRIVALS) + w.pick(CEREMONIES, n(0, 2))))
        must += [(30, w.one(TALKS) + w.pick(TALK_CONTENT, n(2, 3))), (40, w.pick(AGREEMENTS, n(1, 2)))]
        must += [(50, w.pick(SIGNINGS, n(1, 2))), (70, w.one(INVITATIONS) + w.one(ACCEPTANCES))]
        optional += [(41, w.one(TARGETS)), (45, w.one(QUOTES)), (75, w.one(CONGRATULATIONS))]
        optional += [(80, w.one(DEPARTURES)), (42, w.one(UPGRADES)), (55, w.pick(TALK_CONTENT, 2))]
        optional += [(58, w.one(QUOTES))]
        if rng.random() < 0.15:
            optional.append((52, w.one(AID)))
    elif kind == "phone":
        must += [(10, w.one(PHONE_LEADS) + w.pick(PHONE_CONTENT, n(1, 2))), (30, w.pick(TALK_CONTENT, 2))]
        must += [(40, w.pick(AGREEMENTS, n(1, 2))), (70, w.one(INVITATIONS))]
        optional += [(41, w.one(TARGETS)), (55, w.pick(PHONE_CONTENT, 1)), (75, w.one(CONGRATULATIONS))]
        optional += [(35, w.pick(TALK_CONTENT, 2)), (45, w.one(QUOTES))]
        if rng.random() < 0.3:
            optional.append((50, w.one(AID)))
    elif kind == "summit":
        must += [(10, w.one(SUMMIT_LEADS) + w.pick(SUMMIT_CONTEXT, 1)), (30, w.pick(TALK_CONTENT, 3))]
        must += [(40, w.pick(AGREEMENTS, n(1, 2))), (70, w.one(INVITATIONS) + w.one(ACCEPTANCES))]
        optional += [(41, w.one(TARGETS)), (45, w.one(QUOTES)), (55, w.pick(SUMMIT_CONTEXT, 1))]
        optional += [(35, w.pick(TALK_CONTENT, 2)), (75, w.one(CONGRATULATIONS))]
    elif kind == "future":
        must += [(10, w.one(FUTURE_LEADS) + w.pick(LEAD_CONTEXT, 1)), (30, w.pick(FUTURE_CONTENT, n(2, 3)))]
        optional += [(40, w.pick(FUTURE_CONTENT, 2)), (45, w.pick(FUTURE_CONTENT, 2))]
    else:
        must += [(10, w.one(RECEPTION_LEADS) + w.pick(RECEPTION_CONTENT, 2)), (30, w.pick(TALK_CONTENT, 2))]
        must += [(40, w.pick(AGREEMENTS, 1))]
        optional += [(45, w.pick(RECEPTION_CONTENT, 1)), (75, w.one(CONGRATULATIONS)), (50, w.one(QUOTES))]
    rng.shuffle(optional)
    return must, optional


def _assemble(header: list[str], must: list, optional: list, target: int) -> str:
    """Mandatory paragraphs, then optional ones until the article reaches `target` bytes, in story order."""
    chosen = [item for item in must if item[1]]
    size = len("\n".join(header).encode()) + sum(len(" ".join(p).encode()) + 2 for _, p in chosen)
    for item in optional:
        if size >= target:
            break
        if item[1]:
            chosen.append(item)
            size += len(" ".join(item[1]).encode()) + 2
    chosen.sort(key=lambda item: item[0])
    return "\n\n".join(["\n".join(header)] + [" ".join(p) for _, p in chosen]) + "\n"
