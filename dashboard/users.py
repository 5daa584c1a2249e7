"""Leadership users: `python -m dashboard.users add NAME` (or `remove NAME`).

`add` asks twice for the password (or reads one line from stdin with `--password-stdin`),
hashes it with scrypt (credentials.py) and writes `NAME:scrypt$…` into the users file: the
file named by `--file`, else `$COP_LEADERSHIP_USERS_FILE`. An existing line of NAME is
replaced, so `add` is also how a password is changed (which ends NAME's open sessions).
The file is created 0600. Other lines, comments included, are kept as they are.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from pathlib import Path

from dashboard.credentials import MIN_PASSWORD_CHARS, hash_password

ENV_USERS_FILE = "COP_LEADERSHIP_USERS_FILE"
_NAME = re.compile(r"[\w.-]{1,64}")


class UsageError(ValueError):
    pass


def _entry_user(line: str) -> str | None:
    entry = line.split("#", 1)[0].strip()
    return entry.partition(":")[0].strip() if ":" in entry else None


def write_user(path: Path, name: str, password: str | None) -> None:
    """Add or replace `name`'s line (`password=None` removes it), keeping every other line."""
    if not _NAME.fullmatch(name):
        raise UsageError("a user name is 1–64 letters, digits, '.', '_' or '-'")
    if password is not None and len(password) < MIN_PASSWORD_CHARS:
        raise UsageError(f"a password has at least {MIN_PASSWORD_CHARS} characters")
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if _entry_user(line) != name]
    if password is None and len(kept) == len(lines):
        raise UsageError(f"{name} is not in {path}")
    if password is not None:
        kept.append(f"{name}:{hash_password(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("".join(line + "\n" for line in kept))
    path.chmod(0o600)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.users", description=__doc__)
    parser.add_argument("action", choices=["add", "remove"])
    parser.add_argument("name")
    parser.add_argument("--file", type=Path, help=f"the users file (default ${ENV_USERS_FILE})")
    parser.add_argument("--password-stdin", action="store_true", help="read the password line")
    args = parser.parse_args(argv)
    named = args.file or os.environ.get(ENV_USERS_FILE)
    if not named:
        parser.error(f"name the users file with --file or {ENV_USERS_FILE}")
    path = Path(named)
    try:
        password = _password(args.password_stdin) if args.action == "add" else None
        write_user(path, args.name, password)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    done = "written to" if password is not None else "removed from"
    print(f"{args.name} {done} {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
