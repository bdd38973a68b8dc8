"""Triggers + participants -> PLOVER events, one candidate per trigger (merged later).

Each candidate gets its type and mode from the trigger rule, its roles from `roles`, and its date,
sectors, quantities and modality from the stretch of the sentence that belongs to the trigger.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import timedelta

from .langpack import LanguagePack
from .model import Actor, DateRange, Document, Event, Location, Mention, Sentence, Span, Trigger
from .roles import RoleReader, Roles
from .sectors import SectorReader


@dataclass
class _Side:
    actors: list[Actor] = field(default_factory=list)
    _countries: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def countries(self) -> list[str]:
        """Read many times per trigger; a side's actors are only added while `_expand` builds it. Kept on first
        read (functools.cached_property takes a lock on each first read: two sides a trigger)."""
        if self._countries is None:
            self._countries = sorted({a.country for a in self.actors if a.country})
        return self._countries


class Coder:
    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.roles = RoleReader(pack.grammar)
        self.sectors = SectorReader(pack.sectors)
        self.end_markers = [m.lower() for m in pack.dates.get("end_markers", [])]
        self.numbers = {k.lower(): v for k, v in pack.numbers.get("words", {}).items()}
        duration = pack.dates.get("duration")
        self.duration = re.compile(duration, re.I) if duration else None
        self.ending = re.compile(pack.dates.get("ending", "(?!)"), re.I)
        breaks = pack.grammar.get("scope_breaks") or []
        self.scope_breaks = re.compile("|".join(breaks)) if breaks else None
        self.historical_days = int(pack.grammar.get("historical_after_days", 180))
        self.clause_cuts = tuple(f" {w} " for w in pack.grammar.get("modality_clause_cuts", ["men", "och"]))
        self.modality = {kind: _cue_patterns(cues) for kind, cues in pack.modality.items()}
        # every kind's cues in one pattern each: most triggers have none, and one search tells
        everything = {
            part: [cue for cues in pack.modality.values() for cue in cues.get(part) or []]
            for part in ("before", "sentence")
        }
        self.any_cue = _cue_patterns(everything)

    def run(self, doc: Document) -> Document:
        by_mention = _actor_index(doc)
        layout = _Layout(doc)
        doc.events = []
        # Visits first: the main visit fixes the dyad, the host and the date the rest inherits.
        visits = {t.start: self._code(doc, t, by_mention, None, layout) for t in doc.triggers if t.role == "visit"}
        main_visit = next(
            (e for e in visits.values() if e and e.actor and e.recipient and e.modality == "asserted"), None
        )
        if main_visit:
            doc.dyad = tuple(dict.fromkeys(main_visit.actor_country + main_visit.recipient_country))[:2] or doc.dyad
        running = main_visit.date if main_visit else None
        set_in, set_by_visit = -1, False  # the sentence that last set the running date, and by what
        for trigger in doc.triggers:
            if trigger.role == "visit":
                event = visits[trigger.start]
            else:
                event = self._code(doc, trigger, by_mention, running, layout)
            if event and event.dated and event.modality == "asserted":
                sentence = event.evidence[0].start
                visit = trigger.role == "visit"
                after_a_day = set_in >= 0 and not set_by_visit
                if visit and after_a_day and (set_in == sentence or event.date.start <= running.end):
                    # a visit's range or arrival told after the talks' day ("The Lao leader is paying a
                    # visit from 9-11 October", "arrived on the evening of May 25") is background, and so
                    # is one in a side clause of the talks' sentence: what follows is still that day's
                    continue
                running, set_in, set_by_visit = event.date, sentence, visit
        _date_the_headline(doc)
        return doc

    # -- one trigger ---------------------------------------------------------------------------
    def _code(self, doc: Document, trigger: Trigger, by_mention, running: DateRange | None, layout) -> Event | None:
        sentence = layout.sentence_of(trigger)
        same = layout.triggers[sentence]
        zone = _zone(doc, sentence, trigger, self.scope_breaks, same)
        if zone is None:  # the content of an earlier "agree to ..." or "invite to ..."
            return None
        if sentence not in layout.people:
            layout.people[sentence] = self.roles.participants(doc, sentence, layout.mentions_in(sentence))
        people = layout.people[sentence]
        previous = _previous_subject(doc, sentence, trigger, self, people, same)
        roles = self.roles.read(doc, sentence, trigger, zone, people, previous)
        actor_side, recipient_side = self._sides(doc, trigger, roles, by_mention)
        if not actor_side.actors and not recipient_side.actors:
            if not (trigger.symmetric and not trigger.nominal and len(doc.dyad) == 2):
                return None
            # "I samband med samtalen undertecknades fyra avtal": a passive with no one named is the dyad's
            actor_side, recipient_side = (
                _Side([p]) if p else _Side() for p in (_party(doc, iso, "sides") for iso in doc.dyad)
            )
        if trigger.role == "visit" and actor_side.countries and actor_side.countries == recipient_side.countries:
            recipient_side = self._dyad_partner(doc, actor_side, by_mention)
        if trigger.role == "visit" and actor_side.actors and not recipient_side.actors:
            recipient_side = _host_by_place(doc, sentence, trigger, actor_side)
        date, explicit = self._date(doc, trigger, zone, running, layout)
        modality = self._modality(
            doc, sentence, trigger, zone, date if explicit else None, explicit == "relative", layout.latest
        )
        text_zone = doc.text[trigger.start : zone[1]]
        event = Event(
            id="",
            event_type=trigger.event_type,
            mode=trigger.mode,
            context=list(trigger.context),
            actor=[a.id for a in actor_side.actors],
            recipient=[a.id for a in recipient_side.actors],
            actor_country=actor_side.countries,
            recipient_country=recipient_side.countries,
            date=date,
            location=self._location(doc, trigger, roles, recipient_side) if trigger.mode == "visit" else None,
            modality=modality,
            sectors=self.sectors.find(text_zone)
            if trigger.event_type in ("AGREE", "SUPPORT", "AID", "COOPERATE")
            else [],
            quantities=[q for q in doc.quantities if _quantity_from(trigger, zone) <= q.start < zone[1]],
            cameo=trigger.cameo,
            evidence=[Span(sentence.start, sentence.end)],
            confidence=_confidence(trigger, roles),
            rules=[trigger.rule],
            symmetric=trigger.symmetric,
            dated=bool(explicit),
        )
        doc.events.append(event)
        return event

    def _sides(self, doc, trigger, roles: Roles, by_mention) -> tuple[_Side, _Side]:
        actor = self._expand(doc, roles.actor, by_mention)
        recipient = self._expand(doc, roles.recipient, by_mention)
        third_party = set(recipient.countries) - set(actor.countries)
        together = (len(set(actor.countries)) > 1 and not third_party) or _is_collective(roles.actor, recipient)
        if together and trigger.role != "gathering":  # at a summit all take part on one side
            actor, recipient = self._split(doc, actor)  # both parties act together
        if trigger.role != "visit":  # nobody praises or meets their own state here: that is a misread role
            own = set(actor.countries)
            recipient = _Side([a for a in recipient.actors if not a.country or a.country not in own])
        if not recipient.actors and trigger.role == "accept":
            invite = next((e for e in reversed(doc.events) if e.mode == "invite"), None)
            if invite:
                recipient = _Side([a for a in doc.actors if a.id in invite.actor])
        if not recipient.actors and trigger.symmetric and actor.actors:
            recipient = self._dyad_partner(doc, actor, by_mention)
        return actor, recipient

    def _expand(self, doc, mentions: list[Mention], by_mention) -> _Side:
        side = _Side()
        for mention in mentions:
            if mention.kind == "collective" and mention.key == "previous_person":
                found = [_previous_person(doc, mention, by_mention)]
            elif mention.kind == "collective" and mention.key == "previous_mention":
                found = [_last_person_before(doc, mention, by_mention)]
            elif mention.kind == "collective":
                local = _local_people(doc, mention) if mention.key == "leaders" else {}
                found = [local.get(iso) or _party(doc, iso, mention.key) for iso in _local_dyad(doc, mention)]
            else:
                found = [by_mention.get(id(mention))]
            side.actors.extend(a for a in found if a and a not in side.actors)
        return side

    def _split(self, doc, side: _Side) -> tuple[_Side, _Side]:
        """Both parties act together: the dyad's first party is the actor, the other the recipient."""
        order = {iso: i for i, iso in enumerate(doc.dyad)}
        ranked = sorted(side.actors, key=lambda a: order.get(a.country, len(order)))
        first = ranked[0].country if ranked else None
        return (_Side([a for a in ranked if a.country == first]), _Side([a for a in ranked if a.country != first]))

    def _dyad_partner(self, doc, side: _Side, by_mention) -> _Side:
        others = [iso for iso in doc.dyad if iso not in side.countries]
        party = _party(doc, others[0], "sides") if others else None
        return _Side([party] if party else [])

    def _date(self, doc, trigger, zone, running, layout) -> tuple[DateRange | None, bool]:
        """The date in the trigger's own stretch of the sentence (a visit prefers a range); a
        "förra året" aside is background unless it is the only date there."""
        in_zone = [d for d in layout.dates_in(zone[0], zone[1]) if d.range.start]
        if trigger.scope or (trigger.event_type == "SUPPORT" and trigger.mode is None):
            # what follows "enades om att" or "gratulerade till" is the content, and its dates are the content's
            in_zone = [d for d in in_zone if d.start < trigger.start]
        if not in_zone:
            return running, False
        visit = trigger.role == "visit"
        in_zone.sort(
            key=lambda d: (
                d.dateline,  # the day the report was filed: the event's only when nothing else dates it
                d.rule.endswith(".month"),
                visit and d.range.start == d.range.end,
                abs(d.start - trigger.start),
            )
        )
        chosen = in_zone[0].range
        if visit:
            chosen = self._visit_span(doc, zone, chosen, in_zone)
        return chosen, "relative" if in_zone[0].relative else True

    def _visit_span(self, doc, zone, chosen: DateRange, dates) -> DateRange:
        """ "anlände den 26 oktober ... pågår till och med den 29 oktober", "ett tre dagar långt besök"."""
        text = doc.text
        for d in dates:
            before = text[max(zone[0], d.start - 16) : d.start].lower()
            if any(before.rstrip().endswith(marker) for marker in self.end_markers) and d.range.end > chosen.start:
                return DateRange(chosen.start, d.range.end)
        match = self.duration.search(text, zone[0], zone[1]) if self.duration else None
        if match and chosen.start == chosen.end:
            days = self.numbers.get(match.group("n").lower()) or (
                int(match.group("n")) if match.group("n").isdigit() and len(match.group("n")) <= 3 else 0
            )
            if days > 1:
                if self.ending.search(text, zone[0], match.start()):
                    return DateRange(chosen.end - timedelta(days - 1), chosen.end)
                return DateRange(chosen.start, chosen.start + timedelta(days - 1))
        return chosen

    def _modality(self, doc, sentence: Sentence, trigger: Trigger, zone, date, relative=False, latest=None) -> str:
        clause = doc.text[_clause_start(doc, sentence, trigger, self.clause_cuts) : trigger.start].lower()
        # after "enades om att" or "bjöd in ... att" comes the content: its "nästa år" is not this event's
        zone_text = doc.text[zone[0] : trigger.end if trigger.scope else zone[1]].lower()
        before, anywhere = self.any_cue
        if (before and before.search(clause)) or (anywhere and anywhere.search(zone_text)):
            for kind in ("negated", "hypothetical", "future", "historical"):
                before, anywhere = self.modality.get(kind, (None, None))
                if (before and before.search(clause)) or (anywhere and anywhere.search(zone_text)):
                    return kind
        if date and date.start and doc.published and date.start > doc.published and not relative:
            return "future"  # dated after the article was published ("på onsdagen" may be either side of it)
        reference = doc.published or latest
        if date and date.end and reference and (reference - date.end).days > self.historical_days:
            return "historical"
        return "asserted"

    def _location(self, doc, trigger, roles: Roles, host: _Side) -> Location | None:
        sentence = _sentence_of(doc, trigger)
        host_countries = set(host.countries)
        for m in doc.mentions:
            if m.kind == "location" and sentence.start <= m.start < sentence.end:
                iso, city = m.key.split("|", 1)
                if iso in host_countries:
                    return Location(city, iso)
        if len(host_countries) == 1:
            iso = next(iter(host_countries))
            country = next((a for a in doc.actors if a.kind == "country" and a.country == iso), None)
            return Location(country.name if country else iso, iso)
        return None


