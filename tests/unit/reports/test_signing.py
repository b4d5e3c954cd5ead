"""Signing and verifying without a server: the fingerprint covers the whole view (fields added later too), a signed
copy verifies in `cdo verify` from the bureau's data folder, and hostile files are refused in bounded memory."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cdo_desktop.cli import main
from cdo_desktop.reports import documents, samples, signing
from cdo_desktop.reports.views import RulingView, view_to_dict
from cdo_desktop.server import keys
from cdo_desktop.server.issuing import Issuer, issue
from cdo_desktop.store.migrate import open_database

PASS = b"unit-test-pass"


def test_the_fingerprint_covers_every_field_of_the_view_even_new_ones() -> None:
    view = samples.sample_ruling()
    base = view.fingerprint
    for name in [f.name for f in dataclasses.fields(view) if f.name not in ("record",)]:
        value = getattr(view, name)
        if isinstance(value, str):
            assert dataclasses.replace(view, **{name: value + "改"}).fingerprint != base, name

    @dataclasses.dataclass(frozen=True)
    class LaterRulingView(RulingView):  # a field a colleague adds later is covered without a list to update
        appendix: str = ""

    later = LaterRulingView(**{f.name: getattr(view, f.name) for f in dataclasses.fields(view)})
    assert dataclasses.replace(later, appendix="附件一").fingerprint != later.fingerprint


def test_keys_are_private_and_need_the_passphrase(tmp_path: Path) -> None:
    made = keys.init(tmp_path, bureau_name="测试局", passphrase=PASS)
    for name in (keys.SIGNING_KEY, keys.ROOT_KEY, keys.CHECKPOINT_KEY):
        assert stat.S_IMODE(os.stat(tmp_path / "signing" / name).st_mode) == 0o600
    assert b"ENCRYPTED" in (tmp_path / "signing" / keys.SIGNING_KEY).read_bytes()
    with pytest.raises(keys.SigningKeyError):
        keys.load(tmp_path, passphrase=b"wrong-passphrase")
    with pytest.raises(keys.SigningKeyError):
        keys.init(tmp_path, bureau_name="测试局", passphrase=PASS)  # never silently replaced
    assert keys.load(tmp_path, passphrase=PASS).root_fingerprint == made.root_fingerprint


def test_a_real_ca_certificate_can_be_imported(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import (
        BestAvailableEncryption,
        load_pem_private_key,
        pkcs12,
    )
    from cryptography.x509 import load_pem_x509_certificate

    ca = keys.init(tmp_path / "ca", bureau_name="某CA", passphrase=PASS)
    p12 = pkcs12.serialize_key_and_certificates(
        b"doc", load_pem_private_key((tmp_path / "ca/signing/signing-key.pem").read_bytes(), PASS),
        load_pem_x509_certificate(ca.signing_cert_pem), [load_pem_x509_certificate(ca.root_pem)],
        BestAvailableEncryption(b"p12-pass"))
    (tmp_path / "doc.p12").write_bytes(p12)
    imported = keys.import_p12(tmp_path / "bureau", tmp_path / "doc.p12", p12_password=b"p12-pass", passphrase=PASS)
    assert imported.root_fingerprint == ca.root_fingerprint
    signer = signing.DocumentSigner(cert_pem=imported.signing_cert_pem, key=imported.signing_key,
                                    chain_pem=imported.chain_pem, root_pem=imported.root_pem)
    data = documents.render_signed(samples.sample_notice(), signer)
    assert signing.check_signature(data, ca.root_pem).state is signing.SignatureState.VALID


def test_cdo_verify_on_the_bureau_data_folder(demo_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from sqlmodel import select

    from cdo_desktop.store import models as m

    data = tmp_path / "bureau"
    shutil.copytree(demo_dir, data)
    bureau_keys = keys.init(data, bureau_name="佛山市政务服务数据管理局", passphrase=PASS)
    issuer = Issuer.from_keys(bureau_keys, data / "blobs")
    db = open_database(data)
    with db.write() as session:
        ruling = session.exec(select(m.Ruling)).first()
        assert ruling is not None
        view = documents.load_view(session, "ruling", ruling.number)
        row = issue(session, issuer, view=view, record_id=ruling.id)
        number, sha = ruling.number, row.pdf_sha256
    db.dispose()
    out = tmp_path / "ruling.pdf"
    assert main(["--data-dir", str(data), "pdf", "ruling", number, "-o", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["signed"] and printed["sha256"] == sha  # `cdo pdf` hands out the issued signed copy
    assert main(["--data-dir", str(data), "verify", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "signed_match" and "电子文书签章" in result["signer"]
    draft = tmp_path / "draft.pdf"
    draft.write_bytes(documents.render(view))
    assert main(["--data-dir", str(data), "verify", str(draft), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "unsigned"


_CHILD = textwrap.dedent("""
    import base64, json, resource, sys, zlib
    from pathlib import Path
    from cdo_desktop.reports import documents, samples
    from cdo_desktop.reports.verify import DocumentRefused, verify_pdf
    from cdo_desktop.store.migrate import open_database

    folder = Path(sys.argv[1])
    db = open_database(folder)
    normal = folder / "normal.pdf"
    normal.write_bytes(documents.render(samples.sample_ruling()))
    with db.read() as session:
        verify_pdf(session, normal)  # warm: fonts, pyHanko imported
    squeeze = zlib.compressobj(9)
    zeros = b"\\0" * (1 << 20)
    bomb = b"".join(squeeze.compress(zeros) for _ in range(1400)) + squeeze.flush()  # 1.4 GB inflated
    text = base64.b64encode(bomb)
    data = normal.read_bytes()
    start = data.index(b"/CDORecord (") + len(b"/CDORecord (")
    end = data.index(b")", start)
    (folder / "bomb.pdf").write_bytes(data[:start] + text + data[end:])
    big = folder / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024)
    del bomb, text, data
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    refused = []
    for path in (folder / "bomb.pdf", big):
        try:
            with db.read() as session:
                verify_pdf(session, path)
        except DocumentRefused as exc:
            refused.append(exc.en)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"growth_kb": after - before, "refused": refused,
                      "bomb_bytes": (folder / "bomb.pdf").stat().st_size}))
