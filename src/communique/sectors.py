"""Cooperation sectors named in a stretch of text, from the language pack's stems."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w-]+")


class SectorReader:
    """A stem ending in `*` matches any word starting with it ("försvar*" finds "försvarssamarbetet"); one
    with a `*` at both ends any word holding it, for the heads of Swedish compounds ("*försvar*" finds
    "luftförsvaret"); other stems match whole words; stems of several words match as phrases."""

    def __init__(self, stems: dict[str, list[str]]):
        self.words: dict[str, str] = {}
        self.prefixes: dict[str, str] = {}
        self.infixes: dict[str, str] = {}
        self.phrases: list[tuple[re.Pattern, str]] = []
        for sector, forms in stems.items():
            for form in forms:
                form = form.lower()
                if " " in form:
                    self.phrases.append((re.compile(rf"(?<!\w){re.escape(form.rstrip('*'))}", re.I), sector))
                elif form.startswith("*") and form.endswith("*"):
                    self.infixes.setdefault(form[1:-1], sector)
                elif form.endswith("*"):
                    self.prefixes.setdefault(form[:-1], sector)
                else:
                    self.words.setdefault(form, sector)
        self.lengths = sorted({len(p) for p in self.prefixes}, reverse=True)
        # one search says whether any phrase occurs (most stretches name none) before each is tried
        self.any_phrase = (
            re.compile("|".join(f"(?:{r.pattern})" for r, _ in self.phrases), re.I) if self.phrases else None
        )
        self._seen: dict[str, str | None] = {}  # word -> sector (misses too): news repeats its words

    def find(self, text: str) -> list[str]:
        found = set()
        for word in _WORD.findall(text.lower()):
            if word not in self._seen:
                if len(self._seen) > 200_000:  # bounded: a year of news must not grow it forever
                    self._seen.clear()
                self._seen[word] = (
                    self.words.get(word)
                    or next((self.prefixes[word[:n]] for n in self.lengths if word[:n] in self.prefixes), None)
                    or next((sector for infix, sector in self.infixes.items() if infix in word), None)
                )
            sector = self._seen[word]
            if sector:
                found.add(sector)
        if self.any_phrase and self.any_phrase.search(text):
            found.update(sector for regex, sector in self.phrases if regex.search(text))
        return sorted(found)
