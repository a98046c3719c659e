"""Scoring ACLED rows against hand-coded ACLED-style incidents of whole stories (eval README, "Incidents").

Each gold story (`incidents/<story id>.json`) is run through the pipeline with its publication date, read
from the stories file as `sitrep extract` reads it. The rows are the events the ACLED export writes
(`sitrep.model.is_acled_row`). A row fits an incident when its ACLED event type is the incident's (or
one of `event_type_any`, or its sub-event type is one of `sub_event_any`), its day is one of `date_any`
(an undated incident: any day in `date_window`, or any day without one), and its place lies within
100 km of the incident's point or its place or admin1 name holds one of `location_any`.

Must incidents and rows are matched one to one (a maximum matching); then each optional incident takes
one leftover row that fits it. recall: must incidents matched. precision: matched rows over the rows
not spent on optional incidents. A leftover row that fits an incident is a duplicate (ACLED codes an
incident once) and is wrong like any other leftover row. fatalities_ok: matched must incidents whose row
carries one of `fatalities_any` (none when none is reported). fatality_ratio: all exported fatalities
over the must incidents' figures (1.0 is right, above it inflated); fatality_closeness, min(r, 1/r),
makes of it a figure best at 1.0 and lower either way, so the gate can hold a floor on it.

Figures are rounded as `../shared/tools/score_incidents.py` rounds them (F1 from the rounded precision and
recall), so both give the same numbers on the same extractions. The stories are split into two fixed
halves by sorted id, A (even positions) for tuning rules and B (odd positions) for checking them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.geo.distance import haversine_km
from sitrep.model import Article, Event, Extraction, Place, is_acled_row
from sitrep.nlp.loader import DEFAULT_MODEL

NEAR_KM = 100.0
HALVES = ("A", "B")
_NOT_LETTER = re.compile(r"[^a-z]")


def acled_key(name: object) -> str:
    """An ACLED type by its letters alone, lower case: "Air/drone strike" and "air drone strike" are one."""
    return _NOT_LETTER.sub("", name.lower()) if isinstance(name, str) else ""


def _number(value: object) -> float | None:
    """A finite number from a gold or extracted field; anything else (booleans, text, NaN) is none."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _rounded(part: float, whole: float, digits: int = 4) -> float:
    return round(part / whole, digits) if whole else 0.0


@dataclass(frozen=True)
class Incident:
    """One hand-coded incident, with its fields in the form the fit test compares."""

    key: str
    date: str
    event_type: str
    location: str
    days: frozenset[str]
    window: tuple[str, str] | None
    types: frozenset[str]
    sub_types: frozenset[str]
    lat: float | None
    lon: float | None
    location_any: tuple[str, ...]
    fatalities: float | None
    fatalities_any: tuple[float | None, ...]

    @classmethod
    def of(cls, record: dict[str, Any]) -> Incident:
        window = record.get("date_window") or []
        return cls(
            key=str(record.get("key", "")),
            date=str(record.get("date") or ""),
            event_type=str(record.get("event_type") or ""),
            location=str(record.get("location") or ""),
            days=frozenset(str(d) for d in (record.get("date_any") or [record.get("date")]) if d),
            window=(str(window[0]), str(window[1])) if len(window) == 2 and all(window) else None,
            types=frozenset(
                acled_key(t) for t in [record.get("event_type"), *(record.get("event_type_any") or [])]
            ),
            sub_types=frozenset(acled_key(t) for t in record.get("sub_event_any") or []),
            lat=_number(record.get("lat")),
            lon=_number(record.get("lon")),
            location_any=tuple(str(n).lower() for n in record.get("location_any") or [] if str(n).strip()),
            fatalities=_number(record.get("fatalities")),
            fatalities_any=tuple(_number(v) for v in record.get("fatalities_any") or []),
        )


@dataclass(frozen=True)
class GoldStory:
    """The incidents of one story: must ones (recall) and optional ones (neither rewarded nor penalised)."""

    id: str
    title: str
    must: tuple[Incident, ...]
    optional: tuple[Incident, ...]

    @classmethod
    def of(cls, record: dict[str, Any]) -> GoldStory:
        """`incidents` marked `must: false` join the optional ones, after them."""
        listed = record.get("incidents") or []
        optional = [Incident.of(r) for r in record.get("optional") or []]
        optional += [Incident.of(r) for r in listed if not r.get("must", True)]
        return cls(
            id=str(record["doc_id"]),
            title=str(record.get("title") or ""),
            must=tuple(Incident.of(r) for r in listed if r.get("must", True)),
            optional=tuple(optional),
        )


