"""Find actor mentions from the gazetteer: countries, adjectives, cities, organizations, known persons,
titles and collective phrases."""

from __future__ import annotations

from .. import gazetteer
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
    hits = gazetteer.for_language(code).find(doc.text)
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
