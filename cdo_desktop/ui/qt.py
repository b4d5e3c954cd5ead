"""The one gateway to PySide6: every ui module imports Qt names from here, never from PySide6 directly.

Names are looked up lazily (PEP 562): ``from cdo_desktop.ui.qt import QLabel`` asks QtWidgets, then QtGui, then
QtCore for ``QLabel`` — the order in which a star import of the three would have let a later module's name win.
PySide6 creates its classes and enums on first access; a star import would create every one of the three modules'
thousands of names before the first window paints (measured: +0.15–0.3 s of start-up, docs/benchmarks.md). QtPdf
and QtPrintSupport (separate wheels and libraries) are loaded only when the PDF preview or printing asks for them.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

_MODULES: tuple[ModuleType, ...] = (QtWidgets, QtGui, QtCore)
_OPTIONAL = ("QPdfDocument", "QPdfView", "QPrintDialog", "QPrinter")  # from QtPdf, QtPdfWidgets, QtPrintSupport
_FLAGS = {"HAVE_PDF": ("QPdfDocument", "QPdfView"), "HAVE_PRINT": ("QPrintDialog", "QPrinter")}


def _optional(name: str) -> Any:
    """A class of an optional Qt module, or None when that module is not installed (QtPdf ships in the separate
    PySide6-Pdf wheel; QtPrintSupport needs libcups at run time): the preview and printing degrade to
    "not available" without them. Written as plain import statements so that PyInstaller sees and bundles them."""
    try:
        if name == "QPdfDocument":
            from PySide6.QtPdf import QPdfDocument as found
        elif name == "QPdfView":
            from PySide6.QtPdfWidgets import QPdfView as found
        elif name == "QPrintDialog":
            from PySide6.QtPrintSupport import QPrintDialog as found
        else:
            from PySide6.QtPrintSupport import QPrinter as found
    except ImportError:  # pragma: no cover - depends on the installed wheels and libraries
        return None
    return found


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in _FLAGS:
        value: Any = all(_optional(n) is not None for n in _FLAGS[name])
    elif name in _OPTIONAL:
        value = _optional(name)
    else:
        for module in _MODULES:
            value = getattr(module, name, _MISSING)
            if value is not _MISSING:
                break
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # the next lookup is a plain module attribute
    return value


_MISSING = object()


def qconnect(signal, slot) -> None:  # type: ignore[no-untyped-def]
    """Connect ``signal`` to ``slot`` (one place to add checks or logging later)."""
    signal.connect(slot)
