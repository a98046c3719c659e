"""Start the server: check the database once, bring its schema up to date, then hand over to uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from sitrep.errors import UsageError
from sitrep.store.store import Store
from sitrep.web.app import create_app
from sitrep.web.settings import Settings

ENVIRONMENT = "SITREP_SERVE_SETTINGS"


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
    workers: int = 1,
) -> None:
    """Serve the API and pages until interrupted, in `workers` processes (each with its own read-only
    connections; posted articles are written one at a time by SQLite's lock)."""
    import uvicorn

    if token is not None and len(token) < 16:
        raise UsageError("--token must be at least 16 characters")
    prepare(db)
    settings = Settings(db=db, token=token, tiles=tiles, model=model)
    if workers <= 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
        return
    os.environ[ENVIRONMENT] = settings.to_json()  # read back by each worker process
    uvicorn.run(
        "sitrep.web.server:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


def app_from_environment() -> FastAPI:
    """The application of one worker process of `serve`, from the settings its parent left."""
    return create_app(Settings.from_json(os.environ[ENVIRONMENT]))
