from __future__ import annotations

import pytest

from sitrep.export.outlets import host, outlet, scale


@pytest.mark.parametrize(
    ("source", "url", "name"),
    [
        ("voanews.com", None, "Voice of America"),
        (None, "https://www.voanews.com/a/story/1.html", "Voice of America"),
        ("edition.cnn.com", None, "CNN"),
        ("Example Wire", "https://example.org/x", "Example Wire"),
        (None, "https://news.example.org/x", "news.example.org"),
        (None, "ftp://example.org/x", None),
        ("  ", None, None),
    ],
)
def test_outlet_by_name_source_or_host(source: str | None, url: str | None, name: str | None) -> None:
    assert outlet(source, url) == name


def test_scale_joins_reaches_narrowest_first() -> None:
    assert scale(["Voice of America"]) == "International"
    assert scale(["Voice of America", "Kyiv Independent", "Example Wire"]) == "National-International"
    assert scale(["Example Wire"]) == ""
    assert scale([]) == ""


def test_host_drops_www() -> None:
    assert host("https://WWW.Reuters.com/world") == "reuters.com"
    assert host("not a url") is None
