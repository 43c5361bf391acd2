from __future__ import annotations

import pytest

from eventdesk.domain.contact import InvalidContact, mask_phone, normalise_email, normalise_phone
from eventdesk.domain.names import fold, person_search_text, pinyin_forms, sort_pinyin


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0512-57001234", "0512-57001234"),
        ("(010)12345678", "010-12345678"),
        ("+44 20 7123 4567", "+442071234567"),
        ("", ""),
    ],
)
def test_phone_normalisation(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "2381234567", "abc", "+0123"])
def test_bad_phones_are_refused(raw: str) -> None:
    with pytest.raises(InvalidContact):
        normalise_phone(raw)


def test_mask_and_email() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert normalise_email(" Zhang.Wei@Example.COM ") == "zhang.wei@example.com"
    with pytest.raises(InvalidContact):
        normalise_email("not an email")


def test_heteronym_surnames_are_searchable_both_ways() -> None:
    assert {"zengwei", "cengwei", "zw", "cw"} <= set(pinyin_forms("曾伟"))
    assert {"shantianfang", "dantianfang"} <= set(pinyin_forms("单田芳"))
    assert {"xieming", "jieming"} <= set(pinyin_forms("解明"))


def test_u_umlaut_as_v_or_u() -> None:
    assert {"lvbu", "lubu"} <= set(pinyin_forms("吕布"))


def test_traditional_and_middle_dot_fold() -> None:
    assert fold("張偉") == "张伟"
    forms = person_search_text(name="阿依古丽·买买提", company="")
    assert "阿依古丽买买提" in forms.split("|")
    assert sort_pinyin("张伟") == "zhang wei"
