"""The GB/T 9704 page: A4, type area, styles, heading numbers, page numbers, invariant PDF with record metadata."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
import zlib
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table

from cdo_desktop.reports import fonts
from cdo_desktop.reports.text import TextBlock, TextStyle

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_BOTTOM = 35 * mm
BODY_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
BODY_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm
BODY_SIZE = 16.0  # 三号
LEADING = 28.9  # 22 lines on 225 mm
TITLE_SIZE = 22.0  # 二号
PAGE_NUMBER_SIZE = 14.0  # 四号
PAGE_NUMBER_GAP = 7 * mm  # from the type area's lower edge to the top of the page number

IMPRINT_SIZE = 14.0  # 版记: 4号仿宋
RULE_HEAVY = 0.35 * mm  # first and last rule of the 版记
RULE_LIGHT = 0.25 * mm  # rules between its items

# Faces by role (GB/T 9704-2012 §7): body 3号仿宋, title 2号小标宋, 一、 黑体, （一） 楷体, 1. and （1） in the body face.
BODY = TextStyle(font=fonts.FANGSONG, size=BODY_SIZE, leading=LEADING, first_indent=2 * BODY_SIZE)
PLAIN = BODY.but(first_indent=0.0, align="left")
TITLE = TextStyle(font=fonts.TITLE, size=TITLE_SIZE, leading=36.0, align="center", space_after=LEADING / 2)
NUMBER = BODY.but(first_indent=0.0, align="center", space_after=LEADING / 2)
HEADING_1 = BODY.but(font=fonts.HEI, keep_with_next=True)
HEADING_2 = BODY.but(font=fonts.KAI, keep_with_next=True)
SIGNATURE = BODY.but(first_indent=0.0, align="right", right_indent=4 * BODY_SIZE)
SMALL = TextStyle(font=fonts.SONG, size=10.5, leading=15.0, align="left")

_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百 (heading numbers up to 999)."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_CN_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += _CN_DIGITS[ones]
    return out


def heading_label(level: int, n: int) -> str:
    """The GB/T 9704 heading numbers: 一、 （一） 1. （1）."""
    return {1: f"{cn_number(n)}、", 2: f"（{cn_number(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def cn_date(day: dt.date | None) -> str:
    """Dates in Arabic numerals, the GB/T 9704 way: 2026年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "——"


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def cn_dates_in(text: str) -> str:
    """ISO dates inside printed text (2026-05-23) in the GB/T 9704 form (2026年5月23日)."""
    return _ISO_DATE.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def en_date(day: dt.date | None) -> str:
    """Dates in the English rendering: 23 May 2026."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else "—"


def date_in(lang: str, day: dt.date | None) -> str:
    return en_date(day) if lang == "en" else cn_date(day)


def en_heading_label(level: int, n: int) -> str:
    """Heading numbers of the English rendering: I.  (1)  1.  (a)."""
    romans = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
    if level == 1:
        return f"{romans[n - 1] if n <= len(romans) else n}. "
    if level == 2:
        return f"({n}) "
    if level == 3:
        return f"{n}. "
    return f"({chr(ord('a') + (n - 1) % 26)}) "


def page_number_text(n: int) -> str:
    return f"— {n} —"


def issue_timestamp(day: dt.date) -> TimeStamp:
    """The PDF dates of a document issued on ``day``: its start in China time (records keep the issue date only),
    so the bytes depend on the record alone."""
    stamp = TimeStamp(invariant=1)
    stamp.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
    stamp.dhh, stamp.dmm = 8, 0
    return stamp


class _RecordInfo(pdfdoc.PDFInfo):
    """The document information dictionary with the record snapshot under a custom key (read by verify)."""

    record = ""
    stamp: TimeStamp | None = None

    def format(self, document: pdfdoc.PDFDocument) -> bytes:  # type: ignore[override]
        entries = {
            "Title": pdfdoc.PDFString(self.title),
            "Author": pdfdoc.PDFString(self.author),
            "Subject": pdfdoc.PDFString(self.subject),
            "Keywords": pdfdoc.PDFString(self.keywords),
            "Creator": pdfdoc.PDFString(self.creator),
            "Producer": pdfdoc.PDFString(self.producer),
            "CreationDate": pdfdoc.PDFDate(ts=self.stamp or document._timeStamp),
            "ModDate": pdfdoc.PDFDate(ts=self.stamp or document._timeStamp),
            "Trapped": pdfdoc.PDFName(self.trapped),
        }
        if self.record:
            entries["CDORecord"] = pdfdoc.PDFString(self.record)
        return pdfdoc.PDFDictionary(entries).format(document)


# A page that must end early (a heading kept with its lines, a signature kept with the last body lines) has its
# spare height shared out between its paragraphs rather than left as a hole at its foot (GB/T 9704 remedies by
# spacing): at most FEATHER_MAX per gap, and only when the hole is at least FEATHER_FROM high. A second layout
# that does not put the same lines and rows on every page as the first is dropped.
FEATHER_FROM = 1.25 * LEADING
FEATHER_MAX = 0.75 * LEADING


def _content_size(flowable: Flowable) -> int:
    """Text lines or table rows in a placed flowable (groups: their parts)."""
    parts = getattr(flowable, "_parts", None)
    if callable(parts):
        return sum(_content_size(part) for part in parts())
    if isinstance(flowable, TextBlock):
        return len(flowable.lines_for(flowable.width or BODY_WIDTH))
    if isinstance(flowable, Table):
        return len(flowable._cellvalues)
    return 0


_ATOMIC = frozenset((int, float, bool, str, type(None)))  # what copy.deepcopy returns as it is


def _copied(value: object, memo: dict[int, object]) -> object:
    """``copy.deepcopy(value)``, short for what a frame holds: numbers and strings (shared), dicts of them (the
    pages' measures: copied flat)."""
    if type(value) in _ATOMIC:
        return value
    if type(value) is dict and all(type(k) in _ATOMIC and type(v) in _ATOMIC for k, v in value.items()):
        return dict(value)
    return copy.deepcopy(value, memo)


@functools.cache
def _gapped_kinds() -> tuple[type, ...]:
    """The blocks page feathering puts space before: text, tables and the closing group (compose imports this
    module, so its class is looked up once, on first use, rather than imported at every block placed)."""
    from cdo_desktop.reports.compose import ClosingGroup

    return (TextBlock, ClosingGroup, Table)


def _not_drawn(*args: object, **kwargs: object) -> None:
    return None


class _FeatherFrame(Frame):
    """The body frame. It records, per page, what it placed and the height left at the page's foot; given
    ``gaps`` (page → extra points), it adds that space before every block placed on the page but the first."""

    def __init__(self, *args: object, gaps: dict[int, float] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.gaps = gaps or {}
        self.placed: dict[int, int] = {}  # page → blocks placed (below the first) that take a gap
        self.left: dict[int, float] = {}  # page → height left under the last thing placed
        self.content: dict[int, int] = {}  # page → text lines and table rows placed (a feathered layout keeps it)
        self.measuring = False  # lay out without drawing (the first pass, when only its measures are used)

    def __deepcopy__(self, memo: dict[int, object]) -> _FeatherFrame:
        """What ``copy.deepcopy`` gives (reportlab copies the frame to wrap a group held together, ~20 times a
        ruling), without its generic walk over the ~30 numbers and strings of a frame: those are shared, as
        deepcopy shares them, and only the dicts and lists are copied deeply."""
        twin = self.__class__.__new__(self.__class__)
        memo[id(self)] = twin
        twin.__dict__.update({key: _copied(value, memo) for key, value in self.__dict__.items()})
        return twin

    @staticmethod
    def _gapped(flowable: Flowable) -> bool:
        return isinstance(flowable, _gapped_kinds())

    def _gap(self, flowable: Flowable, canv: Canvas) -> float:
        return self.gaps.get(canv.getPageNumber(), 0.0) if not self._atTop and self._gapped(flowable) else 0.0

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        number = canv.getPageNumber()
        takes_gap = not self._atTop and self._gapped(flowable)
        gap = self._gap(flowable, canv)
        inner = flowable.inner_gaps() if callable(getattr(flowable, "inner_gaps", None)) else 0
        if inner:  # a group widens the gaps between its own blocks too
            flowable.spread = self.gaps.get(number, 0.0)
        self._y -= gap
        if self.measuring:  # placed as drawn, not drawn (through __dict__: a Drawing validates its attributes)
            flowable.__dict__["drawOn"] = _not_drawn
        try:
            done = super()._add(flowable, canv, trySplit)
        finally:
            if self.measuring:
                flowable.__dict__.pop("drawOn", None)
        if not done:
            self._y += gap
            if inner:
                flowable.spread = 0.0
            return int(done)
        if takes_gap or inner:
            self.placed[number] = self.placed.get(number, 0) + int(takes_gap) + inner
        self.left[number] = self._y - self._y1p
        self.content[number] = self.content.get(number, 0) + _content_size(flowable)
        return int(done)

    add = _add  # Frame binds add to its own _add

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        gap = self._gap(flowable, canv)  # what the first piece will be placed under
        if callable(getattr(flowable, "inner_gaps", None)):
            flowable.spread = 0.0  # split as laid out without feathering
        self._y -= gap
        try:
            pieces: list[Flowable] = super().split(flowable, canv)
            return pieces
        finally:
            self._y += gap


# The documents' streams (page contents, font subsets, their character maps) are Flate-compressed at zlib level 1
# rather than reportlab's default 6, and page contents without its ASCII85 wrapping: for glyph outlines and text
# operators level 6 spends twice the time for 6 % fewer bytes (a ruling's 18 streams: 12.3 ms for 160 KB at level
# 6, 5.6 ms for 171 KB at level 1; issue 14). The filter is the document's own default (its
# PDFDocument.defaultStreamFilters, reportlab's compression off), not reportlab's shared PDFZCompress: other PDFs
# made in the process are not touched. Font programs (glyph outlines: few repeated strings for LZ77 to find) are
# Huffman-coded only: a ruling's six subsets 4.5 -> 2.5 ms for 151 -> 164 KB, a document printed for the first time
# being what a user waits for (the ruling 184 -> 197 KB, well inside the 300 KB bound).
STREAM_LEVEL = 1


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """FlateDecode at ``STREAM_LEVEL``, font programs Huffman-coded only. A font program (the one stream reportlab
    hands over as bytes: page contents and character maps are text) is compressed once per process: a face's subset
    of the same characters is the same bytes in every document that prints them (fonts._SubsetCache) — the title and
    headings of every notice of a batch, a document previewed, then printed, then signed."""

    MAX = 64

    def __init__(self) -> None:
        self._programs: dict[bytes, bytes] = {}

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, str):
            return zlib.compress(text.encode("utf8"), STREAM_LEVEL)
        packed = self._programs.get(text)
        if packed is None:
            if len(self._programs) >= self.MAX:
                self._programs.clear()
            packer = zlib.compressobj(STREAM_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS, 8, zlib.Z_HUFFMAN_ONLY)
            packed = self._programs[text] = packer.compress(text) + packer.flush()
        return packed


_FLATE = _Flate()


class _Template(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, *, title: str, subject: str, record: str, author: str,
                 issued_on: dt.date | None, lang: str, gaps: dict[int, float] | None = None) -> None:
        fonts.register(fonts.SONG)
        fonts.register(fonts.FANGSONG)
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            lang=lang,
            creator="CDO Desktop 首席数据官协同桌面",
            invariant=1,
            pageCompression=0,  # compressed by the document's own filter (_Flate), set in handle_documentBegin
            initialFontName=fonts.FANGSONG,  # else every page names Helvetica, a font that is not embedded
            initialFontSize=BODY_SIZE,
        )
        self._record = record
        self._stamp = issue_timestamp(issued_on) if issued_on else None
        self.body_frame = _FeatherFrame(MARGIN_LEFT, MARGIN_BOTTOM, BODY_WIDTH, BODY_HEIGHT, id="body",
                                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, gaps=gaps)
        self.addPageTemplates([PageTemplate(id="page", frames=[self.body_frame], onPage=_draw_page_number)])

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        info = _RecordInfo()
        info.__dict__.update(self.canv._doc.info.__dict__)
        info.record = self._record
        info.stamp = self._stamp
        self.canv._doc.info = info
        self.canv._doc.defaultStreamFilters = [_FLATE]  # every stream without filters of its own


