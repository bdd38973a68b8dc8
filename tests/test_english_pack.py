"""The English language pack (`lang/en/`): English news coded by the same pipeline as Swedish.

Sentences written for these tests (Vietnamese state-media English and wire-agency English); the
expectations are what a reader of them would code (docs/coding-guidelines.md).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
import yaml

import communique
from communique import gazetteer, langpack, language, reader
from communique.extract import dates, quantities, sentences
from communique.pipeline import resources_for


def _title_case_titles() -> bool:
    """English capitalises a title before a name ("Prime Minister Narendra Modi"). The gazetteer
    matches titles lowercase or with a capital first letter only; cases that need the whole title
    in title case are expected to fail until it accepts that form."""
    hits = gazetteer.for_language("en").find("Prime Minister")
    return any(h.entry.kind == "title" and (h.start, h.end) == (0, 14) for h in hits)


NEEDS_TITLE_CASE = pytest.mark.xfail(
    not _title_case_titles(),
    reason="gazetteer._case_ok does not match title-case titles ('Prime Minister', 'General Secretary')",
    strict=True,
)


@cache
def _extract(text: str) -> dict:
    doc = communique.extract(text, language="en").to_dict()
    for actor in doc["actors"]:
        for m in actor["mentions"]:
            assert doc["document"]["text"][m["start"] : m["end"]] == m["text"], m
    return doc


def _names(doc: dict) -> dict[str, dict]:
    return {a["id"]: a for a in doc["actors"]}


def _event_rows(doc: dict) -> list[tuple]:
    """(type, mode, actor countries, recipient countries) per event."""
    return [
        (e["event_type"], e["mode"], tuple(e["actor_country"]), tuple(e["recipient_country"])) for e in doc["events"]
    ]


def _one(doc: dict, event_type: str, mode: str | None) -> dict:
    found = [e for e in doc["events"] if (e["event_type"], e["mode"]) == (event_type, mode)]
    assert len(found) == 1, _event_rows(doc)
    return found[0]


def _date(event: dict) -> tuple[str, str] | None:
    return (event["date"]["start"], event["date"]["end"]) if event["date"] else None


# --- the pack itself ------------------------------------------------------------------------------


def _sv_rules() -> dict[str, dict]:
    sv = langpack.load("sv")
    return {r.id.removeprefix("sv."): r for r in sv.triggers}


def test_english_is_a_supported_language():
    assert "en" in langpack.SUPPORTED
    assert langpack.load("en").code == "en"


def test_rules_mirror_the_swedish_rules():
    """Same rule ids (prefix en.), types, modes, CAMEO codes, roles and flags as the Swedish pack."""
    english = {r.id.removeprefix("en."): r for r in langpack.load("en").triggers}
    swedish = _sv_rules()
    assert all(r.id.startswith("en.") for r in langpack.load("en").triggers)
    assert set(english) == set(swedish)
    for rid, rule in english.items():
        other = swedish[rid]
        fields = ("event_type", "mode", "cameo", "role", "scope", "symmetric", "nominal", "passive", "context")
        assert [getattr(rule, f) for f in fields] == [getattr(other, f) for f in fields], rid


def test_titles_give_the_same_english_titles_and_sectors():
    english = {(t.en, t.sector) for t in langpack.load("en").titles.values()}
    swedish = {(t.en, t.sector) for t in langpack.load("sv").titles.values()}
    assert english == swedish


def test_sectors_use_the_same_vocabulary():
    assert set(langpack.load("en").sectors) == set(langpack.load("sv").sectors)


def test_grammar_lists_are_strings():
    """YAML 1.1 reads a bare on/no/yes as a boolean: every word list must hold strings only."""
    pack = langpack.load("en")
    for key, value in pack.grammar.items():
        if isinstance(value, list):
            assert all(isinstance(v, str) for v in value), key
    for cues in pack.modality.values():
        for words in cues.values():
            assert all(isinstance(v, str) for v in words or [])
    assert all(isinstance(v, str) for v in pack.dates["day_prefixes"])


def test_no_swedish_only_keys():
    """Definiteness is marked by the article in English, not by noun suffixes."""
    grammar = langpack.load("en").grammar
    assert "definite_title_suffixes" not in grammar and "definite_noun_suffixes" not in grammar
    assert grammar["definite_articles"] == ["the"]
    assert grammar["home_country"] is None


def test_mt_repairs_file_is_an_empty_list():
    path = langpack.resources.files("communique") / "lang" / "en" / "mt_repairs.yaml"
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == []
    assert langpack.load("en").mt_repairs == []


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Vietnam", ["Vietnam's", "Vietnam’s"]),
        ("UN", ["UN's", "UN’s"]),
    ],
)
def test_genitives(name, forms):
    assert set(langpack.load("en").genitives(name)) == set(forms)


# --- language detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "General Secretary To Lam held talks with Lao General Secretary and President Thongloun "
            "Sisoulith in Vientiane on Monday. The two sides agreed to strengthen cooperation in trade, "
            "energy and education, and they signed a dozen agreements.",
            id="state-media",
        ),
        pytest.param(
            "Swedish Prime Minister Ulf Kristersson met Indian Prime Minister Narendra Modi in New Delhi on "
            "Wednesday, and the two leaders said they would work to double trade by the end of the decade.",
            id="wire",
        ),
        pytest.param(
            "The planned state visit by the Japanese prime minister has been postponed, the government said.",
            id="short",
        ),
    ],
)
def test_english_is_detected(text):
    assert language.detect(text) == "en"
    assert communique.extract(text).to_dict()["document"]["language"] == "en"


def test_swedish_is_still_detected_as_swedish():
    text = "Statsminister Ulf Kristersson träffade Indiens premiärminister Narendra Modi i New Delhi på onsdagen."
    assert language.detect(text) == "sv"


# --- sentences ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param("Mr. Modi met Mrs. Frederiksen in Copenhagen. They agreed.", 2, id="mr-mrs"),
        pytest.param("The U.S. and the U.K. welcomed the deal. Russia did not.", 2, id="u-s-u-k"),
        pytest.param("The talks were held on Jan. 5 in Hanoi. Both sides agreed.", 2, id="month-abbreviation"),
        pytest.param("Dr. Tedros thanked Vietnam, i.e. its government. He left.", 2, id="dr-ie"),
        pytest.param("Vietnam signed the deal. Laos signed it too.", 2, id="plain"),
    ],
)
def test_abbreviations_do_not_end_sentences(text, count):
    doc = sentences.run(reader.from_text(text), langpack.load("en"))
    assert len(doc.sentences) == count


# --- dates ----------------------------------------------------------------------------------------


def _dates(text: str) -> list[tuple[str, date | None, date | None]]:
    res = resources_for("en")
    doc = dates.run(reader.from_text(text), res.pack, res.dates, res.relative_days)
    for d in doc.dates:
        assert doc.text[d.start : d.end] == d.text, d
    return [(d.text, d.range.start, d.range.end) for d in doc.dates]


D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The visit took place Oct 9-11, 2025.",
            ("Oct 9-11, 2025", D(2025, 10, 9), D(2025, 10, 11)),
            id="month-first-range",
        ),
        pytest.param(
            "He arrived on 9 October 2025.", ("on 9 October 2025", D(2025, 10, 9), D(2025, 10, 9)), id="day-first"
        ),
        pytest.param(
            "They met on December 1, 2025.", ("December 1, 2025", D(2025, 12, 1), D(2025, 12, 1)), id="month-day-year"
        ),
        pytest.param(
            "The visit runs from 9 to 11 October 2025.",
            ("9 to 11 October 2025", D(2025, 10, 9), D(2025, 10, 11)),
            id="to-range",
        ),
        pytest.param(
            "Between 9 and 11 October 2025, talks were held.",
            ("9 and 11 October 2025", D(2025, 10, 9), D(2025, 10, 11)),
            id="and-range",
        ),
        pytest.param(
            "The summit was held on 28 October–1 November 2025.",
            ("on 28 October–1 November 2025", D(2025, 10, 28), D(2025, 11, 1)),
            id="cross-month",
        ),
        pytest.param("It opens on Sept. 3, 2025.", ("Sept. 3, 2025", D(2025, 9, 3), D(2025, 9, 3)), id="sept-dot"),
        pytest.param(
            "Talks are planned for Jan. 20, 2026.", ("Jan. 20, 2026", D(2026, 1, 20), D(2026, 1, 20)), id="jan-dot"
        ),
        pytest.param(
            "The ministers met on 5th December 2025.",
            ("on 5th December 2025", D(2025, 12, 5), D(2025, 12, 5)),
            id="ordinal",
        ),
        pytest.param(
            "The plan was adopted in March 2024.", ("March 2024", D(2024, 3, 1), D(2024, 3, 31)), id="month-year"
        ),
    ],
)
def test_dates(text, expected):
    assert expected in _dates(text)


def test_a_date_without_a_year_takes_the_year_of_the_article():
    found = _dates("HANOI, December 10, 2025 (VNA) - The two leaders met on December 1 in Hanoi.")
    assert ("December 1", D(2025, 12, 1), D(2025, 12, 1)) in found


def test_relative_year():
    found = _dates("HANOI, December 10, 2025 (VNA) - The agreement was signed in October last year.")
    assert ("October last year", D(2024, 10, 1), D(2024, 10, 31)) in found


@pytest.mark.parametrize(
    ("words", "day"),
    [
        pytest.param("on Monday", D(2025, 12, 8), id="weekday"),
        pytest.param("yesterday", D(2025, 12, 9), id="yesterday"),
        pytest.param("today", D(2025, 12, 10), id="today"),
        pytest.param("tomorrow", D(2025, 12, 11), id="tomorrow"),
    ],
)
def test_relative_days_count_from_the_dateline(words, day):
    found = _dates(f"HANOI, December 10, 2025 (VNA) - The delegation arrived {words}.")
    assert any(start == end == day for _, start, end in found[1:]), found


def test_the_following_day():
    found = _dates("The president arrived on 5 January 2025. The following day he met the king.")
    assert ("The following day", D(2025, 1, 6), D(2025, 1, 6)) in found


# --- quantities -----------------------------------------------------------------------------------


def _quantities(text: str) -> list[tuple[str, float, str]]:
    doc = quantities.run(reader.from_text(text), resources_for("en").quantities)
    for q in doc.quantities:
        assert doc.text[q.start : q.end] == q.text, q
    return [(q.text, q.value, q.unit) for q in doc.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The two sides agreed to raise two-way trade to USD 5 billion.",
            ("USD 5 billion", 5e9, "USD"),
            id="usd-before",
        ),
        pytest.param("Sweden pledged $10bn in support.", ("$10bn", 1e10, "USD"), id="dollar-bn"),
        pytest.param("A loan of US$2.5 billion was approved.", ("US$2.5 billion", 2.5e9, "USD"), id="us-dollar-sign"),
        pytest.param(
            "Exports reached 3.2 billion US dollars.", ("3.2 billion US dollars", 3.2e9, "USD"), id="us-dollars-after"
        ),
        pytest.param("Trade hit 5 bn USD last year.", ("5 bn USD", 5e9, "USD"), id="bn-usd"),
        pytest.param("France will provide 1.5 million euros.", ("1.5 million euros", 1.5e6, "EUR"), id="euros"),
        pytest.param("The EU pledged EUR 300 million.", ("EUR 300 million", 3e8, "EUR"), id="eur-before"),
        pytest.param("Britain gave £40m to the fund.", ("£40m", 4e7, "GBP"), id="pound-m"),
        pytest.param("The package is worth SEK 10 billion.", ("SEK 10 billion", 1e10, "SEK"), id="sek"),
        pytest.param("Sweden adds 250 million kronor.", ("250 million kronor", 2.5e8, "SEK"), id="kronor"),
        pytest.param("The project costs VND 40 trillion.", ("VND 40 trillion", 4e13, "VND"), id="vnd-trillion"),
        pytest.param("Japan granted 500 million yen.", ("500 million yen", 5e8, "JPY"), id="yen"),
        pytest.param("China lent 2 billion yuan.", ("2 billion yuan", 2e9, "CNY"), id="yuan"),
        pytest.param("Russia sent 3 billion roubles.", ("3 billion roubles", 3e9, "RUB"), id="roubles"),
        pytest.param("India offered 100 million rupees.", ("100 million rupees", 1e8, "INR"), id="rupees"),
        pytest.param("A 1,200,000 kip grant was made.", ("1,200,000 kip", 1.2e6, "LAK"), id="kip-thousands"),
        pytest.param("They signed a dozen agreements.", ("a dozen agreements", 12, "documents"), id="a-dozen"),
        pytest.param("Twelve agreements were signed.", ("Twelve agreements", 12, "documents"), id="twelve"),
        pytest.param("They signed 11 agreements on trade.", ("11 agreements", 11, "documents"), id="digits-agreements"),
        pytest.param(
            "They signed three memoranda of understanding.", ("three memoranda", 3, "documents"), id="memoranda"
        ),
        pytest.param("They exchanged two MoUs.", ("two MoUs", 2, "documents"), id="mous"),
        pytest.param(
            "They signed 12 important contracts.", ("12 important contracts", 12, "documents"), id="adjective"
        ),
        pytest.param("Some 1,200 soldiers took part.", ("1,200 soldiers", 1200, "persons"), id="soldiers"),
        pytest.param("A hundred people attended.", ("A hundred people", 100, "persons"), id="a-hundred-people"),
        pytest.param("They agreed on 15 projects.", ("15 projects", 15, "projects"), id="projects"),
        pytest.param("Trade rose 25 percent.", ("25 percent", 25, "percent"), id="percent"),
        pytest.param("Trade rose 12.5 per cent.", ("12.5 per cent", 12.5, "percent"), id="per-cent"),
        pytest.param("Exports grew 8%.", ("8%", 8, "percent"), id="percent-sign"),
    ],
)
def test_quantities(text, expected):
    assert expected in _quantities(text)


# --- sectors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("cooperation in defence, security and public security", ["defense", "security"], id="defence"),
        pytest.param("trade, investment and tourism", ["investment", "tourism", "trade"], id="trade"),
        pytest.param(
            "science and technology, innovation and digital transformation",
            ["digital", "science-technology"],
            id="science",
        ),
        pytest.param(
            "education and training, health care and culture", ["culture", "education", "health"], id="education"
        ),
        pytest.param("energy, oil and gas and climate change", ["energy", "environment"], id="energy"),
        pytest.param(
            "transport infrastructure, railways and seaports", ["infrastructure", "transport"], id="transport"
        ),
        pytest.param("people-to-people exchanges", ["people-to-people"], id="people"),
        pytest.param("semiconductors and artificial intelligence", ["digital"], id="ai"),
        pytest.param("legal and judicial cooperation", ["justice"], id="justice"),
        pytest.param("banking and finance", ["finance"], id="finance"),
        pytest.param("party-building work and diplomatic ties", ["politics"], id="politics"),
        pytest.param("agriculture and fisheries", ["agriculture"], id="agriculture"),
        pytest.param("labour and migrant workers", ["labor"], id="labour"),
        pytest.param("press and media", ["media"], id="media"),
        pytest.param("sports exchanges", ["sport"], id="sport"),
        pytest.param("thanked the hosts for the warm hospitality and the courtesy call", [], id="hospitality-courtesy"),
        pytest.param("an important investigation into a laboratory portfolio", [], id="false-friends"),
    ],
)
def test_sectors(text, expected):
    assert resources_for("en").coder.sectors.find(text) == expected


# --- actors and titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "titles"),
    [
        pytest.param(
            "The talks were chaired by general secretary To Lam.",
            "To Lam",
            "VNM",
            ["General Secretary"],
            id="lowercase-title",
        ),
        pytest.param(
            "Ulf Kristersson, Sweden's prime minister, met Narendra Modi.",
            "Ulf Kristersson",
            "SWE",
            [],
            id="apposition-after-name",
        ),
        pytest.param(
            "President Thongloun Sisoulith welcomed the delegation.",
            "Thongloun Sisoulith",
            "LAO",
            ["President"],
            id="president",
        ),
        pytest.param(
            "Ambassador Johan Ndisi presented his credentials.",
            "Johan Ndisi",
            None,
            ["Ambassador"],
            id="unknown-person",
        ),
        pytest.param(
            "Swedish Ambassador Johan Ndisi presented his credentials.",
            "Johan Ndisi",
            "SWE",
            ["Ambassador"],
            id="adjective-country",
        ),
        pytest.param(
            "India's Prime Minister Narendra Modi arrived.",
            "Narendra Modi",
            "IND",
            ["Prime Minister"],
            marks=NEEDS_TITLE_CASE,
            id="genitive-prime-minister",
        ),
        pytest.param(
            "Party General Secretary To Lam arrived.",
            "To Lam",
            "VNM",
            ["General Secretary"],
            marks=NEEDS_TITLE_CASE,
            id="party-general-secretary",
        ),
        pytest.param(
            "Lao General Secretary and President Thongloun Sisoulith arrived.",
            "Thongloun Sisoulith",
            "LAO",
            ["General Secretary", "President"],
            marks=NEEDS_TITLE_CASE,
            id="title-chain",
        ),
        pytest.param(
            "Deputy Foreign Minister Nguyen Minh Vu met the envoy.",
            "Nguyen Minh Vu",
            None,
            ["Deputy Foreign Minister"],
            marks=NEEDS_TITLE_CASE,
            id="deputy-foreign-minister",
        ),
        pytest.param(
            "Chairman of the National Assembly Tran Thanh Man spoke.",
            "Tran Thanh Man",
            "VNM",
            ["Chairman of the National Assembly"],
            marks=NEEDS_TITLE_CASE,
            id="na-chairman",
        ),
        pytest.param(
            "Minister of Foreign Affairs Bui Thanh Son spoke.",
            "Bui Thanh Son",
            "VNM",
            ["Foreign Minister"],
            marks=NEEDS_TITLE_CASE,
            id="minister-of-foreign-affairs",
        ),
        pytest.param("King Carl XVI Gustaf opened the forum.", "Carl XVI Gustaf", "SWE", ["King"], id="king"),
        pytest.param(
            "Vietnamese Foreign Minister Bui Thanh Son and the Secretary of State met.",
            "Bui Thanh Son",
            "VNM",
            ["Foreign Minister"],
            marks=NEEDS_TITLE_CASE,
            id="foreign-minister",
        ),
    ],
)
def test_person_titles(text, name, country, titles):
    doc = _extract(text)
    persons = {a["name"]: a for a in doc["actors"] if a["kind"] == "person"}
    match = [p for n, p in persons.items() if n.endswith(name) or name.endswith(n)]
    assert match, list(persons)
    person = match[0]
    if country:
        assert person["country"] == country
    assert person["titles"] == titles


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        pytest.param("Vietnam's exports grew.", "VNM", id="genitive"),
        pytest.param("The Lao side thanked the hosts.", "LAO", id="adjective-side"),
        pytest.param("The Vietnamese delegation arrived.", "VNM", id="adjective-delegation"),
        pytest.param("The United States imposed sanctions.", "USA", id="the-united-states"),
    ],
)
def test_state_mentions(text, iso3):
    doc = _extract(text)
    assert iso3 in {a["country"] for a in doc["actors"] if a["kind"] == "country"}


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        pytest.param("The two leaders visited the Kaysone Phomvihane Museum in Vientiane.", "Museum", id="museum"),
        pytest.param("They agreed to speed up the Vung Ang Port project.", "Vung Ang", id="port-project"),
        pytest.param(
            "They welcomed the Memorandum of Understanding on Digital Transformation.", "Digital", id="document-name"
        ),
        pytest.param(
            "The visit deepened the Great Friendship and Special Solidarity between them.", "Solidarity", id="slogan"
        ),
        pytest.param("The ceremony was held at the Ho Chi Minh Mausoleum.", "Mausoleum", id="mausoleum"),
    ],
)
def test_capitalised_names_of_things_are_no_persons(text, thing):
    """English capitalises the names of buildings, projects and documents; they are not persons."""
    doc = _extract(text)
    assert not [a["name"] for a in doc["actors"] if thing in a["name"]]


# --- events ---------------------------------------------------------------------------------------

STATE_VISIT = (
    "Party General Secretary To Lam paid a state visit to Laos from December 1-2, 2025 at the invitation of "
    "Lao General Secretary and President Thongloun Sisoulith.\n"
    "The two leaders held talks in Vientiane on December 1. They agreed to raise two-way trade to USD 5 billion "
    "and to deepen cooperation in energy, transport and education.\n"
    "After the talks, the two leaders witnessed the signing of 12 agreements.\n"
)


def test_state_visit():
    doc = _extract(STATE_VISIT)
    visit = _one(doc, "CONSULT", "visit")
    assert (visit["actor_country"], visit["recipient_country"]) == (["VNM"], ["LAO"])
    assert _date(visit) == ("2025-12-01", "2025-12-02")
    assert visit["location"]["country"] == "LAO"
    assert visit["modality"] == "asserted"
    assert visit["cameo"] == "042"


@NEEDS_TITLE_CASE
def test_state_visit_talks_between_the_leaders():
    doc = _extract(STATE_VISIT)
    actors = _names(doc)
    talks = _one(doc, "CONSULT", "meeting")
    assert [actors[i]["name"] for i in talks["actor"]] == ["To Lam"]
    assert [actors[i]["name"] for i in talks["recipient"]] == ["Thongloun Sisoulith"]
    assert _date(talks) == ("2025-12-01", "2025-12-01")


@NEEDS_TITLE_CASE
def test_state_visit_agreement():
    doc = _extract(STATE_VISIT)
    agree = _one(doc, "AGREE", None)
    assert (agree["actor_country"], agree["recipient_country"]) == (["VNM"], ["LAO"])
    assert agree["sectors"] == ["education", "energy", "trade", "transport"]
    assert [(q["value"], q["unit"]) for q in agree["quantities"]] == [(5e9, "USD")]
    assert _date(agree) == ("2025-12-01", "2025-12-01")


@NEEDS_TITLE_CASE
def test_state_visit_signing():
    doc = _extract(STATE_VISIT)
    sign = _one(doc, "SUPPORT", "sign")
    assert (sign["actor_country"], sign["recipient_country"]) == (["VNM"], ["LAO"])
    assert [(q["value"], q["unit"]) for q in sign["quantities"]] == [(12, "documents")]


def test_anniversary_of_a_signing_is_background():
    doc = _extract(
        "Vietnam and Laos marked the 48th anniversary of the signing of the Treaty of Amity and Cooperation."
    )
    assert doc["events"] == []


def test_results_of_the_talks_are_no_new_meeting():
    doc = _extract(
        "Japanese Prime Minister Shigeru Ishiba met Vietnamese Prime Minister Pham Minh Chinh in Tokyo. "
        "Vietnam welcomed the results of the talks."
    )
    assert [r[:2] for r in _event_rows(doc)].count(("CONSULT", "meeting")) == 1


# (text, event type, mode, actor countries, recipient countries, modality)
EVENTS = [
    pytest.param(
        "General Secretary To Lam held talks with Lao General Secretary and President Thongloun Sisoulith.",
        "CONSULT",
        "meeting",
        ["VNM"],
        ["LAO"],
        "asserted",
        id="held-talks-title-chain",
    ),
    pytest.param(
        "Swedish Prime Minister Ulf Kristersson met Indian Prime Minister Narendra Modi in New Delhi on Wednesday.",
        "CONSULT",
        "meeting",
        ["SWE"],
        ["IND"],
        "asserted",
        id="met",
    ),
    pytest.param(
        "Ulf Kristersson met with Narendra Modi in New Delhi.",
        "CONSULT",
        "meeting",
        ["SWE"],
        ["IND"],
        "asserted",
        id="met-with",
    ),
    pytest.param(
        "General secretary To Lam held talks with Chinese President Xi Jinping in Beijing.",
        "CONSULT",
        "meeting",
        ["VNM"],
        ["CHN"],
        "asserted",
        id="held-talks",
    ),
    pytest.param(
        "Ulf Kristersson spoke by phone with Mark Carney on Thursday.",
        "CONSULT",
        "phone",
        ["SWE"],
        ["CAN"],
        "asserted",
        id="spoke-by-phone",
    ),
    pytest.param(
        "Pham Minh Chinh held a phone call with Shigeru Ishiba.",
        "CONSULT",
        "phone",
        ["VNM"],
        ["JPN"],
        "asserted",
        id="phone-call",
    ),
    pytest.param(
        "Ulf Kristersson received Lithuanian Foreign Minister Kestutis Budrys in Stockholm.",
        "CONSULT",
        "meeting",
        ["SWE"],
        ["LTU"],
        "asserted",
        id="received",
    ),
    pytest.param(
        "Chinese President Xi Jinping was received by general secretary To Lam at the Presidential Palace.",
        "CONSULT",
        "meeting",
        ["VNM"],
        ["CHN"],
        "asserted",
        id="was-received-by",
    ),
    pytest.param(
        "Cambodian Prime Minister Hun Manet paid an official visit to Vietnam from 9 to 11 October 2025.",
        "CONSULT",
        "visit",
        ["KHM"],
        ["VNM"],
        "asserted",
        id="paid-an-official-visit",
    ),
    pytest.param(
        "Finnish President Alexander Stubb visited Sweden on 22 April 2025.",
        "CONSULT",
        "visit",
        ["FIN"],
        ["SWE"],
        "asserted",
        id="visited",
    ),
    pytest.param(
        "Finnish President Alexander Stubb is on a three-day state visit to Sweden.",
        "CONSULT",
        "visit",
        ["FIN"],
        ["SWE"],
        "asserted",
        id="is-on-a-state-visit",
    ),
    pytest.param(
        "The state visit of Indonesian President Prabowo Subianto to Vietnam has been postponed.",
        "CONSULT",
        "visit",
        ["IDN"],
        ["VNM"],
        "negated",
        id="visit-of-postponed",
    ),
    pytest.param(
        "Indonesian President Prabowo Subianto will pay a state visit to Vietnam next week.",
        "CONSULT",
        "visit",
        ["IDN"],
        ["VNM"],
        "future",
        id="will-pay-a-visit",
    ),
    pytest.param(
        "Ulf Kristersson is scheduled to visit India in January.",
        "CONSULT",
        "visit",
        ["SWE"],
        ["IND"],
        "future",
        id="scheduled-to-visit",
    ),
    pytest.param(
        "Shigeru Ishiba could visit Vietnam if the situation allows.",
        "CONSULT",
        "visit",
        ["JPN"],
        ["VNM"],
        "hypothetical",
        id="could-visit",
    ),
    pytest.param(
        "Emmanuel Macron visited Vietnam two years ago.",
        "CONSULT",
        "visit",
        ["FRA"],
        ["VNM"],
        "historical",
        id="years-ago",
    ),
    pytest.param(
        "Lee Jae-myung did not meet Shigeru Ishiba.",
        "CONSULT",
        "meeting",
        ["KOR"],
        ["JPN"],
        "negated",
        id="did-not-meet",
    ),
    pytest.param(
        "Vietnam and Singapore upgraded their relations to a Comprehensive Strategic Partnership.",
        "AGREE",
        "upgrade",
        ["VNM"],
        ["SGP"],
        "asserted",
        id="upgraded-relations",
    ),
    pytest.param(
        "Vietnam and Singapore issued a joint statement.",
        "AGREE",
        "statement",
        ["VNM"],
        ["SGP"],
        "asserted",
        id="joint-statement",
    ),
    pytest.param(
        "Narendra Modi invited general secretary To Lam to visit India.",
        "AGREE",
        "invite",
        ["IND"],
        ["VNM"],
        "asserted",
        id="invited",
    ),
    pytest.param(
        "Narendra Modi extended an invitation to President Luong Cuong.",
        "AGREE",
        "invite",
        ["IND"],
        ["VNM"],
        "asserted",
        id="extended-an-invitation",
    ),
    pytest.param(
        "Mark Carney invited Ulf Kristersson to Ottawa. Ulf Kristersson accepted the invitation with pleasure.",
        "AGREE",
        "accept",
        ["SWE"],
        ["CAN"],
        "asserted",
        id="accepted-the-invitation",
    ),
    pytest.param(
        "Maria Malmer Stenergard offered assistance to Lithuania.",
        "AGREE",
        "aid",
        ["SWE"],
        ["LTU"],
        "asserted",
        id="offered-assistance",
    ),
    pytest.param(
        "Vietnam and Laos reached agreement on border demarcation.",
        "AGREE",
        None,
        ["VNM"],
        ["LAO"],
        "asserted",
        id="reached-agreement",
    ),
    pytest.param(
        "China and Laos vowed to deepen their community with a shared future.",
        "AGREE",
        None,
        ["CHN"],
        ["LAO"],
        "asserted",
        id="vowed",
    ),
    pytest.param(
        "Malaysia committed to raising trade with Vietnam.",
        "AGREE",
        None,
        ["MYS"],
        ["VNM"],
        "asserted",
        id="committed-to",
    ),
    pytest.param(
        "Vietnam and Laos agreed to double trade by next year.",
        "AGREE",
        None,
        ["VNM"],
        ["LAO"],
        "asserted",
        id="agreement-about-next-year",
    ),
    pytest.param(
        "Vietnam and Laos signed 11 agreements on trade.",
        "SUPPORT",
        "sign",
        ["VNM"],
        ["LAO"],
        "asserted",
        id="signed",
    ),
    pytest.param(
        "The two leaders of Vietnam and Laos witnessed the exchange of eight documents.",
        "SUPPORT",
        "sign",
        ["VNM"],
        ["LAO"],
        "asserted",
        id="witnessed-the-exchange",
    ),
    pytest.param(
        "Kristersson congratulated Mark Carney on his election victory. Ulf Kristersson is Sweden's prime minister.",
        "SUPPORT",
        None,
        ["SWE"],
        ["CAN"],
        "asserted",
        id="congratulated",
    ),
    pytest.param(
        "Xi Jinping praised Vietnam's achievements.",
        "SUPPORT",
        None,
        ["CHN"],
        ["VNM"],
        "asserted",
        id="praised",
    ),
    pytest.param(
        "Narendra Modi thanked Vietnam for its support.",
        "SUPPORT",
        None,
        ["IND"],
        ["VNM"],
        "asserted",
        id="thanked",
    ),
    pytest.param(
        "Maria Malmer Stenergard expressed her appreciation to Lithuania.",
        "SUPPORT",
        None,
        ["SWE"],
        ["LTU"],
        "asserted",
        id="expressed-appreciation",
    ),
    pytest.param(
        "Japan granted Vietnam 500 million yen in non-refundable aid.",
        "AID",
        None,
        ["JPN"],
        ["VNM"],
        "asserted",
        id="granted-aid",
    ),
    pytest.param(
        "Sweden donated ambulances to Ukraine.",
        "AID",
        None,
        ["SWE"],
        ["UKR"],
        "asserted",
        id="donated",
    ),
    pytest.param(
        "The United States imposed new sanctions on North Korea.",
        "SANCTION",
        None,
        ["USA"],
        ["PRK"],
        "asserted",
        id="sanctions-on",
    ),
    pytest.param(
        "Russia condemned Ukraine for the attack.",
        "ACCUSE",
        None,
        ["RUS"],
        ["UKR"],
        "asserted",
        id="condemned",
    ),
    pytest.param(
        "China rejected the Philippines' claims.",
        "REJECT",
        None,
        ["CHN"],
        ["PHL"],
        "asserted",
        id="rejected",
    ),
    pytest.param(
        "Vietnam urged China to respect international law.",
        "REQUEST",
        None,
        ["VNM"],
        ["CHN"],
        "asserted",
        id="urged",
    ),
    pytest.param(
        "North Korea threatened South Korea with retaliation.",
        "THREATEN",
        None,
        ["PRK"],
        ["KOR"],
        "asserted",
        id="threatened",
    ),
    pytest.param(
        "Laos and Vietnam held a joint military exercise in Xieng Khouang province.",
        "COOPERATE",
        None,
        ["LAO"],
        ["VNM"],
        "asserted",
        id="joint-exercise",
    ),
    pytest.param(
        "Russia withdrew its troops from Syria.",
        "RETREAT",
        None,
        ["RUS"],
        [],
        "asserted",
        id="withdrew-troops",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "mode", "actor", "recipient", "modality"), EVENTS)
def test_events(text, event_type, mode, actor, recipient, modality):
    doc = _extract(text)
    event = _one(doc, event_type, mode)
    assert (event["actor_country"], event["recipient_country"], event["modality"]) == (actor, recipient, modality)
    assert event["rules"] and all(r.startswith("en.") for r in event["rules"])


@pytest.mark.parametrize(
    "subject",
    ["The two sides", "Both sides", "The two leaders", "Both leaders", "The two countries", "They"],
)
def test_collective_subject_runs_from_the_visitor(subject):
    doc = _extract(
        "Finnish President Alexander Stubb paid a state visit to Sweden on 22 April 2025. "
        f"{subject} agreed to strengthen cooperation in defence and energy."
    )
    agree = _one(doc, "AGREE", None)
    assert (agree["actor_country"], agree["recipient_country"]) == (["FIN"], ["SWE"])
    assert agree["sectors"] == ["defense", "energy"]
    assert _date(agree) == ("2025-04-22", "2025-04-22")


def test_pronoun_stands_for_the_person_named_before():
    doc = _extract(
        "Finnish President Alexander Stubb paid a state visit to Sweden on 22 April 2025. He praised Sweden's support."
    )
    actors = _names(doc)
    praise = _one(doc, "SUPPORT", None)
    assert [actors[i]["name"] for i in praise["actor"]] == ["Alexander Stubb"]
    assert praise["recipient_country"] == ["SWE"]


def test_visit_with_the_invitation_names_the_host():
    doc = _extract(
        "At the invitation of President Luong Cuong, French President Emmanuel Macron paid a state visit to "
        "Vietnam on May 25-27, 2025."
    )
    visit = _one(doc, "CONSULT", "visit")
    assert (visit["actor_country"], visit["recipient_country"]) == (["FRA"], ["VNM"])
    assert _date(visit) == ("2025-05-25", "2025-05-27")


def test_visit_duration_counts_back_from_its_end():
    doc = _extract("General secretary To Lam concluded his three-day state visit to North Korea on October 11, 2025.")
    visit = _one(doc, "CONSULT", "visit")
    assert _date(visit) == ("2025-10-09", "2025-10-11")
    assert visit["recipient_country"] == ["PRK"]


def test_welcome_at_the_airport_is_part_of_the_visit():
    doc = _extract(
        "HANOI, October 12, 2025 (VNA) - General secretary To Lam arrived in Pyongyang on October 9, beginning "
        "a state visit to North Korea. He was welcomed at the airport by Kim Jong Un."
    )
    visit = _one(doc, "CONSULT", "visit")
    assert (visit["actor_country"], visit["recipient_country"]) == (["VNM"], ["PRK"])
    assert visit["location"] == {"name": "Pyongyang", "country": "PRK"}
    assert "en.consult.visit.welcome" in visit["rules"]


def test_comma_and_opens_a_new_clause():
    """ "received Modi ..., and both sides agreed": the subject of "agreed" is "both sides", not Modi."""
    doc = _extract(
        "Sweden's prime minister Ulf Kristersson received India's prime minister Narendra Modi in Stockholm on "
        "3 December 2025, and both sides agreed to expand cooperation in defence."
    )
    agree = _one(doc, "AGREE", None)
    assert (agree["actor_country"], agree["recipient_country"]) == (["SWE"], ["IND"])
    assert _date(agree) == ("2025-12-03", "2025-12-03")


def test_reported_clause_without_that():
    """ "Sweden's prime minister said India would ...": India is the subject of the reported verb."""
    doc = _extract("Sweden's prime minister Ulf Kristersson said India would sign two agreements with Sweden.")
    sign = _one(doc, "SUPPORT", "sign")
    assert (sign["actor_country"], sign["recipient_country"]) == (["IND"], ["SWE"])
    assert sign["modality"] == "hypothetical"
    assert [(q["value"], q["unit"]) for q in sign["quantities"]] == [(2, "documents")]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        pytest.param("Vietnam's exports met the target of 10 percent.", "CONSULT", "meeting", id="met-the-target"),
        pytest.param(
            "Vietnam and Laos arrived at a consensus on the border.", "CONSULT", "visit", id="arrived-at-consensus"
        ),
        pytest.param("Vietnam received aid from Japan.", "CONSULT", "meeting", id="received-aid"),
        pytest.param(
            "The two leaders visited the Ho Chi Minh Museum in Hanoi.", "CONSULT", "visit", id="visited-a-museum"
        ),
        pytest.param("Vietnam hosted the ASEAN Summit in Hanoi.", "CONSULT", "meeting", id="hosted-a-summit"),
        pytest.param("Laos was not invited to the meeting with Vietnam.", "AGREE", "invite", id="was-not-invited"),
        pytest.param("Thanks to Japan, Vietnam built the bridge.", "SUPPORT", None, id="thanks-to"),
    ],
)
def test_phrases_that_are_not_the_event(text, event_type, mode):
    doc = _extract(text)
    assert (event_type, mode) not in [(e["event_type"], e["mode"]) for e in doc["events"]]


def test_arrived_at_a_consensus_is_an_agreement():
    doc = _extract("Vietnam and Laos arrived at a consensus on the border.")
    agree = _one(doc, "AGREE", None)
    assert (agree["actor_country"], agree["recipient_country"]) == (["VNM"], ["LAO"])


# --- behaviour that needed pipeline changes for English (counts, signings, hosts, fronted phrases) ---


def test_count_after_a_number_word_that_counts_nothing():
    assert ("four agreements", 4, "documents") in _quantities("The two sides signed four agreements.")


def test_count_after_a_noun_modifier():
    assert ("12 cooperation documents", 12, "documents") in _quantities("They signed 12 cooperation documents.")


def test_documents_before_a_passive_signing():
    doc = _extract("Vietnam and Laos held talks in Vientiane. A dozen agreements were signed.")
    sign = _one(doc, "SUPPORT", "sign")
    assert [(q["value"], q["unit"]) for q in sign["quantities"]] == [(12, "documents")]


def test_host_after_an_article():
    doc = _extract("General secretary To Lam paid a state visit to the Republic of Korea.")
    assert _one(doc, "CONSULT", "visit")["recipient_country"] == ["KOR"]


def test_subject_after_a_fronted_phrase():
    doc = _extract(
        "Malaysia's prime minister Anwar Ibrahim hosted the summit. On the sidelines of the summit, "
        "Pham Minh Chinh met Anwar Ibrahim."
    )
    actors = _names(doc)
    meeting = _one(doc, "CONSULT", "meeting")
    assert [actors[i]["name"] for i in meeting["actor"]] == ["Pham Minh Chinh"]


def test_definite_title_with_a_state_adjective():
    doc = _extract("The planned state visit by the Japanese prime minister to Sweden on 3 March 2025 was postponed.")
    visit = _one(doc, "CONSULT", "visit")
    assert visit["actor_country"] == ["JPN"] and visit["modality"] == "negated"
    assert [a["name"] for a in doc["actors"] if a["id"] in visit["actor"]] == ["Shigeru Ishiba"]