def read_gold(folder: Path) -> list[GoldStory]:
    """Every `<story id>.json` in the folder, in file-name order."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such gold folder")
    stories = []
    for path in sorted(folder.glob("*.json")):
        try:
            stories.append(GoldStory.of(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(str(path), f"not an incidents gold file: {exc}") from exc
    return stories


def halves(story_ids: Iterable[str]) -> dict[str, str]:
    """Each story's half: the sorted ids alternate A, B, A, …, fixed however the rules change."""
    return {story_id: HALVES[position % 2] for position, story_id in enumerate(sorted(set(story_ids)))}


@dataclass(frozen=True)
class AcledRow:
    """One event the ACLED export writes, with the values the fit test compares."""

    event: Event
    place: Place | None

    @property
    def type_key(self) -> str:
        return acled_key(self.event.acled_event_type)

    @property
    def sub_key(self) -> str:
        return acled_key(self.event.acled_sub_event_type)

    @property
    def day(self) -> str | None:
        return self.event.date.isoformat() if self.event.date else None

    @property
    def fatalities(self) -> float | None:
        return _number(self.event.fatalities)

    @property
    def names(self) -> tuple[str, ...]:
        """The place's name and admin1, lower case, where `location_any` may be found."""
        if self.place is None:
            return ()
        return tuple(n.lower() for n in (self.place.name, self.place.admin1) if n)


def acled_rows(extraction: Extraction | None) -> list[AcledRow]:
    """The rows the ACLED export writes for one extraction (none when the extractors failed)."""
    if extraction is None:
        return []
    places = {place.id: place for place in extraction.places}
    return [
        AcledRow(event, places.get(event.place_id or ""))
        for event in extraction.events
        if is_acled_row(event)
    ]


def _dated(row: AcledRow, incident: Incident) -> bool:
    if incident.days:
        return row.day in incident.days
    if incident.window is not None:
        return row.day is not None and incident.window[0] <= row.day <= incident.window[1]
    return True


def _distance_km(row: AcledRow, incident: Incident) -> float | None:
    place = row.place
    if (
        place is None
        or place.lat is None
        or place.lon is None
        or incident.lat is None
        or incident.lon is None
    ):
        return None
    return haversine_km(place.lat, place.lon, incident.lat, incident.lon)


def _placed(row: AcledRow, incident: Incident) -> bool:
    """Within 100 km of the gold point (a coder's and a gazetteer's point for one town differ), or named
    as the gold's `location_any` names it."""
    distance = _distance_km(row, incident)
    if distance is not None and distance <= NEAR_KM:
        return True
    return any(wanted in name for wanted in incident.location_any for name in row.names)


def fits(row: AcledRow, incident: Incident, with_place: bool = True) -> bool:
    """Whether a row codes the incident: type, day and (unless told otherwise) place."""
    typed = row.type_key in incident.types or row.sub_key in incident.sub_types
    if not (typed and _dated(row, incident)):
        return False
    return not with_place or _placed(row, incident)


def match(incidents: Sequence[Incident], rows: Sequence[AcledRow], taken: set[int]) -> dict[int, int]:
    """A maximum one-to-one matching of incidents to fitting rows outside `taken` (incident index to row
    index), so that no row codes two incidents; augmenting paths in incident and row order, which decides
    which of several fitting rows an incident gets, and so its fatalities, as the reference scorer does."""
    candidates = [
        [i for i, row in enumerate(rows) if i not in taken and fits(row, incident)] for incident in incidents
    ]
    incident_of: dict[int, int] = {}

    def augment(k: int, seen: set[int]) -> bool:
        for i in candidates[k]:
            if i in seen:
                continue
            seen.add(i)
            if i not in incident_of or augment(incident_of[i], seen):
                incident_of[i] = k
                return True
        return False

    for k in range(len(incidents)):
        augment(k, set())
    return {k: i for i, k in incident_of.items()}


