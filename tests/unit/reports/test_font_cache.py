"""The parsed-face cache (reports/font_cache.py): a cached face is the face reportlab parses, prints the same bytes,
and a changed font file or a damaged entry is parsed afresh."""

from __future__ import annotations

import io
import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from cdo_desktop.reports import font_cache, fonts

ROOT = Path(__file__).resolve().parents[3]
FACE = fonts.FONT_DIR / fonts.ROLES[fonts.HEI].bundled


def _state(face: TTFontFace) -> dict[str, object]:
    return {k: v for k, v in face.__dict__.items() if k != "_pdfScale"}


def _pdf(font: TTFont) -> bytes:
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(font.fontName, 16)
    canvas.drawString(72, 720, "佛山市政务服务数据管理局 裁决书 2026 ABC")
    canvas.save()
    return out.getvalue()


def test_a_cached_face_is_the_face_reportlab_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(font_cache.CACHE_ENV, str(tmp_path / "cache"))
    plain = TTFontFace(str(FACE), validate=0, subfontIndex=0)
    first = font_cache.parse(FACE)  # parsed and written
    assert list((tmp_path / "cache").glob("*.face"))
    second = font_cache.parse(FACE)  # read from the cache
    assert _state(first) == _state(plain) == _state(second)
    assert type(second.name) is type(plain.name) and second.name.ustr == plain.name.ustr
    for x in (0, 1, 500, 1024):
        assert second._pdfScale(x) == plain._pdfScale(x)
    by_reportlab = TTFont("CacheCheckA", str(FACE), subfontIndex=0, asciiReadable=0)
    cached = font_cache.ttfont("CacheCheckB", FACE)
    assert sorted(vars(cached)) == sorted(vars(by_reportlab))
    assert cached.shapable == by_reportlab.shapable and cached._asciiReadable == by_reportlab._asciiReadable
    # the same page with each font: the same bytes but for the font's name
    assert _pdf(cached).replace(b"CacheCheckB", b"CacheCheckA") == _pdf(by_reportlab)


def test_a_changed_font_or_a_damaged_entry_is_parsed_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(font_cache.CACHE_ENV, str(tmp_path / "cache"))
    copy = tmp_path / "face.ttf"
    copy.write_bytes(FACE.read_bytes())
    font_cache.parse(copy)
    (entry,) = (tmp_path / "cache").glob("*.face")
    entry.write_bytes(b"\x00not marshal")  # damaged: a fresh parse, and the entry rewritten
    assert _state(font_cache.parse(copy)) == _state(TTFontFace(str(copy), validate=0))
    assert entry.read_bytes() != b"\x00not marshal"
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # the file changed: a new entry
    font_cache.parse(copy)
    assert len(list((tmp_path / "cache").glob("*.face"))) == 2
    # other bytes of the same size and time (a copy that kept the timestamp): not the cached parse's
    stat = copy.stat()
    data = bytearray(copy.read_bytes())
    data[-1] ^= 0xFF
    copy.write_bytes(bytes(data))
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    font_cache.parse(copy)
    newest = max((tmp_path / "cache").glob("*.face"), key=lambda p: p.stat().st_mtime_ns)
    assert marshal.loads(newest.read_bytes())["__crc32__"] == zlib.crc32(bytes(data))  # parsed afresh, rewritten


def test_no_cache_folder_means_a_plain_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(font_cache.CACHE_ENV, "off")
    assert _state(font_cache.parse(FACE)) == _state(TTFontFace(str(FACE), validate=0))
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv(font_cache.CACHE_ENV, str(blocked))
    assert _state(font_cache.parse(FACE)) == _state(TTFontFace(str(FACE), validate=0))


def test_a_ruling_prints_the_same_bytes_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    script = ("import hashlib\nfrom cdo_desktop.reports import documents, samples\n"
              "print(hashlib.sha256(documents.render(samples.sample_ruling())).hexdigest())")
    env = dict(os.environ, CDO_FONT_CACHE=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    cold, warm = (subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                                 timeout=300).stdout for _ in range(2))
    off = subprocess.run([sys.executable, "-c", script], env=dict(env, CDO_FONT_CACHE="off"), capture_output=True,
                         text=True, check=True, timeout=300).stdout
    assert cold == warm == off and len(cold.strip()) == 64


@pytest.mark.skipif(not __import__("shutil").which("fc-list"), reason="fontconfig is not installed")
def test_one_fc_list_finds_each_family_as_fc_list_family_does() -> None:
    import shutil

    def asked(family: str) -> Path | None:  # the lookup before: one fc-list per family
        out = subprocess.run([shutil.which("fc-list") or "fc-list", f":family={family}", "file"], capture_output=True,
                             text=True, timeout=10, check=False).stdout
        files = sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())
        return Path(files[0]) if files else None

    installed = {n for names, _ in fonts._fontconfig_fonts() for n in names}
    families = {f for role in fonts.ROLES.values() for f in role.families}
    families |= {"DejaVu Sans", "dejavu  sans", "DEJAVUSANS", "DejaVu Sans Light", "No Such Family 42"}
    assert installed, "fontconfig lists no font at all on this machine"
    for family in sorted(families):
        assert fonts._fontconfig(family) == asked(family), family
