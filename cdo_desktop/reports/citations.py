"""Rules cited by name: a rule entered as "国发〔2016〕51号第九条" prints as
"《政务信息资源共享管理暂行办法》（国发〔2016〕51号）第九条". Only the instruments listed here are named; an
unknown citation prints as entered (the arbitrator's words), never with a guessed name."""

from __future__ import annotations

import re

# Document number (or decree number) → the instrument's full name. Only instruments whose identity is certain.
INSTRUMENTS: dict[str, str] = {
    "国发〔2016〕51号": "《政务信息资源共享管理暂行办法》",
    "国务院令第809号": "《政务数据共享条例》",
}
_NAME_TO_NUMBER = {name: number for number, name in INSTRUMENTS.items()}
_NUMBER = re.compile("|".join(re.escape(n) for n in INSTRUMENTS))


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
