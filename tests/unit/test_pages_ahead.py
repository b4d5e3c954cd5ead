"""`PagesAhead`: pages asked for ahead of the pull are handed over only when they answer the pull's question, in
order; a fetch error reaches the pull; no more than ``depth`` pages wait."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest

from cdo_desktop.sync.ahead import PagesAhead
from cdo_desktop.sync.wire import PullPage

HEAD = 10


def _page(after: int, limit: int) -> PullPage:
    cursor = min(after + limit, HEAD)
    return PullPage(epoch="e", head=HEAD, cursor=cursor, more=cursor < HEAD, rows=[],
                    server_time=dt.datetime.now(dt.UTC))


def _follow(params: dict[str, Any], page: PullPage) -> dict[str, Any] | None:
    return {"after": page.cursor, "limit": params["limit"]} if page.more else None


def test_pages_come_in_order_and_only_for_the_question_asked() -> None:
    asked: list[int] = []

    def fetch(params: dict[str, Any]) -> PullPage:
        asked.append(params["after"])
        return _page(params["after"], params["limit"])

    ahead = PagesAhead(fetch, _follow, depth=2)
    ahead.start({"after": 2, "limit": 2})
    for after in (2, 4, 6, 8):
        page = ahead.take({"after": after, "limit": 2})
        assert page is not None and page.cursor == after + 2
    assert ahead.take({"after": 10, "limit": 2}) is None  # the last page was handed over: nothing more is asked
    assert asked == [2, 4, 6, 8]
    ahead.start({"after": 0, "limit": 5})
    assert ahead.take({"after": 0, "limit": 4}) is None  # another question: not this answer, and the run stops
    ahead.close()


def test_a_page_fetched_already_is_handed_over_first() -> None:
    ahead = PagesAhead(lambda p: _page(p["after"], p["limit"]), _follow)
    first = _page(0, 5)
    ahead.start({"after": 0, "limit": 5}, answered=first)
    assert ahead.take({"after": 0, "limit": 5}) is first
    page = ahead.take({"after": 5, "limit": 5})
    assert page is not None and page.cursor == 10
    ahead.close()


def test_a_fetch_error_is_raised_to_the_pull() -> None:
    def fetch(params: dict[str, Any]) -> PullPage:
        if params["after"] >= 4:
            raise ConnectionError("bureau unreachable")
        return _page(params["after"], params["limit"])

    ahead = PagesAhead(fetch, _follow)
    ahead.start({"after": 0, "limit": 4})
    assert ahead.take({"after": 0, "limit": 4}) is not None
    with pytest.raises(ConnectionError):
        ahead.take({"after": 4, "limit": 4})
    ahead.close()


def test_no_more_than_depth_pages_wait() -> None:
    fetched = threading.Semaphore(0)
    count: list[int] = []

    def fetch(params: dict[str, Any]) -> PullPage:
        count.append(params["after"])
        fetched.release()
        return _page(params["after"], 1)

    ahead = PagesAhead(fetch, _follow, depth=2)
    ahead.start({"after": 0, "limit": 1})
    for _ in range(3):  # two pages wait, the third is fetched and waits for room
        assert fetched.acquire(timeout=5)
    time.sleep(0.2)
    assert len(count) == 3
    ahead.close()
