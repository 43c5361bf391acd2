"""describe(): one sentence per error, in the chosen language; never an unexpected error's text."""

from __future__ import annotations

import errno
import inspect
import os

import pytest

from eventdesk import messages
from eventdesk.domain import errors
from eventdesk.domain.errors import (
    DomainError,
    FieldProblem,
    ForgedBadge,
    ImportRejected,
    NotFound,
    RowError,
    ScanRejected,
    ValidationFailed,
)
from eventdesk.messages import os_errors
from eventdesk.services.people import PersonInput, validate_person


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def example(cls: type[DomainError]) -> DomainError:
    """An instance of `cls` raised the new way (no sentence of its own), by its public signature."""
    if issubclass(cls, ForgedBadge):
        return cls()
    if issubclass(cls, ScanRejected):
        return cls("revoked")
    if issubclass(cls, ValidationFailed):
        return cls({"name": FieldProblem("person.name_required")})
    if issubclass(cls, ImportRejected):
        return cls("", [RowError(2, "Phone", "123", code="common.phone_invalid",
                                 params={"value": "123"})])
    return cls()


ERROR_CLASSES = sorted(
    (c for _, c in inspect.getmembers(errors, inspect.isclass)
     if issubclass(c, DomainError) and c.__module__ == errors.__name__),
    key=lambda c: c.__name__)


def test_the_error_classes_are_all_found() -> None:
    names = {c.__name__ for c in ERROR_CLASSES}
    assert {"DomainError", "NotFound", "ValidationFailed", "ScanRejected", "ForgedBadge",
            "ImportRejected"} <= names


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_each_error_class_is_a_sentence_in_both_languages(cls: type[DomainError]) -> None:
    exc = example(cls)
    assert exc.code in messages.catalogue()
    zh = messages.describe(exc)
    messages.set_language("en")
    en = messages.describe(exc)
    assert has_cjk(zh) and zh != exc.code
    assert en and not has_cjk(en) and en != exc.code and en != zh


def test_validation_is_worded_field_by_field() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_person(PersonInput(name=" ", phone="12345", email="not-mail", category="alien"))
    exc = caught.value
    assert set(exc.fields) == {"name", "phone", "email", "category"}
    assert exc.fields["phone"].code == "common.phone_invalid"
    assert exc.fields["phone"].params == {"value": "12345"}
    assert messages.field_texts(exc)["name"] == "姓名不能为空"
    zh = messages.describe(exc)
    assert "姓名" in zh and "“12345”不是有效的电话号码" in zh and "alien" in zh
    messages.set_language("en")
    en = messages.describe(exc)
    assert "Name: A name is required" in en and "“12345” is not a valid phone number" in en
    assert "E-mail" in en and not has_cjk(en)
    assert messages.field_texts(exc)["category"] == "Unknown category “alien”"


def test_a_code_given_at_the_raise_wins_over_a_kept_sentence() -> None:
    forged = ForgedBadge()
    assert forged.message and forged.reason == "forged"  # older readers still find both
    messages.set_language("en")
    assert messages.describe(forged).startswith("The QR signature does not match")


def test_an_older_sentence_is_shown_as_it_is_until_converted() -> None:
    assert messages.describe(NotFound("找不到编号为 7 的会议")) == "找不到编号为 7 的会议"
    legacy = ValidationFailed({"name": "会议室名称不能为空"})
    assert messages.field_texts(legacy) == {"name": "会议室名称不能为空"}
    assert messages.describe(NotFound(code="person.not_found", person_id=7)) == \
        "找不到编号为 7 的人员"


def test_field_problems_still_read_as_strings() -> None:
    # Code written when problems were sentences joins and copies them; it keeps working.
    problem = FieldProblem("common.too_long", length=120, limit=100)
    assert problem == "common.too_long" and "；".join([problem, "x"]) == "common.too_long；x"
    assert problem.code == "common.too_long" and type(problem.code) is str
    assert problem.params == {"length": 120, "limit": 100}


SECRET = "张伟 13812345678 zhang.wei@example.com SELECT * FROM person"


class LibraryError(Exception):
    """A foreign error that happens to look like ours."""

    def __init__(self) -> None:
        super().__init__(SECRET)
        self.message = SECRET
        self.code = "person.not_found"
        self.params = {"person_id": SECRET}


@pytest.mark.parametrize("exc", [RuntimeError(SECRET), KeyError(SECRET), LibraryError(),
                                 ConnectionError(SECRET)], ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_an_unexpected_error_never_shows_its_text(exc: BaseException, lang: str) -> None:
    messages.set_language(lang)
    said = messages.describe(exc)
    assert type(exc).__name__ in said
    for part in SECRET.split():
        assert part not in said


def test_code_still_reading_message_sees_the_sentence() -> None:
    # Readers written before messages by code (exc.message) get describe()'s sentence.
    exc = NotFound(code="person.not_found", person_id=7)
    assert exc.message == "找不到编号为 7 的人员"
    messages.set_language("en")
    assert exc.message == "No person with number 7"
    legacy = ValidationFailed({"name": "会议室名称不能为空"})
    assert legacy.message == "Please correct: 会议室名称不能为空"


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_a_file_error_names_the_file_and_the_reason_only(lang: str) -> None:
    messages.set_language(lang)
    exc = IsADirectoryError(21, "Is a directory", "/tmp/badges.pdf")
    exc.args = (21, "Is a directory", SECRET)  # what the error carries beyond them is not shown
    said = messages.describe(exc)
    # the reason in the program's language, not the system's sentence (messages/os_errors.py)
    reason = {"zh": "这是一个文件夹，不是文件", "en": "It is a folder, not a file"}[lang]
    assert "/tmp/badges.pdf" in said and reason in said and "Is a directory" not in said
    assert SECRET not in said
    assert "Traceback" not in said and len(said.splitlines()) == 1


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_an_errno_without_a_wording_keeps_the_systems_sentence(lang: str) -> None:
    messages.set_language(lang)
    said = messages.describe(OSError(errno.EPROTO, "Protocol error", "/tmp/x.csv"))
    assert "/tmp/x.csv" in said and "Protocol error" in said
    assert messages.describe(OSError("no errno at all")).endswith("OSError")


def test_every_listed_errno_is_worded_in_both_languages() -> None:
    for number, code in os_errors.CODES.items():
        exc = OSError(number, os.strerror(number), "/tmp/f")
        for lang in messages.LANGUAGES:
            messages.set_language(lang)
            assert messages.text(code) in messages.describe(exc)
            if lang == "zh":  # (some English reasons are the system's own words)
                assert os.strerror(number) not in messages.describe(exc)
    messages.set_language("zh")
    assert {errno.ENOENT, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EISDIR, errno.ENOTDIR,
            errno.EROFS, errno.EEXIST, errno.ENAMETOOLONG, errno.EBUSY, errno.EIO} <= set(
        os_errors.CODES)
