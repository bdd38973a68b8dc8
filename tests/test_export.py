"""Export formats, on events the real extractor codes from a Swedish example article.

Expectations are derived from the event dicts (ids, dates, codes), never hard-coded from the output.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from communique import extract
from communique.errors import CommuniqueError
from communique.export import FORMATS, write
from communique.export.tabular import CSV_COLUMNS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sv" / "03_vietnam_frankrike_statsbesok.txt"
TEXT_FORMATS = [f for f in FORMATS if f != "parquet"]


def stored_events(coded: dict, published: str | None = "2025-05-28") -> list[dict]:
    """Event dicts as the store hands them to exports: contract fields plus the store's own."""
    actors = {a["id"]: a for a in coded["actors"]}
    events = []
    for number, event in enumerate(coded["events"]):
        extra = {
            "document_id": coded["document"]["id"],
            "cluster_id": f"c{number + 1}" if number % 2 else None,
            "source_url": coded["document"]["source_url"],
            "published": published,
        }
        for role in ("actor", "recipient"):
            extra[f"{role}_names"] = [actors[i]["name"] for i in event[role]]
            extra[f"{role}_sectors"] = [actors[i]["sector"] for i in event[role]]
        events.append(event | extra)
    return events


@pytest.fixture(scope="module")
def coded() -> dict:
    return extract(EXAMPLE.read_text(encoding="utf-8")).to_dict()


@pytest.fixture
def events(coded) -> list[dict]:
    return stored_events(coded)


@pytest.fixture
def visit(events) -> dict:
    found = [e for e in events if (e["event_type"], e["mode"], e["cameo"]) == ("CONSULT", "visit", "042")]
    assert found, "the example's state visit must be coded as CONSULT/visit 042"
    return found[0]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# jsonl


def test_jsonl_round_trips_the_dicts_in_contract_order(events, tmp_path):
    out = tmp_path / "events.jsonl"
    assert write(events, "jsonl", out) == len(events)
    records = [json.loads(line) for line in read_lines(out)]
    assert records == events
    assert list(records[0])[:3] == ["id", "event_type", "mode"]
    assert "ä" in out.read_text(encoding="utf-8")  # ensure_ascii=False


def test_jsonl_writes_dates_given_as_objects(events, tmp_path):
    events[0]["published"] = date(2025, 5, 28)
    write(events[:1], "jsonl", tmp_path / "e.jsonl")
    assert json.loads(read_lines(tmp_path / "e.jsonl")[0])["published"] == "2025-05-28"


# csv


def test_csv_has_one_flat_row_per_event(events, visit, tmp_path):
    out = tmp_path / "events.csv"
    assert write(events, "csv", out) == len(events)
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert len(rows) == len(events)
    row = next(r for r in rows if r["id"] == visit["id"])
    assert row["date_start"] == visit["date"]["start"]
    assert row["date_end"] == visit["date"]["end"]
    assert row["actor_names"] == ";".join(visit["actor_names"])
    assert row["recipient_country"] == ";".join(visit["recipient_country"])
    assert row["location_name"] == visit["location"]["name"]
    assert row["text"] == visit["text"]  # commas and non-ASCII survive RFC 4180 quoting
    assert float(row["confidence"]) == visit["confidence"]


