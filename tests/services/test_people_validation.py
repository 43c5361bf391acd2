"""A badge payload that reached a text field as keystrokes is never saved as a person's name,
English name, company or title (issue 10, fault 3, whatever the timing of the keys)."""

from __future__ import annotations

import pytest

from eventdesk.domain.errors import ValidationFailed
from eventdesk.domain.qr import contains_payload
from eventdesk.services.people import PersonInput, validate_person

PAYLOAD = "ED1.GH25.D2I2MXL47Q.YEWZMWVHSXQ5N2LC"


@pytest.mark.parametrize("text", [
    PAYLOAD, PAYLOAD.lower(), "Zed" + PAYLOAD, "王五" + PAYLOAD + "\n",
    "ED1.GH25.D2I2MXL47Q.",  # the start of one: the rest still on its way
])
def test_payloads_inside_text_are_found(text: str) -> None:
    assert contains_payload(text)


@pytest.mark.parametrize("text", ["张伟", "María Díaz", "ED1 Technologies", "Ed. 1 GH25",
                                  "EDA.GH25.COMPANY", "海光信息技术股份有限公司"])
def test_ordinary_text_is_not_a_payload(text: str) -> None:
    assert not contains_payload(text)


@pytest.mark.parametrize("field", ["name", "name_en", "company", "title"])
def test_validation_refuses_a_payload_in_a_text_field(field: str) -> None:
    values = {"name": "王五", field: "Zed" + PAYLOAD}
    with pytest.raises(ValidationFailed) as caught:
        validate_person(PersonInput(**values))  # type: ignore[arg-type]
    assert str(caught.value.fields[field]) == "person.badge_code_in_field"
