"""Signed-in users of each role, for tests of actions and views (domain.access)."""

from __future__ import annotations

from eventdesk.domain import UserRole
from eventdesk.domain.access import Principal

ADMIN = Principal("admin", UserRole.ADMIN)
ORGANISER = Principal("organiser", UserRole.ORGANISER)
DESK = Principal("desk", UserRole.DESK)
PRINT = Principal("print", UserRole.PRINT)
