"""Typed records that pass through the pipeline, and their conversion to the contract `communique/1`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SCHEMA_VERSION = "communique/1"


class _Record:
    """Pickled as its class and field values: coded documents cross process boundaries (`ingest --jobs`, Dask),
    and dataclasses' own state functions for slotted classes list the fields again for every object, which
    made unpickling in the single writer twice as slow."""

    __slots__ = ()

    def __reduce__(self):
        return type(self), tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True)
class Span(_Record):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence(_Record):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateRange(_Record):
    start: date | None
    end: date | None

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }

    def overlaps(self, other: DateRange) -> bool:
        if not (self.start and other.start):
            return True
        return self.start <= (other.end or other.start) and other.start <= (self.end or self.start)


@dataclass(slots=True)
class Mention(_Record):
    """A surface form in the text that names (or stands for) an actor."""

    start: int
    end: int
    text: str
    kind: str  # country | person | organization | location | collective
    key: str | None  # dictionary key: iso3, person/org id, collective class
    rule: str
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    name: str | None = None  # canonical name when known (unknown persons: normalised surface)
    attribute: bool = False  # part of another actor's title chain ("Laos" in "Laos president X")
    lead: int | None = None  # where the person's title chain starts, when it has one


@dataclass(frozen=True, slots=True)
class DateMention(_Record):
    start: int
    end: int
    text: str
    range: DateRange
    rule: str
    relative: bool = False  # "förra året" style: not an anchor for other dates
    dateline: bool = False  # "JAKARTA, March 11, 2026 —": when the report was filed, an event's date only if none other


@dataclass(frozen=True, slots=True)
class Quantity(_Record):
    start: int
    end: int
    text: str
    value: float
    unit: str

    def to_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "text": self.text}


@dataclass(frozen=True, slots=True)
class Trigger(_Record):
    """A phrase that signals an event, as matched by one rule of the language pack."""

    start: int
    end: int
    text: str
    rule: str
    event_type: str
    mode: str | None
    cameo: str | None
    role: str  # how roles are read: subject-object, visit, passive, ...
    scope: bool  # True when what follows is the content of this event (agree to, invite to)
    symmetric: bool
    context: tuple[str, ...]
    nominal: bool
    passive: bool = False


@dataclass(slots=True)
class Actor(_Record):
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    titles: list[str]
    wikidata: str | None
    mentions: list[Span]

    def to_dict(self, text: str) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "titles": list(self.titles),
            "wikidata": self.wikidata,
            "mentions": [{"start": m.start, "end": m.end, "text": text[m.start : m.end]} for m in self.mentions],
        }


@dataclass(slots=True)
class Location(_Record):
    name: str
    country: str | None

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country}


@dataclass(slots=True)
class Event(_Record):
    id: str
    event_type: str
    mode: str | None
    context: list[str]
    actor: list[str]
    recipient: list[str]
    actor_country: list[str]
    recipient_country: list[str]
    date: DateRange | None
    location: Location | None
    modality: str
    sectors: list[str]
    quantities: list[Quantity]
    cameo: str | None
    evidence: list[Span]
    confidence: float
    rules: list[str]
    link: list[str] = field(default_factory=list)
    symmetric: bool = False
    dated: bool = False  # the date was read from the event's own words, not inherited

    def to_dict(self, text: str) -> dict:
        first = self.evidence[0]
        return {
            "id": self.id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": list(self.actor),
            "recipient": list(self.recipient),
            "actor_country": list(self.actor_country),
            "recipient_country": list(self.recipient_country),
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "sectors": list(self.sectors),
            "quantities": [q.to_dict() for q in self.quantities],
            "cameo": self.cameo,
            "text": text[first.start : first.end],
            "evidence": [{"start": s.start, "end": s.end, "text": text[s.start : s.end]} for s in self.evidence],
            "confidence": round(self.confidence, 3),
            "link": list(self.link),
            "rules": list(self.rules),
        }


@dataclass(slots=True)
class Document(_Record):
    id: str
    text: str
    path: str | None = None
    source_url: str | None = None
    title: str | None = None
    language: str | None = None
    published: date | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dyad: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        """The document a contract object describes (the inverse of `to_dict`); see `contract_reader`."""
        from .contract_reader import read_document

        return read_document(data)

    def to_dict(self) -> dict:
        """The contract's JSON object for this document."""
        return {
            "schema": SCHEMA_VERSION,
            "document": {
                "id": self.id,
                "path": self.path,
                "source_url": self.source_url,
                "title": self.title,
                "language": self.language or "und",
                "published": self.published.isoformat() if self.published else None,
                "text": self.text,
            },
            "actors": [a.to_dict(self.text) for a in self.actors],
            "events": [e.to_dict(self.text) for e in self.events],
        }
