"""``--screenshot DIR``: render every page for every demo role and language to PNG (≥1280×800), then exit."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

SIZE = (1366, 860)
ROLES = ("a", "b", "arbitrator", "admin")
LANGS = ("zh_CN", "en")


# the tabs of a page by what they hold (file names stay the same whatever the UI language)
TAB_NAMES = {"rulings": ("rulings", "orders", "accountability"),
             "admin": ("policy", "holidays", "departments", "accounts")}


def tab_slug(key: str, index: int) -> str:
    names = TAB_NAMES.get(key, ())
    return names[index] if index < len(names) else f"tab{index + 1}"


def shot_names(key: str, tabs: int) -> list[str]:
    """The file stems (after ``lang-role-``) of a page with ``tabs`` tabs: the page, then each further tab."""
    return [key] + [f"{key}-{tab_slug(key, i)}" for i in range(1, tabs)]


def _settle(app: Any, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait(app: Any, seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _select_first(page: Any) -> None:
    view = getattr(page, "view", None)
    if view is not None and page.model.rowCount():
        view.selectRow(0)
    tabs = getattr(page, "tabs", None)
    if tabs is not None:
        for i in range(tabs.count()):
            _select_first(tabs.widget(i))


def _dialogs(app: Any, window: Any, role: str, out: Path, prefix: str) -> list[Path]:
    """A few dialogs worth seeing: the new-request form, the ruling editor, a ruling's PDF preview."""
    from cdo_desktop.ui import queries

    shots: list[Path] = []
    dialog: Any = None
    state = window.state
    if role == "a":
        from cdo_desktop.ui.dialogs.first_run import FirstRunDialog

        first = FirstRunDialog(window)
        first.show()
        _settle(app)
        path = out / f"{prefix}-first-run.png"
        first.grab().save(str(path))
        shots.append(path)
        first.close()
        from cdo_desktop.ui.dialogs.request_dialog import RequestDialog

        dialog = RequestDialog(state, window)
        dialog.resource.setCurrentIndex(min(1, dialog.resource.count() - 1))
        name = "dialog-new-request"
    elif role == "arbitrator":
        from sqlalchemy import select

        from cdo_desktop.store import models as m

        with state.read() as session:
            open_case = session.execute(select(m.Dispute.id).where(m.Dispute.state.in_(["accepted", "hearing"]))
                                        ).scalars().first()
            ruling = session.execute(select(m.Ruling.number).order_by(m.Ruling.issued_on)).scalars().first()
        if open_case is not None:
            from cdo_desktop.ui.dialogs.ruling_editor import RulingEditor

            dialog = RulingEditor(state, open_case, window)
            from cdo_desktop.ui.qt import QCoreApplication

            action = QCoreApplication.translate("RulingEditor", "Provide the requested data items within the deadline")
            dialog.orders.add_order(None, action, 10)
            name = "dialog-ruling-editor"
            shots += _case_and_draft(app, window, open_case, out, prefix)
        if ruling is not None:
            from cdo_desktop.reports import documents
            from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview

            with state.read() as session:
                data = documents.render(documents.load_view(session, "ruling", ruling))
            preview = PdfPreview(data, f"{documents.safe_filename(ruling)}.pdf", window)
            preview.resize(1280, 900)
            preview.show()
            _wait(app, 2.0)  # QPdfView renders pages on a worker thread
            path = out / f"{prefix}-dialog-ruling-pdf.png"
            preview.grab().save(str(path))
            shots.append(path)
            preview.close()
        del queries
    if dialog is not None:
        if name == "dialog-ruling-editor":  # as on a 1366-px screen (the offscreen screen is 800 × 600)
            dialog.resize(1320, SIZE[1])
        else:
            dialog.resize(max(dialog.sizeHint().width(), 760), max(dialog.sizeHint().height(), 520))
        dialog.show()
        _settle(app)
        path = out / f"{prefix}-{name}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()
    return shots


