"""Benchmark of trust: what PAdES signing adds to issuing a ruling, `verify` of a signed ruling in-process, and the
audit replay of a demo network (time and peak memory).

Run: ``python tests/bench/bench_trust.py [DATA_DIR]`` — DATA_DIR: a demo network for the replay (e.g. the
100,000-request one made by ``cdo demo-data --scale 100000 --data-dir DIR``); without it only the first two run.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cdo_desktop.cli import main as cdo
from cdo_desktop.reports import documents, samples
from cdo_desktop.reports.signing import DocumentSigner
from cdo_desktop.reports.verify import verify_bytes
from cdo_desktop.server import keys
from cdo_desktop.store.migrate import open_database


def _median_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    fn()
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def signing_and_verify(repeat: int = 15) -> list[dict[str, object]]:
    folder = Path(tempfile.mkdtemp(prefix="cdo-bench-trust-"))
    made = keys.init(folder, bureau_name="佛山市政务服务数据管理局", passphrase=b"bench-passphrase")
    signer = DocumentSigner(cert_pem=made.signing_cert_pem, key=made.signing_key, chain_pem=made.chain_pem,
                            root_pem=made.root_pem)
    view = samples.sample_ruling()
    draft = documents.render(view)
    render_ms = _median_ms(lambda: documents.render(view), repeat)
    issue_ms = _median_ms(lambda: documents.render_signed(view, signer), repeat)
    sign_ms = _median_ms(lambda: signer.sign(draft, seal=None, reason="bench"), repeat)
    # verify: a ruling of a small demo network, issued (signed) into its database, checked the full way
    from sqlmodel import select

    from cdo_desktop.demo.network import generate
    from cdo_desktop.server.issuing import Issuer, issue
    from cdo_desktop.store import models as m

    db = open_database(folder / "bureau")
    generate(db, scale=40, seed=2026, progress=False, with_accounts=False)
    with db.write() as session:
        ruling = session.exec(select(m.Ruling)).first()
        assert ruling is not None
        issued_view = documents.load_view(session, "ruling", ruling.number)
        row = issue(session, Issuer.from_keys(made, folder / "blobs"), view=issued_view, record_id=ruling.id)
        sha = row.pdf_sha256 or ""
    signed = (folder / "blobs" / sha[:2] / sha).read_bytes()
    with db.read() as session:
        verify_ms = _median_ms(lambda: verify_bytes(session, signed, root_pem=made.root_pem), repeat)
        status = verify_bytes(session, signed, root_pem=made.root_pem).status
    db.dispose()
    return [
        {"name": "ruling render, unsigned draft (median, warm)", "value": round(render_ms, 1), "unit": "ms"},
        {"name": "ruling render with seal + PAdES signature (median, warm)", "value": round(issue_ms, 1), "unit": "ms"},
        {"name": "signing step alone (pyHanko, ECDSA P-256; median, warm)", "value": round(sign_ms, 1), "unit": "ms",
         "bound": "<= 50 ms"},
        {"name": f"verify a signed ruling in-process (median, warm; status {status})", "value": round(verify_ms, 1),
         "unit": "ms", "bound": "<= 300 ms"},
    ]


def replay(data_dir: Path) -> list[dict[str, object]]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    code = cdo(["--data-dir", str(data_dir), "audit", "verify", "--json", "--progress"])
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return [
        {"name": f"audit verify (chain + replay + compare) of {data_dir.name}: wall time (exit {code})",
         "value": round(seconds, 1), "unit": "s"},
        {"name": f"  peak RSS of the process (before: {before // 1024} MiB)", "value": peak // 1024, "unit": "MiB"},
    ]


if __name__ == "__main__":
    rows = signing_and_verify()
    if len(sys.argv) > 1:
        rows += replay(Path(sys.argv[1]))
    for row in rows:
        print(f"{row['name']}: {row['value']} {row['unit']} {row.get('bound', '')}")
