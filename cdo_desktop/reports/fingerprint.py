"""Document fingerprints: SHA-256 of the canonical record, grouped hex, the QR payload and the embedded snapshot."""

from __future__ import annotations

import base64
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib import colors
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


def qr_drawing(payload: QrPayload, size: float = QR_SIZE) -> Drawing:
    """The document's QR code (error correction M, the encoder's best mask) as one filled path.

    reportlab's `QrCodeWidget` makes a shape object per run of dark modules (~600 per code) and draws each with
    its own colour and state changes, which cost ~70 % of a ruling's render time (cProfile, issue 14); the same
    runs as sub-paths of one path are one fill in the PDF and print identically.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload.text())
    code.make()
    count = code.getModuleCount()
    box = size / (count + 2 * QR_BORDER)
    path = Path(fillColor=colors.black, strokeColor=None, strokeWidth=0)
    for r, row in enumerate(code.modules):
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            x0, x1 = (start + QR_BORDER) * box, (c + QR_BORDER) * box
            y1 = size - (r + QR_BORDER) * box
            y0 = y1 - box
            path.moveTo(x0, y0)
            path.lineTo(x1, y0)
            path.lineTo(x1, y1)
            path.lineTo(x0, y1)
            path.closePath()
    drawing = Drawing(size, size, initialFontName="CDOSong", initialFontSize=9)  # never Helvetica (not embedded)
    drawing.add(path)
    return drawing


def encode_snapshot(snapshot: Mapping[str, Any]) -> str:
    """The snapshot as ASCII for the PDF information dictionary: base64 of zlib-compressed canonical JSON. It is
    read back only by `reports.verify.read_snapshot`, which caps the inflated size (a zlib bomb is refused)."""
    raw = canonical_json(snapshot).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")

