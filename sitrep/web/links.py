"""The links a listing page carries: numbered pages, column headers that sort, facet values that filter
and the chips that undo a filter. Each is the current URL with one parameter changed and the offset
reset (a new order or filter starts at its first page).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import URL

WINDOW = 3  # pages shown either side of the current one


@dataclass(frozen=True)
class PageLink:
    label: str
    url: str | None  # None for the current page and for a gap ("…")
    current: bool = False


def pages(url: URL, total: int, limit: int, offset: int) -> list[PageLink]:
    """Numbered pages: the first, the last, and those around the current one, gaps shown as "…"."""
    count = max(1, -(-total // limit))
    current = offset // limit
    shown = sorted({0, count - 1, *range(max(0, current - WINDOW), min(count, current + WINDOW + 1))})
    links: list[PageLink] = []
    previous = -1
    for number in shown:
        if number > previous + 1:
            links.append(PageLink("…", None))
        if number == current:
            links.append(PageLink(str(number + 1), None, current=True))
        else:
            links.append(PageLink(str(number + 1), str(url.include_query_params(offset=number * limit))))
        previous = number
    return links


def pager(url: URL, result: dict[str, Any]) -> dict[str, Any]:
    """Everything the pager shows: previous and next, the numbered pages, and "rows a–b of n"."""
    offset, limit = result["offset"], result["limit"]
    total = result.get("total")
    shown = len(result["items"])
    return {
        "previous": str(url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None,
        "next": str(url.include_query_params(offset=result["next_offset"]))
        if result["next_offset"] is not None
        else None,
        "numbers": pages(url, total, limit, offset) if total is not None else [],
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
    }


def sorted_by(url: URL, current: str, key: str, descending_first: bool = False) -> dict[str, Any]:
    """A column header's link: sorting by `key`, or reversing it when it is already the order."""
    name = current.lstrip("-")
    if name == key:
        target = key if current.startswith("-") else f"-{key}"
        arrow = "▼" if current.startswith("-") else "▲"
    else:
        target = f"-{key}" if descending_first else key
        arrow = ""
    return {"url": str(url.remove_query_params("offset").include_query_params(sort=target)), "arrow": arrow}


def with_value(url: URL, parameter: str, value: str) -> str:
    """The listing narrowed to one facet value."""
    return str(url.remove_query_params("offset").include_query_params(**{parameter: value}))


def without(url: URL, parameter: str) -> str:
    """The listing with one filter taken off."""
    return str(url.remove_query_params(["offset", parameter]))
