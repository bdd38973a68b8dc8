"""The same input gives the same output in every process, whatever Python's string hash seed.

Worker processes (--jobs, Dask) each have their own seed; their output must equal a single process's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate_corpus import write_corpus  # noqa: E402


def _extract(folder: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "communique.cli", "extract", str(folder), "--format", "jsonl"]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 150, 23, "mixed")
    for example in (ROOT / "examples" / "sv").glob("*.txt"):
        (corpus / example.name).write_bytes(example.read_bytes())
    outputs = {_extract(corpus, seed) for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and outputs.pop().count("\n") == 150 + len(list((ROOT / "examples" / "sv").glob("*.txt")))
