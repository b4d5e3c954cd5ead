"""Chinese text blocks on a fixed line pitch: line breaking by the Chinese rules both ways, justification, splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reportlab.platypus import Flowable

from cdo_desktop.reports import fonts

# A line never starts with these (closing punctuation, pause marks, units that follow a number) …
CANNOT_START = frozenset("，。、；：？！）》」』】〕〗〉”’％‰℃°·,.;:?!)]}%" "ー々〻ぁぃぅぇぉっゃゅょ")
# … and never ends with these (opening punctuation, prefixes that belong to what follows).
CANNOT_END = frozenset("（《「『【〔〖〈“‘([{￥$£")
# Doubled marks (—— and ……) are one mark: never split in the middle.
_NO_SPLIT_PAIRS = frozenset("—…")

# Runs never broken across lines: dates (2026年1月12日), document numbers (国发〔2016〕51号), article references
# (第十四条第二款, 国务院令第809号) and counts with their unit (15个工作日). A run longer than a line may break.
_CN_NUM = "〇零一二三四五六七八九十百千0-9"
_LOCKED = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
    r"|[\u4e00-\u9fff]{1,4}〔\d{4}〕\d+号"
    rf"|(?:第[{_CN_NUM}]+[编章节条款项目号])+"
    r"|（含当日）"
    r"|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
    r"|\d+(?:\.\d+)?(?:个工作日|个月|个|日|年|月|项|件|次|元|万元|％|%)"
)
_MAX_LOCKED = 24


def locked_positions(text: str) -> frozenset[int]:
    """Positions inside a date, document number, article reference or count: no line may end there."""
    locked: set[int] = set()
    for match in _LOCKED.finditer(text):
        start, end = match.span()
        if end - start <= _MAX_LOCKED:
            locked.update(range(start + 1, end))
    return frozenset(locked)


# Compression a justified line may take per gap, as a fraction of the font size: NORMAL lets a full line hold
# exactly 28 characters of 16 pt on the 156 mm GB/T 9704 type area; PUNCT pulls a closing mark back onto the
# line (压缩标点) rather than start the next line with it.
NORMAL_SQUEEZE = 0.016
PUNCT_SQUEEZE = 0.05
EPSILON = 1e-6
# A line that had to end early (before an unbreakable date or document number) is set flush left rather than
# stretched with gaps wider than this fraction of the font size.
MAX_STRETCH = 0.12


@dataclass(frozen=True)
class TextStyle:
    font: str = fonts.SONG
    size: float = 16.0
    leading: float = 28.9
    align: str = "justify"  # justify | left | center | right
    first_indent: float = 0.0  # in points
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False

    def but(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


@dataclass(frozen=True)
class Line:
    start: int  # index in the block's text
    end: int  # exclusive; trailing spaces excluded
    next_start: int  # where the following line starts (spaces at a break are consumed)
    width: float  # natural width of text[start:end]
    first: bool  # the paragraph's first line (takes the first-line indent)


def _is_word(ch: str) -> bool:
    """Latin letters, digits and ASCII marks: a run of them is a word that is not broken inside."""
    return (ch.isascii() and not ch.isspace()) or ("\u00c0" <= ch <= "\u024f")


def can_break(text: str, i: int) -> bool:
    """May a line end between ``text[i-1]`` and ``text[i]``? Spaces at a break are consumed, so the rules look
    through them to the marks that would really end this line and start the next."""
    j = i
    while j < len(text) and text[j] == " ":
        j += 1
    k = i - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    if k < 0:
        return False
    if j >= len(text):
        return True
    if text[j] in CANNOT_START or text[k] in CANNOT_END:
        return False
    before, after = text[i - 1], text[i]
    if before == " " or after == " ":
        return True
    if before == after and after in _NO_SPLIT_PAIRS:
        return False
    return not (_is_word(before) and _is_word(after))


def _fits(widths: list[float], start: int, end: int, avail: float, squeeze: float) -> bool:
    natural = sum(widths[start:end])
    return natural - squeeze * max(end - start - 1, 0) <= avail + EPSILON


# Paragraphs already broken in this process: a document lays its story out twice (page feathering, page.py) and
# a batch repeats its fixed sentences, so most paragraphs are broken once. Lines are immutable; the list handed
# out is a fresh copy.
_BROKEN: dict[tuple[str, str, str, float, float, float], tuple[Line, ...]] = {}
_BROKEN_MAX = 4096


def break_lines(text: str, face: fonts.FontFace, size: float, width: float, first_width: float) -> list[Line]:
    """Break ``text`` (one paragraph, no newlines) into lines of at most ``width`` points (the first line
    ``first_width``) so that no line starts with closing punctuation or ends with opening punctuation."""
    key = (text, face.name, str(face.path), size, width, first_width)
    lines = _BROKEN.get(key)
    if lines is None:
        if len(_BROKEN) >= _BROKEN_MAX:
            _BROKEN.clear()
        lines = _BROKEN[key] = tuple(_break_lines(text, face, size, width, first_width))
    return list(lines)


class _Advances(dict[str, float]):
    """Character → its advance in points in one face at one size (``FontFace.width``), filled as characters are
    met: a paragraph's advances are then one look-up per character at C speed, the same floats as computed one by
    one (the same arithmetic, done once per character of the face and size rather than once per occurrence)."""

    def __init__(self, face: fonts.FontFace, size: float) -> None:
        super().__init__()
        self._get, self._default, self._size = face.widths.get, face.default_width, size

    def __missing__(self, ch: str) -> float:
        advance = self[ch] = self._get(ord(ch), self._default) * self._size / 1000.0
        return advance


_ADVANCES: dict[tuple[str, str, float], _Advances] = {}


def _advances(face: fonts.FontFace, size: float) -> _Advances:
    key = (face.name, str(face.path), size)
    table = _ADVANCES.get(key)
    if table is None:
        table = _ADVANCES[key] = _Advances(face, size)
    return table


def _break_lines(text: str, face: fonts.FontFace, size: float, width: float, first_width: float) -> list[Line]:
    widths = list(map(_advances(face, size).__getitem__, text))
    locked = locked_positions(text)

    def legal(i: int) -> bool:
        return i not in locked and can_break(text, i)

    n = len(text)
    lines: list[Line] = []
    start = 0
    while start < n and text[start] == " " and lines:
        start += 1
    normal, punct = NORMAL_SQUEEZE * size, PUNCT_SQUEEZE * size
    while start < n:
        avail = first_width if not lines else width
        end = start + 1
        total = widths[start]
        while end < n and total + widths[end] - normal * (end - start) <= avail + EPSILON:
            total += widths[end]
            end += 1
        if end < n and not legal(end):
            end = _settle(text, widths, start, end, avail, punct, legal)
        content_end = end
        while content_end > start + 1 and text[content_end - 1] == " ":
            content_end -= 1
        next_start = end
        while next_start < n and text[next_start] == " ":
            next_start += 1
        lines.append(Line(start, content_end, next_start, sum(widths[start:content_end]), first=not lines))
        start = next_start
    return lines


def _settle(text: str, widths: list[float], start: int, end: int, avail: float, squeeze: float,
            legal: Any = None) -> int:
    """``end`` is not a legal break: pull up to two closing marks onto the line, else step back to a legal break,
    else (a word longer than the line) break where it is."""
    n = len(text)
    if legal is None:
        def legal(i: int) -> bool:
            return can_break(text, i)
    for extra in (1, 2):
        candidate = end + extra
        if candidate > n or any(ch not in CANNOT_START for ch in text[end:candidate]):
            break
        if _fits(widths, start, candidate, avail, squeeze) and (candidate == n or legal(candidate)):
            return candidate
    for candidate in range(end - 1, start, -1):
        if legal(candidate):
            return candidate
    for candidate in range(end - 1, start, -1):  # only a locked run longer than the line is left: break it
        if can_break(text, candidate):
            return candidate
    return end


class TextBlock(Flowable):
    """A paragraph of Chinese (and Latin) text on a fixed line pitch, drawn line by line with justification."""

    def __init__(self, text: str, style: TextStyle, *, continued: bool = False, lines: list[Line] | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self.continued = continued  # a continuation after a page break: no first-line indent
        self._lines = lines
        self._fixed = lines is not None
        self._avail = -1.0
        self.spaceBefore = 0.0 if continued else style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        self.face = fonts.register(style.font)

    def __repr__(self) -> str:
        return f"TextBlock({self.text[:20]!r}…)"

    def _content_width(self, avail_width: float) -> float:
        return avail_width - self.style.left_indent - self.style.right_indent

    def lines_for(self, avail_width: float) -> list[Line]:
        if self._fixed and self._lines is not None:
            return self._lines
        if self._lines is None or self._avail != avail_width:
            width = self._content_width(avail_width)
            first = width - (0.0 if self.continued else self.style.first_indent)
            self._lines = break_lines(self.text, self.face, self.style.size, width, first)
            if self.continued:
                self._lines = [replace(line, first=False) for line in self._lines]
            self._avail = avail_width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines_for(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines_for(availWidth)
        fit = int((availHeight + EPSILON) // self.style.leading)
        if fit >= len(lines):
            return [self]
        return self.split_at(fit)

    def with_leading(self, leading: float) -> TextBlock:
        """The same lines on another pitch (the spacing remedy when a group must fit a page)."""
        block = TextBlock(self.text, replace(self.style, leading=leading), continued=self.continued,
                          lines=self.lines_for(self.width) if self._lines is None else self._lines)
        block.spaceBefore, block.spaceAfter = self.spaceBefore, self.spaceAfter
        return block

    def split_at(self, fit: int) -> list[Flowable]:
        """Keep ``fit`` lines here and carry the rest over, never leaving one line alone on either side: no
        orphan (a first line alone at a page's foot) and no widow (a last line alone at the next page's head)."""
        lines = self.lines_for(self.width) if self._lines is None else self._lines
        fit = min(fit, len(lines) - 2)  # no widow: at least two lines go over
        if fit < 2:
            return []  # no orphan: move the whole paragraph
        head = TextBlock(self.text, self.style, continued=self.continued, lines=lines[:fit])
        head.spaceAfter = 0.0
        rest_start = lines[fit].start
        tail_text = self.text[rest_start:]
        shift = [replace(line, start=line.start - rest_start, end=line.end - rest_start,
                         next_start=line.next_start - rest_start, first=False) for line in lines[fit:]]
        tail = TextBlock(tail_text, self.style, continued=True, lines=shift)
        return [head, tail]

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFont(style.font, style.size)
        width = self._content_width(self.width)
        lines = self.lines_for(self.width)
        baseline = style.leading / 2 + 0.38 * style.size  # em box centred on the line
        for index, line in enumerate(lines):
            content = self.text[line.start:line.end]
            indent = style.first_indent if line.first and not self.continued else 0.0
            avail = width - indent
            gaps = len(content) - 1
            slack = avail - line.width
            last = line.next_start >= len(self.text) and index == len(lines) - 1
            if style.align == "justify" and not last and gaps > 0 and slack / gaps <= MAX_STRETCH * style.size:
                char_space = slack / gaps
            else:
                char_space = min(0.0, slack / gaps) if gaps > 0 else 0.0
            drawn = line.width + char_space * gaps
            x = style.left_indent + indent
            if style.align == "center":
                x += (avail - drawn) / 2
            elif style.align == "right":
                x += avail - drawn
            y = self.height - index * style.leading - baseline
            canvas.drawString(x, y, content, charSpace=round(char_space, 4))