@dataclass
class StoryResult:
    """One story's rows and which incident each of them was matched to."""

    gold: GoldStory
    rows: list[AcledRow]
    must_rows: dict[int, int] = field(default_factory=dict)  # must incident index -> row index
    optional_rows: dict[int, int] = field(default_factory=dict)  # optional incident index -> row index
    half: str = ""

    @classmethod
    def of(cls, gold: GoldStory, extraction: Extraction | None, half: str = "") -> StoryResult:
        rows = acled_rows(extraction)
        must_rows = match(gold.must, rows, set())
        optional_rows = match(gold.optional, rows, set(must_rows.values()))
        return cls(gold, rows, must_rows, optional_rows, half)

    def coded(self, index: int) -> tuple[str, Incident | None]:
        """What a row is, with the incident it codes: matched (to a must incident), optional, duplicate
        (fits an incident already coded) or wrong (no incident)."""
        for mark, incidents, matched in (
            ("matched", self.gold.must, self.must_rows),
            ("optional", self.gold.optional, self.optional_rows),
        ):
            for k, i in matched.items():
                if i == index:
                    return mark, incidents[k]
        row = self.rows[index]
        fitted = next((g for g in (*self.gold.must, *self.gold.optional) if fits(row, g)), None)
        return ("duplicate", fitted) if fitted is not None else ("wrong", None)

    def mark(self, index: int) -> str:
        return self.coded(index)[0]

    def count(self, mark: str) -> int:
        return sum(1 for i in range(len(self.rows)) if self.mark(i) == mark)

    def found_ignoring_place(self) -> int:
        return sum(1 for g in self.gold.must if any(fits(row, g, with_place=False) for row in self.rows))

    def fatalities_right(self) -> int:
        """Matched must incidents whose row carries a defensible figure, or none when none is reported."""
        right = 0
        for k, i in self.must_rows.items():
            wanted, got = self.gold.must[k].fatalities_any, self.rows[i].fatalities
            right += (got in wanted) if wanted else not got
        return right

    def exported_fatalities(self) -> float:
        return sum(row.fatalities or 0 for row in self.rows)

    def gold_fatalities(self) -> float:
        return sum(g.fatalities or 0 for g in self.gold.must)


def figures(results: Sequence[StoryResult]) -> dict[str, Any]:
    """The figures over some stories (eval README, "Incidents")."""
    must = sum(len(r.gold.must) for r in results)
    rows = sum(len(r.rows) for r in results)
    found = sum(len(r.must_rows) for r in results)
    judged = rows - sum(len(r.optional_rows) for r in results)
    precision, recall = _rounded(found, judged), _rounded(found, must)
    exported = sum(r.exported_fatalities() for r in results)
    gold = sum(r.gold_fatalities() for r in results)
    return {
        "stories": len(results),
        "must": must,
        "rows": rows,
        "rows_per_story": _rounded(rows, len(results), 2),
        "recall": recall,
        "precision": precision,
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "duplicates": sum(r.count("duplicate") for r in results),
        "recall_ignoring_place": _rounded(sum(r.found_ignoring_place() for r in results), must),
        "fatalities_ok": _rounded(sum(r.fatalities_right() for r in results), found),
        "fatality_ratio": _rounded(exported, gold, 2),
        "fatality_closeness": closeness(exported, gold),
        "exported_fatalities": exported,
        "gold_fatalities": gold,
    }


def closeness(exported: float, gold: float) -> float:
    """min(r, 1/r) of the fatality ratio: 1.0 when the totals agree, towards 0 as they part either way."""
    if not gold:
        return 1.0 if not exported else 0.0
    ratio = exported / gold
    return round(min(ratio, 1 / ratio), 4) if ratio else 0.0


def read_stories(path: Path, wanted: set[str]) -> list[Article]:
    """The wanted stories from a stories file, read as `sitrep extract` reads it (publication date from
    `published`); a story told twice counts once, and one that cannot be read goes unscored."""
    from sitrep.runner import load_articles

    if not path.is_file():
        raise InputError(str(path), "no such stories file")
    first: dict[str, Article] = {}
    for article in load_articles([str(path)], format="jsonl"):
        if article.id in wanted:
            first.setdefault(article.id, article)
    return list(first.values())


def extract(articles: Sequence[Article], model: str) -> dict[str, Extraction | None]:
    """Each article's Extraction by id (None where the extractors failed)."""
    from sitrep.pipeline import Pipeline

    return {
        article.id: result if isinstance(result, Extraction) else None
        for article, result in Pipeline(model).pipe(articles)
    }


