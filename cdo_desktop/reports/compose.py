"""Building blocks shared by the documents: a story that checks every field's glyphs, seal, 抄送, fingerprint."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar, Token
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from cdo_desktop.reports import fonts, page
from cdo_desktop.reports import seal as seal_art
from cdo_desktop.reports.fingerprint import (
    SNAPSHOT_VERSION,
    QrPayload,
    encode_snapshot,
    fingerprint,
    grouped_hex,
    qr_drawing,
    verify_link,
)
from cdo_desktop.reports.text import TextBlock, TextStyle, break_lines
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

    def resolve(self, style: TextStyle) -> TextStyle:
        """The style as this story prints it: the English rendering sets Latin text ragged right and in bold serif
        where Chinese uses 黑体."""
        if self.lang == "en" and style.align == "justify":
            style = style.but(align="left")  # Latin text is not justified by letter spacing: ragged right
        if self.lang == "en" and style.font == fonts.HEI:
            style = style.but(font=fonts.TITLE)  # the 黑体 fallback's Latin is a typewriter face: bold serif instead
        return style

    def block(self, field: str, text: str, style: TextStyle = page.BODY) -> list[Flowable]:
        """Checked blocks for ``text`` (one per line of it), not yet added to the story."""
        style = self.resolve(style)
        self.check(field, text, style.font)
        return page.para(text, style)

    def text(self, field: str, text: str, style: TextStyle = page.BODY) -> None:
        self.items.extend(self.block(field, text, style))

    def add(self, *flowables: Flowable) -> None:
        self.items.extend(flowables)

    lang = "zh"

    def heading(self, field: str, level: int, n: int, text: str, *, keep: bool = True) -> None:
        """A numbered heading, kept with what follows; ``keep=False`` before a table or chart that may split (a
        kept heading would drag a whole table to the next page): a conditional page break guards it instead."""
        style = page.HEADING_1 if level == 1 else page.HEADING_2
        if not keep:
            self.add(CondPageBreak(4 * page.LEADING))
            style = style.but(keep_with_next=False)
        label = page.en_heading_label(level, n) if self.lang == "en" else page.heading_label(level, n)
        self.text(field, label + text, style)

    def addressee(self, field: str, name: str) -> None:
        """主送机关: flush left, ending with a full-width colon."""
        self.text(field, f"To: {name}" if self.lang == "en" else f"{name}：", page.PLAIN)

    # The body lines at the end of a document that the closing group may break between (ClosingGroup.split): enough
    # that the page before the signature can be filled rather than left with a hole.
    CLOSING_LEAD_LINES = 12

    def closing(self, view: DocumentView, *, issued_on: str, seal: bool = True) -> None:
        """Signature (issuer, date, seal area) and fingerprint, taken to the page of the last body lines: the
        signature block never stands on a page without body text (GB/T 9704 §7.3.5 — no "此页无正文")."""
        lead: list[TextBlock] = []
        while self.items and isinstance(self.items[-1], TextBlock):
            lines = sum(len(block.lines_for(page.BODY_WIDTH)) for block in lead)
            if lines >= self.CLOSING_LEAD_LINES and not self.items[-1].keepWithNext:
                break  # enough to choose a page break from (a heading over the lead always comes along)
            lead.insert(0, self.items.pop())
        tail = self.signature(issuer=view.issuer, issued_on=issued_on, seal=seal) + self.fingerprint_block(view)
        self.add(ClosingGroup(list(lead), tail))

    def signature(self, *, issuer: str, issued_on: str, seal: bool = True) -> list[Flowable]:
        """The date four characters in from the right edge, the issuer centred over it, room for the seal."""
        self.check("issuer", issuer, page.BODY.font)
        self.check("issued_on", issued_on, page.BODY.font)
        return [Signature(issuer, issued_on, seal=seal)]

    def fingerprint_block(self, view: DocumentView) -> list[Flowable]:
        """The QR code (number, record id, fingerprint) beside the fingerprint printed as grouped hex."""
        digest = view.fingerprint  # a property that hashes the whole view: once
        payload = QrPayload(view.kind, view.number, view.record_id, digest, view.verify_base)
        hex_text = grouped_hex(digest)
        half = len(hex_text) // 2 + 1
        lines = [
            ("fingerprint_label", "文书指纹（记录的SHA-256）："),
            ("fingerprint", hex_text[:half].strip()),
            ("fingerprint", hex_text[half:].strip()),
            ("record_id", f"记录编号：{view.record_id}"),
            ("verify_hint", "核验：cdo verify 本文件，或扫描左侧二维码"),
        ]
        if view.verify_base:
            lines[-1] = ("verify_hint", "核验：扫描左侧二维码，或访问 " + verify_link(view.verify_base, "") + "（指纹）")
        if view.lang == "en":
            lines[0] = ("fingerprint_label", "Document fingerprint (SHA-256 of the record):")
            lines[3] = ("record_id", f"Record id: {view.record_id}")
            lines[4] = ("verify_hint", "Verify: scan the QR code, or run cdo verify on this file"
                        if not view.verify_base else
                        f"Verify: scan the QR code, or open {verify_link(view.verify_base, '')}<fingerprint>")
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
        """版记 at the foot of the last page: 抄送 and 印发机关/印发日期 between 0.35 mm rules (0.25 mm between)."""
        cc_list = [c for c in cc if c.strip()]
        en = self.lang == "en"
        label = "Copy to: " if en else "抄送："
        cc_text = label + ("; ".join(cc_list) + "." if en else "，".join(cc_list) + "。") if cc_list else ""
        printed = f"Printed {printed_on}" if en else f"{printed_on}印发"
        self.check("cc", cc_text, fonts.FANGSONG)
        self.check("imprint", issuer + printed, fonts.FANGSONG)
        self.add(Imprint(cc_text, issuer, printed, label=label))


@dataclass(frozen=True)
class SealArea:
    """Where the seal goes, in the signature flowable's own coordinates (points, origin at its lower left): centred
    over the issuer and the date, which sit a little below its centre (GB/T 9704 §7.3.5.1)."""

    cx: float
    cy: float
    radius: float
    issuer: str
    issued_on: str


class Sealing:
    """How the copy being rendered is finished: ``signed`` copies get the seal (and record where it sits, for the
    signature widget); every other render is a draft and gets the "草稿 · 未签章 / DRAFT · UNSIGNED" mark."""

    def __init__(self, *, signed: bool) -> None:
        self.signed = signed
        self.placements: list[tuple[int, tuple[float, float, float, float]]] = []


SEALING: ContextVar[Sealing | None] = ContextVar("cdo_sealing", default=None)

# The hook that paints the seal area. By default: the issuing body's vector seal on a signed copy (its place is
# recorded for the PAdES signature widget), and the "草稿 · 未签章" mark on every other render (drafts, previews).
# ``set_seal_painter`` replaces it per render context.
SealPainter = Callable[[Canvas, SealArea], None]


def seal_or_draft_mark(canvas: Canvas, area: SealArea) -> None:
    sealing = SEALING.get()
    if sealing is not None and sealing.signed:
        seal_art.draw_seal(canvas, area.cx, area.cy, area.radius, name=area.issuer)
        x0, y0 = canvas.absolutePosition(area.cx - area.radius, area.cy - area.radius)
        x1, y1 = canvas.absolutePosition(area.cx + area.radius, area.cy + area.radius)
        sealing.placements.append((canvas.getPageNumber() - 1, (x0, y0, x1, y1)))
    else:
        # in the blank lines above the issuer, where the seal's upper half would be: never on the issuer's line
        seal_art.draw_draft_mark(canvas, area.cx - area.radius, area.cy + page.LEADING * 1.8, area.radius)


_seal_painter: ContextVar[SealPainter] = ContextVar("seal_painter", default=seal_or_draft_mark)


def set_seal_painter(painter: SealPainter) -> Token[SealPainter]:
    """Use ``painter`` for the seal area of the documents rendered in this context; reset with the token."""
    return _seal_painter.set(painter)


def reset_seal_painter(token: Token[SealPainter]) -> None:
    _seal_painter.reset(token)


class Signature(Flowable):
    """Issuer over date: the date right-aligned four characters in from the edge, the issuer centred over the
    date (moved left only if it would cross the right edge), two blank lines above for the seal's top half."""

    LINES_ABOVE = 2
    SEAL_DIAMETER = 42 * mm

    def __init__(self, issuer: str, issued_on: str, *, seal: bool = True) -> None:
        super().__init__()
        self.issuer = issuer
        self.issued_on = issued_on
        self.seal = seal
        self.face = fonts.register(page.BODY.font)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = (self.LINES_ABOVE + 2) * page.LEADING
        return availWidth, self.height

    def positions(self) -> tuple[float, float, float]:
        """x of the issuer, x of the date, and the centre both share."""
        size = page.BODY_SIZE
        date_width = self.face.text_width(self.issued_on, size)
        date_x = self.width - 4 * size - date_width
        centre = date_x + date_width / 2
        issuer_width = self.face.text_width(self.issuer, size)
        issuer_x = min(centre - issuer_width / 2, self.width - issuer_width)
        return issuer_x, date_x, centre

    def draw(self) -> None:
        canvas = self.canv
        size, leading = page.BODY_SIZE, page.LEADING
        baseline = leading / 2 - 0.38 * size  # the text baseline within a line, as TextBlock draws it
        issuer_x, date_x, centre = self.positions()
        if self.seal:
            area = SealArea(centre, leading * 1.2, self.SEAL_DIAMETER / 2, self.issuer, self.issued_on)
            _seal_painter.get()(canvas, area)
        canvas.setFont(page.BODY.font, size)
        canvas.drawString(issuer_x, leading + baseline, self.issuer)
        canvas.drawString(date_x, baseline, self.issued_on)


