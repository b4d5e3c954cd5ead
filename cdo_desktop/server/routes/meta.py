"""Health and version: unauthenticated, for monitors and for clients checking compatibility."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter
from sqlalchemy import text

from cdo_desktop import PROTOCOL_VERSION, __version__
from cdo_desktop.server import ledger
from cdo_desktop.server.deps import DbDep

router = APIRouter(prefix="/v1", tags=["meta"])


@router.get("/health")
def health(db: DbDep) -> dict[str, object]:
    with db.read() as session:
        session.connection().execute(text("SELECT 1"))
        counter = ledger.read_counter(session)
    return {
        "status": "ok",
        "version": __version__,
        "protocol": PROTOCOL_VERSION,
        "epoch": counter.epoch,
        "head": counter.seq,
        "database": "sqlite" if db.is_sqlite else "postgresql",
        "server_time": dt.datetime.now(dt.UTC).isoformat(),
    }


@router.get("/version")
def version() -> dict[str, object]:
    return {"version": __version__, "protocol": PROTOCOL_VERSION, "min_protocol": PROTOCOL_VERSION}
