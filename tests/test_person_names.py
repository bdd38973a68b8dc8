"""Names of persons: as written in the text (letters kept), the dictionary's Nordic names with their letters,
and no person made of a genitive phrase. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique import reader
from communique.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _names(pipeline, text: str) -> list[str]:
    doc = pipeline.process(reader.from_text(text, "names.txt"))
    return [a.name for a in doc.actors if a.kind == "person"]


def test_an_unknown_person_keeps_the_letters_of_the_text(pipeline):
    text = "Möte\n\nFörsvarsminister Pål Jonson tog emot sin finska kollega Antti Häkkänen i Stockholm.\n"
    assert _names(pipeline, text) == ["Pål Jonson", "Antti Häkkänen"]


def test_the_ascii_form_of_a_nordic_name_finds_the_same_person(pipeline):
    text = "Meeting\n\nDefence Minister Pal Jonson received his Finnish counterpart in Stockholm.\n"
    assert _names(pipeline, text) == ["Pål Jonson"]


def test_a_genitive_phrase_is_no_person(pipeline):
    text = "Readout of Secretary's Call with Japanese Foreign Minister\n\nThe two ministers spoke by phone.\n"
    assert "Secretary's Call" not in _names(pipeline, text)
