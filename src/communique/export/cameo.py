"""CAMEO event lines in the tab-separated layout of PETRARCH2's event writer.

One line per distinct (source code, target code) pair of an event whose `cameo` is set; events
without a CAMEO code, or without any date, are skipped. Columns, always eight:

    date  source  target  code  issues  ids  url  story

- date: the event's start date as YYYYMMDD, else the document's publication date (PETRARCH's own
  dates are story dates);
- source / target: CAMEO actor codes, ISO3 + sector (`FRAGOV`, `VNMPTY`), ISO3 alone when the sector is
  unknown, `---` + sector for an actor without a known state
  (`IGO` for an intergovernmental organization); `---` for an empty side, as PETRARCH
  writes for a missing target;
- code: the CAMEO event code (`042`);
- issues: the event's cooperation sectors joined with ";" (PETRARCH's issue column);
- ids: the event id; url: the source URL or empty; story: the document id (PETRARCH's story source).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import TextIO

from ._common import convert_all, date_range, iso, side

MISSING = "---"
COLUMNS = ("date", "source", "target", "code", "issues", "ids", "url", "story")


def write_cameo(events: Iterable[dict], stream: TextIO) -> int:
    count = 0
    for lines in convert_all(events, cameo_lines):
        stream.writelines(line + "\n" for line in lines)
        count += bool(lines)
    return count


def cameo_lines(event: dict) -> list[str]:
    """The TSV lines for one event; none when it has no CAMEO code or no date."""
    code = event.get("cameo")
    day = date_range(event)[0] or iso(event.get("published"))
    if not code or not day:
        return []
    tail = [
        ";".join(event.get("sectors") or []),
        str(event["id"]),
        event.get("source_url") or "",
        event.get("document_id") or "",
    ]
    pairs = product(side_codes(event, "actor") or [MISSING], side_codes(event, "recipient") or [MISSING])
    return ["\t".join([day.replace("-", ""), source, target, code, *tail]) for source, target in pairs]


def side_codes(event: dict, role: str) -> list[str]:
    """The distinct CAMEO actor codes on one side, in actor order.

    An actor without a known state is `---` + sector, as in PETRARCH2 (`---GOV`), except an IGO, whose
    code starts with IGO. When no actor's own state is known but the side names states, each state gets
    one code, with the side's sector when all its actors share one.
    """
    members = side(event, role)
    states = list(event.get(f"{role}_country") or [])
    if states and not any(country for _, _, country, _ in members):
        sectors = {sector for *_, sector in members}
        shared = sectors.pop() if len(sectors) == 1 and None not in sectors else ""
        return list(dict.fromkeys(state + (shared or "") for state in states))
    return list(dict.fromkeys(_code(country, sector) for _, _, country, sector in members))


def _code(country: str | None, sector: str | None) -> str:
    if country:
        return country + (sector or "")
    return "IGO" if sector == "IGO" else MISSING + (sector or "")
