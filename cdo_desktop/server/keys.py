"""The bureau's keys in its data folder: root certificate, document-signing certificate, checkpoint key.

``DATA/signing/`` holds ``root-cert.pem`` (the certificate desktops pin), ``root-key.pem`` (only when the bureau
made its own root with ``cdo admin signing init``), ``signing-cert.pem`` + ``signing-key.pem`` (signs issued PDFs),
``chain.pem`` (intermediates of an imported certificate) and ``checkpoint-key.pem`` (Ed25519, signs audit
checkpoints). Private keys are PEM encrypted with the bureau's passphrase and written with mode 0600.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ENV_PASSPHRASE = "CDO_SIGNING_PASSPHRASE"
FOLDER = "signing"
ROOT_CERT = "root-cert.pem"
ROOT_KEY = "root-key.pem"
SIGNING_CERT = "signing-cert.pem"
SIGNING_KEY = "signing-key.pem"
CHAIN = "chain.pem"
CHECKPOINT_KEY = "checkpoint-key.pem"
CHECKPOINT_PUBLIC = "checkpoint-key.pub"  # hex of the Ed25519 public key: `cdo audit verify` needs no passphrase


class SigningKeyError(Exception):
    """A key-store problem the operator can fix (message in zh / en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class BureauKeys:
    """The unlocked keys the server signs with."""

    root_pem: bytes
    signing_cert_pem: bytes
    signing_key: ec.EllipticCurvePrivateKey | object  # any key type cryptography loads (an imported RSA key …)
    chain_pem: bytes
    checkpoint_key: ed25519.Ed25519PrivateKey

    @property
    def root_fingerprint(self) -> str:
        return cert_fingerprint(self.root_pem)

    @property
    def checkpoint_public(self) -> str:
        raw = self.checkpoint_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return raw.hex()


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def exists(data_dir: Path) -> bool:
    return (folder(data_dir) / SIGNING_KEY).exists()


def cert_fingerprint(pem: bytes) -> str:
    """SHA-256 of the certificate's DER, grouped ``AB:CD:…`` as certificate viewers show it."""
    der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def _write(path: Path, data: bytes, *, secret: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if secret else 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o600 if secret else 0o644)
    os.replace(tmp, path)


def _key_pem(key: object, passphrase: bytes) -> bytes:
    return key.private_bytes(  # type: ignore[attr-defined, no-any-return]
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase),
    )


def _name(common: str, org: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ])


def _check_passphrase(passphrase: bytes) -> None:
    if len(passphrase) < 8:
        raise SigningKeyError("口令至少 8 个字符", "The passphrase needs at least 8 characters")


