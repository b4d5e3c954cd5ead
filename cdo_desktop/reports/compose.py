"""Building blocks shared by the documents: a story that checks every field's glyphs, seal, 抄送, fingerprint."""

from __future__ import annotations

import contextvars
from collections.abc import Iterable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from cdo_desktop.domain.canonical import canonical_json
from cdo_desktop.reports import fonts, page
from cdo_desktop.reports import seal as seal_art
from cdo_desktop.reports.fingerprint import (
    SNAPSHOT_VERSION,
    QrPayload,
    encode_snapshot,
    grouped_hex,
    qr_drawing,
)
from cdo_desktop.reports.text import TextStyle
from cdo_desktop.reports.views import DocumentView, view_to_dict


class Story:
    """The flowables of one document. Every text goes through ``text``/``check``, which refuses a character the
    font it will be printed in lacks, naming the character and the field — before anything is rendered."""

    def __init__(self) -> None:
        self.items: list[Flowable] = []
        self.fields: list[tuple[str, str]] = []

    def check(self, field: str, text: str, font: str = fonts.SONG) -> str:
        fonts.check_fields([(field, text, font)])
        self.fields.append((field, text))
        return text

    def block(self, field: str, text: str, style: TextStyle = page.BODY) -> list[Flowable]:
        """Checked blocks for ``text`` (one per line of it), not yet added to the story."""
        self.check(field, text, style.font)
        return page.para(text, style)

    def text(self, field: str, text: str, style: TextStyle = page.BODY) -> None:
        self.items.extend(self.block(field, text, style))

    def add(self, *flowables: Flowable) -> None:
        self.items.extend(flowables)

    def heading(self, field: str, level: int, n: int, text: str, *, keep: bool = True) -> None:
        """A numbered heading, kept with what follows; ``keep=False`` before a table or chart that may split (a
        kept heading would drag a whole table to the next page): a conditional page break guards it instead."""
        style = page.HEADING_1 if level == 1 else page.HEADING_2
        if not keep:
            self.add(CondPageBreak(4 * page.LEADING))
            style = style.but(keep_with_next=False)
        self.text(field, page.heading_label(level, n) + text, style)

    def addressee(self, field: str, name: str) -> None:
        """主送机关: flush left, ending with a full-width colon."""
        self.text(field, f"{name}：", page.PLAIN)

    def closing(self, view: DocumentView, *, issued_on: str, seal: bool = True) -> None:
        """Signature and fingerprint, kept together on one page."""
        self.add(KeepTogether(self.signature(issuer=view.issuer, issued_on=issued_on, seal=seal)
                              + self.fingerprint_block(view)))

    def signature(self, *, issuer: str, issued_on: str, seal: bool = True) -> list[Flowable]:
        """Issuer and date right-aligned four characters in from the edge, with room for the seal over both."""
        blocks: list[Flowable] = [Spacer(1, page.LEADING)]
        if seal:
            issuer_width = fonts.register(fonts.SONG).text_width(issuer, page.BODY_SIZE)
            blocks.append(SealPlace(page.SIGNATURE.right_indent + issuer_width / 2, issuer))
        blocks += self.block("issuer", issuer, page.SIGNATURE)
        blocks += self.block("issued_on", issued_on, page.SIGNATURE)
        return blocks

    def fingerprint_block(self, view: DocumentView) -> list[Flowable]:
        """The QR code (number, record id, fingerprint) beside the fingerprint printed as grouped hex."""
        payload = QrPayload(view.kind, view.number, view.record_id, view.fingerprint)
        hex_text = grouped_hex(view.fingerprint)
        half = len(hex_text) // 2 + 1
        lines = [
            ("fingerprint_label", "文书指纹（记录的SHA-256）："),
            ("fingerprint", hex_text[:half].strip()),
            ("fingerprint", hex_text[half:].strip()),
            ("record_id", f"记录编号：{view.record_id}"),
            ("verify_hint", "核验：cdo verify 本文件，或扫描左侧二维码"),
        ]
        text_cell: list[Flowable] = []
        for field, line in lines:
            text_cell += self.block(field, line, page.SMALL)
        table = Table([[qr_drawing(payload), text_cell]], colWidths=[32 * mm, page.BODY_WIDTH - 32 * mm])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONT", (0, 0), (-1, -1), fonts.SONG, 9),  # the cell default is Helvetica, never embedded
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [Spacer(1, page.LEADING / 2), table]

    def imprint(self, *, cc: Iterable[str], issuer: str, printed_on: str) -> None:
        """版记: the 抄送 line and the 印发 line between thin rules, at the end of the document."""
        rule = HRFlowable(width="100%", thickness=0.7, color=colors.black, spaceBefore=4, spaceAfter=4)
        cc_list = [c for c in cc if c.strip()]
        blocks: list[Flowable] = [Spacer(1, page.LEADING / 2), rule]
        style = page.PLAIN.but(size=14.0, leading=24.0, left_indent=14.0, right_indent=14.0)
        if cc_list:
            blocks += self.block("cc", "抄送：" + "，".join(cc_list) + "。", style)
            blocks.append(HRFlowable(width="100%", thickness=0.35, color=colors.black, spaceBefore=2, spaceAfter=2))
        blocks += self.block("imprint", f"{issuer}　　{printed_on}印发", style.but(align="right"))
        blocks.append(HRFlowable(width="100%", thickness=0.7, color=colors.black, spaceBefore=4, spaceAfter=0))
        self.add(KeepTogether(blocks))


class Sealing:
    """How the copy being rendered is finished: ``signed`` copies get the seal (and record where it sits, for the
    signature widget); every other render is a draft and gets the "草稿 · 未签章 / DRAFT · UNSIGNED" mark."""

    def __init__(self, *, signed: bool) -> None:
        self.signed = signed
        self.placements: list[tuple[int, tuple[float, float, float, float]]] = []


SEALING: contextvars.ContextVar[Sealing | None] = contextvars.ContextVar("cdo_sealing", default=None)


class SealPlace(Flowable):
    """The seal over the signature (signed copies) or the draft mark (everything else), drawn over the next lines."""

    DIAMETER = 42 * mm

    def __init__(self, centre_from_right: float, issuer: str = "") -> None:
        super().__init__()
        self.centre_from_right = centre_from_right
        self.issuer = issuer

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 0.0

    def draw(self) -> None:
        canvas = self.canv
        radius = self.DIAMETER / 2
        cx = self.width - self.centre_from_right
        cy = -page.LEADING
        sealing = SEALING.get()
        if sealing is not None and sealing.signed:
            seal_art.draw_seal(canvas, cx, cy, radius, name=self.issuer)
            x0, y0 = canvas.absolutePosition(cx - radius, cy - radius)
            x1, y1 = canvas.absolutePosition(cx + radius, cy + radius)
            sealing.placements.append((canvas.getPageNumber() - 1, (x0, y0, x1, y1)))
        else:
            seal_art.draw_draft_mark(canvas, 0.0, cy, radius)


def render_view(view: DocumentView, story: Story, *, title: str) -> bytes:
    """Render a finished story with the view's snapshot in the PDF information dictionary (read by verify)."""
    snapshot = {
        "v": SNAPSHOT_VERSION,
        "kind": view.kind,
        "number": view.number,
        "record_id": view.record_id,
        "fingerprint": view.fingerprint,
        "view": view_to_dict(view),
    }
    subject = f"{view.number} {view.record_id} sha256:{view.fingerprint}"
    canonical_json(snapshot)  # fails early, before layout, if anything in the view is not canonicalisable
    return page.render(story.items, title=title, subject=subject, record=encode_snapshot(snapshot))
