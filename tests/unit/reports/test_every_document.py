"""Every document the demo network generates, read back and measured against GB/T 9704 (tests/unit/reports/
pagecheck.py): the signature page has body text, 版记 position and rule widths, issuer centred over the date, no
orphan or widow, no split date/number/article, metadata; plus the checks themselves failing on a bad page."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
import stat
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from sqlmodel import Session, select

from cdo_desktop.reports import compose, documents, fonts, page, samples
from cdo_desktop.reports.fingerprint import QrPayload
from cdo_desktop.store import models as m
from cdo_desktop.store.migrate import open_database
from tests.unit.reports import pagecheck
from tests.unit.reports.conftest import decode_qr


@pytest.fixture(scope="module")
def demo_documents(demo_dir: Path) -> list[tuple[str, str, object, bytes]]:
    db = open_database(demo_dir)
    out = []
    with Session(db.writer) as session:
        numbers = [("ruling", r.number) for r in session.exec(select(m.Ruling))]
        numbers += [("notice", r.number) for r in session.exec(select(m.AccountabilityRecord))]
        numbers += [("reply", r.number) for r in session.exec(
            select(m.SharingRequest).where(m.SharingRequest.reply_number != ""))]
        for kind, number in numbers:
            view = documents.load_view(session, kind, number)
            out.append((kind, number, view, documents.render(view)))
    db.dispose()
    return out


def test_every_demo_document_holds_the_gbt_9704_page(demo_documents: list) -> None:
    kinds = {kind for kind, *_ in demo_documents}
    assert kinds == {"ruling", "notice", "reply"}
    refused = [v for kind, _, v, _ in demo_documents if kind == "reply" and v.state == "refused"]
    assert refused, "the demo has refused replies (once the worst case for a lone signature)"
    failures = {}
    for kind, number, view, data in demo_documents:
        shown = getattr(view, "reply_number", "") or view.number
        problems = pagecheck.check_document(data, issuer=view.issuer, issued_on=view.issued_on, number=shown,
                                            imprint=kind != "reply")
        if problems:
            failures[f"{kind} {number}"] = problems
    assert not failures, failures


def test_a_reply_is_authored_and_numbered_by_its_provider(demo_documents: list) -> None:
    replies = [(v, data) for kind, _, v, data in demo_documents if kind == "reply"]
    numbers = {v.reply_number for v, _ in replies}
    assert len(numbers) == len(replies) and all("复〔" in n for n in numbers)
    for view, data in replies:
        assert view.issuer == view.provider != "佛山市政务服务数据管理局"
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
            assert pdf.metadata["Author"] == view.provider
        assert view.reply_number in text and f"{view.request_number}答复" not in text
        if view.state != "approved":
            assert f"自收到本答复之日起{view.dispute_days}个工作日内" in text  # the remedy and its period
        assert "申请所附依据" not in text  # the requester's basis is not the provider's


def test_a_reply_gives_the_reason_of_the_answer_not_of_a_later_revocation(demo_dir: Path) -> None:
    """A request answered in part and later revoked: its reply still prints the answer's reason (the revocation's
    reason overwrote the request's ``reason`` column)."""
    import json

    db = open_database(demo_dir)
    checked = 0
    with Session(db.writer) as session:
        for req in session.exec(select(m.SharingRequest).where(m.SharingRequest.reply_number != "")):
            answer = session.exec(select(m.AuditEntry).where(m.AuditEntry.entity_id == str(req.id)).where(
                m.AuditEntry.kind.in_(("request.approve", "request.approve_partly", "request.refuse")))).first()
            assert answer is not None
            said = json.loads(answer.payload).get("reason", "")
            view = documents.load_view(session, "reply", req.number)
            assert view.reason == said, req.number
            if said != req.reason:
                checked += 1
                with pdfplumber.open(io.BytesIO(documents.render(view))) as pdf:
                    text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
                assert req.reason not in text and said.rstrip("。") in text
    db.dispose()
    assert checked, "the demo has a reply whose request was later revoked or suspended"


def test_demo_findings_print_dates_the_chinese_way(demo_documents: list) -> None:
    for kind, _, view, data in demo_documents:
        if kind != "ruling":
            continue
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        assert not pagecheck_iso(text), view.number
        assert "首席数据官：" in text  # each party's CDO by the role really held


def pagecheck_iso(text: str) -> list[str]:
    import re

    return re.findall(r"\d{4}-\d{2}-\d{2}", text)


