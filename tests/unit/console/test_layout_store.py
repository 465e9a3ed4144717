"""LayoutStore: per-user window state in an INI file, versioned."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from console.layout import LAYOUT_VERSION, LayoutStore


def test_round_trip_per_user(tmp_path: Path) -> None:
    store = LayoutStore(tmp_path / "deep" / "layout.ini")
    store.save("admin", QByteArray(b"geo-a"), QByteArray(b"state-a"))
    store.save("operator", QByteArray(b"geo-o"), QByteArray(b"state-o"))

    again = LayoutStore(tmp_path / "deep" / "layout.ini")  # as after a restart
    assert again.load("admin") == (QByteArray(b"geo-a"), QByteArray(b"state-a"))
    assert again.load("operator") == (QByteArray(b"geo-o"), QByteArray(b"state-o"))
    assert again.load("supervisor") is None


def test_forget_drops_one_user(tmp_path: Path) -> None:
    store = LayoutStore(tmp_path / "layout.ini")
    store.save("admin", QByteArray(b"g"), QByteArray(b"s"))
    store.save("operator", QByteArray(b"g"), QByteArray(b"s"))
    store.forget("admin")
    assert store.load("admin") is None
    assert store.load("operator") is not None


def test_an_outdated_layout_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "layout.ini"
    store = LayoutStore(path)
    store.save("admin", QByteArray(b"g"), QByteArray(b"s"))
    s = QSettings(str(path), QSettings.Format.IniFormat)
    s.setValue("user-admin/version", LAYOUT_VERSION - 1)
    s.sync()
    assert LayoutStore(path).load("admin") is None


def test_a_damaged_entry_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "layout.ini"
    path.write_text(f"[user-admin]\nversion={LAYOUT_VERSION}\ngeometry=garbage\nstate=1\n")
    assert LayoutStore(path).load("admin") is None
