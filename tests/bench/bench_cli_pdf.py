"""Benchmark of one printed ruling as a whole process (issue 14): ``cdo pdf ruling NUMBER -o f.pdf`` against the peer
the issue names, LibreOffice headless converting the same ruling text from .docx to PDF, medians of alternating runs.

The .docx holds the text of the ruling our command prints (read back from its PDF with pdfplumber), one paragraph
per line, in the same fonts' family names — the office tool's fair share of the same job (it lays out and embeds
the same characters; it does not compose, check or number anything).

Run: python tests/bench/bench_cli_pdf.py [--runs 5] [--scale 60] [--base DIR]
``--base DIR``: also time the same command from another source tree (e.g. ``git archive <commit> | tar -x -C DIR``),
taking turns with ours and the office tool, for an A/B in the same run.
Needs LibreOffice (Debian: ``apt-get install libreoffice-writer-nogui``); without it only our time is reported.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_startup import cdo, medians  # noqa: E402
from bench_ui import compiled  # noqa: E402

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""


def write_docx(lines: list[str], path: Path) -> None:
    """A minimal WordprocessingML document: one paragraph per line, 16 pt FangSong (三号仿宋), A4."""
    run = '<w:rPr><w:rFonts w:ascii="FangSong" w:eastAsia="FangSong"/><w:sz w:val="32"/></w:rPr>'
    body = "".join(f"<w:p><w:r>{run}<w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>" for line in lines)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f'{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def run(runs: int = 5, scale: int = 60, base: Path | None = None) -> list[dict[str, Any]]:
    import pdfplumber

    with tempfile.TemporaryDirectory(prefix="cdo-bench-cli-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        env = dict(os.environ, CDO_DATA_DIR=str(data), PYTHONPATH=str(ROOT), HOME=str(tmp / "home"))
        subprocess.run([*cdo(), "demo-data", "--scale", str(scale)], env=env, capture_output=True, check=True)
        with sqlite3.connect(data / "cdo.sqlite3") as connection:
            number = connection.execute("SELECT number FROM ruling ORDER BY number LIMIT 1").fetchone()[0]
        compiled(ROOT)
        ours = [*cdo(), "pdf", "ruling", number, "-o", str(tmp / "ours.pdf")]
        subprocess.run(ours, env=env, capture_output=True, check=True)
        with pdfplumber.open(tmp / "ours.pdf") as pdf:
            lines = [line for p in pdf.pages for line in (p.extract_text() or "").splitlines()]
            pages = len(pdf.pages)
        write_docx(lines, tmp / "ruling.docx")
        commands = {"ours": ours}
        if base is not None:
            compiled(base)
            commands["base"] = ["env", f"PYTHONPATH={base}", *ours]
        soffice = office()
        if soffice:
            profile = (tmp / "lo-profile").as_uri()
            commands["office"] = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                                  "--outdir", str(tmp / "lo"), str(tmp / "ruling.docx")]
            subprocess.run(commands["office"], env=env, capture_output=True, check=True, timeout=300)  # its profile
        t = medians(commands, env, runs)
    rows = [{"name": f"cdo pdf ruling NUMBER -o f.pdf, whole process ({pages} pages, {len(lines)} lines)",
             "value": round(t["ours"], 2), "unit": "s", "bound": f"median of {runs}, alternating"}]
    if "base" in t:
        rows.append({"name": f"the same command from {base}", "value": round(t["base"], 2), "unit": "s",
                     "bound": f"ours / base = {t['ours'] / t['base']:.2f}"})
    if "office" in t:
        rows.append({"name": "peer: LibreOffice headless, the same text .docx -> PDF, whole process",
                     "value": round(t["office"], 2), "unit": "s",
                     "bound": f"ours / office = {t['ours'] / t['office']:.2f}; goal <= 0.5"})
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=60)
    parser.add_argument("--base", type=Path, default=None, help="another source tree to time the same command from")
    ns = parser.parse_args()
    for row in run(ns.runs, ns.scale, ns.base):
        print(f"{row['name']:<80} {row['value']:>8} {row['unit']:<3} {row['bound']}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
