"""Fuzzing: hostile files through the readers and hostile articles through the pipeline.

Nothing raises, every bad record is one line naming its file, every good record of a damaged file is
read, and every span of every extraction indexes the article text. The test run tries about 3,000
files and 60 batches of articles; `make fuzz` runs 10,000 of each file test and 1,000 batches
(`SITREP_FUZZ_EXAMPLES`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError, SitrepError
from sitrep.ingest import read_articles
from sitrep.model import Article, Extraction
from sitrep.pipeline import Pipeline

FILES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "1500"))  # per reader test
ARTICLES = max(FILES // 10, 60)  # batches of up to 4 hostile articles
GOOD = "Russian forces shelled Kharkiv on Tuesday, killing three civilians, the governor said."

# Pieces of text that have broken parsers: runs of quotes, brackets and symbols, emoji and joiners,
# right-to-left text and marks, combining characters, control characters, huge numbers, odd dates.
HOSTILE = [
    '"' * 300,
    "'" * 300,
    "(" * 200 + ")" * 10,
    "$" * 150,
    "\U0001f600\u200d" * 100,
    "\u202e\u0645\u0631\u062d\u0628\u0627\u202c",
    "e\u0301" * 50,
    "\x00\x01\x1b[31m\x7f",
    "99999999999999999999999 people were killed",
    "on 31 February 0000 and in the year 10000",
    "http://" + "a" * 300 + ".com/" + "?" * 50,
    "«»„“”‘’‹›" * 40,
    "\u2028\u2029\r\n\r\t\v\f",
    "Dr." * 100,
    "U.S." * 80,
    "\ufeff",
]
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from([GOOD, '"We will not leave," he said.', "Police arrested 40 protesters."]),
        st.text(max_size=40),
        st.text(alphabet=st.sampled_from("\"'()[]{}<>$€£¥%&*#@!?.,;:-–—…"), min_size=50, max_size=400),
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


def _good_record(number: int) -> dict[str, str]:
    return {"id": f"good-{number}", "published": "2024-05-08", "text": f"{GOOD} ({number})"}


def _one_line(error: InputError, path: Path) -> None:
    message = str(error)
    assert "\n" not in message and "\r" not in message and str(path) in message
    message.encode("utf-8")  # printable


@settings(max_examples=FILES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    junk=st.lists(st.binary(max_size=300), max_size=6),
    goods=st.integers(min_value=0, max_value=4),
    bom=st.booleans(),
    kind=st.sampled_from(["jsonl", "csv"]),
)
def test_damaged_record_files_keep_every_good_record(
    junk: list[bytes], goods: int, bom: bool, kind: str
) -> None:
    """Good records between lines of random bytes: each good one read, each bad one named on one line."""
    good_lines = (
        [json.dumps(_good_record(n)).encode() for n in range(goods)]
        if kind == "jsonl"
        else [f"good-{n},2024-05-08,{GOOD} ({n})".encode() for n in range(goods)]
    )
    # a junk line may not hold a line break (it would make two lines) nor a quote that opens a CSV field
    lines = [j.replace(b"\n", b" ").replace(b"\r", b" ").replace(b'"', b"'") for j in junk]
    body = [line for pair in zip(lines, good_lines, strict=False) for line in pair]
    body += lines[len(good_lines) :] + good_lines[len(lines) :]
    header = [b"id,published,text"] if kind == "csv" else []
    data = (b"\xef\xbb\xbf" if bom else b"") + b"\n".join(header + body) + b"\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz.{kind}"
        path.write_bytes(data)
        found = list(read_articles([str(path)]))
    for item in found:
        if isinstance(item, InputError):
            _one_line(item, path)
    read = {item.id for item in found if isinstance(item, Article)}
    if b"\0" not in data[:8192] and data.strip(b"\xef\xbb\xbf\n "):
        assert {f"good-{n}" for n in range(goods)} <= read


@settings(max_examples=FILES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(["txt", "jsonl", "csv"]))
def test_random_bytes_never_break_a_reader(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random.{suffix}"
        path.write_bytes(data)
        for item in read_articles([str(path)], published=dt.date(2024, 5, 8)):
            if isinstance(item, InputError):
                _one_line(item, path)
            else:
                assert item.text.strip()


@settings(
    max_examples=ARTICLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(_TEXT, min_size=1, max_size=4))
def test_hostile_articles_extract_with_exact_spans(pipeline: Pipeline, texts: list[str]) -> None:
    articles = [Article(id=f"f{i}", published=dt.date(2024, 5, 8), text=text) for i, text in enumerate(texts)]
    results = list(pipeline.pipe(articles, batch_size=3))
    assert [a.id for a, _ in results] == [a.id for a in articles]
    for article, result in results:
        if isinstance(result, Extraction):
            for span in result.spans():
                assert article.text[span.start : span.end] == span.text
        else:
            assert isinstance(result, SitrepError) and "\n" not in str(result)
