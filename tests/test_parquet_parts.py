"""`ingest --parquet-out DIR` on a real Dask LocalCluster (2 worker processes) and `load DIR`: the loaded
store equals a single-process ingest row by row; reruns resume; bad directories are one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from store_dump import dump

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
pyarrow_dataset = pytest.importorskip("pyarrow.dataset", reason="pyarrow is not installed")

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = ROOT / "examples" / "clusters" / "sv"  # wire stories and their reprints: near-duplicates
ORIGINAL = CLUSTERS / "G1_b_paetongtarn_fem_avtal_tt.txt"
PARTS = ("--files-per-part", "4", "--json")  # 32 files, 8 parts: the last repeats an article of the first


def _run(*args) -> tuple[int, dict | None, str]:
    """Exit code, the JSON summary (last line of stdout) and all output of one command."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None
    return result.exit_code, summary, result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """About 30 articles: a near-duplicate, an exact copy in another file and in one JSONL file, bad inputs."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CLUSTERS, root / "clusters")
    shutil.copy(ORIGINAL, root / "z_exact_copy.txt")
    text = ORIGINAL.read_text(encoding="utf-8")
    (root / "z_near_copy.txt").write_text(text.replace("\n", "\nUppdaterad.\n", 1), encoding="utf-8")
    record = json.dumps({"text": text}, ensure_ascii=False)
    lines = [record, "{not json", record]  # the second copy is a duplicate within one unit
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> tuple[dict, dict]:
    """The summary and the store of one process ingesting the corpus."""
    path = tmp_path_factory.mktemp("single") / "one.db"
    code, summary, output = _run("ingest", corpus, "--db", f"sqlite:///{path}", "--json", "--jobs", "1")
    assert code == 1, output  # the bad inputs
    return summary, dump(path)


@pytest.fixture(scope="module")
def parts(corpus, dask_cluster, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parts") / "out"
    code, summary, output = _run(
        "ingest", corpus, "--parquet-out", out, "--dask", dask_cluster.scheduler_address, *PARTS
    )
    assert code == 1 and summary["written"] == summary["units"] == 8, output
    return out


def _load(parts: Path, db: Path) -> tuple[int, dict, str]:
    return _run("load", parts, "--db", f"sqlite:///{db}", "--json")


def test_loaded_parts_equal_the_single_process_store(parts, single, tmp_path):
    code, summary, output = _load(parts, tmp_path / "a.db")
    assert code == 1, output
    assert summary == single[0]  # the same counts and the same failures, in the same order
    assert summary["duplicate"] == 3 and summary["near_duplicate"] > 0 and summary["failed"] == 2
    assert dump(tmp_path / "a.db") == single[1]


def test_event_files_hold_the_stores_events(parts, single):
    from communique.eventfiles import arrow
    from communique.export.tabular import parquet_schema

    table = pyarrow_dataset.dataset(parts / "events", format="parquet").to_table()
    assert table.schema == parquet_schema(arrow()[0])  # the columns of `export --format parquet`
    stored = sorted(row[0] for row in single[1]["events"])
    assert sorted(table.column("id").to_pylist()) == stored and len(stored) > 50


def test_load_twice_changes_nothing(parts, single, tmp_path):
    _load(parts, tmp_path / "twice.db")
    code, summary, _ = _load(parts, tmp_path / "twice.db")
    assert summary["new"] == 0 and summary["events"] == 0 and code == 1
    assert dump(tmp_path / "twice.db") == single[1]


def test_rerun_writes_nothing_new_and_remakes_a_deleted_part(parts, corpus, single, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(parts, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    _, summary, _ = _run("ingest", corpus, "--parquet-out", out, "--jobs", "1", *PARTS)
    assert summary["written"] == 0 and summary["skipped"] == 8
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before
    (out / "events" / "part-000003.parquet").unlink()
    _, summary, _ = _run("ingest", corpus, "--parquet-out", out, "--jobs", "1", *PARTS)
    assert summary["written"] == 1 and (out / "events" / "part-000003.parquet").exists()
    _load(out, tmp_path / "remade.db")
    assert dump(tmp_path / "remade.db") == single[1]


@pytest.mark.parametrize(
    ("source", "options", "message"),
    [
        (ORIGINAL, ("--files-per-part", "4"), "holds the parts of other sources"),
        (None, ("--files-per-part", "5"), "holds the parts of --files-per-part 4"),
    ],
    ids=["other-sources", "other-grouping"],
)
def test_other_inputs_into_the_same_directory_is_one_line(parts, corpus, tmp_path, source, options, message):
    out = tmp_path / "copy"
    shutil.copytree(parts, out)
    code, _, output = _run("ingest", source or corpus, "--parquet-out", out, "--jobs", "1", *options)
    assert code == 2 and message in output
    assert len(output.strip().splitlines()) == 1 and "Traceback" not in output


def test_a_corrupt_part_is_one_line_naming_it(parts, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(parts, out)
    broken = out / "documents" / "part-000005.parquet"
    broken.write_bytes(b"PAR1 this is not parquet")
    code, _, output = _load(out, tmp_path / "x.db")
    assert code == 2 and str(broken) in output and "not a readable documents part" in output
    assert "Traceback" not in output and len(output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "{tmp}/nowhere", "--db", "sqlite:///{tmp}/x.db"], "not a parts directory"),
        (["ingest", "-", "--parquet-out", "{tmp}/out", "--jobs", "1"], "cannot read '-' (stdin)"),
        (["ingest", "{tmp}", "--parquet-out", "{tmp}/out", "--db", "sqlite:///{tmp}/x.db"], "writes no database"),
    ],
    ids=["missing-directory", "stdin", "db-with-parquet-out"],
)
def test_unusable_inputs_are_one_line(tmp_path, args, message):
    code, _, output = _run(*[a.format(tmp=tmp_path) for a in args])
    assert code == 2 and message in output and "Traceback" not in output


def test_records_keep_the_names_ingest_gives_relative_sources(corpus, tmp_path, monkeypatch):
    """Workers open files by absolute path, but origins and paths are the sources as typed: the loaded store
    equals a single-process ingest run from the same folder with the same relative sources."""
    monkeypatch.chdir(corpus.parent)
    sources = [f"{corpus.name}/clusters", f"{corpus.name}/feed.jsonl", f"{corpus.name}/missing.txt"]
    code, single_summary, output = _run("ingest", *sources, "--db", f"sqlite:///{tmp_path}/one.db", "--json")
    assert code == 1, output
    code, _, output = _run("ingest", *sources, "--parquet-out", tmp_path / "out", "--jobs", "1", *PARTS)
    assert code == 1, output
    code, summary, output = _load(tmp_path / "out", tmp_path / "loaded.db")
    stored = dump(tmp_path / "loaded.db")
    assert stored == dump(tmp_path / "one.db")
    assert all(not origin.startswith("/") for _, origin, *_ in stored["documents"])
    assert sorted(summary["failures"]) == sorted(single_summary["failures"])


def test_a_big_json_lines_shard_is_split_into_runs_of_lines(tmp_path, monkeypatch):
    """A shard over the unit size becomes several units of whole lines (a worker holds one, not the file),
    numbered as in the whole file: bad lines are named by their line, and the store is the one-process one."""
    from communique import units

    texts = [p.read_text(encoding="utf-8") for p in sorted(CLUSTERS.glob("*.txt"))]
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    lines[3:3] = ["{not json", ""]  # a bad line and a blank one in the first run
    lines.append(json.dumps({"title": "no text"}))
    shard = tmp_path / "shard.jsonl"
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(units, "UNIT_BYTES", shard.stat().st_size // 5)
    assert len(units.units([str(shard)])) >= 5

    code, single_summary, output = _run("ingest", shard, "--db", f"sqlite:///{tmp_path}/one.db", "--json")
    assert code == 1, output
    code, summary, output = _run("ingest", shard, "--parquet-out", tmp_path / "out", "--jobs", "1", "--json")
    assert code == 1 and summary["units"] >= 5, output
    code, loaded, output = _load(tmp_path / "out", tmp_path / "loaded.db")
    assert dump(tmp_path / "loaded.db") == dump(tmp_path / "one.db")
    assert loaded["failures"] == single_summary["failures"]
    assert any("shard.jsonl:4" in failure for failure in loaded["failures"])
