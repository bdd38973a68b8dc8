"""A state named inside an amount of money ("18 billion US dollars", "amerikanska dollar") is the currency's
name, not an actor; the same state named elsewhere still is. Sentences written for these tests."""

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
