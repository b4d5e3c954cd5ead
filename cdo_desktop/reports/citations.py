"""Rules cited by name: a rule entered as "国发〔2016〕51号第N条" prints as
"《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第N条". Only the instruments listed here are named; an
unknown citation prints as entered (the arbitrator's words), never with a guessed name.

What the product itself cites (samples, demo network, policy defaults) names an instrument, and an article only
when its text was read and says what the citation uses it for: ``VERIFIED_ARTICLES`` lists those articles with
what was read (docs/documents.md, "Citations"); ``unverified_articles`` finds any other article in a text."""

from __future__ import annotations

import re

from cdo_desktop.domain.articles import VERIFIED_ARTICLES, VerifiedArticle, article, says

# Document number (or decree number) → the instrument's full name. Only instruments whose identity is certain
# (their publication read: docs/documents.md, "Citations").
INSTRUMENTS: dict[str, str] = {
    "国发〔2016〕51号": "《政务信息资源共享管理暂行办法》",
    "国务院令第809号": "《政务数据共享条例》",
    "佛府办〔2020〕4号": "《佛山市政务数据资源管理办法（试行）》",
}
_NAME_TO_NUMBER = {name: number for number, name in INSTRUMENTS.items()}
_NUMBER = re.compile("|".join(re.escape(n) for n in INSTRUMENTS))


__all__ = ["INSTRUMENTS", "VERIFIED_ARTICLES", "VerifiedArticle", "article", "cite", "cited_articles", "says",
           "unverified_articles"]
_VERIFIED = {(a.instrument, a.article) for a in VERIFIED_ARTICLES}

_CN_NUM = "〇零一二三四五六七八九十百千0-9"
_ARTICLE = rf"(?:第[{_CN_NUM}]+条)(?:第[{_CN_NUM}]+款)?(?:第（?[{_CN_NUM}]+）?项)?"
_CITED = re.compile(
    rf"(《[^《》]+》)(?:（[^（）]*）)?({_ARTICLE})"
    rf"|({'|'.join(re.escape(n) for n in INSTRUMENTS)})(?:）)?({_ARTICLE})"
)


def cite(rule: str) -> str:
    """The rule with the instrument named before its number, as official documents cite: 《名称》（文号）第N条."""
    text = rule.strip().rstrip("。；;")
    match = _NUMBER.search(text)
    if match is None:
        return text
    number = match.group(0)
    name = INSTRUMENTS[number]
    if name in text:  # already named: make sure the number is in brackets after the name, nothing else
        return text
    before, after = text[: match.start()], text[match.end():]
    before = before.rstrip("（(")
    after = after.lstrip("）)")
    return f"{before}{name}（{number}）{after}"


def cited_articles(text: str) -> list[tuple[str, str]]:
    """Every (instrument, article) cited in ``text``: 《名称》（文号）第N条…, or 文号第N条 (named from INSTRUMENTS)."""
    out = []
    for match in _CITED.finditer(text):
        if match.group(1):
            out.append((match.group(1), match.group(2)))
        else:
            out.append((INSTRUMENTS[match.group(3)], match.group(4)))
    return out


def unverified_articles(text: str) -> list[tuple[str, str]]:
    """The cited articles of ``text`` whose text was not read here (not in ``VERIFIED_ARTICLES``)."""
    return [cited for cited in cited_articles(text) if cited not in _VERIFIED]

