"""Cross-article merge: the same real-world happening reported by several documents becomes one
cluster; distinct happenings (talks on day 1, signing on day 2; two visits months apart) stay apart.

A cluster is keyed on event type, mode, modality and dyad (ordered for directed events such as
visits, unordered for what both sides do together), and grows by date window.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import Connection

from .sql import Statement, insert_values, loads, numbered

# Reports date one happening a day or two apart ("på onsdagen" vs the range in the lead).
WINDOW_DAYS = 2
# One happening spans days, at most a month's dates ("i oktober"): a cluster never grows longer, an event dated
# over a longer span ("från mars till maj") stays apart, and the clusters an event can join start in a short range.
MAX_SPAN_DAYS = 31
# What both sides do together has no direction; everything else (a visit, praise, an invitation) has.
SYMMETRIC = {
    ("CONSULT", "meeting"),
    ("CONSULT", "phone"),
    ("CONSULT", "multilateral"),
    ("AGREE", None),
    ("AGREE", "upgrade"),
    ("AGREE", "statement"),
    ("SUPPORT", "sign"),
    ("COOPERATE", None),
}


def dyad_key(event_type: str, mode: str | None, actor_country: list[str], recipient_country: list[str]) -> str:
    if (event_type, mode) in SYMMETRIC:
        return "+".join(sorted(set(actor_country) | set(recipient_country)))
    return f"{'+'.join(sorted(actor_country))}>{'+'.join(sorted(recipient_country))}"


def assign(conn: Connection, rows: list) -> set[int]:
    """Give each event row about to be written (a dict) its cluster, creating or growing clusters;
    return the ids of the clusters created."""
    pool = _Pool()
    pool.place(conn, rows)
    pool.save(conn)
    return {c.id for c in pool.new}


def attach_copy(conn: Connection, rows: list, original_document: str) -> set[int]:
    """A near-duplicate's events join the clusters of the original's matching events (the others are
    placed as usual); return the ids of the clusters created."""
    pool = _Pool()
    original = {}
    found = _ORIGINAL.run(conn, {"document_id": original_document}).all()
    for r in sorted(found, key=lambda r: _event_number(r.event_id)):  # the order they were written in
        cluster = pool.add_stored(r) if r.id is not None else None
        original[_signature(r.event_type, r.mode, r.modality, loads(r.actor_country), loads(r.recipient_country))] = (
            cluster
        )
    rest = []
    for row in rows:
        cluster = original.get(
            _signature(row["event_type"], row["mode"], row["modality"], row["actor_country"], row["recipient_country"])
        )
        if cluster is None:
            rest.append(row)
        else:
            cluster.grow(row)
            pool.assigned.append((row, cluster))
    pool.place(conn, rest)
    pool.save(conn)
    return {c.id for c in pool.new}


def _signature(event_type: str, mode: str | None, modality: str, actor_country: list, recipient_country: list) -> tuple:
    return (event_type, mode, modality, dyad_key(event_type, mode, actor_country, recipient_country))


def _event_number(event_id: str) -> tuple:
    number = event_id.rsplit(":e", 1)[-1]
    return (0, int(number), event_id) if number.isdigit() else (1, 0, event_id)


_COLUMNS = ("event_type", "mode", "modality", "dyad", "date_start", "date_end", "location_country", "size")
_ORIGINAL = Statement(
    "SELECT e.id AS event_id, e.event_type, e.mode, e.modality, e.actor_country, e.recipient_country,"
    " c.id, c.dyad, c.date_start, c.date_end, c.location_country, c.size"
    " FROM events e LEFT JOIN clusters c ON c.id = e.cluster_id WHERE e.document_id = :document_id"
)
_UPDATE = Statement(
    "UPDATE clusters SET size = :size, date_start = :date_start, date_end = :date_end,"
    " location_country = :location_country WHERE id = :id"
)
_CHUNK = 128  # rows or terms per statement, well below the limits on parameters
_DYAD_STATE = Statement(
    "INSERT INTO cluster_dyad_states (state, dyad) VALUES (:state, :dyad) ON CONFLICT (state, dyad) DO NOTHING"
)


def record_dyads(conn: Connection, dyads) -> None:
    """Note which states the dyads of new clusters name (`cluster_dyad_states`); known ones change nothing."""
    rows = sorted({(state, dyad) for dyad in dyads for state in _states(dyad) if state})
    if rows:
        _DYAD_STATE.run(conn, [{"state": state, "dyad": dyad} for state, dyad in rows])


def _states(dyad: str) -> set[str]:
    return set(dyad.replace(">", "+").split("+"))


class _Cluster:
    """A cluster as this document's events see it: read from the store or new, grown in memory."""

    __slots__ = (*_COLUMNS, "id", "order", "states", "changed")

    def __init__(self, order: tuple, **values):
        for name in _COLUMNS:
            setattr(self, name, values[name])
        self.id = values.get("id")
        self.order = order  # stored clusters by id, then new ones in the order they were made (their ids)
        self.states = _states(self.dyad)
        self.changed = False
        if self.date_start is None:
            self.date_end = None  # undated: an end alone dates nothing, and the date indexes find it as undated

    def matches(self, event_type, mode, modality, dyad, start, end, location, first, last) -> bool:
        """The conditions of the lookup (a dyad of None: any dyad): the window overlaps, and with the event (dated
        `first` to `last`) the cluster spans at most MAX_SPAN_DAYS."""
        return (
            self.event_type == event_type
            and self.modality == modality
            and (dyad is None or self.dyad == dyad)
            and (self.mode or "") == (mode or "")  # as the candidate read compares it
            and (
                start is None
                or self.date_start is None
                or (
                    self.date_start <= end
                    and self.date_end is not None
                    and self.date_end >= start
                    and _days(min(self.date_start, first), max(self.date_end, last)) <= MAX_SPAN_DAYS
                )
            )
            and (location is None or self.location_country is None or self.location_country == location)
        )

    def grow(self, row: dict) -> None:
        """One more event: the date range widens, a location is kept once known."""
        self.size += 1
        start, end = row["date_start"], row["date_end"]
        if self.date_start is None or (start is not None and self.date_start > start):
            self.date_start = start if start is not None else self.date_start
        if self.date_end is None or (end is not None and self.date_end < end):
            self.date_end = end if end is not None else self.date_end
        if self.date_start is None:
            self.date_end = None
        if self.location_country is None:
            self.location_country = row["location_country"]
        self.changed = True


