"""Domain errors. Each carries one sentence for people and, where scripts need it, a stable code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class DomainError(Exception):
    """Something the user can understand and act on.

    `code` is a stable key (class default, or given) whose sentence lives in eventdesk.messages,
    `params` the values that sentence needs. People see `messages.describe(error)`, never the code.
    Raise as `NotFound(code="person.not_found", person_id=7)`. A positional sentence (`message`)
    is the older form still being converted to codes.
    """

    code: str = "error"

    def __init__(self, message: str = "", /, *, code: str | None = None, **params: object) -> None:
        super().__init__(message or code or self.code)
        if code is not None:
            self.code = code
        self.params: dict[str, object] = dict(params)
        self.message = message


class NotFound(DomainError):
    code = "not_found"


class ValidationFailed(DomainError):
    """One or more fields are invalid; `fields` maps field name to the problem."""

    code = "invalid"

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("；".join(f"{k}: {v}" for k, v in self.fields.items()))


class NoEvent(DomainError):
    code = "no_event"


class EventAlreadyExists(DomainError):
    code = "event_exists"


class ScanRejected(DomainError):
    """A scanned payload that admits nobody. `reason` is one of the stable codes of the CLI
    contract: forged, other_event, revoked, cancelled, unknown, malformed."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.code = reason


class ForgedBadge(ScanRejected):
    def __init__(self, message: str = "二维码签名不符，可能是伪造的胸卡") -> None:
        super().__init__("forged", message)


@dataclass(frozen=True)
class PriorCheckIn:
    at: datetime
    desk: str
    operator: str


class AlreadyCheckedIn(DomainError):
    code = "already_checked_in"

    def __init__(self, person_name: str, prior: PriorCheckIn, message: str) -> None:
        super().__init__(message)
        self.person_name = person_name
        self.prior = prior


@dataclass
class RowError:
    """A problem with one cell of an imported list. `code` + `params` name it for
    eventdesk.messages; `message` is a sentence from a service not yet converted to codes."""

    row: int
    column: str
    value: str
    message: str = ""
    code: str = ""
    params: dict[str, object] = field(default_factory=dict)


class ImportRejected(DomainError):
    """A file refused as a whole; `errors` lists its problems by row and column when known."""

    code = "import_rejected"

    def __init__(self, message: str = "", errors: list[RowError] | None = None, *,
                 code: str | None = None, **params: object) -> None:
        super().__init__(message, code=code, **params)
        self.errors: list[RowError] = list(errors or [])


class ScheduleConflict(DomainError):
    code = "schedule_conflict"

