"""Dates and date ranges in the language's own words ("den 9-11 oktober 2025", "i oktober förra året").

Years missing from a date come from the document (the nearest earlier date with a year, else the
publication date), never from the clock.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..gazetteer import lower_same_length
from ..langpack import LanguagePack
from ..model import DateMention, DateRange, Document
from ..prefilter import StartIndex


@dataclass
class _Raw:
    start: int
    end: int
    day1: int | None
    month1: int
    day2: int | None
    month2: int
    year: int | None
    year_offset: int | None  # relative year phrase ("förra året")
    rule: str


class DateReader:
    def __init__(self, pack: LanguagePack):
        months = pack.dates["months"]
        self.months = {k.lower(): v for k, v in months.items()}
        month = "|".join(sorted((re.escape(m) for m in self.months), key=len, reverse=True))
        joiners = "|".join(re.escape(j) for j in pack.dates.get("range_joiners", ["-"]))
        prefix = "|".join(re.escape(p) for p in pack.dates.get("day_prefixes", []))
        relatives = pack.dates.get("relative_years", {})
        self.relatives = {k.lower(): v for k, v in relatives.items()}
        relative = "|".join(sorted((re.escape(r) for r in self.relatives), key=len, reverse=True)) or "(?!)"
        day = r"(?:{p}\s+)?(?P<{n}>[0-3]?\d)(?:\.|:e|:a|th|st|nd|rd)?".format
        year = rf"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d)|\s+(?P<rel>{relative}))?"
        pre = prefix or "(?!)"
        self.anchor = re.compile(rf"(?<!\w)(?:{month})(?!\w)|\d{{4}}-\d\d-\d\d")
        self.anchors = StartIndex([self.anchor])  # tried only where a month word or a digit starts
        self.patterns = [
            (
                "range.cross_month",
                re.compile(
                    rf"{day(p=pre, n='d1')}\s+(?P<m1>{month})\.?\s*(?:{joiners})\s*"
                    rf"{day(p=pre, n='d2')}\s+(?P<m2>{month})\.?{year}",
                ),
            ),
            (
                "range.days",
                re.compile(rf"{day(p=pre, n='d1')}\s*(?:{joiners})\s*{day(p=pre, n='d2')}\s+(?P<m1>{month})\.?{year}"),
            ),
            ("day", re.compile(rf"{day(p=pre, n='d1')}\s+(?P<m1>{month})\.?{year}")),
            (
                "month_day",
                re.compile(
                    rf"(?P<m1>{month})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
                    rf"(?:\s*(?:{joiners})\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?{year}"
                ),
            ),
            ("month", re.compile(rf"(?P<m1>{month})(?:\s+(?P<year>(?:19|20)\d\d)(?!\d)|\s+(?P<rel>{relative}))")),
            ("iso", re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)")),
        ]

    def find(self, text: str) -> list[_Raw]:
        """Run the date patterns only in windows around month words and ISO dates (fast on long text),
        on the lowercased text (same offsets; the patterns are lowercase)."""
        text = lower_same_length(text)
        found: list[_Raw] = []
        taken = bytearray(len(text) + 1)
        windows = self._windows(text)
        for rule, regex in self.patterns:
            for match in (m for start, end in windows for m in regex.finditer(text, start, end)):
                start, end = match.span()
                while start < end and text[start].isspace():
                    start += 1
                if any(taken[start:end]) or not _on_boundary(text, start, end):
                    continue
                raw = self._raw(match, rule, start, end)
                if raw:
                    found.append(raw)
                    taken[start:end] = b"\1" * (end - start)
        return sorted(found, key=lambda r: r.start)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        windows: list[tuple[int, int]] = []
        for match in self.anchors.finditer(0, text):
            start, end = max(0, match.start() - 40), min(len(text), match.end() + 30)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def _raw(self, match: re.Match, rule: str, start: int, end: int) -> _Raw | None:
        groups = match.groupdict()
        m1 = self._month(groups.get("m1"))
        m2 = self._month(groups.get("m2")) or m1
        d1 = int(groups["d1"]) if groups.get("d1") else None
        d2 = int(groups["d2"]) if groups.get("d2") else d1
        if m1 is None or (d1 is not None and not 1 <= d1 <= 31) or (d2 is not None and not 1 <= d2 <= 31):
            return None
        year = int(groups["year"]) if groups.get("year") else None
        offset = self.relatives.get(groups["rel"].lower()) if groups.get("rel") else None
        if rule == "month" and year is None and offset is None:
            return None
        return _Raw(start, end, d1, m1, d2, m2, year, offset, rule)

    def _month(self, word: str | None) -> int | None:
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        return self.months.get(word.lower().rstrip("."))


def _on_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


class RelativeDayReader:
    """Weekdays ("på tisdagen"), "i dag" and "dagen därpå", which need an anchor date."""

    def __init__(self, pack: LanguagePack):
        dates = pack.dates
        self.weekdays = {k.lower(): v for k, v in (dates.get("weekdays") or {}).items()}
        self.days = {k.lower(): v for k, v in (dates.get("relative_days") or {}).items()}
        self.next_day = [k.lower() for k in dates.get("next_day") or []]
        words = [*self.weekdays]
        suffix = dates.get("weekday_suffix", "")
        parts = []
        if words:
            parts.append(rf"(?P<weekday>{'|'.join(map(re.escape, words))}){suffix}")
        if self.days:
            parts.append(rf"(?P<day>{'|'.join(map(re.escape, sorted(self.days, key=len, reverse=True)))})")
        if self.next_day:
            parts.append(rf"(?P<next>{'|'.join(map(re.escape, self.next_day))})")
        self.regex = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.I) if parts else None

    def find(self, text: str, published: date | None, absolute: list[DateMention], code: str) -> list[DateMention]:
        if self.regex is None:
            return []
        found = []
        for match in self.regex.finditer(text):
            earlier = [d.range.start for d in absolute if d.end <= match.start() and d.range.start and not d.relative]
            # without a publication date, weekdays count from the lead's first date: a report's
            # "på måndagen" follows the arrival it opened with, not a later end date
            anchor = published or (earlier[0] if earlier else None)
            day = self._resolve(match, anchor, published, earlier[-1] if earlier else None)
            if day:
                found.append(
                    DateMention(
                        match.start(),
                        match.end(),
                        match.group(),
                        DateRange(day, day),
                        f"{code}.date.relative",
                        relative=True,
                    )
                )
        return found

    def _resolve(self, match: re.Match, anchor: date | None, published: date | None, last: date | None) -> date | None:
        if match.group("weekday") and anchor:
            target = self.weekdays[match.group("weekday").lower()]
            if published:  # the nearest such day to publication, the past one on a tie
                offsets = sorted(range(-6, 7), key=lambda o: (abs(o), o))
                return next(published + timedelta(o) for o in offsets if (published + timedelta(o)).weekday() == target)
            return anchor + timedelta((target - anchor.weekday()) % 7)
        if match.groupdict().get("day") and published:
            return published + timedelta(self.days[match.group("day").lower()])
        if match.groupdict().get("next") and last:
            return last + timedelta(1)
        return None


def run(doc: Document, pack: LanguagePack, reader: DateReader, relative: RelativeDayReader | None = None) -> Document:
    raws = reader.find(doc.text)
    if doc.published is None:
        doc.published = _dateline(doc, raws)
    doc.dates = []
    hints = _year_hints(doc.text)
    for raw in raws:
        year = raw.year
        if year is None and raw.year_offset is not None:
            base = doc.published.year if doc.published else _first_year(raws)
            year = base + raw.year_offset if base else None
        if year is None:
            year = _year_near(doc.published, raw.month1) or _latest_year(raws, hints)
        span = _range(raw, year)
        if span is None:
            continue
        doc.dates.append(
            DateMention(
                raw.start,
                raw.end,
                doc.text[raw.start : raw.end],
                span,
                f"{pack.code}.date.{raw.rule}",
                relative=raw.year_offset is not None,
            )
        )
    if relative:
        doc.dates.extend(relative.find(doc.text, doc.published, list(doc.dates), pack.code))
        doc.dates.sort(key=lambda d: d.start)
    return doc


def _range(raw: _Raw, year: int | None) -> DateRange | None:
    if year is None:
        return DateRange(None, None)
    try:
        if raw.day1 is None:
            last = calendar.monthrange(year, raw.month1)[1]
            return DateRange(date(year, raw.month1, 1), date(year, raw.month1, last))
        # over the new year, a written year belongs to the end ("28 december–3 januari 2026"),
        # a year taken from the context to the start
        wraps = raw.month2 < raw.month1
        start_year = year - 1 if wraps and raw.year is not None else year
        start = date(start_year, raw.month1, raw.day1)
        end = date(start_year + 1 if wraps else start_year, raw.month2, raw.day2 or raw.day1)
    except ValueError:
        return None
    return DateRange(start, end) if end >= start else None


def _latest_year(raws: list[_Raw], hints: list[int]) -> int | None:
    """News reports the present: a date without a year belongs to the latest year the text names
    (an anniversary's founding year, "18 juli 1977", must not win)."""
    return max([r.year for r in raws if r.year is not None] + hints, default=None)


# "(1967–2025)": an anniversary's span ends in the year of the report.
_YEAR_SPAN = re.compile(r"\((?:19|20)\d\d\s*[–—-]\s*((?:19|20)\d\d)\)")


def _year_hints(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR_SPAN.finditer(text)]


def _first_year(raws: list[_Raw]) -> int | None:
    return next((r.year for r in raws if r.year is not None), None)


def _year_near(published: date | None, month: int) -> int | None:
    """A month far after the publication month belongs to the year before ("den 28 december" in January)."""
    if published is None:
        return None
    return published.year - 1 if month - published.month > 6 else published.year


def _dateline(doc: Document, raws: list[_Raw]) -> date | None:
    """A full date at the top is the publication date: a dateline ("STOCKHOLM, 4 mars 2025 (TT) –"),
    a "Publicerad"/"Published"/"Updated" line, or a short line that is little more than a date and a
    time ("November 12, 2025 4:18 PM GMT+5:30")."""
    head_end = 0  # the first four lines: headline, kicker, "Publicerad ..." line, dateline
    for _ in range(4):
        found = doc.text.find("\n", head_end + 1)
        head_end = found if found > 0 else len(doc.text)
    limit = min(head_end, 300)
    for raw in raws:
        if raw.start < limit and raw.year and raw.day1 and raw.day1 == raw.day2 and raw.month1 == raw.month2:
            line_start = doc.text.rfind("\n", 0, raw.start) + 1
            line_end = doc.text.find("\n", raw.end)
            line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
            head = doc.text[max(0, raw.start - 40) : raw.start]
            tail = doc.text[raw.end : raw.end + 12]
            if (
                re.search(r"[A-ZÅÄÖ]{3,},?\s*$", head)
                or re.match(r"\s*(?:\(|–|—|-)", tail)
                or re.search(r"publicerad|published|uppdaterad|updated", head, re.I)
                or len(line.strip()) <= 45
            ):
                try:
                    return date(raw.year, raw.month1, raw.day1)
                except ValueError:  # "31 april 2025": no such day
                    return None
    return None
