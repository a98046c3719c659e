"""Server-rendered pages: overview, map, timeline, events, entities, articles, claims, report, API docs.

Templates autoescape everything; the only markup built in Python (highlighted article text, the chart,
the report body) escapes every piece of text itself. Pages read through the same read-only Store and the
same queries as the API.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import URL

from sitrep.errors import UsageError
from sitrep.model import EVENT_STATUSES
from sitrep.report import build_report
from sitrep.report.figures import figures, group_figures
from sitrep.report.render import TEMPLATES as REPORT_TEMPLATES
from sitrep.report.render import evidence_url, to_html_fragment
from sitrep.store import within
from sitrep.store.store import Store
from sitrep.web import facets, linked, links, queries
from sitrep.web.api import ReadStore, settings_of
from sitrep.web.chart import TYPE_COLOURS, colour, events_per_day_svg
from sitrep.web.highlight import Mark, highlight, marks_of
from sitrep.web.view import View

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
TEMPLATES = Path(__file__).parent / "templates"

_env = Environment(
    loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(REPORT_TEMPLATES)]),
    autoescape=select_autoescape(default=True),
)
_env.globals.update(
    colour=colour, type_colours=TYPE_COLOURS, acled_types=queries.ACLED_TYPES, event_statuses=EVENT_STATUSES
)
_env.globals["evidence_url"] = evidence_url
templates = Jinja2Templates(env=_env)
Optional = Annotated[str | None, Query()]


def _render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    """The HTML face of an error for a browser; the API answers the same error as JSON."""
    return _render(request, "error.html", status=status, status_code=status, message=message)


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _page_links(request: Request, result: dict[str, Any]) -> dict[str, str | None]:
    url = URL(str(request.url))
    previous = None
    if result["offset"] > 0:
        previous = str(url.include_query_params(offset=max(0, result["offset"] - result["limit"])))
    following = None
    if result["next_offset"] is not None:
        following = str(url.include_query_params(offset=result["next_offset"]))
    return {"previous": previous, "next": following}


@router.get("/")
def overview(request: Request, store: ReadStore) -> Response:
    counts = queries.summary(store)
    is_linked = linked.linked(store)
    if is_linked:
        counts.update(linked.summary(store))
    per_day = linked.events_per_day(store) if is_linked else queries.events_per_day(store)
    chart = events_per_day_svg(per_day)
    recent = queries.articles(store, queries.Page(limit=10))["items"]
    return _render(request, "overview.html", counts=counts, chart=chart, recent=recent, linked=is_linked)


MAP_FILTERS = (
    "since",
    "until",
    "type",
    "place",
    "actor",
    "country",
    "admin1",
    "acled_type",
    "source",
    "acled_only",
)


@router.get("/map")
def map_page(request: Request) -> Response:
    """The map of located events; the events table's filters (`?place=Somalia`, `?acled_only=1`) apply."""
    settings = settings_of(request)
    params = {k: v for k in MAP_FILTERS if (v := (request.query_params.get(k) or "").strip())}
    return _render(
        request,
        "map.html",
        tiles=settings.tiles or "",
        colours=json.dumps(TYPE_COLOURS),
        filters=params,
        query=json.dumps(params),
    )


@router.get("/timeline")
def timeline(
    request: Request,
    store: ReadStore,
    since: Optional = None,
    until: Optional = None,
    type: Optional = None,
    place: Optional = None,
    offset: int = 0,
) -> Response:
    is_linked = linked.linked(store)
    listing = linked.linked_events if is_linked else queries.events
    result = listing(
        store,
        queries.Page(limit=200, offset=offset),
        since=_date(since, "since"),
        until=_date(until, "until"),
        type=_blank(type),
        place=_blank(place),
    )
    days: dict[str, list[dict[str, Any]]] = {}
    for item in result["items"]:
        days.setdefault(item["date"] or "undated", []).append(item)
    filters = {"since": since, "until": until, "type": type, "place": place}
    return _render(
        request,
        "timeline.html",
        days=days,
        filters=filters,
        pages=_page_links(request, result),
        linked=is_linked,
    )


FACET_FILTERS = ("acled_type", "country", "admin1", "source", "type", "actor", "place")


