"""The documents' fast paths give exactly what the slow paths they replace gave (issue 14)."""

from __future__ import annotations

import io
import random

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from cdo_desktop.reports import fonts
from cdo_desktop.reports.fingerprint import QrPayload, _codewords, lost_points, qr_code, qr_drawing

_ALPHABET = "abcXYZ0189|:/?=&-._~ 佛数问裁享〔〕号，。"


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = ["", "A", "CDO1|" + "f" * 64]
    texts += ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(1, 320))) for _ in range(count)]
    texts.append(QrPayload("notice", "佛数问〔2026〕3号", "6f1c2d3e-0000-5000-8000-000000000003", "ab" * 32,
                           "https://bureau.example/cdo").text())
    return texts


def _reference(text: str) -> qrencoder.QRCode:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return code


@pytest.mark.parametrize("text", _texts(60, seed=14))
def test_qr_code_is_reportlabs_symbol(text: str) -> None:
    """Same version, same chosen mask, same modules as reportlab's own ``QRCode.make()``."""
    mine, ref = qr_code(text), _reference(text)
    assert (mine.version, mine.moduleCount) == (ref.version, ref.moduleCount)
    assert mine.modules == ref.modules


@pytest.mark.parametrize("text", _texts(12, seed=15))
def test_each_masks_score_is_reportlabs(text: str) -> None:
    for mask in range(8):
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(text)
        code.version = code.calculate_version()
        code.makeImpl(True, mask)
        rows = [int("".join("1" if dark else "0" for dark in row), 2) for row in code.modules]
        assert lost_points(rows, code.moduleCount) == qrencoder.QRUtil.getLostPoint(code)


@pytest.mark.parametrize("level", [qrencoder.QRErrorCorrectLevel.L, qrencoder.QRErrorCorrectLevel.M,
                                   qrencoder.QRErrorCorrectLevel.Q, qrencoder.QRErrorCorrectLevel.H])
def test_codewords_are_reportlabs(level: int) -> None:
    """The data and Reed-Solomon codewords, interleaved, of every version these texts need, at each level."""
    for text in _texts(40, seed=16 + level):
        code = qrencoder.QRCode(None, level)
        code.addData(text)
        version = code.calculate_version()
        assert _codewords(version, level, code.dataList) == qrencoder.QRCode.createData(version, level, code.dataList)


def _drawn(drawing: Drawing, canvas: Canvas) -> list[str]:
    start = len(canvas._code)
    drawing.drawOn(canvas, 40, 60)
    return canvas._code[start:]


def test_a_qr_drawing_writes_what_reportlabs_renderer_writes() -> None:
    """The QR drawing's operators, written fast and replayed by a second draw, are what reportlab's renderPDF
    writes for a plain Drawing holding the same path, on a canvas in another state (colours, width, font)."""
    fonts.register(fonts.SONG)
    for payload in (QrPayload("ruling", "佛数裁〔2026〕12号", "6f1c2d3e-0000-5000-8000-000000000012", "cd" * 32),
                    QrPayload("notice", "N1", "r", "0" * 64, "https://bureau.example")):
        drawing = qr_drawing(payload)
        plain = Drawing(drawing.width, drawing.height, initialFontName=fonts.SONG, initialFontSize=9)
        plain.add(drawing.contents[0])
        first = _drawn(drawing, Canvas(io.BytesIO(), initialFontName=fonts.SONG))
        other = Canvas(io.BytesIO(), initialFontName=fonts.SONG)
        other.setFillColorRGB(0.8, 0.1, 0.1)
        other.setStrokeColorRGB(0.1, 0.8, 0.1)
        other.setLineWidth(3)
        other.setFont(fonts.SONG, 20)
        again = _drawn(drawing, other)
        assert again == first == _drawn(plain, other)
        assert sum(op.count(" m ") for op in again) > 100  # the path itself was written


def test_paragraphs_broken_again_come_from_the_cache_unchanged() -> None:
    """A paragraph broken a second time (the second layout pass, the next notice of a batch) gives the lines the
    first break gave; changing the list handed out does not change the next answer."""
    from cdo_desktop.reports import page
    from cdo_desktop.reports.text import _break_lines, break_lines

    face = fonts.register(fonts.FANGSONG)
    text = ("本局于2026年3月5日作出裁决书佛数裁〔2026〕12号，就佛山市公安局与你单位之间的争议（争议编号："
            "佛数争〔2026〕4号）支持申请人的仲裁请求。你单位于2026年3月6日签收该裁决书。") * 3
    args = (text, face, page.BODY_SIZE, page.BODY_WIDTH, page.BODY_WIDTH - 2 * page.BODY_SIZE)
    first = break_lines(*args)
    assert first == _break_lines(*args) and len(first) > 3
    first.clear()
    assert break_lines(*args) == _break_lines(*args)


