"""The `sitrep` command: each command parses its options and calls one library function.

Users see errors here as one line on stderr (`sitrep: [S001] file.txt:3: reason`), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitrep.cli_eval import eval_app
from sitrep.cli_options import (
    DbOption,
    EncodingOption,
    FieldOption,
    InputFormat,
    InputsArg,
    JobsOption,
    JsonOption,
    LimitOption,
    ModelOption,
    PublishedOption,
    SinceOption,
    UntilOption,
)
from sitrep.errors import SitrepError, UsageError
from sitrep.ingest import FieldNames
from sitrep.model import Article, json_schema
from sitrep.nlp.loader import DEFAULT_MODEL

if TYPE_CHECKING:
    from sitrep.runner import RunReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
app.add_typer(eval_app, name="eval")


class _Errors:
    """Prints each bad record as one line and remembers that something failed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: SitrepError) -> None:
        self.count += 1
        typer.echo(f"sitrep: {error}", err=True)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def _articles(
    inputs: list[str],
    input_format: str | None,
    published: str | None,
    fields: list[str] | None,
    errors: _Errors,
    encoding: str = "utf-8",
) -> list[Article]:
    from sitrep.runner import load_articles

    return load_articles(
        inputs,
        input_format,
        FieldNames.parse(fields or []),
        _date(published, "--published"),
        errors,
        encoding,
    )


@app.command()
def run(
    inputs: InputsArg,
    db: DbOption = Path("sitrep.db"),
    input_format: InputFormat = None,
    format: Annotated[str | None, typer.Option("--format", help="Same as --input-format.")] = None,
    published: PublishedOption = None,
    field: FieldOption = None,
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = 1,
    encoding: EncodingOption = "utf-8",
) -> None:
    """Read articles, extract everything, and store it in the database (one transaction per article)."""
    from sitrep.runner import run as run_articles

    errors = _Errors()
    articles = _articles(inputs, input_format or format, published, field, errors, encoding)
    if sys.stderr.isatty() and len(articles) > 1:
        with typer.progressbar(length=len(articles), label="articles", file=sys.stderr) as bar:
            report = run_articles(articles, db, model, errors, progress=bar.update, jobs=jobs)
    else:
        report = run_articles(articles, db, model, errors, jobs=jobs)
    _stored_summary(report, db, errors)


def _stored_summary(report: RunReport, db: Path, errors: _Errors) -> None:
    """The closing line of a job that stores articles; exit code 1 when any record or file failed."""
    typer.echo(
        f"{report.stored} stored, {report.already_stored} already in {db}, {errors.count} failed;"
        f" {report.linked} linked across articles",
        err=True,
    )
    if errors.count:
        raise typer.Exit(1)


@app.command()
def merge(
    shards: Annotated[list[Path], typer.Argument(help="sitrep databases to combine (shards of one input).")],
    db: DbOption = Path("sitrep.db"),
) -> None:
    """Combine databases built on several machines or in several runs into one (one transaction per
    article, articles already there unchanged), then link across them."""
    from sitrep.runner import merge as merge_stores

    errors = _Errors()
    report = merge_stores(shards, db, errors)
    _stored_summary(report, db, errors)


@app.command()
def link(db: DbOption = Path("sitrep.db")) -> None:
    """Link stored articles not linked yet: canonical entities, merged events, claim groups."""
    from sitrep.limits import date_range
    from sitrep.link.run import link as link_store
    from sitrep.store.store import Store

    if not db.exists():
        raise UsageError(f"{db}: no such database (create it with `sitrep run INPUT --db {db}`)")
    with Store(db) as store:
        done = link_store(store)
        first, last = date_range()
        odd = store.connection.execute(
            "SELECT count(*), min(id) FROM articles WHERE published < ? OR published > ?",
            (first.isoformat(), last.isoformat()),
        ).fetchone()
    typer.echo(
        f"{done.articles} articles linked; {done.linked_events} linked events"
        f" and {done.canonical_entities} canonical entities written",
        err=True,
    )
    if odd[0]:  # stored before dates were checked: they link, and are named so they can be mended
        typer.echo(
            f"sitrep: {odd[0]} stored articles (such as {odd[1]!r}) have a publication date outside"
            f" {first.isoformat()}..{last.isoformat()}; they are linked, but new ones are refused",
            err=True,
        )


