"""Phone numbers and e-mail addresses as people type them into registration forms."""

from __future__ import annotations

import re

from eventdesk.domain.errors import FieldProblem

_PHONE_JUNK = re.compile(r"[\s\-–—()（）.·/]+")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area codes: 010 and 02x have three digits, the others four (0512 Suzhou/Kunshan).
_LANDLINE = re.compile(r"^(010|02\d|0[3-9]\d{2})(\d{7,8})$")
_INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,14}$")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"  # one part of a domain name
_EMAIL = re.compile(rf"^[A-Za-z0-9._%+\-']+@{_LABEL}(?:\.{_LABEL})+$")


class InvalidContact(ValueError):
    """The text is not a phone number or e-mail address we can accept; str() says why."""


# The one half-width rule: full-width digits and Latin letters (and the ideographic space) become
# ASCII. Full-width punctuation stays: it is how Chinese is written (华为（昆山）有限公司 keeps its
# brackets), and NFKC would also rewrite compatibility ideographs in names.
_WIDE = {cp: cp - 0xFEE0 for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
         for cp in range(first, last + 1)}
_WIDE[0x3000] = 0x20
# The few full-width marks that mean something inside a phone number or e-mail address.
_CONTACT_MARKS = str.maketrans("＋－＠．＿", "+-@._")


def half_width(text: str) -> str:
    """Full-width digits and Latin letters (１３８, ＡＩ) and the ideographic space to ASCII;
    full-width punctuation (（）、，) unchanged."""
    return text.translate(_WIDE)


def _contact_text(raw: str) -> str:
    return half_width(raw or "").translate(_CONTACT_MARKS)


def normalise_phone(raw: str) -> str:
    """Canonical phone: 13812345678, 0512-57001234 or +442071234567. Empty stays empty."""
    text = _PHONE_JUNK.sub("", _contact_text(raw).strip())
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+86"):
        text = text[3:]
        if not text.startswith("0") and not _MOBILE.match(text) and _LANDLINE.match("0" + text):
            text = "0" + text
    elif text.startswith("86") and len(text) == 13 and _MOBILE.match(text[2:]):
        text = text[2:]
    if _MOBILE.match(text):
        return text
    landline = _LANDLINE.match(text)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    if _INTERNATIONAL.match(text):
        return text
    raise InvalidContact(f"“{raw}”不是有效的电话号码"
                         "（手机 11 位，座机需带区号，国外号码以 + 开头）")


def phone_digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


MASK = "*"


def mask_phone(phone: str) -> str:
    """138****5678: enough for a person to confirm their number at the desk, not to copy it.
    A landline keeps its area code (051*****1234); a number too short to keep anything of is all
    stars; already masked text is returned as it is (masking twice changes nothing)."""
    if not phone or MASK in phone:
        return phone
    digits = phone_digits(phone)
    if len(digits) < 7:
        return MASK * len(digits)
    return digits[:3] + MASK * (len(digits) - 7) + digits[-4:]


def mask_email(email: str) -> str:
    """l***@example.com: the first character of the mailbox and the whole domain (the company a
    person writes from is not a secret; their address is). Idempotent like mask_phone."""
    if not email or MASK in email.partition("@")[0]:
        return email
    box, at, domain = email.partition("@")
    if not at:
        return box[:1] + MASK * 3
    return f"{box[:1]}{MASK * 3}@{domain}"


def is_masked(text: str) -> bool:
    """Whether a phone or e-mail is shown masked (what a form must never save back)."""
    return MASK in text


def normalise_email(raw: str) -> str:
    text = _contact_text(raw).strip().lower()
    if not text:
        return ""
    if len(text) > 254 or not _EMAIL.match(text):
        raise InvalidContact(f"“{raw}”不是有效的电子邮箱地址")
    return text


def checked_contact(phone: str, email: str, *, problems: dict[str, FieldProblem],
                    phone_key: str = "phone", email_key: str = "email") -> tuple[str, str]:
    """(phone, e-mail) normalised, as a form or import row gives them. One that is not valid
    gives "" and is noted in `problems` under its field key (common.phone_invalid /
    common.email_invalid, with the text as typed), so a form names every bad field at once."""
    try:
        phone = normalise_phone(phone)
    except InvalidContact:
        problems[phone_key] = FieldProblem("common.phone_invalid", value=phone)
        phone = ""
    try:
        email = normalise_email(email)
    except InvalidContact:
        problems[email_key] = FieldProblem("common.email_invalid", value=email)
        email = ""
    return phone, email
