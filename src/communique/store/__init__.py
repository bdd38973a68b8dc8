"""Durable event store: SQLite by default, PostgreSQL as the server option (SQLAlchemy Core)."""

from .database import Store, default_url, open_store
from .queries import EventFilter

__all__ = ["EventFilter", "Store", "default_url", "open_store"]
