"""The situation report: the bottom line, incidents ranked and by day, casualty figures with who claims
them, notable statements, each sentence citing the spans it rests on. `build_report` makes it; `render`
writes it as HTML or Markdown."""

from sitrep.report.build import Report, build_report
from sitrep.report.render import evidence_url, to_html, to_markdown

__all__ = ["Report", "build_report", "evidence_url", "to_html", "to_markdown"]
