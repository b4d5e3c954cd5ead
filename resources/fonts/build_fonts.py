"""Regenerate the bundled CJK fonts (cdo-song.ttf, cdo-hei.ttf) from the Debian font packages.

Usage (Debian/Ubuntu, packages ``fonts-arphic-uming`` and ``fonts-droid-fallback`` installed)::

    python resources/fonts/build_fonts.py            # writes next to this script
    python resources/fonts/build_fonts.py --check    # also prints coverage and sizes

What it does, and why:

* ``cdo-song.ttf`` — AR PL UMing CN (Ming/Song style, Arphic Public License), the body face of printed
  documents. Subset to GB 2312 (all 7,445 characters of rows 0xA1..0xF7), ASCII, Latin-1, general and CJK
  punctuation, full-width forms, number forms, plus ``EXTRA_CHARS`` (Foshan place names and personal-name
  characters outside GB 2312). Embedded bitmaps (EBDT/EBLC, 16 MB of the 21 MB TTC), the BDF table, hinting and
  OpenType layout are dropped: reportlab embeds glyf outlines only and does no shaping.
* ``cdo-hei.ttf`` — Droid Sans Fallback (sans/黑体 role, Apache-2.0), used for titles in documents and by the
  Qt user interface. It covers the whole GBK ideograph range cheaply (the UI shows whatever users type), but it
  lacks most Western punctuation (“ ” — … · × ① …): those glyphs are taken from UMing, scaled to the same
  em, and merged in, so that both fonts cover the full document character set.
* Both fonts are renamed (family "CDO Song" / "CDO Hei") so a subset can never be mistaken for the complete
  system font by Qt's or the PDF viewer's font matching, and carry the modification notice the Arphic
  Public License section 2(a) asks for (name ID 10 and ``README.md``).

The output is deterministic for a given fontTools version and source font (the ``head`` dates are pinned).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

HERE = Path(__file__).resolve().parent
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
UMING_INDEX = 0  # "AR PL UMing CN": simplified-Chinese glyph forms
DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")  # Debian fonts-lxgw-wenkai
# Not packaged by Debian: pass their folders with --sources (see README.md for where each comes from).
NOTO_SERIF_BOLD = "NotoSerifSC_700Bold.ttf"  # npm @expo-google-fonts/noto-serif-sc 0.4.3 (Google Fonts' glyf build)
ZHUQUE = "ZhuqueFangsong-Regular.ttf"  # fontmake build of TrionesType/zhuque at commit 227319a1

MODIFIED = "2026-11-26"
# A fixed timestamp for head.created/modified: same inputs, same bytes (seconds since 1904-01-01).
_HEAD_TIME = int((dt.datetime.fromisoformat(MODIFIED) - dt.datetime(1904, 1, 1)).total_seconds())

# Characters outside GB 2312 that the product needs: Foshan towns and villages (北滘, 白坭, …), characters
# frequent in personal names, and a few symbols used in official documents.
EXTRA_CHARS = (
    "滘坭槎澜岗沥窖樵灶"
    "喆堃昇燊淼玥珺瑄祎琰晗钰睿煜玙赟頔翀镕沄彧炜烨晔昱暄璟琛瑾瑜珏玮琬婧婕妍"
    "媛嫣娴姝婷嫦懿芃芮菁蕙蓓蕾莜筠筱箐翎翔羿翊骞骁骅驿鹏鹍鲲溟沣洺浛淏湉滢潆澍濠"
    "锟锴铖铠铎镛锦锋锐镔钊钧铭铮锶镭钜钦钺鋆鑫垚焱犇森淼磊晶品"
    "〔〕〖〗【】《》〈〉「」『』“”‘’—–―…‥·•※§¶°℃‰′″№℡©®"
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑"
    "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ"
    "□■○●◎△▲◇◆☆★√×÷±≤≥≠≈∶←→↑↓"
)

_DROP_TABLES = ["EBDT", "EBLC", "EBSC", "BDF ", "FFTM", "VORG", "vhea", "vmtx", "GPOS", "GSUB", "GDEF",
                "gasp", "hdmx", "LTSH", "VDMX", "kern", "DSIG"]


def _decode_range(codec: str, leads: range, trails: range) -> set[int]:
    points: set[int] = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            points.update(ord(ch) for ch in text)
    return points


def gb2312_codepoints() -> set[int]:
    """Every character GB 2312 encodes (rows 0xA1..0xF7, cells 0xA1..0xFE)."""
    return _decode_range("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def gbk_ideographs() -> set[int]:
    """The CJK unified ideographs of GBK (the UI font shows what people type, not only GB 2312)."""
    return {cp for cp in _decode_range("gbk", range(0x81, 0xFF), range(0x40, 0xFF)) if 0x4E00 <= cp <= 0x9FFF}


def document_codepoints() -> set[int]:
    """The character set both fonts must cover: the set printed documents may use."""
    points = gb2312_codepoints()
    points.update(range(0x20, 0x7F))  # ASCII
    points.update(range(0xA0, 0x100))  # Latin-1 supplement (·, ×, °, non-breaking space …)
    points.update(range(0x2010, 0x2028))  # dashes, quotes, bullets, ellipsis
    points.update(range(0x2030, 0x205F))  # per mille, primes, reference mark
    points.update(range(0x3000, 0x3040))  # CJK symbols and punctuation, 〔〕
    points.update(range(0xFF01, 0xFF5F))  # full-width ASCII forms
    points.update(range(0xFFE0, 0xFFE7))  # full-width signs ￥ ￠ …
    points.update(ord(ch) for ch in EXTRA_CHARS)
    return points


def _options() -> subset.Options:
    options = subset.Options()
    options.hinting = False
    options.drop_tables = [*options.drop_tables, *_DROP_TABLES]
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    options.prune_unicode_ranges = True
    return options


def _subset(font: TTFont, codepoints: set[int]) -> TTFont:
    for tag in _DROP_TABLES:
        if tag in font:
            del font[tag]
    available = set(font.getBestCmap())
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=sorted(codepoints & available))
    subsetter.subset(font)
    return font


def _reload(font: TTFont) -> TTFont:
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    return TTFont(buffer)


# Mainland (GB) placement of full-width punctuation: 。，、． in the lower-left corner of the character box, ：；！？
# in its left half. AR PL UMing centres them (the Taiwan way) and Droid Sans Fallback puts ，：；！ in the right half.
_LOWER_LEFT = "。，、．"
_LEFT_HALF = "：；！？"


def _mainland_punctuation(font: TTFont) -> None:
    """Move the glyphs of full-width punctuation to where mainland typesetting puts them (GB/T 15834)."""
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    upem = font["head"].unitsPerEm
    descent = -0.08 * upem
    for ch in _LOWER_LEFT + _LEFT_HALF:
        name = cmap.get(ord(ch))
        if name is None:
            continue
        glyph = glyf[name]
        if glyph.isComposite() or glyph.numberOfContours <= 0:
            continue
        glyph.recalcBounds(glyf)
        dx = round(0.1 * upem - glyph.xMin)
        dy = round(descent - glyph.yMin) if ch in _LOWER_LEFT else 0
        glyph.coordinates.translate((dx, dy))
        glyph.recalcBounds(glyf)
        font["hmtx"][name] = (upem, glyph.xMin)  # a full em wide, left side bearing follows the outline


def _rename(font: TTFont, *, family: str, postscript: str, source: str) -> None:
    name = font["name"]
    copyright_notice = name.getDebugName(0) or ""
    notice = (
        f"Modified {MODIFIED} by CDO Desktop (resources/fonts/build_fonts.py) from {source}: subset to GB 2312 "
        f"and document punctuation, embedded bitmaps, hinting and OpenType layout removed, renamed to {family}."
    )
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 10, 16, 17, 21, 22):
            name.removeNames(nameID=record.nameID)
    name.setName(family, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    name.setName(f"{family} Regular; {MODIFIED}", 3, 3, 1, 0x409)
    name.setName(family, 4, 3, 1, 0x409)
    name.setName(postscript, 6, 3, 1, 0x409)
    name.setName(notice, 10, 3, 1, 0x409)
    if copyright_notice:
        name.setName(copyright_notice, 0, 3, 1, 0x409)
    for nid, text in ((1, family), (2, "Regular"), (4, family), (6, postscript)):
        name.setName(text, nid, 1, 0, 0)  # Mac Roman records: some tools only read these
    font.recalcTimestamp = False  # else save() stamps head.modified with the current time
    font["head"].created = _HEAD_TIME
    font["head"].modified = _HEAD_TIME
    font["OS/2"].fsType = 0  # installable embedding (both source licences allow redistribution)
    font["head"].macStyle = 0
    font["OS/2"].usWeightClass = 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | 0b1000000  # REGULAR bit only


def build_song() -> TTFont:
    font = TTFont(str(UMING), fontNumber=UMING_INDEX, lazy=False)
    _subset(font, document_codepoints())
    font = _reload(font)
    _mainland_punctuation(font)
    _rename(font, family="CDO Song", postscript="CDOSong-Regular", source="AR PL UMing CN 0.2.20080216.1")
    return font


def build_hei() -> TTFont:
    droid = TTFont(str(DROID), lazy=False)
    wanted = document_codepoints() | gbk_ideographs()
    _subset(droid, wanted)
    droid = _reload(droid)
    have = set(droid.getBestCmap())
    borrowed = wanted - have
    uming = TTFont(str(UMING), fontNumber=UMING_INDEX, lazy=False)
    _subset(uming, borrowed)
    uming = _reload(uming)
    upem = uming["head"].unitsPerEm
    scale_upem(droid, upem)  # 256 -> 1024: lossless for Droid, and UMing's outlines keep their precision
    droid = _reload(droid)
    for font in (droid, uming):
        for tag in ("vhea", "vmtx", "VORG", "gasp"):
            if tag in font:
                del font[tag]
    merged = Merger().merge([_to_file(droid), _to_file(uming)])
    merged = _reload(merged)
    _mainland_punctuation(merged)
    _rename(merged, family="CDO Hei", postscript="CDOHei-Regular",
            source="Droid Sans Fallback 1.00c (with punctuation from AR PL UMing CN)")
    return merged


def _build_plain(path: Path, *, family: str, postscript: str, source: str) -> TTFont:
    """Subset one glyf TrueType font to the document character set and rename it (OFL: a modified font must not
    keep a Reserved Font Name such as "LXGW"/"霞鹜")."""
    font = TTFont(str(path), lazy=False)
    for tag in ("vhea", "vmtx", "VORG", "STAT", "fvar", "gvar", "HVAR", "MVAR", "avar"):
        if tag in font:
            del font[tag]
    _subset(font, document_codepoints())
    font = _reload(font)
    _mainland_punctuation(font)
    _rename(font, family=family, postscript=postscript, source=source)
    return font


def build_kai() -> TTFont:
    return _build_plain(WENKAI, family="CDO Kai", postscript="CDOKai-Regular", source="LXGW WenKai 1.250")


def build_title(sources: Path) -> TTFont:
    return _build_plain(sources / NOTO_SERIF_BOLD, family="CDO Title Song", postscript="CDOTitleSong-Bold",
                        source="Noto Serif SC Bold 2.003")


def build_fangsong(sources: Path) -> TTFont:
    """Zhuque Fangsong covers every GB 2312 ideograph but not its symbol rows (①, ℃, full-width digits and
    letters, box drawing …): those glyphs are taken from AR PL UMing CN, scaled to Zhuque's em, and merged in."""
    zhuque = TTFont(str(sources / ZHUQUE), lazy=False)
    for tag in ("vhea", "vmtx", "VORG", "STAT", "gasp"):
        if tag in zhuque:
            del zhuque[tag]
    wanted = document_codepoints()
    _subset(zhuque, wanted)
    zhuque = _reload(zhuque)
    borrowed = wanted - set(zhuque.getBestCmap())
    uming = TTFont(str(UMING), fontNumber=UMING_INDEX, lazy=False)
    _subset(uming, borrowed)
    uming = _reload(uming)
    scale_upem(uming, zhuque["head"].unitsPerEm)
    uming = _reload(uming)
    for tag in ("vhea", "vmtx", "VORG", "gasp", "kern"):
        if tag in uming:
            del uming[tag]
    merged = _reload(Merger().merge([_to_file(zhuque), _to_file(uming)]))
    _mainland_punctuation(merged)
    _rename(merged, family="CDO Fangsong", postscript="CDOFangsong-Regular",
            source="Zhuque Fangsong 0.211 (TrionesType/zhuque 227319a1), symbols from AR PL UMing CN")
    return merged