def test_notices_name_facts_rule_defence_and_contact_and_copy_no_complainant(demo_documents: list) -> None:
    notices = [(v, data) for kind, _, v, data in demo_documents if kind == "notice"]
    assert notices
    for view, data in notices:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        assert view.facts and any(re.search(r"〔2026〕\d+号", f) for f in view.facts)  # facts name records
        assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text) and not pagecheck_iso(text)
        assert view.rule and view.rule[:20] in text
        assert "申辩" in text and "联系人：" in text
        assert view.cc == ()


MAX_FOOT_HOLE = 1.5  # body lines, glyph to edge: one blank line at most, as orphan control leaves (measured ~1.3)


def test_no_page_of_a_demo_document_ends_in_a_hole(demo_dir: Path, demo_documents: list) -> None:
    """Keep-with-next (a heading with its first lines, the signature with the last body lines) must not leave
    empty lines at a page's foot: the spacing is adjusted instead. Every demo ruling, notice, reply and asset
    certificate, in Chinese and in English."""
    db = open_database(demo_dir)
    documents_ = [(kind, number, data) for kind, number, _, data in demo_documents]
    with Session(db.writer) as session:
        for kind, number, _, _ in demo_documents:
            documents_.append((kind, f"{number} en", documents.render(documents.load_view(session, kind, number,
                                                                                         lang="en"))))
        for asset in session.exec(select(m.DataAsset).where(m.DataAsset.number != "")):
            for lang in ("zh", "en"):
                view = documents.load_view(session, "certificate", asset.number, lang=lang)
                documents_.append(("certificate", f"{asset.number} {lang}", documents.render(view)))
    db.dispose()
    assert any(kind == "certificate" for kind, *_ in documents_)
    holes = {}
    for kind, number, data in documents_:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            worst = max(pagecheck.foot_holes(pdf), default=0.0)
        if worst > MAX_FOOT_HOLE:
            holes[f"{kind} {number}"] = round(worst, 1)
    assert not holes, holes


def test_every_article_cited_in_the_demo_documents_was_read(demo_documents: list) -> None:
    from cdo_desktop.reports import citations

    for kind, number, _, data in demo_documents:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        assert citations.unverified_articles(text) == [], f"{kind} {number}"


def test_the_checks_fail_on_a_bad_page(monkeypatch: pytest.MonkeyPatch) -> None:
    view = samples.sample_notice()
    good = documents.render(view)
    assert pagecheck.check_document(good, issuer=view.issuer, issued_on=view.issued_on, number=view.number,
                                    imprint=True) == []
    monkeypatch.setattr(page, "RULE_LIGHT", 1.5)
    original = compose.Signature.positions
    monkeypatch.setattr(compose.Signature, "positions", lambda self: (0.0, *original(self)[1:]))
    bad = documents.render(view)
    problems = pagecheck.check_document(bad, issuer=view.issuer, issued_on=view.issued_on, number=view.number,
                                        imprint=True)
    assert any("rule widths" in p for p in problems) and any("issuer centred" in p for p in problems), problems
    assert pagecheck.metadata_problems(good, author="someone else", issued_on=view.issued_on, title_part="x")


def test_punctuation_sits_the_mainland_way_in_every_face() -> None:
    for name in fonts.ROLES:
        face = fonts.register(name)
        font = TTFont(str(face.path))
        cmap, glyf, upem = font.getBestCmap(), font["glyf"], font["head"].unitsPerEm
        for ch in "。，、":
            glyph = glyf[cmap[ord(ch)]]
            glyph.recalcBounds(glyf)
            assert glyph.xMax < 0.5 * upem and glyph.yMax < 0.35 * upem, (name, ch, glyph.xMin, glyph.yMax)


def test_faces_by_role_and_what_the_doctor_says() -> None:
    assert page.BODY.font == fonts.FANGSONG and page.TITLE.font == fonts.TITLE
    assert page.HEADING_1.font == fonts.HEI and page.HEADING_2.font == fonts.KAI
    lines = fonts.describe("zh")
    assert len(lines) == len(fonts.ROLES) and any(line.startswith("正文（仿宋）") for line in lines)
    assert all("内置替代字体" in line for line in lines)  # CDO_DOCUMENT_FONTS=bundled in tests
    assert fonts.describe("en")[0].startswith("Body (FangSong)")


