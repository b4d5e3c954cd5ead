"""Document fingerprints: SHA-256 of the canonical record, grouped hex, the QR payload and the embedded snapshot."""

from __future__ import annotations

import base64
import functools
import itertools
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm

from cdo_desktop.domain.canonical import canonical_json, sha256_hex

QR_PREFIX = "CDO1"
SNAPSHOT_VERSION = 1
QR_SIZE = 28 * mm


def fingerprint(record: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the record's canonical JSON: the same function the services use when issuing."""
    return sha256_hex(canonical_json(record))


def grouped_hex(digest: str, group: int = 4) -> str:
    """``3f2a1c9e…`` → ``3F2A 1C9E …``: easy to read aloud and compare by eye."""
    upper = digest.upper()
    return " ".join(upper[i:i + group] for i in range(0, len(upper), group))


def verify_link(base: str, digest: str) -> str:
    """The bureau's verification address of a document: ``https://BUREAU/verify/<fingerprint>``."""
    return f"{base.rstrip('/')}/verify/{digest}"


@dataclass(frozen=True)
class QrPayload:
    """What the QR code carries. With the bureau's address known, a link a phone opens directly
    (``https://BUREAU/verify/<fingerprint>?k=kind&n=number&r=record id``); without it the plain
    ``CDO1|kind|number|record id|fingerprint`` that `cdo verify --code` reads."""

    kind: str
    number: str
    record_id: str
    fingerprint: str
    verify_base: str = ""

    def text(self) -> str:
        if self.verify_base:
            query = urlencode({"k": self.kind, "n": self.number, "r": self.record_id})
            return f"{verify_link(self.verify_base, self.fingerprint)}?{query}"
        return "|".join((QR_PREFIX, self.kind, self.number, self.record_id, self.fingerprint))

    @classmethod
    def parse(cls, text: str) -> QrPayload:
        link = urlsplit(text.strip())
        if link.scheme in ("http", "https") and "/verify/" in link.path:
            base, _, digest = link.path.rpartition("/verify/")
            query = parse_qs(link.query)
            if len(digest) != 64:
                raise ValueError(f"not a CDO document link: {text[:80]!r}")
            return cls(kind=query.get("k", [""])[0], number=query.get("n", [""])[0], record_id=query.get("r", [""])[0],
                       fingerprint=digest.lower(), verify_base=f"{link.scheme}://{link.netloc}{base}")
        parts = text.strip().split("|")
        if len(parts) != 5 or parts[0] != QR_PREFIX or len(parts[4]) != 64:
            raise ValueError(f"not a CDO document code: {text[:80]!r}")
        return cls(kind=parts[1], number=parts[2], record_id=parts[3], fingerprint=parts[4].lower())


QR_BORDER = 2  # quiet zone, in modules


def qr_code(text: str) -> qrencoder.QRCode:
    """``text`` encoded as reportlab's ``QRCode.make()`` encodes it (error correction M, the same version, the same
    best mask, the same modules), without its mask search: reportlab lays out the whole symbol and scores it in
    Python once per mask (8 layouts, ~60 % of a notice's QR time); here the symbol is held as integers, one per
    row: the version's function patterns (`_layout`, once per version) with the data bits set at their places,
    and each mask's candidate is scored on its rows and columns (`lost_points`, the same scores). Only the chosen
    mask's symbol is written out as reportlab's module table, with its format and version bits."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.dataCache = _codewords(code.version, code.errorCorrectLevel, code.dataList)
    count = code.moduleCount = code.version * 4 + 17
    template, places = _layout(code.version)
    base = list(template)  # the test layout of reportlab's mask search, unmasked: format bits blank
    bits = "".join(format(byte, "08b") for byte in code.dataCache)
    for (row, bit), dark in zip(places, bits, strict=False):  # the remainder bits past the data stay light
        if dark == "1":
            base[row] |= bit
    flips = _mask_flips(code.version)
    packed_flips = _packed_mask_flips(code.version)
    rows, columns = _pack(base, count), _pack(_transpose(base, count), count)
    best, best_points = 0, 0
    for i, (flip_rows, flip_columns) in enumerate(packed_flips):
        points = _packed_lost_points(rows ^ flip_rows, columns ^ flip_columns, count)
        if i == 0 or best_points > points:  # the first lowest, as reportlab's getBestMaskPattern
            best, best_points = i, points
    final = [value ^ flip for value, flip in zip(base, flips[best], strict=True)]
    code.modules = [[dark == "1" for dark in format(value, f"0{count}b")] for value in final]
    code.setupTypeInfo(False, best)  # the format bits (and the fixed dark module) for the chosen mask
    if code.version >= 7:
        code.setupTypeNumber(False)
    return code


@functools.lru_cache(maxsize=8)
def _positions(version: int) -> tuple[tuple[int, int], ...]:
    """The (column, row) of each data module of a symbol of ``version``, in the order the data bits fill them."""
    code = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    code.moduleCount = version * 4 + 17
    return tuple(code.dataPosIterator())


@functools.lru_cache(maxsize=8)
def _layout(version: int) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """A symbol of ``version`` before its data: the function patterns as reportlab's ``makeImpl(True, …)`` lays
    them out (finder, alignment and timing patterns; format and version bits blank), a row an integer (bit
    ``count-1-c`` = column c); and for each data module in fill order, its row and its bit in that row."""
    code = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    count = code.moduleCount = version * 4 + 17
    code.modules = [[False] * count for _ in range(count)]
    code.setupPositionProbePattern(0, 0)
    code.setupPositionProbePattern(count - 7, 0)
    code.setupPositionProbePattern(0, count - 7)
    code.setupPositionAdjustPattern()
    code.setupTimingPattern()
    code.setupTypeInfo(True, 0)
    if version >= 7:
        code.setupTypeNumber(True)
    template = tuple(int("".join("1" if dark else "0" for dark in row), 2) for row in code.modules)
    places = tuple((row, 1 << (count - 1 - col)) for col, row in _positions(version))
    return template, places


class _BitBuffer:
    """reportlab's ``QRBitBuffer`` (``put``, ``putBit``, ``getLengthInBits``, ``buffer``) on one integer: a put
    is a shift and an or, not a Python call per bit."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:
        self.put(int(bool(bit)), 1)

    def getLengthInBits(self) -> int:
        return self.length

    @property
    def buffer(self) -> list[int]:
        """The bytes written so far, the last one filled with zero bits."""
        size = (self.length + 7) // 8
        return list((self.value << (8 * size - self.length)).to_bytes(size, "big"))


def _codewords(version: int, level: int, data_list: list[Any]) -> list[int]:
    """reportlab's ``QRCode.createData``: the data codewords (mode, length, data, terminator, padding) and each
    block's Reed-Solomon codewords, interleaved; the bits put on one integer, the remainders by table look-up
    instead of polynomial objects."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = _BitBuffer()
    for data in data_list:
        data.write(buffer, version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow. ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    if buffer.getLengthInBits() % 8:
        buffer.put(0, 8 - buffer.getLengthInBits() % 8)
    pads = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pads), 8)
    codewords = buffer.buffer
    offset = 0
    dcdata: list[list[int]] = []
    ecdata: list[list[int]] = []
    for block in blocks:
        dcdata.append(codewords[offset:offset + block.dataCount])
        offset += block.dataCount
        ecdata.append(_rs_remainder(dcdata[-1], block.totalCount - block.dataCount))
    return [d for group in itertools.chain(itertools.zip_longest(*dcdata), itertools.zip_longest(*ecdata))
            for d in group if d is not None]


@functools.lru_cache(maxsize=16)
def _generator(degree: int) -> tuple[int, ...]:
    """The Reed-Solomon generator polynomial of ``degree`` as logarithms of its coefficients after the leading 1."""
    poly = qrencoder.QRUtil.getErrorCorrectPolynomial(degree).num
    return tuple(qrencoder.LOG_TABLE[c] for c in poly[1:])


@functools.lru_cache(maxsize=16)
def _products(degree: int) -> tuple[int, ...]:
    """factor → the generator's coefficients after the leading 1, each multiplied by ``factor`` in GF(256), packed
    into one integer (the first coefficient in the highest byte): a remainder step is then one shift and one xor."""
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    generator = _generator(degree)
    packed = [0]
    for factor in range(1, 256):
        packed.append(int.from_bytes(bytes(exp[(log[factor] + g) % 255] for g in generator), "big"))
    return tuple(packed)


def _rs_remainder(data: list[int], degree: int) -> list[int]:
    """The remainder of data·x^degree divided by the generator in GF(256): the block's error correction codewords,
    the remainder held as one integer of ``degree`` bytes (its coefficients xor byte by byte)."""
    products = _products(degree)
    top = 8 * (degree - 1)
    full = (1 << (8 * degree)) - 1
    rem = 0
    for byte in data:
        factor = byte ^ (rem >> top)
        rem = ((rem << 8) & full) ^ products[factor]
    return list(rem.to_bytes(degree, "big"))


@functools.lru_cache(maxsize=8)
def _mask_flips(version: int) -> tuple[tuple[int, ...], ...]:
    """Mask → row → the data modules the mask inverts, as bits (the same for every symbol of a version)."""
    count = version * 4 + 17
    data = [0] * count
    for col, row in _positions(version):
        data[row] |= 1 << (count - 1 - col)
    flips = []
    for i in range(8):
        mask = qrencoder.QRUtil.getMask(i)
        period = [int("".join("1" if mask(r, c) else "0" for c in range(count)), 2) for r in range(12)]
        flips.append(tuple(period[r % 12] & data[r] for r in range(count)))  # every mask repeats every 12 rows
    return tuple(flips)


def _transpose(rows: list[int], count: int) -> list[int]:
    """The columns of the symbol whose rows are ``rows``, each an integer with row r at bit ``count-1-r``."""
    text = [format(value, f"0{count}b") for value in rows]
    return [int("".join(column), 2) for column in zip(*text, strict=True)]


@functools.lru_cache(maxsize=8)
def _packed_mask_flips(version: int) -> tuple[tuple[int, int], ...]:
    """`_mask_flips` packed (`_pack`): what each mask inverts, by rows and by columns."""
    count = version * 4 + 17
    return tuple((_pack(rows, count), _pack(_transpose(list(rows), count), count)) for rows in _mask_flips(version))


_FINDER_LIKE = re.compile("10111010000")


def _pack(lines: list[int] | tuple[int, ...], count: int) -> int:
    """The ``count``-bit lines of a symbol (rows or columns) as one integer, the first line in the highest bits:
    a bit operation on it is that operation on every line at once."""
    packed = 0
    for line in lines:
        packed = (packed << count) | line
    return packed


@functools.lru_cache(maxsize=8)
def _pair_masks(count: int) -> tuple[int, int]:
    """For a packed symbol: a bit per adjacent pair of modules within each line (never a pair across two lines);
    and the same for all lines but the first (the lower line of each pair of adjacent lines)."""
    pairs = (1 << (count - 1)) - 1
    return _pack([pairs] * count, count), _pack([0] + [pairs] * (count - 1), count)


def _run_points(packed: int, within: int) -> int:
    """Σ (length − 2) over the runs of five or more modules of one colour along the lines of ``packed`` (rows or
    columns; ``within`` its pairs mask, `_pair_masks`). Bit j of ``same`` says modules j and j+1 agree; bit j of
    ``five`` that modules j … j+4 do. A run of length L ≥ 5 sets L − 4 adjacent bits of ``five`` (runs of the two
    colours never touch there, nor do runs of two lines), so each run adds popcount L − 4 plus 2 for its block's top
    end."""
    same = ~(packed ^ (packed >> 1)) & within
    five = same & (same >> 1) & (same >> 2) & (same >> 3)
    return five.bit_count() + 2 * (five & ~(five >> 1)).bit_count()


def _packed_lost_points(rows: int, columns: int, count: int) -> int:
    """`lost_points` of the symbol packed by rows (`_pack`) and by columns."""
    within, below = _pair_masks(count)
    points = _run_points(rows, within) + _run_points(columns, within)
    upper = rows >> count  # each row over the next one's place
    same = ~(rows ^ (rows >> 1)) & ~(upper ^ (upper >> 1)) & ~(rows ^ upper) & below
    points += 3 * same.bit_count()
    text = format(rows, f"0{count * count}b")
    lines = "|".join([text[start:start + count - 1] for start in range(0, count * count, count)])
    points += 40 * len(_FINDER_LIKE.findall(lines))
    dark = rows.bit_count()
    points += 10 * (abs(100 * dark // (count * count) - 50) // 5)
    return points


def lost_points(rows: list[int], count: int, columns: list[int] | None = None) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of the symbol whose rows are ``rows`` (bit ``count-1-c`` = column c;
    ``columns``, if given, the same symbol by column), term by term: runs of five or more along rows and columns
    (length − 2), 2×2 blocks of one colour (3 each), the finder-like pattern 1011101 0000 along rows (40 each,
    scanned as reportlab scans: non-overlapping, the last possible position not tried; its column scan compares
    tuples with a list and never counts), dark share."""
    by_column = _transpose(rows, count) if columns is None else columns
    return _packed_lost_points(_pack(rows, count), _pack(by_column, count), count)


class QrDrawing(Drawing):  # type: ignore[misc]
    """The QR drawing, whose page operators are worked out once per document and written fast.

    reportlab's renderPDF formats the path's ~2,500 points one call at a time. Here the path's operators are
    built from the runs of dark modules with each grid coordinate formatted once (``_path_code``: what renderPDF
    writes for ``path``, as the tests check); the first ``draw`` lets renderPDF write everything around the path
    (colours, widths, transforms, inside its own save/restore: they depend on the drawing alone) with a one-point
    stand-in path, puts ``_path_code`` in its place and keeps the result; later draws (the second layout pass of a
    feathered document) write the same operators again."""

    _path_code = ""  # the operators of the path, "n … h"
    _stand_in: Path  # the path's style, one point
    _ops: list[str] | None = None

    def draw(self) -> None:
        canvas = self.canv
        if self._ops is None:
            path = self.contents[0]
            self.contents[0] = self._stand_in
            start = len(canvas._code)
            try:
                super().draw()
            finally:
                self.contents[0] = path
            ops = canvas._code[start:]
            del canvas._code[start:]
            at = ops.index(_STAND_IN_CODE)  # ValueError: renderPDF changed, and this shortcut must be revisited
            ops[at] = self._path_code
            self._ops = ops
        canvas._code.extend(self._ops)


_DARK_RUN = re.compile("1+")
_MOVETO, _LINETO, _CLOSEPATH = 0, 1, 3  # reportlab.graphics.shapes path operators
_STAND_IN_CODE = "n 0 0 m h"


def qr_drawing(payload: QrPayload, size: float = QR_SIZE) -> Drawing:
    """The document's QR code (error correction M, the encoder's best mask) as one filled path.

    reportlab's `QrCodeWidget` makes a shape object per run of dark modules (~600 per code) and draws each with
    its own colour and state changes, which cost ~70 % of a ruling's render time (cProfile, issue 14); the same
    runs as sub-paths of one path are one fill in the PDF and print identically.
    """
    code = qr_code(payload.text())
    count = code.getModuleCount()
    box = size / (count + 2 * QR_BORDER)
    xs = [(c + QR_BORDER) * box for c in range(count + 1)]
    fx = [fp_str(x) for x in xs]
    points: list[float] = []
    operators: list[int] = []
    parts = ["n"]
    for r, row in enumerate(code.modules):
        y1 = size - (r + QR_BORDER) * box
        y0 = y1 - box
        fy0, fy1 = fp_str(y0), fp_str(y1)
        for run in _DARK_RUN.finditer("".join(["01"[dark] for dark in row])):
            start, c = run.span()
            x0, x1 = xs[start], xs[c]
            points += (x0, y0, x1, y0, x1, y1, x0, y1)
            operators += (_MOVETO, _LINETO, _LINETO, _LINETO, _CLOSEPATH)
            parts.append(f"{fx[start]} {fy0} m {fx[c]} {fy0} l {fx[c]} {fy1} l {fx[start]} {fy1} l h")
    style = {"fillColor": colors.black, "strokeColor": None, "strokeWidth": 0}
    path = Path(**style)
    path.__dict__.update(points=points, operators=operators)  # not validated number by number (12,000 of them)
    drawing = QrDrawing(size, size, initialFontName="CDOSong", initialFontSize=9)  # never Helvetica (not embedded)
    drawing.add(path)
    drawing._path_code = " ".join(parts)
    drawing._stand_in = Path(points=[0, 0], operators=[_MOVETO, _CLOSEPATH], **style)
    return drawing


def encode_snapshot(snapshot: Mapping[str, Any]) -> str:
    """The snapshot as ASCII for the PDF information dictionary: base64 of zlib-compressed canonical JSON. It is
    read back only by `reports.verify.read_snapshot`, which caps the inflated size (a zlib bomb is refused)."""
    raw = canonical_json(snapshot).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")

