"""Split the text into sentences: line breaks, then sentence-final punctuation before a capital."""

from __future__ import annotations

import re

from ..langpack import LanguagePack
from ..model import Document, Sentence

# Only at the start of a run of stops, taken whole (possessive): a long run that no capital follows
# ("." * 50,000) would otherwise be retried from every position in it, quadratic time.
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"”’)]*+(?=\s+[\"“(]?[A-ZÅÄÖÉÜ0-9])")


def run(doc: Document, pack: LanguagePack) -> Document:
    abbreviations = frozenset(a.lower() for a in pack.grammar.get("abbreviations", []))
    doc.sentences = []
    for line_start, line in _lines(doc.text):
        start = 0
        for match in _END.finditer(line):
            # the whole last word must be the abbreviation: "Budapest." ends a sentence, "st." does not
            word = line[: match.end()].rsplit(None, 1)[-1].lower().lstrip("([\"“‘'")
            if word in abbreviations or _initial(word):
                continue
            _add(doc, line_start + start, line_start + match.end())
            start = match.end()
        _add(doc, line_start + start, line_start + len(line))
    return doc


def _lines(text: str):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _initial(word: str) -> bool:
    """ "J." or "K." in a name is not a sentence end."""
    return len(word) == 2 and word[0].isalpha()


def _add(doc: Document, start: int, end: int) -> None:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        doc.sentences.append(Sentence(start, end))
