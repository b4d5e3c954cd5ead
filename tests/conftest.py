"""Shared fixtures: a fresh migrated database in a temporary data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Documents print with the bundled faces in tests: the same bytes whatever fonts this machine has installed.
os.environ.setdefault("CDO_DOCUMENT_FONTS", "bundled")
# Parsed faces are cached in a folder of this run, not in the user's cache (reports/font_cache.py).
if "CDO_FONT_CACHE" not in os.environ:
    import tempfile

    os.environ["CDO_FONT_CACHE"] = tempfile.mkdtemp(prefix="cdo-test-font-cache-")