def _cue_patterns(cues: dict) -> tuple[re.Pattern | None, re.Pattern | None]:
    """ "before" cues are whole words before the trigger; "sentence" cues are phrases anywhere in its stretch."""

    def alternation(words, bounded: bool) -> re.Pattern | None:
        words = sorted((w.lower() for w in words or []), key=len, reverse=True)
        if not words:
            return None
        body = "|".join(re.escape(w) for w in words)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if bounded else body)

    return alternation(cues.get("before"), True), alternation(cues.get("sentence"), False)


def _actor_index(doc: Document) -> dict[int, Actor]:
    by_span = {(s.start, s.end): a for a in doc.actors for s in a.mentions}
    return {id(m): by_span[(m.start, m.end)] for m in doc.mentions if (m.start, m.end) in by_span}


def _party(doc: Document, iso: str, refers: str) -> Actor | None:
    """The actor standing for one side: its leader (most mentioned person) or the state itself."""
    people = [a for a in doc.actors if a.kind == "person" and a.country == iso and a.titles]
    country = next((a for a in doc.actors if a.kind == "country" and a.country == iso), None)
    if refers == "leaders" and people:
        return max(people, key=lambda a: len(a.mentions))
    return country or (max(people, key=lambda a: len(a.mentions)) if people else None)


