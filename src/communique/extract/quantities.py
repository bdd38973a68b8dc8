"""Amounts of money, counts of documents and persons, percentages, in digits or words."""

from __future__ import annotations

import re

from ..gazetteer import lower_same_length
from ..langpack import LanguagePack
from ..model import Document, Quantity
from ..prefilter import StartIndex

_TOKEN = re.compile(r"\S+")


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


class QuantityReader:
    def __init__(self, pack: LanguagePack):
        numbers = pack.numbers
        self.words = {k.lower(): v for k, v in numbers["words"].items()}
        self.multipliers = {k.lower(): v for k, v in numbers["multipliers"].items()}
        self.currencies = {k.lower(): v for k, v in numbers["currencies"].items()}
        self.counted = {k.lower(): v for k, v in numbers["counted"].items()}
        self.decimal = numbers.get("decimal_mark", ".")
        thousands = r"[ .\u00a0\u202f]" if self.decimal == "," else r"[ ,\u00a0\u202f]"
        dec = re.escape(self.decimal)
        digits = rf"\d{{1,3}}(?:{thousands}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
        number = rf"(?P<num>{digits}|{_alternation(self.words)})"
        mult = rf"(?:\s*(?P<mult>{_alternation(self.multipliers)}))?"
        cur = _alternation(self.currencies)
        percent = _alternation(numbers.get("percent", ["%"]))
        self.money_after = re.compile(rf"(?<![\w.,-]){number}{mult}\s*(?P<cur>{cur})(?!\w)")
        self.money_before = re.compile(rf"(?<!\w)(?P<cur>{cur})\s*{number}{mult}(?![\w-])")
        self.percent = re.compile(rf"(?<![\w.,-]){number}\s*(?P<pct>{percent})(?!\w)")
        # the words after a number are only looked at: a count that finds no unit must not swallow the next number
        self.count = re.compile(rf"(?<![\w.,:-]){number}(?=(?P<words>(?:\s+[a-zåäöé-]+){{1,3}}))")
        self.modifier_endings = tuple(numbers.get("modifier_endings", ["a", "e", "t", "iga"]))
        # the four scans try only where a number, number word or currency starts
        self.starts = StartIndex([self.money_after, self.money_before, self.percent, self.count])
        self._units: dict[str, str | None] = {}  # noun -> counted unit (misses too): news repeats its nouns

    def find(self, text: str) -> list[Quantity]:
        """Patterns are lowercase and run on the lowercased text (same offsets, no re.IGNORECASE cost)."""
        original, text = text, lower_same_length(text)
        found: list[Quantity] = []
        taken = bytearray(len(text) + 1)
        candidates = self.starts.candidates(text)
        for which, (regex, unit_of) in enumerate(
            (
                (self.money_after, lambda m: self.currencies[m.group("cur").lower()]),
                (self.money_before, lambda m: self.currencies[m.group("cur").lower()]),
                (self.percent, lambda m: "percent"),
                (self.count, None),
            )
        ):
            for match in self.starts.finditer(which, text, candidates):
                end, unit = (match.end(), unit_of(match)) if regex is not self.count else self._counted(match)
                if any(taken[match.start() : end]):
                    continue
                value = self._value(match.group("num"), match.groupdict().get("mult"))
                if unit is None or value is None:
                    continue
                found.append(Quantity(match.start(), end, original[match.start() : end], value, unit))
                taken[match.start() : end] = b"\1" * (end - match.start())
        return sorted(found, key=lambda q: q.start)

    def _counted(self, match: re.Match) -> tuple[int, str | None]:
        """ "12 viktiga samarbetsdokument": the counted noun may follow up to two adjectives."""
        position = match.start("words")
        for word in _TOKEN.finditer(match.group("words")):
            unit = self._counted_unit(word.group())
            if unit:
                return position + word.end(), unit
            if not word.group().lower().endswith(self.modifier_endings):
                break
        return match.end(), None

    def _counted_unit(self, noun: str) -> str | None:
        if noun not in self._units:
            if len(self._units) > 100_000:  # bounded: a year of news must not grow it forever
                self._units.clear()
            self._units[noun] = self._unit_of(noun.lower())
        return self._units[noun]

    def _unit_of(self, noun: str) -> str | None:
        for stem, unit in self.counted.items():
            if (
                noun == stem
                or (noun.endswith(stem) and len(stem) >= 5)
                or noun in (stem + "en", stem + "et", stem + "na")
            ):
                return unit
        return None

    def _value(self, num: str, mult: str | None) -> float | None:
        num = num.lower()
        if num in self.words:
            value = float(self.words[num])
        else:
            cleaned = re.sub(r"[ .\u00a0\u202f]" if self.decimal == "," else r"[ ,\u00a0\u202f]", "", num)
            try:
                value = float(cleaned.replace(self.decimal, "."))
            except ValueError:
                return None
        if mult:
            value *= self.multipliers[mult.lower()]
        return value


def run(doc: Document, reader: QuantityReader) -> Document:
    doc.quantities = reader.find(doc.text)
    return doc
