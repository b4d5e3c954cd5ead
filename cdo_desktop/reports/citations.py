"""Rules cited by name: a rule entered as "国发〔2016〕51号第N条" prints as
"《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第N条". Only the instruments listed here are named; an
unknown citation prints as entered (the arbitrator's words), never with a guessed name.

What the product itself cites (samples, demo network, policy defaults) names an instrument, and an article only
when its text was read and says what the citation uses it for: ``VERIFIED_ARTICLES`` lists those articles with
what was read (docs/documents.md, "Citations"); ``unverified_articles`` finds any other article in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Document number (or decree number) → the instrument's full name. Only instruments whose identity is certain
# (their publication read: docs/documents.md, "Citations").
INSTRUMENTS: dict[str, str] = {
    "国发〔2016〕51号": "《政务信息资源共享管理暂行办法》",
    "国务院令第809号": "《政务数据共享条例》",
    "佛府办〔2020〕4号": "《佛山市政务数据资源管理办法（试行）》",
}
_NAME_TO_NUMBER = {name: number for number, name in INSTRUMENTS.items()}
_NUMBER = re.compile("|".join(re.escape(n) for n in INSTRUMENTS))


@dataclass(frozen=True)
class VerifiedArticle:
    instrument: str  # 《…》
    article: str  # 第十三条第一款第（三）项
    says: str  # what the article says, in short
    read_at: str  # where its text was read


_REGULATION_TEXT = ("github.com/Theonefkguy/Chinese-Laws 行政法规/政务数据共享条例(2025-05-28).md"
                    " @08eb6c2 (from flk.npc.gov.cn)")

VERIFIED_ARTICLES: tuple[VerifiedArticle, ...] = (
    VerifiedArticle("《中华人民共和国个人信息保护法》", "第十三条",
                    "符合所列情形之一的，个人信息处理者方可处理个人信息（处理个人信息的合法性基础）",
                    "abook.qq.com/read/1044618368/19; ahdhf.com/law/twsy/15071.html"),
    VerifiedArticle("《中华人民共和国个人信息保护法》", "第十三条第一款第（三）项", "为履行法定职责或者法定义务所必需",
                    "abook.qq.com/read/1044618368/19; ahdhf.com/law/twsy/15071.html"),
    # 《政务数据共享条例》: the whole text read in issue 11 (docs/domain.md quotes the sentences used)
    VerifiedArticle("《政务数据共享条例》", "第十七条",
                    "职责变化导致目录需要更新的，自变化发生之日起10个工作日内完成更新", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第二十一条",
                    "有条件共享类自收到共享申请之日起10个工作日内作出是否同意共享的答复；不同意的应当说明理由", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第二十二条",
                    "自作出同意共享的答复之日起20个工作日内共享政务数据", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第二十五条",
                    "不得擅自扩大使用范围、用于其他目的或者提供给第三方", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第二十六条",
                    "自收到校核申请之日起10个工作日内予以核实、更正并反馈校核处理结果", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第二十七条",
                    "擅自超范围使用或者提供给第三方的，暂停共享权限、督促限期整改，可以终止共享", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第二十八条",
                    "共享争议协商不成的，向同级政务数据共享主管部门申请协调处理", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第三十九条",
                    "数据提供部门的法律责任（未按时答复、未按时核实更正等）", _REGULATION_TEXT),
    VerifiedArticle("《政务数据共享条例》", "第四十条",
                    "数据需求部门的法律责任（超范围使用、提供给第三方等）", _REGULATION_TEXT),
)
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


REGULATION = "《政务数据共享条例》"


def article(number: str, instrument: str = REGULATION) -> str:
    """A citation of an article whose text was read (``VERIFIED_ARTICLES``): "《政务数据共享条例》第二十一条". Any other
    article raises: the product never cites what it has not read."""
    if (instrument, number) not in _VERIFIED:
        raise ValueError(f"{instrument}{number} is not among the verified articles")
    return f"{instrument}{number}"


def says(number: str, instrument: str = REGULATION) -> str:
    """What a verified article says, in short (for a ruling's list of rules relied on)."""
    for a in VERIFIED_ARTICLES:
        if (a.instrument, a.article) == (instrument, number):
            return a.says
    raise ValueError(f"{instrument}{number} is not among the verified articles")
