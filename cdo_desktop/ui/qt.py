"""The one gateway to PySide6: every ui module imports Qt names from here, never from PySide6 directly."""

from __future__ import annotations

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtWidgets import *  # noqa: F403

try:  # QtPdf ships in the separate PySide6-Pdf wheel: the preview degrades to "not available" without it
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_PDF = True
except ImportError:  # pragma: no cover - depends on the installed wheels
    QPdfDocument = QPdfView = None  # type: ignore[assignment,misc]
    HAVE_PDF = False

try:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    HAVE_PRINT = True
except ImportError:  # pragma: no cover - needs libcups at run time
    QPrintDialog = QPrinter = None  # type: ignore[assignment,misc]
    HAVE_PRINT = False


def qconnect(signal, slot) -> None:  # type: ignore[no-untyped-def]
    """Connect ``signal`` to ``slot`` (one place to add checks or logging later)."""
    signal.connect(slot)
