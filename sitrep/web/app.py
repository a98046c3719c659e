"""The ASGI application: API and pages in one process, one error shape, a strict Content-Security-Policy.

Front-end libraries are served from the project's `node_modules` (installed by `npm ci`), never from a
CDN; the policy forbids inline script and any other origin, so text from an article that slipped past
escaping still could not run.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import SitrepError, StoreError, UsageError
from sitrep.web import api, pages
from sitrep.web.settings import Settings

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"

# URL prefix → folder under node_modules: only what the pages use is reachable.
VENDOR = {
    "leaflet": "leaflet/dist",
    "markercluster": "leaflet.markercluster/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
}


def content_security_policy(tiles: str | None) -> str:
    """Same-origin everything; images may also come from the configured tile server."""
    images = "'self' data:"
    if tiles:
        scheme, _, rest = tiles.partition("://")
        host = rest.split("/", 1)[0].replace("{s}", "*")
        images += f" {scheme}://{host}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )


def error_body(status: int, code: str, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    """The one shape of every error the API returns."""
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "not_allowed",
    413: "too_large",
    422: "invalid",
    503: "unavailable",
}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json") and "text/html" in request.headers.get(
        "accept", ""
    )


def _error(
    request: Request, status: int, code: str, message: str, details: list[Any] | None = None
) -> Response:
    if _wants_html(request):
        return pages.error_page(request, status, message)
    return JSONResponse(error_body(status, code, message, details), status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "error")
        response = _error(request, exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})  # e.g. Retry-After
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", "")}
            for err in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request"
        return _error(request, 422, "invalid", message, details)

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        return _error(request, 422, "invalid", str(exc))

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> Response:
        if isinstance(exc, StoreError):  # its message names files: the log has it, the client does not
            log.error("database error on %s: %s", request.url.path, exc)
            return _error(request, 503, "unavailable", f"[{exc.code}] the database cannot answer now")
        return _error(request, 500, "failed", str(exc))


def _unexpected(request: Request) -> Response:
    """An error no handler knew: logged with its traceback, answered in the one shape."""
    log.exception("unexpected error on %s", request.url.path)
    return _error(request, 500, "internal", "internal error (see the server log)")


def create_app(settings: Settings) -> FastAPI:
    """An application serving `settings.db`; nothing is read from the database until a request comes."""
    app = FastAPI(
        title="sitrep",
        summary="Events, entities, places and claims extracted from dated news articles, with evidence.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    _install_error_handlers(app)
    policy = content_security_policy(settings.tiles)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        try:
            response = await call_next(request)
        except Exception:  # answered here, so the connection stays open for the next request
            response = _unexpected(request)
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for prefix, folder in VENDOR.items():
        app.mount(
            f"/vendor/{prefix}",
            StaticFiles(directory=settings.node_modules / folder, check_dir=False),
            name=f"vendor-{prefix}",
        )
    return app
