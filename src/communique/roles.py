"""Who does it and to whom: read actor and recipient around a trigger in one sentence.

Swedish and English put the subject before the verb, except that Swedish inverts after a fronted
adverbial ("På morgonen den 11 oktober anlände To Lam ..."): when no subject stands before the
trigger in its clause, the first participant after it is the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Document, Mention, Sentence, Trigger

PARTICIPANT_KINDS = ("person", "country", "organization", "collective")
_WORD = re.compile(r"[\w:]+")


@dataclass
class Roles:
    actor: list[Mention] = field(default_factory=list)
    recipient: list[Mention] = field(default_factory=list)
    explicit: bool = False  # both roles read from the sentence itself


class RoleReader:
    def __init__(self, grammar: dict):
        self.obliques = {w.lower() for w in grammar.get("oblique_prepositions", [])}
        self.destination = {w.lower() for w in grammar.get("destination_prepositions", [])}
        self.agent = {w.lower() for w in grammar.get("agent_prepositions", [])}
        self.comitative = {w.lower() for w in grammar.get("comitative_prepositions", [])}
        # a recipient is a direct object (governor None) or follows one of these ("samtal med X")
        self.recipient_preps = {None} | {w.lower() for w in grammar.get("recipient_prepositions", [])}
        self.joiners = {w.lower() for w in grammar.get("title_joiners", [])}
        self.adjective_heads = {w.lower() for w in grammar.get("adjective_heads", [])}
        self.definite = tuple(grammar.get("definite_noun_suffixes", []))
        relatives = "|".join(re.escape(w) for w in grammar.get("relative_pronouns", []))
        # a relative clause right after a participant has that participant as its subject
        self.relative = re.compile(rf"[\s,]*(?:{relatives})\b[^,;.]*$" if relatives else "(?!)", re.I)
        self.articles = {w.lower() for w in grammar.get("definite_articles", [])}
        self.invited_by = re.compile(grammar.get("invited_by", "(?!)"), re.I)
        joiners = "|".join(re.escape(w) for w in grammar.get("title_joiners", ["och"]) if w.isalpha())
        # "X tackade ... och uppskattade ...": a verb right after "och" shares the earlier subject
        self.vp_and = re.compile(rf"(?:\b(?:{joiners})|,)\s*$", re.I)
        markers = "|".join(re.escape(w) for w in grammar.get("clause_markers", []))
        self.clause_marker = re.compile(rf"(?:[;:]|\b(?:{markers})\b)" if markers else r"[;:]", re.I)

    def participants(self, doc: Document, sentence: Sentence, mentions: list[Mention] | None = None) -> list[Mention]:
        """`mentions`: the document's mentions or any stretch of them (in order) that holds the sentence's."""
        return [
            m
            for m in (doc.mentions if mentions is None else mentions)
            if sentence.start <= m.start < sentence.end
            and m.kind in PARTICIPANT_KINDS
            and not m.attribute
            and (not m.rule.endswith("adjective") or self._acting_adjective(doc.text, m))
        ]

    def _acting_adjective(self, text: str, m: Mention) -> bool:
        """ "den vietnamesiska delegationen" acts for Vietnam; "en svensk studie" does not."""
        following = _WORD.findall(text[m.end : m.end + 40])
        return bool(following) and following[0].lower() in self.adjective_heads

    def read(
        self,
        doc: Document,
        sentence: Sentence,
        trigger: Trigger,
        zone: tuple[int, int],
        people: list[Mention],
        previous_subject: list[Mention] | None = None,
    ) -> Roles:
        """`zone` is the stretch of the sentence that belongs to this trigger; a trigger coordinated
        with an earlier one ("X uppskattade ... och bekräftade") shares its subject."""
        before = [m for m in people if zone[0] <= m.start < trigger.start]
        after = [m for m in people if trigger.start < m.start < zone[1]]  # a long trigger may span its object
        coordinated = previous_subject and self.vp_and.search(doc.text, max(zone[0], trigger.start - 8), trigger.start)
        subject = list(previous_subject) if coordinated else self._subject(doc, before, trigger, sentence.start)
        subject = subject or list(previous_subject or [])
        if trigger.role == "visit":
            return self._visit(doc, sentence, trigger, subject, after, people)
        if trigger.role == "gathering":  # a summit: all named at it take part together, no recipient
            present = self.recipient_preps | self.agent  # "attended by X", "with X"
            named = [
                m
                for m in after
                if m.start >= trigger.end and self._governor(doc.text, _head(m), sentence.start) in present
            ]
            return Roles(subject + [m for m in named if all(_differs(m, s) for s in subject)], [])
        if not subject and not after:
            # "I närvaro av de två ledarna undertecknades ...": only governed participants are left
            subject = self._subject(doc, before, trigger, sentence.start, governed_ok=True)
        if not subject:
            if not after:
                return Roles()
            governor = self._governor(doc.text, _head(after[0]), sentence.start)
            if (
                governor
                and not trigger.passive
                and governor in self.recipient_preps
                and governor not in self.comitative
            ):
                # "(Regeringen) beslutade att bidra med ... till Ukraina": the one it goes to is no actor
                return Roles([], [after[0]])
            subject, after = [after[0]], after[1:]
        if trigger.role == "agree":  # what follows is the content; only "med X" names the other side
            after = [m for m in after if self._word_before(doc.text, _head(m)) in self.comitative]
        if trigger.passive:  # "X togs emot av Y": Y acts, X receives
            agents = [m for m in after if self._governor(doc.text, _head(m), sentence.start) in self.agent]
            return Roles(agents[:1], subject, explicit=bool(agents)) if agents else Roles(subject, [])
        obj = [
            m
            for m in after
            if all(_differs(m, s) for s in subject)
            and self._governor(doc.text, _head(m), sentence.start) in self.recipient_preps
            and not (m.kind == "collective" and any(s.kind == "collective" for s in subject))
        ][:1]
        return Roles(subject, obj, explicit=bool(obj))

    def _subject(
        self, doc: Document, before: list[Mention], trigger: Trigger, sentence_start: int, governed_ok: bool = False
    ) -> list[Mention]:
        """The first participant of the trigger's clause that no preposition governs, with those
        coordinated to it ("To Lam och Kim Jong Un"); when the clause has none, the clause before it
        ("Vietnam har beslutat att ge ..."). A state adjective counts only when nothing else is."""
        if not before:
            return []
        last = before[-1]
        if self.relative.match(doc.text, last.end, trigger.start):  # "Wang Yi, som är på besök i ..."
            return [last]
        floor = sentence_start
        cuts = [before[0].start] + [
            m.end() for m in self.clause_marker.finditer(doc.text, before[0].start, trigger.start)
        ]
        candidates: list[Mention] = []
        end = trigger.start
        for start in reversed(cuts):
            clause = [
                m
                for m in before
                if start <= m.start < end and (governed_ok or not self._governed(doc.text, _head(m), floor))
            ]
            candidates = [m for m in clause if not m.rule.endswith("adjective")] or clause
            if candidates:
                break
            end = start
        if not candidates:
            return []
        subject = [candidates[0]]
        for m in candidates[1:]:
            gap = doc.text[subject[-1].end : _head(m)].strip(" ,").lower()
            if gap in self.joiners and m.kind == subject[0].kind:
                subject.append(m)
            else:
                break
        return subject

    def _visit(self, doc, sentence, trigger, subject, after, people) -> Roles:
        visitor = list(subject)
        host: list[Mention] = []
        for m in after:
            word = self._word_before(doc.text, _head(m))
            if word in self.agent and trigger.passive and not host:
                host = [m]
            elif word in self.agent and not visitor and trigger.nominal:
                visitor = [m]
            elif word in self.destination and not host and m not in visitor:
                host = [m]
        invitation = self.invited_by.search(doc.text, sentence.start, sentence.end)
        if not host and invitation:
            host = [m for m in people if m.start >= invitation.end() and m not in visitor][:1]
        if not visitor and after and not trigger.nominal and after[0] not in host:
            visitor = [after[0]]
        return Roles(visitor, host, explicit=bool(visitor and host))

    def _governed(self, text: str, pos: int, floor: int) -> bool:
        """A preposition up to three words back in the same sentence, with only lowercase words
        between ("på den nordkoreanska sidan")."""
        return self._governor(text, pos, floor) is not None

    def _governor(self, text: str, pos: int, floor: int) -> str | None:
        """That preposition, or None for a participant no preposition governs."""
        chunk = text[max(floor, pos - 60) : pos]
        # a comma closes a fronted phrase ("On the sidelines of the summit, he met ...")
        words = _WORD.findall(chunk[chunk.rfind(",") + 1 :])[-3:]
        for word in reversed(words):
            if word.lower() in self.obliques:
                return word.lower()
            if not word.islower() or (self.definite and len(word) > 4 and word.endswith(self.definite)):
                return None  # a name or a definite noun closes the phrase ("på tisdagen Rysslands ...")
        return None

    def _word_before(self, text: str, pos: int) -> str:
        """The word before a participant, past an article ("visit to the Republic of Korea")."""
        words = _WORD.findall(text[max(0, pos - 30) : pos])  # callers look inside one sentence
        while words and words[-1].lower() in self.articles:
            words.pop()
        return words[-1].lower() if words else ""


def _head(m: Mention) -> int:
    return m.lead if m.lead is not None else m.start


def _differs(a: Mention, b: Mention) -> bool:
    return (a.kind, a.key, a.name) != (b.kind, b.key, b.name)
