"""REST endpoints under /api: paged listings with filters, single items, and ingest behind a token.

Every read goes through a read-only connection opened for the request (`read_store`); the one write,
`POST /api/articles`, runs the real pipeline and `Store.add` under a lock, and only when the server was
started with `--token`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from sitrep.errors import UsageError
from sitrep.export.formats import FORMATS, write_to
from sitrep.limits import refusal
from sitrep.link.run import link
from sitrep.model import Article
from sitrep.store.store import Store
from sitrep.web import facets, labels, linked, queries
from sitrep.web.settings import Settings
from sitrep.web.view import DEFAULT_VIEW, View

router = APIRouter(prefix="/api")


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def read_store(request: Request) -> Iterator[Store]:
    """A read-only Store for one request, closed when the response is sent."""
    with Store(settings_of(request).db, read_only=True) as store:
        yield store


ReadStore = Annotated[Store, Depends(read_store)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=queries.MAX_OFFSET, description="Items to skip.")]
Since = Annotated[dt.date | None, Query(description="From this date (YYYY-MM-DD), inclusive.")]
Until = Annotated[dt.date | None, Query(description="Up to this date (YYYY-MM-DD), inclusive.")]
Text = Annotated[str | None, Query(description="Words of the text (full-text search).")]
BBoxQuery = Annotated[str | None, Query(description="west,south,east,north in degrees.")]
EventStatusQuery = Annotated[
    str,
    Query(
        description="incident (what took place, the default), generic, aggregate, background, planned,"
        " denied, or any for every mention kept."
    ),
]
PerReport = Annotated[
    bool,
    Query(description="One row per article's report even when the database is linked (default: merged)."),
]


class FacetValue(BaseModel):
    value: str
    count: int


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page, or null on the last page.")
    total: int | None = Field(
        default=None,
        description="How many items match the filters in all (null when too many to count quickly).",
    )
    sort: str | None = Field(default=None, description="The order of the items.")
    facets: dict[str, list[FacetValue] | None] | None = Field(
        default=None,
        description="For each facet asked for, its most frequent values with their counts (null when"
        " the filter is too broad to count within the time budget).",
    )


def event_view(
    sort: Annotated[
        str,
        Query(
            description="date, type, acled, actor1, actor2, place, country, fatalities, reports or sources;"
            " a leading - sorts descending (default -date: newest first)."
        ),
    ] = "-date",
    facet: Annotated[
        list[str] | None,
        Query(description="Count the matching events by type, acled, country, admin1, actor or source."),
    ] = None,
    acled_type: Annotated[str | None, Query(description="ACLED event type, exactly.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of the event's place.")] = None,
    admin1: Annotated[str | None, Query(description="First-level region of the event's place.")] = None,
    source: Annotated[str | None, Query(description="An outlet reporting the event, exactly.")] = None,
    acled_only: Annotated[bool, Query(description="Only what the ACLED export writes.")] = False,
) -> View:
    """The order, facets and facet values of an event listing, as query parameters."""
    return View(
        sort=sort,
        facets=facets.chosen(facet),
        acled_type=acled_type or None,
        country=country or None,
        admin1=admin1 or None,
        source=source or None,
        acled_only=acled_only,
    )


EventView = Annotated[View, Depends(event_view)]


def _bbox(value: str | None) -> queries.BBox | None:
    return None if value is None else queries.BBox.parse(value)


@router.get("/summary")
def get_summary(store: ReadStore) -> dict[str, Any]:
    """Counts of what the database holds and the dates it spans (and, once linked, merged events,
    canonical entities and claim groups). Events count incidents; `other_mentions` counts the mentions
    of each other status kept."""
    counts = queries.summary(store)
    counts["linked"] = linked.linked(store)
    if counts["linked"]:
        counts.update(linked.summary(store))
    return counts


@router.get("/articles", response_model=PageOut)
def list_articles(
    store: ReadStore,
    limit: Limit = 50,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    source: Annotated[str | None, Query(description="Source contains this.")] = None,
    q: Text = None,
    sort: Annotated[
        str, Query(description="published, title, source, events or claims; - for descending.")
    ] = "-published",
) -> dict[str, Any]:
    """Articles, newest first unless `sort` says otherwise, with `total`."""
    return queries.articles(store, queries.Page(limit, offset), since, until, source, q, sort)


@router.get("/articles/{article_id:path}")
def get_article(article_id: str, store: ReadStore) -> dict[str, Any]:
    """One article with its full Extraction (every span as character offsets into `text`)."""
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return {
        "article": found.model_dump(mode="json"),
        "extraction": store.extraction(article_id).model_dump(mode="json"),
    }


@router.get("/events", response_model=PageOut)
def list_events(
    store: ReadStore,
    limit: Limit = 50,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    type: Annotated[str | None, Query(description="PLOVER type or ACLED event type.")] = None,
    actor: Annotated[str | None, Query(description="Either actor's text or entity contains this.")] = None,
    place: Annotated[str | None, Query(description="Place name contains this.")] = None,
    bbox: BBoxQuery = None,
    q: Text = None,
    article: Annotated[str | None, Query(description="Only events of this article.")] = None,
    located: Annotated[bool, Query(description="Only events whose place has coordinates.")] = False,
    per_report: PerReport = False,
    status: EventStatusQuery = "incident",
    view: EventView = DEFAULT_VIEW,
) -> dict[str, Any]:
    """Events, newest first unless `sort` says otherwise, with `total` and the `facet` counts asked for
    (`?facet=country&facet=type`); `place` also finds every event inside a country or region of that
    name. Once linked, each merged event once with `reports`, `independent_sources`,
    `article_ids` and the date, place, type and fatality range of its reports; else one row per report.
    Incidents only unless `status` names another status or `any`; every item carries its `status`."""
    listing = queries.events if per_report or not linked.linked(store) else linked.linked_events
    return listing(
        store,
        queries.Page(limit, offset),
        since=since,
        until=until,
        type=type,
        actor=actor,
        place=place,
        bbox=_bbox(bbox),
        q=q,
        article=article,
        located=located,
        status=status,
        view=view,
    )


@router.get("/events/{linked_event_id}")
def get_linked_event(linked_event_id: str, store: ReadStore) -> dict[str, Any]:
    """One merged event: `reports` and `independent_sources` counted, `events` listing every report
    (article, outlet, source group, its own fields, evidence spans as character offsets), and the claim
    groups about it."""
    found = linked.linked_event(store, linked_event_id)
    if found is None:
        raise HTTPException(404, f"no linked event {linked_event_id!r}")
    return found


@router.get("/events/{article_id:path}/{event_id}")
def get_event(article_id: str, event_id: str, store: ReadStore) -> dict[str, Any]:
    """One event with its place, actors and evidence spans."""
    found = queries.event(store, article_id, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in article {article_id!r}")
    return found


@router.get("/entities", response_model=PageOut)
def list_entities(
    store: ReadStore,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="PERSON, ORG, NORP, GPE…")] = None,
    name: Annotated[str | None, Query(description="Name or an alias contains this.")] = None,
    kind: Annotated[str | None, Query(description="Actor kind, e.g. state_forces.")] = None,
    per_article: Annotated[
        bool, Query(description="Group stored entities by name and type even when linked.")
    ] = False,
    sort: Annotated[
        str, Query(description="name, type, kind (linked) or articles; - for descending.")
    ] = "-articles",
) -> dict[str, Any]:
    """Entities by name: once linked, canonical entities (one per person or group however spelled, with
    every alias seen in any article); else stored entities grouped by name and type."""
    if not per_article and linked.linked(store):
        return linked.canonical_entities(store, queries.Page(limit, offset), type, name, kind, sort)
    return queries.entities(store, queries.Page(limit, offset), type, name, kind, sort)


@router.get("/entities/{name:path}")
def get_entity(
    name: str,
    store: ReadStore,
    type: Annotated[str | None, Query(description="Entity type.")] = None,
    id: Annotated[str | None, Query(description="Canonical entity id (when names collide).")] = None,
) -> dict[str, Any]:
    """One entity: aliases, kinds, relations, events as actor, claims as speaker. Once linked, the
    canonical entity of that name: aliases from all articles, members with the reason of each merge."""
    if linked.linked(store):
        canonical = id or linked.canonical_id_of(store, name, type)
        found = linked.canonical_entity(store, canonical) if canonical else None
    else:
        found = queries.entity(store, name, type)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return found


@router.get("/claims", response_model=PageOut)
def list_claims(
    store: ReadStore,
    limit: Limit = 50,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    kind: Annotated[str | None, Query(description="direct_quote, indirect or according_to.")] = None,
    speaker: Annotated[str | None, Query(description="Speaker contains this.")] = None,
    q: Text = None,
    article: Annotated[str | None, Query(description="Only claims of this article.")] = None,
) -> dict[str, Any]:
    """Claims by article publication date."""
    return queries.claims(store, queries.Page(limit, offset), since, until, kind, speaker, q, article)


@router.get("/claim-groups", response_model=PageOut)
def list_claim_groups(
    store: ReadStore,
    limit: Limit = 50,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    disagreeing: Annotated[bool, Query(description="Only groups whose figures differ.")] = False,
    measure: Annotated[str | None, Query(description="fatalities, injured, detained, troops…")] = None,
    side: Annotated[str | None, Query(description="people, combatants or materiel.")] = None,
    event: Annotated[str | None, Query(description="Only groups about this linked event.")] = None,
    speaker: Annotated[str | None, Query(description="A figure's speaker contains this.")] = None,
) -> dict[str, Any]:
    """Figures claims give for one measure and side of one merged event, disagreeing groups first; each
    figure with its speaker, relays (`via`), article and the claim's span. Empty until linked."""
    if not linked.linked(store):
        return {"items": [], "limit": limit, "offset": offset, "next_offset": None}
    return linked.claim_groups(
        store,
        queries.Page(limit, offset),
        disagreeing=disagreeing,
        measure=measure,
        side=side,
        event=event,
        since=since,
        until=until,
        speaker=speaker,
    )


