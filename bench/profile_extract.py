"""Where extraction spends its time: per-stage wall time and a cProfile of the hot path.

    .venv/bin/python bench/profile_extract.py                    # 600 generated articles, top 30 functions
    .venv/bin/python bench/profile_extract.py --docs 1000 --top 40 --dump /tmp/extract.prof

Per-stage times come from running the stages of `communique.pipeline.STAGES` one by one (the same order
`Pipeline.process` uses), with reading (`reader.from_text`) and language detection timed as stages of their
own. The cProfile pass runs `Pipeline.process_text` over the same articles (profiling overhead inflates the
absolute times, roughly 2x; the shares are what matters).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate  # noqa: E402

from communique import language, reader  # noqa: E402
from communique.pipeline import Pipeline, resources_for  # noqa: E402


def stage_times(pipeline: Pipeline, texts: list[str]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    for text in texts:
        t = clock()
        doc = reader.from_text(text, None)
        totals["read"] += clock() - t
        t = clock()
        language.run(doc, pipeline.settings.language)
        res = resources_for(doc.language)
        totals["language"] += clock() - t
        for stage in pipeline.stages:
            t = clock()
            doc = stage.run(doc, res)
            totals[stage.name] += clock() - t
    return dict(totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile communique extraction on generated articles.")
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=30, help="functions to list (default 30)")
    parser.add_argument("--dump", type=Path, default=None, help="also write the raw cProfile stats here")
    args = parser.parse_args(argv)

    texts = generate(args.docs + 5, args.seed)
    warm, texts = texts[:5], texts[5:]
    pipeline = Pipeline()
    for text in warm:
        pipeline.process_text(text)

    totals = stage_times(pipeline, texts)
    total = sum(totals.values())
    print(f"per-stage wall time over {len(texts)} articles ({len(texts) / total:.1f} docs/s without profiler)")
    print(f"  {'stage':<12} {'ms/doc':>8} {'share':>7}")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<12} {seconds / len(texts) * 1000:8.3f} {seconds / total:7.1%}")

    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        pipeline.process_text(text)
    profiler.disable()
    if args.dump:
        profiler.dump_stats(str(args.dump))
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key)
        stats.print_stats(args.top)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        print(f"\ncProfile, top {args.top} by {key}:")
        head = next((line for line in lines if "function calls" in line), "")
        print(head.strip())
        print("\n".join(lines[start:]).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
