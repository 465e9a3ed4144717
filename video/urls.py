"""Stream URLs with credentials: percent-encoded in, never out (logs, tiles, errors)."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/@\s]*@)")
REDACTED = "***"


def with_credentials(url: str, user: str, password: str) -> str:
    """`url` with `user:password@` (percent-encoded) in place of any credentials it had."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    userinfo = quote(user, safe="")
    if password:
        userinfo += ":" + quote(password, safe="")
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{host}"))


def without_credentials(url: str) -> str:
    """`url` with its user and password removed (for display)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def redact(text: str, *secrets: str) -> str:
    """`text` with every URL's userinfo and each given secret (raw and encoded) replaced.

    FFmpeg's errors carry the URL with the password (FIELD-NOTES, Cameras in the field); every
    message from the decode path passes through here before a log or a tile shows it.
    """
    out = _USERINFO.sub(lambda m: f"{m.group('scheme')}{REDACTED}@", text)
    for secret in secrets:
        if secret:
            for form in {secret, quote(secret, safe=""), quote(secret)}:
                out = out.replace(form, REDACTED)
    return out
