from __future__ import annotations

from html.parser import HTMLParser

from sitrep.web.highlight import Mark, highlight


class _Collect(HTMLParser):
    """Tags and text as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def test_overlapping_marks_cut_the_text_and_name_every_field() -> None:
    text = "Russian forces shelled Kupiansk."
    marks = [
        Mark(0, 32, "evidence", "event ev-1 evidence"),
        Mark(0, 14, "actor", "event ev-1 actor1"),
        Mark(15, 22, "trigger", "event ev-1 trigger (ASSAULT)"),
        Mark(23, 31, "place", "place pl-1: Kupiansk"),
    ]
    parsed = _parse(str(highlight(text, marks)))
    assert parsed.text == text
    titles = [attrs["title"] for tag, attrs in parsed.tags if tag == "mark"]
    assert "event ev-1 evidence; event ev-1 actor1" in titles
    assert "event ev-1 evidence; event ev-1 trigger (ASSAULT)" in titles
    assert "event ev-1 evidence; place pl-1: Kupiansk" in titles
    anchors = {attrs["id"] for tag, attrs in parsed.tags if tag == "span"}
    assert {"span-0-32", "span-0-14", "span-15-22", "span-23-31"} <= anchors


def test_text_and_labels_are_escaped() -> None:
    text = 'He said <script>alert(1)</script> and <img src=x onerror="x()"> & "more"'
    start = text.index("<img")
    marks = [Mark(start, text.index(">", start) + 1, "entity", 'entity e-1: <img src=x onerror="y()">')]
    html = str(highlight(text, marks))
    parsed = _parse(html)
    assert {tag for tag, _ in parsed.tags} == {"mark", "span"}
    assert parsed.text == text
    assert "<script>" not in html and "<img" not in html


def test_marks_outside_the_text_are_ignored() -> None:
    assert str(highlight("short", [Mark(3, 99, "entity", "bad")])) == "short"
