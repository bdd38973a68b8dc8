"""Scale-out benchmark: `communique ingest` end to end with --jobs 1, --jobs 2 and --dask local (2 workers),
then the Parquet path with the same three: `ingest --parquet-out DIR` (the workers write the event files, no
single writer) and `load DIR`.

    .venv/bin/python bench/bench_scale.py                   # 1,000 mixed sv/en articles (~4 KB)
    .venv/bin/python bench/bench_scale.py --docs 10000 --lang sv

Each run is the real command in a fresh subprocess (`communique ingest DIR --db sqlite:///fresh.db --json`,
start-up and worker start included; with --repeat N, N times and the fastest kept) on the same generated
folder (bench/generate_corpus.py, seeded). Reported per run: wall seconds, docs/s, MB/s of article text,
docs per core-second (docs/s divided by the cores the run may use), CPU seconds of the process tree, and
peak RSS of the main process and of the largest worker.
The Parquet runs are timed without the load (their figures are the extraction's), and each load separately;
their speed-up is against the Parquet run with one job. The stores of all runs (the Parquet ones after their
load) are compared row by row (ids, clusters, evidence): the runs must be equal.
Then bench/bench_baseline.py prints the PETRARCH2 comparison when its snapshot is present.

Targets (issue #7): >= 100 docs/s per core end to end on ~4 KB articles; scaling >= 1.8x from 1 to 2 cores.
(Issue #4: >= 80 docs/s per core including extraction, into SQLite.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate_corpus import write_corpus  # noqa: E402

RUNS = (("jobs=1", ["--jobs", "1"], 1), ("jobs=2", ["--jobs", "2"], 2), ("dask local x2", ["--dask", "local"], 2))
PARQUET_RUNS = (  # each then `load`, timed on its own
    ("jobs=1 parquet", ["--jobs", "1"], 1),
    ("jobs=2 parquet", ["--jobs", "2"], 2),
    ("dask x2 parquet", ["--dask", "local"], 2),
)


def log(message: str) -> None:
    print(f"[bench_scale {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def digest(db: Path) -> str:
    columns = "id, origin, path, source_url, title, language, published, text, near_duplicate_of"
    with sqlite3.connect(db) as conn:
        parts = [
            conn.execute(f"select {columns} from documents order by id").fetchall(),
            conn.execute("select * from events order by id").fetchall(),
            conn.execute("select * from clusters order by id").fetchall(),
            conn.execute("select * from evidence order by id").fetchall(),
        ]
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


def run(folder: Path, db: Path, options: list[str], parts: Path | None = None) -> dict:
    """One ingest into `db`; with `parts`, into Parquet event files there, then `load` into `db` (timed apart)."""
    target = ["--parquet-out", str(parts)] if parts else ["--db", f"sqlite:///{db}"]
    result = timed(["ingest", str(folder), *target, "--json", *options])
    if options[:1] == ["--jobs"] and options[1] != "1":
        result["cpu_s"] = None  # its workers are children of the forkserver, which nobody waits for
    if parts:
        result["load"] = timed(["load", str(parts), "--db", f"sqlite:///{db}", "--json"])
    return result


def timed(arguments: list[str]) -> dict:
    command = [str(ROOT / ".venv" / "bin" / "communique"), *arguments]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{arguments[0]} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 2),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 1),  # the largest process of any child tree so far
        "summary": summary,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--lang", default="mixed", choices=["sv", "en", "mixed"], help="corpus language")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-baseline", action="store_true", help="skip the PETRARCH2 comparison")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each command this many times and keep the fastest (a shared machine's noise only slows runs)",
    )
    parser.add_argument(
        "--runs",
        default=None,
        help="comma-separated run names to time (default all: "
        + ", ".join(r[0] for r in RUNS + PARQUET_RUNS)
        + "); the first of each kind is the speed-up's base",
    )
    args = parser.parse_args(argv)
    chosen = args.runs.split(",") if args.runs else [r[0] for r in RUNS + PARQUET_RUNS]

    with tempfile.TemporaryDirectory(prefix="communique-bench-scale-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        write_corpus(folder, args.docs, args.seed, args.lang)
        megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        log(f"{args.docs} {args.lang} articles, {megabytes:.1f} MB")
        results = {}
        for name, options, cores, parquet in [(*r, False) for r in RUNS] + [(*r, True) for r in PARQUET_RUNS]:
            if name not in chosen:
                continue
            log(f"ingest {name}")
            stem = name.replace(" ", "_").replace("=", "")
            tries = []
            for attempt in range(args.repeat):
                suffix = f"-{attempt}" if attempt else ""
                parts = Path(tmp) / f"{stem}{suffix}" if parquet else None
                tries.append(run(folder, Path(tmp) / f"{stem}{suffix}.db", options, parts))
            r = min(tries, key=lambda t: t["wall_s"])
            r["walls_s"] = [t["wall_s"] for t in tries]
            r["docs_per_s"] = round(args.docs / r["wall_s"], 1)
            r["docs_per_core_s"] = round(args.docs / r["wall_s"] / cores, 1)
            r["mb_per_s"] = round(megabytes / r["wall_s"], 2)
            stores = {digest(Path(tmp) / f"{stem}{f'-{a}' if a else ''}.db") for a in range(args.repeat)}
            r["store"] = stores.pop() if len(stores) == 1 else "attempts differ"
            results[name] = r
    base = results.get("jobs=1", {}).get("docs_per_s")
    parquet_base = results.get("jobs=1 parquet", {}).get("docs_per_s")
    print(f"scale-out: {args.docs} generated {args.lang} articles ({megabytes:.1f} MB), {os.cpu_count()} cores")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other processes slow every figure)")
    print(
        f"{'run':<15} {'wall s':>7} {'docs/s':>7} {'/core':>7} {'MB/s':>6} {'CPU s':>7} {'peak MB':>8} {'speed-up':>8}"
    )
    for name, r in results.items():
        against = parquet_base if "load" in r else base
        speedup = f"{r['docs_per_s'] / against:>7.2f}x" if against else ""
        cpu = r["cpu_s"] if r["cpu_s"] is not None else "-"
        print(
            f"{name:<15} {r['wall_s']:>7} {r['docs_per_s']:>7} {r['docs_per_core_s']:>7} {r['mb_per_s']:>6} "
            f"{cpu:>7} {r['peak_rss_mb']:>8} {speedup}"
        )
        if "load" in r:
            load = r["load"]
            print(
                f"{'  + load':<15} {load['wall_s']:>7} {round(args.docs / load['wall_s'], 1):>7} {'':>7} {'':>6} "
                f"{load['cpu_s']:>7} {load['peak_rss_mb']:>8}"
            )
    print("CPU s: the process tree's, except workers forked by multiprocessing's server (jobs=2), not counted: -")
    same = len({r["store"] for r in results.values()}) == 1
    print(f"stores equal across runs: {'yes' if same else 'NO'} ({next(iter(results.values()))['store']})")
    if base and "jobs=2" in results:
        per_core = results["jobs=1"]["docs_per_core_s"]
        scaling = results["jobs=2"]["docs_per_s"] / base
        print(f"target >= 100 docs/s per core (jobs=1): {'PASS' if per_core >= 100 else 'MISS'} ({per_core})")
        print(f"target >= 1.8x from 1 to 2 cores: {'PASS' if scaling >= 1.8 else 'MISS'} ({scaling:.2f}x)")
    if parquet_base and "jobs=2 parquet" in results:
        parquet_core = results["jobs=1 parquet"]["docs_per_core_s"]
        parquet_scaling = results["jobs=2 parquet"]["docs_per_s"] / parquet_base
        print(
            f"Parquet path (no single writer): {parquet_core} docs/s per core with one job "
            f"({'PASS' if parquet_core >= 100 else 'MISS'}), {parquet_scaling:.2f}x with two "
            f"({'PASS' if parquet_scaling >= 1.8 else 'MISS'})"
        )
    print(json.dumps({"docs": args.docs, "lang": args.lang, "megabytes": round(megabytes, 2), "runs": results}))
    if not args.no_baseline:
        subprocess.run([sys.executable, str(ROOT / "bench" / "bench_baseline.py")], check=False)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
