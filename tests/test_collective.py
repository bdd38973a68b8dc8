"""Collective subjects ("de två ledarna", "båda sidor") stand for the two parties of the document's dyad."""

from __future__ import annotations

import pytest

import communique

VISIT = (
    "Generalsekreterare To Lam anlände till Vientiane den 1 december 2025 för ett statsbesök i Laos. "
    "Han höll samtal med Laos president Thongloun Sisoulith i presidentpalatset.\n"
)


@pytest.fixture(
    scope="module",
    params=[
        "De två ledarna enades om",
        "Båda sidor enades om",
        "Båda sidorna enades om",
        "De två sidorna enades om",
        "De två parterna enades om",
        "De två länderna enades om",
        "Båda sidor kom överens om",
    ],
    ids=lambda s: s.lower().replace(" ", "-"),
)
def agreement(request):
    doc = communique.extract(f"{VISIT}{request.param} att stärka samarbetet inom handel och energi.", language="sv")
    agreements = [e for e in doc.events if e.event_type == "AGREE" and e.mode is None]
    assert len(agreements) == 1, [(e.event_type, e.mode) for e in doc.events]
    return doc, agreements[0]


def test_collective_subject_is_the_dyad(agreement):
    _, event = agreement
    assert set(event.actor_country) | set(event.recipient_country) == {"VNM", "LAO"}


def test_collective_direction_runs_from_the_visitor(agreement):
    """Guidelines: the first party of the dyad (the visitor) is the actor, the host the recipient."""
    _, event = agreement
    assert (event.actor_country, event.recipient_country) == (["VNM"], ["LAO"])


def test_collective_phrase_is_no_actor_of_its_own(agreement):
    doc, event = agreement
    names = {a.name.lower() for a in doc.actors}
    assert not names & {
        "de två ledarna",
        "båda sidor",
        "båda sidorna",
        "de två sidorna",
        "de två parterna",
        "de två länderna",
    }
    assert {a.kind for a in doc.actors if a.id in event.actor + event.recipient} <= {"person", "country"}


def test_agreement_takes_the_date_of_the_talks(agreement):
    _, event = agreement
    assert event.date is not None
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == ("2025-12-01", "2025-12-01")


def test_agreement_sectors_come_from_its_sentence(agreement):
    _, event = agreement
    assert set(event.sectors) == {"trade", "energy"}
