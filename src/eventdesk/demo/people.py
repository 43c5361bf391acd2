"""Who comes to the demo event: names, contacts, companies and badge codes, drawn from a seeded
random generator so the same seed always yields the same people (see services.demo)."""

from __future__ import annotations

import itertools
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from eventdesk.demo import data as d
from eventdesk.domain.qr import _BASE32 as BADGE_ALPHABET  # one alphabet for every badge code
from eventdesk.domain.qr import BADGE_CODE_LENGTH, is_badge_code
from eventdesk.domain.sorting import LEVEL, name_key

_SURNAMES = [s for s, _ in d.SURNAMES]
_SURNAME_CUM = list(itertools.accumulate(w for _, w in d.SURNAMES))
_BITS_PER_CHAR = 5  # base32
# (prefix, length with the '+'): UK, US, German, Japanese and Singaporean mobiles.
_FOREIGN_MOBILES = (("+447700", 13), ("+1415555", 12), ("+4915", 14), ("+8190", 13),
                    ("+6591", 11))


def weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([v for v, _ in pairs], weights=[w for _, w in pairs])[0]


def ascii_letters(text: str) -> str:
    """Lower-case ASCII letters of `text` (Müller → muller), for e-mail addresses and domains."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.lower() if ch.isalnum())


class BadgeCodes:
    """Deterministic per seed, unlike domain.qr.new_badge_code: the demo must be reproducible.
    Fifty random bits per code, so codes are neither sequential nor guessable from each other."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def __next__(self) -> str:
        while True:
            bits = self._rng.getrandbits(BADGE_CODE_LENGTH * _BITS_PER_CHAR)
            code = "".join(BADGE_ALPHABET[(bits >> (_BITS_PER_CHAR * i)) & 31]
                           for i in range(BADGE_CODE_LENGTH))
            if code not in self._seen:
                self._seen.add(code)
                assert is_badge_code(code)
                return code

    def __iter__(self) -> Iterator[str]:
        return self


