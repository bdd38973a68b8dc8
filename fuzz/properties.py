"""Hypothesis strategies and properties, shared by `tests/test_fuzz.py` (small budget) and `fuzz/run.py`.

Two settings profiles: "ci" (few examples, derandomized, no example database: quick and the same on
every run) and "fuzz" (many examples, still derandomized so a run can be repeated).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from communique import reader
from communique.errors import CommuniqueError
from communique.pipeline import Pipeline
from communique.sources import SourceRecord, feed, html, jsonl, warc

from .checks import Failure, check_document, check_input, check_message
from .hostile import EN, SV, warc_bytes
from .mutate import HOSTILE

_COMMON = {"derandomize": True, "database": None, "deadline": None, "print_blob": False}
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=40, suppress_health_check=_QUIET, **_COMMON)
settings.register_profile("fuzz", max_examples=1_000, suppress_health_check=_QUIET, **_COMMON)

NAME = "fuzz-input"
WORDS = (SV + " " + EN).split() + ["den", "9-11", "oktober", "2025", "miljarder", "kronor", "enades", "besöker"]

# Text built from article words, punctuation and hostile characters: reaches extraction, not only decoding.
alphabet = st.sampled_from(
    [c for c in HOSTILE if len(c) == 1] + list(" .,:;-–\n\"'()0123456789") + list("abcdefghijklmnopqrstuvwxyzåäöÅÄÖ")
)
tokens = st.one_of(st.sampled_from(WORDS), st.text(alphabet, min_size=1, max_size=12), st.text(max_size=8))
article_text = st.lists(tokens, max_size=60).map(" ".join)
any_text = st.one_of(article_text, st.text(max_size=300))
raw_bytes = st.one_of(st.binary(max_size=300), article_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")))
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40), st.sampled_from([SV, EN])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
jsonl_objects = st.fixed_dictionaries(
    {},
    optional={"text": json_values | article_text, "url": json_values, "title": json_values, "published": json_values},
)
markup = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<br>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<![",
                "&amp;",
                "&#x0;",
                "&#xD800;",
                "<html>",
                "<article>",
            ]
        ),
        article_text,
    ),
    max_size=40,
).map("".join)


def text_property(pipeline: Pipeline, text: str) -> Failure | None:
    return check_input(pipeline, text, NAME)


def bytes_property(pipeline: Pipeline, data: bytes) -> Failure | None:
    return check_input(pipeline, data, NAME)


def jsonl_property(line: bytes) -> Failure | None:
    """Every JSON line is a record or one error naming `file:line`; records become documents or errors."""
    for item in jsonl.parse_lines([line], NAME, None, 1_000_000):
        failure = _check_item(item, NAME)
        if failure:
            return failure
    return None


def markup_property(page: str) -> Failure | None:
    """HTML fragments (feed summaries) and pages never raise; a page is a record or one error."""
    try:
        html.fragment_text(page)
        item = html.from_markup(page, origin=NAME, path=NAME)
    except Exception as exc:
        return Failure(f"{type(exc).__name__} in html", str(exc)[:200])
    return _check_item(item, NAME)


def file_property(suffix: str, data: bytes) -> Failure | None:
    """A file of any kind (feed, WARC, JSONL, text) read through its source reader: records or one-line errors."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, NAME + suffix)
        path.write_bytes(data)
        readers = {".xml": feed.read, ".warc": warc.read, ".warc.gz": warc.read, ".jsonl": jsonl.read}
        try:
            for item in readers[suffix](path, 1_000_000):
                failure = _check_item(item, str(path))
                if failure:
                    return failure
        except Exception as exc:
            return Failure(f"{type(exc).__name__} reading {suffix}", str(exc)[:200])
    return None


def _check_item(item: SourceRecord | CommuniqueError, name: str) -> Failure | None:
    if isinstance(item, CommuniqueError):
        return check_message(str(item), name)
    try:
        doc = reader.from_text(item.text, item.path)
    except CommuniqueError as exc:
        return check_message(str(exc), item.path or "<stdin>")
    except Exception as exc:
        return Failure(f"{type(exc).__name__} in reader.from_text", str(exc)[:200])
    return check_document(doc)


def _feed(entries: list[str]) -> bytes:
    items = "".join(f"<item><title>{e[:20]}</title><description>{e}</description></item>" for e in entries)
    return f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>".encode(errors="surrogatepass")


def _mutated(base: bytes):
    """`base` with a few bytes changed and maybe cut short: mostly-valid files reach deep into parsers."""
    flips = st.lists(st.tuples(st.integers(0, len(base) - 1), st.integers(0, 255)), max_size=6)
    cut = st.integers(0, len(base))

    def apply(changes, end):
        data = bytearray(base)
        for at, value in changes:
            data[at] = value
        return bytes(data[:end])

    return st.builds(apply, flips, cut)


def _small_warc(gzip_file: bool) -> bytes:
    return warc_bytes([f"<html><body><article><p>{SV}</p></article></body></html>".encode()], gzip_file=gzip_file)


feed_files = st.one_of(st.lists(markup, min_size=1, max_size=4).map(_feed), _mutated(_feed([SV, EN])))
warc_files = _mutated(_small_warc(False))
warc_gz_files = _mutated(_small_warc(True))
jsonl_files = st.lists(st.one_of(jsonl_objects.map(lambda o: json.dumps(o).encode()), raw_bytes), max_size=5).map(
    b"\n".join
)
jsonl_lines = st.one_of(jsonl_objects.map(lambda o: json.dumps(o).encode()), raw_bytes)


def properties(pipeline: Pipeline) -> dict:
    """name -> (strategy, property): what `fuzz/run.py` runs with the "fuzz" profile."""
    return {
        "text": (any_text, lambda value: text_property(pipeline, value)),
        "bytes": (raw_bytes, lambda value: bytes_property(pipeline, value)),
        "jsonl-line": (jsonl_lines, jsonl_property),
        "markup": (markup, markup_property),
        "feed-file": (feed_files, lambda data: file_property(".xml", data)),
        "warc-file": (warc_files, lambda data: file_property(".warc", data)),
        "warc-gz-file": (warc_gz_files, lambda data: file_property(".warc.gz", data)),
        "jsonl-file": (jsonl_files, lambda data: file_property(".jsonl", data)),
    }
