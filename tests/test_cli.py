"""The real `communique` commands through click's CliRunner: batches with bad files, formats, stdin,
clear one-line errors, evaluation and help."""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.evaluate import FIELDS
from communique.langpack import SUPPORTED

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "sv"
GOOD = EXAMPLES / "02_vietnam_laos_telefonsamtal.txt"
OTHER = EXAMPLES / "05_vietnam_kuba_mottagning.txt"

ENGLISH = (
    "The Prime Minister of Vietnam visited Laos on Tuesday and held talks with his Lao counterpart. "
    "The two leaders agreed to strengthen cooperation in trade, energy and transport."
)
FINNISH = (
    "Vietnamin pääministeri vieraili tiistaina Laosissa ja kävi neuvotteluja laosilaisen kollegansa kanssa. "
    "Johtajat sopivat kaupan, energian ja liikenteen yhteistyön vahvistamisesta."
)
GERMAN = (
    "Der vietnamesische Premierminister besuchte am Dienstag Laos und führte Gespräche mit seinem "
    "laotischen Amtskollegen. Die beiden Politiker vereinbarten eine engere Zusammenarbeit im Handel."
)


def _invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def _jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with one good article, one empty file, one binary file and one UTF-16 article."""
    shutil.copy(GOOD, tmp_path / "a_bra.txt")
    (tmp_path / "b_tom.txt").write_bytes(b"")
    (tmp_path / "c_bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00")
    (tmp_path / "d_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + OTHER.read_text(encoding="utf-8").encode("utf-16-le"))
    (tmp_path / "e_skippad.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # not a text file: not read at all
    return tmp_path


def test_extract_batch_reports_bad_files_and_codes_the_rest(batch):
    result = _invoke("extract", str(batch))
    _no_traceback(result)
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"communique: {batch / 'b_tom.txt'}: ") and "empty" in errors[0]
    assert errors[1].startswith(f"communique: {batch / 'c_bild.txt'}: ") and "binary" in errors[1]
    docs = _jsonl(result)
    assert [d["document"]["path"] for d in docs] == [str(batch / "a_bra.txt"), str(batch / "d_utf16.txt")]
    assert all(d["events"] and d["document"]["language"] == "sv" for d in docs)
    assert "Kuba" in docs[1]["document"]["text"]
    assert "e_skippad" not in result.output


def test_extract_good_files_exit_zero_with_one_line_each():
    result = _invoke("extract", str(GOOD), str(OTHER))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    docs = _jsonl(result)
    assert [d["document"]["path"] for d in docs] == [str(GOOD), str(OTHER)]
    assert all(d["schema"] == "communique/1" for d in docs)


def test_extract_json_prints_one_array(batch):
    result = _invoke("extract", "--format", "json", str(GOOD), str(batch / "b_tom.txt"), str(OTHER))
    assert result.exit_code == 1
    docs = json.loads(result.stdout)
    assert isinstance(docs, list)
    assert [d["document"]["path"] for d in docs] == [str(GOOD), str(OTHER)]
    assert docs == _jsonl(_invoke("extract", str(GOOD), str(OTHER)))


def test_extract_json_with_no_good_input_is_an_empty_array(tmp_path):
    (tmp_path / "tom.txt").write_bytes(b"")
    result = _invoke("extract", "--format", "json", str(tmp_path / "tom.txt"))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_extract_summary():
    result = _invoke("extract", "--format", "summary", str(GOOD))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"== {GOOD}  [sv]")
    assert "persons: " in result.stdout and "Pham Minh Chinh" in result.stdout
    assert "CONSULT/phone" in result.stdout


def test_extract_reads_stdin():
    result = _invoke("extract", "-", stdin=GOOD.read_bytes())
    assert result.exit_code == 0, result.stderr
    (doc,) = _jsonl(result)
    assert doc["document"]["path"] is None
    (from_file,) = _jsonl(_invoke("extract", str(GOOD)))
    assert {**doc["document"], "path": str(GOOD)} == from_file["document"]
    assert doc["actors"] == from_file["actors"] and doc["events"] == from_file["events"]
    assert doc["events"]


def test_extract_keeps_input_order_with_stdin_in_the_middle():
    result = _invoke("extract", str(GOOD), "-", str(GOOD), stdin=OTHER.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert [d["document"]["path"] for d in _jsonl(result)] == [str(GOOD), None, str(GOOD)]


def test_extract_empty_stdin_is_one_line():
    result = _invoke("extract", "-", stdin=b"")
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == "communique: <stdin>: file is empty\n"


def test_extract_nonexistent_path(tmp_path):
    missing = tmp_path / "finns_inte.txt"
    result = _invoke("extract", str(missing), str(GOOD))
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == f"communique: {missing}: no such file or directory\n"
    assert len(_jsonl(result)) == 1


def test_extract_refuses_a_file_over_max_bytes(tmp_path):
    result = _invoke("extract", "--max-bytes", "100", str(GOOD))
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"communique: {GOOD}: ") and "100-byte limit" in line
    assert result.stdout == ""


def test_extract_unknown_forced_language_is_a_usage_error():
    result = _invoke("extract", "--lang", "xx", str(GOOD))
    _no_traceback(result)
    assert result.exit_code == 2
    assert "'xx'" in result.stderr and f"supported: {', '.join(SUPPORTED)}" in result.stderr
    assert result.stdout == ""


def test_extract_forced_swedish_works():
    result = _invoke("extract", "--lang", "sv", str(GOOD))
    assert result.exit_code == 0
    assert _jsonl(result)[0]["document"]["language"] == "sv"


@pytest.mark.parametrize(("text", "code"), [(FINNISH, "fi"), (GERMAN, "de")], ids=["finnish", "german"])
def test_extract_unsupported_language(tmp_path, text, code):
    path = tmp_path / f"{code}.txt"
    path.write_text(text, encoding="utf-8")
    result = _invoke("extract", str(path), str(GOOD))
    _no_traceback(result)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"communique: {path}: ")
    assert f"language is {code}" in line and f"supported: {', '.join(SUPPORTED)}" in line
    assert len(_jsonl(result)) == 1


def test_extract_needs_a_path():
    result = _invoke("extract")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_evaluate_prints_a_table_of_fields():
    result = _invoke("evaluate", str(ROOT / "examples" / "gold" / "sv"), "--articles", str(ROOT / "examples"))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{len(list(EXAMPLES.glob('*.txt')))} documents"
    assert lines[1].split() == ["field", "tp", "fp", "fn", "P", "R", "F1"]
    assert [line.split()[0] for line in lines[2:]] == list(FIELDS)


def test_evaluate_json():
    result = _invoke("evaluate", str(ROOT / "examples" / "gold" / "sv"), "--articles", str(ROOT / "examples"), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["totals"]) == set(FIELDS)
    assert all(0 <= row["f1"] <= 1 for row in report["totals"].values())


def test_evaluate_missing_gold_folder(tmp_path):
    result = _invoke("evaluate", str(tmp_path / "saknas"))
    _no_traceback(result)
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize(
    "command", [[], *([name] for name in sorted(main.commands))], ids=["communique", *sorted(main.commands)]
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(command, flag):
    result = _invoke(*command, flag)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    help_text = main.commands[command[0]].help if command else main.help
    first_paragraph = " ".join(help_text.split("\n\n")[0].split())
    assert first_paragraph in " ".join(result.stdout.split())  # click rewraps the text


def test_version():
    from communique import __version__

    result = _invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"communique, version {__version__}"
