"""`cdo serve`'s HTTP protocol switches Nagle's algorithm off on the connections its workers accept.

uvicorn binds the listening socket of ``--workers N`` as ``socket.socket(family)`` (``proto`` 0), on which asyncio
leaves Nagle on; a pull answer (headers, then body) then waited ≈ 40 ms for the desktop's delayed acknowledgement.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from cdo_desktop.server.http_protocol import NoDelayHTTPProtocol


def _accepted_no_delay(protocol_class: Any) -> int:
    """TCP_NODELAY on the server's side of a connection accepted by a uvicorn server running ``protocol_class`` on
    a listening socket bound as uvicorn binds it for its workers (`uvicorn.Config.bind_socket`: ``proto`` 0)."""
    server = uvicorn.Server(uvicorn.Config(FastAPI(), http=protocol_class, log_level="warning", lifespan="off"))

    async def accept() -> int:
        listener = socket.socket(family=socket.AF_INET)
        listener.bind(("127.0.0.1", 0))
        serving = asyncio.create_task(server.serve(sockets=[listener]))  # as each worker runs
        while not server.started:
            assert not serving.done(), serving.exception()
            await asyncio.sleep(0.01)
        _reader, writer = await asyncio.open_connection(*listener.getsockname())
        try:
            for _ in range(3000):
                if server.server_state.connections:
                    break
                await asyncio.sleep(0.01)
            (connection,) = server.server_state.connections
            return int(connection.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        finally:
            writer.close()
            server.should_exit = True
            await asyncio.wait_for(serving, 30)

    return asyncio.run(accept())


def test_uvicorns_own_protocol_keeps_nagle_on_a_workers_socket() -> None:
    # why the protocol below exists: if this starts failing, uvicorn or asyncio no longer needs the workaround
    assert _accepted_no_delay(AutoHTTPProtocol) == 0


def test_serve_protocol_switches_nagle_off() -> None:
    assert _accepted_no_delay(NoDelayHTTPProtocol) != 0
