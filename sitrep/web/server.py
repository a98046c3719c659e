"""Start the server: check the database once, bring its schema up to date, then hand over to uvicorn."""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import UsageError
from sitrep.store.store import Store
from sitrep.web.app import create_app
from sitrep.web.settings import Settings


def prepare(db: Path) -> None:
    """Fail early with one line on a missing or foreign file; migrate a file written by an older sitrep."""
    if not db.is_file():
        raise UsageError(f"{db}: no such database (create it with `sitrep run INPUT --db {db}`)")
    Store(db).close()  # applies any migration the file has not seen (the read-only requests cannot)


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    tiles: str | None = None,
    model: str | None = None,
) -> None:
    """Serve the API and pages until interrupted."""
    import uvicorn

    if token is not None and len(token) < 16:
        raise UsageError("--token must be at least 16 characters")
    prepare(db)
    app = create_app(Settings(db=db, token=token, tiles=tiles, model=model))
    uvicorn.run(app, host=host, port=port, log_level="info")
