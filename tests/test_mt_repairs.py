"""Machine-translation repairs (lang/sv/mt_repairs.yaml): one test per rule, built from the rule's own
fields and the actor dictionary, so a new rule is tested without new test code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import communique
from communique import dictionary
from communique.langpack import load

RULES_FILE = Path(__file__).resolve().parents[1] / "src" / "communique" / "lang" / "sv" / "mt_repairs.yaml"
RULES = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
# Rules the extractor does not apply yet (strict: remove the entry when it starts to pass).
NOT_YET = {
    "sv.mt.to-till-capital": (
        "a rule with after_title: false is only tried right after a title chain; at the start "
        "of a sentence 'Till Lam' becomes the surname mention 'Lam' with 'Till' left out"
    ),
    "sv.mt.vo-voe": (
        "a rule with after_title: false is only tried right after a title chain, and it reads just one "
        "word after the match ('Vo Van'), so 'Vå Van Thuong' becomes a new person 'Va Van Thuong'"
    ),
}


def _params() -> list:
    return [
        pytest.param(
            rule,
            id=rule["id"],
            marks=[pytest.mark.xfail(strict=True, reason=NOT_YET[rule["id"]])] if rule["id"] in NOT_YET else [],
        )
        for rule in RULES
    ]


def _person(read_as: str) -> dictionary.PersonEntry:
    """The first dictionary person whose name starts with the rule's `read_as` word."""
    found = [p for p in dictionary.load().persons.values() if p.name.split()[0] == read_as and p.offices]
    assert found, f"no person in the actor dictionary is named '{read_as} ...'"
    return found[0]


def _title(person: dictionary.PersonEntry) -> str:
    """The pack's first Swedish form of the person's first office ("generalsekreterare")."""
    wanted = person.offices[0].title
    return next(form for form, entry in load("sv").titles.items() if entry.en == wanted)


def _slipped_article(rule: dict) -> tuple[str, str, str]:
    """An article naming the person in full, then once with the rule's slip; returns (text, name, slip)."""
    person = _person(rule["read_as"])
    rest = person.name.split(" ", 1)[1]
    title = _title(person)
    slip = f"{rule['match']} {rest}"
    full = f"{title.capitalize()} {person.name} anlände till Laos den 1 december 2025 för ett statsbesök."
    if rule["after_title"]:
        second = f"Under besöket höll {title} {slip} samtal med Laos president Thongloun Sisoulith."
    else:
        second = f"{slip} sade att besöket var en viktig milstolpe för de två länderna."
    return f"{full}\n{second}", person.name, slip


def _persons(doc) -> dict[str, list[str]]:
    persons: dict[str, list[str]] = {}
    for actor in doc.actors:
        if actor.kind == "person":
            persons.setdefault(actor.name, []).extend(doc.text[m.start : m.end] for m in actor.mentions)
    return persons


def test_rules_file_is_the_packs():
    assert [r["id"] for r in load("sv").mt_repairs] == [r["id"] for r in RULES]
    for rule in RULES:
        assert {"id", "why", "match", "read_as", "after_title"} <= set(rule), rule
        assert rule["why"].strip()


@pytest.mark.parametrize("rule", _params())
def test_slip_is_read_as_the_person_named_before(rule):
    text, name, slip = _slipped_article(rule)
    doc = communique.extract(text, language="sv")
    persons = _persons(doc)
    surname = name.split()[-1]
    assert [n for n in persons if surname in n] == [name], persons
    assert name in persons[name] and slip in persons[name], persons[name]
    (slip_actor,) = [a for a in doc.actors if a.name == name]
    slip_at = text.index(slip)
    assert any(m.start == slip_at and m.end == slip_at + len(slip) for m in slip_actor.mentions)


@pytest.mark.parametrize("rule", [pytest.param(r, id=r["id"]) for r in RULES if r["after_title"]])
def test_slip_word_not_after_a_title_creates_no_person(rule):
    person = _person(rule["read_as"])
    title = _title(person)
    text = (
        f"{title.capitalize()} {person.name} besökte Laos i går. "
        f"Delegationen inledde sedan resan {rule['match']} Hanoi."
    )
    doc = communique.extract(text, language="sv")
    assert list(_persons(doc)) == [person.name]
    assert all(f"{rule['match']} Hanoi" not in m for m in _persons(doc)[person.name])
    assert (
        _persons(communique.extract(f"Delegationen inledde resan {rule['match']} Hanoi på tisdagen.", language="sv"))
        == {}
    )


@pytest.mark.parametrize(
    ("second", "surface"),
    [
        pytest.param("Generalsekreterare Lams besök i Laos var hans första.", "Lams", id="genitive-after-title"),
        pytest.param("Under samtalen sade generalsekreterare Lam att relationen är unik.", "Lam", id="after-title"),
    ],
)
def test_surname_after_the_full_name_is_the_same_person(second, surface):
    text = f"Generalsekreterare To Lam anlände till Laos den 1 december 2025 för ett statsbesök. {second}"
    doc = communique.extract(text, language="sv")
    persons = _persons(doc)
    assert list(persons) == ["To Lam"]
    assert persons["To Lam"] == ["To Lam", surface]
