"""Files written whole or not at all: into a temporary file beside the target, moved onto it with
`os.replace` only when the block succeeds, so a failure or a kill leaves no partial file behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import CommuniqueError


@contextmanager
def atomic_path(path: Path, error: type[CommuniqueError] = CommuniqueError) -> Iterator[Path]:
    """Yield a fresh temporary path next to `path`; move it onto `path` if the block succeeds. An OS error
    becomes `error` ("path: cannot write (reason)")."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # O_EXCL: never clobber someone else's file; mode 0o666 lets the umask decide, as open() would.
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as exc:
        raise error(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise error(f"{path}: cannot write ({exc.strerror or exc})") from exc
        raise
