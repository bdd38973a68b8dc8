"""Score communique on three public corpora and print tables plus one JSON summary line.

    .venv/bin/python scripts/eval_public.py                      # all three, ../shared/corpus
    .venv/bin/python scripts/eval_public.py --limit 20 --examples 5
    .venv/bin/python scripts/eval_public.py --corpus-dir /data/corpus

- PLOVER GSR (`plover_gsr/PLOVER_GSR_CAMEO.normalized.jsonl`, CC BY-SA 4.0): 322 English sentences with one
  gold PLOVER event each. Event type: the gold type is among the types coded for the sentence (`any`), or
  equals the type of the top event, the one with the highest confidence (`top`). Dyad: some event of the
  gold type has the gold ISO3 states as actor_country / recipient_country (see `dyad_matches`).
- PETRARCH2 unit tests (`petrarch2_unittest/PETR.UnitTest.records.xml`, MIT): CAMEO codings of stylized
  sentences with fictional actors, scored at CAMEO root level (first two digits) and, for the few codings
  whose two sides are real states, with actors.
- UD Swedish-PUD (`ud_swedish_pud_parallel/sv_en_pud_pairs.tsv`, CC BY-SA 4.0): the Swedish sentence coded
  with language="sv" and its English original with language="en"; the two event sets are compared.

docs/evaluation.md gives the method, the type mappings and the numbers. The last line printed is one JSON
object; a missing corpus folder is a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS_DIR = ROOT.parent / "shared" / "corpus"

PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
    "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
DIPLOMACY = ("AGREE", "CONSULT", "SUPPORT", "AID", "COOPERATE")
# GSR 0.5b1 names of CAMEO cue categories that PLOVER has since folded into others; the mapping is the
# PLOVER manual's "CAMEO to PLOVER translation" table (09->ACCUSE, 10->REQUEST, 11->ACCUSE, 19->ASSAULT).
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Codes in the GSR that are typos for ISO 3166-1 alpha-3 (Japan, Italy, Vietnam).
ISO3_REPAIRS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# CAMEO cue categories (two-digit roots) -> PLOVER type, from the same table; 08 is split by its third digit.
CAMEO_ROOT_TO_PLOVER = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "09": "ACCUSE",
    "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
PLOVER_TO_CAMEO_ROOTS: dict[str, set[str]] = defaultdict(set, {"CONCEDE": {"08"}, "RETREAT": {"08"}})
for _root, _type in CAMEO_ROOT_TO_PLOVER.items():
    PLOVER_TO_CAMEO_ROOTS[_type].add(_root)
# Codes of the PETRARCH validation dictionary that are real ISO3 codes but name Tolkien places there.
PETRARCH_FICTIONAL = {"ERI"}  # ERIADOR [ERI], not Eritrea
# communique codes an event only when it resolves an actor, and it knows no Tolkien states: the second
# PETRARCH pass renames the fictional states of PETR.Validate.actors.txt to real ones that the sentences do
# not otherwise name, so the verbs are tested on their own and the dyads can be checked.
RENAMED_STATES = {
    "Minas Tirith": "Oslo", "Gondor": "Norway", "Arnorian": "Austrian", "Arnor": "Austria", "Osgiliath": "Chile",
    "Eriadorian": "Peruvian", "Eriadori": "Peruvian", "Eriador": "Peru", "Bree": "Kenya", "Calenardhon": "Nepal",
    "Mordor": "Bolivia", "Ithilen": "Ghana", "Fornost": "Iceland", "Dagolathi": "Mongolian", "Dagolath": "Mongolia",
    "Rohans": "Uruguayans", "Rohan": "Uruguay", "Dol Amroth": "Malta",
}  # fmt: skip
RENAMED_CODES = {
    "GON": "NOR", "ARN": "AUT", "OSG": "CHL", "ERI": "PER", "BRE": "KEN", "CAL": "NPL", "MOR": "BOL",
    "ITH": "GHA", "FOR": "ISL", "DAG": "MNG", "ROH": "URY", "DOL": "MLT",
}  # fmt: skip
_RENAME = re.compile(r"\b(" + "|".join(sorted(map(re.escape, RENAMED_STATES), key=len, reverse=True)) + r")\b")


def rename_fictional(text: str) -> str:
    """Gondor -> Norway, Eriadori -> Peruvian, ...: the same sentence with real states."""
    return _RENAME.sub(lambda m: RENAMED_STATES[m.group(1)], text)


class CorpusMissing(Exception):
    """The corpus folder or one of its files is absent."""


# ---------------------------------------------------------------- coding with communique


@dataclass(frozen=True)
class Coded:
    """One event as communique codes it (contract fields only)."""

    event_type: str
    mode: str | None
    cameo: str | None
    actor_country: frozenset[str]
    recipient_country: frozenset[str]
    confidence: float

    @property
    def countries(self) -> frozenset[str]:
        return self.actor_country | self.recipient_country

    def cameo_roots(self) -> set[str]:
        """The event's CAMEO root; from its PLOVER type when communique gives no CAMEO code."""
        return {self.cameo[:2]} if self.cameo else set(PLOVER_TO_CAMEO_ROOTS[self.event_type])