def _local_dyad(doc: Document, mention: Mention) -> tuple[str, ...]:
    """ "De två ledarna" after a side meeting at a summit are that meeting's two states: the pair of
    the last two-state event before the phrase, else the document's dyad."""
    for event in reversed(doc.events):
        states = tuple(dict.fromkeys(event.actor_country + event.recipient_country))
        if event.evidence and event.evidence[0].start < mention.start and len(states) == 2:
            return states
    return doc.dyad


def _local_people(doc: Document, mention: Mention) -> dict[str, Actor]:
    """ "De två ministrarna" right after the ministers' talks are those two ministers: the persons of
    the last event before the phrase, by state."""
    people = {a.id: a for a in doc.actors if a.kind == "person"}
    for event in reversed(doc.events):
        if event.evidence and event.evidence[0].start < mention.start:
            found = [people[i] for i in event.actor + event.recipient if i in people]
            return {a.country: a for a in reversed(found) if a.country}
    return {}


def _host_by_place(doc: Document, sentence: Sentence, trigger: Trigger, visitor: _Side) -> _Side:
    """ "arrived in Hanoi for a visit": the state of a foreign city named after the trigger is the host."""
    for m in doc.mentions:
        if m.kind == "location" and trigger.start <= m.start < sentence.end:
            iso = m.key.split("|", 1)[0]
            state = next((a for a in doc.actors if a.kind == "country" and a.country == iso), None)
            if state and iso not in visitor.countries:
                return _Side([state])
    return _Side()


