"""Checks on the generated country gazetteers (scripts/build_country_names.py)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
COUNTRIES = ROOT / "src/communique/data/countries.yaml"
LANG_FILES = {lang: ROOT / f"src/communique/lang/{lang}/countries.yaml" for lang in ("sv", "en")}
SECTIONS = ("names", "adjectives", "people", "cities")

# The 193 UN member states, listed independently of the supplement on purpose.
UN_MEMBERS = set(
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
)
SOVEREIGN = UN_MEMBERS | {"VAT", "PSE", "XKX", "TWN"}


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries():
    return _load(COUNTRIES)


@pytest.fixture(scope="module")
def langs():
    return {lang: _load(path) for lang, path in LANG_FILES.items()}


def _index(data: dict) -> dict[str, set[str]]:
    """surface form -> iso3 codes, over all sections of one language file."""
    owners: dict[str, set[str]] = defaultdict(set)
    for iso3, entry in data.items():
        for key in SECTIONS:
            for form in entry[key]:
                owners[form].add(iso3)
    return owners


def test_un_list_is_complete():
    assert len(UN_MEMBERS) == 193


def test_every_pycountry_code_present(countries):
    pycountry = pytest.importorskip("pycountry")
    codes = {c.alpha_3 for c in pycountry.countries}
    assert codes <= set(countries), sorted(codes - set(countries))
    assert "XKX" in countries and countries["XKX"]["iso2"] == "XK"


def test_sovereign_flags(countries):
    flagged = {iso3 for iso3, e in countries.items() if e["sovereign"]}
    assert flagged == SOVEREIGN, (sorted(flagged - SOVEREIGN), sorted(SOVEREIGN - flagged))


def test_countries_fields(countries):
    for iso3, e in countries.items():
        assert len(iso3) == 3 and iso3.isupper()
        assert isinstance(e["iso2"], str) and len(e["iso2"]) == 2, iso3
        assert e["name_en"].isascii() and e["name_en"], (iso3, e["name_en"])


@pytest.mark.parametrize(
    "iso3,name",
    [
        ("VNM", "Vietnam"),
        ("PRK", "North Korea"),
        ("KOR", "South Korea"),
        ("LAO", "Laos"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("RUS", "Russia"),
        ("CHN", "China"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("CZE", "Czechia"),
        ("CIV", "Cote d'Ivoire"),
    ],
)
def test_canonical_names(countries, iso3, name):
    assert countries[iso3]["name_en"] == name


def test_lang_files_cover_all_codes(countries, langs):
    for lang, data in langs.items():
        assert set(data) == set(countries), lang
        for iso3, entry in data.items():
            assert set(entry) == set(SECTIONS) | {"capital"}, (lang, iso3)


def test_sovereign_states_complete(langs):
    missing = []
    for lang, data in langs.items():
        for iso3 in sorted(SOVEREIGN):
            entry = data[iso3]
            for key in ("names", "adjectives", "cities"):
                if not entry[key]:
                    missing.append(f"{lang} {iso3} {key}")
            if not entry["capital"] or entry["capital"] not in entry["cities"]:
                missing.append(f"{lang} {iso3} capital")
    assert not missing, missing


def test_sovereign_states_have_swedish_people(langs):
    # COG shares its demonym with COD (given to COD in the supplement); VAT has none.
    lacking = [iso3 for iso3 in sorted(SOVEREIGN - {"COG", "VAT"}) if not langs["sv"][iso3]["people"]]
    assert not lacking, lacking


def test_swedish_adjectives_inflected(langs):
    bad = []
    for iso3, entry in langs["sv"].items():
        adjs = set(entry["adjectives"])
        for a in adjs:
            if a != a.lower():
                bad.append((iso3, a, "not lowercase"))
            if a.endswith("sk"):
                for suffix in ("a", "t", "e"):
                    if a + suffix not in adjs:
                        bad.append((iso3, a + suffix, "missing"))
    assert not bad, bad


def test_names_are_nominative_and_clean(langs):
    bad = []
    for lang, data in langs.items():
        for iso3, entry in data.items():
            for key in SECTIONS:
                for form in entry[key]:
                    if form != form.strip() or "  " in form or "\u2019" in form:
                        bad.append((lang, iso3, form))
            for form in entry["names"]:
                if "," in form or "(" in form:
                    bad.append((lang, iso3, form))
    assert not bad, bad


@pytest.mark.parametrize(
    "lang,form,iso3",
    [
        ("sv", "Demokratiska folkrepubliken Korea", "PRK"),
        ("sv", "Laos demokratiska folkrepublik", "LAO"),
        ("sv", "nordkoreanska", "PRK"),
        ("sv", "laotiska", "LAO"),
        ("sv", "vietnamesisk", "VNM"),
        ("sv", "vietnameserna", "VNM"),
        ("sv", "Nordkorea", "PRK"),
        ("sv", "Sydkorea", "KOR"),
        ("sv", "Storbritannien", "GBR"),
        ("sv", "USA", "USA"),
        ("sv", "Förenta staterna", "USA"),
        ("sv", "Kina", "CHN"),
        ("sv", "Ryssland", "RUS"),
        ("sv", "Elfenbenskusten", "CIV"),
        ("sv", "Tjeckien", "CZE"),
        ("sv", "Socialistiska republiken Vietnam", "VNM"),
        ("sv", "svenskt", "SWE"),
        ("sv", "svenskarna", "SWE"),
        ("sv", "norrmännen", "NOR"),
        ("sv", "finländarna", "FIN"),
        ("sv", "amerikanske", "USA"),
        ("sv", "Peking", "CHN"),
        ("sv", "Moskva", "RUS"),
        ("sv", "Köpenhamn", "DNK"),
        ("sv", "Ho Chi Minh-staden", "VNM"),
        ("sv", "Vientiane", "LAO"),
        ("sv", "Phnom Penh", "KHM"),
        ("sv", "Kosovo", "XKX"),
        ("en", "DPRK", "PRK"),
        ("en", "Lao", "LAO"),
        ("en", "Laotian", "LAO"),
        ("en", "Lao People's Democratic Republic", "LAO"),
        ("en", "Lao PDR", "LAO"),
        ("en", "North Korea", "PRK"),
        ("en", "South Korea", "KOR"),
        ("en", "ROK", "KOR"),
        ("en", "US", "USA"),
        ("en", "U.S.", "USA"),
        ("en", "the United States", "USA"),
        ("en", "UK", "GBR"),
        ("en", "Britain", "GBR"),
        ("en", "Burma", "MMR"),
        ("en", "Ivory Coast", "CIV"),
        ("en", "Vietnamese", "VNM"),
        ("en", "Swedes", "SWE"),
        ("en", "Beijing", "CHN"),
        ("en", "Ho Chi Minh City", "VNM"),
        ("en", "Pyongyang", "PRK"),
        ("en", "Sao Tome and Principe", "STP"),
    ],
)
def test_known_forms_resolve(langs, lang, form, iso3):
    assert _index(langs[lang]).get(form) == {iso3}


@pytest.mark.parametrize(
    "lang,form",
    [("sv", "Korea"), ("sv", "Kongo"), ("en", "Korea"), ("en", "Congo"), ("en", "Male"), ("sv", "ester")],
)
def test_ambiguous_forms_left_out(langs, lang, form):
    assert form not in _index(langs[lang])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_form_maps_to_two_codes(langs, lang):
    owners: dict[str, set[str]] = defaultdict(set)
    for form, isos in _index(langs[lang]).items():
        owners[form.casefold()] |= isos
    clashes = {form: sorted(isos) for form, isos in owners.items() if len(isos) > 1}
    for form, isos in sorted(clashes.items()):
        print(f"{lang} clash: {form!r} -> {isos}")
    assert not clashes, clashes
