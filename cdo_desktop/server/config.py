"""Settings of the bureau server: where its data lives and the limits it enforces."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cdo_desktop.store.db import sqlite_url

ENV_DATA_DIR = "CDO_SERVER_DATA_DIR"
ENV_DATABASE_URL = "CDO_DATABASE_URL"
ENV_FORWARDED_ALLOW_IPS = "CDO_FORWARDED_ALLOW_IPS"


@dataclass(frozen=True)
class ServerConfig:
    data_dir: Path
    database_url: str | None = None
    max_blob_bytes: int = 25 * 1024 * 1024
    max_body_bytes: int = 32 * 1024 * 1024
    signin_window_s: int = 900
    signin_account_failures: int = 5
    signin_account_delay_s: int = 15
    signin_address_failures: int = 30
    signin_address_delay_s: int = 2
    signin_block_s: int = 300  # the longest an account waits
    # proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (comma-separated addresses or networks);
    # empty: none, the peer's own address is the client's
    forwarded_allow_ips: str = ""
    retry_after_full_s: int = 60  # Retry-After when the disk or the database is full

    @property
    def url(self) -> str:
        return self.database_url or sqlite_url(self.data_dir)

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @classmethod
    def from_env(cls) -> ServerConfig:
        """The settings handed to uvicorn workers (a factory cannot take arguments)."""
        data_dir = Path(os.environ[ENV_DATA_DIR])
        return cls(
            data_dir=data_dir, database_url=os.environ.get(ENV_DATABASE_URL) or None,
            forwarded_allow_ips=os.environ.get(ENV_FORWARDED_ALLOW_IPS, ""),
        )
