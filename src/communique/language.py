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
def _markers() -> tuple[tuple[str, ...], dict[str, str]]:
    """The languages, and marker word -> language for the words of one language only (only those
    tell languages apart)."""
    path = resources.files("communique") / "data" / "language_markers.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    owners: dict[str, set[str]] = {}
    for code, words in data.items():
        for word in words:
            owners.setdefault(word, set()).add(code)
    return tuple(data), {word: codes.pop() for word, codes in owners.items() if len(codes) == 1}


def _quick(text: str) -> str | None:
    """A clear majority of one language's marker words (at least 8, and 5 times any other)."""
    codes, owner = _markers()
    counts = dict.fromkeys(codes, 0)
    for word in _WORDS.findall(text[: _SAMPLE * 2].lower()):
        code = owner.get(word)
        if code:
            counts[code] += 1
    (best, code), (second, _) = sorted(((n, c) for c, n in counts.items()), reverse=True)[:2]
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
