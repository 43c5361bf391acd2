"""One language at a time (issue 13): Qt's translation system for every visible string.

The interface's source texts are Simplified Chinese (the language of the people at the desk and
of most data); `resources/i18n/en/<area>.ts` translate them to English and are compiled into
`resources/i18n/eventdesk_en.qm` (`scripts/translations release`), which travels in the wheel
and the bundle. In Chinese no EventDesk catalogue is needed; Qt's own dialogs (OK/Cancel, the
wizard's buttons, file and print dialogs) come from Qt's `qtbase_<lang>.qm`.

Widgets word their text with `translate(context, source)` — called at the time a widget is
built, never at import (a module-level constant is marked with `QT_TRANSLATE_NOOP` and worded
where it is shown), so the language installed before the window is built is the one shown.
`pyside6-lupdate` finds the calls by that name (context and source as string literals). A count
is `%n` with `n` given as a plain name or literal (lupdate skips a call whose count is an
expression such as `len(rows)`, silently: `scripts/translations.py check` finds such calls);
see `translate` for why one English form must fit every number.

Which language: `--lang` on the command line, else the setting `ui/language` ("zh", "en"; empty
means the system's), else EVENTDESK_LANG / the locale (messages.language_from_environment). A
change in the settings applies after a restart the program performs itself (`restart`), so no
view ever shows two languages at once.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QProcess,
    QSettings,
    QTime,
    QTranslator,
)

from eventdesk import messages
from eventdesk.messages import Language
from eventdesk.paths import resource

if TYPE_CHECKING:
    from eventdesk.services.events import EventInfo

SETTING = "ui/language"
# The locale each language formats dates and numbers with, and Qt's catalogue suffix.
_LOCALES: dict[Language, tuple[str, str]] = {"zh": ("zh_CN", "zh_CN"), "en": ("en_US", "en")}
# Installed translators, kept referenced: QCoreApplication does not own them.
_installed: list[QTranslator] = []
_shown: list[Language] = []  # the language install() last made the interface's


def installed() -> Language | None:
    """The language the last `install` chose (None before the first)."""
    return _shown[-1] if _shown else None


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` (Chinese) in the installed language. `context` groups the texts of one widget
    class or module in the .ts files; `n` >= 0 fills `%n` and picks the plural form.

    pyside6-lupdate never marks a Python call as numerus, and Qt looks a message up with `n`
    only among numerus entries: a plain translation of a `%n` text would never be found. So
    with `n`, a numerus translation (its forms written in Linguist) wins, else the plain one
    has its `%n` filled here (word it so that one form fits every number: "Rows: %n")."""
    if n < 0:
        return QCoreApplication.translate(context, source, disambiguation)
    worded = QCoreApplication.translate(context, source, disambiguation, n)
    if worded != source.replace("%n", str(n)):
        return worded  # a numerus translation
    return QCoreApplication.translate(context, source, disambiguation).replace("%n", str(n))


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark `source` for the catalogue without wording it (a module-level constant, worded
    where shown with `translate(context, constant)`). PySide6's own returns `object` to mypy."""
    return source


def catalogue_path(lang: Language) -> str:
    """The compiled EventDesk catalogue of `lang` (none for Chinese, the source language)."""
    return str(resource("i18n", f"eventdesk_{lang}.qm"))


def setting(settings: QSettings) -> Language | None:
    """The language chosen in this machine's settings, or None (follow the system)."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in messages.LANGUAGES else None


def choose(settings: QSettings, *, command_line: str | None) -> Language:
    """The interface language: `command_line` (--lang), else the setting, else the locale."""
    if command_line in messages.LANGUAGES:
        return command_line
    return setting(settings) or messages.language_from_environment()


def install(lang: Language) -> None:
    """Make `lang` the language of every later `translate`, of Qt's own dialogs, of the
    messages module and of QLocale's formatting. Replaces what an earlier call installed.

    Raises FileNotFoundError when EventDesk's catalogue for `lang` is missing (an incomplete
    installation: better said than a half-English window)."""
    app = QCoreApplication.instance()
    assert app is not None, "install() needs the application"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale_name, suffix = _LOCALES[lang]
    QLocale.setDefault(QLocale(locale_name))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator()
    # Absent from a stripped Qt: its dialogs then stay English, everything else is translated.
    if qt.load(f"qtbase_{suffix}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if lang != "zh":
        own = QTranslator()
        if not own.load(catalogue_path(lang)):
            raise FileNotFoundError(catalogue_path(lang))
        app.installTranslator(own)
        _installed.append(own)
    messages.set_language(lang)
    _shown[:] = [lang]


def save_choice(settings: QSettings, lang: Language | None) -> None:
    """Remember `lang` for this machine (None: follow the system's locale)."""
    settings.setValue(SETTING, lang or "")
    settings.sync()


def without_lang(arguments: list[str]) -> list[str]:
    """`arguments` less `--lang X` / `--lang=X`: --lang outranks the menu's choice, so a window
    started with `--lang en` whose menu chose 中文 came back in English after the restart."""
    kept: list[str] = []
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif not argument.startswith("--lang="):
            kept.append(argument)
    return kept


def restart() -> bool:
    """Start this program again with the same arguments, then quit this one (a language change
    applies to a new window). False when the new process could not be started."""
    # In the bundle sys.executable is the program itself and argv[0] repeats it.
    frozen = bool(getattr(sys, "frozen", False))
    arguments = without_lang(sys.argv[1:] if frozen else sys.argv)
    started, _pid = QProcess.startDetached(sys.executable, arguments)
    if not started:
        return False
    QCoreApplication.quit()
    return True


def either(zh: str, en: str) -> str:
    """Of data kept in both languages (an event's or a session's two names), the one of the
    interface's language: the English in English when there is one, else the Chinese (the
    names are data; which of the two shows is not)."""
    if messages.language() == "en" and en.strip():
        return en
    return zh


def event_name(event: EventInfo) -> str:
    """The event's name in the interface's language (`either`)."""
    return either(event.name_zh, event.name_en)


def format_number(value: int | float, decimals: int = 0) -> str:
    """`value` with the language's digit grouping (12,345 in both zh and en)."""
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def format_date(value: date, *, long: bool = False) -> str:
    """A date in the language's form: 2026年7月26日 / Jul 26, 2026 (short: 2026/7/26, 7/26/26)."""
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(value.year, value.month, value.day), fmt)


def format_day(value: date) -> str:
    """Month and day, the way the language writes them: 7月26日 / Jul 26 (a day of the event,
    whose year goes without saying)."""
    # The pattern itself is in the catalogue: each language says which form it uses.
    pattern = translate("i18n", "M月d日")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def format_datetime(value: datetime) -> str:
    """A date and time (already in the event's time zone) in the language's short form."""
    moment = QDateTime(QDate(value.year, value.month, value.day),
                       QTime(value.hour, value.minute, value.second))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def format_time(value: datetime) -> str:
    """Hours and minutes (24-hour in both languages: the desk reads times at a glance)."""
    return value.strftime("%H:%M")
