"""Every user-visible string of the UI has a finished Simplified Chinese translation, and the .qm is current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
UI = ROOT / "cdo_desktop" / "ui"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            out[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return out


def test_every_zh_cn_message_is_translated() -> None:
    unfinished = [key for key, message in messages(TRANSLATIONS / "cdo_zh_CN.ts").items()
                  if (t := message.find("translation")) is None or t.get("type") or not (t.text or "").strip()]
    assert unfinished == []


def test_the_ts_source_holds_every_string_lupdate_finds(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))
    subprocess.run([lupdate, "-locations", "none", *sources, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    found = set(messages(fresh))
    assert found, "lupdate found no strings"
    missing = found - set(messages(TRANSLATIONS / "cdo_zh_CN.ts"))
    assert missing == set(), "run resources/translations/update_translations.py and translate the new strings"


def test_no_tr_inside_f_strings() -> None:
    """lupdate cannot see a tr() call inside an f-string: such a string would stay English in zh_CN."""
    pattern = re.compile(r"""f["'][^"'\n]*\{[^}]*\btr\(""")
    offenders = [f"{p.relative_to(ROOT)}:{i}" for p in UI.rglob("*.py")
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_compiled_catalogue_translates(qapp: Any) -> None:
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.qt import QCoreApplication

    try:
        assert i18n.install("zh_CN")
        assert QCoreApplication.translate("SyncIndicator", "Offline") == "离线"
        assert QCoreApplication.translate("MainWindow", "Sync now") == "立即同步"
        i18n.install("en")
        assert QCoreApplication.translate("MainWindow", "Sync now") == "Sync now"
    finally:
        i18n.install("zh_CN")
