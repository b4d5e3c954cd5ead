"""Preview of a printed document inside the app (QtPdf), with Print (native dialog) and Save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.ui import qt
from cdo_desktop.ui.file_dialogs import save_file
from cdo_desktop.ui.qt import (
    QBuffer,
    QByteArray,
    QDialog,
    QDialogButtonBox,
    QIODevice,
    QLabel,
    QMessageBox,
    QPainter,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PdfPreview(QDialog):
    """The document as printed. ``confirm``: a draft to issue, with 签发 (Issue) and 取消 (Cancel) only."""

    def __init__(self, data: bytes, filename: str, parent: QWidget | None = None, *, confirm: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(filename)
        self.data = data
        self.filename = filename
        layout = QVBoxLayout(self)
        self.document: Any = None
        if qt.HAVE_PDF:
            self.buffer = QBuffer(self)
            self.buffer.setData(QByteArray(data))
            self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document = qt.QPdfDocument(self)
            self.document.load(self.buffer)
            view = qt.QPdfView(self)
            view.setObjectName("pdfView")
            view.setDocument(self.document)
            view.setPageMode(qt.QPdfView.PageMode.MultiPage)
            view.setZoomMode(qt.QPdfView.ZoomMode.FitToWidth)
            layout.addWidget(view, 1)
        else:
            layout.addWidget(QLabel(self.tr("The PDF preview is not available on this computer (QtPdf is missing).")))
        if confirm:
            note = QLabel(self.tr("This is a draft. Read it through: Issue makes it final and cannot be undone."))
            note.setObjectName("draftNote")
            note.setWordWrap(True)
            layout.addWidget(note)
            buttons = QDialogButtonBox()
            issue = QPushButton(self.tr("&Issue"))  # a mnemonic (Alt+I): issuing by keyboard is deliberate too
            issue.setObjectName("issue")
            cancel = QPushButton(self.tr("&Cancel"))
            cancel.setObjectName("cancelIssue")
            buttons.addButton(issue, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
            issue.setAutoDefault(False)
            cancel.setDefault(True)  # Enter never issues by accident
            self.cancel_button = cancel
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.reject)
            layout.addWidget(buttons)
            self.fit_to_screen()
            cancel.setFocus()
            return
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setEnabled(qt.HAVE_PRINT and self.document is not None)
        self.print_button.clicked.connect(self.print_document)
        save = QPushButton(self.tr("Save as…"))
        save.clicked.connect(self.save)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fit_to_screen()

    def fit_to_screen(self, available: Any = None) -> None:
        """An A4 page's proportions, as large as the screen's available area allows (taskbar and the window frame
        left out), centred on it: the buttons are never off-screen, even at 1366×768 or 1280×800."""
        if available is None:
            from cdo_desktop.ui.qt import QGuiApplication

            parent = self.parentWidget()
            screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
            available = screen.availableGeometry()
        frame = 40  # title bar and borders the window manager adds around the dialog
        height = max(min(1000, available.height() - frame - 16), 360)
        width = max(min(900, available.width() - 32, int(height * 0.82)), 420)
        self.resize(width, height)
        self.move(available.x() + (available.width() - width) // 2,
                  available.y() + max((available.height() - height - frame) // 2, 0) + frame // 2)

    def page_count(self) -> int:
        return int(self.document.pageCount()) if self.document is not None else 0

    def save(self) -> None:
        path, _ = save_file(self, self.tr("Save PDF"), self.filename, "PDF (*.pdf)")
        if path:
            from cdo_desktop.reports.documents import write_pdf

            try:
                write_pdf(self.data, Path(path))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Save PDF"), self.tr("Cannot write %s: %s") % (path, exc.strerror))

    def print_document(self) -> None:
        printer = qt.QPrinter(qt.QPrinter.PrinterMode.HighResolution)
        dialog = qt.QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be opened."))
            return
        try:
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
                rect = painter.viewport()
                image = self.document.render(page, rect.size())
                painter.drawImage(rect, image)
        finally:
            painter.end()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        from cdo_desktop.ui.accessibility import name_widgets

        name_widgets(self)  # screen readers: every interactive widget has a name


def file_issued(state: Any, kind: str, number: str, data: bytes, parent: QWidget | None) -> None:
    """The bureau files the SHA-256 of the document it issues (once), so that a later copy can be verified."""
    import hashlib

    from sqlalchemy import select

    from cdo_desktop.domain.errors import DomainError
    from cdo_desktop.store import models as m
    from cdo_desktop.ui.widgets import show_error

    action = f"document.file_{kind}"
    model = m.Ruling if kind == "ruling" else m.AccountabilityRecord
    if kind not in ("ruling", "notice") or not state.may(action):
        return
    with state.read() as session:
        row = session.execute(select(model).where(model.number == number)).scalars().first()
    if row is None or row.pdf_sha256:
        return
    try:
        state.apply(action, row.id, {"sha256": hashlib.sha256(data).hexdigest()}, base_revision=row.revision)
    except DomainError as exc:
        show_error(parent, exc, number)


def preview_document(state: Any, kind: str, number: str, parent: QWidget | None) -> PdfPreview | None:
    """Render the ruling/notice/reply numbered ``number`` and open it in a preview (None if it cannot).

    Opened by the bureau, the rendered file is the issued document: its SHA-256 is filed once.
    """
    from cdo_desktop.ui.dialogs.busy import run_with_progress

    settings = getattr(state, "settings", None)
    language = str(settings.get("ui/language") or "") if settings is not None else ""
    lang = "en" if language.startswith("en") else "zh"  # the English UI previews the English rendering

    def render(progress: Any) -> bytes:
        from cdo_desktop.reports import documents

        with state.read() as session:
            view = documents.load_view(session, kind, number, lang=lang)
        return documents.render(view)

    data = run_with_progress(parent, number, render)
    if data is None:
        return None
    if lang == "zh":  # only the Chinese original is the issued document
        file_issued(state, kind, number, data, parent)
    from cdo_desktop.reports.documents import safe_filename

    dialog = PdfPreview(data, f"{safe_filename(number)}.pdf", parent)
    dialog.setModal(False)
    dialog.show()
    return dialog
