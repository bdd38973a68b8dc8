"""`communique ingest/events/actors/show/export` end to end, and an ingest killed with SIGKILL."""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from store_dump import dump

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "sv"


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps(
            {
                "text": (EXAMPLES / "02_vietnam_laos_telefonsamtal.txt").read_text(encoding="utf-8"),
                "url": "https://example.org/a",
                "published": "2025-07-24",
            },
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({"url": "https://example.org/no-text"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_ingest_reports_and_is_idempotent(articles, db_url):
    first = _run("ingest", articles, "--db", db_url, "--json")
    assert first.exit_code == 1  # the empty file and two bad JSONL lines
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    assert summary["new"] == 6 and summary["failed"] == 3 and summary["duplicate"] == 1
    assert any("empty.txt" in f for f in summary["failures"])
    assert any("feed.jsonl:2" in f for f in summary["failures"])
    again = json.loads(_run("ingest", articles, "--db", db_url, "--json").stdout.strip().splitlines()[-1])
    assert again["new"] == 0 and again["duplicate"] == 7 and again["events"] == 0


def test_events_actors_show_and_export(articles, db_url, tmp_path):
    _run("ingest", articles, "--db", db_url, "--json")
    table = _run("events", "--db", db_url, "--country", "VNM")
    assert table.exit_code == 0 and "CONSULT" in table.stdout
    rows = json.loads(_run("events", "--db", db_url, "--type", "CONSULT", "--format", "json").stdout)
    assert rows and all(r["event_type"] == "CONSULT" for r in rows)
    mentions = json.loads(_run("events", "--db", db_url, "--mentions", "--format", "json", "--limit", "1000").stdout)
    clusters = json.loads(_run("events", "--db", db_url, "--format", "json", "--limit", "1000").stdout)
    assert len(clusters) <= len(mentions)
    shown = _run("show", rows[0]["id"], "--db", db_url, "--format", "json")
    assert json.loads(shown.stdout)["id"] == rows[0]["id"]
    assert "To Lam" in _run("actors", "--db", db_url, "--name", "lam").stdout
    out = tmp_path / "events.csv"
    exported = _run("export", out, "--db", db_url, "--format", "csv")
    assert exported.exit_code == 0 and out.read_text(encoding="utf-8").count("\n") >= 2


def test_unknown_event_and_bad_database_are_one_line_errors(tmp_path):
    db = f"sqlite:///{tmp_path}/x.db"
    missing = _run("show", "nope:e1", "--db", db)
    assert missing.exit_code != 0 and "no event" in missing.output and "Traceback" not in missing.output
    bad = _run("events", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert bad.exit_code != 0 and "cannot open database" in bad.output and "Traceback" not in bad.output


def _counts(path: Path) -> tuple:
    with sqlite3.connect(path) as conn:
        docs = conn.execute("select count(*) from documents").fetchone()[0]
        events = sorted(r[0] for r in conn.execute("select id from events"))
        orphans = conn.execute(
            "select count(*) from events e left join documents d on d.id = e.document_id where d.id is null"
        ).fetchone()[0]
        unclustered = conn.execute("select count(*) from events where cluster_id is null").fetchone()[0]
    return docs, events, orphans, unclustered


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_at_random_moments_then_resume_equals_a_clean_run(tmp_path, jobs):
    source = tmp_path / "in"
    source.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(path, source / path.name)
    command = [sys.executable, "-m", "communique.cli", "ingest", str(source), "--json", "--jobs", jobs]
    clean = tmp_path / "clean.db"
    subprocess.run(command[:-2] + ["--jobs", "1", "--db", f"sqlite:///{clean}"], check=True, capture_output=True)
    killed = tmp_path / "killed.db"
    rng = random.Random(7)
    for _ in range(6):
        process = subprocess.Popen(
            command + ["--db", f"sqlite:///{killed}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 2.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if killed.exists():
            with sqlite3.connect(killed) as conn:
                tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            if not tables:  # killed before the schema transaction committed: nothing half made
                continue
            assert {"documents", "events", "schema_migrations"} <= tables
            docs, events, orphans, _ = _counts(killed)
            assert orphans == 0
    subprocess.run(command + ["--db", f"sqlite:///{killed}"], check=True, capture_output=True)
    assert _counts(killed) == _counts(clean)


def test_jobs_give_the_same_store_as_one_job(tmp_path):
    """Extraction in worker processes, writes in input order: every row equal, ids and clusters included."""
    sources = [str(EXAMPLES), str(EXAMPLES.parent / "en"), str(EXAMPLES.parent / "clusters")]
    stores = {}
    for jobs in ("1", "2"):
        path = tmp_path / f"jobs{jobs}.db"
        result = _run("ingest", *sources, "--db", f"sqlite:///{path}", "--json", "--jobs", jobs)
        assert result.exit_code == 0, result.output
        stores[jobs] = dump(path)
    one, two = stores["1"], stores["2"]
    assert one.keys() == two.keys()
    for table in one:  # documents without ingested_at, which differs by design
        assert one[table] == two[table], table
    assert len(one["events"]) > 300


def test_a_bug_while_coding_costs_one_article_not_the_batch(tmp_path, monkeypatch):
    from communique.ingest import ingest
    from communique.pipeline import Pipeline
    from communique.store import Store

    pipeline = Pipeline()
    real = pipeline.process
    victim = sorted(EXAMPLES.glob("*.txt"))[1].read_text(encoding="utf-8")[:60]

    def process(doc):
        if doc.text.startswith(victim.strip()[:40]):
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline, "process", process)
    with Store(f"sqlite:///{tmp_path}/s.db") as store:
        summary = ingest([str(EXAMPLES)], store, pipeline, jobs=1)
    assert summary.failed == 1 and summary.new == len(list(EXAMPLES.glob("*.txt"))) - 1
    assert "internal error while coding (ValueError: boom)" in summary.failures[0]


def test_a_records_error_names_it_once(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>x</title><description>Saya makan nasi goreng di Jakarta setiap hari bersama keluarga saya."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    result = _run("ingest", str(feed), "--db", f"sqlite:///{tmp_path}/s.db", "--json")
    failures = json.loads(result.output.strip().splitlines()[-1])["failures"]
    assert failures and all(f.count("feed.xml") == 1 for f in failures), failures


def _marked(mark: str) -> set[int]:
    """Processes whose environment carries the mark (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    found.add(int(entry.name))
            except OSError:  # gone, or not ours to read
                continue
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc to find the workers")
def test_workers_of_a_killed_ingest_exit_too(tmp_path):
    """`ingest --jobs 2` killed with SIGKILL leaves no worker (nor worker server) waiting for work forever."""
    source = tmp_path / "in"
    source.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")) + sorted((ROOT / "examples" / "en").glob("*.txt")):
        shutil.copy(path, source / path.name)
    mark = f"COMMUNIQUE_TEST_MARK={os.getpid()}-{random.random()}"
    env = dict(os.environ, COMMUNIQUE_TEST_MARK=mark.split("=", 1)[1])
    command = [sys.executable, "-m", "communique.cli", "ingest", str(source), "--jobs", "2"]
    process = subprocess.Popen(
        command + ["--db", f"sqlite:///{tmp_path / 's.db'}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while len(_marked(mark) - {process.pid}) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)  # the worker server and its two workers
    assert process.poll() is None, "the ingest ended before its workers could be seen"
    assert len(_marked(mark) - {process.pid}) >= 3
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _marked(mark)
