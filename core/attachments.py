"""Incident attachments: what a file really is (magic bytes), what is accepted, safe names."""

from __future__ import annotations

import enum
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath, PureWindowsPath
from typing import Final

from core.text import clean_line

# 50 MB: a phone photo is 2-8 MB, a minute of call audio ~1 MB, a short clip 20-40 MB. The
# bytes live in the shared database (one row per distinct file), so the limit also bounds one
# write transaction and one round trip to the server.
MAX_BYTES: Final = 50 * 1024 * 1024
NAME_MAX: Final = 120  # characters of a display name, its extension included
_SNIFF_BYTES: Final = 4096  # enough for every signature below and a text check


class FileKind(enum.StrEnum):
    """A kind of content the console recognises; the UI names it in the user's language."""

    JPEG = "jpeg"
    PNG = "png"
    GIF = "gif"
    WEBP = "webp"
    PDF = "pdf"
    WAV = "wav"
    MP3 = "mp3"
    MP4 = "mp4"  # MP4 and QuickTime (.mov) share the ISO base media file format
    TEXT = "text"
    WORD = "docx"
    EXCEL = "xlsx"
    POWERPOINT = "pptx"
    ZIP = "zip"  # any other ZIP archive: recognised, never accepted
    PROGRAM = "program"  # an executable or a script: recognised, never accepted


@dataclass(frozen=True, slots=True)
class Accepted:
    """An accepted kind: its MIME type and the extensions a file of it may carry."""

    mime: str
    extensions: tuple[str, ...]
    english: str  # how str() of a refusal names it; the UI has its own translated names


ACCEPTED: Final[Mapping[FileKind, Accepted]] = {
    FileKind.JPEG: Accepted("image/jpeg", (".jpg", ".jpeg"), "JPEG image"),
    FileKind.PNG: Accepted("image/png", (".png",), "PNG image"),
    FileKind.GIF: Accepted("image/gif", (".gif",), "GIF image"),
    FileKind.WEBP: Accepted("image/webp", (".webp",), "WebP image"),
    FileKind.PDF: Accepted("application/pdf", (".pdf",), "PDF document"),
    FileKind.WAV: Accepted("audio/wav", (".wav",), "WAV audio"),
    FileKind.MP3: Accepted("audio/mpeg", (".mp3",), "MP3 audio"),
    FileKind.MP4: Accepted("video/mp4", (".mp4", ".mov", ".m4a"), "MP4/QuickTime video"),
    FileKind.TEXT: Accepted(
        "text/plain; charset=utf-8", (".txt", ".log", ".csv"), "UTF-8 text file"
    ),
    FileKind.WORD: Accepted(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
        "Word document",
    ),
    FileKind.EXCEL: Accepted(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (".xlsx",),
        "Excel workbook",
    ),
    FileKind.POWERPOINT: Accepted(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (".pptx",),
        "PowerPoint presentation",
    ),
}
ENGLISH_NAMES: Final[Mapping[FileKind, str]] = {
    **{k: a.english for k, a in ACCEPTED.items()},
    FileKind.ZIP: "ZIP archive",
    FileKind.PROGRAM: "program or script",
}
_BY_EXTENSION: Final = {ext: kind for kind, a in ACCEPTED.items() for ext in a.extensions}

# Never accepted whatever the content: opening one runs it (Windows hands these to their
# interpreters on a double click), so the name alone is reason enough.
PROGRAM_EXTENSIONS: Final = frozenset(
    [
        ".exe",
        ".dll",
        ".com",
        ".scr",
        ".pif",
        ".cpl",
        ".msi",
        ".msp",
        ".bat",
        ".cmd",
        ".ps1",
        ".psm1",
        ".vbs",
        ".vbe",
        ".js",
        ".jse",
        ".wsf",
        ".wsh",
        ".hta",
        ".lnk",
        ".reg",
        ".jar",
        ".sh",
        ".bash",
        ".py",
        ".pyw",
        ".pl",
        ".rb",
        ".php",
        ".apk",
        ".app",
        ".elf",
        ".bin",
        ".run",
        ".docm",
        ".xlsm",
        ".pptm",
    ]
)

