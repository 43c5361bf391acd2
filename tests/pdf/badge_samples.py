"""Badges for the renderer tests, with signed payloads, and helpers to read pages back."""

from __future__ import annotations

import pypdfium2 as pdfium
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from eventdesk.domain.qr import new_badge_code, sign_payload
from eventdesk.pdf.badges import BadgeData

KEY = Ed25519PrivateKey.from_private_bytes(b"\xab" * 32)
CATEGORIES = ("exhibitor", "visitor", "speaker", "media", "vip", "staff")
NAMES = ("张伟", "欧阳娜娜", "李齐", "Alice Wong", "王芳", "阿卜杜·热合曼", "赵敏", "司马相如",
         "Jean-Baptiste Fontaine-Delacroix", "刘德华")
COMPANIES = ("昆山阿丘智能科技有限公司", "寒武纪", "中科可控信息产业有限公司",
             "苏州工业园区人工智能产业创新中心管理服务有限公司", "Foxconn Industrial Internet",
             "", "北京百度网讯科技有限公司", "上海人工智能实验室", "海光信息技术股份有限公司",
             "深圳市大疆创新科技有限公司")


def payload() -> str:
    return sign_payload(event_code="TEST", badge_code=new_badge_code(), key=KEY)


def sample(n: int) -> list[BadgeData]:
    out = []
    for i in range(n):
        company = COMPANIES[i % len(COMPANIES)]
        out.append(BadgeData(
            name=NAMES[i % len(NAMES)], qr_payload=payload(),
            category=CATEGORIES[i % len(CATEGORIES)], name_en="Zhang Wei" if i % 3 == 0 else "",
            company=company, company_short=company[:4], title="总经理" if i % 2 else "",
            hall="A1" if i % 2 else "", booth=f"A1-{100 + i}" if i % 2 else "",
            person_id=i + 1, event_name="2025光合组织人工智能创新大会"))
    return out


def pages(data: bytes, dpi: int = 150) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(data)
    return [page.render(scale=dpi / 72).to_pil() for page in pdf]


def decoded(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def page_texts(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range() for page in pdf]
