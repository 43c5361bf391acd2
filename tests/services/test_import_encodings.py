"""Encoding detection as a kind (issue 11, kind 3): a Chinese GBK list is always GB18030, and a
list in another legacy encoding is never read as GB18030 — it is read right or refused."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventdesk.demo import data as demo
from eventdesk.domain.errors import ImportRejected
from eventdesk.services.imports import encodings
from eventdesk.services.imports.mapping import auto_map, header_key
from eventdesk.services.imports.people import FIELDS

COMPANIES = ("昆山光合科技有限公司", "曙光信息产业股份有限公司", "苏州样例电子有限公司", "海光信息",
             "中科可控", "南京软件园", "上海人工智能实验室", "无锡芯片设计中心")


def chinese_list(rng: random.Random, rows: int) -> str:
    surnames = [s for s, _w in demo.SURNAMES]
    lines = ["姓名,单位,手机"]
    for _ in range(rows):
        name = rng.choice(surnames) + rng.choice(demo.GIVEN_MALE + demo.GIVEN_FEMALE)
        lines.append(f"{name},{rng.choice(COMPANIES)},139{rng.randrange(10**8):08d}")
    return "\n".join(lines) + "\n"


def detect(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    return encodings.detect(path, known=lambda text: bool(auto_map([text], FIELDS)))[0]


@pytest.mark.parametrize("seed", range(40))
def test_chinese_gbk_lists_are_always_gb18030(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    text = chinese_list(rng, rng.randrange(1, 30))
    data = text.encode("gbk", errors="ignore")  # a rare given name GBK lacks is left out
    assert detect(tmp_path, data) == "gb18030"


FOREIGN = {
    "shift_jis": ["山田太郎,東京商事株式会社", "佐藤花子,大阪電機", "鈴木一郎,ソニー株式会社",
                  "高橋美咲,京都セラミック", "田中健太,日立製作所"],
    "euc_kr": ["김철수,삼성전자", "이영희,현대자동차", "박지성,엘지전자", "최민수,에스케이하이닉스",
               "정수진,네이버"],
    "big5": ["張偉,崑山光合科技有限公司", "李娜,曙光資訊股份有限公司", "陳志明,台灣積體電路製造",
             "林美玲,鴻海精密工業", "黃俊傑,聯發科技"],
    "cp1252": ["José Müller,Société Générale", "François Dupré,Crédit Agricole",
               "Zoë Ångström,Nestlé", "Jürgen Groß,Bäckerei Köln",
               "Inês Conceição,Banco Português"],
}


NATIVE_HEADER = {"shift_jis": "氏名,会社", "euc_kr": "이름,회사", "big5": "姓名,單位",
                 "cp1252": "Nom,Société"}


@pytest.mark.parametrize("encoding", sorted(FOREIGN))
@pytest.mark.parametrize("rows", [1, 2, 5])
@pytest.mark.parametrize("native", [False, True])
def test_other_encodings_are_never_read_as_another(tmp_path: Path, encoding: str, rows: int,
                                                   native: bool) -> None:
    header = NATIVE_HEADER[encoding] if native else "Name,Company"
    data = ("\n".join([header, *FOREIGN[encoding][:rows]]) + "\n").encode(encoding)
    try:
        found = detect(tmp_path, data)
    except ImportRejected as refused:
        assert refused.code == "imports.encoding_unsure"
        assert encoding in {r.encoding for r in refused.params["readings"]}  # type: ignore[attr-defined]
        return
    assert found == encoding


def test_traditional_headers_are_their_simplified_aliases() -> None:
    headers = ["姓名", "單位", "手機號碼", "電子郵件", "類別", "職務", "報名編號", "備註"]
    assert auto_map(headers, FIELDS) == {
        "name": "姓名", "company": "單位", "phone": "手機號碼", "email": "電子郵件",
        "category": "類別", "title": "職務", "external_ref": "報名編號", "notes": "備註"}
    assert header_key("手機（必填）") == header_key("手机")