def init(data_dir: Path, *, bureau_name: str, passphrase: bytes, years: int = 10, force: bool = False) -> BureauKeys:
    """Create the bureau root (self-signed CA), a document-signing certificate under it and the checkpoint key."""
    _check_passphrase(passphrase)
    target = folder(data_dir)
    if exists(data_dir) and not force:
        raise SigningKeyError(f"{target} 已有签章密钥；更换请见 docs/trust.md（--force 覆盖）",
                        f"{target} already holds signing keys; see docs/trust.md to rotate (--force overwrites)")
    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(f"{bureau_name} 根证书", bureau_name)
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name).issuer_name(root_name)
        .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=365 * years + 5))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    doc_key = ec.generate_private_key(ec.SECP256R1())
    doc = (
        x509.CertificateBuilder()
        .subject_name(_name(f"{bureau_name} 电子文书签章", bureau_name)).issuer_name(root_name)
        .public_key(doc_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=365 * min(years, 3)))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(doc_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    _write(target / ROOT_CERT, root.public_bytes(pem), secret=False)
    _write(target / ROOT_KEY, _key_pem(root_key, passphrase), secret=True)
    _write(target / SIGNING_CERT, doc.public_bytes(pem), secret=False)
    _write(target / SIGNING_KEY, _key_pem(doc_key, passphrase), secret=True)
    _write(target / CHAIN, b"", secret=False)
    _ensure_checkpoint_key(target, passphrase, replace=True)
    return load(data_dir, passphrase=passphrase)


def _ensure_checkpoint_key(target: Path, passphrase: bytes, *, replace: bool = False) -> None:
    path = target / CHECKPOINT_KEY
    if replace or not path.exists():
        key = ed25519.Ed25519PrivateKey.generate()
        _write(path, _key_pem(key, passphrase), secret=True)
        public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        _write(target / CHECKPOINT_PUBLIC, public.hex().encode("ascii"), secret=False)


def import_p12(data_dir: Path, p12: Path, *, p12_password: bytes | None, passphrase: bytes) -> BureauKeys:
    """Take a document-signing certificate (and its chain up to the root) from a real CA's PKCS#12 file."""
    _check_passphrase(passphrase)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(Path(p12).read_bytes(), p12_password)
    except (OSError, ValueError) as exc:
        raise SigningKeyError(f"无法读取 {p12}：{exc}", f"Cannot read {p12}: {exc}") from None
    if key is None or cert is None:
        raise SigningKeyError(f"{p12} 中没有私钥和证书", f"{p12} holds no private key and certificate")
    roots = [c for c in extra if c.issuer == c.subject]
    if cert.issuer == cert.subject:
        roots.append(cert)
    if not roots:
        raise SigningKeyError(f"{p12} 未包含根证书（证书链需到根）", f"{p12} does not include the root certificate of its chain")
    pem = serialization.Encoding.PEM
    target = folder(data_dir)
    _write(target / ROOT_CERT, roots[0].public_bytes(pem), secret=False)
    (target / ROOT_KEY).unlink(missing_ok=True)
    _write(target / SIGNING_CERT, cert.public_bytes(pem), secret=False)
    _write(target / SIGNING_KEY, _key_pem(key, passphrase), secret=True)
    chain = b"".join(c.public_bytes(pem) for c in extra if c.issuer != c.subject)
    _write(target / CHAIN, chain, secret=False)
    _ensure_checkpoint_key(target, passphrase)
    return load(data_dir, passphrase=passphrase)


def load(data_dir: Path, *, passphrase: bytes) -> BureauKeys:
    """Unlock the keys (`SigningKeyError` with a clear message on a wrong passphrase or a missing file)."""
    target = folder(data_dir)
    try:
        signing_key = serialization.load_pem_private_key((target / SIGNING_KEY).read_bytes(), passphrase)
        checkpoint = serialization.load_pem_private_key((target / CHECKPOINT_KEY).read_bytes(), passphrase)
        root = (target / ROOT_CERT).read_bytes()
        cert = (target / SIGNING_CERT).read_bytes()
        chain = (target / CHAIN).read_bytes() if (target / CHAIN).exists() else b""
    except FileNotFoundError as exc:
        raise SigningKeyError(f"签章密钥文件缺失：{exc.filename}", f"A signing key file is missing: {exc.filename}") from None
    except (ValueError, TypeError):
        raise SigningKeyError("签章密钥口令不正确", "Wrong passphrase for the signing keys") from None
    assert isinstance(checkpoint, ed25519.Ed25519PrivateKey)
    return BureauKeys(root_pem=root, signing_cert_pem=cert, signing_key=signing_key, chain_pem=chain,
                      checkpoint_key=checkpoint)


def passphrase_from_env() -> bytes | None:
    value = os.environ.get(ENV_PASSPHRASE)
    return value.encode("utf-8") if value else None


def load_configured(data_dir: Path) -> BureauKeys | None:
    """The keys for `cdo serve`: None when the bureau has none; `SigningKeyError` when keys exist but cannot be unlocked."""
    if not exists(data_dir):
        return None
    passphrase = passphrase_from_env()
    if passphrase is None:
        raise SigningKeyError(f"签章密钥需要口令：请设置环境变量 {ENV_PASSPHRASE}",
                        f"The signing keys need their passphrase: set {ENV_PASSPHRASE}")
    return load(data_dir, passphrase=passphrase)
