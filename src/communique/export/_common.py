"""Helpers shared by the export formats: field order, per-event error reporting, dates, actor codes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TypeVar

from ..errors import CommuniqueError

T = TypeVar("T")

#: The contract's event fields in contract order, then the fields the store adds.
EVENT_FIELDS = (
    "id",
    "event_type",
    "mode",
    "context",
    "actor",
    "recipient",
    "actor_country",
    "recipient_country",
    "date",
    "location",
    "modality",
    "sectors",
    "quantities",
    "cameo",
    "text",
    "evidence",
    "confidence",
    "link",
    "rules",
)
STORE_FIELDS = (
    "document_id",
    "cluster_id",
    "source_url",
    "published",
    "actor_names",
    "recipient_names",
    "actor_sectors",
    "recipient_sectors",
)
FIELD_ORDER = EVENT_FIELDS + STORE_FIELDS
REQUIRED = ("id", "event_type")  # every format needs these, even one that copies the dict as given


def convert_all(events: Iterable[dict], convert: Callable[[dict], T]) -> Iterator[T]:
    """Apply `convert` to each event; a malformed event becomes a CommuniqueError naming it."""
    for number, event in enumerate(events, 1):
        try:
            if not isinstance(event, dict):
                raise TypeError(f"expected a dict, got {type(event).__name__}")
            for key in REQUIRED:
                if not event.get(key):
                    raise KeyError(key)
            yield convert(event)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            name = event.get("id") if isinstance(event, dict) else None
            label = f"event {name!r}" if name else f"event #{number}"
            reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            raise CommuniqueError(f"{label} cannot be exported: {reason}") from exc


def iso(value: str | date | None) -> str | None:
    """A date (or an ISO date string) as `YYYY-MM-DD`; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


def to_date(value: str | date | None) -> date | None:
    text = iso(value)
    return date.fromisoformat(text) if text else None


def date_range(event: dict) -> tuple[str | None, str | None]:
    when = event.get("date") or {}
    return iso(when.get("start")), iso(when.get("end"))


def json_default(value: object) -> str:
    """JSON fallback: dates (e.g. a store's `published`) become ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} value {value!r} is not JSON serializable")


def side(event: dict, role: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(actor id, name, ISO3 country, sector) for each actor on one side (`actor` or `recipient`).

    Each actor's own country comes from `<role>_countries` when the event has it. Otherwise it is read
    from the deduplicated `<role>_country`: when it is as long as the side it is parallel to it (it is
    derived from the actors in order); when it names one state, every actor except an IGO belongs to it;
    when it names several states and some actors have none, which is whose is unknown: None.
    """
    ids = list(event[role])
    names = _parallel(event.get(f"{role}_names"), len(ids))
    sectors = _parallel(event.get(f"{role}_sectors"), len(ids))
    countries = event.get(f"{role}_countries")
    if not countries or len(countries) != len(ids):
        states = list(event.get(f"{role}_country") or [])
        if len(states) == len(ids):
            countries = states
        elif len(states) == 1:
            countries = [None if sector == "IGO" else states[0] for sector in sectors]
        else:
            countries = [None] * len(ids)
    return list(zip(ids, names, countries, sectors, strict=True))


def _parallel(values: list | None, size: int) -> list:
    values = list(values or [])
    if values and len(values) != size:
        raise ValueError(f"{len(values)} names/sectors for {size} actors")
    return values or [None] * size
