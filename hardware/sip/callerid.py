"""Caller id from SIP headers: the number (digits of the user part) and a cleaned display name."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

MAX_NUMBER = 32
MAX_DISPLAY = 64

_NAME_ADDR = re.compile(r'^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^>]*)>')
_HEADER = re.compile(r"^(P-Asserted-Identity|From|f)\s*:\s*(.*)$", re.IGNORECASE | re.MULTILINE)


def clean_text(text: str, limit: int) -> str:
    """Printable text only (control and format characters removed), whitespace collapsed, capped."""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] not in "C"
    )
    return " ".join(kept.split())[:limit]


def parse_name_addr(value: str) -> tuple[str, str]:
    """(display name, URI) of a header value such as `"Zhang San" <sip:138...@pbx>;tag=1`."""
    m = _NAME_ADDR.match(value)
    if m:
        display = m.group(1) if m.group(1) is not None else (m.group(2) or "")
        return re.sub(r"\\(.)", r"\1", display).strip(), m.group(3).strip()
    return "", value.split(";", 1)[0].strip()


def uri_number(uri: str) -> str:
    """The digits of a sip:/sips:/tel: URI's user part ("" for anonymous or a name)."""
    uri = uri.strip()
    scheme, _, rest = uri.partition(":")
    if scheme.lower() not in ("sip", "sips", "tel"):
        return ""
    user = rest.split("@", 1)[0] if scheme.lower() != "tel" or "@" in rest else rest
    user = unquote(user.split(";", 1)[0].split("?", 1)[0].split(":", 1)[0])
    return "".join(ch for ch in user if ch.isascii() and ch.isdigit())[:MAX_NUMBER]


def caller_id(remote_uri: str, invite: str = "") -> tuple[str, str]:
    """(number, display) of an inbound call: P-Asserted-Identity when present, else From.

    `remote_uri` is the From header's name-addr as pjsua reports it; `invite` the whole
    request, searched for a P-Asserted-Identity. Both are untrusted: the result is clean.
    """
    display, uri = parse_name_addr(remote_uri)
    headers = invite.split("\r\n\r\n", 1)[0].split("\n\n", 1)[0]
    for name, value in _HEADER.findall(headers):
        if name.lower() == "p-asserted-identity":
            # The first identity of the header (a PAI may carry a sip: and a tel: URI).
            pai_display, pai_uri = parse_name_addr(value.split(",", 1)[0])
            if uri_number(pai_uri):
                uri = pai_uri
                display = pai_display or display
            break
    return uri_number(uri), clean_text(display, MAX_DISPLAY)


def dial_string(number: str) -> str:
    """The characters of a number that may go into a request URI's user part."""
    return "".join(ch for ch in number if ch.isascii() and (ch.isdigit() or ch in "+*"))[
        :MAX_NUMBER
    ]
