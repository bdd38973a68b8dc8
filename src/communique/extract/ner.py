"""Persons and organizations no dictionary lists, proposed by a small statistical NER model.

An optional stage (`Settings.ner`, `--ner`) that runs after `persons`. The model (spaCy, trained by
`scripts/train_ner.py`, shipped in `communique/models/sv_ner`) only fills gaps: every mention the
gazetteer, the dictionary or the title chains found wins, a PER entity that is a country name or its
genitive ("Vietnams", "Laos") is dropped, and LOC entities are ignored (places come from the gazetteer).
spaCy is an extra (`communique[ner]`) and is imported only when a tagger is built.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .. import gazetteer
from ..errors import CommuniqueError, DataError
from ..model import Document, Mention

RULE = "sv.ner.spacy"
LANGUAGE = "sv"
_KINDS = {"PER": "person", "ORG": "organization"}
_PLACE_KINDS = ("country", "adjective", "location")
_GENITIVE_ENDINGS = (":s", "'s", "’s", "s")


class NerTagger:
    """The NER model, loaded once; `entities(text)` gives (start, end, label) character spans."""

    def __init__(self, path: Path | None = None):
        try:
            import spacy
        except ImportError:
            raise CommuniqueError("install communique[ner] to use --ner (spaCy is missing)") from None
        with resources.as_file(resources.files("communique") / "models" / "sv_ner") as packaged:
            path = path or packaged
            if not (path / "meta.json").is_file():
                raise DataError(f"NER model not found in {path}: run `make train` to build it")
            self.nlp = spacy.load(path)
        self.language = self.nlp.lang

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in self.nlp(text).ents]


@cache
def tagger() -> NerTagger:
    """The process's one tagger (the model takes about a second to load)."""
    return NerTagger()


def run(doc: Document, ner: NerTagger) -> Document:
    """Add person and organization mentions for entities no earlier stage claimed."""
    if doc.language != ner.language:
        return doc
    occupied = bytearray(len(doc.text) + 1)
    for m in doc.mentions:
        occupied[m.start : m.end] = b"\1" * (m.end - m.start)
    places = {m.text for m in doc.mentions if m.kind in _PLACE_KINDS}
    new = []
    for start, end, label in ner.entities(doc.text):
        start, end = _trim(doc.text, start, end)
        text = doc.text[start:end]
        if label not in _KINDS or not text[:1].isupper() or any(occupied[start:end]):
            continue
        if label == "PER" and _is_place(text, places, doc.language):
            continue
        new.append(Mention(start, end, text, _KINDS[label], None, RULE))
    doc.mentions = sorted(doc.mentions + new, key=lambda m: m.start)
    return doc


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity spans without surrounding spaces or quotes (the tokenizer may leave them on)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


def _is_place(text: str, places: set[str], code: str) -> bool:
    """A country, city or nationality, or its genitive, that the model took for a person."""
    forms = {text} | {text[: -len(g)] for g in _GENITIVE_ENDINGS if text.endswith(g) and len(text) > len(g) + 1}
    if forms & places or {f + "s" for f in forms} & places:
        return True
    names = gazetteer.for_language(code)
    return any(
        hit.entry.kind in _PLACE_KINDS and (hit.start, hit.end) == (0, len(form))
        for form in forms
        for hit in names.find(form)
    )
