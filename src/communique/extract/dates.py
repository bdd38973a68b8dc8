"""Dates and date ranges in the language's own words ("den 9-11 oktober 2025", "i oktober förra året").

Years missing from a date come from the document (the nearest earlier date with a year, else the
publication date), never from the clock.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..gazetteer import lower_same_length
from ..langpack import LanguagePack
from ..model import DateMention, DateRange, Document
from ..prefilter import StartIndex
from .relative_dates import RelativeDayReader

__all__ = ["DateReader", "RelativeDayReader", "run"]


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
        # "Oct." is short for October; the full stop after "October." ends the sentence
        longest = {v: max(len(k) for k in self.months if self.months[k] == v) for v in self.months.values()}
        self.abbreviations = {k for k, v in self.months.items() if len(k) < longest[v]}
        # in English a month is written with a capital: "they may 5 times" holds no date
        self.capitalised = bool(pack.dates.get("months_capitalised"))
        month = "|".join(sorted((re.escape(m) for m in self.months), key=len, reverse=True))
        joiners = "|".join(re.escape(j) for j in pack.dates.get("range_joiners", ["-"]))
        prefix = "|".join(re.escape(p) for p in pack.dates.get("day_prefixes", []))
        relatives = pack.dates.get("relative_years", {})
        self.relatives = {k.lower(): v for k, v in relatives.items()}
        relative = "|".join(sorted((re.escape(r) for r in self.relatives), key=len, reverse=True)) or "(?!)"
        day = r"(?:{p}\s+)?(?P<{n}>[0-3]?\d)(?:\.|:e|:a|th|st|nd|rd)?".format
        year = rf"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d)|\s+(?P<rel>{relative}))?"
        pre = prefix or "(?!)"
        of = "|".join(re.escape(w) for w in pack.dates.get("day_month_joiners", []))
        of = rf"(?:(?:{of})\s+)?" if of else ""  # "the 9th of October"
        self.anchor = re.compile(rf"(?<!\w)(?:{month})(?!\w)|\d{{4}}-\d\d-\d\d")
        self.anchors = StartIndex([self.anchor])  # tried only where a month word or a digit starts
        self.patterns = [
            (
                "range.cross_month",
                re.compile(
                    rf"{day(p=pre, n='d1')}\s+{of}(?P<m1>{month})\.?\s*(?:{joiners})\s*"
                    rf"{day(p=pre, n='d2')}\s+{of}(?P<m2>{month})\.?{year}",
                ),
            ),
            (
                # "Sept. 30-Oct. 2", "from Oct 30 to Nov 1, 2025"
                "range.cross_month",
                re.compile(
                    rf"(?P<m1>{month})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:{joiners})\s*"
                    rf"(?P<m2>{month})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d){year}",
                ),
            ),
            (
                "range.days",
                re.compile(
                    rf"{day(p=pre, n='d1')}\s*(?:{joiners})\s*{day(p=pre, n='d2')}\s+{of}(?P<m1>{month})\.?{year}"
                ),
            ),
            ("day", re.compile(rf"{day(p=pre, n='d1')}\s+{of}(?P<m1>{month})\.?{year}")),
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

    def find(self, original: str) -> list[_Raw]:
        """Run the date patterns only in windows around month words and ISO dates (fast on long text),
        on the lowercased text (same offsets; the patterns are lowercase)."""
        text = lower_same_length(original)
        found: list[_Raw] = []
        taken = bytearray(len(text) + 1)
        windows = self._windows(text)
        for rule, regex in self.patterns:
            for match in (m for start, end in windows for m in regex.finditer(text, start, end)):
                start, end = match.span()
                while start < end and text[start].isspace():
                    start += 1
                if text[end - 1] == "." and not self._abbreviated(text, end - 1):
                    end -= 1
                if any(taken[start:end]) or not _on_boundary(text, start, end) or self._lowercase(original, match):
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

    def _abbreviated(self, text: str, dot: int) -> bool:
        word = re.search(r"\w+$", text[max(0, dot - 12) : dot])
        return bool(word) and word.group() in self.abbreviations

    def _lowercase(self, original: str, match: re.Match) -> bool:
        if not self.capitalised:
            return False
        return any(
            match.group(g) and original[match.start(g)].islower() for g in ("m1", "m2") if g in match.re.groupindex
        )

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
                dateline=_in_dateline(doc.text, raw.start, raw.end),
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


def _head_end(text: str, lines: int) -> int:
    """The end of the first `lines` lines that hold text (headline, standfirst, "Published ..." line,
    dateline; blank lines between them do not count)."""
    position = 0
    while lines and position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        lines -= bool(text[position:end].strip())
        position = end + 1
    return min(position, len(text))


# "NEW DELHI, " / "HANOI (VNA), " before the date at the start of a line, and a dash after it (an agency
# in brackets may come first): the place and day a report was filed, not the day of what it tells
_DATELINE_HEAD = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ .'-]{2,}(?:\s*\([^)\n]{1,20}\))?,?\s*$")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,20}\)\s*)?[–—-]")


def _in_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_HEAD.fullmatch(text, line_start, start)) and bool(_DATELINE_TAIL.match(text, end))


def _dateline(doc: Document, raws: list[_Raw]) -> date | None:
    """A full date at the top is the publication date: a dateline ("STOCKHOLM, 4 mars 2025 (TT) –"),
    a "Publicerad"/"Published"/"Updated" line, or a short line that is little more than a date and a
    time ("November 12, 2025 4:18 PM GMT+5:30")."""
    limit = min(_head_end(doc.text, 4), 300)
    for raw in raws:
        if raw.start < limit and _is_one_day(raw):
            line_start = doc.text.rfind("\n", 0, raw.start) + 1
            line_end = doc.text.find("\n", raw.end)
            line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
            head = doc.text[max(0, raw.start - 40) : raw.start]
            tail = doc.text[raw.end : raw.end + 12]
            if (
                re.search(r"[A-ZÅÄÖ]{3,},?\s*$", head)
                or re.match(r"\s*(?:\(|–|—|-)", tail)
                or _PUBLISHED_WORD.search(head)
                or len(line.strip()) <= 45
            ):
                return _day(raw)
    return _published_at_the_end(doc.text, raws)


def _published_at_the_end(text: str, raws: list[_Raw]) -> date | None:
    """A "Publicerad 2026-02-05" / "Published: 5 February 2026" line among the last lines of the text
    (some sites and exports put it under the article)."""
    tail = len(text.rstrip()) - 200
    for raw in reversed(raws):
        if raw.start < tail:
            break
        line = text[text.rfind("\n", 0, raw.start) + 1 : raw.start]
        if _is_one_day(raw) and _PUBLISHED_WORD.search(line):
            return _day(raw)
    return None


def _is_one_day(raw: _Raw) -> bool:
    return bool(raw.year and raw.day1 and raw.day1 == raw.day2 and raw.month1 == raw.month2)


def _day(raw: _Raw) -> date | None:
    try:
        return date(raw.year, raw.month1, raw.day1)
    except ValueError:  # "31 april 2025": no such day
        return None


_PUBLISHED_WORD = re.compile(r"publicerad|published|uppdaterad|updated", re.I)
