"""`Row`: the base of the table models — SQLModel's construction and attribute assignment without the lookups it
repeats on every row and every assignment.

SQLModel's ``__setattr__`` asks, on every assignment, whether the class is a table model and whether the attribute
is instrumented, sets the value through SQLAlchemy's instrumentation (``set_attribute``: history, the session's
"modified" flag) and then again through pydantic (``__dict__`` and the fields set). A row of 25 columns is
built with 25 such assignments, and the handlers assign more. Building one also asks pydantic for each missing
field's default, which inspects the default factory's signature every time. Together ≈ 0.3–0.5 ms per row built.

`Row` does exactly SQLModel's steps: a column attribute is set through SQLAlchemy's instrumentation and then
recorded as pydantic records a field's assignment, with the attribute looked up once per class; every other name
(SQLAlchemy's state, private attributes) goes through SQLModel's own ``__setattr__``. A row is built as
SQLModel's ``sqlmodel_init`` builds it, with each field's default taken as pydantic takes it (factory or copied
value), decided once per class. `tests/unit/test_rows.py` pins that both give the same object (values, pydantic's
fields set, SQLAlchemy's history) for every table model, and the same stored row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm.instrumentation import manager_of_class
from sqlmodel import SQLModel
from sqlmodel._compat import finish_init

_IMPLS: dict[type, dict[str, Any]] = {}


def column_impls(cls: type) -> dict[str, Any]:
    """The SQLAlchemy instrumented attributes of ``cls``'s column fields that `Row` may set directly, by name
    (none when pydantic must see the assignment: validation on assignment, frozen fields)."""
    impls = _IMPLS.get(cls)
    if impls is None:
        impls = {}
        config = getattr(cls, "model_config", {})
        manager: Any = manager_of_class(cls) if config.get("table") else None
        if manager is not None and not config.get("validate_assignment") and not config.get("frozen"):
            relationships = getattr(cls, "__sqlmodel_relationships__", {})
            for name, info in cls.model_fields.items():  # type: ignore[attr-defined]
                if manager.is_instrumented(name) and name not in relationships and not info.frozen:
                    impls[name] = manager[name]  # its ``impl`` is set when the mappers are configured
        _IMPLS[cls] = impls
    return impls


_IMMUTABLE = (str, int, float, bool, bytes, type(None))  # pydantic copies other static defaults (smart_deepcopy)
Plan = list[tuple[str, str | None, Callable[[], Any] | None]]
_PLANS: dict[type, Plan | None] = {}


def construction_plan(cls: type) -> Plan | None:
    """Per field of ``cls``: its name, its alias and how its default is made when the caller gives none (None:
    required). None when SQLModel's own construction must run (extra fields allowed, a post-init hook, a root
    model, relationships)."""
    if cls in _PLANS:
        return _PLANS[cls]
    model: Any = cls
    config = getattr(model, "model_config", {})
    if (not config.get("table") or config.get("extra") == "allow" or model.__pydantic_post_init__
            or model.__pydantic_root_model__ or getattr(model, "__sqlmodel_relationships__", {})):
        _PLANS[cls] = None
        return None
    plan: Plan = []
    for name, info in model.model_fields.items():
        default: Callable[[], Any] | None = None
        if info.is_required():
            pass
        elif info.default_factory is not None and not info.default_factory_takes_validated_data:
            default = info.default_factory  # called without arguments, as pydantic does
        elif info.default_factory is None and isinstance(info.default, _IMMUTABLE):
            default = (lambda value: lambda: value)(info.default)
        else:
            default = (lambda field: lambda: field.get_default(call_default_factory=True))(info)
        plan.append((name, info.alias, default))
    _PLANS[cls] = plan
    return plan


class Row(SQLModel):
    """A table model built and assigned as SQLModel builds and assigns it, with less lookup."""

    def __init__(__pydantic_self__, **data: Any) -> None:  # SQLModel's name: "self" may be a field
        # SQLAlchemy wraps this as it wraps SQLModel.__init__ (the instance's state exists when it runs);
        # ``finish_init`` is off while SQLModel validates into a new instance (model_validate)
        if not finish_init.get():
            return
        self = __pydantic_self__
        plan = construction_plan(type(self))
        if plan is None:
            super().__init__(**data)
            return
        old_dict = self.__dict__.copy()
        # sqlmodel_table_construct: the given fields (by alias first), then the defaults of the others
        values: dict[str, Any] = {}
        defaults: dict[str, Any] = {}
        for name, alias, default in plan:
            if alias and alias in data:
                values[name] = data.pop(alias)
            elif name in data:
                values[name] = data.pop(name)
            elif default is not None:
                defaults[name] = default()
        fields_set = set(values)
        values.update(defaults)
        for key, value in {**old_dict, **values}.items():
            setattr(self, key, value)
        object.__setattr__(self, "__pydantic_fields_set__", fields_set)
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)
        # sqlmodel_init: the instance's dictionary, SQLAlchemy's state first
        object.__setattr__(self, "__dict__", {**old_dict, **self.__dict__})

    def __setattr__(self, name: str, value: Any) -> None:
        impls = _IMPLS.get(type(self))
        if impls is None:
            impls = column_impls(type(self))
        attribute = impls.get(name)
        dict_ = self.__dict__
        state = dict_.get("_sa_instance_state")
        impl = attribute.impl if attribute is not None else None
        if impl is None or state is None:
            super().__setattr__(name, value)
            return
        impl.set(state, dict_, value, None)  # SQLAlchemy's set_attribute
        self.__pydantic_fields_set__.add(name)  # pydantic's assignment of a model field (the value is in __dict__)
