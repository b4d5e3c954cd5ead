"""Rules are cited by name, and an article only when its text was read (citations.VERIFIED_ARTICLES): every
article the product cites — in its code, samples, demo data and test scenarios, and in every sample document as
printed — is in the verified list."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pdfplumber
import pytest

from cdo_desktop.reports import citations, documents, samples

ROOT = Path(__file__).resolve().parents[3]
THIS = Path(__file__).resolve()


def test_articles_are_found_in_both_forms() -> None:
    text = ("依照《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第十条和国务院令第809号第十四条，"
            "并依照《中华人民共和国个人信息保护法》第十三条第一款第（三）项。")
    assert citations.cited_articles(text) == [
        ("《政务信息资源共享管理暂行办法》", "第十条"),
        ("《政务数据共享条例》", "第十四条"),
        ("《中华人民共和国个人信息保护法》", "第十三条第一款第（三）项"),
    ]
    assert citations.unverified_articles(text) == [("《政务信息资源共享管理暂行办法》", "第十条"),
                                                   ("《政务数据共享条例》", "第十四条")]
    assert citations.cited_articles("《政务数据共享条例》（国务院令第809号）") == []  # the instrument alone


def test_cite_names_the_instrument() -> None:
    assert citations.cite("国发〔2016〕51号") == "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）"
    assert citations.cite("佛府办〔2020〕4号") == "《佛山市政务数据资源管理办法（试行）》（佛府办〔2020〕4号）"
    assert citations.cite("某某办法第三条") == "某某办法第三条"  # unknown: as entered, no guessed name


def test_every_article_in_the_code_and_test_data_is_verified() -> None:
    found = {}
    for path in [*sorted((ROOT / "cdo_desktop").rglob("*.py")), *sorted((ROOT / "tests").rglob("*.py"))]:
        if path.resolve() == THIS:
            continue  # this file shows unverified examples on purpose
        unverified = citations.unverified_articles(path.read_text(encoding="utf-8"))
        if unverified:
            found[str(path.relative_to(ROOT))] = unverified
    assert not found, found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_article_printed_in_the_samples_is_verified(lang: str) -> None:
    views = [samples.sample_ruling(), samples.sample_notice(), samples.sample_reply("partly_approved"),
             samples.sample_reply("refused"), samples.sample_scorecard()]
    for view in views:
        data = documents.render(dataclasses.replace(view, lang=lang))
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        assert citations.unverified_articles(text) == [], view.kind
