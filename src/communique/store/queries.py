"""Filters -> events, shared by the CLI, the Python API and (later) the web app.

Events come back as dicts with the contract's field names plus `document_id`, `cluster_id`,
`source_url`, `published`, `actor_names`, `recipient_names`, `actor_sectors`, `recipient_sectors`.
A cluster comes back in the same shape with the union of its members' participants and evidence.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    Connection,
    FromClause,
    Select,
    Table,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
    union_all,
)

from ..errors import NotFoundError
from . import schema, text_index
from .records import EVENT_COLUMNS, cluster_dicts, event_dicts

E = schema.events

# The order of every event listing (newest first, undated last, then id): the date indexes serve it.
NEWEST_FIRST = (E.c.date_start.desc().nulls_last(), E.c.id)


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # canonical name (case-insensitive substring) or Wikidata QID
    country: str | None = None  # ISO3 on either side
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    sector: str | None = None
    text: str | None = None  # words in the evidence sentence
    limit: int = 100
    offset: int = 0


# A rare filter value drives the query: its side table's (value, date_start, event_id, event_type) index gives
# its events newest first, with their types, so a page reads about its own rows. So does a common value alone
# or with a type. A common value among other values, or with a text filter, is checked on the events the date
# or type index gives instead (a correlated EXISTS); that walk costs the rows read divided by the value's
# share of all events. The two cost the same near sqrt(_SELECTIVE * rows read): measured on 1M events, about
# 6,000 matches for a page of 100 events, 12,000 for the 400 events read for a page of clusters.
_SELECTIVE = 360_000


# Up to this many actors a name matches are named in the statement (SQLite takes 32,766 parameters).
_LISTED_ACTORS = 1_000
# A name matching several actors, when common, reads each actor's events newest first from its own index range
# and merges them, or walks all events newest first checking each one's actors. The k ranges read up to a page
# of rows each; the walk reads about N / n events per row of the page, for n rows naming the actors among N
# events; a row costs about the same either way (1M events: 64 ranges of 404 rows 66 ms, the walk through
# 4,700 events 24 ms). So ranges when k * n <= N (n from the actors' kept counts), and never more than this many.
_BRANCHED_ACTORS = 64
_RANGE_COST = 1.0  # a range's row against a walked event


@dataclass(frozen=True)
class _Side:
    """A filter on a side table: `value(t)` is the condition on the table `t` (or an alias of it)."""

    table: Table
    value: Callable[[Table], object]
    keys: tuple[str, ...]  # with event_id, what tells two of an event's rows apart
    ordered: bool = True  # one value: its index range is in date order (several actors' ranges are not)
    parts: tuple[Callable[[Table], object], ...] = ()  # a few values: each its own range, merged by `Matching`
    # the condition on one event's rows, where they are found by the event's id; by default `value`
    probe: Callable[[Table], object] | None = None

    def rows(self, t: Table | None = None):
        t = self.table if t is None else t
        return select(t.c.event_id).where(self.value(t))

    def exists(self):
        t = self.table
        return exists().where(t.c.event_id == E.c.id, (self.probe or self.value)(t))

    def first_of_event(self):
        """The first of an event's matching rows (an event can match by two roles or two actors): one row each."""
        if not self.keys:
            return None
        t, d = self.table, self.table.alias("earlier")
        earlier = or_(
            *(
                and_(*(d.c[k] == t.c[k] for k in self.keys[:i]), d.c[self.keys[i]] < t.c[self.keys[i]])
                for i in range(len(self.keys))
            )
        )
        return ~exists().where(d.c.event_id == t.c.event_id, (self.probe or self.value)(d), earlier)


