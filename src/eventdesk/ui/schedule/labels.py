"""Days, times and lists of names of the schedule area in the interface's language (issue 13).

The day tabs, the editor's and the rooms dialog's day lists and the speakers' unavailable times
are worded with QLocale (installed by ui.i18n), from a pattern the catalogue translates: Chinese
“7月26日 周日”, English “Sun, Jul 26”. Times stay 24-hour in both languages (ui.i18n.format_time);
every value given here is already in the event's time zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from eventdesk.ui.i18n import format_time, translate


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def day_label(value: date) -> str:
    """A day of the event, short: 7月26日 周日 / Sun, Jul 26 (the grid's day tabs)."""
    # A QLocale date pattern: the translation reorders it for the language.
    return QLocale().toString(_qdate(value), translate("ScheduleLabels", "M月d日 ddd"))


def day_label_with_year(value: date) -> str:
    """A day with its year, for lists that may hold a day outside the event's year:
    2026年7月26日 周日 / Sun, Jul 26, 2026."""
    return QLocale().toString(_qdate(value), translate("ScheduleLabels", "yyyy年M月d日 ddd"))


def moment_label(value: datetime) -> str:
    """A day and a time (in the event's time zone): 7月26日 周日 09:00 / Sun, Jul 26 09:00."""
    return f"{day_label_with_year(value.date())} {format_time(value)}"


def join_names(names: Iterable[str]) -> str:
    """People's names as one list: 张伟、李娜 / 张伟, 李娜 (the editor reads both back)."""
    return translate("ScheduleLabels", "、").join(names)
