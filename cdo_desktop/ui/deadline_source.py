"""Where each deadline the app shows comes from, said the same way in every view (issue #11, point 3).

A policy deadline is sourced by the article of 《政务数据共享条例》 it applies, provincial practice, the bureau's own
setting (a value the bureau changed in the policy page, with the clause it entered) or this product's default. A
deadline a document set is sourced by that document: the ruling whose order it is, the accountability notice, the
update cycle the catalogue lists for the resource. The app shows the source after the date: "2026-06-24 — 依据：
《政务数据共享条例》第二十一条". The source is the policy in force now; a due date stored earlier was counted under the
policy of its day (the bureau's changes are audited).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from cdo_desktop.domain.policy import DEFAULT_DEADLINES, REGULATION, DeadlineKind, is_superseded_seed
from cdo_desktop.ui.i18n import is_english
from cdo_desktop.ui.qt import QCoreApplication

_ARTICLE = re.compile(re.escape(REGULATION) + "第([一二三四五六七八九十]+)条")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


def chinese_number(text: str) -> int:
    """一 … 九十九 (the article numbers of a regulation of 44 articles)."""
    if "十" not in text:
        return _DIGITS[text]
    tens, _, units = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def clause_text(clause: str) -> str:
    """The clause as the reader's language says it: the regulation's article in English is "art. 21"."""
    match = _ARTICLE.fullmatch(clause.strip())
    if match is None or not is_english():
        return clause
    text = QCoreApplication.translate("DeadlineSource",
                                      "Regulation on Government Data Sharing (State Council Decree No. 809), art. %d")
    return text % chinese_number(match.group(1))


def policy_source(policy: Any, kind: DeadlineKind) -> str:
    """The source of a policy deadline: the regulation's article, provincial practice, the bureau's setting or the
    product's default."""
    default = DEFAULT_DEADLINES[kind]
    deadline = policy.deadlines.get(kind, default) if policy is not None else default
    if deadline.product_default:
        return QCoreApplication.translate("DeadlineSource", "product default")
    if is_superseded_seed(deadline):  # what an earlier release seeded: its clause, not a choice of the bureau
        return clause_text(deadline.clause)
    if (deadline.days, deadline.clause.strip()) != (default.days, default.clause):
        return QCoreApplication.translate("DeadlineSource", "bureau setting: %s") % clause_text(deadline.clause)
    return clause_text(deadline.clause)


def policy_brief(policy: Any, kind: DeadlineKind) -> str:
    """A short label of a policy deadline's source for a list cell (the full source is its tooltip)."""
    default = DEFAULT_DEADLINES[kind]
    deadline = policy.deadlines.get(kind, default) if policy is not None else default
    if deadline.product_default:
        return QCoreApplication.translate("DeadlineSource", "default")
    if not is_superseded_seed(deadline) and (deadline.days, deadline.clause.strip()) != (default.days, default.clause):
        return QCoreApplication.translate("DeadlineSource", "bureau")
    match = _ARTICLE.fullmatch(deadline.clause.strip())
    if match is not None:
        return QCoreApplication.translate("DeadlineSource", "Reg. art. %d") % chinese_number(match.group(1))
    number = _DOC_NUMBER.search(deadline.clause)
    if number is not None:
        return number.group(0)
    return QCoreApplication.translate("DeadlineSource", "practice")


def brief_order() -> str:
    return QCoreApplication.translate("DeadlineSource", "ruling")


def brief_notice() -> str:
    return QCoreApplication.translate("DeadlineSource", "notice")


def with_brief(text: str, brief: str) -> str:
    """A list cell: the due date (and countdown) with the short label of its source."""
    return QCoreApplication.translate("DeadlineSource", "%s · %s") % (text, brief)


def order_source(ruling_number: str) -> str:
    return QCoreApplication.translate("DeadlineSource", "ruling %s") % ruling_number


def notice_source(number: str) -> str:
    return QCoreApplication.translate("DeadlineSource", "accountability notice %s") % number


def cycle_source() -> str:
    return QCoreApplication.translate("DeadlineSource", "update cycle in the catalogue")


def with_source(when: Any, source: str) -> str:
    """The due date (or its countdown text) followed by its source."""
    text = when.isoformat() if isinstance(when, dt.date) else str(when)
    return QCoreApplication.translate("DeadlineSource", "%s — source: %s") % (text, source)


def source_marker() -> str:
    """What every "date — source" text carries after the date (for tests and screen readers)."""
    return QCoreApplication.translate("DeadlineSource", "%s — source: %s").split("%s")[1]
