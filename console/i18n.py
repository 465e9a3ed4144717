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
        # The .qm files' bytes, held for the translators that read them (Qt does not copy).
        self._data: list[bytes] = []

    def switch(self, lang: str) -> bool:
        """Install the translators for `lang`; False (and English) if its .qm is missing."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
        for t in self._installed:
            self.app.removeTranslator(t)
            t.deleteLater()  # one switch per click must not pile up translators
        self._installed.clear()
        self._data.clear()
        ok = True
        if lang != "en":
            own = QTranslator(self.app)
            qm = self.folder / f"console_{lang}.qm"
            if self._load(own, qm):
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
                if self._load(extra, self.folder / f"qtbase_extra_{lang}.qm"):
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

    def _load(self, translator: QTranslator, qm: Path) -> bool:
        """Load `qm` from memory, not mapped from disk: lrelease rewrites a .qm in place (a
        `make translations` while a console runs), and a mapped file then reads as garbage,
        every window opened after it in English."""
        try:
            data = qm.read_bytes()
        except OSError:
            return False
        if not translator.load(data):
            return False
        self._data.append(data)
        return True
