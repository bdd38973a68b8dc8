#!/usr/bin/env python3
"""Train communique's small Swedish NER model (spaCy, CPU) and evaluate it on two held-out test sets.

Data (read from ../shared/corpus next to the repository; see docs/ner.md for sources and licenses):

    swedish_ner_klintan/train_corpus.txt, test_corpus.txt          token<TAB>label, labels PER/ORG/LOC/MISC/0
    uner_swedish_talbanken/sv_talbanken-ud-{train,dev,test}.iob2  idx<TAB>token<TAB>IOB2 tag<TAB>-<TAB>-

The model learns PER, ORG and LOC (klintan's MISC is read as outside: UNER does not annotate it).
A seeded 10% of klintan train (plus UNER dev) is the dev set that picks the best checkpoint; the best
model is written to src/communique/models/sv_ner/ and scored per type on klintan test and UNER test.

    .venv/bin/python scripts/train_ner.py                 # train (about 6 minutes on 2 cores) + evaluate
    .venv/bin/python scripts/train_ner.py --evaluate-only # score the model already in the package
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "scripts" / "ner_config.cfg"
MODEL_DIR = ROOT / "src" / "communique" / "models" / "sv_ner"
CORPUS = ROOT.parent / "shared" / "corpus"
KLINTAN = "swedish_ner_klintan"
UNER = "uner_swedish_talbanken"
LABELS = ("PER", "ORG", "LOC")
DEV_SHARE = 0.1
# Tokens after which / before which the original text had no space (the corpora are pre-tokenized).
_NO_SPACE_BEFORE = set(",.;:!?)]}%»”")
_NO_SPACE_AFTER = set("([{«“")

Sentence = list[tuple[str, str | None]]  # (token, entity type or None); runs of one type are spans


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        paths = _corpus_paths(args.corpus, args.uner)
    except FileNotFoundError as exc:
        print(f"train_ner: {exc}", file=sys.stderr)
        return 2
    import spacy

    if not args.evaluate_only:
        with tempfile.TemporaryDirectory(prefix="communique-ner-") as work:
            _train(spacy, paths, Path(work), args)
    _evaluate(spacy, paths, args.out)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description="Train and evaluate communique's Swedish NER model.")
    p.add_argument("--corpus", type=Path, default=CORPUS, help="folder holding the two corpora (default: %(default)s)")
    p.add_argument("--out", type=Path, default=MODEL_DIR, help="where the best model goes (default: %(default)s)")
    p.add_argument("--epochs", type=int, default=None, help="override training.max_epochs of the config")
    p.add_argument("--seed", type=int, default=0, help="seed for the dev split and training (default: 0)")
    p.add_argument("--no-uner", dest="uner", action="store_false", help="train on klintan only")
    p.add_argument("--evaluate-only", action="store_true", help="skip training; score the model in --out")
    return p


def _corpus_paths(root: Path, uner: bool) -> dict[str, Path | None]:
    """The corpus files, or FileNotFoundError naming the first one missing."""
    paths = {
        "klintan_train": root / KLINTAN / "train_corpus.txt",
        "klintan_test": root / KLINTAN / "test_corpus.txt",
        "uner_train": root / UNER / "sv_talbanken-ud-train.iob2" if uner else None,
        "uner_dev": root / UNER / "sv_talbanken-ud-dev.iob2" if uner else None,
        "uner_test": root / UNER / "sv_talbanken-ud-test.iob2",
    }
    for path in paths.values():
        if path is not None and not path.is_file():
            raise FileNotFoundError(f"corpus file {path} not found (the corpora live in ../shared/corpus)")
    return paths


# ---------------------------------------------------------------- reading the corpora


def read_klintan(path: Path) -> list[Sentence]:
    """klintan format: `token label` per line, no B-/I- prefixes; MISC and 0 are outside."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif len(fields) >= 2:  # one line of the train file is a lone token without a label
            label = fields[-1]
            current.append((fields[0], label if label in LABELS else None))
    if current:
        sentences.append(current)
    return sentences


def read_iob2(path: Path) -> list[list[tuple[str, str]]]:
    """UNER format: `idx token tag - -`, `#` comment lines, blank line between sentences; tags kept as IOB2."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((fields[1], fields[2]))
    if current:
        sentences.append(current)
    return sentences


def iob2_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from IOB2 tags; an I- that does not continue its type starts a span."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if start is not None and (tag.startswith("B-") or kind != label):
            spans.append((start, i, label))
            start, label = None, None
        if kind in LABELS and start is None:
            start, label = i, kind
    return spans


def run_spans(labels: list[str | None]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from runs of one label (klintan has no B-/I- prefixes)."""
    spans, start = [], 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            if labels[start] is not None:
                spans.append((start, i, labels[start]))
            start = i
    return spans


