"""HTTP to the bureau: TLS always verified (an intranet CA bundle can be set), protocol header, retries with
backoff on network errors, 5xx and 429; refusals and auth errors are raised at once, never retried."""

from __future__ import annotations

import ipaddress
import random
import ssl
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from cdo_desktop import PROTOCOL_VERSION, __version__
from cdo_desktop.sync.wire import PROTOCOL_HEADER


class SyncError(Exception):
    """A sync problem with a message in Chinese and English."""

    def __init__(self, zh: str, en: str, *, code: str = "sync_error", status: int | None = None) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en, self.code, self.status = zh, en, code, status


class BureauUnreachable(SyncError):
    """Network down, server restarting or overloaded: try again later (the outbox keeps everything)."""


class AuthRequired(SyncError):
    """The device token is missing, unknown or revoked: sign in again."""


class ProtocolMismatch(SyncError):
    """Client and server speak different protocol versions: update the older one."""


class ServerRefused(SyncError):
    """The server refused the request itself (bad input, not allowed)."""


class InsecureServer(SyncError):
    """A bureau address that would send passwords and tokens in clear text (``http://`` to another machine)."""


SHORT_WAIT_S = 10  # a sign-in told to wait this long or less waits and tries again by itself


def _loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_secure_url(url: str) -> None:
    """Refuse any address but ``https://…``, except ``http://`` to this very machine (loopback, for tests and a
    bureau proxy on the same host)."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), parts.hostname or ""
    if scheme == "https" and host:
        return
    if scheme == "http" and host and _loopback(host):
        return
    if scheme == "http":
        raise InsecureServer(
            f"不安全的服务器地址 {url}：http:// 会以明文发送密码和令牌，请使用 https:// 地址",
            f"Insecure server address {url}: http:// would send the password and token in clear text; use https://",
            code="insecure_url",
        )
    raise InsecureServer(
        f"服务器地址不正确：{url}（应为 https://…）", f"Not a server address: {url} (expected https://…)",
        code="bad_url",
    )


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    base_s: float = 0.25
    max_s: float = 8.0

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        if retry_after and retry_after.isdigit():
            return float(min(float(retry_after), self.max_s))
        return float(min(self.max_s, self.base_s * (2.0**attempt)) * (0.5 + random.random() / 2))


def _reason(response: httpx.Response) -> tuple[str, str, str]:
    try:
        error = response.json().get("error") or {}
        return str(error.get("code", "")), str(error.get("zh", "")), str(error.get("en", ""))
    except (ValueError, AttributeError):
        return "", "", response.text[:200]


class BureauHttp:
    """One connection pool to the bureau server."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_bundle: str | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
    ) -> None:
        require_secure_url(base_url)
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "User-Agent": f"cdo-desktop/{__version__}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.retry = retry or RetryPolicy()
        self.client = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, verify=verify, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        self.client.close()

    def call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
             parse: bool = True) -> Any:
        """The answer's JSON, parsed (or, with ``parse`` off, its bytes: for a pydantic model to validate whole)."""
        last: str = ""
        for attempt in range(self.retry.attempts):
            try:
                response = self.client.request(method, path, json=json, params=params)
            except httpx.TransportError as exc:
                last = f"{type(exc).__name__}: {exc}"
                time.sleep(self.retry.delay(attempt))
                continue
            status = response.status_code
            if status >= 500 or status == 429:
                last = f"HTTP {status}"
                if status == 429 and path.endswith("/sign-in"):
                    wait = response.headers.get("retry-after", "")
                    if not (wait.isdigit() and int(wait) <= SHORT_WAIT_S and attempt + 1 < self.retry.attempts):
                        code, zh, en = _reason(response)
                        raise ServerRefused(zh, en, code=code, status=status)
                    time.sleep(int(wait))  # a busy address: a short wait, then the turn is ours
                    continue
                time.sleep(self.retry.delay(attempt, response.headers.get("retry-after")))
                continue
            if status == 426:
                code, zh, en = _reason(response)
                raise ProtocolMismatch(zh or "协议版本不一致，请更新", en or "Protocol mismatch: please update", code=code, status=426)
            if status == 401:
                code, zh, en = _reason(response)
                raise AuthRequired(zh or "请重新登录", en or "Sign in again", code=code or "unauthorised", status=401)
            if status >= 400:
                code, zh, en = _reason(response)
                raise ServerRefused(zh or f"请求被拒绝（{status}）", en or f"Refused (HTTP {status})", code=code, status=status)
            return response.json() if parse else response.content
        raise BureauUnreachable(
            f"无法连接政数局服务器（{last}），修改已保存在本机，稍后会自动重试",
            f"Cannot reach the bureau server ({last}); your changes are kept and will be sent later",
            code="unreachable",
        )
