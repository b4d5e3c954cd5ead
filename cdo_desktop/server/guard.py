"""The server's front door, before any route reads a byte of the body: protocol version, who is calling, how much
they may send.

- A route that needs a device token gets it checked here first: a caller without a valid token is answered 401
  before the body is read, however it is sent.
- The body is counted while it streams in (Content-Length or ``Transfer-Encoding: chunked`` alike) and refused
  with 413 the moment it passes the route's limit; a declared Content-Length over the limit is refused at once.
- Every answer carries the protocol version and ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import json
from typing import Any

import anyio.to_thread
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cdo_desktop import PROTOCOL_VERSION
from cdo_desktop.server import errors
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.sync.wire import PROTOCOL_HEADER

# Routes anyone may call (and their small body limit): everything else under /v1/ needs a device token.
PUBLIC_PATHS = frozenset({"/v1/health", "/v1/version", "/v1/auth/sign-in", "/openapi.json", "/docs", "/redoc",
                          "/docs/oauth2-redirect"})
PUBLIC_BODY_BYTES = 16 * 1024
VIEWER_KEY = "cdo_viewer"


class BodyTooLarge(StarletteHTTPException):
    """Raised from inside the body stream when the limit is passed; answered 413 (see `errors.install`)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "too large")
        self.limit = limit

    def answer(self) -> dict[str, object]:
        mb = self.limit / (1024 * 1024)
        size = f"{mb:g} MB" if self.limit >= 1024 * 1024 else f"{self.limit // 1024} KB"
        return errors.body("too_large", f"请求内容超过 {size} 上限", f"The request body is larger than the {size} limit")


def body_limit(config: ServerConfig, path: str) -> int:
    if path in PUBLIC_PATHS or not path.startswith("/v1/"):
        return PUBLIC_BODY_BYTES
    if path.startswith("/v1/blobs/"):
        return config.max_blob_bytes
    return config.max_body_bytes


class Guard:
    """Pure ASGI middleware (so that nothing buffers the body before it is counted)."""

    def __init__(self, app: ASGIApp, *, config: ServerConfig, db: Any) -> None:
        self.app, self.config, self.db = app, config, db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(PROTOCOL_HEADER.lower().encode(), str(PROTOCOL_VERSION).encode()),
                         (b"x-content-type-options", b"nosniff")]
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in extra if h[0] not in names]
            await send(message)

        refusal = self._protocol(headers.get(PROTOCOL_HEADER.lower()))
        if refusal is None and path not in PUBLIC_PATHS and path.startswith("/v1/"):
            refusal = await self._authenticate(scope, headers.get("authorization", ""))
        limit = body_limit(self.config, path)
        if refusal is None:
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or len(length) > 18):
                refusal = (400, errors.body("bad_length", "Content-Length 不正确", "Bad Content-Length"), {})
            elif length is not None and int(length) > limit:
                refusal = (413, BodyTooLarge(limit).answer(), {})
        if refusal is not None:
            status, content, extra = refusal
            await _answer(send_with_headers, status, content, extra, close=_has_body(headers))
            return

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted_receive, send_with_headers)

    @staticmethod
    def _protocol(sent: str | None) -> tuple[int, dict[str, object], dict[str, str]] | None:
        if sent is None or sent == str(PROTOCOL_VERSION):
            return None
        older = not sent.isdigit() or int(sent) < PROTOCOL_VERSION
        zh = "客户端版本过旧，请更新 CDO Desktop 后再同步" if older else "服务器版本较旧，请联系政数局升级服务器"
        en = "This desktop is too old for the server: please update CDO Desktop" if older else (
            "The server is older than this desktop: ask the bureau to update the server"
        )
        return 426, errors.body("protocol_mismatch", zh, en, PROTOCOL_HEADER), {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}

    async def _authenticate(self, scope: Scope, header: str) -> tuple[int, dict[str, object], dict[str, str]] | None:
        from cdo_desktop.server.deps import authenticate

        try:
            viewer = await anyio.to_thread.run_sync(authenticate, self.db, header)
        except errors.ApiError as exc:
            return exc.status, errors.body(exc.code, exc.zh, exc.en, exc.field), exc.headers or {}
        scope.setdefault("state", {})[VIEWER_KEY] = viewer
        return None


def _has_body(headers: dict[str, str]) -> bool:
    return "transfer-encoding" in headers or headers.get("content-length", "0") not in ("", "0")


async def _answer(send: Send, status: int, content: dict[str, object], extra: dict[str, str], *, close: bool) -> None:
    """Answer without reading the body; the connection is closed after it when a body was on its way."""
    raw = json.dumps(content, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": raw})
