"""Pinyin sort keys (domain.sorting): the order people expect of Chinese and mixed text."""

from __future__ import annotations

import pytest

from eventdesk.domain.names import SURNAME_READINGS
from eventdesk.domain.sorting import (
    KEY_LENGTH,
    SURNAME_SYLLABLES,
    blank_last,
    name_key,
    text_key,
)


def by_text(*texts: str) -> list[str]:
    return sorted(texts, key=text_key)


def by_name(*names: str) -> list[str]:
    return sorted(names, key=name_key)


def test_cities_by_pinyin_not_code_point() -> None:
    # By code point 珠 (U+73E0) comes before 重 (U+91CD); by pinyin chong < zhu.
    assert sorted(["重庆", "珠海"]) == ["珠海", "重庆"]
    assert by_text("珠海", "重庆", "北京", "上海", "阿坝") == [
        "阿坝", "北京", "重庆", "上海", "珠海"]


def test_companies_use_phrase_readings() -> None:
    # 银行 is yin hang (not xing), 重庆 chong qing (not zhong).
    assert text_key("招商银行").startswith("zhao shang yin hang\x1f")
    assert text_key("重庆钢铁").startswith("chong qing gang tie\x1f")


@pytest.mark.parametrize(("name", "reading"), [
    ("曾伟", "zeng wei"), ("单田芳", "shan tian fang"), ("解缙", "xie jin"),
    ("仇英", "qiu ying"), ("区志", "ou zhi"), ("朴树", "piao shu"), ("查良镛", "zha liang yong"),
    ("尉迟恭", "yu chi gong"), ("长孙无忌", "zhang sun wu ji"), ("万俟卨", "mo qi xie"),
])
def test_surnames_read_as_surnames(name: str, reading: str) -> None:
    assert name_key(name).split("\x1f")[0] == reading


def test_surname_heteronyms_sort_where_they_are_read() -> None:
    # 曾 as a surname is zeng: after 杨 (yang), not between 蔡 (cai) and 陈 (chen) as ceng.
    assert by_name("曾伟", "陈明", "蔡明", "杨洋") == ["蔡明", "陈明", "杨洋", "曾伟"]
    assert by_name("单雄信", "丁一", "石磊") == ["丁一", "单雄信", "石磊"]
    assert text_key("曾经").startswith("ceng jing")
    # Only the first word of a name is its surname.
    assert name_key("阿依古丽·单").split("\x1f")[0] == "a yi gu li dan"


def test_surname_readings_agree_with_the_search() -> None:
    for surname, syllables in SURNAME_SYLLABLES.items():
        if surname in SURNAME_READINGS:
            toneless = "".join(s.rstrip("12345") for s in syllables)
            assert SURNAME_READINGS[surname][0] == toneless, surname


def test_latin_among_chinese_by_letters() -> None:
    assert by_name("张伟", "Alice Wang", "阿里", "Bob", "白云", "Zoe", "Zhang Wei") == [
        "阿里", "Alice Wang", "白云", "Bob", "Zhang Wei", "张伟", "Zoe"]
    # Accents, full-width letters and other scripts are spelled in ASCII.
    assert by_name("Ömer", "Oscar", "Olga", "Ｏｔｔｏ") == ["Olga", "Ömer", "Oscar", "Ｏｔｔｏ"]
    assert text_key("Иван").startswith("ivan\x1f")


def test_ties_by_tone_then_characters() -> None:
    # Same letters: tones 1-4 decide (妈 ma1, 麻 ma2, 马 ma3, 骂 ma4), Latin (no tone) first.
    assert by_text("骂", "马", "Ma", "麻", "妈") == ["Ma", "妈", "麻", "马", "骂"]
    # Same letters and tones: the characters, simplified before traditional here by code point.
    assert by_name("章伟", "张伟", "張偉") == ["张伟", "張偉", "章伟"]
    assert name_key("张伟") != name_key("章伟")


def test_character_by_character_like_a_dictionary() -> None:
    # 西安 (xi an) before 先 (xian): the syllable xi ends first.
    assert by_text("先生", "西安", "西") == ["西", "西安", "先生"]
    assert by_text("IBM中国", "华为") == ["华为", "IBM中国"]


def test_numbers_in_natural_order() -> None:
    assert by_text("10号厅", "2号厅", "1号厅") == ["1号厅", "2号厅", "10号厅"]
    assert by_text("Room 10", "Room 9") == ["Room 9", "Room 10"]


def test_blank_unreadable_and_long_text() -> None:
    assert text_key("") == text_key("   ") == ""
    assert sorted(["b", "", "a"], key=lambda t: blank_last(text_key(t))) == ["a", "b", ""]
    # 𠮷 has no reading here: it stays itself, after every letter at its place.
    assert by_text("𠮷野家", "野", "Zz") == ["野", "Zz", "𠮷野家"]
    assert len(text_key("中" * 200)) == KEY_LENGTH
    # Whitespace inside the text is one space, as the services store it.
    assert text_key("张  伟") == text_key("张 伟")
