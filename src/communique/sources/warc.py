"""Web archives (.warc, .warc.gz): each HTML or text `response` is one record, read through `html`.

Origins are `archive#N`, N counting every WARC record from 1 (warcinfo and requests included), so a
number points at the same record whatever the filters. A truncated or corrupt archive yields the records
read so far and then one `InputError` naming the byte offset. A payload over `max_bytes` is skipped
with an `InputError` (a guard against decompression bombs); the archive goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from .. import reader
from ..errors import InputError
from . import html
from .record import SourceRecord

# warcio logs warnings about bad headers; with no handler, Python would print them on stderr between
# the one-line errors. Damage that matters is reported as an InputError.
logging.getLogger("warcio").addHandler(logging.NullHandler())

_PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))
_CHUNK = 1 << 16

Item = SourceRecord | InputError


def read(path: Path, max_bytes: int) -> Iterator[Item]:
    """Yield the pages of the archive at `path` in archive order."""
    name = str(path)
    try:
        handle = path.open("rb")
        size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        yield InputError(name, f"cannot read file ({exc.strerror or exc})")
        return
    with handle:
        if size == 0:
            yield InputError(name, "file is empty")
            return
        yield from _scan(_QuietArchive(handle), name, size, max_bytes)


class _QuietArchive(ArchiveIterator):
    """warcio writes a multi-line warning to stderr itself when a record is not followed by a blank line
    (a wrong Content-Length); that would break one line per failure, and the checks below report damage."""

    INC_RECORD = ""


def _scan(archive: ArchiveIterator, name: str, size: int, max_bytes: int) -> Iterator[Item]:
    number, end = 0, 0
    while True:
        start = archive.offset
        try:
            record = next(archive, None)
            if record is None:
                break
            number += 1
            item = _page(record, f"{name}#{number}", name, max_bytes)
            archive.get_record_offset()  # reads the record through, so a short block shows below
        except Exception as exc:  # warcio reports corrupt input as many types (even AttributeError)
            yield _broken(name, start, f"{type(exc).__name__}: {str(exc)[:80]}")
            return
        problem = _damage(record)
        if problem:
            yield _broken(name, start, problem)
            return
        end = archive.offset
        if item is not None:
            yield item
    if end < size:
        yield _broken(name, end, "the bytes after the last complete record are not a WARC record")


def _damage(record: ArcWarcRecord) -> str | None:
    """Why a record that warcio read without complaint is still not a whole WARC record."""
    if record.format != "warc":
        # warcio takes any line of five words for an old ARC header; in a WARC file that is garbage.
        return "not a WARC record"
    # warcio ends a cut-off archive quietly; a block shorter than its Content-Length is the sign.
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not declared.isdigit() or record.raw_stream.limit:
        return "the record is cut short"
    return None


def _page(record: ArcWarcRecord, origin: str, path: str, max_bytes: int) -> Item | None:
    """The article in one response, an `InputError`, or None for records that are not pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    # Redirects and error pages carry HTML too, but never an article.
    if not headers.get_statuscode().startswith("2") or content_type not in _PAGE_TYPES:
        return None
    payload = _read_at_most(record.content_stream(), max_bytes + 1)
    if len(payload) > max_bytes:
        return InputError(origin, f"payload is over the {max_bytes:,}-byte limit; record skipped")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        text = reader.decode(payload, origin)
    except InputError as err:
        return err
    if content_type == "text/plain":
        return SourceRecord(text=text, origin=origin, url=url, path=path)
    return html.from_markup(text, origin=origin, path=path, url=url)


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` decoded bytes; reading stops there, however far the payload would inflate."""
    chunks, total = [], 0
    while total < limit and (chunk := stream.read(min(_CHUNK, limit - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _broken(name: str, offset: int, detail: str) -> InputError:
    reason = f"archive is truncated or corrupt at byte offset {offset} ({detail}); reading stopped there"
    return InputError(name, reason)
