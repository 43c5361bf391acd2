"""Exports: people, exhibitors and check-ins to CSV and XLSX (README "Privacy rules": every one of
them holds personal data; `personal_fields` names which columns). People exports carry the badge's
signed QR payload only when asked (`with_payloads`): a payload is an entry ticket.

CSV is UTF-8 with a BOM so Excel opens Chinese intact; text that a spreadsheet would run as a
formula (= + - @, also after leading spaces or control characters) gets a leading apostrophe
(domain.cells.csv_text, the one CSV guard), which the import removes again. XLSX is written in
openpyxl's streaming mode with every text as a typed string cell: it never runs, so a phone is
written "+6591318200", without an apostrophe (domain.cells.xlsx_text). Export → import is exact
for both. Date-times are ISO 8601 with the offset of the event's time zone. The file appears
only when complete (eventdesk.files.replacing): a failed export leaves the old file as it was.

Headers are the import's own aliases, so an exported list imports back without a mapping.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import CheckIn, Exhibitor, Person, PersonStatus
from eventdesk.domain.cells import csv_text, xlsx_text
from eventdesk.domain.contact import mask_email, mask_phone
from eventdesk.domain.enums import Consent
from eventdesk.domain.errors import DomainError
from eventdesk.files import replacing
from eventdesk.services.events import get_event
from eventdesk.services.signing import PayloadSigner

Progress = Callable[[int, int], None]
EXPORT_KINDS = ("people", "exhibitors", "checkins")
FORMATS = (".csv", ".xlsx")
_BATCH = 1000
# XML 1.0 forbids these control characters; openpyxl refuses a cell holding one.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

PEOPLE_HEADERS = ("姓名", "英文名", "单位", "类别", "职务", "手机", "邮箱", "状态", "编号", "备注",
                  "展馆", "展位", "胸卡编号", "二维码", "登记时间", "更新时间", "同意")
PAYLOAD_HEADER = "二维码"
EXHIBITOR_HEADERS = ("名称", "英文名称", "简称", "行业", "展馆", "展位", "联系人", "联系电话",
                     "联系邮箱", "名额", "编号", "已登记人数", "更新时间")
CHECKIN_HEADERS = ("姓名", "单位", "类别", "胸卡编号", "签到日期", "签到时间", "签到台", "操作员")

# The columns of each export that are personal data (PIPL art. 4: information that identifies
# or can identify a person), in header order; the rest (category, booth, company, times) are the
# event's own figures and business data. Exhibitors' company names are business data, their
# contact person is not.
PERSONAL_HEADERS: dict[str, tuple[str, ...]] = {
    "people": ("姓名", "英文名", "职务", "手机", "邮箱", "编号", "备注", "胸卡编号", PAYLOAD_HEADER,
               "同意"),
    "exhibitors": ("联系人", "联系电话", "联系邮箱"),
    "checkins": ("姓名", "胸卡编号"),
}


def personal_fields(kind: str, *, with_payloads: bool = False) -> tuple[str, ...]:
    """The personal-data columns an export of `kind` writes (none for unknown kinds)."""
    return tuple(h for h in PERSONAL_HEADERS.get(kind, ())
                 if with_payloads or h != PAYLOAD_HEADER)


def headers_of(kind: str, *, with_payloads: bool = False) -> tuple[str, ...]:
    """Every column an export of `kind` writes, in order."""
    headers = {"people": PEOPLE_HEADERS, "exhibitors": EXHIBITOR_HEADERS,
               "checkins": CHECKIN_HEADERS}[kind]
    return tuple(h for h in headers if with_payloads or h != PAYLOAD_HEADER)


class ExportFailed(DomainError):
    code = "export_failed"


def _iso(value: datetime | None, tz: ZoneInfo) -> str:
    return value.astimezone(tz).isoformat(timespec="seconds") if value else ""


def people_rows(session: Session, *, with_payloads: bool = False, mask: bool = False,
                consented_only: bool = False) -> tuple[Sequence[str], int, Iterator[list[Any]]]:
    """People in name order. `with_payloads`: with the signed QR payload column; `mask`: phones
    and e-mails masked (domain.contact); `consented_only`: only people whose consent is given."""
    tz = ZoneInfo(get_event(session).timezone)
    sign = PayloadSigner(session)
    counted = select(func.count(Person.id))
    stmt = (select(Person, Exhibitor.hall, Exhibitor.booth)
            .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id)
            .order_by(Person.name_pinyin, Person.id)
            .execution_options(yield_per=_BATCH))
    if consented_only:
        counted = counted.where(Person.consent == Consent.GIVEN)
        stmt = stmt.where(Person.consent == Consent.GIVEN)
    total = int(session.scalar(counted) or 0)
    phone = mask_phone if mask else str
    email = mask_email if mask else str

    def rows() -> Iterator[list[Any]]:
        for p, hall, booth in session.execute(stmt):
            payload = [sign(p.badge_code)] if with_payloads else []
            yield [p.name, p.name_en, p.company, str(p.category.value), p.title, phone(p.phone),
                   email(p.email), str(PersonStatus(p.status).value), p.external_ref or "",
                   p.notes, hall or "", booth or "", p.badge_code, *payload,
                   _iso(p.created_at, tz), _iso(p.updated_at, tz),
                   str(Consent(p.consent or Consent.UNKNOWN).value)]

    return headers_of("people", with_payloads=with_payloads), total, rows()


def exhibitor_rows(session: Session, *, with_payloads: bool = False, mask: bool = False,
                   consented_only: bool = False
                   ) -> tuple[Sequence[str], int, Iterator[list[Any]]]:
    """Exhibitors by hall and booth; `mask`: the contact's phone and e-mail masked. The other
    options are the people export's (ignored)."""
    del with_payloads, consented_only
    tz = ZoneInfo(get_event(session).timezone)
    total = int(session.scalar(select(func.count(Exhibitor.id))) or 0)
    staff = (select(Person.exhibitor_id, func.count(Person.id).label("n"))
             .where(Person.exhibitor_id.is_not(None), Person.status == PersonStatus.REGISTERED)
             .group_by(Person.exhibitor_id).subquery())
    stmt = (select(Exhibitor, func.coalesce(staff.c.n, 0))
            .outerjoin(staff, staff.c.exhibitor_id == Exhibitor.id)
            .order_by(Exhibitor.hall, Exhibitor.booth, Exhibitor.name_pinyin, Exhibitor.id)
            .execution_options(yield_per=_BATCH))

    def rows() -> Iterator[list[Any]]:
        for e, n in session.execute(stmt):
            phone = mask_phone(e.contact_phone) if mask else e.contact_phone
            email = mask_email(e.contact_email) if mask else e.contact_email
            yield [e.name_zh, e.name_en, e.short_name, e.sector, e.hall, e.booth, e.contact_name,
                   phone, email, int(e.staff_quota), e.external_ref or "",
                   int(n), _iso(e.updated_at, tz)]

    return EXHIBITOR_HEADERS, total, rows()