# Office documents in ZIP form: the part that names the kind. A macro project inside is a
# program whatever the extension says.
_OFFICE_PARTS: Final = (
    ("word/document.xml", FileKind.WORD),
    ("xl/workbook.xml", FileKind.EXCEL),
    ("ppt/presentation.xml", FileKind.POWERPOINT),
)
_PROGRAM_MAGIC: Final = (
    b"MZ",  # Windows PE (exe, dll, scr)
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",  # Mach-O, both word sizes and byte orders
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal, and Java class files
    b"#!",  # a script with an interpreter line
)
_MP3_SYNC: Final = re.compile(rb"\xff[\xe2-\xe7\xf2-\xf7\xfa-\xff]")
_TEXT_CONTROLS: Final = frozenset("\t\n\r\f")


class Refusal(enum.StrEnum):
    """Why a file is not accepted; the UI words each in the user's language."""

    EMPTY = "empty"
    TOO_BIG = "too_big"
    PROGRAM = "program"  # an executable or a script, by content or by extension
    UNSUPPORTED = "unsupported"  # an extension the console does not take
    UNRECOGNISED = "unrecognised"  # the content matches no known kind
    MISMATCH = "mismatch"  # the content is another kind than the extension says


class AttachmentRefused(ValueError):
    """A file that is not accepted; `str()` is the English message, the fields feed the UI."""

    def __init__(
        self,
        refusal: Refusal,
        name: str,
        *,
        found: FileKind | None = None,
        expected: FileKind | None = None,
        size: int = 0,
    ):
        self.refusal = refusal
        self.name = name
        self.found = found
        self.expected = expected
        self.size = size
        super().__init__(self._english())

    def _english(self) -> str:
        n = self.name
        found = ENGLISH_NAMES[self.found] if self.found else ""
        expected = ENGLISH_NAMES[self.expected] if self.expected else ""
        if self.refusal is Refusal.EMPTY:
            return f"{n} is empty"
        if self.refusal is Refusal.TOO_BIG:
            return f"{n} is {megabytes(self.size)}; the limit is {megabytes(MAX_BYTES)}"
        if self.refusal is Refusal.PROGRAM:
            return f"{n} is a program or script; those are never attached"
        if self.refusal is Refusal.UNSUPPORTED:
            return f"{n}: files of this type are not accepted"
        if self.refusal is Refusal.UNRECOGNISED:
            return f"{n} is not a {expected} (its content is not recognised)"
        return f"{n} is a {found}, not a {expected}"


class AttachmentDamaged(Exception):
    """A stored attachment whose bytes are missing or no longer match their SHA-256."""

    def __init__(self, attachment_id: int, name: str, why: str):
        super().__init__(f"attachment {attachment_id} ({name}) is damaged: {why}")
        self.attachment_id = attachment_id
        self.name = name
        self.why = why


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file that passed every check: its safe name, kind, MIME type, size and SHA-256."""

    name: str
    kind: FileKind
    mime: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    """An attachment as the incident window lists it (never its bytes)."""

    id: int
    incident_id: int
    name: str
    kind: FileKind | None  # from the stored MIME type; None for one this build does not know
    mime: str
    size: int
    sha256: str
    added_by: str | None  # display name; None for a local tool or a rule
    added_at: datetime


def kind_of_mime(mime: str) -> FileKind | None:
    """The accepted kind a stored MIME type names."""
    return next((k for k, a in ACCEPTED.items() if a.mime == mime), None)


def cache_suffix(kind: FileKind | None) -> str:
    """The extension a cached copy carries, so that the system picks the right viewer."""
    if kind is None or kind not in ACCEPTED:
        return ".bin"
    return ACCEPTED[kind].extensions[0]


def megabytes(size: int) -> str:
    """A size for people: bytes, kB or MB with one decimal."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size / (1024 * 1024):.1f} MB"


