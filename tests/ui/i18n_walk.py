"""Walk every text a person can see in a widget tree and name the ones not in the language shown
(issue 13: "a test fails when a visible string in any view or dialog is untranslated").

`problems(root, lang, data=...)` collects window titles, labels, buttons, group and tab titles,
placeholders, tool tips, combo-box items, menus and actions, item views' headers and cells, and
the wizard's buttons, removes the strings that are data (names, companies, halls… — `data_texts`
reads every text column of the database) and paths, then:

- in English, any Chinese character left is untranslated;
- in Chinese, any Latin word of three letters or more that is not a technical term (ALLOWED)
  is English that was never made Chinese.

What a person edits in place (a line edit's text, an editable cell) is data and not walked;
colour codes (#RRGGBB), commands, options and environment variables a person would type are the
same in every language.

Widgets and actions with the dynamic property `untranslated` (ui.language_menu.mark_untranslated:
the language menu, whose names are the same in every language) are skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)
from sqlalchemy import MetaData, String, Text, select

from eventdesk.storage import Database

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z]{2,}")
# Written the same in a Chinese interface: product, format, protocol and key names.
ALLOWED = {
    "EventDesk", "PDF", "CSV", "XLSX", "PNG", "JSON", "ICS", "iCalendar", "Excel", "URL", "USB",
    "CUPS", "PostgreSQL", "SQLite", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del",
    "Backspace", "Space", "Home", "End", "PgUp", "PgDn", "UTC", "GMT", "Unicode", "UTF", "GBK",
    "SHA", "Ed25519", "Argon2id", "AES", "GCM", "HMAC", "ED1", "ED2", "VIP", "Avery", "Herma",
    "Letter", "Legal", "Zebra", "DPI", "dpi", "edbackup", "sqlite", "sqlite3", "xlsx", "csv",
    "pdf", "png", "json", "ics", "Noto", "Sans", "WenQuanYi", "Micro", "Hei", "HanaMin",
    "BabelStone", "Han", "Arial", "Helvetica", "Zweckform", "Dymo", "JPEG",
}
# File system paths and URLs are data, whatever their language.
PATHISH = re.compile(r"\S*[/\\]\S*|\S+\.(?:sqlite3?|pdf|csv|xlsx|png|json|ics|edbackup)\b")
HTML_TAG = re.compile(r"<[^>]+>|&[a-z]+;")
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b|#RRGGBB")  # colour codes: the same in every language
# What a person types as it is in any language: a command line (eventdesk signing unlock), an
# option (--mark-printed), an environment variable (EVENTDESK_FALLBACK_FONTS).
TYPED = re.compile(r"\beventdesk(?: [a-z][a-z0-9-]*)+|--[a-z][a-z0-9-]*"
                   r"|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def _without(text: str, value: str) -> str:
    """`text` with the data `value` taken out; a Latin value only as a whole word (the hall "A"
    is not taken out of "Avery")."""
    if not value.isascii():
        return text.replace(value, " ")
    return re.sub(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])", " ", text)
# A key's fingerprint ("C466 0F14 F62C ACDC") and hashes are data: hex digits, not words.
HEX = re.compile(r"\b[0-9A-F]{4}(?: [0-9A-F]{4}){3,}\b|\b[0-9a-f]{16,}\b")


def data_texts(db: Database) -> list[str]:
    """Every non-empty text value of every table: what the views show as data, never chrome.
    Longest first, so that a name is removed before a shorter name inside it."""
    found: set[str] = set()
    with db.unit_of_work(write=False) as session:
        schema = MetaData()
        schema.reflect(bind=session.connection())
        for table in schema.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
            if not columns:
                continue
            for row in session.execute(select(*columns)).all():
                for value in row:
                    found.update(_strings(value))
    return sorted(found, key=len, reverse=True)


def _strings(value: object) -> list[str]:
    """The texts of a column's value; a JSON document's string values one by one (the audit
    detail's scanned payload is data, its keys are worded by the view)."""
    if isinstance(value, str) and value.strip():
        if value.lstrip().startswith(("{", "[")):
            try:
                return [value.strip(), *_strings(json.loads(value))]
            except ValueError:
                pass
        return [value.strip()]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    if isinstance(value, list):
        return [t for v in value for t in _strings(v)]
    return []


def _action_texts(actions: Iterable[QAction], where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.property("untranslated") or action.isSeparator():
            continue
        yield f"{where} action", action.text()
        yield f"{where} action tip", action.toolTip() if action.toolTip() != action.text() \
            .replace("&", "") else ""
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield f"{where} menu", menu.title()
            yield from _action_texts(menu.actions(), f"{where} > {menu.title()}")


def _view_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    root = QModelIndex()
    # A list widget's model hides columnCount (private in QAbstractListModel): one column, no
    # header to read.
    listed = isinstance(model, QAbstractListModel)
    try:
        columns = 1 if listed else model.columnCount(root)
    except TypeError:  # a Qt-private model (a QCompleter's popup): its rows are another's
        return
    for section in range(0 if listed else columns):
        yield f"{where} header", str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(root), 200)):
        for column in range(columns):
            index = model.index(row, column)
            value = model.data(index)
            # A cell a person edits in place holds data, as a line edit's text does (what the
            # badge designer's category labels print, say): its tool tip is still walked.
            if isinstance(value, str) and not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                yield f"{where} cell {row},{column}", value
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield f"{where} tip {row},{column}", tip


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything `root` and its children show or may show."""
    widgets: list[QObject] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        assert isinstance(widget, QWidget)
        if widget.property("untranslated") or _inside_untranslated(widget):
            continue
        where = f"{type(widget).__name__}({widget.objectName()})"
        if widget.isWindow():
            yield f"{where} title", widget.windowTitle()
        yield f"{where} tip", widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item {i}", widget.itemText(i)
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where} tab {i}", widget.tabText(i)
        elif isinstance(widget, QTabBar):  # a tab bar of its own (the schedule's days)
            for i in range(widget.count()):
                yield f"{where} tab {i}", widget.tabText(i)
                yield f"{where} tab {i} tip", widget.tabToolTip(i)
        elif isinstance(widget, QAbstractItemView):
            yield from _view_texts(widget, where)
        elif isinstance(widget, QProgressDialog):
            yield where, widget.labelText()
        if isinstance(widget, QSpinBox):
            yield f"{where} suffix", widget.suffix()
            yield f"{where} prefix", widget.prefix()
        if isinstance(widget, QAbstractSpinBox):
            yield f"{where} special", widget.specialValueText()
        if isinstance(widget, QWizard):
            for button in QWizard.WizardButton:
                if button.value <= QWizard.WizardButton.CancelButton.value:
                    yield f"{where} {button.name}", widget.buttonText(button)
            for page_id in widget.pageIds():
                page = widget.page(page_id)
                yield f"{where} page {page_id}", page.title()
                yield f"{where} page {page_id} subtitle", page.subTitle()
        if isinstance(widget, QMainWindow):
            yield from _action_texts(widget.menuBar().actions(), "menu bar")
        if not isinstance(widget, QMenu):
            yield from _action_texts(widget.actions(), where)
        else:
            yield f"{where} title", widget.title()
            yield from _action_texts(widget.actions(), where)


def _inside_untranslated(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.property("untranslated"):
            return True
        parent = parent.parentWidget()
    return False


def problems(root: QWidget, lang: str, *, data: Iterable[str] = ()) -> list[str]:
    """'where: text' of every text of `root` not in `lang` ("zh" or "en"), data removed."""
    known = [d for d in data if d]
    found: list[str] = []
    for where, raw in texts(root):
        if not raw:
            continue
        # Paths and URLs first: a data text inside one ("event" in ".../eventdesk") would
        # otherwise cut it into words; a path given as data goes whole (it may hold a space).
        text = HTML_TAG.sub(" ", raw)
        for value in known:
            if ("/" in value or "\\" in value) and value in text:
                text = text.replace(value, " ")
        text = PATHISH.sub(" ", text)
        for value in known:
            if value in text:
                text = _without(text, value)
        text = HEX.sub(" ", TYPED.sub(" ", COLOUR.sub(" ", PATHISH.sub(" ", text))))
        if lang == "en":
            if CJK.search(text):
                found.append(f"{where}: {raw!r}")
        else:
            words = [w for w in LATIN_WORD.findall(text) if w not in ALLOWED]
            if words:
                found.append(f"{where}: {raw!r} ({', '.join(words)})")
    return sorted(set(found))
