"""Field-level encryption at rest (AES-256-GCM) and a keyed index (HMAC-SHA256), keys on disk.

The keys live in the site's key folder (core.keys), never in the database:
`field-keys.json` (mode 0600) holds the encryption keys by id, which of them is current, and a
separate index key. A ciphertext is text, `<key id>:<base64 of nonce ‖ ciphertext ‖ tag>`, so
it names the key it needs and rotation can proceed row by row. The field's name and the key id
are bound in as associated data: a value copied into another column does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from core.idcard import normalize
from core.keys import KeyFileError, make_key_dir, write_secret

log = logging.getLogger(__name__)

FIELD_KEYS_FILE: Final = "field-keys.json"
RETIRED_KEYS_FILE: Final = "field-keys-retired.json"
FORMAT: Final = "street-console field keys 1"
KEY_BYTES: Final = 32  # AES-256
NONCE_BYTES: Final = 12  # GCM's 96-bit nonce, random per value
_FINGERPRINT_LABEL: Final = b"street-console field keys fingerprint v1"


class FieldCryptError(Exception):
    """A stored value could not be decrypted: wrong key for it, or the value was altered."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class FieldKeys:
    """The keys of one site, as read from (and written to) its key file."""

    path: Path
    current: str
    keys: dict[str, bytes]
    index_key: bytes
    # Keys a rotation is moving rows away from; kept until every row has been re-encrypted.
    retiring: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Imported here: cryptography loads when keys are used, not with the console (~20 ms).
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = {kid: AESGCM(k) for kid, k in self.keys.items()}
        self._index = hmac.new(self.index_key, digestmod=hashlib.sha256)

    # --- values ---------------------------------------------------------------------------
    def encrypt(self, plaintext: str, column: str) -> str:
        """A fresh ciphertext of `plaintext` under the current key, bound to `column`."""
        kid = self.current
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead[kid].encrypt(nonce, plaintext.encode("utf-8"), _aad(column, kid))
        return f"{kid}:{_b64(nonce + sealed)}"

    def decrypt(self, token: str, column: str) -> str:
        """The plaintext of a stored value; KeyFileError if its key is not in the key file."""
        kid, sep, body = token.partition(":")
        if not sep:
            raise FieldCryptError(f"{column}: not an encrypted value")
        aead = self._aead.get(kid)
        if aead is None:
            raise KeyFileError(
                f"{self.path} has no key {kid!r}, which this database's {column} values need: "
                f"copy the site's current {FIELD_KEYS_FILE} to this workstation"
            )
        from cryptography.exceptions import InvalidTag

        try:
            raw = _unb64(body)
            plain = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _aad(column, kid))
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise FieldCryptError(
                f"{column}: a stored value does not decrypt with key {kid!r} (altered or copied "
                "from another row's column)"
            ) from exc
        return plain.decode("utf-8")

    @staticmethod
    def key_id(token: str) -> str:
        """The id of the key a stored value was encrypted with."""
        return token.partition(":")[0]

    def index(self, id_number: str) -> str:
        """The keyed index of an identity number (hex), for exact lookups; typed forms agree."""
        h = self._index.copy()
        h.update(normalize(id_number).encode("ascii", "replace"))
        return h.hexdigest()

    @property
    def fingerprint(self) -> str:
        """Names the index key without revealing it: the database records which keys it uses."""
        return hmac.new(self.index_key, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:16]

    # --- the file -------------------------------------------------------------------------
    def to_json(self) -> bytes:
        """The key file's content."""
        doc = {
            "format": FORMAT,
            "current": self.current,
            "keys": {kid: _b64(k) for kid, k in self.keys.items()},
            "index_key": _b64(self.index_key),
            "retiring": self.retiring,
            "written": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    def save(self) -> None:
        """Write the key file atomically, 0600 from its first byte."""
        make_key_dir(self.path.parent)
        write_secret(self.path, self.to_json())

    def next_key_id(self) -> str:
        """An id not used yet: k1, k2, …"""
        n = 1 + max((int(k[1:]) for k in self.keys if k[1:].isdigit()), default=0)
        return f"k{n}"


def _aad(column: str, kid: str) -> bytes:
    return f"{column}|{kid}".encode()


def key_file(folder: Path) -> Path:
    """Where a key folder keeps the field keys."""
    return folder / FIELD_KEYS_FILE


def load_field_keys(folder: Path | None) -> FieldKeys:
    """Read the field keys; KeyFileError (naming the file and the remedy) if absent or bad."""
    if folder is None:
        raise KeyFileError(
            "no key folder is configured on this workstation (`--keys DIR` or $CONSOLE_KEYS)"
        )
    path = key_file(folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(
            f"the site key file {path} is missing on this workstation: copy it from the site's "
            "key holder, or create the keys of a new site with `console key init`"
        ) from None
    except OSError as exc:
        raise KeyFileError(f"the site key file {path} cannot be read: {exc.strerror}") from exc
    _warn_if_open(path)
    try:
        doc: dict[str, Any] = json.loads(raw)
        if doc.get("format") != FORMAT:
            raise ValueError(f"unknown format {doc.get('format')!r}")
        keys = {str(kid): _unb64(str(k)) for kid, k in dict(doc["keys"]).items()}
        current = str(doc["current"])
        index_key = _unb64(str(doc["index_key"]))
        retiring = [str(k) for k in doc.get("retiring", [])]
        if current not in keys:
            raise ValueError(f"the current key {current!r} is not among the keys")
        if any(len(k) != KEY_BYTES for k in keys.values()) or len(index_key) != KEY_BYTES:
            raise ValueError("a key is not 256 bits long")
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise KeyFileError(
            f"the site key file {path} is damaged ({exc}); restore it from the site's backup "
            "of the key folder"
        ) from exc
    return FieldKeys(path, current, keys, index_key, retiring)


def _warn_if_open(path: Path) -> None:
    if os.name == "posix" and path.stat().st_mode & 0o077:
        log.warning("%s is readable by other users than its owner: chmod 600 it", path)


def new_field_keys(folder: Path) -> FieldKeys:
    """Fresh keys (not yet written): k1 current, and an index key."""
    return FieldKeys(
        key_file(folder),
        "k1",
        {"k1": secrets.token_bytes(KEY_BYTES)},
        secrets.token_bytes(KEY_BYTES),
    )


def ensure_field_keys(folder: Path) -> bool:
    """Create the field keys if the folder has none; True if created.

    An existing file is never replaced, even a damaged one (KeyFileError): new keys would make
    every value encrypted under the old ones unreadable.
    """
    make_key_dir(folder)
    if key_file(folder).exists():
        load_field_keys(folder)
        return False
    new_field_keys(folder).save()
    return True


def archive_retired(keys: FieldKeys, kids: list[str]) -> Path:
    """Move keys no row uses any more out of the live key file, into the retired-keys file.

    Backups of the database taken before the rotation still need them; the administrator
    keeps that file offline. The live file is rewritten only after the archive is safe.
    """
    archive = keys.path.with_name(RETIRED_KEYS_FILE)
    old: dict[str, str] = {}
    if archive.exists():
        try:
            old = dict(json.loads(archive.read_bytes()).get("keys", {}))
        except (ValueError, TypeError) as exc:
            raise KeyFileError(f"{archive} is damaged ({exc}); nothing was changed") from exc
    old.update({kid: _b64(keys.keys[kid]) for kid in kids if kid in keys.keys})
    doc = {"format": FORMAT, "keys": old, "note": "keys of backups older than a rotation"}
    write_secret(archive, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))
    for kid in kids:
        if kid != keys.current:
            keys.keys.pop(kid, None)
    keys.retiring = [k for k in keys.retiring if k not in kids]
    keys.__post_init__()
    keys.save()
    return archive
