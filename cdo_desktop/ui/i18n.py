"""Language: the Qt translator (zh_CN by default, English is the identity) and domain labels in that language."""

from __future__ import annotations

from typing import Any

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.labels import LabeledEnum
from cdo_desktop.ui.fonts import RESOURCES
from cdo_desktop.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("zh_CN", "en")

_current: dict[str, Any] = {"lang": "zh_CN", "translators": []}


def install(lang: str) -> bool:
    """Load ``lang`` ("zh_CN" or "en") into the running application; returns whether a catalogue was loaded."""
    app = QCoreApplication.instance()
    for old in _current["translators"]:
        if app is not None:
            app.removeTranslator(old)
    _current["translators"] = []
    _current["lang"] = lang if lang in LANGUAGES else "zh_CN"
    QLocale.setDefault(QLocale(QLocale.Language.English if is_english() else QLocale.Language.Chinese,
                               QLocale.Country.UnitedStates if is_english() else QLocale.Country.China))
    if is_english():
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(TRANSLATIONS / f"cdo_{_current['lang']}.qm"))
    qt_own = QTranslator(app)  # Qt's own strings: OK, Cancel, Close, file dialogs
    qt_loaded = qt_own.load(f"qtbase_{_current['lang']}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator, ok in ((ours, loaded), (qt_own, qt_loaded)):
        if ok and app is not None:
            app.installTranslator(translator)
            _current["translators"].append(translator)
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
