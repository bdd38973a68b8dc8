"""Who does it and to whom: read actor and recipient around a trigger in one sentence.

Swedish and English put the subject before the verb, except that Swedish inverts after a fronted
adverbial ("På morgonen den 11 oktober anlände To Lam ..."): when no subject stands before the
trigger in its clause, the first participant after it is the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document, Mention, Sentence, Trigger

PARTICIPANT_KINDS = ("person", "country", "organization", "collective")


@dataclass
class Roles:
    actor: Mention | None
    recipient: Mention | None
    host: Mention | None = None  # for visits: who receives the visitor
    explicit: bool = True  # both roles read from the sentence itself


class RoleReader:
    def __init__(self, grammar: dict):
        self.obliques = {w.lower() for w in grammar.get("oblique_prepositions", [])}
        self.destination = {w.lower() for w in grammar.get("destination_prepositions", [])}
        self.agent = {w.lower() for w in grammar.get("agent_prepositions", [])}
        self.invited_by = re.compile(grammar.get("invited_by", "(?!)"), re.I)

    def participants(self, doc: Document, sentence: Sentence) -> list[Mention]:
        return [
            m for m in doc.mentions
            if sentence.start <= m.start < sentence.end and m.kind in PARTICIPANT_KINDS and not m.attribute
        ]

    def read(self, doc: Document, sentence: Sentence, trigger: Trigger, zone: tuple[int, int],
             people: list[Mention], previous_subject: Mention | None = None) -> Roles:
        """`zone` is the stretch of the sentence that belongs to this trigger; a trigger coordinated
        with an earlier one ("X uppskattade ... och bekräftade") shares its subject."""
        before = [m for m in people if zone[0] <= m.start < trigger.start]
        after = [m for m in people if trigger.end <= m.start < zone[1]]
        subject = self._subject(doc, before, trigger) or previous_subject
        if trigger.role == "visit":
            return self._visit(doc, sentence, trigger, subject, before, after, people)
        if subject is None:
            if not after:
                return Roles(None, None, explicit=False)
            subject, after = after[0], after[1:]
        obj = next((m for m in after if _differs(m, subject)), None)
        return Roles(subject, obj, explicit=obj is not None)

    def _subject(self, doc: Document, before: list[Mention], trigger: Trigger) -> Mention | None:
        for m in reversed(before):
            head = m.lead if m.lead is not None else m.start
            if ";" in doc.text[m.end : trigger.start]:
                return None
            if self._word_before(doc.text, head) in self.obliques:
                continue
            return m
        return None

    def _visit(self, doc, sentence, trigger, subject, before, after, people) -> Roles:
        visitor = subject
        host = None
        for m in after:
            word = self._word_before(doc.text, m.lead if m.lead is not None else m.start)
            if word in self.agent and visitor is None and trigger.nominal:
                visitor = m
            elif word in self.destination and host is None and m is not visitor:
                host = m
        invitation = self.invited_by.search(doc.text, sentence.start, sentence.end)
        if host is None and invitation:
            host = next((m for m in people if m.start >= invitation.end() and m is not visitor), None)
        if visitor is None and after and trigger.nominal is False:
            visitor = after[0] if after[0] is not host else None
        return Roles(visitor, host, host=host, explicit=visitor is not None and host is not None)

    @staticmethod
    def _word_before(text: str, pos: int) -> str:
        match = re.search(r"([\w:]+)[\s,]*$", text[max(0, pos - 30) : pos])
        return match.group(1).lower() if match else ""


def _differs(a: Mention, b: Mention | None) -> bool:
    if b is None:
        return True
    return (a.kind, a.key, a.name) != (b.kind, b.key, b.name)
