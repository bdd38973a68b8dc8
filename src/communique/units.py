"""Partitioned inputs: the sources of an ingest as units of work (runs of small files, or runs of whole
lines of a big JSON Lines shard), in the order `sources.iter_records` reads them (its own directory walk
and reader choice), so a worker's memory is bounded by a unit, not by a file.

A worker on another machine opens a file by its absolute path (over a shared filesystem), while its
records keep the name `communique ingest` gives them (the source as typed, then the walk), so that the
loaded store equals a single-process ingest of the same sources. Standard input cannot be split into
units and is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from . import sources
from .errors import CommuniqueError, InputError
from .sources import jsonl

FILES_PER_UNIT = 200  # small files (one article each) are grouped: a part per article would be tiny
UNIT_BYTES = 4_000_000  # and a file this large is a unit of its own (a JSON Lines one is split into such units)


@dataclass(frozen=True)
class InputFile:
    path: str  # absolute: what a worker opens
    name: str  # what ingest calls it: its records' origins and paths start with this
    in_directory: bool  # found by walking a directory: binary-looking files are skipped there, as in ingest
    size: int | None  # None: the source does not exist (reading it reports that error)
    # a JSON Lines file over UNIT_BYTES is split into runs of whole lines: [start, end) and the first's number
    start: int = 0
    end: int | None = None
    first_line: int = 1


@dataclass(frozen=True)
class Unit:
    """Consecutive input files to read, prepare, code and write as one part (one task on a worker)."""

    index: int
    files: list[InputFile]


def absolute(specs: Iterable[str]) -> list[str]:
    """The sources as absolute paths; '-' is refused (stdin cannot be split among workers)."""
    specs = list(specs)
    if "-" in specs:
        raise CommuniqueError("--parquet-out cannot read '-' (stdin): save the input to a file and pass its path")
    return [os.path.abspath(spec) for spec in specs]


def units(specs: Iterable[str], files_per_unit: int = FILES_PER_UNIT) -> list[Unit]:
    """The units of `specs` (as typed), in the order one ingest reads their records: runs of up to
    `files_per_unit` files and about `UNIT_BYTES`."""
    groups: list[list[InputFile]] = []
    size = 0
    for found in _files(specs):
        bytes_ = found.size or 0
        if not groups or len(groups[-1]) >= files_per_unit or size + bytes_ > UNIT_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(found)
        size += bytes_
    return [Unit(index, files) for index, files in enumerate(groups)]


def _files(specs: Iterable[str]) -> Iterator[InputFile]:
    for spec in specs:
        path = Path(os.path.abspath(spec))
        if path.is_dir():
            for child in sources.walk(path):
                yield from _split(InputFile(str(child), str(Path(spec) / child.relative_to(path)), True, _size(child)))
        elif path.exists():
            yield from _split(InputFile(str(path), str(Path(spec)), False, _size(path)))
        else:
            yield InputFile(str(path), spec, False, None)  # ingest names a missing source as typed


def _split(found: InputFile) -> Iterator[InputFile]:
    """A big JSON Lines shard as runs of whole lines (a worker holds one run's documents, not the file's);
    any other file whole."""
    path = Path(found.path)
    if (found.size or 0) <= UNIT_BYTES or not sources.is_json_lines(path):
        yield found
        return
    try:
        ranges = jsonl.line_ranges(path, UNIT_BYTES)
    except OSError:
        yield found  # reading it whole reports why
        return
    for start, end, first_line in ranges:
        yield replace(found, size=end - start, start=start, end=end, first_line=first_line)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None  # reading it will report why


def records(unit: Unit, max_bytes: int) -> Iterator[sources.SourceRecord | InputError]:
    """The unit's records and input errors, exactly as `sources.iter_records` yields them for these files."""
    for found in unit.files:
        if found.size is None and not Path(found.path).exists():
            yield InputError(found.name, "no such file or directory")
        else:
            if found.end is not None:
                items = jsonl.read_range(Path(found.path), max_bytes, found.start, found.end, found.first_line)
            else:
                items = sources.file_records(Path(found.path), max_bytes, skip_binary=found.in_directory)
            for item in items:
                yield _named(item, found)


def _named(item: sources.SourceRecord | InputError, found: InputFile) -> sources.SourceRecord | InputError:
    """The record or error under the name ingest gives the file."""
    if found.name == found.path:
        return item
    if isinstance(item, InputError):
        return type(item)(_renamed(item.path, found), item.reason)
    return replace(item, origin=_renamed(item.origin, found), path=_renamed(item.path, found))


def _renamed(value: str | None, found: InputFile) -> str | None:
    if value and value.startswith(found.path):  # "/abs/feed.jsonl#3" -> "feed.jsonl#3"
        return found.name + value[len(found.path) :]
    return value


def from_dict(data: dict) -> Unit:
    """A unit as the manifest records it (`dataclasses.asdict`)."""
    return Unit(int(data["index"]), [InputFile(**found) for found in data["files"]])
