"""Table headers never break inside a word, and figures never wrap: every table of the scorecard (sample and the
demo network's, Chinese and English) read back with pdfplumber; column widths from content."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest
from sqlmodel import Session

from cdo_desktop.reports import documents, fonts, samples, scorecard
from cdo_desktop.reports.tables import Column, column_widths, header_lines
from cdo_desktop.reports.text import TextStyle
from cdo_desktop.store.migrate import open_database

ALL_COLUMNS = (*scorecard.COLUMNS, *scorecard.DUTY_COLUMNS, *scorecard.ASSET_COLUMNS)


def _breaks_between_terms(cell: str, terms: tuple[str, ...], sep: str) -> bool:
    """Is every printed line of ``cell`` a run of whole terms?"""
    lines = cell.split("\n")
    position = 0
    for line in lines:
        for length in range(1, len(terms) - position + 1):
            if sep.join(terms[position:position + length]) == line:
                position += length
                break
        else:
            return False
    return position == len(terms)


def table_problems(data: bytes, lang: str) -> tuple[int, list[str]]:
    """(header cells seen, problems): a header broken inside a term/word, an unknown header, a figure wrapped."""
    sep = " " if lang == "en" else ""
    by_header = {col.header(lang): col for col in ALL_COLUMNS}
    seen, problems = 0, []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, pg in enumerate(pdf.pages, start=1):
            for table in pg.extract_tables():
                header, *rows = table
                if not any((cell or "").replace("\n", sep) in by_header for cell in header):
                    continue  # the chart's axes or the fingerprint block, not a table with headers
                columns: list[Column] = []
                for cell in header:
                    joined = (cell or "").replace("\n", sep)
                    column = by_header.get(joined)
                    if column is None:
                        problems.append(f"page {number}: header {cell!r} is no known column")
                        continue
                    seen += 1
                    columns.append(column)
                    if not _breaks_between_terms(cell or "", column.terms(lang), sep):
                        problems.append(f"page {number}: header {cell!r} breaks inside a term")
                for row in rows:
                    for cell, column in zip(row, columns, strict=False):
                        if not column.wraps and cell and "\n" in cell:
                            problems.append(f"page {number}: figure {cell!r} wraps under {column.header(lang)!r}")
    return seen, problems


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sample_scorecard_headers_break_only_between_terms(lang: str) -> None:
    view = dataclasses.replace(samples.sample_scorecard(40), lang=lang)
    seen, problems = table_problems(documents.render(view), lang)
    assert seen >= len(ALL_COLUMNS)  # all three tables were read back
    assert not problems, problems


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_scorecard_headers_break_only_between_terms(demo_dir: Path, lang: str) -> None:
    db = open_database(demo_dir)
    with Session(db.writer) as session:
        view = documents.scorecard(session, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    db.dispose()
    seen, problems = table_problems(documents.render(dataclasses.replace(view, lang=lang)), lang)
    assert seen >= len(scorecard.COLUMNS) + len(scorecard.DUTY_COLUMNS)
    assert not problems, problems


def test_the_check_catches_a_header_broken_inside_a_term() -> None:
    terms = ("答复用时", "中位数", "（工作日）")
    assert _breaks_between_terms("答复用时\n中位数（工作日）", terms, "")
    assert not _breaks_between_terms("答复用\n时中位数（工作日）", terms, "")
    assert not _breaks_between_terms("Answ\nered", ("Answered",), " ")


def test_widths_come_from_content_and_never_cut_a_term() -> None:
    style = TextStyle(font=fonts.HEI, size=9.0, leading=12.0, align="center")
    face = fonts.register(fonts.HEI)
    columns = scorecard.COLUMNS
    cells = [[("佛山市人力资源和社会保障局", style), *[("12345", style)] * (len(columns) - 1)]]
    widths = column_widths(columns, style, cells, 442.0, "zh")
    assert sum(widths) == pytest.approx(442.0)
    for column, width in zip(columns, widths, strict=True):
        assert width >= max(face.text_width(t, 9.0) for t in column.zh)  # the widest term fits
        assert width >= face.text_width("12345", 9.0)  # the figure fits on one line
        lines = header_lines(column.zh, face, 9.0, width - 4.5, "")
        assert len(lines) <= len(column.zh)
    # wide enough: everything on one line, shared out in proportion
    wide = column_widths(columns[:3], style, [[("部", style), ("1", style), ("2", style)]], 400.0, "zh")
    assert sum(wide) == pytest.approx(400.0)
    assert all(len(header_lines(c.zh, face, 9.0, w - 4.5, "")) == 1 for c, w in zip(columns[:3], wide, strict=True))
