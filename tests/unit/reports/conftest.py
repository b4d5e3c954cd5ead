"""Fixtures for the document tests: rendered sample documents (no database) and one small demo database."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
import zxingcpp

from cdo_desktop.reports import documents, samples
from cdo_desktop.reports.views import DocumentView


@dataclass
class Rendered:
    view: DocumentView
    data: bytes

    def plumber(self) -> pdfplumber.PDF:
        return pdfplumber.open(io.BytesIO(self.data))


def render_sample(view: DocumentView) -> Rendered:
    return Rendered(view, documents.render(view))


@pytest.fixture(scope="session")
def rendered() -> dict[str, Rendered]:
    views = {
        "ruling": samples.sample_ruling(),
        "notice": samples.sample_notice(),
        "reply": samples.sample_reply("partly_approved"),
        "reply_refused": samples.sample_reply("refused"),
        "scorecard": samples.sample_scorecard(40),
        "ruling40": samples.sample_ruling(40),
    }
    return {name: render_sample(view) for name, view in views.items()}


def decode_qr(data: bytes, page_index: int = -1, scale: float = 3.0) -> list[str]:
    """Render one page to pixels and read every QR code on it."""
    pdf = pypdfium2.PdfDocument(data)
    page = pdf[page_index if page_index >= 0 else len(pdf) + page_index]
    image = page.render(scale=scale).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small deterministic Foshan demo network (rulings, notices, replies) in a data folder."""
    from cdo_desktop.demo.network import generate
    from cdo_desktop.store.migrate import open_database

    data_dir = tmp_path_factory.mktemp("demo")
    db = open_database(data_dir)
    generate(db, scale=40, seed=2026, progress=False, with_accounts=False)
    db.dispose()
    return data_dir
