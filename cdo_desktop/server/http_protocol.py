"""The HTTP protocol `cdo serve` runs: uvicorn's own, with Nagle's algorithm switched off on every connection.

asyncio switches it off by itself only on sockets created as TCP (``proto`` 6). With ``--workers N`` uvicorn binds
the listening socket as ``socket.socket(family)`` (``proto`` 0) and hands it to its worker processes, so the
connections they accept kept Nagle on: an answer written as two segments (headers, then body) had its body held
until the desktop acknowledged the headers, which a delayed acknowledgement postpones by ≈ 40 ms. Measured with one
desktop against two workers on PostgreSQL: every pull page took 53–60 ms instead of 13–20 ms (strace: the worker had
the answer written 20 ms after the request arrived).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


def no_delay(transport: asyncio.BaseTransport) -> None:
    """Send what the connection writes at once (``TCP_NODELAY``); a no-op off TCP (a Unix socket)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):  # a connection already closed by the peer: nothing to speed up
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    """uvicorn's HTTP protocol (httptools when installed, else h11) on a connection without Nagle's delay."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        no_delay(transport)
        super().connection_made(transport)