def _last_person_before(doc: Document, mention: Mention, by_mention) -> Actor | None:
    """ "... met To Lam and invited him": an object pronoun is the person named last before it, never the
    sentence's own subject ("Thongloun tackade honom": him is not Thongloun)."""
    sentence = next(x for x in doc.sentences if x.start <= mention.start < x.end)
    people = [m for m in doc.mentions if m.kind == "person" and not m.attribute]
    subject = next((m for m in people if sentence.start <= m.start < mention.start), None)
    before = [m for m in people if m.end <= mention.start and m is not subject]
    return by_mention.get(id(before[-1])) if before else None


def _previous_person(doc: Document, mention: Mention, by_mention) -> Actor | None:
    """ "Han uppskattade ...": the person who acted in the last event before the pronoun, else the
    person named last before it."""
    people = {a.id: a for a in doc.actors if a.kind == "person"}
    for event in reversed(doc.events):
        if event.evidence and event.evidence[0].end <= mention.start:
            acting = [people[i] for i in event.actor if i in people]
            if acting:
                return acting[0]
            break
    before = [m for m in doc.mentions if m.kind == "person" and m.end <= mention.start and not m.attribute]
    return by_mention.get(id(before[-1])) if before else None


def _is_collective(mentions: list[Mention], recipient: _Side) -> bool:
    return not recipient.actors and any(
        m.kind == "collective" and m.key not in ("previous_person", "previous_mention") for m in mentions
    )


