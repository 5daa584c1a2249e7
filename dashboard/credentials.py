"""Leadership credentials: salted scrypt hashes (memory-hard, Python's standard library).

An entry is `user:scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (salt and key in unpadded URL-safe
base64, so an entry holds no `:`, `,` or `#`). `python -m dashboard.users add NAME` writes one.
The old `user:<sha256 hex>` entries are refused with a message saying how to migrate.

Everything here is pure: input as arguments, no Flask, no environment.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping

SCHEME = "scrypt"
# OWASP's scrypt minimum: N = 2^17, r = 8, p = 1 (128 MiB and ~0.4 s per hash on these machines).
LOG2_N, BLOCK_SIZE, PARALLELISM = 17, 8, 1
KEY_BYTES, SALT_BYTES = 32, 16
MIN_PASSWORD_CHARS = 12
_MAX_LOG2_N = 20  # a stored entry asking for more memory than this is refused, not computed
_HEX = frozenset("0123456789abcdef")
_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

MIGRATE_HINT = (
    "run `python -m dashboard.users add {user}` (it asks for the password and writes a scrypt "
    "entry into COP_LEADERSHIP_USERS_FILE), then remove the old entry"
)


class CredentialError(ValueError):
    """A credential entry that cannot be used. The message names the entry's position (and the
    user for an old sha256 entry), never the hash."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=2**log2_n,
        r=r,
        p=p,
        maxmem=256 * r * p * 2**log2_n,
        dklen=KEY_BYTES,
    )


def hash_password(password: str, *, log2_n: int = LOG2_N) -> str:
    """A new salted scrypt entry value for `password`."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, log2_n, BLOCK_SIZE, PARALLELISM)
    return f"{SCHEME}${log2_n}${BLOCK_SIZE}${PARALLELISM}${_b64(salt)}${_b64(key)}"


def _well_formed(value: str) -> bool:
    parts = value.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    _, log2_n, r, p, salt, key = parts
    numbers_ok = all(x.isdigit() for x in (log2_n, r, p)) and 10 <= int(log2_n) <= _MAX_LOG2_N
    return (
        numbers_ok
        and 1 <= int(r) <= 32
        and 1 <= int(p) <= 4
        and all(len(x) >= 16 and set(x) <= _B64 for x in (salt, key))
    )


def verify_password(stored: str, password: str) -> bool:
    """True when `password` matches a stored scrypt entry value (constant-time comparison)."""
    _, log2_n, r, p, salt, key = stored.split("$")
    computed = _scrypt(password, _unb64(salt), int(log2_n), int(r), int(p))
    return hmac.compare_digest(computed, _unb64(key))


# Compared against when the user is unknown, so a wrong user costs the same as a wrong password.
_DUMMY = f"{SCHEME}${LOG2_N}${BLOCK_SIZE}${PARALLELISM}${'A' * 22}${'A' * 43}"


def check_password(users: Mapping[str, str], user: str, password: str) -> bool:
    """True when `password` is `user`'s; costs one scrypt also for an unknown user."""
    matches = verify_password(users.get(user or "", _DUMMY), password or "")
    return matches and (user or "") in users


def parse_users(text: str | None) -> dict[str, str]:
    """`{user: scrypt entry}` from `user:scrypt$…` entries separated by commas or new lines.

    Blank entries and `#` comments are skipped. A malformed entry, or an old unsalted sha256
    one, raises CredentialError: one unusable entry disables the whole configuration.
    """
    users: dict[str, str] = {}
    entries: list[str] = []
    for line in (text or "").splitlines():
        line = line.split("#", 1)[0]
        entries.extend(part.strip() for part in line.split(","))
    for position, entry in enumerate((e for e in entries if e), start=1):
        user, sep, value = (part.strip() for part in entry.partition(":"))
        if sep and user and len(value) == 64 and set(value.lower()) <= _HEX:
            raise CredentialError(
                f"credential entry {position} (user {user!r}) is an unsalted sha256 hash, "
                "which is no longer accepted: " + MIGRATE_HINT.format(user=user)
            )
        if not sep or not user or not _well_formed(value):
            raise CredentialError(
                f"credential entry {position} is not 'user:scrypt$…' "
                "(write entries with `python -m dashboard.users add NAME`)"
            )
        users[user] = value
    return users


def credential_fingerprint(stored: str) -> str:
    """A server-side fingerprint of a user's entry: a session remembers the one it was opened
    with, so a new password (or a removed user) ends every older session."""
    return hashlib.sha256(b"credential:" + stored.encode("ascii")).hexdigest()
