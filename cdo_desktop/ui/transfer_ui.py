"""Import… and Export… in the desktop: choose a file, run off the UI thread with a progress bar, tell the result.

A refused import lists every bad row, column and reason in the UI language; the database is unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.ui.i18n import is_english
from cdo_desktop.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProblemsDialog(QDialog):
    """The rows an import refused, one line each (row, column, reason), in the UI language."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Transfer", "Import refused"))
        self.setMinimumSize(640, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("Transfer", "Nothing was imported. Correct these cells and import the file again:")))
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("importProblems")
        self.text.setAccessibleName(QCoreApplication.translate("Transfer", "Cells refused by the import"))
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def run_import(parent: QWidget, state: Any, kind: str, path: Path, *, notify: bool = True) -> Any:
    """Import ``path`` as the signed-in user behind a progress dialog; returns the result, or None if refused."""
    from cdo_desktop.transfer.importer import ImportRefused, import_file
    from cdo_desktop.transfer.tables import FileProblem
    from cdo_desktop.ui.dialogs.busy import run_with_progress

    actor_id = state.actor.id
    applier = None
    if state.connected():
        from cdo_desktop.sync.outbox import OutboxApplier

        applier = OutboxApplier()

    def work(progress: Any) -> Any:
        try:
            return import_file(state.db, kind, path, actor_id=actor_id, applier=applier,
                               progress=lambda done, total: progress.update(done, total, QCoreApplication.translate("Transfer", "Importing…")))
        except (ImportRefused, FileProblem) as refused:
            return refused

    outcome = run_with_progress(parent, QCoreApplication.translate("Transfer", "Importing…"), work)
    lang = "en" if is_english() else "zh"
    if outcome is None:
        return None
    if hasattr(outcome, "problems"):
        parent.problems_dialog = ProblemsDialog(outcome.text(lang), parent)  # type: ignore[attr-defined]
        parent.problems_dialog.show()  # type: ignore[attr-defined]
        return None
    if hasattr(outcome, "zh") and not hasattr(outcome, "rows"):
        QMessageBox.warning(parent, QCoreApplication.translate("Transfer", "Import refused"), outcome.en if lang == "en" else outcome.zh)
        return None
    kinds = {"catalogue": "resource", "directory": "department", "assets": "asset", "platforms": "platform"}
    state.changed.emit({kinds[kind], "resource", "person", "outbox", "duplicate"})
    if state.sync_client is not None:
        state.sync_wanted.emit()
    if notify:
        QMessageBox.information(parent, QCoreApplication.translate("Transfer", "Import"), QCoreApplication.translate("Transfer", "Imported %1 rows.").replace("%1", str(outcome.rows)))
    return outcome


def choose_and_import(parent: QWidget, state: Any, kind: str) -> Any:
    from cdo_desktop.ui.file_dialogs import open_file

    path = open_file(parent, QCoreApplication.translate("Transfer", "Import"),
                     QCoreApplication.translate("Transfer", "Spreadsheets (*.xlsx *.csv)"))
    return run_import(parent, state, kind, Path(path)) if path else None


def choose_and_export(parent: QWidget, state: Any, kind: str) -> int | None:
    from cdo_desktop.transfer.exports import export_table
    from cdo_desktop.transfer.specs import TITLES
    from cdo_desktop.ui.file_dialogs import save_file

    path, _ = save_file(parent, QCoreApplication.translate("Transfer", "Export"), f"{TITLES[kind]}.xlsx",
                        QCoreApplication.translate("Transfer", "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"))
    if not path:
        return None
    count = export_table(state.db, kind, Path(path))
    QMessageBox.information(parent, QCoreApplication.translate("Transfer", "Export"), QCoreApplication.translate("Transfer", "Exported %1 rows.").replace("%1", str(count)))
    return count


def template_button(parent: QWidget, kind: str) -> QPushButton:
    """Save an empty import template (Chinese headers) for ``kind``."""
    from cdo_desktop.transfer.exports import write_template
    from cdo_desktop.transfer.specs import TITLES

    button = QPushButton(QCoreApplication.translate("Transfer", "Template…"))
    button.setObjectName(f"template:{kind}")

    def save() -> None:
        from cdo_desktop.ui.file_dialogs import save_file

        path, _ = save_file(parent, QCoreApplication.translate("Transfer", "Template…"), f"{TITLES[kind]}导入模板.xlsx",
                            QCoreApplication.translate("Transfer", "Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            write_template(kind, Path(path))

    button.clicked.connect(save)
    return button


def transfer_buttons(parent: QWidget, state: Any, kind: str, *, export: bool = True) -> list[QPushButton]:
    """Import…, Template… and (optionally) Export… for a page's toolbar."""
    imp = QPushButton(QCoreApplication.translate("Transfer", "Import…"))
    imp.setObjectName(f"import:{kind}")
    imp.clicked.connect(lambda: choose_and_import(parent, state, kind))
    buttons = [imp, template_button(parent, kind)]
    if export:
        # not the list's own Export… beside it (the list as searched): the whole register, in the import's columns
        exp = QPushButton(QCoreApplication.translate("Transfer", "Export in import format…"))
        exp.setObjectName(f"export:{kind}")
        exp.clicked.connect(lambda: choose_and_export(parent, state, kind))
        buttons.append(exp)
    return buttons