""")


def test_a_zlib_bomb_and_an_oversized_file_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    main(["--data-dir", str(tmp_path), "init"])
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path)], capture_output=True, text=True, check=False,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["bomb_bytes"] < 3 * 1024 * 1024
    assert len(report["refused"]) == 2, report
    assert "decompressed" in report["refused"][0] and "larger than 20 MB" in report["refused"][1]
    assert report["growth_kb"] < 40 * 1024, report  # peak RSS grows by far less than the 1.4 GB the bomb holds


def test_verify_refuses_more_than_the_cap_with_its_own_message() -> None:
    from cdo_desktop.reports.verify import MAX_SNAPSHOT_BYTES, DocumentRefused, read_snapshot

    snapshot = {"v": 1, "kind": "ruling", "view": view_to_dict(samples.sample_ruling()), "pad": "x" * MAX_SNAPSHOT_BYTES}
    from cdo_desktop.reports.fingerprint import encode_snapshot

    pdf = b"%PDF-1.4\n1 0 obj << /CDORecord (" + encode_snapshot(snapshot).encode() + b") >> endobj\n"
    with pytest.raises(DocumentRefused):
        read_snapshot(pdf)


def test_snapshots_are_inflated_only_by_the_capped_reader() -> None:
    """The one place the product inflates compressed data is `verify.read_snapshot` (capped at 2 MB): no
    uncapped ``zlib.decompress`` / ``gzip`` read of a snapshot anywhere in the package (the old
    ``fingerprint.decode_snapshot`` was one, and is gone)."""
    import ast

    import cdo_desktop
    from cdo_desktop.reports import fingerprint

    assert not hasattr(fingerprint, "decode_snapshot")
    package = Path(cdo_desktop.__file__).parent
    inflating: list[str] = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("decompress", "decompressobj"):
                owner = node.value
                name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
                inflating.append(f"{path.relative_to(package)}:{name}.{node.attr}")
            elif isinstance(node, ast.alias) and node.name in ("gzip", "bz2", "lzma"):
                inflating.append(f"{path.relative_to(package)}:import {node.name}")
    assert sorted(inflating) == ["reports/verify.py:inflater.decompress", "reports/verify.py:zlib.decompressobj"], \
        inflating