def code(text: str, language: str) -> list[Coded]:
    """Run communique on one text and keep what the scores look at."""
    from communique import extract

    return [
        Coded(
            e["event_type"],
            e["mode"],
            e["cameo"],
            frozenset(e["actor_country"]),
            frozenset(e["recipient_country"]),
            e["confidence"],
        )
        for e in extract(text, language=language).to_dict()["events"]
    ]


def top_event(events: Sequence[Coded]) -> Coded | None:
    """The most confident event; the first one on a tie."""
    return max(events, key=lambda e: e.confidence) if events else None


def ratio(hits: int, n: int) -> float | None:
    return round(hits / n, 3) if n else None


# ---------------------------------------------------------------- PLOVER GSR


@dataclass(frozen=True)
class GoldRecord:
    """One GSR sentence: its event type (mapped to current PLOVER) and the states on each side."""

    id: str
    text: str
    event_type: str
    original_type: str
    source: frozenset[str]
    target: frozenset[str]
    reciprocal: bool = False  # (SRC/TAR: ...) markup: the states act on each other


def _states(actors: object, valid: set[str]) -> frozenset[str]:
    if not isinstance(actors, list):  # the GSR has "", null and one stray string for "no target"
        return frozenset()
    codes = (ISO3_REPAIRS.get(a.get("code", ""), a.get("code", "")) for a in actors)
    return frozenset(c for c in codes if c in valid)  # IGO, NGO, IMG, ISM: not states


def gold_record(raw: dict, valid: set[str]) -> GoldRecord:
    original = raw["event"]
    return GoldRecord(
        raw["id"],
        raw["text"],
        OLD_PLOVER_TYPES.get(original, original),
        original,
        _states(raw.get("source"), valid),
        _states(raw.get("target"), valid),
        "SRC/TAR" in json.dumps(raw.get("textInfo")),  # one record has the markup as a bare string
    )


def load_plover(corpus: Path, valid: set[str]) -> list[GoldRecord]:
    path = _need(corpus / "plover_gsr" / "PLOVER_GSR_CAMEO.normalized.jsonl")
    with path.open(encoding="utf-8") as f:
        return [gold_record(json.loads(line), valid) for line in f if line.strip()]


def dyad_scorable(gold: GoldRecord) -> bool:
    return bool(gold.source or gold.target)


def domestic(gold: GoldRecord) -> bool:
    """The same state on both sides (a protest against one's own government): communique never codes a
    recipient of the actor's own state outside visits, so these dyads cannot match in order."""
    return bool(gold.source) and gold.source == gold.target


def dyad_matches(gold: GoldRecord, event: Coded, ordered: bool = True) -> bool:
    """The gold states are the event's states: reciprocal or unordered, as one set; else side by side.

    A gold side without a state code (an IGO, an NGO, no target) is not checked.
    """
    if gold.reciprocal or not ordered:
        return event.countries == gold.source | gold.target
    return (not gold.source or event.actor_country == gold.source) and (
        not gold.target or event.recipient_country == gold.target
    )


