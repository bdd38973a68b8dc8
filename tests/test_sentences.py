"""Sentence splitting: abbreviations and initials do not split, line breaks do; offsets into the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import reader
from communique.extract import sentences
from communique.langpack import load

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "sv").glob("*.txt"))


def _split(text: str) -> list[str]:
    doc = sentences.run(reader.from_text(text), load("sv"))
    for s in doc.sentences:
        piece = doc.text[s.start : s.end]
        assert piece and piece == piece.strip()
    return [doc.text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Länderna samarbetar inom bl.a. Handel och energi. Sedan åt de middag.",
            ["Länderna samarbetar inom bl.a. Handel och energi.", "Sedan åt de middag."],
            id="bl.a.",
        ),
        pytest.param(
            "De talade om t.ex. Vietnams ekonomi. Det gick bra.",
            ["De talade om t.ex. Vietnams ekonomi.", "Det gick bra."],
            id="t.ex.",
        ),
        pytest.param(
            "Det gällde (bl.a. Vietnam) och Laos. Bra.",
            ["Det gällde (bl.a. Vietnam) och Laos.", "Bra."],
            id="abbreviation-in-parenthesis",
        ),
        pytest.param(
            "Ledaren Kim J. Un kom till Hanoi. Han reste sedan hem.",
            ["Ledaren Kim J. Un kom till Hanoi.", "Han reste sedan hem."],
            id="initial",
        ),
        pytest.param(
            "Enligt George W. Bush var det bra.",
            ["Enligt George W. Bush var det bra."],
            id="initial-mid-name",
        ),
        pytest.param(
            "Mötet hölls i Budapest. Sedan reste han hem.",
            ["Mötet hölls i Budapest.", "Sedan reste han hem."],
            id="word-ending-like-abbreviation",
        ),
        pytest.param("Han kom först. Sedan kom hon.", ["Han kom först.", "Sedan kom hon."], id="forst"),
        pytest.param(
            "Ministern besökte Kiev. Där talade han.",
            ["Ministern besökte Kiev.", "Där talade han."],
            id="kiev",
        ),
        pytest.param(
            "Rubrik utan punkt\nFörsta stycket utan punkt\nAndra stycket.",
            ["Rubrik utan punkt", "Första stycket utan punkt", "Andra stycket."],
            id="line-breaks",
        ),
        pytest.param("Första stycket.\n\nAndra stycket.", ["Första stycket.", "Andra stycket."], id="blank-line"),
        pytest.param(
            "Vad hände? Ingen vet! 2025 blir bra.",
            ["Vad hände?", "Ingen vet!", "2025 blir bra."],
            id="question-exclamation-digit",
        ),
        pytest.param(
            'Han sade: "Vi är nöjda." Sedan gick han.',
            ['Han sade: "Vi är nöjda."', "Sedan gick han."],
            id="closing-quote",
        ),
        pytest.param(
            "Handeln växte med 5,5 procent. Den 1 december kom han.",
            ["Handeln växte med 5,5 procent.", "Den 1 december kom han."],
            id="decimal",
        ),
        pytest.param(
            "Resan gick till Laos, Kambodja etc. och sedan hem.",
            ["Resan gick till Laos, Kambodja etc. och sedan hem."],
            id="lowercase-after-full-stop",
        ),
    ],
)
def test_split(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("abbreviation", load("sv").grammar["abbreviations"])
def test_no_abbreviation_of_the_pack_ends_a_sentence(abbreviation):
    text = f"Vid mötet deltog {abbreviation} Vietnams president. Han talade länge."
    assert _split(text) == [f"Vid mötet deltog {abbreviation} Vietnams president.", "Han talade länge."]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_sentences_cover_the_text_in_order_without_overlap(path):
    doc = reader.read_path(path)
    sentences.run(doc, load("sv"))
    covered = bytearray(len(doc.text))
    last_end = 0
    for s in doc.sentences:
        assert last_end <= s.start < s.end <= len(doc.text)
        assert "\n" not in doc.text[s.start : s.end]
        covered[s.start : s.end] = b"\1" * (s.end - s.start)
        last_end = s.end
    outside = "".join(ch for ch, inside in zip(doc.text, covered, strict=True) if not inside)
    assert outside.strip() == ""
