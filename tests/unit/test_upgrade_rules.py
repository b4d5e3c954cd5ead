"""Migration 0006_rules upgrades a database of the previous schema that holds data (issue #11).

The same check runs on PostgreSQL in tests/integration/test_upgrade_rules_postgres.py."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import text
from sqlmodel import Session, select

from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.services.accountability import notice_record
from cdo_desktop.services.context import load_calendar
from cdo_desktop.services.disputes import ruling_record
from cdo_desktop.store import migrate
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database

PREVIOUS = "0003_request_created_index"
D = dt.date


def fill_previous_schema(db: Database, ident: Callable[[uuid.UUID], Any]) -> dict[str, uuid.UUID]:
    """Bring ``db`` to the previous schema and fill it, as that release wrote rows (``ident``: how ids are bound)."""
    config = migrate._config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, PREVIOUS)
    ids = {k: uuid.uuid4() for k in ("a", "b", "res_u", "res_c", "req_u", "req_c", "req_refused", "dispute",
                                     "ruling", "order", "record", "hol")}
    i = {k: ident(v) for k, v in ids.items()}
    # the fingerprint as the previous release computed it (its record, field by field)
    previous = {"id": ids["ruling"], "number": "佛数裁〔2026〕1号", "dispute_id": ids["dispute"], "arbitrator_ids": [],
                "findings": ["事实"], "reasoning": "理由", "rules_relied_on": [], "decision": "upheld", "cc": [],
                "issued_on": D(2026, 2, 20),
                "orders": [{"position": 1, "addressee_department_id": ids["b"], "action": "重新答复",
                            "deadline_days": 10, "due_on": D(2026, 3, 6)}]}
    with db.writer.begin() as c:
        for key, code in (("a", "A"), ("b", "B")):
            c.execute(text("INSERT INTO department (id, revision, code, name, short_name, level, is_bureau, active) "
                           "VALUES (:id, 1, :code, :name, '', 'city', :f, :t)"),
                      {"id": i[key], "code": code, "name": f"部门{code}", "f": False, "t": True})
        for key, share in (("res_u", "unconditional"), ("res_c", "conditional")):
            c.execute(text("INSERT INTO data_resource (id, revision, code, name, department_id, summary, format, items, "
                           "share_type, share_conditions, legal_basis, share_method, open_type, update_cycle, "
                           "source_system) VALUES (:id, 1, :code, '资源', :dept, '', '', :items, :share, '', '', 'api', "
                           "'closed', 'daily', '')"),
                      {"id": i[key], "code": key, "dept": i["b"], "share": share, "items": '[{"name": "姓名"}]'})
        for key, res, state in (("req_u", "res_u", "awaiting_reply"), ("req_c", "res_c", "awaiting_reply"),
                                ("req_refused", "res_u", "refused")):
            c.execute(text("INSERT INTO sharing_request (id, revision, number, requester_department_id, "
                           "provider_department_id, resource_id, items, granted_items, purpose, legal_basis, "
                           "usage_method, period_start, period_end, state, reason, created_on, checked_on, "
                           "reply_due_uncertain) VALUES (:id, 3, :number, :a, :b, :res, :items, :none, '用途', '', "
                           "'api', :start, :end, :state, '', :created, :checked, :f)"),
                      {"id": i[key], "number": key, "a": i["a"], "b": i["b"], "res": i[res], "state": state,
                       "items": '["姓名"]', "none": "[]", "start": D(2026, 1, 1), "end": D(2026, 12, 31),
                       "created": D(2026, 1, 5), "checked": D(2026, 1, 6), "f": False})
        c.execute(text("INSERT INTO dispute (id, revision, number, claimant_department_id, respondent_department_id, "
                       "kind, request_id, claimant_statement, respondent_statement, state, filed_on, hearing_place, "
                       "reason, due_uncertain) VALUES (:id, 4, '佛数争〔2026〕1号', :a, :b, 'refusal', :req, "
                       "'请求裁决：责令共享', '依法拒绝', 'ruled', :filed, '', '', :f)"),
                  {"id": i["dispute"], "a": i["a"], "b": i["b"], "req": i["req_refused"], "filed": D(2026, 2, 1),
                   "f": False})
        c.execute(text("INSERT INTO ruling (id, revision, dispute_id, number, arbitrator_ids, findings, reasoning, "
                       "rules_relied_on, decision, cc, issued_on, fingerprint) VALUES (:id, 1, :d, '佛数裁〔2026〕1号', "
                       ":none, :findings, '理由', :none, 'upheld', :none, :issued, :fp)"),
                  {"id": i["ruling"], "d": i["dispute"], "none": "[]", "findings": '["事实"]', "issued": D(2026, 2, 20),
                   "fp": sha256_hex(canonical_json(previous))})
        c.execute(text("INSERT INTO ruling_order (id, revision, ruling_id, position, addressee_department_id, action, "
                       "deadline_days, due_on, due_uncertain, state, report) VALUES (:id, 1, :r, 1, :b, '重新答复', 10, "
                       ":due, :f, 'open', '')"),
                  {"id": i["order"], "r": i["ruling"], "b": i["b"], "due": D(2026, 3, 6), "f": False})
        c.execute(text("INSERT INTO accountability_record (id, revision, number, department_id, ruling_id, violation, "
                       "measure, report_requirement, rectification_days, rectification_due, due_uncertain, state, "
                       "report, reason, created_on, fingerprint) VALUES (:id, 1, '佛数问〔2026〕1号', :b, :r, '拒绝共享', "
                       "'rectify', '', 15, :due, :f, 'open', '', '', :created, '')"),
                  {"id": i["record"], "b": i["b"], "r": i["ruling"], "due": D(2026, 3, 13), "f": False,
                   "created": D(2026, 2, 20)})
        c.execute(text("INSERT INTO holiday_day (id, revision, date, year, workday, name) "
                       "VALUES (:id, 1, :date, 2027, :f, '元旦')"), {"id": i["hol"], "date": D(2027, 1, 1), "f": False})
    return ids


def check_carried_over(db: Database, ids: dict[str, uuid.UUID]) -> None:
    assert migrate.current_revision(db) == PREVIOUS
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.head_revision()
    with Session(db.writer) as session:
        # unconditional data waiting for its owner is granted in full; conditional data still waits; refusals stay
        granted = session.get(m.SharingRequest, ids["req_u"])
        assert granted is not None and granted.state == "granted" and granted.granted_items == ["姓名"]
        assert granted.granted_on == D(2026, 1, 6) and granted.revision == 4
        assert session.get(m.SharingRequest, ids["req_c"]).state == "awaiting_reply"  # type: ignore[union-attr]
        assert session.get(m.SharingRequest, ids["req_refused"]).state == "refused"  # type: ignore[union-attr]
        # every dispute has its claim, answered, and decided as the ruling decided
        claim = session.exec(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == ids["dispute"])).one()
        assert claim.position == 1 and claim.text == "请求裁决：责令共享" and claim.answer == "依法拒绝"
        assert claim.decision == "upheld" and claim.reasoning == "理由"
        # records keep what they were fingerprinted with
        record = session.get(m.AccountabilityRecord, ids["record"])
        assert record is not None and record.ground_kind == "legacy" and record.state == "open"
        assert notice_record(record)["rectification_due"] == D(2026, 3, 13)
        ruling = session.get(m.Ruling, ids["ruling"])
        order = session.get(m.RulingOrder, ids["order"])
        assert ruling is not None and order is not None and ruling.issuer_id is None
        assert sha256_hex(canonical_json(ruling_record(ruling, [order]))) == ruling.fingerprint  # unchanged
        # a stored open type is never changed silently
        assert session.get(m.DataResource, ids["res_u"]).open_type == "closed"  # type: ignore[union-attr]
        # a published year is not complete until the bureau says so: 2027 stays uncertain
        year = session.exec(select(m.HolidayYear)).one()
        assert year.year == 2027 and not year.complete
        assert load_calendar(session).add_workdays(D(2026, 12, 31), 1).uncertain


def test_upgrading_a_sqlite_database_of_the_previous_schema_carries_its_data_over(tmp_path: Path) -> None:
    db = Database.for_data_dir(tmp_path)
    check_carried_over(db, fill_previous_schema(db, lambda u: u.hex))  # SQLAlchemy's Uuid stores hex in SQLite
