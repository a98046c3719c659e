"""What one server needs to know, fixed at start-up and shared by every request."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Settings:
    """`token` switches on `POST /api/articles`; `tiles` is an online tile URL template, off by default."""

    db: Path
    token: str | None = None
    tiles: str | None = None
    model: str | None = None
    node_modules: Path = ROOT / "node_modules"
    pipeline: Pipeline | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    max_body: int = 8 * 1024 * 1024  # bytes of a POST: the longest text accepted, JSON-escaped, fits
    exports: int = 2  # whole-database exports written at once; more wait (503, Retry-After)
    export_slots: threading.BoundedSemaphore = field(init=False)

    def __post_init__(self) -> None:
        self.export_slots = threading.BoundedSemaphore(self.exports)

    def to_json(self) -> str:
        """What a worker process needs to rebuild these settings (`sitrep serve --workers`)."""
        fields = {"db": str(self.db), "token": self.token, "tiles": self.tiles, "model": self.model}
        return json.dumps({**fields, "node_modules": str(self.node_modules), "max_body": self.max_body})

    @classmethod
    def from_json(cls, text: str) -> Settings:
        given = json.loads(text)
        return cls(
            db=Path(given["db"]),
            token=given["token"],
            tiles=given["tiles"],
            model=given["model"],
            node_modules=Path(given["node_modules"]),
            max_body=given["max_body"],
        )

    def get_pipeline(self) -> Pipeline:
        """The pipeline, loaded on the first ingest: it takes seconds, and most servers never ingest."""
        if self.pipeline is None:
            from sitrep.nlp.loader import DEFAULT_MODEL
            from sitrep.pipeline import Pipeline

            self.pipeline = Pipeline(self.model or DEFAULT_MODEL)
        return self.pipeline
