"""Column widths: titles that fit after a language switch; contents fitted, stretch kept."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


def fit_columns(view: QTableView) -> None:
    """Size the columns to their contents; a stretching last column still fills the view.

    `resizeColumnsToContents` on a shown table sizes the last column to its contents too, and
    the header stretches it again only on its next resize: a list refilled while open (the
    accounts after an unlock) kept a dead strip at its right.
    """
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)


def widen_titles(widgets: Iterable[QWidget]) -> int:
    """Widen each user-sized column of the tables among `widgets` whose title no longer fits
    ("Workstation" in a column sized for "工作站"); never narrow one. Returns how many grew.

    Only interactive sections change: those that stretch or size to their contents follow
    the new titles by themselves, and the last section of a stretching header takes the rest.
    """
    grown = 0
    for header in widgets:
        if not isinstance(header, QHeaderView) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        last_visual = header.count() - 1
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            if header.sectionResizeMode(logical) != QHeaderView.ResizeMode.Interactive:
                continue
            if header.stretchLastSection() and header.visualIndex(logical) == last_visual:
                continue
            wanted = header.sectionSizeHint(logical)
            if header.sectionSize(logical) < wanted:
                header.resizeSection(logical, wanted)
                grown += 1
    return grown