@dataclass
class TypeScore:
    n: int = 0
    any: int = 0
    top: int = 0
    dyad_n: int = 0
    dyad: int = 0
    dyad_unordered: int = 0
    no_event: int = 0

    def add(self, gold: GoldRecord, events: Sequence[Coded]) -> None:
        same = [e for e in events if e.event_type == gold.event_type]
        top = top_event(events)
        self.n += 1
        self.any += bool(same)
        self.top += bool(top and top.event_type == gold.event_type)
        self.no_event += not events
        if dyad_scorable(gold):
            self.dyad_n += 1
            self.dyad += any(dyad_matches(gold, e) for e in same)
            self.dyad_unordered += any(dyad_matches(gold, e, ordered=False) for e in same)

    def summary(self) -> dict:
        return {
            "n": self.n,
            "type_any": ratio(self.any, self.n),
            "type_top": ratio(self.top, self.n),
            "dyad_n": self.dyad_n,
            "dyad": ratio(self.dyad, self.dyad_n),
            "dyad_unordered": ratio(self.dyad_unordered, self.dyad_n),
            "no_event": self.no_event,
        }


@dataclass
class PloverReport:
    all: TypeScore = field(default_factory=TypeScore)
    international: TypeScore = field(default_factory=TypeScore)  # all but the domestic dyads
    diplomacy: TypeScore = field(default_factory=TypeScore)
    per_type: dict[str, TypeScore] = field(default_factory=lambda: defaultdict(TypeScore))
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[tuple[GoldRecord, list[Coded]]] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "all": self.all.summary(),
            "international": self.international.summary(),
            "diplomacy": self.diplomacy.summary(),
            "per_type": {t: s.summary() for t, s in sorted(self.per_type.items())},
            "confusion_top": {t: dict(c.most_common()) for t, c in sorted(self.confusion.items())},
        }


def score_plover(golds: Iterable[GoldRecord], coded: Iterable[Sequence[Coded]]) -> PloverReport:
    """Type and dyad scores, per type and on the diplomacy subset; `coded` pairs with `golds`."""
    report = PloverReport()
    for gold, events in zip(golds, coded, strict=True):
        for score in (report.all, report.per_type[gold.event_type]):
            score.add(gold, events)
        if not domestic(gold):
            report.international.add(gold, events)
        if gold.event_type in DIPLOMACY:
            report.diplomacy.add(gold, events)
        top = top_event(events)
        report.confusion[gold.event_type][top.event_type if top else "NONE"] += 1
        if not any(e.event_type == gold.event_type for e in events):
            report.misses.append((gold, list(events)))
    return report


def print_plover(report: PloverReport, examples: int) -> None:
    rows = [("all", report.all), ("all but domestic", report.international), ("diplomacy subset", report.diplomacy)]
    rows += [(t, report.per_type[t]) for t in PLOVER_TYPES if t in report.per_type]
    print("\n== PLOVER GSR: event type (any / top event) and dyad (ISO3 states of a same-type event)")
    _table(
        ["gold type", "n", "type any", "type top", "dyad n", "dyad", "dyad unord.", "no event"],
        [_score_row(name, s) for name, s in rows],
    )
    print("\nconfusions (gold type: top coded type x count)")
    for gold_type in PLOVER_TYPES:
        if gold_type in report.confusion:
            wrong = [f"{t} x{c}" for t, c in report.confusion[gold_type].most_common() if t != gold_type]
            print(f"  {gold_type:<10} {', '.join(wrong) or '-'}")
    for gold, events in report.misses[:examples]:
        print(f"  MISS {gold.id} {gold.original_type}: {gold.text[:110]} -> {[e.event_type for e in events]}")


def _score_row(name: str, s: TypeScore) -> list[str]:
    summary = s.summary()
    return [name, str(s.n), _pct(summary["type_any"]), _pct(summary["type_top"]), str(s.dyad_n)] + [
        _pct(summary["dyad"]),
        _pct(summary["dyad_unordered"]),
        str(s.no_event),
    ]


# ---------------------------------------------------------------- PETRARCH2 unit tests


@dataclass(frozen=True)
class Coding:
    source: str
    target: str
    code: str

    @property
    def root(self) -> str:
        return self.code[:2]

    def kind(self) -> str:
        """`plover` (roots 03-20), `dropped` (01, 02: no PLOVER type) or `test` (PETRARCH-internal codes)."""
        if not self.root.isdigit() or not 1 <= int(self.root) <= 20:
            return "test"
        return "dropped" if self.root in ("01", "02") else "plover"

    def plover_type(self) -> str | None:
        if self.root == "08":
            return "CONCEDE" if self.code[2:3] in ("", "0", "1", "2", "3") else "RETREAT"
        return CAMEO_ROOT_TO_PLOVER.get(self.root)

    def states(self, valid: set[str], renamed: dict[str, str]) -> tuple[str, ...] | None:
        """Both sides as real ISO3 states (after renaming), or None when either is fictional or not a state."""
        codes = (c[:3] for c in (self.source, self.target))
        sides = tuple(renamed.get(c) or ("" if c in PETRARCH_FICTIONAL else c) for c in codes)
        return sides if all(s in valid for s in sides) else None


