"""Translations: installing and removing Qt translators at run time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.i18n import LANGUAGES, Translations


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations(qapp)
    yield t
    t.switch("en")


def _tr(text: str, context: str = "IncidentsPresenter") -> str:
    return QCoreApplication.translate(context, text)


def test_switch_installs_and_removes(translations: Translations) -> None:
    assert set(LANGUAGES) == {"zh_CN", "en"}
    assert translations.switch("zh_CN")
    assert translations.language == "zh_CN"
    assert _tr("Incident queue") == "事件队列"
    assert _tr("P1 Critical", "Labels") == "P1 紧急"

    assert translations.switch("en")
    assert translations.language == "en"
    assert _tr("Incident queue") == "Incident queue"


def test_switching_twice_does_not_stack_translators(translations: Translations) -> None:
    translations.switch("zh_CN")
    translations.switch("zh_CN")
    translations.switch("en")
    assert _tr("Incident queue") == "Incident queue"


def test_every_message_is_translated_to_chinese(translations: Translations) -> None:
    ts = (translations.folder / "console_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert "<translation></translation>" not in ts


def test_missing_qm_falls_back_to_english(qapp: QApplication, tmp_path: Path) -> None:
    t = Translations(qapp, folder=tmp_path)
    try:
        assert not t.switch("zh_CN")
        assert t.language == "en"
        assert _tr("Incident queue") == "Incident queue"
    finally:
        t.switch("en")


def test_unknown_language_is_refused(translations: Translations) -> None:
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        translations.switch("fr")
