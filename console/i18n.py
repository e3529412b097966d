"""The UI language: Qt translators for our strings and Qt's own, switchable at run time.

Source strings in the code are English; zh_CN (the default UI language) comes from
resources/i18n/console_zh_CN.qm, built from the .ts next to it with pyside6-lrelease.
Switching installs or removes translators, and Qt sends every widget a LanguageChange
event, on which views set their texts again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

log = logging.getLogger("console.i18n")

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
I18N_DIR = RESOURCES_DIR / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
# Each language is named in itself, so anyone can find their own.
LANGUAGES = {"zh_CN": "中文", "en": "English"}
# Files the .ts is extracted from (tests check that nothing is missing from it).
TRANSLATED_SOURCES = ("console/app.py", "console/crash.py", "console/views")


def normalise(language: str | None) -> str:
    """zh_CN or en from whatever the settings say (zh, zh-CN, en_US, ...)."""
    lowered = (language or DEFAULT_LANGUAGE).replace("-", "_").lower()
    return "en" if lowered.startswith("en") else "zh_CN"


class Translations(QObject):
    changed = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def uninstall(self) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []

    def set_language(self, language: str | None) -> None:
        wanted = normalise(language)
        self.uninstall()
        if wanted != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (
                (f"qtbase_{wanted}", qt_dir),
                (f"console_{wanted}", str(I18N_DIR)),
            ):
                translator = QTranslator(self)
                if translator.load(name, folder):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
                else:
                    log.warning("translation %s not found in %s", name, folder)
        QLocale.setDefault(QLocale(wanted))
        changed = wanted != self.language
        self.language = wanted
        if changed:
            self.changed.emit(wanted)