def safe_name(name: str) -> str:
    """A file name fit to store and show: no folders, control, bidi or zero-width characters.

    A name like `report\u202egnp.exe` would show as `reportexe.png`; `../../x` or `C:\\x`
    must never become a path. An empty result becomes "attachment".
    """
    # Both separators: a name from a Windows PC arrives with backslashes on any system.
    base = PureWindowsPath(PurePosixPath(name.replace("\x00", "")).name).name
    base = clean_line(unicodedata.normalize("NFC", base))
    # Format characters (Cf) beyond the ones clean_line knows: none has a place in a name.
    base = "".join(c for c in base if unicodedata.category(c) != "Cf")
    base = base.strip(" .")  # Windows drops trailing dots; leading ones hide the file
    if not base:
        return "attachment"
    if len(base) > NAME_MAX:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 8:
            base = stem[: NAME_MAX - len(ext) - 2] + "…." + ext
        else:
            base = base[: NAME_MAX - 1] + "…"
    return base


def extension(name: str) -> str:
    """The last extension, lower case with its dot ('' when there is none)."""
    suffix = PurePosixPath(name).suffix
    return suffix.lower() if len(suffix) > 1 else ""


def sniff(data: bytes) -> FileKind | None:
    """What the bytes are, by their signature (and a look inside a ZIP); None: not known."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_PROGRAM_MAGIC):
        return FileKind.PROGRAM
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return FileKind.GIF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return FileKind.WEBP
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return FileKind.WAV
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head[4:8] == b"ftyp" or head[4:8] in (b"moov", b"mdat", b"wide", b"free"):
        return FileKind.MP4
    if head.startswith(b"ID3") or _MP3_SYNC.match(head):
        return FileKind.MP3
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if _is_text(data):
        return FileKind.TEXT
    return None


def _zip_kind(data: bytes) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return FileKind.ZIP
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        return FileKind.PROGRAM  # macros: a document that runs code when opened
    if "[Content_Types].xml" in names:
        for part, kind in _OFFICE_PARTS:
            if part in names:
                return kind
    return FileKind.ZIP


def _is_text(data: bytes) -> bool:
    """UTF-8 (a BOM allowed) without NUL and without control characters but tab and breaks."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(unicodedata.category(c) == "Cc" and c not in _TEXT_CONTROLS for c in text)


def check_file(name: str, data: bytes) -> CheckedFile:
    """Accept a file or raise AttachmentRefused: size, programs, extension against content."""
    shown = safe_name(name)
    size = len(data)
    if size == 0:
        raise AttachmentRefused(Refusal.EMPTY, shown)
    if size > MAX_BYTES:
        raise AttachmentRefused(Refusal.TOO_BIG, shown, size=size)
    ext = extension(shown)
    found = sniff(data)
    if found is FileKind.PROGRAM or ext in PROGRAM_EXTENSIONS:
        raise AttachmentRefused(Refusal.PROGRAM, shown, found=FileKind.PROGRAM)
    expected = _BY_EXTENSION.get(ext)
    if expected is None:
        raise AttachmentRefused(Refusal.UNSUPPORTED, shown, found=found)
    if found is None:
        raise AttachmentRefused(Refusal.UNRECOGNISED, shown, expected=expected)
    if found is not expected:
        raise AttachmentRefused(Refusal.MISMATCH, shown, found=found, expected=expected)
    return CheckedFile(shown, found, ACCEPTED[found].mime, size, hashlib.sha256(data).hexdigest())


def check_size(name: str, size: int) -> None:
    """Refuse a file by its size before reading it (a 4 GB video is never loaded)."""
    if size > MAX_BYTES:
        raise AttachmentRefused(Refusal.TOO_BIG, safe_name(name), size=size)


def is_sha256(text: str) -> bool:
    """True for 64 lower-case hex digits (a content address)."""
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)
