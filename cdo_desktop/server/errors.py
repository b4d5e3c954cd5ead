"""Error answers: every refusal is `{"error": {code, zh, en, field}}`; an unexpected failure is logged with an id
and answered with that id (never a traceback, never an unlabelled 500). A busy database or a full disk is the
environment's fault, not a bug: 503 with Retry-After."""

from __future__ import annotations

import errno
import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from cdo_desktop.domain.errors import DomainError

log = logging.getLogger("cdo.server")


class ApiError(Exception):
    """An answer other than success, with a reason in both languages."""

    def __init__(
        self, status: int, code: str, zh: str, en: str, *, field: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(en)
        self.status, self.code, self.zh, self.en, self.field, self.headers = status, code, zh, en, field, headers


def body(code: str, zh: str, en: str, field: str | None = None, error_id: str | None = None) -> dict[str, object]:
    out: dict[str, object] = {"error": {"code": code, "zh": zh, "en": en, "field": field}}
    if error_id:
        out["error_id"] = error_id
    return out


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(body(exc.code, exc.zh, exc.en, exc.field), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(DomainError)
    async def _domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        return JSONResponse(body(exc.code, exc.zh, exc.en, exc.field), status_code=422)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid", "type": "invalid"}
        field = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
        return JSONResponse(
            body(f"invalid.{first.get('type', 'invalid')}", f"请求内容不正确：{field or '请求体'}：{first.get('msg')}",
                 f"Invalid request: {field or 'body'}: {first.get('msg')}", field or None),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        from cdo_desktop.server.guard import BodyTooLarge

        if isinstance(exc, BodyTooLarge):  # passed the limit while streaming in: the rest is never read
            return JSONResponse(exc.answer(), status_code=413, headers={"Connection": "close"})
        zh = {404: "找不到该地址", 405: "不支持该请求方法"}.get(exc.status_code, "请求被拒绝")
        return JSONResponse(
            body(f"http_{exc.status_code}", zh, str(exc.detail)), status_code=exc.status_code, headers=exc.headers
        )

    # Starlette hands a handler registered for `Exception` the error and then raises it again to the server, which
    # logs a second traceback; handlers for narrower classes answer and stop there. A busy database or a full disk
    # arrives as one of these, so it is logged once, as the warning or error of `answer_failure`.
    for failure in (Exception, DBAPIError, OSError):
        app.add_exception_handler(failure, _answer_failure_async)


async def _answer_failure_async(request: Request, exc: Exception) -> JSONResponse:
    return answer_failure(request, exc)


def answer_failure(request: Request, exc: Exception) -> JSONResponse:
    """The answer to an error no route answered: 503 with Retry-After for a full disk or a busy database, else a
    logged 500 with an id to quote to the administrator."""
    error_id = uuid.uuid4().hex[:12]
    if is_full(exc):
        log.error("disk or database full (%s) on %s %s: %s", error_id, request.method, request.url.path, exc)
        retry = str(getattr(request.app.state.config, "retry_after_full_s", 60))
        return JSONResponse(
            body("storage_full", "服务器存储空间已满，请稍后重试并通知政数局管理员",
                 "The server's storage is full; try again later and tell the bureau's administrator", error_id=error_id),
            status_code=503, headers={"Retry-After": retry},
        )
    if is_busy(exc):
        log.warning("database busy (%s) on %s %s: %s", error_id, request.method, request.url.path, exc)
        return JSONResponse(
            body("busy", "服务器繁忙，请稍后重试", "The server is busy; try again shortly", error_id=error_id),
            status_code=503, headers={"Retry-After": "1"},
        )
    log.exception("unexpected error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        body("internal", f"服务器内部错误，编号 {error_id}", f"Internal error, id {error_id}", error_id=error_id),
        status_code=500,
    )


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "could not serialize" in text or "deadlock detected" in text


def is_full(exc: BaseException) -> bool:
    """No space left: the file system (ENOSPC, EDQUOT), SQLite ("database or disk is full") or PostgreSQL
    ("could not extend file", SQLSTATE 53100 disk_full)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(current).lower()
        if "database or disk is full" in text or "no space left on device" in text or "could not extend file" in text:
            return True
        if getattr(current, "sqlstate", None) == "53100":
            return True
        current = current.__cause__ or current.__context__ or getattr(current, "orig", None)
    return False


ERROR_STATUSES: dict[int, str] = {
    400: "Bad request (e.g. a malformed Content-Length)",
    401: "No device token, or an unknown, revoked or disabled one",
    403: "Signed in, but not allowed",
    404: "No such thing (or not yours to see)",
    409: "Conflict (e.g. a device id bound to another account)",
    413: "The body is larger than the route's limit (counted while it streams in)",
    422: "Invalid input: the first bad field is named",
    426: "Client and server protocol versions differ",
    429: "Too many sign-in attempts: wait Retry-After seconds",
    500: "A bug: the answer carries an error id that is in the server's log",
    503: "Busy, or the server's storage is full: retry after Retry-After seconds",
}
