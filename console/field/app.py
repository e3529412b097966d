"""The HTTP application: Open311 GeoReport v2 under /open311/v2, JSON and XML.

Endpoints are plain (sync) functions: FastAPI runs them on its thread pool, so the
blocking database work of one request never holds up the others' parsing. Every write is
one transaction through the console's services (role checks, timeline, audit, change
feed); any refusal rolls it back whole and answers an Open311 error list.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from console.errors import AuthError, ConflictError, DatabaseError, KnownError, PermissionDenied
from console.field import routes_read, routes_write
from console.field.ratelimit import RateLimiter
from console.field.responses import errors_for_path, errors_response, language_of
from console.field.service import DEFAULT_MAX_BODY, FieldService, RateLimited
from console.services import terminals
from console.services.workflow.core import local_zone
from console.store import POOL_SIZE, Store

log = logging.getLogger("console.field")

API_PREFIX = "/open311/v2"


def _status_of(error: KnownError) -> int:
    if isinstance(error, RateLimited):
        return 429
    if isinstance(error, AuthError):
        return 401
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, DatabaseError):
        return 503
    if error.code in ("field.unknown_request", "field.unknown_service", "field.unknown_token"):
        return 404
    return 400


def _install_handlers(app: FastAPI, service: FieldService) -> None:
    @app.exception_handler(KnownError)
    def known(request: Request, error: KnownError) -> Response:
        status = _status_of(error)
        headers = {}
        if isinstance(error, RateLimited):
            headers["Retry-After"] = str(error.params["seconds"])
        if status >= 500:
            log.warning("request refused: %s", error.message("en"))
        text = error.message(language_of(request, service.language))
        return errors_response(request, status, text, headers)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, error: RequestValidationError) -> Response:
        parts = []
        for item in error.errors():
            where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body", "query"))
            parts.append(f"{where}: {item.get('msg', '')}")
        return errors_response(request, 400, "; ".join(parts) or "bad request")

    @app.exception_handler(Exception)
    def bug(request: Request, error: Exception) -> Response:
        # A bug, not a refusal: logged with its traceback, answered in the Open311 shape.
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        return errors_response(request, 500, "internal error")

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return errors_response(request, error.status_code, str(error.detail))


class BodyLimit:
    """Refuse an oversized upload from its header, before a byte of it is read.

    Plain ASGI rather than an http middleware: it sits in front of every report and
    costs nothing when the request is fine.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            headers = Headers(scope=scope)
            length = headers.get("content-length")
            refusal = None
            if length is None and headers.get("transfer-encoding"):
                refusal = (411, "Content-Length required")
            elif length is not None and (not length.isdigit() or int(length) > self.max_body):
                refusal = (413, "request too large")
            if refusal is not None:
                response = errors_for_path(scope["path"], *refusal)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# Endpoint threads per worker process (anyio's default is 40). One of them writes at a
# time (FieldService.write_gate); a crowd of threads waiting behind it only takes the
# interpreter from the one that writes and from the event loop. A few more than one
# keep reads (GET) and request checks going while a report is written; fewer than the
# database pool holds, so no connection is opened and closed at every burst.
ENDPOINT_THREADS = POOL_SIZE - 1


@contextlib.asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = ENDPOINT_THREADS
    yield


def create_app(
    store: Store,
    *,
    jurisdiction_id: str,
    per_minute: float | None = None,
    burst: int | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    language: str = "zh_CN",
    limiter: RateLimiter | None = None,
    failures: RateLimiter | None = None,
) -> FastAPI:
    """The service over store; the rate policy comes from the database unless given.

    limiter (per terminal) and failures (wrong keys per address) may be given already
    made: shared ones, when several worker processes serve the same terminals.
    """
    with store.read() as session:
        zone = local_zone(session)
        policy = None if limiter is not None else terminals.rate_policy(session)
    if limiter is None:
        assert policy is not None
        limiter = RateLimiter(
            per_minute if per_minute is not None else policy.per_minute,
            burst if burst is not None else policy.burst,
        )
    service = FieldService(store, jurisdiction_id, zone, limiter, max_body, language)
    if failures is not None:
        service.failures = failures
    app = FastAPI(
        lifespan=_lifespan,
        title="Sanwang Console field reporting service",
        version="0.1.0",
        description=(
            "Open311 GeoReport v2 for the grid workers' terminals. Each terminal has its own"
            " api_key (issued and revoked in the console). Times are ISO 8601 with a zone;"
            " lat/long are WGS-84. status is open or closed; status_notes names the"
            " workflow's finer state. Every method but the service list and definitions"
            " needs the terminal's api_key. Extensions: device_ref (idempotent retries),"
            " requested_datetime (when the problem was seen), media_after (photos of a"
            " problem fixed on the spot), POST requests/{id}/checks (check results)."
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.field = service
    _install_handlers(app, service)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.include_router(routes_read.router, prefix=API_PREFIX)
    app.include_router(routes_write.router, prefix=API_PREFIX)
    return app
