"""Exports of a Store: ACLED CSV, PLOVER JSON Lines, GeoJSON and the contract as JSON Lines.

Each writer takes a Store and an open text stream and returns the number of records written.
"""

from sitrep.export.acled import write_acled
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.export.plover import write_plover

__all__ = ["write_acled", "write_geojson", "write_jsonl", "write_plover"]
