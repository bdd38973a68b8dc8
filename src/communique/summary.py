"""A readable one-screen summary of a coded document (for `--format summary` and `make run`)."""

from __future__ import annotations

from .model import Document


def render(doc: Document) -> str:
    names = {a.id: a.name for a in doc.actors}
    lines = [f"== {doc.path or '<stdin>'}  [{doc.language}]  id={doc.id}"]
    if doc.source_url:
        lines.append(f"   source: {doc.source_url}")
    people = [a for a in doc.actors if a.kind == "person"]
    lines.append("   persons: " + (", ".join(_person(a) for a in people) or "-"))
    states = sorted({a.country for a in doc.actors if a.kind == "country" and a.country})
    lines.append("   countries: " + (", ".join(states) or "-"))
    for e in doc.events:
        when = f"{e.date.start}..{e.date.end}" if e.date and e.date.start else "date?"
        who = ", ".join(names[i] for i in e.actor) or "?"
        whom = ", ".join(names[i] for i in e.recipient) or "-"
        extra = []
        if e.modality != "asserted":
            extra.append(e.modality)
        if e.sectors:
            extra.append("sectors=" + ",".join(e.sectors))
        if e.quantities:
            extra.append("qty=" + ",".join(f"{q.value:g} {q.unit}" for q in e.quantities))
        mode = f"/{e.mode}" if e.mode else ""
        lines.append(f"   {e.id:>4} {e.event_type}{mode:<10} {who} -> {whom}  {when}  {' '.join(extra)}".rstrip())
    return "\n".join(lines)


def _person(actor) -> str:
    titles = f" ({', '.join(actor.titles)})" if actor.titles else ""
    return f"{actor.name}{titles}"
