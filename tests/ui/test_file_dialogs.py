"""Issue 13, platform manners: Save/Export/Import use the platform's native file dialog (QFileDialog's static
functions, never DontUseNativeDialog), titled in the UI language, starting in the user's Documents folder.

Offscreen there is no native dialog to look at: these tests check what the app passes to Qt (title, start folder,
options). That the platform then shows its own dialog in the UI language is the platform's part (docs/ui.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdo_desktop.ui.qt import QFileDialog


@pytest.fixture
def asked(monkeypatch: Any) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake(kind: str) -> Any:
        def call(parent: Any, title: str = "", directory: str = "", filters: str = "", *rest: Any, **kw: Any) -> Any:
            calls.append({"kind": kind, "title": title, "dir": directory, "filters": filters, "rest": rest, "kw": kw})
            return ([], "") if kind == "open_many" else ("", "")

        return staticmethod(call)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake("save"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake("open"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake("open_many"))
    return calls


def native_in_documents(call: dict[str, Any]) -> None:
    from cdo_desktop.ui.file_dialogs import documents_folder

    folder = documents_folder()
    assert folder and Path(call["dir"]).is_relative_to(folder), call
    assert not call["rest"] and "options" not in call["kw"], "the native dialog is never turned off"


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_export_save_import_open_in_documents_titled_in_chinese(window: Any, asked: list[dict[str, Any]],
                                                                 qtbot: Any) -> None:
    from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview
    from cdo_desktop.ui.transfer_ui import choose_and_export, choose_and_import

    page = window.pages["requests"]
    page.ask_export()
    preview = PdfPreview(b"%PDF-1.4\n%%EOF\n", "佛数裁〔2026〕1号.pdf", window)
    qtbot.addWidget(preview)
    preview.save()
    choose_and_import(window, window.state, "directory")
    choose_and_export(window, window.state, "directory")
    titles = [c["title"] for c in asked]
    assert titles == ["导出", "保存 PDF", "导入", "导出"], titles
    for call in asked:
        native_in_documents(call)
    assert asked[0]["dir"].endswith(".xlsx") and asked[1]["dir"].endswith("佛数裁〔2026〕1号.pdf")
    assert asked[2]["dir"] == str(Path(asked[2]["dir"]))  # an open starts in the folder itself


def test_evidence_and_verify_start_in_documents(window: Any, asked: list[dict[str, Any]], qtbot: Any) -> None:
    from cdo_desktop.ui.dialogs.verify_dialog import VerifyDialog

    window.pages["disputes"].pick_evidence()
    dialog = VerifyDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.pick_file()
    assert [c["title"] for c in asked] == ["Add evidence", "Open PDF"]
    for call in asked:
        native_in_documents(call)