def test_an_official_font_found_by_fontconfig_is_preferred(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    role = fonts.ROLES[fonts.KAI]
    monkeypatch.setattr(fonts, "_fontconfig", lambda family: Path(fonts.FONT_DIR / "cdo-kai.ttf")
                        if family == role.families[0] else None)
    monkeypatch.setattr(fonts, "_windows_registry", lambda: {})
    assert fonts.find_system_font(role) == fonts.FONT_DIR / "cdo-kai.ttf"
    assert fonts.find_system_font(fonts.ROLES[fonts.TITLE]) is None


def test_written_files_have_the_users_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notice.pdf"
    documents.write_pdf(documents.render(samples.sample_notice()), target)
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_qr_carries_the_bureau_verification_link() -> None:
    import dataclasses

    view = dataclasses.replace(samples.sample_notice(), verify_base="https://bureau.example")
    data = documents.render(view)
    codes = [c for i in range(len(pdfplumber.open(io.BytesIO(data)).pages)) for c in decode_qr(data, i)]
    assert codes == [f"https://bureau.example/verify/{view.fingerprint}?k=notice&n=%E4%BD%9B%E6%95%B0%E9%97%AE%E3%80%942026%E3%80%953%E5%8F%B7&r={view.record_id}"]
    parsed = QrPayload.parse(codes[0])
    assert (parsed.kind, parsed.number, parsed.record_id, parsed.fingerprint) == (
        "notice", view.number, view.record_id, view.fingerprint)


@pytest.mark.parametrize("name", ["ruling", "notice", "reply", "refused"])
def test_the_english_rendering_is_complete_and_holds_the_page(name: str) -> None:
    import dataclasses

    view = {"ruling": samples.sample_ruling(), "notice": samples.sample_notice(), "reply": samples.sample_reply(),
            "refused": samples.sample_reply("refused")}[name]
    english = dataclasses.replace(view, lang="en")
    data = documents.render(english)
    shown = getattr(view, "reply_number", "") or view.number
    assert pagecheck.check_document(data, issuer=view.issuer, issued_on=view.issued_on, number=shown,
                                    imprint=name in ("ruling", "notice"), lang="en") == []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join(p.extract_text() or "" for p in pdf.pages).replace("\n", " ")
    expected = {
        "ruling": ["Ruling on a Government Data Sharing", "arises from sharing request", "Claims and defence", "On claim 1", "Claim 1 is upheld",
                   "by 20 March 2026 inclusive", "Review and service", "Copy to:"],
        "notice": ["Accountability Notice", "Facts", "Ground and rule", "Right to answer", "by 3 April 2026 inclusive",
                   "Contact:"],
        "reply": ["Reply to a Government Data Sharing", "approved in part", "Conditions of use", "Remedy",
                  "within 15 working days"],
        "refused": ["Sharing is refused", "Remedy", "within 15 working days"],
    }[name]
    for phrase in expected:
        assert phrase in text, phrase
    for template in ("本争议源于", "本局认为", "救济途径", "问责事实", "申辩权利", "复核与送达", "答复意见", "印发"):
        assert template not in text, template  # no Chinese template wording left in the English rendering
    assert documents.render(english) == data  # reproducible like the original


def test_the_origin_of_every_demo_ruling_reads_in_english(demo_documents: list) -> None:
    from cdo_desktop.reports import ruling

    rulings = [view for kind, _number, view, _data in demo_documents if kind == "ruling" and view.origin]
    assert rulings
    for view in rulings:
        english = ruling.en_origin_text(view.origin)
        assert english.startswith("This dispute arises from "), english
        assert not any(word in english for word in ("本争议源于", "申请共享", "答复期限", "提出异议", "理由为")), english


@pytest.mark.parametrize(("origin", "expected"), [
    ("本争议源于共享申请X1：甲局于2026年5月3日申请共享乙局的“人口信息”数据资源（资源代码：C1，有条件共享），"
     "答复期限为2026年5月17日，提供部门至争议提出时未予答复。",
     "This dispute arises from sharing request X1: on 3 May 2026 甲局 asked 乙局 to share the data resource "
     "\u201c人口信息\u201d (code C1, conditional sharing); the provider's answer was due on 17 May 2026 and had not "
     "been given when the dispute was raised."),
    ("本争议源于共享申请X1：甲局于2026年5月3日申请共享乙局的“人口信息”数据资源（资源代码：C1，不予共享），"
     "提供部门于2026年5月8日答复“不予同意”，理由为：涉及国家秘密。",
     "This dispute arises from sharing request X1: on 3 May 2026 甲局 asked 乙局 to share the data resource "
     "\u201c人口信息\u201d (code C1, not shared); on 8 May 2026 the provider answered \u201crefused\u201d, giving as its "
     "reason: 涉及国家秘密."),
    ("本争议源于数据异议Y2：甲局于2026年6月1日对乙局的“人口信息”数据提出异议：姓名有误。",
     "This dispute arises from data objection Y2: on 1 June 2026 甲局 objected to the data \u201c人口信息\u201d of "
     "乙局: 姓名有误."),
    ("由双方自行协商。", "由双方自行协商。"),  # written by hand: printed as recorded
])
def test_the_origin_templates_read_in_english(origin: str, expected: str) -> None:
    from cdo_desktop.reports import ruling

    assert ruling.en_origin_text(origin) == expected


def test_the_course_of_every_demo_ruling_agrees_with_the_records_dates(demo_dir: Path) -> None:
    """Filing and acceptance print on the dates the dispute records (a timestamp read in the wrong zone put them a
    day late)."""
    db = open_database(demo_dir)
    checked = 0
    with Session(db.writer) as session:
        for row in session.exec(select(m.Ruling)):
            dispute = session.get(m.Dispute, row.dispute_id)
            assert dispute is not None
            view = documents.load_view(session, "ruling", row.number)
            printed = {event.text: event.on for event in view.course}
            filed = [on for text, on in printed.items() if text.endswith("提出仲裁申请")]
            accepted = [on for text, on in printed.items() if text == "本局受理仲裁申请"]
            assert filed == [dispute.filed_on], (row.number, printed)
            assert accepted == [dispute.accepted_on], (row.number, printed)
            checked += 1
    db.dispose()
    assert checked


@pytest.mark.parametrize("minute", [0, 420, 479])  # 09:00, 16:00 and 16:59 Beijing time
def test_demo_instants_read_back_on_their_beijing_day(tmp_path: Path, minute: int) -> None:
    """The demo's clock gives instants as UTC, like every other clock of the product, so that a timestamp stored in
    SQLite (which keeps no zone) and read back as UTC — as the documents' builders read it — falls on the same
    Beijing day as the record's dates (a Beijing wall time after 16:00 read as UTC printed the next day)."""
    import sqlalchemy as sa

    from cdo_desktop.demo.network import CHINA, _Generator

    day = dt.date(2026, 4, 20)
    instant = _Generator.at(None, day, minute)  # type: ignore[arg-type]
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'clock.sqlite3'}")
    table = sa.Table("clock", sa.MetaData(), sa.Column("at", sa.DateTime(timezone=True)))
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(table.insert().values(at=instant))
        stored = connection.execute(sa.select(table.c.at)).scalar_one()
    engine.dispose()
    assert stored.replace(tzinfo=dt.UTC).astimezone(CHINA).date() == day


