"""Availability windows as an organiser writes them, one per line, and back.

    2025-05-20 08:00–18:00     that day
    08:00–18:00                every event day
    08:00–24:00                until midnight (24:00 is the end of the day)
    22:00–02:00                over midnight: an end not after the start is on the next day
    2025-05-20 08:00–2025-05-22 18:00   any length

Times are in the event's time zone. Windows that touch or overlap are one window once saved
(domain.agenda.merge_windows): `08:00–24:00` and `00:00–02:00` of the next day are open across
midnight. Bad input is refused with the line and what is wrong in it (codes
`schedule.window.*`, worded by eventdesk.messages.schedule), never Python's own message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from eventdesk.domain.agenda import merge_windows
from eventdesk.services.schedule.rooms import Window, invalid_field

_DATE = r"(\d{4}-\d{1,2}-\d{1,2})"
_TIME = r"(\d{1,2}[:：]\d{1,2})"
_LINE = re.compile(rf"^(?:{_DATE}\s+)?{_TIME}\s*[-–—~～至到]\s*(?:{_DATE}\s+)?{_TIME}$")
MIDNIGHT = "24:00"


def _date(text: str, line: int) -> date:
    try:
        year, month, day = (int(x) for x in text.split("-"))
        return date(year, month, day)
    except ValueError:
        raise invalid_field("windows", "schedule.window.bad_date", line=line,
                            date=text) from None


def _time(text: str, line: int, *, end: bool) -> time | None:
    """The time of day; None for 24:00 (only as an end: the next day's 00:00)."""
    hours, minutes = (int(x) for x in text.replace("：", ":").split(":"))
    if end and (hours, minutes) == (24, 0):
        return None
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise invalid_field("windows", "schedule.window.bad_time", line=line, time=text)
    return time(hours, minutes)


def parse_windows(text: str, *, days: Sequence[date], tz: tzinfo) -> list[Window]:
    """Windows (aware datetimes) from the lines of `text` (see the module text); a line without
    a date stands for each of `days`. Raises ValidationFailed (field "windows") naming the line:
    schedule.window.unreadable, bad_date, bad_time, empty (start equals end),
    end_before_start (an explicit end date before the start)."""
    out: list[Window] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        m = _LINE.match(line)
        if not m or (m.group(3) and not m.group(1)):
            raise invalid_field("windows", "schedule.window.unreadable", line=n, text=line)
        first = _time(m.group(2), n, end=False)
        assert first is not None  # a start is never 24:00
        last = _time(m.group(4), n, end=True)
        end_day = _date(m.group(3), n) if m.group(3) else None
        for day in [_date(m.group(1), n)] if m.group(1) else days:
            start = datetime.combine(day, first, tzinfo=tz)
            if end_day is not None:
                end = (datetime.combine(end_day + timedelta(days=1), time(0), tzinfo=tz)
                       if last is None else datetime.combine(end_day, last, tzinfo=tz))
            elif last is None:
                end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
            elif last == first:
                raise invalid_field("windows", "schedule.window.empty", line=n)
            else:  # an end not after the start is the next day's: over midnight
                end_date = day + timedelta(days=1) if last < first else day
                end = datetime.combine(end_date, last, tzinfo=tz)
            if end <= start:
                raise invalid_field("windows", "schedule.window.end_before_start", line=n)
            out.append((start, end))
    return out


def window_text(window: Window, *, tz: tzinfo) -> str:
    """One window as parse_windows reads it back: `2025-05-20 08:00–18:00`, `…–24:00`,
    `2025-05-20 22:00–02:00` (over midnight), or with both dates when it is 24 hours or more."""
    start, end = (w.astimezone(tz) for w in window)
    head = f"{start:%Y-%m-%d %H:%M}"
    next_day = start.date() + timedelta(days=1)
    if end.date() == start.date():
        return f"{head}–{end:%H:%M}"
    if end.date() == next_day and end.time() == time(0):
        return f"{head}–{MIDNIGHT}"
    if end.date() == next_day and end.time() < start.time():
        return f"{head}–{end:%H:%M}"
    return f"{head}–{end:%Y-%m-%d %H:%M}"


def windows_text(windows: Iterable[Window], *, tz: tzinfo) -> str:
    """The windows, merged as they are saved, one per line (parse_windows reads it back)."""
    return "\n".join(window_text(w, tz=tz) for w in merge_windows(windows))


__all__ = ["parse_windows", "window_text", "windows_text"]