@app.command()
def extract(
    inputs: InputsArg,
    format: Annotated[str, typer.Option("--format", help="json (one array) or jsonl.")] = "jsonl",
    input_format: InputFormat = None,
    published: PublishedOption = None,
    field: FieldOption = None,
    model: ModelOption = DEFAULT_MODEL,
    jobs: JobsOption = 1,
    encoding: EncodingOption = "utf-8",
) -> None:
    """Print the Extraction of each article as JSON, without touching a database."""
    from sitrep.runner import extract_articles

    if format not in ("json", "jsonl"):
        raise UsageError(f"--format {format!r}: expected json or jsonl")
    errors = _Errors()
    articles = _articles(inputs, input_format, published, field, errors, encoding)
    results = (x.model_dump(mode="json") for x in extract_articles(articles, model, errors, jobs))
    if format == "jsonl":
        for result in results:
            typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        typer.echo(json.dumps(list(results), ensure_ascii=False, indent=1))
    if errors.count:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Extraction contract."""
    typer.echo(json.dumps(json_schema(), indent=1))


def _listing(
    db: Path, query: Callable[..., list[dict[str, Any]]], as_json: bool, columns: list[str], **filters: Any
) -> None:
    from sitrep.store.store import Store

    if not db.exists():
        raise UsageError(f"{db}: no such database (create it with `sitrep run INPUT --db {db}`)")
    with Store(db) as store:
        rows = query(store, **filters)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    typer.echo("\t".join(columns))
    for row in rows:
        typer.echo("\t".join(_cell(row.get(c)) for c in columns))


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
    return " ".join(text.split())[:80]


@app.command()
def events(
    db: DbOption = Path("sitrep.db"),
    since: SinceOption = None,
    until: UntilOption = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type or ACLED event type.")] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor text or entity name contains this.")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Place name contains this.")] = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
    per_report: Annotated[
        bool, typer.Option("--per-report", help="One row per article's report, even when linked.")
    ] = False,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="incident (what took place), generic, aggregate, background, planned, denied, or any.",
        ),
    ] = "incident",
) -> None:
    """List events: once per merged event with every reporting article (after `sitrep link`); incidents
    only unless --status names another status or any."""
    from sitrep.link.listing import is_linked, linked_events
    from sitrep.store import queries
    from sitrep.store.store import Store

    columns = ["date", "type", "mode", "trigger", "actor1", "actor2", "place", "fatalities"]
    query: Callable[..., list[dict[str, Any]]] = queries.events
    if not per_report and db.exists():
        with Store(db) as store:
            linked = is_linked(store)
        if linked:
            query = linked_events
            columns = ["date", "type", "mode", "actor1", "actor2", "place", "fatalities", "reports"]
            columns.append("independent_sources")
    if status != "incident":
        columns.insert(1, "status")
    _listing(
        db,
        query,
        as_json,
        columns,
        since=since,
        until=until,
        type=type,
        actor=actor,
        place=place,
        limit=limit,
        status=status,
    )


@app.command()
def entities(
    db: DbOption = Path("sitrep.db"),
    since: SinceOption = None,
    until: UntilOption = None,
    type: Annotated[str | None, typer.Option("--type", help="Entity type (PERSON, ORG, NORP, GPE…).")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Name or alias contains this.")] = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored entities, grouped across articles."""
    from sitrep.store import queries

    columns = ["name", "type", "kind", "country", "articles", "mentions", "aliases"]
    _listing(
        db, queries.entities, as_json, columns, since=since, until=until, type=type, name=actor, limit=limit
    )


