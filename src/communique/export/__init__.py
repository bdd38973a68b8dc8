"""Write stored events to files: JSON lines, CSV, Parquet, PLOVER records and PETRARCH2-style CAMEO TSV.

Each event is a dict with the contract's event fields plus `document_id`, `cluster_id`, `source_url`,
`published`, `actor_names`, `recipient_names`, `actor_sectors` and `recipient_sectors` (lists parallel to
`actor` / `recipient`); see docs/store-design.md. Optional `actor_countries` / `recipient_countries`
(ISO3 or null, parallel to `actor` / `recipient`) give each actor's own state to the PLOVER and CAMEO
actor codes; without them, codes are read from the deduplicated `actor_country` / `recipient_country`.

A path is written atomically: into a temporary file in the same directory, moved over the target with
`os.replace` only when every event has been written, so a failure leaves no partial file behind.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TextIO

from ..atomic import atomic_path
from ..errors import CommuniqueError
from . import cameo, plover, tabular

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")

TextWriter = Callable[[Iterable[dict], TextIO], int]
_TEXT_WRITERS: dict[str, TextWriter] = {
    "jsonl": tabular.write_jsonl,
    "csv": tabular.write_csv,
    "plover": plover.write_plover,
    "cameo": cameo.write_cameo,
}

__all__ = ["FORMATS", "write"]


def write(events: Iterable[dict], fmt: str, out: str | Path | IO) -> int:
    """Write `events` in format `fmt` to `out` (a path, "-" for stdout, or an open stream).

    Returns the number of events written (for `cameo`, those that produced at least one line).
    Raises CommuniqueError for an unknown format, an unwritable path or a malformed event.
    """
    if fmt not in FORMATS:
        raise CommuniqueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)) or str(out) == "-":
            raise CommuniqueError("parquet export needs a file path, not stdout or a stream")
        return tabular.write_parquet(events, Path(out), atomic_path)
    writer = _TEXT_WRITERS[fmt]
    if isinstance(out, (str, Path)) and str(out) == "-":
        return writer(events, sys.stdout)
    if isinstance(out, (str, Path)):
        with atomic_path(Path(out)) as tmp, open(tmp, "w", encoding="utf-8", newline="") as stream:
            return writer(events, stream)
    return _write_stream(writer, events, out)


def _write_stream(writer: TextWriter, events: Iterable[dict], out: IO) -> int:
    """Write to an open stream; a binary stream is wrapped (and released afterwards) as UTF-8 text."""
    if isinstance(out, io.TextIOBase) or not isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        return writer(events, out)  # type: ignore[arg-type]
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        return writer(events, text)
    finally:
        text.flush()
        text.detach()
