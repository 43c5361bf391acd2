"""The command line's own words that no service says: arguments it refuses before any work,
the people search's list (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "cli.bad_language": ("--lang：{lang!r}（可选：zh、en）", "--lang: {lang!r} (zh, en)"),
    "cli.bad_date": ("{value!r} 不是日期（应为 2026-05-22 这样的日期）",
                     "{value!r} is not a date (YYYY-MM-DD)"),
    "cli.at_least": ("--{flag} 至少为 {low}", "--{flag} must be at least {low}"),
    "cli.badges.unknown_preset": ("未知的纸张预设 {preset!r}（可选：{presets}）",
                                  "unknown preset {preset!r} (one of {presets})"),
    "cli.badges.bad_offset": ("--offset 应为 X,Y（毫米）", "--offset takes X,Y in millimetres"),
    "cli.badges.no_output": ("请给出 --out FILE.pdf、--print，或两者都给",
                             "give --out FILE.pdf, --print, or both"),
    "cli.printer.corrected_needs_desk": ("--corrected 需要 --desk NAME",
                                         "--corrected needs --desk NAME"),
    "cli.people.cancelled": ("[已取消]", "[cancelled]"),
    "cli.people.none_found": ("（没有找到）", "(nobody found)"),
    "cli.people.none_yet": ("（还没有人员）", "(no people yet)"),
    "cli.screenshot_saved": ("已保存截图 {path}（{width}×{height}）",
                             "saved {path} ({width}×{height})"),
}
