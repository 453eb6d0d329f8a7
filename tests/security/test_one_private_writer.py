"""A guard: every file Offduty writes goes through the one private writer (`checks/store/files.py`).

No other module in `checks/` or `desktop/` opens a file for writing, renames files, makes
temporary files, or lets a library write one (`QPdfWriter` onto a path, a `FileHandler`). Each
exception is listed here with why it is not the person's data.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITER = "checks/store/files.py"
EXCEPTIONS = {
    # the trained model, written by training scripts on the developers' machines, not the person's data
    ("checks/detectors/textmodel.py", "write_bytes"),
    # `offduty --demo --screenshot DIR`: pictures of the invented demo person, for the documentation
    ("desktop/app.py", "save"),
    # /dev/null opened to stand in for a standard output whose reader went away (`offduty formats | head`)
    ("desktop/cli.py", "os.open"),
    # Qt's own memory in a welfare session, when the session's folder could not be made (0700, removed at the end)
    ("desktop/session.py", "tempfile"),
    ("desktop/session.py", "mkdtemp"),
}
WRITE_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC", "O_TMPFILE"}
CALLS = {"write_text", "write_bytes", "FileHandler", "rename", "renames", "symlink_to", "hardlink_to", "mkstemp",
         "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory"}
MODULE_CALLS = {("os", "replace"), ("os", "link"), ("os", "symlink"), ("shutil", "copy"), ("shutil", "copy2"),
                ("shutil", "copyfile"), ("shutil", "copyfileobj"), ("shutil", "move")}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _mode(call: ast.Call, position: int) -> str:
    for kw in call.keywords:
        if kw.arg == "mode" and isinstance(kw.value, ast.Constant):
            return str(kw.value.value)
    if len(call.args) > position and isinstance(call.args[position], ast.Constant):
        return str(call.args[position].value)  # type: ignore[attr-defined]
    return "r"


def _writes(call: ast.Call) -> str | None:
    """What kind of write `call` is, or None."""
    name = _name(call.func)
    flags = {n.attr for n in ast.walk(call) if isinstance(n, ast.Attribute)} & WRITE_FLAGS
    if name == "open" and isinstance(call.func, ast.Attribute) and _name(call.func.value) == "os" and flags:
        return "os.open"
    if name == "open":
        position = 1 if isinstance(call.func, ast.Name) else 0
        if any(c in _mode(call, position) for c in "wax+"):
            return "open"
    if name == "QPdfWriter" and call.args and not (isinstance(call.args[0], ast.Name) and "buffer" in call.args[0].id):
        return "QPdfWriter"
    if name == "save" and call.args and isinstance(call.args[0], ast.Call) and _name(call.args[0].func) == "str":
        return "save"
    receiver = _name(call.func.value) if isinstance(call.func, ast.Attribute) else ""
    if name in CALLS or (receiver, name) in MODULE_CALLS:
        return name
    if name == "replace" and isinstance(call.func, ast.Attribute) and len(call.args) == 1 and not call.keywords:
        return "replace"  # Path.replace(target); str.replace takes two
    return None


def offences(source: str, where: str) -> list[str]:
    if where == WRITER:
        return []
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if "tempfile" in names and (where, "tempfile") not in EXCEPTIONS:
                found.append(f"{where}:{node.lineno} imports tempfile")
        if isinstance(node, ast.Call):
            kind = _writes(node)
            if kind and (where, kind) not in EXCEPTIONS:
                found.append(f"{where}:{node.lineno} {kind}")
    return found


def test_every_file_is_written_by_the_private_writer() -> None:
    modules = sorted(p for folder in ("checks", "desktop") for p in (ROOT / folder).rglob("*.py")
                     if "__pycache__" not in p.parts)
    assert len(modules) > 40
    found = [o for p in modules for o in offences(p.read_text(encoding="utf-8"), p.relative_to(ROOT).as_posix())]
    assert found == []


def test_the_guard_sees_each_kind_of_write() -> None:
    source = "\n".join([
        "import os, tempfile",
        "open(p, 'w')",
        "path.open('ab')",
        "open(p, mode='x')",
        "os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)",
        "Path(p).write_text('x')",
        "os.replace(a, b)",
        "QPdfWriter(str(path))",
        "logging.FileHandler('x.log')",
        "open(p)",  # reading: fine
        "os.open(p, os.O_RDONLY)",  # reading: fine
        "QPdfWriter(buffer)",  # into memory: fine
        "text.replace('a', 'b')",  # a string: fine
        "tmp.replace(target)",
    ])
    assert offences(source, "desktop/x.py") == [
        "desktop/x.py:1 imports tempfile", "desktop/x.py:2 open", "desktop/x.py:3 open", "desktop/x.py:4 open",
        "desktop/x.py:5 os.open", "desktop/x.py:6 write_text", "desktop/x.py:7 replace", "desktop/x.py:8 QPdfWriter",
        "desktop/x.py:9 FileHandler", "desktop/x.py:14 replace"]
    assert offences(source, WRITER) == []
