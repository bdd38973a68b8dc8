"""Web load benchmark: `communique serve` over a generated 1-million-event store, hit by many concurrent clients.

    .venv/bin/python bench/bench_web.py                          # builds the store in a temp dir (~3 min)
    .venv/bin/python bench/bench_web.py --keep /tmp/bench-store   # reuses bench_store.py's store there
    .venv/bin/python bench/bench_web.py --events 200000 --seconds 10 --concurrency 16

The server is the real command (`communique serve --workers N --rate 0`), started as a subprocess on a free
port. The load comes from this process: an asyncio client that speaks plain HTTP/1.1 with keep-alive over
`--concurrency` connections (far lighter than an HTTP library, so the two cores go to the server). For each
scenario it runs `--seconds` seconds after a warm-up and reports requests/s, p50/p95/p99 latency and
failures. Scenarios:
  event-list     GET /api/events with the filter shapes analysts use (none, country, type, actor, sector,
                 date range, text), values drawn from the store, first pages and cursor pages: --paths
                 distinct requests drawn at random after a warm-up (answers are kept until the next write)
  event-list-cold the same shapes, each with a random end date: no request is repeated, nothing is cached
  dyad-timeline  GET /api/dyads/A/B/timeline for dyads drawn by how often they occur
  page-list      GET / (the HTML event list) with the same filters
Target (issue #6): >= 200 req/s and p95 < 100 ms for event-list and dyad-timeline on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import build_store, pct  # noqa: E402


def log(message: str) -> None:
    print(f"[bench_web {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------ the client


async def _request(reader, writer, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
        elif name.lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def _worker(port: int, paths, deadline: float, latencies: list, failures: list, rng) -> None:
    """`paths` is a list to draw from at random, or an iterator to take each path from once (cold)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            path = rng.choice(paths) if isinstance(paths, list) else next(paths, None)
            if path is None:
                break
            t0 = time.perf_counter()
            try:
                status = await _request(reader, writer, path)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                failures.append(f"{path}: {exc}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            latencies.append(time.perf_counter() - t0)
            if status >= 400:
                failures.append(f"{path}: HTTP {status}")
    finally:
        writer.close()


async def _load(port: int, paths, seconds: float, concurrency: int, seed: int) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    rng = random.Random(seed)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    deadline = t0 + seconds
    await asyncio.gather(*(_worker(port, paths, deadline, latencies, failures, rng) for _ in range(concurrency)))
    wall = time.perf_counter() - t0
    ms = [x * 1000 for x in latencies]
    return {
        "requests": len(ms),
        "req_per_s": round(len(ms) / wall, 1),
        "p50_ms": round(pct(ms, 0.50), 1) if ms else None,
        "p95_ms": round(pct(ms, 0.95), 1) if ms else None,
        "p99_ms": round(pct(ms, 0.99), 1) if ms else None,
        "failures": len(failures),
        "first_failures": failures[:3],
        "client_cpu_share": round((time.process_time() - cpu0) / wall, 2),
    }


# ------------------------------------------------------------------------------------------ the workload


def workload(db: Path, port: int, n: int, seed: int) -> dict[str, list[str]]:
    """Request paths per scenario, with values drawn from the store (popular and rare)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    countries = [r[0] for r in conn.execute("SELECT country FROM event_countries ORDER BY rowid LIMIT 20000")]
    types = [r[0] for r in conn.execute("SELECT DISTINCT event_type FROM events")]
    sectors = [r[0] for r in conn.execute("SELECT sector FROM event_sectors ORDER BY rowid LIMIT 5000")]
    actors = [
        r[0] for r in conn.execute("SELECT name FROM actors WHERE kind = 'person' ORDER BY events DESC LIMIT 300")
    ]
    dyads = conn.execute("SELECT dyad, count(*) AS n FROM clusters GROUP BY dyad ORDER BY n DESC LIMIT 200").fetchall()
    conn.close()
    shapes = [
        lambda: {},
        lambda: {"country": rng.choice(countries)},
        lambda: {"type": rng.choice(types)},
        lambda: {"actor": rng.choice(actors).split()[-1]},
        lambda: {"sector": rng.choice(sectors)},
        lambda: {"since": f"{rng.randint(2016, 2025)}-0{rng.randint(1, 9)}-01"},
        lambda: {"country": rng.choice(countries), "type": rng.choice(types)},
        lambda: {"q": rng.choice(["avtal", "besök", "samarbete", "agreement", "visit"])},
    ]
    lists = []
    for i in range(n):
        params = {**shapes[i % len(shapes)](), "limit": 50}
        if i % 4 == 3:  # a cursor page: follow next_cursor of the first page once, now
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?{urllib.parse.urlencode(params)}") as r:
                cursor = json.loads(r.read())["next_cursor"]
            if cursor:
                params["cursor"] = cursor
        lists.append(params)
    weights = [n_ for _, n_ in dyads]
    pairs = []
    for dyad, _ in rng.choices(dyads, weights=weights, k=n):
        sides = [s for s in dyad.replace(">", "+").split("+") if len(s) == 3]
        if len(sides) >= 2:
            pairs.append(sides[:2])
    cold = []  # every request different (no answer cache can help): the shapes with a random end date
    for i in range(n * 25):
        params = {
            **shapes[i % len(shapes)](),
            "until": f"{rng.randint(2016, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        cold.append(f"/api/events?{urllib.parse.urlencode({**params, 'limit': 50})}")
    return {
        "event-list": [f"/api/events?{urllib.parse.urlencode(p)}" for p in lists],
        "event-list-cold": cold,
        "dyad-timeline": [f"/api/dyads/{a}/{b}/timeline" for a, b in pairs],
        "page-list": [f"/?{urllib.parse.urlencode({k: v for k, v in p.items() if k != 'cursor'})}" for p in lists],
    }


# ------------------------------------------------------------------------------------------ the run


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, int]:
    from socket import socket

    with socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [
        str(ROOT / ".venv" / "bin" / "communique"),
        "serve",
        "--db",
        f"sqlite:///{db}",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--rate",
        "0",
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode()[-500:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/actors?limit=1", timeout=2).read()
            return server, port
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("server did not start in 120 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the generated store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep (and reuse) the generated store in")
    parser.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    parser.add_argument("--concurrency", type=int, default=16, help="open connections (default 16)")
    parser.add_argument("--seconds", type=float, default=20, help="timed seconds per scenario (default 20)")
    parser.add_argument("--paths", type=int, default=400, help="distinct requests per scenario (default 400)")
    parser.add_argument("--warmup", type=float, default=15, help="warm-up seconds per scenario (default 15)")
    parser.add_argument("--json", dest="as_json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="communique-bench-web-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"store-{args.events}-{args.seed}.db"
    if not (db.exists() and (workdir / f"store-{args.events}-{args.seed}.json").exists()):
        log(f"generating {args.events:,} events into {db}")
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        (workdir / f"store-{args.events}-{args.seed}.json").write_text(
            json.dumps(build_store(db, args.events, args.seed))
        )
    server, port = start_server(db, args.workers)
    result = {
        "machine": {"cpus": os.cpu_count(), "loadavg_1m": round(os.getloadavg()[0], 2)},
        "store_events": args.events,
        "workers": args.workers,
        "concurrency": args.concurrency,
        "seconds": args.seconds,
        "scenarios": {},
    }
    try:
        paths = workload(db, port, args.paths, args.seed)
        for name, urls in paths.items():
            if name.endswith("-cold"):
                log(f"{name}: {args.seconds:.0f} s at {args.concurrency} connections, no request repeated")
                stream = iter(urls)
                result["scenarios"][name] = asyncio.run(_load(port, stream, args.seconds, args.concurrency, args.seed))
                continue
            log(f"{name}: warm-up ({args.warmup:.0f} s: the answers asked for often are kept until the next write)")
            asyncio.run(_load(port, urls, args.warmup, args.concurrency, args.seed))
            log(f"{name}: {args.seconds:.0f} s at {args.concurrency} connections")
            result["scenarios"][name] = asyncio.run(_load(port, urls, args.seconds, args.concurrency, args.seed + 1))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.keep is None:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    if args.as_json:
        print(json.dumps(result, indent=2))
    else:
        print(f"web load: {args.events:,}-event store, {args.workers} server workers, {args.concurrency} connections")
        print(f"{'scenario':<15} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'fail':>5}  target")
        for name, s in result["scenarios"].items():
            target = ""
            if name in ("event-list", "event-list-cold", "dyad-timeline"):
                ok = s["req_per_s"] >= 200 and (s["p95_ms"] or 1e9) < 100
                target = ">=200 req/s, p95<100 ms: " + ("PASS" if ok else "MISS")
            print(
                f"{name:<15} {s['req_per_s']:>8} {s['p50_ms']:>8} {s['p95_ms']:>8} {s['p99_ms']:>8} "
                f"{s['failures']:>5}  {target}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
