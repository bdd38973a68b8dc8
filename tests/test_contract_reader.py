"""`Document.from_dict` is the inverse of `to_dict` on the bundled examples, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.contract_reader import ContractError
from communique.model import Document
from communique.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "sv").glob("*.txt")) + sorted((ROOT / "examples" / "en").glob("*.txt"))


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip(pipeline, path):
    contract = pipeline.process_text(path.read_text(encoding="utf-8"), str(path)).to_dict()
    rebuilt = Document.from_dict(contract)
    assert rebuilt.to_dict() == contract
    for event in rebuilt.events:
        for quantity in event.quantities:  # offsets found again point at the quantity's words
            assert rebuilt.text[quantity.start : quantity.end] == quantity.text


def test_both_languages_are_covered():
    assert {p.parent.name for p in EXAMPLES} == {"sv", "en"}


@pytest.mark.parametrize(
    "data",
    [{"schema": "other/1"}, {"schema": "communique/1"}, {"schema": "communique/1", "document": {"id": "x"}}, []],
    ids=["other-schema", "no-document", "no-text", "not-a-dict"],
)
def test_malformed_is_a_contract_error(data):
    with pytest.raises(ContractError):
        Document.from_dict(data)