def checkin_rows(session: Session, *, with_payloads: bool = False, mask: bool = False,
                 consented_only: bool = False
                 ) -> tuple[Sequence[str], int, Iterator[list[Any]]]:
    """Check-ins in time order (name, company, category, badge code, day, time, desk,
    operator); the options are the people export's (ignored: no contacts, no payloads)."""
    del with_payloads, mask, consented_only
    tz = ZoneInfo(get_event(session).timezone)
    total = int(session.scalar(select(func.count(CheckIn.id))) or 0)
    stmt = (select(CheckIn, Person.name, Person.company, Person.category, Person.badge_code)
            .join(Person, Person.id == CheckIn.person_id)
            .order_by(CheckIn.at, CheckIn.id)
            .execution_options(yield_per=_BATCH))

    def rows() -> Iterator[list[Any]]:
        for c, name, company, category, code in session.execute(stmt):
            yield [name, company, str(getattr(category, "value", category)), code,
                   c.event_day.isoformat(), _iso(c.at, tz), c.desk, c.operator]

    return CHECKIN_HEADERS, total, rows()


# The columns each table export writes (audited as export.<kind>'s "fields").
HEADERS_BY_KIND: dict[str, tuple[str, ...]] = {
    "people": PEOPLE_HEADERS, "exhibitors": EXHIBITOR_HEADERS, "checkins": CHECKIN_HEADERS}

