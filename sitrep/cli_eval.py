"""`sitrep eval`: score one stage against gold data, or every measure against its recorded floor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.cli_options import ModelOption
from sitrep.errors import UsageError
from sitrep.nlp.loader import DEFAULT_MODEL

eval_app = typer.Typer(no_args_is_help=True, help="Score sitrep against gold data.")


@eval_app.command("time")
def eval_time(
    paths: Annotated[list[Path], typer.Argument(help="TempEval-3 gold JSON Lines files.")],
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Time expressions: extent and value precision, recall and F1."""
    from sitrep.eval.time import score_time

    _print_scores(score_time(paths, model))


@eval_app.command("places")
def eval_places(
    paths: Annotated[list[Path], typer.Argument(help="GeoWebNews/GeoVirus gold JSON Lines files.")],
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Places: accuracy within 161 km end to end, precision of emitted places, median error."""
    from sitrep.eval.places import score_places

    _print_scores(dict(score_places(paths, model)))


@eval_app.command("events")
def eval_events(
    paths: Annotated[
        list[Path],
        typer.Argument(help="PLOVER GSR, CAMEO, IndiaPoliceEvents, MUC-4 or CASE 2021 gold files."),
    ],
    sample: Annotated[int | None, typer.Option("--sample", help="Score this many documents.")] = None,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Events: type, quad-class and actor scores, per gold set (told apart by file name)."""
    from sitrep.eval.events import scorer_for

    for path in paths:
        scorer = scorer_for(path)
        if scorer is None:
            raise UsageError(
                f"{path}: not a known events gold file (plover, cameo, india_police, muc4, case2021)"
            )
        typer.echo(f"# {path}")
        _print_scores(dict(scorer([path], model, sample)))


@eval_app.command("claims")
def eval_claims(
    paths: Annotated[list[Path], typer.Argument(help="PolNeAR gold JSON Lines files.")],
    sample: Annotated[int | None, typer.Option("--sample", help="Score this many annotation files.")] = None,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Claims: content overlap and exact F1, speaker accuracy."""
    from sitrep.eval.claims import score_claims

    _print_scores(dict(score_claims(paths, model, sample)))


@eval_app.command("link")
def eval_link(
    folder: Annotated[Path, typer.Argument(help="Folder with articles.jsonl and gold.json.")] = Path(
        "eval/link"
    ),
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Cross-article linking: B-cubed precision and recall of event merges and entity merges."""
    from sitrep.eval.link import score_link

    _print_scores(score_link([folder], model))


@eval_app.command("incidents")
def eval_incidents(
    folder: Annotated[Path, typer.Argument(help="Folder of incident gold files (<story id>.json).")],
    stories: Annotated[
        Path | None,
        typer.Option("--stories", help="Story texts (default: FOLDER/../voa/voa_stories.jsonl)."),
    ] = None,
    half: Annotated[
        str | None, typer.Option("--half", help="Only half A (for tuning) or B (for checking).")
    ] = None,
    show_list: Annotated[
        bool, typer.Option("--list", help="Also list each story's incidents and rows.")
    ] = False,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """ACLED rows against hand-coded incidents of whole stories: recall, precision, F1, fatalities."""
    from sitrep.eval import incidents

    chosen = half.upper() if half else None
    if chosen is not None and chosen not in incidents.HALVES:
        raise UsageError(f"--half {half!r}: expected A or B")
    results = incidents.evaluate(folder, stories or incidents.default_stories(folder), model)
    parts = incidents.by_half(results)
    named = [("all", results), *((f"half {n}", parts[n]) for n in incidents.HALVES)]
    if chosen is not None:
        named = [(f"half {chosen}", parts[chosen])]
    typer.echo(incidents.figures_table([(name, incidents.figures(part)) for name, part in named]))
    if show_list:
        for result in results if chosen is None else parts[chosen]:
            typer.echo("\n" + "\n".join(incidents.story_listing(result)))


@eval_app.command("all")
def eval_all(
    eval_dir: Annotated[Path, typer.Option("--eval-dir", help="Folder of gold data sets.")] = Path(
        "../shared/eval"
    ),
    floors: Annotated[Path, typer.Option("--floors", help="Recorded floors.")] = Path("eval/floors.json"),
    record: Annotated[
        bool, typer.Option("--record", help="Raise floors to the figures of this run.")
    ] = False,
    lower: Annotated[
        bool, typer.Option("--lower", help="With --record: also lower floors (needs --reason).")
    ] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="Why a floor is lowered.")] = None,
) -> None:
    """Every measure against its recorded floor; exit 1 when one falls below it."""
    from sitrep.eval import gate
    from sitrep.eval.suites import SUITES

    if lower and not record:
        raise UsageError("--lower only makes sense with --record")
    if not eval_dir.is_dir():
        raise UsageError(f"{eval_dir}: no gold data folder")
    recorded = gate.load_floors(floors)
    figures, sums, notes = gate.measure(SUITES, eval_dir)
    result = gate.check(figures, sums, recorded)
    result.notes[:0] = notes
    typer.echo(result.table())
    if record:
        gate.save_floors(floors, gate.record(figures, sums, recorded, lower=lower, reason=reason))
        typer.echo(f"floors recorded in {floors}")
    elif result.failures:
        names = ", ".join(r.measure for r in result.failures)
        typer.echo(f"sitrep: accuracy gate failed: {names} below floor", err=True)
        raise typer.Exit(1)


def _print_scores(scores: dict[str, Any]) -> None:
    for key, value in scores.items():
        if key == "confusions":
            for pair in value:
                typer.echo(f"  {pair['count']:>3}  {pair['gold']} -> {pair['answer']}")
            continue
        typer.echo(f"{key:<22} {value:.3f}" if isinstance(value, float) else f"{key:<22} {value}")
