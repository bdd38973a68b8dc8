"""Side-by-side throughput against a baseline coder: PETRARCH2 on the same English sentences.

PETRARCH2 (github.com/openeventdata/petrarch2, MIT) is Python 2 code that codes pre-parsed sentences
(Penn Treebank parses inside XML). At run time this script exports the package from a git snapshot into
a temporary folder, converts it with 2to3 (lib2to3, in the standard library up to Python 3.12), imports it
from there and codes the records of the snapshot's own sample files from their gold parses with its
default configuration (CAMEO verbs, Phoenix actors). communique codes the same sentences from the raw text
(`Pipeline.process_text`, language forced to en). Nothing of PETRARCH2 is copied into this repository.

The numbers are CPU time (`time.process_time`) of the coding calls, median of --repeat passes. They are
not an accuracy comparison: PETRARCH2 gets gold parses for free (no parser time counted), uses other
dictionaries, and its sample sentences are not diplomatic news of the kind communique is built for.

Snapshot: --petrarch PATH, else $COMMUNIQUE_PETRARCH2, else the mirror path below; a bare git dir or a
checkout. When it is absent the script says so and exits 0 (CI machines have no mirror). When PETRARCH2
cannot run, the script prints the first error, then communique's own rate on the sentences, and exits 0.

    .venv/bin/python bench/bench_baseline.py
    .venv/bin/python bench/bench_baseline.py --petrarch /tmp/petrarch2 --repeat 20
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SNAPSHOT = "/work/.mirror/openeventdata+petrarch2/repo/.git"
SAMPLES = ("GigaWord.sample.PETR.xml", "PETR.UnitTest.records.xml")  # under petrarch2/data/text/


@dataclass(frozen=True)
class Record:
    id: str
    date: str
    text: str
    parse: str


class BaselineUnavailable(Exception):
    """PETRARCH2 could not be exported, converted, imported or run; the message says which step and why."""


# ------------------------------------------------------------------------------------------------ snapshot


def find_snapshot(arg: str | None) -> Path | None:
    path = Path(arg or os.environ.get("COMMUNIQUE_PETRARCH2") or DEFAULT_SNAPSHOT)
    return path if path.exists() else None


def export(snapshot: Path, dest: Path) -> Path:
    """Put the snapshot's `petrarch2/` package under `dest` and return the package folder."""
    if (snapshot / "petrarch2" / "petrarch2.py").exists():  # a checkout
        subprocess.run(["cp", "-r", str(snapshot / "petrarch2"), str(dest)], check=True)
    else:  # a (bare) git directory
        archive = subprocess.run(
            ["git", f"--git-dir={snapshot}", "archive", "HEAD", "petrarch2"], capture_output=True, check=False
        )
        if archive.returncode != 0:
            raise BaselineUnavailable(f"git archive of {snapshot} failed: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest / "petrarch2"


def convert(package: Path) -> None:
    """2to3 in place (print statements, relative imports, dict views, unicode literals)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import lib2to3  # noqa: F401  (removed from the standard library in Python 3.13)
    except ImportError as exc:
        raise BaselineUnavailable(f"2to3 is not available on Python {sys.version.split()[0]}: {exc}") from exc
    run = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "lib2to3", "-w", "-n", str(package)], capture_output=True, text=True
    )
    if run.returncode != 0:
        raise BaselineUnavailable(f"2to3 failed: {run.stderr.strip().splitlines()[-1:]}")


def read_records(path: Path) -> list[Record]:
    """The sentences of a PETRARCH XML file that have both text and a parse, whitespace normalised."""
    out = []
    for elem in ET.parse(path).getroot().iter("Sentence"):
        text, parse = " ".join((elem.findtext("Text") or "").split()), (elem.findtext("Parse") or "").strip()
        if text and parse:
            out.append(Record(elem.get("id", ""), elem.get("date", "20000101"), text, parse))
    return out


def write_batch(records: list[Record], path: Path) -> Path:
    """The records as PETRARCH2's batch reader wants them: one story per record, ids "<n>_1".

    The unit-test file is written for PETRARCH2's validation mode (lowercase `sentence`, no `source`, ids
    without a sentence number), which its batch reader cannot read; rewriting both files the same way
    gives both coders exactly the same sentences.
    """
    root = ET.Element("Sentences")
    for k, r in enumerate(records):
        attrs = {"date": r.date, "id": f"S{k:05d}_1", "sentence": "True", "source": "bench"}
        sentence = ET.SubElement(root, "Sentence", attrs)
        ET.SubElement(sentence, "Text").text = r.text
        ET.SubElement(sentence, "Parse").text = r.parse
    ET.ElementTree(root).write(path, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ coders


class Petrarch2:
    """The converted package imported from a temporary folder, dictionaries loaded once."""

    def __init__(self, root: Path):
        sys.path.insert(0, str(root))
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                from petrarch2 import PETRreader, petrarch2, utilities

                PETRreader.parse_Config(utilities._get_data("data/config/", "PETR_config.ini"))
                petrarch2.read_dictionaries()
        except Exception as exc:
            raise BaselineUnavailable(f"importing or configuring PETRARCH2 failed: {_first_error(exc)}") from exc
        self.reader, self.main = PETRreader, petrarch2

    def code(self, path: Path) -> tuple[float, int, int]:
        """(CPU seconds of do_coding, records read, records with at least one event; discards count as read)."""
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                stories = self.reader.read_xml_input([str(path)], True)
                t0 = time.process_time()
                coded = self.main.do_coding(stories)
                seconds = time.process_time() - t0
        except Exception as exc:
            raise BaselineUnavailable(f"PETRARCH2 failed while coding {path.name}: {_first_error(exc)}") from exc
        sents = [s for story in coded.values() for s in (story.get("sents") or {}).values()]
        return seconds, len(coded), sum(1 for s in sents if s.get("events"))  # one story per record


def runnable(petrarch: Petrarch2, records: list[Record], tmp: Path) -> tuple[list[Record], str | None]:
    """The records PETRARCH2 codes without raising, and a note on the ones it cannot (one at a time)."""
    try:
        petrarch.code(write_batch(records, tmp / "probe.xml"))
        return records, None
    except BaselineUnavailable as exc:
        first = str(exc).split(": ", 1)[1]
    ok = []
    for r in records:
        with contextlib.suppress(BaselineUnavailable):
            petrarch.code(write_batch([r], tmp / "probe.xml"))
            ok.append(r)
    return ok, f"{len(records) - len(ok)} of {len(records)} records crash PETRARCH2, left out for both coders ({first})"


def _first_error(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} (at {Path(frame.filename).name}:{frame.lineno})"


def communique_coder():
    from communique.errors import CommuniqueError
    from communique.pipeline import Pipeline
    from communique.settings import Settings

    pipeline = Pipeline(settings=Settings(language="en"))

    def one(text: str) -> int:
        try:
            return len(pipeline.process_text(text).events)
        except CommuniqueError:  # an empty record: coded, no event (as the batch commands report it)
            return 0

    def code(records: list[Record]) -> tuple[float, int, int]:
        t0 = time.process_time()
        counts = [one(r.text) for r in records]
        seconds = time.process_time() - t0
        return seconds, len(counts), sum(1 for c in counts if c)

    code([Record("warm-up", "", "President Macron visited Vietnam on 26 May 2025.", "")])
    return code


def median_run(fn, repeat: int) -> tuple[float, int, int]:
    runs = [fn() for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), runs[0][1], runs[0][2]


# ------------------------------------------------------------------------------------------------ report


def report(name: str, label: str, seconds: float, n: int, with_events: int) -> float:
    rate = n / seconds if seconds else float("inf")
    print(f"{name:<28} {label:<12} {n:9d} {rate:12.0f} {with_events:10d}")
    return rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petrarch", default=None, help=f"snapshot (git dir or checkout; default {DEFAULT_SNAPSHOT})")
    parser.add_argument("--repeat", type=int, default=10, help="timed passes per coder and file (default 10)")
    args = parser.parse_args(argv)

    snapshot = find_snapshot(args.petrarch)
    if snapshot is None:
        print("skipped: no PETRARCH2 snapshot (use --petrarch PATH or COMMUNIQUE_PETRARCH2)")
        return 0
    with tempfile.TemporaryDirectory(prefix="petrarch2-") as tmp:
        try:
            package = export(snapshot, Path(tmp))
        except (BaselineUnavailable, subprocess.CalledProcessError) as exc:
            print(f"skipped: cannot export PETRARCH2 from {snapshot}: {exc}")
            return 0
        files = [package / "data" / "text" / name for name in SAMPLES]
        petrarch, why = None, None
        try:
            convert(package)
            petrarch = Petrarch2(Path(tmp))
        except BaselineUnavailable as exc:
            why = str(exc)
        code = communique_coder()
        print(f"PETRARCH2 snapshot: {snapshot}; CPU seconds, median of {args.repeat} passes\n")
        print(f"{'file':<28} {'coder':<12} {'sentences':>9} {'sentences/s':>12} {'with event':>10}")
        notes = []
        for path in files:
            records = read_records(path)
            if petrarch is not None:
                records, note = runnable(petrarch, records, Path(tmp))
                notes += [f"{path.name}: {note}"] if note else []
            batch = write_batch(records, Path(tmp) / f"batch.{path.name}")
            ours = report(path.name, "communique", *median_run(lambda r=records: code(r), args.repeat))
            if petrarch is None:
                continue
            try:
                theirs = report(path.name, "PETRARCH2", *median_run(lambda p=batch, c=petrarch: c.code(p), args.repeat))
            except BaselineUnavailable as exc:
                why, petrarch = str(exc), None
                continue
            print(f"{'':<28} {'ratio':<12} {'':>9} {ours / theirs:11.2f}x  (communique / PETRARCH2)")
    for note in notes:
        print(f"\n{note}")
    if why:
        print(f"\nPETRARCH2 did not run: {why}")
    print(
        "\nNot an accuracy comparison: PETRARCH2 codes from gold Penn Treebank parses (no parser time counted) "
        "with its own dictionaries; communique reads the raw sentence text."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