class _Pool:
    """The clusters one document's events can join: the stored ones that may match (read with one statement
    for all the events) and the ones its own events make; written back in two statements."""

    def __init__(self):
        self.clusters: dict = {}  # order -> cluster
        self.new: list[_Cluster] = []
        self.assigned: list[tuple[dict, _Cluster]] = []

    def add_stored(self, row) -> _Cluster:
        order = (0, row.id)
        if order not in self.clusters:
            values = {name: getattr(row, name, None) for name in _COLUMNS}
            self.clusters[order] = _Cluster(order, id=row.id, **values)
        return self.clusters[order]

    def place(self, conn: Connection, rows: list) -> None:
        lookups = [_lookup(row) for row in rows]
        self._read(conn, [(row, lookup) for row, lookup in zip(rows, lookups, strict=True) if lookup is not None])
        for row, lookup in zip(rows, lookups, strict=True):
            cluster = self._find(row, lookup) if lookup is not None else None
            if cluster is None:
                cluster = _Cluster(
                    (1, len(self.new)),
                    event_type=row["event_type"],
                    mode=row["mode"],
                    modality=row["modality"],
                    dyad=dyad_key(row["event_type"], row["mode"], row["actor_country"], row["recipient_country"]),
                    date_start=row["date_start"],
                    date_end=row["date_end"],
                    location_country=row["location_country"],
                    size=1,
                )
                self.new.append(cluster)
                self.clusters[cluster.order] = cluster
            else:
                cluster.grow(row)
            self.assigned.append((row, cluster))

    def _read(self, conn: Connection, lookups: list[tuple[dict, tuple]]) -> None:
        """The stored clusters the lookups can match: every dated one in their windows, and of the rest (undated
        clusters, or any date for an undated event) only as many as `_find` can use.

        `_find` takes the first undated cluster (by id) or wants exactly one; the rest of a long list changes
        nothing. The events before can have changed at most one cluster each in memory, so reading that many
        more than `_find` needs is always enough, and the read no longer grows with the store."""
        spare = len(self.assigned) + len(lookups)
        for chunk in _chunks(list({t for row, lookup in lookups for t in _terms(row, lookup, spare)})):
            params = {
                f"{name}{n}": value
                for n, term in enumerate(chunk)
                for name, value in zip(_NAMES, term[1:], strict=True)
            }
            for row in _candidates(tuple(term[0] for term in chunk)).run(conn, params):
                self.add_stored(row)

    def _find(self, row: dict, lookup: tuple) -> _Cluster | None:
        dyad = lookup[3]
        candidates = [c for _, c in sorted(self.clusters.items()) if c.matches(*lookup)]
        if dyad is None:  # one side named only ("Tusk besökte Stockholm"): the one cluster with its states
            named = set(row["actor_country"]) | set(row["recipient_country"])
            candidates = [c for c in candidates if named <= c.states]
            return candidates[0] if len(candidates) == 1 else None
        if not row["date_start"]:
            # an undated mention joins only when there is exactly one happening it can be
            return candidates[0] if len(candidates) == 1 else None
        dated = [c for c in candidates if c.date_start]
        return (dated or candidates)[0] if candidates else None

    def save(self, conn: Connection) -> None:
        for i in range(0, len(self.new), _CHUNK):
            chunk = self.new[i : i + _CHUNK]
            insert = insert_values("clusters", _COLUMNS, len(chunk), returning="id")
            ids = sorted(
                r.id for r in insert.run(conn, numbered([{c: getattr(k, c) for c in _COLUMNS} for k in chunk]))
            )
            for cluster, cluster_id in zip(chunk, ids, strict=True):  # ids are handed out in row order
                cluster.id = cluster_id
        record_dyads(conn, {c.dyad for c in self.new})
        grown = [c for order, c in sorted(self.clusters.items()) if order[0] == 0 and c.changed]
        if grown:
            _UPDATE.run(conn, [{"id": c.id} | {name: getattr(c, name) for name in _COLUMNS[4:]} for c in grown])
        for row, cluster in self.assigned:
            row["cluster_id"] = cluster.id


