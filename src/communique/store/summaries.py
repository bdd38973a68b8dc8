"""Counts kept up to date as documents are written, so that timelines and networks never scan all events.

- `dyad_months`: per unordered pair of states, month and PLOVER type, how many events name one state on
  each side, and how many happenings (clusters) began with such an event.
- `actor_pair_months`: per unordered pair of actors, month and type, how many events name one as actor and
  the other as recipient (the who-met-whom network).

Both are written in the document's own transaction with one upsert statement each (the same SQL runs on
SQLite and PostgreSQL), and can be rebuilt from the events at any time (`rebuild`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from sqlalchemy import Connection, text

from .sql import Statement

_DYADS = Statement(
    "INSERT INTO dyad_months (state_a, state_b, month, event_type, events, clusters)"
    " VALUES (:state_a, :state_b, :month, :event_type, :events, :clusters)"
    " ON CONFLICT (state_a, state_b, month, event_type) DO UPDATE SET"
    " events = dyad_months.events + excluded.events, clusters = dyad_months.clusters + excluded.clusters"
)
_PAIRS = Statement(
    "INSERT INTO actor_pair_months (actor_a, actor_b, month, event_type, events)"
    " VALUES (:actor_a, :actor_b, :month, :event_type, :events)"
    " ON CONFLICT (actor_a, actor_b, month, event_type) DO UPDATE SET"
    " events = actor_pair_months.events + excluded.events"
)


def _pairs(left: Iterable, right: Iterable) -> set[tuple]:
    """Unordered pairs with one member from each side (a state or actor on both sides pairs with nobody)."""
    return {(min(a, b), max(a, b)) for a in left for b in right if a != b}


def count(events: Iterable[tuple[dict, bool]]) -> tuple[Counter, Counter, Counter]:
    """(events per dyad-month-type, new clusters per dyad-month-type, events per actor-pair-month-type).

    Each item is (event row as stored, whether this event created its cluster). A row has `event_type`,
    `date_start`, `actor_country`, `recipient_country` and `actor` / `recipient` (store ids, "A12").
    """
    dyads: Counter = Counter()
    clusters: Counter = Counter()
    actors: Counter = Counter()
    for e, creates in events:
        if not e["date_start"]:
            continue
        month = e["date_start"][:7]
        for a, b in _pairs(e["actor_country"], e["recipient_country"]):
            dyads[(a, b, month, e["event_type"])] += 1
            if creates:
                clusters[(a, b, month, e["event_type"])] += 1
        for a, b in _pairs(_numbers(e["actor"]), _numbers(e["recipient"])):
            actors[(a, b, month, e["event_type"])] += 1
    return dyads, clusters, actors


def record(conn: Connection, rows: list[dict], new_clusters: set[int]) -> None:
    """Add one document's event rows to the counts (inside the caller's transaction). A new cluster was
    created by the first of the document's rows placed in it."""
    seen: set[int] = set()
    events = []
    for row in rows:
        creates = row["cluster_id"] in new_clusters and row["cluster_id"] not in seen
        seen.add(row["cluster_id"])
        events.append((row, creates))
    _write(conn, *count(events))


def rebuild(conn: Connection, batch: int = 20_000) -> None:
    """Recount everything from the stored events (a migration, or a repair); streams in batches.

    A cluster's happening is counted with the event that created it: its member written first, which
    is the one with the lowest evidence id (evidence ids grow with every write, on both backends).
    """
    conn.execute(text("DELETE FROM dyad_months"))
    conn.execute(text("DELETE FROM actor_pair_months"))
    first: dict[int, tuple[int, str]] = {}
    for r in conn.execute(
        text(
            "SELECT e.id, e.cluster_id, min(v.id) AS evidence FROM events e JOIN evidence v ON v.event_id = e.id"
            " WHERE e.cluster_id IS NOT NULL GROUP BY e.id, e.cluster_id"
        )
    ):
        if r.cluster_id not in first or (r.evidence, r.id) < first[r.cluster_id]:
            first[r.cluster_id] = (r.evidence, r.id)
    creators = {event_id for _, event_id in first.values()}
    totals: tuple[Counter, Counter, Counter] = (Counter(), Counter(), Counter())
    for chunk in _event_chunks(conn, batch):
        events = [
            (
                {
                    "event_type": r.event_type,
                    "date_start": r.date_start,
                    "actor_country": _json_list(r.actor_country),
                    "recipient_country": _json_list(r.recipient_country),
                    "actor": _json_list(r.actor),
                    "recipient": _json_list(r.recipient),
                },
                r.id in creators,
            )
            for r in chunk
        ]
        for total, part in zip(totals, count(events), strict=True):
            total.update(part)
    _write(conn, *totals)


def _write(conn: Connection, dyads: Counter, clusters: Counter, actors: Counter) -> None:
    if dyads:
        rows = [
            {"state_a": a, "state_b": b, "month": m, "event_type": t, "events": n, "clusters": clusters[(a, b, m, t)]}
            for (a, b, m, t), n in sorted(dyads.items())
        ]
        _DYADS.run(conn, rows)
    if actors:
        rows = [
            {"actor_a": a, "actor_b": b, "month": m, "event_type": t, "events": n}
            for (a, b, m, t), n in sorted(actors.items())
        ]
        _PAIRS.run(conn, rows)


def _numbers(actor_ids: Iterable[str]) -> list[int]:
    return [int(i[1:]) for i in actor_ids]


def _event_chunks(conn: Connection, batch: int):
    result = conn.execute(
        text(
            "SELECT id, event_type, date_start, cluster_id, actor_country, recipient_country, actor, recipient"
            " FROM events WHERE date_start IS NOT NULL"
        )
    )
    while chunk := result.fetchmany(batch):
        yield chunk


def _json_list(value) -> list:
    """JSON columns come back decoded from PostgreSQL, as text from SQLite through a text() query."""
    if isinstance(value, list):
        return value
    return json.loads(value) if value else []