def test_the_glyph_check_names_the_first_missing_character() -> None:
    face = fonts.register(fonts.FANGSONG)
    assert face.missing("佛山市公安局\n") is None
    missing = "\U0001F600"
    if ord(missing) in face.codepoints:
        pytest.skip("the font has the test character")
    assert face.missing(f"佛山{missing}市\U0001F601") == missing


def test_a_remembered_font_subset_is_the_one_reportlab_cuts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace

    fonts.register(fonts.TITLE)
    face = pdfmetrics.getFont(fonts.TITLE).face
    subset = [ord(ch) for ch in "佛山市政务数据共享问责通知书"]
    first = face.makeSubset(subset)
    assert face.makeSubset(list(subset)) is first  # remembered
    assert first == TTFontFace.makeSubset(face, subset)  # reportlab's own cut of the same characters
    assert face.makeSubset(subset[::-1]) == TTFontFace.makeSubset(face, subset[::-1])  # order is part of the key


def _every_sample_view() -> list[object]:
    import dataclasses

    from cdo_desktop.reports import samples

    views: list[object] = [samples.sample_ruling(), samples.sample_ruling(40), samples.sample_notice(),
                           samples.sample_reply(), samples.sample_reply("refused"), samples.sample_scorecard(),
                           samples.sample_certificate()]
    return views + [dataclasses.replace(view, lang="en") for view in views]  # type: ignore[type-var]


@pytest.mark.parametrize("view", _every_sample_view(), ids=lambda view: f"{view.kind}-{view.lang}")  # type: ignore[attr-defined]
def test_a_views_dict_is_asdicts(view: object) -> None:
    """The dict the fingerprint is taken of is ``dataclasses.asdict`` of the view: the same keys, values and types
    all the way down, so the same canonical JSON and the same fingerprint."""
    import dataclasses

    from cdo_desktop.domain.canonical import canonical_json
    from cdo_desktop.reports.views import view_to_dict

    mine, reference = view_to_dict(view), dataclasses.asdict(view)  # type: ignore[arg-type, call-overload]

    def types(value: object) -> object:
        if isinstance(value, dict):
            return {key: types(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return (type(value), [types(item) for item in value])
        return type(value)

    assert mine == reference and types(mine) == types(reference)
    assert canonical_json(mine) == canonical_json(reference)


def test_a_views_dict_copies_what_asdict_copies() -> None:
    """Values other than plain containers and immutable leaves come out as asdict makes them (here: a named tuple
    and a dict subclass), and a mutable leaf is a copy, not the view's own object."""
    import collections
    import dataclasses

    from cdo_desktop.reports.views import _plain

    pair = collections.namedtuple("pair", "a b")

    @dataclasses.dataclass
    class Inner:
        items: list[int]

    @dataclasses.dataclass
    class Outer:
        inner: Inner
        pairs: tuple[pair, ...]
        table: collections.OrderedDict[str, list[int]]
        raw: bytearray

    outer = Outer(Inner([1, 2]), (pair(1, [2]),), collections.OrderedDict(x=[3]), bytearray(b"ab"))
    mine = _plain(outer)
    assert mine == dataclasses.asdict(outer)
    assert type(mine["pairs"][0]) is pair and type(mine["table"]) is collections.OrderedDict
    assert mine["raw"] is not outer.raw and mine["inner"]["items"] is not outer.inner.items


@pytest.mark.parametrize("name", [fonts.FANGSONG, fonts.SONG, fonts.TITLE])
def test_a_subset_cut_from_the_glyph_table_in_place_is_reportlabs(name: str) -> None:
    """The registered face reads its glyph table in place (fonts._TableReader): the subsets it cuts are the bytes
    a face freshly parsed by reportlab, with its own table reader, cuts."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace

    face = fonts.register(name)
    registered = pdfmetrics.getFont(name).face
    pristine = TTFontFace(str(face.path), validate=0)
    assert "get_table" in registered.__dict__ and "get_table" not in pristine.__dict__
    text = "佛山市政务数据共享争议裁决书，（一）2026年3月5日。ABCxyz0189éüÅ—…“”" + "".join(
        chr(cp) for cp in sorted(face.codepoints)[::97][:200])
    subset = [ord(ch) for ch in dict.fromkeys(text)]
    for part in (subset[:30], subset[30:], subset[::-1][:250]):
        assert TTFontFace.makeSubset(registered, part) == pristine.makeSubset(part)


def test_the_advances_table_gives_the_faces_own_widths() -> None:
    """Line breaking looks advances up in a table (text._advances): the same floats as ``FontFace.width``, for
    characters the face has and for one it lacks (its default width)."""
    from cdo_desktop.reports.text import _advances

    face = fonts.register(fonts.FANGSONG)
    lacking = next(chr(cp) for cp in range(0xE000, 0xF8FF) if cp not in face.codepoints)
    text = "佛山市（一）2026年3月5日，ABC xyz。" + lacking
    for size in (16.0, 10.5, 14.0):
        assert [_advances(face, size)[ch] for ch in text] == [face.width(ch, size) for ch in text]
