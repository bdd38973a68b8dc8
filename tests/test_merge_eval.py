"""Cross-article merge quality on the labelled article groups must not fall below measured floors."""

from pathlib import Path

from communique.evaluate_merge import evaluate_merge

GOLD = Path(__file__).resolve().parents[1] / "examples" / "clusters" / "gold.json"


def test_merge_pairs_above_floor():
    report = evaluate_merge(GOLD)
    assert report.documents >= 20
    assert report.pairs.precision >= 0.85, report.table()
    assert report.pairs.recall >= 0.65, report.table()
