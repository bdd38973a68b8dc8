"""What the worker server loads once before it forks the workers of `ingest --jobs` (and `--parquet-out`).

Each spawned worker spent about two seconds of CPU importing the package, loading every language's pack
and coding its first article (patterns and matchers made on first use), once per worker and run. The worker
server (multiprocessing's forkserver) imports this module first: it codes one short article per language
(`data/warm_up.yaml`) and every worker forked from it starts with all of that, shared copy-on-write. The
server is a fresh process, not a fork of the caller, so no database connection or thread is copied.
"""

from __future__ import annotations

from importlib import resources

import yaml

from . import ingest  # noqa: F401 - what `code_one` runs (parallel imports it on first use)
from .parallel import _pipeline
from .settings import Settings


def warm_up() -> None:
    path = resources.files("communique") / "data" / "warm_up.yaml"
    samples = yaml.safe_load(path.read_text(encoding="utf-8"))
    pipeline = _pipeline(Settings())  # the one `code_one` uses with the default settings
    for text in samples.values():
        pipeline.process_text(text)


try:
    warm_up()
except Exception:  # noqa: BLE001 - a worker that loads its own resources reports what is wrong, per document
    pass
