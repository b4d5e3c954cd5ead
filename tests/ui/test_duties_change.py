"""A change of a department's duties, recorded by the bureau in the directory, opens the catalogue-update deadline
(《政务数据共享条例》第十七条: 10 working days) and puts the task, with its source, on the department's dashboard
(issue #11, point 8): the allowed cell (bureau administrator), the refused ones (a commissioner; an empty note)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import load_calendar, load_policy
from cdo_desktop.store import models as m
from cdo_desktop.ui.deadline_source import source_marker
from tests.ui.helpers import buttons


def _department_with_cdo(state: Any) -> tuple[m.Department, m.Commissioner]:
    with state.read() as session:
        for dept in session.execute(select(m.Department).where(m.Department.is_bureau == False,  # noqa: E712
                                                               m.Department.catalogue_update_due == None)  # noqa: E711
                                    .order_by(m.Department.code)).scalars():
            cdo = session.execute(select(m.Commissioner).where(
                m.Commissioner.department_id == dept.id, m.Commissioner.role == "cdo",
                m.Commissioner.ended_on == None)).scalars().first()  # noqa: E711
            if cdo is not None:
                return dept, cdo
    raise AssertionError("the demo has a department with a chief data officer and no open catalogue update")


def _audited(state: Any) -> int:
    with state.read() as session:
        return session.execute(select(func.count()).select_from(m.AuditEntry).where(
            m.AuditEntry.kind == "department.change_duties")).scalar_one()


def test_the_bureau_records_a_change_and_the_owner_sees_the_task(window: Any, on_dialog: Any) -> None:
    state = window.state
    dept, cdo = _department_with_cdo(state)
    window.select_role("admin")
    window.show_page("directory")
    page = window.pages["directory"]
    assert "changeDuties" in buttons(page)
    before = _audited(state)

    def fill(dialog: Any) -> None:
        combo = dialog.fields["department_id"][1]
        combo.setCurrentIndex(combo.findData(str(dept.id)))
        dialog.fields["note"][1].setPlainText("承接原市编办的部分数据职责")
        dialog.accept()

    on_dialog(fill)
    buttons(page)["changeDuties"].click()
    with state.read() as session:
        row = session.get(m.Department, dept.id)
        expected = load_policy(session).due(DeadlineKind.CATALOGUE_UPDATE, state.today, load_calendar(session))
        assert (row.duties_changed_on, row.duties_note) == (state.today, "承接原市编办的部分数据职责")
        assert row.catalogue_update_due == expected.due and expected.days == 10
    assert _audited(state) == before + 1

    state.sign_in_as(cdo.id)
    window.show_page("dashboard")
    dashboard = window.pages["dashboard"]
    dashboard.refresh()
    text = dashboard.body.toPlainText()
    assert "Catalogue update" in text and expected.due.isoformat() in text
    line = next(x for x in text.splitlines() if expected.due.isoformat() in x)
    assert source_marker() in line and "art. 17" in line, line
    assert "changeDuties" not in buttons(page)  # the department cannot record it itself


def test_a_commissioner_is_refused_and_an_empty_note_names_its_field(window: Any, on_dialog: Any) -> None:
    state = window.state
    dept, cdo = _department_with_cdo(state)
    state.sign_in_as(cdo.id)
    assert not state.may("department.change_duties")
    with pytest.raises(DomainError):
        state.apply("department.change_duties", dept.id, {"changed_on": state.today.isoformat(), "note": "x"})

    window.select_role("admin")
    window.show_page("directory")
    page = window.pages["directory"]
    seen: dict[str, Any] = {}

    def submit_empty(dialog: Any) -> None:
        combo = dialog.fields["department_id"][1]
        combo.setCurrentIndex(combo.findData(str(dept.id)))
        dialog.accept()  # the note is empty: refused, naming the field; the form stays open
        seen["error"] = dialog.error_field
        dialog.reject()

    on_dialog(submit_empty)
    buttons(page)["changeDuties"].click()
    assert seen["error"] == "note"
    with state.read() as session:
        assert session.get(m.Department, dept.id).duties_changed_on is None
