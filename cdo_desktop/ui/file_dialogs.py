"""Choosing a file: the platform's native dialog (QFileDialog's static functions, never DontUseNativeDialog),
titled in the UI language, starting in the user's Documents folder (docs/ui.md, "Platform manners").

Every Save/Export/Import/Open in the app goes through these three functions so that the choice is made once."""

from __future__ import annotations

from pathlib import Path

from cdo_desktop.ui.qt import QFileDialog, QWidget


def documents_folder() -> str:
    """The user's Documents folder (where file dialogs start), or the home folder."""
    from cdo_desktop.ui.qt import QStandardPaths

    return (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))


def start_in(filename: str = "") -> str:
    """The dialog's start: the Documents folder, with ``filename`` proposed for a save."""
    folder = documents_folder()
    return str(Path(folder) / filename) if filename else folder


def save_file(parent: QWidget | None, title: str, filename: str, filters: str = "") -> tuple[str, str]:
    """(path, chosen filter); path is "" when the user cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, start_in(filename), filters)
    return path, chosen


def open_file(parent: QWidget | None, title: str, filters: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_in(), filters)
    return str(path)


def open_files(parent: QWidget | None, title: str, filters: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_in(), filters)
    return list(paths)
