"""Helpers shared by the readers (and archive) tests: read an export, the codes of skips and notes."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path
from types import ModuleType

from checks.errors import UnreadableExport
from checks.exports.archive import open_export
from checks.exports.recognise import recognise
from checks.progress import CancelToken
from checks.readers import ReadContext, reader_for
from checks.records import Item, ItemKind, Message, ProfileField


def code(reason: Message | str) -> str:
    """The code of a skip reason or note (tests assert codes, not sentences)."""
    return reason.code if isinstance(reason, Message) else reason


def codes(ctx: ReadContext) -> list[str]:
    """The codes of every skip reason of a reading, in order."""
    return [code(s.reason) for s in ctx.skipped]


def note_codes(ctx: ReadContext) -> list[str]:
    return [m.code for m in ctx.messages]


def read_export(paths: Path | list[Path], expect_format: str | None = None,
                cancel: CancelToken | None = None) -> tuple[list[Item], ReadContext]:
    """Open, recognise and read an export; asserts the recognised format when given."""
    group = paths if isinstance(paths, list) else [paths]
    with open_export(group) as export:
        rec = recognise(export)
        assert rec is not None, "not recognised"
        if expect_format is not None:
            assert rec.format == expect_format
        reader = reader_for(rec.format)
        assert reader is not None
        ctx = ReadContext(input_index=0, export=export, cancel=cancel or CancelToken())
        return list(reader().read(ctx)), ctx


def read_with(reader_format: str, path: Path) -> tuple[list[Item], ReadContext | None]:
    """Read with a chosen reader (no recognition), as the fuzz tests do.

    A mutated file the archive layer refuses as a whole (it now looks like a 7-Zip file, say)
    is not the reader's business: that gives no items and no context.
    """
    try:
        export = open_export([path])
    except UnreadableExport:
        return [], None
    with export:
        reader = reader_for(reader_format)
        assert reader is not None
        ctx = ReadContext(input_index=0, export=export)
        return list(reader().read(ctx)), ctx


def fields(items: list[Item], fld: ProfileField | str) -> list[Item]:
    """The PROFILE_FIELD items of one field."""
    return [i for i in items if i.kind is ItemKind.PROFILE_FIELD and i.field == fld]


def load_make_demo(module_name: str) -> ModuleType:
    """scripts/make_demo.py loaded as a module under `module_name` (it is not a package)."""
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(module_name, root / "scripts" / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def zip_folder(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder.parent).as_posix())
    return dest
