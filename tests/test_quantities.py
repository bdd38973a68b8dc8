"""Amounts of money, counts of documents and persons, percentages; offsets into the text."""

from __future__ import annotations

import pytest

from communique import reader
from communique.extract import quantities
from communique.pipeline import resources_for


def _found(text: str) -> list[tuple[str, float, str]]:
    doc = quantities.run(reader.from_text(text), resources_for("sv").quantities)
    for q in doc.quantities:
        assert doc.text[q.start : q.end] == q.text, q
    return [(q.text, q.value, q.unit) for q in doc.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Omsättningen ska öka till 5 miljarder USD inom en snar framtid.",
            ("5 miljarder USD", 5e9, "USD"),
            id="miljarder-usd",
        ),
        pytest.param(
            "Målet är 10 miljarder dollar i handel.",
            ("10 miljarder dollar", 1e10, "USD"),
            id="miljarder-dollar",
        ),
        pytest.param(
            "Paketet är värt 2,5 miljarder kronor.",
            ("2,5 miljarder kronor", 2.5e9, "SEK"),
            id="decimal-comma-kronor",
        ),
        pytest.param(
            "Vietnam ger 300 000 USD i humanitärt bistånd.",
            ("300 000 USD", 300_000, "USD"),
            id="thousands-space",
        ),
        pytest.param(
            "Stödet uppgår till 300\u00a0000 amerikanska dollar.",
            ("300\u00a0000 amerikanska dollar", 300_000, "USD"),
            id="nbsp-two-word-currency",
        ),
        pytest.param("Japan lånar ut 50 miljarder yen till projektet.", ("50 miljarder yen", 5e10, "JPY"), id="yen"),
        pytest.param("Sverige bidrar med 1,5 miljoner euro.", ("1,5 miljoner euro", 1.5e6, "EUR"), id="euro"),
        pytest.param("Lånet på 40 000 miljarder dong beviljades.", ("40 000 miljarder dong", 4e13, "VND"), id="dong"),
        pytest.param("Det kostar $5 miljoner att bygga.", ("$5 miljoner", 5e6, "USD"), id="symbol-before"),
        pytest.param(
            "I slutet av samtalen bevittnade de två ledarna överlämnandet av 12 viktiga samarbetsdokument.",
            ("12 viktiga samarbetsdokument", 12, "documents"),
            id="documents-with-adjective",
        ),
        pytest.param("Parterna skrev under tolv avtal om handel.", ("tolv avtal", 12, "documents"), id="tolv-avtal"),
        pytest.param(
            "De bevittnade undertecknandet av sju samarbetsdokument.",
            ("sju samarbetsdokument", 7, "documents"),
            id="sju-samarbetsdokument",
        ),
        pytest.param(
            "Ministrarna undertecknade fem samförståndsavtal.",
            ("fem samförståndsavtal", 5, "documents"),
            id="fem-samforstandsavtal",
        ),
        pytest.param("18 soldater skadades vid gränsen.", ("18 soldater", 18, "persons"), id="soldater"),
        pytest.param("Omkring 300 personer deltog i mötet.", ("300 personer", 300, "persons"), id="personer"),
        pytest.param("Tillväxten var 3 procent förra året.", ("3 procent", 3, "percent"), id="procent"),
        pytest.param("Tillväxten var 6,5 % förra året.", ("6,5 %", 6.5, "percent"), id="percent-sign"),
    ],
)
def test_quantity(text, expected):
    assert _found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Han deltog i 80-årsjubileet av partiets grundande.", id="anniversary"),
        pytest.param("Resolutionen från den 13:e partikongressen genomförs.", id="ordinal"),
        pytest.param("2025", id="year-alone"),
        pytest.param("Under 2025 ökade handeln kraftigt.", id="year-in-sentence"),
        pytest.param("Efter 40 år av förnyelse står landet starkt.", id="years"),
        pytest.param("Av de 18 av soldaterna som kom hem var flera skadade.", id="count-of-uncounted-noun"),
        pytest.param("Mötet varade i 12 timmar.", id="hours"),
        pytest.param("Matchen slutade 1-2 efter förlängning.", id="score"),
        pytest.param("Besöket ägde rum den 9-11 oktober 2025.", id="date-range"),
    ],
)
def test_no_false_quantities(text):
    assert _found(text) == []


def test_several_quantities_in_one_sentence_keep_their_order_and_offsets():
    text = (
        "De två sidorna enades om att sträva efter att öka omsättningen till 5 miljarder USD inom en snar "
        "framtid och mot 10 miljarder USD i framtiden, och undertecknade 12 viktiga samarbetsdokument."
    )
    assert _found(text) == [
        ("5 miljarder USD", 5e9, "USD"),
        ("10 miljarder USD", 1e10, "USD"),
        ("12 viktiga samarbetsdokument", 12, "documents"),
    ]


def test_contract_form_of_a_quantity():
    doc = quantities.run(
        reader.from_text("Vietnam ger 300 000 USD och 2,5 miljoner euro."), resources_for("sv").quantities
    )
    assert [q.to_dict() for q in doc.quantities] == [
        {"value": 300000, "unit": "USD", "text": "300 000 USD"},
        {"value": 2500000, "unit": "EUR", "text": "2,5 miljoner euro"},
    ]
    assert isinstance(doc.quantities[0].to_dict()["value"], int)
