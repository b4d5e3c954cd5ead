"""Settings: bureau address, CA bundle, language, data folder, backup and restore of the local database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.store.backup import backup, restore
from cdo_desktop.ui.dialogs.busy import run_with_progress
from cdo_desktop.ui.dialogs.verify_dialog import VerifyDialog
from cdo_desktop.ui.file_dialogs import open_file, save_file
from cdo_desktop.ui.pages.base import Page
from cdo_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cdo_desktop.ui.settings import Settings
from cdo_desktop.ui.widgets import heading


class SettingsPage(Page):
    def __init__(self, state: Any, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(state, parent)
        self.settings = settings or getattr(state, "settings", None) or Settings()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        form = QFormLayout()
        self.bureau = QLineEdit(self.settings.get("sync/bureau_url") or "")
        self.bureau.setObjectName("bureauUrl")
        self.bureau.setPlaceholderText("https://cdo.fszsj.gov.cn")
        form.addRow(self.tr("Bureau server address"), self.bureau)
        ca_row = QHBoxLayout()
        self.ca = QLineEdit(self.settings.get("sync/ca_bundle") or "")
        self.ca.setPlaceholderText(self.tr("System certificates"))
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self.pick_ca)
        ca_row.addWidget(self.ca, 1)
        ca_row.addWidget(pick)
        form.addRow(self.tr("CA bundle"), ca_row)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(self.settings.get("ui/language")), 0))
        form.addRow(self.tr("Language"), self.language)
        self.reminders = QCheckBox(self.tr("Remind me in the notification area when a deadline is two working days "
                                           "away or has passed (once a day per item)"))
        self.reminders.setObjectName("reminders")
        self.reminders.setChecked(str(self.settings.get("reminders/enabled")) not in ("0", "false", "False"))
        form.addRow(self.tr("Deadline reminders"), self.reminders)
        self.data_folder = QLabel(str(state.data_dir))
        self.data_folder.setObjectName("dataFolder")
        form.addRow(self.tr("Data folder"), self.data_folder)
        state.actor_changed.connect(lambda: self.data_folder.setText(str(self.state.data_dir)))  # demo: this PC
        from cdo_desktop.reports.fonts import describe

        lang = self.settings.get("ui/language") or "zh_CN"
        self.faces = QLabel("\n".join(describe("en" if str(lang).startswith("en") else "zh")))
        self.faces.setObjectName("documentFaces")
        self.faces.setWordWrap(True)
        form.addRow(self.tr("Document fonts"), self.faces)
        layout.addLayout(form)
        save = QPushButton(self.tr("Save settings"))
        save.setObjectName("saveSettings")
        save.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        for text, slot in ((self.tr("Back up database…"), self.backup), (self.tr("Restore database…"), self.restore),
                           (self.tr("Verify a document…"), self.verify)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Settings")

    def pick_ca(self) -> None:
        path = open_file(self, self.tr("CA bundle"), "PEM (*.pem *.crt);;* (*)")
        if path:
            self.ca.setText(path)

    def save(self) -> None:
        url = self.bureau.text().strip()
        if url and not url.startswith(("https://", "http://")):
            self.note.setText(self.tr("Bureau server address: must start with https://"))
            self.note.setStyleSheet("color:#c62828;")
            return
        if self.ca.text() and not Path(self.ca.text()).is_file():
            self.note.setText(self.tr("CA bundle: the file does not exist"))
            self.note.setStyleSheet("color:#c62828;")
            return
        self.settings.set("sync/bureau_url", url)
        self.settings.set("sync/ca_bundle", self.ca.text().strip())
        self.settings.set("ui/language", self.language.currentData())
        self.settings.set("reminders/enabled", "1" if self.reminders.isChecked() else "0")
        self.note.setStyleSheet("")
        self.note.setText(self.tr("Saved. A new language takes effect at the next start."))

    def backup(self) -> None:
        path, _ = save_file(self, self.tr("Back up database"), "cdo-backup.sqlite3")
        if not path:
            return
        info = run_with_progress(self, self.tr("Backing up…"), lambda p: backup(self.state.data_dir, Path(path)))
        if info is not None:
            self.note.setText(self.tr("Backup written: %s (%d bytes)") % (path, info.size))

    def restore(self) -> None:
        path = open_file(self, self.tr("Restore database"))
        if not path:
            return
        answer = QMessageBox.question(self, self.tr("Restore database"),
                                      self.tr("Replace the local database with %s?") % path)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_with_progress(self, self.tr("Restoring…"),
                                 lambda p: restore(self.state.data_dir, Path(path), open_db=self.state.db))
        if done:
            self.state.changed.emit({"*"})
            self.note.setText(self.tr("Database restored from %s") % path)

    def verify(self) -> None:
        VerifyDialog(self.state, self).exec()