@router.get("/events")
def events_table(
    request: Request,
    store: ReadStore,
    since: Optional = None,
    until: Optional = None,
    type: Optional = None,
    actor: Optional = None,
    place: Optional = None,
    q: Optional = None,
    offset: int = 0,
    per_report: Optional = None,
    status: Optional = None,
    sort: Optional = None,
    acled_type: Optional = None,
    country: Optional = None,
    admin1: Optional = None,
    source: Optional = None,
    acled_only: Optional = None,
) -> Response:
    """The events table, newest first, with facet counts beside it: incidents unless the analyst picks
    another status or `any`."""
    chosen = _blank(status) or "incident"
    filters = {"since": since, "until": until, "type": type, "actor": actor, "place": place, "q": q}
    filters.update(status=chosen, acled_type=acled_type, country=country, admin1=admin1, source=source)
    filters["acled_only"] = acled_only
    filters["sort"] = sort
    view = View(
        sort=_blank(sort) or "-date",
        facets=list(facets.FACET_NAMES),
        acled_type=_blank(acled_type),
        country=_blank(country),
        admin1=_blank(admin1),
        source=_blank(source),
        acled_only=bool(_blank(acled_only)),
    )
    is_linked = not per_report and linked.linked(store)
    listing = linked.linked_events if is_linked else queries.events
    result = listing(
        store,
        queries.Page(limit=50, offset=offset),
        since=_date(since, "since"),
        until=_date(until, "until"),
        type=_blank(type),
        actor=_blank(actor),
        place=_blank(place),
        q=_blank(q),
        status=chosen,
        view=view,
    )
    url = URL(str(request.url))
    columns: tuple[str, ...] = ("date", "type", "acled", "actor1", "actor2", "place", "fatalities", "sources")
    if not is_linked:
        columns = ("date", "type", "acled", "fatalities")
    numeric = ("date", "fatalities", "sources")  # largest first on the first click
    sorts = {key: links.sorted_by(url, view.sort, key, key in numeric) for key in columns}
    chips = [
        {"name": name, "value": value, "url": links.without(url, name)}
        for name in (*FACET_FILTERS, "acled_only", "since", "until", "q")
        if (value := _blank(request.query_params.get(name)))
    ]
    return _render(
        request,
        "linked_events.html" if is_linked else "events.html",
        events=result["items"],
        filters=filters,
        pages=links.pager(url, result),
        sorts=sorts,
        facets=_facet_panel(store, url, result["facets"]),
        chips=chips,
        acled_toggle=(
            links.without(url, "acled_only") if acled_only else links.with_value(url, "acled_only", "1")
        ),
    )


def _facet_panel(
    store: Store, url: URL, counted: dict[str, list[dict[str, Any]] | None]
) -> list[dict[str, Any]]:
    """Each facet with its values, counts and the link that narrows the listing to each value."""
    names = within.country_names(store) if counted.get("country") else {}
    panel: list[dict[str, Any]] = []
    for name, values in counted.items():
        facet = facets.LINKED_FACETS[name]
        if values is None:
            panel.append({"name": name, "label": facet.label, "values": None})
            continue
        entries = [
            {
                "value": v["value"],
                "label": f"{names[v['value']]} ({v['value']})" if v["value"] in names else v["value"],
                "count": v["count"],
                "url": links.with_value(url, facet.parameter, v["value"]),
            }
            for v in values
        ]
        panel.append({"name": name, "label": facet.label, "values": entries})
    return panel


@router.get("/events/{linked_event_id}")
def linked_event_page(request: Request, store: ReadStore, linked_event_id: str) -> Response:
    found = linked.linked_event(store, linked_event_id)
    if found is None:
        raise HTTPException(404, f"no linked event {linked_event_id!r}")
    return _render(request, "linked_event.html", event=found)


@router.get("/events/{article_id:path}/{event_id}")
def event_page(request: Request, store: ReadStore, article_id: str, event_id: str) -> Response:
    found = queries.event(store, article_id, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in article {article_id!r}")
    return _render(request, "event.html", event=found)


@router.get("/entities")
def entities_page(
    request: Request,
    store: ReadStore,
    name: Optional = None,
    type: Optional = None,
    offset: int = 0,
    sort: Optional = None,
) -> Response:
    """Entities, the most widely reported first, sortable by name, type and articles."""
    is_linked = linked.linked(store)
    listing = linked.canonical_entities if is_linked else queries.entities
    chosen = _blank(sort) or "-articles"
    result = listing(store, queries.Page(limit=100, offset=offset), _blank(type), _blank(name), sort=chosen)
    url = URL(str(request.url))
    return _render(
        request,
        "canonical_entities.html" if is_linked else "entities.html",
        entities=result["items"],
        filters={"name": name, "type": type},
        pages=links.pager(url, result),
        sorts={
            key: links.sorted_by(url, chosen, key, key == "articles") for key in ("name", "type", "articles")
        },
    )


@router.get("/entities/{name:path}")
def entity_page(
    request: Request, store: ReadStore, name: str, type: Optional = None, id: Optional = None
) -> Response:
    if linked.linked(store):
        canonical = _blank(id) or linked.canonical_id_of(store, name, _blank(type))
        found = linked.canonical_entity(store, canonical) if canonical else None
        if found is None:
            raise HTTPException(404, f"no entity named {name!r}")
        return _render(request, "canonical_entity.html", entity=found)
    found = queries.entity(store, name, _blank(type))
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return _render(request, "entity.html", entity=found)


@router.get("/articles")
def articles_page(
    request: Request, store: ReadStore, q: Optional = None, offset: int = 0, sort: Optional = None
) -> Response:
    """Articles, newest first, sortable by date, title, outlet and what was extracted from each."""
    chosen = _blank(sort) or "-published"
    result = queries.articles(store, queries.Page(limit=100, offset=offset), q=_blank(q), sort=chosen)
    url = URL(str(request.url))
    keys = ("published", "title", "source", "events", "claims")
    return _render(
        request,
        "articles.html",
        articles=result["items"],
        filters={"q": q},
        pages=links.pager(url, result),
        sorts={
            key: links.sorted_by(url, chosen, key, key in ("published", "events", "claims")) for key in keys
        },
    )


def _cited(value: str | None) -> Mark | None:
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()):
        raise UsageError(f"cite must be START-END in characters, not {value!r}")
    return Mark(int(start), int(end), "cited", "cited by the report")


