"""`cdo-desktop --self-test`: proves an installed (or frozen) build works on this PC, in one line.

It starts Qt (offscreen unless ``QT_QPA_PLATFORM`` names another platform: CI runs it on ``xcb`` under Xvfb so a
missing X library fails), creates and migrates a database in a temporary folder, renders the main window to an
image, writes a PDF with the bundled font and checks the font is embedded, and tells the truth about the OS keyring
that signing in needs: it writes, reads and deletes a probe entry (service ``cdo-desktop-selftest``) through the
backend the app would use, and says plainly when there is none or it refuses (locked, plain-text, absent). Without
a usable keyring the app still works offline and in the demo, so that is reported, not a failure. Nothing it does
touches the user's data folder or settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _check_keyring() -> tuple[bool, str]:
    """(usable, what) for the OS keyring the app would keep its sign-in token in: a real round trip of a probe."""
    import keyring

    from cdo_desktop.sync import credentials

    try:
        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
    except Exception as exc:
        return False, f"unavailable ({type(exc).__name__})"
    try:
        credentials._backend_usable()  # the same refusal sign-in gives: no backend, the null one, plain text
        keyring.set_password("cdo-desktop-selftest", "probe", "token-123")
        ok = keyring.get_password("cdo-desktop-selftest", "probe") == "token-123"
        keyring.delete_password("cdo-desktop-selftest", "probe")
    except Exception as exc:
        return False, f"{name} not usable ({type(exc).__name__})"
    return ok, name


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
            keyring_ok, keyring_backend = _check_keyring()
            platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
        except Exception as exc:
            print(f"CDO Desktop self-test FAILED: {type(exc).__name__}: {exc}")
            return 1
    elapsed = time.perf_counter() - began
    keyring_text = (f"OS keyring round trip ok ({keyring_backend})" if keyring_ok else
                     f"OS keyring NOT usable: {keyring_backend} — signing in to a bureau will fail until a keyring "
                     "is installed and unlocked (see README, 'Signing in needs an OS keyring'); offline work and "
                     "the demo are unaffected")
    print(
        f"CDO Desktop self-test OK: database migrated, window {width}x{height} rendered on {platform}, "
        f"PDF {pdf_size} bytes with embedded fonts (faces: {faces}), {keyring_text}, {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
