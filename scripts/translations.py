#!/usr/bin/env python3
"""The interface's English catalogue (issue 13): Qt Linguist's lupdate and lrelease, by area.

    python scripts/translations.py update [--from TS ...]   refresh resources/i18n/en/*.ts from
                                                           the code; fill empty translations
                                                           from any .ts given (a merge's other
                                                           side) or another area's
    python scripts/translations.py release                 compile them into eventdesk_en.qm
    python scripts/translations.py todo AREA               the unfinished entries of an area as
                                                           JSON [{context, source, numerus}]
    python scripts/translations.py fill AREA JSON          set translations from such a list
                                                           with "translation" added (a list of
                                                           forms for a numerus entry)
    python scripts/translations.py check                   exit 1 and name every unfinished
                                                           entry, a .ts behind the code, or a
                                                           .qm behind the .ts

Source texts are Chinese (ui/i18n.py says why). One .ts per area of the interface (AREAS), so
that people translating different views never edit the same file; lupdate writes no line
numbers (-locations none), so moving code does not touch the catalogue. Needs PySide6's
pyside6-lupdate / pyside6-lrelease (in the virtual environment beside this Python).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "src" / "eventdesk" / "ui"
TS_DIR = ROOT / "resources" / "i18n" / "en"
QM = ROOT / "resources" / "i18n" / "eventdesk_en.qm"
# area -> the sources (directories or files under src/eventdesk/ui) whose texts it holds.
# "window" is every module directly in ui/; each subpackage is an area of its own.
AREAS: dict[str, list[Path]] = {
    "window": sorted(p for p in UI.glob("*.py")),
    **{d.name: [d] for d in sorted(UI.iterdir()) if d.is_dir() and (d / "__init__.py").exists()},
}


def tool(name: str) -> str:
    """pyside6-<name> beside this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"translations: pyside6-{name} not found (PySide6 installs it)")
    return found


def sources(area: str) -> list[str]:
    files: list[Path] = []
    for entry in AREAS[area]:
        files += sorted(entry.rglob("*.py")) if entry.is_dir() else [entry]
    return [str(f) for f in files if "__pycache__" not in f.parts]


def translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> its finished <translation> element."""
    found: dict[tuple[str, str], ET.Element] = {}
    if not ts.exists():
        return found
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                  "obsolete"):
                continue
            if (translation.text or "").strip() or list(translation):
                found[(name, message.findtext("source") or "")] = translation
    return found


def unfinished(ts: Path) -> list[str]:
    """'context: source' of every message without a finished translation."""
    missing: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            empty = translation is None or not ((translation.text or "").strip()
                                                or any((f.text or "").strip()
                                                       for f in translation))
            if empty or (translation is not None and translation.get("type") == "unfinished"):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def fill(ts: Path, pool: dict[tuple[str, str], ET.Element]) -> int:
    """Give every unfinished message of `ts` the translation the pool has for it."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            known = pool.get((name, message.findtext("source") or ""))
            if translation is None or known is None or translation.get("type") != "unfinished":
                continue
            message.remove(translation)
            message.append(known)
            filled += 1
    if filled:
        ET.indent(tree, space="    ")
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def lupdate(area: str, ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lupdate"), *sources(area), "-ts", str(ts), "-source-language",
                    "zh_CN", "-target-language", "en", "-locations", "none", "-no-obsolete",
                    "-silent"], check=True)


def update(extra: list[Path], ts_dir: Path = TS_DIR) -> None:
    pool: dict[tuple[str, str], ET.Element] = {}
    for ts in [*sorted(TS_DIR.glob("*.ts")), *extra]:
        pool.update(translations(ts))
    for area in AREAS:
        target = ts_dir / f"{area}.ts"
        if target != TS_DIR / f"{area}.ts" and (TS_DIR / f"{area}.ts").exists():
            shutil.copy(TS_DIR / f"{area}.ts", target)
        lupdate(area, target)
        if fill(target, pool):
            lupdate(area, target)  # back to lupdate's own layout, so `check` compares equal
    for stale in set(ts_dir.glob("*.ts")) - {ts_dir / f"{a}.ts" for a in AREAS}:
        stale.unlink()


