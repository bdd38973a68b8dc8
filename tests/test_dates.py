"""Dates in Swedish news: ranges, missing years, relative days, datelines; offsets into the text."""

from __future__ import annotations

from datetime import date

import pytest

from dates_of import dates_of


def _read(text: str):
    return dates_of(text, "sv")


def _the(doc, surface: str):
    """The one date mention that begins with `surface`."""
    found = [d for d in doc.dates if d.text.startswith(surface)]
    assert len(found) == 1, [d.text for d in doc.dates]
    return found[0]


D = date

CASES = [
    pytest.param(
        "Statsbesöket ägde rum den 9-11 oktober 2025 i Pyongyang.",
        "9-11 oktober 2025",
        D(2025, 10, 9),
        D(2025, 10, 11),
        id="range-hyphen",
    ),
    pytest.param(
        "Statsbesöket ägde rum den 9–11 oktober 2025 i Pyongyang.",
        "9–11 oktober 2025",
        D(2025, 10, 9),
        D(2025, 10, 11),
        id="range-en-dash",
    ),
    pytest.param(
        "Konferensen pågick 30 april–2 maj 2025 i Rom.",
        "30 april–2 maj 2025",
        D(2025, 4, 30),
        D(2025, 5, 2),
        id="range-cross-month",
    ),
    pytest.param(
        "Ledarna ses den 28 december–3 januari 2026 i Hanoi.",
        "28 december–3 januari 2026",
        D(2025, 12, 28),
        D(2026, 1, 3),
        id="range-over-new-year",
    ),
    pytest.param(
        "Publicerad 2026-01-05\nLedarna sågs den 28 december–3 januari i Hanoi.",
        "28 december–3 januari",
        D(2025, 12, 28),
        D(2026, 1, 3),
        id="range-over-new-year-from-publication",
    ),
    pytest.param(
        "Besöket den 1-2 december 2025 var hans första. På morgonen den 1 december höll de samtal.",
        "1 december",
        D(2025, 12, 1),
        D(2025, 12, 1),
        id="year-from-earlier-date",
    ),
    pytest.param(
        "Ledarna möttes den 1 december. Avtalet från oktober 2025 gäller fortfarande.",
        "1 december",
        D(2025, 12, 1),
        D(2025, 12, 1),
        id="year-from-later-date",
    ),
    pytest.param(
        "På morgonen den 11 oktober anlände delegationen till Hanoi och avslutade därmed statsbesöket "
        "i Nordkorea den 9-11 oktober 2025.",
        "11 oktober",
        D(2025, 10, 11),
        D(2025, 10, 11),
        id="seed-morning-of-last-day",
    ),
    pytest.param(
        "Publicerad 2025-12-02\nKonventionen undertecknades i Hanoi i oktober förra året.",
        "oktober förra året",
        D(2024, 10, 1),
        D(2024, 10, 31),
        id="month-last-year",
    ),
    pytest.param(
        "Publicerad 2025-12-02\nNästa toppmöte hålls i mars nästa år.",
        "mars nästa år",
        D(2026, 3, 1),
        D(2026, 3, 31),
        id="month-next-year",
    ),
    pytest.param(
        "Publicerad 2025-03-06\nMinistern reser till Oslo den 20 mars.",
        "20 mars",
        D(2025, 3, 20),
        D(2025, 3, 20),
        id="year-from-publication",
    ),
    pytest.param(
        "Publicerad 2026-01-05\nBesöket den 28 december avslutades i Hanoi.",
        "28 december",
        D(2025, 12, 28),
        D(2025, 12, 28),
        id="december-in-january-report",
    ),
    pytest.param("Mötet hölls 2025-06-17 i Genève.", "2025-06-17", D(2025, 6, 17), D(2025, 6, 17), id="iso"),
    pytest.param(
        "Avtalet undertecknades den 4 mars 2025.",
        "4 mars 2025",
        D(2025, 3, 4),
        D(2025, 3, 4),
        id="sentence-final",
    ),
    pytest.param(
        "Avtalet från september 2023 förlängs.",
        "september 2023",
        D(2023, 9, 1),
        D(2023, 9, 30),
        id="month-and-year",
    ),
]


@pytest.mark.parametrize(("text", "surface", "start", "end"), CASES)
def test_date(text, surface, start, end):
    mention = _the(_read(text), surface)
    assert (mention.range.start, mention.range.end) == (start, end)


