"""Read a rendered document back (pdfplumber) and measure it against GB/T 9704: the checks every generated
document of the demo network must pass. Each returns a list of problems (empty when the page holds)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from dataclasses import dataclass

import pdfplumber

from cdo_desktop.reports import page
from cdo_desktop.reports.text import _LOCKED, CANNOT_START

MM = 72 / 25.4
TOP = page.MARGIN_TOP  # type area, from the page top, in points
BOTTOM = page.PAGE_HEIGHT - page.MARGIN_BOTTOM
LEFT = page.MARGIN_LEFT
RIGHT = page.PAGE_WIDTH - page.MARGIN_RIGHT


@dataclass
class Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    size: float
    font: str


def lines_of(pdf: pdfplumber.PDF) -> list[Line]:
    """Every printed line of the type area (page numbers excluded), in reading order."""
    out: list[Line] = []
    for index, pg in enumerate(pdf.pages):
        rows: dict[int, list[dict]] = {}
        for ch in pg.chars:
            if ch["top"] > BOTTOM + 2 or ch["top"] < TOP - 2:
                continue
            rows.setdefault(round(ch["top"] * 2), []).append(ch)
        for key in sorted(rows):
            chars = sorted(rows[key], key=lambda c: c["x0"])
            sizes = {round(c["size"]) for c in chars}
            out.append(Line(index, "".join(c["text"] for c in chars), chars[0]["x0"], chars[-1]["x1"],
                            chars[0]["top"], max(sizes), chars[0]["fontname"]))
    return out


def signature_problems(lines: list[Line], issuer: str, date_text: str) -> list[str]:
    """The issuer is centred over the date (±0.5 pt), the date four characters in from the right edge, and the
    page they stand on carries body text above them."""
    problems = []
    dates = [i for i, ln in enumerate(lines) if ln.text == date_text and ln.size == 16]
    if not dates:
        return [f"no signature date {date_text!r}"]
    d = dates[-1]
    date, issuer_line = lines[d], lines[d - 1]
    if issuer_line.text != issuer:
        return [f"the line over the date is {issuer_line.text!r}, not the issuer"]
    date_centre = (date.x0 + date.x1) / 2
    issuer_centre = (issuer_line.x0 + issuer_line.x1) / 2
    if issuer_line.x1 < RIGHT - 1 and abs(issuer_centre - date_centre) > 0.5:
        problems.append(f"issuer centred {issuer_centre - date_centre:+.1f} pt off the date")
    if abs((RIGHT - date.x1) - 4 * 16) > 1.0:
        problems.append(f"date {RIGHT - date.x1:.1f} pt from the right edge, not four characters")
    above = [ln for ln in lines[:d - 1] if ln.page == date.page and ln.size == 16]
    if not above:
        problems.append(f"signature alone on page {date.page + 1} (no body text above it)")
    return problems


def imprint_problems(pdf: pdfplumber.PDF) -> list[str]:
    """版记 on the last page: last rule on the type area's lower edge, 0.35 mm first and last, 0.25 mm between,
    印发机关 one character in, 印发日期 one character in from the right."""
    last = pdf.pages[-1]
    rules = sorted((ln for ln in last.lines if abs(ln["x1"] - ln["x0"] - page.BODY_WIDTH) < 1),
                   key=lambda ln: ln["top"])
    if len(rules) < 2:
        return [f"版记 has {len(rules)} rules"]
    problems = []
    widths = [round(r["linewidth"] / MM, 2) for r in rules]
    if widths[0] != 0.35 or widths[-1] != 0.35 or any(w != 0.25 for w in widths[1:-1]):
        problems.append(f"版记 rule widths {widths} mm")
    if abs(rules[-1]["top"] - BOTTOM) > 0.5 * MM:
        problems.append(f"版记 last rule at {rules[-1]['top'] / MM:.1f} mm, type area ends at {BOTTOM / MM:.1f} mm")
    imprint = [c for c in last.chars if rules[-2]["top"] < c["top"] < rules[-1]["top"]]
    if imprint:
        left = min(c["x0"] for c in imprint) - LEFT
        right = RIGHT - max(c["x1"] for c in imprint)
        if abs(left - 14) > 0.5 or abs(right - 14) > 0.5:
            problems.append(f"印发 line {left:.1f} pt from the left, {right:.1f} pt from the right (one character: 14)")
    return problems


def widow_orphan_problems(lines: list[Line]) -> list[str]:
    """Justified body paragraphs: a first line (indented two characters) that runs on must not be a page's last
    line (orphan); a paragraph's short last line must not be alone at the top of a page (widow)."""
    problems = []
    body = [ln for ln in lines if ln.size == 16]
    for index, (prev, nxt) in enumerate(itertools.pairwise(body)):
        if prev.page == nxt.page:
            continue
        after = body[index + 2] if index + 2 < len(body) else None
        goes_on = after is not None and after.page == nxt.page and abs(after.x0 - LEFT) < 1.5  # ragged, not last
        indented = abs(prev.x0 - (LEFT + 32)) < 1.5
        full = prev.x1 > RIGHT - 3
        runs_on = abs(nxt.x0 - LEFT) < 1.5  # the next page goes on with the same paragraph (no indent)
        if indented and full and runs_on:
            problems.append(f"orphan at the foot of page {prev.page + 1}: {prev.text[:12]}…")
        if full and runs_on and nxt.x1 < RIGHT - 3 and not goes_on:
            problems.append(f"widow at the top of page {nxt.page + 1}: {nxt.text[:12]}…")
    return problems


