"""Property tests (hypothesis, "ci" profile: few examples, derandomized, no example database) and one
regression test per bug `make fuzz` found, each with the smallest input that showed it."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the fuzz package lives next to tests/, not in src/
    sys.path.insert(0, str(ROOT))

from fuzz import properties as props  # noqa: E402
from fuzz.hostile import SV, warc_bytes  # noqa: E402

from communique import reader  # noqa: E402
from communique.cli import main  # noqa: E402
from communique.errors import InputError  # noqa: E402
from communique.pipeline import Pipeline  # noqa: E402
from communique.settings import Settings  # noqa: E402
from communique.sources import SourceRecord, iter_records  # noqa: E402

PIPELINE = Pipeline()
CI = settings.get_profile("ci")


# --- properties -----------------------------------------------------------------------------------


@settings(CI, max_examples=60)
@given(props.any_text)
def test_extraction_returns_a_document_or_one_error(text):
    assert props.text_property(PIPELINE, text) is None


@settings(CI)
@given(props.raw_bytes)
def test_any_bytes_decode_to_a_document_or_one_error(data):
    assert props.bytes_property(PIPELINE, data) is None


@settings(CI)
@given(props.jsonl_lines)
def test_any_jsonl_line_is_a_record_or_one_error(line):
    assert props.jsonl_property(line) is None


@settings(CI, max_examples=20)
@given(props.markup)
def test_any_markup_is_a_record_or_one_error(page):
    assert props.markup_property(page) is None


@settings(CI, max_examples=20)
@given(props.feed_files)
def test_any_feed_is_records_or_one_line_errors(data):
    assert props.file_property(".xml", data) is None


@settings(CI, max_examples=20)
@given(props.warc_gz_files)
def test_any_damaged_warc_is_records_then_one_error(data):
    assert props.file_property(".warc.gz", data) is None


# --- regressions found by `make fuzz` -------------------------------------------------------------


def _ingest(tmp_path, *sources):
    db = tmp_path / "store.db"
    run = CliRunner().invoke(main, ["ingest", *map(str, sources), "--db", f"sqlite:///{db}", "--jobs", "1"])
    return run, db


def test_jsonl_number_over_python_digit_limit_is_one_error_not_a_crash(tmp_path):
    # json.loads raises ValueError (not JSONDecodeError) for integers over 4,300 digits: was exit 3.
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "x", "n": ' + "9" * 4301 + "}\n" + json.dumps({"text": SV}) + "\n")
    run, db = _ingest(tmp_path, path)
    assert run.exit_code == 1, run.output
    assert f"communique: {path}:1: JSON has a number too long to read" in run.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_lone_surrogates_from_json_escapes_are_replaced():
    # A lone surrogate cannot be encoded as UTF-8: document_id() raised UnicodeEncodeError.
    doc = reader.from_text("a \ud800 b")
    assert doc.text == "a \ufffd b"


def test_jsonl_with_lone_surrogates_is_stored(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "' + SV + ' \\udfff", "title": "\\ud800", "url": "\\udc00"}\n')
    run, db = _ingest(tmp_path, path)
    assert run.exit_code == 0, run.output
    title, url = sqlite3.connect(db).execute("SELECT title, source_url FROM documents").fetchone()
    assert (title, url) == ("\ufffd", "\ufffd")


def test_feed_date_feedparser_reads_as_year_minus_one_is_no_date(tmp_path):
    # feedparser turns "0000-00-00" into a struct with year -1; date() raised ValueError: was exit 3.
    path = tmp_path / "a.rss"
    path.write_text(f"<rss><channel><item><pubDate>0000-00-00</pubDate><description>{SV}</description></item>")
    (record,) = iter_records(str(path))
    assert isinstance(record, SourceRecord) and record.published is None


def test_warc_with_wrong_content_length_prints_no_warning(tmp_path, capfd):
    # warcio wrote a five-line warning to stderr itself, between the one-line errors.
    whole = warc_bytes([f"<html><body><article><p>{SV}</p></article></body></html>".encode()], gzip_file=False)
    path = tmp_path / "a.warc"
    path.write_bytes(whole.replace(b"Content-Length: ", b"Content-Length: -", 1))
    (error,) = iter_records(str(path))
    assert isinstance(error, InputError) and "byte offset 0" in error.reason
    assert capfd.readouterr().err == ""


def test_error_naming_a_file_with_a_line_break_stays_one_line(tmp_path):
    path = tmp_path / "a\nb\u2028.txt"
    path.write_bytes(b"")
    run, _db = _ingest(tmp_path, path)
    assert run.stderr.splitlines() == [f"communique: {tmp_path}/a\\nb\\u2028.txt: file is empty"]


@contextmanager
def _at_most(seconds: float):
    """Fail with TimeoutError when the block runs longer than `seconds`: a guard against inputs that made
    a regex backtrack for minutes, with a limit far above the normal time (speed itself is measured by
    the benchmarks and by `make fuzz`, which also runs the 38,000-sentence file)."""

    def alarm(_signum, _frame):
        raise TimeoutError(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_long_run_of_full_stops_is_split_in_linear_time():
    # mutation input 826 of seed 0: 50,000 full stops took over 20 s in extract/sentences.py (_END backtracked).
    with _at_most(10):
        PIPELINE.process_text(SV + "." * 30_000 + "x")


def test_impossible_date_in_a_dateline_is_no_date():
    # mutation input 11207 of seed 0: "stockholm,\r31\rAPRIL\r2025\r(tt) ..."; smallest: "31 april 2025".
    doc = Pipeline(settings=Settings(language="sv")).process_text("31 april 2025")
    assert doc.published is None


def test_visit_length_with_thousands_of_digits_is_not_a_crash():
    # mutation input 11204 of seed 0 (a 57,908-digit run) took over 5 s in the duration pattern; int() of
    # more than 4,300 digits raised ValueError.
    text = "Ulf Kristersson besökte Finland den 9 oktober 2025, ett " + "9" * 4301 + " dagar långt besök."
    with _at_most(10):
        Pipeline(settings=Settings(language="sv")).process_text(text.replace("9" * 4301, "1" * 60_000 + " x"))
    Pipeline(settings=Settings(language="sv")).process_text(text)


def test_feed_with_a_surrogate_character_reference_is_read(tmp_path):
    # hypothesis feed-file: feedparser's loose parser raised UnicodeEncodeError on "&#xD800;".
    path = tmp_path / "a.rss"
    path.write_text(f"<rss><channel><item><title>&#xD800;</title><description>{SV} &#55296;</description></item>")
    (record,) = iter_records(str(path))
    assert record.title == "\ufffd" and record.text.endswith("\ufffd")


def test_warc_header_warnings_are_not_printed(tmp_path):
    # warcio logs "Replacing spaces in invalid WARC-Target-URI"; with no handler Python printed it on stderr.
    whole = warc_bytes([f"<html><body><article><p>{SV}</p></article></body></html>".encode()], gzip_file=False)
    path = tmp_path / "a.warc"
    path.write_bytes(whole.replace(b"https://fuzz.example/1", b"https://fuzz.example/a b", 1))
    # a subprocess: pytest's own log handlers would hide Python's last-resort printing
    code = f"from communique.sources import iter_records; list(iter_records({str(path)!r}))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr == ""
