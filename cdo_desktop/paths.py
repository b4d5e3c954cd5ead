"""Where the data folder lives by default; standard library and platformdirs only, so the command line and the
window can find it before importing the database stack."""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """``$CDO_DATA_DIR`` or the platform's user data folder."""
    env = os.environ.get("CDO_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("cdo-desktop", "FoshanDataBureau"))
