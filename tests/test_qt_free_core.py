"""console/models, console/services, reports/ and db/ must never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["console/models", "console/services", "reports", "db", "console/field", "console/geo"]
# Top-level core modules the core packages are allowed to lean on.
CORE_MODULES = [
    "console.errors",
    "console.messages",
    "console.settings",
    "console.store",
    "console.schema",
]


def _module_names() -> list[str]:
    names = list(CORE_MODULES)
    for folder in CORE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            # Alembic loads env.py and the revisions itself; they are not importable.
            if "versions" in rel.parts or rel.parts == ("db", "env"):
                continue
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join(parts))
    return names


def test_core_imports_no_qt() -> None:
    names = _module_names()
    assert "console.services.audit" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'pyqtgraph', 'vlc'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core modules pulled in: {result.stdout.strip()}"
