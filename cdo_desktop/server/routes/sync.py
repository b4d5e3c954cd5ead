"""Push (a batch of mutations, each in its own transaction and savepoint) and pull (visible rows after a cursor)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from cdo_desktop.server import checkpoints, exchange, group_commit, ledger, pages
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.server.deps import DbDep, ViewerDep
from cdo_desktop.server.errors import ApiError
from cdo_desktop.store.db import Database
from cdo_desktop.sync.wire import (
    DEFAULT_PAGE_ROWS,
    MAX_PAGE_ROWS,
    TABLES,
    PullPage,
    PushAnswer,
    PushRequest,
    RowsRequest,
    WireRow,
)

router = APIRouter(prefix="/v1/sync", tags=["sync"])


@router.post("/push", response_model=PushAnswer)
def push(body: PushRequest, viewer: ViewerDep, request: Request) -> PushAnswer:
    """Written with the pushes that arrive meanwhile (`group_commit`); answered once its group is committed."""
    queue: group_commit.PushQueue = request.app.state.pushes
    answers, (epoch, head) = queue.push(viewer, list(body.mutations))
    return PushAnswer(answers=answers, epoch=epoch, head=head, server_time=dt.datetime.now(dt.UTC))


def after_group(db: Database, config: ServerConfig, bureau_keys: Any) -> tuple[str, int]:
    """After each group of pushes is committed: the head and epoch to answer with, recorded in the data folder
    (`ledger.record_head`), and a signed checkpoint kept when one is due (`checkpoints.keep`)."""
    with db.read() as session:
        counter = ledger.read_counter(session)
    ledger.record_head(config.data_dir, counter.epoch, counter.seq)
    checkpoints.keep(db, bureau_keys, counter.epoch)
    return counter.epoch, counter.seq


def _refuse_ended(viewer: ViewerDep) -> None:
    if viewer.ended:
        raise ApiError(403, "actor_ended", "该账号的任职已结束，不能再同步数据", "This account's appointment has ended")


@router.get("/pull", response_model=PullPage)
def pull(  # answered as ready JSON: each row was written as JSON once (`pages.ServedPage`)
    viewer: ViewerDep,
    db: DbDep,
    request: Request,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_ROWS)] = DEFAULT_PAGE_ROWS,
    known: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,  # an audit position (a 32-bit column)
) -> Response:
    _refuse_ended(viewer)
    with db.read() as session:
        page = pages.pull_page(session, viewer, after=after, limit=limit)
        page.envelope = checkpoints.attach(session, page.envelope, getattr(request.app.state, "keys", None),
                                           known=known, data_dir=request.app.state.config.data_dir)
    return Response(page.json(), media_type="application/json")


@router.post("/rows", response_model=list[WireRow])
def rows(body: RowsRequest, viewer: ViewerDep, db: DbDep) -> list[WireRow]:
    _refuse_ended(viewer)
    if body.table not in TABLES:
        raise ApiError(422, "unknown_table", f"未知的数据表：{body.table}", f"Unknown table: {body.table}", field="table")
    with db.read() as session:
        return exchange.rows_by_id(session, viewer, body.table, list(body.ids))
