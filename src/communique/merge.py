"""One event per real-world happening per document: candidates that agree on type, mode, sides,
modality and (overlapping) date become one event with all their evidence."""

from __future__ import annotations

from .model import DateRange, Document, Event


def run(doc: Document) -> Document:
    merged: list[Event] = []
    known: dict[int, set] = {}  # each target's evidence spans as a set: absorbing stays linear
    for event in doc.events:
        if not event.actor and not event.recipient:
            continue
        target = next((m for m in merged if _same_happening(m, event)), None)
        if target is None:
            merged.append(event)
        else:
            _absorb(target, event, known=known)
    merged = _fold_partial(merged, known)
    for index, event in enumerate(merged, start=1):
        event.id = f"e{index}"
    _link_to_visits(merged)
    doc.events = merged
    return doc


def _sides(event: Event, symmetric: bool) -> tuple:
    actor = frozenset(event.actor_country) or frozenset(event.actor)
    recipient = frozenset(event.recipient_country) or frozenset(event.recipient)
    if symmetric:
        return (actor | recipient,)
    return (actor, recipient)


def _same_happening(a: Event, b: Event) -> bool:
    if (a.event_type, a.mode, a.modality) != (b.event_type, b.mode, b.modality):
        return False
    symmetric = a.symmetric or b.symmetric  # "tog emot X" and "höll samtal med X" can be one meeting
    # a summit is one gathering whoever each sentence names at it; its participants are merged
    if a.mode != "multilateral" and _sides(a, symmetric) != _sides(b, symmetric):
        return False
    if a.date and b.date:
        return a.date.overlaps(b.date)
    return True


def _fold_partial(events: list[Event], known: dict[int, set]) -> list[Event]:
    """A restatement that lost one side ("Statsbesöket av To Lam ...", "välkomstceremonin") joins the
    complete event of the same kind whose states include the ones it names."""
    complete = [e for e in events if e.actor_country and e.recipient_country]
    kept = []
    for event in events:
        if event.actor_country and event.recipient_country:
            kept.append(event)
            continue
        named = set(event.actor_country + event.recipient_country)
        host = next(
            (
                c
                for c in complete
                if (c.event_type, c.mode, c.modality) == (event.event_type, event.mode, event.modality)
                and named <= set(c.actor_country + c.recipient_country)
                and (not (c.date and event.date) or c.date.overlaps(event.date))
            ),
            None,
        )
        if host is None:
            kept.append(event)
        else:
            _absorb(host, event, sides=False, known=known)
    return kept


def _absorb(target: Event, other: Event, sides: bool = True, known: dict[int, set] | None = None) -> None:
    for field in ("sectors", "rules", "context"):
        values = getattr(target, field)
        values.extend(v for v in getattr(other, field) if v not in values)
    if sides:
        _merge_sides(target, other)
    target.sectors.sort()
    known = known if known is not None else {}
    if id(target) not in known:
        known[id(target)] = set(target.evidence)
    have = known[id(target)]
    for span in other.evidence:
        if span not in have:
            have.add(span)
            target.evidence.append(span)
    known = {(q.value, q.unit) for q in target.quantities}
    target.quantities.extend(q for q in other.quantities if (q.value, q.unit) not in known)
    target.date = _wider(target.date, other.date, target.dated, other.dated)
    target.dated = target.dated or other.dated
    target.location = target.location or other.location
    target.confidence = min(1.0, max(target.confidence, other.confidence) + 0.02)


def _merge_sides(target: Event, other: Event) -> None:
    """Add the other event's participants to the target's sides; in a symmetric event a participant
    joins the side of its own state, so one state never stands on both sides."""
    flipped = other.symmetric and (
        set(other.actor_country) & set(target.recipient_country)
        or set(other.recipient_country) & set(target.actor_country)
    )
    actor_ids, recipient_ids = (other.recipient, other.actor) if flipped else (other.actor, other.recipient)
    actor_states, recipient_states = (
        (other.recipient_country, other.actor_country) if flipped else (other.actor_country, other.recipient_country)
    )
    for ids, states, side_ids, side_states in (
        (actor_ids, actor_states, target.actor, target.actor_country),
        (recipient_ids, recipient_states, target.recipient, target.recipient_country),
    ):
        side_ids.extend(i for i in ids if i not in target.actor and i not in target.recipient)
        side_states.extend(c for c in states if c not in side_states)
    target.recipient_country[:] = [c for c in target.recipient_country if c not in target.actor_country]


def _wider(a: DateRange | None, b: DateRange | None, a_dated: bool, b_dated: bool) -> DateRange | None:
    """An explicit date beats an inherited one; between explicit dates the wider range wins."""
    if a is None or (b is not None and b_dated and not a_dated):
        return b
    if b is None or (a_dated and not b_dated):
        return a
    if a.start and b.start and b.start <= a.start and (b.end or b.start) >= (a.end or a.start):
        return b
    return a


def _link_to_visits(events: list[Event]) -> None:
    visits = [e for e in events if e.mode == "visit" and e.modality == "asserted"]
    for event in events:
        for visit in visits:
            if event is visit or not (event.date and visit.date and visit.date.overlaps(event.date)):
                continue
            if set(event.actor_country + event.recipient_country) & set(visit.actor_country + visit.recipient_country):
                event.link.append(visit.id)
                visit.link.append(event.id)
                if event.location is None and event.event_type in ("CONSULT", "AGREE", "SUPPORT"):
                    event.location = visit.location
