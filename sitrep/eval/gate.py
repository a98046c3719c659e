"""The accuracy gate: every measure against its recorded floor, so a change that costs accuracy fails.

Floors live in `eval/floors.json` with the date they were recorded and the checksums of the gold files
they were measured on. A figure below its floor by more than the tolerance fails the gate with the
measure named. `record` raises floors to the current figures; it lowers one only when told to, and then
writes the reason into the file, so a lowered floor is always explained in the repository.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import UsageError

TOLERANCE = 0.005
Scorer = Callable[[list[Path]], Mapping[str, Any]]


@dataclass(frozen=True)
class Suite:
    """One scorer run over some gold files, giving several measures ("time.value_f1", …)."""

    name: str
    files: tuple[str, ...]
    scorer: Scorer
    keys: tuple[str, ...]
    root: Path | None = None  # where `files` are, when not in the gold data folder (the project's own sets)


@dataclass
class Row:
    measure: str
    figure: float | None
    floor: float | None
    recorded: float | None

    @property
    def change(self) -> float | None:
        if self.figure is None or self.recorded is None:
            return None
        return self.figure - self.recorded

    def failed(self, tolerance: float) -> bool:
        if self.floor is None:
            return False
        return self.figure is None or self.figure < self.floor - tolerance


@dataclass
class GateResult:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tolerance: float = TOLERANCE

    @property
    def failures(self) -> list[Row]:
        return [r for r in self.rows if r.failed(self.tolerance)]

    def table(self) -> str:
        """measure, figure, floor, and the change since the recorded run."""
        lines = [f"{'measure':<34}{'figure':>9}{'floor':>9}{'change':>9}"]
        for row in self.rows:
            change = "" if row.change is None else f"{row.change:+.3f}"
            floor = "" if row.floor is None else f"{row.floor:.3f}"
            figure = "missing" if row.figure is None else f"{row.figure:.3f}"
            flag = "  BELOW FLOOR" if row.failed(self.tolerance) else ""
            lines.append(f"{row.measure:<34}{figure:>9}{floor:>9}{change:>9}{flag}")
        return "\n".join([*lines, *self.notes])


def checksum(path: Path) -> str:
    """SHA-256 of a file; of a folder (gold data kept one file per story), of each file's name and
    checksum in name order, so adding, renaming or editing any of them changes it."""
    digest = hashlib.sha256()
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(f"{file.relative_to(path).as_posix()}\0{checksum(file)}\n".encode())
        return digest.hexdigest()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_floors(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"tolerance": TOLERANCE, "measures": {}, "datasets": {}, "lowered": []}
    floors: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return floors


def measure(suites: list[Suite], eval_dir: Path) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """Run every suite whose gold files are present: figures, checksums of the files used, notes."""
    figures: dict[str, float] = {}
    sums: dict[str, str] = {}
    notes: list[str] = []
    for suite in suites:
        paths = [(suite.root or eval_dir) / f for f in suite.files]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            notes.append(f"skipped {suite.name}: {', '.join(missing)} not found")
            continue
        scores = suite.scorer(paths)
        for key in suite.keys:
            value = scores.get(key)
            if isinstance(value, int | float):
                figures[f"{suite.name}.{key}"] = float(value)
        for relative, path in zip(suite.files, paths, strict=True):
            sums[relative] = checksum(path)
    return figures, sums, notes


def check(figures: Mapping[str, float], sums: Mapping[str, str], floors: dict[str, Any]) -> GateResult:
    """Compare figures with the recorded floors."""
    result = GateResult(tolerance=float(floors.get("tolerance", TOLERANCE)))
    recorded: dict[str, Any] = floors.get("measures", {})
    for name in sorted(set(figures) | set(recorded)):
        entry = recorded.get(name, {})
        result.rows.append(Row(name, figures.get(name), entry.get("floor"), entry.get("figure")))
    for relative, digest in sums.items():
        known = floors.get("datasets", {}).get(relative)
        if known is not None and known != digest:
            result.notes.append(
                f"note: {relative} changed since the floors were recorded; figures may not compare"
            )
    for name in sorted(set(figures) - set(recorded)):
        result.notes.append(f"note: {name} has no floor yet (record one with `sitrep eval all --record`)")
    return result


def record(
    figures: Mapping[str, float],
    sums: Mapping[str, str],
    floors: dict[str, Any],
    lower: bool = False,
    reason: str | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """New floors: raised to the current figures; lowered only with `lower` and a reason."""
    if lower and not (reason and reason.strip()):
        raise UsageError("lowering a floor needs --reason explaining why")
    today = today or dt.date.today()
    updated = json.loads(json.dumps(floors))
    measures = updated.setdefault("measures", {})
    lowered = updated.setdefault("lowered", [])
    for name, figure in sorted(figures.items()):
        old = measures.get(name)
        rounded = round(figure, 4)
        if old is not None and rounded < old["floor"]:
            if not lower:
                continue  # keep the higher floor; the gate reports the drop
            lowered.append(
                {
                    "measure": name,
                    "from": old["floor"],
                    "to": rounded,
                    "reason": reason,
                    "date": today.isoformat(),
                }
            )
        measures[name] = {"floor": rounded, "figure": rounded, "recorded": today.isoformat()}
    updated.setdefault("datasets", {}).update(sums)
    updated.setdefault("tolerance", TOLERANCE)
    return updated


def save_floors(path: Path, floors: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