def release(qm: Path = QM) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), *map(str, sorted(TS_DIR.glob("*.ts"))), "-qm", str(qm),
                    "-silent"], check=True)


# A call lupdate can read: translate("Context", "source" — the first literal of the source.
CALL = re.compile(r"""\btranslate\(\s*"([^"\\]+)"\s*,\s*"((?:[^"\\]|\\.)*)\"""")


def skipped_calls() -> list[str]:
    """Calls in the code whose text is in no .ts: lupdate skips a call it cannot parse (for one,
    a plural count given as an expression, `len(rows)`) without a word."""
    entries: dict[str, list[str]] = {}
    for ts in TS_DIR.glob("*.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            entries.setdefault(context.findtext("name") or "", []).extend(
                m.findtext("source") or "" for m in context.iter("message"))
    missing: list[str] = []
    for area in AREAS:
        for source in sources(area):
            code = Path(source).read_text(encoding="utf-8")
            for context, literal in CALL.findall(code):
                text = literal.encode("utf-8").decode("unicode_escape").encode(
                    "latin-1").decode("utf-8")
                if not any(e.startswith(text) for e in entries.get(context, [])):
                    where = Path(source).relative_to(ROOT)
                    missing.append(f"{where}: translate({context!r}, {text!r}) is in no .ts "
                                   "(lupdate could not read the call)")
    return missing


def check() -> list[str]:
    """Every problem, as lines: unfinished entries, a .ts behind the code, a stale .qm, a call
    lupdate skipped (its text in no .ts)."""
    problems: list[str] = skipped_calls()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        update([], fresh)
        for ts in sorted(fresh.glob("*.ts")):
            problems += [f"{ts.name}: unfinished: {m}" for m in unfinished(ts)]
            committed = TS_DIR / ts.name
            if not committed.exists() or committed.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name}: behind the code (run scripts/translations.py "
                                "update, translate, release)")
        qm = fresh / "eventdesk_en.qm"
        release(qm)
        if not QM.exists() or QM.read_bytes() != qm.read_bytes():
            problems.append("eventdesk_en.qm: behind the .ts files (run scripts/translations.py "
                            "release)")
    return problems


def todo(area: str) -> list[dict[str, object]]:
    ts = TS_DIR / f"{area}.ts"
    missing = set(unfinished(ts))  # read once, not once a message
    entries: list[dict[str, object]] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if f"{name}: {message.findtext('source')}" in missing:
                entries.append({"context": name, "source": message.findtext("source") or "",
                                "numerus": message.get("numerus") == "yes"})
    return entries


def fill_from_json(area: str, entries: list[dict[str, object]]) -> int:
    """Set the given translations in the area's .ts; returns how many were set."""
    pool: dict[tuple[str, str], ET.Element] = {}
    for entry in entries:
        element = ET.Element("translation")
        value = entry["translation"]
        if isinstance(value, list):
            for form in value:
                ET.SubElement(element, "numerusform").text = str(form)
        else:
            element.text = str(value)
        pool[(str(entry["context"]), str(entry["source"]))] = element
    ts = TS_DIR / f"{area}.ts"
    filled = fill(ts, pool)
    lupdate(area, ts)  # lupdate's own layout again
    return filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "release", "check", "todo", "fill"))
    parser.add_argument("area", nargs="?", choices=sorted(AREAS))
    parser.add_argument("json", nargs="?", type=Path)
    parser.add_argument("--from", dest="extra", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    if args.command == "todo":
        print(json.dumps(todo(args.area), ensure_ascii=False, indent=1))
    elif args.command == "fill":
        entries = json.loads(args.json.read_text(encoding="utf-8"))
        print(f"translations: {fill_from_json(args.area, entries)} set in {args.area}.ts")
    elif args.command == "update":
        update(args.extra)
    elif args.command == "release":
        release()
    else:
        problems = check()
        print("\n".join(problems) or "translations: complete and current")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
