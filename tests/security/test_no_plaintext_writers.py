"""A guard against regressions: the engine never unpacks exports or writes temporary files.

Temporary files are where plaintext is left behind (a crash, a full disk, a forgotten cleanup), so
only `checks/store/vault.py` may use `tempfile` (it writes ciphertext beside the target), and nothing in
`checks/` may extract archives to disk.
"""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "checks"
ALLOWED_TEMPFILE = {"vault.py"}
FORBIDDEN_CALLS = {"extractall", "unpack_archive", "mkdtemp", "mkstemp", "NamedTemporaryFile",
                   "TemporaryDirectory", "SpooledTemporaryFile", "TemporaryFile"}


def _modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def test_only_the_vault_uses_temporary_files() -> None:
    offenders = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if "tempfile" in names and path.name not in ALLOWED_TEMPFILE:
                offenders.append(f"{path.relative_to(ENGINE)} imports tempfile")
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                if name in FORBIDDEN_CALLS and path.name not in ALLOWED_TEMPFILE:
                    offenders.append(f"{path.relative_to(ENGINE)}:{node.lineno} calls {name}()")
    assert offenders == []


def test_the_guard_sees_a_violation(tmp_path: Path) -> None:
    tree = ast.parse("import tempfile\nimport zipfile\nzipfile.ZipFile('x').extractall('/tmp')\n")
    calls = [n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert "extractall" in calls
