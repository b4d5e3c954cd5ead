"""Bad input: every mutation model refuses unknown fields, over-long text and wrong types, naming the field."""

from __future__ import annotations

import uuid

import pytest
from pydantic import BaseModel, ValidationError
from sqlmodel import Session

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.mutations import Mutation, validation_error
from cdo_desktop.domain.workflow import TRANSITIONS
from tests.unit.scenario import Network

PAYLOAD_MODELS = sorted({t.payload for t in TRANSITIONS.values()}, key=lambda c: c.__name__)


def _text_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, f in model.model_fields.items() if f.annotation in (str, str | None)]


@pytest.mark.parametrize("model", PAYLOAD_MODELS, ids=lambda m: m.__name__)
def test_unknown_fields_are_refused_by_name(model: type[BaseModel]) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate({"surprise_field": 1})
    error = validation_error(caught.value)
    assert any(e["type"] == "extra_forbidden" and e["loc"] == ("surprise_field",) for e in caught.value.errors())
    assert error.field and error.zh.startswith("字段")


@pytest.mark.parametrize("model", PAYLOAD_MODELS, ids=lambda m: m.__name__)
def test_over_long_text_is_refused_by_name(model: type[BaseModel]) -> None:
    for name in _text_fields(model):
        with pytest.raises(ValidationError) as caught:
            model.model_validate({name: "长" * 30_000})
        assert any(e["loc"] == (name,) and e["type"] in ("string_too_long", "string_pattern_mismatch") for e in caught.value.errors()), name


@pytest.mark.parametrize("model", PAYLOAD_MODELS, ids=lambda m: m.__name__)
def test_wrong_types_are_refused_by_name(model: type[BaseModel]) -> None:
    for name in model.model_fields:
        with pytest.raises(ValidationError) as caught:
            model.model_validate({name: {"not": "right"}})
        assert any(e["loc"][:1] == (name,) for e in caught.value.errors()), name


def test_apply_turns_bad_payload_into_a_message_naming_the_field(network: Network, session: Session) -> None:
    from cdo_desktop.services.apply import apply

    actor = network.people["A.commissioner"]
    payload = network.payload("request.create") | {"purpose": "x" * 5000}
    with pytest.raises(DomainError) as caught:
        apply(session, Mutation(kind="request.create", actor_id=actor.id, entity_id=uuid.uuid4(), payload=payload), actor)
    assert caught.value.field == "payload.purpose"
    assert "payload.purpose" in caught.value.zh and "payload.purpose" in caught.value.en

    with pytest.raises(DomainError) as caught:
        apply(session, Mutation(kind="request.create", actor_id=actor.id, entity_id=uuid.uuid4(),
                                payload=network.payload("request.create") | {"period_start": "not a date"}), actor)
    assert caught.value.field == "payload.period_start"


def test_unknown_action_is_refused(network: Network, session: Session) -> None:
    from cdo_desktop.services.apply import apply

    actor = network.admin
    with pytest.raises(DomainError) as caught:
        apply(session, Mutation(kind="request.teleport", actor_id=actor.id, entity_id=uuid.uuid4()), actor)
    assert caught.value.code == "unknown_action"


def test_envelope_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Mutation.model_validate({"kind": "request.submit", "actor_id": str(uuid.uuid4()),
                                 "entity_id": str(uuid.uuid4()), "extra": 1})
