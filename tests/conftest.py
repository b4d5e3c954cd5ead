"""Shared set-up: Qt offscreen, the bundled document fonts, and Windows' rule for open files (`windows_file_rules`)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Documents print with the bundled faces in tests: the same bytes whatever fonts this machine has installed.
os.environ.setdefault("CDO_DOCUMENT_FONTS", "bundled")
# Parsed faces are cached in a folder of this run, not in the user's cache (reports/font_cache.py).
if "CDO_FONT_CACHE" not in os.environ:
    import tempfile

    os.environ["CDO_FONT_CACHE"] = tempfile.mkdtemp(prefix="cdo-test-font-cache-")


def _held_open(path: Path) -> bool:
    """Whether this process has ``path`` open (Linux: /proc/self/fd)."""
    target = os.path.realpath(path)
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                return True
    return False


@pytest.fixture
def windows_file_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' rule, on Linux: a file that is open (SQLite opens its files without FILE_SHARE_DELETE there) can be
    neither deleted nor replaced."""
    real_unlink, real_replace = Path.unlink, Path.replace

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.exists() and _held_open(self):
            raise PermissionError(32, "the file is in use (Windows' rule)", str(self))
        real_unlink(self, missing_ok=missing_ok)

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).exists() and _held_open(Path(target)):
            raise PermissionError(5, "access denied (Windows' rule)", str(target))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(Path, "replace", replace)
