"""The situation report over a database built by the real pipeline (`web_db`) and over the demo corpus."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sitrep.link.run import link
from sitrep.model import Article
from sitrep.pipeline import Pipeline
from sitrep.report import build_report, evidence_url, to_html, to_markdown
from sitrep.report.figures import figures, group_figures, unit_key
from sitrep.report.parts import Report
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[2]
WEEK = (dt.date(2024, 5, 1), dt.date(2024, 5, 31))


@pytest.fixture(scope="module")
def demo_db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (`make demo`: every article under examples/) stored by the real pipeline."""
    from sitrep.ingest import read_articles

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        for article in read_articles([str(ROOT / "examples")]):
            assert isinstance(article, Article)
            store.add(article, pipeline.extract(article))
        link(store)  # as `sitrep run` does
    return path


@pytest.fixture(scope="module")
def unlinked_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database as a file that was never linked: the link tables are empty."""
    path = tmp_path_factory.mktemp("unlinked") / "demo.db"
    with Store(demo_db, read_only=True) as source, Store(path) as target:
        source.connection.backup(target.connection)
        for table in ("claim_group_members", "claim_groups", "linked_event_members", "linked_events"):
            target.connection.execute(f"DELETE FROM {table}")
        for table in ("canonical_entity_members", "canonical_entities", "link_articles"):
            target.connection.execute(f"DELETE FROM {table}")
    return path


def _assert_every_sentence_cites(store: Store, report: Report) -> None:
    sentences = report.sentences()
    assert len(sentences) >= 10
    for sentence in sentences:
        assert sentence.citations, sentence.text
        for citation in sentence.citations:
            article = store.article(citation.article_id)
            assert article is not None
            assert article.text[citation.start : citation.end] == citation.text


def test_every_sentence_of_the_demo_report_cites_an_article(demo_db: Path) -> None:
    with Store(demo_db, read_only=True) as store:
        report = build_report(store, *WEEK)
        sentences = report.sentences()
        assert len(sentences) >= 10
        for sentence in sentences:
            assert sentence.citations, sentence.text
            for citation in sentence.citations:
                article = store.article(citation.article_id)
                assert article is not None
                assert article.text[citation.start : citation.end] == citation.text
    html = to_html(report)
    items = re.findall(r'<li class="report-sentence">(.*?)</li>', html, flags=re.S)
    assert len(items) == len(sentences)
    assert all(re.search(r'href="/articles/[^"]+\?cite=\d+-\d+#span-\d+-\d+"', item) for item in items)
    markdown = to_markdown(report)
    bullets = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(sentences)
    assert all(re.search(r"\[\^\d+\]$", line) for line in bullets)
    for number in {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", markdown)}:
        assert re.search(rf"^\[\^{number}\]: article \S+, characters \d+–\d+", markdown, flags=re.M)


def test_report_has_key_events_by_day_figures_and_statements(demo_db: Path) -> None:
    with Store(demo_db, read_only=True) as store:
        report = build_report(store, *WEEK)
    ranked, events, casualties, statements = report.sections
    assert ranked.title == "Incidents ranked"
    assert [sub.title for sub in events.subsections] == sorted(sub.title for sub in events.subsections)
    assert any("Kupyansk" in s.text for sub in events.subsections for s in sub.sentences)
    assert any("according to" in s.text for s in casualties.sentences)
    assert statements.sentences and all("“" in s.text for s in statements.sentences)


def test_place_filter_keeps_that_place(demo_db: Path) -> None:
    with Store(demo_db, read_only=True) as store:
        report = build_report(store, *WEEK, place="fasher")
    texts = [s.text for sub in report.sections[1].subsections for s in sub.sentences]
    assert texts and all("Fasher" in t for t in texts)


def test_figures_of_one_count_place_and_days_are_grouped(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        groups = group_figures(figures(store))
    civilians = [g for g in groups if g.unit == "civilians" and g.place and "upyansk" in g.place]
    assert civilians and any(len(g.figures) > 1 for g in civilians)
    assert unit_key("civilian") == unit_key("civilians") and unit_key("person") == "people"


def test_article_text_cannot_inject_markup_into_the_report(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        report = build_report(store, *WEEK)
    html = to_html(report)
    assert "<script>" not in html and "<img" not in html
    markdown = to_markdown(report)
    assert "\\<script\\>" in markdown, "the hostile article is cited"
    prose = re.sub(r"\[\^\d+\]", "", markdown)
    assert re.search(r"(?<!\\)[<>\[\]]", prose) is None, "every < > [ ] from an article is escaped"


def test_evidence_links_escape_the_article_id() -> None:
    from sitrep.report.parts import Citation

    url = evidence_url(Citation("a/b?c#d", 3, 9, "x"), "http://127.0.0.1:8000")
    assert url == "http://127.0.0.1:8000/articles/a%2Fb%3Fc%23d?cite=3-9#span-3-9"


def test_two_figures_of_one_claim_are_no_disagreement() -> None:
    from sitrep.report.figures import Figure, FigureGroup

    def figure(value: float, claim: str) -> Figure:
        return Figure(
            value,
            str(value),
            "drones",
            "2024-05-10",
            None,
            "air force",
            None,
            "2024-05-10",
            "a1",
            claim,
            0,
            9,
            "x",
        )

    one_claim = FigureGroup(
        "drones", None, "2024-05-10", "2024-05-10", [figure(11, "cl-1"), figure(13, "cl-1")]
    )
    assert one_claim.claims == 1 and not one_claim.disagrees
    two_claims = FigureGroup(
        "drones", None, "2024-05-10", "2024-05-10", [figure(11, "cl-1"), figure(14, "cl-2")]
    )
    assert two_claims.claims == 2 and two_claims.disagrees


def test_key_events_are_merged_events_told_with_their_sources(demo_db: Path) -> None:
    with Store(demo_db, read_only=True) as store:
        report = build_report(store, *WEEK)
    events = [s for sub in report.sections[1].subsections for s in sub.sentences]
    merged = [s for s in events if re.search(r"reported by [3-9]\d* sources, \d+ independent", s.text)]
    assert merged, "the Kupiansk shelling is reported by at least three articles"
    assert len({c.article_id for c in merged[0].citations}) >= 3
    casualties = report.sections[2].sentences
    assert any(s.text.startswith("Figures differ for fatalities of people") for s in casualties)
    assert all("according to" in s.text for s in casualties)


def test_a_database_never_linked_still_gets_a_cited_report(unlinked_db: Path) -> None:
    with Store(unlinked_db, read_only=True) as store:
        report = build_report(store, *WEEK)
        _assert_every_sentence_cites(store, report)
    events = [s.text for sub in report.sections[1].subsections for s in sub.sentences]
    assert events and not any("independent" in text for text in events)


def _sample_db(path: Path, shelling_status: str, linked: bool) -> Path:
    """The store tests' sample, its shelling of Kostiantynivka (ev-1, two civilians killed, as the
    governor's claim says) told with `shelling_status`."""
    import store_sample as sample

    extraction = sample.extraction()
    events = [
        e.model_copy(update={"status": shelling_status}) if e.id == "ev-1" else e for e in extraction.events
    ]
    claims = [
        c.model_copy(
            update={"quantities": [q.model_copy(update={"unit": "civilians"}) for q in c.quantities]}
        )
        for c in extraction.claims
    ]
    with Store(path) as store:
        store.add(sample.article(), extraction.model_copy(update={"events": events, "claims": claims}))
        store.add(sample.second_article(), sample.second_extraction())
        if linked:
            link(store)
    return path


