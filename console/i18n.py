"""Run-time language switching with Qt translators (.qm built from resources/translations)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


class Translations:
    """Owns the installed translators; switching posts LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication, folder: Path | None = None):
        self.app = app
        self.folder = folder or resources_dir() / "translations"
        self.language = "en"
        self._installed: list[QTranslator] = []

    def switch(self, lang: str) -> bool:
        """Install the translators for `lang`; False (and English) if its .qm is missing."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
        for t in self._installed:
            self.app.removeTranslator(t)
            t.deleteLater()  # one switch per click must not pile up translators
        self._installed.clear()
        ok = True
        if lang != "en":
            own = QTranslator(self.app)
            qm = self.folder / f"console_{lang}.qm"
            if own.load(str(qm)):
                self._installed.append(own)
                qt = QTranslator(self.app)
                # Qt's own strings (standard buttons, context menus) in the same language.
                if qt.load(
                    QLocale(lang),
                    "qtbase",
                    "_",
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                ):
                    self._installed.append(qt)
                else:
                    qt.deleteLater()
                # What qtbase's translation lacks (the file dialog's "Look in:", "Folder").
                extra = QTranslator(self.app)
                if extra.load(str(self.folder / f"qtbase_extra_{lang}.qm")):
                    self._installed.append(extra)
                else:
                    extra.deleteLater()
            else:
                log.error("translation %s missing; run `make translations`", qm)
                own.deleteLater()
                ok = False
        for t in self._installed:
            self.app.installTranslator(t)
        self.language = lang if ok else "en"
        QLocale.setDefault(QLocale(self.language))
        return ok
