"""Coded documents cross process boundaries (`ingest --jobs`, Dask) pickled: they must come back whole."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from communique import model
from communique.pipeline import Pipeline
from communique.reader import from_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def coded() -> list[model.Document]:
    pipeline = Pipeline()
    paths = sorted((EXAMPLES / "sv").glob("*.txt"))[:3] + sorted((EXAMPLES / "en").glob("*.txt"))[:3]
    return [pipeline.process(from_text(path.read_text(encoding="utf-8"), str(path))) for path in paths]


def _objects(value, seen: list) -> list:
    """Every record reachable from `value` (through fields, lists and tuples)."""
    if dataclasses.is_dataclass(value):
        seen.append(value)
        for f in dataclasses.fields(value):
            _objects(getattr(value, f.name), seen)
    elif isinstance(value, list | tuple):
        for item in value:
            _objects(item, seen)
    return seen


def test_a_coded_document_comes_back_equal_field_by_field(coded):
    for doc in coded:
        copy = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
        assert copy == doc
        before, after = _objects(doc, []), _objects(copy, [])
        assert [type(o) for o in after] == [type(o) for o in before]
        kinds = {type(o) for o in before}
        assert {model.Document, model.Event, model.Actor, model.Mention, model.Span, model.Sentence} <= kinds
        for original, restored in zip(before, after, strict=True):
            for f in dataclasses.fields(original):  # field by field: equality alone skips compare=False fields
                assert getattr(restored, f.name) == getattr(original, f.name), (type(original), f.name)
