"""Settings of `communique serve`: command-line options over a TOML config file over defaults."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import DataError


@dataclass(frozen=True)
class WebSettings:
    db: str | None = None  # database URL (None: the default store)
    token: str | None = None  # writes need it; without one, writes are refused
    protect_reads: bool = False  # reads need the token too
    max_body_bytes: int = 2_000_000  # a POSTed article larger than this is refused (413)
    max_page_size: int = 500  # `limit` above this is refused (422)
    rate_per_second: float = 50.0  # per client address, sustained; 0 turns the limit off
    rate_burst: int = 200  # requests a client may make at once before the rate applies
    cache_entries: int = 256  # answers (event pages, timelines, networks) kept until the next write


def config_path() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "communique" / "serve.toml"


def load(path: Path | None = None, **overrides) -> WebSettings:
    """Defaults, then the config file (if any), then COMMUNIQUE_TOKEN, then `overrides` that are not None."""
    settings = WebSettings()
    file = path or config_path()
    if path is not None and not file.is_file():
        raise DataError(f"{file}: config file not found")
    if file.is_file():
        settings = _from_file(file, settings)
    if os.environ.get("COMMUNIQUE_TOKEN"):
        settings = replace(settings, token=os.environ["COMMUNIQUE_TOKEN"])
    return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def _from_file(file: Path, settings: WebSettings) -> WebSettings:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"{file}: cannot read config ({exc})") from None
    known = {f.name: f.type for f in fields(WebSettings)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise DataError(f"{file}: unknown setting {unknown[0]!r} (known: {', '.join(known)})")
    for name, value in data.items():
        expected = {"bool": bool, "int": int, "float": (int, float)}.get(str(known[name]).split(" ")[0], str)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise DataError(f"{file}: setting {name!r} has the wrong type ({type(value).__name__})")
    return replace(settings, **data)