@pytest.mark.parametrize("linked", [False, True], ids=["per-article", "linked"])
def test_the_report_tells_incidents_only(tmp_path: Path, linked: bool) -> None:
    spring = (dt.date(2023, 3, 1), dt.date(2023, 4, 30))
    told: dict[str, list[str]] = {}
    for status in ("incident", "aggregate"):
        with Store(_sample_db(tmp_path / f"{status}.db", status, linked), read_only=True) as store:
            report = build_report(store, *spring)
        told[status] = [s.text for s in report.sections[1].sentences + report.sections[2].sentences] + [
            s.text for sub in report.sections[1].subsections for s in sub.sentences
        ]
    assert any("Kostiantynivka" in text for text in told["incident"])
    assert any("two civilians" in text for text in told["incident"]), "the governor's figure"
    assert not any("Kostiantynivka" in text or "two civilians" in text for text in told["aggregate"])
    assert any("Kyiv" in text for text in told["aggregate"]), "the protest is still told"


def test_the_bottom_line_counts_incidents_and_deaths_against_the_previous_period(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        line = build_report(store, dt.date(2024, 5, 10), dt.date(2024, 5, 13)).bottom_line
    assert line is not None
    assert (line.before_since, line.before_until) == (dt.date(2024, 5, 6), dt.date(2024, 5, 9))
    assert (line.total.incidents, line.total.deaths) == (2, 1)
    assert (line.total.before_incidents, line.total.before_deaths) == (3, 13)
    by_type = {t.label: (t.incidents, t.before_incidents) for t in line.by_type}
    assert by_type["Explosions/Remote violence"] == (1, 3)  # the shell that struck near El Fasher's market
    assert sum(now for now, _ in by_type.values()) == 2 and sum(b for _, b in by_type.values()) == 3
    assert {t.key: (t.incidents, t.before_incidents) for t in line.by_country} == {"SD": (2, 0), "UA": (0, 3)}
    assert {t.label for t in line.by_country} == {"Sudan", "Ukraine"}
    assert line.headline().startswith("2 incidents and 1 reported death from 2024-05-10 to 2024-05-13")
    assert "(-1 incidents, -12 deaths)" in line.headline()


def test_incidents_are_ranked_once_each_with_all_their_sources(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        report = build_report(store, dt.date(2024, 5, 1), dt.date(2024, 5, 31))
        _assert_every_sentence_cites(store, report)
    ranked = report.sections[0]
    deadliest, widest = (sub.sentences for sub in ranked.subsections)
    assert [s.text.split(";")[1].strip() for s in deadliest][:2] == [
        "6 killed (reports give 6 to 35)",
        "4 killed",
    ]
    assert widest[0].text.count("report") and "3 reports, 3 independent" in widest[0].text
    assert len({c.article_id for c in widest[0].citations}) == 3
    assert "Kupyansk, Kharkiv Oblast, UA" in deadliest[0].text


def test_the_report_opens_with_the_bottom_line_in_html_and_markdown(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        report = build_report(store, dt.date(2024, 5, 1), dt.date(2024, 5, 31), place="Ukraine")
    html = to_html(report)
    assert html.index("Bottom line") < html.index("Incidents ranked") < html.index("Incidents by day")
    assert "acled_type=Explosions%2FRemote%20violence" in html or "acled_type=Explosions/Remote" in html
    markdown = to_markdown(report)
    assert markdown.index("## Bottom line") < markdown.index("## Incidents ranked")
    assert "| Ukraine | 3 |" in markdown, "the country filter counts the towns of Ukraine"
