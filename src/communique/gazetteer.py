"""One Aho-Corasick automaton per language over every name the project knows.

Countries (names, genitives, adjectives), cities, organizations, dictionary persons, titles and
collective phrases are all found in one pass over the lowercased text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from . import dictionary, langpack
from .dictionary import ascii_fold


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # country | adjective | location | organization | person | title | collective
    key: str  # iso3, org id, person id, title form, collective class, "iso3|City"
    form: str  # the form as written in the data, for case checks
    proper: bool  # a proper name must be capitalised in the text


@dataclass(slots=True)  # not frozen: a frozen init costs twice as much, and a document makes hundreds
class Hit:
    start: int
    end: int
    entry: Entry


_PRIORITY = {"person": 6, "organization": 5, "collective": 4, "country": 3, "location": 3, "adjective": 2, "title": 1}


@lru_cache(maxsize=4)  # several stages lower the same document text
def lower_same_length(text: str) -> str:
    """Lowercase without changing any offset (a few characters lowercase to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Gazetteer:
    def __init__(self, code: str):
        self.code = code
        self._automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[Entry]] = {}
        pack = langpack.load(code)
        actors = dictionary.load()
        self._add_countries(pack)
        self._add_organizations(pack, actors)
        self._add_persons(pack, actors)
        for form in pack.titles:
            self._add(form, Entry("title", form, form, False))
        for form, refers in pack.collective.items():
            self._add(form, Entry("collective", refers, form, False))
        for key, entries in self._entries.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))  # lower_same_length keeps lengths
        self._automaton.make_automaton()

    def _add(self, form: str, entry: Entry) -> None:
        form = form.strip()
        if len(form) < 2:
            return
        bucket = self._entries.setdefault(lower_same_length(form), [])
        if entry not in bucket:
            bucket.append(entry)

    def _add_name(self, pack, form: str, entry_for) -> None:
        for variant in dict.fromkeys((form, ascii_fold(form))):  # ordered: the same entries whatever the hash seed
            self._add(variant, entry_for(variant))
            for genitive in pack.genitives(variant):
                self._add(genitive, entry_for(genitive))

    def _add_countries(self, pack) -> None:
        for iso3, forms in (pack.countries or {}).items():
            for name in forms.get("names") or []:
                self._add_name(pack, name, lambda f, iso3=iso3: Entry("country", iso3, f, True))
            for word in (forms.get("adjectives") or []) + (forms.get("people") or []):
                self._add(word, Entry("adjective", iso3, word, word[:1].isupper()))
            cities = [*(forms.get("cities") or []), forms.get("capital") or ""]
            for city in dict.fromkeys(c for c in cities if c):
                self._add_name(pack, city, lambda f, iso3=iso3, city=city: Entry("location", f"{iso3}|{city}", f, True))

    def _add_organizations(self, pack, actors) -> None:
        for org in actors.organizations.values():
            forms = [*org.aliases.get(pack.code, ()), *org.aliases.get("*", ())]
            forms += [org.name] if org.name.isascii() else []
            for form in dict.fromkeys(forms):
                proper = form[:1].isupper()
                self._add_name(pack, form, lambda f, org=org, proper=proper: Entry("organization", org.id, f, proper))

    def _add_persons(self, pack, actors) -> None:
        for person in actors.persons.values():
            for form in dict.fromkeys((person.name, *person.aliases)):
                for variant in dict.fromkeys((form, form.replace("-", " "), _hyphenate_korean(form))):
                    self._add_name(pack, variant, lambda f, p=person: Entry("person", p.id, f, True))

    def find(self, text: str) -> list[Hit]:
        """All matches on word boundaries with the right case, longest first, without overlaps."""
        lowered = lower_same_length(text)
        hits = []
        for end_index, (size, entries) in self._automaton.iter(lowered):
            end = end_index + 1
            start = end - size
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue  # most hits end inside a word: the cheapest test first
            if _on_boundaries(text, start, end):
                surface = text[start:end]
                for entry in entries:
                    if surface == entry.form or _case_ok(surface, entry):
                        hits.append(Hit(start, end, entry))
        return _without_overlaps(hits)


def _hyphenate_korean(name: str) -> str:
    """'Kim Jong Un' is also written 'Kim Jong-un'."""
    parts = name.split(" ")
    if len(parts) == 3 and all(p[:1].isupper() for p in parts):
        return f"{parts[0]} {parts[1]}-{parts[2].lower()}"
    return name


def _on_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before == "_" or after.isalnum() or after == "_":
        return False
    # "FN:s" is a genitive with its own entry; a bare "FN" must not match inside it
    return not (after == ":" and end + 1 < len(text) and text[end + 1].isalpha())


def _case_ok(surface: str, entry: Entry) -> bool:
    if surface == entry.form:
        return True
    if not entry.proper:
        if surface[:1].isupper() and surface[1:] == entry.form[1:]:
            return True
        # English capitalises every word of a title before a name ("Prime Minister", "Minister of Foreign Affairs")
        words, forms = surface.split(), entry.form.split()
        return len(words) == len(forms) and all(
            w == f or (w.lower() == f and not w[:1].islower()) for w, f in zip(words, forms, strict=True)
        )
    # proper names: allow an all-caps headline, never a lowercase common word
    return surface[:1].isupper() and (surface.isupper() or surface.lower() == entry.form.lower())


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (-(h.end - h.start), -_PRIORITY[h.entry.kind], h.start))
    taken: list[Hit] = []
    occupied = bytearray(max((h.end for h in hits), default=0))
    for hit in hits:
        if occupied.find(1, hit.start, hit.end) >= 0:
            continue
        occupied[hit.start : hit.end] = b"\1" * (hit.end - hit.start)
        taken.append(hit)
    # several entries for one span (a name shared by two persons) stay side by side
    taken.sort(key=lambda h: h.start)
    return taken


@cache
def for_language(code: str) -> Gazetteer:
    return Gazetteer(code)
