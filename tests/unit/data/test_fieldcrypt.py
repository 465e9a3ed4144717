"""Field keys on disk, AES-256-GCM values that name their key, and the keyed index."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from core.keys import KeyFileError
from data.fieldcrypt import (
    FIELD_KEYS_FILE,
    RETIRED_KEYS_FILE,
    FieldCryptError,
    archive_retired,
    ensure_field_keys,
    key_file,
    load_field_keys,
)

NUMBER = "120106194802291234"
COLUMN = "resident.id_number"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "keys"


def test_keys_are_created_once_owner_only(folder: Path) -> None:
    assert ensure_field_keys(folder)
    path = key_file(folder)
    assert path.name == FIELD_KEYS_FILE
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    before = path.read_bytes()
    assert not ensure_field_keys(folder)
    assert path.read_bytes() == before
    doc = json.loads(before)
    assert doc["current"] == "k1"
    assert set(doc["keys"]) == {"k1"}
    assert doc["index_key"] not in doc["keys"].values()  # a separate key for the index


def test_a_value_round_trips_names_its_key_and_hides_the_number(folder: Path) -> None:
    ensure_field_keys(folder)
    keys = load_field_keys(folder)
    token = keys.encrypt(NUMBER, COLUMN)
    assert token.startswith("k1:")
    assert NUMBER not in token
    assert keys.decrypt(token, COLUMN) == NUMBER
    assert keys.encrypt(NUMBER, COLUMN) != token  # a fresh nonce each time


def test_a_value_moved_to_another_column_or_altered_does_not_decrypt(folder: Path) -> None:
    ensure_field_keys(folder)
    keys = load_field_keys(folder)
    token = keys.encrypt(NUMBER, COLUMN)
    with pytest.raises(FieldCryptError):
        keys.decrypt(token, "resident.birth_date")
    kid, _, body = token.partition(":")
    flipped = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    with pytest.raises(FieldCryptError):
        keys.decrypt(f"{kid}:{flipped}", COLUMN)
    with pytest.raises(FieldCryptError):
        keys.decrypt("plain text", COLUMN)


def test_the_index_is_keyed_and_agrees_on_typed_forms(folder: Path, tmp_path: Path) -> None:
    ensure_field_keys(folder)
    keys = load_field_keys(folder)
    x = "12010619480229123X"
    assert keys.index(x) == keys.index(" 12010619480229123x ")
    assert keys.index(x) != keys.index(NUMBER)
    assert len(keys.index(x)) == 64
    other = tmp_path / "other"
    ensure_field_keys(other)
    assert load_field_keys(other).index(x) != keys.index(x)
    assert load_field_keys(other).fingerprint != keys.fingerprint


def test_a_missing_key_file_says_which_file_and_what_to_do(folder: Path) -> None:
    with pytest.raises(KeyFileError, match=r"field-keys\.json is missing") as err:
        load_field_keys(folder)
    assert str(key_file(folder)) in str(err.value)
    assert "console key init" in str(err.value)
    with pytest.raises(KeyFileError, match="no key folder"):
        load_field_keys(None)


def test_a_damaged_key_file_is_reported_and_never_replaced(folder: Path) -> None:
    folder.mkdir()
    key_file(folder).write_text('{"format": "street-console field keys 1", "keys": {}}')
    with pytest.raises(KeyFileError, match="damaged"):
        load_field_keys(folder)
    with pytest.raises(KeyFileError, match="damaged"):
        ensure_field_keys(folder)
    assert "keys" in key_file(folder).read_text()  # left as it was


def test_a_value_under_a_key_this_workstation_lacks_names_the_key(folder: Path) -> None:
    ensure_field_keys(folder)
    keys = load_field_keys(folder)
    token = keys.encrypt(NUMBER, COLUMN)
    keys.keys["k2"] = os.urandom(32)
    keys.current = "k2"
    keys.retiring = ["k1"]
    keys.__post_init__()
    newer = keys.encrypt(NUMBER, COLUMN)
    # Both decrypt while the old key is kept; archived, the old key leaves the live file.
    assert keys.decrypt(token, COLUMN) == keys.decrypt(newer, COLUMN) == NUMBER
    archive = archive_retired(keys, ["k1"])
    assert archive.name == RETIRED_KEYS_FILE
    live = load_field_keys(folder)
    assert set(live.keys) == {"k2"}
    assert live.decrypt(newer, COLUMN) == NUMBER
    with pytest.raises(KeyFileError, match="has no key 'k1'"):
        live.decrypt(token, COLUMN)
    assert "k1" in json.loads(archive.read_text())["keys"]
