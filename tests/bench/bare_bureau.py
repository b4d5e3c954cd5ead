"""The floor of the load test (`bench_sync.py --only load`): a "bureau" that answers a push and a pull with ready
bytes and does nothing else — no sign-in check, no database, no rules — on the same server stack as `cdo serve`
(uvicorn, one process, its HTTP protocol without Nagle's delay). Bare desktops (`bench_sync.bare_desktop`) send it
a push and a pull per round, as a desktop's sync does, with bodies of the sizes a real burst exchanges. What fifty
of them see at once on this machine is what any bureau and any desktop would see before doing any work.

Run: python tests/bench/bare_bureau.py PORT
"""

from __future__ import annotations

import json
import sys
from typing import Any

PUSH_ANSWER = json.dumps({"answers": [{"id": "00000000-0000-0000-0000-000000000000", "status": "accepted",
                                       "seq": 1, "reason": None}],
                          "epoch": "e", "head": 1, "server_time": "2026-11-27T00:00:00Z"}).encode()
PULL_ROWS = 12  # the median a desktop pulled per sync in the 50-desktop burst
PULL_PAGE = json.dumps({"rows": [{"table": "sharing_request", "seq": i, "row": {"filler": "x" * 700}}
                                 for i in range(PULL_ROWS)], "next_after": PULL_ROWS, "head": PULL_ROWS}).encode()


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    while (await receive()).get("more_body"):  # read the request's body, as a real bureau must
        pass
    body = PUSH_ANSWER if scope["path"].endswith("/push") else PULL_PAGE
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


if __name__ == "__main__":
    import uvicorn

    from cdo_desktop.server.http_protocol import NoDelayHTTPProtocol

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off",
                server_header=False, http=NoDelayHTTPProtocol)