def _lines(part: Flowable) -> int:
    return len(part.lines_for(part.width if getattr(part, "width", 0) else page.BODY_WIDTH)) \
        if isinstance(part, TextBlock) else 0


class ClosingGroup(Flowable):
    """The last body lines (with the heading over them) and the signature block, which go to a new page together.
    When they do not fit, they are first set a little tighter (the spacing remedy of GB/T 9704: line pitch down
    to ``MIN_LEADING`` and no gap before the fingerprint block), else split at a paragraph so that what fits
    stays on this page and at least two body lines travel with the signature."""

    MIN_LEADING = 26.0  # 0.9 of the 28.9 pt pitch: 24 lines instead of 22 on the page, at most

    def __init__(self, lead: list[Flowable], tail: list[Flowable]) -> None:
        super().__init__()
        self.lead = lead
        self.tail = tail
        self.spread = 0.0  # extra space between the lead's blocks and before the signature (page feathering)

    def _parts(self) -> list[Flowable]:
        return [*self.lead, *self.tail]

    def inner_gaps(self) -> int:
        """How many gaps page feathering may widen inside the group (page.py)."""
        return len(self.lead)

    def _gap_before(self, index: int) -> float:
        return self.spread if 0 < index <= len(self.lead) else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        total = 0.0
        for index, part in enumerate(self._parts()):
            _, height = part.wrap(availWidth, availHeight)
            total += height + (part.getSpaceBefore() if index else 0.0) + part.getSpaceAfter()
            total += self._gap_before(index)
        self.height = total
        return availWidth, total

    def _squeezed(self, availWidth: float, availHeight: float) -> ClosingGroup | None:
        """The group set tighter to fit ``availHeight``, or None when even the tightest setting does not fit."""
        deficit = self.height - availHeight
        gaps = [part for part in self.tail if isinstance(part, Spacer)]
        saved_gaps = sum(gap.height for gap in gaps)
        blocks = [part for part in self.lead if isinstance(part, TextBlock)]
        lines = sum(len(block.lines_for(availWidth)) for block in blocks)
        per_line = max(0.0, deficit - saved_gaps) / lines if lines else float("inf")
        if not blocks or per_line > blocks[0].style.leading - self.MIN_LEADING:
            return None
        lead: list[Flowable] = []
        for part in self.lead:
            if isinstance(part, TextBlock):
                part = part.with_leading(part.style.leading - per_line - 1e-3)
            lead.append(part)
        tail = [Spacer(1, 0) if isinstance(part, Spacer) else part for part in self.tail]
        squeezed = ClosingGroup(lead, tail)
        squeezed.wrap(availWidth, availHeight)
        return squeezed if squeezed.height <= availHeight + 1e-6 else None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight + 1e-6:
            return [self]
        squeezed = self._squeezed(availWidth, availHeight)
        if squeezed is not None:
            return [squeezed]
        head: list[Flowable] = []
        rest = list(self.lead)
        used = 0.0
        while rest:  # whole parts that fit here, then the part that does not, split without orphan or widow
            part = rest[0]
            before = part.getSpaceBefore() if head else 0.0
            _, height = part.wrap(availWidth, availHeight)
            if used + before + height + part.getSpaceAfter() <= availHeight + 1e-6 and len(rest) > 1:
                head.append(rest.pop(0))
                used += before + height + part.getSpaceAfter()
                continue
            if isinstance(part, TextBlock) and not part.keepWithNext:
                fit = int((availHeight - used - before + 1e-6) // part.style.leading)
                pieces = part.split_at(fit)
                if len(pieces) == 2:
                    head.append(pieces[0])
                    rest[0] = pieces[1]
            break
        while head:  # no heading left alone at the foot; at least two body lines go with the signature
            last = head[-1]
            need = 2 - sum(_lines(p) for p in rest)
            if not last.keepWithNext and need <= 0:
                break
            head.pop()
            if not last.keepWithNext and isinstance(last, TextBlock):
                pieces = last.split_at(len(last.lines_for(availWidth)) - need)  # keeps two lines on each side
                if len(pieces) == 2:
                    head.append(pieces[0])
                    rest.insert(0, pieces[1])
                    continue
            rest.insert(0, last)
        hole = availHeight - self._stacked(head, availWidth, availHeight)
        signed = [*self.lead, *self.tail[:1]]  # every body line and the signature, the fingerprint block after
        if hole > self.MAX_HOLE and self._stacked(signed, availWidth, availHeight) <= availHeight + 1e-6:
            # rather than leave a hole here, the fingerprint block (not part of the GB/T 9704 signature) goes over
            return [*signed, *(part for part in self.tail[1:] if not isinstance(part, Spacer))]
        if not head:
            return []
        return [*head, ClosingGroup(rest, self.tail)]

    MAX_HOLE = 2 * page.LEADING  # a page break before the signature may leave this much, not more

    @staticmethod
    def _stacked(parts: list[Flowable], availWidth: float, availHeight: float) -> float:
        total = 0.0
        for index, part in enumerate(parts):
            _, height = part.wrap(availWidth, availHeight)
            total += height + (part.getSpaceBefore() if index else 0.0) + part.getSpaceAfter()
        return total

    def draw(self) -> None:
        y = self.height
        for index, part in enumerate(self._parts()):
            if index:
                y -= part.getSpaceBefore() + self._gap_before(index)
            _, height = part.wrap(self.width, self.height)
            y -= height
            part.drawOn(self.canv, 0, y)
            y -= part.getSpaceAfter()


class Imprint(Flowable):
    """版记 (GB/T 9704 §7.4): fills what is left of the last page so that its last rule lies on the type area's
    lower edge. 4号仿宋; 抄送 one character in from both edges, a wrapped line aligned after the colon; 印发机关
    one character in from the left, 印发日期 one character in from the right; rules 0.35 mm first and last,
    0.25 mm between."""

    SIZE = page.IMPRINT_SIZE
    LEADING = 24.0

    def __init__(self, cc_text: str, issuer: str, printed: str, *, label: str = "抄送：") -> None:
        super().__init__()
        self.label = label
        self.cc_text = cc_text
        self.issuer = issuer
        self.printed = printed
        self.face = fonts.register(fonts.FANGSONG)
        self._cc_lines: list[str] = []

    def _break_cc(self, width: float) -> list[str]:
        if not self.cc_text:
            return []
        indent = self.face.text_width(self.label, self.SIZE)
        inner = width - 2 * self.SIZE
        lines = break_lines(self.cc_text, self.face, self.SIZE, inner - indent, inner)
        return [self.cc_text[line.start:line.end] for line in lines]

    def needed(self, width: float) -> float:
        self._cc_lines = self._break_cc(width)
        return (len(self._cc_lines) + 1) * self.LEADING

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        need = self.needed(availWidth)
        self.height = max(need, availHeight) if availHeight < page.BODY_HEIGHT * 2 else need
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [self] if self.needed(availWidth) <= availHeight + 1e-6 else []

    def draw(self) -> None:
        canvas = self.canv
        size, leading = self.SIZE, self.LEADING
        baseline = leading / 2 - 0.38 * size
        label_width = self.face.text_width(self.label, size)
        canvas.saveState()
        canvas.setFont(fonts.FANGSONG, size)
        canvas.setStrokeColor(colors.black)
        y = 0.0
        canvas.drawString(size, y + baseline, self.issuer)
        canvas.drawRightString(self.width - size, y + baseline, self.printed)
        rules = [(0.0, page.RULE_HEAVY)]
        y += leading
        if self._cc_lines:
            rules.append((y, page.RULE_LIGHT))
            for index, line in enumerate(reversed(self._cc_lines)):
                first = index == len(self._cc_lines) - 1
                canvas.drawString(size + (0.0 if first else label_width), y + baseline, line)
                y += leading
        rules.append((y, page.RULE_HEAVY))
        for at, width in rules:
            canvas.setLineWidth(width)
            canvas.line(0, at, self.width, at)
        canvas.restoreState()


def render_view(view: DocumentView, story: Story, *, title: str) -> bytes:
    """Render a finished story with the view's snapshot in the PDF information dictionary (read by verify)."""
    data = view_to_dict(view)
    digest = fingerprint(data)  # = view.fingerprint, from the one dict the snapshot carries too
    snapshot = {
        "v": SNAPSHOT_VERSION,
        "kind": view.kind,
        "number": view.number,
        "record_id": view.record_id,
        "fingerprint": digest,
        "view": data,
    }
    subject = f"{view.number} {view.record_id} sha256:{digest}"
    record = encode_snapshot(snapshot)  # fails before layout if anything in the view is not canonicalisable
    return page.render(story.items, title=title, subject=subject, record=record,
                       author=view.issuer, issued_on=view.issued_on, lang="en" if view.lang == "en" else "zh-CN")
