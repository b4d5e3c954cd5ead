"""The bureau server's FastAPI application: routes, error answers, protocol and body-size checks."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from cdo_desktop import PROTOCOL_VERSION, __version__
from cdo_desktop.server import errors, ledger
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.server.routes import admin, auth, blobs, meta, sync, verify
from cdo_desktop.services.bootstrap import ensure_initialised
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database
from cdo_desktop.sync.replica import keep_open
from cdo_desktop.sync.wire import PROTOCOL_HEADER

log = logging.getLogger("cdo.server")


def prepare_database(config: ServerConfig) -> Database:
    """Migrate, initialise an empty database, sequence rows written offline, detect a restore (new epoch)."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(config.data_dir, url=config.database_url)
    ensure_initialised(db)
    ledger.sequence_unstamped(db)
    epoch, rotated = ledger.check_restore(db, config.data_dir)
    if rotated:
        log.warning("database is behind its recorded head (restored from a backup?): new epoch %s", epoch)
    return db


def create_app(config: ServerConfig, *, db: Database | None = None) -> FastAPI:
    app = FastAPI(title="CDO bureau server 政数局协同服务", version=__version__)
    app.state.config = config
    app.state.db = db if db is not None else prepare_database(config)
    app.state.keeper = keep_open(app.state.db)
    errors.install(app)

    @app.middleware("http")
    async def _protocol_and_size(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        sent = request.headers.get(PROTOCOL_HEADER)
        if sent is not None and sent != str(PROTOCOL_VERSION):
            older = not sent.isdigit() or int(sent) < PROTOCOL_VERSION
            zh = "客户端版本过旧，请更新 CDO Desktop 后再同步" if older else "服务器版本较旧，请联系政数局升级服务器"
            en = "This desktop is too old for the server: please update CDO Desktop" if older else (
                "The server is older than this desktop: ask the bureau to update the server"
            )
            return JSONResponse(
                errors.body("protocol_mismatch", zh, en, PROTOCOL_HEADER), status_code=426,
                headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
            )
        length = request.headers.get("content-length")
        if length and length.isdigit() and not request.url.path.startswith("/v1/blobs/"):
            if int(length) > config.max_body_bytes:
                return JSONResponse(errors.body("too_large", "请求过大", "The request is too large"), status_code=413)
        response = await call_next(request)
        response.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        return response

    for module in (meta, auth, sync, blobs, admin, verify):
        app.include_router(module.router)
    return app


def close_app(app: FastAPI) -> None:
    """Release the app's database connections (tests restart servers in one process)."""
    if app.state.keeper is not None:
        app.state.keeper.close()
    app.state.db.dispose()


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers (``--workers N``): settings from the environment; `cdo serve` has already
    migrated and prepared the database once, before starting the workers."""
    config = ServerConfig.from_env()
    return create_app(config, db=Database(config.url))
