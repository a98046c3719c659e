"""The data contract as JSON Lines: one Extraction per stored article, exactly as `sitrep extract` writes it.

This is the lossless export: a database can be rebuilt from it, and every event is kept with its
`status`, the mentions that are not incidents (generic, aggregate, background, planned, denied) included.
"""

from __future__ import annotations

import json
from typing import TextIO

from sitrep.store.store import Store


def write_jsonl(store: Store, out: TextIO) -> int:
    """Write one Extraction per line, by publication date; return the number of lines."""
    written = 0
    for _article, extraction in store.extractions():
        out.write(json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False) + "\n")
        written += 1
    return written
