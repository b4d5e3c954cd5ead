"""Schemathesis against the OpenAPI document the server serves, over real HTTP, signed in as each role, on SQLite and
PostgreSQL: no answer may be a 5xx, and every answer (status, content type, headers, body) must match the document.

The budget is bounded: ``CDO_SCHEMATHESIS_EXAMPLES`` examples per operation, role and database (default 30: 240 per
operation over 4 roles and 2 databases; docs/sync.md records the time it takes).
"""

from __future__ import annotations

import os
import time
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integration.world import PASSWORD

EXAMPLES = int(os.environ.get("CDO_SCHEMATHESIS_EXAMPLES", "30"))
ROLES = ("a-commissioner", "b-cdo", "bureau-arbitrator", "admin")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


def _token(url: str, username: str) -> str:
    """Sign in (waiting out the throttle the fuzzing of the sign-in itself may have set off)."""
    for _ in range(30):
        answer = httpx.post(f"{url}/v1/auth/sign-in", json={"username": username, "password": PASSWORD,
                                                            "device_id": f"fuzz-{username}-{time.monotonic_ns()}"[:64]})
        if answer.status_code == 429:
            time.sleep(int(answer.headers.get("Retry-After", "1")))
            continue
        answer.raise_for_status()
        return str(answer.json()["token"])
    raise AssertionError(f"could not sign in as {username}")


def _order(label: str) -> tuple[int, str]:
    # sign-in (which makes the address busy) and sign-out (which revokes the token) last
    return ("/sign-in" in label, "/sign-out" in label, label)  # type: ignore[return-value]


def _fuzz(url: str, operation: Any, headers: dict[str, str], mode: GenerationMode, examples: int) -> int:
    """Run ``examples`` cases of one operation; returns how many calls were made (raises on the first failure)."""
    calls = 0

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    @given(case=operation.as_strategy(mode))
    def run(case: Any) -> None:
        nonlocal calls
        calls += 1
        response = case.call(base_url=url, headers=headers, timeout=60)
        if response.status_code == 429 and "/sign-in" in operation.label:
            return  # the throttle doing its job (documented)
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    except Unsatisfiable:  # nothing to make invalid (an operation without parameters or body)
        assert mode == GenerationMode.NEGATIVE
    return calls


@pytest.mark.timeout(900)
def test_the_served_openapi_holds_for_every_role(bureau) -> None:
    schema = schemathesis.openapi.from_url(f"{bureau.url}/openapi.json")
    operations = sorted((r.ok() for r in schema.get_all_operations()), key=lambda op: _order(op.label))
    assert len(operations) >= 14
    failures: list[str] = []
    calls = 0
    for role in ROLES:
        for operation in operations:
            headers = {"Authorization": f"Bearer {_token(bureau.url, role)}"}
            for mode, share in ((GenerationMode.POSITIVE, 0.7), (GenerationMode.NEGATIVE, 0.3)):
                try:
                    calls += _fuzz(bureau.url, operation, headers, mode, max(1, int(EXAMPLES * share)))
                except Exception as exc:  # collect every operation's first failure, then fail once
                    failures.append(f"{role} {operation.label} ({mode.value}): {str(exc)[:1500]}")
    assert not failures, "\n\n".join(failures)
    assert calls >= len(operations) * len(ROLES) * min(EXAMPLES, 10) // 2, calls
