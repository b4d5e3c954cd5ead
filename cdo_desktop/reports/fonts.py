"""Document faces by role (仿宋 body, 小标宋 title, 黑体 and 楷体 headings): official fonts found the platform's way
when the PC has them, bundled free TrueType fallbacks otherwise; registration with reportlab once per process,
widths, and the missing-glyph check."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.reports import font_cache

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
if getattr(sys, "frozen", False):  # PyInstaller bundle: resources/ sits next to the executable's data
    FONT_DIR = Path(getattr(sys, "_MEIPASS", ".")) / "resources" / "fonts"

# reportlab names of the faces, one per role of GB/T 9704-2012.
FANGSONG = "CDOFangsong"  # body text, 3号仿宋
TITLE = "CDOTitle"  # document title, 2号小标宋
HEI = "CDOHei"  # first-level headings 黑体 (also table headers)
KAI = "CDOKai"  # second-level headings 楷体
SONG = "CDOSong"  # page numbers (4号宋体) and small print

# Kept for the callers that print "body text" without caring which face it is.
BODY = FANGSONG


@dataclass(frozen=True)
class Role:
    """One face role: its label, the official fonts tried first (family names, file names) and the fallback."""

    zh: str
    en: str
    families: tuple[str, ...]
    files: tuple[str, ...]
    bundled: str
    bundled_family: str


ROLES: dict[str, Role] = {
    FANGSONG: Role("正文（仿宋）", "Body (FangSong)", ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"),
                   ("simfang.ttf", "FS_GB2312.ttf"), "cdo-fangsong.ttf", "CDO Fangsong (Zhuque Fangsong)"),
    TITLE: Role("标题（小标宋）", "Title (XiaoBiaoSong)", ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK"),
                ("FZXBSJW.TTF", "FZXBSK.TTF"), "cdo-title.ttf", "CDO Title Song (Noto Serif SC Bold)"),
    HEI: Role("一级标题（黑体）", "Heading 1 (HeiTi)", ("黑体", "SimHei"), ("simhei.ttf",), "cdo-hei.ttf",
              "CDO Hei (Droid Sans Fallback)"),
    KAI: Role("二级标题（楷体）", "Heading 2 (KaiTi)", ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"),
              ("simkai.ttf", "KAI_GB2312.ttf"), "cdo-kai.ttf", "CDO Kai (LXGW WenKai)"),
    SONG: Role("页码（宋体）", "Page numbers (SongTi)", ("宋体", "SimSun"), ("simsun.ttc",), "cdo-song.ttf",
               "CDO Song (AR PL UMing CN)"),
}

# "bundled" makes the same bytes on every PC (tests, reproducible re-renders); "system" (the default) prefers the
# official fonts where the PC has them.
FONT_CHOICE_ENV = "CDO_DOCUMENT_FONTS"

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
    family: str = ""
    system: bool = False  # an official font of this PC rather than the bundled fallback

    def width(self, char: str, size: float) -> float:
        return self.widths.get(ord(char), self.default_width) * size / 1000.0

    def text_width(self, text: str, size: float) -> float:
        get, default = self.widths.get, self.default_width
        return sum(get(ord(ch), default) for ch in text) * size / 1000.0

    def missing(self, text: str) -> str | None:
        """The first character of ``text`` this font lacks, or None."""
        if self.codepoints.issuperset(map(ord, text)):
            return None  # the usual case, decided without a Python step per character
        for ch in text:
            if ch not in _IGNORED and ord(ch) not in self.codepoints:
                return ch
        return None


def _windows_fonts() -> dict[str, Path]:
    """Windows: the fonts registry (machine and per-user), display name → file; how Windows itself finds fonts."""
    found: dict[str, Path] = {}
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return found
    windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, key_path) as key:
                index = 0
                while True:
                    try:
                        name, value, _ = winreg.EnumValue(key, index)
                    except OSError:
                        break
                    index += 1
                    path = Path(str(value))
                    if not path.is_absolute():
                        path = windir / path
                    label = str(name).split(" (")[0]
                    for part in label.split(" & "):
                        found.setdefault(part.strip(), path)
        except OSError:
            continue
    return found


def _fontconfig(family: str) -> Path | None:
    """Linux (UOS, Kylin …) and other fontconfig systems: the file of an exactly matching family (as
    ``fc-list :family=FAMILY file`` finds it: any of a font's family names, ignoring case and spaces; the first file
    in sorted order)."""
    files = sorted(path for names, path in _fontconfig_fonts() if _family_key(family) in names)
    return Path(files[0]) if files else None


def _family_key(name: str) -> str:
    return name.replace(" ", "").lower()  # fontconfig's FcStrCmpIgnoreBlanksAndCase ignores the ASCII space only


_LISTED: list[tuple[tuple[frozenset[str], str], ...]] = []  # the one successful listing of this process


def _fontconfig_fonts() -> tuple[tuple[frozenset[str], str], ...]:
    """Every font fontconfig knows, as (its family names, compared as fontconfig compares them; its file), listed by
    one ``fc-list`` per process rather than one per family asked about (a failed listing is tried again)."""
    if _LISTED:
        return _LISTED[0]
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:  # one line per font: its file, then each family name followed by a tab (names may hold commas)
        done = subprocess.run([fc_list, "--format", "%{file}\t%{[]family{%{family}\t}}\n"], capture_output=True,
                              encoding="utf-8", errors="surrogateescape", timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return ()
    if done.returncode != 0:
        return ()
    fonts = []
    for line in done.stdout.splitlines():
        path, *names = line.split("\t")
        if path.strip():
            fonts.append((frozenset(_family_key(n) for n in names if n), path.strip()))
    _LISTED.append(tuple(fonts))
    return _LISTED[0]


def _font_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    return dirs


@functools.cache
def _windows_registry() -> dict[str, Path]:
    return _windows_fonts()


def find_system_font(role: Role) -> Path | None:
    """The official font of ``role`` installed on this PC, found the way the platform finds fonts: the Windows
    fonts registry, fontconfig elsewhere, then the usual font folders by file name."""
    registry = _windows_registry()
    for family in role.families:
        path = registry.get(family)
        if path is not None and path.exists():
            return path
    if sys.platform != "win32":
        for family in role.families:
            path = _fontconfig(family)
            if path is not None and path.exists():
                return path
    for folder in _font_dirs():
        for filename in role.files:
            for candidate in (folder / filename, folder / filename.upper(), folder / filename.lower()):
                if candidate.exists():
                    return candidate
    return None


def _prefer_system() -> bool:
    return os.environ.get(FONT_CHOICE_ENV, "system").strip().lower() != "bundled"


class _SubsetCache:
    """A face's ``makeSubset`` remembered per subset (the characters, in the order the PDF numbers them): every
    notice of a batch embeds the same title and heading characters, and cutting a subset out of a 3–5 MB CJK font
    walks its glyphs in Python. The subset is a function of the font file and the characters alone; bytes are
    immutable."""

    MAX = 64

    def __init__(self, make: Callable[[list[int]], bytes]) -> None:
        self._make = make
        self._made: dict[tuple[int, ...], bytes] = {}

    def __call__(self, subset: list[int]) -> bytes:
        key = tuple(subset)
        data = self._made.get(key)
        if data is None:
            if len(self._made) >= self.MAX:
                self._made.clear()
            data = self._made[key] = self._make(subset)
        return data


class _GlyphTable:
    """A face's ``glyf`` table as reportlab's ``makeSubset`` reads it, a glyph's slice at a time, straight from the
    font file's bytes: reportlab's ``get_table`` copies the whole table out first (3–5 MB for a CJK face, for every
    subset cut: most of a subset's time)."""

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self._data = data
        self._start = start
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        if not isinstance(part, slice) or part.step not in (None, 1):
            raise TypeError("a glyph table is read by slices")
        start, stop, _ = part.indices(self._length)
        return self._data[self._start + start:self._start + max(start, stop)]


class _TableReader:
    """A face's ``get_table``, the ``glyf`` table handed out as a `_GlyphTable` (every other table as reportlab
    copies it: they are small). Only ``makeSubset`` reads tables after the face is parsed."""

    def __init__(self, face: Any) -> None:
        self._face = face
        self._read = face.get_table

    def __call__(self, tag: str) -> Any:
        if tag == "glyf":
            start, length = self._face.get_table_pos(tag)
            return _GlyphTable(self._face._ttf_data, start, length)
        return self._read(tag)


@functools.cache
def register(name: str) -> FontFace:
    """Register the face of role ``name`` with reportlab once per process and return it.

    The official font is used where this PC has one that reportlab can embed (TrueType outlines); otherwise the
    bundled fallback, which prints the same bytes on every PC.
    """
    role = ROLES[name]
    font: TTFont | None = None
    path = FONT_DIR / role.bundled
    system = False
    if _prefer_system():
        candidate = find_system_font(role)
        if candidate is not None:
            try:
                font = font_cache.ttfont(name, candidate)
                path, system = candidate, True
            except (TTFError, OSError, ValueError):
                font = None  # a CFF/OpenType or damaged file: reportlab cannot embed it, use the fallback
    if font is None:
        if not path.exists():
            raise FileNotFoundError(f"字体文件缺失 / font file missing: {path}")
        font = font_cache.ttfont(name, path)
    font.face.makeSubset = _SubsetCache(font.face.makeSubset)
    font.face.get_table = _TableReader(font.face)
    pdfmetrics.registerFont(font)
    face = font.face
    family = str(getattr(face, "familyName", b"") or "")
    if isinstance(getattr(face, "familyName", None), bytes):
        family = face.familyName.decode("utf-8", "replace")
    return FontFace(
        name=name,
        path=path,
        codepoints=frozenset(face.charToGlyph),
        widths={cp: float(w) for cp, w in face.charWidths.items()},
        default_width=float(face.defaultWidth),
        family=family if system else role.bundled_family,
        system=system,
    )


def faces() -> dict[str, FontFace]:
    return {name: register(name) for name in ROLES}


def describe(lang: str = "zh") -> list[str]:
    """One line per role saying which face prints it and whether it is the PC's official font (doctor, settings)."""
    lines = []
    for name, role in ROLES.items():
        face = register(name)
        if lang.startswith("en"):
            where = f"system font {face.path}" if face.system else f"bundled fallback {face.path.name}"
            lines.append(f"{role.en}: {face.family} — {where}")
        else:
            where = f"本机字体 {face.path}" if face.system else f"内置替代字体 {face.path.name}"
            lines.append(f"{role.zh}：{face.family}（{where}）")
    return lines


def summary() -> str:
    """One line for the self-test: which face prints each role and where it comes from."""
    parts = []
    for name, role in ROLES.items():
        face = register(name)
        parts.append(f"{role.en.split(' (')[0].lower()}={face.family}{'' if face.system else ' (bundled)'}")
    return "; ".join(parts)


def check_fields(fields: Iterable[tuple[str, str, str]]) -> None:
    """Refuse the first ``(field, text, font)`` whose text holds a character its font cannot print."""
    for field, text, font in fields:
        ch = register(font).missing(text)
        if ch is not None:
            raise MissingGlyph(char=ch, field=field, font=font)
