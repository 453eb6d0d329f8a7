"""A guard against regressions: the engine never unpacks exports or writes temporary files.

Temporary files are where plaintext is left behind (a crash, a full disk, a forgotten cleanup), so
nothing in `checks/` uses `tempfile` (files are written by the one private writer,
`checks/store/files.py`: see test_one_private_writer.py), and nothing may extract archives to disk.
"""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "checks"
ALLOWED_TEMPFILE: set[str] = set()  # the vault once needed it; the private writer needs none
FORBIDDEN_CALLS = {"extractall", "unpack_archive", "mkdtemp", "mkstemp", "NamedTemporaryFile",
                   "TemporaryDirectory", "SpooledTemporaryFile", "TemporaryFile"}


def offences(source: str, name: str) -> list[str]:
    """What in one module's source breaks the rule (`name` is its file name, for the allowance)."""
    if name in ALLOWED_TEMPFILE:
        return []
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        if "tempfile" in names:
            found.append(f"{name}:{node.lineno} imports tempfile")
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in FORBIDDEN_CALLS:
                found.append(f"{name}:{node.lineno} calls {called}()")
    return found


def test_nothing_in_the_engine_uses_temporary_files() -> None:
    modules = sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)
    assert len(modules) > 20
    found = [o for p in modules for o in offences(p.read_text(encoding="utf-8"), p.name)]
    assert found == []


def test_the_guard_sees_a_violation() -> None:
    source = ("import tempfile\nimport zipfile\nzipfile.ZipFile('x').extractall('/tmp')\n"
              "def later():\n    from tempfile import mkstemp\n    mkstemp()\n")
    assert offences(source, "reader.py") == [
        "reader.py:1 imports tempfile", "reader.py:3 calls extractall()", "reader.py:5 imports tempfile",
        "reader.py:6 calls mkstemp()"]
    assert offences(source, "vault.py")  # no module is allowed any more
