"""Dates that need an anchor: weekdays ("on Tuesday", "last Tuesday"), "today", "this afternoon",
"the following day", and weeks and months around the publication date ("last week", "earlier this
month"). The words are the language pack's (`dates.yaml`); a language without them finds none.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..langpack import LanguagePack
from ..model import DateMention, DateRange


class RelativeDayReader:
    def __init__(self, pack: LanguagePack):
        dates = pack.dates
        self.weekdays = _lower(dates.get("weekdays"))
        self.days = _lower(dates.get("relative_days"))
        self.next_day = [k.lower() for k in dates.get("next_day") or []]
        self.previous_day = [k.lower() for k in dates.get("previous_day") or []]
        self.directions = _lower(dates.get("weekday_directions"))
        self.periods = _lower(dates.get("relative_periods"))
        cues = dates.get("weekday_tense") or {}
        self.tense = _tense_pattern(cues.get("future"), cues.get("past"))
        parts = []
        if self.weekdays:
            direction = rf"(?:(?P<direction>{_alternation(self.directions)})\s+)?" if self.directions else ""
            parts.append(rf"{direction}(?P<weekday>{_alternation(self.weekdays)}){dates.get('weekday_suffix', '')}")
        for group, words in (("period", self.periods), ("day", self.days), ("next", self.next_day)):
            if words:
                parts.append(rf"(?P<{group}>{_alternation(words)})")
        if self.previous_day:
            parts.append(rf"(?P<previous>{_alternation(self.previous_day)})")
        self.regex = re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.I) if parts else None

    def find(self, text: str, published: date | None, absolute: list[DateMention], code: str) -> list[DateMention]:
        if self.regex is None:
            return []
        found: list[DateMention] = []
        for match in self.regex.finditer(text):
            earlier = [d.range.start for d in absolute if d.end <= match.start() and d.range.start and not d.relative]
            period = match.groupdict().get("period")
            if period:
                span, rule = self._period(period.lower(), published)
            else:
                # without a publication date, weekdays count from the lead's first date: a report's
                # "on Monday" follows the arrival it opened with, not a later end date
                anchor = published or (earlier[0] if earlier else None)
                after = max([d.end for d in absolute + found if d.end <= match.start()], default=0)
                day = self._day(match, anchor, published, earlier[-1] if earlier else None, text, after)
                span, rule = (DateRange(day, day) if day else None), "relative"
            if span:
                # a weekday may lie on either side of publication; a named week or month does not
                relative = rule == "relative"
                found.append(
                    DateMention(match.start(), match.end(), match.group(), span, f"{code}.date.{rule}", relative)
                )
        return found

    def _day(self, match: re.Match, anchor, published, last, text: str, after: int) -> date | None:
        groups = match.groupdict()
        if groups.get("weekday") and anchor:
            target = self.weekdays[groups["weekday"].lower()]
            direction = self.directions.get((groups.get("direction") or "").lower(), 0)
            if not published:
                if direction < 0:
                    return anchor - timedelta((anchor.weekday() - target) % 7 or 7)
                return anchor + timedelta((target - anchor.weekday()) % 7)
            if direction:  # "last Tuesday" in Tuesday's paper is a week ago
                return _weekday_near(published, target, direction, strict=True)
            return _weekday_near(published, target, self._tense(text, match, after))
        if groups.get("day") and published:
            return published + timedelta(self.days[groups["day"].lower()])
        if groups.get("next") and last:
            return last + timedelta(1)
        if groups.get("previous") and last:
            return last - timedelta(1)
        return None

    def _tense(self, text: str, match: re.Match, after: int) -> int:
        """+1 when the clause before the weekday speaks of the future ("is due to meet ... on Friday"),
        -1 when it speaks of the past ("met ... on Monday"), 0 when it does not say. The clause starts
        at the sentence or at the last date before it: "arrived on Saturday for a visit lasting until
        Monday" says nothing of Monday."""
        if self.tense is None:
            return 0
        start = max(after, text.rfind(". ", 0, match.start()) + 1, text.rfind("\n", 0, match.start()) + 1)
        cues = list(self.tense.finditer(text, start, match.start()))
        if not cues:
            end = min((i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0), default=None)
            cue = self.tense.search(text, match.end(), end if end is not None else len(text))
            cues = [cue] if cue else []
        if not cues:
            return 0
        return 1 if cues[-1].lastgroup == "future" else -1

    def _period(self, words: str, published: date | None) -> tuple[DateRange | None, str]:
        """ "last week" is Monday to Sunday of the week before publication; "earlier this month" runs
        from the first of the month to the day before publication (never before the first)."""
        spec = self.periods[words]
        unit, part = spec.get("unit", "week"), spec.get("part")
        if published is None:
            return None, unit
        if unit == "month":
            first = _add_months(published.replace(day=1), int(spec.get("offset", 0)))
            start, end = first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        else:
            start = published - timedelta(published.weekday()) + timedelta(7 * int(spec.get("offset", 0)))
            end = start + timedelta(6)
        if part == "before":
            end = max(start, min(end, published - timedelta(1)))
        elif part == "after":
            start = min(end, max(start, published + timedelta(1)))
        # a month rule ends in ".month", which the coder ranks after a named day, as it does "October 2024"
        return DateRange(start, end), f"relative.{unit}"


def _weekday_near(published: date, target: int, direction: int, strict: bool = False) -> date:
    """The such day nearest to publication (the past one on a tie); with a direction, the nearest one
    on that side, the publication day itself included unless `strict` ("agreed on Wednesday" in
    Wednesday's paper is that day, "last Wednesday" a week before)."""
    offsets = sorted(range(-6, 7), key=lambda o: (abs(o), o))
    first = 1 if strict else 0
    if direction > 0:
        offsets = list(range(first, 8))
    elif direction < 0:
        offsets = [-o for o in range(first, 8)]
    return next(published + timedelta(o) for o in offsets if (published + timedelta(o)).weekday() == target)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _lower(table: dict | None) -> dict:
    return {k.lower(): v for k, v in (table or {}).items()}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _tense_pattern(future: list[str] | None, past: list[str] | None) -> re.Pattern | None:
    """Cue words (regular expressions) that give a clause's tense; the future ones are tried first
    at each position, so "is scheduled" is future although "scheduled" ends in -ed."""
    if not future and not past:
        return None
    groups = [rf"(?P<{name}>{'|'.join(cues)})" for name, cues in (("future", future), ("past", past)) if cues]
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.I)
