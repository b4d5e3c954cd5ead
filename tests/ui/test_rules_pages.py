"""The pages of the rules (issue #11): the open catalogue, misuse reports with the bureau's actions, Export… on a
list (read back), and receipt when the addressee first opens an accountability notice."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QApplication
from tests.ui.helpers import buttons, wait_for_rows


def test_the_open_catalogue_lists_only_open_resources_and_exports(window: Any, tmp_path: Path) -> None:
    window.select_role("a")
    window.show_page("open_catalogue")
    page = window.pages["open_catalogue"]
    page.refresh()
    wait_for_rows(page, lambda rows: bool(rows))
    assert page.model.rows and {r["open_type"] for r in page.model.rows} <= {"open", "conditional"}
    with window.state.read() as session:
        total = len(session.execute(select(m.DataResource.id)).all())
    assert len(page.model.rows) * 2 > total  # most resources are open
    assert page.export_to(tmp_path / "open.xlsx", "xlsx") == len(page.model.rows)
    sheet = load_workbook(tmp_path / "open.xlsx").active
    assert sheet is not None and sheet.max_row == len(page.model.rows) + 1
    assert page.export_to(tmp_path / "open.json", "json") == len(page.model.rows)
    doc = json.loads((tmp_path / "open.json").read_text(encoding="utf-8"))
    first = doc["rows"][0]
    assert first["values"]["open_type"] in {"open", "conditional"} and first["labels"]["open_type"]


def test_misuse_reports_show_the_bureaus_actions(window: Any, tmp_path: Path) -> None:
    window.select_role("arbitrator")
    window.show_page("misuse")
    page = window.pages["misuse"]
    page.refresh()
    wait_for_rows(page, lambda rows: bool(rows))
    states = {r["state"] for r in page.model.rows}
    assert "confirmed" in states
    reported = next((i for i, r in enumerate(page.model.rows) if r["state"] == "reported"), None)
    if reported is not None:
        page.view.selectRow(reported)
        QApplication.processEvents()
        assert "action:misuse.investigate" in buttons(page)
    assert page.export_to(tmp_path / "misuse.csv", "csv") == len(page.model.rows)
    with (tmp_path / "misuse.csv").open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == len(page.model.rows) + 1


def test_the_addressee_acknowledges_a_notice_when_it_first_opens_it(window: Any) -> None:
    state = window.state
    with state.db.write() as session:  # a notice not yet received (the demo's have been: forget one receipt)
        record = session.execute(select(m.AccountabilityRecord)).scalars().first()
        assert record is not None
        for receipt in session.execute(select(m.Receipt).where(m.Receipt.subject_id == record.id)).scalars():
            session.delete(receipt)
        record.received_on = record.defence_due = None
        person = session.execute(select(m.Commissioner).where(
            m.Commissioner.department_id == record.department_id, m.Commissioner.role == "commissioner")).scalars().one()
        record_id, person_id = record.id, person.id
    state.sign_in_as(person_id)
    window.show_page("rulings")
    records = window.pages["rulings"].records
    records.refresh()
    wait_for_rows(records, lambda rows: any(r["id"] == record_id for r in rows))
    records.view.selectRow(next(i for i, r in enumerate(records.model.rows) if r["id"] == record_id))
    for _ in range(3):
        QApplication.processEvents()
    with state.read() as session:
        receipts = session.execute(select(m.Receipt).where(m.Receipt.subject_id == record_id)).scalars().all()
        record = session.get(m.AccountabilityRecord, record_id)
    assert len(receipts) == 1 and receipts[0].via == "opened"
    assert record is not None and record.received_on == state.today and record.defence_due is not None
    records.view.clearSelection()
    records.view.selectRow(next(i for i, r in enumerate(records.model.rows) if r["id"] == record_id))
    for _ in range(3):
        QApplication.processEvents()
    with state.read() as session:  # opened again: still one receipt, the first one
        assert len(session.execute(select(m.Receipt).where(m.Receipt.subject_id == record_id)).all()) == 1
