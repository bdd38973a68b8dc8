"""Money in events: a state named inside an amount ("18 billion US dollars", "amerikanska dollar") is the
currency's name, not an actor, while the same state named elsewhere still is; aid "to" a state with no named
giver goes to that state. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique import reader
from communique.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.mark.parametrize(
    "text",
    [
        "Trade talks\n\nVietnam and Indonesia agreed on Tuesday to raise trade to 18 billion US dollars by 2028.\n",
        "Handelssamtal\n\nVietnam och Indonesien enades i tisdags om att öka handeln till 18 miljarder "
        "amerikanska dollar.\n",
    ],
    ids=["en", "sv"],
)
def test_a_currency_is_no_actor(pipeline, text):
    doc = pipeline.process(reader.from_text(text, "money.txt"))
    assert any(q.unit == "USD" for q in doc.quantities)
    assert {a.country for a in doc.actors} == {"VNM", "IDN"}


def test_the_state_named_outside_the_amount_stays(pipeline):
    text = "Aid\n\nThe United States pledged 5 million US dollars to Vietnam on Tuesday.\n"
    doc = pipeline.process(reader.from_text(text, "money.txt"))
    assert "USA" in {a.country for a in doc.actors}
    named = [doc.text[m.start : m.end] for a in doc.actors if a.country == "USA" for m in a.mentions]
    assert named and all("United States" in n for n in named)  # not the "US" of "US dollars"


@pytest.mark.parametrize(
    "text",
    [
        "Stöd\n\nRegeringen har beslutat att bidra med 50 miljoner kronor till Ukrainas luftförsvar.\n",
        "Aid\n\nThe government will contribute SEK 50 million to Ukraine.\n",
    ],
    ids=["sv", "en"],
)
def test_with_no_subject_the_one_it_goes_to_is_the_recipient(pipeline, text):
    """A giver the text does not name ("the government") leaves the actor empty; the state after "till"/"to"
    is where the aid goes, never its giver."""
    doc = pipeline.process(reader.from_text(text, "aid.txt"))
    aid = [e for e in doc.events if e.event_type == "AID"]
    assert aid and aid[0].recipient_country == ["UKR"] and aid[0].actor_country == []
