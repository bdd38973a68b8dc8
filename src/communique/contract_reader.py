"""The contract's JSON (`communique/1`) back into a typed `Document`: the inverse of `Document.to_dict()`.

Only what the contract carries comes back: the document's metadata and text, actors and events. The
working layers (sentences, raw mentions, dates, triggers) are not in the contract and stay empty. A
quantity's offsets are not in the contract either: they are found again from its text, first inside the
event's evidence, else anywhere in the document (0, 0 when the text cannot be found).
"""

from __future__ import annotations

from datetime import date

from .errors import CommuniqueError
from .model import SCHEMA_VERSION, Actor, DateRange, Document, Event, Location, Quantity, Span


class ContractError(CommuniqueError):
    """A dict that is not a readable `communique/1` document."""


def read_document(data: dict) -> Document:
    """The `Document` that `data` (a contract object) describes; `ContractError` when it is malformed."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
        raise ContractError(f"not a {SCHEMA_VERSION} document (schema: {_schema_of(data)!r})")
    try:
        return _document(data)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ContractError(f"malformed {SCHEMA_VERSION} document: {reason}") from None


def _schema_of(data: object) -> object:
    return data.get("schema") if isinstance(data, dict) else type(data).__name__


def _document(data: dict) -> Document:
    head = data["document"]
    text = head["text"]
    language = head.get("language")
    return Document(
        id=head["id"],
        text=text,
        path=head.get("path"),
        source_url=head.get("source_url"),
        title=head.get("title"),
        language=None if language == "und" else language,
        published=_date(head.get("published")),
        actors=[_actor(a) for a in data.get("actors") or []],
        events=[_event(e, text) for e in data.get("events") or []],
    )


def _actor(data: dict) -> Actor:
    return Actor(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        country=data.get("country"),
        sector=data.get("sector"),
        titles=list(data.get("titles") or []),
        wikidata=data.get("wikidata"),
        mentions=[_span(m) for m in data.get("mentions") or []],
    )


def _event(data: dict, text: str) -> Event:
    evidence = [_span(s) for s in data["evidence"]]
    when, where = data.get("date"), data.get("location")
    return Event(
        id=data["id"],
        event_type=data["event_type"],
        mode=data.get("mode"),
        context=list(data.get("context") or []),
        actor=list(data.get("actor") or []),
        recipient=list(data.get("recipient") or []),
        actor_country=list(data.get("actor_country") or []),
        recipient_country=list(data.get("recipient_country") or []),
        date=DateRange(_date(when.get("start")), _date(when.get("end"))) if when else None,
        location=Location(where["name"], where.get("country")) if where else None,
        modality=data["modality"],
        sectors=list(data.get("sectors") or []),
        quantities=[_quantity(q, text, evidence) for q in data.get("quantities") or []],
        cameo=data.get("cameo"),
        evidence=evidence,
        confidence=float(data["confidence"]),
        rules=list(data.get("rules") or []),
        link=list(data.get("link") or []),
    )


def _span(data: dict) -> Span:
    return Span(int(data["start"]), int(data["end"]))


def _quantity(data: dict, text: str, evidence: list[Span]) -> Quantity:
    surface = data.get("text") or ""
    start, end = _find(surface, text, evidence)
    return Quantity(start, end, surface, float(data["value"]), data.get("unit") or "")


def _find(surface: str, text: str, evidence: list[Span]) -> tuple[int, int]:
    """Where a quantity's words are: in the evidence first (the contract does not keep its offsets)."""
    if surface:
        for span in [*evidence, Span(0, len(text))]:
            at = text.find(surface, span.start, span.end)
            if at >= 0:
                return at, at + len(surface)
    return 0, 0


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
