"""Partitioned inputs: the sources of an ingest as units of work (one input file each), in the order
`sources.iter_records` reads them (its own directory walk and reader choice).

Sources are made absolute, since a worker on another machine opens a unit by its name (over a shared
filesystem). Standard input cannot be split into units and is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import sources
from .errors import CommuniqueError, InputError


@dataclass(frozen=True)
class Unit:
    """One input file to read, prepare, code and write as one part (a task on a worker)."""

    index: int
    path: str
    in_directory: bool  # found by walking a directory: binary-looking files are skipped there, as in ingest
    size: int | None  # None: the source does not exist (its part records that error)


def absolute(specs: Iterable[str]) -> list[str]:
    """The sources as absolute paths; '-' is refused (stdin cannot be split among workers)."""
    specs = list(specs)
    if "-" in specs:
        raise CommuniqueError("--parquet-out cannot read '-' (stdin): save the input to a file and pass its path")
    return [os.path.abspath(spec) for spec in specs]


def units(specs: Iterable[str]) -> list[Unit]:
    """The units of `specs` (absolute paths) in the order their records are read by one ingest."""
    found: list[tuple[str, bool, int | None]] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found.extend((str(child), True, _size(child)) for child in sources._walk(path))
        else:
            found.append((spec, False, _size(path) if path.exists() else None))
    return [Unit(index, path, in_dir, size) for index, (path, in_dir, size) in enumerate(found)]


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None  # reading it will report why


def records(unit: Unit, max_bytes: int) -> Iterator[sources.SourceRecord | InputError]:
    """The unit's records and input errors, exactly as `sources.iter_records` yields them for this file."""
    if unit.size is None and not Path(unit.path).exists():
        yield InputError(unit.path, "no such file or directory")
        return
    yield from sources._read_file(Path(unit.path), max_bytes, skip_binary=unit.in_directory)
