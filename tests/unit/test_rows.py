"""`store.row.Row` builds and assigns every table model exactly as SQLModel does (`sqlmodel_init` and
``SQLModel.__setattr__``, run here as the reference): the same values in the same order, the same pydantic fields
set, the same SQLAlchemy history, and the same rows stored."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, SQLModel
from sqlmodel._compat import partial_init, sqlmodel_init

from cdo_desktop.store import models as m
from cdo_desktop.store import server_models as sm
from cdo_desktop.store.migrate import open_database
from cdo_desktop.store.row import Row, construction_plan

TABLE_MODELS = sorted(
    {mapper.class_ for mapper in SQLModel._sa_registry.mappers if issubclass(mapper.class_, Row)},
    key=lambda cls: cls.__name__,
)
FIXED_ID = uuid.UUID("0f0e0d0c-0b0a-4908-8706-050403020100")


def _reference(cls: type, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """``cls(**data)`` as SQLModel builds it: the instance with its SQLAlchemy state, then `sqlmodel_init` with
    SQLModel's own ``__setattr__``."""
    with partial_init():
        row = cls()
    with monkeypatch.context() as patch:
        patch.setattr(Row, "__setattr__", SQLModel.__setattr__)
        sqlmodel_init(self=row, data=dict(data))
    return row


def _assign_reference(row: Any, name: str, value: Any) -> None:
    SQLModel.__setattr__(row, name, value)


def _snapshot(row: Any) -> tuple[Any, ...]:
    state = inspect(row)
    values = [(k, v) for k, v in row.__dict__.items() if k != "_sa_instance_state"]
    history = {key: tuple(state.attrs[key].history) for key in state.mapper.columns.keys() if key in state.attrs}
    return (values, set(row.__pydantic_fields_set__), row.__pydantic_extra__, row.__pydantic_private__,
            dict(state.committed_state), state.modified, history)


def _given(cls: type) -> dict[str, Any]:
    """Values for the fields whose default is not the same each time (new ids, clocks)."""
    data: dict[str, Any] = {}
    for name, info in cls.model_fields.items():
        if info.default_factory is uuid.uuid4:
            data[name] = FIXED_ID
    return data


@pytest.mark.parametrize("cls", TABLE_MODELS, ids=lambda cls: cls.__name__)
def test_every_table_model_is_built_and_assigned_as_sqlmodel_does(cls: type, monkeypatch: pytest.MonkeyPatch) -> None:
    assert construction_plan(cls) is not None  # every table model takes the quick construction
    for data in (_given(cls), {**_given(cls), **{n: None for n in list(cls.model_fields)[1:3]}}):
        row, ref = cls(**data), _reference(cls, data, monkeypatch)
        assert _snapshot(row) == _snapshot(ref)
        for name in list(cls.model_fields)[-3:]:  # assignments after construction: history and fields set
            value = ref.__dict__.get(name)
            setattr(row, name, value)
            _assign_reference(ref, name, value)
            assert _snapshot(row) == _snapshot(ref)


def _request_values() -> dict[str, Any]:
    return dict(id=FIXED_ID, number="佛数享〔2026〕1号", requester_department_id=uuid.UUID(int=1),
                provider_department_id=uuid.UUID(int=2), resource_id=uuid.UUID(int=3), period_start=dt.date(2026, 3, 1),
                period_end=dt.date(2026, 12, 31), created_on=dt.date(2026, 3, 2), state="draft")


def _stored(path: Path, table: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path / "cdo.sqlite3")
    try:
        return con.execute(f"SELECT * FROM {table}").fetchall()
    finally:
        con.close()


def test_rows_built_both_ways_are_stored_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row built, changed and written then changed again (an UPDATE), each way: the same bytes stored."""
    stored = []
    for way in ("row", "reference"):
        db = open_database(tmp_path / way)
        values = _request_values()
        with db.writer.connect() as connection, Session(bind=connection) as session:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # rows without their parents
            req = m.SharingRequest(**values) if way == "row" else _reference(m.SharingRequest, values, monkeypatch)
            receipt_values = dict(account_id=FIXED_ID, device_id="d", mutation_id=FIXED_ID, digest="x", accepted=True,
                                  seq=3, answer={"id": str(FIXED_ID), "status": "accepted"},
                                  created_at=dt.datetime(2026, 3, 2, 1, tzinfo=dt.UTC))
            receipt = (sm.SyncReceipt(**receipt_values) if way == "row"
                       else _reference(sm.SyncReceipt, receipt_values, monkeypatch))
            assign = setattr if way == "row" else _assign_reference
            assign(req, "items", ["姓名", "证件号"])
            assign(req, "revision", 1)
            session.add_all([req, receipt])
            session.flush()
            assign(req, "state", "submitted")
            assign(req, "submitted_on", dt.date(2026, 3, 3))
            session.commit()
        stored.append((_stored(tmp_path / way, "sharing_request"), _stored(tmp_path / way, "sync_receipt")))
        db.dispose()
    assert stored[0] == stored[1]
    assert stored[0][0] and stored[0][1]
