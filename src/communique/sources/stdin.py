"""Standard input ("-"): JSON Lines when the first non-blank character is "{", else one text article."""

from __future__ import annotations

import codecs
import io
import itertools
import sys
from collections.abc import Iterator
from typing import BinaryIO

from .. import reader
from ..errors import InputError
from . import jsonl
from .record import SourceRecord

NAME = "<stdin>"


def read(max_bytes: int, stream: BinaryIO | None = None) -> Iterator[SourceRecord | InputError]:
    """Yield the records on `stream` (standard input by default); JSONL origins are `<stdin>:LINE`."""
    stream = stream if stream is not None else _stdin()
    lines = jsonl.bounded_lines(stream, max_bytes)
    # Look only as far as the first non-blank line, so a JSONL stream is still read line by line.
    head: list[bytes | None] = []
    for line in lines:
        head.append(line)
        if line is None or line.strip():
            break
    first = head[-1] if head else b""
    if first is not None and first.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        yield from jsonl.parse_lines(itertools.chain(head, lines), NAME, None, max_bytes)
    else:
        yield _article(head, stream, max_bytes)


def _article(head: list[bytes | None], stream: BinaryIO, max_bytes: int) -> SourceRecord | InputError:
    if None in head:
        return InputError(None, f"input is over the {max_bytes:,}-byte limit")
    data = b"".join(head)  # type: ignore[arg-type]
    data += stream.read(max(0, max_bytes + 1 - len(data)))
    if len(data) > max_bytes:
        return InputError(None, f"input is over the {max_bytes:,}-byte limit")
    try:
        text = reader.decode(data, None)
    except InputError as err:
        return err
    return SourceRecord(text=text, origin=NAME)


def _stdin() -> BinaryIO:
    """The byte stream under sys.stdin; a text-only replacement (a test's StringIO) is encoded as UTF-8."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))