@dataclass(frozen=True)
class Matching:
    """A filter's events in page order (NEWEST_FIRST): read from `events` by its date or type indexes, or
    driven by one side table's (value, date_start, event_id) index, joined to `events`. A name that matches a
    few actors reads each actor's index range newest first (`ranges`) and merges them: each range needs to
    give no more rows than the page, where one range of all the actors would be sorted whole."""

    source: FromClause
    conditions: list
    order: tuple
    side: Table | None = None  # with `ranges`: the side table they are read from
    ranges: tuple[tuple, ...] = ()  # each range's conditions on `side`
    on_events: tuple = ()  # what the ranges' rows must also satisfy, on `events`

    def select(self, *columns, limit: int, offset: int = 0, after: Callable | None = None) -> Select:
        """A page of the events, only those after a position when `after(date_start, id)` gives its condition."""
        if not self.ranges:
            later = [after(E.c.date_start, E.c.id)] if after else []
            query = select(*columns).select_from(self.source).where(*self.conditions, *later).order_by(*self.order)
            return query.limit(limit).offset(offset)
        t = self.side
        later = [after(t.c.date_start, t.c.event_id)] if after else []
        source = t.join(E, E.c.id == t.c.event_id) if self.on_events else t
        ranges = [
            # an event has a row per role in its actor's range: DISTINCT keeps one, in index order
            select(t.c.event_id, t.c.date_start)
            .select_from(source)
            .where(*conditions, *self.on_events, *later)
            .distinct()
            .order_by(*self.order)
            .limit(limit + offset)
            .subquery()
            for conditions in self.ranges
        ]
        merged = union(*(select(r.c.event_id, r.c.date_start) for r in ranges)).subquery("merged")
        order = (merged.c.date_start.desc().nulls_last(), merged.c.event_id)
        page = select(merged).order_by(*order).limit(limit).offset(offset).subquery("page")  # then join: a page's rows
        return (
            select(*columns)
            .select_from(page.join(E, E.c.id == page.c.event_id))
            .order_by(page.c.date_start.desc().nulls_last(), page.c.event_id)
        )


def _sides(f: EventFilter, conn: Connection | None) -> list[_Side]:
    sides = []
    if f.country:
        country = f.country.upper()
        sides.append(_Side(schema.event_countries, lambda t: t.c.country == country, ("role",)))
    if f.sector:
        sector = f.sector.lower()
        sides.append(_Side(schema.event_sectors, lambda t: t.c.sector == sector, ()))
    if f.actor:
        a = schema.actors
        match = a.c.wikidata == f.actor if _is_qid(f.actor) else func.lower(a.c.name).contains(f.actor.lower())
        actor_ids = select(a.c.id).where(match)
        parts = ()
        if conn is not None:  # a few thousand actors at most: read the ids once, not inside every probe
            found = conn.execute(select(a.c.id, a.c.events).where(match).limit(_LISTED_ACTORS + 1)).all()
            if len(found) <= _LISTED_ACTORS:
                actor_ids = [r.id for r in found]
                if 1 < len(found) <= _BRANCHED_ACTORS and _ranges_pay(conn, len(found), sum(r.events for r in found)):
                    parts = tuple((lambda t, n=n: t.c.actor_id == n) for n in actor_ids)
        listed = not isinstance(actor_ids, Select)
        sides.append(
            _Side(
                schema.event_actors,
                lambda t: t.c.actor_id.in_(actor_ids),
                ("actor_id", "role"),
                listed and len(actor_ids) == 1,
                parts,
                # an event has a few actor rows: read them all by its id and check each against the list. With
                # the list in the key (event_id, actor_id), SQLite looked the event up once per listed actor
                # ("--actor ho", 257 actors on 1M events: 290 -> 30 ms)
                lambda t: (t.c.actor_id + 0).in_(actor_ids),
            )
        )
    return sides


def _ranges_pay(conn: Connection, actors: int, named: int) -> bool:
    """Whether `actors` ranges holding `named` rows read less than the walk through all events (see
    `_BRANCHED_ACTORS`); with no estimate of the events stored, a few ranges do."""
    stored = _events_stored(conn)
    if stored is None:
        return actors * _RANGE_COST <= 16
    return actors * named * _RANGE_COST <= stored


def _events_stored(conn: Connection) -> int | None:
    """About how many events the store holds, at no cost: SQLite's last rowid, PostgreSQL's planner estimate."""
    if conn.dialect.name == "sqlite":
        return conn.execute(select(func.max(_ROWID)).select_from(E)).scalar() or 0
    estimate = conn.execute(text("SELECT reltuples FROM pg_class WHERE oid = to_regclass('events')")).scalar()
    return int(estimate) if estimate is not None and estimate >= 0 else None