@router.get("/places", response_model=PageOut)
def list_places(
    store: ReadStore,
    limit: Limit = 50,
    offset: Offset = 0,
    name: Annotated[str | None, Query(description="Place name contains this.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code.")] = None,
    bbox: BBoxQuery = None,
) -> dict[str, Any]:
    """Places grouped by name, country and coordinates, by name."""
    return queries.places(store, queries.Page(limit, offset), name, country, _bbox(bbox))


@router.get("/labels")
def list_labels(
    bbox: Annotated[str, Query(description="west,south,east,north in degrees: the map's view.")],
    limit: Annotated[int, Query(ge=1, le=labels.MAX_LABELS, description="Towns at most.")] = 60,
) -> dict[str, Any]:
    """The most populous towns of the gazetteer inside the view, for the map's place names."""
    return {"items": labels.labels(queries.BBox.parse(bbox), limit)}


EXPORT_CHUNK = 64 * 1024
EXPORT_IN_MEMORY = 4 * 1024 * 1024  # beyond this an export being written spills to a temporary file


@router.get("/export/{name}", response_class=Response)
def export(name: str, request: Request, store: ReadStore, per_report: PerReport = False) -> Response:
    """The whole database as a download in one of the export formats of `sitrep export`: acled-csv,
    plover-jsonl, geojson, jsonl (the contract) or parquet; event formats give one record per merged
    event once linked. The file is written to a temporary file and streamed from it, and only
    `Settings.exports` exports run at once (503 with Retry-After for the next)."""
    chosen = FORMATS.get(name)
    if chosen is None:
        raise HTTPException(404, f"no export format {name!r}; expected one of {', '.join(FORMATS)}")
    slots = settings_of(request).export_slots
    if not slots.acquire(blocking=False):
        raise HTTPException(503, "other exports are running; try again shortly", headers={"Retry-After": "5"})
    try:
        spool = tempfile.SpooledTemporaryFile(max_size=EXPORT_IN_MEMORY)  # noqa: SIM115 (closed by `chunks`)
        try:
            write_to(store, chosen, spool, per_report)
            size = spool.tell()
            spool.seek(0)
        except BaseException:
            spool.close()
            raise
    finally:
        slots.release()

    def chunks() -> Iterator[bytes]:
        with spool:
            while chunk := spool.read(EXPORT_CHUNK):
                yield chunk

    headers = {
        "Content-Disposition": f'attachment; filename="{chosen.file_name}"',
        "Content-Length": str(size),
    }
    return StreamingResponse(chunks(), media_type=chosen.media_type, headers=headers)


