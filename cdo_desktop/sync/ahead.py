"""Pull pages asked for ahead of the one being laid down: a thread asks for page after page, each from where the one
before it ended, while the pull writes; the bureau is never idle waiting for the desktop to ask.

The pull takes a page from here only if it answers exactly the question the pull then asks (`PagesAhead.take`);
anything else stops the thread and the pull asks for itself. At most ``depth`` pages wait, so a slow desktop does
not hold the whole download in memory.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from cdo_desktop.sync.wire import PullPage

Params = dict[str, Any]
_Item = tuple[Params, PullPage | None, BaseException | None]


class PagesAhead:
    """``fetch`` asks the bureau one question; ``follow`` gives the question after a page (None: it was the last)."""

    def __init__(self, fetch: Callable[[Params], PullPage], follow: Callable[[Params, PullPage], Params | None],
                 *, depth: int = 2) -> None:
        self._fetch = fetch
        self._follow = follow
        self._depth = depth
        self._queue: queue.Queue[_Item] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, params: Params, *, answered: PullPage | None = None) -> None:
        """Ask from ``params`` on (``answered``: its page, fetched already), replacing any earlier run."""
        self.stop()
        waiting: queue.Queue[_Item] = queue.Queue(maxsize=self._depth)
        stop = threading.Event()
        self._queue, self._stop = waiting, stop
        self._thread = threading.Thread(target=self._run, args=(params, answered, waiting, stop), name="cdo-pull",
                                        daemon=True)
        self._thread.start()

    def take(self, params: Params) -> PullPage | None:
        """The next page, if it answers ``params`` (its fetch's error is raised); otherwise None, and the run stops."""
        waiting, thread = self._queue, self._thread
        if waiting is None or thread is None:
            return None
        while True:
            try:
                asked, page, error = waiting.get(timeout=0.05)
                break
            except queue.Empty:
                if not thread.is_alive() and waiting.empty():  # it asked its last question already
                    self.stop()
                    return None
        if asked != params or error is not None:
            self.stop()
            if asked == params and error is not None:
                raise error
            return None
        return page

    def stop(self) -> None:
        """Stop asking; waits for a question already sent (as the pull's thread pool did)."""
        thread = self._thread
        self._stop.set()
        self._queue, self._thread = None, None
        if thread is not None:
            thread.join()

    close = stop  # for ``contextlib.closing``

    def _run(self, params: Params | None, answered: PullPage | None, waiting: queue.Queue[_Item],
             stop: threading.Event) -> None:
        while params is not None and not stop.is_set():
            try:
                page = answered if answered is not None else self._fetch(params)
            except BaseException as exc:
                self._put(waiting, stop, (params, None, exc))
                return
            answered = None
            if not self._put(waiting, stop, (params, page, None)):
                return
            params = self._follow(params, page)

    @staticmethod
    def _put(waiting: queue.Queue[_Item], stop: threading.Event, item: _Item) -> bool:
        while not stop.is_set():
            try:
                waiting.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False