def test_demo_reports_use_after_expiry_only_once_the_period_ended(demo_dir: Path) -> None:
    """The demo files "授权终止后继续使用" only after the grant's period of use ended (and marks grants expired only
    after their period), so no notice prints an impossible misuse finding as a fact."""
    db = open_database(demo_dir)
    with Session(db.writer) as session:
        reports = session.exec(select(m.MisuseReport).where(m.MisuseReport.kind == "after_expiry")).all()
        assert reports, "the demo exercises use after expiry"
        for report in reports:
            req = session.get(m.SharingRequest, report.request_id)
            assert req is not None and report.reported_on > req.period_end, report.number
        for req in session.exec(select(m.SharingRequest).where(m.SharingRequest.state == "expired")):
            assert req.period_end < dt.date(2026, 11, 21), req.number
    db.dispose()


def _text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")


def test_every_demo_ruling_and_notice_cites_a_verified_article(demo_documents: list) -> None:
    """Rulings and notices rest on the regulation's articles that support them (reports/citations.py
    VERIFIED_ARTICLES), not on an instrument named without an article."""
    from cdo_desktop.reports import citations

    verified = {(a.instrument, a.article) for a in citations.VERIFIED_ARTICLES}
    checked = {"ruling": 0, "notice": 0}
    for kind, number, view, data in demo_documents:
        if kind not in checked:
            continue
        cited = set(citations.cited_articles(_text_of(data)))
        assert cited & verified, f"{kind} {number} cites no verified article"
        if kind == "ruling":
            rules = set(citations.cited_articles("".join(view.rules)))
            assert rules and rules <= verified, f"{number}: rules relied on {view.rules}"
            # what each ruling decides: a refusal of conditional data rests on 第二十一条, every dispute on 第二十八条
            assert ("《政务数据共享条例》", "第二十八条") in rules, number
            if view.dispute_kind == "拒绝共享":
                assert ("《政务数据共享条例》", "第二十一条") in rules, number
        checked[kind] += 1
    assert all(checked.values()), checked


