"""Domain errors: a stable code and its parameters; eventdesk.messages words them for people.

Raise as `NotFound(code="person.not_found", person_id=7)`: the code names the case, the
parameters are what its sentence needs (the sentence itself lives in `eventdesk/messages/`). A
class's own `code` is the fallback for a raise that gives none. People see
`messages.describe(error)`, never the code, never `str(error)`.

A positional sentence (`NotFound("找不到…")`, kept in `sentence`) is the older form, still
accepted while the areas are converted; describe() shows it as it is, in whatever language it was
written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# How an error is worded: installed by eventdesk.messages when it is imported (the domain sits
# below it and cannot import it), so that code still reading `error.message` sees a sentence.
_wording: Callable[[DomainError], str] | None = None


def install_wording(word: Callable[[DomainError], str]) -> None:
    global _wording
    _wording = word


class DomainError(Exception):
    """Something the user can understand and act on.

    code: stable dotted key (`area.what`); given, it names this very case and describe() words it
    even when an older sentence is kept beside it in `sentence` for code that still reads that.
    params: the values its sentence needs (names, numbers, the offending value …).
    sentence: the older form, a sentence given instead of (or beside) a code; "" when none.
    """

    code: str = "error"

    def __init__(self, message: str = "", /, *, code: str | None = None, **params: object) -> None:
        super().__init__(message or code or self.code)
        if code is not None:
            self.code = code  # an instance attribute: the raise named its case (see describe)
        self.params: dict[str, object] = dict(params)
        self.sentence = message

    @property
    def message(self) -> str:
        """The error as a sentence, for code written before messages by code (new code calls
        `messages.describe`): describe()'s sentence once eventdesk.messages is loaded, else the
        older sentence or the code."""
        if _wording is not None:
            return _wording(self)
        return self.sentence or self.code

    @message.setter
    def message(self, value: str) -> None:
        self.sentence = value

    @property
    def code_given(self) -> bool:
        """True when the raise gave a code rather than relying on the class default."""
        return "code" in vars(self)


class NotFound(DomainError):
    code = "not_found"


class Phrase(str):
    """A word or sentence still to be put into the person's language: a message code (the string
    itself) and its parameters. Given as a parameter of another message, eventdesk.messages words
    it first (e.g. `what=Phrase("imports.kind.people")` in a duplicate-row message)."""

    params: dict[str, object]

    def __new__(cls, code: str, /, **params: object) -> Phrase:
        self = super().__new__(cls, code)
        self.params = dict(params)
        return self

    @property
    def code(self) -> str:
        return str.__str__(self)


class FieldProblem(Phrase):
    """What is wrong with one field: a message code (the string itself) and its parameters.

    It is a str so that code written when field problems were sentences (joining them, copying
    them into an import row error) keeps working; it then sees the code. Word it with
    `messages.text(problem.code, **problem.params)`. An older sentence used as a "code" is not
    in any catalogue and so is shown as it is.
    """

    def __repr__(self) -> str:
        return f"FieldProblem({self.code!r}, **{self.params!r})"


def length_problems(data: object, limits: Mapping[str, int]) -> dict[str, FieldProblem]:
    """Field key -> common.too_long (length, limit in characters) for each text attribute of
    `data` named in `limits` that is longer than its limit (None counts as empty)."""
    problems: dict[str, FieldProblem] = {}
    for key, limit in limits.items():
        length = len(getattr(data, key) or "")
        if length > limit:
            problems[key] = FieldProblem("common.too_long", length=length, limit=limit)
    return problems


class ValidationFailed(DomainError):
    """One or more fields are invalid: `fields` maps a field key (the input's attribute name) to
    its FieldProblem, every bad field at once. A plain str value (an older sentence) is accepted
    and kept as a FieldProblem without parameters."""

    code = "invalid"

    def __init__(self, fields: Mapping[str, str], /, *, code: str | None = None,
                 **params: object) -> None:
        self.fields: dict[str, FieldProblem] = {
            key: value if isinstance(value, FieldProblem) else FieldProblem(value)
            for key, value in fields.items()}
        super().__init__(code=code, **params)


class NoEvent(DomainError):
    code = "no_event"


class EventAlreadyExists(DomainError):
    code = "event_exists"


class Forbidden(DomainError):
    """The signed-in user's role does not allow the action (CLI exit 5). Parameters:
    `permission` (domain.access.Permission value), `role` (the user's), `needed` (the least role
    that has it) — worded as one sentence naming the role needed."""

    code = "forbidden"
    exit_code = 5


class NotSignedIn(DomainError):
    """An action that needs a user ran with nobody signed in, or the password was wrong
    (CLI exit 5: the user is not allowed to act)."""

    code = "not_signed_in"
    exit_code = 5


class IntegrityFailed(DomainError):
    """An integrity check failed: the audit chain, a backup file (CLI exit 6). Parameters name
    what failed and where (e.g. `entry` = the first bad audit entry's id)."""

    code = "integrity_failed"
    exit_code = 6


class ScanRejected(DomainError):
    """A scanned payload that admits nobody. `reason` is one of the stable codes of the CLI
    contract: forged, other_event, revoked, cancelled, unknown, malformed (not a message code:
    give that as `code=`)."""

    code = "scan_rejected"

    def __init__(self, reason: str, message: str = "", /, *, code: str | None = None,
                 **params: object) -> None:
        super().__init__(message, code=code, **params)
        self.reason = reason


FORGED_MESSAGE_ZH = "二维码签名不符，可能是伪造的胸卡"


class ForgedBadge(ScanRejected):
    """The payload's signature (ED2) does not verify under the event's public keys, or its
    digest (ED1) is not one of the badges printed before migration 0007."""

    code = "forged_badge"

    def __init__(self, message: str = FORGED_MESSAGE_ZH, /, *, code: str = "forged_badge",
                 **params: object) -> None:
        # The sentence stays in `sentence` for code that still reads it; the code words it.
        super().__init__("forged", message, code=code, **params)


@dataclass
class RowError:
    """One problem in one row of an imported table.

    row: 1 = the first row under the header; column: the header text; value: the cell.
    code/params: the problem as a message code (word with `messages.text(code, **params)`);
    message: the older sentence form (or the worded code, once an edge has worded it).
    """

    row: int
    column: str
    value: str
    message: str = ""
    code: str = ""
    params: dict[str, object] = field(default_factory=dict)


class ImportRejected(DomainError):
    """Nothing was imported: the file, its mapping or its rows are not acceptable (`errors`)."""

    code = "import_rejected"

    def __init__(self, message: str = "", errors: list[RowError] | None = None, *,
                 code: str | None = None, **params: object) -> None:
        super().__init__(message, code=code, **params)
        self.errors: list[RowError] = list(errors or [])