@app.command()
def claims(
    db: DbOption = Path("sitrep.db"),
    since: SinceOption = None,
    until: UntilOption = None,
    type: Annotated[
        str | None, typer.Option("--type", help="direct_quote, indirect or according_to.")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Speaker contains this.")] = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored claims with their speakers."""
    from sitrep.store import queries

    columns = ["published", "kind", "speaker", "cue", "content"]
    _listing(
        db, queries.claims, as_json, columns, since=since, until=until, kind=type, speaker=actor, limit=limit
    )


@app.command()
def places(
    db: DbOption = Path("sitrep.db"),
    since: SinceOption = None,
    until: UntilOption = None,
    place: Annotated[str | None, typer.Option("--place", help="Place name contains this.")] = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored places with coordinates."""
    from sitrep.store import queries

    columns = ["name", "country_code", "admin1", "latitude", "longitude", "precision", "articles"]
    _listing(db, queries.places, as_json, columns, since=since, until=until, name=place, limit=limit)


@app.command()
def timeline(
    db: DbOption = Path("sitrep.db"),
    entity: Annotated[str | None, typer.Option("--entity", help="Entity name or alias contains this.")] = (
        None
    ),
    place: Annotated[str | None, typer.Option("--place", help="Place name contains this.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type or ACLED event type.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Merged events in date order for one entity, place or event type."""
    from sitrep.link.timeline import timeline as query

    columns = ["date", "type", "place", "actor1", "actor2", "fatalities_high", "reports", "article_ids"]
    _listing(db, query, as_json, columns, entity=entity, place=place, type=type)


@app.command("claim-groups")
def claim_groups(
    db: DbOption = Path("sitrep.db"),
    disagreeing: Annotated[
        bool, typer.Option("--disagreeing", help="Only groups whose figures differ.")
    ] = False,
    limit: LimitOption = None,
    as_json: JsonOption = False,
) -> None:
    """Figures claimed for one thing (fatalities, injured…) of one event, side by side."""
    from sitrep.link.listing import claim_groups as query

    columns = ["measure", "side", "date", "place", "low", "high", "members", "disagrees"]
    _listing(db, query, as_json, columns, disagreeing=disagreeing, limit=limit)


@app.command()
def summary(db: DbOption = Path("sitrep.db")) -> None:
    """Print what the database holds: articles, entities, events (incidents) by type, the other mentions
    kept by status, claims, merged events."""
    from sitrep.link.listing import highlights
    from sitrep.store import queries
    from sitrep.store.store import Store

    if not db.exists():
        raise UsageError(f"{db}: no such database")
    with Store(db) as store:
        counts = queries.summary(store)
        lines = highlights(store)
    for key, value in counts.items():
        if isinstance(value, dict):
            typer.echo(f"{key}:")
            for name, number in value.items():
                typer.echo(f"  {name:<12} {number}")
        else:
            typer.echo(f"{key:<16} {value}")
    for line in lines:
        typer.echo(line)


@app.command()
def serve(
    db: DbOption = Path("sitrep.db"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", help="Switch on POST /api/articles for this bearer token.")
    ] = None,
    tiles: Annotated[
        str | None,
        typer.Option("--tiles", help="Online tile URL template for the map (default: offline basemap)."),
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Server processes answering requests (default 1).")
    ] = 1,
) -> None:
    """Serve the database as a REST API (OpenAPI at /docs) and web pages, reading it read-only."""
    from sitrep.web.server import serve as run_server

    run_server(db, host=host, port=port, token=token, tiles=tiles, model=model, workers=workers)


@app.command()
def report(
    since: Annotated[str, typer.Option("--since", help="First day (YYYY-MM-DD), inclusive.")],
    until: Annotated[str, typer.Option("--until", help="Last day (YYYY-MM-DD), inclusive.")],
    db: DbOption = Path("sitrep.db"),
    place: Annotated[
        str | None,
        typer.Option(
            "--place", help="Only this place (name contains), or a country or region and what lies in it."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="report.html or report.md (default: Markdown on stdout).")
    ] = None,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Where `sitrep serve` runs, for the evidence links.")
    ] = "http://127.0.0.1:8000",
) -> None:
    """A situation report: the bottom line, incidents ranked and by day, figures, statements, all cited."""
    from sitrep.report import build_report, to_html, to_markdown
    from sitrep.store.store import Store

    start, end = _date(since, "--since"), _date(until, "--until")
    if start is None or end is None:
        raise UsageError("--since and --until are both needed")
    if out is not None and out.suffix not in (".html", ".htm", ".md"):
        raise UsageError(f"--out {out}: expected a .html or .md file")
    if out is not None and not out.parent.is_dir():
        raise UsageError(f"--out {out}: folder {out.parent} does not exist")
    if not db.exists():
        raise UsageError(f"{db}: no such database")
    with Store(db, read_only=True) as store:
        built = build_report(store, start, end, place)
    if out is None:
        typer.echo(to_markdown(built, base_url), nl=False)
        return
    text = to_html(built, base_url) if out.suffix in (".html", ".htm") else to_markdown(built, base_url)
    out.write_text(text, encoding="utf-8")
    typer.echo(f"{len(built.sentences())} sentences written to {out}", err=True)


EXPORTS = ("acled-csv", "plover-jsonl", "geojson", "jsonl", "parquet")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help=" | ".join(EXPORTS))],
    db: DbOption = Path("sitrep.db"),
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default: standard output).")] = None,
    per_report: Annotated[
        bool,
        typer.Option(
            "--per-report",
            help="Event formats: one record per article's report, even when linked.",
        ),
    ] = False,
    include_unplaced: Annotated[
        bool,
        typer.Option(
            "--include-unplaced",
            help="GeoJSON: also write events without coordinates, with null geometry.",
        ),
    ] = False,
) -> None:
    """Export stored events or extractions: ACLED CSV, PLOVER JSON Lines, GeoJSON or Parquet (one
    record per merged event once linked), or the contract."""
    from sitrep.export.formats import FORMATS, ExportOptions
    from sitrep.store.store import Store

    export = FORMATS.get(format)
    if export is None:
        raise UsageError(f"--format {format!r}: expected one of {', '.join(EXPORTS)}")
    if not db.exists():
        raise UsageError(f"{db}: no such database")
    if export.binary and out is None:
        raise UsageError(f"--format {format}: give the file to write with --out (it is binary)")
    options = ExportOptions(per_report, include_unplaced, notice=lambda line: typer.echo(line, err=True))
    with Store(db) as store:
        if out is None:
            count = export.write(store, sys.stdout, options)
        elif export.binary:
            with out.open("wb") as binary:
                count = export.write(store, binary, options)
        else:
            with out.open("w", encoding="utf-8", newline="") as handle:
                count = export.write(store, handle, options)
    typer.echo(f"{count} records written", err=True)


def main() -> None:
    """Entry point: run the app and turn sitrep's errors into one line on stderr."""
    try:
        result = app(standalone_mode=False)  # returns the code of a typer.Exit
    except SitrepError as exc:
        typer.echo(f"sitrep: {exc}", err=True)
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("sitrep: aborted", err=True)
        sys.exit(130)
    except Exception as exc:
        # a mistyped option or argument: Typer raises its own copy of click's ClickException
        if any(kind.__name__ == "ClickException" for kind in type(exc).__mro__):
            typer.echo(f"sitrep: {exc.format_message()}", err=True)  # type: ignore[attr-defined]
            sys.exit(int(getattr(exc, "exit_code", 2)))
        raise
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
