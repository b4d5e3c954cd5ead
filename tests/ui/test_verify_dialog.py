"""The Verify dialog through its contract: a signed copy is green with its signer, a draft is never a match, a
hostile file is refused with a clear message (no traceback, no 2 GB of memory)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import select

from cdo_desktop.reports import documents
from cdo_desktop.server import keys
from cdo_desktop.server.issuing import Issuer, issue
from cdo_desktop.store import models as m
from cdo_desktop.sync import state as sync_state
from cdo_desktop.sync.trust import ROOT_PEM


def test_verify_dialog_answers(app_state: Any, qtbot: Any, tmp_path: Path) -> None:
    from cdo_desktop.ui.dialogs.verify_dialog import VerifyDialog

    made = keys.init(tmp_path / "bureau", bureau_name="佛山市政务服务数据管理局", passphrase=b"ui-test-pass")
    with app_state.db.write() as session:
        ruling = session.exec(select(m.Ruling)).first()
        assert ruling is not None
        view = documents.load_view(session, "ruling", ruling.number)
        row = issue(session, Issuer.from_keys(made, tmp_path / "blobs"), view=view, record_id=ruling.id)
        sync_state.put(session, ROOT_PEM, made.root_pem.decode("ascii"))  # as pinned at first sign-in
        sha = row.pdf_sha256 or ""
    signed = tmp_path / "signed.pdf"
    signed.write_bytes((tmp_path / "blobs" / sha[:2] / sha).read_bytes())
    draft = tmp_path / "draft.pdf"
    draft.write_bytes(documents.render(view))
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)

    dialog = VerifyDialog(app_state)
    qtbot.addWidget(dialog)
    dialog.verify_file(signed)
    assert "Signature valid" in dialog.answer.text() and "Signed by" in dialog.answer.text()
    assert "#2e7d32" in dialog.answer.styleSheet()
    dialog.verify_file(draft)
    assert "Unsigned" in dialog.answer.text() and "#c62828" in dialog.answer.styleSheet()
    dialog.verify_file(huge)
    assert "larger than 20 MB" in dialog.answer.text()
