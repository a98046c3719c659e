"""The SQLite store (`Store`) and its read-only queries (`sitrep.store.queries`)."""

from sitrep.store.store import Store

__all__ = ["Store"]
