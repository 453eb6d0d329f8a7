"""The engine (`checks`) must never import Qt: importing every module leaves PySide6 unloaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_every_checks_module_never_imports_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, checks\n"
        "names = [m.name for m in pkgutil.walk_packages(checks.__path__, 'checks.')]\n"
        "for n in names: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'))\n"
        "print(len(names)); print(bad)\n"
        "sys.exit(1 if bad or len(names) < 10 else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
