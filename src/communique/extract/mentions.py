"""Find actor mentions from the gazetteer: countries, adjectives, cities, organizations, known persons,
titles and collective phrases."""

from __future__ import annotations

from .. import dictionary, gazetteer
from ..model import Document, Mention

_KIND = {
    "country": "country",
    "adjective": "country",
    "location": "location",
    "organization": "organization",
    "person": "person",
    "title": "title",
    "collective": "collective",
}


def run(doc: Document, code: str) -> Document:
    hits = [
        h
        for h in gazetteer.for_language(code).find(doc.text)
        if h.entry.kind != "organization" or not _credit(doc.text, h)  # only organizations can be credits
    ]
    doc.mentions = [
        Mention(
            start=h.start,
            end=h.end,
            text=doc.text[h.start : h.end],
            kind=_KIND[h.entry.kind],
            key=h.entry.key,
            rule=f"{code}.gazetteer.{h.entry.kind}",
        )
        for h in hits
    ]
    return doc


def _credit(text: str, hit) -> bool:
    """A news agency credited in parentheses ("STOCKHOLM (TT) –", "(AFP)") wrote the report; it is
    not an actor of the story."""
    if hit.entry.kind != "organization":
        return False
    org = dictionary.load().organizations.get(hit.entry.key)
    before = text[max(0, hit.start - 1) : hit.start]
    after = text[hit.end : hit.end + 1]
    return bool(org and org.sector == "MED" and before in ("(", "/") and after in (")", "/", "-"))
