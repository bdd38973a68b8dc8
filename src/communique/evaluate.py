"""Score extraction against hand-made gold files (precision, recall and F1 per field).

Gold format: `examples/gold/README.md`. Events are matched one to one: same type and mode and the
same pair of states (either direction for events both sides do together); dates, sectors,
quantities and modality are then compared on the matched pairs, and everything unmatched counts
against precision or recall.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .dictionary import ascii_fold
from .errors import DataError
from .pipeline import Pipeline

FIELDS = ("actors", "actor_countries", "events", "event_types", "dates", "sectors", "quantities", "modality")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score_sets(predicted: set, gold: set) -> Score:
    return Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))


@dataclass
class Report:
    totals: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    documents: dict[str, dict[str, Score]] = field(default_factory=dict)

    def add(self, name: str, scores: dict[str, Score]) -> None:
        self.documents[name] = scores
        for key, score in scores.items():
            self.totals[key].add(score)

    def to_dict(self) -> dict:
        return {
            "documents": len(self.documents),
            "totals": {k: v.to_dict() for k, v in self.totals.items()},
            "per_document": {d: {k: v.to_dict() for k, v in s.items()} for d, s in self.documents.items()},
        }

    def table(self) -> str:
        lines = [
            f"{len(self.documents)} documents",
            f"{'field':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, s in self.totals.items():
            lines.append(f"{name:<16}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        return "\n".join(lines)


def norm_name(name: str) -> str:
    """Compare names without case, diacritics, hyphens or full stops ("Marcos Jr." = "Marcos Jr")."""
    return " ".join(ascii_fold(name).lower().replace("-", " ").replace(".", " ").split())


def score_document(predicted: dict, gold: dict) -> dict[str, Score]:
    """Compare one contract object with one gold object."""
    scores = {
        "actors": _score_sets(
            {(norm_name(a["name"]), a["kind"]) for a in predicted["actors"]},
            {(norm_name(a["name"]), a["kind"]) for a in gold["actors"]},
        ),
        "actor_countries": _score_sets(
            {(norm_name(a["name"]), a["kind"], a["country"]) for a in predicted["actors"]},
            {(norm_name(a["name"]), a["kind"], a["country"]) for a in gold["actors"]},
        ),
    }
    pred_events, gold_events = predicted["events"], gold["events"]
    scores["event_types"] = _multiset_score([_type(e) for e in pred_events], [_type(e) for e in gold_events])
    pairs = _match(pred_events, gold_events)
    scores["events"] = Score(len(pairs), len(pred_events) - len(pairs), len(gold_events) - len(pairs))
    matched_pred = {id(p) for p, _ in pairs}
    matched_gold = {id(g) for _, g in pairs}
    for name, items in (("dates", _dates), ("sectors", _sectors), ("quantities", _quantities), ("modality", _modality)):
        score = Score()
        for p, g in pairs:
            score.add(_score_sets(items(p), items(g)))
        score.fp += sum(len(items(p)) for p in pred_events if id(p) not in matched_pred)
        score.fn += sum(len(items(g)) for g in gold_events if id(g) not in matched_gold)
        scores[name] = score
    return scores


def _type(e: dict) -> tuple:
    return (e["event_type"], e.get("mode"))


def _dyad(e: dict) -> frozenset:
    return frozenset(e.get("actor_country") or []) | frozenset(e.get("recipient_country") or [])


def _dates(e: dict) -> set:
    d = e.get("date")
    return {(d["start"], d["end"])} if d and d.get("start") else set()


def _sectors(e: dict) -> set:
    return set(e.get("sectors") or [])


def _quantities(e: dict) -> set:
    return {(float(q["value"]), q["unit"]) for q in e.get("quantities") or []}


def _modality(e: dict) -> set:
    return {e.get("modality", "asserted")}


def _multiset_score(predicted: list, gold: list) -> Score:
    remaining = list(gold)
    tp = 0
    for item in predicted:
        if item in remaining:
            remaining.remove(item)
            tp += 1
    return Score(tp, len(predicted) - tp, len(remaining))


def _match(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching; among candidates prefer the same direction, then the same date."""
    pairs, used = [], set()
    for g in gold:
        candidates = [p for p in predicted if id(p) not in used and _type(p) == _type(g) and _dyad(p) == _dyad(g)]
        if not candidates:
            continue
        best = max(candidates, key=lambda p: (p.get("actor_country") == g.get("actor_country"), _dates(p) == _dates(g)))
        used.add(id(best))
        pairs.append((best, g))
    return pairs


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read gold file ({exc})") from None
    for key in ("article", "actors", "events"):
        if key not in gold:
            raise DataError(f"{path}: gold file has no '{key}'")
    return gold


def evaluate_dir(gold_dir: Path, articles_dir: Path | None = None, pipeline: Pipeline | None = None) -> Report:
    """Run the pipeline on every article that has a gold file under `gold_dir` and score it."""
    pipeline = pipeline or Pipeline()
    articles_dir = articles_dir or gold_dir.parent
    report = Report()
    gold_files = sorted(gold_dir.rglob("*.json"))
    if not gold_files:
        raise DataError(f"{gold_dir}: no gold files (*.json)")
    for gold_path in gold_files:
        gold = load_gold(gold_path)
        article = articles_dir / gold["article"]
        if not article.is_file():
            raise DataError(f"{gold_path}: article {article} not found")
        from .reader import read_path

        predicted = pipeline.process(read_path(article)).to_dict()
        report.add(gold["article"], score_document(predicted, gold))
    return report
