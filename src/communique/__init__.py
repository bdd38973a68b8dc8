"""communique: structured, verifiable diplomatic event data from Swedish and English news."""

from .errors import CommuniqueError, DataError, InputError, StoreError, UnsupportedLanguageError
from .model import SCHEMA_VERSION, Document
from .pipeline import Pipeline, extract
from .settings import Settings

__all__ = [
    "SCHEMA_VERSION",
    "ActorRecord",
    "Database",
    "EventRecord",
    "StoreError",
    "open",
    "CommuniqueError",
    "DataError",
    "Document",
    "InputError",
    "Pipeline",
    "Settings",
    "UnsupportedLanguageError",
    "extract",
]
__version__ = "0.1.0"

_LAZY = {"ActorRecord", "Database", "EventRecord"}  # the store needs SQLAlchemy: load it only when asked


def open(url: str | None = None):  # noqa: A001 - communique.open(db), like sqlite3.connect
    """Open (creating or migrating) the event database at `url`; default: the user's SQLite file."""
    from .api import open_database

    return open_database(url)


def __getattr__(name: str):
    if name in _LAZY:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
