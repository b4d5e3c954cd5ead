"""Typed domain errors that carry a human-readable reason in Chinese and English."""

from __future__ import annotations


class DomainError(Exception):
    """A refused action. ``code`` is stable for programs; ``zh``/``en`` are for people; ``field`` names the input."""

    def __init__(self, code: str, zh: str, en: str, *, field: str | None = None) -> None:
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en
        self.field = field

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "zh": self.zh, "en": self.en, "field": self.field}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.en!r})"


class NotAllowed(DomainError):
    """The actor's role or party may not take this action."""


class InvalidState(DomainError):
    """The record is not in a state where this action applies."""


class GuardFailed(DomainError):
    """A business rule of the transition is not met (e.g. a refusal without a reason)."""


class NotFound(DomainError):
    """A referenced record does not exist."""


class Conflict(DomainError):
    """The record changed since the actor's base revision, or a unique value is taken."""
