"""Options and arguments the `sitrep` commands share, named once so every command spells them alike."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
ModelOption = Annotated[str, typer.Option("--model", help="spaCy pipeline to load (an installed package).")]
JobsOption = Annotated[
    int,
    typer.Option("--jobs", min=1, help="Worker processes for extraction, each loading the model once."),
]
InputsArg = Annotated[list[str], typer.Argument(help="Files, directories or glob patterns.")]
InputFormat = Annotated[
    str | None, typer.Option("--input-format", help="text, jsonl or csv (default: by file extension).")
]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="YYYY-MM-DD date for text files without a date header.")
]
FieldOption = Annotated[
    list[str] | None, typer.Option("--field", help="ATTRIBUTE=FIELD for JSON Lines/CSV, e.g. text=body.")
]
EncodingOption = Annotated[
    str, typer.Option("--encoding", help="Encoding of the input files, e.g. latin-1 (default: UTF-8).")
]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD), inclusive.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD), inclusive.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LimitOption = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]
