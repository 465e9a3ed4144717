"""File dialogs open in the folder last used for their kind of file, else Documents or Pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from widgets import file_dialogs
from widgets.file_dialogs import (
    FILES,
    PHOTOS,
    SAVED,
    open_in,
    remember,
    resolved,
    start_folder,
    suggested,
)


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A home with Documents and Pictures folders, and no folder remembered yet."""
    home = tmp_path / "home"
    found = {"home": home, "docs": home / "Documents", "pics": home / "Pictures"}
    for folder in found.values():
        folder.mkdir(parents=True, exist_ok=True)
    where = {
        QStandardPaths.StandardLocation.DocumentsLocation: str(found["docs"]),
        QStandardPaths.StandardLocation.PicturesLocation: str(found["pics"]),
    }
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda loc: where.get(loc, ""))
    monkeypatch.setattr(Path, "home", lambda: home)
    monkeypatch.setattr(file_dialogs, "_last", {})
    return found


def test_first_dialog_opens_in_documents_or_pictures(places: dict[str, Path]) -> None:
    assert start_folder(SAVED) == places["docs"]
    assert start_folder(FILES) == places["docs"]
    assert start_folder(PHOTOS) == places["pics"]
    assert suggested(SAVED, "report.pdf") == places["docs"] / "report.pdf"


def test_without_documents_the_home_folder(places: dict[str, Path]) -> None:
    places["docs"].rmdir()  # a Linux home without the XDG folders
    assert start_folder(SAVED) == places["home"]


def test_each_kind_remembers_its_own_folder(places: dict[str, Path], tmp_path: Path) -> None:
    reports, photos = tmp_path / "reports", tmp_path / "photos"
    reports.mkdir()
    photos.mkdir()
    remember(SAVED, reports / "kpi-2026-12.pdf")  # a file not written yet: its folder
    remember(PHOTOS, photos)  # a folder itself
    assert start_folder(SAVED) == reports
    assert start_folder(PHOTOS) == photos
    assert start_folder(FILES) == places["docs"]
    reports.rmdir()  # gone (an unplugged USB stick): back to Documents
    assert start_folder(SAVED) == places["docs"]


def test_open_in_points_the_dialog_and_remembers_the_choice(
    places: dict[str, Path], tmp_path: Path, qtbot: QtBot
) -> None:
    dialog = open_in(QFileDialog(None, "save"), SAVED)
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert Path(dialog.directory().absolutePath()) == places["docs"]
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    dialog.selectFile(str(elsewhere / "slips.pdf"))
    with qtbot.waitSignal(dialog.fileSelected):
        dialog.accept()
    assert start_folder(SAVED) == elsewhere
    again = open_in(QFileDialog(None, "save"), SAVED)
    qtbot.addWidget(again)
    assert Path(again.directory().absolutePath()) == elsewhere


def test_a_typed_name_goes_to_the_kinds_folder_not_the_working_directory(
    places: dict[str, Path], tmp_path: Path
) -> None:
    assert resolved(SAVED, " queue.csv ") == places["docs"] / "queue.csv"
    assert resolved(SAVED, "sub/queue.csv") == places["docs"] / "sub" / "queue.csv"
    assert resolved(SAVED, str(tmp_path / "a.csv")) == tmp_path / "a.csv"
    remember(SAVED, "queue.csv")  # a bare name says nothing of a folder
    assert start_folder(SAVED) == places["docs"]
