"""Plain-text files (.txt, .md, no suffix): the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import reader
from ..errors import InputError
from .record import SourceRecord, read_file


def read(path: Path, max_bytes: int) -> Iterator[SourceRecord | InputError]:
    """Yield the file as one record, or one `InputError` (empty, binary, undecodable, too large)."""
    name = str(path)
    try:
        text = reader.decode(read_file(path, max_bytes), name)
    except InputError as err:
        yield err
        return
    # Headline and "Publicerad:" lines stay in the text: reader.from_text finds them downstream.
    yield SourceRecord(text=text, origin=name, path=name)