def test_relative_year_is_marked_relative():
    doc = _read("Publicerad 2025-12-02\nKonventionen undertecknades i Hanoi i oktober förra året.")
    assert _the(doc, "oktober förra året").relative


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Han kom till Hanoi den 11 oktober.", id="day"),
        pytest.param("Ledarna möts den 9-11 oktober i Hanoi.", id="range"),
    ],
)
def test_a_date_without_any_year_in_the_article_stays_unknown(text):
    """Never the machine's current year."""
    (mention,) = _read(text).dates
    assert mention.range.start is None and mention.range.end is None


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        pytest.param(
            "Publicerad 2025-03-06\nPå tisdagen träffade ministern sin kollega i Oslo.",
            "tisdagen",
            D(2025, 3, 4),
            id="weekday-before-publication",
        ),
        pytest.param(
            "Publicerad 2025-03-03\nPå torsdagen reser ministern till Oslo.",
            "torsdagen",
            D(2025, 3, 6),
            id="weekday-after-publication",
        ),
        pytest.param(
            "Delegationen landade den 9 oktober 2025. På tisdagen reste den hem.",
            "tisdagen",
            D(2025, 10, 14),
            id="weekday-after-lead-date",
        ),
        pytest.param(
            "Publicerad 2025-03-06\nMinistern träffade i måndags sin kollega i Oslo.",
            "i måndags",
            D(2025, 3, 3),
            id="i-mandags",
        ),
        pytest.param(  # in Thursday's paper "i torsdags" is a week ago
            "Publicerad 2025-03-06\nMinistern träffade i torsdags sin kollega i Oslo.",
            "i torsdags",
            D(2025, 2, 27),
            id="i-torsdags-same-weekday",
        ),
        pytest.param(
            "Publicerad 2025-03-06\nMinistern reser nästa tisdag till Oslo.",
            "nästa tisdag",
            D(2025, 3, 11),
            id="nasta-tisdag",
        ),
        pytest.param("Publicerad 2025-03-06\nI dag träffas ministrarna i Oslo.", "I dag", D(2025, 3, 6), id="i-dag"),
        pytest.param("Publicerad 2025-03-06\nMinistrarna träffades i går i Oslo.", "i går", D(2025, 3, 5), id="i-gar"),
        pytest.param(
            "Han anlände den 3 mars 2025. Dagen därpå höll han samtal med premiärministern.",
            "Dagen därpå",
            D(2025, 3, 4),
            id="dagen-darpa",
        ),
    ],
)
def test_relative_day(text, surface, day):
    mention = _the(_read(text), surface)
    assert mention.range.start == mention.range.end == day
    assert mention.relative


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I dag träffas ministrarna i Oslo.", id="i-dag"),
        pytest.param("På tisdagen träffade ministern sin kollega.", id="weekday"),
        pytest.param("Dagen därpå höll han samtal.", id="dagen-darpa"),
    ],
)
def test_relative_day_without_an_anchor_gives_no_date(text):
    assert _read(text).dates == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        pytest.param(
            "STOCKHOLM, 4 mars 2025 (TT) – Regeringen meddelade på tisdagen ett nytt stödpaket.",
            D(2025, 3, 4),
            id="tt-dateline",
        ),
        pytest.param(
            "Stödpaket till Ukraina\nHANOI, 12 juni 2025 – Regeringen meddelade ett nytt stöd.",
            D(2025, 6, 12),
            id="dateline-after-title",
        ),
        pytest.param(
            "Stödpaket\nPublicerad 2025-03-07\nSTOCKHOLM, 4 mars 2025 (TT) – Regeringen meddelade.",
            D(2025, 3, 7),
            id="publicerad-line-wins",
        ),
        pytest.param(
            "Regeringen meddelade att avtalet undertecknades den 4 mars 2025 i Stockholm.",
            None,
            id="date-in-a-sentence-is-no-dateline",
        ),
        pytest.param("STOCKHOLM, 4-5 mars 2025 (TT) – Ministrarna möts.", None, id="range-is-no-dateline"),
        pytest.param(
            "Stödpaket till Ukraina\n\nMer stöd i vår\n\n12 juni 2025 kl. 10.05\n\nRegeringen meddelade.",
            D(2025, 6, 12),
            id="date-line-after-blank-lines",
        ),
        pytest.param(
            "Kristersson till Indien\n\nStatsministern reser på söndag till Indien.\n\nPublicerad 2026-02-05\n",
            D(2026, 2, 5),
            id="publicerad-line-at-the-end",
        ),
        pytest.param(
            "Kristersson till Indien\n\nStatsministern reser på söndag.\n\nHan träffar Modi.\n\n"
            "Delegationen är stor.\n\nAvtalet från 2026-02-05 gäller.\n",
            None,
            id="a-date-at-the-end-without-publicerad",
        ),
    ],
)
def test_dateline_sets_publication(text, published):
    assert _read(text).published == published


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("Avtalet undertecknades den 4 mars.", "4 mars", id="full-stop-ends-the-sentence"),
        pytest.param("Avtalet undertecknades den 4 okt. i Hanoi.", "4 okt.", id="full-stop-of-an-abbreviation"),
    ],
)
def test_a_full_stop_belongs_to_the_date_only_after_an_abbreviation(text, surface):
    assert [d.text for d in _read(text).dates] == [surface]


def test_dateline_year_anchors_later_dates():
    doc = _read("STOCKHOLM, 4 mars 2025 (TT) – Ministern reser till Kiev den 10 mars.")
    assert _the(doc, "10 mars").range.start == D(2025, 3, 10)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Matchen slutade 1-2 efter förlängning.", id="score"),
        pytest.param("Han deltog i 80-årsjubileet av partiets grundande.", id="anniversary"),
        pytest.param("Resolutionen från den 13:e partikongressen genomförs.", id="ordinal"),
        pytest.param("Handeln ska öka till 5 miljarder USD till 2030.", id="bare-year"),
        pytest.param("Sedan dess har 40 år av förnyelse gått.", id="years-count"),
        pytest.param("Mötet i Maj-Britts hus var kort.", id="month-inside-a-name"),
    ],
)
def test_no_false_dates(text):
    assert _read(text).dates == []


def test_all_dates_of_a_long_text_keep_their_offsets():
    text = (
        "Publicerad 2025-12-02\n"
        "Besöket den 1-2 december 2025 var hans första. På morgonen den 1 december höll de samtal.\n"
        "Dagen därpå reste han hem. I oktober förra året undertecknades en konvention i Hanoi.\n"
        "Nästa möte hålls den 30 april–2 maj 2026 och på tisdagen talar ministern."
    )
    doc = _read(text)
    assert [d.text for d in doc.dates] == [
        "2025-12-02",
        "1-2 december 2025",
        "1 december",
        "Dagen därpå",
        "oktober förra året",
        "30 april–2 maj 2026",
        "tisdagen",
    ]
    assert [d.start for d in doc.dates] == sorted(d.start for d in doc.dates)
