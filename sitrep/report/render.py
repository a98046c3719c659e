"""The report as a standalone HTML file, as Markdown, or as a fragment for the web UI.

Every sentence ends with its citations: in HTML links to the article page at the cited span (the page
marks it), in Markdown numbered references listing article id and character offsets. All text from the
database is escaped by Jinja's autoescape (HTML) or stripped of Markdown's link syntax (Markdown).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from sitrep.report.bottom_line import BottomLine
from sitrep.report.parts import Citation, Report, Section

TEMPLATES = Path(__file__).parent / "templates"


def evidence_url(citation: Citation, base_url: str = "") -> str:
    """The article page at the cited span: `?cite=` makes the page mark it, `#span-` scrolls to it."""
    span = f"{citation.start}-{citation.end}"
    return f"{base_url.rstrip('/')}/articles/{quote(citation.article_id, safe='')}?cite={span}#span-{span}"


@cache
def environment() -> Environment:
    """One template environment per process (templates compile once)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.globals["evidence_url"] = evidence_url
    return env


def to_html_fragment(report: Report, base_url: str = "") -> Markup:
    """The report body, for a page of the web UI."""
    return Markup(environment().get_template("report_body.html").render(report=report, base_url=base_url))


def to_html(report: Report, base_url: str = "") -> str:
    """A whole HTML document; links point at a running `sitrep serve` at `base_url`."""
    body = to_html_fragment(report, base_url)
    return environment().get_template("report_file.html").render(report=report, body=body)


def _md(text: str) -> str:
    """Text safe inside Markdown: no raw HTML, no link or emphasis syntax taken from an article."""
    out = " ".join(text.split())
    for char in "\\`*_[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def _bottom_line(line: BottomLine) -> list[str]:
    """The opening counts as Markdown tables."""
    out = ["## Bottom line", "", _md(line.headline()), ""]
    for caption, rows in (("ACLED event type", line.by_type), ("country", line.by_country)):
        out += [f"| {caption} | incidents | change | deaths | change |", "|---|---:|---:|---:|---:|"]
        out += [
            f"| {_md(t.label)} | {t.incidents} | {t.change:+d} | {t.deaths} | {t.deaths_change:+d} |"
            for t in rows
        ]
        out.append("")
    return out


def to_markdown(report: Report, base_url: str = "") -> str:
    """Markdown with a numbered reference after every sentence and the references listed at the end."""
    place = f" — {_md(report.place)}" if report.place else ""
    lines = [f"# Situation report {report.since} to {report.until}{place}", ""]
    references: dict[Citation, int] = {}

    def cite(citations: list[Citation]) -> str:
        marks = []
        for citation in citations:
            number = references.setdefault(citation, len(references) + 1)
            marks.append(f"[^{number}]")
        return "".join(marks)

    def section(sec: Section, level: int) -> None:
        lines.append(f"{'#' * level} {_md(sec.title)}")
        lines.append("")
        for sentence in sec.sentences:
            lines.append(f"- {_md(sentence.text)} {cite(sentence.citations)}")
        if sec.sentences:
            lines.append("")
        for sub in sec.subsections:
            section(sub, level + 1)

    if report.bottom_line is not None:
        lines += _bottom_line(report.bottom_line)
    for top in report.sections:
        section(top, 2)
        if not top.sentences and not top.subsections:
            lines += ["Nothing reported in this period.", ""]
    lines.append("## Evidence")
    lines.append("")
    for citation, number in references.items():
        where = f"article {_md(citation.article_id)}, characters {citation.start}–{citation.end}"
        link = f" <{evidence_url(citation, base_url)}>" if base_url else ""
        lines.append(f"[^{number}]: {where}: “{_md(citation.text)}”{link}")
    return "\n".join(lines) + "\n"
