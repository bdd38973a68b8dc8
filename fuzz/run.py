"""`make fuzz`: at least --count generated inputs through extraction and ingest; exit 1 on any failure.

Three parts, run in a pool of worker processes:
  mutations   seed articles mutated (fuzz/mutate.py) through reader + Pipeline.process: most of the count
  hypothesis  the properties of fuzz/properties.py with the "fuzz" profile
  files       every hostile file (fuzz/hostile.py) through `communique ingest` (CliRunner, --jobs 1),
              and the whole folder plus good articles through the real command in a subprocess
Every input has a time limit; a failure is grouped by kind and reported with its smallest input.
Replay one mutation input with `fuzz/run.py --replay INDEX --seed SEED`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fuzz import hostile, mutate  # noqa: E402
from fuzz.checks import Failure, check_input, squash, where  # noqa: E402

CHUNK = 500
# Runs a command and writes the peak RSS (KiB) of it and its worker processes to a file.
_MEASURED = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[2:]).returncode; "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)"
)
_SUMMARY = re.compile(r"^read (\d+), new \d+, .*failed (\d+), events (\d+)$")


class Timeout(BaseException):
    """Raised by the alarm inside a slow input; a BaseException so no `except Exception` swallows it."""


@dataclass
class Found:
    kind: str
    detail: str
    source: str  # how to get the input again: "mutation 123", "hypothesis text", a file name
    sample: str  # the input itself when short, else its size


@dataclass
class Result:
    part: str
    inputs: int = 0
    found: list[Found] = field(default_factory=list)
    rss_mb: int = 0
    slowest: tuple[float, str] = (0.0, "")  # seconds, which input


# --- workers --------------------------------------------------------------------------------------

_pipeline = None


def _start_worker() -> None:
    global _pipeline
    from communique.pipeline import Pipeline

    _pipeline = Pipeline()
    for text in hostile.articles()[::10]:
        _pipeline.process_text(text)  # load both language packs before any time limit starts
    signal.signal(signal.SIGALRM, _alarm)


def _alarm(_signum, _frame):
    raise Timeout()


def _limited(seconds: float, func, *args):
    """func(*args), or a Failure when it runs over `seconds`."""
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return func(*args)
    except Timeout as exc:
        return Failure(f"timeout (over {seconds:g} s) at {where(exc)}", "input too slow")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _sample(data) -> str:
    text = repr(data)
    return text if len(text) <= 400 else f"<{type(data).__name__} of {len(data):,}>"


def _task(task: tuple) -> Result:
    kind, *args = task
    result = {"mutations": _mutations, "hypothesis": _hypothesis, "file": _file}[kind](*args)
    result.rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return result


def _mutations(seed: int, start: int, stop: int, limit: float) -> Result:
    result = Result("mutations")
    for index in range(start, stop):
        data = mutate.generate(seed, index)
        started = time.monotonic()
        failure = _limited(limit, check_input, _pipeline, data, f"mutation-{index}")
        result.slowest = max(result.slowest, (time.monotonic() - started, f"--replay {index}"))
        result.inputs += 1
        if failure:
            result.found.append(Found(failure.kind, failure.detail, f"--replay {index}", _sample(data)))
    return result


def _hypothesis(name: str, examples: int, limit: float) -> Result:
    from hypothesis import given, settings

    from fuzz.properties import properties

    strategy, prop = properties(_pipeline)[name]
    result = Result(f"hypothesis {name}")
    smallest: dict[str, Found] = {}

    @settings(settings.get_profile("fuzz"), max_examples=examples)
    @given(strategy)
    def run(value):
        result.inputs += 1
        failure = _limited(limit, prop, value)
        if failure:
            old = smallest.get(failure.kind)
            if old is None or len(_sample(value)) < len(old.sample):
                smallest[failure.kind] = Found(failure.kind, failure.detail, f"hypothesis {name}", _sample(value))
            raise AssertionError(failure.kind)

    try:
        run()
    except Exception:  # hypothesis re-raises the (shrunk) failure; the smallest inputs are kept above
        pass
    result.found = list(smallest.values())
    return result


def _file(path: str, stdin: bool, limit: float) -> Result:
    result = Result("files")
    with tempfile.TemporaryDirectory() as folder:
        found = _limited(limit, _ingest_one, Path(path), Path(folder) / "store.db", stdin, result)
    if isinstance(found, Failure):
        found = [found]
    name = ("stdin: " if stdin else "") + Path(path).name
    result.found = [Found(f.kind, f.detail, name, name) for f in found or ()]
    return result


def _ingest_one(path: Path, db: Path, stdin: bool, result: Result) -> list[Failure]:
    from click.testing import CliRunner

    from communique.cli import main

    source, data = ("-", path.read_bytes()) if stdin else (str(path), None)
    run = CliRunner().invoke(main, ["ingest", source, "--db", f"sqlite:///{db}", "--jobs", "1"], input=data)
    counts = _SUMMARY.match(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else None
    result.inputs += max(1, int(counts.group(1)) + int(counts.group(2))) if counts else 1
    problems = _output_problems(run.exit_code, run.stdout + run.stderr, run.stderr, ["<stdin>" if stdin else str(path)])
    if run.exception is not None and not isinstance(run.exception, SystemExit):
        problems.append(
            Failure(f"{type(run.exception).__name__} at {where(run.exception)}", squash(str(run.exception)))
        )
    if counts:
        problems += _store_problems(db, int(counts.group(3)))
    return problems


def _output_problems(code: int, output: str, stderr: str, names: list[str]) -> list[Failure]:
    """Exit code 0 or 1, no traceback, and every stderr line one error naming one of the inputs."""
    from communique.errors import one_line

    problems = []
    if code not in (0, 1):
        problems.append(Failure(f"exit code {code}", squash(output[-300:])))
    if "Traceback" in output:
        problems.append(Failure("traceback in output", squash(output[-300:])))
    for line in stderr.splitlines():
        if not line.startswith("communique: ") or not any(one_line(name) in line for name in names):
            problems.append(Failure("stderr line is not one error naming an input", squash(line)))
            break
    return problems


def _store_problems(db: Path, events: int) -> list[Failure]:
    """Nothing half-written: no event without its document, no rows of missing events, counts agree."""
    if not db.exists():
        return [] if events == 0 else [Failure("store missing", str(db))]
    with sqlite3.connect(db) as conn:
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents))"
            " + (SELECT count(*) FROM evidence WHERE event_id NOT IN (SELECT id FROM events))"
            " + (SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events))"
            " + (SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents))"
        ).fetchone()[0]
        stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    problems = []
    if orphans:
        problems.append(Failure("partial document in the store", f"{orphans} rows without their event or document"))
    if stored < events:
        problems.append(Failure("events reported but not stored", f"summary {events}, store {stored}"))
    return problems


# --- the batch run through the real command -------------------------------------------------------


def _batch(files: list[Path], folder: Path, limit: float) -> Result:
    """The hostile files plus good articles in one `communique ingest` (default --jobs), in a subprocess."""
    from communique import reader

    corpus, good = folder / "batch", folder / "good"
    corpus.mkdir(), good.mkdir()
    for path in files:
        (corpus / path.name).symlink_to(path)
    expected = set()
    for number, text in enumerate(hostile.articles()):
        (good / f"{number:02}.txt").write_text(text, encoding="utf-8")
        expected.add(reader.from_text(text).id)
    db, peak = folder / "batch.db", folder / "peak"
    command = [sys.executable, "-c", _MEASURED, str(peak), str(Path(sys.executable).with_name("communique"))]
    command += ["ingest", str(corpus), str(good), "--db", f"sqlite:///{db}"]
    result = Result("batch")
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        result.found.append(Found(f"batch ingest over {limit:g} s", "", "batch", str(corpus)))
        return result
    result.rss_mb = int(peak.read_text()) // 1024
    result.rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    counts = _SUMMARY.match(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else None
    result.inputs = int(counts.group(1)) + int(counts.group(2)) if counts else 0
    problems = _output_problems(run.returncode, run.stdout + run.stderr, run.stderr, [str(corpus), str(good)])
    problems += _store_problems(db, int(counts.group(3)) if counts else 0)
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM documents")}
    if expected - stored:
        problems.append(Failure("good articles of the batch not stored", f"{len(expected - stored)} missing"))
    result.found = [Found(p.kind, p.detail, "batch", str(corpus)) for p in problems]
    return result


# --- main -----------------------------------------------------------------------------------------


def _tasks(args, files: list[Path]) -> list[tuple]:
    hypothesis_share = args.count // 10
    names = ["text", "bytes", "jsonl-line", "markup", "feed-file", "warc-file", "warc-gz-file", "jsonl-file"]
    weights = {"text": 3, "bytes": 2}
    per = hypothesis_share // sum(weights.get(n, 1) for n in names)
    tasks: list[tuple] = [("hypothesis", n, per * weights.get(n, 1), args.timeout) for n in names]
    tasks += [("file", str(p), False, args.file_timeout) for p in files]
    tasks += [("file", str(p), True, args.file_timeout) for p in files if p.stat().st_size < 2_000_000][::3]
    mutations = max(0, args.count - hypothesis_share - 2 * len(files))
    tasks += [
        ("mutations", args.seed, start, min(start + CHUNK, mutations), args.timeout)
        for start in range(0, mutations, CHUNK)
    ]
    return tasks


def _report(results: list[Result], seconds: float, workers: int) -> int:
    inputs = Counter()
    kinds: dict[str, list[Found]] = {}
    for result in results:
        inputs[result.part.split()[0]] += result.inputs
        for found in result.found:
            kinds.setdefault(found.kind, []).append(found)
    print(f"\ninputs: {sum(inputs.values()):,} ({', '.join(f'{part} {n:,}' for part, n in inputs.items())})")
    print(f"time: {seconds:.0f} s on {workers} workers")
    print(f"peak RSS: worker {max(r.rss_mb for r in results)} MB, batch ingest {_batch_rss(results)} MB")
    seconds, which = max(r.slowest for r in results)
    print(f"slowest generated input: {seconds:.1f} s ({which})")
    print(f"failures: {sum(len(v) for v in kinds.values())} in {len(kinds)} kinds")
    for kind, found in sorted(kinds.items(), key=lambda item: -len(item[1])):
        smallest = min(found, key=lambda f: len(f.sample))
        print(f"  {len(found):6}  {kind}\n          {smallest.detail}\n          {smallest.source}: {smallest.sample}")
    return 1 if kinds else 0


def _batch_rss(results: list[Result]) -> int:
    return max((r.rss_mb for r in results if r.part == "batch"), default=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="generated inputs in all (default 100,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds one generated input may take")
    parser.add_argument("--file-timeout", type=float, default=120.0, help="seconds one hostile file may take")
    parser.add_argument(
        "--replay", type=int, default=None, metavar="INDEX", help="show one mutation input and its result"
    )
    args = parser.parse_args(argv)
    if args.replay is not None:
        return _replay(args.seed, args.replay)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="communique-fuzz-") as folder:
        files = hostile.write_corpus(Path(folder, "corpus"), args.seed)
        print(f"{len(files)} hostile files written in {time.monotonic() - started:.0f} s", flush=True)
        results: list[Result] = []
        context = multiprocessing.get_context("spawn")
        with context.Pool(args.workers, initializer=_start_worker, maxtasksperchild=50) as pool:
            for number, result in enumerate(pool.imap_unordered(_task, _tasks(args, files)), 1):
                results.append(result)
                if number % 20 == 0:
                    done = sum(r.inputs for r in results)
                    print(f"  {done:,} inputs, {time.monotonic() - started:.0f} s", flush=True)
        # Files too slow on their own are reported above; the batch checks that the rest is all stored.
        slow = {f.source for r in results for f in r.found if f.kind.startswith("timeout")}
        batch = _batch([p for p in files if p.name not in slow], Path(folder), 10 * args.file_timeout)
        results.append(batch)
        print(f"batch ingest: {batch.inputs:,} inputs, {time.monotonic() - started:.0f} s", flush=True)
    return _report(results, time.monotonic() - started, args.workers)


def _replay(seed: int, index: int) -> int:
    from communique.pipeline import Pipeline

    data = mutate.generate(seed, index)
    print(repr(data))
    failure = check_input(Pipeline(), data, f"mutation-{index}")
    print(failure or "ok")
    return 1 if failure else 0


if __name__ == "__main__":
    sys.exit(main())
