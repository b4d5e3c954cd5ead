"""Bad input over real HTTP, generated with hypothesis from the OpenAPI document and the mutation kinds: no answer
is ever a 5xx. Bounded in time (``CDO_FUZZ_EXAMPLES``, default 150 per target)."""

from __future__ import annotations

import os
import uuid
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdo_desktop.domain.workflow import TRANSITIONS
from tests.integration.harness import sign_in
from tests.integration.world import PASSWORD

EXAMPLES = int(os.environ.get("CDO_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40), st.sampled_from(["", "0" * 64, str(uuid.uuid4()), "2026-02-30", "2026-03-01", "-1",
                                           "\x00", "🙂" * 10, "a" * 5000, "draft", "upheld", "criticism"]),
)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)


def _uuidish() -> st.SearchStrategy[Any]:
    return st.one_of(st.uuids().map(str), st.text(max_size=40), st.integers(), st.none())


def _mutation(world: Any) -> st.SearchStrategy[dict[str, Any]]:
    known = [str(v) for v in (*world.depts.values(), *world.resources.values(), *world.people.values())]
    ids = st.one_of(st.sampled_from(known), _uuidish())
    payload = st.dictionaries(
        st.sampled_from(sorted({f for t in TRANSITIONS.values() for f in t.payload.model_fields} | {"extra"})),
        st.one_of(json_values, ids, st.lists(st.one_of(ids, st.text(max_size=10)), max_size=3)),
        max_size=8,
    )
    return st.fixed_dictionaries(
        {"id": st.uuids().map(str), "kind": st.one_of(st.sampled_from(sorted(TRANSITIONS)), st.text(max_size=70)),
         "actor_id": ids, "entity_id": ids, "payload": payload},
        optional={"base_revision": st.one_of(st.integers(-5, 10), json_values), "client_time": json_values,
                  "unknown": json_values},
    )


def _check(answer: httpx.Response) -> None:
    assert answer.status_code < 500, f"{answer.status_code} {answer.request.method} {answer.request.url}: {answer.text[:500]}"


def test_fuzzed_requests_never_get_a_5xx(bureau) -> None:
    w = bureau.world
    spec = httpx.get(f"{bureau.url}/openapi.json").json()
    routes = [(path, method) for path, ops in spec["paths"].items() for method in ops]
    client = httpx.Client(base_url=bureau.url, timeout=60)
    admin = {"Authorization": f"Bearer {sign_in(bureau.url, 'admin', PASSWORD)}"}
    clerk = {"Authorization": f"Bearer {sign_in(bureau.url, 'a-commissioner', PASSWORD)}"}
    auths = [admin, clerk, {}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic x"}]

    @FUZZ
    @given(
        route=st.sampled_from(routes), who=st.sampled_from(range(len(auths))), body=json_values,
        param=st.one_of(st.text(max_size=70), st.integers(-(2**65), 2**65).map(str), st.sampled_from(["0" * 64])),
        query=st.dictionaries(st.sampled_from(["after", "limit", "x"]), st.one_of(st.integers(-(2**65), 2**65), st.text(max_size=8)), max_size=2),
    )
    def any_route(route: tuple[str, str], who: int, body: Any, param: str, query: dict[str, Any]) -> None:
        path, method = route
        url = path
        for name in ("{sha256}", "{token_id}", "{account_id}"):
            url = url.replace(name, quote(param, safe="") or "x")
        kwargs: dict[str, Any] = {"params": query, "headers": auths[who]}
        if method in ("post", "put", "patch"):
            kwargs["json"] = body
        _check(client.request(method.upper(), url, **kwargs))

    @FUZZ
    @given(batch=st.lists(_mutation(w), max_size=6), who=st.sampled_from([0, 1]))
    def pushes(batch: list[dict[str, Any]], who: int) -> None:
        _check(client.post("/v1/sync/push", json={"mutations": batch}, headers=auths[who]))

    @FUZZ
    @given(body=st.fixed_dictionaries({}, optional={
        "username": json_values, "password": json_values, "device_id": json_values, "device_name": json_values,
        "extra": json_values}))
    def sign_ins(body: dict[str, Any]) -> None:
        _check(client.post("/v1/auth/sign-in", json=body))

    try:
        any_route()
        pushes()
        sign_ins()
    finally:
        client.close()
