"""Pieces shared by the entry dialogs: a community picker and the OK/Cancel row."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from core.views import CommunityRow


def community_picker(
    parent: QWidget, communities: Sequence[CommunityRow], street_wide: str | None
) -> QComboBox:
    """A combo of 'C01 name' items (data: the code), led by a street-wide item if given."""
    combo = QComboBox(parent)
    if street_wide is not None:
        combo.addItem(street_wide, None)
    for c in communities:
        combo.addItem(f"{c.code} {c.name}", c.code)
    return combo


def ok_cancel(dialog: QDialog, on_accept: Callable[[], None]) -> QDialogButtonBox:
    """OK runs `on_accept` (which validates and accepts); Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
