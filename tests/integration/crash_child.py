"""Child process of the crash test: download everything again from the bureau, page by page, until killed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cdo_desktop.store.db import Database
from cdo_desktop.sync.client import SyncClient


def main() -> None:
    db = Database.for_data_dir(Path(sys.argv[1]))
    rows = int(sys.argv[3])
    client = SyncClient(db, server_url=sys.argv[2], token=os.environ["CDO_TEST_TOKEN"], page_rows=rows,
                        full_download_rows=rows)
    if sys.argv[4] == "reset":
        client.reset("")  # restart from nothing: the reset itself is a crash point too
    print("ready", flush=True)
    client.pull()
    print("done", flush=True)


if __name__ == "__main__":
    main()