def matching(f: EventFilter, conn: Connection | None = None, rows: int | None = None) -> Matching:
    """How to read the filter's events; `rows` is how many the caller will read (default offset + limit),
    which decides the access path, not what matches."""
    rows = rows or f.offset + f.limit
    kind = f.event_type.upper() if f.event_type else None
    until = f.until.isoformat() if f.until else None

    def copied(t: Table) -> list:
        """The conditions on the event's type and start, which `events` and the side tables both hold."""
        return ([t.c.event_type == kind] if kind else []) + ([t.c.date_start <= until] if until else [])

    conditions = []  # what only `events` holds
    if f.since:
        conditions.append(func.coalesce(E.c.date_end, E.c.date_start) >= f.since.isoformat())
    if f.text:
        indexed = text_index.indexed_up_to(conn)
        conditions.extend(_word(conn, word, indexed, rows) for word in f.text.split())
    sides = _sides(f, conn)
    if conn is None or not sides:
        return Matching(E, copied(E) + conditions + [s.exists() for s in sides], NEWEST_FIRST)
    cap = max(1, math.isqrt(_SELECTIVE * rows))
    counted = sorted(
        (
            (conn.execute(select(func.count()).select_from(s.rows().limit(cap).subquery())).scalar_one(), i)
            for i, s in enumerate(sides)
        )
    )
    rare = [i for n, i in counted if n < cap]
    if rare:
        driver = rare[0]
    elif len(sides) == 1 and (sides[0].ordered or sides[0].parts) and not f.text:
        # a common value alone: its newest events come in index order too, and the index holds their types
        driver = 0
    else:
        return Matching(E, copied(E) + conditions + [s.exists() for s in sides], NEWEST_FIRST)
    side = sides[driver]
    conditions += [E.c.id.in_(s.rows()) if i in rare else s.exists() for i, s in enumerate(sides) if i != driver]
    # the type is checked in the side table's index, and its date range ends at `until`
    return _driven(side, conditions, copied(side.table))


def _driven(side: _Side, conditions: list, on_side: list | None = None) -> Matching:
    """The side's rows newest first by its (value, date_start, event_id, event_type) index, one per event, joined
    to events; `conditions` are on `events`, `on_side` on the side table."""
    t = side.table
    on_side = on_side or []
    order = (t.c.date_start.desc().nulls_last(), t.c.event_id)
    first = side.first_of_event()
    everything = [side.value(t), *on_side, *conditions] + ([first] if first is not None else [])
    ranges = tuple((part(t), *on_side) for part in side.parts)
    return Matching(t.join(E, E.c.id == t.c.event_id), everything, order, t, ranges, tuple(conditions))


def events_of_actor(number: int) -> Matching:
    """The events naming one stored actor (either side), newest first."""
    return _driven(_Side(schema.event_actors, lambda t: t.c.actor_id == number, ("actor_id", "role")), [])


# A word's candidates (the events with all its trigrams, c of N events) are read one of three ways, whichever
# costs least for the R rows a page reads. Measured on 1M events: reading a candidate's event by rowid costs
# about 7 us, putting a candidate in a probe set 0.35 us, probing an event of the newest-first date walk in
# that set 0.3 us, and a LIKE on an event's sentence 1.35 us; the walk reads about R*N/c events.
# - c < sqrt(_LOOKUP * R * N): the candidates' events are read by rowid and sorted;
# - c > sqrt(_SCAN * R * N): the date walk checks each event with LIKE, and the index is not read;
# - between: the date walk probes the candidate set first and reads only the events in it.
_LOOKUP = 0.05
_SCAN = 3.0
_TEXT = table(schema.EVENTS_TEXT)
_TEXT_ROWID = literal_column(f"{schema.EVENTS_TEXT}.rowid")
_ROWID = literal_column("events.rowid")
_PROBED_ROWID = literal_column("+events.rowid")  # unary +: SQLite does not look events up by it