def test_csv_quantities_read_as_value_and_unit(events, tmp_path):
    counted = next(e for e in events if len(e["quantities"]) >= 2)
    write([counted], "csv", tmp_path / "q.csv")
    with (tmp_path / "q.csv").open(encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["quantities"] == "; ".join(f"{q['value']} {q['unit']}" for q in counted["quantities"])


# parquet


def test_parquet_has_typed_columns(events, visit, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    assert write(events, "parquet", out) == len(events)
    table = pq.read_table(out)
    assert table.num_rows == len(events)
    schema = table.schema
    assert schema.field("id").type == pa.string()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("published").type == pa.date32()
    assert schema.field("context").type == pa.list_(pa.string())
    assert schema.field("cluster_id").type == pa.string()
    assert pa.types.is_struct(schema.field("quantities").type.value_type)
    row = next(r for r in table.to_pylist() if r["id"] == visit["id"])
    assert row["date_start"] == date.fromisoformat(visit["date"]["start"])
    assert row["actor_names"] == visit["actor_names"]
    assert row["evidence"][0]["start"] == visit["evidence"][0]["start"]


def test_parquet_needs_a_path(events):
    with pytest.raises(CommuniqueError, match="path"):
        write(events, "parquet", "-")


def test_parquet_without_pyarrow_says_what_to_install(events, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(CommuniqueError, match=r"communique\[parquet\]"):
        write(events, "parquet", tmp_path / "e.parquet")
    assert not list(tmp_path.iterdir())


# plover


def test_plover_maps_fields_to_plover_names(events, visit, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    assert write(events, "plover", out) == len(events)
    records = {r["id"]: r for r in map(json.loads, read_lines(out))}
    record = records[visit["id"]]
    assert record["event"] == ["CONSULT"]
    assert record["mode"] == ["visit"]
    assert record["quad_code"] == 1
    assert record["date"] == visit["date"]["start"]
    assert record["context"] == visit["context"]
    assert record["text"] == visit["text"]
    assert record["event_text"] == [span["text"] for span in visit["evidence"]]
    assert record["event_loc"]["country_code"] == visit["location"]["country"]
    assert record["cite_info"]["url"] == visit["source_url"]
    first = record["actor"][0]
    assert first["identifier_text"] == visit["actor_names"][0]
    assert (first["code"], first["sector"]) == (visit["actor_country"][0], visit["actor_sectors"][0])
    assert [r["identifier_text"] for r in record["recipient"]] == visit["recipient_names"]


def test_plover_exports_events_without_cameo_and_marks_modality(events, tmp_path):
    events[1] |= {"cameo": None, "modality": "future", "date": None}
    out = tmp_path / "p.jsonl"
    assert write(events[:2], "plover", out) == 2
    record = json.loads(read_lines(out)[1])
    assert "cameo" not in record
    assert record["context"][-1] == "future"
    assert record["date"] is None  # required, so kept even when unknown


# cameo


def test_cameo_visit_line_is_petrarch_style(events, visit, tmp_path):
    out = tmp_path / "events.tsv"
    coded = [e for e in events if e["cameo"]]
    assert write(events, "cameo", out) == len(coded)
    lines = [line.split("\t") for line in read_lines(out)]
    assert all(len(columns) == 8 for columns in lines)
    expected = [
        visit["date"]["start"].replace("-", ""),
        visit["actor_country"][0] + visit["actor_sectors"][0],
        visit["recipient_country"][0] + visit["recipient_sectors"][0],
        "042",
    ]
    assert expected in [columns[:4] for columns in lines]
    visit_lines = [c for c in lines if c[5] == visit["id"]]
    assert len(visit_lines) == len({(c[1], c[2]) for c in visit_lines})  # one line per distinct pair
    assert visit_lines[0][6] == visit["source_url"]


def test_cameo_skips_events_without_code_and_marks_missing_target(events, tmp_path):
    first, second = events[0], events[1]
    first |= {"recipient": [], "recipient_country": [], "recipient_names": [], "recipient_sectors": []}
    second["cameo"] = None
    out = tmp_path / "c.tsv"
    assert write([first, second], "cameo", out) == 1
    (line,) = read_lines(out)
    assert line.split("\t")[2] == "---"


def test_cameo_codes_use_each_actors_own_country(visit, tmp_path):
    event = copy.deepcopy(visit)
    event |= {
        "actor": event["actor"] + ["x1"],
        "actor_names": event["actor_names"] + ["European Union"],
        "actor_sectors": event["actor_sectors"] + ["IGO"],
        "actor_countries": event["actor_country"][:1] * len(event["actor"]) + [None],
    }
    write([event], "cameo", tmp_path / "c.tsv")
    sources = {line.split("\t")[1] for line in read_lines(tmp_path / "c.tsv")}
    assert sources == {visit["actor_country"][0] + visit["actor_sectors"][0], "IGO"}


def test_cameo_codes_states_when_actors_cannot_be_matched_to_them(visit, tmp_path):
    event = copy.deepcopy(visit)
    states = [*visit["actor_country"], *visit["recipient_country"]]
    event |= {
        "actor": ["x1", "x2", "x3"],
        "actor_names": ["One", "Two", "Stateless"],
        "actor_sectors": ["GOV", "GOV", "GOV"],
        "actor_country": states,
    }
    write([event], "cameo", tmp_path / "c.tsv")
    sources = [line.split("\t")[1] for line in read_lines(tmp_path / "c.tsv")]
    assert list(dict.fromkeys(sources)) == [state + "GOV" for state in states]


# destinations and errors


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failing_event_stream_leaves_no_file(events, fmt, tmp_path):
    def broken():
        yield from events[:3]
        raise RuntimeError("source failed midway")

    with pytest.raises(RuntimeError):
        write(broken(), fmt, tmp_path / "out")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bad_event_names_itself_and_keeps_the_old_file(events, fmt, tmp_path):
    out = tmp_path / "out"
    out.write_text("previous export")
    bad = {k: v for k, v in events[2].items() if k != "event_type"}
    with pytest.raises(CommuniqueError, match=repr(bad["id"])):
        write([*events[:2], bad, *events[3:]], fmt, out)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_dash_writes_to_stdout(events, fmt, capsys, tmp_path):
    write(events, fmt, tmp_path / "file")
    count = write(events, fmt, "-")
    assert count > 0
    assert capsys.readouterr().out == (tmp_path / "file").read_bytes().decode("utf-8")


def test_streams_text_and_binary(events):
    text, binary = io.StringIO(), io.BytesIO()
    assert write(events, "jsonl", text) == write(events, "jsonl", binary) == len(events)
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    assert not binary.closed


def test_unknown_format_lists_the_formats(events, tmp_path):
    with pytest.raises(CommuniqueError) as info:
        write(events, "xml", tmp_path / "e.xml")
    message = str(info.value)
    assert "\n" not in message and "xml" in message
    assert all(fmt in message for fmt in FORMATS)


def test_unwritable_path_is_a_communique_error(events, tmp_path):
    with pytest.raises(CommuniqueError, match="cannot write"):
        write(events, "jsonl", tmp_path / "missing" / "e.jsonl")
