"""Persons from title chains and names: "Laos generalsekreterare och president Thongloun Sisoulith".

Adds titles and country to dictionary persons, finds persons no dictionary lists, repairs known
machine-translation slips and resolves surname-only references to a person the document named.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .. import dictionary
from ..dictionary import ascii_fold
from ..langpack import LanguagePack
from ..model import Document, Mention

_NAME_WORD = r"[A-ZÅÄÖÉÜ][\w'’]*(?:-[\w'’]+)*"


def _first_name_word(not_after: str) -> str:
    """`(?<!not_after)` + a name word, with the lookbehind moved past the capital (same matches): a
    pattern that starts with a character class lets `re` skip straight to the capitals."""
    return rf"[A-ZÅÄÖÉÜ](?<!{not_after}.)[\w'’]*(?:-[\w'’]+)*"


_SURNAME = re.compile(_first_name_word(r"[\w-]") + r"(?![\w-])")
_ATTRIBUTE_KINDS = ("country", "organization", "location")
# What may stand between two links of a title chain: commas, joiners and a few lowercase words
# ("ordförande för Demokratiska folkrepubliken Koreas kommission för statliga angelägenheter, Kim").
_GAP_WORDS = 5


def run(doc: Document, pack: LanguagePack) -> Document:
    names = _name_reader(pack)
    titles = [m for m in doc.mentions if m.kind == "title"]
    others = [m for m in doc.mentions if m.kind != "title"]
    occupied = _occupied(doc.mentions, len(doc.text))
    listed = {id(m) for m in others}  # a found person is either one of these or new (never equal to one)
    new: list[Mention] = []
    pending_surnames = []
    listed_persons = sorted((m for m in others if m.kind == "person"), key=lambda m: m.start)
    starts = [m.start for m in listed_persons]
    for chain in _title_chains(doc, titles, others, pack):
        person = _person_after(doc, chain, (listed_persons, starts), names, occupied)
        if person is None:
            pending_surnames.append(chain)
            continue
        _attach(person, chain, pack)
        if id(person) not in listed:
            new.append(person)
            _mark(occupied, person)
    doc.mentions = others + new
    known = _known_persons(doc)
    for chain in pending_surnames:
        person = _repair_or_surname(doc, chain, names, known, occupied, pack) or _title_reference(doc, chain, pack)
        if person:
            _attach(person, chain, pack)
            doc.mentions.append(person)
            _mark(occupied, person)
    doc.mentions.extend(_untitled_names(doc, names, occupied, known, pack))
    doc.mentions.extend(_surname_references(doc, occupied, known))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def _title_reference(doc: Document, chain: list[Mention], pack: LanguagePack) -> Mention | None:
    """A definite title with no name ("kungen", "Laos generalsekreterare och president") stands for
    the one person of the document who holds that title (of that country, when the chain names one)."""
    titles = [m for m in chain if m.kind == "title"]
    last = titles[-1]
    definite = _definite(doc.text, last, pack) or _article_before(doc.text, chain[0].start, pack)
    if len(titles) == 1 and not definite:
        return None
    wanted = {pack.titles[t.key].en for t in titles}
    country = next((_country_of(m) for m in chain if m.kind != "title"), None)
    holders = {}
    for m in doc.mentions:
        if m.kind == "person" and m.start < last.start and wanted <= set(m.titles):
            if country is None or _state_of(m) in (country, None):
                holders[m.name or m.key or m.text] = m
    home = pack.grammar.get("home_country")
    if len(holders) > 1 and country is None and any(_state_of(m) == home for m in holders.values()):
        holders = {k: m for k, m in holders.items() if _state_of(m) == home}  # Swedish "statsministern" is Sweden's
    if len(holders) == 1:
        holder = next(iter(holders.values()))
        name = holder.name or (None if holder.key else holder.text)  # an unknown holder is known by its words
        return _reference(last, holder.key, holder.country, name, pack)
    if holders or not definite:
        return None
    entry = _office_holder(doc, wanted, country or pack.grammar.get("home_country"))
    return _reference(last, entry.id, entry.country, entry.name, pack) if entry else None


def _reference(title: Mention, key: str | None, country: str | None, name: str | None, pack) -> Mention:
    return Mention(
        title.start,
        title.end,
        title.text,
        "person",
        key,
        f"{pack.code}.person.title_reference",
        country=country,
        name=name,
    )


def _office_holder(doc: Document, titles: set[str], country: str | None):
    """The dictionary's one holder of these offices in that state on the document's date."""
    day = doc.published or next((d.range.start for d in doc.dates if d.range.start), None)
    if country is None or day is None:
        return None
    holders = [
        p for p in dictionary.load().persons.values() if p.country == country and titles <= set(p.titles_on(day))
    ]
    return holders[0] if len(holders) == 1 else None


def _state_of(m: Mention) -> str | None:
    person = dictionary.load().persons.get(m.key) if m.key else None
    return person.country if person else m.country


def _definite(text: str, title: Mention, pack: LanguagePack) -> bool:
    """A definite title needs no name: Swedish marks it on the noun ("kungen", "statsministern"),
    English with an article ("the king", "the prime minister")."""
    word = title.text.lower().split()[-1]
    suffixes = tuple(pack.grammar.get("definite_title_suffixes", []))
    if suffixes and len(word) > 4 and word.endswith(suffixes):
        return True
    return _article_before(text, title.start, pack)


def _article_before(text: str, start: int, pack: LanguagePack) -> bool:
    """ "the prime minister", "the Japanese prime minister": the article before a title or its chain."""
    articles = pack.grammar.get("definite_articles", [])
    before = text[max(0, start - 12) : start].lower().split()
    return bool(articles and before and before[-1] in articles)


def _surname_references(doc: Document, occupied: bytearray, known: dict[str, str]) -> list[Mention]:
    """ "Kristersson", "Stubbs", "Modi": one part of a name the document gave in full."""
    found = []
    for match in _SURNAME.finditer(doc.text):
        word = match.group()
        if occupied.find(1, *match.span()) >= 0:
            continue
        full = known.get(word) or (known.get(word[:-1]) if word.endswith("s") else None)
        if full:
            m = Mention(match.start(), match.end(), word, "person", None, f"{doc.language}.person.surname", name=full)
            found.append(m)
            _mark(occupied, m)
    return found


class _NameReader:
    def __init__(self, pack: LanguagePack):
        particles = "|".join(re.escape(p) for p in pack.grammar.get("name_particles", []))
        particle = rf"(?:(?:{particles})[ \t]+)?" if particles else ""
        first = _first_name_word(r"[\w'’-]")
        self.regex = re.compile(rf"{first}(?:[ \t]+{particle}{_NAME_WORD}){{0,3}}")
        self.repairs = [(rule, re.compile(rf"{re.escape(rule['match'])}\s+({_NAME_WORD})")) for rule in pack.mt_repairs]
        self.surname = re.compile(rf"({_NAME_WORD})(?![\w-])")
        self.places = {w.lower() for w in pack.grammar.get("place_prepositions", [])}
        self.definite = tuple(pack.grammar.get("definite_noun_suffixes", []))
        self.not_names = set(pack.grammar.get("not_names", []))
        prefixes = "|".join(re.escape(p) for p in pack.grammar.get("name_prefixes", []))
        self.prefix = re.compile(rf"\s*(?:(?:{prefixes})\s+)?", re.I) if prefixes else re.compile(r"\s*")

    def at(self, text: str, pos: int) -> re.Match | None:
        pos = self.prefix.match(text, pos).end()
        match = self.regex.match(text, pos)
        if not match or match.group().split()[0] in self.not_names:
            return None
        return match


_READERS: dict[str, _NameReader] = {}


def _name_reader(pack: LanguagePack) -> _NameReader:
    """One compiled reader per language, not per document."""
    if pack.code not in _READERS:
        _READERS[pack.code] = _NameReader(pack)
    return _READERS[pack.code]


def _occupied(mentions: list[Mention], size: int) -> bytearray:
    """1 where a mention already stands, else 0 (`find(1, start, end)` tests a span in C)."""
    occupied = bytearray(size + 1)
    for m in mentions:
        _mark(occupied, m)
    return occupied


def _mark(occupied: bytearray, m: Mention) -> None:
    occupied[m.start : m.end] = b"\1" * (m.end - m.start)


def _title_chains(doc: Document, titles, others, pack) -> list[list[Mention]]:
    """Group titles with the attributes around them; each chain ends where a name may start."""
    links = sorted(titles + [m for m in others if m.kind in _ATTRIBUTE_KINDS], key=lambda m: m.start)
    joiners = set(pack.grammar.get("title_joiners", [])) | set(pack.grammar.get("chain_gap_words", []))
    chains, current = [], []
    for link in links:
        if current and not _joinable(doc.text[current[-1].end : link.start], joiners):
            chains.append(current)
            current = []
        current.append(link)
    chains.append(current)
    return [c for c in chains if any(m.kind == "title" for m in c)]


_CHAIN_STOPS = re.compile(r"[.;:!?\n()]")


def _joinable(gap: str, joiners: set[str]) -> bool:
    """Links join over small words and at most one other lowercase word ("... partis centralkommitté, presidenten")."""
    if _CHAIN_STOPS.search(gap):
        return False
    words = gap.replace(",", " ").split()
    others = [w for w in words if w not in joiners]
    # the one other word must close an apposition ("centralkommitté,"): a verb never joins two titles
    return len(words) <= _GAP_WORDS and (
        not others or (len(others) == 1 and others[0].islower() and 0 <= gap.find(others[0]) < gap.find(","))
    )


# Lowercase words that may close a title chain before the comma and the name
# ("ordförande för ... Koreas kommission för statliga angelägenheter, Kim Jong-un").
_TAIL = re.compile(r"(?:\s+[a-zåäöéü-]+){0,5}\s*,\s*|[\s,]*")


def _person_after(doc, chain, persons, names, occupied) -> Mention | None:
    end = _TAIL.match(doc.text, chain[-1].end).end()
    listed, starts = persons  # sorted by start: only the few starting just after the chain are looked at
    for m in listed[bisect_left(starts, end) : bisect_right(starts, end + 12)]:
        if not doc.text[end : m.start].strip(" ,").count(" "):
            return m
    match = names.at(doc.text, end)
    if match is None or occupied.find(1, *match.span()) >= 0:
        return None
    words = match.group().split()
    if len(words) < 2:
        return None
    return _unknown_person(doc, match.start(), match.end(), "title.name")


def _unknown_person(doc, start, end, rule) -> Mention:
    return Mention(start, end, doc.text[start:end], "person", None, f"{doc.language}.person.{rule}")


def _attach(person: Mention, chain: list[Mention], pack: LanguagePack) -> None:
    person.lead = min(person.lead if person.lead is not None else person.start, chain[0].start)
    for m in chain:
        if m.kind == "title":
            title = pack.titles[m.key].en
            if title not in person.titles:
                person.titles.append(title)
        else:
            m.attribute = True
            if person.country is None:
                person.country = _country_of(m)


def _country_of(m: Mention) -> str | None:
    if m.kind == "country":
        return m.key
    if m.kind == "location":
        return m.key.split("|")[0]
    org = dictionary.load().organizations.get(m.key)
    return org.country if org else None


_NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}  # "Ferdinand Marcos Jr" is "Marcos"


def _known_persons(doc: Document) -> dict[str, str]:
    """Name part -> canonical name, for persons named in full; ambiguous parts map to ''."""
    people = dictionary.load().persons
    parts: dict[str, str] = {}
    for m in doc.mentions:
        if m.kind != "person":
            continue
        full = people[m.key].name if m.key else ascii_fold(m.text)
        words = [w for w in full.replace(".", "").split() if w not in _NAME_SUFFIXES]
        for part in {words[0], words[-1]} if words else set():
            if part in parts and parts[part] != full:
                parts[part] = ""
            else:
                parts.setdefault(part, full)
    return parts


def _repair_or_surname(doc, chain, names, known, occupied, pack) -> Mention | None:
    text, pos = doc.text, chain[-1].end
    pos = names.prefix.match(text, pos).end()
    for rule, regex in names.repairs:
        match = regex.match(text, pos)
        if match:
            read = f"{rule['read_as']} {match.group(1)}"
            person = _known_name(read.removesuffix("s"), known) or _known_name(read, known)
            if person:
                m = _unknown_person(doc, match.start(), match.end(), "mt")
                m.rule, m.name = rule["id"], person
                return m
    match = names.surname.match(text, pos)
    if match and occupied.find(1, *match.span()) < 0:
        word = match.group(1)
        full = known.get(word) or (known.get(word[:-1]) if word.endswith("s") else None)
        if full:
            m = _unknown_person(doc, match.start(), match.end(), "surname")
            m.name = full
            return m
    return None


def _known_name(name: str, known: dict[str, str]) -> str | None:
    if name in known.values():
        return name
    people = dictionary.load().persons
    slugged = dictionary.slug(name)
    return people[slugged].name if slugged in people else None


def _definite_noun(word: str, suffixes: tuple[str, ...]) -> bool:
    """A lowercase noun in definite form beside a capitalised run makes it a place or an
    institution ("flygbasen Paya Lebar", "Kungliga Tekniska högskolan"), not a person."""
    return bool(suffixes) and word.islower() and word.isalpha() and len(word) > 4 and word.endswith(suffixes)


def _untitled_names(doc, names, occupied, known, pack) -> list[Mention]:
    """Capitalised runs of two or more words that no gazetteer claims are names of persons."""
    found = []
    for m in doc.mentions:  # "Kaysone Phomvihanes" is the genitive of a person named in full
        if m.kind == "person" and m.key is None and m.name is None and m.text.endswith("s"):
            stem = ascii_fold(m.text[:-1])
            if _known_name(stem, known):
                m.name = _known_name(stem, known)
    for sentence in doc.sentences:
        for match in names.regex.finditer(doc.text, sentence.start, sentence.end):
            words = match.group().split()
            if len(words) < 2 or words[0] in names.not_names or occupied.find(1, *match.span()) >= 0:
                continue
            if any(w.isupper() and len(w) > 1 for w in words):
                continue
            if any(w.endswith(("'s", "’s")) for w in words[:-1]):  # "Secretary's Call": a genitive inside no name
                continue
            before = doc.text[max(sentence.start, match.start() - 20) : match.start()].split()
            if before and (before[-1].lower() in names.places or _definite_noun(before[-1], names.definite)):
                continue
            after = doc.text[match.end() : match.end() + 20].split()
            if after and _definite_noun(after[0], names.definite):
                continue
            if words[0].endswith("s") and words[0][:-1] in known:
                continue
            found.append(_unknown_person(doc, match.start(), match.end(), "propername"))
    return found