_SOURCES = {"people": people_rows, "exhibitors": exhibitor_rows, "checkins": checkin_rows}


def export(session: Session, *, kind: str, path: Path | str,
           progress: Progress | None = None, with_payloads: bool = False, mask: bool = False,
           consented_only: bool = False) -> int:
    """Write `kind` to `path` (.csv or .xlsx); returns the number of data rows written.
    `with_payloads`, `consented_only`: people only (see people_rows); `mask`: phones and
    e-mails masked (people, exhibitors). Raises ExportFailed (exports.unknown_kind,
    exports.wrong_suffix)."""
    path = Path(path)
    if kind not in _SOURCES:
        raise ExportFailed(code="exports.unknown_kind", kind=kind, kinds="/".join(EXPORT_KINDS))
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportFailed(code="exports.wrong_suffix", kind=kind, allowed="/".join(FORMATS),
                           name=path.name)
    headers, total, rows = _SOURCES[kind](session, with_payloads=with_payloads, mask=mask,
                                          consented_only=consented_only)
    return write_table(path, headers, rows, total=total, progress=progress,
                       sheet_title=kind)


TableFormat = Literal["csv", "xlsx"]


def _clean(value: Any) -> Any:
    """Numbers stay numbers; text loses the control characters XML 1.0 forbids (openpyxl refuses
    them, and no list needs them)."""
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def csv_cell(value: Any) -> Any:
    """A value as written into a CSV cell: text formula-guarded (domain.cells.csv_text)."""
    value = _clean(value)
    return csv_text(value) if isinstance(value, str) else value


def _xlsx_cells(ws: Any, values: Sequence[Any]) -> list[Any]:
    """A row for openpyxl: numbers as numbers, text as typed string cells. openpyxl guesses a
    formula for text starting with "=" and an error for "#N/A"; those are forced to strings."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    row: list[Any] = []
    for value in values:
        value = _clean(value)
        if isinstance(value, str):
            value = xlsx_text(value)
            if value.startswith("=") or value in ERROR_CODES:
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"
                value = cell
        row.append(value)
    return row


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                total: int = 0, progress: Progress | None = None,
                sheet_title: str = "Sheet1", fmt: TableFormat | None = None) -> int:
    """The one table writer of every export (people, exhibitors, check-ins, the schedule, the
    import error report): written whole or not at all, CSV with BOM and the formula guard, or
    XLSX with typed text cells. `fmt` defaults to the file's suffix (.csv, else XLSX). Returns
    the number of data rows. `progress(rows, total)` may raise to cancel: no file is left."""
    count = 0
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "xlsx")

    def tick() -> None:
        if progress is not None and count % _BATCH == 0:
            progress(count, max(total, count))

    with replacing(path) as tmp:
        if fmt == "csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([csv_cell(h) for h in headers])
                for row in rows:
                    writer.writerow([csv_cell(v) for v in row])
                    count += 1
                    tick()
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(title=sheet_title[:31])
            try:
                ws.append(_xlsx_cells(ws, headers))
                for row in rows:
                    ws.append(_xlsx_cells(ws, row))
                    count += 1
                    tick()
                wb.save(tmp)
            except BaseException:
                _abandon(ws)
                raise
        if progress is not None:  # the last chance to cancel: after this the file is there
            progress(count, max(total, count))
    return count


def _abandon(ws: Any) -> None:
    """After a failed or cancelled XLSX write: close openpyxl's streaming generators now and
    remove its temporary sheet file. Left to the garbage collector, their cleanup meets the same
    full disk again and prints "Exception ignored … OSError" tracebacks when the program exits.
    openpyxl has no public way to abandon a write-only sheet, hence the private names; anything
    they raise here is the failure already being reported."""
    writer = getattr(ws, "_writer", None)
    for stream in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()