@dataclass(frozen=True)
class UnitSentence:
    id: str
    category: str
    text: str
    codings: tuple[Coding, ...]
    expect_none: bool  # <EventCoding noevents="True">
    error_record: bool  # <EventCoding error=...>: tests PETRARCH's parser input, not coding


def load_petrarch(corpus: Path) -> list[UnitSentence]:
    path = _need(corpus / "petrarch2_unittest" / "PETR.UnitTest.records.xml")
    return [_unit_sentence(s) for s in ET.parse(path).getroot().iter("Sentence")]


def _unit_sentence(s: ET.Element) -> UnitSentence:
    raw = s.findall("EventCoding")
    codings = tuple(
        Coding(c.get("sourcecode") or "", c.get("targetcode") or "", c.get("eventcode"))
        for c in raw
        if c.get("eventcode")
    )
    return UnitSentence(
        s.get("id", ""),
        s.get("category", ""),
        " ".join((s.findtext("Text") or "").split()),
        codings,
        any(c.get("noevents") for c in raw),
        any(c.get("error") for c in raw),
    )


@dataclass
class PetrarchReport:
    codings: Counter = field(default_factory=Counter)  # kind -> count
    root: Counter = field(default_factory=Counter)  # kind -> reproduced at CAMEO root
    plover: int = 0  # root 03-20 codings whose PLOVER type communique codes
    actors_n: int = 0
    actors: int = 0
    actors_unordered: int = 0
    states_any_type: int = 0  # some event, of whatever code, has both states
    none_n: int = 0
    none_ok: int = 0
    sentences: int = 0
    no_event: int = 0
    error_records: int = 0
    per_root: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[str, Coding, list[Coded]]] = field(default_factory=list)

    def summary(self) -> dict:
        n = self.codings["plover"]
        return {
            "sentences": self.sentences,
            "no_event": self.no_event,
            "error_records_skipped": self.error_records,
            "codings": dict(self.codings),
            "root_plover_codable": ratio(self.root["plover"], n),
            "root_all_codings": ratio(sum(self.root.values()), sum(self.codings.values())),
            "plover_type": ratio(self.plover, n),
            "actors_n": self.actors_n,
            "root_with_actors": ratio(self.actors, self.actors_n),
            "root_with_actors_unordered": ratio(self.actors_unordered, self.actors_n),
            "event_with_both_states_any_code": ratio(self.states_any_type, self.actors_n),
            "noevents_n": self.none_n,
            "noevents_correct": ratio(self.none_ok, self.none_n),
            "per_root": {r: {"n": v[1], "reproduced": v[0]} for r, v in sorted(self.per_root.items())},
        }


def score_petrarch(
    sentences: Iterable[UnitSentence],
    coded: Iterable[Sequence[Coded]],
    valid: set[str],
    renamed: dict[str, str] | None = None,
) -> PetrarchReport:
    """Root-level reproduction of each coding; `coded` pairs with `sentences`; `renamed` maps the codes of
    renamed fictional states to the real ones put in their place."""
    report = PetrarchReport()
    for sentence, events in zip(sentences, coded, strict=True):
        if sentence.error_record:
            report.error_records += 1
            continue
        report.sentences += 1
        report.no_event += not events
        if sentence.expect_none:
            report.none_n += 1
            report.none_ok += not events
        for coding in sentence.codings:
            _score_coding(report, sentence.id, coding, events, coding.states(valid, renamed or {}))
    return report


