"""scripts/eval_public.py: its scores on hand-built cases, its command line, and floors on the PLOVER GSR.

The corpora live outside the repository (../shared/corpus, see each SOURCE.md); the tests that read them
are skipped with the reason when that folder is absent. The scoring tests need no corpus.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "eval_public.py"
CORPUS = ROOT.parent / "shared" / "corpus"

needs_corpus = pytest.mark.skipif(
    not (CORPUS / "plover_gsr").is_dir(), reason=f"public corpora not found at {CORPUS} (../shared is absent)"
)

# Measured on the full GSR when these were set (type any 0.364, type top 0.351, dyad 0.195 on the 77
# diplomacy records); the floors sit a little under. Raise them when the English pack improves.
DIPLOMACY_FLOORS = {"type_any": 0.34, "type_top": 0.33, "dyad": 0.17}


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("eval_public", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_public"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _event(ev, event_type, actor=(), recipient=(), confidence=0.9, mode=None, cameo=None):
    return ev.Coded(event_type, mode, cameo, frozenset(actor), frozenset(recipient), confidence)


def _gold(ev, gid, event_type, source=(), target=(), reciprocal=False):
    return ev.GoldRecord(gid, "text", event_type, event_type, frozenset(source), frozenset(target), reciprocal)


def test_plover_scores_on_a_hand_built_case(ev):
    golds = [
        _gold(ev, "agree-hit", "AGREE", ["JOR", "GBR"], reciprocal=True),
        _gold(ev, "consult-second", "CONSULT", ["FRA"], ["ZAF"]),
        _gold(ev, "accuse-reversed", "ACCUSE", ["ZWE"], ["USA"]),
        _gold(ev, "protest-none", "PROTEST", ["DZA"], ["DZA"]),
    ]
    coded = [
        [_event(ev, "AGREE", ["GBR"], ["JOR"])],  # reciprocal: the order does not matter
        [_event(ev, "SUPPORT", ["FRA"], ["ZAF"], 0.95), _event(ev, "CONSULT", ["FRA"], ["ZAF"], 0.8)],
        [_event(ev, "ACCUSE", ["USA"], ["ZWE"])],
        [],
    ]
    report = ev.score_plover(golds, coded)
    total = report.summary()["all"]
    assert (total["n"], total["type_any"], total["type_top"]) == (4, 0.75, 0.5)
    assert (total["dyad_n"], total["dyad"], total["dyad_unordered"], total["no_event"]) == (4, 0.5, 0.75, 1)
    assert report.summary()["diplomacy"]["n"] == 2 and report.summary()["diplomacy"]["type_any"] == 1.0
    assert report.summary()["international"]["n"] == 3  # DZA -> DZA is domestic
    assert report.confusion["CONSULT"] == {"SUPPORT": 1} and report.confusion["PROTEST"] == {"NONE": 1}
    assert [g.id for g, _ in report.misses] == ["protest-none"]


def test_a_gold_side_without_a_state_is_not_checked(ev):
    gold = _gold(ev, "igo-source", "AID", [], ["LBR"])
    assert ev.dyad_matches(gold, _event(ev, "AID", ["USA"], ["LBR"]))
    assert not ev.dyad_matches(gold, _event(ev, "AID", [], ["GHA"]))
    assert not ev.dyad_scorable(_gold(ev, "no-states", "AID"))


def test_gsr_records_are_mapped_to_current_plover(ev):
    valid = {"JPN", "ITA", "SRB"}
    raw = {
        "id": "x",
        "text": "t",
        "event": "FIGHT",
        "source": [{"code": "JAP"}, {"code": "IGO"}],
        "target": "diplomatic",  # a stray string where the GSR means "no target"
        "textInfo": "(SRC/TAR: Japan) ...",  # one record has its markup as a bare string
    }
    record = ev.gold_record(raw, valid)
    assert (record.event_type, record.original_type) == ("ASSAULT", "FIGHT")
    assert (record.source, record.target, record.reciprocal) == ({"JPN"}, frozenset(), True)
    assert {ev.OLD_PLOVER_TYPES[t] for t in ("DEMAND", "DISAPPROVE", "INVESTIGATE")} == {"REQUEST", "ACCUSE"}


@pytest.mark.parametrize(
    ("code", "kind", "plover"),
    [("064", "plover", "COOPERATE"), ("0874", "plover", "RETREAT"), ("081", "plover", "CONCEDE"),
     ("023", "dropped", None), ("903", "test", None), ("345", "test", None), ("1717", "plover", "COERCE")],
    ids=["064", "0874", "081", "023", "903", "345", "1717"],
)  # fmt: skip
def test_petrarch_codes_are_classified(ev, code, kind, plover):
    coding = ev.Coding("ARN", "GON", code)
    assert coding.kind() == kind
    assert (coding.plover_type() if kind == "plover" else None) == plover


def test_petrarch_scores_on_a_hand_built_case(ev):
    codings = (ev.Coding("ETHGOV", "LBY", "1717"), ev.Coding("ARN", "GON", "041"))
    sentences = [
        ev.UnitSentence("s1", "DEMO", "t", codings, False, False),
        ev.UnitSentence("s2", "DEMO", "t", (), True, False),  # noevents="True"
        ev.UnitSentence("s3", "ERROR", "t", (), False, True),  # a parser-error record: skipped
    ]
    coded = [[_event(ev, "COERCE", ["ETH"], ["LBY"], cameo="170"), _event(ev, "CONSULT", cameo=None)], [], []]
    report = ev.score_petrarch(sentences, coded, {"ETH", "LBY"})
    s = report.summary()
    assert (s["sentences"], s["error_records_skipped"], s["codings"]) == (2, 1, {"plover": 2})
    assert (s["root_plover_codable"], s["actors_n"], s["root_with_actors"], s["noevents_correct"]) == (1.0, 1, 1.0, 1.0)
    assert ev.rename_fictional("Gondor and the Eriadori leaders") == "Norway and the Peruvian leaders"
    assert ev.Coding("ERI", "GON", "030").states({"PER", "NOR", "ERI"}, {}) is None  # ERI is Eriador
    assert ev.Coding("ERI", "GON", "030").states({"PER", "NOR"}, ev.RENAMED_CODES) == ("PER", "NOR")


def test_parallel_agreement_on_a_hand_built_case(ev):
    pairs = [ev.Pair(str(i), "news", "sv", "en") for i in range(4)]
    sv = [[], [_event(ev, "CONSULT", ["SWE"], ["FIN"], mode="visit")], [_event(ev, "AGREE", ["SWE"])], []]
    en = [[], [_event(ev, "CONSULT", ["SWE"], ["FIN"], mode="visit")], [_event(ev, "AGREE", [])], [_event(ev, "AID")]]
    s = ev.score_parallel(pairs, sv, en).summary()
    assert (s["pairs"], s["active_pairs"], s["sides"]) == (4, 3, {"both": 2, "en only": 1})
    assert s["agreement_active"] == {"type": 0.667, "type+mode": 0.667, "type+mode+states": 0.333}
    assert s["agreement_overall"]["type+mode+states"] == 0.5


def test_a_missing_corpus_folder_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--corpus-dir", str(tmp_path / "absent")], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "corpus folder not found" in result.stderr


@needs_corpus
def test_the_script_runs_on_a_slice():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--limit", "6"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["plover_gsr"]["all"]["n"] == 6
    assert summary["ud_swedish_pud_parallel"]["pairs"] == 6
    assert summary["petrarch2_unittest"]["renamed"]["sentences"] <= 6
    assert "== PLOVER GSR" in result.stdout and "== UD Swedish-PUD" in result.stdout


@needs_corpus
def test_every_gsr_record_maps_to_a_current_plover_type(ev):
    golds = ev.load_plover(CORPUS, ev.valid_states())
    assert len(golds) == 322
    assert {g.event_type for g in golds} <= set(ev.PLOVER_TYPES)
    assert sum(g.event_type in ev.DIPLOMACY for g in golds) == 77


@needs_corpus
@pytest.mark.parametrize("metric", sorted(DIPLOMACY_FLOORS))
def test_diplomacy_subset_above_floor(ev, metric):
    golds = [g for g in ev.load_plover(CORPUS, ev.valid_states()) if g.event_type in ev.DIPLOMACY]
    report = ev.score_plover(golds, [ev.code(g.text, "en") for g in golds])
    assert report.diplomacy.summary()[metric] >= DIPLOMACY_FLOORS[metric], report.diplomacy.summary()
