"""Verify a printed document: open its PDF or paste the code from its QR; the answer in plain words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.ui.i18n import lang
from cdo_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class VerifyDialog(QDialog):
    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Verify a document"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Open the PDF of a ruling or notice, or paste the text of its QR code.")))
        row = QHBoxLayout()
        open_button = QPushButton(self.tr("Open PDF…"))
        open_button.setObjectName("verifyOpen")
        open_button.clicked.connect(self.pick_file)
        row.addWidget(open_button)
        self.code = QLineEdit()
        self.code.setObjectName("verifyCode")
        self.code.setPlaceholderText("CDO1|ruling|…")
        row.addWidget(self.code, 1)
        check = QPushButton(self.tr("Check code"))
        check.clicked.connect(lambda: self.verify_code(self.code.text()))
        row.addWidget(check)
        layout.addLayout(row)
        self.answer = QLabel()
        self.answer.setObjectName("verifyAnswer")
        self.answer.setWordWrap(True)
        self.answer.setMinimumHeight(80)
        layout.addWidget(self.answer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def pick_file(self) -> None:
        from cdo_desktop.ui.file_dialogs import open_file

        path = open_file(self, self.tr("Open PDF"), "PDF (*.pdf)")
        if path:
            self.verify_file(Path(path))

    def _show(self, result: Any) -> None:
        color = "#2e7d32" if result.ok else "#c62828"
        text = result.message(lang())
        if result.number:
            text = f"{result.number}: {text}"
        if result.signer:
            text += "\n" + self.tr("Signed by %s at %s") % (result.signer, result.signing_time or "—")
        self.answer.setStyleSheet(f"color:{color}; font-weight:bold;")
        self.answer.setText(text)

    def _unavailable(self) -> None:
        self.answer.setText(self.tr("Document verification is not available yet in this build."))

    def verify_file(self, path: Path) -> None:
        try:
            from cdo_desktop.reports.verify import verify_pdf
        except ImportError:
            return self._unavailable()
        try:
            with self.state.read() as session:
                self._show(verify_pdf(session, path))
        except OSError as exc:
            self.answer.setText(self.tr("Cannot read %s: %s") % (path.name, exc.strerror))
        except ValueError as exc:  # refused before reading: too large, or an oversized embedded record
            self.answer.setStyleSheet("color:#c62828; font-weight:bold;")
            self.answer.setText(str(getattr(exc, "en" if lang().startswith("en") else "zh", exc)))

    def verify_code(self, text: str) -> None:
        try:
            from cdo_desktop.reports.verify import verify_code
        except ImportError:
            return self._unavailable()
        with self.state.read() as session:
            self._show(verify_code(session, text.strip()))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        from cdo_desktop.ui.accessibility import name_widgets

        name_widgets(self)  # screen readers: every interactive widget has a name
