"""Fixtures: every integration test runs against a real server over HTTP, once on SQLite and once on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

from cdo_desktop.server.app import prepare_database
from cdo_desktop.server.config import ServerConfig
from tests.integration.harness import (
    LiveServer,
    MemoryKeyring,
    copy_sqlite,
    pg_drop,
    pg_execute,
    pg_url,
    require_postgres,
)
from tests.integration.world import World, build_world

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@dataclass
class Template:
    backend: str
    world: World
    location: str  # a directory (SQLite) or a database name (PostgreSQL)


_TEMPLATES: dict[str, Template] = {}


def _template(backend: str, tmp_root: Path) -> Template:
    if backend not in _TEMPLATES:
        if backend == "postgres":
            require_postgres()
            name = f"cdo_tmpl_{uuid.uuid4().hex[:10]}"
            pg_execute(f'CREATE DATABASE "{name}"')
            config = ServerConfig(data_dir=tmp_root / "pg-template", database_url=pg_url(name))
            location = name
        else:
            config = ServerConfig(data_dir=tmp_root / "sqlite-template")
            location = str(config.data_dir)
        db = prepare_database(config)
        world = build_world(db)
        db.dispose()
        _TEMPLATES[backend] = Template(backend, world, location)
    return _TEMPLATES[backend]


@pytest.fixture(scope="session", autouse=True)
def _drop_templates() -> Iterator[None]:
    yield
    for template in _TEMPLATES.values():
        if template.backend == "postgres":
            pg_drop(template.location)


@dataclass
class Bureau:
    server: LiveServer
    world: World
    backend: str
    database: str | None = None

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.server.db


def fresh_config(backend: str, tmp_path: Path, tmp_root: Path) -> tuple[ServerConfig, World, str | None]:
    template = _template(backend, tmp_root)
    data_dir = tmp_path / "server"
    if backend == "postgres":
        name = f"cdo_test_{uuid.uuid4().hex[:10]}"
        pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template.location}"')
        data_dir.mkdir(parents=True, exist_ok=True)
        return ServerConfig(data_dir=data_dir, database_url=pg_url(name)), template.world, name
    copy_sqlite(Path(template.location), data_dir)
    return ServerConfig(data_dir=data_dir), template.world, None


@pytest.fixture(params=BACKENDS)
def bureau(request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bureau]:
    config, world, database = fresh_config(request.param, tmp_path, tmp_path_factory.getbasetemp())
    server = LiveServer(config).start()
    yield Bureau(server, world, request.param, database)
    server.stop()
    if database:
        pg_drop(database)
