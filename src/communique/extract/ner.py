"""Persons and organizations no dictionary lists, proposed by a small statistical NER model.

An optional stage (`Settings.ner`, `--ner`) that runs after `persons` and `quantities`, before
`actors`. The model (spaCy, trained by `scripts/train_ner.py`, shipped in `communique/models/sv_ner`)
only fills gaps: every mention the gazetteer, the dictionary or the title chains found wins; so does
every name the gazetteer knows (a country genitive such as "Vietnams", a news agency credit the
mentions stage dropped), and so do dates and quantities ("10 miljarder USD" is an amount, not an
organization). LOC entities are ignored: places come from the gazetteer. spaCy is an extra
(`communique[ner]`), imported only when a tagger is built.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from .. import gazetteer
from ..errors import CommuniqueError, DataError
from ..langpack import LanguagePack
from ..model import Document, Mention

RULE = "sv.ner.spacy"
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
    """The process's one tagger (loading the model takes about a second)."""
    return NerTagger()


def run(doc: Document, pack: LanguagePack, ner: NerTagger) -> Document:
    """Add person and organization mentions for the entities no earlier stage claimed."""
    if doc.language != ner.language:
        return doc
    context = _Context(doc, pack)
    new = []
    for start, end, label in ner.entities(doc.text):
        start, end = _trim(doc.text, start, end)
        if label in _KINDS and context.accepts(start, end, label):
            new.append(Mention(start, end, doc.text[start:end], _KINDS[label], None, RULE))
    doc.mentions = sorted(doc.mentions + new, key=lambda m: m.start)
    return doc


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity spans without surrounding spaces, quotes or dashes (the tokenizer may leave them on)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


class _Context:
    """What one document tells about the model's proposals: taken spans, places, sentence starts."""

    def __init__(self, doc: Document, pack: LanguagePack):
        self.doc = doc
        self.names = gazetteer.for_language(pack.code)
        self.not_names = set(pack.grammar.get("not_names", []))
        self.places_before = {w.lower() for w in pack.grammar.get("place_prepositions", [])}
        self.occupied = bytearray(len(doc.text) + 1)
        self.places: set[str] = set()
        for m in [*doc.mentions, *doc.dates, *doc.quantities]:
            self.occupied[m.start : m.end] = b"\1" * (m.end - m.start)
        for m in doc.mentions:
            if m.kind in _PLACE_KINDS:  # "Republiken Koreas" also makes "Koreas" a place
                self.places |= {m.text, m.text.split()[-1]}
        self.sentence_starts = {_first_word(doc.text, s.start) for s in doc.sentences} | {
            _first_word(doc.text, m.end()) for m in re.finditer(r"\n", doc.text)
        }

    def accepts(self, start: int, end: int, label: str) -> bool:
        text = self.doc.text[start:end]
        words = text.split()
        if not words or not text[:1].isupper() or len(text) < 2 or any(self.occupied[start:end]):
            return False
        if words[0] in self.not_names or self._known(text):
            return False
        if len(words) == 1 and start in self.sentence_starts and not self._seen_inside_a_sentence(text):
            return False  # "Stödpaketet finansieras ...": any word is capitalised there
        if label == "PER":
            return not text.isupper() and not self._after_place_word(start)
        return True

    def _known(self, text: str) -> bool:
        """A name the gazetteer knows (in any kind) or a place of this document, or its genitive."""
        forms = {text} | {text[: -len(g)] for g in _GENITIVE_ENDINGS if text.endswith(g) and len(text) > len(g) + 1}
        if forms & self.places or {f + "s" for f in forms} & self.places:
            return True
        return any((h.start, h.end) == (0, len(form)) for form in forms for h in self.names.find(form))

    def _seen_inside_a_sentence(self, word: str) -> bool:
        pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
        return any(m.start() not in self.sentence_starts for m in re.finditer(pattern, self.doc.text))

    def _after_place_word(self, start: int) -> bool:
        """ "på Paya Lebar", "i Hyderabad House": a capitalised run after a place preposition is a place."""
        before = self.doc.text[max(0, start - 20) : start].split()
        return bool(before) and before[-1].lower() in self.places_before


def _first_word(text: str, pos: int) -> int:
    """Where the first word at or after `pos` starts (past spaces, quotes and dashes)."""
    while pos < len(text) and not text[pos].isalnum():
        pos += 1
    return pos
