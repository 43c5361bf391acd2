"""Connection secrets: a database server's password is never written in plain text, never shown.

A PostgreSQL URL may carry its password in the user part (`postgresql+psycopg://ann:PW@host/db`)
or in the query string (`…/db?password=PW`, which libpq and psycopg accept too). Every place that
shows, stores or logs a URL goes through here:

- `masked(url)`: the URL as people and logs see it, each password replaced by `***`;
- `without_password(url)`: the URL as the program keeps it (recent databases, backups'
  manifests), both forms removed;
- `keep_password` / `kept_password`: the password in the system keyring (the `keyring` package:
  Windows Credential Manager, macOS Keychain, the Secret Service on Linux), keyed by the URL
  without its password. On a machine with no keyring (a bare server, CI) nothing is kept: the
  next connection asks again (the GUI's connect dialog) or takes it from PGPASSWORD /
  EVENTDESK_DB (the command line).

A plain path is never a URL and comes back as it is. Nothing else of eventdesk is imported here,
so every layer may use it (like eventdesk.files).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["KEYRING_SERVICE", "MASK", "keep_password", "kept_password", "masked",
           "password_of", "with_password", "without_password"]

MASK = "***"
KEYRING_SERVICE = "EventDesk database"
# Query parameters that carry a password (libpq's keyword; `passwd` is MySQL's, accepted by some
# drivers: masked as well, it costs nothing).
_PASSWORD_KEYS = frozenset({"password", "passwd"})


def _is_url(text: str) -> bool:
    return "://" in text


def _rebuilt(url: str, *, user_password: str | None, query_password: str | None) -> str:
    """`url` with the password of its user part and of its query replaced: None removes it."""
    parts = urlsplit(url)
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if at:
        user, colon, _old = userinfo.partition(":")
        if colon or user_password is not None:
            secret = "" if user_password is None else ":" + user_password
            netloc = f"{user}{secret}@{hostport}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(key.lower() in _PASSWORD_KEYS for key, _v in pairs):
            kept = [(k, query_password) for k, _v in pairs
                    if k.lower() in _PASSWORD_KEYS and query_password is not None]
            others = [(k, v) for k, v in pairs if k.lower() not in _PASSWORD_KEYS]
            query = urlencode(others + kept, safe="*")
    if netloc == parts.netloc and query == parts.query:
        return url  # nothing to change: `urlunsplit` would drop a slash of sqlite:////path
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def masked(url: str) -> str:
    """The URL as shown to people and written to logs: every password as `***`."""
    if not _is_url(url):
        return url
    try:
        return _rebuilt(url, user_password=MASK if urlsplit(url).password else None,
                        query_password=MASK)
    except ValueError:  # not a URL after all (a port that is not a number…): show no part
        return url.split("://", 1)[0] + "://" + MASK


def without_password(url: str) -> str:
    """The URL as the program keeps it: no password in the user part nor in the query."""
    if not _is_url(url):
        return url
    try:
        return _rebuilt(url, user_password=None, query_password=None)
    except ValueError:
        return url.split("://", 1)[0] + "://"


def password_of(url: str) -> str | None:
    """The password `url` carries (user part first, then the query), or None."""
    if not _is_url(url):
        return None
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return None
    if password:
        return unquote(password)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _PASSWORD_KEYS and value:
            return value
    return None


def with_password(url: str, password: str) -> str:
    """The server URL with `password` in its user part (any other password removed), or in
    `?password=` when it names no user; an empty password, or a path, leaves `url` as it is."""
    if not password or not _is_url(url):
        return url
    clean = without_password(url)
    parts = urlsplit(clean)
    if "@" not in parts.netloc:  # no user part to hold it: the query carries it
        query = urlencode([*parse_qsl(parts.query, keep_blank_values=True),
                           ("password", password)])
        return urlunsplit(parts._replace(query=query))
    return _rebuilt(clean, user_password=quote(password, safe=""), query_password=None)


def keep_password(url: str, password: str) -> bool:
    """Keep `password` for `url` in the system keyring. True when kept; False when this machine
    has no usable keyring (then it is kept nowhere). Never raises for a keyring failure."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # an installation without the dependency: keep nothing
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, without_password(url), password)
    except (KeyringError, RuntimeError, OSError):
        return False
    return True


def kept_password(url: str) -> str | None:
    """The password kept for `url` (without its password) in the system keyring, or None."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, without_password(url))
    except (KeyringError, RuntimeError, OSError):
        return None