class ArticleIn(BaseModel):
    """An article to ingest; `id` defaults to a hash of source and text."""

    text: str = Field(min_length=1)
    published: dt.date
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


def _check_token(settings: Settings, authorization: str | None) -> None:
    if settings.token is None:
        raise HTTPException(404, "ingest is off: start the server with --token to switch it on")
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise HTTPException(403, "a valid token is needed: send 'Authorization: Bearer TOKEN'")


async def _body(request: Request, limit: int) -> bytes:
    """The request body, read only up to `limit` bytes: a larger one is refused (413) unread."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body over {limit:,} bytes")
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise HTTPException(413, f"request body over {limit:,} bytes")
    return bytes(received)


def _article_in(body: bytes) -> Article:
    """The posted article, or the 422 of any field out of range (the CLI's checks, `sitrep.limits`)."""
    try:
        given = ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None
    try:
        article = Article(
            id=given.id or Article.make_id(given.source, given.text),
            published=given.published,
            text=given.text,
            title=given.title,
            source=given.source,
            url=given.url,
        )
    except (ValidationError, UnicodeEncodeError) as exc:
        raise UsageError(f"body: {' '.join(str(exc).split())}") from None
    refused = refusal(article)
    if refused is not None:
        raise UsageError(f"body: {refused.reason}")
    return article


def _ingest(settings: Settings, article: Article) -> dict[str, Any]:
    with settings.write_lock:
        pipeline = settings.get_pipeline()
        extraction = pipeline.extract(article)
        with Store(settings.db) as store:
            stored = store.add(article, extraction)
            if stored:  # keep the database linked, as `sitrep run` does
                link(store)
    return {
        "id": article.id,
        "stored": stored,
        "events": len(extraction.events),
        "claims": len(extraction.claims),
        "entities": len(extraction.entities),
    }


@router.post(
    "/articles",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
        }
    },
)
async def post_article(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Extract one article with the full pipeline and store it (only with `--token`). The token is
    checked before the body is read, and the body may hold at most `Settings.max_body` bytes."""
    settings = settings_of(request)
    _check_token(settings, authorization)
    article = _article_in(await _body(request, settings.max_body))
    return await run_in_threadpool(_ingest, settings, article)
