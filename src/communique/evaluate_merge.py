"""Score cross-article merging against labelled article groups (pairwise precision/recall/F1).

Gold (`examples/clusters/gold.json`) lists happenings with the articles that report them. The
articles are ingested into a fresh store; every pair of documents that the store puts in one
cluster is a predicted pair, correct when one gold happening of the same type, mode and states
lists both documents. Every pair of documents listed by one gold happening is a gold pair.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from sqlalchemy import select

from .errors import DataError
from .evaluate import Score
from .ingest import ingest
from .pipeline import Pipeline
from .store import Store, schema


@dataclass
class MergeReport:
    pairs: Score
    clusters: int
    documents: int

    def table(self) -> str:
        s = self.pairs
        return (
            f"{self.documents} documents, {self.clusters} stored clusters spanning several documents\n"
            f"{'pairs':<8}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}\n"
            f"{'':<8}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )

    def to_dict(self) -> dict:
        s = self.pairs
        return {
            "documents": self.documents,
            "multi_document_clusters": self.clusters,
            "pairs": s.to_dict(),
        }


def evaluate_merge(gold_path: Path, articles_dir: Path | None = None, pipeline: Pipeline | None = None) -> MergeReport:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        happenings = gold["clusters"]
        articles = gold["articles"]
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"{gold_path}: not a cluster gold file ({exc})") from None
    articles_dir = articles_dir or gold_path.parent
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/merge.db")
        with store:
            ingest([str(articles_dir / a) for a in articles], store, pipeline or Pipeline())
            predicted = _predicted_clusters(store, articles_dir)
    gold_pairs = {
        (frozenset(pair), _key(h["event_type"], h.get("mode"), h["states"]))
        for h in happenings
        for pair in combinations(sorted(set(h["members"])), 2)
    }
    predicted_pairs = {(frozenset(pair), key) for key, docs in predicted for pair in combinations(sorted(docs), 2)}
    tp = len(predicted_pairs & gold_pairs)
    return MergeReport(
        Score(tp, len(predicted_pairs) - tp, len(gold_pairs) - tp),
        clusters=sum(1 for _, docs in predicted if len(docs) > 1),
        documents=len(articles),
    )


def _key(event_type: str, mode: str | None, states) -> tuple:
    return (event_type, mode, frozenset(states))


def _predicted_clusters(store: Store, articles_dir: Path) -> list[tuple[tuple, set[str]]]:
    """(type, mode, states) and the set of article names of every stored cluster."""
    e, d = schema.events, schema.documents
    with store.connect() as conn:
        rows = conn.execute(
            select(e.c.cluster_id, e.c.event_type, e.c.mode, e.c.actor_country, e.c.recipient_country, d.c.path).join(
                d, d.c.id == e.c.document_id
            )
        ).all()
    clusters: dict[int, tuple[tuple, set[str]]] = {}
    for r in rows:
        name = Path(r.path).resolve().relative_to(articles_dir.resolve()).as_posix() if r.path else "?"
        key = _key(r.event_type, r.mode, set(r.actor_country) | set(r.recipient_country))
        clusters.setdefault(r.cluster_id, (key, set()))[1].add(name)
    return list(clusters.values())
