"""Find event triggers sentence by sentence with the language pack's rules."""

from __future__ import annotations

from bisect import bisect_right

from ..gazetteer import lower_same_length
from ..langpack import LanguagePack
from ..model import Document, Trigger


def run(doc: Document, pack: LanguagePack) -> Document:
    lowered = lower_same_length(doc.text)
    background = tuple(cue.lower() + " " for cue in pack.grammar.get("background_before", []))
    obliques = set(pack.grammar.get("nominal_blockers", []))
    starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[Trigger]] = {}
    for match, rule in _matches(lowered, pack):
        start, end = match.span()
        index = bisect_right(starts, start) - 1
        if index < 0 or end > doc.sentences[index].end:
            continue
        floor = doc.sentences[index].start
        if background and lowered[max(floor, start - 30) : start].endswith(background):
            continue
        if rule.nominal and _governed(lowered, floor, start, obliques):
            continue  # "resultaten av samtalen", "till statsbesöket": a reference, not an event
        by_sentence.setdefault(index, []).append(_trigger(doc, match, rule))
    doc.triggers = []
    for index in sorted(by_sentence):
        doc.triggers.extend(_without_objects(lowered, _specific_agreements(_without_overlaps(by_sentence[index]))))
    return doc


def _without_objects(lowered: str, triggers: list[Trigger]) -> list[Trigger]:
    """A noun trigger right after a verb trigger is that event's object ("condemned the meeting", "välkomnade
    besöket"): the meeting or visit it names is told elsewhere, not a new one."""
    verb_ends = {t.end for t in triggers if not t.nominal}
    return [t for t in triggers if not (t.nominal and _after_one_of(lowered, t.start, verb_ends))]


def _after_one_of(lowered: str, start: int, ends: set[int]) -> bool:
    gap = start
    while gap > 0 and lowered[gap - 1] == " ":
        gap -= 1
    return gap in ends and gap < start


def _matches(lowered: str, pack: LanguagePack):
    """(match, rule) for what every rule's `finditer` would find, but each rule is tried only where the
    pack's start index says it can begin (one scan of the text instead of one per rule)."""
    rules = pack.triggers
    next_free = [0] * len(rules)
    for pos, indexes in pack.trigger_index.candidates(lowered):
        for i in indexes:
            if pos < next_free[i]:
                continue
            match = rules[i].regex.match(lowered, pos)
            if match:
                next_free[i] = max(match.end(), pos + 1)
                yield match, rules[i]


def _trigger(doc: Document, match, rule) -> Trigger:
    return Trigger(
        start=match.start(),
        end=match.end(),
        text=doc.text[match.start() : match.end()],
        rule=rule.id,
        event_type=rule.event_type,
        mode=rule.mode,
        cameo=rule.cameo,
        role=rule.role,
        scope=rule.scope,
        symmetric=rule.symmetric,
        context=rule.context,
        nominal=rule.nominal,
        passive=rule.passive,
    )


def _specific_agreements(triggers: list[Trigger]) -> list[Trigger]:
    """ "enades om att uppgradera relationerna" is an upgrade: a generic AGREE gives way to a more
    specific AGREE that follows it in the same sentence."""
    drop = set()
    for i, t in enumerate(triggers):
        if t.event_type == "AGREE" and t.mode is None:
            later = triggers[i + 1 :]
            if any((x.event_type == "AGREE" and x.mode) or x.event_type == "AID" for x in later):
                drop.add(i)
    return [t for i, t in enumerate(triggers) if i not in drop]


def _governed(lowered: str, floor: int, start: int, obliques: set[str]) -> bool:
    words = lowered[max(floor, start - 20) : start].split()
    return bool(words) and words[-1] in obliques


def _without_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    """Where two rules claim the same words, the verb beats the noun and the longer match wins."""
    triggers.sort(key=lambda t: (t.nominal, -(t.end - t.start), t.start))
    kept: list[Trigger] = []
    for t in triggers:
        if all(t.end <= k.start or t.start >= k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
