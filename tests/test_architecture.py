"""Architecture rules that import-linter cannot express (see .importlinter for the tiers)."""

from __future__ import annotations

import ast
from pathlib import Path

import eventdesk

SRC = Path(eventdesk.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_widget_or_command_combines_services_and_pdf() -> None:
    # Use cases that need both (render from data, then record) belong to eventdesk.actions.
    both = []
    for path in sorted([*SRC.glob("ui/**/*.py"), *SRC.glob("cli/**/*.py")]):
        modules = _imported_modules(path)
        uses_services = any(m.startswith("eventdesk.services") for m in modules)
        uses_pdf = any(m.startswith("eventdesk.pdf") for m in modules)
        if uses_services and uses_pdf:
            both.append(str(path.relative_to(SRC)))
    assert both == []


def test_a_module_combining_both_is_detected(tmp_path: Path) -> None:
    sample = tmp_path / "view.py"
    sample.write_text("from eventdesk.services import people\nfrom eventdesk.pdf import badges\n")
    modules = _imported_modules(sample)
    assert {"eventdesk.services.people", "eventdesk.pdf.badges"} <= modules
