"""``--screenshot``: every page a role may open is rendered to a PNG of at least 1280×800."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.ui.qt import QImage


def test_screenshots_of_every_page_for_a_role(qapp: Any, data_dir: Path, tmp_path: Path) -> None:
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.screenshots import take_all

    out = tmp_path / "shots"
    try:
        assert take_all(qapp, data_dir=data_dir, out=out, langs=("zh_CN",), roles=("arbitrator",)) == 0
    finally:
        i18n.install("zh_CN")
    pages = sorted(p.name for p in out.glob("zh_CN-arbitrator-*.png") if "dialog" not in p.name
                   and "case-view" not in p.name)
    assert (out / "zh_CN-arbitrator-case-view.png").exists()
    # every page but Administration (the open catalogue, misuse, asset and platform pages included), and the
    # rulings page's orders and accountability tabs
    assert len(pages) == 13 + 2
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert (image.width() >= 1280 and image.height() >= 800) or "dialog" in path.name
    assert (out / "zh_CN-arbitrator-dialog-ruling-pdf.png").exists()


def test_every_navigation_page_and_tab_of_every_role_is_shot(qapp: Any, data_dir: Path, tmp_path: Path,
                                                               settings: Any) -> None:
    """Every page the navigation offers each role (and every tab of a tabbed page) is in the set, with the
    first-run page, the case view and the confirm-and-sign preview."""
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.app import build_window, open_local
    from cdo_desktop.ui.main_window import NAVIGATION
    from cdo_desktop.ui.qt import Qt
    from cdo_desktop.ui.screenshots import ROLES, shot_names, take_all
    from cdo_desktop.ui.state import AppState

    out = tmp_path / "shots"
    try:
        assert take_all(qapp, data_dir=data_dir, out=out, langs=("en",)) == 0
    finally:
        i18n.install("zh_CN")
    written = {p.stem for p in out.glob("*.png")}
    db = open_local(data_dir)
    window = build_window(AppState(db, data_dir), settings, demo=True)
    try:
        for role in ROLES:
            window.select_role(role)
            offered = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())
                       if not window.nav.item(i).isHidden()]
            assert len(offered) >= len(NAVIGATION) - 1  # every page, Administration for the admin only
            for key in offered:
                tabs = getattr(window.pages[key], "tabs", None)
                for stem in shot_names(key, tabs.count() if tabs is not None else 1):
                    assert f"en-{role}-{stem}" in written, f"{role}: no screenshot of {stem}"
        for key in ("open_catalogue", "misuse", "assets", "platforms", "rulings-accountability"):
            assert f"en-a-{key}" in written
        for extra in ("en-a-first-run", "en-arbitrator-case-view", "en-arbitrator-dialog-confirm-issue"):
            assert extra in written
    finally:
        window.close()
        db.dispose()
