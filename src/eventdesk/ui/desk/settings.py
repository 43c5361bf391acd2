"""Desk settings, stored per machine in QSettings: desk name, printer (chosen in the print dialog
at the first print, or "save as PDF" — only ever by choice), badge layout and paper, auto-print,
sounds, and the desk's comfort: clear the search after a check-in by Enter, the font size. The
printer's calibration is kept beside them (ui.printers.calibration) and set in the calibration
dialog this dialog opens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from eventdesk.ui.context import DEFAULT_LOCK_MINUTES, lock_minutes
from eventdesk.ui.desk.words import layout_label
from eventdesk.ui.dialogs import ok_cancel
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from eventdesk.ui.labels import preset_label

PDF_PRINTER = "pdf"  # "printer" that saves each badge as a PDF file in pdf_dir
# The window's rotating backup of a SQLite database (ui.backups.AutoBackup): minutes between
# two backups, 0 = off. A setting of this machine, like the rest of this dialog.
BACKUP_MINUTES_KEY = "backup/interval_minutes"
DEFAULT_BACKUP_MINUTES = 10
# The desk view's font size (status panel, search field, results, recent scans): key -> scale.
FONT_SCALES = {"normal": 1.0, "large": 1.3, "xlarge": 1.6}
FONT_LABELS = {"normal": QT_TRANSLATE_NOOP("DeskSettingsDialog", "标准"),
               "large": QT_TRANSLATE_NOOP("DeskSettingsDialog", "大"),
               "xlarge": QT_TRANSLATE_NOOP("DeskSettingsDialog", "特大")}


@dataclass
class DeskSettings:
    name: str = "1"
    printer: str = ""  # a system printer name, PDF_PRINTER, or "" (ask once on first print)
    layout: str = "default"
    preset: str = "a6"
    auto_print: bool = False
    sounds: bool = True
    pdf_dir: str = ""
    lock_minutes: float = DEFAULT_LOCK_MINUTES  # idle lock (ui/accounts/lock.py); 0 = never
    backup_minutes: int = DEFAULT_BACKUP_MINUTES
    # On: Enter's check-in empties the search field (the person stays shown and selected), so
    # the next name typed starts a new search instead of lengthening the last one (README).
    clear_after_enter: bool = True
    font_size: str = "normal"  # a key of FONT_SCALES

    @property
    def font_scale(self) -> float:
        return FONT_SCALES.get(self.font_size, 1.0)

    @property
    def pdf_folder(self) -> Path:
        return Path(self.pdf_dir) if self.pdf_dir else \
            Path(platformdirs.user_documents_dir()) / "EventDesk badges"


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


def load(settings: QSettings) -> DeskSettings:
    d = DeskSettings()
    return DeskSettings(
        name=str(settings.value("desk/name", d.name)),
        printer=str(settings.value("desk/printer", d.printer)),
        layout=str(settings.value("desk/layout", d.layout)),
        preset=str(settings.value("desk/preset", d.preset)),
        auto_print=_bool(settings.value("desk/auto_print"), d.auto_print),
        sounds=_bool(settings.value("desk/sounds"), d.sounds),
        pdf_dir=str(settings.value("desk/pdf_dir", d.pdf_dir)),
        lock_minutes=lock_minutes(settings),
        backup_minutes=backup_minutes(settings),
        clear_after_enter=_bool(settings.value("desk/clear_after_enter"), d.clear_after_enter),
        font_size=font if (font := str(settings.value("desk/font_size", d.font_size)))
        in FONT_SCALES else d.font_size,
    )


def backup_minutes(settings: QSettings) -> int:
    """Minutes between two automatic backups (0: off); the default for a missing or odd value."""
    try:
        return max(0, int(str(settings.value(BACKUP_MINUTES_KEY, DEFAULT_BACKUP_MINUTES))))
    except ValueError:
        return DEFAULT_BACKUP_MINUTES


def save(settings: QSettings, desk: DeskSettings) -> None:
    for key in ("name", "printer", "layout", "preset", "auto_print", "sounds", "pdf_dir",
                "lock_minutes", "clear_after_enter", "font_size"):
        settings.setValue(f"desk/{key}", getattr(desk, key))
    settings.setValue(BACKUP_MINUTES_KEY, desk.backup_minutes)
    settings.sync()


def _layouts() -> list[str]:
    try:
        from eventdesk.pdf.badges import list_layouts

        return list_layouts() or ["default"]
    except Exception:  # noqa: BLE001 - the badge engine may be absent in a trimmed build
        return ["default"]


class DeskSettingsDialog(QDialog):
    def __init__(self, current: DeskSettings, parent: QWidget | None = None,
                 settings: QSettings | None = None, *, may_change_lock: bool = True) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(translate("DeskSettingsDialog", "签到台设置"))
        form = QFormLayout(self)
        self.name = QLineEdit(current.name)
        self.printer = QComboBox()
        self.printer.addItem(translate("DeskSettingsDialog", "（首次打印时选择）"), "")
        self.printer.addItem(translate("DeskSettingsDialog", "保存为 PDF 文件"), PDF_PRINTER)
        try:
            from PySide6.QtPrintSupport import QPrinterInfo

            for name in QPrinterInfo.availablePrinterNames():
                self.printer.addItem(name, name)
        except ImportError:
            pass
        index = self.printer.findData(current.printer)
        if index < 0 and current.printer:
            self.printer.addItem(current.printer, current.printer)
            index = self.printer.count() - 1
        self.printer.setCurrentIndex(max(index, 0))
        self.pdf_dir = QLineEdit(current.pdf_dir)
        self.pdf_dir.setPlaceholderText(str(current.pdf_folder))
        self.layout_box = QComboBox()
        for name in _layouts():
            self.layout_box.addItem(layout_label(name), name)
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(current.layout), 0))
        from eventdesk.pdf.presets import PRESETS

        self.preset_box = QComboBox()
        for key in PRESETS:
            self.preset_box.addItem(preset_label(key), key)
        self.preset_box.setCurrentIndex(max(self.preset_box.findData(current.preset), 0))
        self.calibrate = QPushButton(translate("DeskSettingsDialog", "校准…"))
        self.calibrate.setObjectName("calibratePrinter")
        self.calibrate.clicked.connect(self.open_calibration)
        self.calibrate.setEnabled(settings is not None)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.calibrate)
        self.auto_print = QCheckBox(translate("DeskSettingsDialog", "签到后自动打印胸卡"))
        self.auto_print.setChecked(current.auto_print)
        self.sounds = QCheckBox(translate("DeskSettingsDialog",
                                          "提示音（成功 1 声，重复 2 声，拒绝 3 声）"))
        self.sounds.setChecked(current.sounds)
        form.addRow(translate("DeskSettingsDialog", "台号 / 名称"), self.name)
        form.addRow(translate("DeskSettingsDialog", "打印机"), printer_row)
        form.addRow(translate("DeskSettingsDialog", "PDF 保存目录"), self.pdf_dir)
        form.addRow(translate("DeskSettingsDialog", "胸卡版式"), self.layout_box)
        form.addRow(translate("DeskSettingsDialog", "纸张"), self.preset_box)
        self.backup_minutes = QSpinBox()
        self.backup_minutes.setObjectName("backupMinutes")
        self.backup_minutes.setRange(0, 24 * 60)
        self.backup_minutes.setSuffix(translate("DeskSettingsDialog", " 分钟"))
        self.backup_minutes.setSpecialValueText(translate("DeskSettingsDialog", "关闭"))
        self.backup_minutes.setValue(current.backup_minutes)
        self.backup_minutes.setToolTip(translate(
            "DeskSettingsDialog",
            "SQLite 数据库每隔几分钟自动备份一次（保留最近 24 份）；0 = 关闭。"))
        form.addRow(self.auto_print)
        form.addRow(self.sounds)
        self.clear_after_enter = QCheckBox(translate("DeskSettingsDialog",
                                                     "按 Enter 签到后清空搜索框"))
        self.clear_after_enter.setObjectName("clearAfterEnter")
        self.clear_after_enter.setChecked(current.clear_after_enter)
        form.addRow(self.clear_after_enter)
        self.font_size = QComboBox()
        self.font_size.setObjectName("deskFontSize")
        for key, label in FONT_LABELS.items():
            self.font_size.addItem(translate("DeskSettingsDialog", label), key)
        self.font_size.setCurrentIndex(max(self.font_size.findData(current.font_size), 0))
        form.addRow(translate("DeskSettingsDialog", "字号"), self.font_size)
        # Idle lock: whole minutes in the dialog (a stored fraction, e.g. a test's, is kept).
        self.lock_minutes = QDoubleSpinBox()
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setDecimals(0 if current.lock_minutes == int(current.lock_minutes)
                                      else 2)
        self.lock_minutes.setSuffix(translate("DeskSettingsDialog", " 分钟"))
        self.lock_minutes.setSpecialValueText(translate("DeskSettingsDialog", "从不"))
        self.lock_minutes.setValue(current.lock_minutes)
        # Who may let a desk stay unlocked: the settings permission (admins), not desk staff.
        self.lock_minutes.setEnabled(may_change_lock)
        if not may_change_lock:
            self.lock_minutes.setToolTip(translate("DeskSettingsDialog", "只有管理员可以修改"))
        form.addRow(translate("DeskSettingsDialog", "无操作自动锁定"), self.lock_minutes)
        form.addRow(translate("DeskSettingsDialog", "自动备份"), self.backup_minutes)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def result_settings(self) -> DeskSettings:
        return DeskSettings(name=self.name.text().strip() or "1",
                            printer=str(self.printer.currentData() or ""),
                            layout=str(self.layout_box.currentData() or "default"),
                            preset=str(self.preset_box.currentData() or "a6"),
                            auto_print=self.auto_print.isChecked(),
                            sounds=self.sounds.isChecked(), pdf_dir=self.pdf_dir.text().strip(),
                            lock_minutes=self.lock_minutes.value(),
                            backup_minutes=self.backup_minutes.value(),
                            clear_after_enter=self.clear_after_enter.isChecked(),
                            font_size=str(self.font_size.currentData() or "normal"))

    def open_calibration(self) -> QDialog:
        """The calibration dialog for the printer and paper chosen here (this desk's name)."""
        from eventdesk.ui.printers.dialog import CalibrationDialog

        assert self._settings is not None  # the button is off without settings
        printer = str(self.printer.currentData() or "")
        dialog = CalibrationDialog(self._settings, desk=self.name.text().strip() or "1",
                                   printer="" if printer == PDF_PRINTER else printer,
                                   preset=str(self.preset_box.currentData() or "a6"),
                                   parent=self)
        dialog.open()
        return dialog
