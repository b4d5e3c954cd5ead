"""The bundled CJK TrueType fonts: registration with reportlab, widths, and the missing-glyph check."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cdo_desktop.domain.errors import DomainError

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
if getattr(sys, "frozen", False):  # PyInstaller bundle: resources/ sits next to the executable's data
    FONT_DIR = Path(getattr(sys, "_MEIPASS", ".")) / "resources" / "fonts"

SONG = "CDOSong"  # body text (宋/仿宋 role)
HEI = "CDOHei"  # titles (黑体 role)

BUNDLED: dict[str, str] = {SONG: "cdo-song.ttf", HEI: "cdo-hei.ttf"}

# The official-document fonts Windows ships as TrueType, used only when a setting asks for them.
WINDOWS_FONTS: dict[str, tuple[str, ...]] = {
    SONG: ("simfang.ttf", "simsun.ttc"),
    HEI: ("simhei.ttf",),
}

# Characters that are layout, not glyphs: never looked up in a font.
_IGNORED = frozenset("\n\r\t")


class MissingGlyph(DomainError):
    """A field holds a character the document font cannot print."""

    def __init__(self, *, char: str, field: str, font: str) -> None:
        code = f"U+{ord(char):04X}"
        super().__init__(
            "missing_glyph",
            f"字段“{field}”中的字符“{char}”（{code}）不在字体 {font} 中，无法打印",
            f"The character '{char}' ({code}) in field '{field}' is not in font {font}; it cannot be printed",
            field=field,
        )
        self.char = char
        self.font = font


@dataclass(frozen=True)
class FontFace:
    """A registered font: its reportlab name, the file it came from, its characters and advance widths."""

    name: str
    path: Path
    codepoints: frozenset[int]
    widths: dict[int, float]  # 1/1000 em
    default_width: float

    def width(self, char: str, size: float) -> float:
        return self.widths.get(ord(char), self.default_width) * size / 1000.0

    def text_width(self, text: str, size: float) -> float:
        get, default = self.widths.get, self.default_width
        return sum(get(ord(ch), default) for ch in text) * size / 1000.0

    def missing(self, text: str) -> str | None:
        """The first character of ``text`` this font lacks, or None."""
        for ch in text:
            if ch not in _IGNORED and ord(ch) not in self.codepoints:
                return ch
        return None


def _windows_font(name: str) -> Path | None:
    windir = os.environ.get("WINDIR")
    if not windir:
        return None
    for filename in WINDOWS_FONTS.get(name, ()):
        candidate = Path(windir) / "Fonts" / filename
        if candidate.exists():
            return candidate
    return None


@functools.cache
def register(name: str, *, prefer_system: bool = False) -> FontFace:
    """Register font ``name`` (SONG or HEI) with reportlab once and return its face.

    With ``prefer_system`` the Windows official-document font is used where installed; the bundled font stays
    the default because it makes the same file on every PC.
    """
    path = (_windows_font(name) if prefer_system else None) or FONT_DIR / BUNDLED[name]
    if not path.exists():
        raise FileNotFoundError(f"字体文件缺失 / font file missing: {path}")
    font = TTFont(name, str(path), subfontIndex=0, asciiReadable=0)
    pdfmetrics.registerFont(font)
    face = font.face
    return FontFace(
        name=name,
        path=path,
        codepoints=frozenset(face.charToGlyph),
        widths={cp: float(w) for cp, w in face.charWidths.items()},
        default_width=float(face.defaultWidth),
    )


def faces() -> dict[str, FontFace]:
    return {name: register(name) for name in BUNDLED}


def check_fields(fields: Iterable[tuple[str, str, str]]) -> None:
    """Refuse the first ``(field, text, font)`` whose text holds a character its font cannot print."""
    known = faces()
    for field, text, font in fields:
        ch = known[font].missing(text)
        if ch is not None:
            raise MissingGlyph(char=ch, field=field, font=font)
