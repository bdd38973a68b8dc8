"""The properties every input must keep, as functions that return what went wrong (or None).

Extraction property: `reader` and `Pipeline.process` either return a document whose spans are all
inside its text and that serialises to the contract's JSON, or raise a `CommuniqueError` whose message
is one line naming the input. Anything else (another exception, a multi-line message, a span that
does not fit) is a failure, described by a short `kind` that groups the same bug across inputs.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass
from pathlib import Path

from communique import reader
from communique.errors import CommuniqueError, one_line
from communique.model import Document
from communique.pipeline import Pipeline

SRC = str(Path(__file__).resolve().parents[1] / "src")


@dataclass(frozen=True)
class Failure:
    kind: str  # "TypeError at communique/extract/dates.py:120", "multi-line error", ...
    detail: str  # the message, one line


def check_input(pipeline: Pipeline, data: str | bytes, name: str) -> Failure | None:
    """Run one input through decoding (bytes), cleaning and extraction; the failure, if any."""
    try:
        doc = reader.from_bytes(data, name) if isinstance(data, bytes) else reader.from_text(data, name)
        doc = pipeline.process(doc)
    except CommuniqueError as exc:
        return check_message(str(exc), name)
    except Exception as exc:  # the point of fuzzing: an exception nobody turned into an error
        return Failure(f"{type(exc).__name__} at {where(exc)}", squash(f"{type(exc).__name__}: {exc}"))
    return check_document(doc)


def check_message(message: str, name: str) -> Failure | None:
    """An error message must be one line that names the input."""
    if "\n" in message or "\r" in message:
        return Failure("multi-line error message", squash(message))
    if one_line(name) not in message:
        return Failure("error message does not name the input", squash(message))
    return None


def check_document(doc: Document) -> Failure | None:
    """Every span is inside the text (and mentions quote it exactly); the contract JSON can be written."""
    size = len(doc.text)
    layers = {"sentence": doc.sentences, "mention": doc.mentions, "date": doc.dates, "quantity": doc.quantities}
    layers["trigger"] = doc.triggers
    layers["evidence"] = [span for event in doc.events for span in event.evidence]
    layers["actor mention"] = [span for actor in doc.actors for span in actor.mentions]
    for layer, spans in layers.items():
        for span in spans:
            if not 0 <= span.start <= span.end <= size:
                return Failure(f"{layer} span outside the text", f"{span.start}-{span.end} in {size} characters")
            quoted = getattr(span, "text", None)
            if isinstance(quoted, str) and layer == "mention" and doc.text[span.start : span.end] != quoted:
                return Failure("mention text is not the text at its offsets", squash(repr(quoted)[:120]))
    try:
        json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
    except Exception as exc:
        return Failure(f"contract JSON: {type(exc).__name__} at {where(exc)}", squash(str(exc)))
    return None


def where(exc: BaseException) -> str:
    """The innermost frame of communique's own code the exception passed through: the bug's address."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(SRC)]
    if not frames:
        frames = traceback.extract_tb(exc.__traceback__)[-1:]
    if not frames:
        return "?"
    frame = frames[-1]
    return f"{frame.filename.removeprefix(SRC + '/')}:{frame.lineno} ({frame.name})"


def squash(text: str, limit: int = 200) -> str:
    return " ".join(text.split())[:limit]
