"""Signing a desktop in to the bureau (token into the OS keyring) and out again."""

from __future__ import annotations

import uuid

import httpx

from cdo_desktop.store.db import Database
from cdo_desktop.sync import credentials, state
from cdo_desktop.sync.http import BureauHttp, RetryPolicy, ServerRefused, require_secure_url
from cdo_desktop.sync.wire import SignedIn


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

    Raises `http.InsecureServer` for an ``http://`` address of another machine (the password would travel in
    clear) and `credentials.CredentialsUnavailable` when there is no keyring — both before contacting the server —
    or when the keyring did not keep the token (read back after saving; the new token is then revoked).
    """
    require_secure_url(server_url)
    credentials.load_token(server_url, username)  # fail early, before a token is issued, if there is no keyring
    with db.write() as session:
        device_id = state.device_id(session)
    http = BureauHttp(server_url, ca_bundle=ca_bundle, transport=transport, retry=retry)
    try:
        try:
            signed = _sign_in(http, username, password, device_id, device_name)
        except ServerRefused as exc:
            if exc.code != "device_taken":
                raise
            # this desktop's device id is bound to another account (another person signed in here before):
            # take a new one; the bureau keeps each account's answers apart
            with db.write() as session:
                device_id = uuid.uuid4().hex
                state.put(session, state.DEVICE_ID, device_id)
            signed = _sign_in(http, username, password, device_id, device_name)
        credentials.save_token(server_url, username, signed.token)
        if credentials.load_token(server_url, username) != signed.token:
            _revoke_quietly(http, signed.token)
            raise credentials.CredentialsUnavailable("the keyring accepted the token but did not keep it")
    finally:
        http.close()
    with db.write() as session:
        state.put(session, state.SERVER_URL, server_url.rstrip("/"))
        state.put(session, state.USERNAME, username)
        state.put(session, state.COMMISSIONER_ID, str(signed.commissioner_id))
        state.put(session, state.DEPARTMENT_ID, str(signed.department_id))
        state.put(session, state.ROLE, signed.role)
        if ca_bundle:
            state.put(session, state.CA_BUNDLE, ca_bundle)
    return signed


def _sign_in(http: BureauHttp, username: str, password: str, device_id: str, device_name: str) -> SignedIn:
    return SignedIn.model_validate(
        http.call(
            "POST",
            "/v1/auth/sign-in",
            json={"username": username, "password": password, "device_id": device_id, "device_name": device_name[:200]},
        )
    )


def _revoke_quietly(http: BureauHttp, token: str) -> None:
    try:
        http.client.post("/v1/auth/sign-out", headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError:
        pass


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
