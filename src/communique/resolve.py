"""Mentions -> actors: one actor per country, organization and person in the document.

Known actors take their canonical name, QID and sector from the dictionary; unknown persons keep the
name as written (normalised) with `wikidata: null`. Nothing unresolved is guessed.
"""

from __future__ import annotations

from collections import Counter

from . import dictionary
from .langpack import LanguagePack
from .model import Actor, Document, Mention, Span

_KOREAN = {"PRK", "KOR"}
_SECTOR_BY_TITLE_ORDER = ("PTY", "GOV", "LEG", "DIP", "MIL", "IGO", "REL")


def run(doc: Document, pack: LanguagePack) -> Document:
    actors: dict[tuple[str, str], Actor] = {}
    money = _money_spans(doc, pack)
    for m in doc.mentions:
        if m.kind in ("title", "collective", "location"):
            continue
        if m.kind == "country" and any(start <= m.start and m.end <= end for start, end in money):
            continue  # "18 billion US dollars", "Hong Kong dollars": a currency's name, not the state
        key = _actor_key(m)
        actor = actors.get(key)
        if actor is None:
            actor = _new_actor(m, f"a{len(actors) + 1}")
            actors[key] = actor
        _add_mention(actor, m, pack)
        m.name = actor.name
    doc.actors = list(actors.values())
    doc.dyad = _dyad(doc)
    return doc


def _money_spans(doc: Document, pack: LanguagePack) -> list[tuple[int, int]]:
    currencies = set(pack.numbers.get("currencies", {}).values())
    return [(q.start, q.end) for q in doc.quantities if q.unit in currencies]


def _actor_key(m: Mention) -> tuple[str, str]:
    if m.kind == "person":
        return ("person", m.key or dictionary.slug(_person_name(m)))
    return (m.kind, m.key or m.text)


def _person_name(m: Mention) -> str:
    if m.name:
        return m.name
    # as written ("Pål Jonson", "Antti Häkkänen"): keys and comparisons fold the letters, names keep them
    name = " ".join(m.text.split())
    if m.country in _KOREAN:
        name = " ".join(part.capitalize() for part in name.replace("-", " ").split())
    return name


def _new_actor(m: Mention, actor_id: str) -> Actor:
    data = dictionary.load()
    if m.kind == "country":
        entry = data.countries.get(m.key)
        name = entry.name if entry else m.key
        return Actor(actor_id, name, "country", m.key, "GOV", [], None, [])
    if m.kind == "organization":
        org = data.organizations.get(m.key) if m.key else None
        if org is None:  # proposed by the NER stage: no dictionary entry, name as written
            return Actor(actor_id, m.text, "organization", m.country, None, [], None, [])
        return Actor(actor_id, org.name, "organization", org.country, org.sector, [], org.wikidata, [])
    person = data.persons.get(m.key) if m.key else data.persons.get(dictionary.slug(_person_name(m)))
    if person:
        return Actor(actor_id, person.name, "person", person.country, person.sector, [], person.wikidata, [])
    return Actor(actor_id, _person_name(m), "person", m.country, None, [], None, [])


def _add_mention(actor: Actor, m: Mention, pack: LanguagePack) -> None:
    actor.mentions.append(Span(m.start, m.end))
    for title in m.titles:
        if title not in actor.titles:
            actor.titles.append(title)
    if actor.country is None and m.country:
        actor.country = m.country
    if actor.kind == "person" and actor.sector is None and m.titles:
        actor.sector = _sector_from_titles(m.titles, pack)


def _sector_from_titles(titles: list[str], pack: LanguagePack) -> str | None:
    sectors = {t.sector for t in pack.titles.values() if t.en in titles and t.sector}
    return next((s for s in _SECTOR_BY_TITLE_ORDER if s in sectors), None)


def _dyad(doc: Document) -> tuple[str, ...]:
    """The two states the document is about, the most mentioned first (the visit overrides it later)."""
    counts: Counter[str] = Counter()
    for actor in doc.actors:
        if actor.country:
            counts[actor.country] += len(actor.mentions)
    return tuple(iso for iso, _ in counts.most_common(2))
