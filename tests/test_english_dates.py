"""Dates in English news beyond the gold set: weekdays by tense and "last"/"next", times of day, weeks
and months around publication, month-first ranges over a month end, "the 9th of October", datelines
after blank lines. The sentences are written for these tests; 12 June 2025 is a Thursday."""

from __future__ import annotations

from datetime import date

import pytest

from dates_of import dates_of

D = date
PUBLISHED = "Published 12 June 2025\n"


def _dates(text: str):
    return dates_of(text, "en")


def _found(text: str) -> list[tuple[str, date | None, date | None]]:
    return [(d.text, d.range.start, d.range.end) for d in _dates(text).dates]


CASES = [
    pytest.param(
        PUBLISHED + "The foreign ministers will meet on Monday in Geneva.",
        ("Monday", D(2025, 6, 16), D(2025, 6, 16)),
        id="weekday-future-tense",
    ),
    pytest.param(
        PUBLISHED + "The envoy met the king on Monday.",
        ("Monday", D(2025, 6, 9), D(2025, 6, 9)),
        id="weekday-past-tense",
    ),
    pytest.param(
        PUBLISHED + "Officials said on Thursday that the border would reopen.",
        ("Thursday", D(2025, 6, 12), D(2025, 6, 12)),
        id="weekday-publication-day",
    ),
    pytest.param(
        PUBLISHED + "The minister arrived on Saturday for a visit lasting until Monday.",
        ("Monday", D(2025, 6, 9), D(2025, 6, 9)),
        id="weekday-after-a-date-has-its-own-clause",
    ),
    pytest.param(
        PUBLISHED + "The foreign minister is due to fly to Jakarta next Tuesday.",
        ("next Tuesday", D(2025, 6, 17), D(2025, 6, 17)),
        id="next-weekday",
    ),
    pytest.param(
        PUBLISHED + "Negotiators last Thursday agreed on a text.",
        ("last Thursday", D(2025, 6, 5), D(2025, 6, 5)),
        id="last-weekday-is-never-the-publication-day",
    ),
    pytest.param(
        PUBLISHED + "The president spoke to the chancellor this afternoon.",
        ("this afternoon", D(2025, 6, 12), D(2025, 6, 12)),
        id="this-afternoon",
    ),
    pytest.param(
        PUBLISHED + "The two sides signed a memorandum earlier this month.",
        ("earlier this month", D(2025, 6, 1), D(2025, 6, 11)),
        id="earlier-this-month",
    ),
    pytest.param(
        PUBLISHED + "Talks will resume next week in Oslo.",
        ("next week", D(2025, 6, 16), D(2025, 6, 22)),
        id="next-week",
    ),
    pytest.param(
        PUBLISHED + "The delegation visited Hanoi last month.",
        ("last month", D(2025, 5, 1), D(2025, 5, 31)),
        id="last-month",
    ),
    pytest.param(
        "The summit runs from Sept. 29 to Oct. 1, 2025.",
        ("Sept. 29 to Oct. 1, 2025", D(2025, 9, 29), D(2025, 10, 1)),
        id="month-first-cross-month",
    ),
    pytest.param(
        "Leaders will gather in Bangkok Dec. 30-Jan. 2, 2026.",
        ("Dec. 30-Jan. 2, 2026", D(2025, 12, 30), D(2026, 1, 2)),
        id="month-first-over-new-year",
    ),
    pytest.param(
        "The accord was initialled on the 14th of February 2025.",
        ("14th of February 2025", D(2025, 2, 14), D(2025, 2, 14)),
        id="day-of-month",
    ),
    pytest.param(
        "The president arrived in Seoul on 3 April 2025. A day earlier he had been in Tokyo.",
        ("A day earlier", D(2025, 4, 2), D(2025, 4, 2)),
        id="a-day-earlier",
    ),
    pytest.param(
        "HANOI, June 12, 2025 (VNA) - The ministers met on 3 June.",
        ("on 3 June", D(2025, 6, 3), D(2025, 6, 3)),
        id="sentence-full-stop-is-not-the-month's",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_english_dates(text, expected):
    assert expected in _found(text)


def test_a_lowercase_may_is_no_month():
    assert _found("Officials said the ceasefire may 2 days hold.") == []


def test_a_dateline_after_a_standfirst_and_blank_lines():
    doc = _dates(
        "Headline of the story\n\nA standfirst that sums it up\n\nThu 12 Jun 2025 10.05 BST\n\nHe came yesterday."
    )
    assert doc.published == D(2025, 6, 12)
    assert ("yesterday", D(2025, 6, 11), D(2025, 6, 11)) in _found(doc.text)


def test_next_week_is_no_weekday_of_either_side():
    """A named week lies on one side of publication: an event dated by it may be future."""
    doc = _dates(PUBLISHED + "Talks will resume next week.")
    assert [d.relative for d in doc.dates if d.text == "next week"] == [False]


def test_relative_periods_need_a_publication_date():
    assert _found("Talks will resume next week.") == []
