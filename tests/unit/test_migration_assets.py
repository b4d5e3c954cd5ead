"""Migration 0008_assets upgrades a database of the previous schema that holds data, and the new register works on it."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import text

from cdo_desktop.domain.actor import Actor
from cdo_desktop.domain.enums import Role
from cdo_desktop.domain.mutations import Mutation
from cdo_desktop.services.apply import apply
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import _config, current_revision, head_revision, upgrade

PREVIOUS = "0009_documents"


def _at_previous_schema(tmp_path: Path) -> Database:
    db = Database.for_data_dir(tmp_path)
    config = _config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    return db


def test_upgrade_keeps_the_catalogue_and_adds_the_registers(tmp_path: Path) -> None:
    db = _at_previous_schema(tmp_path)
    assert current_revision(db) == PREVIOUS
    dept, person, res = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with db.writer.begin() as c:
        c.execute(text("INSERT INTO department (id, revision, seq, code, name, short_name, level, is_bureau, active) "
                       "VALUES (:id, 1, 7, 'FS-GAJ', '佛山市公安局', '市公安局', 'city', 0, 1)"), {"id": dept.hex})
        c.execute(text("INSERT INTO commissioner (id, revision, seq, name, department_id, role, phone, email, "
                       "appointed_on) VALUES (:id, 1, 8, '张伟', :d, 'cdo', '', '', '2026-01-01')"),
                  {"id": person.hex, "d": dept.hex})
        c.execute(text(
            "INSERT INTO data_resource (id, revision, seq, code, name, department_id, summary, format, items, "
            "share_type, share_conditions, legal_basis, share_method, open_type, update_cycle, source_system, "
            "published_on) VALUES (:id, 3, 9, 'FS-GAJ-001', '公安人口基本信息', :d, '', '', "
            "'[{\"name\": \"公民身份号码\", \"type\": \"string\"}, {\"name\": \"姓名\", \"type\": \"string\"}]', "
            "'unconditional', '', '', 'api', 'closed', 'daily', '公安人口系统', '2026-01-05')"),
            {"id": res.hex, "d": dept.hex})
    assert upgrade(db) == head_revision()
    with db.read() as session:
        row = session.get(m.DataResource, res)
        assert row is not None
        assert (row.code, row.name, row.source_system, row.source_system_id, row.revision, row.seq) == (
            "FS-GAJ-001", "公安人口基本信息", "公安人口系统", None, 3, 9)
        assert [i["name"] for i in row.items] == ["公民身份号码", "姓名"]
    holder = Actor(person, dept, Role.CDO, "张伟")
    now = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
    with db.write() as session:
        system = uuid.uuid4()
        apply(session, Mutation(kind="platform.register", actor_id=person, entity_id=system, payload={
            "code": "GAJ-RK", "name": "公安人口系统", "operator_department_id": str(dept)}), holder, now=now)
        apply(session, Mutation(kind="resource.update", actor_id=person, entity_id=res, payload={
            "name": "公安人口基本信息", "items": [{"name": "公民身份号码"}, {"name": "姓名"}],
            "source_system": "公安人口系统"}), holder, now=now)
        asset = uuid.uuid4()
        apply(session, Mutation(kind="asset.apply", actor_id=person, entity_id=asset, payload={
            "code": "440600-FS-GAJ-ZC-0001", "resource_id": str(res), "name": "人口基础数据资产",
            "scope": "全市户籍人口", "volume": "约 960 万条"}), holder, now=now)
    with db.read() as session:
        assert session.get(m.DataResource, res).source_system_id == system  # type: ignore[union-attr]
        assert session.get(m.DataAsset, asset).state == "applied"  # type: ignore[union-attr]
