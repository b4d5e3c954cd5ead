"""`cdo-desktop --self-test`: proves an installed (or frozen) build works on this PC, in one line.

It starts Qt offscreen, creates and migrates a database in a temporary folder, renders the main window to an
image, writes a PDF with the bundled font and checks the font is embedded, and writes, reads and deletes a keyring
entry through an in-memory test backend (it also names the OS keyring backend the app would use). Nothing it does
touches the user's data folder, settings or keyring.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _check_keyring() -> str:
    import keyring

    from cdo_desktop.sync.memory_keyring import InProcessKeyring

    try:
        chosen = keyring.get_keyring()
        system = f"{type(chosen).__module__}.{type(chosen).__name__}"
    except Exception as exc:  # a missing OS backend is reported, not fatal for the self-test
        system = f"unavailable ({type(exc).__name__})"

    previous = keyring.get_keyring()
    keyring.set_keyring(InProcessKeyring())
    try:
        keyring.set_password("cdo-desktop-selftest", "probe", "token-123")
        ok = keyring.get_password("cdo-desktop-selftest", "probe") == "token-123"
        keyring.delete_password("cdo-desktop-selftest", "probe")
        ok = ok and keyring.get_password("cdo-desktop-selftest", "probe") is None
    finally:
        keyring.set_keyring(previous)
    if not ok:
        raise RuntimeError("keyring round trip failed")
    return system


def _check_pdf(folder: Path) -> int:
    from cdo_desktop.reports.documents import render
    from cdo_desktop.reports.samples import sample_notice

    data = render(sample_notice())
    if not data.startswith(b"%PDF") or b"/FontFile2" not in data:
        raise RuntimeError("the PDF does not embed the bundled TrueType font")
    (folder / "selftest.pdf").write_bytes(data)
    return len(data)


def _check_window(folder: Path) -> tuple[int, int]:
    from cdo_desktop.ui.app import build_window, make_app, open_local
    from cdo_desktop.ui.qt import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # settings go to a test location, never the user's
    app = make_app([sys.argv[0]], offscreen=True)
    from cdo_desktop.ui.settings import Settings
    from cdo_desktop.ui.state import AppState

    db = open_local(folder / "data")
    window = build_window(AppState(db, folder / "data"), Settings(), demo=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    window.close()
    app.processEvents()
    db.dispose()
    if len(colours) < 4:
        raise RuntimeError("the main window rendered blank")
    return image.width(), image.height()


def run() -> int:
    """Run every check; print one line; 0 when all pass."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cdo-selftest-") as tmp:
        folder = Path(tmp)
        try:
            width, height = _check_window(folder)
            pdf_size = _check_pdf(folder)
            from cdo_desktop.reports.fonts import summary

            faces = summary()
            keyring_backend = _check_keyring()
        except Exception as exc:
            print(f"CDO Desktop self-test FAILED: {type(exc).__name__}: {exc}")
            return 1
    elapsed = time.perf_counter() - began
    print(
        f"CDO Desktop self-test OK: database migrated, window {width}x{height} rendered, "
        f"PDF {pdf_size} bytes with embedded fonts (faces: {faces}), keyring round trip ok (OS backend: {keyring_backend}), "
        f"{elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
