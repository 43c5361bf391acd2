"""Where the bundled resources and migrations are, installed or in a source checkout.

In the wheel, resources/ and db/ are copied inside the package; in a checkout (editable install,
tests) they sit at the top of the repository. Nothing else of eventdesk is imported here, so every
layer may use it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"EventDesk installation is incomplete: no {name}/ directory")


@cache
def resources_dir() -> Path:
    return _find("resources")


@cache
def migrations_dir() -> Path:
    return _find("db")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
