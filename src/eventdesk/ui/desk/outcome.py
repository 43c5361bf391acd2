"""A check-in attempt's outcome in words: the status panel's lines and the recent-scans line.

Kept apart from the view (ui/desk/view.py), which decides what to do with an outcome; this
module only words it, in the language installed (messages for the sentences, the catalogue for
the desk's own words)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from eventdesk.actions.desk import DeskCheckIn
from eventdesk.messages import describe
from eventdesk.messages.desk import desk_label, desk_text, layout_hint, reason_text
from eventdesk.services.checkin import CheckInResult
from eventdesk.services.events import EventInfo
from eventdesk.ui.desk.recent import Scan
from eventdesk.ui.i18n import translate
from eventdesk.ui.labels import category_label

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Panel:
    """What the status panel shows: state (green, amber, red, blue), title, detail, hint."""

    state: str
    title: str
    detail: str = ""
    hint: str = ""


def facts(result: CheckInResult) -> str:
    """"单位 · 类别 · 展位 H1 A12" of the result's person ("" without one)."""
    p = result.person
    if p is None:
        return ""
    booth = translate("DeskView", " · 展位 {hall} {booth}").format(hall=p.hall, booth=p.booth) \
        .rstrip() if p.booth else ""
    company = p.company or translate("DeskView", "（无单位）")
    return f"{company} · {category_label(p.category)}{booth}"


def panel(shown: DeskCheckIn, info: EventInfo | None) -> Panel:
    result, p = shown.result, shown.result.person
    about = facts(result)
    sentence = desk_text(result.code, **result.params)
    hint = layout_hint(result.layouts)  # the scanner's keyboard layout is not this computer's
    if result.result == "checked_in" and p is not None:
        when = ""
        if result.at is not None and info is not None:
            when = f"\n{info.local(result.at).strftime('%H:%M')} · {desk_label(result.desk or '')}"
        return Panel("green", desk_text("desk.status.checked_in", name=p.name), about + when,
                     hint)
    if result.result == "already_checked_in" and p is not None:
        return Panel("amber", desk_text("desk.status.already", sentence=sentence), about, hint)
    if result.result == "confirm" and p is not None:
        return Panel("blue", desk_text("desk.status.confirm", name=p.name),
                     f"{about}\n{sentence}", hint)
    return Panel("red", desk_text("desk.status.rejected", reason=reason_text(result.reason)),
                 sentence + (f"\n{about}" if about else ""), hint)


def _now(info: EventInfo | None) -> str:
    tz = info.tz if info is not None else SHANGHAI
    return datetime.now(UTC).astimezone(tz).strftime("%H:%M:%S")


def scan_line(shown: DeskCheckIn, info: EventInfo | None) -> Scan:
    """The recent-scans line of an attempt that came back."""
    result, p = shown.result, shown.result.person
    outcome = {"checked_in": "checked_in", "already_checked_in": "already",
               "confirm": "confirm"}.get(result.result, "refused")
    reason = reason_text(result.reason) if outcome == "refused" else ""
    who = p.name if p is not None else reason
    return Scan(at=_now(info), who=who, outcome=outcome,
                reason=reason if p is not None else "",
                person_id=p.id if p is not None else None)


def failed_line(exc: BaseException, info: EventInfo | None) -> Scan:
    """The recent-scans line of an attempt that did not come back (no database, an error)."""
    return Scan(at=_now(info), who="", outcome="failed", reason=describe(exc))
