"""A meeting or visit named as the object of another event ("condemned the meeting", "välkomnade
besöket") is told elsewhere: it makes no event of its own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique import reader
from communique.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("North Korea condemned the meeting between South Korea and Japan.", "ACCUSE"),
        ("China welcomed the visit by the Vietnamese prime minister.", "SUPPORT"),
        ("Nordkoreas utrikesministerium fördömde mötet mellan Sydkorea och Japan.", "ACCUSE"),
        ("Kina välkomnade besöket av Vietnams premiärminister.", "SUPPORT"),
    ],
)
def test_a_meeting_named_as_an_object_is_no_new_meeting(pipeline, sentence, kept):
    doc = pipeline.process(reader.from_text(f"Headline\n\nPublished 14 May 2026\n\n{sentence}\n", "object.txt"))
    assert [e.event_type for e in doc.events] == [kept]


def test_a_meeting_as_a_subject_is_still_an_event(pipeline):
    text = "Headline\n\nPublished 14 May 2026\n\nThe meeting between Vietnam and Laos took place in Hanoi.\n"
    doc = pipeline.process(reader.from_text(text, "subject.txt"))
    assert "CONSULT" in [e.event_type for e in doc.events]