def evaluate(gold_dir: Path, stories_path: Path, model: str = DEFAULT_MODEL) -> list[StoryResult]:
    """Every gold story found in the stories file, extracted and matched, in story-id order; halves
    are assigned over all gold stories, so a missing text does not move a story to the other half."""
    gold = {story.id: story for story in read_gold(gold_dir)}
    half = halves(gold)
    extractions = extract(read_stories(stories_path, set(gold)), model)
    return [
        StoryResult.of(gold[sid], extractions[sid], half[sid]) for sid in sorted(gold) if sid in extractions
    ]


def score_incidents(paths: list[Path], model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Figures over every story: `paths` is the gold folder, then optionally the stories file (by
    default `voa/voa_stories.jsonl` beside the gold folder)."""
    gold_dir = Path(paths[0])
    stories = Path(paths[1]) if len(paths) > 1 else default_stories(gold_dir)
    return figures(evaluate(gold_dir, stories, model))


def default_stories(gold_dir: Path) -> Path:
    return gold_dir.parent / "voa" / "voa_stories.jsonl"


def by_half(results: Sequence[StoryResult]) -> dict[str, list[StoryResult]]:
    return {name: [r for r in results if r.half == name] for name in HALVES}


_COLUMNS = (
    ("stories", "stories", "{:d}"),
    ("must", "must", "{:d}"),
    ("rows", "rows", "{:d}"),
    ("rows/story", "rows_per_story", "{:.2f}"),
    ("recall", "recall", "{:.3f}"),
    ("precision", "precision", "{:.3f}"),
    ("f1", "f1", "{:.3f}"),
    ("dupl", "duplicates", "{:d}"),
    ("recall~place", "recall_ignoring_place", "{:.3f}"),
    ("fatal_ok", "fatalities_ok", "{:.3f}"),
    ("fatal_ratio", "fatality_ratio", "{:.2f}"),
)


def figures_table(named: Sequence[tuple[str, dict[str, Any]]]) -> str:
    """One aligned line of figures per set of stories, exported and gold fatalities last."""
    widths = [max(len(title), 6) for title, _, _ in _COLUMNS]
    head = f"{'':<8}" + " ".join(f"{t:>{w}}" for (t, _, _), w in zip(_COLUMNS, widths, strict=True))
    lines = [head + "  fatalities (exported/gold)"]
    for name, values in named:
        cells = [fmt.format(values[key]) for _, key, fmt in _COLUMNS]
        body = " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
        fatalities = f"{values['exported_fatalities']:g}/{values['gold_fatalities']:g}"
        lines.append(f"{name:<8}{body}  {fatalities}")
    return "\n".join(lines)


def _incident_line(incident: Incident, row: AcledRow | None) -> str:
    state = "found " if row is not None else "MISSED"
    return f"  {state} {incident.key:<44} {incident.date:<10}  {incident.event_type} @ {incident.location}"


def _row_line(result: StoryResult, index: int) -> str:
    """A row as an analyst checks it: what it counts as, day, type, place, deaths, trigger, evidence."""
    mark, incident = result.coded(index)
    row, event = result.rows[index], result.rows[index].event
    kind = f"{event.acled_event_type} / {event.acled_sub_event_type or '-'}"
    place = row.place.name if row.place is not None else "-"
    deaths = "-" if event.fatalities is None else str(event.fatalities)
    evidence = " ".join(event.evidence[0].text.split())[:60] if event.evidence else ""
    coded = f" = {incident.key}" if incident is not None else ""
    return (
        f"    {mark:<9} {row.day or '-':<10}  {kind:<50} {place[:18]:<18} {deaths:>6}"
        f"  {event.trigger.text!r}: {evidence}{coded}"
    )


def story_listing(result: StoryResult) -> list[str]:
    """Each must incident found or missed, then every row with what it counts as."""
    gold = result.gold
    lines = [
        f"{gold.id} [{result.half}] {len(result.must_rows)}/{len(gold.must)} incidents, "
        f"{len(result.rows)} rows  {gold.title}"
    ]
    for k, incident in enumerate(gold.must):
        row = result.rows[result.must_rows[k]] if k in result.must_rows else None
        lines.append(_incident_line(incident, row))
    lines.extend(_row_line(result, i) for i in range(len(result.rows)))
    return lines
