"""The compact index: serialised and read back unchanged, cached once per data version."""

from __future__ import annotations

import marshal
from array import array
from pathlib import Path

import pytest

from sitrep.geo import index


def _tiny() -> index.Index:
    return index.Index(
        name=["Ukraine", "Donetsk Oblast", "Bakhmut"],
        kind=bytes([2, 1, 0]),
        geonames_id=array("q", [690791, 0, 713174]),
        lat=array("d", [49.0, 48.14, 48.59419]),
        lon=array("d", [32.0, 37.74, 37.99886]),
        population=array("q", [40_000_000, 4_000_000, 80_500]),
        country=["UA", "UA", "UA"],
        admin1=["", "", "Donetsk Oblast"],
        admin2=["", "", "Bakhmut Raion"],
        region=array("i", [-1, -1, 1]),
        area=array("i", [-1, -1, -1]),
        keys={"ukraine": 0, "donetsk oblast": 2, "bakhmut": 4, "artemivsk": 5},
        capitals=array("i", []),
    )


def test_dumps_loads_round_trip() -> None:
    tiny = _tiny()
    assert index.loads(index.dumps(tiny)) == tiny


def test_loads_rejects_another_format() -> None:
    with pytest.raises(ValueError, match="format"):
        index.loads(marshal.dumps((index.FORMAT + 1,)))


def test_cache_path_follows_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    path = index.cache_path()
    assert path.parent == tmp_path
    assert path.name.startswith("gazetteer-") and path.suffix == ".marshal"


def test_load_or_build_builds_once_then_reads_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    (tmp_path / "gazetteer-stale.marshal").write_bytes(b"old")
    calls: list[int] = []

    def fake_build() -> index.Index:
        calls.append(1)
        return _tiny()

    monkeypatch.setattr(index, "build", fake_build)
    assert index.load_or_build() == _tiny()
    assert index.load_or_build() == _tiny()
    assert calls == [1]
    assert [p.name for p in tmp_path.iterdir()] == [index.cache_path().name]


def test_unwritable_cache_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(index, "build", _tiny)
    assert index.load_or_build() == _tiny()
