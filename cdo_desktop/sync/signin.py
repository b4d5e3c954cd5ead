"""Signing a desktop in to the bureau (token into the OS keyring) and out again."""

from __future__ import annotations

import logging

import httpx

from cdo_desktop.store.db import Database
from cdo_desktop.sync import credentials, state, trust
from cdo_desktop.sync.http import BureauHttp, RetryPolicy
from cdo_desktop.sync.wire import SignedIn

log = logging.getLogger("cdo.signin")


def login(
    db: Database,
    *,
    server_url: str,
    username: str,
    password: str,
    device_name: str = "",
    ca_bundle: str | None = None,
    transport: httpx.BaseTransport | None = None,
    retry: RetryPolicy | None = None,
) -> SignedIn:
    """Sign in with a password; the device token goes to the OS keyring, the address and user to the database.

    Raises `credentials.CredentialsUnavailable` before contacting the server when there is no keyring.
    """
    credentials.load_token(server_url, username)  # fail early, before a token is issued, if there is no keyring
    with db.write() as session:
        device_id = state.device_id(session)
    http = BureauHttp(server_url, ca_bundle=ca_bundle, transport=transport, retry=retry)
    try:
        signed = SignedIn.model_validate(
            http.call(
                "POST",
                "/v1/auth/sign-in",
                json={"username": username, "password": password, "device_id": device_id, "device_name": device_name[:200]},
            )
        )
    finally:
        http.close()
    with db.write() as session:
        pinned_now = trust.pin(session, signed)  # a changed bureau root: refused before the token is kept
    credentials.save_token(server_url, username, signed.token)
    with db.write() as session:
        state.put(session, state.SERVER_URL, server_url.rstrip("/"))
        state.put(session, state.USERNAME, username)
        state.put(session, state.COMMISSIONER_ID, str(signed.commissioner_id))
        state.put(session, state.DEPARTMENT_ID, str(signed.department_id))
        state.put(session, state.ROLE, signed.role)
        if ca_bundle:
            state.put(session, state.CA_BUNDLE, ca_bundle)
    if pinned_now:
        log.info("bureau root pinned at first sign-in: %s", pinned_now)
    return signed


def logout(db: Database, *, transport: httpx.BaseTransport | None = None) -> None:
    """Revoke this device's token on the bureau (best effort) and remove it from the keyring."""
    with db.read() as session:
        url, user = state.get(session, state.SERVER_URL), state.get(session, state.USERNAME)
        ca = state.get(session, state.CA_BUNDLE) or None
    if not url or not user:
        return
    token = credentials.load_token(url, user)
    if token:
        http = BureauHttp(url, token=token, ca_bundle=ca, transport=transport, retry=RetryPolicy(attempts=1))
        try:
            http.call("POST", "/v1/auth/sign-out")
        except Exception:  # offline sign-out still forgets the token locally
            pass
        finally:
            http.close()
    credentials.delete_token(url, user)