# The article's layers: name, label, and the mark class its legend shows (the stylesheet colours a
# layer's marks only while its box is ticked).
LAYERS = (
    ("events", "events", "hl-trigger"),
    ("entities", "entities", "hl-entity"),
    ("places", "places", "hl-place"),
    ("times", "times", "hl-time"),
    ("claims", "claims", "hl-claim"),
)


@router.get("/articles/{article_id:path}")
def article_page(
    request: Request,
    store: ReadStore,
    article_id: str,
    cite: Optional = None,
    layers: Annotated[list[str] | None, Query()] = None,
) -> Response:
    """The article's text with its extracted spans, one switchable layer each (events alone at first)."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    extraction = store.extraction(article_id)
    marks = marks_of(extraction)
    cited = _cited(cite)
    if cited is not None:
        marks.append(cited)
    places = {p.id: p.name for p in extraction.places}
    return _render(
        request,
        "article.html",
        article=article,
        extraction=extraction,
        places=places,
        body=highlight(article.text, marks),
        layer_choices=LAYERS,
        layers=set(layers) if layers else {"events"},
        cite=cite or "",
    )


@router.get("/claims")
def claims_page(
    request: Request,
    store: ReadStore,
    since: Optional = None,
    until: Optional = None,
    speaker: Optional = None,
    q: Optional = None,
    offset: int = 0,
) -> Response:
    start, end = _window(store, since, until, days=30)
    is_linked = linked.linked(store)
    if is_linked:
        found = linked.claim_groups(store, queries.Page(limit=100), since=start, until=end)["items"]
        groups: list[Any] = [
            g for g in found if len({(f["article_id"], f["claim_id"]) for f in g["figures"]}) > 1
        ]
    else:
        groups = [g for g in group_figures(figures(store, start, end)) if g.claims > 1]
    result = queries.claims(
        store,
        queries.Page(limit=100, offset=offset),
        since=start,
        until=end,
        speaker=_blank(speaker),
        q=_blank(q),
    )
    filters = {"since": start.isoformat(), "until": end.isoformat(), "speaker": speaker, "q": q}
    return _render(
        request,
        "claims.html",
        groups=groups,
        linked=is_linked,
        claims=result["items"],
        filters=filters,
        pages=links.pager(URL(str(request.url)), result),
    )


def _window(store: Store, since: str | None, until: str | None, days: int) -> tuple[dt.date, dt.date]:
    """The dates asked for, else the last `days` days of the database's articles."""
    last = queries.summary(store)["last_published"]
    end = _date(until, "until") or (dt.date.fromisoformat(last) if last else dt.date.today())
    start = _date(since, "since") or dt.date.fromordinal(max(end.toordinal() - days + 1, 1))
    return start, end


@router.get("/report")
def report_page(
    request: Request, store: ReadStore, since: Optional = None, until: Optional = None, place: Optional = None
) -> Response:
    start, end = _window(store, since, until, days=14)
    report = build_report(store, start, end, _blank(place))
    return _render(
        request,
        "report.html",
        report=report,
        body=to_html_fragment(report),
        filters={"since": start.isoformat(), "until": end.isoformat(), "place": place or ""},
    )


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """The OpenAPI description as a page, drawn from `/openapi.json` without any script."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append({"path": path, "method": method.upper(), **operation})
    return _render(request, "docs.html", spec=spec, operations=operations)
