"""Tables with headers that never break inside a word, and column widths taken from the content.

A column's header is given as its **terms**: in Chinese the terms the label is made of (``("答复用时", "中位数",
"（工作日）")``), in English its words. A header line breaks only between terms, so a term the label defines
(按时答复, 目录资源 …) is never split over two lines, and an English word never is. Column widths are measured with
the fonts the cells are printed in: every column is at least as wide as its widest term and its widest unbreakable
cell (figures never wrap); the width left over first shortens the tallest header, then widens the columns whose
cells wrap (department names), then is shared out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from cdo_desktop.reports import fonts
from cdo_desktop.reports.compose import Story
from cdo_desktop.reports.text import EPSILON, Line, TextBlock, TextStyle

PADDING = 2.0  # left and right cell padding, points


@dataclass(frozen=True)
class Column:
    """One column: its header terms in Chinese and in English, whether its cells may wrap, how they align."""

    zh: tuple[str, ...]
    en: tuple[str, ...]
    wraps: bool = False  # cells are names that may wrap (a department); otherwise a cell never wraps
    align: str = "center"

    def terms(self, lang: str) -> tuple[str, ...]:
        return self.en if lang == "en" else self.zh

    def header(self, lang: str) -> str:
        return (" " if lang == "en" else "").join(self.terms(lang))


def header_lines(terms: Sequence[str], face: fonts.FontFace, size: float, width: float, sep: str) -> list[Line]:
    """Break a header into lines of at most ``width`` points, only between terms (a term wider than the line
    stands on a line of its own: it is never split)."""
    lines: list[Line] = []
    start = position = 0
    line_terms: list[str] = []
    for index, term in enumerate(terms):
        candidate = sep.join([*line_terms, term])
        if line_terms and face.text_width(candidate, size) > width + EPSILON:
            text = sep.join(line_terms)
            lines.append(Line(start, start + len(text), position, face.text_width(text, size), first=not lines))
            start = position
            line_terms = []
        line_terms.append(term)
        position += len(term) + (len(sep) if index < len(terms) - 1 else 0)
    if line_terms:
        text = sep.join(line_terms)
        lines.append(Line(start, start + len(text), start + len(text), face.text_width(text, size), first=not lines))
    return lines


NAME_CHARACTERS = 8  # a column of names is at least this many characters wide (or as wide as its longest name)


def _min_cell_width(text: str, face: fonts.FontFace, size: float, wraps: bool) -> float:
    if not wraps:
        return face.text_width(text, size)
    if " " in text:  # Latin names wrap at spaces
        return max(face.text_width(w, size) for w in text.split())
    return face.text_width(text[:NAME_CHARACTERS], size)  # Chinese names wrap between characters


def column_widths(columns: Sequence[Column], header_style: TextStyle, cells: Sequence[Sequence[tuple[str, TextStyle]]],
                  total: float, lang: str) -> list[float]:
    """Widths (points, padding included) summing to ``total``: no header term and no unwrappable cell is cut."""
    sep = " " if lang == "en" else ""
    head_face = fonts.register(header_style.font)
    size = header_style.size
    pad = 2 * PADDING + 0.5
    minimum, natural = [], []
    for i, column in enumerate(columns):
        terms = column.terms(lang)
        low = max(head_face.text_width(t, size) for t in terms)
        high = head_face.text_width(sep.join(terms), size)
        for row in cells:
            text, style = row[i]
            face = fonts.register(style.font)
            low = max(low, _min_cell_width(text, face, style.size, column.wraps))
            high = max(high, face.text_width(text, style.size))
        minimum.append(low + pad)
        natural.append(high + pad)
    if sum(natural) <= total:  # everything on one line: share the rest out in proportion
        scale = total / sum(natural)
        return [w * scale for w in natural]
    widths = list(minimum)
    spare = total - sum(widths)

    def lines(i: int, width: float) -> int:
        return len(header_lines(columns[i].terms(lang), head_face, size, width - pad, sep))

    def next_step(i: int) -> float | None:
        """The least extra width that takes one line off column ``i``'s header."""
        terms = columns[i].terms(lang)
        now = lines(i, widths[i])
        candidates = sorted({head_face.text_width(sep.join(terms[a:b]), size) + pad
                             for a in range(len(terms)) for b in range(a + 1, len(terms) + 1)})
        for width in candidates:
            if width > widths[i] + EPSILON and lines(i, width) < now:
                return width - widths[i]
        return None

    while spare > EPSILON:  # shorten the tallest header while the spare width allows
        tallest = max(lines(i, widths[i]) for i in range(len(columns)))
        if tallest <= 1:
            break
        steps = {i: next_step(i) for i in range(len(columns)) if lines(i, widths[i]) == tallest}
        if any(step is None for step in steps.values()):
            break
        cost = sum(step for step in steps.values() if step is not None)
        if cost > spare + EPSILON:
            break
        for i, step in steps.items():
            widths[i] += step or 0.0
        spare -= cost
    for i, column in enumerate(columns):  # then widen the wrapping columns towards one line per name
        if column.wraps and spare > EPSILON:
            extra = min(spare, max(natural[i] - widths[i], 0.0))
            widths[i] += extra
            spare -= extra
    if spare > EPSILON:
        widths = [w + spare / len(widths) for w in widths]
    return widths


def grid(story: Story, prefix: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], *,
         total_row: Sequence[str] | None, cell: TextStyle, header: TextStyle, width: float) -> Table:
    """A ruled table with a grey header repeated on every page, a shaded total row, widths from the content."""
    lang = story.lang
    head_style = story.resolve(header)
    cell_left = cell.but(align="left")
    styled: list[list[tuple[str, TextStyle]]] = []
    for texts in rows:
        styled.append([(text, story.resolve(cell_left if col.align == "left" else cell))
                       for text, col in zip(texts, columns, strict=True)])
    if total_row is not None:
        styled.append([(text, head_style) for text in total_row])
    widths = column_widths(columns, head_style, styled, width, lang)
    sep = " " if lang == "en" else ""
    head_face = fonts.register(head_style.font)
    head_row: list[Flowable] = []
    for col, w in zip(columns, widths, strict=True):
        text = story.check(f"{prefix}.header", col.header(lang), head_style.font)
        lines = header_lines(col.terms(lang), head_face, head_style.size, w - 2 * PADDING - 0.5, sep)
        head_row.append(TextBlock(text, head_style, lines=lines))
    data: list[list[object]] = [head_row]
    for n, row in enumerate(styled):
        field = f"{prefix}.total" if total_row is not None and n == len(styled) - 1 else f"{prefix}.rows.{n + 1}"
        data.append([story.block(field, text, style) for text, style in row])
    table = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), fonts.SONG, 9),  # the cell default is Helvetica, never embedded
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if total_row is not None:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)))
    table.setStyle(TableStyle(commands))
    return table
