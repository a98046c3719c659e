"""`make bench`: sitrep's speed as a share of plain spaCy's on the same articles, in the same run, and
the API's latency on 100,000 events (`--part web`, in `sitrep.web.bench`), and the time `sitrep link` takes
on a large database (`--part link`).

Each side runs in its own child process so that its peak memory is its own; the figures that matter are
the ratios, because the machines are noisy. Articles come from `../shared/eval/news_throughput/` when it
is present (the first `--limit` records), else from `examples/`.

The linking part stores the extractions of `examples/` over and over (new ids; each pass over them moved
to other dates within two years and other places on the map, so the Kupiansk reports still merge within
a pass) without running spaCy again, then times linking 10,000 articles at once and 100 more added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from sitrep.ingest import read_articles
from sitrep.model import Article, Document, Extraction
from sitrep.nlp.loader import DEFAULT_MODEL, load_nlp

ROOT = Path(__file__).resolve().parent.parent
JOBS = 2  # worker processes in the `--jobs` row: the cores of the machine the figures are quoted for
THROUGHPUT = ROOT.parent / "shared" / "eval" / "news_throughput" / "news_throughput.jsonl"


def bench_articles(limit: int) -> tuple[list[Article], str]:
    """The articles to time and where they came from."""
    if THROUGHPUT.exists():
        source = str(THROUGHPUT)
        found = [a for a in read_articles([source]) if isinstance(a, Article)]
    else:
        source = str(ROOT / "examples")
        found = [a for a in read_articles([source]) if isinstance(a, Article)]
    return found[:limit], source


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(side: str, limit: int, model: str) -> dict[str, object]:
    """Time one side over the articles; runs inside a child process."""
    articles, _ = bench_articles(limit)
    chars = sum(len(a.text) for a in articles)
    started = time.perf_counter()
    if side == "spacy":
        nlp = load_nlp(model)
        loaded = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=32):
            pass
        stages: dict[str, float] = {}
    elif side == "jobs":
        from sitrep import parallel

        loaded = started  # the workers load the model inside the timed run, as a user waits for them
        for _ in parallel.pipe(articles, model, jobs=JOBS):
            pass
        stages = {}
    else:
        from sitrep.geo.gazetteer import Gazetteer
        from sitrep.pipeline import Pipeline

        gazetteer_start = time.perf_counter()
        before = _peak_mb()
        Gazetteer.load()
        gazetteer_seconds = time.perf_counter() - gazetteer_start
        gazetteer_mb = _peak_mb() - before
        pipeline = Pipeline(model)
        loaded = time.perf_counter()
        for _ in pipeline.pipe(articles):
            pass
        stages = dict(pipeline.timings)
        stages["gazetteer_load_s"] = gazetteer_seconds
        stages["gazetteer_peak_mb_added"] = gazetteer_mb
    finished = time.perf_counter()
    seconds = finished - loaded
    return {
        "side": side,
        "articles": len(articles),
        "characters": chars,
        "load_s": loaded - started,
        "seconds": seconds,
        "articles_per_s": len(articles) / seconds if seconds else 0.0,
        "chars_per_s": chars / seconds if seconds else 0.0,
        "peak_mb": max(_peak_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "stages": stages,
    }


def _spawn(side: str, limit: int, model: str) -> dict[str, object]:
    command = [sys.executable, "-m", "sitrep.bench", "--child", side, "--limit", str(limit), "--model", model]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


def report(spacy: dict[str, object], sitrep: dict[str, object], jobs: dict[str, object], source: str) -> str:
    """The benchmark table."""
    lines = [f"articles: {sitrep['articles']} from {source} ({sitrep['characters']} characters)", ""]
    lines.append(f"{'':<14}{'articles/s':>12}{'chars/s':>12}{'peak MB':>10}{'load s':>8}")
    names = {"spacy": "plain spaCy", "sitrep": "sitrep", "jobs": f"sitrep -j {JOBS}"}
    for row in (spacy, sitrep, jobs):
        lines.append(
            f"{names[str(row['side'])]:<14}{row['articles_per_s']:>12.1f}"
            f"{row['chars_per_s']:>12.0f}{row['peak_mb']:>10.0f}{row['load_s']:>8.2f}"
        )
    ratio = float(sitrep["articles_per_s"]) / float(spacy["articles_per_s"])  # type: ignore[arg-type]
    speedup = float(jobs["articles_per_s"]) / float(sitrep["articles_per_s"])  # type: ignore[arg-type]
    lines += [
        "",
        f"ratio sitrep / plain spaCy (articles/s, same run): {ratio:.2f}",
        f"ratio sitrep --jobs {JOBS} / sitrep (articles/s incl. worker start-up, same run): {speedup:.2f}",
        "",
        "stage timings:",
    ]
    stages = dict(sitrep["stages"])  # type: ignore[call-overload]
    total = sum(v for k, v in stages.items() if not k.startswith("gazetteer"))
    for name, value in stages.items():
        if name.startswith("gazetteer"):
            continue
        lines.append(f"  {name:<12}{value:>8.2f} s {100 * value / total:>6.1f} %")
    load_s, load_mb = stages["gazetteer_load_s"], stages["gazetteer_peak_mb_added"]
    lines.append(f"gazetteer load: {load_s:.2f} s, {load_mb:.0f} MB added to peak")
    return "\n".join(lines)


def _copies(count: int, offset: int, among: int | None = None) -> list[tuple[Article, Extraction]]:
    """`count` stored-looking articles made from the extractions of `examples/`: new ids, dates, places.

    With `among`, the copies land in the first `among` passes already stored, as late reports and
    reprints of stored events do.
    """
    from sitrep.pipeline import Pipeline

    global _EXAMPLES
    if not _EXAMPLES:
        articles = [a for a in read_articles([str(ROOT / "examples")]) if isinstance(a, Article)]
        pipeline = Pipeline()
        _EXAMPLES = [(a, x) for a, x in pipeline.pipe(articles) if isinstance(x, Extraction)]
    found = []
    for n in range(offset, offset + count):
        article, extraction = _EXAMPLES[n % len(_EXAMPLES)]
        # One pass over the examples shares a date shift and a place offset, so its reports still merge.
        cycle = n // len(_EXAMPLES) if among is None else (n * 37) % among
        shift = dt.timedelta(days=(cycle * 7) % 730 - 365)
        lat, lon = (cycle % 40) * 0.25 - 5, ((cycle // 40) % 30) * 0.35 - 5
        copy = article.model_copy(
            update={
                "id": f"bench-{n}",
                "published": article.published + shift,
                "text": f"{article.text}\n{n}",
            }
        )
        places = [
            p.model_copy(update={"lat": p.lat + lat, "lon": p.lon + lon})
            if p.lat is not None and p.lon is not None
            else p
            for p in extraction.places
        ]
        events = [e.model_copy(update={"date": e.date + shift}) if e.date else e for e in extraction.events]
        found.append(
            (
                copy,
                extraction.model_copy(
                    update={"document": Document.of(copy), "places": places, "events": events}
                ),
            )
        )
    return found


_EXAMPLES: list[tuple[Article, Extraction]] = []


def _store_all(path: Path, items: list[tuple[Article, Extraction]]) -> None:
    from sitrep.store import rows
    from sitrep.store.store import Store

    with Store(path) as store:
        conn = store.connection
        conn.execute("BEGIN")
        for article, extraction in items:
            rows.write(conn, article, extraction)
        conn.execute("COMMIT")


def bench_link(total: int = 10_000, added: int = 100) -> dict[str, float]:
    """Seconds to link `total` stored articles, then to link `added` more."""
    import tempfile

    from sitrep.link.run import link
    from sitrep.store.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        _store_all(path, _copies(total, 0))
        with Store(path) as store:
            started = time.perf_counter()
            first = link(store)
            whole = time.perf_counter() - started
        _store_all(path, _copies(added, total, among=total // len(_EXAMPLES)))
        with Store(path) as store:
            started = time.perf_counter()
            more = link(store)
            incremental = time.perf_counter() - started
            merged = store.connection.execute(
                "SELECT count(*) FROM linked_events WHERE reports > 1"
            ).fetchone()[0]
    return {
        "articles": first.articles,
        "link_s": whole,
        "added": more.articles,
        "relink_s": incremental,
        "merged_events": merged,
    }


def link_report(figures: dict[str, float]) -> str:
    return (
        f"link: {figures['articles']:.0f} articles in {figures['link_s']:.1f} s"
        f" ({figures['merged_events']:.0f} events merged from several reports);"
        f" {figures['added']:.0f} more articles re-linked in {figures['relink_s']:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=400, help="articles to time (default 400)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--child", choices=("spacy", "sitrep", "jobs"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-output" / "bench.json")
    parser.add_argument(
        "--part",
        choices=("all", "extract", "web", "load", "link"),
        default="all",
        help="which part (default all)",
    )
    parser.add_argument("--events", type=int, default=100_000, help="events in the web benchmark's database")
    parser.add_argument("--link-articles", type=int, default=10_000, help="articles to link (default 10000)")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.limit, args.model)))
        return
    if args.part in ("all", "extract"):
        run_extract_bench(args)
    if args.part in ("all", "web"):
        from sitrep.web.bench import run as run_web_bench

        if args.part == "all":
            print()
        run_web_bench(args.out.parent, args.events)
    if args.part in ("all", "load"):
        run_load_bench(args)
    if args.part in ("all", "link"):
        if args.part == "all":
            print()
        linking = bench_link(args.link_articles)
        print(link_report(linking))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        (args.out.parent / "link.json").write_text(json.dumps(linking, indent=1))


def run_load_bench(args: argparse.Namespace) -> None:
    """Loopback clients at once against the web benchmark's database (built first when missing)."""
    from sitrep.web import load
    from sitrep.web.bench import build_database

    db = args.out.parent / "web-bench.db"
    if not db.exists():
        args.out.parent.mkdir(parents=True, exist_ok=True)
        build_database(db, args.events)
    runs = []
    for workers in (1, 2):
        print()
        runs.append(load.run(db, workers=workers))
        print(load.report(runs[-1]))
    (args.out.parent / "load.json").write_text(json.dumps(runs, indent=1))


def run_extract_bench(args: argparse.Namespace) -> None:
    """sitrep against plain spaCy, each side in its own process."""
    _, source = bench_articles(args.limit)
    spacy = _spawn("spacy", args.limit, args.model)
    sitrep = _spawn("sitrep", args.limit, args.model)
    jobs = _spawn("jobs", args.limit, args.model)
    print(report(spacy, sitrep, jobs, source))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    figures = {"spacy": spacy, "sitrep": sitrep, "jobs": jobs, "source": source}
    args.out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
