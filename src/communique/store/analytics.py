"""Summaries over the store for browsing: dyad timelines, who-met-whom networks, actor and document views."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, and_, func, select

from ..dictionary import load as load_dictionary
from ..dictionary import slug
from ..errors import StoreError
from . import schema
from .records import EVENT_COLUMNS, event_dicts

E, EC, EA, A = schema.events, schema.event_countries, schema.event_actors, schema.actors

# What "met" means in the network: PLOVER's consultations (visits, meetings, talks, calls)
MEETING_TYPES = ("CONSULT",)


def data_version(conn: Connection) -> int:
    """A number that grows whenever events are written: every event adds evidence rows (cheap: the key's max)."""
    return conn.execute(select(func.max(schema.evidence.c.id))).scalar() or 0


def dyad_timeline(
    conn: Connection, a: str, b: str, since: date | None = None, until: date | None = None, clusters: bool = True
) -> list[dict]:
    """Counts per month and PLOVER type of the events between states `a` and `b` (either direction).

    With `clusters` a happening reported by several articles counts once.
    """
    side_a, side_b = EC.alias("side_a"), EC.alias("side_b")
    month = func.substr(E.c.date_start, 1, 7).label("month")
    counted = func.count(func.distinct(E.c.cluster_id)) if clusters else func.count(func.distinct(E.c.id))
    query = (
        select(month, E.c.event_type, counted.label("count"))
        .select_from(side_a)
        .join(side_b, and_(side_b.c.event_id == side_a.c.event_id, side_b.c.role != side_a.c.role))
        .join(E, E.c.id == side_a.c.event_id)
        .where(side_a.c.country == a.upper(), side_b.c.country == b.upper(), E.c.date_start.is_not(None))
        .group_by(month, E.c.event_type)
        .order_by(month, E.c.event_type)
    )
    if since:
        query = query.where(E.c.date_start >= since.isoformat())
    if until:
        query = query.where(E.c.date_start <= until.isoformat())
    return [{"month": r.month, "event_type": r.event_type, "count": r.count} for r in conn.execute(query)]


def network(
    conn: Connection,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    event_types: tuple[str, ...] = MEETING_TYPES,
    kinds: tuple[str, ...] = ("person",),
    limit: int = 150,
) -> dict:
    """Who met whom: nodes are actors, an edge's weight the number of events naming both (actor and recipient)."""
    src, dst = EA.alias("src"), EA.alias("dst")
    pair = (
        select(src.c.actor_id.label("source"), dst.c.actor_id.label("target"), func.count().label("weight"))
        .select_from(src)
        .join(dst, and_(dst.c.event_id == src.c.event_id, dst.c.role == "recipient", dst.c.actor_id != src.c.actor_id))
        .join(E, E.c.id == src.c.event_id)
        .where(src.c.role == "actor", E.c.event_type.in_(event_types))
        .group_by(src.c.actor_id, dst.c.actor_id)
        .order_by(func.count().desc(), src.c.actor_id, dst.c.actor_id)
    )
    kinds_of = select(A.c.id).where(A.c.kind.in_(kinds))
    pair = pair.where(src.c.actor_id.in_(kinds_of), dst.c.actor_id.in_(kinds_of))
    if since:
        pair = pair.where(E.c.date_start >= since.isoformat())
    if until:
        pair = pair.where(E.c.date_start <= until.isoformat())
    if country:
        pair = pair.where(E.c.id.in_(select(EC.c.event_id).where(EC.c.country == country.upper())))
    weights: dict[tuple[int, int], int] = {}
    for r in conn.execute(pair.limit(limit * 2)):
        key = (min(r.source, r.target), max(r.source, r.target))  # meeting is mutual: one undirected edge
        weights[key] = weights.get(key, 0) + r.weight
    edges = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    ids = {i for (s, t), _ in edges for i in (s, t)}
    nodes = conn.execute(select(A.c.id, A.c.name, A.c.country, A.c.kind).where(A.c.id.in_(ids))).all() if ids else []
    return {
        "nodes": [{"id": f"A{n.id}", "name": n.name, "country": n.country, "kind": n.kind} for n in nodes],
        "edges": [{"source": f"A{s}", "target": f"A{t}", "weight": w} for (s, t), w in edges],
    }


def actor(conn: Connection, actor_id: str) -> dict:
    """One stored actor with its offices from the actor dictionary (when it is a known person)."""
    number = _actor_number(actor_id)
    row = conn.execute(select(A).where(A.c.id == number)).first() if number is not None else None
    if row is None:
        raise StoreError(f"no actor with id {actor_id!r}")
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
        raise StoreError(f"no actor with id {actor_id!r}")
    ids = select(EA.c.event_id).where(EA.c.actor_id == number)
    rows = conn.execute(
        select(*EVENT_COLUMNS).where(E.c.id.in_(ids)).order_by(E.c.date_start.desc().nulls_last(), E.c.id).limit(limit)
    ).all()
    return event_dicts(conn, rows)


def document(conn: Connection, document_id: str) -> dict:
    """A stored document with the spans a reader checks: actor mentions and event evidence."""
    d = schema.documents
    row = conn.execute(select(d).where(d.c.id == document_id)).first()
    if row is None:
        raise StoreError(f"no document with id {document_id!r}")
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
