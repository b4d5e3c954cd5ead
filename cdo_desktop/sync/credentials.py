"""The device token in the OS keyring only (never a file, the database or a log).

Keyring service ``cdo-desktop``; the keyring user is ``USERNAME@SERVER-URL``. Without a usable backend the error
says what to install; there is no plaintext fallback.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

SERVICE = "cdo-desktop"

INSTALL_HINT_ZH = (
    "找不到系统密钥环，无法安全保存登录令牌。Windows 与 macOS 自带密钥环；Linux（UOS、麒麟等）请安装并解锁"
    " gnome-keyring 或 KWallet（例如 apt install gnome-keyring），然后重新登录。"
)
INSTALL_HINT_EN = (
    "No OS keyring is available to keep the sign-in token safely. Windows and macOS have one built in; on Linux"
    " (UOS, Kylin, …) install and unlock a Secret Service provider such as gnome-keyring or KWallet"
    " (e.g. `apt install gnome-keyring`), then sign in again. CDO Desktop never stores the token in plain text."
)


class CredentialsUnavailable(RuntimeError):
    """No keyring backend, or the keyring refused: the user must install or unlock one."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"{INSTALL_HINT_ZH} / {INSTALL_HINT_EN}" + (f" ({detail})" if detail else ""))
        self.zh = INSTALL_HINT_ZH
        self.en = INSTALL_HINT_EN


def keyring_user(server_url: str, username: str) -> str:
    return f"{username}@{server_url.rstrip('/')}"


def _backend_usable() -> None:
    backend = keyring.get_keyring()
    name = (type(backend).__module__ + "." + type(backend).__name__).lower()
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        raise CredentialsUnavailable(name)
    if "plaintext" in name or name.startswith("keyrings.alt.file"):
        raise CredentialsUnavailable(f"refusing plaintext backend {name}")


def save_token(server_url: str, username: str, token: str) -> None:
    _backend_usable()
    try:
        keyring.set_password(SERVICE, keyring_user(server_url, username), token)
    except NoKeyringError as exc:
        raise CredentialsUnavailable(str(exc)) from None
    except KeyringError as exc:
        raise CredentialsUnavailable(str(exc)) from None


def load_token(server_url: str, username: str) -> str | None:
    """The stored token, or None when this user never signed in here (or it was deleted)."""
    _backend_usable()
    try:
        return keyring.get_password(SERVICE, keyring_user(server_url, username))
    except NoKeyringError as exc:
        raise CredentialsUnavailable(str(exc)) from None
    except KeyringError as exc:
        raise CredentialsUnavailable(str(exc)) from None


def delete_token(server_url: str, username: str) -> None:
    try:
        keyring.delete_password(SERVICE, keyring_user(server_url, username))
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise CredentialsUnavailable(str(exc)) from None
