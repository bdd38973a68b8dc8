"""A wire dateline ("JAKARTA, March 11, 2026 —") says when a report was filed: the events of its sentence
take a day the sentence names itself ("on Tuesday") and the dateline's day only when there is none.
The articles are written for these tests."""

from __future__ import annotations

import pytest

from communique import reader
from communique.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _dates(pipeline, text: str) -> dict[str, tuple[str, str]]:
    doc = pipeline.process(reader.from_text(text, "dateline.txt"))
    return {e.event_type: (e.date.start.isoformat(), e.date.end.isoformat()) for e in doc.events if e.date}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Leaders meet in Jakarta\n\nJAKARTA, March 11, 2026 — Indonesian President Prabowo Subianto hosted "
            "Vietnamese Prime Minister Pham Minh Chinh at the Merdeka Palace on Tuesday.\n",
            ("2026-03-10", "2026-03-10"),
        ),
        (
            "Ministrar möts i Hanoi\n\nHANOI, 9 oktober 2025 (VNA) – Vietnams premiärminister Pham Minh Chinh "
            "tog i måndags emot Laos premiärminister Sonexay Siphandone i Hanoi.\n",
            ("2025-10-06", "2025-10-06"),
        ),
    ],
    ids=["en", "sv"],
)
def test_a_day_the_sentence_names_wins_over_the_dateline(pipeline, text, wanted):
    assert _dates(pipeline, text)["CONSULT"] == wanted


def test_the_dateline_dates_a_sentence_that_names_no_day(pipeline):
    text = (
        "Leaders meet in Jakarta\n\nJAKARTA, March 11, 2026 — Indonesian President Prabowo Subianto hosted "
        "Vietnamese Prime Minister Pham Minh Chinh at the Merdeka Palace.\n"
    )
    assert _dates(pipeline, text)["CONSULT"] == ("2026-03-11", "2026-03-11")
