"""Outputs to a pipe or device are written in place, never renamed over (that would destroy the device)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from desktop.cli import main


@pytest.fixture
def x_export(tmp_path: Path) -> Path:
    folder = tmp_path / "export" / "data"
    folder.mkdir(parents=True)
    (folder / "tweets.js").write_text(
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "created_at": "Tue Mar 05 14:02:11 +0000 2024", '
        '"full_text": "hello there"}}]',
        encoding="utf-8",
    )
    return folder.parent


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_json_to_a_named_pipe_stays_a_pipe(tmp_path: Path, x_export: Path) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["scan", str(x_export), "--json", str(fifo), "--quiet"]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe must not be replaced by a regular file"
    assert received and b'"schema": "offduty.report/1"' in received[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_audit_is_never_saved_over_a_pipe(
    tmp_path: Path, x_export: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "audit.pipe"
    os.mkfifo(fifo)
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "correct horse battery staple")
    status = main(
        ["scan", str(x_export), "--save", str(fifo), "--passphrase", "--quiet", "--json", str(tmp_path / "r.json")]
    )
    assert status != 0
    assert "regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
