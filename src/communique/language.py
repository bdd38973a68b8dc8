"""Detect the language of a document (lingua, restricted to the languages we can tell apart)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from .errors import UnsupportedLanguageError
from .langpack import SUPPORTED
from .model import Document

# Languages lingua chooses among: the supported ones plus neighbours that would otherwise be
# mistaken for them, so a Danish or Norwegian article is reported, not coded as Swedish.
_CANDIDATES = (
    "SWEDISH",
    "ENGLISH",
    "DANISH",
    "BOKMAL",
    "NYNORSK",
    "GERMAN",
    "DUTCH",
    "FRENCH",
    "SPANISH",
    "PORTUGUESE",
    "ITALIAN",
    "FINNISH",
    "VIETNAMESE",
    "RUSSIAN",
    "CHINESE",
    "KOREAN",
    "JAPANESE",
    "INDONESIAN",
    "ARABIC",
    "POLISH",
)
_WORDS = re.compile(r"[^\W\d_]+")
_SAMPLE = 600  # enough words to tell the candidates apart; cost grows with length


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@cache
def _markers() -> dict[str, frozenset[str]]:
    path = resources.files("communique") / "data" / "language_markers.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    # only words that belong to one language tell languages apart
    counts: dict[str, int] = {}
    for words in data.values():
        for word in set(words):
            counts[word] = counts.get(word, 0) + 1
    return {code: frozenset(w for w in words if counts[w] == 1) for code, words in data.items()}


def _quick(text: str) -> str | None:
    """A clear majority of one language's marker words (at least 8, and 5 times any other)."""
    words = _WORDS.findall(text[: _SAMPLE * 2].lower())
    scores = sorted(((sum(w in markers for w in words), code) for code, markers in _markers().items()), reverse=True)
    (best, code), (second, _) = scores[0], scores[1]
    return code if best >= 8 and best >= 5 * max(second, 1) else None


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    quick = _quick(text)
    if quick:
        return quick
    language = _detector().detect_language_of(text[:_SAMPLE])
    return language.iso_code_639_1.name.lower() if language else None


def run(doc: Document, forced: str | None = None) -> Document:
    code = forced or detect(doc.text)
    doc.language = code or "und"
    if code not in SUPPORTED:
        name = code or "an undetermined language"
        raise UnsupportedLanguageError(
            doc.path, f"language is {name}; supported: {', '.join(SUPPORTED)} (use --lang to force)"
        )
    return doc