def _case_and_draft(app: Any, window: Any, dispute_id: Any, out: Path, prefix: str) -> list[Path]:
    """The case view of a dispute that grows from a request, and the draft ruling shown before it is issued."""
    import uuid

    from cdo_desktop.store import models as m
    from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview
    from cdo_desktop.ui.issuing import draft_document
    from cdo_desktop.ui.qt import QCoreApplication, QRect

    shots: list[Path] = []
    state = window.state
    from sqlalchemy import select

    with state.read() as session:
        dispute = session.get(m.Dispute, dispute_id)
        positions = list(session.execute(select(m.DisputeClaim.position).where(
            m.DisputeClaim.dispute_id == dispute_id).order_by(m.DisputeClaim.position)).scalars())
    window.show_page("disputes")
    window.pages["disputes"].open_number(dispute.number)
    _wait(app, 1.0)
    path = out / f"{prefix}-case-view.png"
    window.grab().save(str(path))
    shots.append(path)
    payload = {"ruling_id": str(uuid.uuid4()), "arbitrator_ids": [str(state.actor.id)],
               "findings": [QCoreApplication.translate("Screenshots", "The providing department did not answer within the deadline.")],
               "reasoning": QCoreApplication.translate("Screenshots", "The request named its purpose and legal basis; the refusal gave none."),
               "rules_relied_on": [],
               "claim_decisions": [{"position": p, "decision": "upheld", "reasoning": QCoreApplication.translate(
                   "Screenshots", "The request named its purpose and legal basis; the refusal gave none.")}
                   for p in positions],
               "orders": [{"addressee_department_id": str(dispute.respondent_department_id),
                           "action": QCoreApplication.translate("RulingEditor", "Provide the requested data items within the deadline"),
                           "deadline_days": 10, "claim_position": positions[0] if positions else 1}]}
    data = draft_document(state, "dispute.rule", dispute_id, payload, base_revision=dispute.revision)
    preview = PdfPreview(data, "draft.pdf", window, confirm=True)
    preview.setWindowTitle(QCoreApplication.translate("Issuing", "Draft — read before issuing"))
    preview.fit_to_screen(QRect(0, 0, SIZE[0], SIZE[1]))
    preview.show()
    _wait(app, 2.0)
    path = out / f"{prefix}-dialog-confirm-issue.png"
    preview.grab().save(str(path))
    shots.append(path)
    preview.close()
    return shots


def take_all(app: Any, *, data_dir: Path, out: Path, scale: int = 300, langs: tuple[str, ...] = LANGS,
             roles: tuple[str, ...] = ROLES) -> int:
    """Render the window for each language × role × page into ``out``; returns the process exit code."""
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.app import build_window, demo_ready, open_local
    from cdo_desktop.ui.qt import QSettings
    from cdo_desktop.ui.settings import Settings
    from cdo_desktop.ui.state import AppState

    out.mkdir(parents=True, exist_ok=True)
    db = open_local(data_dir)
    if not demo_ready(db):
        from cdo_desktop.demo.network import generate

        print(f"generating the demo network in {data_dir} …", file=sys.stderr)
        generate(db, scale=scale)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            i18n.install(lang)
            for role in roles:
                settings = Settings(QSettings(str(Path(tmp) / f"{lang}-{role}.ini"), QSettings.Format.IniFormat))
                state = AppState(db, data_dir)
                window = build_window(state, settings, demo=True)
                window.resize(*SIZE)
                window.show()
                window.select_role(role)
                for key, page in window.pages.items():
                    window.show_page(key)
                    if window.current_page_key() != key:
                        continue  # not offered to this role
                    _settle(app)
                    _select_first(page)
                    _settle(app)
                    path = out / f"{lang}-{role}-{key}.png"
                    window.grab().save(str(path))
                    written.append(path)
                    tabs = getattr(page, "tabs", None)
                    for i in range(1, tabs.count() if tabs is not None else 0):  # each tab is a page of its own
                        tabs.setCurrentIndex(i)
                        _settle(app)
                        path = out / f"{lang}-{role}-{key}-{tab_slug(key, i)}.png"
                        window.grab().save(str(path))
                        written.append(path)
                    if tabs is not None:
                        tabs.setCurrentIndex(0)
                written += _dialogs(app, window, role, out, f"{lang}-{role}")
                window.close()
                window.deleteLater()
                _settle(app)
    print(f"{len(written)} screenshots in {out}", file=sys.stderr)
    db.dispose()
    return 0
