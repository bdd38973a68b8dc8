"""Keyset pages over `find_events`' order, for clients that walk a whole result (the web API).

An offset page shifts when articles are ingested between two requests; a keyset page does not: the
cursor names the last event a page read (its date and id), and the next page starts strictly after
it in the order `date_start DESC NULLS LAST, id`. In the clusters view a cluster sits where its newest
matching event sits, and a cluster already shown (it has a matching event at or before the cursor) is
not shown again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from sqlalchemy import Connection, and_, func, not_, or_, select

from . import schema
from .queries import E, EventFilter, Matching, matching
from .records import EVENT_COLUMNS, cluster_dicts, event_dicts


@dataclass(frozen=True)
class Position:
    """Where a page stopped: the order key of the last event it read."""

    date_start: str | None
    event_id: str


@dataclass(frozen=True)
class Page:
    items: list[dict]
    next: Position | None  # None: this was the last page


def _after(p: Position, date_start=E.c.date_start, event_id=E.c.id):
    """Events strictly after `p` in the page order (of these columns of an event's date and id)."""
    if p.date_start is None:
        return and_(date_start.is_(None), event_id > p.event_id)
    return or_(
        date_start < p.date_start,
        and_(date_start == p.date_start, event_id > p.event_id),
        date_start.is_(None),
    )


def events_page(
    conn: Connection, f: EventFilter, after: Position | None = None, clusters: bool = True, full: bool = True
) -> Page:
    """Up to `f.limit` events (or clusters) after `after`; `f.offset` is ignored.

    With `full=False` a cluster is summarised by its newest matching report (that report's participants,
    sentence and evidence) with the cluster's id, dates, `size` and `document_count`: a list page then
    costs about what a page of single reports costs, whatever the clusters' sizes."""
    if not clusters:
        events = matching(f, conn, f.limit + 1)
        later = partial(_after, after) if after is not None else None
        rows = conn.execute(events.select(*EVENT_COLUMNS, limit=f.limit + 1, after=later)).all()
        more = len(rows) > f.limit
        rows = rows[: f.limit]
        last = Position(rows[-1].date_start, rows[-1].id) if more and rows else None
        return Page(event_dicts(conn, rows), last)
    return _clusters_page(conn, f, after, full)


def _clusters_page(conn: Connection, f: EventFilter, after: Position | None, full: bool) -> Page:
    scan = (f.limit + 1) * 4
    events = matching(f, conn, scan)
    later = partial(_after, after) if after is not None else None
    while True:  # read events in order until they introduce limit+1 clusters not shown before
        rows = conn.execute(events.select(E.c.id, E.c.date_start, E.c.cluster_id, limit=scan, after=later)).all()
        first: dict[int, Position] = {}
        for r in rows:
            if r.cluster_id is not None and r.cluster_id not in first:
                first[r.cluster_id] = Position(r.date_start, r.id)
        if after is not None and first:
            first = _drop_shown(conn, events, after, first)
        if len(first) > f.limit or len(rows) < scan:
            break
        scan *= 4
    ids = list(first)[: f.limit + 1]
    more = len(ids) > f.limit
    ids = ids[: f.limit]
    items = cluster_dicts(conn, ids) if full else _cluster_summaries(conn, {i: first[i] for i in ids})
    return Page(items, first[ids[-1]] if more and ids else None)


def _cluster_summaries(conn: Connection, heads: dict[int, Position]) -> list[dict]:
    if not heads:
        return []
    rows = conn.execute(select(*EVENT_COLUMNS).where(E.c.id.in_([p.event_id for p in heads.values()]))).all()
    reports = {e["id"]: e for e in event_dicts(conn, rows)}
    C = schema.clusters
    dates = {r.id: r for r in conn.execute(select(C.c.id, C.c.date_start, C.c.date_end).where(C.c.id.in_(heads)))}
    sizes = {
        r.cluster_id: r
        for r in conn.execute(
            select(E.c.cluster_id, func.count().label("size"), func.count(E.c.document_id.distinct()).label("docs"))
            .where(E.c.cluster_id.in_(heads))
            .group_by(E.c.cluster_id)
        )
    }
    out = []
    for cluster_id, position in heads.items():
        item = dict(reports[position.event_id])
        span = dates[cluster_id]
        item.update(
            {
                "id": f"c{cluster_id}",
                "cluster_id": f"c{cluster_id}",
                "report": position.event_id,
                "date": {"start": span.date_start, "end": span.date_end} if span.date_start else None,
                "size": sizes[cluster_id].size,
                "document_count": sizes[cluster_id].docs,
            }
        )
        out.append(item)
    return out


def _drop_shown(conn: Connection, events: Matching, after: Position, first: dict[int, Position]) -> dict:
    """Clusters with a matching event at or before `after` were on an earlier page."""
    shown = set(
        conn.execute(
            select(E.c.cluster_id)
            .select_from(events.source)
            .where(*events.conditions, not_(_after(after)), E.c.cluster_id.in_(list(first)))
            .distinct()
        ).scalars()
    )
    return {cid: pos for cid, pos in first.items() if cid not in shown}
