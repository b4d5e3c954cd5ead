"""The issuing body's seal, drawn as vectors: a red ring, a five-pointed star and the body's name along the top
arc — the look of a Chinese official seal (公章). Printed only on signed copies; drafts get `draw_draft_mark`."""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from cdo_desktop.reports import fonts

SEAL_RED = colors.Color(0.84, 0.09, 0.11)
DRAFT_TEXT = ("草稿 · 未签章", "DRAFT · UNSIGNED")


def _star(canvas: Canvas, cx: float, cy: float, outer: float) -> None:
    inner = outer * 0.382
    path = canvas.beginPath()
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def draw_seal(canvas: Canvas, cx: float, cy: float, radius: float, *, name: str, caption: str = "") -> None:
    """A round seal centred on (cx, cy): ring, star, ``name`` clockwise along the top arc, ``caption`` below the
    star. Characters are spread over an arc that grows with the name's length (up to 250°)."""
    face = fonts.register(fonts.SONG)
    canvas.saveState()
    canvas.setStrokeColor(SEAL_RED)
    canvas.setFillColor(SEAL_RED)
    canvas.setLineWidth(radius * 0.055)
    canvas.circle(cx, cy, radius - radius * 0.03, stroke=1, fill=0)
    _star(canvas, cx, cy, radius * 0.27)
    chars = [c for c in name if not c.isspace()]
    if chars:
        size = min(radius * 0.24, radius * 3.9 / max(len(chars), 1))
        text_radius = radius * 0.89 - 0.92 * size  # the glyphs' tops stay inside the ring
        span = min(math.radians(250), math.radians(20) * len(chars))
        step = span / max(len(chars) - 1, 1)
        start = math.pi / 2 + span / 2
        for i, char in enumerate(chars):
            angle = start - i * step if len(chars) > 1 else math.pi / 2
            x, y = cx + text_radius * math.cos(angle), cy + text_radius * math.sin(angle)
            canvas.saveState()
            canvas.translate(x, y)
            canvas.rotate(math.degrees(angle) - 90)
            canvas.setFont(fonts.SONG, size)
            canvas.drawCentredString(0, 0, char)
            canvas.restoreState()
    if caption:
        size = radius * 0.16
        width = face.text_width(caption, size)
        canvas.setFont(fonts.SONG, size)
        canvas.drawString(cx - width / 2, cy - radius * 0.55, caption)
    canvas.restoreState()


def draw_draft_mark(canvas: Canvas, cx: float, cy: float, radius: float) -> None:
    """Beside the signature, where a signed copy has its seal, a draft says plainly that it is a draft and carries
    no signature (``cx`` is the left edge of the free space before the issuer's name)."""
    zh, en = DRAFT_TEXT
    face = fonts.register(fonts.SONG)
    canvas.saveState()
    grey = colors.Color(0.45, 0.45, 0.45)
    canvas.setStrokeColor(grey)
    canvas.setFillColor(grey)
    canvas.setLineWidth(1.2)
    width = max(face.text_width(zh, 15), face.text_width(en, 10)) + 16
    cx += width / 2
    canvas.roundRect(cx - width / 2, cy - 22, width, 44, 4, stroke=1, fill=0)
    canvas.setFont(fonts.SONG, 15)
    canvas.drawString(cx - face.text_width(zh, 15) / 2, cy + 2, zh)
    canvas.setFont(fonts.SONG, 10)
    canvas.drawString(cx - face.text_width(en, 10) / 2, cy - 14, en)
    canvas.restoreState()
    del radius
