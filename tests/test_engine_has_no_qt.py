"""The engine (`checks`) names nothing above it: no Qt and no `desktop`, not even inside a function.

Two checks: importing every module leaves PySide6 unloaded, and the source of every module (every
`import`, `from ... import` and `importlib.import_module("...")`, wherever it stands) names
neither Qt nor the application.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ABOVE_THE_ENGINE = frozenset({"desktop", "PySide6", "PyQt5", "PyQt6", "shiboken6"})


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


def imported_names(source: str) -> list[tuple[int, str]]:
    """(line, module) for every module a source file imports, at any depth."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__"):
                out.append((node.lineno, node.args[0].value))
    return out


def _above(module: str) -> bool:
    return module.split(".")[0] in ABOVE_THE_ENGINE


def test_no_engine_module_names_the_application_or_qt() -> None:
    offenders = []
    for path in sorted((ROOT / "checks").rglob("*.py")):
        for line, module in imported_names(path.read_text(encoding="utf-8")):
            if _above(module):
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offenders == []


def test_the_layer_check_sees_imports_inside_functions() -> None:
    source = ("def later():\n    from desktop.app import run_app\n    import PySide6.QtGui\n"
              "    importlib.import_module('desktop.printing')\n")
    assert [m for _, m in imported_names(source) if _above(m)] == ["desktop.app", "PySide6.QtGui", "desktop.printing"]