def _lookup(row: dict) -> tuple | None:
    """What a row's event looks for: (type, mode, modality, dyad or None for any, window start, end, location,
    the event's first and last day); None when it can only start a cluster of its own."""
    full = bool(row["actor_country"] and row["recipient_country"])
    if not full and not (row["actor_country"] or row["recipient_country"]):
        return None
    start = end = first = last = None
    if row["date_start"]:
        first, last = row["date_start"], row["date_end"] or row["date_start"]
        first_day, last_day = date.fromisoformat(first), date.fromisoformat(last)
        if (last_day - first_day).days > MAX_SPAN_DAYS:
            return None  # a vague date ("från mars till maj") is no one happening's
        start = (first_day - timedelta(WINDOW_DAYS)).isoformat()
        end = (last_day + timedelta(WINDOW_DAYS)).isoformat()
    dyad = dyad_key(row["event_type"], row["mode"], row["actor_country"], row["recipient_country"]) if full else None
    return (row["event_type"], row["mode"], row["modality"], dyad, start, end, row["location_country"], first, last)


def _chunks(terms: list[tuple]) -> list[list[tuple]]:
    """The terms by kind, in statements of at most _CHUNK terms: documents share statement shapes (a shape is the
    kinds in order), and the driver keeps the prepared statements of a few hundred shapes."""
    terms = sorted(terms, key=lambda t: (t[0], repr(t)))  # repr: a location may be None or a code
    return [terms[i : i + _CHUNK] for i in range(0, len(terms), _CHUNK)]


def _days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


# The terms of the candidate read, by kind: (kind, type, modality, mode or '', dyad, a state pattern (dated
# window) or a state (the others), window start, window end, earliest cluster start, location, second state,
# how many rows at most).
_WINDOW, _WINDOW_STATE, _FIRST_UNDATED, _UNDATED_STATES, _ANY, _ANY_STATES = range(6)
_NAMES = ("t", "m", "o", "d", "s", "e", "b", "l", "q", "n")
_ALL = 2**31 - 1  # no limit (a bound value keeps one statement shape)


