"""`run_with_progress`: an operation that ends before the progress loop starts still hands over its outcome (a
failure raised at once used to vanish as if cancelled: the sign-in dialog then showed no reason at all)."""

from __future__ import annotations

from typing import Any

import pytest

from cdo_desktop.ui.dialogs import busy


@pytest.fixture
def finished_before_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every operation has ended (its outcome posted, not yet delivered) before `run_with_progress` looks."""
    from cdo_desktop.ui.qt import QThreadPool

    real = busy.run_in_background

    def run_then_wait(*args: Any, **kwargs: Any) -> Any:
        op = real(*args, **kwargs)
        QThreadPool.globalInstance().waitForDone(10_000)
        assert op.done
        return op

    monkeypatch.setattr(busy, "run_in_background", run_then_wait)


def test_a_failure_raised_at_once_is_raised_to_the_caller(qapp: Any, finished_before_the_loop: None) -> None:
    def refuse(_progress: Any) -> Any:
        raise ValueError("请使用 https:// 连接政数局服务器")

    with pytest.raises(ValueError, match="https://"):
        busy.run_with_progress(None, "signing in", refuse, report=False)


def test_a_result_ready_at_once_is_returned(qapp: Any, finished_before_the_loop: None) -> None:
    assert busy.run_with_progress(None, "counting", lambda _progress: 42) == 42
