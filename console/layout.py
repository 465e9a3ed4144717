"""Saved window layout and geometry, per user, on this workstation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LAYOUT_VERSION = 3  # bump when panes are added or renamed, so old layouts are not half-applied


class LayoutStore:
    """An INI file in the user's config folder; one group per console user."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._s = QSettings(str(path), QSettings.Format.IniFormat)

    def save(self, username: str, geometry: QByteArray, state: QByteArray) -> None:
        """Remember a user's window geometry and dock state."""
        self._s.beginGroup(f"user-{username}")
        self._s.setValue("geometry", geometry)
        self._s.setValue("state", state)
        self._s.setValue("version", LAYOUT_VERSION)
        self._s.endGroup()
        self._s.sync()

    def load(self, username: str) -> tuple[QByteArray, QByteArray] | None:
        """A user's saved geometry and state, or None if there is none (or it is outdated)."""
        self._s.beginGroup(f"user-{username}")
        try:
            if str(self._s.value("version", 0)) != str(LAYOUT_VERSION):
                return None
            geometry = self._s.value("geometry")
            state = self._s.value("state")
        finally:
            self._s.endGroup()
        if not isinstance(geometry, QByteArray) or not isinstance(state, QByteArray):
            return None
        return geometry, state

    def forget(self, username: str) -> None:
        """Drop a user's layout (Reset layout)."""
        self._s.remove(f"user-{username}")
        self._s.sync()

    # --- small per-user choices (the queue view …), kept apart from the layout -----------
    def preference(self, username: str, key: str, default: str = "") -> str:
        """A user's saved choice on this workstation; `default` when there is none."""
        value = self._s.value(f"prefs-{username}/{key}", default)
        return str(value) if value is not None else default

    def set_preference(self, username: str, key: str, value: str) -> None:
        """Remember a user's choice (Reset layout does not forget it)."""
        self._s.setValue(f"prefs-{username}/{key}", value)
        self._s.sync()
