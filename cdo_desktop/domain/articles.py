"""The articles the product cites, each with what its text says and where it was read (docs/documents.md,
"Citations"). Pure data: the documents (reports/citations.py) and the demo network cite only these, and only for what
they say."""

from __future__ import annotations

from dataclasses import dataclass


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