def _score_coding(report: PetrarchReport, sid: str, coding: Coding, events: Sequence[Coded], states) -> None:
    kind = coding.kind()
    same_root = [e for e in events if coding.root in e.cameo_roots()]
    report.codings[kind] += 1
    report.root[kind] += bool(same_root)
    report.per_root[coding.root][0] += bool(same_root)
    report.per_root[coding.root][1] += 1
    if kind != "plover":
        return
    report.plover += any(e.event_type == coding.plover_type() for e in events)
    if not same_root:
        report.misses.append((sid, coding, list(events)))
    if states:
        src, tgt = states
        report.actors_n += 1
        report.actors += any(src in e.actor_country and tgt in e.recipient_country for e in same_root)
        report.actors_unordered += any({src, tgt} <= e.countries for e in same_root)
        report.states_any_type += any({src, tgt} <= e.countries for e in events)


def print_petrarch(given: PetrarchReport, renamed: PetrarchReport, examples: int) -> None:
    g, r = given.summary(), renamed.summary()
    c = given.codings
    print("\n== PETRARCH2 unit tests: CAMEO codings reproduced at root level (first two digits)")
    print(
        f"{g['sentences']} sentences ({given.error_records} parser-error records skipped); "
        f"{sum(c.values())} codings: {c['plover']} with roots 03-20, {c['dropped']} with roots 01/02 "
        f"(no PLOVER type), {c['test']} PETRARCH test codes; 'renamed': Tolkien states replaced by real ones"
    )
    rows = [
        ("root, roots 03-20", "plover", "root_plover_codable"),
        ("PLOVER type, roots 03-20", "plover", "plover_type"),
        ("root, all codings", None, "root_all_codings"),
        ("root + actors (real states)", "actors_n", "root_with_actors"),
        ("root + actors, unordered", "actors_n", "root_with_actors_unordered"),
        ("any code, both states", "actors_n", "event_with_both_states_any_code"),
        ("no event where none expected", "noevents_n", "noevents_correct"),
    ]
    _table(
        ["measure", "n given", "as given", "n renamed", "renamed"],
        [[label, _n(g, n), _pct(g[key]), _n(r, n), _pct(r[key])] for label, n, key in rows],
    )
    print(f"sentences with no event: {g['no_event']} as given, {r['no_event']} renamed")
    per_root = [
        [k, str(v["n"]), str(v["reproduced"]), str(r["per_root"][k]["reproduced"])] for k, v in g["per_root"].items()
    ]
    print("\nper CAMEO root (n >= 3)")
    _table(["root", "n", "as given", "renamed"], [row for row in per_root if int(row[1]) >= 3])
    for sid, coding, events in renamed.misses[:examples]:
        print(f"  MISS {sid} {coding.code} -> {[(e.event_type, e.cameo) for e in events]}")


def _n(summary: dict, key: str | None) -> str:
    if key is None:
        return str(sum(summary["codings"].values()))
    return str(summary["codings"]["plover"] if key == "plover" else summary[key])


# ---------------------------------------------------------------- UD Swedish-PUD parallel


@dataclass(frozen=True)
class Pair:
    id: str
    domain: str
    sv: str
    en: str


def load_pairs(corpus: Path) -> list[Pair]:
    path = _need(corpus / "ud_swedish_pud_parallel" / "sv_en_pud_pairs.tsv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Pair(r["sent_id"], r["domain"], r["sv"], r["en"]) for r in rows]


def type_keys(events: Iterable[Coded]) -> frozenset:
    return frozenset(e.event_type for e in events)


def type_mode_keys(events: Iterable[Coded]) -> frozenset:
    return frozenset((e.event_type, e.mode) for e in events)


def state_keys(events: Iterable[Coded]) -> frozenset:
    return frozenset((e.event_type, e.mode, e.actor_country, e.recipient_country) for e in events)


LEVELS: dict[str, Callable[[Iterable[Coded]], frozenset]] = {
    "type": type_keys,
    "type+mode": type_mode_keys,
    "type+mode+states": state_keys,
}


@dataclass
class ParallelReport:
    pairs: int = 0
    active: int = 0  # pairs where either side codes an event
    sides: Counter = field(default_factory=Counter)  # both / sv only / en only
    agree_active: Counter = field(default_factory=Counter)
    disagreements: list[tuple[Pair, list[Coded], list[Coded]]] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "pairs": self.pairs,
            "active_pairs": self.active,
            "sides": dict(self.sides),
            "agreement_active": {k: ratio(self.agree_active[k], self.active) for k in LEVELS},
            "agreement_overall": {
                k: ratio(self.agree_active[k] + self.pairs - self.active, self.pairs) for k in LEVELS
            },
        }


