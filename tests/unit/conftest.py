"""Fixtures for unit tests: one scenario network per module, each test in a transaction that is rolled back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from cdo_desktop.store import audit, search
from tests.unit.scenario import Network, build_network


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    return build_network(tmp_path_factory.mktemp("net"))


@pytest.fixture
def session(network: Network) -> Iterator[Session]:
    """A write session whose work is thrown away at the end of the test."""
    with Session(network.db.writer, expire_on_commit=False) as s:
        search.attach(s, enabled=True)
        try:
            yield s
        finally:
            s.rollback()
            audit.forget_tail(s)
