"""JSON Lines (.jsonl, .ndjson): one article per line as {"text", "url"?, "title"?, "published"?}.

A bad line becomes one `InputError` naming `file:line`; the other lines still yield records.
Lines are streamed, so `max_bytes` limits each line, not the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from .. import reader
from ..errors import InputError
from .record import SourceRecord, parse_date


def read(path: Path, max_bytes: int) -> Iterator[SourceRecord | InputError]:
    """Yield one record or one error per non-blank line of the file at `path`."""
    yield from _read(path, max_bytes, 0, None, 1)


def read_range(
    path: Path, max_bytes: int, start: int, end: int, first_line: int
) -> Iterator[SourceRecord | InputError]:
    """The records of the lines that begin in [start, end) of the file: one unit of a big shard split at line
    starts by `line_ranges`, numbered as in the whole file. An empty file is reported by `read` only (a
    range of a file this large is not the whole file)."""
    yield from _read(path, max_bytes, start, end, first_line)


def _read(
    path: Path, max_bytes: int, start: int, end: int | None, first_line: int
) -> Iterator[SourceRecord | InputError]:
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(name, f"cannot read file ({exc.strerror or exc})")
        return
    with handle:
        lines = bounded_lines(handle, max_bytes)
        if end is not None:
            handle.seek(start)
            lines = _lines_before(handle, lines, end)
        yield from parse_lines(lines, name, name, max_bytes, first_line, report_empty=end is None)


def _lines_before(handle: BinaryIO, lines: Iterator[bytes | None], end: int) -> Iterator[bytes | None]:
    """The lines that begin before byte `end` (the position is read before each line)."""
    while handle.tell() < end:
        line = next(lines, _DONE)
        if line is _DONE:
            return
        yield line


_DONE = object()


def line_ranges(path: Path, target: int) -> list[tuple[int, int, int]]:
    """(start, end, number of the first line) of consecutive runs of whole lines of about `target` bytes."""
    ranges: list[tuple[int, int, int]] = []
    start, first, newlines, position = 0, 1, 0, 0  # newlines counted since `start`
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            offset = 0
            while True:
                cut = block.find(b"\n", offset + max(start + target - position - offset, 0))
                if start + target - position > len(block) or cut < 0:
                    newlines += block.count(b"\n", offset)
                    break
                newlines += block.count(b"\n", offset, cut + 1)
                ranges.append((start, position + cut + 1, first))
                start, first, newlines = position + cut + 1, first + newlines, 0
                offset = cut + 1
            position += len(block)
    if position > start:
        ranges.append((start, position, first))
    return ranges


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary stream; `None` stands for a line longer than `max_bytes`.

    An over-long line is read through in chunks and dropped, so one huge line never sits in memory.
    """
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
            pass
        yield None


def parse_lines(
    lines: Iterable[bytes | None],
    name: str,
    path: str | None,
    max_bytes: int,
    first_line: int = 1,
    report_empty: bool = True,
) -> Iterator[SourceRecord | InputError]:
    """Records from numbered lines; origins and errors are `name:line` (1-based)."""
    seen_any = False
    for number, line in enumerate(lines, first_line):
        where = f"{name}:{number}"
        if line is None:
            yield InputError(where, f"line is over the {max_bytes:,}-byte limit")
        elif line.strip():
            seen_any = True
            try:
                yield _record(line, where, path)
            except InputError as err:
                yield err
    if not seen_any and report_empty:
        yield InputError(name, "file is empty")


def _record(line: bytes, where: str, path: str | None) -> SourceRecord:
    try:
        obj = json.loads(reader.decode(line, where))
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "JSON is nested too deeply") from None
    except ValueError:  # json turns an integer of over 4,300 digits into this, not a JSONDecodeError
        raise InputError(where, "JSON has a number too long to read") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {_kind(obj)}")
    text = obj.get("text")
    if not isinstance(text, str):
        problem = "is missing" if text is None else f"must be a string, not {_kind(text)}"
        raise InputError(where, f"'text' {problem}")
    if not text.strip():
        raise InputError(where, "'text' is empty")
    return SourceRecord(
        text=text,
        origin=where,
        url=_optional_str(obj, "url", where),
        title=_optional_str(obj, "title", where),
        published=_published(obj.get("published"), where),
        path=path,
    )


def _optional_str(obj: dict, key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(where, f"'{key}' must be a string, not {_kind(value)}")
    return (reader.without_surrogates(value).strip() or None) if value else None


def _published(value: object, where: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(where, f"'published' must be an ISO date string, not {_kind(value)}")
    try:
        return parse_date(value.strip())
    except ValueError:
        raise InputError(where, f"'published' is not an ISO date or date-time: {value[:40]!r}") from None


def _kind(value: object) -> str:
    """JSON's name for a decoded value's type, as a user wrote it."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
