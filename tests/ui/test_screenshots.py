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
    assert len(pages) == 13  # every page but Administration (the open catalogue, misuse, asset and platform pages included)
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert (image.width() >= 1280 and image.height() >= 800) or "dialog" in path.name
    assert (out / "zh_CN-arbitrator-dialog-ruling-pdf.png").exists()