def _to_file(font: TTFont) -> io.BytesIO:
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    return buffer


def _coverage(path: Path) -> tuple[str, int]:
    """The GB 2312 and extra characters the built font lacks (the ranges above are wish lists), and its size."""
    cmap = TTFont(str(path))["cmap"].getBestCmap()
    needed = gb2312_codepoints() | {ord(ch) for ch in EXTRA_CHARS}
    return "".join(chr(cp) for cp in sorted(needed - set(cmap))), len(cmap)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: next to this script)")
    parser.add_argument("--check", action="store_true", help="print coverage and sizes after building")
    parser.add_argument("--sources", type=Path, default=Path("."),
                        help=f"folder holding {NOTO_SERIF_BOLD} and {ZHUQUE} (not Debian packages)")
    parser.add_argument("--only", nargs="*", help="build only these files (e.g. cdo-kai.ttf)")
    args = parser.parse_args(argv)
    src = args.sources
    outputs = {  # file: (builder, the source fonts it reads)
        "cdo-song.ttf": (build_song, (UMING,)),
        "cdo-hei.ttf": (build_hei, (DROID, UMING)),
        "cdo-kai.ttf": (build_kai, (WENKAI,)),
        "cdo-title.ttf": (lambda: build_title(src), (src / NOTO_SERIF_BOLD,)),
        "cdo-fangsong.ttf": (lambda: build_fangsong(src), (src / ZHUQUE, UMING)),
    }
    if args.only:
        outputs = {k: v for k, v in outputs.items() if k in args.only}
    for _, needed in outputs.values():
        for source in needed:
            if not source.exists():
                print(f"missing {source}: apt-get install fonts-arphic-uming fonts-droid-fallback fonts-lxgw-wenkai;"
                      " README.md says where the fonts passed with --sources come from", file=sys.stderr)
                return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, (build, _) in outputs.items():
        target = args.out / filename
        build().save(str(target))
        if args.check:
            missing, total = _coverage(target)
            print(f"{filename}: {target.stat().st_size / 1e6:.2f} MB, {total} characters, "
                  f"GB 2312 + extras missing: {missing or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
