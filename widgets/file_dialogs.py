"""Where file dialogs open: the folder last used for that kind of file, else Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

# Kinds of file a dialog picks; each remembers its own folder, as Windows' common dialogs do.
SAVED = "saved"  # reports, slips, exports the console writes
PHOTOS = "photos"  # photos chosen to attach
FILES = "files"  # any file chosen to attach or import

_last: dict[str, Path] = {}


def start_folder(kind: str) -> Path:
    """The folder a dialog for `kind` opens in: the last one chosen for it while it still exists,
    else the user's Pictures (photos) or Documents, else the home folder. Never the working
    directory, which for an installed console is its program folder."""
    last = _last.get(kind)
    if last is not None and last.is_dir():
        return last
    where = (
        QStandardPaths.StandardLocation.PicturesLocation
        if kind == PHOTOS
        else QStandardPaths.StandardLocation.DocumentsLocation
    )
    found = QStandardPaths.writableLocation(where)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def remember(kind: str, chosen: str | Path) -> None:
    """Note the folder of `chosen` (a file, or a folder itself) as where `kind` opens next."""
    path = Path(chosen).expanduser()
    if path.is_absolute():  # a bare name typed into a path field says nothing of a folder
        _last[kind] = path if path.is_dir() else path.parent


def open_in(dialog: QFileDialog, kind: str) -> QFileDialog:
    """Point `dialog` at `kind`'s folder and have it remember the one the user chooses. Call it
    before `selectFile(name)`, which names a file in that folder."""
    dialog.setDirectory(str(start_folder(kind)))

    def chosen(files: list[str]) -> None:
        if files:
            remember(kind, files[0])

    dialog.filesSelected.connect(chosen)  # also emitted for a single file
    return dialog


def resolved(kind: str, typed: str) -> Path:
    """A path typed into a dialog's field: `~` expanded, and a bare or relative name placed in
    `kind`'s folder rather than the working directory (an installed console's program folder)."""
    path = Path(typed.strip()).expanduser()
    return path if path.is_absolute() else start_folder(kind) / path


def suggested(kind: str, name: str) -> Path:
    """A full path for a file named `name` in `kind`'s folder (for dialogs that show a path)."""
    return start_folder(kind) / name