def _word(conn: Connection | None, word: str, indexed: int | None, rows: int) -> object:
    """Events whose sentence holds the word; `indexed`: the last event rowid the trigram index covers, if any."""
    # SQLite's lower() folds ASCII only: also match the word as written and capitalised ("Överens")
    like = or_(
        func.lower(E.c.text).contains(word.lower()),
        E.c.text.contains(word.lower()),
        E.c.text.contains(word.lower().capitalize()),
    )
    if indexed is None or len(word) < 3:  # trigrams: a shorter word has none to look up
        return like
    # the index folds the case of every letter: the events with the word's trigrams include all `like` accepts.
    # Every third trigram and the last cover the word: its other trigrams find about the same events but make
    # the index read two to three times as much.
    starts = sorted({*range(0, len(word) - 2, 3), len(word) - 3})
    trigrams = " AND ".join('"' + word[i : i + 3].replace('"', '""') + '"' for i in starts)
    candidates = select(_TEXT_ROWID).select_from(_TEXT).where(literal_column(schema.EVENTS_TEXT).match(trigrams))
    events = max(indexed, 1)
    scan = math.isqrt(int(_SCAN * rows * events)) + 1
    found = conn.execute(select(func.count()).select_from(candidates.limit(scan).subquery())).scalar_one()
    if found >= scan:
        return like
    rowid = _ROWID if found < math.isqrt(int(_LOOKUP * rows * events)) else _PROBED_ROWID
    # events stored since the index's last batch are not in it yet: they are scanned
    later = select(_ROWID).select_from(E).where(_ROWID > indexed).correlate(None)
    return and_(rowid.in_(union_all(candidates, later)), like)


def _is_qid(value: str) -> bool:
    return value[:1] in "Qq" and value[1:].isdigit()


def find_events(conn: Connection, f: EventFilter, clusters: bool = True) -> list[dict]:
    """Matching events (or the clusters they belong to), newest first.

    The order (date_start descending, undated last, then id) is the one the date indexes serve, so a
    page costs the page, not a sort of every match.
    """
    wanted = f.offset + f.limit
    scan = wanted * 4
    events = matching(f, conn, wanted if not clusters else scan)
    if not clusters:
        rows = conn.execute(events.select(*EVENT_COLUMNS, limit=f.limit, offset=f.offset)).all()
        return event_dicts(conn, rows)
    cluster_ids: list[int] = []
    while True:  # the newest matching events, until they name enough distinct clusters
        ids = conn.execute(events.select(E.c.cluster_id, limit=scan)).scalars().all()
        cluster_ids = list(dict.fromkeys(i for i in ids if i is not None))
        if len(cluster_ids) >= wanted or len(ids) < scan:
            break
        scan *= 4
    return cluster_dicts(conn, cluster_ids[f.offset : wanted])


def get_event(conn: Connection, event_id: str) -> dict:
    """One event ("<document>:e1") or one cluster ("c12"), with its evidence."""
    if event_id.lower().startswith("c") and event_id[1:].isdigit():
        if conn.execute(select(schema.clusters.c.id).where(schema.clusters.c.id == int(event_id[1:]))).first():
            return cluster_dicts(conn, [int(event_id[1:])])[0]
    rows = conn.execute(select(*EVENT_COLUMNS).where(E.c.id == event_id)).all()
    if not rows:
        raise NotFoundError(f"no event or cluster with id {event_id!r}")
    return event_dicts(conn, rows)[0]


def list_actors(conn: Connection, name: str | None = None, limit: int = 100) -> list[dict]:
    """Actors, those named in the most events first (the count is kept on the actor: an index serves it)."""
    a = schema.actors
    query = select(a).order_by(a.c.events.desc(), a.c.name).limit(limit)
    if name:
        query = query.where(or_(func.lower(a.c.name).contains(name.lower()), a.c.wikidata == name))
    return [
        {
            "id": f"A{r.id}",
            "name": r.name,
            "kind": r.kind,
            "country": r.country,
            "sector": r.sector,
            "titles": list(r.titles or []),
            "wikidata": r.wikidata,
            "events": r.events,
        }
        for r in conn.execute(query)
    ]


def counts(conn: Connection) -> dict[str, int]:
    return {
        name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in (
            ("documents", schema.documents),
            ("events", E),
            ("clusters", schema.clusters),
            ("actors", schema.actors),
        )
    }
