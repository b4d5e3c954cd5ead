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


# steps that run after an action's own handler, inside the same savepoint (e.g. the 集约化 checks of a new resource)
AFTER: dict[str, list[Handler]] = {}


def after(kind: str) -> Callable[[Handler], Handler]:
    def register(hook: Handler) -> Handler:
        AFTER.setdefault(kind, []).append(hook)
        return hook

    return register