def _draw_page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    number = canvas.getPageNumber()
    text = page_number_text(number)
    face = fonts.register(fonts.SONG)
    width = face.text_width(text, PAGE_NUMBER_SIZE)
    baseline = MARGIN_BOTTOM - PAGE_NUMBER_GAP - 0.88 * PAGE_NUMBER_SIZE
    if number % 2:  # odd pages: on the right, one character in from the type area's edge
        x = PAGE_WIDTH - MARGIN_RIGHT - PAGE_NUMBER_SIZE - width
    else:
        x = MARGIN_LEFT + PAGE_NUMBER_SIZE
    canvas.saveState()
    canvas.setFont(fonts.SONG, PAGE_NUMBER_SIZE)
    canvas.drawString(x, baseline, text)
    canvas.restoreState()


def render(story: Sequence[Flowable], *, title: str, subject: str, record: str = "",
           author: str = "佛山市政务服务数据管理局", issued_on: dt.date | None = None, lang: str = "zh-CN") -> bytes:
    """Lay out ``story`` on GB/T 9704 pages and return the PDF bytes (invariant: same story, same bytes).

    ``author`` is the issuing body; the PDF's creation and modification dates are ``issued_on``."""
    def every(flowables: Sequence[Flowable]) -> list[Flowable]:  # with the parts of groups (ClosingGroup)
        out: list[Flowable] = []
        for flowable in flowables:
            out.append(flowable)
            parts = getattr(flowable, "_parts", None)
            if callable(parts):
                out += every(parts())
        return out

    pristine = [(flowable, dict(flowable.__dict__)) for flowable in every(story)]

    def build(gaps: dict[int, float] | None, *, measure: bool = False) -> tuple[_Template, io.BytesIO]:
        for flowable, state in pristine:  # layout marks flowables (keepWithNext cleared, _postponed): undo it
            flowable.__dict__.clear()
            flowable.__dict__.update(state)
        buffer = io.BytesIO()
        doc = _Template(buffer, title=title, subject=subject, record=record, author=author, issued_on=issued_on,
                        lang=lang, gaps=gaps)
        doc.body_frame.measuring = measure
        doc._doSave = int(not measure)  # reportlab's _endBuild saves (fonts subset, streams compressed) when set
        doc.build(list(story))
        return doc, buffer

    # The first layout only measures the pages (nothing drawn, nothing saved); the second draws them, feathered
    # where a page needs it.
    first, _ = build(None, measure=True)
    frame = first.body_frame
    gaps = feather_gaps(frame.left, frame.placed)
    second, buffer = build(gaps or None)
    if not gaps:
        return buffer.getvalue()
    if second.body_frame.placed != frame.placed or second.body_frame.content != frame.content:
        # the pages broke differently: keep the first layout, drawn last (a seal painter records where it drew:
        # the returned layout must be the last drawn)
        _, buffer = build(None)
    return buffer.getvalue()


def feather_gaps(left: dict[int, float], placed: dict[int, int]) -> dict[int, float]:
    """Page → the space to add before each block of the page (but its first), for every page but the last whose
    foot is left empty by at least ``FEATHER_FROM``; the last page's space is the 版记's or simply the end."""
    last = max(left, default=0)
    gaps = {}
    for number, height in left.items():
        count = placed.get(number, 0)
        if number < last and height >= FEATHER_FROM and count:
            gaps[number] = min(FEATHER_MAX, (height - 1.0) / count)
    return gaps


def para(text: str, style: TextStyle = BODY) -> list[Flowable]:
    """One block per line of ``text`` (a newline starts a new paragraph); nothing for empty text."""
    return [TextBlock(part, style) for part in text.splitlines() if part.strip()]
