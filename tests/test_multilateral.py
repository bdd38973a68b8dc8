"""Summits and other multilateral meetings (`role: gathering` in `lang/{sv,en}/events.yaml`): everyone
named at the summit takes part on the actor side and there is no recipient (PLOVER manual, CONSULT:
"all participants are coded in the actor field"); the sentences of one summit make one event. A
meeting "on the sidelines of" a summit is a bilateral meeting, not the summit.

Sentences written for these tests.
"""

from __future__ import annotations

from functools import cache

import pytest

import communique


@cache
def _extract(text: str, language: str) -> dict:
    return communique.extract(text, language=language).to_dict()


def _summits(text: str, language: str) -> list[tuple]:
    doc = _extract(text, language)
    return [
        (e["event_type"], e["actor_country"], e["recipient_country"])
        for e in doc["events"]
        if e["mode"] == "multilateral"
    ]


CASES = [
    pytest.param(
        "en",
        "Kenyan President William Ruto attended a summit of the African Union, hosted by Ethiopian Prime "
        "Minister Abiy Ahmed and attended by Nigerian President Bola Tinubu.",
        [("CONSULT", ["ETH", "KEN", "NGA"], [])],
        id="en-attended-hosted-by-attended-by",
    ),
    pytest.param(
        "en",
        "Chilean President Gabriel Boric opened the Pacific forum on Monday. Among the leaders attending were "
        "Peruvian President Dina Boluarte and Colombian President Gustavo Petro.",
        [("CONSULT", ["CHL", "COL", "PER"], [])],
        id="en-opened-and-among-attending-one-event",
    ),
    pytest.param(
        "en",
        "Brazilian President Luiz Inacio Lula da Silva and Argentine President Javier Milei gathered in "
        "Montevideo for the Mercosur summit on Friday.",
        [("CONSULT", ["ARG", "BRA"], [])],
        id="en-gathered-for-summit",
    ),
    pytest.param(
        "sv",
        "Toppmötet för Afrikanska unionen inleddes på måndagen i Addis Abeba. Bland deltagarna finns Kenyas "
        "president William Ruto och Nigerias president Bola Tinubu.",
        [("CONSULT", ["KEN", "NGA"], [])],
        id="sv-inleddes-and-bland-deltagarna",
    ),
    pytest.param(
        "sv",
        "Kenyas president William Ruto deltar i toppmötet i Addis Abeba tillsammans med Nigerias president "
        "Bola Tinubu.",
        [("CONSULT", ["KEN", "NGA"], [])],
        id="sv-deltar-i-toppmotet",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_summit_participants_are_all_actors(language, text, expected):
    assert _summits(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        pytest.param(
            "en",
            "On the sidelines of the summit in Lima, Peruvian President Dina Boluarte met Chilean President "
            "Gabriel Boric.",
            id="en-sidelines",
        ),
        pytest.param(
            "sv",
            "Vid sidan av toppmötet i Lima träffade Perus president Dina Boluarte Chiles president Gabriel Boric.",
            id="sv-vid-sidan-av",
        ),
    ],
)
def test_sidelines_meeting_is_bilateral(language, text):
    doc = _extract(text, language)
    rows = [(e["event_type"], e["mode"], e["actor_country"], e["recipient_country"]) for e in doc["events"]]
    # a meeting is symmetric: either state may stand first
    assert {("CONSULT", "meeting", ("PER",), ("CHL",)), ("CONSULT", "meeting", ("CHL",), ("PER",))} & {
        (t, m, tuple(a), tuple(r)) for t, m, a, r in rows
    }
    assert not any(mode == "multilateral" for _, mode, _, _ in rows)


@pytest.mark.parametrize(
    ("language", "text", "actor", "recipient"),
    [
        pytest.param(
            "en",
            "Norway will contribute USD 5 million to Kenya for drought relief.",
            ["NOR"],
            ["KEN"],
            id="en-contribute-amount",
        ),
        pytest.param(
            "sv",
            "Norge bidrar med 50 miljoner kronor till Kenya för att lindra torkan.",
            ["NOR"],
            ["KEN"],
            id="sv-bidrar-med-amount",
        ),
    ],
)
def test_money_contributed_is_aid(language, text, actor, recipient):
    doc = _extract(text, language)
    rows = [(e["event_type"], e["actor_country"], e["recipient_country"]) for e in doc["events"]]
    assert ("AID", actor, recipient) in rows
