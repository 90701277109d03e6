"""Who may use the console: accounts from the environment, passwords checked against salted hashes.

- `ADMIN_USER` + `ADMIN_PASSWORD_HASH`: one account (the hash from `python -m etl hash-password`);
- `KELOLA_USERS`: a file of more accounts, one `name:hash` per line (`#` starts a comment), re-read at
  every login so that an account can be added or removed without a restart.

Plain passwords are never stored or accepted from the environment. werkzeug.security checks the hashes.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

import settings

log = logging.getLogger(__name__)
USER_RE = re.compile(r"[A-Za-z0-9._@-]{1,64}")
# Checked when the name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY = generate_password_hash("not a password of anyone", method="scrypt")


def accounts() -> dict[str, str]:
    """name -> password hash, from the environment and the users file."""
    out: dict[str, str] = {}
    cfg = settings.current()
    user, hashed = cfg.admin_user, cfg.admin_password_hash
    if user and hashed and USER_RE.fullmatch(user):
        out[user] = hashed
    path = cfg.kelola_users
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            log.warning("KELOLA_USERS %s cannot be read: %s", path, exc)
            lines = []
        for n, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, h = line.partition(":")
            if not sep or not USER_RE.fullmatch(name.strip()) or "$" not in h:
                log.warning("KELOLA_USERS %s, line %d: expected name:hash; ignored", path, n)
                continue
            out[name.strip()] = h.strip()
    return out


def configured() -> str | None:
    """Why the console cannot work (no SECRET_KEY, no account), or None when it can."""
    if not settings.current().secret_key:
        return "SECRET_KEY"
    if not accounts():
        return "ADMIN_USER / ADMIN_PASSWORD_HASH / KELOLA_USERS"
    return None


def check(user: str, password: str) -> str | None:
    """The account's name when the password is right, else None (always one hash check)."""
    known = accounts()
    name = user.strip()
    hashed = known.get(name) if USER_RE.fullmatch(name) else None
    try:
        ok = check_password_hash(hashed or _DUMMY, password)
    except (ValueError, TypeError):  # a malformed hash in the environment
        log.warning("the password hash of %r is malformed", name)
        ok = False
    return name if ok and hashed else None
