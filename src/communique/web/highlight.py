"""Evidence with its spans marked: actor mentions from the store, triggers found again by the same rules.

Trigger offsets are not stored; the language pack's trigger stage is deterministic over the stored text,
so running it again gives the very phrases whose rules produced the event (matched on the rule id).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import CommuniqueError
from ..model import Document
from ..pipeline import STAGES, Pipeline
from ..settings import Settings

_TRIGGER_STAGES = tuple(s for s in STAGES if s.name in ("sentences", "triggers"))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # actor | trigger
    label: str  # actor name or rule id
    ref: str | None = None  # actor id to link to


@dataclass(frozen=True)
class Segment:
    text: str
    span: Span | None


@lru_cache(maxsize=256)
def _triggers(document_id: str, text: str, language: str) -> tuple[tuple[int, int, str], ...]:
    try:
        doc = Pipeline(_TRIGGER_STAGES, Settings(language=language)).process(Document(id=document_id, text=text))
    except CommuniqueError:
        return ()
    return tuple((t.start, t.end, t.rule) for t in doc.triggers)


def trigger_spans(document_id: str, text: str, language: str, rules: list[str]) -> list[Span]:
    wanted = set(rules)
    return [Span(s, e, "trigger", rule) for s, e, rule in _triggers(document_id, text, language) if rule in wanted]


def segments(text: str, start: int, end: int, spans: list[Span]) -> list[Segment]:
    """`text[start:end]` cut into plain and marked pieces; overlapping spans: the earlier, longer one wins."""
    inside = sorted((s for s in spans if s.start >= start and s.end <= end), key=lambda s: (s.start, -s.end))
    out: list[Segment] = []
    at = start
    for span in inside:
        if span.start < at:
            continue
        if span.start > at:
            out.append(Segment(text[at : span.start], None))
        out.append(Segment(text[span.start : span.end], span))
        at = span.end
    if at < end:
        out.append(Segment(text[at:end], None))
    return out
