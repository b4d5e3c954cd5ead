"""Preview of a printed document inside the app (QtPdf), with Print (native dialog) and Save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.ui import qt
from cdo_desktop.ui.qt import (
    QBuffer,
    QByteArray,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QIODevice,
    QLabel,
    QMessageBox,
    QPainter,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PdfPreview(QDialog):
    def __init__(self, data: bytes, filename: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(filename)
        self.resize(900, 1000)
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

    def page_count(self) -> int:
        return int(self.document.pageCount()) if self.document is not None else 0

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self.filename, "PDF (*.pdf)")
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
