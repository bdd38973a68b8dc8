"""Detect the language of a document (lingua, restricted to the languages we can tell apart)."""

from __future__ import annotations

from functools import cache

from .errors import UnsupportedLanguageError
from .langpack import SUPPORTED
from .model import Document

# Languages lingua chooses among: the supported ones plus neighbours that would otherwise be
# mistaken for them, so a Danish or Norwegian article is reported, not coded as Swedish.
_CANDIDATES = ("SWEDISH", "ENGLISH", "DANISH", "BOKMAL", "NYNORSK", "GERMAN", "DUTCH", "FRENCH", "SPANISH",
               "PORTUGUESE", "ITALIAN", "FINNISH", "VIETNAMESE", "RUSSIAN", "CHINESE", "KOREAN", "JAPANESE",
               "INDONESIAN", "ARABIC", "POLISH")
_SAMPLE = 600  # enough words to tell the candidates apart; cost grows with length


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    language = _detector().detect_language_of(text[:_SAMPLE])
    return language.iso_code_639_1.name.lower() if language else None


def run(doc: Document, forced: str | None = None) -> Document:
    code = forced or detect(doc.text)
    doc.language = code or "und"
    if code not in SUPPORTED:
        name = code or "an undetermined language"
        raise UnsupportedLanguageError(doc.path, f"language is {name}; supported: {', '.join(SUPPORTED)} (use --lang to force)")
    return doc
