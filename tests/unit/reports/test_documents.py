"""Rendered documents read back: text in order, A4, inside the margins, fonts embedded, QR, bytes, page numbers."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from cdo_desktop.reports import documents, page, samples
from cdo_desktop.reports.fingerprint import QrPayload, grouped_hex
from cdo_desktop.reports.fonts import MissingGlyph
from cdo_desktop.reports.ruling import claim_text, order_text, party_text
from cdo_desktop.reports.text import CANNOT_END, CANNOT_START
from tests.unit.reports.conftest import Rendered, decode_qr

ROOT = Path(__file__).resolve().parents[3]
TOLERANCE = 0.6  # points: rounding of glyph boxes
PAGE_NUMBER = re.compile(r"^— (\d+) —$")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _assert_in_order(full: str, expected: list[str]) -> None:
    haystack = _squash(full)
    position = 0
    for text in expected:
        needle = _squash(text)
        found = haystack.find(needle, position)
        assert found >= 0, f"not found in order: {text!r}"
        position = found + len(needle)


def _text(doc: Rendered) -> str:
    """The text of the type area of every page (page numbers left out)."""
    with doc.plumber() as pdf:
        body = (0, 0, page.PAGE_WIDTH, page.PAGE_HEIGHT - page.MARGIN_BOTTOM + 1)
        return "\n".join(p.crop(body).extract_text() or "" for p in pdf.pages)


def test_ruling_prints_every_field_in_order(rendered: dict[str, Rendered]) -> None:
    v = rendered["ruling"].view
    assert isinstance(v, type(samples.sample_ruling()))
    expected = [
        v.number, "、".join(v.addressees) + "：", party_text(v.claimant), party_text(v.respondent), v.dispute_number,
        v.origin, *[page.cn_date(e.on) + "，" + e.text for e in v.course], *v.arbitrators,
        *[claim_text(c) for c in v.claims], v.claim, *[c.answer for c in v.claims], v.defence,
        *v.findings, v.reasoning, *[c.reasoning for c in v.claims], *v.rules,
        "对申请人第一项请求，予以支持。" + "".join(order_text(o) for o in v.orders),
        "对申请人第二项请求，予以支持。", v.escalation,
        v.service, *[r.department + "于" + page.cn_date(r.received_on) for r in v.receipts], v.issuer,
        page.cn_date(v.issued_on), grouped_hex(v.fingerprint), v.record_id, *v.cc,
    ]
    _assert_in_order(_text(rendered["ruling"]), expected)
    text = _squash(_text(rendered["ruling"]))
    assert "首席数据官：何国强；数据专员：陈志明" in text  # each person by the role really held
    assert "于2026年3月20日前（含当日）" in text  # order deadlines from receipt, inclusive
    assert "自收到本裁决书之日的次日起算" in text  # the review period says from when it runs


def test_notice_and_replies_print_every_field_in_order(rendered: dict[str, Rendered]) -> None:
    n = rendered["notice"].view
    _assert_in_order(_text(rendered["notice"]), [
        n.number, n.addressee, n.commissioner, *n.facts, n.ground, n.rule, n.measure,
        page.cn_date(n.rectification_due) + "前（含当日）", n.report_requirement,
        "申辩", page.cn_date(n.defence_due) + "前（含当日）", n.contact, n.issuer, page.cn_date(n.issued_on),
        grouped_hex(n.fingerprint), *n.cc])
    assert "佛山市公安局" not in n.cc  # the complaining department is not copied
    for name in ("reply", "reply_refused"):
        r = rendered[name].view
        refused = [i for i in r.items_asked if i not in r.items_granted]
        expected = [r.reply_number, r.requester, page.cn_date(r.submitted_on), r.request_number, r.resource,
                    r.resource_code, "、".join(r.items_asked), r.outcome]
        if r.state == "partly_approved":
            expected += ["、".join(r.items_granted), "、".join(refused), r.reason, r.basis, r.purpose,
                         page.cn_date(r.period_end), "不予共享的数据项有异议"]
        else:
            expected += [r.reason, r.basis]
        expected += [f"自收到本答复之日起{r.dispute_days}个工作日内", "申请协调或者仲裁", r.contact]
        _assert_in_order(_text(rendered[name]), [*expected, r.issuer, page.cn_date(r.issued_on)])


def test_scorecard_table_splits_with_repeated_headers_and_keeps_every_row(rendered: dict[str, Rendered]) -> None:
    doc = rendered["scorecard"]
    view = doc.view
    with doc.plumber() as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    table_pages = [t for t in pages if "部门" in t and "已答复" in t and "按时答" in t]
    assert len(table_pages) >= 2, "40 departments should need more than one page of table"
    # a cell line holds 11 characters (fewer before an opening mark): long names wrap inside their cell, so compare the first line of each
    _assert_in_order("\n".join(table_pages), [r.department[:10] for r in view.rows] + ["全市合计"])


def test_every_page_is_a4(rendered: dict[str, Rendered]) -> None:
    for doc in rendered.values():
        for p in pypdf.PdfReader(io.BytesIO(doc.data)).pages:
            assert (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) == (595.3, 841.9)


def test_every_font_is_embedded_truetype(rendered: dict[str, Rendered]) -> None:
    for name, doc in rendered.items():
        reader = pypdf.PdfReader(io.BytesIO(doc.data))
        seen = 0
        for p in reader.pages:
            fonts = p["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                assert font["/Subtype"] == "/TrueType", (name, font)
                assert "/FontFile2" in font["/FontDescriptor"].get_object(), (name, font["/BaseFont"])
                seen += 1
        assert seen, name


def _poppler_words(data: bytes, tmp_path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Word boxes as poppler lays them out (pdfminer drops the character spacing after the last glyph of each
    string, which drifts justified lines by a fraction of a point; poppler follows the PDF specification)."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True, check=True).stdout
    words, number = [], 0
    for line in html.splitlines():
        if "<page " in line:
            number += 1
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            x0, y0, x1, y1 = (float(found.group(i)) for i in range(1, 5))
            words.append((number, x0, y0, x1, y1, found.group(5)))
    return words


def test_every_character_lies_inside_the_margins(rendered: dict[str, Rendered], tmp_path: Path) -> None:
    left, right = page.MARGIN_LEFT - TOLERANCE, page.PAGE_WIDTH - page.MARGIN_RIGHT + TOLERANCE
    top, bottom = page.MARGIN_TOP - TOLERANCE, page.PAGE_HEIGHT - page.MARGIN_BOTTOM + TOLERANCE
    for name, doc in rendered.items():
        words = _poppler_words(doc.data, tmp_path)
        assert len(words) > 20
        footers: dict[int, str] = {}
        for number, x0, y0, x1, y1, text in words:
            if y0 > bottom:
                footers[number] = footers.get(number, "") + text
                continue
            assert left <= x0 and x1 <= right, (name, number, text, x0, x1)
            assert top <= y0 and y1 <= bottom, (name, number, text, y0, y1)
        assert footers == {n: f"—{n}—" for n in footers} and len(footers) == max(footers), (name, footers)
        with doc.plumber() as pdf:  # pdfplumber agrees vertically, and sees the same characters
            for p in pdf.pages:
                for c in p.chars:
                    assert c["top"] >= top and (c["bottom"] <= bottom or PAGE_NUMBER.match(
                        "".join(x["text"] for x in p.chars if x["top"] > bottom))), (name, c["text"])


def test_forty_findings_flow_over_pages_with_outer_page_numbers(rendered: dict[str, Rendered]) -> None:
    doc = rendered["ruling40"]
    with doc.plumber() as pdf:
        assert len(pdf.pages) >= 4
        for p in pdf.pages:
            footer = [c for c in p.chars if c["top"] > page.PAGE_HEIGHT - page.MARGIN_BOTTOM]
            assert "".join(c["text"] for c in footer) == page.page_number_text(p.page_number)
            x0, x1 = min(c["x0"] for c in footer), max(c["x1"] for c in footer)
            if p.page_number % 2:
                assert x1 == pytest.approx(page.PAGE_WIDTH - page.MARGIN_RIGHT - page.PAGE_NUMBER_SIZE, abs=1)
            else:
                assert x0 == pytest.approx(page.MARGIN_LEFT + page.PAGE_NUMBER_SIZE, abs=1)
    _assert_in_order(_text(doc), [f"{n}.{f}" for n, f in enumerate(doc.view.findings, start=1)])


def test_no_printed_line_starts_with_closing_or_ends_with_opening_punctuation(rendered: dict[str, Rendered]) -> None:
    checked = 0
    for name, doc in rendered.items():
        with doc.plumber() as pdf:
            for p in pdf.pages:
                for line in p.extract_text_lines():
                    text = line["text"].strip()
                    if not text or line["chars"][0]["size"] < 15:  # body lines (tables are cell-wrapped)
                        continue
                    assert text[0] not in CANNOT_START, (name, text)
                    assert text[-1] not in CANNOT_END, (name, text)
                    checked += 1
    assert checked > 200


def test_qr_code_decodes_to_number_record_and_fingerprint(rendered: dict[str, Rendered]) -> None:
    for name in ("ruling", "notice", "scorecard"):
        doc = rendered[name]
        expected = QrPayload(doc.view.kind, doc.view.number, doc.view.record_id, doc.view.fingerprint).text()
        pages = len(pypdf.PdfReader(io.BytesIO(doc.data)).pages)
        found = [code for index in range(pages) for code in decode_qr(doc.data, index)]
        assert found == [expected], name


def test_same_view_gives_the_same_bytes_even_in_another_process(rendered: dict[str, Rendered]) -> None:
    again = documents.render(samples.sample_ruling())
    assert again == rendered["ruling"].data
    code = ("import hashlib,sys; from cdo_desktop.reports import documents, samples; "
            "sys.stdout.write(hashlib.sha256(documents.render(samples.sample_ruling())).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out == hashlib.sha256(again).hexdigest()


def test_a_changed_field_changes_fingerprint_and_bytes() -> None:
    view = samples.sample_notice()
    other = dataclasses.replace(view, record={**view.record, "measure": "criticism"})
    assert other.fingerprint != view.fingerprint
    assert documents.render(other) != documents.render(view)


def test_a_character_the_font_lacks_is_refused_naming_the_character_and_the_field() -> None:
    view = samples.sample_ruling()
    bad = dataclasses.replace(view, findings=(*view.findings[:2], "申请人𠀾主张", *view.findings[3:]))
    with pytest.raises(MissingGlyph) as caught:
        documents.render(bad)
    assert caught.value.char == "𠀾"
    assert caught.value.field == "findings.3"
    assert "𠀾" in caught.value.zh and "findings.3" in caught.value.en


def test_rare_foshan_place_names_are_printable() -> None:
    view = dataclasses.replace(samples.sample_notice(), addressee="顺德区北滘镇人民政府", commissioner="白坭")
    assert "北滘" in _text(Rendered(view, documents.render(view)))