def _sentence_of(doc: Document, trigger: Trigger) -> Sentence:
    return next(s for s in doc.sentences if s.start <= trigger.start < s.end)


class _Layout:
    """What the coder looks up for every trigger, found once per document: the sentence of a trigger
    (sentences are sorted and disjoint), the triggers of each sentence, each sentence's participants."""

    def __init__(self, doc: Document):
        self.doc, self.starts = doc, [s.start for s in doc.sentences]
        self.triggers: dict[Sentence, list[Trigger]] = {}
        for t in doc.triggers:
            self.triggers.setdefault(self.sentence_of(t), []).append(t)
        self.people: dict[Sentence, list[Mention]] = {}
        starts = [m.start for m in doc.mentions]
        self.mention_starts = starts if starts == sorted(starts) else None
        # the latest date the article names: the reference for "historical" when it has no publication date
        self.latest = max((d.range.end for d in doc.dates if d.range.end), default=None)
        # dates by position (a stable sort keeps document order among equal starts)
        self.dates = sorted(doc.dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]

    def dates_in(self, start: int, end: int) -> list:
        """The dates that start in [start, end), in document order."""
        low = bisect_left(self.date_starts, start)
        return self.dates[low : bisect_left(self.date_starts, end, low)]

    def mentions_in(self, sentence: Sentence) -> list[Mention]:
        """The mentions that start in the sentence, in document order (all of them when unsorted)."""
        if self.mention_starts is None:
            return self.doc.mentions
        low = bisect_left(self.mention_starts, sentence.start)
        return self.doc.mentions[low : bisect_left(self.mention_starts, sentence.end, low)]

    def sentence_of(self, trigger: Trigger) -> Sentence:
        index = bisect_right(self.starts, trigger.start) - 1
        found = self.doc.sentences[index] if index >= 0 else None
        return found if found and trigger.start < found.end else _sentence_of(self.doc, trigger)


def _zone(
    doc: Document, sentence: Sentence, trigger: Trigger, breaks: re.Pattern | None, same: list[Trigger]
) -> tuple[int, int] | None:
    """From the end of the previous trigger to the start of the next one in the same sentence (`same`:
    the sentence's triggers); None when the trigger is the content of an earlier "agree to ..." whose
    scope has not ended."""
    index = same.index(trigger)
    for earlier in same[:index]:
        if earlier.scope and not (breaks and breaks.search(doc.text, earlier.end, trigger.start)):
            return None
    start = same[index - 1].end if index else sentence.start
    end = same[index + 1].start if index + 1 < len(same) and not trigger.scope else sentence.end
    return start, end


def _previous_subject(doc, sentence, trigger, coder, people, triggers) -> list[Mention]:
    same = [t for t in triggers if t.start < trigger.start]
    zone = _zone(doc, sentence, same[-1], coder.scope_breaks, triggers) if same else None
    if zone is None:
        return []
    return coder.roles.read(doc, sentence, same[-1], zone, people).actor


def _clause_start(doc: Document, sentence: Sentence, trigger: Trigger, cuts: tuple[str, ...]) -> int:
    cut = max(doc.text.rfind(p, sentence.start, trigger.start) for p in (";", ":", *cuts))
    return cut + 1 if cut >= 0 else sentence.start


def _quantity_from(trigger: Trigger, zone: tuple[int, int]) -> int:
    """What was signed may stand before the verb ("12 agreements were signed")."""
    return zone[0] if trigger.mode == "sign" else trigger.start


def _confidence(trigger: Trigger, roles: Roles) -> float:
    base = 0.6 if trigger.nominal else 0.8
    return min(1.0, base + (0.15 if roles.explicit else 0.0))


def _date_the_headline(doc: Document) -> None:
    """A headline restates the lead ("Lee, Xi agree to fully restore ties"): its undated events take
    the date of the first dated happening that is not a visit, not the visit's range."""
    if not doc.title or not doc.text.startswith(doc.title):
        return
    first = next((e for e in doc.events if e.dated and e.modality == "asserted" and e.mode != "visit"), None)
    if first is None:
        return
    for event in doc.events:
        if not event.dated and event.mode != "visit" and event.evidence[0].end <= len(doc.title):
            event.date = first.date
