"""PAdES signing and validation of issued documents: every pyHanko call of the product lives here.

`sign_pdf` appends a PAdES (ETSI.CAdES.detached) signature as an incremental update, with the signature widget
over the seal drawn on the page; `check_signature` validates offline against one pinned root certificate and
reports intact / trusted / whole file covered, the signer and the signing time, plus the signed revision's bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives import serialization

log = logging.getLogger("cdo.signing")

FIELD_NAME = "CDOSeal"


class SignatureState(StrEnum):
    NONE = "none"  # no signature in the file
    INVALID = "invalid"  # broken digest or signature, or not issued under the pinned root
    MODIFIED = "modified"  # the signed revision is intact and trusted, but bytes were appended after it
    VALID = "valid"  # intact, trusted, and the signature covers the whole file


@dataclass(frozen=True)
class SignatureCheck:
    state: SignatureState
    signer: str = ""
    signing_time: dt.datetime | None = None
    detail: str = ""
    signed_revision: bytes = b""  # the bytes the signature covers (the issued file), empty unless intact


@dataclass(frozen=True)
class SealBox:
    """Where the seal sits: page index (0-based) and the box in PDF points."""

    page: int
    box: tuple[float, float, float, float]


def _pyhanko_signer(cert_pem: bytes, key: Any, chain_pem: bytes, root_pem: bytes) -> Any:
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    cert = next(iter(load_certs_from_pemder_data(cert_pem)))
    others = list(load_certs_from_pemder_data(chain_pem)) if chain_pem.strip() else []
    others += list(load_certs_from_pemder_data(root_pem))
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=load_private_key_from_pemder_data(key_pem, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs(others),
    )


class DocumentSigner:
    """The bureau's document signer, built once from its unlocked key (signing many documents reuses it)."""

    def __init__(self, *, cert_pem: bytes, key: Any, chain_pem: bytes, root_pem: bytes) -> None:
        self._signer = _pyhanko_signer(cert_pem, key, chain_pem, root_pem)
        self.root_pem = root_pem

    @property
    def subject(self) -> str:
        return str(self._signer.signing_cert.subject.human_friendly)

    def sign(self, data: bytes, *, seal: SealBox | None, reason: str, location: str = "佛山") -> bytes:
        """``data`` with a PAdES signature appended (the original bytes stay the signed revision's prefix)."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko.stamp import TextStampStyle

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        spec = fields.SigFieldSpec(FIELD_NAME, on_page=seal.page if seal else 0,
                                   box=seal.box if seal else None)
        fields.append_signature_field(writer, spec)
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES, reason=reason, location=location,
            md_algorithm="sha256",
        )
        # the seal itself is vector art in the page content (drawn before signing); the widget over it carries a
        # transparent appearance so viewers show the signature panel when it is clicked
        style = TextStampStyle(stamp_text="", border_width=0, background=None)
        pdf_signer = signers.PdfSigner(meta, signer=self._signer, stamp_style=style)
        out = pdf_signer.sign_pdf(writer, bytes_reserved=16384)  # reserved: skips pyHanko's dry-run size estimate
        return bytes(out.getvalue())


def _load_root(root_pem: bytes) -> Any:
    from pyhanko.keys import load_certs_from_pemder_data

    return next(iter(load_certs_from_pemder_data(root_pem)))


def validation_context(root_pem: bytes) -> Any:
    """Offline validation against exactly one trust root: no fetching, no system trust store."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[_load_root(root_pem)], allow_fetching=False, revocation_mode="soft-fail")


def embedded_signatures(data: bytes) -> list[Any]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return list(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)


def pyhanko_status(data: bytes, root_pem: bytes) -> Any:
    """pyHanko's own verdict (`PdfSignatureStatus`) on the file's first signature; None when it has none."""
    from pyhanko.sign.validation import validate_pdf_signature

    sigs = embedded_signatures(data)
    return validate_pdf_signature(sigs[0], validation_context(root_pem)) if sigs else None


def _looks_signed(data: bytes) -> bool:
    return b"/ByteRange" in data or b"/Type /Sig" in data or b"/Type/Sig" in data


def check_signature(data: bytes, root_pem: bytes | None) -> SignatureCheck:
    """Validate the file's PAdES signature offline against ``root_pem`` (None: no root pinned here)."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        sigs = embedded_signatures(data)
    except Exception as exc:  # a file that no longer parses: a signed one was damaged, an unsigned one is unknown
        if _looks_signed(data):
            return SignatureCheck(SignatureState.INVALID, detail=f"PDF 结构损坏 / damaged PDF: {exc}"[:300])
        return SignatureCheck(SignatureState.NONE, detail=str(exc)[:300])
    if not sigs:
        if _looks_signed(data):
            return SignatureCheck(SignatureState.INVALID, detail="签名字段无法读取 / the signature cannot be read")
        return SignatureCheck(SignatureState.NONE)
    sig = sigs[0]
    try:
        signer = str(sig.signer_cert.subject.human_friendly)
    except Exception:
        signer = ""
    if root_pem is None:
        return SignatureCheck(SignatureState.INVALID, signer=signer,
                              detail="本机未固定政数局根证书 / no bureau root certificate is pinned here")
    try:
        status = validate_pdf_signature(sig, validation_context(root_pem))
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        return SignatureCheck(SignatureState.INVALID, signer=signer, detail=str(exc)[:300])
    except Exception as exc:  # pyHanko raises assorted errors on hostile input; all mean "not a valid signature"
        log.info("signature validation failed: %r", exc)
        return SignatureCheck(SignatureState.INVALID, signer=signer, detail=str(exc)[:300])
    when = status.signer_reported_dt
    if not (status.intact and status.valid):
        return SignatureCheck(SignatureState.INVALID, signer=signer, signing_time=when,
                              detail="签名与文件内容不符 / the signature does not match the file's content")
    if not status.trusted:
        return SignatureCheck(SignatureState.INVALID, signer=signer, signing_time=when,
                              detail="签名证书不是由固定的政数局根证书签发 / not issued under the pinned bureau root")
    start, _length_a, offset_b, length_b = (int(v) for v in sig.byte_range)
    revision = data[: offset_b + length_b] if start == 0 else b""
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(SignatureState.VALID, signer=signer, signing_time=when, signed_revision=revision)
    if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        return SignatureCheck(SignatureState.MODIFIED, signer=signer, signing_time=when, signed_revision=revision,
                              detail="签章后文件被追加修改 / content was appended after signing")
    return SignatureCheck(SignatureState.INVALID, signer=signer, signing_time=when,
                          detail="签名未覆盖完整文件 / the signature does not cover the file")
