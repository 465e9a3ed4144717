"""Password hashing, random passwords, and the frozen principal of an account."""

from __future__ import annotations

import base64
import logging
import secrets
import string

import argon2

from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Principal
from data.models import User

log = logging.getLogger(__name__)


class Argon2Hasher:
    """argon2id via argon2-cffi; parameters are its RFC 9106 low-memory defaults."""

    def __init__(self, hasher: argon2.PasswordHasher | None = None):
        self._h = hasher or argon2.PasswordHasher()

    def hash(self, password: str) -> str:
        return self._h.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        try:
            return self._h.verify(stored, password)
        except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        # A reference (a hash without its digest, see hash_like) is judged by its parameters.
        return self._h.check_needs_rehash(_with_digest(stored))

    def hash_like(self, reference: str, password: str) -> str:
        try:
            params = argon2.extract_parameters(_with_digest(reference))
            salt_b64 = reference.rsplit("$", 1)[1]
            salt = base64.b64decode(salt_b64 + "=" * (-len(salt_b64) % 4))
        except (argon2.exceptions.InvalidHashError, ValueError, IndexError):
            # A malformed reference: a hash that matches nothing, at the usual cost.
            return self.hash(password)
        encoded = argon2.low_level.hash_secret(
            password.encode(),
            salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_cost,
            parallelism=params.parallelism,
            hash_len=params.hash_len,
            type=params.type,
            version=params.version,
        )
        return encoded.decode("ascii")


def _with_digest(encoded: str) -> str:
    """An argon2 encoded hash, a stand-in digest put back if it has none: argon2-cffi parses
    parameters only from a whole hash; the digest length is its default, 32 bytes."""
    return encoded + "$" + "A" * 43 if encoded.count("$") == 4 else encoded


def generate_password(length: int = 14) -> str:
    """A random password that passes LoginPolicy, without look-alike characters."""
    alphabet = "".join(c for c in string.ascii_letters + string.digits if c not in "0OoIl1")
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(length))
        if any(c.isdigit() for c in pw) and any(c.isalpha() for c in pw):
            return pw


def principal_of(user: User) -> Principal:
    """The frozen view of a user that services and the GUI pass around."""
    role = RoleName(user.role.name)
    codes = frozenset(c.code for c in user.communities)
    # Scope fails closed: a station account without a community sees none, not the street.
    scope = codes if codes or role is RoleName.STATION else None
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=role,
        permissions=ROLE_PERMISSIONS[role],
        communities=scope,
    )