class PersonFactory:
    """Names, phones and e-mails. Phones and addresses are kept unique, except that a few people
    share a phone (an assistant registering colleagues with her own number happens)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._phones: list[str] = []
        self._phone_set: set[str] = set()
        self._emails: set[str] = set()
        self._pinyin: dict[str, list[str]] = {}
        self._sort_keys: dict[str, str] = {}

    # -- names ---------------------------------------------------------------------------------
    def chinese_name(self) -> tuple[str, int]:
        """A name and the length of its surname (compound surnames have two characters)."""
        rng = self.rng
        if rng.random() < 0.003:
            return f"{rng.choice(d.DOT_GIVEN)}·{rng.choice(d.DOT_FAMILY)}", 0
        surname = rng.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0]
        if rng.random() < 0.002:
            surname = rng.choice(d.RARE_SURNAMES)
        pool = d.GIVEN_FEMALE if rng.random() < 0.45 else d.GIVEN_MALE
        given = [rng.choice(pool) for _ in range(1 if rng.random() < 0.3 else 2)]
        if rng.random() < 0.006:
            given[-1] = rng.choice(d.RARE_GIVEN)
        return surname + "".join(given), len(surname)

    def english_name(self) -> str:
        rng = self.rng
        given = rng.choice(d.ENGLISH_GIVEN_F if rng.random() < 0.5 else d.ENGLISH_GIVEN_M)
        return f"{given} {rng.choice(d.ENGLISH_FAMILY)}"

    def sort_key(self, name: str) -> str:
        """domain.sorting.name_key, once per distinct name: pypinyin is the slow part."""
        found = self._sort_keys.get(name)
        if found is None:
            found = self._sort_keys[name] = name_key(name)
        return found

    def syllables(self, name: str) -> list[str]:
        """Toneless pinyin syllables, ASCII only (a character pypinyin cannot read is dropped)."""
        found = self._pinyin.get(name)
        if found is None:
            letters = self.sort_key(name).split(LEVEL)[0]  # the key's first level: syllables
            found = [ascii_letters(s) for s in letters.split()]
            found = self._pinyin[name] = [s for s in found if s]
        return found

    def pinyin_name_en(self, name: str, surname_len: int) -> str:
        """The romanised form bilingual badges carry: “Zhang Wei”, family name first."""
        sy = self.syllables(name)
        if not sy or surname_len == 0 or len(sy) != len(name):  # 𠮷 has no pinyin here
            return ""
        return f"{''.join(sy[:surname_len]).title()} {''.join(sy[surname_len:]).title()}".strip()

    # -- contacts ------------------------------------------------------------------------------
    def phone(self, *, foreign: bool = False) -> str:
        rng = self.rng
        if self._phones and rng.random() < 0.002:
            return rng.choice(self._phones)
        while True:
            if foreign:
                prefix, length = rng.choice(_FOREIGN_MOBILES)
                number = prefix + "".join(rng.choice("0123456789")
                                          for _ in range(length - len(prefix)))
            else:
                number = f"{rng.choice(d.MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"
            if number not in self._phone_set:
                self._phone_set.add(number)
                self._phones.append(number)
                return number

    def email(self, name: str, *, domain: str | None = None) -> str:
        rng = self.rng
        if domain is None:
            domain = d.PRIVATE_MAIL[0][0] if rng.random() < 0.3 else weighted(rng, d.PRIVATE_MAIL)
            if domain == "qq.com" and rng.random() < 0.6:  # QQ mail addresses are often numbers
                return self._unique(str(rng.randrange(10**5, 10**10)), domain)
        if name.isascii():
            parts = [ascii_letters(p) for p in name.split()]
        else:
            parts = self.syllables(name)
            parts = [parts[0], "".join(parts[1:])] if len(parts) > 1 else parts
        parts = [p for p in parts if p] or ["guest"]
        style = rng.random()
        if style < 0.4:
            local = "".join(parts)
        elif style < 0.7 and len(parts) > 1:
            local = ".".join(reversed(parts))
        elif style < 0.85:
            local = parts[0] + "".join(p[0] for p in parts[1:])
        else:
            local = "".join(parts) + str(rng.randrange(1, 2000))
        return self._unique(local, domain)

    def _unique(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        while address in self._emails:
            address = f"{local}{self.rng.randrange(1, 10_000)}@{domain}"
        self._emails.add(address)
        return address


def company_domain(rng: random.Random, short_name: str, factory: PersonFactory) -> str:
    """A plausible web domain from a company's short name (华芯科技 → huaxinkeji.com)."""
    stem = "".join(factory.syllables(short_name)) or ascii_letters(short_name) or "example"
    return stem[:20] + rng.choice((".com", ".com.cn", ".cn", "-tech.com", "tech.com"))


@dataclass(frozen=True)
class Company:
    name_zh: str
    short_name: str
    sector: str
    name_en: str
    domain: str


def new_company(rng: random.Random, factory: PersonFactory, taken: set[str]) -> Company:
    """A company name from place + brand + business + legal form, unique within `taken`."""
    while True:
        place = rng.choice(d.PLACES)
        brand = "".join(rng.sample(d.BRAND_CHARS, 2))
        business, sector, business_en = rng.choice(d.BUSINESS)
        legal = weighted(rng, d.LEGAL_FORMS)
        style = rng.random()
        if style < 0.65:
            name = f"{place}{brand}{business}{legal}"
        elif style < 0.9:
            name = f"{brand}{business}（{place}）{legal}"
        else:
            name = f"{brand}{business}{legal}"
        if name in taken:
            continue
        taken.add(name)
        short = brand + (business if len(business) <= 3 else "科技")
        name_en = ""
        if rng.random() < 0.4:
            place_en = "".join(factory.syllables(place)).title()
            brand_en = "".join(factory.syllables(brand)).title()
            name_en = f"{place_en} {brand_en} {business_en} Co., Ltd."
        return Company(name, short, sector, name_en, company_domain(rng, brand, factory))
