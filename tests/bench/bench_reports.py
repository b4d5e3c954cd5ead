"""Benchmark of printed documents: one ruling warm, a batch of notices, file sizes, against a bare canvas floor.

Run: ``python tests/bench/bench_reports.py [scale]`` (scale 1.0 = 1,000 notices); ``run(scale)`` returns rows
``{name, value, unit, bound}`` for a harness.
"""

from __future__ import annotations

import dataclasses
import io
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.pdfgen.canvas import Canvas

from cdo_desktop.reports import documents, fonts, page, samples
from cdo_desktop.reports.notice import build_story
from cdo_desktop.reports.views import NoticeView

_FLOOR_FONT = "BenchFloorSong"


def _floor_font() -> str:
    """The Song face registered as reportlab registers any font: without the documents' subset cache
    (fonts._SubsetCache), so that the floor repeated on one text is not served from it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FLOOR_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FLOOR_FONT, str(fonts.register(fonts.SONG).path), asciiReadable=0))
    return _FLOOR_FONT


def _bare_canvas(lines: list[str]) -> bytes:
    """The floor: the same text drawn line by line on a plain canvas with the same embedded font."""
    buffer = io.BytesIO()
    font = _floor_font()
    canvas = Canvas(buffer, pagesize=page.A4, invariant=1, initialFontName=font)
    y = page.PAGE_HEIGHT - page.MARGIN_TOP
    for line in lines:
        if y < page.MARGIN_BOTTOM:
            canvas.showPage()
            y = page.PAGE_HEIGHT - page.MARGIN_TOP
        canvas.setFont(font, 16)
        canvas.drawString(page.MARGIN_LEFT, y, line[:27])
        y -= page.LEADING
    canvas.save()
    return buffer.getvalue()


def printed_pages(pdf: bytes) -> list[list[str]]:
    """The text a document prints, page by page and line by line (poppler's ``pdftotext -layout``)."""
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = text.decode("utf-8").split("\f")
    return [[line.strip() for line in sheet.splitlines() if line.strip()] for sheet in pages if sheet.strip()]


def _bare_canvas_pages(pages: list[list[str]]) -> bytes:
    """The floor of a document: its printed text, the same lines on the same pages, drawn on a plain canvas in one
    embedded face — no layout, no tables, no seal, no QR."""
    buffer = io.BytesIO()
    font = _floor_font()
    canvas = Canvas(buffer, pagesize=page.A4, invariant=1, initialFontName=font)
    for lines in pages:
        y = page.PAGE_HEIGHT - page.MARGIN_TOP
        canvas.setFont(font, 16)
        for line in lines:
            canvas.drawString(page.MARGIN_LEFT, y, line)
            y -= page.LEADING
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


_DEPARTMENTS = ("佛山市市场监督管理局", "佛山市公安局", "佛山市人力资源和社会保障局", "佛山市自然资源局",
                "佛山市卫生健康局", "佛山市教育局", "佛山市民政局", "佛山市交通运输局")


def batch_notices(count: int) -> list[NoticeView]:
    """``count`` different notices, as a real batch has: each its own number, record, addressee, so its own
    fingerprint and QR code (a batch of one view repeated would measure caches, not rendering)."""
    base = samples.sample_notice()
    out = []
    for i in range(1, count + 1):
        number = f"佛数问〔2026〕{i}号"
        record_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"cdo-bench-notice-{i}"))
        out.append(dataclasses.replace(base, number=number, record_id=record_id,
                                       record={**base.record, "id": record_id, "number": number},
                                       addressee=_DEPARTMENTS[i % len(_DEPARTMENTS)]))
    return out


