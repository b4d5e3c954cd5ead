"""Chinese line breaking: closing marks never start a line, opening marks never end one, words stay whole."""

from __future__ import annotations

import random

import pytest

from cdo_desktop.reports import fonts, page
from cdo_desktop.reports.text import CANNOT_END, CANNOT_START, break_lines

FACE = fonts.register(fonts.SONG)
WIDTH = page.BODY_WIDTH


def _lines(text: str, width: float = WIDTH, first: float | None = None) -> list[str]:
    lines = break_lines(text, FACE, 16.0, width, width if first is None else first)
    return [text[line.start:line.end] for line in lines]


def test_a_full_line_holds_28_characters_as_gbt_9704_asks() -> None:
    text = "政" * 100
    assert [len(line) for line in _lines(text)] == [28, 28, 28, 16]


@pytest.mark.parametrize("mark", sorted("，。、；：？！）》」』”’"))
def test_a_closing_mark_at_the_break_is_kept_on_the_line_above(mark: str) -> None:
    text = "数" * 28 + mark + "据" * 10
    lines = _lines(text)
    assert all(line[0] not in CANNOT_START for line in lines[1:])
    assert "".join(lines) == text


@pytest.mark.parametrize("mark", sorted("（《「『“‘〔【"))
def test_an_opening_mark_never_ends_a_line(mark: str) -> None:
    text = "数" * 27 + mark + "据" * 10
    lines = _lines(text)
    assert all(line[-1] not in CANNOT_END for line in lines)
    assert lines[1][0] == mark
    assert "".join(lines) == text


def test_random_mixed_text_obeys_the_rules_both_ways_and_loses_nothing() -> None:
    rng = random.Random(9704)
    alphabet = "政务数据共享争议裁决" * 6 + "，。、；：？！）》」”" + "（《「“" + " " + "API2026sha"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 200))).strip() or "数"
        lines = break_lines(text, FACE, 16.0, WIDTH, WIDTH - 32)
        rebuilt = "".join(text[a.start:a.next_start] for a in lines)
        assert rebuilt == text[lines[0].start:]
        for index, line in enumerate(lines):
            content = text[line.start:line.end]
            if index:
                assert content[0] not in CANNOT_START or text[line.start - 1] in CANNOT_START, content
            if index < len(lines) - 1:
                assert content[-1] not in CANNOT_END, content
            limit = WIDTH - (32 if index == 0 else 0)
            assert line.width - 0.05 * 16 * max(len(content) - 1, 0) <= limit + 1e-6 or len(content) == 1


def test_latin_words_are_not_broken_and_keep_their_spaces() -> None:
    text = "数据通过 CDO Desktop 平台的 application programming interface 共享，" * 4
    lines = break_lines(text, FACE, 16.0, WIDTH, WIDTH)
    words = {"CDO", "Desktop", "application", "programming", "interface"}
    for line in lines:
        content = text[line.start:line.end]
        assert content == content.strip()
        for token in content.split():
            ascii_part = "".join(ch if ch.isascii() else " " for ch in token).split()
            assert set(ascii_part) <= words, (token, content)
    # the space at a break belongs to the break: nothing is lost, nothing glued together
    assert "".join(text[line.start:line.next_start] for line in lines) == text


def test_a_word_longer_than_the_line_is_broken_rather_than_overflowing() -> None:
    text = "指纹" + "0123456789abcdef" * 8
    lines = _lines(text)
    assert "".join(lines) == text
    assert all(FACE.text_width(line, 16.0) <= WIDTH + 0.05 * 16 * len(line) for line in lines)


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"),
                                         (101, "一百零一"), (110, "一百一十")])
def test_chinese_heading_numbers(n: int, text: str) -> None:
    assert page.cn_number(n) == text


def test_heading_labels_follow_the_four_levels() -> None:
    assert [page.heading_label(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]
