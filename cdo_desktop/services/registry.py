"""The table of handlers, one per action of the workflow tables."""

from __future__ import annotations

from collections.abc import Callable

from cdo_desktop.services.context import Handler

HANDLERS: dict[str, Handler] = {}


def handles(kind: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if kind in HANDLERS:
            raise RuntimeError(f"two handlers for {kind}")
        HANDLERS[kind] = handler
        return handler

    return register
