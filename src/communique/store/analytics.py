"""Summaries over the store for browsing: dyad timelines, who-met-whom networks, actor and document views."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, or_, select

from ..dictionary import load as load_dictionary
from ..dictionary import slug
from ..errors import NotFoundError
from . import schema
from .queries import events_of_actor
from .records import EVENT_COLUMNS, event_dicts

E, A = schema.events, schema.actors

# What "met" means in the network: PLOVER's consultations (visits, meetings, talks, calls)
MEETING_TYPES = ("CONSULT",)


def data_version(conn: Connection) -> int:
    """A number that grows whenever events are written: every event adds evidence rows (cheap: the key's max)."""
    return conn.execute(select(func.max(schema.evidence.c.id))).scalar() or 0


def dyad_timeline(
    conn: Connection, a: str, b: str, since: date | None = None, until: date | None = None, clusters: bool = True
) -> list[dict]:
    """Counts per month and PLOVER type of the events between states `a` and `b` (either direction).

    With `clusters` a happening reported by several articles counts once, in the month of the event that
    began it. `since`/`until` select whole months. Read from the counts kept by `summaries`.
    """
    d = schema.dyad_months
    a, b = sorted((a.upper(), b.upper()))
    counted = d.c.clusters if clusters else d.c.events
    query = (
        select(d.c.month, d.c.event_type, func.sum(counted).label("count"))
        .where(d.c.state_a == a, d.c.state_b == b)
        .group_by(d.c.month, d.c.event_type)
        .having(func.sum(counted) > 0)
        .order_by(d.c.month, d.c.event_type)
    )
    if since:
        query = query.where(d.c.month >= since.isoformat()[:7])
    if until:
        query = query.where(d.c.month <= until.isoformat()[:7])
    return [{"month": r.month, "event_type": r.event_type, "count": int(r.count)} for r in conn.execute(query)]


def network(
    conn: Connection,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    event_types: tuple[str, ...] = MEETING_TYPES,
    kinds: tuple[str, ...] = ("person",),
    limit: int = 150,
) -> dict:
    """Who met whom: nodes are actors (of `country`, when given, on at least one end), an edge's weight the
    number of events naming one as actor and the other as recipient. `since`/`until` select whole months."""
    p = schema.actor_pair_months
    one, other = A.alias("one"), A.alias("other")
    weight = func.sum(p.c.events).label("weight")
    query = (
        select(p.c.actor_a, p.c.actor_b, weight)
        .join(one, one.c.id == p.c.actor_a)
        .join(other, other.c.id == p.c.actor_b)
        .where(p.c.event_type.in_(event_types), one.c.kind.in_(kinds), other.c.kind.in_(kinds))
        .group_by(p.c.actor_a, p.c.actor_b)
        .order_by(weight.desc(), p.c.actor_a, p.c.actor_b)
        .limit(limit)
    )
    if since:
        query = query.where(p.c.month >= since.isoformat()[:7])
    if until:
        query = query.where(p.c.month <= until.isoformat()[:7])
    if country:
        query = query.where(or_(one.c.country == country.upper(), other.c.country == country.upper()))
    edges = [(r.actor_a, r.actor_b, int(r.weight)) for r in conn.execute(query)]
    ids = {i for s, t, _ in edges for i in (s, t)}
    nodes = conn.execute(select(A.c.id, A.c.name, A.c.country, A.c.kind).where(A.c.id.in_(ids))).all() if ids else []
    return {
        "nodes": [{"id": f"A{n.id}", "name": n.name, "country": n.country, "kind": n.kind} for n in nodes],
        "edges": [{"source": f"A{s}", "target": f"A{t}", "weight": w} for s, t, w in edges],
    }


def actor(conn: Connection, actor_id: str) -> dict:
    """One stored actor with its offices from the actor dictionary (when it is a known person)."""
    number = _actor_number(actor_id)
    row = conn.execute(select(A).where(A.c.id == number)).first() if number is not None else None
    if row is None:
        raise NotFoundError(f"no actor with id {actor_id!r}")
    return {
        "id": f"A{row.id}",
        "name": row.name,
        "kind": row.kind,
        "country": row.country,
        "sector": row.sector,
        "titles": list(row.titles or []),
        "wikidata": row.wikidata,
        "events": row.events,
        "offices": _offices(row.name, row.country, row.wikidata) if row.kind == "person" else [],
    }


def _actor_number(actor_id: str) -> int | None:
    digits = actor_id[1:] if actor_id[:1] in "Aa" else actor_id
    return int(digits) if digits.isdigit() else None


def _offices(name: str, country: str | None, wikidata: str | None) -> list[dict]:
    key = slug(name)
    for person in load_dictionary().persons.values():
        same = person.wikidata == wikidata if wikidata else slug(person.name) == key and person.country == country
        if same:
            return [
                {
                    "title": o.title,
                    "org": o.org,
                    "from": o.start.isoformat() if o.start else None,
                    "to": o.end.isoformat() if o.end else None,
                }
                for o in person.offices
            ]
    return []


def actor_events(conn: Connection, actor_id: str, limit: int = 100) -> list[dict]:
    """The events that name an actor (either side), newest first, as `queries` returns them."""
    number = _actor_number(actor_id)
    if number is None:
        raise NotFoundError(f"no actor with id {actor_id!r}")
    rows = conn.execute(events_of_actor(number).select(*EVENT_COLUMNS, limit=limit)).all()
    return event_dicts(conn, rows)


def document(conn: Connection, document_id: str) -> dict:
    """A stored document with the spans a reader checks: actor mentions and event evidence."""
    d = schema.documents
    row = conn.execute(select(d).where(d.c.id == document_id)).first()
    if row is None:
        raise NotFoundError(f"no document with id {document_id!r}")
    m = schema.mentions
    mentions = conn.execute(
        select(m.c.start, m.c.end, A.c.id, A.c.name, A.c.kind)
        .join(A, A.c.id == m.c.actor_id)
        .where(m.c.document_id == document_id)
        .order_by(m.c.start)
    ).all()
    ev = schema.evidence
    evidence = conn.execute(
        select(ev.c.event_id, ev.c.start, ev.c.end, E.c.event_type)
        .join(E, E.c.id == ev.c.event_id)
        .where(ev.c.document_id == document_id)
        .order_by(ev.c.start, ev.c.event_id)
    ).all()
    return {
        "id": row.id,
        "origin": row.origin,
        "source_url": row.source_url,
        "title": row.title,
        "language": row.language,
        "published": row.published,
        "near_duplicate_of": row.near_duplicate_of,
        "text": row.text,
        "mentions": [
            {"start": r.start, "end": r.end, "actor": f"A{r.id}", "name": r.name, "kind": r.kind} for r in mentions
        ],
        "evidence": [
            {"event_id": r.event_id, "event_type": r.event_type, "start": r.start, "end": r.end} for r in evidence
        ],
    }
