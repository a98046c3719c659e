"""The project's own word lists (JSON data files beside this module), loaded once and read-only."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed contents of `sitrep/lexicons/<name>.json`."""
    with resources.files(__package__).joinpath(f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)