def _terms(row: dict, lookup: tuple, spare: int) -> list[tuple]:
    """The SQL side of a lookup. A dated event reads the clusters open in its window (every one) and the undated
    clusters it could join; an undated event reads the clusters of its type and dyad whatever their dates. Those
    last reads are exact (type, modality, mode, dyad or states, location) so that a limit keeps them short: the
    first undated cluster for a dated dyad (with `spare` more, for clusters this document has changed), two for
    an event that must have exactly one candidate."""
    event_type, mode, modality, dyad, start, end, location, _first, last = lookup
    key = (event_type, modality, mode or "")
    # a cluster that can take the event starts no earlier than MAX_SPAN_DAYS before the event's last day
    earliest = last and (date.fromisoformat(last) - timedelta(MAX_SPAN_DAYS)).isoformat()
    if dyad is not None:
        if start is None:
            return [(_ANY, *key, dyad, None, None, None, location, None, spare + 2)]
        return [
            (_WINDOW, *key, dyad, start, end, earliest, None, None, None),
            (_FIRST_UNDATED, *key, dyad, None, None, None, location, None, spare + 1),
        ]
    named = sorted(set(row["actor_country"]) | set(row["recipient_country"]))
    lowest, highest = named[0], named[-1]  # the dyads naming the first, of them those naming the last
    limit = spare + 2 if len(named) <= 2 else _ALL  # two states checked: a superset beyond that, so read all
    if start is None:
        return [(_ANY_STATES, *key, lowest, None, None, None, location, highest, limit)]
    return [
        (_WINDOW_STATE, *key, f"%{lowest}%", start, end, earliest, None, None, None),
        (_UNDATED_STATES, *key, lowest, None, None, None, location, highest, limit),
    ]


_SAME = "event_type = :t{n} AND modality = :m{n} AND COALESCE(mode, '') = :o{n}"
_PLACE = "COALESCE(location_country, :l{n}, '') = COALESCE(:l{n}, location_country, '')"  # either unknown, or equal
_DYAD_STATES = "('+' || REPLACE(dyad, '>', '+') || '+')"  # '+SWE+FIN+': each state between two '+'
# the dyads naming one state, by `cluster_dyad_states`: each read as its own range of ix_clusters_key
_STATES = (
    "dyad IN (SELECT dyad FROM cluster_dyad_states WHERE state = :d{n})"
    f" AND {_DYAD_STATES} LIKE '%+' || :q{{n}} || '+%'"
)
_UNDATED = "date_end IS NULL AND date_start IS NULL"
_OPEN = "date_start >= :b{n} AND date_start <= :e{n} AND date_end >= :s{n}"
_CONDITIONS = {
    # the clusters that overlap the window and start late enough to take the event: a range of the date_start
    # indexes bounded on both sides (a dyad's by type and dyad, a state's by type)
    _WINDOW: f"{_SAME} AND dyad = :d{{n}} AND {_OPEN}",
    _WINDOW_STATE: f"{_SAME} AND dyad LIKE :d{{n}} AND {_OPEN}",
    # by id: the undated clusters of a dyad are one range of ix_clusters_key, in rowid order
    _FIRST_UNDATED: f"{_SAME} AND dyad = :d{{n}} AND {_UNDATED} AND {_PLACE} ORDER BY id LIMIT :n{{n}}",
    _UNDATED_STATES: f"{_SAME} AND {_STATES} AND {_UNDATED} AND {_PLACE} LIMIT :n{{n}}",
    _ANY: f"{_SAME} AND dyad = :d{{n}} AND {_PLACE} LIMIT :n{{n}}",
    _ANY_STATES: f"{_SAME} AND {_STATES} AND {_PLACE} LIMIT :n{{n}}",
}
_SELECT = f"SELECT id, {', '.join(_COLUMNS)} FROM clusters WHERE "


@lru_cache(maxsize=256)
def _candidates(kinds: tuple[int, ...]) -> Statement:
    """One statement for a document's terms: the windows as one WHERE of OR-ed terms, each limited read as its own
    SELECT, all joined by UNION ALL (a cluster read twice is kept once by the pool)."""
    windows = [f"({_CONDITIONS[k].format(n=n)})" for n, k in enumerate(kinds) if k in (_WINDOW, _WINDOW_STATE)]
    parts = [_SELECT + " OR ".join(windows)] if windows else []
    parts += [
        f"SELECT * FROM ({_SELECT}{_CONDITIONS[k].format(n=n)}) AS u{n}"
        for n, k in enumerate(kinds)
        if k not in (_WINDOW, _WINDOW_STATE)
    ]
    return Statement(" UNION ALL ".join(parts))
