"""The export formats by name, for the CLI and the web download alike: how each is written, its media
type and file name, so both offer the same formats with the same content.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, TextIO

from sitrep.export.acled import write_acled
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.export.plover import write_plover
from sitrep.store.store import Store


@dataclass(frozen=True)
class ExportOptions:
    """How to write an export: `per_report` (one record per article's report, even when linked);
    `include_unplaced` (GeoJSON: events without coordinates as features with null geometry); `notice`
    receives one line about what a writer left out (the CLI prints it on stderr)."""

    per_report: bool = False
    include_unplaced: bool = False
    notice: Callable[[str], None] | None = None


@dataclass(frozen=True)
class ExportFormat:
    """One export: its writer (store, stream, options) -> records, and whether the stream is binary."""

    name: str
    media_type: str
    file_name: str
    write: Callable[[Store, Any, ExportOptions], int]  # a text stream, or a binary one when `binary`
    binary: bool = False


def _acled(store: Store, out: TextIO, options: ExportOptions) -> int:
    return write_acled(store, out, options.per_report)


def _plover(store: Store, out: TextIO, options: ExportOptions) -> int:
    return write_plover(store, out, options.per_report)


def _geojson(store: Store, out: TextIO, options: ExportOptions) -> int:
    return write_geojson(store, out, options.per_report, options.include_unplaced, options.notice)


def _contract(store: Store, out: TextIO, options: ExportOptions) -> int:
    """The stored extractions as the contract's JSON Lines (always one per article)."""
    return write_jsonl(store, out)


def _parquet(store: Store, out: BinaryIO, options: ExportOptions) -> int:
    from sitrep.export.parquet import write_parquet  # pyarrow loads only when Parquet is asked for

    return write_parquet(store, out, options.per_report)


FORMATS: dict[str, ExportFormat] = {
    export.name: export
    for export in (
        ExportFormat("acled-csv", "text/csv; charset=utf-8", "sitrep-events.csv", _acled),
        ExportFormat("plover-jsonl", "application/x-ndjson", "sitrep-events.plover.jsonl", _plover),
        ExportFormat("geojson", "application/geo+json", "sitrep-events.geojson", _geojson),
        ExportFormat("jsonl", "application/x-ndjson", "sitrep-extractions.jsonl", _contract),
        ExportFormat(
            "parquet", "application/vnd.apache.parquet", "sitrep-events.parquet", _parquet, binary=True
        ),
    )
}


def write_to(
    store: Store,
    export: ExportFormat,
    out: IO[bytes],
    per_report: bool = False,
    options: ExportOptions | None = None,
) -> int:
    """Write the export to a binary stream (a file, a spooled temporary file), without a copy of the
    whole export in memory; the number of records. `options`, when given, replaces `per_report`."""
    options = options or ExportOptions(per_report=per_report)
    if export.binary:
        return export.write(store, out, options)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        return export.write(store, text, options)
    finally:
        text.flush()
        text.detach()  # leaves `out` open for the caller


def render(store: Store, export: ExportFormat, per_report: bool = False) -> tuple[bytes, int]:
    """The whole export as bytes, with the number of records."""
    options = ExportOptions(per_report=per_report)
    if export.binary:
        binary = io.BytesIO()
        count = export.write(store, binary, options)
        return binary.getvalue(), count
    text = io.StringIO(newline="")
    count = export.write(store, text, options)
    return text.getvalue().encode("utf-8"), count
