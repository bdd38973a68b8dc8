"""Cooperation sectors named in a stretch of text, from the language pack's stems."""

from __future__ import annotations

import re


class SectorReader:
    """A stem ending in `*` matches any word starting with it; other stems match whole words."""

    def __init__(self, stems: dict[str, list[str]]):
        self._sectors: list[str] = []
        alternatives = []
        for sector, words in stems.items():
            for word in words:
                body = re.escape(word.rstrip("*").lower())
                tail = r"[\w-]*" if word.endswith("*") else ""
                alternatives.append(f"(?P<s{len(self._sectors)}>(?<!\\w){body}{tail}(?!\\w))")
                self._sectors.append(sector)
        self._regex = re.compile("|".join(alternatives), re.I) if alternatives else None

    def find(self, text: str) -> list[str]:
        if self._regex is None:
            return []
        return sorted({self._sectors[int(m.lastgroup[1:])] for m in self._regex.finditer(text)})
