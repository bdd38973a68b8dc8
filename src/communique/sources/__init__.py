"""Sources: turn one command-line input (a file, a directory, or "-") into `SourceRecord`s.

Each kind of source lives in its own module with a `read(path, max_bytes)` generator; this module
only picks the reader: by suffix, else by sniffing the first bytes. A bad file or a bad line becomes
an `InputError` in the stream and reading goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .. import reader
from ..errors import InputError
from . import feed, html, jsonl, parquet, stdin, text, warc
from .record import SourceRecord

__all__ = ["SourceRecord", "file_records", "is_json_lines", "iter_records", "walk"]

Reader = Callable[[Path, int], Iterator[SourceRecord | InputError]]

_BY_SUFFIX: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": text.read,
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
    ".html": html.read,
    ".htm": html.read,
    ".xml": feed.read,
    ".rss": feed.read,
    ".atom": feed.read,
    ".warc": warc.read,
    ".warc.gz": warc.read,
    ".parquet": parquet.read,
}
# Files with no or an unknown suffix: the first matching sniffer wins, plain text otherwise.
_SNIFFERS: tuple[tuple[Callable[[str], bool], Reader], ...] = (
    (html.looks_like_html, html.read),
    (feed.looks_like_feed, feed.read),
)
_HEAD_BYTES = 4096


def iter_records(spec: str, max_bytes: int = reader.MAX_BYTES_DEFAULT) -> Iterator[SourceRecord | InputError]:
    """Records from one source: a file, a directory (recursively, sorted, hidden files skipped) or "-".

    Unknown suffixes are read as text; inside a directory, binary-looking ones are skipped silently.
    """
    if spec == "-":
        yield from stdin.read(max_bytes)
        return
    path = Path(spec)
    if path.is_dir():
        for child in walk(path):
            yield from file_records(child, max_bytes, skip_binary=True)
    elif path.exists():
        yield from file_records(path, max_bytes, skip_binary=False)
    else:
        yield InputError(spec, "no such file or directory")


def walk(root: Path) -> list[Path]:
    """The files of a directory source, in the order they are read (sorted; hidden ones left out)."""
    found = []
    # os.walk does not follow directory symlinks, so a link loop cannot trap the walk.
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(Path(folder, name) for name in names if not name.startswith("."))
    # Only regular files: opening a FIFO or a device in a data directory would block or never end.
    return sorted(path for path in found if path.is_file())


def file_records(path: Path, max_bytes: int, skip_binary: bool) -> Iterator[SourceRecord | InputError]:
    """The records of one file, read by its kind; `skip_binary`: a binary-looking file yields nothing."""
    read = _BY_SUFFIX.get(_suffix(path)) or _sniff(path, skip_binary)
    if read is not None:
        yield from read(path, max_bytes)


def is_json_lines(path: Path) -> bool:
    """Read as JSON Lines (by its suffix): such a file can be split at line starts (`jsonl.line_ranges`)."""
    return _BY_SUFFIX.get(_suffix(path)) is jsonl.read


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _sniff(path: Path, skip_binary: bool) -> Reader | None:
    """The reader for a file of unknown kind, or None when it is binary and may be skipped."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return text.read  # which reports the read error for this file
    if skip_binary and _looks_binary(head):
        return None
    sample = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    return next((read for looks_like, read in _SNIFFERS if looks_like(sample)), text.read)


def _looks_binary(head: bytes) -> bool:
    if not head.strip():
        return False  # an empty file is reported as empty, not skipped
    try:
        reader.decode(_without_cut_character(head), None)
    except InputError:
        return True
    return False


def _without_cut_character(head: bytes) -> bytes:
    """Drop a UTF-8 character cut off at the end of a sample, so it does not read as bad bytes."""
    for back in range(1, min(4, len(head) + 1)):
        byte = head[-back]
        if byte < 0x80:
            return head
        if byte >= 0xC0:
            return head[:-back]
    return head
