"""One typed settings object, passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass

from .reader import MAX_BYTES_DEFAULT


@dataclass(frozen=True)
class Settings:
    language: str | None = None  # force a language instead of detecting it
    max_bytes: int = MAX_BYTES_DEFAULT  # larger inputs are refused
    ner: bool = False  # add the statistical NER stage (needs communique[ner])
