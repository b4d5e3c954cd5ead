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


def dialog_classes() -> set[type]:
    """Every QDialog subclass defined in cdo_desktop.ui (each of its modules imported, subclasses walked)."""
    import importlib
    import pkgutil

    import cdo_desktop.ui as ui
    from cdo_desktop.ui.qt import QDialog

    for info in pkgutil.walk_packages(ui.__path__, "cdo_desktop.ui."):
        importlib.import_module(info.name)

    def walk(cls: type) -> list[type]:
        return [sub for direct in cls.__subclasses__() for sub in (direct, *walk(direct))]

    return {cls for cls in walk(QDialog) if cls.__module__.startswith("cdo_desktop.ui")}


def test_every_dialog_names_its_widgets(window: Any) -> None:
    from cdo_desktop.reports.documents import render
    from cdo_desktop.reports.samples import sample_notice
    from cdo_desktop.ui import actions, transfer_ui
    from cdo_desktop.ui.dialogs import admin_dialogs, asset_dialogs
    from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog
    from cdo_desktop.ui.dialogs.dispute_dialog import DisputeDialog
    from cdo_desktop.ui.dialogs.first_run import FirstRunDialog
    from cdo_desktop.ui.dialogs.form import FormDialog
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
        asset = session.execute(select(m.DataAsset)).scalars().first()
        person = session.execute(select(m.Commissioner)).scalars().first()
    assert asset is not None and person is not None

    def fields_form() -> Any:
        form = asset_dialogs.AssetFieldsForm(state, "Asset", window)
        form.add_fields(None)
        return form

    # how to construct each dialog, and as whom: a dialog class missing here fails the test below
    as_a: dict[type, Any] = {
        RequestDialog: lambda: RequestDialog(state, window),
        ResourceDialog: lambda: ResourceDialog(state, None, window),
        ObjectionDialog: lambda: ObjectionDialog(state, window),
        DisputeDialog: lambda: DisputeDialog(state, {"number": request.number, "request_id": uuid.uuid4(),
                                                     "respondent_department_id": request.provider_department_id},
                                             window),
        actions.TextActionDialog: lambda: actions.TextActionDialog(
            state, TRANSITIONS["request.refuse"], request.id, "reason", "Reason", window, required=True),
        actions.PartlyDialog: lambda: actions.PartlyDialog(state, TRANSITIONS["request.approve_partly"], request.id,
                                                           ["a", "b"], window),
        actions.RefuseDialog: lambda: actions.RefuseDialog(state, TRANSITIONS["request.refuse"], request.id, window),
        actions.ClaimAnswerDialog: lambda: actions.ClaimAnswerDialog(state, TRANSITIONS["dispute.answer_claim"],
                                                                     dispute.id, window),
        SignInDialog: lambda: SignInDialog(state, window),
        FirstRunDialog: lambda: FirstRunDialog(window),
        VerifyDialog: lambda: VerifyDialog(state, window),
        PdfPreview: lambda: PdfPreview(render(sample_notice()), "notice.pdf", window, confirm=True),
        FormDialog: lambda: FormDialog(state, "Form", window),
        asset_dialogs.AssetFieldsForm: fields_form,
        asset_dialogs.AssetApplyDialog: lambda: asset_dialogs.AssetApplyDialog(state, window),
        asset_dialogs.AssetChangeDialog: lambda: asset_dialogs.AssetChangeDialog(
            state, TRANSITIONS["asset.request_change"], asset.id, {"name": asset.name}, window),
        asset_dialogs.ValuationDialog: lambda: asset_dialogs.ValuationDialog(state, asset.id, window),
        asset_dialogs.SystemDialog: lambda: asset_dialogs.SystemDialog(state, None, window),
        transfer_ui.ProblemsDialog: lambda: transfer_ui.ProblemsDialog("row 2, column code: required", window),
    }
    as_arbitrator: dict[type, Any] = {
        RulingEditor: lambda: RulingEditor(state, dispute.id, window),
        actions.HearingDialog: lambda: actions.HearingDialog(state, TRANSITIONS["dispute.schedule_hearing"],
                                                             dispute.id, window),
    }
    as_admin: dict[type, Any] = {
        AccountabilityDialog: lambda: AccountabilityDialog(state, window),
        actions.ChangeMeasureDialog: lambda: actions.ChangeMeasureDialog(
            state, TRANSITIONS["accountability.change"], uuid.uuid4(), window),
        admin_dialogs.PolicyDialog: lambda: admin_dialogs.PolicyDialog(state, None, window),
        admin_dialogs.CalendarDialog: lambda: admin_dialogs.CalendarDialog(state, 2026, window),
        admin_dialogs.DepartmentDialog: lambda: admin_dialogs.DepartmentDialog(state, window),
        admin_dialogs.AppointDialog: lambda: admin_dialogs.AppointDialog(state, window),
        admin_dialogs.EndAppointmentDialog: lambda: admin_dialogs.EndAppointmentDialog(
            state, {"id": person.id, "name": person.name}, window),
        admin_dialogs.DutiesChangeDialog: lambda: admin_dialogs.DutiesChangeDialog(state, None, window),
    }
    listed = set(as_a) | set(as_arbitrator) | set(as_admin)
    defined = dialog_classes()
    assert not defined - listed, f"dialogs this test does not construct: {sorted(c.__qualname__ for c in defined - listed)}"
    missing: list[str] = []
    walked: set[type] = set()
    for role, makers in (("a", as_a), ("arbitrator", as_arbitrator), ("admin", as_admin)):
        window.select_role(role)
        for cls, make in makers.items():
            dialog = make()
            assert type(dialog) is cls
            dialog.show()
            missing += unnamed(dialog)
            dialog.close()
            walked.add(cls)
    assert walked >= defined
    plain = PdfPreview(render(sample_notice()), "notice.pdf", window)  # the preview without 签发 / 取消 too
    plain.show()
    missing += unnamed(plain)
    plain.close()
    assert not missing, missing
