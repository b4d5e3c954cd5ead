"""A TrueType face parsed once per font file, not once per process: reportlab's parse of a CJK face (its cmap, widths
and glyph offsets, in pure Python) costs 30–150 ms a face, and a document uses five faces — most of a short command's
time (`cdo pdf ruling`, a spawned batch worker, the desktop's first preview).

The parsed tables are kept in the user's cache folder with `marshal` (plain ints, strings, bytes, lists, dicts and
tuples: nothing is executed on load), one file per (path, size, modification time, subfont, reportlab version,
format), holding the CRC-32 of the bytes it was parsed from. A changed font file (even one of the same size and time),
another reportlab or a damaged cache file simply means a fresh parse; a cache folder
that cannot be written means no cache. The font's own bytes are read from the font file every time (they are what the
PDF embeds); only the parse is skipped. `tests/unit/reports/test_font_cache.py` pins that a cached face is the face
reportlab parses and prints the same bytes.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import zlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

FORMAT = 2
_REQUIRED = ("charToGlyph", "charWidths", "glyphPos", "hmetrics", "table", "unitsPerEm", "defaultWidth", "name")
CACHE_ENV = "CDO_FONT_CACHE"  # a folder, or "off"
_NOT_KEPT = ("_ttf_data", "_pdfScale")  # the file's bytes (read afresh) and a lambda (rebuilt from unitsPerEm)


def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("cdo-desktop", "FoshanDataBureau")) / "fonts"


def _entry(path: Path, subfont: int) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{subfont}|{reportlab.Version}|{FORMAT}"
    return folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.face"


def _fields(face: TTFontFace) -> dict[str, Any]:
    fields = {k: v for k, v in face.__dict__.items() if k not in _NOT_KEPT}
    fields["__crc32__"] = zlib.crc32(face._ttf_data)  # the bytes this parse belongs to
    names = [k for k, v in fields.items() if isinstance(v, TTFNameBytes)]
    fields["__names__"] = names
    for k in names:
        fields[k] = bytes(fields[k])
    return fields


def _face_from(fields: dict[str, Any], data: bytes) -> TTFontFace | None:
    """The cached face over ``data``, or None when the entry is not the parse of these very bytes (a file replaced
    with one of the same size and time) or lacks a table reportlab needs."""
    if fields.get("__crc32__") != zlib.crc32(data) or not all(k in fields for k in _REQUIRED):
        return None
    face = TTFontFace.__new__(TTFontFace)
    state = dict(fields)
    del state["__crc32__"]
    for k in state.pop("__names__"):
        state[k] = TTFNameBytes(state[k])
    face.__dict__.update(state)
    face._ttf_data = data
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)
    return face


def parse(path: Path, subfont: int = 0) -> TTFontFace:
    """The face of ``path`` as ``TTFontFace(path, validate=0, subfontIndex=subfont)`` gives it, from the cache when
    this very file was parsed before. Raises what reportlab raises for a file it cannot read."""
    entry = None
    try:
        entry = _entry(path, subfont)
        if entry is not None and entry.exists():
            fields = marshal.loads(entry.read_bytes())
            if isinstance(fields, dict):
                face = _face_from(fields, path.read_bytes())
                if face is not None:
                    return face
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        pass  # an unreadable or foreign cache entry: parse afresh below
    face = TTFontFace(str(path), validate=0, subfontIndex=subfont)
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, part = tempfile.mkstemp(dir=entry.parent, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(_fields(face)))
            os.replace(part, entry)
        except (OSError, ValueError):
            pass  # no cache this time
    return face


def ttfont(name: str, path: Path) -> TTFont:
    """``TTFont(name, path, subfontIndex=0, asciiReadable=0)``, with its face from `parse`."""
    face = parse(path)
    font = TTFont.__new__(TTFont)  # what TTFont.__init__ sets, with the face already parsed
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = 0
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font
