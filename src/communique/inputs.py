"""Expand command-line inputs: files, directories (recursively, text files only) and stdin."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def expand(paths: Iterable[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in TEXT_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path