def foot_holes(pdf: pdfplumber.PDF) -> list[float]:
    """For every page but the last: the empty height between the lowest thing printed in the type area (text,
    rule, table, QR code) and the type area's lower edge, in body lines (28.9 pt)."""
    holes = []
    for pg in pdf.pages[:-1]:
        bottoms = [obj["bottom"] for kind in ("chars", "rects", "lines", "curves") for obj in getattr(pg, kind)
                   if TOP - 2 < obj["top"] and obj["bottom"] < BOTTOM + 2]
        holes.append(max(0.0, BOTTOM - max(bottoms, default=TOP)) / page.LEADING)
    return holes


def break_problems(lines: list[Line]) -> list[str]:
    """No date, document number, article reference or count broken across lines; no line starts with closing
    punctuation."""
    problems = []
    for prev, nxt in itertools.pairwise(lines):
        if nxt.text and nxt.text[0] in CANNOT_START:
            problems.append(f"line starts with {nxt.text[0]!r}: {nxt.text[:12]}…")
        if prev.size != nxt.size:
            continue
        joined = prev.text + nxt.text
        cut = len(prev.text)
        for match in _LOCKED.finditer(joined):
            if match.start() < cut < match.end() and match.end() - match.start() <= 24:
                problems.append(f"{match.group(0)!r} broken across lines")
    return problems


def metadata_problems(data: bytes, *, author: str, issued_on: dt.date, title_part: str,
                      lang: str = "zh-CN") -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    problems = []
    if info.get("/Author") != author:
        problems.append(f"Author {info.get('/Author')!r}, not {author!r}")
    stamp = f"D:{issued_on:%Y%m%d}000000+08'00'"
    for key in ("/CreationDate", "/ModDate"):
        if info.get(key) != stamp:
            problems.append(f"{key} {info.get(key)!r}, not the issue date {stamp}")
    if title_part not in str(info.get("/Title", "")):
        problems.append(f"Title {info.get('/Title')!r} lacks {title_part!r}")
    if not info.get("/Subject"):
        problems.append("no Subject")
    if reader.trailer["/Root"].get("/Lang") != lang:
        problems.append(f"Lang {reader.trailer['/Root'].get('/Lang')!r}")
    return problems


def check_document(data: bytes, *, issuer: str, issued_on: dt.date, number: str, imprint: bool,
                   lang: str = "zh") -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines = lines_of(pdf)
        problems = signature_problems(lines, issuer, page.date_in(lang, issued_on))
        if imprint:
            problems += imprint_problems(pdf)
        problems += widow_orphan_problems(lines)
        problems += break_problems(lines)
    problems += metadata_problems(data, author=issuer, issued_on=issued_on, title_part=number,
                                  lang="en" if lang == "en" else "zh-CN")
    return problems
