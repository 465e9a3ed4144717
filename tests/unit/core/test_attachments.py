"""What a file really is, what is accepted, and names that are safe to store and show."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest

from core.attachments import (
    ACCEPTED,
    MAX_BYTES,
    AttachmentRefused,
    FileKind,
    Refusal,
    cache_suffix,
    check_file,
    check_size,
    extension,
    kind_of_mime,
    megabytes,
    safe_name,
    sniff,
)


def office(part: str, *, macros: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(part, "<x/>")
        if macros:
            z.writestr("word/vbaProject.bin", b"\x00" * 16)
    return buf.getvalue()


def plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hi")
    return buf.getvalue()


SAMPLES: dict[FileKind, tuple[str, bytes]] = {
    FileKind.JPEG: ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32)),
    FileKind.PNG: ("shot.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32)),
    FileKind.GIF: ("a.gif", b"GIF89a\x01\x00\x01\x00" + bytes(16)),
    FileKind.WEBP: ("b.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(16)),
    FileKind.PDF: ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
    FileKind.WAV: ("call.wav", b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(16)),
    FileKind.MP3: ("voice.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(16)),
    FileKind.MP4: ("clip.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00" + bytes(16)),
    FileKind.TEXT: ("notes.txt", "值班记录\n第二行\twith a tab\r\n".encode()),
    FileKind.WORD: ("letter.docx", office("word/document.xml")),
    FileKind.EXCEL: ("sheet.xlsx", office("xl/workbook.xml")),
    FileKind.POWERPOINT: ("slides.pptx", office("ppt/presentation.xml")),
}


@pytest.mark.parametrize("kind", list(SAMPLES))
def test_each_accepted_kind_is_recognised_and_accepted(kind: FileKind) -> None:
    name, data = SAMPLES[kind]
    assert sniff(data) is kind
    checked = check_file(name, data)
    assert (checked.kind, checked.mime, checked.size) == (kind, ACCEPTED[kind].mime, len(data))
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert kind_of_mime(checked.mime) is kind
    assert cache_suffix(kind) in ACCEPTED[kind].extensions


def test_other_signatures() -> None:
    assert sniff(b"\xff\xfb\x90\x64" + bytes(16)) is FileKind.MP3  # a bare MPEG frame
    assert sniff(b"\x00\x00\x00\x14ftypqt  " + bytes(8)) is FileKind.MP4  # QuickTime
    assert sniff(b"\xef\xbb\xbfBOM text") is FileKind.TEXT
    assert sniff(plain_zip()) is FileKind.ZIP
    assert sniff(b"PK\x03\x04 broken") is FileKind.ZIP
    assert sniff(bytes(range(256))) is None
    assert sniff("GBK 文本".encode("gbk")) is None  # only UTF-8 counts as text
    assert sniff(b"text with a bell \x07") is None


def test_a_file_that_is_not_what_its_extension_says_names_both() -> None:
    with pytest.raises(AttachmentRefused) as refused:
        check_file("photo.jpg", SAMPLES[FileKind.PDF][1])
    exc = refused.value
    assert (exc.refusal, exc.found, exc.expected) == (Refusal.MISMATCH, FileKind.PDF, FileKind.JPEG)
    assert str(exc) == "photo.jpg is a PDF document, not a JPEG image"
    with pytest.raises(AttachmentRefused, match=r"shot\.png is a JPEG image, not a PNG image"):
        check_file("shot.png", SAMPLES[FileKind.JPEG][1])
    with pytest.raises(AttachmentRefused) as unknown:
        check_file("scan.pdf", bytes(range(256)))
    assert unknown.value.refusal is Refusal.UNRECOGNISED
    assert str(unknown.value) == "scan.pdf is not a PDF document (its content is not recognised)"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", b"MZ\x90\x00" + bytes(64)),
        ("holiday.jpg", b"MZ\x90\x00" + bytes(64)),  # a program named as a photo
        ("tool.pdf", b"\x7fELF\x02\x01\x01" + bytes(64)),
        ("run.txt", b"#!/bin/sh\nrm -rf ~\n"),
        ("notes.txt.bat", b"echo hi\r\n"),  # text, but Windows runs it
        ("start.lnk", b"L\x00\x00\x00" + bytes(64)),
        ("macro.docx", office("word/document.xml", macros=True)),
        ("macro.docm", office("word/document.xml")),
    ],
)
def test_programs_and_scripts_are_refused(name: str, data: bytes) -> None:
    with pytest.raises(AttachmentRefused) as refused:
        check_file(name, data)
    assert refused.value.refusal is Refusal.PROGRAM
    assert "program or script" in str(refused.value)


def test_types_not_taken_empty_and_too_big() -> None:
    with pytest.raises(AttachmentRefused) as zipped:
        check_file("bundle.zip", plain_zip())
    assert zipped.value.refusal is Refusal.UNSUPPORTED
    with pytest.raises(AttachmentRefused) as noext:
        check_file("README", b"plain words")
    assert noext.value.refusal is Refusal.UNSUPPORTED
    with pytest.raises(AttachmentRefused) as empty:
        check_file("a.png", b"")
    assert empty.value.refusal is Refusal.EMPTY
    big = SAMPLES[FileKind.PNG][1] + bytes(MAX_BYTES)
    with pytest.raises(AttachmentRefused) as too_big:
        check_file("big.png", big)
    assert too_big.value.refusal is Refusal.TOO_BIG
    assert str(too_big.value) == "big.png is 50.0 MB; the limit is 50.0 MB"
    with pytest.raises(AttachmentRefused):
        check_size("huge.mp4", 4 * 1024**3)
    check_size("fine.mp4", MAX_BYTES)  # at the limit: allowed
    check_file("exact.txt", b"a" * MAX_BYTES)


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\王\\Desktop\\现场.jpg", "现场.jpg"),
        ("\\\\server\\share\\x.png", "x.png"),
        ("report\u202egnp.exe", "reportgnp.exe"),  # right-to-left override: no disguise
        ("a\u200bb\u2066c.pdf", "abc.pdf"),
        ("line\nbreak\t.txt", "line break .txt"),
        ("nul\x00.png", "nul.png"),
        ("..", "attachment"),
        ("   ", "attachment"),
        (".hidden.png", "hidden.png"),
        ("trailing.png. . ", "trailing.png"),
        ("e\u0301.png", "\u00e9.png"),  # one form of the same name (NFC)
    ],
)
def test_hostile_names_become_safe_display_names(given: str, shown: str) -> None:
    assert safe_name(given) == shown


def test_a_long_name_keeps_its_extension() -> None:
    name = safe_name("长" * 300 + ".jpeg")
    assert len(name) <= 120
    assert name.endswith("….jpeg")
    assert extension(name) == ".jpeg"
    assert safe_name("x" * 300).endswith("…")


def test_extension_and_sizes() -> None:
    assert extension("Photo.JPG") == ".jpg"
    assert extension("noext") == ""
    assert extension("dot.") == ""
    assert check_file("Photo.JPG", SAMPLES[FileKind.JPEG][1]).name == "Photo.JPG"
    assert [megabytes(n) for n in (12, 2048, 5 * 1024 * 1024)] == ["12 B", "2.0 kB", "5.0 MB"]
