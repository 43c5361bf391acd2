"""Signed-in users for tests that build an ActionContext themselves (issue 12: every action
checks the role). ADMIN may do everything; the role x action table test uses the others."""

from __future__ import annotations

from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole

ADMIN = Principal("admin", UserRole.ADMIN)
ORGANISER = Principal("organiser", UserRole.ORGANISER)
DESK = Principal("desk1", UserRole.DESK)
PRINT = Principal("print1", UserRole.PRINT)
