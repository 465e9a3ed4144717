"""The surveys pane: forms (editor and preview), rounds (with call lists), results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from widgets.survey_editor import FormEditorWidget
from widgets.survey_rounds import RoundsWidget

FORMS_TAB, ROUNDS_TAB, RESULTS_TAB = 0, 1, 2


class SurveysWidget(QWidget):
    """Three tabs; in Results a placeholder until `set_results_view` puts the view there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = FormEditorWidget()
        self.rounds = RoundsWidget()
        self.results_placeholder = QLabel()
        self.results_placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.results_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results: QWidget = self.results_placeholder
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, "")
        self.tabs.addTab(self.rounds, "")
        self.tabs.addTab(self.results, "")
        self._more: list[tuple[QWidget, Callable[[], str]]] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)
        # A pane behind others in a shared area: it must not claim the area's size (the
        # editor's own wish is a wide screen), or the queue beside it shrinks.
        self.setMinimumSize(QSize(320, 240))
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def set_results_view(self, widget: QWidget) -> None:
        """Put the results view in its tab (in place of the placeholder)."""
        current = self.tabs.currentIndex()
        self.tabs.removeTab(RESULTS_TAB)
        self.results.deleteLater()
        self.results = widget
        self.tabs.insertTab(RESULTS_TAB, widget, self.tr("Results"))
        self.tabs.setCurrentIndex(current)

    def add_tab(self, widget: QWidget, title: Callable[[], str]) -> None:
        """One more tab after Results; `title` is read again on a change of language."""
        self._more.append((widget, title))
        self.tabs.addTab(widget, title())

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.tabs.setTabText(FORMS_TAB, self.tr("Forms"))
        self.tabs.setTabText(ROUNDS_TAB, self.tr("Rounds"))
        self.tabs.setTabText(RESULTS_TAB, self.tr("Results"))
        for widget, title in getattr(self, "_more", []):
            self.tabs.setTabText(self.tabs.indexOf(widget), title())
        if self.results is self.results_placeholder:  # deleted once the view took its place
            self.results_placeholder.setText(self.tr("Results of a round are shown here."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
