"""Writing generated exports as deterministic zips or folders (fixed member times, sorted names)."""

from __future__ import annotations

import zipfile
from pathlib import Path

ZIP_TIME = (2026, 11, 1, 9, 0, 0)


def write_zip(files: dict[str, bytes], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return path


def write_folder(files: dict[str, bytes], path: Path) -> Path:
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path


class Written:
    """What an export builder with a `files()` method can write: a zip (optionally with every
    member under a `wrapper` folder, as when the person zipped the folder they unpacked) or a folder."""

    def files(self) -> dict[str, bytes]:
        raise NotImplementedError

    def write_zip(self, path: Path, wrapper: str = "") -> Path:
        return write_zip({wrapper + name: data for name, data in self.files().items()}, path)

    def write_folder(self, path: Path) -> Path:
        return write_folder(self.files(), path)