def _ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _alternating_ms(fns: list, repeat: int) -> list[float]:  # type: ignore[type-arg]
    """Median milliseconds of each of ``fns``, run in turn ``repeat`` times: a ratio between them is then not
    skewed by the machine's load changing between one measurement and the next."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, samples_ms in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            samples_ms.append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def forget_printed_text() -> None:
    """Empty what a process keeps per printed text — broken paragraphs, cut font subsets and their compressed
    programs — so the next render is of a document this process never printed (its faces stay parsed, as in any
    warm process)."""
    from reportlab.pdfbase import pdfmetrics

    from cdo_desktop.reports import text

    text._BROKEN.clear()
    for name in fonts.ROLES:
        made = getattr(pdfmetrics.getFont(name).face.makeSubset, "_made", None)
        if made is not None:
            made.clear()
    page._FLATE._programs.clear()


def _ruling_first_print(ruling: object) -> bytes:
    forget_printed_text()
    return documents.render(ruling)  # type: ignore[arg-type]


def run(scale: float = 1.0) -> list[dict[str, object]]:
    fonts.faces()
    ruling = samples.sample_ruling()
    notice = samples.sample_notice()
    documents.render(ruling)  # warm: fonts parsed, caches filled
    ruling40_ms = _ms(lambda: documents.render(samples.sample_ruling(40)), 3)
    text = [t for _, t in build_story(notice).fields]
    floor_ms = _ms(lambda: _bare_canvas(text), 7)
    ruling_pages = printed_pages(documents.render(ruling))
    ruling_ms, first_ms, ruling_floor_ms = _alternating_ms(
        [lambda: documents.render(ruling), lambda: _ruling_first_print(ruling), lambda: _bare_canvas_pages(ruling_pages)],
        15)
    count = max(int(1000 * scale), 1)
    notices = batch_notices(count)
    texts = [[t for _, t in build_story(view).fields] for view in notices]
    start = time.perf_counter()
    for view in notices:
        documents.render(view)
    batch_s = time.perf_counter() - start
    start = time.perf_counter()
    for lines in texts:
        _bare_canvas(lines)
    floor_batch_s = time.perf_counter() - start
    from cdo_desktop.reports.commands import render_views

    workers = os.cpu_count() or 1
    start = time.perf_counter()  # what `cdo pdf notices` does: one process per core, pages back in order
    for _ in render_views(notices, workers):
        pass
    pool_s = time.perf_counter() - start
    return [
        {"name": "ruling (6 findings), warm, printed again, median", "value": round(ruling_ms, 1), "unit": "ms",
         "bound": f"{ruling_ms / ruling_floor_ms:.2f}x its floor; goal <= 2x"},
        {"name": "ruling (6 findings), warm process, its text never printed before", "value": round(first_ms, 1),
         "unit": "ms", "bound": f"{first_ms / ruling_floor_ms:.2f}x its floor; goal <= 2x"},
        {"name": f"bare canvas, the ruling's printed text ({len(ruling_pages)} pages, "
                 f"{sum(len(line) for lines in ruling_pages for line in lines)} characters; floor)",
         "value": round(ruling_floor_ms, 1), "unit": "ms", "bound": f"ruling {ruling_ms / floor_ms:.1f}x the notice's"},
        {"name": "ruling (40 findings), warm, median", "value": round(ruling40_ms, 1), "unit": "ms", "bound": 2000},
        {"name": "bare canvas, the notice's text (floor of the notices)", "value": round(floor_ms, 1), "unit": "ms", "bound": None},
        {"name": f"{count} notices in batch, one process", "value": round(batch_s, 2), "unit": "s",
         "bound": f"{batch_s / floor_batch_s:.1f}x the floor"},
        {"name": f"{count} notices in batch, {workers} processes (cdo pdf notices)", "value": round(pool_s, 2),
         "unit": "s", "bound": f"{pool_s / floor_batch_s:.1f}x the floor; goal <= 30 s and <= 3x"},
        {"name": f"floor: {count} x the bare canvas, one process", "value": round(floor_batch_s, 2), "unit": "s",
         "bound": None},
        {"name": "ruling file size", "value": len(documents.render(ruling)) // 1024, "unit": "KB", "bound": 300},
        {"name": "notice file size", "value": len(documents.render(notice)) // 1024, "unit": "KB", "bound": 300},
        {"name": "bare canvas file size", "value": len(_bare_canvas(text)) // 1024, "unit": "KB", "bound": None},
    ]


if __name__ == "__main__":
    rows = run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
    width = max(len(str(r["name"])) for r in rows)
    for r in rows:
        bound = "" if r["bound"] is None else f"(bound {r['bound']})"
        print(f"{str(r['name']).ljust(width)}  {r['value']:>8} {r['unit']:<3} {bound}")
