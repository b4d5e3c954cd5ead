"""Enums that carry their own Chinese and English display labels."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabeledEnum(StrEnum):
    """A string enum whose members are declared as ``NAME = ("value", "中文", "English")``."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.zh = zh or value
        member.en = en or value
        return member

    def label(self, lang: str = "zh") -> str:
        """The display label in ``lang`` ("zh" or "en"); Chinese for anything else."""
        return self.en if lang.startswith("en") else self.zh
