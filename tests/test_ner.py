"""The optional NER stage: the shipped model loads, finds persons no dictionary lists, and never
overrides what the gazetteer, the dictionary or the title chains found."""

from __future__ import annotations

import sys
from importlib import resources
from importlib.util import find_spec

import pytest

from communique import langpack
from communique.errors import CommuniqueError
from communique.extract import ner
from communique.pipeline import STAGES, Pipeline, Stage

MODEL = resources.files("communique") / "models" / "sv_ner"


@pytest.fixture(scope="module")
def tagger() -> ner.NerTagger:
    if find_spec("spacy") is None:
        pytest.skip("spaCy not installed (pip install 'communique[ner]')")
    if not MODEL.joinpath("meta.json").is_file():
        pytest.skip("NER model not built (make train)")
    return ner.tagger()


@pytest.fixture(scope="module")
def pipeline(tagger) -> Pipeline:
    stage = Stage("ner", ("mentions", "persons", "quantities"), ("entities",), lambda d, r: ner.run(d, r.pack, tagger))
    stages = []
    for s in STAGES:
        if s.name == "actors":  # the stage goes right before resolve; these tests look at mentions
            stages.append(stage)
            break
        stages.append(s)
    return Pipeline(stages)


def _mentions(pipeline: Pipeline, text: str):
    doc = pipeline.process_text(text)
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
    return doc.mentions


def test_missing_spacy_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    with pytest.raises(CommuniqueError, match=r"install communique\[ner\]"):
        ner.NerTagger()


def test_model_loads_once_and_tags_swedish(tagger):
    assert tagger is ner.tagger()
    assert tagger.language == "sv"
    spans = tagger.entities("Karin Lindqvist arbetar på Volvo i Göteborg.")
    assert {label for _, _, label in spans} <= {"PER", "ORG", "LOC"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ministern Karin Lindqvist träffade i går sin kollega i Hanoi för samtal om handel.", "Karin Lindqvist"),
        ("Enligt Lindqvist var mötet mycket konstruktivt, sade hon till tidningen på tisdagen.", "Lindqvist"),
    ],
    ids=["full-name", "surname-only"],
)
def test_finds_a_person_no_dictionary_lists(pipeline, text, name):
    persons = [m for m in _mentions(pipeline, text) if m.kind == "person"]
    assert any(name in m.text for m in persons), persons


def test_ner_mentions_are_marked_and_valid(pipeline):
    text = "Enligt Lindqvist var mötet mycket konstruktivt, sade hon till tidningen på tisdagen."
    found = [m for m in _mentions(pipeline, text) if m.rule == ner.RULE]
    assert found and all(m.key is None and m.kind in ("person", "organization") for m in found)


def test_never_overrides_a_dictionary_person(pipeline):
    text = "Statsminister Ulf Kristersson tog emot Vietnams premiärminister Pham Minh Chinh i Stockholm."
    mentions = _mentions(pipeline, text)
    persons = {m.text: m for m in mentions if m.kind == "person"}
    assert persons["Ulf Kristersson"].key and persons["Ulf Kristersson"].rule != ner.RULE
    assert persons["Pham Minh Chinh"].rule != ner.RULE


@pytest.mark.parametrize(
    "text",
    [
        "Vietnams president Luong Cuong tog emot gästerna i Hanoi.",
        "Laos och Vietnams ledare enades om ett nytt avtal.",
        "Samtalen gällde Laos framtid och Vietnams roll i regionen.",
    ],
    ids=["genitive-before-title", "two-genitives", "genitives-in-prose"],
)
def test_country_names_are_never_persons(pipeline, text):
    mentions = _mentions(pipeline, text)
    ner_persons = [m.text for m in mentions if m.rule == ner.RULE and m.kind == "person"]
    assert not {"Vietnams", "Vietnam", "Laos"} & set(ner_persons)
    countries = {m.text for m in mentions if m.kind == "country"}
    assert "Vietnams" in countries


def test_place_names_are_known_without_a_country_mention(pipeline):
    doc = pipeline.process_text("Ministern Karin Lindqvist reser i morgon.")
    context = ner._Context(doc, langpack.load("sv"))
    assert context._known("Vietnams") and context._known("Laos")
    assert not context._known("Lindqvist")


def test_english_documents_are_left_alone(pipeline):
    doc = pipeline.process_text("Prime Minister Karin Lindqvist met her counterpart in Hanoi on Tuesday.")
    assert not [m for m in doc.mentions if m.rule == ner.RULE]


def test_amounts_and_dates_are_not_organizations(pipeline):
    mentions = _mentions(pipeline, "Avtalen har ett sammanlagt värde på över 10 miljarder USD, meddelade regeringen.")
    assert not [m for m in mentions if m.rule == ner.RULE and "USD" in m.text]