def score_parallel(pairs: Iterable[Pair], sv: Iterable[Sequence[Coded]], en: Iterable[Sequence[Coded]]):
    """Exact agreement of the two sides' event sets at three levels; pairs with no event agree trivially."""
    report = ParallelReport()
    for pair, sv_events, en_events in zip(pairs, sv, en, strict=True):
        report.pairs += 1
        if not sv_events and not en_events:
            continue
        report.active += 1
        report.sides["both" if sv_events and en_events else "sv only" if sv_events else "en only"] += 1
        for level, keys in LEVELS.items():
            report.agree_active[level] += keys(sv_events) == keys(en_events)
        if state_keys(sv_events) != state_keys(en_events):
            report.disagreements.append((pair, list(sv_events), list(en_events)))
    return report


def print_parallel(report: ParallelReport, examples: int) -> None:
    s = report.summary()
    print("\n== UD Swedish-PUD: Swedish (sv) vs English original (en), exact agreement of event sets")
    sides = ", ".join(f"{k} {v}" for k, v in sorted(report.sides.items()))
    print(f"{report.pairs} pairs; {report.active} with an event on either side ({sides})")
    rows = [[k, _pct(s["agreement_active"][k]), _pct(s["agreement_overall"][k])] for k in LEVELS]
    _table(["level", f"active pairs (n={report.active})", f"all pairs (n={report.pairs})"], rows)
    for pair, sv_events, en_events in report.disagreements[:examples]:
        print(f"  DIFF {pair.id} sv={_brief(sv_events)} en={_brief(en_events)}")
        print(f"       sv: {pair.sv[:110]}\n       en: {pair.en[:110]}")


def _brief(events: Sequence[Coded]) -> list[str]:
    return [
        f"{e.event_type}/{e.mode} {'+'.join(sorted(e.actor_country))}>{'+'.join(sorted(e.recipient_country))}"
        for e in events
    ]


# ---------------------------------------------------------------- running


def valid_states() -> set[str]:
    """ISO3 codes of communique's country table."""
    from importlib import resources

    import yaml

    return set(yaml.safe_load((resources.files("communique") / "data" / "countries.yaml").read_text("utf-8")))


def _need(path: Path) -> Path:
    if not path.is_file():
        raise CorpusMissing(f"corpus file not found: {path}")
    return path


def run(corpus: Path, limit: int | None = None, examples: int = 0) -> dict:
    """Load, code, score and print all three corpora; return the JSON summary."""
    started = time.perf_counter()
    valid = valid_states()
    golds = load_plover(corpus, valid)[:limit]
    units = load_petrarch(corpus)[:limit]
    pairs = load_pairs(corpus)[:limit]
    plover = score_plover(golds, [code(g.text, "en") for g in golds])
    petrarch = score_petrarch(units, [code(u.text, "en") for u in units], valid)
    renamed = [code(rename_fictional(u.text), "en") for u in units]
    petrarch_renamed = score_petrarch(units, renamed, valid, RENAMED_CODES)
    parallel = score_parallel(pairs, [code(p.sv, "sv") for p in pairs], [code(p.en, "en") for p in pairs])
    print_plover(plover, examples)
    print_petrarch(petrarch, petrarch_renamed, examples)
    print_parallel(parallel, examples)
    return {
        "plover_gsr": plover.summary(),
        "petrarch2_unittest": {"as_given": petrarch.summary(), "renamed": petrarch_renamed.summary()},
        "ud_swedish_pud_parallel": parallel.summary(),
        "limit": limit,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = [str(c).rjust(w) for c, w in zip(row, widths, strict=True)]
        cells[0] = str(row[0]).ljust(widths[0])  # labels left, numbers right
        print("  ".join(cells))


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS_DIR, help="default: ../shared/corpus")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items of each corpus")
    parser.add_argument("--examples", type=int, default=0, help="print up to N misses per corpus")
    args = parser.parse_args(argv)
    try:
        if not args.corpus_dir.is_dir():
            raise CorpusMissing(f"corpus folder not found: {args.corpus_dir} (give --corpus-dir)")
        summary = run(args.corpus_dir, args.limit, args.examples)
    except CorpusMissing as exc:
        print(f"eval_public: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
