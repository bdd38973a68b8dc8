"""The dates stage alone on a text, for the date tests of both languages."""

from __future__ import annotations

from communique import reader
from communique.extract import dates
from communique.model import Document
from communique.pipeline import resources_for


def dates_of(text: str, language: str) -> Document:
    """The document after the dates stage of `language`'s pack, with every date's offsets checked."""
    res = resources_for(language)
    doc = dates.run(reader.from_text(text), res.pack, res.dates, res.relative_days)
    for d in doc.dates:
        assert doc.text[d.start : d.end] == d.text, d
    return doc
