"""Extraction CPU time of an older revision and of the working tree, side by side in one process.

    .venv/bin/python bench/ab_extract.py 8e43e52                 # 400 generated articles x 4 rounds
    .venv/bin/python bench/ab_extract.py HEAD~3 --docs 200 --rounds 2

On a shared machine one run of `bench_extract.py` and the next can differ by 30% in CPU time too, so
compare revisions here: the old `src/communique` is exported with `git archive` and imported under
another package name, both pipelines are warmed up (lingua's models included), and they take turns
on chunks of 25 articles. Prints docs per CPU second for each, and the ratio over all chunks and its
median and quartiles over the chunk pairs. Data files (language packs, dictionary) are read from the
working tree for both, so this compares code, not data.
"""

from __future__ import annotations

import argparse
import importlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate_corpus import generate  # noqa: E402

BASE = "communique_base"
CHUNK = 25


def export(revision: str, into: Path) -> None:
    """`src/communique` of `revision` as the package `communique_base` under `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src/communique"], capture_output=True)
    if archive.returncode:
        sys.exit(archive.stderr.decode().strip())
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    package = into / BASE
    (into / "src" / "communique").rename(package)
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b(from|import) communique\b", rf"\1 {BASE}", source), encoding="utf-8")


def pipeline(package: str):
    module = importlib.import_module(f"{package}.pipeline")
    importlib.import_module(f"{package}.language")._detector().detect_language_of("warm up the models")
    return module.Pipeline()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Old revision vs working tree, extraction CPU time.")
    parser.add_argument("revision", help="git revision to compare with (e.g. a commit id)")
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        export(args.revision, Path(tmp))
        sys.path.insert(0, tmp)
        pipes = {"old": pipeline(BASE), "new": pipeline("communique")}
        texts = generate(args.docs + 10, 7)
        for p in pipes.values():
            for text in texts[:10]:
                p.process_text(text)
        texts = texts[10:]
        total, ratios = dict.fromkeys(pipes, 0.0), []
        for _ in range(args.rounds):
            for i in range(0, len(texts), CHUNK):
                spent = {}
                for name in ("old", "new") if (i // CHUNK) % 2 else ("new", "old"):
                    start = time.process_time()
                    for text in texts[i : i + CHUNK]:
                        pipes[name].process_text(text)
                    spent[name] = time.process_time() - start
                    total[name] += spent[name]
                ratios.append(spent["old"] / spent["new"])
    n = len(texts) * args.rounds
    q1, median, q3 = statistics.quantiles(ratios, n=4)
    print(f"{args.revision}: {n / total['old']:.1f} docs per CPU second; working tree: {n / total['new']:.1f}")
    print(f"ratio {total['old'] / total['new']:.3f} (chunk pairs: median {median:.3f}, quartiles {q1:.3f}-{q3:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