def test_demo_ruling_reasoning_agrees_with_the_reply(demo_dir: Path) -> None:
    """A ruling never says the respondent gave no reason or basis when its reply gave them; it answers the reason."""
    db = open_database(demo_dir)
    seen = 0
    with Session(db.writer) as session:
        for ruling in session.exec(select(m.Ruling)):
            dispute = session.get(m.Dispute, ruling.dispute_id)
            assert dispute is not None
            req = session.get(m.SharingRequest, dispute.request_id) if dispute.request_id else None
            if req is None or not req.reason:
                continue
            claims = session.exec(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute.id)).all()
            text = ruling.reasoning + "".join(c.reasoning or "" for c in claims)
            for denial in ("未能说明", "未说明不予共享", "未说明理由", "没有说明", "未提供依据", "未能提供"):
                assert denial not in text, (ruling.number, denial)
            if dispute.kind == "refusal":
                assert req.reason.rstrip("。") in text and (not req.refusal_basis or req.refusal_basis in text)
            seen += 1
    db.dispose()
    assert seen


def _serial(number: str) -> tuple[str, int]:
    match = re.fullmatch(r"(.+)〔(\d{4})〕(\d+)号", number)
    assert match, number
    return f"{match.group(1)}〔{match.group(2)}〕", int(match.group(3))


def test_demo_documents_fall_on_working_days_and_are_numbered_in_date_order(demo_dir: Path) -> None:
    """Offices issue on working days of the official calendar (no Sunday notice, none in the National Day holiday),
    and a registry numbers what it issues day by day: each kind's (and each provider's) numbers rise with dates."""
    from cdo_desktop.services.context import load_calendar

    db = open_database(demo_dir)
    with Session(db.writer) as session:
        calendar = load_calendar(session)
        dated = {
            "ruling": [(r.number, r.issued_on) for r in session.exec(select(m.Ruling))],
            "notice": [(r.number, r.created_on) for r in session.exec(select(m.AccountabilityRecord))],
            "reply": [(r.reply_number, r.answered_on) for r in session.exec(
                select(m.SharingRequest).where(m.SharingRequest.reply_number != ""))],
            "request": [(r.number, r.created_on) for r in session.exec(select(m.SharingRequest))],
            "dispute": [(r.number, r.filed_on) for r in session.exec(select(m.Dispute))],
            "misuse": [(r.number, r.reported_on) for r in session.exec(select(m.MisuseReport))],
            "objection": [(r.number, r.raised_on) for r in session.exec(select(m.QualityObjection))],
        }
        accepted = [d.accepted_on for d in session.exec(select(m.Dispute)) if d.accepted_on]
        found = [r.found_on for r in session.exec(select(m.MisuseReport)) if r.found_on]
    db.dispose()
    for kind in ("ruling", "notice", "reply"):
        assert dated[kind], kind
        off = [(n, d.isoformat()) for n, d in dated[kind] if not calendar.is_workday(d)]
        assert not off, (kind, off)
    assert accepted and found and all(calendar.is_workday(d) for d in accepted + found)
    for kind, rows in dated.items():
        series: dict[str, list[tuple[int, dt.date, str]]] = {}
        for number, day in rows:
            assert day is not None, number
            prefix, serial = _serial(number)
            series.setdefault(prefix, []).append((serial, day, number))
        for items in series.values():
            items.sort()
            late = [(a[2], a[1].isoformat(), b[2], b[1].isoformat()) for a, b in itertools.pairwise(items) if b[1] < a[1]]
            assert not late, (kind, late)


def test_demo_misuse_notices_set_a_rectification_time_limit(demo_documents: list) -> None:
    """第二十七条: a misuse suspends the sharing rights and rectification runs within a time limit, counted from the
    bureau's decision on the defence; the notice neither says only "立即整改" nor threatens the suspension it imposes."""
    suspended = [(v, data) for kind, _, v, data in demo_documents if kind == "notice" and v.measure == "暂停共享权限"]
    assert suspended, "the demo holds a misuse notice"
    for view, data in suspended:
        text = _text_of(data)
        assert view.rectification_days and "立即整改" not in text, view.number
        assert f"{view.rectification_days}个工作日内" in text and "作出维持或者变更决定" in text, view.number
        assert "第二十七条" in text and "将依照有关规定暂停你单位" not in text, view.number
        assert "暂停" not in view.report_requirement, view.number  # the report covers rectification, not the measure
