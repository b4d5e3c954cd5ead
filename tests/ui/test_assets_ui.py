"""The asset register in the desktop: apply, approve, value with a report file, the chart, the certificate button,
an import refused with its row named, the platform register and the scorecard's asset figures."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from cdo_desktop.store import models as m
from cdo_desktop.transfer.specs import ASSETS
from cdo_desktop.transfer.tables import write_table
from cdo_desktop.ui.qt import QApplication, QMessageBox, Qt
from cdo_desktop.ui.worker import wait_all
from tests.ui.helpers import buttons, wait_for_rows


def _select_code(page: Any, code: str) -> dict[str, Any]:
    page.refresh()
    page.search.setText(code)
    page.search.flush()
    wait_for_rows(page, lambda rows: any(r["code"] == code for r in rows))
    row = next(i for i, r in enumerate(page.model.rows) if r["code"] == code)
    page.view.selectRow(row)
    QApplication.processEvents()
    return page.selected_row()


def test_an_asset_is_applied_for_approved_and_valued_through_the_ui(window: Any, qtbot: Any, on_dialog: Any,
                                                                   monkeypatch: Any, tmp_path: Path) -> None:
    state = window.state
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.select_role("a")
    dept = state.actor.department_id
    with state.read() as session:
        from sqlalchemy import select

        system = session.execute(select(m.PlatformSystem)
                                 .where(m.PlatformSystem.operator_department_id == dept)).scalars().first()
        code = session.get(m.Department, dept).code
    resource_id = uuid.uuid4()
    state.apply("resource.create", resource_id, {
        "code": f"{code}-UI-1", "department_id": str(dept), "name": "界面测试资源", "items": [{"name": "字段甲"}],
        "source_system": system.name})
    window.show_page("assets")
    page = window.pages["assets"]
    assert page.apply_button.isVisible()
    created: dict[str, Any] = {}

    def fill(dialog: Any) -> None:
        combo = dialog.fields["resource_id"][1]
        combo.setCurrentIndex(combo.findData(str(resource_id)))
        dialog.fields["scope"][1].setPlainText("本部门界面测试数据")
        dialog.fields["volume"][1].setText("约 12 万条")
        created["entity"] = dialog.entity_id
        created["code"] = dialog.value("code")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_dialog(fill)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    with state.read() as session:
        asset = session.get(m.DataAsset, created["entity"])
    assert asset is not None and asset.state == "applied" and asset.name == "界面测试资源数据资产"

    window.select_role("admin")
    window.show_page("assets")
    _select_code(page, created["code"])
    assert "action:asset.value" not in buttons(page)
    qtbot.mouseClick(buttons(page)["action:asset.approve"], Qt.MouseButton.LeftButton)
    window.select_role("a")
    row = _select_code(page, created["code"])
    assert row["state"] == "registered" and row["number"].startswith("佛数资")
    assert "certificatePdf" in buttons(page)

    report = tmp_path / "评估报告.pdf"
    report.write_bytes(b"%PDF-1.4 valuation report")

    def value(dialog: Any) -> None:
        dialog.fields["value_yuan"][1].setText("1,250,000.50")
        dialog.fields["valuer"][1].setText("佛山市公信资产评估事务所")
        dialog.use_report(report)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_dialog(value)
    qtbot.mouseClick(buttons(page)["action:asset.value"], Qt.MouseButton.LeftButton)
    _select_code(page, created["code"])
    assert [v for _d, v in page.chart.points] == [125_000_050]
    assert "1,250,000.50" in page.detail.toPlainText() and "评估报告.pdf" in page.detail.toPlainText()
    from cdo_desktop.ui.evidence import blob_path

    kept = blob_path(state.data_dir, __import__("hashlib").sha256(report.read_bytes()).hexdigest())
    assert kept.read_bytes() == report.read_bytes()  # the report is kept by its hash
    assert "openReport" in buttons(page)


def test_a_registered_asset_with_two_valuations_draws_two_points(window: Any) -> None:
    window.select_role("admin")
    window.show_page("assets")
    page = window.pages["assets"]
    with window.state.read() as session:
        from sqlalchemy import func, select

        asset_id = session.execute(select(m.AssetValuation.asset_id).group_by(m.AssetValuation.asset_id)
                                   .having(func.count() > 1)).scalars().first()
        code = session.get(m.DataAsset, asset_id).code
    _select_code(page, code)
    points = page.chart.geometry_of()
    assert len(points) == 2 and points[1].x() > points[0].x() and points[1].y() < points[0].y()  # revalued upwards


def test_an_import_with_a_bad_row_is_refused_naming_it(window: Any, tmp_path: Path) -> None:
    from cdo_desktop.ui.transfer_ui import run_import

    window.select_role("a")
    window.show_page("assets")
    page = window.pages["assets"]
    bad = tmp_path / "assets.csv"
    write_table(bad, ASSETS, [{"code": "X", "resource": "NO-SUCH", "name": "n", "scope": "s", "volume": "v"}])
    assert run_import(page, window.state, "assets", bad, notify=False) is None
    text = page.problems_dialog.text.toPlainText()
    assert "Row 2, column 'Resource code' (B): No resource has the code 'NO-SUCH'" in text
    page.problems_dialog.close()


def test_the_platform_register_and_the_scorecard_figures(window: Any) -> None:
    window.select_role("admin")
    window.show_page("platforms")
    page = window.pages["platforms"]
    page.refresh()
    wait_all()
    assert page.model.rowCount() >= 10
    assert "registerSystem" in buttons(page)
    window.show_page("scorecard")
    figures = window.pages["scorecard"].assets
    assert figures.rowCount() > 2
    assert figures.item(figures.rowCount() - 1, 0).text() == "全市合计"


def test_a_good_catalogue_file_is_imported_from_the_catalogue_page(window: Any, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from cdo_desktop.transfer.specs import CATALOGUE
    from cdo_desktop.ui.transfer_ui import run_import

    window.select_role("a")
    state = window.state
    with state.read() as session:
        dept = session.get(m.Department, state.actor.department_id)
        system = session.execute(select(m.PlatformSystem.name)
                                 .where(m.PlatformSystem.operator_department_id == dept.id)).scalars().first()
        before = session.execute(select(func.count()).select_from(m.DataResource)).scalar_one()
    window.show_page("catalogue")
    page = window.pages["catalogue"]
    assert {"import:catalogue", "template:catalogue"} <= set(buttons(page))
    sheet = tmp_path / "catalogue.xlsx"
    write_table(sheet, CATALOGUE, [{"code": f"{dept.code}-IMP-{i}", "name": f"导入资源{i}", "department": dept.code,
                                    "items": "姓名；地址", "source_system": system} for i in range(25)])
    result = run_import(page, state, "catalogue", sheet, notify=False)
    assert result is not None and result.rows == 25
    with state.read() as session:
        assert session.execute(select(func.count()).select_from(m.DataResource)).scalar_one() == before + 25


def test_the_bureau_sees_the_duplicate_items_flag_in_its_conformity_check(window: Any) -> None:
    """集约化: a request for data items another department already provides carries the flag, naming that resource
    and its owner, in the request's detail the bureau reads when it runs the conformity check."""
    from sqlalchemy import select

    state = window.state
    window.select_role("a")
    with state.read() as session:  # a resource the demo flagged: its items are provided by another department too
        flag = session.execute(select(m.DuplicateFlag).where(m.DuplicateFlag.subject_kind == "resource")
                               .where(m.DuplicateFlag.active == True)).scalars().first()  # noqa: E712
        assert flag is not None, "the demo network holds a duplicate-collection flag"
        resource = session.get(m.DataResource, flag.subject_id)
        matched = session.get(m.DataResource, flag.matched_resource_id)
        owner = session.get(m.Department, flag.matched_department_id)
        subject, provider, items = resource.id, resource.department_id, list(flag.items)
        matched_name, owner_name = matched.name, owner.name
    assert provider != state.actor.department_id
    request_id = uuid.uuid4()
    state.apply("request.create", request_id, {
        "requester_department_id": str(state.actor.department_id), "resource_id": str(subject), "items": items,
        "purpose": "核验申请人身份信息", "legal_basis": "《佛山市政务数据资源管理办法（试行）》（佛府办〔2020〕4号）",
        "period_start": "2026-12-01", "period_end": "2027-11-30"})
    state.apply("request.submit", request_id, {})
    with state.read() as session:
        number = session.get(m.SharingRequest, request_id).number
    window.select_role("admin")  # the bureau, whose conformity check the request now waits for
    window.show_page("requests")
    page = window.pages["requests"]
    page.search.setText(number)
    page.search.flush()
    wait_for_rows(page, lambda rows: any(r["number"] == number for r in rows))
    page.view.selectRow(next(i for i, r in enumerate(page.model.rows) if r["number"] == number))
    QApplication.processEvents()
    shown = page.detail.toPlainText()
    assert owner_name in shown and matched_name in shown, shown
    assert all(item in shown for item in items), (items, shown)


def test_the_scorecards_asset_figures_show_every_header_whole(window: Any) -> None:
    """The figures' headers (估值合计（万元） …) are never cut at the window's width: the department column takes
    what is left."""
    from cdo_desktop.ui.asset_widgets import AssetFigures

    window.select_role("a")
    window.show_page("scorecard")
    QApplication.processEvents()
    table = window.pages["scorecard"].findChild(AssetFigures)
    assert table is not None and table.rowCount() > 0
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(1, table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text
