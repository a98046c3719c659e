"""Parquet: the PLOVER records as one typed, compressed table, for sets too large for JSON or CSV.

Same rows and fields as `plover-jsonl`, the ACLED columns included (one per merged event once
linked, `per_report` for one per report), with
a fixed schema so that an empty database still writes a readable file and every export of any size
loads with the same column types (dates as dates, article ids and outlets as lists).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.export.plover import plover_records
from sitrep.store.store import Store

_TEXT = pa.string()
_PARTY = [
    ("{role}", _TEXT),
    ("{role}_text", _TEXT),
    ("{role}_country", _TEXT),
    ("{role}_sector", _TEXT),
    ("{role}_kind", _TEXT),
]
SCHEMA = pa.schema(
    [
        ("id", _TEXT),
        ("date", pa.date32()),
        ("date_precision", pa.int8()),
        ("event_type", _TEXT),
        ("mode", _TEXT),
        *[(name.format(role="actor"), kind) for name, kind in _PARTY],
        *[(name.format(role="recipient"), kind) for name, kind in _PARTY],
        ("location", _TEXT),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("country", _TEXT),
        ("geonames_id", pa.int64()),
        ("dead", pa.int64()),
        ("attributed_to", _TEXT),
        ("confidence", pa.float64()),
        ("article_id", _TEXT),
        ("source", _TEXT),
        ("url", _TEXT),
        ("title", _TEXT),
        ("evidence", _TEXT),
        ("disorder_type", _TEXT),
        ("acled_event_type", _TEXT),
        ("acled_sub_event_type", _TEXT),
        ("acled_actor1", _TEXT),
        ("assoc_actor_1", _TEXT),
        ("inter1", pa.int8()),
        ("acled_actor2", _TEXT),
        ("assoc_actor_2", _TEXT),
        ("inter2", pa.int8()),
        ("interaction", _TEXT),
        ("civilian_targeting", _TEXT),
        ("admin1", _TEXT),
        ("admin2", _TEXT),
        ("admin3", _TEXT),
        ("geo_precision", pa.int8()),
        ("time_precision", pa.int8()),
        ("acled_source", _TEXT),
        ("source_scale", _TEXT),
        ("tags", _TEXT),
        ("linked_event_id", _TEXT),
        ("article_ids", pa.list_(_TEXT)),
        ("sources", pa.list_(_TEXT)),
        ("reports", pa.int32()),
        ("independent_sources", pa.int32()),
        (
            "fatalities_reported",
            pa.list_(pa.struct([("value", pa.int64()), ("source", _TEXT)])),
        ),
    ]
)


def _row(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in SCHEMA.names}
    row["date"] = dt.date.fromisoformat(record["date"])
    if row["article_ids"] is None:  # one report: it rests on its own article
        row["article_ids"] = [record["article_id"]]
        row["sources"] = [record["source"]] if record["source"] else []
        row["reports"], row["independent_sources"] = 1, 1
        row["fatalities_reported"] = (
            []
            if record["dead"] is None
            else [{"value": record["dead"], "source": record["source"] or record["article_id"]}]
        )
    return row


def write_parquet(store: Store, path: Path | BinaryIO, per_report: bool = False) -> int:
    """Write the Parquet file (zstd-compressed) to a path or a binary stream; return the number of rows."""
    rows = [_row(record) for record in plover_records(store, per_report)]
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), path, compression="zstd")
    return len(rows)
