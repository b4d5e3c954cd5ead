"""Keyboard and screen readers (issue 13): every interactive widget of every page (for every role) and of every
dialog has an accessible name — the name a screen reader hears, Qt's own inference (button text, form label)
included."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from cdo_desktop.domain.workflow import TRANSITIONS
from cdo_desktop.store import models as m
from cdo_desktop.ui.accessibility import INTERACTIVE, effective_name
from cdo_desktop.ui.qt import QApplication, QWidget


def unnamed(root: QWidget) -> list[str]:
    QApplication.processEvents()
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, INTERACTIVE) and widget.isVisible() and not effective_name(widget).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.window()).__name__}")
    return missing


def test_every_page_for_every_role_names_its_widgets(window: Any, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not unnamed(window), timeout=5000)  # named just after the first paint
    missing: list[str] = []
    for role in ("a", "b", "arbitrator", "admin"):
        window.select_role(role)
        for key, page in window.pages.items():
            if window.nav.item(list(window.pages).index(key)).isHidden():
                continue
            window.show_page(key)
            if hasattr(page, "model") and page.model.rows:
                page.view.selectRow(0)  # the action bar of a selected record too
            for tabs in [getattr(page, "tabs", None)]:
                for i in range(tabs.count() if tabs is not None else 0):
                    tabs.setCurrentIndex(i)
                    inner = tabs.widget(i)
                    if getattr(inner, "model", None) is not None and inner.model.rows:
                        inner.view.selectRow(0)
                    missing += [f"{role}/{key}/{i}: {w}" for w in unnamed(window)]
            missing += [f"{role}/{key}: {w}" for w in unnamed(window)]
    assert not sorted(set(missing)), sorted(set(missing))


def test_every_dialog_names_its_widgets(window: Any) -> None:
    from cdo_desktop.reports.documents import render
    from cdo_desktop.reports.samples import sample_notice
    from cdo_desktop.ui.actions import HearingDialog, PartlyDialog, TextActionDialog
    from cdo_desktop.ui.dialogs import admin_dialogs
    from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog
    from cdo_desktop.ui.dialogs.dispute_dialog import DisputeDialog
    from cdo_desktop.ui.dialogs.first_run import FirstRunDialog
    from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview
    from cdo_desktop.ui.dialogs.request_dialog import RequestDialog
    from cdo_desktop.ui.dialogs.resource_dialog import ResourceDialog
    from cdo_desktop.ui.dialogs.ruling_editor import RulingEditor
    from cdo_desktop.ui.dialogs.signin_dialog import SignInDialog
    from cdo_desktop.ui.dialogs.verify_dialog import VerifyDialog
    from cdo_desktop.ui.pages.objections import ObjectionDialog

    state = window.state
    with state.read() as session:
        dispute = session.execute(select(m.Dispute)).scalars().first()
        request = session.execute(select(m.SharingRequest)).scalars().first()
    window.select_role("a")
    made: list[Any] = [
        RequestDialog(state, window), ResourceDialog(state, None, window), ObjectionDialog(state, window),
        DisputeDialog(state, {"number": request.number, "request_id": uuid.uuid4(),
                              "respondent_department_id": request.provider_department_id}, window),
        TextActionDialog(state, TRANSITIONS["request.refuse"], request.id, "reason", "Reason", window,
                         required=True),
        PartlyDialog(state, TRANSITIONS["request.approve_partly"], request.id, ["a", "b"], window),
        SignInDialog(state, window), FirstRunDialog(window), VerifyDialog(state, window),
        PdfPreview(render(sample_notice()), "notice.pdf", window),
        PdfPreview(render(sample_notice()), "notice.pdf", window, confirm=True),
    ]
    window.select_role("arbitrator")
    made += [RulingEditor(state, dispute.id, window),
             HearingDialog(state, TRANSITIONS["dispute.schedule_hearing"], dispute.id, window)]
    window.select_role("admin")
    made.append(AccountabilityDialog(state, window))
    made += [admin_dialogs.PolicyDialog(state, None, window), admin_dialogs.CalendarDialog(state, 2026, window),
             admin_dialogs.DepartmentDialog(state, window), admin_dialogs.AppointDialog(state, window)]
    missing: list[str] = []
    for dialog in made:
        dialog.show()
        missing += unnamed(dialog)
        dialog.close()
    assert not missing, missing
