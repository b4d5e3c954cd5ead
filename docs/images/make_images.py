"""Regenerate docs/images/: every page of every document type, Chinese and English, as PNG (poppler's pdftoppm).

    CDO_DOCUMENT_FONTS=bundled .venv/bin/python docs/images/make_images.py
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("CDO_DOCUMENT_FONTS", "bundled")

from cdo_desktop.reports import documents, samples  # noqa: E402


def main() -> int:
    views = {
        "ruling": samples.sample_ruling(),
        "notice": samples.sample_notice(),
        "reply-approved": samples.sample_reply("approved"),
        "reply": samples.sample_reply("partly_approved"),
        "reply-refused": samples.sample_reply("refused"),
        "certificate": samples.sample_certificate(),
        "scorecard": samples.sample_scorecard(),
    }
    for old in HERE.glob("*.png"):  # what the script no longer produces goes too
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for name, view in views.items():
            for lang in ("zh", "en"):
                pdf = Path(tmp) / f"{name}-{lang}.pdf"
                pdf.write_bytes(documents.render(dataclasses.replace(view, lang=lang)))
                subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", str(pdf), str(HERE / f"{name}-{lang}")],
                               check=True)
    for png in sorted(HERE.glob("*.png")):  # pdftoppm numbers pages -1, -01 … by page count: make it -1, -2
        stem, _, page = png.stem.rpartition("-")
        png.rename(HERE / f"{stem}-{int(page)}.png")
    print("\n".join(p.name for p in sorted(HERE.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