def make_doc(vocab, words: list[str], spans: list[tuple[int, int, str]]):
    from spacy.tokens import Doc, Span

    spaces = [
        i + 1 < len(words) and words[i + 1][0] not in _NO_SPACE_BEFORE and words[i][-1] not in _NO_SPACE_AFTER
        for i in range(len(words))
    ]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def klintan_docs(vocab, path: Path) -> list:
    return [make_doc(vocab, [w for w, _ in s], run_spans([lab for _, lab in s])) for s in read_klintan(path)]


def uner_docs(vocab, path: Path) -> list:
    return [make_doc(vocab, [w for w, _ in s], iob2_spans([t for _, t in s])) for s in read_iob2(path)]


# ---------------------------------------------------------------- training


def _train(spacy, paths: dict[str, Path | None], work: Path, args) -> None:
    from spacy.cli.train import train
    from spacy.tokens import DocBin

    vocab = spacy.blank("sv").vocab
    klintan = klintan_docs(vocab, paths["klintan_train"])
    random.Random(args.seed).shuffle(klintan)
    cut = int(len(klintan) * DEV_SHARE)
    dev, train_docs = klintan[:cut], klintan[cut:]
    if paths["uner_train"]:
        train_docs += uner_docs(vocab, paths["uner_train"])
        dev += uner_docs(vocab, paths["uner_dev"])
    DocBin(docs=train_docs).to_disk(work / "train.spacy")
    DocBin(docs=dev).to_disk(work / "dev.spacy")
    print(f"train: {len(train_docs)} sentences, dev: {len(dev)} sentences (uner: {bool(paths['uner_train'])})")
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    overrides["system.seed"] = args.seed
    if args.epochs:
        overrides["training.max_epochs"] = args.epochs
    started = time.perf_counter()
    train(CONFIG, work / "output", use_gpu=-1, overrides=overrides)
    print(f"trained in {time.perf_counter() - started:.0f} s")
    _install(work / "output" / "model-best", args.out, uner=bool(paths["uner_train"]))


def _install(best: Path, out: Path, uner: bool) -> None:
    """Copy the best checkpoint into the package, with a meta.json that names its data and licenses."""
    import srsly

    meta = srsly.read_json(best / "meta.json")
    sources = [{"name": "Swedish NER corpus (klintan, Webbnyheter 2012)", "license": "CC BY 4.0"}]
    if uner:
        sources.append({"name": "Universal NER Swedish-Talbanken (Mayhew et al. 2024)", "license": "CC BY-SA 4.0"})
    meta.update(name="sv_ner", version="1.0.0", license="CC BY-SA 4.0" if uner else "CC BY 4.0", sources=sources)
    meta["description"] = "communique's small Swedish NER model (PER, ORG, LOC); see docs/ner.md"
    srsly.write_json(best / "meta.json", meta)
    _forget_paths(best / "config.cfg")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    print(f"model written to {out}")


def _forget_paths(config_path: Path) -> None:
    """The shipped config must not name the temporary training files (spacy.load does not need them)."""
    from spacy.util import load_config

    config = load_config(config_path, interpolate=False)
    config["paths"].update(train=None, dev=None)
    config.to_disk(config_path)


# ---------------------------------------------------------------- evaluation


def _evaluate(spacy, paths: dict[str, Path | None], model: Path) -> None:
    from spacy.tokens import Doc
    from spacy.training import Example

    nlp = spacy.load(model)
    for name, docs in (
        ("klintan test", klintan_docs(nlp.vocab, paths["klintan_test"])),
        ("UNER Swedish-Talbanken test", uner_docs(nlp.vocab, paths["uner_test"])),
    ):
        # scored on the corpus's own tokens, as published figures are
        examples = [Example(Doc(nlp.vocab, [t.text for t in d], [bool(t.whitespace_) for t in d]), d) for d in docs]
        started = time.perf_counter()
        scores = nlp.evaluate(examples)
        words = sum(len(doc) for doc in docs)
        print(f"\n{name}: {len(docs)} sentences, {words / (time.perf_counter() - started):,.0f} words/s")
        _print_scores(scores)


def _print_scores(scores: dict) -> None:
    print(f"{'type':<6}{'P':>7}{'R':>7}{'F1':>7}")
    for label in LABELS:
        s = scores["ents_per_type"].get(label, {"p": 0.0, "r": 0.0, "f": 0.0})
        print(f"{label:<6}{s['p']:>7.3f}{s['r']:>7.3f}{s['f']:>7.3f}")
    print(f"{'all':<6}{scores['ents_p']:>7.3f}{scores['ents_r']:>7.3f}{scores['ents_f']:>7.3f}")


if __name__ == "__main__":
    sys.exit(main())
