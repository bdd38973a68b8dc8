"""The extraction pipeline: stages over one `Document`, in one visible order.

Each stage names the layers it needs and the layers it adds; `Pipeline` checks the order once when
it is built. Per-language resources (gazetteer, readers, coder) are built once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import coding, langpack, language, merge, reader, resolve
from .errors import CommuniqueError, PipelineError
from .extract import dates, mentions, ner, persons, quantities, sentences, triggers
from .model import Document
from .settings import Settings


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    run: Callable[[Document, Resources], Document]


@dataclass
class Resources:
    """What the stages of one language share: built once, reused for every document."""

    pack: langpack.LanguagePack
    dates: dates.DateReader
    relative_days: dates.RelativeDayReader
    quantities: quantities.QuantityReader
    coder: coding.Coder


@cache
def resources_for(code: str) -> Resources:
    pack = langpack.load(code)
    return Resources(
        pack, dates.DateReader(pack), dates.RelativeDayReader(pack), quantities.QuantityReader(pack), coding.Coder(pack)
    )


STAGES = (
    Stage("sentences", ("text",), ("sentences",), lambda d, r: sentences.run(d, r.pack)),
    Stage("mentions", ("text",), ("mentions",), lambda d, r: mentions.run(d, r.pack.code)),
    Stage("dates", ("text",), ("dates", "published"), lambda d, r: dates.run(d, r.pack, r.dates, r.relative_days)),
    Stage("persons", ("mentions", "sentences", "dates"), ("persons",), lambda d, r: persons.run(d, r.pack)),
    Stage("quantities", ("text",), ("quantities",), lambda d, r: quantities.run(d, r.quantities)),
    Stage("triggers", ("sentences",), ("triggers",), lambda d, r: triggers.run(d, r.pack)),
    Stage("actors", ("persons",), ("actors", "dyad"), lambda d, r: resolve.run(d, r.pack)),
    Stage("events", ("actors", "triggers", "dates", "quantities"), ("events",), lambda d, r: r.coder.run(d)),
    Stage("merge", ("events",), ("merged",), lambda d, r: merge.run(d)),
)


# Optional (Settings.ner): statistical persons/organizations, after every rule-based layer, before resolve.
NER_STAGE = Stage(
    "ner", ("mentions", "persons", "dates", "quantities"), ("entities",), lambda d, r: ner.run(d, r.pack, ner.tagger())
)


def with_ner(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """The stages with `NER_STAGE` inserted right before `actors`."""
    out: list[Stage] = []
    for stage in stages:
        if stage.name == "actors":
            out.append(NER_STAGE)
        out.append(stage)
    return tuple(out)


class Pipeline:
    def __init__(self, stages: Iterable[Stage] = STAGES, settings: Settings | None = None):
        self.stages = tuple(stages)
        self.settings = settings or Settings()
        if self.settings.ner and all(s.name != "ner" for s in self.stages):
            ner.tagger()  # fail once, now, when spaCy or the model is missing
            self.stages = with_ner(self.stages)
        available = {"text"}
        for stage in self.stages:
            missing = set(stage.needs) - available
            if missing:
                raise PipelineError(
                    f"stage '{stage.name}' needs {', '.join(sorted(missing))}, which no earlier stage adds"
                )
            available |= set(stage.adds)

    def process(self, doc: Document) -> Document:
        """Run every stage on one document (language detected or forced first)."""
        language.run(doc, self.settings.language)
        res = resources_for(doc.language)
        for stage in self.stages:
            doc = stage.run(doc, res)
        return doc

    def process_text(self, text: str, path: str | None = None) -> Document:
        return self.process(reader.from_text(text, path))

    def process_paths(self, paths: Iterable[Path]) -> Iterator[Document | CommuniqueError]:
        """One result per input file, in order: a coded document or the error that stopped it."""
        for path in paths:
            try:
                with bugs_cost_one_article(path):
                    doc = self.process(reader.read_path(path, self.settings.max_bytes))
            except CommuniqueError as exc:
                yield exc
                continue
            yield doc


@contextmanager
def bugs_cost_one_article(where: object) -> Iterator[None]:
    """A bug in a stage must cost one article, not the batch: it becomes a one-line `PipelineError`."""
    try:
        yield
    except (RecursionError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise PipelineError(f"{where}: internal error while coding ({type(exc).__name__}: {exc})") from None


def extract(text: str, language: str | None = None) -> Document:
    """Code one article's text and return the document with its actors and events."""
    return Pipeline(settings=Settings(language=language)).process_text(text)
