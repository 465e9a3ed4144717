"""Fixtures of the widget tests: the console's translators, for a live language switch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from console.i18n import Translations


@pytest.fixture
def lang(qapp: QApplication) -> Iterator[Translations]:
    """The console's translators on the test's application; English again afterwards."""
    before = QLocale()
    t = Translations(qapp)
    try:
        yield t
    finally:
        t.switch("en")
        QLocale.setDefault(before)
