"""Why a desk search found a person (services.search.matched): the field of the best-matching
form, worked out from the stored search forms as from the fields themselves."""

from __future__ import annotations

import pytest

from eventdesk.domain.names import person_search_text
from eventdesk.services.search.matched import Match, Searched, matched

FIELDS = dict(name="张伟", company="华为技术有限公司", company_short="华为",
              email="zhangwei@huawei.com", external_ref="REG-2024-0042")


def _both(query: str, **changes: str) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    fields = {**FIELDS, **changes}
    plain = Searched(**fields, phone="13812345678", badge_code="ABCDEFGH23")  # type: ignore[arg-type]
    stored = Searched(**fields, phone="13812345678", badge_code="ABCDEFGH23",  # type: ignore[arg-type]
                      search_text=person_search_text(**fields))
    return matched(stored, query), matched(plain, query)


@pytest.mark.parametrize(("query", "field", "form"), [
    ("张伟", "name", "张伟"),
    ("zhangw", "pinyin", "zhangwei"),
    ("zhang wei", "pinyin", "zhangwei"),
    ("zw", "initials", "zw"),
    ("5678", "phone_tail", "5678"),
    ("hwjs", "company_initials", "hwjsyxgs"),
    ("华为技术", "company", "华为技术有限公司"),
    ("huawei", "company_short", "huawei"),
    ("华为", "company_short", "华为"),  # equal to the short name beats the company's start
    ("reg-2024", "external_ref", "REG-2024-0042"),  # as stored, not folded
    ("zhangwei@hu", "email", "zhangwei@hu"),  # a contact: the word typed, never the address
    ("abcdefgh23", "badge_code", "ABCDEFGH23"),
])
def test_the_field_that_matched(query: str, field: str, form: str) -> None:
    stored, plain = _both(query)
    assert stored[0] == Match(field, form)
    assert stored == plain


def test_several_words_name_each_field() -> None:
    stored, plain = _both("张 5678")
    assert [m.field for m in stored] == ["name", "phone_tail"] and stored == plain


def test_no_match_says_nothing() -> None:
    assert _both("李娜") == ((), ())


def test_english_and_middle_dot_names() -> None:
    stored, plain = _both("ayigu", name="阿依古丽·买买提", name_en="Ayigul Mamat")
    assert stored[0].field in ("pinyin", "name_en") and stored == plain
    stored, _plain = _both("mamat", name="阿依古丽·买买提", name_en="Ayigul Mamat")
    assert stored[0] == Match("name_en", "ayigulmamat")
