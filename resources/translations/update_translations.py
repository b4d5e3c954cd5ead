"""Regenerate the translation catalogues: pyside6-lupdate scans cdo_desktop/ui for tr()/translate() strings into
the .ts sources (keeping existing translations), then pyside6-lrelease compiles the .qm files the app loads.

    /work/venv/bin/python resources/translations/update_translations.py [--check]

Source strings are English; cdo_zh_CN.ts carries the Simplified Chinese translations (edit it with
pyside6-linguist); cdo_en.ts is the identity. ``--check`` fails when a source string lacks a finished zh_CN
translation (the same check runs in tests/ui/test_translations.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = ROOT / "cdo_desktop" / "ui"
LANGS = ("zh_CN", "en")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *ui_sources(), "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                   capture_output=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                    or not (translation.text or "").strip():
                missing.append((name, message.findtext("source") or ""))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail when zh_CN has unfinished strings")
    args = parser.parse_args()
    for lang in LANGS:
        ts = HERE / f"cdo_{lang}.ts"
        lupdate(ts)
        if lang == "en":  # English is the source language: translation = source
            tree = ET.parse(ts)
            for message in tree.getroot().iter("message"):
                translation = message.find("translation")
                if translation is not None:
                    translation.text = message.findtext("source")
                    translation.attrib.pop("type", None)
            tree.write(ts, encoding="utf-8", xml_declaration=True)
        lrelease(ts)
    missing = unfinished(HERE / "cdo_zh_CN.ts")
    for context, source in missing:
        print(f"untranslated: {context}: {source}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main())
