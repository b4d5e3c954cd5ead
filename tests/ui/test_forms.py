"""Forms check their input before anything is sent and name the field that is wrong; the database is unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from cdo_desktop.store import models as m


def count(state: Any, model: Any) -> int:
    with state.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_request_form_names_the_missing_purpose(window: Any, qtbot: Any) -> None:
    from cdo_desktop.ui.dialogs.request_dialog import RequestDialog

    window.select_role("a")
    before = count(window.state, m.SharingRequest)
    dialog = RequestDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.resource.setCurrentIndex(1)
    dialog.accept()
    assert not dialog.error.isHidden()
    assert dialog.error.text().startswith("Purpose")
    assert "border" in dialog.fields["purpose"][1].styleSheet()
    assert count(window.state, m.SharingRequest) == before


def test_request_form_refuses_a_period_that_ends_before_it_starts(window: Any, qtbot: Any) -> None:
    import datetime as dt

    from cdo_desktop.ui.dialogs.request_dialog import RequestDialog

    window.select_role("a")
    dialog = RequestDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.resource.setCurrentIndex(1)
    dialog.fields["purpose"][1].setPlainText("核验身份")
    dialog.fields["period_end"][1].setDate(dt.date(2020, 1, 1))
    dialog.accept()
    assert dialog.error.text().startswith("Period until")


def test_resource_form_needs_legal_basis_for_conditional_sharing(window: Any, qtbot: Any) -> None:
    from cdo_desktop.ui.dialogs.resource_dialog import ResourceDialog

    window.select_role("b")
    dialog = ResourceDialog(window.state, None, window)
    qtbot.addWidget(dialog)
    dialog.fields["code"][1].setText("TEST-001")
    dialog.fields["name"][1].setText("测试资源")
    dialog.fields["items"][1].setText("姓名、身份证号")
    share = dialog.fields["share_type"][1]
    share.setCurrentIndex(share.findData("conditional"))
    dialog.accept()
    assert dialog.error.text().startswith("Legal basis")
    assert "legal basis" in dialog.error.text().lower()


def test_domain_refusal_is_shown_with_its_field(window: Any, qtbot: Any) -> None:
    """A rule only the services know (items must belong to the resource) comes back naming the field."""
    from cdo_desktop.ui.dialogs.request_dialog import RequestDialog

    window.select_role("a")
    dialog = RequestDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.resource.setCurrentIndex(1)
    dialog.fields["purpose"][1].setPlainText("核验身份")
    dialog.items.item(0).setData(256, "不存在的数据项")
    dialog.accept()
    assert not dialog.error.isHidden()
    assert dialog.error.text().startswith("Data items")


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_error_is_in_chinese_by_default(window: Any, qtbot: Any, lang: str) -> None:
    from cdo_desktop.ui.dialogs.request_dialog import RequestDialog

    window.select_role("a")
    dialog = RequestDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.text().startswith("资源")


def test_admin_ends_an_appointment_and_history_keeps_it(window: Any, qtbot: Any) -> None:
    import datetime as dt

    from cdo_desktop.ui.dialogs.admin_dialogs import EndAppointmentDialog

    window.select_role("admin")
    window.show_page("directory")
    page = window.pages["directory"]
    person = next(r for r in page.model.rows if r["role"] == "commissioner" and r["ended_on"] is None)
    dialog = EndAppointmentDialog(window.state, person, window)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    with window.state.read() as session:
        row = session.get(m.Commissioner, person["id"])
    assert row.ended_on == window.state.today and row.ended_on <= dt.date.today() + dt.timedelta(days=1)
    page.view.selectRow(page.model.index_of(person["id"]))
    assert person["name"] in page.detail.toPlainText()  # the appointment history still lists the person
