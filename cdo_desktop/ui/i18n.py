"""Language: the Qt translator (zh_CN by default, English is the identity) and domain labels in that language."""

from __future__ import annotations

from typing import Any

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.labels import LabeledEnum
from cdo_desktop.ui.fonts import RESOURCES
from cdo_desktop.ui.qt import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("zh_CN", "en")

_current = {"lang": "zh_CN", "translator": None}


def install(lang: str) -> bool:
    """Load ``lang`` ("zh_CN" or "en") into the running application; returns whether a catalogue was loaded."""
    app = QCoreApplication.instance()
    old = _current["translator"]
    if old is not None and app is not None:
        app.removeTranslator(old)  # type: ignore[arg-type]
    _current["translator"] = None
    _current["lang"] = lang if lang in LANGUAGES else "zh_CN"
    QLocale.setDefault(QLocale(QLocale.Language.English if is_english() else QLocale.Language.Chinese))
    if is_english():
        return True
    translator = QTranslator(app)
    loaded = translator.load(str(TRANSLATIONS / f"cdo_{_current['lang']}.qm"))
    if loaded and app is not None:
        app.installTranslator(translator)
        _current["translator"] = translator
    return loaded


def lang() -> str:
    return str(_current["lang"])


def is_english() -> bool:
    return lang().startswith("en")


def label(value: LabeledEnum | None) -> str:
    """A domain enum's label in the current language ("" for None)."""
    if value is None:
        return ""
    return value.en if is_english() else value.zh


def enum_label(enum: type[LabeledEnum], raw: str | None) -> str:
    """The label of a stored enum value; the raw value when it is not a member (never a crash)."""
    if raw is None:
        return ""
    try:
        return label(enum(raw))
    except ValueError:
        return str(raw)


def error_text(exc: DomainError | Any) -> str:
    """The reason of a refusal (a DomainError or a domain Guard) in the current language."""
    return exc.en if is_english() else exc.zh


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
