"""Error answers: every refusal is `{"error": {code, zh, en, field}}`; an unexpected failure is logged with an id
and answered with that id (never a traceback, never an unlabelled 500)."""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
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
        zh = {404: "找不到该地址", 405: "不支持该请求方法"}.get(exc.status_code, "请求被拒绝")
        return JSONResponse(
            body(f"http_{exc.status_code}", zh, str(exc.detail)), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:12]
        if _is_busy(exc):
            log.warning("database busy (%s) on %s %s: %s", error_id, request.method, request.url.path, exc)
            return JSONResponse(
                body("busy", "服务器繁忙，请稍后重试", "The server is busy; try again shortly", error_id=error_id),
                status_code=503, headers={"Retry-After": "1"},
            )
        log.exception("unexpected error %s on %s %s", error_id, request.method, request.url.path)
        return JSONResponse(
            body("internal", f"服务器内部错误，编号 {error_id}", f"Internal error, id {error_id}", error_id=error_id),
            status_code=500,
        )


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "could not serialize" in text or "deadlock detected" in text
